"""`xunshi reparse`: stored raw text through the current parser, a batch per transaction.

Raw text is kept in the database for exactly this: a better parser re-reads the archive without
the original files. Each report keeps its id and version; its derived rows are replaced inside
one transaction, so a reader never sees a report half re-parsed, and a killed run resumes where
it stopped (the reports it finished carry the new parser version). A report the new parser
fails on keeps its old rows and gets a `load_errors` row.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import partial

from sqlalchemy import Connection, Engine, select

from ..errors import one_line
from ..parallel import batched, ordered_map
from ..parse import PARSER_VERSION, parse
from .load import (BATCH, FileResult, Outcome, heard, record_failure, report_all,
                   write_isolating)
from .models import Report
from .rows import ReportRows, report_rows
from .write import replace_rows


def pending(engine: Engine, below: int | None = PARSER_VERSION) -> list[int]:
    """Ids of reports stored by a parser older than `below` (None: all), oldest first; only
    ids are held, never texts."""
    stmt = select(Report.id).order_by(Report.id)
    if below is not None:
        stmt = stmt.where(Report.parser_version < below)
    with engine.connect() as conn:
        return list(conn.execute(stmt).scalars())


@dataclass(frozen=True)
class _Stored:
    id: int
    name: str
    sha256: str
    encoding: str
    raw_text: str


@dataclass(frozen=True)
class _Parsed:
    report: _Stored
    rows: ReportRows | None
    error: str | None = None


def _parse(report: _Stored) -> _Parsed:
    """Run in a worker: the CPU part."""
    try:
        doc = parse(report.raw_text)
        rows = report_rows(report.name, report.sha256, report.raw_text, report.encoding, doc)
    except Exception as e:  # a parser bug on one report must not stop the others
        return _Parsed(report, None, one_line(e))
    return _Parsed(report, rows)


def _stored(engine: Engine, report_ids: Iterable[int]) -> Iterator[_Stored]:
    """The reports' raw texts, fetched a batch at a time."""
    for chunk in batched(report_ids, BATCH):
        with engine.connect() as conn:
            rows = conn.execute(select(Report.id, Report.source_name, Report.sha256,
                                       Report.encoding, Report.raw_text)
                                .where(Report.id.in_(chunk)).order_by(Report.id))
            yield from (_Stored(*r) for r in rows)


def reparse(engine: Engine, report_ids: list[int],
            on_result: Callable[[FileResult], None] | None = None,
            workers: int = 1, on_parsed: Callable[[str], None] | None = None) -> list[FileResult]:
    """Re-parse these reports (see `pending`), reporting each outcome as it happens, and each
    report's name to `on_parsed` as soon as it is parsed (before its batch is written)."""
    results: list[FileResult] = []

    def report(result: FileResult) -> None:
        results.append(result)
        if on_result:
            on_result(result)

    parsed = heard(ordered_map(_parse, _stored(engine, report_ids), workers), on_parsed,
                   lambda p: p.report.name)
    for batch in batched(parsed, BATCH):
        for p in batch:
            if p.error:
                report(record_failure(engine, FileResult(p.report.name, Outcome.FAILED,
                                                         p.report.id, "parse", p.error),
                                      p.report.sha256))
        report_all(report, write_isolating(engine, [p for p in batch if p.rows], _write_in,
                                           partial(_store_failed, engine)))
    return results


def _write_in(conn: Connection, batch: list[_Parsed]) -> list[FileResult]:
    replace_rows(conn, [(p.report.id, p.rows) for p in batch])
    return [FileResult(p.report.name, Outcome.REPARSED, p.report.id) for p in batch]


def _store_failed(engine: Engine, p: _Parsed, reason: str) -> FileResult:
    return record_failure(engine, FileResult(p.report.name, Outcome.FAILED, p.report.id, "store",
                                             reason), p.report.sha256)
