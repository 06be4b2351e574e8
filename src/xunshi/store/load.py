"""`xunshi load` as a library: files in, one transaction per report, an outcome per file.

A file that fails (unreadable, too large, no text in it, not a report, rejected by the
database) becomes a `load_errors` row and a failed outcome; it never stops the files after it.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import partial
from pathlib import Path
from typing import NamedTuple, TypeVar

from sqlalchemy import Connection, Engine, delete, insert, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from .. import sources
from ..errors import one_line
from ..parallel import batched, ordered_map
from ..parse import PARSER_VERSION, Document, ParseError, is_inspection_report, parse
from .models import LoadError, Report
from .rows import ReportRows, report_rows
from .write import insert_reports, replace_rows

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


@dataclass(frozen=True)
class LoadOptions:
    replace: bool = False  # a changed file replaces its older version instead of superseding it
    keep_unrecognized: bool = False  # store texts that do not read as an inspection report
    max_size: int = sources.DEFAULT_MAX_SIZE  # bytes; larger files fail without being read
    workers: int = 1  # processes that extract and parse (the database writer is this one)


BATCH = 50
"""Reports written per transaction: big enough for COPY to pay, small enough that a failure
retried report by report, or a killed load, loses little work."""


@dataclass(frozen=True)
class _Job:
    source: sources.Source
    stored: _Stored | None  # these bytes are stored already, by an older parser
    options: LoadOptions


@dataclass(frozen=True)
class _Prepared:
    job: _Job
    rows: ReportRows | None = None
    failure: tuple[str, str] | None = None  # (stage, reason); exceptions do not cross processes


def _recognized(doc: Document, options: LoadOptions) -> Document:
    if not options.keep_unrecognized and not is_inspection_report(doc):
        raise ParseError("not an inspection report (no 巡视/巡察 feedback or rectification "
                         "found; --keep-unrecognized stores it anyway)")
    return doc


def _prepare(job: _Job) -> _Prepared:
    """The CPU part of loading one file, run in a worker: text, parse, rows with search words."""
    try:
        # Exception: a format library's or the parser's bug on one file must not stop the others
        raw_text, encoding = _step("extract", Exception, sources.extract, job.source)
        doc = _step("parse", Exception, parse, raw_text)
        doc = _step("parse", ParseError, _recognized, doc, job.options)
        rows = _step("parse", Exception, report_rows, job.source.name, job.source.sha256,
                     raw_text, encoding, doc)
    except _Failure as f:
        return _Prepared(job, failure=(f.stage, f.reason))
    return _Prepared(job, rows)


def _jobs(engine: Engine, files: Iterable[Path], options: LoadOptions,
          report: Callable[[FileResult], None]) -> Iterator[_Job]:
    """Files read and checked against the database a batch at a time; what needs no parsing
    (stored by this parser, unreadable) is reported here and never reaches a worker."""
    for chunk in batched(files, BATCH):
        read = []
        for path in chunk:
            try:
                read.append(_step("read", sources.SourceError, sources.read, path, options.max_size))
            except _Failure as f:
                report(record_failure(engine, FileResult(str(path), Outcome.FAILED, None,
                                                         f.stage, f.reason), None))
        try:
            stored = _stored(engine, [s.sha256 for s in read])
        except SQLAlchemyError as e:
            for s in read:
                report(record_failure(engine, FileResult(s.name, Outcome.FAILED, None, "store",
                                                         one_line(e)), s.sha256))
            continue
        for s in read:
            known = stored.get(s.sha256)
            if known is not None and known.parser_version == PARSER_VERSION:
                report(FileResult(s.name, Outcome.UNCHANGED, known.id))
            else:
                yield _Job(s, known, options)


def _stored(engine: Engine, shas: list[str]) -> dict[str, _Stored]:
    """The stored reports with these bytes."""
    with engine.connect() as conn:
        rows = conn.execute(select(Report.sha256, Report.id, Report.parser_version)
                            .where(Report.sha256.in_(shas)))
        return {r.sha256: _Stored(r.id, r.parser_version) for r in rows}


def write_isolating(engine: Engine, batch: list[T],
                    write: Callable[[Connection, list[T]], list[FileResult]],
                    failed: Callable[[T, str], FileResult]) -> list[FileResult]:
    """One transaction for the whole batch; if the database refuses it, one per item, so the
    refused item is named (`failed` records it) and the others are still written."""
    if not batch:
        return []
    try:
        with engine.begin() as conn:
            return write(conn, batch)
    except SQLAlchemyError as e:
        if len(batch) == 1:
            return [failed(batch[0], one_line(e))]
        return [r for item in batch for r in write_isolating(engine, [item], write, failed)]


def _store_failed(engine: Engine, p: _Prepared, reason: str) -> FileResult:
    source = p.job.source
    return record_failure(engine, FileResult(source.name, Outcome.FAILED, None, "store", reason),
                          source.sha256)


def _write_in(conn: Connection, batch: list[_Prepared], replace: bool) -> list[FileResult]:
    new = [p for p in batch if p.job.stored is None]
    old = [p for p in batch if p.job.stored is not None]
    ids = insert_reports(conn, [p.rows for p in new], replace) if new else []
    if old:
        replace_rows(conn, [(p.job.stored.id, p.rows) for p in old])
    conn.execute(delete(LoadError).where(
        LoadError.sha256.in_([p.job.source.sha256 for p in batch])
        | (LoadError.sha256.is_(None) & LoadError.file.in_([p.job.source.name for p in batch]))))
    return ([FileResult(p.job.source.name, Outcome.LOADED if rid else Outcome.UNCHANGED, rid)
             for p, rid in zip(new, ids)]
            + [FileResult(p.job.source.name, Outcome.REPARSED, p.job.stored.id) for p in old])


def load_file(engine: Engine, path: Path, options: LoadOptions = LoadOptions()) -> FileResult:
    """Load one report file in its own transaction; never raises for a bad file."""
    [result] = load_paths(engine, [path], options=options)
    return result


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
    """Load every report file the paths name, reporting each outcome as it happens.

    Files are parsed by `options.workers` processes and written in batches of whole reports,
    each batch one transaction: a killed load leaves every report stored entirely or not at
    all, and running it again finishes the job.
    """
    results: list[FileResult] = []

    def report(result: FileResult) -> None:
        results.append(result)
        if on_result:
            on_result(result)

    jobs = _jobs(engine, sources.report_files(paths), options, report)
    prepared = ordered_map(_prepare, jobs, options.workers, in_flight=2 * BATCH)
    for batch in batched(prepared, BATCH):
        for p in batch:
            if p.failure:
                report(record_failure(engine, FileResult(p.job.source.name, Outcome.FAILED, None,
                                                         *p.failure), p.job.source.sha256))
        written = write_isolating(engine, [p for p in batch if p.rows],
                                  partial(_write_in, replace=options.replace),
                                  partial(_store_failed, engine))
        for result in written:
            report(result)
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
