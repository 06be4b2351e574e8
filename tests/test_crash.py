"""A load killed at any moment leaves whole reports only, and running it again finishes it.

`xunshi load` runs as a process of its own and gets SIGKILL (no clean-up of any kind) while a
transaction of its is writing reports, several times over. What it committed must be exactly
what the parser gives for each stored text; the killed transaction must leave nothing; its
worker processes must end too; and the finished database must equal one loaded without
interruption.
"""
from __future__ import annotations

import subprocess
import time
from pathlib import Path

import psutil
import pytest
from sqlalchemy import Engine, text

from tests.conftest import fresh_database
from tests.integrity import (
    broken_rules,
    corpus,
    engine_on,
    fingerprint,
    half_written,
    table_counts,
    wait_for_others_to_leave,
    xunshi,
)
from xunshi.store import schema

SIZES = (250, 1000)
"""Files in the load; the larger only if the smaller finished before it was killed enough."""
KILLS = 3
"""Runs killed in the middle of a write transaction before one may finish."""
PATIENCE = 300
"""Seconds a run may take to write, to finish or to go away: a hang, not slowness."""

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


def kill_while_writing(url: str, folder: Path, engine: Engine, log: Path) -> str | None:
    """Run `xunshi load FOLDER` until it has committed reports and is writing more, then
    SIGKILL it; what became of the transaction it was in ('aborted', or 'committed' if it
    got there first), or None when the load finished before."""
    before = stored(engine)
    process = xunshi(url, "load", str(folder), log=log)
    workers: list[psutil.Process] = []
    try:
        deadline = time.monotonic() + PATIENCE
        while (xid := writing(engine) if stored(engine) > before else None) is None:
            if (status := process.poll()) is not None:
                assert status == 0, log.read_text()
                return None
            if time.monotonic() > deadline:
                pytest.fail(f"no reports written after {PATIENCE}s: {log.read_text()}")
            time.sleep(0.01)
        workers = psutil.Process(process.pid).children(recursive=True)
    finally:
        process.kill()  # SIGKILL: the loader gets no chance to clean anything up
        process.wait(PATIENCE)
    _, left = psutil.wait_procs(workers, timeout=PATIENCE)
    assert left == [], "a killed load's worker processes kept running"
    wait_for_others_to_leave(engine)
    return fate(engine, xid)


def finished(process: subprocess.Popen[bytes], log: Path) -> str:
    """Wait for a load to end; its summary line."""
    assert process.wait(PATIENCE) == 0, log.read_text()
    return log.read_text().splitlines()[-1]


def assert_whole(engine: Engine) -> None:
    """Every stored report has exactly the rows its text parses to, and nothing else is off."""
    assert half_written(engine) == {}
    assert broken_rules(engine) == {}
    assert table_counts(engine)["load_errors"] == 0


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
                    if (killed := kill_while_writing(url, folder, engine, log)) is None:
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
