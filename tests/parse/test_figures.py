"""Figures: numbers, scales and units; what each counts; totals and parts; spans."""
from __future__ import annotations

import re
import time
from decimal import Decimal

import pytest
from hypothesis import given, settings, strategies as st

from xunshi.parse import parse
from xunshi.parse.extract.figures import extract_figures
from xunshi.parse.extract.metrics import CODEBOOK
from xunshi.parse.extract.numerals import to_number
from xunshi.parse.extract.quantities import QUANTITY, quantities
from xunshi.parse.normalize import normalize

from .test_parser import REPORTS


def rows(text: str) -> list[tuple[str, Decimal, str]]:
    return [(f.metric, f.value, f.text) for f in extract_figures(normalize(text))]


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("12人", 12, "人"), ("两名", 2, "名"), ("十二人", 12, "人"), ("3,500人次", 3500, "人次"),
    ("86.3万元", Decimal("86.3"), "万元"), ("1.49亿元", 14900, "万元"),
    ("1320元", Decimal("0.132"), "万元"), ("2.45万名", 24500, "名"), ("92.7%", Decimal("92.7"), "%"),
    ("3000余万元", 3000, "万元"), ("1.2万余元", Decimal("1.2"), "万元"),
])
def test_numbers_scales_and_units(text: str, value: Decimal, unit: str) -> None:
    [q] = quantities(text)
    assert (q.value, q.unit, text[q.span.start:q.span.end]) == (Decimal(value), unit, text)


@pytest.mark.parametrize(("text", "approximate"), [
    ("70余条", True), ("20多个", True), ("近90万人", True), ("约45万元", True), ("45万元", False),
])
def test_round_figures_are_approximate(text: str, approximate: bool) -> None:
    [q] = quantities(text)
    assert q.approximate is approximate


@pytest.mark.parametrize("text", [
    "第3次会议", "第十二次会议", "市委十一届九次全会", "一次性消化", "做到“两个维护”",
    "制定《关于2个责任的意见》", "认真落实中央八项规定精神", "百名法学家",
])
def test_ordinals_slogans_titles_and_names_are_no_quantities(text: str) -> None:
    assert list(quantities(text)) == []


def test_to_number_reads_separators_decimals_and_chinese() -> None:
    assert [to_number(s) for s in ("3,500", "86.3", "十二", "两", "x")] == [
        Decimal(3500), Decimal("86.3"), Decimal(12), Decimal(2), None]


