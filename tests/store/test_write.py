"""Everything the document model can hold reaches the tables and the views.

The parser fills its model over time; a hand-made Document exercises every table now.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import Engine, func, select, text

from xunshi.parse.model import (
    Clue,
    Contact,
    Document,
    Figure,
    Finding,
    Inspection,
    Measure,
    PartialDate,
    Span,
)
from xunshi.sources import Source
from xunshi.store.models import InspectionRound, Organization
from xunshi.store.rows import report_rows
from xunshi.store.write import insert_reports

CODES = {"娄底市": "431300", "天津市": "120000", None: None}
TEXT = "市委第四巡察组对市委政法委开展常规巡察。一、党的领导方面。(一)学习不深入。一是加强学习。二是建立制度。"


def document(jurisdiction: str | None) -> Document:
    child = Finding(title="学习不深入", span=Span(28, 34), seq=1, category="党的领导方面",
                    measures=[Measure(1, "加强学习", Span(35, 41)),
                              Measure(2, "建立制度", Span(42, 48))], enumerated=True)
    return Document(
        text=TEXT, doc_type="feedback", title="反馈", jurisdiction=jurisdiction,
        jurisdiction_code=CODES[jurisdiction], published_on=PartialDate(2015, 11),
        spans={"title": Span(0, 2)},
        inspections=[Inspection(target="市委政法委", span=Span(7, 12), authority="市委",
                                group_name="市委第四巡察组", mode="巡察", term=8, round_no=4,
                                kind="常规", started_on=PartialDate(2015, 9, 1),
                                feedback_on=PartialDate(2015, 11))],
        findings=[Finding(title="党的领导方面", span=Span(19, 27), seq=1, category="党的领导方面",
                          children=[child])],
        clues=[Clue(kind="问题线索", disposition="办结", count=2, total=5, persons=3,
                    span=Span(0, 5))],
        contacts=[Contact(kind="phone", value="0738-8328187", raw="0738—8328187",
                          span=Span(0, 4))],
        figures=[  # a total with a part outside findings, one in a finding, one in a measure
            Figure("sanctions", Decimal(15), "人", "15人", Span(0, 3)),
            Figure("sanctions", Decimal(6), "人", "6人", Span(3, 5), part_of=0),
            Figure("meetings_held", Decimal(1), "次", "1次", Span(29, 31), approximate=True),
            Figure("money_recovered", Decimal("0.132"), "万元", "1320元", Span(43, 47),
                   counted="资金"),
        ],
    )


def store(engine: Engine, doc: Document, name: str) -> int:
    source = Source(name, name.encode())
    with engine.begin() as conn:
        [stored] = insert_reports(conn, [report_rows(name, source.sha256, TEXT, "utf-8", doc)])
    assert stored.new
    return stored.id


def rows(engine: Engine, view: str, report_id: int) -> list[dict]:
    with engine.connect() as conn:
        result = conn.execute(text(f"SELECT * FROM {view} WHERE report_id = :r"), {"r": report_id})
        return [dict(r._mapping) for r in result]


def test_every_table_and_view_gets_the_model(engine: Engine) -> None:
    rid = store(engine, document("娄底市"), "a.txt")
    [rep] = rows(engine, "v_reports", rid)
    assert (rep["published_on"], rep["published_precision"]) == (dt.date(2015, 11, 1), "month")
    assert str(rep["published_on"]).startswith("2015-11")  # how the scorer compares
    [insp] = rows(engine, "v_inspections", rid)
    assert {k: insp[k] for k in ("target", "authority", "group_name", "mode", "term",
                                 "round_no", "batch_no", "kind")} == {
        "target": "市委政法委", "authority": "市委", "group_name": "市委第四巡察组",
        "mode": "巡察", "term": 8, "round_no": 4, "batch_no": None, "kind": "常规"}
    assert (insp["started_on"], insp["ended_on"], insp["feedback_on"]) == (
        dt.date(2015, 9, 1), None, dt.date(2015, 11, 1))
    parent, child = sorted(rows(engine, "v_findings", rid), key=lambda f: f["position"])
    assert parent["parent_id"] is None and child["parent_id"] == parent["finding_id"]
    assert (parent["measure_count"], child["measure_count"]) == (0, 2)
    measures = rows(engine, "v_measures", rid)
    assert sorted((m["seq"], m["text"], m["finding_id"]) for m in measures) == [
        (1, "加强学习", child["finding_id"]), (2, "建立制度", child["finding_id"])]
    [clue] = rows(engine, "v_clues", rid)
    assert (clue["kind"], clue["disposition"], clue["count"], clue["total"], clue["persons"]) == (
        "问题线索", "办结", 2, 5, 3)
    [contact] = rows(engine, "v_contacts", rid)
    assert (contact["kind"], contact["value"], contact["raw"]) == ("phone", "0738-8328187", "0738—8328187")
    total, part, meetings, money = sorted(rows(engine, "v_figures", rid),
                                          key=lambda f: f["position"])
    in_measure = next(m["measure_id"] for m in measures if m["seq"] == 2)
    assert [(f["metric"], f["value"], f["unit"], f["text"], f["approximate"], f["finding_id"],
             f["measure_id"], f["part_of"], f["within_total"], f["counted"])
            for f in (total, part, meetings, money)] == [
        ("sanctions", 15, "人", "15人", False, None, None, None, False, None),
        ("sanctions", 6, "人", "6人", False, None, None, total["figure_id"], True, None),
        ("meetings_held", 1, "次", "1次", True, child["finding_id"], None, None, False, None),
        ("money_recovered", Decimal("0.132"), "万元", "1320元", False, child["finding_id"],
         in_measure, None, False, "资金"),
    ]


def test_organizations_are_one_per_jurisdiction_and_name(engine: Engine) -> None:
    store(engine, document("娄底市"), "a.txt")
    store(engine, document("娄底市"), "b.txt")
    store(engine, document("天津市"), "c.txt")
    store(engine, document(None), "d.txt")
    store(engine, document(None), "e.txt")
    with engine.connect() as conn:
        orgs = conn.execute(select(Organization.jurisdiction, Organization.name)).all()
        rounds = conn.execute(select(func.count()).select_from(InspectionRound)).scalar_one()
    assert len(orgs) == 3
    assert set(orgs) == {(None, "市委政法委"), ("天津市", "市委政法委"), ("娄底市", "市委政法委")}
    assert rounds == 3


def test_a_feedback_and_a_rectification_of_one_unit_share_its_row(engine: Engine) -> None:
    feedback = document("娄底市")
    rectification = document("娄底市")
    rectification.doc_type = "rectification"
    rectification.inspections[0].target = "中共娄底市委政法委员会"
    store(engine, feedback, "feedback.txt")
    store(engine, rectification, "rectification.txt")
    with engine.connect() as conn:
        [unit] = conn.execute(text("SELECT * FROM v_organizations")).mappings().all()
    assert (unit["jurisdiction"], unit["name"]) == ("娄底市", "市委政法委")
    assert unit["aliases"] == ["中共娄底市委政法委员会", "市委政法委"]
    # the same round (市委, 8th term, 4th round) seen from both sides is one inspection
    assert (unit["inspection_count"], unit["report_count"], unit["finding_count"]) == (1, 2, 4)


def test_deleting_a_report_removes_all_its_rows(engine: Engine) -> None:
    rid = store(engine, document("娄底市"), "a.txt")
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM reports WHERE id = :r"), {"r": rid})
    for view in ("v_inspections", "v_findings", "v_measures", "v_clues", "v_contacts",
                 "v_figures"):
        assert rows(engine, view, rid) == [], view
