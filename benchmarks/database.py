"""The database a run loads into: empty, at the newest schema, and thrown away afterwards.

By default a fresh embedded PostgreSQL in a temporary XUNSHI_HOME, as a new user gets it; or an
empty database the caller names (to measure another server), which the run truncates.
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
def fresh_database(url: str | None) -> Iterator[Database]:
    """An empty database at the newest schema: the given one, else a new embedded server."""
    env = {k: v for k, v in os.environ.items() if k not in (config.URL_ENV, config.HOME_ENV)}
    home = None
    if url:
        env[config.URL_ENV] = url
        kind = config.display_url(url)
    else:
        home = Path(tempfile.mkdtemp(prefix="xunshi-bench-"))
        env[config.HOME_ENV] = str(home)
        url = embedded.ensure_running(home)
        kind = "embedded"
    try:
        engine = create_engine(config.sqlalchemy_url(url))
        try:
            schema.upgrade(engine)
        finally:
            engine.dispose()
        libpq = config.libpq_url(url)
        with psycopg.connect(libpq) as conn:
            if conn.execute("SELECT count(*) FROM reports").fetchone()[0]:
                raise RuntimeError(f"database {kind} is not empty: the benchmark truncates its tables")
            version = conn.execute("SHOW server_version").fetchone()[0]
        yield Database(libpq, env, kind, version)
    finally:
        if home is not None:
            embedded.stop(home)
            shutil.rmtree(home, ignore_errors=True)
