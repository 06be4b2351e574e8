"""What the live database says about itself: tables, views, columns, functions and comments.

Read from pg_catalog rather than information_schema because format_type() names array and
user-defined types (`text[]`, `tsvector`) where information_schema says `ARRAY` or
`USER-DEFINED`. Objects an extension owns and Alembic's bookkeeping table are not xunshi's
schema and are left out. Relations come from both of xunshi's schemas, public's first.
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, text

SCHEMA = "public"
"""The analysts' schema: every relation in it is readable by a reader role (store/access.py)."""
INTERNAL = "xunshi_internal"
"""xunshi's bookkeeping (load failures, Alembic's version table): readers get no USAGE on it."""
EXCLUDED = frozenset({"alembic_version"})
_KINDS = {"r": "table", "p": "table", "v": "view", "m": "view"}


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    nullable: bool
    comment: str | None


@dataclass(frozen=True)
class Relation:
    name: str
    kind: str  # "table" or "view"
    comment: str | None
    columns: tuple[Column, ...]
    schema: str = SCHEMA

    @property
    def internal(self) -> bool:
        return self.schema == INTERNAL


@dataclass(frozen=True)
class Function:
    name: str
    arguments: str  # as declared, with names and defaults
    result: str | None  # None for a procedure
    comment: str | None

    @property
    def signature(self) -> str:
        call = f"{self.name}({self.arguments})"
        return call if self.result is None else f"{call} → {self.result}"


_NOT_FROM_EXTENSION = """NOT EXISTS (
    SELECT 1 FROM pg_depend d
    WHERE d.classid = CAST(:catalog AS regclass) AND d.objid = {oid} AND d.deptype = 'e')"""

_RELATIONS = text(f"""
    SELECT c.oid, n.nspname, c.relname, c.relkind, obj_description(c.oid, 'pg_class') AS comment
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname IN (:schema, :internal) AND c.relkind IN ('r', 'p', 'v', 'm')
      AND {_NOT_FROM_EXTENSION.format(oid="c.oid")}""")

_COLUMNS = text("""
    SELECT a.attrelid AS oid, a.attname, format_type(a.atttypid, a.atttypmod) AS type,
           NOT a.attnotnull AS nullable, col_description(a.attrelid, a.attnum) AS comment
    FROM pg_attribute a
    WHERE a.attrelid = ANY(:oids) AND a.attnum > 0 AND NOT a.attisdropped
    ORDER BY a.attrelid, a.attnum""")

_FUNCTIONS = text(f"""
    SELECT p.proname, pg_get_function_arguments(p.oid) AS arguments,
           pg_get_function_result(p.oid) AS result, obj_description(p.oid, 'pg_proc') AS comment
    FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
    WHERE n.nspname = :schema AND {_NOT_FROM_EXTENSION.format(oid="p.oid")}""")


def relations(conn: Connection) -> list[Relation]:
    """Every table, then every view, each sorted by name, with columns in table order; the
    internal schema's after public's."""
    found = [r for r in conn.execute(_RELATIONS, {"schema": SCHEMA, "internal": INTERNAL,
                                                  "catalog": "pg_class"})
             if r.relname not in EXCLUDED]
    columns: dict[int, list[Column]] = {r.oid: [] for r in found}
    for c in conn.execute(_COLUMNS, {"oids": list(columns)}):
        columns[c.oid].append(Column(c.attname, c.type, c.nullable, c.comment))
    made = [Relation(r.relname, _KINDS[r.relkind], r.comment, tuple(columns[r.oid]), r.nspname)
            for r in found]
    return sorted(made, key=lambda r: (r.internal, r.kind != "table", r.name))


def views(conn: Connection, prefix: str = "") -> list[Relation]:
    """The views of schema public whose name starts with `prefix`, sorted by name."""
    return [r for r in relations(conn)
            if r.kind == "view" and not r.internal and r.name.startswith(prefix)]


def functions(conn: Connection) -> list[Function]:
    """Every function and procedure in the schema, sorted by name and then arguments."""
    rows = conn.execute(_FUNCTIONS, {"schema": SCHEMA, "catalog": "pg_proc"})
    return sorted((Function(r.proname, r.arguments, r.result, r.comment) for r in rows),
                  key=lambda f: (f.name, f.arguments))
