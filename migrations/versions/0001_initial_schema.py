"""Initial schema: reports and what the parser extracts from them, plus the analyst views.

Written by hand (starting from an autogenerate draft) and frozen: it must not import xunshi's
models, which will move on. tests/store/test_migrations.py checks that the models still match.

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql
from sqlalchemy.schema import SchemaItem

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PRECISIONS = "('day', 'month', 'year')"

# The analyst contract (shared/gold/README.md): these names and columns stay stable while the
# tables behind them change. Columns beyond the contract's come after the contract's own.
VIEWS = {
    "v_reports": """
        SELECT r.id AS report_id, r.source_name, r.doc_type, r.title, r.issuer,
               r.published_on, r.jurisdiction, r.jurisdiction_code,
               r.published_precision, r.sha256, r.parser_version, r.loaded_at
        FROM reports r""",
    "v_inspections": """
        SELECT i.report_id, i.target, rd.authority, i.group_name, rd.mode, rd.term,
               rd.round_no, rd.batch_no, i.kind, i.started_on, i.ended_on, i.feedback_on,
               i.id AS inspection_id, i.started_precision, i.ended_precision,
               i.feedback_precision, i.organization_id, o.jurisdiction AS organization_jurisdiction,
               i.round_id, i.position
        FROM inspections i
        JOIN organizations o ON o.id = i.organization_id
        LEFT JOIN inspection_rounds rd ON rd.id = i.round_id""",
    "v_findings": """
        SELECT f.report_id, f.id AS finding_id, f.parent_id, f.category, f.seq, f.title,
               f.recommendation,
               (SELECT count(*) FROM measures m WHERE m.finding_id = f.id)::integer
                   AS measure_count,
               f.seq_inferred, f.description, f.status, f.enumerated, f.position
        FROM findings f""",
    "v_measures": """
        SELECT m.report_id, m.finding_id, m.seq, m.text, m.id AS measure_id
        FROM measures m""",
    "v_clues": """
        SELECT c.report_id, c.kind, c.disposition, c.count, c.total,
               c.id AS clue_id, c.persons, c.position
        FROM handled_clues c""",
    "v_contacts": """
        SELECT c.report_id, c.kind, c.value, c.id AS contact_id, c.raw, c.position
        FROM contacts c""",
}


def _id(table: str) -> list[SchemaItem]:
    return [
        sa.Column("id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.PrimaryKeyConstraint("id", name=f"pk_{table}"),
    ]


def _report_id(table: str) -> list[SchemaItem]:
    """What every extracted row carries: its report (rows go with it) and its span."""
    return [
        *_id(table),
        sa.Column("report_id", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["report_id"], ["reports.id"], name=f"fk_{table}_report_id_reports", ondelete="CASCADE"
        ),
    ]


def _span() -> list[sa.Column]:
    return [
        sa.Column("span_start", sa.Integer(), nullable=False),
        sa.Column("span_end", sa.Integer(), nullable=False),
    ]


def _partial_date(table: str, prefix: str) -> list[SchemaItem]:
    return [
        sa.Column(f"{prefix}_on", sa.Date(), nullable=True),
        sa.Column(f"{prefix}_precision", sa.Text(), nullable=True),
        sa.CheckConstraint(
            f"{prefix}_precision IN {PRECISIONS}", name=f"ck_{table}_{prefix}_precision"
        ),
    ]


def _index(table: str, *columns: str) -> None:
    op.create_index(f"ix_{table}_{'_'.join(columns)}", table, list(columns))


def upgrade() -> None:
    op.create_table(
        "reports",
        *_id("reports"),
        sa.Column("source_name", sa.Text(), nullable=False),
        sa.Column("sha256", sa.Text(), nullable=False),
        sa.Column("encoding", sa.Text(), nullable=False),
        sa.Column("raw_text", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("doc_type", sa.Text(), nullable=True),
        sa.Column("issuer", sa.Text(), nullable=True),
        *_partial_date("reports", "published"),
        sa.Column("jurisdiction", sa.Text(), nullable=True),
        sa.Column("jurisdiction_code", sa.Text(), nullable=True),
        sa.Column(
            "spans", postgresql.JSONB(), server_default=sa.text("'{}'::jsonb"), nullable=False
        ),
        sa.Column("parser_version", sa.Integer(), nullable=False),
        sa.Column(
            "loaded_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.CheckConstraint(
            "doc_type IN ('rectification', 'feedback')", name="ck_reports_doc_type"
        ),
        sa.UniqueConstraint("sha256", name="uq_reports_sha256"),
    )
    op.create_table(
        "organizations",
        *_id("organizations"),
        sa.Column("jurisdiction", sa.Text(), nullable=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=True),
        sa.Column("level", sa.Text(), nullable=True),
        sa.UniqueConstraint(
            "jurisdiction", "name",
            name="uq_organizations_jurisdiction_name",
            postgresql_nulls_not_distinct=True,
        ),
    )
    op.create_table(
        "inspection_rounds",
        *_id("inspection_rounds"),
        sa.Column("authority", sa.Text(), nullable=True),
        sa.Column("jurisdiction", sa.Text(), nullable=True),
        sa.Column("mode", sa.Text(), nullable=True),
        sa.Column("term", sa.Integer(), nullable=True),
        sa.Column("round_no", sa.Integer(), nullable=True),
        sa.Column("batch_no", sa.Integer(), nullable=True),
        sa.UniqueConstraint(
            "authority", "jurisdiction", "mode", "term", "round_no", "batch_no",
            name="uq_inspection_rounds_identity",
            postgresql_nulls_not_distinct=True,
        ),
    )
    op.create_table(
        "inspections",
        *_report_id("inspections"),
        sa.Column("round_id", sa.BigInteger(), nullable=True),
        sa.Column("organization_id", sa.BigInteger(), nullable=False),
        sa.Column("target", sa.Text(), nullable=False),
        sa.Column("group_name", sa.Text(), nullable=True),
        sa.Column("kind", sa.Text(), nullable=True),
        *_partial_date("inspections", "started"),
        *_partial_date("inspections", "ended"),
        *_partial_date("inspections", "feedback"),
        sa.Column("position", sa.Integer(), nullable=False),
        *_span(),
        sa.ForeignKeyConstraint(
            ["round_id"], ["inspection_rounds.id"],
            name="fk_inspections_round_id_inspection_rounds",
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"], ["organizations.id"],
            name="fk_inspections_organization_id_organizations",
        ),
    )
    op.create_table(
        "findings",
        *_report_id("findings"),
        sa.Column("parent_id", sa.BigInteger(), nullable=True),
        sa.Column("category", sa.Text(), nullable=True),
        sa.Column("seq", sa.Integer(), nullable=True),
        sa.Column("seq_inferred", sa.Boolean(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("recommendation", sa.Text(), nullable=True),
        sa.Column("status", sa.Text(), nullable=True),
        sa.Column("enumerated", sa.Boolean(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        *_span(),
        sa.ForeignKeyConstraint(
            ["parent_id"], ["findings.id"], name="fk_findings_parent_id_findings", ondelete="CASCADE"
        ),
    )
    op.create_table(
        "measures",
        *_report_id("measures"),
        sa.Column("finding_id", sa.BigInteger(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        *_span(),
        sa.ForeignKeyConstraint(
            ["finding_id"], ["findings.id"], name="fk_measures_finding_id_findings", ondelete="CASCADE"
        ),
    )
    op.create_table(
        "handled_clues",
        *_report_id("handled_clues"),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("disposition", sa.Text(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("total", sa.Integer(), nullable=True),
        sa.Column("persons", sa.Integer(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        *_span(),
    )
    op.create_table(
        "contacts",
        *_report_id("contacts"),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("raw", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        *_span(),
    )
    op.create_table(
        "load_errors",
        *_id("load_errors"),
        sa.Column("file", sa.Text(), nullable=False),
        sa.Column("sha256", sa.Text(), nullable=True),
        sa.Column("stage", sa.Text(), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column(
            "occurred_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
    )
    for table in ("inspections", "findings", "measures", "handled_clues", "contacts"):
        _index(table, "report_id")
    _index("inspections", "round_id")
    _index("inspections", "organization_id")
    _index("findings", "parent_id")
    _index("measures", "finding_id")
    for name, query in VIEWS.items():
        op.execute(f"CREATE VIEW {name} AS {query}")


def downgrade() -> None:
    for name in reversed(VIEWS):
        op.execute(f"DROP VIEW {name}")
    for table in (
        "load_errors", "contacts", "handled_clues", "measures", "findings", "inspections",
        "inspection_rounds", "organizations", "reports",
    ):
        op.drop_table(table)  # drops its indexes and constraints with it
