"""Migration 0012 ranks ids before reading texts: the hits must be those of the functions it
replaced, in the same order, for rare and common words, OR and excluded terms alike."""
from __future__ import annotations

import importlib
from collections.abc import Iterator

import pytest
from sqlalchemy import Connection, Engine, text

IDS_FIRST = importlib.import_module("xunshi.migrations.versions.0012_search_ids_first")
QUERIES = ["落实", "整改 or 落实", "落实 -形式主义", "扫黑 除恶", '"选人 用人"', "问题", "形式主义",
           "没有 这个 词语"]
LIMITS = [1, 20, 200]


@pytest.fixture(scope="module")
def both(seeded_engine: Engine) -> Iterator[Connection]:
    """A connection where pg_temp.<name>_before runs each function as it was before 0012."""
    with seeded_engine.connect() as conn:
        before = [IDS_FIRST.SEARCH_FINDINGS_0005, *(
            IDS_FIRST._search_function_0002(name, *scope)
            for name, scope in IDS_FIRST.SCOPES.items())]
        for name, sql in zip(("search_findings", *IDS_FIRST.SCOPES), before):
            conn.exec_driver_sql(sql.replace(f"FUNCTION {name}(",
                                             f"FUNCTION pg_temp.{name}_before("))
        yield conn


def _hits(conn: Connection, function: str, query: str, limit: int) -> list[tuple]:
    return [tuple(r) for r in conn.execute(
        text(f"SELECT * FROM {function}(:q, :n)"), {"q": query, "n": limit})]


def _snippets_of_best_texts(conn: Connection, query: str, finding: int, rank: float) -> set[str]:
    """Snippets of every text of the finding (its own, its measures') that gives its rank."""
    return set(conn.execute(text("""
        WITH q AS (SELECT websearch_to_tsquery('simple', lower(:q)) AS q)
        SELECT search_snippet(d.document, :q, 40, '【', '】') FROM (
            SELECT ts_rank(f.search_vector, q.q) AS rank,
                   concat_ws(' ', f.title, f.description, f.recommendation) AS document
            FROM findings f, q WHERE f.id = :f AND f.search_vector @@ q.q
            UNION ALL
            SELECT ts_rank(m.search_vector, q.q) / 2, m.text
            FROM measures m, q WHERE m.finding_id = :f AND m.search_vector @@ q.q) d
        WHERE d.rank = CAST(:rank AS real)"""), {"q": query, "f": finding, "rank": rank}).scalars())


@pytest.mark.parametrize("limit", LIMITS)
@pytest.mark.parametrize("query", QUERIES)
def test_findings_are_found_and_ranked_as_before(both: Connection, query: str,
                                                 limit: int) -> None:
    new = _hits(both, "search_findings", query, limit)
    old = _hits(both, "pg_temp.search_findings_before", query, limit)
    assert [h[:5] for h in new] == [h[:5] for h in old]
    for report, finding, _, rank, _, snippet in new:
        # where a finding's own text and a measure tie, the old function took either
        assert snippet in _snippets_of_best_texts(both, query, finding, rank)


@pytest.mark.parametrize("limit", LIMITS)
@pytest.mark.parametrize("query", QUERIES)
@pytest.mark.parametrize("function", list(IDS_FIRST.SCOPES))
def test_measures_and_reports_are_as_before(both: Connection, function: str, query: str,
                                            limit: int) -> None:
    assert (_hits(both, function, query, limit)
            == _hits(both, f"pg_temp.{function}_before", query, limit))


def test_common_words_find_many(both: Connection) -> None:
    """The comparison means something: the common word has more hits than the usual limit, so
    the limit cuts among them."""
    assert len(_hits(both, "search_findings", "落实", 200)) > 20
