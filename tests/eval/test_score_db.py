"""The seeds loaded into PostgreSQL and scored through the real analyst views, as score.py does.

FLOOR is the one number to raise as the parser improves.
"""
from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import Engine

from tests.eval import parser_score, score
from xunshi.config import libpq_url

FLOOR = 0.98
"""Overall F1 the database path must reach on the seed gold files (raise it, never lower it)."""

GROUP_FLOOR = 0.95
"""F1 every field group (report, inspections, findings, clues, contacts) must reach."""


def score_database(url: str, gold_dir: Path = parser_score.GOLD) -> score.Tally:
    """score.main's loop: v_reports matched by file name, each report's rows from the views."""
    tally = score.Tally()
    with score.connect(libpq_url(url)) as conn:
        cur = conn.cursor()
        reports = {Path(r["source_name"]).name: r for r in score.fetch(cur, "SELECT * FROM v_reports")}
        for path in sorted(gold_dir.glob("*.json")):
            gold = json.loads(path.read_text(encoding="utf-8"))
            rep = reports[gold["source_name"]]
            views = [score.fetch(cur, f"SELECT * FROM {v} WHERE report_id = %s", (rep["report_id"],))
                     for v in ("v_inspections", "v_findings", "v_clues", "v_contacts")]
            score.score_report(tally, gold, rep, *views)
    return tally


def test_seeds_score_at_least_the_floor(seeded_engine: Engine) -> None:
    tally = score_database(seeded_engine.url.render_as_string(hide_password=False))
    f1 = parser_score.f1(tally)
    print(f"overall F1 through the views: {f1:.3f} (floor {FLOOR})")
    assert f1 >= FLOOR
    groups = {g: parser_score.f1(tally, g) for g in set(tally.tp) | set(tally.fn) | set(tally.fp)}
    assert min(groups.values()) >= GROUP_FLOOR, groups


def test_views_score_like_the_parser_alone(seeded_engine: Engine) -> None:
    """The parser-only adapter (tests/eval/parser_score.py) must mirror the views."""
    through_db = score_database(seeded_engine.url.render_as_string(hide_password=False))
    parser_only = parser_score.run()
    for group in set(through_db.tp) | set(parser_only.tp):
        assert (through_db.tp[group], through_db.fp[group], through_db.fn[group]) == (
            parser_only.tp[group], parser_only.fp[group], parser_only.fn[group]), group
