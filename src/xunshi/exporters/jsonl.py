"""JSON Lines: one file per view, one JSON object a line, keys in column order.

Rows come through a server-side cursor as row_to_json's text (COPY's text format would escape
the backslashes JSON uses): NULL is null, booleans and arrays are JSON's own, dates ISO 8601.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import BinaryIO

import psycopg
from psycopg import sql

from ..store.catalog import Relation
from .files import BATCH, ViewFile, file_per_view


def write_view(conn: psycopg.Connection, view: str, out: BinaryIO) -> int:
    """The view as JSON Lines; the number of rows."""
    query = sql.SQL("SELECT row_to_json(v)::text FROM {} v").format(sql.Identifier(view))
    rows = 0
    with conn.cursor(name="xunshi_export") as cur:  # server-side: fetched BATCH rows at a time
        cur.itersize = BATCH
        cur.execute(query)
        for (line,) in cur:
            out.write(line.encode())
            out.write(b"\n")
            rows += 1
    return rows


def write(conn: psycopg.Connection, views: Sequence[Relation], directory: Path,
          on_file: Callable[[ViewFile], None]) -> list[ViewFile]:
    """directory/<view>.jsonl for each view."""
    return file_per_view(views, directory, "jsonl",
                         lambda view, out: write_view(conn, view.name, out), on_file)
