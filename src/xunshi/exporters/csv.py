"""CSV: one UTF-8 file per view with a header row, and a Frictionless `datapackage.json`.

Rows stream through COPY. NULL is an empty field and '' a quoted `""`; booleans are `true` and
`false` and arrays JSON (`["a", "b"]`), which pandas and Frictionless read back, where
PostgreSQL's own `t`/`f` and `{a,b}` would stay strings. The datapackage gives each column's
type and description (the database's comments), so a reader need not guess that a code of
digits is text.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import BinaryIO

import psycopg
from psycopg import sql

from ..store.catalog import Column, Relation
from .columns import ISO_UTC, JSON_ARRAY, Kind, kind, select
from .files import ViewFile, file_per_view, write_json

BOM = "\ufeff".encode()
CASTS = {Kind.BOOLEAN: "CASE {} WHEN true THEN 'true' WHEN false THEN 'false' END",
         Kind.ARRAY: JSON_ARRAY, Kind.DATETIME: ISO_UTC}
DATAPACKAGE = "datapackage.json"
TITLE = "xunshi: Chinese party inspection reports (巡视巡察反馈与整改报告), the analyst views"


def write_view(conn: psycopg.Connection, view: Relation, out: BinaryIO, bom: bool = False) -> int:
    """The view as CSV with a header row; the number of rows."""
    if bom:
        out.write(BOM)
    query = sql.SQL("COPY ({}) TO STDOUT WITH (FORMAT csv, HEADER, ENCODING 'UTF8')")
    with conn.cursor() as cur:
        with cur.copy(query.format(select(view, CASTS))) as copy:
            for chunk in copy:
                out.write(chunk)
        return cur.rowcount


def write(conn: psycopg.Connection, views: Sequence[Relation], directory: Path,
          on_file: Callable[[ViewFile], None], bom: bool = False) -> list[ViewFile]:
    """directory/<view>.csv for each view, then directory/datapackage.json describing them."""
    done = file_per_view(views, directory, "csv",
                         lambda view, out: write_view(conn, view, out, bom), on_file)
    write_json(directory / DATAPACKAGE, datapackage(views))
    return done


def datapackage(views: Sequence[Relation]) -> dict:
    """A Frictionless (Tabular) Data Package: one resource per file, fields typed and described."""
    return {
        "profile": "tabular-data-package",
        "name": "xunshi",
        "title": TITLE,
        "resources": [{
            "name": view.name,
            "path": f"{view.name}.csv",
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            **({"description": view.comment} if view.comment else {}),
            "schema": {"fields": [_field(c) for c in view.columns], "missingValues": [""]},
        } for view in views],
    }


def _field(column: Column) -> dict:
    field: dict[str, object] = {"name": column.name, "type": kind(column).value}
    if column.comment:
        field["description"] = column.comment
    if kind(column) is Kind.BOOLEAN:
        field |= {"trueValues": ["true"], "falseValues": ["false"]}
    return field
