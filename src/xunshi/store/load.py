"""`xunshi load` as a library: files in, one transaction per report, an outcome per file.

A file that fails (unreadable, too large, no text in it, not a report, rejected by the
database) becomes a `load_errors` row and a failed outcome; it never stops the files after it.
Bytes that failed to decode, extract or parse are not tried again under the same parser
version (outcome `not retried`) unless asked (`retry_failed`): they would fail the same way.
A database that stops answering does stop the load (DatabaseUnavailable): every later file
would fail the same way, and a re-run resumes where it stopped.
"""
from __future__ import annotations

from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import partial
from pathlib import Path
from typing import NamedTuple, TypeVar

import psycopg
from sqlalchemy import Connection, Engine, delete, func, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.orm import Session

from .. import sources
from ..errors import XunshiError, one_line
from ..parallel import batched, ordered_map
from ..parse import PARSER_VERSION, Document, ParseError, is_inspection_report, parse
from ..sources.names import printable, stored_name
from .models import LoadError, Report
from .rows import ReportRows, report_rows
from .write import insert_reports, replace_rows

T = TypeVar("T")


class Outcome(StrEnum):
    LOADED = "loaded"
    REPARSED = "reparsed"  # stored by an older parser: replaced by this parser's reading
    UNCHANGED = "unchanged"  # these bytes are stored already, by this parser version
    FAILED = "failed"
    SKIPPED = "skipped"  # in a folder, but not a report format: not read
    NOT_RETRIED = "not retried"  # these bytes failed before under this parser version


@dataclass(frozen=True)
class FileResult:
    file: str
    outcome: Outcome
    report_id: int | None = None
    stage: str | None = None  # where a failure happened: read, decode, extract, parse, store
    reason: str | None = None  # why it failed or was skipped

    def line(self) -> str:
        """One line naming the file and what happened to it, whatever characters its name has."""
        if self.outcome is Outcome.FAILED:
            return printable(f"failed     {self.file}: {self.stage}: {self.reason}")
        if self.outcome is Outcome.SKIPPED:
            return printable(f"skipped    {self.file}: {self.reason}")
        if self.outcome is Outcome.NOT_RETRIED:
            return printable(f"not retried {self.file}: failed before under this parser: "
                             f"{self.stage}: {self.reason}")
        return printable(f"{self.outcome.value:10s} {self.file} (report {self.report_id})")


class DatabaseUnavailable(XunshiError):
    """The database stopped answering, or can store nothing more (disk full), during a load:
    what was stored is complete, and running the same load again resumes it."""

    def __init__(self, cause: SQLAlchemyError) -> None:
        super().__init__(f"the database stopped the load: {one_line(cause)}")


_UNAVAILABLE = ("08", "53", "57P", "58")
"""SQLSTATE prefixes that no later file escapes: connection failures, insufficient resources
(disk full, out of memory, too many connections), the server shutting down, system errors."""


def _unavailable(e: SQLAlchemyError) -> bool:
    if isinstance(e, DBAPIError) and e.connection_invalidated:
        return True
    cause = getattr(e, "orig", None)
    if isinstance(cause, psycopg.InterfaceError):  # the connection is closed
        return True
    if not isinstance(cause, psycopg.OperationalError):
        return False
    return cause.sqlstate is None or cause.sqlstate.startswith(_UNAVAILABLE)


def _raise_if_unavailable(e: SQLAlchemyError) -> None:
    if _unavailable(e):
        raise DatabaseUnavailable(e) from e


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
    max_size: int = sources.DEFAULT_MAX_SIZE  # bytes read at most; larger files fail
    workers: int = 1  # processes that extract and parse (the database writer is this one)
    retry_failed: bool = False  # parse again bytes that failed before under this parser


BATCH = 50
"""Reports written per transaction: big enough for COPY to pay, small enough that a failure
retried report by report, or a killed load, loses little work."""
PARSER_STAGES = ("decode", "extract", "parse")
"""Stages whose failure the bytes and the parser version decide: such bytes are not retried
under the same version. A read or store failure depends on the file system or the database."""
BATCH_BYTES = 40_000_000
"""Bytes of files read, or of reports written, per batch: a batch of large files is cut short
so that a load's memory does not grow with the size of the files in it."""


@dataclass(frozen=True)
class _Job:
    source: sources.Source
    stored: _Stored | None  # these bytes are stored already, by an older parser
    options: LoadOptions


@dataclass(frozen=True)
class _Prepared:
    """A file parsed, as it comes back from a worker: without its bytes, which the writer does
    not need (pickling them back would double the memory a large file takes)."""

    name: str
    sha256: str
    size: int  # bytes of the file
    stored: _Stored | None
    rows: ReportRows | None = None
    failure: tuple[str, str] | None = None  # (stage, reason); exceptions do not cross processes


def _recognized(doc: Document, options: LoadOptions) -> Document:
    if not options.keep_unrecognized and not is_inspection_report(doc):
        raise ParseError("not an inspection report (no 巡视/巡察 feedback or rectification "
                         "found; --keep-unrecognized stores it anyway)")
    return doc


