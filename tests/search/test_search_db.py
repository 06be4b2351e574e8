"""Searching the loaded samples, from Python, from the command line and in plain SQL."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from sqlalchemy import Engine, text

from xunshi.cli import main
from xunshi.search import search, to_websearch

LOUDI = "000_967d7fe69caf0689.txt"  # 娄底 市委政法委: a measure of one finding says 扫黑除恶


def _loudi_finding(engine: Engine) -> int:
    with engine.connect() as conn:
        return conn.execute(text("""
            SELECT DISTINCT m.finding_id FROM v_measures m JOIN v_reports r USING (report_id)
            WHERE r.source_name LIKE :name AND m.text LIKE '%扫黑除恶%'"""),
            {"name": f"%{LOUDI}"}).scalar_one()


@pytest.mark.parametrize("query", ["扫黑除恶", "扫黑", "掃黑除惡"])
def test_a_word_and_its_part_find_the_finding(seeded_engine: Engine, query: str) -> None:
    hits = search(seeded_engine, query)
    assert _loudi_finding(seeded_engine) in [h.finding_id for h in hits]
    hit = next(h for h in hits if h.finding_id == _loudi_finding(seeded_engine))
    assert hit.jurisdiction == "娄底市" and hit.organization == "市委政法委"
    start, end = hit.highlights[0]
    assert hit.snippet[start:end] in ("扫黑除恶", "扫黑")


@pytest.mark.parametrize("query", ["扫黑 除恶", "扫黑", '"扫黑 除恶"'])
def test_sql_users_search_with_pre_cut_words(seeded_engine: Engine, query: str) -> None:
    with seeded_engine.connect() as conn:
        rows = conn.execute(text("SELECT finding_id, snippet FROM search_findings(:q)"),
                            {"q": query}).all()
    assert _loudi_finding(seeded_engine) in [r.finding_id for r in rows]
    assert any("【扫黑" in r.snippet for r in rows)


def test_a_phrase_must_be_contiguous(seeded_engine: Engine) -> None:
    """除恶扫黑 has the same words as 扫黑除恶 in another order: not a match."""
    assert to_websearch("除恶扫黑") == '"除恶 扫黑"'
    assert search(seeded_engine, "除恶扫黑") == []


def test_measures_and_reports_are_searched_too(seeded_engine: Engine) -> None:
    measures = search(seeded_engine, "形式主义", "measures", limit=50)
    assert measures and all(h.measure_id and h.finding_id for h in measures)
    assert all("形式主义" in h.snippet for h in measures)
    reports = search(seeded_engine, "八项规定", "reports")
    assert {h.jurisdiction for h in reports} >= {"临沧市"}
    assert all(h.finding_id is None for h in reports)


def test_exclusion_and_limit(seeded_engine: Engine) -> None:
    both = search(seeded_engine, "形式主义", limit=100)
    without = search(seeded_engine, "形式主义 -官僚主义", limit=100)
    assert 0 < len(without) < len(both)
    assert len(search(seeded_engine, "形式主义", limit=1)) == 1


def test_unknown_scope_is_a_clear_error(seeded_engine: Engine) -> None:
    with pytest.raises(ValueError, match="unknown scope 'people'"):
        search(seeded_engine, "扫黑", "people")


def test_cli_search_prints_hits_and_json(seeded_engine: Engine) -> None:
    url = seeded_engine.url.render_as_string(hide_password=False)
    result = CliRunner().invoke(main, ["--database-url", url, "search", "扫黑除恶"])
    assert result.exit_code == 0, result.output
    assert "娄底市 · 市委政法委" in result.stdout and "扫黑除恶" in result.stdout
    as_json = CliRunner().invoke(main, ["--database-url", url, "search", "扫黑", "--json"])
    hits = [json.loads(line) for line in as_json.stdout.splitlines()]
    assert hits and {"report_id", "finding_id", "snippet", "highlights"} <= set(hits[0])
    none = CliRunner().invoke(main, ["--database-url", url, "search", "没有这个词语"])
    assert none.exit_code == 1 and "no findings match" in none.stderr


def test_cli_search_on_an_empty_database_says_what_to_do(database_url: str) -> None:
    result = CliRunner().invoke(main, ["--database-url", database_url, "search", "扫黑"])
    assert result.exit_code == 1 and "load reports first" in result.stderr
