"""A reader role reads the views and tables, and can do nothing else.

Roles are server-wide while the test databases are per test, so every test makes a role with
a name of its own and drops it at the end.
"""
from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import psycopg
import pytest
from psycopg import sql
from sqlalchemy import Engine, create_engine, inspect, text

from tests.conftest import SEEDS
from xunshi.config import libpq_url
from xunshi.store import access, catalog, schema
from xunshi.store.load import Outcome, load_file

SEEDS_FIRST = sorted(SEEDS.glob("*.txt"))[0]
WRITES = ("INSERT INTO {table} DEFAULT VALUES", "UPDATE {table} SET {column} = {column}",
          "DELETE FROM {table}", "TRUNCATE {table} CASCADE")


@contextmanager
def reader_role(engine: Engine) -> Iterator[tuple[str, str]]:
    """A new reader's name and password; the role is gone afterwards."""
    name, password = f"xunshi_reader_{uuid.uuid4().hex[:12]}", access.new_password()
    try:
        yield name, password
    finally:
        with engine.begin() as conn:
            pg = conn.connection.driver_connection
            if pg.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)).fetchone():
                # DROP OWNED takes back its grants and default privileges, which DROP ROLE needs
                pg.execute(sql.SQL("DROP OWNED BY {}").format(sql.Identifier(name)))
                pg.execute(sql.SQL("DROP ROLE {}").format(sql.Identifier(name)))


def connect_as(engine: Engine, name: str, password: str) -> psycopg.Connection:
    url = engine.url.set(username=name, password=password).render_as_string(hide_password=False)
    return psycopg.connect(libpq_url(url), autocommit=True)


def relations(engine: Engine, kind: str) -> dict[str, str]:
    """Schema public's relations of one kind ('r' tables, 'v' views), each with a column."""
    with engine.connect() as conn:
        return dict(conn.execute(text(
            "SELECT c.relname, min(a.attname) FROM pg_class c"
            " JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0"
            " WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = :kind"
            " GROUP BY c.relname ORDER BY c.relname"), {"kind": kind}).all())


def test_a_reader_reads_every_view_and_table_but_load_errors(seeded_engine: Engine) -> None:
    views = list(relations(seeded_engine, "v"))
    tables = [t for t in relations(seeded_engine, "r") if t not in access.HIDDEN]
    assert {"v_reports", "v_inspections", "v_findings", "v_measures", "v_clues", "v_contacts"} <= set(views)
    with reader_role(seeded_engine) as (name, password):
        reader = access.grant_reader(seeded_engine, name, password)
        assert reader.created and reader.excess == []
        assert sorted(reader.relations) == sorted(views + tables)
        with connect_as(seeded_engine, name, password) as conn:
            assert conn.execute("SELECT count(*) FROM v_reports").fetchone() == (5,)
            assert conn.execute("SELECT count(*) FROM reports WHERE raw_text <> ''").fetchone() == (5,)
            for relation in views + tables:
                conn.execute(sql.SQL("SELECT * FROM {} LIMIT 1").format(sql.Identifier(relation)))
            for hidden in access.HIDDEN:
                with pytest.raises(psycopg.errors.InsufficientPrivilege):
                    conn.execute(sql.SQL("SELECT * FROM {}").format(
                        sql.Identifier(catalog.INTERNAL, hidden)))


def test_hidden_is_what_the_internal_schema_holds(engine: Engine) -> None:
    with engine.connect() as conn:
        internal = conn.execute(text("SELECT relname FROM pg_class WHERE relnamespace = "
                                     "CAST(:s AS regnamespace) AND relkind IN ('r', 'v')"),
                                {"s": catalog.INTERNAL}).scalars().all()
    assert sorted(internal) == sorted(access.HIDDEN)
    assert not set(relations(engine, "r")) & set(access.HIDDEN)


def test_a_readers_bi_tool_lists_only_what_it_can_read_with_the_comments(
        seeded_engine: Engine) -> None:
    """What Superset, Metabase or pandas see through SQLAlchemy's inspector: the default
    schema's tables and views, each readable, the views described by their comments."""
    with reader_role(seeded_engine) as (name, password):
        access.grant_reader(seeded_engine, name, password)
        reader = create_engine(seeded_engine.url.set(username=name, password=password))
        try:
            inspector = inspect(reader)
            listed = inspector.get_table_names() + inspector.get_view_names()
            with reader.connect() as conn:
                unreadable = [r for r in listed if not conn.execute(
                    text("SELECT has_table_privilege(CAST(:r AS regclass), 'SELECT')"),
                    {"r": f"public.{r}"}).scalar_one()]
            comment = inspector.get_table_comment("v_reports")["text"]
            columns = inspector.get_columns("v_reports")
        finally:
            reader.dispose()
    assert {"reports", "v_reports", "v_findings"} <= set(listed)
    assert unreadable == [] and not set(access.HIDDEN) & set(listed)
    assert comment and "Analyst view" in comment
    assert all(c["comment"] for c in columns)


