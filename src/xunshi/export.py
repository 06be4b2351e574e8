"""`xunshi export` as a library: the analyst views as files, for people without SQL.

One module per format in xunshi.exporters, each streaming rows from the server without holding
a view in memory: CSV (with a Frictionless datapackage.json), JSON Lines, one SQLite database
(with Datasette's metadata.json) and Parquet. All views are read in one read-only REPEATABLE
READ transaction, so the files agree with each other even while a load runs, with times in UTC.
Each file is written under a temporary name and renamed when complete (see atomic.py).
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from enum import StrEnum
from pathlib import Path

from sqlalchemy import Engine, text

from .errors import one_line
from .exporters import csv, jsonl, parquet, sqlite
from .exporters.files import ExportError, ViewFile
from .store import catalog
from .store.catalog import Relation

__all__ = ["PREFIX", "ExportError", "Format", "ViewFile", "export_views"]

PREFIX = "v_"  # the analyst views: a stable contract, unlike the tables behind them


class Format(StrEnum):
    CSV = "csv"
    JSONL = "jsonl"
    SQLITE = "sqlite"
    PARQUET = "parquet"


_WRITERS = {Format.JSONL: jsonl.write, Format.SQLITE: sqlite.write, Format.PARQUET: parquet.write}


def export_views(engine: Engine, directory: Path, fmt: Format, views: Iterable[str] = (), *,
                 bom: bool = False,
                 on_file: Callable[[ViewFile], None] | None = None) -> list[ViewFile]:
    """Write the named analyst views (all of them if none are named) into directory: a file
    per view (<view>.csv, .jsonl, .parquet) or one SQLite database (xunshi.db)."""
    if bom and fmt is not Format.CSV:
        raise ExportError(f"a BOM is for CSV only: {fmt.value} files must not start with one")
    with engine.connect().execution_options(isolation_level="REPEATABLE READ",
                                            postgresql_readonly=True) as conn, conn.begin():
        chosen = _chosen(catalog.views(conn, PREFIX), views)
        _make_directory(directory)
        conn.execute(text("SET LOCAL DateStyle TO 'ISO, YMD'"))  # dates as 2024-03-01
        conn.execute(text("SET LOCAL TimeZone TO 'UTC'"))  # the same times wherever it runs
        pg = conn.connection.driver_connection
        report = on_file or (lambda _: None)
        if fmt is Format.CSV:
            return csv.write(pg, chosen, directory, report, bom)
        return _WRITERS[fmt](pg, chosen, directory, report)


def _chosen(available: list[Relation], asked: Iterable[str]) -> list[Relation]:
    """The views asked for, sorted, or all of them; a name not among them is an error."""
    if not available:
        raise ExportError(f"no analyst views ({PREFIX}*) in the database: run `xunshi load` first")
    names = [v.name for v in available]
    wanted = set(asked)
    if unknown := sorted(wanted - set(names)):
        raise ExportError(f"unknown view {', '.join(unknown)} "
                          f"(the analyst views: {', '.join(names)})")
    return [v for v in available if not wanted or v.name in wanted]


def _make_directory(directory: Path) -> None:
    if directory.exists() and not directory.is_dir():
        raise ExportError(f"{directory}: not a directory")
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise ExportError(f"{directory}: cannot create it: {e.strerror or one_line(e)}") from e
    if not os.access(directory, os.W_OK | os.X_OK):
        raise ExportError(f"{directory}: not writable")
