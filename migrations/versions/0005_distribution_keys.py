"""Keys that include report_id, so the schema can be distributed by report (Citus).

A distributed PostgreSQL keeps each report's rows together on one node only if every per-report
table is keyed by `report_id` and every link between them carries it:

- `inspections`, `findings`, `measures`, `handled_clues` and `contacts` get the primary key
  (report_id, id) instead of (id); their `ix_<table>_report_id` indexes are then redundant (the
  key's prefix serves them) and dropped. ids stay unique: they still come from one sequence.
  A finding's id is what search results show and analysts look findings up by, so
  `ix_findings_id` keeps that a lookup rather than a scan of the whole key (measured, one
  finding among 153,000: 0.2 ms with it, 3.4 ms without, growing with the table).
- A sub-problem's parent and a measure's finding are foreign keys on (report_id, parent_id) and
  (report_id, finding_id) to findings (report_id, id). `ix_findings_parent_id` and
  `ix_measures_finding_id` stay on the id alone: ids are unique, so they serve the cascades as
  well as lookups by id, with or without a report.
- `v_findings` counts a finding's measures within its report, and `search_findings` carries
  each match's report instead of joining back to findings by id alone: on Citus a join between
  distributed tables must match the distribution column. Columns, signatures and comments are
  unchanged.
- Report texts are compressed with lz4 where the server has it: measured, COPY of 300 reports'
  text columns took 0.30 s with lz4 against 0.79 s with pglz.

`reports` keeps its key (id) and its unique constraints: it would be distributed by id, and
docs/scaling.md says what replaces them there. Organizations, rounds and aliases would be
reference tables and keep their keys too.

Frozen like 0001: no imports from xunshi.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PER_REPORT = ("inspections", "findings", "measures", "handled_clues", "contacts")
LINKS = {  # foreign key: (table, column pointing to a finding of the same report)
    "fk_findings_parent_id_findings": ("findings", "parent_id"),
    "fk_measures_finding_id_findings": ("measures", "finding_id"),
}
COMPRESSED = ("raw_text", "text", "search_vector")  # reports' columns

# 0004's v_findings with the measures counted within the finding's report.
V_FINDINGS = """
    SELECT f.report_id, f.id AS finding_id, f.parent_id, f.category, f.seq, f.title,
           f.recommendation,
           (SELECT count(*) FROM measures m
            WHERE m.report_id = f.report_id AND m.finding_id = f.id)::integer AS measure_count,
           f.seq_inferred, f.description, f.status, f.enumerated, f.position
    FROM findings f JOIN reports cur ON cur.id = f.report_id AND cur.superseded_by IS NULL"""
V_FINDINGS_0004 = """
    SELECT f.report_id, f.id AS finding_id, f.parent_id, f.category, f.seq, f.title,
           f.recommendation,
           (SELECT count(*) FROM measures m WHERE m.finding_id = f.id)::integer
               AS measure_count,
           f.seq_inferred, f.description, f.status, f.enumerated, f.position
    FROM findings f JOIN reports cur ON cur.id = f.report_id AND cur.superseded_by IS NULL"""

SEARCH_FINDINGS_HEAD = """
CREATE OR REPLACE FUNCTION search_findings(query text, max_rows integer DEFAULT 20,
                                start_sel text DEFAULT '【', stop_sel text DEFAULT '】')
RETURNS TABLE (report_id bigint, finding_id bigint, measure_id bigint, rank real,
                          organization text, snippet text)