def test_a_reader_cannot_write_or_create_even_in_a_read_write_transaction(seeded_engine: Engine) -> None:
    tables = relations(seeded_engine, "r")
    with reader_role(seeded_engine) as (name, password):
        access.grant_reader(seeded_engine, name, password)
        with connect_as(seeded_engine, name, password) as conn:
            assert conn.execute("SHOW default_transaction_read_only").fetchone() == ("on",)
            with pytest.raises(psycopg.errors.ReadOnlySqlTransaction):
                conn.execute("DELETE FROM reports")
            conn.execute("SET default_transaction_read_only = off")  # past the first fence
            for table, column in tables.items():
                for statement in WRITES:
                    with pytest.raises(psycopg.errors.InsufficientPrivilege):
                        conn.execute(sql.SQL(statement).format(
                            table=sql.Identifier(table), column=sql.Identifier(column)))
            for statement in ("CREATE TABLE public.mine (x int)",
                              "CREATE VIEW public.mine AS SELECT 1 AS x",
                              "CREATE FUNCTION public.mine() RETURNS int LANGUAGE sql AS 'SELECT 1'",
                              "CREATE SCHEMA mine"):
                with pytest.raises(psycopg.errors.InsufficientPrivilege):
                    conn.execute(statement)


def test_running_again_sets_a_new_password_and_keeps_one_role(seeded_engine: Engine) -> None:
    def verifier(name: str) -> str:
        with seeded_engine.connect() as conn:
            return conn.execute(text("SELECT rolpassword FROM pg_authid WHERE rolname = :n"),
                                {"n": name}).scalar_one()

    with reader_role(seeded_engine) as (name, password):
        access.grant_reader(seeded_engine, name, password)
        first = verifier(name)
        again = access.grant_reader(seeded_engine, name, access.new_password())
        assert not again.created
        assert first.startswith("SCRAM-SHA-256$") and verifier(name) != first


def test_views_created_later_are_readable_without_running_again(engine: Engine) -> None:
    with reader_role(engine) as (name, password):
        access.grant_reader(engine, name, password)
        with engine.begin() as conn:
            conn.execute(text("CREATE VIEW v_later AS SELECT count(*) AS n FROM reports"))
        with connect_as(engine, name, password) as conn:
            assert conn.execute("SELECT n FROM v_later").fetchone() == (0,)


def test_names_are_checked_and_other_roles_are_left_alone(engine: Engine) -> None:
    for bad in ("", "Bi", "1bi", "bi-tool", "bi; DROP TABLE reports", "pg_bi", "x" * 64):
        with pytest.raises(access.AccessError, match="invalid role name"):
            access.grant_reader(engine, bad, "pw")
    with engine.connect() as conn:
        owner = conn.execute(text("SELECT current_user")).scalar_one()
    with pytest.raises(access.AccessError, match=f"role {owner} exists and was not made by grant-reader"):
        access.grant_reader(engine, owner, "pw")


def test_what_public_may_do_is_reported_since_it_cannot_be_denied(engine: Engine) -> None:
    with engine.begin() as conn:  # as on databases created before PostgreSQL 15
        conn.execute(text("GRANT CREATE ON SCHEMA public TO PUBLIC"))
    with reader_role(engine) as (name, password):
        assert access.grant_reader(engine, name, password).excess == ["CREATE in schema public"]


def test_usage_on_the_internal_schema_is_reported(engine: Engine) -> None:
    with engine.begin() as conn:
        conn.execute(text(f"GRANT USAGE ON SCHEMA {catalog.INTERNAL} TO PUBLIC"))
    with reader_role(engine) as (name, password):
        assert access.grant_reader(engine, name, password).excess == [
            f"USAGE on schema {catalog.INTERNAL}"]


def test_a_database_without_the_schema_is_refused(database_url: str) -> None:
    empty = create_engine(database_url)
    try:
        with pytest.raises(access.AccessError, match="run `xunshi db upgrade` first"):
            access.grant_reader(empty, "xunshi_reader_never_made", "pw")
    finally:
        empty.dispose()


def test_a_reader_cannot_stall_a_load_or_an_upgrade(engine: Engine, tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    report.write_bytes(SEEDS_FIRST.read_bytes())
    sha = hashlib.sha256(report.read_bytes()).hexdigest()
    with reader_role(engine) as (name, password):
        access.grant_reader(engine, name, password)
        with connect_as(engine, name, password) as reader:
            reader.execute("SET default_transaction_read_only = off")
            reader.execute("BEGIN")
            # what loaders queued on before: advisory locks, which every role may take
            reader.execute("SELECT pg_advisory_lock(hashtext(k)) FROM unnest(%s::text[]) k",
                           ([f"name {report.name}", f"name {report}", f"sha {sha}"],))
            reader.execute("SELECT pg_advisory_lock(%s)", (schema.UPGRADE_LOCK,))
            with ThreadPoolExecutor(1) as pool:
                loading = pool.submit(load_file, engine, report)
                upgrading = pool.submit(schema.upgrade, engine)
                try:
                    assert loading.result(timeout=60).outcome is Outcome.LOADED
                    assert not upgrading.result(timeout=60).changed
                finally:
                    reader.close()  # frees a loader stuck behind the reader's locks
        with connect_as(engine, name, password) as reader:  # nor can it take theirs
            reader.execute("SET default_transaction_read_only = off")
            for statement in ("SELECT slot FROM xunshi_internal.load_locks FOR UPDATE",
                              "SELECT slot FROM xunshi_internal.load_locks FOR KEY SHARE",
                              "LOCK TABLE xunshi_internal.load_locks IN ACCESS SHARE MODE",
                              "LOCK TABLE xunshi_internal.alembic_version IN ACCESS SHARE MODE"):
                with pytest.raises(psycopg.errors.InsufficientPrivilege), reader.transaction():
                    reader.execute(statement)