@pytest.mark.parametrize(("text", "expected"), [
    ("给予党纪政务处分12人。", ("sanctions", 12, "12人")),
    ("给予党纪处分6人。", ("sanctions", 6, "6人")),
    ("2名县管干部受到留党察看处分。", ("sanctions", 2, "2名")),
    ("诫勉谈话5人。", ("admonishment_talks", 5, "5人")),
    ("约谈提醒12人次。", ("admonishment_talks", 12, "12人次")),
    ("对9名村干部进行约谈。", ("admonishment_talks", 9, "9名")),
    ("运用第一种形态处理23人次。", ("admonishment_talks", 23, "23人次")),
    ("给予诫勉谈话处理4人。", ("admonishment_talks", 4, "4人")),
    ("组织处理3人。", ("organizational_handling", 3, "3人")),
    ("对1名班子成员调整了工作岗位。", ("organizational_handling", 1, "1名")),
    ("共处理15人。", ("people_dealt_with", 15, "15人")),
    ("移交司法机关处理2人。", ("referred_to_judiciary", 2, "2人")),
    ("立案3件。", ("cases_filed", 3, "3件")),
    ("立案查处违规吃喝问题9起。", ("cases_filed", 9, "9起")),
    ("查处违反中央八项规定精神问题14起。", ("cases_investigated", 14, "14起")),
    ("曝光18起典型案例。", ("cases_publicized", 18, "18起")),
    ("对3起典型案例进行通报曝光。", ("cases_publicized", 3, "3起")),
    ("移交问题线索26件。", ("clues_handed_over", 26, "26件")),
    ("巡察组移交了4件问题线索。", ("clues_handed_over", 4, "4件")),
    ("追回资金86.3万元。", ("money_recovered", Decimal("86.3"), "86.3万元")),
    ("清退违规发放津补贴8.6万元。", ("money_recovered", Decimal("8.6"), "8.6万元")),
    ("修订完善制度9项。", ("rules_made", 9, "9项")),
    ("建立健全12项制度。", ("rules_made", 12, "12项")),
    ("修订议事规则2项。", ("rules_made", 2, "2项")),
    ("建立《财务管理制度》《公车管理制度》等制度14项。", ("rules_made", 14, "14项")),
    ("细化157条整改措施。", ("measures_set", 157, "157条")),
    ("确定整改事项35个。", ("tasks_set", 35, "35个")),
    ("共计完成整改措施119项。", ("measures_completed", 119, "119项")),
    ("128项整改措施已如期完成。", ("measures_completed", 128, "128项")),
    ("巡察反馈问题共计17条。", ("problems_fed_back", 17, "17条")),
    ("班子成员共查摆问题70余条。", ("problems_found", 70, "70余条")),
    ("整改完成率达到100%。", ("completion_rate", 100, "100%")),
    ("培训党员干部1200余人次。", ("people_trained", 1200, "1200余人次")),
    ("机关干部160人参加了培训。", ("people_trained", 160, "160人")),
    ("召开专题会议6次。", ("meetings_held", 6, "6次")),
    ("连续召开3次区委常委会。", ("meetings_held", 3, "3次")),
])
def test_each_metric_in_the_shapes_reports_use(text: str, expected: tuple) -> None:
    metric, value, printed = expected
    assert rows(text) == [(metric, Decimal(value), printed)]


def test_sanctions_and_talks_never_share_a_metric() -> None:
    assert rows("给予党纪处分3人,诫勉谈话3人,提醒谈话3人,政务处分3人。") == [
        ("sanctions", 3, "3人"), ("admonishment_talks", 3, "3人"),
        ("admonishment_talks", 3, "3人"), ("sanctions", 3, "3人")]


def test_a_report_of_rectification_in_numbers() -> None:
    assert rows("反馈的41个问题已完成整改38个(完成率92.7%),其余3个正在整改。") == [
        ("problems_fed_back", 41, "41个"), ("problems_rectified", 38, "38个"),
        ("completion_rate", Decimal("92.7"), "92.7%"), ("problems_open", 3, "3个")]


def test_the_inspection_finds_the_unit_checks() -> None:
    assert rows("本轮巡察发现问题37个。") == [("problems_fed_back", 37, "37个")]
    assert rows("通过明察暗访发现问题12个。") == [("problems_found", 12, "12个")]


def test_clue_outcomes_are_counted_only_for_clues() -> None:
    assert rows("移交问题线索9件,已办结6件。") == [
        ("clues_handed_over", 9, "9件"), ("clues_concluded", 6, "6件")]
    assert rows("交办的信访件68件,已办结62件,结案3件。") == []


@pytest.mark.parametrize("text", [
    "每月召开1次全体会议。", "每年专题研究不少于2次。", "确保整改完成率达到100%。",
    "执行率达到95%,同比增长12.5%。", "反馈的问题一个都不放过。", "从6个方面查摆问题。",
    "完成率达到100%的51个。", "违规报销交通费1320元。", "问题线索处置完成率达到98%。",
    "对2个单位党组织进行通报批评。", "把整改作为一项重要政治任务。", "这是一项重大举措。",
    "对26个单位反馈问题整改情况进行核查。",
])
def test_rules_frequencies_and_figures_of_speech_are_not_figures(text: str) -> None:
    assert rows(text) == []


def test_parts_point_at_their_total() -> None:
    figures = extract_figures(normalize("共处理15人,其中党纪处分6人、政务处分3人,组织处理6人。"))
    assert [(f.metric, f.part_of) for f in figures] == [
        ("people_dealt_with", None), ("sanctions", 0), ("sanctions", 0),
        ("organizational_handling", 0)]


