"""A load killed at any moment leaves whole reports only, and running it again finishes it.

`xunshi load` (and `xunshi reparse`) runs as a process of its own and gets SIGKILL (no clean-up
of any kind) while a transaction of its is writing reports, several times over. What it committed must be exactly
what the parser gives for each stored text; the killed transaction must leave nothing; its
worker processes must end too; and the finished database must equal one loaded without
interruption.
"""
from __future__ import annotations

import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import psutil
import pytest
from sqlalchemy import Engine, text

from tests.conftest import engine_on, fresh_database
from tests.integrity import (
    PATIENCE,
    broken_rules,
    corpus,
    fingerprint,
    half_written,
    summary_line,
    table_counts,
    wait_for_others_to_leave,
    xunshi,
)
from xunshi.parse import PARSER_VERSION
from xunshi.store import schema

SIZES = (250, 1000)
"""Files in the load; the larger only if the smaller finished before it was killed enough."""
KILLS = 3
"""Runs killed in the middle of a write transaction before one may finish."""

WRITING = text("""
    SELECT backend_xid::text::bigint FROM pg_stat_activity
    WHERE datname = current_database() AND pid <> pg_backend_pid()
      AND backend_type = 'client backend' AND backend_xid IS NOT NULL""")
# backend_xid is a 32-bit xid; pg_xact_status takes it with its epoch, the current one here
FATE = text("""
    SELECT pg_xact_status(CAST(CAST(
        ((CAST(CAST(pg_snapshot_xmax(pg_current_snapshot()) AS text) AS bigint) >> 32) << 32)
        | :xid AS text) AS xid8))""")


def stored(engine: Engine) -> int:
    with engine.connect() as conn:
        return conn.execute(text("SELECT count(*) FROM reports")).scalar_one()


def writing(engine: Engine) -> int | None:
    """The id of another session's transaction that has written something, if any."""
    with engine.connect() as conn:
        return conn.execute(WRITING).scalar()


def fate(engine: Engine, xid: int) -> str:
    with engine.connect() as conn:
        return conn.execute(FATE, {"xid": xid}).scalar_one()


def kill_while_writing(url: str, args: list[str], engine: Engine,
                       done: Callable[[Engine], int], log: Path) -> str | None:
    """Run `xunshi ARGS` until it has committed work (`done` has grown) and is writing more,
    then SIGKILL it; what became of the transaction it was in ('aborted', or 'committed' if
    it got there first), or None when the command finished before."""
    before = done(engine)
    process = xunshi(url, *args, log=log)
    workers: list[psutil.Process] = []
    try:
        deadline = time.monotonic() + PATIENCE
        while (xid := writing(engine) if done(engine) > before else None) is None:
            if (status := process.poll()) is not None:
                assert status == 0, log.read_text()
                return None
            if time.monotonic() > deadline:
                pytest.fail(f"nothing written after {PATIENCE}s: {log.read_text()}")
            time.sleep(0.01)
        workers = psutil.Process(process.pid).children(recursive=True)
    finally:
        process.kill()  # SIGKILL: the command gets no chance to clean anything up
        process.wait(PATIENCE)
    _, left = psutil.wait_procs(workers, timeout=PATIENCE)
    assert left == [], "a killed command's worker processes kept running"
    wait_for_others_to_leave(engine)
    return fate(engine, xid)


def finished(process: subprocess.Popen[bytes], log: Path) -> str:
    """Wait for a load to end; its summary line."""
    assert process.wait(PATIENCE) == 0, log.read_text()
    return summary_line(log)


def assert_whole(engine: Engine) -> None:
    """Every stored report has exactly the rows its text parses to, and nothing else is off."""
    assert half_written(engine) == {}
    assert broken_rules(engine) == {}
    assert table_counts(engine)["xunshi_internal.load_errors"] == 0


def test_a_killed_load_leaves_whole_reports_and_running_it_again_finishes_it(
        server_url: str, tmp_path: Path) -> None:
    for size in SIZES:
        folder = corpus(tmp_path / f"reports{size}", size)
        with (fresh_database(server_url) as url, engine_on(url) as engine,
              fresh_database(server_url) as other_url, engine_on(other_url) as other):
            schema.upgrade(engine)
            # the uninterrupted load to compare with, meanwhile
            reference = xunshi(other_url, "load", str(folder), log=tmp_path / "reference.log")
            try:
                kills = 0
                while kills < KILLS:
                    log = tmp_path / f"size{size}-run{kills}.log"
                    killed = kill_while_writing(url, ["load", str(folder)], engine, stored, log)
                    if killed is None:
                        break  # finished before it was killed often enough: try a larger load
                    assert killed in ("aborted", "committed")
                    kills += killed == "aborted"
                    assert 0 < stored(engine) < size
                    assert_whole(engine)
                else:
                    before = stored(engine)
                    resumed = xunshi(url, "load", str(folder), log=tmp_path / "resumed.log")
                    assert finished(resumed, tmp_path / "resumed.log") == \
                        f"{size - before} loaded, {before} unchanged, 0 failed"
                    assert finished(reference, tmp_path / "reference.log") == \
                        f"{size} loaded, 0 unchanged, 0 failed"
                    assert table_counts(engine) == table_counts(other)
                    assert fingerprint(engine) == fingerprint(other)
                    assert_whole(engine)
                    return
            finally:
                reference.kill()  # a no-op once it has finished
                reference.wait(PATIENCE)
    pytest.fail(f"every load finished before it was killed {KILLS} times while writing, "
                f"even one of {SIZES[-1]} files")


def reparsed(engine: Engine) -> int:
    with engine.connect() as conn:
        return conn.execute(text("SELECT count(*) FROM reports WHERE parser_version = :v"),
                            {"v": PARSER_VERSION}).scalar_one()


def report_ids(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        return dict(conn.execute(text("SELECT sha256, id FROM reports")).all())


def test_a_killed_reparse_leaves_whole_reports_and_running_it_again_finishes_it(
        database_url: str, tmp_path: Path) -> None:
    size = 150  # three write batches: one committed, one killed, one left
    loaded = xunshi(database_url, "load", str(corpus(tmp_path / "reports", size)),
                    log=tmp_path / "load.log")
    assert finished(loaded, tmp_path / "load.log") == f"{size} loaded, 0 unchanged, 0 failed"
    with engine_on(database_url) as engine:
        with engine.begin() as conn:  # as if an older parser had stored them
            conn.execute(text("UPDATE reports SET parser_version = 0"))
        before = table_counts(engine), fingerprint(engine), report_ids(engine)
        killed = kill_while_writing(database_url, ["reparse"], engine, reparsed,
                                    tmp_path / "killed.log")
        assert killed is not None, "the re-parse finished before it could be killed"
        assert 0 < (done := reparsed(engine)) < size
        assert_whole(engine)
        resumed = xunshi(database_url, "reparse", log=tmp_path / "resumed.log")
        assert finished(resumed, tmp_path / "resumed.log") == \
            f"0 loaded, {size - done} reparsed, 0 unchanged, 0 failed"
        assert reparsed(engine) == size
        assert (table_counts(engine), fingerprint(engine), report_ids(engine)) == before
        assert_whole(engine)
