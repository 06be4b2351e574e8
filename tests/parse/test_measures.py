"""Measures: enumerations that start clauses, single-paragraph measures, exact spans, status."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from xunshi.parse.extract.measures import (
    LEAD_IN, after_item_marker, enumeration, extract_measures, status_hint,
)
from xunshi.parse.model import Measure


def measures_of(text: str) -> tuple[list[str], bool]:
    found, enumerated = extract_measures(text, 0, len(text))
    for m in found:
        assert m.span.of(text) == m.text
    return [m.text for m in found], enumerated


def test_enumeration_items_each_become_a_measure_and_the_intro_is_dropped() -> None:
    text = "对照要求逐项整改。一是修订学习制度。二是开展专题研讨;三是建立台账。"
    assert measures_of(text) == (["一是修订学习制度。", "二是开展专题研讨;", "三是建立台账。"], True)


def test_enumeration_after_a_lead_in_colon_and_across_lines() -> None:
    text = "整改情况:\n一是补学党章。\n二是重写心得。"
    found, enumerated = extract_measures(text, text.index(":") + 1, len(text))
    assert [(m.seq, m.text) for m in found] == [(1, "一是补学党章。"), (2, "二是重写心得。")]
    assert enumerated


def test_yishi_inside_a_word_does_not_start_an_item() -> None:
    text = "统一是前提,唯一是关键。这一点要坚持,专二是也行"
    assert measures_of(text) == ([text], False)


def test_yishi_after_a_comma_starts_an_item() -> None:
    text = "采取了两项措施,一是补录台账,二是公开结果。"
    assert measures_of(text) == (["一是补录台账,", "二是公开结果。"], True)


def test_the_acting_body_may_stand_between_the_comma_and_yishi() -> None:
    text = "针对学习不深入的问题,局党组一是补学党章;二是专题研讨。"
    assert measures_of(text)[0] == ["一是补学党章;", "二是专题研讨。"]


def test_numbered_and_circled_items_run_on_after_a_colon() -> None:
    assert measures_of("整改措施:1.修订制度;2.追回资金5.6万元;3.公示。")[0] == [
        "1.修订制度;", "2.追回资金5.6万元;", "3.公示。"]
    assert measures_of("整改措施:①建立网格;②增设检查站。")[0] == ["①建立网格;", "②增设检查站。"]


def test_digits_inside_a_sentence_are_no_items() -> None:
    assert measures_of("共1.5万元,其中2.3万元已退回。")[1] is False


def test_numbers_must_count_up_from_one() -> None:
    text = "三是已有制度。一是建章立制。二是强化监督。四是定期通报。"
    assert measures_of(text)[0] == ["一是建章立制。", "二是强化监督。四是定期通报。"]
    chain = enumeration(text, 0, len(text))
    assert [n for _, n in chain] == [1, 2]


def test_a_lone_yishi_is_not_an_enumeration() -> None:
    assert measures_of("一是补齐记录。")[1] is False


def test_paragraphs_without_enumeration_are_one_measure() -> None:
    text = "\n重新修订管理办法。\n对全部项目进行了复核。\n"
    assert measures_of(text) == (["重新修订管理办法。\n对全部项目进行了复核。"], False)


def test_blank_region_has_no_measure() -> None:
    assert measures_of(" 。\n") == ([], False)


def test_inline_parenthesized_and_ordinal_enumerations() -> None:
    assert measures_of("整改措施:(1)清理台账;(2)约谈相关人员。")[0] == ["(1)清理台账;", "(2)约谈相关人员。"]
    assert measures_of("第一,规范会议记录。第二,落实回避制度。")[0] == [
        "第一,规范会议记录。", "第二,落实回避制度。"]


def test_the_list_that_starts_first_wins() -> None:
    text = "(1)建立制度:一是议事规则,二是会议纪要。(2)开展检查。"
    assert measures_of(text)[0] == ["(1)建立制度:一是议事规则,二是会议纪要。", "(2)开展检查。"]


def test_last_item_stops_before_a_summary_with_its_own_list() -> None:
    text = "一是约谈。二是通报。\n总的看,成效明显。\n一是思想提升。二是作风好转。"
    assert measures_of(text)[0] == ["一是约谈。", "二是通报。"]


def test_last_item_runs_over_following_paragraphs() -> None:
    text = "一是约谈。二是通报。\n(此项长期坚持)"
    assert measures_of(text)[0] == ["一是约谈。", "二是通报。\n(此项长期坚持)"]


def test_lead_in_variants() -> None:
    for lead in ["整改落实情况:", "整改情况:", "整改措施:", "整改措施及成效:", "整改进展情况如下:"]:
        assert LEAD_IN.fullmatch(lead), lead
    assert not LEAD_IN.search("整改时限:长期坚持")


def test_status_hints() -> None:
    assert status_hint("该问题已于6月全部整改到位。", 0, 14) == "已于6月全部整改到位"
    assert status_hint("此项需长期坚持。", 0, 8) == "长期坚持"
    assert status_hint("目前正在征求意见,", 0, 9) == "正在征求意见"
    assert status_hint("整改状态:已完成。", 0, 9) == "已完成"
    assert status_hint("已经制定了办法。", 0, 8) is None


def test_a_bare_completion_sentence_is_a_status() -> None:
    assert status_hint("修订了制度。已完成。", 0, 10) == "已完成"
    assert status_hint("问题。(基本完成)", 0, 9) == "基本完成"
    assert status_hint("已完成改造机组23台。", 0, 11) is None
    assert status_hint("【整改进展】已完成,", 0, 10) == "已完成"


def test_after_item_marker() -> None:
    assert after_item_marker("二是强化监督", 0) == 2
    assert after_item_marker("(3)开展检查", 0) == 3
    assert after_item_marker("开展检查", 0) == 0


@pytest.mark.parametrize("marker", ["2.", "二、"])
def test_after_a_run_on_marker_known_by_the_clause_mark_before_it(marker: str) -> None:
    text = f"主要是:1.学习不深入;{marker}决策不规范"
    assert text[after_item_marker(text, text.index(marker)):] == "决策不规范"


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(list("一二三四是。;:,()12第\n 整改情况")), max_size=200))
def test_measures_cover_their_text_exactly(text: str) -> None:
    found, _ = extract_measures(text, 0, len(text))
    assert all(isinstance(m, Measure) and m.span.of(text) == m.text and m.text for m in found)


def test_bracketed_lead_in_opens_an_enumeration_and_gives_status() -> None:
    text = "【整改情况】一是补发资金;二是建立台账。\n【整改结果】已完成。"
    lead = LEAD_IN.search(text)
    assert lead and lead.group() == "【整改情况】"
    found, enumerated = extract_measures(text, lead.end(), text.index("\n"))
    assert enumerated and [m.seq for m in found] == [1, 2]
    assert status_hint(text, 0, len(text)) == "已完成"