def _prepare(job: _Job) -> _Prepared:
    """The CPU part of loading one file, run in a worker: text, parse, rows with search words."""
    source = job.source
    done = partial(_Prepared, source.name, source.sha256, len(source.data), job.stored)
    try:
        # Exception: a format library's or the parser's bug on one file must not stop the others
        raw_text, encoding = _step("extract", Exception, sources.extract, source)
        doc = _step("parse", Exception, parse, raw_text)
        doc = _step("parse", ParseError, _recognized, doc, job.options)
        rows = _step("parse", Exception, report_rows, source.name, source.sha256,
                     raw_text, encoding, doc)
    except _Failure as f:
        return done(failure=(f.stage, f.reason))
    return done(rows)


def _read(engine: Engine, files: Iterable[Path | sources.Source], options: LoadOptions,
          report: Callable[[FileResult], None]) -> Iterator[sources.Source]:
    """The files' bytes; a file that cannot be read is reported here. A Source is read
    already (standard input)."""
    for path in files:
        if isinstance(path, sources.Source):
            yield path
            continue
        try:
            yield _step("read", sources.SourceError, sources.read, path, options.max_size)
        except _Failure as f:
            report(record_failure(engine, FileResult(stored_name(path), Outcome.FAILED, None,
                                                     f.stage, f.reason), None))


def _jobs(engine: Engine, files: Iterable[Path | sources.Source], options: LoadOptions,
          report: Callable[[FileResult], None]) -> Iterator[_Job]:
    """Files read and checked against the database a batch at a time; what needs no parsing
    (stored by this parser, unreadable, failed before under it) is reported here and never
    reaches a worker."""
    read = _read(engine, files, options, report)
    for chunk in batched(read, BATCH, weight=lambda s: len(s.data), limit=BATCH_BYTES):
        try:
            stored, failed = _known(engine, [s.sha256 for s in chunk], options)
        except SQLAlchemyError as e:
            _raise_if_unavailable(e)
            for s in chunk:
                report(record_failure(engine, FileResult(s.name, Outcome.FAILED, None, "store",
                                                         one_line(e)), s.sha256))
            continue
        for s in chunk:
            known = stored.get(s.sha256)
            if known is not None and known.parser_version == PARSER_VERSION:
                report(FileResult(s.name, Outcome.UNCHANGED, known.id))
            elif known is None and s.sha256 in failed:
                report(FileResult(s.name, Outcome.NOT_RETRIED, None, *failed[s.sha256]))
            else:
                yield _Job(s, known, options)


def _known(engine: Engine, shas: list[str], options: LoadOptions
           ) -> tuple[dict[str, _Stored], dict[str, tuple[str, str]]]:
    """The stored reports with these bytes; and the (stage, message) these bytes failed with
    before under this parser, unless they are to be retried. With `keep_unrecognized`, parse
    failures are retried: one of them may have been a text that is no inspection report."""
    with engine.connect() as conn:
        rows = conn.execute(select(Report.sha256, Report.id, Report.parser_version)
                            .where(Report.sha256.in_(shas)))
        stored = {r.sha256: _Stored(r.id, r.parser_version) for r in rows}
        if options.retry_failed:
            return stored, {}
        stages = [s for s in PARSER_STAGES if not (options.keep_unrecognized and s == "parse")]
        failures = conn.execute(
            select(LoadError.sha256, LoadError.stage, LoadError.message)
            .where(LoadError.sha256.in_(shas), LoadError.parser_version == PARSER_VERSION,
                   LoadError.stage.in_(stages))
            .order_by(LoadError.occurred_at))
        return stored, {r.sha256: (r.stage, r.message) for r in failures}  # the latest wins


def write_isolating(engine: Engine, batch: list[T],
                    write: Callable[[Connection, list[T]], list[FileResult]],
                    failed: Callable[[T, str], FileResult]) -> list[FileResult]:
    """One transaction for the whole batch; if the database refuses it, one per item, so the
    refused item is named (`failed` records it) and the others are still written. A database
    that stopped answering raises DatabaseUnavailable instead."""
    if not batch:
        return []
    try:
        with engine.begin() as conn:
            return write(conn, batch)
    except SQLAlchemyError as e:
        _raise_if_unavailable(e)
        if len(batch) == 1:
            return [failed(batch[0], one_line(e))]
        return [r for item in batch for r in write_isolating(engine, [item], write, failed)]


def _store_failed(engine: Engine, p: _Prepared, reason: str) -> FileResult:
    return record_failure(engine, FileResult(p.name, Outcome.FAILED, None, "store", reason),
                          p.sha256)


