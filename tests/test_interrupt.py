"""Ctrl-C during a load says what was stored and that running the command again goes on."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import Engine, text

from tests.integrity import PATIENCE, corpus


def test_ctrl_c_says_what_was_stored_and_how_to_go_on(engine: Engine, database_url: str,
                                                      tmp_path: Path) -> None:
    folder = corpus(tmp_path / "r", 100)
    env = {k: v for k, v in os.environ.items() if k != "XUNSHI_DATABASE_URL"}
    # each line as it is printed: a pipe's block buffer would hold back the first batch's lines
    # until most of the load was done, and Ctrl-C could come after the last report
    env["PYTHONUNBUFFERED"] = "1"
    command = [sys.executable, "-m", "xunshi", "--database-url", database_url, "load",
               "--jobs", "2", str(folder)]
    # a session of its own: Ctrl-C reaches the whole foreground group, the workers too
    load = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, start_new_session=True)
    assert load.stdout is not None
    first = load.stdout.readline()  # the first batch is stored
    assert first.startswith("loaded     "), first + load.communicate(timeout=PATIENCE)[1]
    os.killpg(load.pid, signal.SIGINT)
    started = time.monotonic()
    out, err = load.communicate(timeout=PATIENCE)
    assert load.returncode == 130, err
    assert time.monotonic() - started < 30  # the workers drop what is queued
    with engine.connect() as conn:
        stored = conn.execute(text("SELECT count(*) FROM reports")).scalar_one()
    assert 0 < stored < 100
    assert "Aborted!" not in err
    assert err.splitlines()[-1] == (
        f"interrupted by Ctrl-C: {stored} loaded, 0 unchanged, 0 failed so far; every report "
        "stored is complete: run the same command again to go on loading the rest")
    again = subprocess.run(command, env=env, capture_output=True, text=True, timeout=PATIENCE)
    assert again.stdout.splitlines()[-1] == f"{100 - stored} loaded, {stored} unchanged, 0 failed"
