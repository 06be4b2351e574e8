"""docs/cli.md is the commands' own help: a changed option must show up there."""
from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_committed_cli_reference_is_current() -> None:
    spec = importlib.util.spec_from_file_location("build_cli_docs", ROOT / "scripts" / "build_cli_docs.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert (ROOT / "docs" / "cli.md").read_text("utf-8") == module.render(), (
        "docs/cli.md is stale: run `python scripts/build_cli_docs.py > docs/cli.md`")
