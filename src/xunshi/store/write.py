"""One parsed report written to the database: every row inside the caller's transaction.

Core inserts (executemany with RETURNING in parameter order), not ORM objects: the rows are
plain data and a report has hundreds of them.
"""
from __future__ import annotations

from sqlalchemy import Connection, delete, insert
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
                  doc: Document) -> int | None:
    """Insert the report and all its rows; None when these bytes are already stored."""
    stmt = (
        pg_insert(Report)
        .values(rows.report(source, raw_text, encoding, doc))
        .on_conflict_do_nothing(index_elements=[Report.sha256])
        .returning(Report.id)
    )
    report_id = conn.execute(stmt).scalar_one_or_none()
    if report_id is None:  # a concurrent load of the same bytes won
        return None
    _inspections(conn, report_id, doc)
    _findings(conn, report_id, doc.findings)
    _bulk(conn, HandledClue, report_id, [rows.clue(c, n) for n, c in enumerate(doc.clues)])
    _bulk(conn, Contact, report_id, [rows.contact(c, n) for n, c in enumerate(doc.contacts)])
    return report_id


def delete_report(conn: Connection, sha256: str) -> None:
    """Remove a report; its extracted rows follow by ON DELETE CASCADE."""
    conn.execute(delete(Report).where(Report.sha256 == sha256))


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
