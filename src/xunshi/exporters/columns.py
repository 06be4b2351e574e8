"""A view's columns as the kinds every format knows, and the SELECT that casts them.

The kinds are Frictionless Table Schema's field types, so datapackage.json names them as they
are. Each format turns a kind into what its readers parse back: CSV writes `true`/`false` and
JSON arrays (pandas and Frictionless read both), SQLite 0/1 and JSON text, Parquet its own types.
"""
from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum

from psycopg import sql

from ..store.catalog import Column, Relation


class Kind(StrEnum):
    INTEGER = "integer"
    NUMBER = "number"
    BOOLEAN = "boolean"
    DATE = "date"
    DATETIME = "datetime"
    ARRAY = "array"
    STRING = "string"


_BY_TYPE = {"smallint": Kind.INTEGER, "integer": Kind.INTEGER, "bigint": Kind.INTEGER,
            "numeric": Kind.NUMBER, "real": Kind.NUMBER, "double precision": Kind.NUMBER,
            "boolean": Kind.BOOLEAN, "date": Kind.DATE, "timestamp with time zone": Kind.DATETIME}

ISO_UTC = """to_char({} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')"""
"""A timestamp as ISO 8601 in UTC with microseconds: 2026-11-24T08:30:00.123456Z."""
JSON_ARRAY = "to_json({})::text"
"""An array as JSON text: ["a", "b"], [] when empty, NULL when NULL."""


def kind(column: Column) -> Kind:
    """The kind of a column from its PostgreSQL type (format_type's spelling); text otherwise."""
    if column.type.endswith("[]"):
        return Kind.ARRAY
    return _BY_TYPE.get(column.type.split("(")[0], Kind.STRING)


def select(view: Relation, casts: Mapping[Kind, str]) -> sql.Composed:
    """SELECT every column of the view under its own name, cast as `casts` says for its kind
    (an SQL template with {} for the column), as it is otherwise."""
    columns = [sql.SQL("{} AS {}").format(
        sql.SQL(casts.get(kind(c), "{}")).format(sql.Identifier(c.name)), sql.Identifier(c.name))
        for c in view.columns]
    return sql.SQL("SELECT {} FROM {}").format(sql.SQL(", ").join(columns),
                                               sql.Identifier(view.name))
