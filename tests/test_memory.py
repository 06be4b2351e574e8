"""A file just under the size limit loads in bounded memory: the whole process tree of
`xunshi load` stays under 500 MB for a 19 MB text (it took 755 MB when the search words of
the whole text were cut in one go)."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import psutil
from sqlalchemy import Engine, text

from tests.integrity import PATIENCE, SEED_FILES
from xunshi import sources

BUDGET = 500_000_000
"""Bytes of resident memory the load's processes may hold together at any moment."""


def peak_rss(command: list[str]) -> tuple[int, subprocess.CompletedProcess[str]]:
    """Run the command, sampling the resident memory of it and its children every 50 ms."""
    env = {k: v for k, v in os.environ.items() if k != "XUNSHI_DATABASE_URL"}
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True)
    root, peak = psutil.Process(process.pid), 0
    deadline = time.monotonic() + PATIENCE
    while process.poll() is None and time.monotonic() < deadline:
        try:
            tree = [root, *root.children(recursive=True)]
        except psutil.NoSuchProcess:
            break
        total = 0
        for p in tree:
            try:
                total += p.memory_info().rss
            except psutil.NoSuchProcess:
                pass
        peak = max(peak, total)
        time.sleep(0.05)
    out, err = process.communicate(timeout=PATIENCE)
    return peak, subprocess.CompletedProcess(command, process.returncode, out, err)


def test_a_text_just_under_the_limit_loads_in_under_500_mb(engine: Engine, database_url: str,
                                                           tmp_path: Path) -> None:
    seeds = b"\n".join(p.read_bytes() for p in SEED_FILES) + b"\n"
    big = tmp_path / "big.txt"
    big.write_bytes(seeds * (int(0.95 * sources.DEFAULT_MAX_SIZE) // len(seeds)))
    peak, done = peak_rss([sys.executable, "-m", "xunshi", "--database-url", database_url,
                           "load", str(big)])
    assert done.returncode == 0, done.stderr
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM reports")).scalar_one() == 1
    assert peak < BUDGET, f"peak {peak / 1e6:.0f} MB"
