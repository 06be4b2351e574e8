"""pyproject.toml lists packages by hand (to map migrations/ into the package): keep it whole."""
from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_package_under_src_is_listed() -> None:
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    src = ROOT / "src"
    found = {".".join(p.parent.relative_to(src).parts) for p in src.rglob("__init__.py")}
    assert found - listed == set(), "add these to [tool.setuptools] packages in pyproject.toml"


def test_migrations_are_importable_from_the_package() -> None:
    import xunshi.migrations

    here = Path(xunshi.migrations.__file__).parent
    assert (here / "env.py").is_file() and (here / "script.py.mako").is_file()
    assert any((here / "versions").glob("0001_*.py"))
