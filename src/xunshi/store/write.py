"""One parsed report written to the database: every row inside the caller's transaction.

Core inserts (executemany with RETURNING in parameter order), not ORM objects: the rows are
plain data and a report has hundreds of them.
"""
from __future__ import annotations

from sqlalchemy import Connection, delete, func, insert, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert

from ..parse.model import Document, Finding
from ..sources import Source
from . import rows
from .models import (
    Contact,
    Finding as FindingRow,
    HandledClue,
    Inspection,
    InspectionRound,
    Keyed,
    Measure,
    Organization,
    OrganizationAlias,
    Report,
)
from .rows import Row


def insert_report(conn: Connection, source: Source, raw_text: str, encoding: str,
                  doc: Document, replace: bool = False) -> int | None:
    """Insert the report and all its rows; None when these bytes are already stored.

    A report stored under the same name with other bytes becomes the previous version: kept and
    marked superseded, or deleted with `replace`. Loaders of one name queue on a lock, so
    versions are numbered without gaps or duplicates.
    """
    conn.execute(select(func.pg_advisory_xact_lock(func.hashtext(source.name))))
    current = conn.execute(
        select(Report.id, Report.version)
        .where(Report.source_name == source.name, Report.superseded_by.is_(None))
    ).first()
    version = 1
    if current is not None:
        version = (conn.execute(select(func.max(Report.version))
                                .where(Report.source_name == source.name)).scalar_one()) + 1
    stmt = (
        pg_insert(Report)
        .values({**rows.report(source, raw_text, encoding, doc), "version": version})
        .on_conflict_do_nothing(index_elements=[Report.sha256])
        .returning(Report.id)
    )
    report_id = conn.execute(stmt).scalar_one_or_none()
    if report_id is None:  # these bytes are stored (a concurrent load of them won)
        return None
    if current is not None and replace:
        conn.execute(delete(Report).where(Report.source_name == source.name,
                                          Report.id != report_id))
    elif current is not None:
        conn.execute(update(Report).where(Report.id == current.id)
                     .values(superseded_by=report_id, superseded_at=func.now()))
    _insert_rows(conn, report_id, doc)
    return report_id


def replace_rows(conn: Connection, report_id: int, doc: Document) -> None:
    """Re-parsed: the report keeps its id and version; everything derived is written anew."""
    for model in (Inspection, FindingRow, HandledClue, Contact):  # measures go with findings
        conn.execute(delete(model).where(model.report_id == report_id))
    conn.execute(update(Report).where(Report.id == report_id).values(rows.report_fields(doc)))
    _insert_rows(conn, report_id, doc)


def _insert_rows(conn: Connection, report_id: int, doc: Document) -> None:
    _inspections(conn, report_id, doc)
    _findings(conn, report_id, doc.findings)
    _bulk(conn, HandledClue, report_id, [rows.clue(c, n) for n, c in enumerate(doc.clues)])
    _bulk(conn, Contact, report_id, [rows.contact(c, n) for n, c in enumerate(doc.contacts)])


def _bulk(conn: Connection, model: type[Keyed], report_id: int, batch: list[Row]) -> list[int]:
    """Insert rows of one report; their ids in the order given."""
    if not batch:
        return []
    stmt = insert(model).returning(model.id, sort_by_parameter_order=True)
    return list(conn.execute(stmt, [{**r, "report_id": report_id} for r in batch]).scalars())


def _get_or_create(conn: Connection, model: type[Keyed], constraint: str, key: Row) -> int:
    """Id of the shared row with this key; race-safe (a no-op update returns the winner's id)."""
    first = next(iter(key))
    stmt = (
        pg_insert(model)
        .values(key)
        .on_conflict_do_update(constraint=constraint, set_={first: key[first]})
        .returning(model.id)
    )
    return conn.execute(stmt).scalar_one()


def _shared_ids(conn: Connection, model: type[Keyed], constraint: str,
                keys: list[Row | None]) -> list[int | None]:
    """Get-or-create each key, in sorted order: concurrent loaders then lock shared rows in the
    same order and cannot deadlock each other."""
    frozen = [None if k is None else tuple(k.items()) for k in keys]
    ids = {key: _get_or_create(conn, model, constraint, dict(key))
           for key in sorted({f for f in frozen if f is not None}, key=str)}
    return [None if f is None else ids[f] for f in frozen]


def _inspections(conn: Connection, report_id: int, doc: Document) -> None:
    orgs = [rows.organization(i, doc) for i in doc.inspections]
    org_ids = _shared_ids(conn, Organization, "uq_organizations_jurisdiction_name_key", orgs)
    _aliases(conn, sorted({(oid, org["name"]) for oid, org in zip(org_ids, orgs)}))
    round_ids = _shared_ids(conn, InspectionRound, "uq_inspection_rounds_identity",
                            [rows.inspection_round(i, doc) for i in doc.inspections])
    _bulk(conn, Inspection, report_id, [
        {**rows.inspection(i, n), "organization_id": org, "round_id": rnd}
        for n, (i, org, rnd) in enumerate(zip(doc.inspections, org_ids, round_ids))
    ])


def _aliases(conn: Connection, aliases: list[tuple[int | None, str]]) -> None:
    """Remember every spelling of each unit (in sorted order, like the units themselves)."""
    if aliases:
        conn.execute(pg_insert(OrganizationAlias).on_conflict_do_nothing(),
                     [{"organization_id": oid, "name": name} for oid, name in aliases])


def _findings(conn: Connection, report_id: int, findings: list[Finding]) -> None:
    """Parents first (their ids become the children's parent_id), then children, then measures.

    `position` is document order with each parent followed by its children.
    """
    positions, pos = [], 0
    for f in findings:
        positions.append(pos)
        pos += 1 + len(f.children)
    parent_ids = _bulk(conn, FindingRow, report_id,
                       [rows.finding(f, p) for f, p in zip(findings, positions)])
    children = [(c, pid, p + 1 + k) for f, pid, p in zip(findings, parent_ids, positions)
                for k, c in enumerate(f.children)]
    child_ids = _bulk(conn, FindingRow, report_id,
                      [{**rows.finding(c, p), "parent_id": pid} for c, pid, p in children])
    owners = list(zip(findings, parent_ids)) + [(c, cid) for (c, _, _), cid in zip(children, child_ids)]
    _bulk(conn, Measure, report_id,
          [{**m, "finding_id": fid} for f, fid in owners for m in rows.measures(f)])
