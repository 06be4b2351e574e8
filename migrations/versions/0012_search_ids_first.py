"""Search ranks ids first: the best `max_rows` hits are chosen before any text is read.

`search_findings` (0005), `search_measures` and `search_reports` (0002) carried each match's
whole text (a finding's title, description and recommendation, a measure's or a report's text)
into the sort that ranked and de-duplicated every match before LIMIT: a common word (落实, 38,000
matches among 153,000 findings) sorted tens of MB, spilling to disk, and latency followed the
number of matches. Now each function ranks (report_id, id, rank) alone, keeps the best
`max_rows`, and only then reads their texts, builds the snippets and names the organizations.

A finding's rank is still the best of its own rank and half its measures' ranks; its snippet
comes from the text that gave that rank (its own text before a measure's when they tie, then the
lowest measure id, where 0005 took either). Results, ranks and order are otherwise those of
before. Signatures are unchanged, so `CREATE OR REPLACE` keeps the functions' comments (0003).

Frozen: no imports from xunshi.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02
"""
from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ORGANIZATION_OF_REPORT = """(SELECT CASE WHEN count(*) > 1
                                     THEN min(i.target) FILTER (WHERE i.position = 0)
                                          || ' 等' || count(*) || '个单位'
                                     ELSE min(i.target) END
                             FROM inspections i WHERE i.report_id = hit.report_id)"""


def _head(name: str) -> str:
    return f"""
CREATE OR REPLACE FUNCTION {name}(query text, max_rows integer DEFAULT 20,
                                start_sel text DEFAULT '【', stop_sel text DEFAULT '】')
RETURNS TABLE (report_id bigint, finding_id bigint, measure_id bigint, rank real,
                          organization text, snippet text)
LANGUAGE sql STABLE PARALLEL SAFE AS $$"""


# Ranks are grouped by finding (a hash of ids, no sort of texts); the text behind each of the
# best findings' rank is looked up again for those findings only, through their keys.
SEARCH_FINDINGS = f"""{_head("search_findings")}
    WITH q AS (SELECT websearch_to_tsquery('simple', lower(query)) AS q),
    matches AS (
        SELECT f.report_id, f.id AS finding_id, ts_rank(f.search_vector, q.q) AS rank
        FROM findings f, q WHERE f.search_vector @@ q.q
        UNION ALL
        SELECT m.report_id, m.finding_id, ts_rank(m.search_vector, q.q) / 2
        FROM measures m, q WHERE m.search_vector @@ q.q
    ), best AS (
        SELECT report_id, finding_id, max(rank) AS rank
        FROM matches GROUP BY report_id, finding_id
        ORDER BY rank DESC, finding_id LIMIT max_rows
    )
    SELECT hit.report_id, hit.finding_id, NULL::bigint, hit.rank,
           {ORGANIZATION_OF_REPORT}, search_snippet(hit.document, query, 40, start_sel, stop_sel)
    FROM (
        SELECT b.report_id, b.finding_id, b.rank, (
            SELECT d.document FROM (
                SELECT ts_rank(f.search_vector, q.q) AS rank, 0::bigint AS measure_id,
                       concat_ws(' ', f.title, f.description, f.recommendation) AS document
                FROM findings f
                WHERE f.report_id = b.report_id AND f.id = b.finding_id
                  AND f.search_vector @@ q.q
                UNION ALL
                SELECT ts_rank(m.search_vector, q.q) / 2, m.id, m.text
                FROM measures m
                WHERE m.report_id = b.report_id AND m.finding_id = b.finding_id
                  AND m.search_vector @@ q.q
            ) d ORDER BY d.rank DESC, d.measure_id LIMIT 1) AS document
        FROM best b, q
    ) hit
    ORDER BY hit.rank DESC, hit.finding_id
$$"""
SCOPES = {  # name: (table, finding id, measure id, text for the snippet)
    "search_measures": ("measures", "x.finding_id", "x.id", "x.text"),
    "search_reports": ("reports", "NULL::bigint", "NULL::bigint", "x.text"),
}


def _search_function(name: str, table: str, finding: str, measure: str, document: str) -> str:
    """Ids and ranks of the best `max_rows` rows first, their texts joined by key after."""
    report = "x.id" if table == "reports" else "x.report_id"
    return f"""{_head(name)}
    WITH best AS (
        SELECT {report} AS report_id, x.id, ts_rank(x.search_vector, q) AS rank
        FROM {table} x, websearch_to_tsquery('simple', lower(query)) q
        WHERE x.search_vector @@ q
        ORDER BY rank DESC, x.id
        LIMIT max_rows
    )
    SELECT hit.report_id, hit.finding_id, hit.measure_id, hit.rank,
           {ORGANIZATION_OF_REPORT}, search_snippet(hit.document, query, 40, start_sel, stop_sel)
    FROM (
        SELECT b.report_id, {finding} AS finding_id, {measure} AS measure_id, b.rank,
               {document} AS document, b.id
        FROM best b JOIN {table} x ON {report} = b.report_id AND x.id = b.id
    ) hit
    ORDER BY hit.rank DESC, hit.id
$$"""


# 0005's search_findings and 0002's other two, as they were, for the downgrade.
SEARCH_FINDINGS_0005 = f"""{_head("search_findings")}
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


def _search_function_0002(name: str, table: str, finding: str, measure: str,
                          document: str) -> str:
    report = "x.id" if table == "reports" else "x.report_id"
    return f"""{_head(name)}
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


def upgrade() -> None:
    op.execute(SEARCH_FINDINGS)
    for name, scope in SCOPES.items():
        op.execute(_search_function(name, *scope))


def downgrade() -> None:
    op.execute(SEARCH_FINDINGS_0005)
    for name, scope in SCOPES.items():
        op.execute(_search_function_0002(name, *scope))
