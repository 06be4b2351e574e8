"""What every export format shares: the result of one view, the error, and how failures read."""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import psycopg

from ..atomic import atomic_file
from ..errors import one_line
from ..store.catalog import Relation

BATCH = 2000  # rows per round trip of a server-side cursor


class ExportError(Exception):
    """A directory, view or file that stopped the export; the message names it."""


@dataclass(frozen=True)
class ViewFile:
    view: str
    rows: int
    path: Path

    def line(self) -> str:
        return f"{self.view:20s} {self.rows:8d} rows  {self.path}"


@contextmanager
def failing_as_export_errors(view: str, path: Path) -> Iterator[None]:
    """A database error names the view, a file error (SQLite's too) the file, in one line."""
    try:
        yield
    except psycopg.Error as e:
        raise ExportError(f"view {view}: {one_line(e)}") from e
    except OSError as e:
        raise ExportError(f"{path}: {e.strerror or one_line(e)}") from e
    except sqlite3.Error as e:
        raise ExportError(f"{path}: {one_line(e)}") from e


def write_json(path: Path, document: object) -> None:
    """A descriptor beside the data (datapackage.json, metadata.json), readable as UTF-8."""
    with failing_as_export_errors(path.name, path), atomic_file(path) as out:
        out.write(json.dumps(document, ensure_ascii=False, indent=2).encode())
        out.write(b"\n")


def file_per_view(views: Sequence[Relation], directory: Path, suffix: str,
                  write_view: Callable[[Relation, BinaryIO], int],
                  on_file: Callable[[ViewFile], None]) -> list[ViewFile]:
    """directory/<view>.<suffix> for each view, each written whole or not at all by
    write_view, which returns its number of rows."""
    done = []
    for view in views:
        path = directory / f"{view.name}.{suffix}"
        with failing_as_export_errors(view.name, path), atomic_file(path) as out:
            result = ViewFile(view.name, write_view(view, out), path)
        on_file(result)
        done.append(result)
    return done
