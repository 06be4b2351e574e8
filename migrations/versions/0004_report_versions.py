"""Versions of a report: a changed file under the same name is kept beside the old one.

Publishers edit reports after publishing them; the older text is evidence, so it is kept and
marked superseded rather than overwritten (`xunshi load --replace` deletes it instead). The
analyst views show current versions only; `v_report_versions` shows them all.

Frozen like 0001: no imports from xunshi.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CURRENT = "JOIN reports cur ON cur.id = {alias}.report_id AND cur.superseded_by IS NULL"

# 0001's views, restricted to current versions; v_reports gains the version columns at its end.
VIEWS = {
    "v_reports": """
        SELECT r.id AS report_id, r.source_name, r.doc_type, r.title, r.issuer,
               r.published_on, r.jurisdiction, r.jurisdiction_code,
               r.published_precision, r.sha256, r.parser_version, r.loaded_at, r.version
        FROM reports r WHERE r.superseded_by IS NULL""",
    "v_inspections": f"""
        SELECT i.report_id, i.target, rd.authority, i.group_name, rd.mode, rd.term,
               rd.round_no, rd.batch_no, i.kind, i.started_on, i.ended_on, i.feedback_on,
               i.id AS inspection_id, i.started_precision, i.ended_precision,
               i.feedback_precision, i.organization_id, o.jurisdiction AS organization_jurisdiction,
               i.round_id, i.position
        FROM inspections i
        {CURRENT.format(alias="i")}
        JOIN organizations o ON o.id = i.organization_id
        LEFT JOIN inspection_rounds rd ON rd.id = i.round_id""",
    "v_findings": f"""
        SELECT f.report_id, f.id AS finding_id, f.parent_id, f.category, f.seq, f.title,
               f.recommendation,
               (SELECT count(*) FROM measures m WHERE m.finding_id = f.id)::integer
                   AS measure_count,
               f.seq_inferred, f.description, f.status, f.enumerated, f.position
        FROM findings f {CURRENT.format(alias="f")}""",
    "v_measures": f"""
        SELECT m.report_id, m.finding_id, m.seq, m.text, m.id AS measure_id
        FROM measures m {CURRENT.format(alias="m")}""",
    "v_clues": f"""
        SELECT c.report_id, c.kind, c.disposition, c.count, c.total,
               c.id AS clue_id, c.persons, c.position
        FROM handled_clues c {CURRENT.format(alias="c")}""",
    "v_contacts": f"""
        SELECT c.report_id, c.kind, c.value, c.id AS contact_id, c.raw, c.position
        FROM contacts c {CURRENT.format(alias="c")}""",
}
# 0002's v_organizations, counting current versions only.
V_ORGANIZATIONS = """
    WITH visits AS (
        SELECT i.organization_id, i.report_id, i.round_id,
               coalesce(i.started_on, i.feedback_on, r.published_on) AS visited_on,
               count(*) OVER (PARTITION BY i.report_id) AS units_in_report
        FROM inspections i JOIN reports r ON r.id = i.report_id
        WHERE r.superseded_by IS NULL
    ), findings_per_report AS (
        SELECT report_id, count(*) AS n FROM findings GROUP BY report_id
    )
    SELECT o.id AS organization_id, o.jurisdiction, o.name,
           (SELECT array_agg(a.name ORDER BY a.name) FROM organization_aliases a
            WHERE a.organization_id = o.id) AS aliases,
           count(DISTINCT coalesce('round ' || v.round_id, 'report ' || v.report_id))::integer
               AS inspection_count,
           count(DISTINCT v.report_id)::integer AS report_count,
           coalesce(sum(f.n) FILTER (WHERE v.units_in_report = 1), 0)::integer AS finding_count,
           coalesce(sum(f.n) FILTER (WHERE v.units_in_report > 1), 0)::integer
               AS shared_finding_count,
           min(v.visited_on) AS first_inspected_on, max(v.visited_on) AS last_inspected_on,
           o.name_key
    FROM organizations o
    JOIN visits v ON v.organization_id = o.id
    LEFT JOIN findings_per_report f ON f.report_id = v.report_id
    GROUP BY o.id"""
V_REPORT_VERSIONS = """
    SELECT r.id AS report_id, r.source_name, r.version, r.sha256, r.loaded_at,
           r.superseded_by, r.superseded_at, r.superseded_by IS NULL AS is_current
    FROM reports r"""

VERSION = "同一文件名的第几个版本，从 1 起 / Version of the report under this file name, from 1"
SUPERSEDED_BY = ("取代本版本的新版本（reports.id）；当前版本为 NULL / The newer version that "
                 "replaced this one (reports.id); NULL for the current version")
SUPERSEDED_AT = "被新版本取代的时间；当前版本为 NULL / When a newer version replaced this one; NULL for the current version"
COMMENTS = {
    ("COLUMN", "reports.version"): VERSION,
    ("COLUMN", "reports.superseded_by"): SUPERSEDED_BY,
    ("COLUMN", "reports.superseded_at"): SUPERSEDED_AT,
    ("COLUMN", "v_reports.version"): VERSION,
    ("VIEW", "v_report_versions"): (
        "报告的所有版本（含被取代的旧版本）/ Every version of every report, superseded ones "
        "included; the other views show current versions only"),
    ("COLUMN", "v_report_versions.report_id"): "报告编号（reports.id）/ The report version's id (reports.id)",
    ("COLUMN", "v_report_versions.source_name"): "加载时给出的文件名 / The file name as given to xunshi load",
    ("COLUMN", "v_report_versions.version"): VERSION,
    ("COLUMN", "v_report_versions.sha256"): "原始文件字节的 SHA-256 / SHA-256 of the file's raw bytes",
    ("COLUMN", "v_report_versions.loaded_at"): "加载时间 / When this version was loaded",
    ("COLUMN", "v_report_versions.superseded_by"): SUPERSEDED_BY,
    ("COLUMN", "v_report_versions.superseded_at"): SUPERSEDED_AT,
    ("COLUMN", "v_report_versions.is_current"): "是否当前版本 / True for the current version of its file name",
}


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def upgrade() -> None:
    op.add_column("reports", sa.Column("version", sa.Integer(), server_default="1",
                                       nullable=False))
    op.add_column("reports", sa.Column("superseded_by", sa.BigInteger(), nullable=True))
    op.add_column("reports", sa.Column("superseded_at", sa.DateTime(timezone=True),
                                       nullable=True))
    op.create_foreign_key("fk_reports_superseded_by_reports", "reports", "reports",
                          ["superseded_by"], ["id"], ondelete="SET NULL")
    op.create_unique_constraint("uq_reports_source_name_version", "reports",
                                ["source_name", "version"])
    op.create_index("ix_reports_superseded_by", "reports", ["superseded_by"])
    for name, query in VIEWS.items():
        op.execute(f"CREATE OR REPLACE VIEW {name} AS {query}")
    op.execute(f"CREATE OR REPLACE VIEW v_organizations AS {V_ORGANIZATIONS}")
    op.execute(f"CREATE VIEW v_report_versions AS {V_REPORT_VERSIONS}")
    for (kind, name), comment in COMMENTS.items():
        op.execute(f"COMMENT ON {kind} {name} IS {_literal(comment)}")


def downgrade() -> None:
    op.execute("DROP VIEW v_report_versions")
    op.execute("CREATE OR REPLACE VIEW v_organizations AS "
               + V_ORGANIZATIONS.replace("WHERE r.superseded_by IS NULL", ""))
    # Views cannot lose columns in place: v_reports is rebuilt as 0001 had it, keeping the
    # comments 0003 gave it.
    bind = op.get_bind()
    view_comment = bind.execute(sa.text("SELECT obj_description('v_reports'::regclass)")).scalar()
    column_comments = bind.execute(sa.text(
        "SELECT attname, col_description(attrelid, attnum) FROM pg_attribute "
        "WHERE attrelid = 'v_reports'::regclass AND attnum > 0 AND attname <> 'version'")).all()
    op.execute("DROP VIEW v_reports")
    for name, query in VIEWS.items():
        query = query.replace(", r.version", "").replace(" WHERE r.superseded_by IS NULL", "")
        for alias in ("i", "f", "m", "c"):
            query = query.replace(CURRENT.format(alias=alias), "")
        verb = "CREATE VIEW" if name == "v_reports" else "CREATE OR REPLACE VIEW"
        op.execute(f"{verb} {name} AS {query}")
    if view_comment:
        op.execute(f"COMMENT ON VIEW v_reports IS {_literal(view_comment)}")
    for column, comment in column_comments:
        if comment:
            op.execute(f"COMMENT ON COLUMN v_reports.{column} IS {_literal(comment)}")
    op.drop_index("ix_reports_superseded_by", "reports")
    op.drop_constraint("uq_reports_source_name_version", "reports")
    op.drop_constraint("fk_reports_superseded_by_reports", "reports")
    for column in ("superseded_at", "superseded_by", "version"):
        op.drop_column("reports", column)
