"""Parquet: one file per view, typed as Parquet types, written with pyarrow (`xunshi[parquet]`).

pyarrow is the reference Parquet library and what pandas reads Parquet with, but it is large
(about 170 MB installed), so it is an optional extra and xunshi says how to add it. Integers
are int64, numbers float64, booleans and dates their own types, times UTC timestamps, arrays
lists of strings; NULL is null.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

import psycopg

from ..store.catalog import Relation
from .columns import Kind, kind, select
from .files import BATCH, ExportError, ViewFile, file_per_view

if TYPE_CHECKING:
    import pyarrow

CASTS = {Kind.NUMBER: "{}::float8", Kind.ARRAY: "{}::text[]"}


def _pyarrow() -> tuple:
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError as e:
        raise ExportError("--format parquet needs pyarrow, which xunshi does not install by "
                          "default: pip install 'xunshi[parquet]'") from e
    return pyarrow, pyarrow.parquet


def _schema(pa, view: Relation) -> "pyarrow.Schema":
    types = {Kind.INTEGER: pa.int64(), Kind.NUMBER: pa.float64(), Kind.BOOLEAN: pa.bool_(),
             Kind.DATE: pa.date32(), Kind.DATETIME: pa.timestamp("us", tz="UTC"),
             Kind.ARRAY: pa.list_(pa.string()), Kind.STRING: pa.string()}
    return pa.schema([pa.field(c.name, types[kind(c)], metadata={"description": c.comment or ""})
                      for c in view.columns], metadata={"description": view.comment or ""})


def write_view(conn: psycopg.Connection, view: Relation, out: BinaryIO) -> int:
    """The view as one Parquet file, a row group per BATCH rows; the number of rows."""
    pa, pq = _pyarrow()
    schema = _schema(pa, view)
    rows = 0
    with conn.cursor(name="xunshi_export") as cur, pq.ParquetWriter(out, schema) as writer:
        cur.execute(select(view, CASTS))
        while batch := cur.fetchmany(BATCH):
            columns = zip(*batch)
            writer.write_table(pa.Table.from_arrays(
                [pa.array(values, type=field.type) for values, field in zip(columns, schema)],
                schema=schema))
            rows += len(batch)
    return rows


def write(conn: psycopg.Connection, views: Sequence[Relation], directory: Path,
          on_file: Callable[[ViewFile], None]) -> list[ViewFile]:
    """directory/<view>.parquet for each view."""
    _pyarrow()  # before any file is made
    return file_per_view(views, directory, "parquet",
                         lambda view, out: write_view(conn, view, out), on_file)