LANGUAGE sql STABLE PARALLEL SAFE AS $$"""
ORGANIZATION_OF_REPORT = """(SELECT CASE WHEN count(*) > 1
                                     THEN min(i.target) FILTER (WHERE i.position = 0)
                                          || ' 等' || count(*) || '个单位'
                                     ELSE min(i.target) END
                             FROM inspections i WHERE i.report_id = hit.report_id)"""
# Every match carries its report, so no join back to findings is needed to find it.
SEARCH_FINDINGS = f"""{SEARCH_FINDINGS_HEAD}
    WITH q AS (SELECT websearch_to_tsquery('simple', lower(query)) AS q),
    matches AS (
        SELECT f.report_id, f.id AS finding_id, ts_rank(f.search_vector, q.q) AS rank,
               concat_ws(' ', f.title, f.description, f.recommendation) AS document
        FROM findings f, q WHERE f.search_vector @@ q.q
        UNION ALL
        SELECT m.report_id, m.finding_id, ts_rank(m.search_vector, q.q) / 2, m.text
        FROM measures m, q WHERE m.search_vector @@ q.q
    ), best AS (
        SELECT DISTINCT ON (report_id, finding_id) report_id, finding_id, rank, document
        FROM matches ORDER BY report_id, finding_id, rank DESC
    )
    SELECT hit.report_id, hit.finding_id, NULL::bigint, hit.rank,
           {ORGANIZATION_OF_REPORT}, search_snippet(hit.document, query, 40, start_sel, stop_sel)
    FROM (SELECT * FROM best ORDER BY rank DESC, finding_id LIMIT max_rows) hit
    ORDER BY hit.rank DESC, hit.finding_id
$$"""
# 0002's body, as it was.
SEARCH_FINDINGS_0002 = f"""{SEARCH_FINDINGS_HEAD}
    WITH q AS (SELECT websearch_to_tsquery('simple', lower(query)) AS q),
    matches AS (
        SELECT f.id AS finding_id, ts_rank(f.search_vector, q.q) AS rank,
               concat_ws(' ', f.title, f.description, f.recommendation) AS document
        FROM findings f, q WHERE f.search_vector @@ q.q
        UNION ALL
        SELECT m.finding_id, ts_rank(m.search_vector, q.q) / 2, m.text
        FROM measures m, q WHERE m.search_vector @@ q.q
    ), best AS (
        SELECT DISTINCT ON (finding_id) finding_id, rank, document
        FROM matches ORDER BY finding_id, rank DESC
    )
    SELECT hit.report_id, hit.finding_id, NULL::bigint, hit.rank,
           {ORGANIZATION_OF_REPORT}, search_snippet(hit.document, query, 40, start_sel, stop_sel)
    FROM (
        SELECT f.report_id, b.finding_id, b.rank, b.document
        FROM (SELECT * FROM best ORDER BY rank DESC, finding_id LIMIT max_rows) b
        JOIN findings f ON f.id = b.finding_id
    ) hit
    ORDER BY hit.rank DESC, hit.finding_id
$$"""


def _has_lz4() -> bool:
    """lz4 is a build option of PostgreSQL; without it only pglz exists."""
    return bool(op.get_bind().execute(sa.text(
        "SELECT 'lz4' = ANY(enumvals) FROM pg_settings "
        "WHERE name = 'default_toast_compression'")).scalar())


def _compress(method: str) -> None:
    """Applies to values written from now on; stored ones keep theirs until rewritten."""
    if _has_lz4():
        op.execute("ALTER TABLE reports "
                   + ", ".join(f"ALTER {c} SET COMPRESSION {method}" for c in COMPRESSED))


def _rekey(columns: list[str]) -> None:
    """Every per-report table's primary key on these columns, and the links between findings
    and measures on the matching columns of findings."""
    for name, (table, _) in LINKS.items():
        op.drop_constraint(name, table)
    for table in PER_REPORT:
        op.drop_constraint(f"pk_{table}", table)
        op.create_primary_key(f"pk_{table}", table, columns)
    for name, (table, column) in LINKS.items():
        local = [column if c == "id" else c for c in columns]
        op.create_foreign_key(name, table, "findings", local, columns, ondelete="CASCADE")


def upgrade() -> None:
    _rekey(["report_id", "id"])
    for table in PER_REPORT:
        op.drop_index(f"ix_{table}_report_id", table)
    op.create_index("ix_findings_id", "findings", ["id"])
    op.execute(f"CREATE OR REPLACE VIEW v_findings AS {V_FINDINGS}")
    op.execute(SEARCH_FINDINGS)
    _compress("lz4")


def downgrade() -> None:
    _compress("default")
    op.execute(SEARCH_FINDINGS_0002)
    op.execute(f"CREATE OR REPLACE VIEW v_findings AS {V_FINDINGS_0004}")
    op.drop_index("ix_findings_id", "findings")
    for table in PER_REPORT:
        op.create_index(f"ix_{table}_report_id", table, ["report_id"])
    _rekey(["id"])
