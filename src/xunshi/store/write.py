"""Parsed reports written to the database, a batch at a time, inside the caller's transaction.

Rows go in with COPY, the fastest way into PostgreSQL; the ids that link them (reports,
findings) are drawn from the tables' own sequences first, so no row has to come back from the
server. Units and rounds are shared by all reports: they are upserted once per batch, in
sorted order, so concurrent loaders lock them in the same order and never deadlock.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

from psycopg import sql
from psycopg.types.json import Jsonb
from sqlalchemy import Connection, text

from .codebook import sync_codebook
from .rows import FILE_FIELDS, ORGANIZATION_FACTS, ReportRows, Row

ORGANIZATION_KEY = ("jurisdiction", "name_key")
ROUND_KEY = ("authority", "jurisdiction", "mode", "term", "round_no", "batch_no")
# Measures go with their findings; figures first, as they point at findings and measures.
DERIVED = ("figures", "inspections", "findings", "handled_clues", "contacts")


LOCK_SLOTS = 65536
"""Rows of `load_locks` (migration 0009): a key locks the slot its hash falls in."""


def lock_keys(conn: Connection, keys: Sequence[str]) -> None:
    """Hold the `load_locks` rows these keys hash to until the transaction ends. Row locks,
    not advisory locks: taking them needs UPDATE on the table, which a reader role never has,
    so a reader cannot stall a load. Slots are locked in order: loaders never deadlock."""
    conn.execute(text(f"""
        SELECT slot FROM xunshi_internal.load_locks
        WHERE slot IN (SELECT (hashtext(k) & {LOCK_SLOTS - 1})
                       FROM unnest(CAST(:keys AS text[])) k)
        ORDER BY slot FOR UPDATE"""), {"keys": list(keys)})


class Stored(NamedTuple):
    id: int
    new: bool  # inserted by this call; False: these bytes were stored already


def insert_reports(conn: Connection, batch: Sequence[ReportRows],
                   replace: bool = False) -> list[Stored]:
    """Insert new reports with all their rows; for bytes stored already (before, by another
    loader meanwhile, or earlier in this batch) the stored report's id.

    A report stored under the same name with other bytes becomes the previous version: kept
    and marked superseded, or deleted with `replace`. Loaders of one name or one content queue
    on a lock, so versions are numbered without gaps and the same bytes are stored once.
    """
    names = sorted({r.source_name for r in batch})
    shas = sorted({r.sha256 for r in batch})
    lock_keys(conn, [f"name {n}" for n in names] + [f"sha {s}" for s in shas])
    stored = {sha: rid for sha, rid in conn.execute(
        text("SELECT sha256, id FROM reports WHERE sha256 = ANY(:shas)"), {"shas": shas})}
    fresh: list[ReportRows] = []
    seen = set(stored)
    for r in batch:
        if r.sha256 not in seen:
            seen.add(r.sha256)
            fresh.append(r)
    if fresh:
        stored.update(zip((r.sha256 for r in fresh), _insert_fresh(conn, fresh, replace)))
    new = {id(r) for r in fresh}  # by identity: rows are large to compare
    return [Stored(stored[r.sha256], id(r) in new) for r in batch]


def _insert_fresh(conn: Connection, fresh: list[ReportRows], replace: bool) -> list[int]:
    """Bytes not stored before, one report each: their ids."""
    previous = {row.source_name: row for row in conn.execute(text("""
        SELECT source_name, max(version) AS version,
               max(id) FILTER (WHERE superseded_by IS NULL) AS current
        FROM reports WHERE source_name = ANY(:names) GROUP BY source_name"""),
        {"names": [r.source_name for r in fresh]})}
    ids = _new_ids(conn, "reports", len(fresh))
    _copy(conn, "reports", [
        {**r.report, "id": rid,
         "version": previous[r.source_name].version + 1 if r.source_name in previous else 1}
        for rid, r in zip(ids, fresh)])
    old = [(previous[r.source_name].current, rid) for rid, r in zip(ids, fresh)
           if r.source_name in previous and previous[r.source_name].current is not None]
    if old and replace:
        conn.execute(text("DELETE FROM reports WHERE source_name = ANY(:names) AND NOT id = ANY(:ids)"),
                     {"names": [r.source_name for r in fresh], "ids": ids})
    elif old:
        conn.execute(text("""
            UPDATE reports SET superseded_by = n.new, superseded_at = now()
            FROM unnest(CAST(:old AS bigint[]), CAST(:new AS bigint[])) AS n(old, new)
            WHERE reports.id = n.old"""),
            {"old": [o for o, _ in old], "new": [n for _, n in old]})
    _write_rows(conn, list(zip(ids, fresh)))
    return ids


def replace_rows(conn: Connection, items: Sequence[tuple[int, ReportRows]]) -> None:
    """Re-parsed: each report keeps its id and version; everything derived is written anew."""
    ids = [rid for rid, _ in items]
    # The reports first, in id order: a concurrent re-parse of them waits here, then deletes
    # the rows this one wrote (rather than, having waited inside a DELETE, adding its own).
    conn.execute(text("SELECT id FROM reports WHERE id = ANY(:ids) ORDER BY id "
                      "FOR NO KEY UPDATE"), {"ids": ids})
    for table in DERIVED:
        conn.execute(text(f"DELETE FROM {table} WHERE report_id = ANY(:ids)"), {"ids": ids})
    fields = [k for k in items[0][1].report if k not in FILE_FIELDS]
    conn.execute(text(f"UPDATE reports SET {', '.join(f'{k} = :{k}' for k in fields)} "
                      "WHERE id = :id"),
                 [{**{k: _param(r.report[k]) for k in fields}, "id": rid} for rid, r in items])
    _write_rows(conn, list(items))


def _write_rows(conn: Connection, items: list[tuple[int, ReportRows]]) -> None:
    """Every row derived from these reports (their `reports` rows exist)."""
    org_ids = _shared_ids(conn, "organizations", "uq_organizations_jurisdiction_name_key",
                          ORGANIZATION_KEY, [o for _, r in items for o in r.organizations],
                          extra=("name",), refresh=ORGANIZATION_FACTS)
    round_ids = _shared_ids(conn, "inspection_rounds", "uq_inspection_rounds_identity",
                            ROUND_KEY, [k for _, r in items for k in r.rounds if k])
    aliases = sorted({(org_ids[_key(o, ORGANIZATION_KEY)], o["name"])
                      for _, r in items for o in r.organizations})
    if aliases:
        conn.execute(text("""
            INSERT INTO organization_aliases (organization_id, name)
            SELECT * FROM unnest(CAST(:ids AS bigint[]), CAST(:names AS text[]))
            ON CONFLICT DO NOTHING"""),
            {"ids": [a for a, _ in aliases], "names": [n for _, n in aliases]})
    _copy(conn, "inspections", [
        {**i, "report_id": rid, "organization_id": org_ids[_key(o, ORGANIZATION_KEY)],
         "round_id": round_ids[_key(k, ROUND_KEY)] if k else None}
        for rid, r in items for i, o, k in zip(r.inspections, r.organizations, r.rounds)])
    finding_ids = iter(_new_ids(conn, "findings", sum(len(r.findings) for _, r in items)))
    measure_ids = iter(_new_ids(conn, "measures", sum(len(r.measures) for _, r in items)))
    figure_ids = iter(_new_ids(conn, "figures", sum(len(r.figures) for _, r in items)))
    findings, measures, figures = [], [], []
    for rid, r in items:
        fids = [next(finding_ids) for _ in r.findings]
        mids = [next(measure_ids) for _ in r.measures]
        gids = [next(figure_ids) for _ in r.figures]
        findings += [{**f, "id": fid, "report_id": rid,
                      "parent_id": None if up is None else fids[up]}
                     for f, fid, up in zip(r.findings, fids, r.parents)]
        measures += [{**m, "id": mid, "report_id": rid, "finding_id": fids[n]}
                     for (n, m), mid in zip(r.measures, mids)]
        figures += [{**g, "id": gid, "report_id": rid, **_linked(fids, "finding_id", finding),
                     **_linked(mids, "measure_id", measure), **_linked(gids, "part_of", total)}
                    for g, gid, (finding, measure, total) in zip(r.figures, gids, r.figure_links)]
    _copy(conn, "findings", findings)
    _copy(conn, "measures", measures)
    _copy(conn, "handled_clues", [{**c, "report_id": rid} for rid, r in items for c in r.clues])
    _copy(conn, "contacts", [{**c, "report_id": rid} for rid, r in items for c in r.contacts])
    if figures:
        sync_codebook(conn)
        _copy(conn, "figures", figures)


def _linked(ids: list[int], column: str, index: int | None) -> Row:
    """The id a link points at, from the index the rows give."""
    return {column: None if index is None else ids[index]}


def _key(row: Row, columns: tuple[str, ...]) -> tuple:
    return tuple(row[c] for c in columns)


def _shared_ids(conn: Connection, table: str, constraint: str, key: tuple[str, ...],
                rows: Iterable[Row], extra: tuple[str, ...] = (),
                refresh: tuple[str, ...] = ()) -> dict[tuple, int]:
    """Get-or-create the shared rows with these keys (first spelling wins for `extra`
    columns, the latest for `refresh` ones: what the current code derives); their ids by key.
    Keys are locked in sorted order, whoever else is loading."""
    wanted: dict[tuple, Row] = {}
    for row in rows:
        wanted.setdefault(_key(row, key), row)
    if not wanted:
        return {}
    ordered = [wanted[k] for k in sorted(wanted, key=str)]
    columns = (*key, *extra, *refresh)
    types = {c: "int" if c in ("term", "round_no", "batch_no") else "text" for c in columns}
    updates = ", ".join(f"{c} = EXCLUDED.{c}" for c in (refresh or key[:1]))
    stmt = text(f"""
        INSERT INTO {table} ({', '.join(columns)})
        SELECT * FROM unnest({', '.join(f'CAST(:{c} AS {types[c]}[])' for c in columns)})
        ON CONFLICT ON CONSTRAINT {constraint} DO UPDATE SET {updates}
        RETURNING id, {', '.join(key)}""")
    result = conn.execute(stmt, {c: [r[c] for r in ordered] for c in columns})
    return {tuple(row[1:]): row[0] for row in result}


def _new_ids(conn: Connection, table: str, n: int) -> list[int]:
    """n ids from the table's own identity sequence, as the server would have drawn them."""
    if n == 0:
        return []
    return list(conn.execute(text(
        "SELECT nextval(pg_get_serial_sequence(:table, 'id')) FROM generate_series(1, :n)"),
        {"table": table, "n": n}).scalars())


def _param(value: Any) -> Any:
    return Jsonb(value) if isinstance(value, dict) else value


def _copy(conn: Connection, table: str, rows: list[Row]) -> None:
    """COPY the rows (all with the same keys) into the table, inside the caller's transaction."""
    if not rows:
        return
    columns = list(rows[0])
    statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
        sql.Identifier(table), sql.SQL(", ").join(map(sql.Identifier, columns)))
    with conn.connection.driver_connection.cursor() as cur, cur.copy(statement) as copy:
        for row in rows:
            copy.write_row([_param(row[c]) for c in columns])
