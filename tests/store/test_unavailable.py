"""A database that stops answering mid-load stops the load once, with what was stored, instead
of failing every later file with the same message (and failing to record each failure)."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from sqlalchemy import Engine, func, select
from sqlalchemy.exc import OperationalError

from tests.conftest import SEEDS, engine_on
from xunshi import embedded
from xunshi.cli.progress import with_progress
from xunshi.store import load, schema
from xunshi.store.load import DatabaseUnavailable, FileResult, Outcome, load_paths
from xunshi.store.models import LoadError

SEED = sorted(SEEDS.glob("*.txt"))[0]


def reports(folder: Path, n: int) -> list[Path]:
    """n different reports: the seed with a line of its own each."""
    folder.mkdir()
    files = [folder / f"{k:02d}.txt" for k in range(n)]
    for k, path in enumerate(files):
        path.write_text(SEED.read_text("utf-8") + f"\n（第{k}稿）\n", "utf-8")
    return files


def count_errors(engine: Engine) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(LoadError)).scalar_one()


def test_a_server_that_stops_mid_load_stops_the_load(embedded_home: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(load, "BATCH", 4)
    files = reports(tmp_path / "r", 10)
    seen: list[FileResult] = []

    def stop_after_the_first(result: FileResult) -> None:
        seen.append(result)
        if len(seen) == 1:
            embedded.stop(embedded_home)  # the rest of this batch is committed already

    with engine_on(embedded.ensure_running(embedded_home)) as engine:
        schema.upgrade(engine)
        with pytest.raises(DatabaseUnavailable) as stopped:
            load_paths(engine, files, stop_after_the_first)
    assert [r.outcome for r in seen] == [Outcome.LOADED] * 4
    assert str(stopped.value).startswith("the database stopped the load: ")
    assert "\n" not in str(stopped.value)
    with engine_on(embedded.ensure_running(embedded_home)) as engine:
        assert count_errors(engine) == 0  # nothing was failed for want of a server
        again = load_paths(engine, files)
    assert [r.outcome for r in again] == [Outcome.UNCHANGED] * 4 + [Outcome.LOADED] * 6


def test_the_command_says_what_was_stored_and_how_to_go_on() -> None:
    def run(report: Callable[[FileResult], None], parsed: Callable[[str], None]) -> list[FileResult]:
        report(FileResult("a.txt", Outcome.LOADED, 1))
        raise DatabaseUnavailable(OperationalError("COPY", {}, Exception("server closed the "
                                                                         "connection\nline 2")))

    result = CliRunner().invoke(click.command()(lambda: with_progress("loading", 2, run)))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "1 loaded, 0 unchanged, 0 failed so far",
        "Error: the database stopped the load: Exception: server closed the connection; every "
        "report stored is complete: run the same command again to go on loading the rest"]
