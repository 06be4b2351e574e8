"""Reader roles for BI tools: SELECT on the analyst views and the tables, nothing else.

Hidden from readers: `load_errors` (it holds the local file paths of whoever loaded reports),
`alembic_version` and `load_locks` (machinery), all in schema xunshi_internal, on which a
reader gets no USAGE: schema public, all a BI tool lists by default, holds only what a reader
may read. Report texts (`reports.raw_text`, `reports.text`) stay readable: reports are public
documents and analysts need their text.

A reader gets no write privilege, no CREATE in schema public or the database, and
`default_transaction_read_only = on` as a second fence. Nor can it stall a load: loaders queue
on row locks (store/write.py), and locking a row needs UPDATE. TEMP, which PUBLIC holds on
every new database, is left alone: revoking it would change every user of the database, a temp
table is private to its session and gone at disconnect, and a read-only transaction cannot
create one.
"""
from __future__ import annotations

import re
import secrets
from dataclasses import dataclass

import psycopg
from psycopg import sql
from sqlalchemy import Engine

from ..errors import one_line
from .catalog import INTERNAL

HIDDEN = ("load_errors", "alembic_version", "load_locks")
"""What readers may not read: the relations of schema INTERNAL."""

MARK = "xunshi reader"
"""How a role made by grant_reader is recognised (COMMENT ON ROLE): only such roles are ever
altered, so `grant-reader postgres` cannot demote or re-password someone else's role."""

_NAME = re.compile(r"[a-z_][a-z0-9_]{0,62}")
_READABLE = "('r', 'p', 'v', 'm', 'f')"  # tables, partitioned tables, views, matviews, foreign


class AccessError(Exception):
    """A reader role that cannot be made as asked; the message says why, in one line."""


@dataclass(frozen=True)
class Reader:
    name: str
    created: bool
    relations: list[str]
    """The views and tables it may SELECT."""
    excess: list[str]
    """What it can still do beyond reading, through PUBLIC or a role it belongs to."""


def new_password() -> str:
    """32 URL-safe characters (192 bits): pastes into JDBC and SQLAlchemy URIs unescaped."""
    return secrets.token_urlsafe(24)


def _check_name(name: str) -> None:
    """Plain lower-case identifiers only: BI tools and URIs then need no quoting."""
    if not _NAME.fullmatch(name):
        raise AccessError(f"invalid role name {name!r}: use 1-63 lower-case letters, digits and _, "
                          "not starting with a digit")
    if name.startswith("pg_"):
        raise AccessError(f"invalid role name {name!r}: names starting with pg_ are reserved")


def grant_reader(engine: Engine, name: str, password: str) -> Reader:
    """Create the LOGIN role `name` (or update one made here before): set its password and
    grant SELECT on every view and table of schema public except HIDDEN, in one transaction.

    The password is sent only as a SCRAM verifier computed here, as psql's \\password does:
    the plain password never reaches the server, nor its log."""
    _check_name(name)
    if not password:
        raise AccessError("the password must not be empty")
    try:
        return _grant_reader(engine, name, password)
    except psycopg.Error as e:  # statements run on the driver's connection: SQLAlchemy does not wrap
        raise AccessError(f"cannot make reader role {name}: {one_line(e)}") from e


def _grant_reader(engine: Engine, name: str, password: str) -> Reader:
    with engine.begin() as conn:
        pg: psycopg.Connection = conn.connection.driver_connection  # type: ignore[assignment]
        if not _exists(pg, f"{INTERNAL}.alembic_version"):
            raise AccessError("the database has no xunshi schema yet: run `xunshi db upgrade` first")
        role = sql.Identifier(name)
        created = _create_or_alter(pg, role, name, password)
        relations = [r for (r,) in pg.execute(
            "SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace"
            f" AND relkind IN {_READABLE} ORDER BY relname")]
        for statement in (
            sql.SQL("GRANT CONNECT ON DATABASE {} TO {}").format(sql.Identifier(pg.info.dbname), role),
            sql.SQL("GRANT USAGE ON SCHEMA public TO {}").format(role),
            sql.SQL("REVOKE ALL ON SCHEMA {} FROM {}").format(sql.Identifier(INTERNAL), role),
            # start from nothing, so a re-run also takes back what was granted by hand
            sql.SQL("REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {}").format(role),
            sql.SQL("GRANT SELECT ON {} TO {}").format(
                sql.SQL(", ").join(sql.Identifier("public", r) for r in relations), role),
            # views and tables a later migration (re)creates in public are readable at once
            sql.SQL("ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO {}").format(role),
        ):
            pg.execute(statement)
        return Reader(name, created, relations, _excess(pg, name))


