"""A load killed at any moment leaves whole reports only, and running it again finishes it.

`xunshi load` runs as a separate process and gets SIGKILL (no clean-up of any kind) while it is
storing reports, several times over; what it committed must be exactly what the parser gives
for each stored text, and the finished database must equal one loaded without interruption.
"""
from __future__ import annotations

import subprocess
import time
from pathlib import Path

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

SIZES = (150, 600)
"""Files in the load; the larger only if the smaller finished before it could be killed."""
KILL_AT = (3, 40, 80)
"""Reports stored (by all runs so far) when each run is killed."""
PATIENCE = 300
"""Seconds a run may take to store the next reports or to finish: a hang, not slowness."""


def stored(engine: Engine) -> int:
    with engine.connect() as conn:
        return conn.execute(text("SELECT count(*) FROM reports")).scalar_one()


def kill_when_stored(url: str, folder: Path, engine: Engine, target: int, log: Path) -> bool:
    """Run `xunshi load FOLDER` and SIGKILL it once `target` reports are stored; False when
    the load finished first."""
    process = xunshi(url, "load", str(folder), log=log)
    try:
        deadline = time.monotonic() + PATIENCE
        while stored(engine) < target:
            if (status := process.poll()) is not None:
                assert status == 0, log.read_text()
                return False
            if time.monotonic() > deadline:
                pytest.fail(f"fewer than {target} reports stored after {PATIENCE}s: "
                            f"{log.read_text()}")
            time.sleep(0.02)
    finally:
        process.kill()  # SIGKILL: the loader gets no chance to clean anything up
        process.wait(PATIENCE)
    wait_for_others_to_leave(engine)
    # what the killed run committed: whole reports, each exactly what its text parses to
    assert target <= stored(engine) < len(list(folder.iterdir()))
    assert half_written(engine) == {}
    assert broken_rules(engine) == {}
    assert table_counts(engine)["load_errors"] == 0
    return True


def finished(process: subprocess.Popen[bytes], log: Path) -> str:
    """Wait for a load to end; its summary line."""
    assert process.wait(PATIENCE) == 0, log.read_text()
    return log.read_text().splitlines()[-1]


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
                if not all(kill_when_stored(url, folder, engine, target, tmp_path / f"{n}.log")
                           for n, target in enumerate(KILL_AT)):
                    continue  # a load finished before the kill: try a larger one
                after_kills = stored(engine)
                resumed = xunshi(url, "load", str(folder), log=tmp_path / "resumed.log")
                assert finished(resumed, tmp_path / "resumed.log") == \
                    f"{size - after_kills} loaded, {after_kills} unchanged, 0 failed"
                assert finished(reference, tmp_path / "reference.log") == \
                    f"{size} loaded, 0 unchanged, 0 failed"
            finally:
                reference.kill()
                reference.wait(PATIENCE)
            assert table_counts(engine) == table_counts(other)
            assert fingerprint(engine) == fingerprint(other)
            assert half_written(engine) == {}
            assert broken_rules(engine) == {}
            return
    pytest.fail(f"every load finished before it could be killed, even one of {SIZES[-1]} files")
