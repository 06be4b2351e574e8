"""A visit seen from both sides: a feedback announcement and the unit's rectification report
meet in one v_inspection_cycles row whichever is loaded first, however they spell the unit, and
the unit carries its place, level and kind. The pairs are invented (tests/data/cycles)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import Engine, text, update

from xunshi.store import reparse
from xunshi.store.load import Outcome, load_file
from xunshi.store.models import Organization, Report

PAIRS = Path(__file__).resolve().parents[1] / "data" / "cycles"

CASES = {  # feedback, rectification → the cycle, and the unit it visited
    "a province visits a city": (
        "province_feedback.txt", "city_rectification.txt",
        {"target": "娄底市", "authority": "省委", "term": None, "round_no": None, "kind": "常规",
         "feedback_on": dt.date(2021, 7, 8), "rectification_published_on": dt.date(2021, 10, 12),
         "days_to_rectification": 96, "days_approximate": False, "feedback_finding_count": 4,
         "rectification_finding_count": 3, "answered_finding_count": 3, "report_count": 2},
        {"jurisdiction": "娄底市", "level": "prefecture", "kind": "party_committee",
         "province_code": "430000", "prefecture_code": "431300", "county_code": None}),
    "a city's numbered round visits a bureau": (
        "round_feedback.txt", "bureau_rectification.txt",
        {"target": "市财政局党组", "authority": "市委", "term": 10, "round_no": 6, "kind": "常规",
         "feedback_on": dt.date(2022, 6, 16), "rectification_published_on": dt.date(2022, 10, 14),
         "days_to_rectification": 120, "days_approximate": False, "feedback_finding_count": 3,
         "rectification_finding_count": 3, "answered_finding_count": 3, "report_count": 2},
        {"jurisdiction": "益阳市", "level": "prefecture", "kind": "government",
         "province_code": "430000", "prefecture_code": "430900", "county_code": None}),
    "a county visits a township": (
        "township_feedback.txt", "township_rectification.txt",
        {"target": "青禾镇党委", "authority": "县委", "term": None, "round_no": None, "kind": "常规",
         "feedback_on": dt.date(2023, 4, 6), "rectification_published_on": dt.date(2023, 6, 30),
         "days_to_rectification": 85, "days_approximate": False, "feedback_finding_count": 3,
         "rectification_finding_count": 3, "answered_finding_count": 3, "report_count": 2},
        {"jurisdiction": "娄底市双峰县", "level": "township", "kind": "township",
         "province_code": "430000", "prefecture_code": "431300", "county_code": "431321"}),
}


def load(engine: Engine, *names: str) -> dict[str, int]:
    """Load the files one by one, in this order; their report ids by file name."""
    ids = {}
    for name in names:
        result = load_file(engine, PAIRS / name)
        assert result.outcome is Outcome.LOADED, result.line()
        ids[name] = result.report_id
    return ids


def cycles(engine: Engine) -> list[dict]:
    with engine.connect() as conn:
        return [dict(r) for r in conn.execute(text("SELECT * FROM v_inspection_cycles")).mappings()]


def one(engine: Engine, query: str) -> dict:
    with engine.connect() as conn:
        [row] = conn.execute(text(query)).mappings().all()
    return dict(row)


@pytest.mark.parametrize("order", ["feedback first", "rectification first"])
@pytest.mark.parametrize("case", CASES)
def test_a_feedback_and_its_rectification_meet_in_one_cycle(engine: Engine, case: str,
                                                            order: str) -> None:
    feedback, rectification, cycle, unit = CASES[case]
    files = [feedback, rectification] if order == "feedback first" else [rectification, feedback]
    ids = load(engine, *files)
    [got] = cycles(engine)
    assert {k: got[k] for k in cycle} == cycle
    assert (got["feedback_report_id"], got["rectification_report_id"]) == (ids[feedback],
                                                                          ids[rectification])
    organization = one(engine, "SELECT * FROM v_organizations")
    assert organization["organization_id"] == got["organization_id"]
    assert {k: organization[k] for k in unit} == unit
    assert organization["inspection_count"] == 1 and organization["report_count"] == 2
    with engine.connect() as conn:  # both reports place the inspected unit alike
        places = conn.execute(text("SELECT DISTINCT province_code, prefecture_code, county_code "
                                   "FROM v_inspections")).all()
    assert places == [(unit["province_code"], unit["prefecture_code"], unit["county_code"])]


def test_a_later_visit_to_the_same_unit_is_a_cycle_of_its_own(engine: Engine) -> None:
    ids = load(engine, "bureau_lookback_feedback.txt", "bureau_rectification.txt",
               "round_feedback.txt")
    by_kind = {c["kind"]: c for c in cycles(engine)}
    assert set(by_kind) == {"常规", "回头看"}
    lookback = by_kind["回头看"]
    assert (lookback["feedback_report_id"], lookback["rectification_report_id"],
            lookback["days_to_rectification"]) == (ids["bureau_lookback_feedback.txt"], None, None)
    assert by_kind["常规"]["rectification_report_id"] == ids["bureau_rectification.txt"]
    unit = one(engine, "SELECT inspection_count, report_count FROM v_organizations")
    assert (unit["inspection_count"], unit["report_count"]) == (2, 3)


def test_reports_of_different_places_never_meet(engine: Engine) -> None:
    load(engine, "province_feedback.txt", "township_rectification.txt")
    assert len(cycles(engine)) == 2


def test_reparse_fills_places_levels_and_kinds_of_reports_stored_before_them(engine: Engine) -> None:
    load(engine, "province_feedback.txt", "city_rectification.txt")
    before = cycles(engine)
    with engine.begin() as conn:  # as an older xunshi stored them
        conn.execute(update(Report).values(parser_version=2, province=None, province_code=None,
                                           prefecture=None, prefecture_code=None))
        conn.execute(update(Organization).values(kind=None, level=None, province_code=None))
    assert [r.outcome for r in reparse.reparse(engine, reparse.pending(engine))] == [
        Outcome.REPARSED] * 2
    assert cycles(engine) == before
    report = one(engine, "SELECT province_code, prefecture_code FROM v_reports "
                         "WHERE prefecture IS NOT NULL")
    assert report == {"province_code": "430000", "prefecture_code": "431300"}
    unit = one(engine, "SELECT kind, level, province_code FROM v_organizations")
    assert unit == {"kind": "party_committee", "level": "prefecture", "province_code": "430000"}
