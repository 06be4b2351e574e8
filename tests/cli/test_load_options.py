"""load's flags reach LoadOptions under their own names (see cli/load.py)."""
from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from sqlalchemy import Engine, text

from xunshi.cli import main


def test_flags_reach_the_load(database_url: str, engine: Engine, tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text("今天天气很好，我们去公园散步。", encoding="utf-8")

    def load(*flags: str) -> str:
        result = CliRunner().invoke(main, ["--database-url", database_url, "load", *flags,
                                           str(note)])
        return result.stdout.splitlines()[-1]

    assert load() == "0 loaded, 0 unchanged, 1 failed"
    assert load("--keep-unrecognized") == "1 loaded, 0 unchanged, 0 failed"
    note.write_text("今天天气很好，我们去河边散步。", encoding="utf-8")
    assert load("--keep-unrecognized", "--replace") == "1 loaded, 0 unchanged, 0 failed"
    with engine.connect() as conn:  # replaced, not kept beside it as superseded
        assert conn.execute(text("SELECT count(*) FROM reports")).scalar_one() == 1
