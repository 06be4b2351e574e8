"""Progress moves with every file parsed, not with every batch written; a run ends with how
long it took; a load says where the data is; a re-parse with nothing to do says so."""
from __future__ import annotations

import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from sqlalchemy import Engine, text

from tests.conftest import SEEDS
from xunshi.cli import main
from xunshi.cli.common import where_the_data_is
from xunshi.cli.progress import Tally, closing_line, pace
from xunshi.store import reparse
from xunshi.store.load import FileResult, Outcome, load_paths

SEED_FILES = sorted(SEEDS.glob("*.txt"))


def test_every_file_is_heard_of_when_parsed_before_its_batch_is_written(engine: Engine) -> None:
    events: list[tuple[str, str]] = []
    load_paths(engine, SEED_FILES[:3], on_result=lambda r: events.append(("stored", r.file)),
               on_parsed=lambda name: events.append(("parsed", name)))
    names = [str(p) for p in SEED_FILES[:3]]
    assert events == [("parsed", n) for n in names] + [("stored", n) for n in names]
    with engine.begin() as conn:
        conn.execute(text("UPDATE reports SET parser_version = 0"))
    heard: list[str] = []
    reparse.reparse(engine, reparse.pending(engine), on_parsed=heard.append)
    assert heard == names


def test_a_file_counts_once_whether_parsed_or_not() -> None:
    tally = Tally()
    tally.parsed("a.txt")
    assert tally.done == 1
    tally.result("a.txt")  # its batch was written: counted already
    tally.result("b.txt")  # unchanged: never parsed
    tally.parsed("a.txt")  # a second version of the same name
    tally.result("a.txt")
    assert tally.done == 3


def test_rate_and_time_left() -> None:
    assert pace(0, 10, 0.0) == ("", "")
    assert pace(10, 100, 4.0) == ("2.5 reports/s", "ETA 0:36")
    assert pace(1, 200, 1.0) == ("1.0 reports/s", "ETA 3:19")


def test_the_closing_line_counts_reports_not_skipped_files() -> None:
    results = [FileResult("a.txt", Outcome.LOADED, 1), FileResult("b.txt", Outcome.FAILED),
               FileResult("c.png", Outcome.SKIPPED)]
    assert closing_line(results, 4.0) == "2 reports in 4.0 s, 0.5 reports/s"
    assert closing_line(results[:1], 0.25) == "1 report in 0.2 s, 4.0 reports/s"


def test_a_load_ends_with_its_time_and_where_the_data_is(database_url: str) -> None:
    result = CliRunner().invoke(main, ["--database-url", database_url, "load", str(SEEDS)])
    assert result.exit_code == 0, result.output
    closing, where = result.stderr.splitlines()
    assert re.fullmatch(r"5 reports in \d+\.\d s, \d+\.\d reports/s", closing)
    assert where == f"the archive is in {database_url}"
    quiet = CliRunner().invoke(main, ["--database-url", database_url, "load", "-q", str(SEEDS)])
    assert quiet.stderr == ""


def test_the_embedded_archive_is_named_with_how_to_stop_it(tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XUNSHI_HOME", str(tmp_path))
    monkeypatch.delenv("XUNSHI_DATABASE_URL", raising=False)
    with click.Context(main) as ctx:
        ctx.obj = None
        assert where_the_data_is() == (
            f"the archive is in {tmp_path}/pgdata; its PostgreSQL keeps running for the next "
            "command: `xunshi db stop` stops it")
    with click.Context(main) as ctx:
        ctx.obj = "postgresql://u:secret@h/d"
        assert where_the_data_is() == "the archive is in postgresql+psycopg://u:***@h/d"