def _write_in(conn: Connection, batch: list[_Prepared], replace: bool) -> list[FileResult]:
    new = [p for p in batch if p.stored is None]
    old = [p for p in batch if p.stored is not None]
    inserted = insert_reports(conn, [p.rows for p in new], replace) if new else []
    if old:
        replace_rows(conn, [(p.stored.id, p.rows) for p in old])
    conn.execute(delete(LoadError).where(LoadError.sha256.in_([p.sha256 for p in batch])
                                         | LoadError.file.in_([p.name for p in batch])))
    return ([FileResult(p.name, Outcome.LOADED if s.new else Outcome.UNCHANGED, s.id)
             for p, s in zip(new, inserted)]
            + [FileResult(p.name, Outcome.REPARSED, p.stored.id) for p in old])


def load_file(engine: Engine, path: Path, options: LoadOptions = LoadOptions()) -> FileResult:
    """Load one report file in its own transaction; never raises for a bad file."""
    [result] = load_paths(engine, [path], options=options)
    return result


def record_failure(engine: Engine, result: FileResult, sha256: str | None) -> FileResult:
    """Keep the failure in load_errors, replacing the file's earlier one, with the parser
    version when the bytes decided it; if even that fails, say so in the reason."""
    row = {"file": result.file, "sha256": sha256, "stage": result.stage, "message": result.reason,
           "parser_version": PARSER_VERSION if result.stage in PARSER_STAGES else None}
    try:
        with engine.begin() as conn:
            conn.execute(insert(LoadError).values(row).on_conflict_do_update(
                index_elements=[LoadError.file],
                set_={**row, "occurred_at": func.now()}))
    except SQLAlchemyError as e:
        _raise_if_unavailable(e)
        return FileResult(result.file, result.outcome, None, result.stage,
                          f"{result.reason} (not recorded in load_errors: {one_line(e)})")
    return result


def load_paths(engine: Engine, paths: Iterable[str | Path] | sources.Scan,
               on_result: Callable[[FileResult], None] | None = None,
               options: LoadOptions = LoadOptions(),
               on_parsed: Callable[[str], None] | None = None) -> list[FileResult]:
    """Load every report file the paths name (or a scan of them found), reporting each
    outcome as it happens; files of other types in their folders are reported skipped.
    `on_parsed` hears of each file as soon as it is parsed, before its batch is written: a
    progress bar moves from the first file on.

    Files are parsed by `options.workers` processes and written in batches of whole reports,
    each batch one transaction: a killed load leaves every report stored entirely or not at
    all, and running it again finishes the job.
    """
    results: list[FileResult] = []

    def report(result: FileResult) -> None:
        results.append(result)
        if on_result:
            on_result(result)

    found = paths if isinstance(paths, sources.Scan) else sources.scan(paths)
    for skipped in found.skipped:
        report(FileResult(stored_name(skipped.path), Outcome.SKIPPED, reason=skipped.reason))
    jobs = _jobs(engine, found.files, options, report)
    prepared = heard(ordered_map(_prepare, jobs, options.workers, in_flight=2 * BATCH,
                                 weight=lambda job: len(job.source.data), limit=BATCH_BYTES),
                     on_parsed, lambda p: p.name)
    for batch in batched(prepared, BATCH, weight=lambda p: p.size, limit=BATCH_BYTES):
        for p in batch:
            if p.failure:
                report(record_failure(engine, FileResult(p.name, Outcome.FAILED, None, *p.failure),
                                      p.sha256))
        report_all(report, write_isolating(engine, [p for p in batch if p.rows],
                                           partial(_write_in, replace=options.replace),
                                           partial(_store_failed, engine)))
    return results


def heard(items: Iterable[T], listener: Callable[[str], None] | None,
          name: Callable[[T], str]) -> Iterator[T]:
    """The items unchanged, each named to `listener` as it passes."""
    for item in items:
        if listener:
            listener(name(item))
        yield item


def report_all(report: Callable[[FileResult], None], written: list[FileResult]) -> None:
    """Report each result of a committed batch, all of them even when Ctrl-C comes meanwhile
    (then re-raised): what the caller is told was stored must be what was."""
    pending = deque(written)
    while pending:
        try:
            report(pending.popleft())
        except KeyboardInterrupt:
            for result in pending:
                report(result)
            raise


NOT_RETRIED_HINT = "failed before under this parser; --retry-failed tries them again"


def summary(results: Sequence[FileResult]) -> str:
    """`5 loaded, 1 unchanged, 1 failed`, with reparsed, skipped and not retried files when
    there are any."""
    counts = Counter(r.outcome for r in results)
    usual = (Outcome.LOADED, Outcome.UNCHANGED, Outcome.FAILED)
    line = ", ".join(f"{counts[o]} {o.value}" for o in Outcome if counts[o] or o in usual)
    return f"{line} ({NOT_RETRIED_HINT})" if counts[Outcome.NOT_RETRIED] else line


def load_errors(engine: Engine, limit: int = 50) -> list[LoadError]:
    """The latest failures, newest first: one per file."""
    with Session(engine) as session:
        return list(session.scalars(
            select(LoadError).order_by(LoadError.occurred_at.desc(), LoadError.id.desc())
            .limit(limit)))
