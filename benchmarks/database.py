"""The database a run loads into: empty and at the newest schema when the run starts.

By default a fresh embedded PostgreSQL in a temporary XUNSHI_HOME, as a new user gets it, deleted
afterwards; or an empty database the caller names (to measure another server), which the run
fills, truncates and fills again, and leaves filled.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import psycopg
from sqlalchemy import create_engine

from xunshi import config, embedded
from xunshi.store import schema


@dataclass(frozen=True)
class Database:
    url: str  # libpq form, for psycopg
    env: dict[str, str]  # for `xunshi` subprocesses: they find the same database
    kind: str  # embedded, or the masked URL given
    version: str  # the server's


@contextmanager
def _server(url: str | None) -> Iterator[tuple[str, dict[str, str], str]]:
    """(URL, what tells `xunshi` to use it, description): the given database, else a new
    embedded server in a temporary home, stopped and deleted afterwards."""
    if url:
        yield url, {config.URL_ENV: url}, config.display_url(url)
        return
    home = Path(tempfile.mkdtemp(prefix="xunshi-bench-"))
    try:
        yield embedded.ensure_running(home), {config.HOME_ENV: str(home)}, "embedded"
    finally:
        embedded.stop(home)
        shutil.rmtree(home, ignore_errors=True)


@contextmanager
def fresh_database(url: str | None) -> Iterator[Database]:
    """An empty database at the newest schema: the given one, else a new embedded server."""
    env = {k: v for k, v in os.environ.items() if k not in (config.URL_ENV, config.HOME_ENV)}
    with _server(url) as (server_url, settings, kind):
        engine = create_engine(config.sqlalchemy_url(server_url))
        try:
            schema.upgrade(engine)
        finally:
            engine.dispose()
        libpq = config.libpq_url(server_url)
        with psycopg.connect(libpq) as conn:
            if conn.execute("SELECT count(*) FROM reports").fetchone()[0]:
                raise RuntimeError(f"database {kind} is not empty: the benchmark truncates its tables")
            version = conn.execute("SHOW server_version").fetchone()[0]
        yield Database(libpq, {**env, **settings}, kind, version)
