"""`xunshi reparse`: stored raw text through the current parser, one report per transaction.

Raw text is kept in the database for exactly this: a better parser re-reads the archive without
the original files. Each report keeps its id and version; its derived rows are replaced
atomically, so a reader never sees a report half re-parsed, and a killed run resumes where it
stopped (the reports it finished carry the new parser version).
"""
from __future__ import annotations

from collections.abc import Callable, Iterator

from sqlalchemy import Engine, select
from sqlalchemy.exc import SQLAlchemyError

from ..errors import one_line
from ..parse import PARSER_VERSION, parse
from .load import FileResult, Outcome, record_failure
from .models import Report
from .write import replace_rows


def pending(engine: Engine, below: int | None = PARSER_VERSION) -> list[int]:
    """Ids of reports stored by a parser older than `below` (None: all), oldest first; only
    ids are held, never texts."""
    stmt = select(Report.id).order_by(Report.id)
    if below is not None:
        stmt = stmt.where(Report.parser_version < below)
    with engine.connect() as conn:
        return list(conn.execute(stmt).scalars())


def reparse(engine: Engine, report_ids: list[int],
            on_result: Callable[[FileResult], None] | None = None) -> Iterator[FileResult]:
    """Re-parse these reports (see `pending`), yielding each outcome as it happens."""
    for report_id in report_ids:
        result = _reparse_one(engine, report_id)
        if on_result:
            on_result(result)
        yield result


def _reparse_one(engine: Engine, report_id: int) -> FileResult:
    name, sha256 = f"report {report_id}", None
    try:
        with engine.begin() as conn:
            row = conn.execute(select(Report.source_name, Report.sha256, Report.raw_text)
                               .where(Report.id == report_id).with_for_update()).first()
            if row is None:  # deleted meanwhile
                return FileResult(name, Outcome.UNCHANGED, report_id)
            name, sha256 = row.source_name, row.sha256
            try:
                doc = parse(row.raw_text)
            except Exception as e:  # a parser bug on one report must not stop the others
                failure = FileResult(name, Outcome.FAILED, report_id, "parse", one_line(e))
            else:
                replace_rows(conn, report_id, doc)
                return FileResult(name, Outcome.REPARSED, report_id)
    except SQLAlchemyError as e:
        failure = FileResult(name, Outcome.FAILED, report_id, "store", one_line(e))
    return record_failure(engine, failure, sha256)
