"""The embedded PostgreSQL as a user meets it: separate commands share one server."""
from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from xunshi import embedded


def xunshi(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "XUNSHI_DATABASE_URL"}
    return subprocess.run([sys.executable, "-m", "xunshi", *args], env={**env, "XUNSHI_HOME": str(home)},
                          capture_output=True, text=True, timeout=120, check=True)


def test_started_on_demand_reused_and_stopped(tmp_path: Path) -> None:
    home = tmp_path / "home"
    try:
        url = xunshi(home, "db", "url").stdout.strip()
        assert url.startswith("postgresql+psycopg://postgres@/xunshi?host=")
        assert xunshi(home, "db", "url").stdout.strip() == url  # same server, reused
        assert xunshi(home, "db", "current").stdout.startswith("empty database")
        assert stat.S_IMODE(embedded.data_dir(home).stat().st_mode) == 0o700
        log = (embedded.data_dir(home) / "log").stat()  # the server's, as pg_ctl would leave it
        assert (stat.S_IMODE(log.st_mode), log.st_uid) == (0o600, embedded.data_dir(home).stat().st_uid)
        assert embedded.is_running(home)
        assert xunshi(home, "db", "stop").stdout.startswith("stopped")
        assert not embedded.is_running(home)
        assert xunshi(home, "db", "stop").stdout.startswith("no embedded PostgreSQL running")
    finally:
        embedded.stop(home)


def test_a_server_started_soon_is_the_one_ensure_running_gives(tmp_path: Path) -> None:
    home = tmp_path / "home"
    try:
        embedded.start_soon(home)
        embedded.start_soon(home)  # once per home
        url = embedded.ensure_running(home)
        assert url.startswith("postgresql+psycopg://postgres@/xunshi?host=")
        assert embedded.ensure_running(home) == url
    finally:
        embedded.stop(home)


def test_a_failed_start_soon_is_raised_by_ensure_running(tmp_path: Path) -> None:
    home = tmp_path / "file"
    home.write_text("not a folder")
    embedded.start_soon(home)
    with pytest.raises(FileExistsError):
        embedded.ensure_running(home)
