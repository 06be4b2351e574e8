"""SQLite: every view a typed table of one file, `xunshi.db`, and Datasette's `metadata.json`.

Columns are declared INTEGER, REAL or TEXT and filled with values of that type: integers,
numbers as reals, booleans as 0/1, dates and times as ISO 8601 text, arrays as JSON text
(SQLite's json_each reads them), NULL as NULL. `datasette xunshi.db -m metadata.json` shows the
database's comments as table and column descriptions.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path

import psycopg

from ..atomic import atomic_path
from ..store.catalog import Relation
from .columns import ISO_UTC, JSON_ARRAY, Kind, kind, select
from .files import BATCH, ViewFile, failing_as_export_errors, write_json

DATABASE = "xunshi.db"
METADATA = "metadata.json"
CASTS = {Kind.NUMBER: "{}::float8", Kind.BOOLEAN: "{}::int", Kind.DATE: "{}::text",
         Kind.DATETIME: ISO_UTC, Kind.ARRAY: JSON_ARRAY}
TYPES = {Kind.INTEGER: "INTEGER", Kind.NUMBER: "REAL", Kind.BOOLEAN: "INTEGER"}  # others TEXT
TITLE = "xunshi: Chinese party inspection reports (巡视巡察反馈与整改报告)"


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def write_view(conn: psycopg.Connection, view: Relation, db: sqlite3.Connection) -> int:
    """The view as a new table of db; the number of rows."""
    columns = ", ".join(f"{_quote(c.name)} {TYPES.get(kind(c), 'TEXT')}" for c in view.columns)
    db.execute(f"CREATE TABLE {_quote(view.name)} ({columns})")
    insert = (f"INSERT INTO {_quote(view.name)} VALUES "
              f"({', '.join('?' for _ in view.columns)})")
    rows = 0
    with conn.cursor(name="xunshi_export") as cur:  # server-side: fetched BATCH rows at a time
        cur.execute(select(view, CASTS))
        while batch := cur.fetchmany(BATCH):
            db.executemany(insert, batch)
            rows += len(batch)
    return rows


def write(conn: psycopg.Connection, views: Sequence[Relation], directory: Path,
          on_file: Callable[[ViewFile], None]) -> list[ViewFile]:
    """directory/xunshi.db with a table per view, then directory/metadata.json for Datasette."""
    path = directory / DATABASE
    done = []
    with failing_as_export_errors(DATABASE, path), atomic_path(path) as tmp:
        db = sqlite3.connect(tmp)
        try:
            db.execute("PRAGMA journal_mode = OFF")  # a new file renamed when whole: no journal
            for view in views:
                with failing_as_export_errors(view.name, path):
                    result = ViewFile(view.name, write_view(conn, view, db), path)
                on_file(result)
                done.append(result)
            db.commit()
        finally:
            db.close()
    write_json(directory / METADATA, metadata(views))
    return done


def metadata(views: Sequence[Relation]) -> dict:
    """Datasette's metadata: each table's and column's description from the comments."""
    return {
        "title": TITLE,
        "databases": {Path(DATABASE).stem: {"tables": {
            view.name: {"description": view.comment or "",
                        "columns": {c.name: c.comment for c in view.columns if c.comment}}
            for view in views}}},
    }
