"""`xunshi load` as a library: files in, one transaction per report, an outcome per file.

A file that fails (unreadable, too large, no text in it, not a report, rejected by the
database) becomes a `load_errors` row and a failed outcome; it never stops the files after it.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import NamedTuple, TypeVar

from sqlalchemy import Engine, delete, insert, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from .. import sources
from ..errors import one_line
from ..parse import PARSER_VERSION, Document, ParseError, is_inspection_report, parse
from .models import LoadError, Report
from .write import insert_report, replace_rows

T = TypeVar("T")


class Outcome(StrEnum):
    LOADED = "loaded"
    REPARSED = "reparsed"  # stored by an older parser: replaced by this parser's reading
    UNCHANGED = "unchanged"  # these bytes are stored already, by this parser version
    FAILED = "failed"


@dataclass(frozen=True)
class FileResult:
    file: str
    outcome: Outcome
    report_id: int | None = None
    stage: str | None = None  # where a failure happened: read, decode, extract, parse, store
    reason: str | None = None

    def line(self) -> str:
        """One line naming the file and what happened to it."""
        if self.outcome is Outcome.FAILED:
            return f"failed     {self.file}: {self.stage}: {self.reason}"
        return f"{self.outcome.value:10s} {self.file} (report {self.report_id})"


class _Failure(Exception):
    def __init__(self, stage: str, reason: str) -> None:
        super().__init__(reason)
        self.stage, self.reason = stage, reason


def _step(stage: str, errors: type[BaseException], fn: Callable[..., T], *args: object) -> T:
    try:
        return fn(*args)
    except errors as e:  # a source error knows its stage: a .txt fails to decode, a PDF to extract
        raise _Failure(e.stage if isinstance(e, sources.SourceError) else stage, one_line(e)) from e


class _Stored(NamedTuple):
    id: int
    parser_version: int


def _stored(engine: Engine, sha256: str) -> _Stored | None:
    """The stored report with these bytes, if any."""
    with engine.connect() as conn:
        row = conn.execute(
            select(Report.id, Report.parser_version).where(Report.sha256 == sha256)
        ).first()
    return None if row is None else _Stored(row.id, row.parser_version)


@dataclass(frozen=True)
class LoadOptions:
    replace: bool = False  # a changed file replaces its older version instead of superseding it
    keep_unrecognized: bool = False  # store texts that do not read as an inspection report
    max_size: int = sources.DEFAULT_MAX_SIZE  # bytes; larger files fail without being read


def _store(engine: Engine, source: sources.Source, raw_text: str, encoding: str, doc: Document,
           stored: _Stored | None, options: LoadOptions) -> int | None:
    """One transaction: the report's rows, and the end of any earlier failure of these bytes."""
    with engine.begin() as conn:
        if stored is not None:  # same bytes, older parser: re-derive in place
            replace_rows(conn, stored.id, doc)
            report_id: int | None = stored.id
        else:
            report_id = insert_report(conn, source, raw_text, encoding, doc, options.replace)
        conn.execute(delete(LoadError).where(
            (LoadError.sha256 == source.sha256)
            | (LoadError.sha256.is_(None) & (LoadError.file == source.name))))
        return report_id


def _recognized(doc: Document, options: LoadOptions) -> Document:
    if not options.keep_unrecognized and not is_inspection_report(doc):
        raise ParseError("not an inspection report (no 巡视/巡察 feedback or rectification "
                         "found; --keep-unrecognized stores it anyway)")
    return doc


def load_file(engine: Engine, path: Path, options: LoadOptions = LoadOptions()) -> FileResult:
    """Load one report file in its own transaction; never raises for a bad file."""
    name, sha256 = str(path), None
    try:
        source = _step("read", sources.SourceError, sources.read, path, options.max_size)
        sha256 = source.sha256
        stored = _step("store", SQLAlchemyError, _stored, engine, sha256)
        if stored is not None and stored.parser_version == PARSER_VERSION:
            return FileResult(name, Outcome.UNCHANGED, stored.id)
        # Exception: a format library's bug on one file must not stop the others
        raw_text, encoding = _step("extract", Exception, sources.extract, source)
        # Exception: a parser bug on one file must not stop the others
        doc = _step("parse", Exception, parse, raw_text)
        doc = _step("parse", ParseError, _recognized, doc, options)
        report_id = _step("store", SQLAlchemyError, _store, engine, source, raw_text, encoding,
                          doc, stored, options)
    except _Failure as f:
        return record_failure(engine, FileResult(name, Outcome.FAILED, None, f.stage, f.reason),
                               sha256)
    if report_id is None:  # a concurrent load of the same bytes won
        return FileResult(name, Outcome.UNCHANGED)
    return FileResult(name, Outcome.REPARSED if stored else Outcome.LOADED, report_id)


def record_failure(engine: Engine, result: FileResult, sha256: str | None) -> FileResult:
    """Keep the failure in load_errors; if even that fails, say so in the reason."""
    try:
        with engine.begin() as conn:
            conn.execute(insert(LoadError).values(
                file=result.file, sha256=sha256, stage=result.stage, message=result.reason))
    except SQLAlchemyError as e:
        return FileResult(result.file, result.outcome, None, result.stage,
                          f"{result.reason} (not recorded in load_errors: {one_line(e)})")
    return result


def load_paths(engine: Engine, paths: Iterable[str | Path],
               on_result: Callable[[FileResult], None] | None = None,
               options: LoadOptions = LoadOptions()) -> list[FileResult]:
    """Load every report file the paths name, reporting each outcome as it happens."""
    results = []
    for path in sources.report_files(paths):
        result = load_file(engine, path, options)
        if on_result:
            on_result(result)
        results.append(result)
    return results


def summary(results: Sequence[FileResult]) -> str:
    counts = Counter(r.outcome for r in results)
    return ", ".join(f"{counts[o]} {o.value}" for o in Outcome if counts[o] or o is not Outcome.REPARSED)


def load_errors(engine: Engine, limit: int = 50) -> list[LoadError]:
    """The latest failures, newest first."""
    with Session(engine) as session:
        return list(session.scalars(
            select(LoadError).order_by(LoadError.occurred_at.desc(), LoadError.id.desc())
            .limit(limit)))
