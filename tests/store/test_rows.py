"""The model → rows mapping, without a database."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from xunshi.parse.model import Document, Figure, Finding, Inspection, Measure, PartialDate, Span
from xunshi.store import rows


def test_a_month_date_is_its_first_day_with_month_precision() -> None:
    assert rows.partial_date("feedback", PartialDate(2015, 11)) == {
        "feedback_on": dt.date(2015, 11, 1), "feedback_precision": "month"}
    assert rows.partial_date("feedback", None) == {"feedback_on": None, "feedback_precision": None}


def test_a_visit_without_round_facts_has_no_round() -> None:
    doc = Document(text="x", jurisdiction="娄底市")
    assert rows.inspection_round(Inspection(target="市委政法委", span=Span(0, 1)), doc) is None


def test_central_rounds_are_national_local_rounds_belong_to_the_place() -> None:
    doc = Document(text="x", jurisdiction="娄底市")
    central = Inspection(target="湖南省委", span=Span(0, 1), authority="中央", round_no=3)
    local = Inspection(target="市委政法委", span=Span(0, 1), authority="市委", round_no=3)
    central_round, local_round = rows.inspection_round(central, doc), rows.inspection_round(local, doc)
    assert central_round is not None and central_round["jurisdiction"] is None
    assert local_round is not None and local_round["jurisdiction"] == "娄底市"


def test_findings_carry_a_theme_and_a_status_code_sub_problems_fall_back_to_their_parent() -> None:
    child = Finding(title="有的问题比较突出", span=Span(0, 1), category="全面从严治党方面")
    parent = Finding(title="违规发放津补贴", span=Span(0, 1), category="全面从严治党方面",
                     status="已整改到位", children=[child])

    def found(doc_type: str) -> list[tuple]:
        doc = Document(text="x", doc_type=doc_type, findings=[parent])  # type: ignore[arg-type]
        made = rows.report_rows("x.txt", "0" * 64, "x", "utf-8", doc).findings
        return [(f["theme"], f["status_code"]) for f in made]

    assert found("rectification") == [("conduct", "done"), ("conduct", None)]
    assert found("feedback") == [("conduct", None), ("conduct", None)]


def test_a_round_belongs_to_its_committees_place_wherever_the_report_comes_from() -> None:
    county = Document(text="x", jurisdiction="长沙市天心区", jurisdiction_code="430103")
    visit = Inspection(target="天心区", span=Span(0, 1), authority="省委", mode="巡视")
    provincial = rows.inspection_round(visit, county)
    assert provincial is not None and provincial["jurisdiction"] == "湖南省"


def test_a_unit_gets_its_place_level_and_kind() -> None:
    province = Document(text="x", jurisdiction="湖南省", jurisdiction_code="430000")
    unit = rows.organization(Inspection(target="娄底市委政法委", span=Span(0, 1), authority="省委"),
                             province)
    assert unit == {"jurisdiction": "娄底市", "name_key": "市委政法委", "name": "娄底市委政法委",
                    "kind": "party_department", "level": "prefecture",
                    "province": "湖南省", "province_code": "430000", "prefecture": "娄底市",
                    "prefecture_code": "431300", "county": None, "county_code": None}


def test_a_report_gets_the_levels_of_its_jurisdiction() -> None:
    doc = Document(text="x", jurisdiction="蚌埠市怀远县", jurisdiction_code="340321")
    fields = rows.report_fields(doc)
    assert [fields[c] for c in ("province_code", "prefecture", "county", "county_code")] == [
        "340000", "蚌埠市", "怀远县", "340321"]


def test_a_figure_stands_in_the_innermost_finding_and_its_measure() -> None:
    child = Finding(title="b", span=Span(10, 30), measures=[Measure(1, "m", Span(20, 30))])
    doc = Document(text="x" * 40, findings=[Finding(title="a", span=Span(0, 30), children=[child])],
                   figures=[Figure("sanctions", Decimal(1), "人", "1人", Span(22, 24)),
                            Figure("sanctions", Decimal(2), "人", "2人", Span(12, 14), part_of=0),
                            Figure("sanctions", Decimal(3), "人", "3人", Span(2, 4)),
                            Figure("sanctions", Decimal(4), "人", "4人", Span(35, 37))])
    r = rows.report_rows("a.txt", "0" * 64, doc.text, "utf-8", doc)
    assert r.figure_links == [(1, 0, None), (1, None, 0), (0, None, None), (None, None, None)]
    assert [f["value"] for f in r.figures] == [1, 2, 3, 4]
