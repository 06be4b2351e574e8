"""`xunshi db serve`: BI tools get in over TCP with a reader's password, nobody else does,
and afterwards the embedded server is socket-only again."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest
from click.testing import CliRunner

from tests.conftest import SEEDS
from xunshi import embedded, serve
from xunshi.cli import main

WAIT = 120  # seconds before a step that should take one is declared hung


def env(home: Path) -> dict[str, str]:
    return {**{k: v for k, v in os.environ.items() if k != "XUNSHI_DATABASE_URL"}, "XUNSHI_HOME": str(home)}


def xunshi(home: Path, *args: str) -> str:
    done = subprocess.run([sys.executable, "-m", "xunshi", *args], env=env(home), capture_output=True,
                          text=True, timeout=WAIT)
    assert done.returncode == 0, done.stderr
    return done.stdout


def free_port() -> int:
    with socket.socket() as s:
        s.bind((serve.HOST, 0))
        return s.getsockname()[1]


def tcp(port: int, user: str, password: str | None) -> psycopg.Connection:
    return psycopg.connect(host=serve.HOST, port=port, dbname="xunshi", user=user, password=password,
                           connect_timeout=10)


def password_of(grant_output: str) -> str:
    [line] = [line for line in grant_output.splitlines() if line.startswith("password: ")]
    return line.removeprefix("password: ")


def test_serve_is_only_for_the_embedded_database() -> None:
    result = CliRunner().invoke(main, ["--database-url", "postgresql://u:pw@db.example.org/x", "db", "serve"])
    assert result.exit_code == 1
    assert "serve is for the embedded database; your server already listens on db.example.org:5432" in result.stderr


def test_a_taken_port_is_one_clear_line(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind((serve.HOST, 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner(env={"XUNSHI_HOME": str(tmp_path), "XUNSHI_DATABASE_URL": None}).invoke(
            main, ["db", "serve", "--port", str(port)])
    assert result.exit_code == 1
    assert f"port {port} on 127.0.0.1 is taken" in result.stderr
    assert not embedded.data_dir(tmp_path).exists()  # nothing was started for nothing


def test_serve_lets_readers_in_over_tcp_until_sigterm(embedded_home: Path) -> None:
    home = embedded_home
    port = free_port()
    xunshi(home, "load", str(SEEDS))
    password = password_of(xunshi(home, "db", "grant-reader", "bi"))
    server = subprocess.Popen([sys.executable, "-m", "xunshi", "db", "serve", "--port", str(port),
                               "--reader", "bi"], env=env(home), stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    try:
        with _first_connection(server, port, password) as conn:
            assert conn.execute("SELECT count(*) FROM v_reports").fetchone() == (5,)
        with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
            tcp(port, "bi", "wrong")
        with pytest.raises(psycopg.OperationalError, match="no password supplied"):
            tcp(port, "postgres", None)
        # other commands keep using the socket meanwhile: a new password replaces the old
        new_password = password_of(xunshi(home, "db", "grant-reader", "bi"))
        with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
            tcp(port, "bi", password)
        tcp(port, "bi", new_password).close()
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            out, err = server.communicate(timeout=WAIT)
        except subprocess.TimeoutExpired:
            server.kill()
            raise
    assert server.returncode == 0, err
    assert f"jdbc:postgresql://127.0.0.1:{port}/xunshi?user=bi" in out
    assert new_password not in out and password not in out
    assert not embedded.is_running(home)
    assert xunshi(home, "db", "current").startswith("0")  # started again, socket only
    info = embedded.postmaster(home)
    assert info is not None and info.hostname is None
    with pytest.raises(psycopg.OperationalError):
        tcp(port, "bi", new_password)


def _first_connection(server: subprocess.Popen[str], port: int, password: str) -> psycopg.Connection:
    """The reader's first TCP connection, once serve has restarted the server."""
    deadline = time.monotonic() + WAIT
    while True:
        try:
            return tcp(port, "bi", password)
        except psycopg.OperationalError:
            if server.poll() is not None:
                pytest.fail(f"serve exited {server.returncode}: {server.stderr.read()}")  # type: ignore[union-attr]
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)
