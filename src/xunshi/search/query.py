"""Searching the archive: a user's query cut like the stored text, run by the SQL functions.

The ranking, matching and snippets live in SQL (`search_findings`, `search_measures`,
`search_reports`, migration 0002), so analysts in SQL and users of `xunshi search` get the same
hits; this module only cuts the query into words and adds the report's context.
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine, text

from ..errors import XunshiError
from ..parse.normalize import simplify
from .segment import query_words

SCOPES = ("findings", "measures", "reports")
START, STOP = "\x02", "\x03"  # marks around matches; never in normalized text
MAX_WORDS = 256
"""Words a query may have once cut. Real searches have a handful; thousands keep the server
ranking for a minute (20,000 words: 73 s on PostgreSQL 15) or exhaust its stack
(StatementTooComplex)."""


class QueryTooLong(XunshiError):
    """A query with more words than MAX_WORDS."""


@dataclass(frozen=True)
class Hit:
    scope: str
    report_id: int
    finding_id: int | None
    measure_id: int | None
    rank: float
    source_name: str
    jurisdiction: str | None
    organization: str | None
    title: str | None  # the finding's title, else the report's
    snippet: str  # plain text around the first match
    highlights: list[tuple[int, int]]  # [start, end) of each match in the snippet


def to_websearch(query: str) -> str:
    """`扫黑除恶 -形式主义` → `"扫黑 除恶" -形式主义`: each term cut into words (a phrase when
    it has several), for PostgreSQL's websearch_to_tsquery; OR and -term keep their meaning."""
    terms = []
    count = 0  # words
    for term in simplify(query).split():
        if term.upper() == "OR":
            terms.append("or")
            continue
        sign, body = ("-", term[1:]) if term.startswith("-") else ("", term)
        words = query_words(body)
        count += len(words)
        if words:
            terms.append(sign + (words[0] if len(words) == 1 else f'"{" ".join(words)}"'))
    if count > MAX_WORDS:
        raise QueryTooLong(f"the query has {count:,} words, more than the {MAX_WORDS} a search "
                           "may have: search for fewer")
    return " ".join(terms)


def _unmark(marked: str) -> tuple[str, list[tuple[int, int]]]:
    plain, spans, start = [], [], 0
    for ch in marked:
        if ch == START:
            start = len(plain)
        elif ch == STOP:
            spans.append((start, len(plain)))
        else:
            plain.append(ch)
    return "".join(plain), spans


def search(engine: Engine, query: str, scope: str = "findings", limit: int = 20) -> list[Hit]:
    """The best `limit` hits for `query` among findings (with their measures), measures or
    whole reports."""
    if scope not in SCOPES:
        raise ValueError(f"unknown scope {scope!r}: choose one of {', '.join(SCOPES)}")
    websearch = to_websearch(query)
    if not websearch:
        return []
    sql = text(f"""
        SELECT h.report_id, h.finding_id, h.measure_id, h.rank, h.organization, h.snippet,
               r.source_name, r.jurisdiction, coalesce(f.title, r.title) AS title
        FROM search_{scope}(:query, :limit, :start, :stop) h
        JOIN reports r ON r.id = h.report_id
        LEFT JOIN findings f ON f.report_id = h.report_id AND f.id = h.finding_id
        ORDER BY h.rank DESC, h.report_id, h.finding_id, h.measure_id""")
    with engine.connect() as conn:
        rows = conn.execute(sql, {"query": websearch, "limit": limit,
                                  "start": START, "stop": STOP}).all()
    hits = []
    for r in rows:
        snippet, highlights = _unmark(r.snippet or "")
        hits.append(Hit(scope, r.report_id, r.finding_id, r.measure_id, r.rank, r.source_name,
                        r.jurisdiction, r.organization, r.title, snippet, highlights))
    return hits