def test_parts_of_the_problems_fed_back() -> None:
    figures = extract_figures(normalize("指出的23个问题中,已完成整改20个,完成率87%,正在整改3个。"))
    assert [(f.metric, f.part_of) for f in figures] == [
        ("problems_fed_back", None), ("problems_rectified", 0), ("completion_rate", None),
        ("problems_open", 0)]


def test_a_parts_word_without_a_total_links_nothing() -> None:
    assert [f.part_of for f in extract_figures("其中给予党纪处分2人。")] == [None]
    assert [f.part_of for f in extract_figures("共处理15人,其中追回资金3万元。")] == [None, None]


def test_a_list_continues_its_first_metric() -> None:
    assert rows("查处违规吃喝案件8起、违规操办婚丧事宜问题2起、公车私用问题1起。") == [
        ("cases_investigated", 8, "8起"), ("cases_investigated", 2, "2起"),
        ("cases_investigated", 1, "1起")]


def test_the_words_after_a_figure_up_to_the_next_list_item_are_its_own() -> None:
    assert rows("对6名党员干部给予诫勉处理、4名给予政务警告处分。") == [
        ("admonishment_talks", 6, "6名"), ("sanctions", 4, "4名")]


def test_a_number_that_is_no_figure_does_not_hide_the_cue_before_it() -> None:
    assert rows("针对巡察反馈的3个方面12个问题制定方案。") == [("problems_fed_back", 12, "12个")]
    assert rows("全区共问责党组织3个、党员干部17人。") == [("people_dealt_with", 17, "17人")]


def test_the_object_counted() -> None:
    found = extract_figures(normalize("约谈27名基层党组织负责人和纪检组长,追回资金86.3万元。"))
    assert [f.counted for f in found] == ["基层党组织负责人", "资金"]


def test_the_codebook_codes_are_unique_and_units_known() -> None:
    codes = [m.code for m in CODEBOOK]
    assert len(codes) == len(set(codes))
    assert {m.unit for m in CODEBOOK} <= {"人", "件", "起", "个", "项", "条", "次", "万元", "%"}


@pytest.mark.parametrize("path", REPORTS, ids=lambda p: p.name)
def test_every_seed_figure_slices_to_its_number_and_unit(path) -> None:
    doc = parse(path.read_text(encoding="utf-8"))
    for f in doc.figures:
        printed = f.span.of(doc.text)
        assert printed == f.text and QUANTITY.fullmatch(printed), printed
        [q] = quantities(printed)
        assert q.value == f.value


@settings(max_examples=200, deadline=None)
@given(st.text(st.sampled_from(list("给予党纪处分诫勉谈话立案追回资金万元亿余多约近其中共,。、"
                                    "0123456789.两十百人名件个项次%问题反馈整改完成率线索移交")),
               max_size=200))
def test_any_text_gives_figures_whose_spans_hold_them(text: str) -> None:
    for f in extract_figures(text):
        assert text[f.span.start:f.span.end] == f.text
        assert re.fullmatch(QUANTITY, f.text)


def test_docs_figures_md_lists_every_metric_as_the_codebook_says() -> None:
    page = (REPORTS[0].parents[2] / "docs" / "figures.md").read_text(encoding="utf-8")
    for m in CODEBOOK:
        row = f"| `{m.code}` | {m.name_zh} | {m.name_en} | {m.unit} | {m.description} |"
        assert row in page, f"docs/figures.md: the codebook's row is\n{row}"


@pytest.mark.parametrize("line", ["给予党纪处分1人" * 6000, "3个方面" * 10000, "其中约谈2人、" * 7000])
def test_a_hostile_line_without_full_stops_is_read_in_linear_time(line: str) -> None:
    started = time.perf_counter()
    extract_figures(line)
    assert time.perf_counter() - started < 5  # ~0.2 s; a quadratic reading takes minutes
