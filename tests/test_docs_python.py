"""Every ```python example in the README and docs/ runs, as a reader would paste it.

A page's blocks run in order in one namespace (later blocks use what earlier ones made), in a
folder of their own that holds `out/` (every export format of the example reports, as
`xunshi export out --format …` writes it) and `examples/`, with XUNSHI_DATABASE_URL on a
database holding the example reports. The BI recipes' reader URL
(`postgresql+psycopg://bi:PASSWORD@127.0.0.1:5433/xunshi`) is replaced by a real reader role's
URL for that database (over TCP, or the embedded server's socket).
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlalchemy import Engine

from tests.store.test_access import reader_role
from xunshi.export import Format, export_views
from xunshi.store import access

ROOT = Path(__file__).resolve().parents[1]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
_PYTHON_BLOCK = re.compile(r"```python\n(.*?)```", re.DOTALL)
READER = "postgresql+psycopg://bi:PASSWORD@127.0.0.1:5433/xunshi"

EXAMPLES = [(doc, blocks) for doc in DOCS
            if (blocks := _PYTHON_BLOCK.findall(doc.read_text("utf-8")))]


def test_the_api_and_export_pages_have_python_examples() -> None:
    assert {"api.md", "export.md", "bi.md"} <= {doc.name for doc, _ in EXAMPLES}


@pytest.fixture(scope="module")
def exported(seeded_engine: Engine, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with out/ holding every format, written once for the module."""
    folder = tmp_path_factory.mktemp("docs")
    for fmt in Format:
        export_views(seeded_engine, folder / "out", fmt)
    (folder / "examples").symlink_to(ROOT / "examples")
    return folder


@pytest.mark.parametrize("doc,blocks", EXAMPLES, ids=[d.name for d, _ in EXAMPLES])
def test_python_examples_run(seeded_engine: Engine, exported: Path, doc: Path, blocks: list[str],
                             tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for item in exported.iterdir():
        (tmp_path / item.name).symlink_to(item)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XUNSHI_DATABASE_URL", seeded_engine.url.render_as_string(hide_password=False))
    with reader_role(seeded_engine) as (name, password):
        if any(READER in block for block in blocks):
            access.grant_reader(seeded_engine, name, password)
        reader = seeded_engine.url.set(username=name, password=password).render_as_string(
            hide_password=False)
        namespace: dict[str, object] = {"__name__": f"docs_{doc.stem}"}
        for n, block in enumerate(blocks):
            code = compile(block.replace(READER, reader), f"{doc.name} python block {n}", "exec")
            exec(code, namespace)  # noqa: S102 - the documentation's own examples
