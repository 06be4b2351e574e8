"""`xunshi export` as a library: every analyst view to one file each, for people without SQL.

One exporter per format, each streaming rows from the server to the file without holding a view
in memory: CSV through COPY, JSON Lines through a server-side cursor (COPY's text format would
escape the backslashes JSON uses). All views are read in one read-only REPEATABLE READ
transaction, so the files agree with each other even while a load runs. Each file is written
under a temporary name and renamed when complete (see atomic.py).
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import BinaryIO

import psycopg
from psycopg import sql
from sqlalchemy import Engine, text

from .atomic import atomic_file
from .errors import one_line
from .store import catalog

PREFIX = "v_"  # the analyst views: a stable contract, unlike the tables behind them
BOM = "\ufeff".encode()
BATCH = 2000  # rows per round trip of the JSONL cursor


class Format(StrEnum):
    CSV = "csv"
    JSONL = "jsonl"


class ExportError(Exception):
    """A directory, view or file that stopped the export; the message names it."""


@dataclass(frozen=True)
class ViewFile:
    view: str
    rows: int
    path: Path

    def line(self) -> str:
        return f"{self.view:16s} {self.rows:8d} rows  {self.path}"


def write_csv(conn: psycopg.Connection, view: str, out: BinaryIO, bom: bool = False) -> int:
    """The view as UTF-8 CSV with a header row; NULL is an empty field, '' is a quoted `""`."""
    query = sql.SQL("COPY (SELECT * FROM {}) TO STDOUT WITH (FORMAT csv, HEADER, ENCODING 'UTF8')")
    if bom:
        out.write(BOM)
    with conn.cursor() as cur:
        with cur.copy(query.format(sql.Identifier(view))) as copy:
            for chunk in copy:
                out.write(chunk)
        return cur.rowcount


def write_jsonl(conn: psycopg.Connection, view: str, out: BinaryIO) -> int:
    """The view as one JSON object a line, keys in column order, NULL as null, dates ISO 8601."""
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


def export_views(engine: Engine, directory: Path, fmt: Format, views: Iterable[str] = (), *,
                 bom: bool = False,
                 on_file: Callable[[ViewFile], None] | None = None) -> list[ViewFile]:
    """Write the named analyst views (all of them if none are named) to directory/<view>.<fmt>."""
    if bom and fmt is not Format.CSV:
        raise ExportError(f"a BOM is for CSV only: {fmt.value} files must not start with one")
    done = []
    with engine.connect().execution_options(isolation_level="REPEATABLE READ",
                                            postgresql_readonly=True) as conn, conn.begin():
        chosen = _chosen(catalog.views(conn, PREFIX), views)
        _make_directory(directory)
        conn.execute(text("SET LOCAL DateStyle TO 'ISO, YMD'"))  # CSV dates as 2024-03-01
        pg = conn.connection.driver_connection
        for view in chosen:
            path = directory / f"{view}.{fmt.value}"
            result = ViewFile(view, _write(pg, view, path, fmt, bom), path)
            if on_file:
                on_file(result)
            done.append(result)
    return done


def _write(conn: psycopg.Connection, view: str, path: Path, fmt: Format, bom: bool) -> int:
    try:
        with atomic_file(path) as out:
            if fmt is Format.CSV:
                return write_csv(conn, view, out, bom)
            return write_jsonl(conn, view, out)
    except psycopg.Error as e:
        raise ExportError(f"view {view}: {one_line(e)}") from e
    except OSError as e:
        raise ExportError(f"{path}: {e.strerror or one_line(e)}") from e


def _chosen(available: list[str], asked: Iterable[str]) -> list[str]:
    """The views asked for, sorted, or all of them; a name not among them is an error."""
    if not available:
        raise ExportError(f"no analyst views ({PREFIX}*) in the database: run `xunshi load` first")
    wanted = set(asked)
    if unknown := sorted(wanted - set(available)):
        raise ExportError(f"unknown view {', '.join(unknown)} "
                          f"(the analyst views: {', '.join(available)})")
    return sorted(wanted) if wanted else available


def _make_directory(directory: Path) -> None:
    if directory.exists() and not directory.is_dir():
        raise ExportError(f"{directory}: not a directory")
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise ExportError(f"{directory}: cannot create it: {e.strerror or one_line(e)}") from e
    if not os.access(directory, os.W_OK | os.X_OK):
        raise ExportError(f"{directory}: not writable")