def is_reader(engine: Engine, name: str) -> bool:
    """Whether `name` is a role made by grant_reader."""
    with engine.connect() as conn:
        return _made_here(conn.connection.driver_connection, name) is True  # type: ignore[arg-type]


def _made_here(pg: psycopg.Connection, name: str) -> bool | None:
    """Whether the role `name` carries MARK; None when there is no such role."""
    row = pg.execute("SELECT shobj_description(oid, 'pg_authid') FROM pg_roles WHERE rolname = %s",
                     (name,)).fetchone()
    return None if row is None else (row[0] or "").startswith(MARK)


def _create_or_alter(pg: psycopg.Connection, role: sql.Identifier, name: str, password: str) -> bool:
    """Set the role up (True when it is new); refuses a role grant_reader did not make."""
    made_here = _made_here(pg, name)
    if made_here is False:
        raise AccessError(f"role {name} exists and was not made by grant-reader; choose another name")
    verifier = pg.pgconn.encrypt_password(password.encode(), name.encode(), b"scram-sha-256")
    # CREATE ROLE's defaults are NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
    # ALTER names none of them, since only a superuser may even say NOSUPERUSER
    verb = sql.SQL("CREATE" if made_here is None else "ALTER")
    pg.execute(sql.SQL("{} ROLE {} WITH LOGIN PASSWORD {}").format(
        verb, role, sql.Literal(verifier.decode())))
    pg.execute(sql.SQL("ALTER ROLE {} SET default_transaction_read_only = on").format(role))
    pg.execute(sql.SQL("COMMENT ON ROLE {} IS {}").format(
        role, sql.Literal(f"{MARK}: SELECT on the analyst views and tables (xunshi db grant-reader)")))
    return made_here is None


def _exists(pg: psycopg.Connection, relation: str) -> bool:
    row = pg.execute("SELECT to_regclass(%s) IS NOT NULL", (relation,)).fetchone()
    return bool(row and row[0])


def _excess(pg: psycopg.Connection, name: str) -> list[str]:
    """Privileges beyond reading that the role holds anyway: PostgreSQL has no 'deny', so a
    grant to PUBLIC (before PostgreSQL 15 every database let PUBLIC CREATE in schema public)
    or a role membership is reported here for an administrator to revoke."""
    return [line for (line,) in pg.execute(f"""
        SELECT 'role attributes beyond LOGIN (SUPERUSER, CREATEDB, CREATEROLE, REPLICATION or BYPASSRLS)'
        FROM pg_roles WHERE rolname = %(role)s
          AND (rolsuper OR rolcreatedb OR rolcreaterole OR rolreplication OR rolbypassrls)
        UNION ALL
        SELECT 'CREATE in schema public' WHERE has_schema_privilege(%(role)s, 'public', 'CREATE')
        UNION ALL
        SELECT 'CREATE in database ' || current_database()
        WHERE has_database_privilege(%(role)s, current_database(), 'CREATE')
        UNION ALL
        SELECT p.privilege || ' on ' || string_agg(c.relname, ', ' ORDER BY c.relname)
        FROM pg_class c
        CROSS JOIN unnest(ARRAY['INSERT', 'UPDATE', 'DELETE', 'TRUNCATE']) AS p(privilege)
        WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN {_READABLE}
          AND has_table_privilege(%(role)s, c.oid, p.privilege)
        GROUP BY p.privilege
        UNION ALL
        SELECT 'USAGE on schema ' || %(internal)s
        WHERE has_schema_privilege(%(role)s, %(internal)s, 'USAGE')""",
        {"role": name, "internal": INTERNAL})]
