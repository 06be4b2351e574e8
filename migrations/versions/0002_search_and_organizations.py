"""Full-text search over findings, measures and reports; one organization row per real unit.

- `search_vector` columns hold jieba's search-mode words as a `tsvector` built by xunshi (the
  server has no Chinese parser), indexed with GIN; rows written before this revision have NULL
  until their report is re-parsed.
- SQL functions `search_findings`, `search_measures`, `search_reports` take a query already cut
  into words (`'扫黑 除恶'`, websearch syntax) and return ranked hits with a marked snippet.
- A `pg_trgm` trigram index makes `LIKE '%…%'` substring search on finding titles
  index-assisted for terms of three characters or more, where the server has the extension.
- Organizations are identified by a normalized name key within a jurisdiction
  (中共娄底市委政法委员会 and 市委政法委 of 娄底市 are one unit); every spelling is kept in
  `organization_aliases`. `v_organizations` counts each unit's inspections and findings.

Frozen like 0001: no imports from xunshi.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SEARCHABLE = ("reports", "findings", "measures")
# Measured: a trigram index on 141k measure texts took 20 s to build (3 s for as many finding
# titles), too dear for every load; measures are searched through their words instead.
TRIGRAM_INDEXES = {"ix_findings_title_trgm": ("findings", "title")}

V_ORGANIZATIONS = """
    WITH visits AS (
        SELECT i.organization_id, i.report_id, i.round_id,
               coalesce(i.started_on, i.feedback_on, r.published_on) AS visited_on,
               count(*) OVER (PARTITION BY i.report_id) AS units_in_report
        FROM inspections i JOIN reports r ON r.id = i.report_id
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

# Marks every occurrence of the query's words in an excerpt around the first one.
SEARCH_SNIPPET = r"""
CREATE FUNCTION search_snippet(document text, query text, width integer DEFAULT 40,
                               start_sel text DEFAULT '【', stop_sel text DEFAULT '】')
RETURNS text LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
    words text[];
    pattern text;
    first integer := 0;
    here integer;
    excerpt text;
    w text;
BEGIN
    IF document IS NULL THEN
        RETURN NULL;
    END IF;
    SELECT array_agg(t ORDER BY length(t) DESC) INTO words
    FROM unnest(regexp_split_to_array(lower(query), '[\s"()<>&|!:*]+')) AS t
    WHERE t <> '' AND t <> 'or' AND left(t, 1) <> '-';
    FOREACH w IN ARRAY coalesce(words, '{}') LOOP
        here := strpos(lower(document), w);
        IF here > 0 AND (first = 0 OR here < first) THEN
            first := here;
        END IF;
    END LOOP;
    IF first = 0 THEN
        RETURN regexp_replace(left(document, 2 * width), '\s+', ' ', 'g') || CASE WHEN length(document) > 2 * width THEN '…' ELSE '' END;
    END IF;
    excerpt := regexp_replace(substr(document, greatest(first - width, 1), 3 * width), '\s+', ' ', 'g');
    pattern := (SELECT string_agg(regexp_replace(t, '([.^$*+?()\[\]{}|\\-])', '\\\1', 'g'), '|')
                FROM unnest(words) AS t);
    excerpt := regexp_replace(excerpt, '(' || pattern || ')', start_sel || '\1' || stop_sel, 'gi');
    excerpt := replace(excerpt, stop_sel || start_sel, '');
    RETURN CASE WHEN first - width > 1 THEN '…' ELSE '' END || excerpt
        || CASE WHEN first - width + 3 * width <= length(document) THEN '…' ELSE '' END;
END
$$"""

# One search function per scope, all with the same columns so callers treat hits alike.
SEARCH_RESULT = """TABLE (report_id bigint, finding_id bigint, measure_id bigint, rank real,
                          organization text, snippet text)"""
ORGANIZATION_OF_REPORT = """(SELECT CASE WHEN count(*) > 1
                                     THEN min(i.target) FILTER (WHERE i.position = 0)
                                          || ' 等' || count(*) || '个单位'
                                     ELSE min(i.target) END
                             FROM inspections i WHERE i.report_id = hit.report_id)"""
# A finding matches through its own text or any of its measures (what was done about it).
SEARCH_FINDINGS = f"""
CREATE FUNCTION search_findings(query text, max_rows integer DEFAULT 20,
                                start_sel text DEFAULT '【', stop_sel text DEFAULT '】')
RETURNS {SEARCH_RESULT}
LANGUAGE sql STABLE PARALLEL SAFE AS $$
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
SCOPES = {  # name: (table, finding id, measure id, text for the snippet)
    "search_measures": ("measures", "x.finding_id", "x.id", "x.text"),
    "search_reports": ("reports", "NULL::bigint", "NULL::bigint", "x.text"),
}


def _search_function(name: str, table: str, finding: str, measure: str, document: str) -> str:
    report = "x.id" if table == "reports" else "x.report_id"
    return f"""
CREATE FUNCTION {name}(query text, max_rows integer DEFAULT 20,
                       start_sel text DEFAULT '【', stop_sel text DEFAULT '】')
RETURNS {SEARCH_RESULT}
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT hit.report_id, hit.finding_id, hit.measure_id, hit.rank,
           {ORGANIZATION_OF_REPORT}, search_snippet(hit.document, query, 40, start_sel, stop_sel)
    FROM (
        SELECT {report} AS report_id, {finding} AS finding_id, {measure} AS measure_id,
               ts_rank(x.search_vector, q) AS rank, {document} AS document, x.id
        FROM {table} x, websearch_to_tsquery('simple', lower(query)) q
        WHERE x.search_vector @@ q
        ORDER BY rank DESC, x.id
        LIMIT max_rows
    ) hit
    ORDER BY hit.rank DESC, hit.id
$$"""


def _has_trigrams() -> bool:
    """pg_trgm is in PostgreSQL's contrib, which a minimal server may lack."""
    bind = op.get_bind()
    return bind.execute(sa.text(
        "SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'")).first() is not None


def upgrade() -> None:
    for table in SEARCHABLE:
        op.add_column(table, sa.Column("search_vector", postgresql.TSVECTOR(), nullable=True))
        op.create_index(f"ix_{table}_search_vector", table, ["search_vector"],
                        postgresql_using="gin")
    if _has_trigrams():
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        for index, (table, column) in TRIGRAM_INDEXES.items():
            op.create_index(index, table, [sa.text(f"{column} gin_trgm_ops")],
                            postgresql_using="gin")

    op.add_column("organizations", sa.Column("name_key", sa.Text(), nullable=True))
    op.execute("UPDATE organizations SET name_key = name")
    op.alter_column("organizations", "name_key", nullable=False)
    op.drop_constraint("uq_organizations_jurisdiction_name", "organizations")
    op.create_unique_constraint(
        "uq_organizations_jurisdiction_name_key", "organizations", ["jurisdiction", "name_key"],
        postgresql_nulls_not_distinct=True,
    )
    op.create_table(
        "organization_aliases",
        sa.Column("id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column("organization_id", sa.BigInteger(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_organization_aliases"),
        sa.ForeignKeyConstraint(
            ["organization_id"], ["organizations.id"],
            name="fk_organization_aliases_organization_id_organizations", ondelete="CASCADE",
        ),
        sa.UniqueConstraint("organization_id", "name",
                            name="uq_organization_aliases_organization_id_name"),
    )
    op.execute("INSERT INTO organization_aliases (organization_id, name) "
                "SELECT id, name FROM organizations")
    op.execute(f"CREATE VIEW v_organizations AS {V_ORGANIZATIONS}")

    op.execute(SEARCH_SNIPPET)
    op.execute(SEARCH_FINDINGS)
    for name, scope in SCOPES.items():
        op.execute(_search_function(name, *scope))


def downgrade() -> None:
    for name in ("search_findings", *SCOPES):
        op.execute(f"DROP FUNCTION {name}(text, integer, text, text)")
    op.execute("DROP FUNCTION search_snippet(text, text, integer, text, text)")
    op.execute("DROP VIEW v_organizations")
    op.drop_table("organization_aliases")
    op.drop_constraint("uq_organizations_jurisdiction_name_key", "organizations")
    op.create_unique_constraint(
        "uq_organizations_jurisdiction_name", "organizations", ["jurisdiction", "name"],
        postgresql_nulls_not_distinct=True,
    )
    op.drop_column("organizations", "name_key")
    for index in TRIGRAM_INDEXES:
        op.execute(f"DROP INDEX IF EXISTS {index}")
    for table in reversed(SEARCHABLE):
        op.drop_index(f"ix_{table}_search_vector", table)
        op.drop_column(table, "search_vector")
