"""Handed-over clues and petitions: batches, dispositions, totals, persons, and context."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from xunshi.parse.extract.clues import extract_clues
from xunshi.parse.normalize import normalize


def rows(text: str) -> list[tuple]:
    return [(c.kind, c.disposition, c.count, c.total) for c in extract_clues(normalize(text))]


def test_whole_batch_settled() -> None:
    assert rows("巡察期间,县委第二巡察组移交了7件问题线索,均已办结。") == [("问题线索", "办结", 7, 7)]


@pytest.mark.parametrize("settled", ["已全部办结", "全部办结", "均已办结"])
def test_whole_batch_wordings(settled: str) -> None:
    assert rows(f"省委巡视组交办的信访件120件,{settled}。") == [("信访件", "办结", 120, 120)]


def test_one_clue_per_disposition_with_the_batch_as_total() -> None:
    text = ("截至目前,巡视组转办的86件信访件中,向县纪委移交4件,处理回复60件,函询2件,了结15件,"
            "正在调查处理5件;6个问题线索已立案2件,正在初核4件。")
    assert rows(text) == [
        ("信访件", "移交", 4, 86), ("信访件", "处理回复", 60, 86), ("信访件", "函询", 2, 86),
        ("信访件", "了结", 15, 86), ("信访件", "正在调查处理", 5, 86),
        ("问题线索", "立案", 2, 6), ("问题线索", "正在初核", 4, 6),
    ]


def test_count_before_the_disposition() -> None:
    assert rows("巡视组移交问题线索9件,已办结6件,其余3件正在办理中。") == [
        ("问题线索", "办结", 6, 9), ("问题线索", "正在办理", 3, 9)]


def test_a_handover_without_outcome_is_one_clue_with_persons() -> None:
    """The batch is the handover's only count: no total apart from it."""
    clues = extract_clues(normalize("巡察期间,向区纪委监委移交问题线索2件3人。"))
    assert [(c.kind, c.disposition, c.count, c.total, c.persons) for c in clues] == [
        ("问题线索", "移交", 2, None, 3)]


def test_the_handover_is_not_repeated_when_its_outcome_follows() -> None:
    text = "对巡视组交办的5个问题线索,明确专人负责。截至目前,5个问题线索已结案5件。"
    assert rows(normalize("(三)巡视移交问题线索办理情况\n" + text)) == [("问题线索", "结案", 5, 5)]


def test_the_outcome_may_follow_in_the_next_sentence() -> None:
    assert rows("巡视组共移交问题线索15件。目前已办结12件,其余3件正在办理。") == [
        ("问题线索", "办结", 12, 15), ("问题线索", "正在办理", 3, 15)]


def test_a_whole_batch_outcome_with_a_counted_part() -> None:
    assert rows("巡视组共移交问题线索15件,涉及15人。目前已全部办结,其中立案审查2件。") == [
        ("问题线索", "办结", 15, 15), ("问题线索", "立案审查", 2, 15)]


def test_petition_spellings_are_one_kind() -> None:
    assert rows("巡视组转来信访举报30件,已办结30件。") == [("信访件", "办结", 30, 30)]
    assert rows("巡视组交办信访问题12件,已了结12件。") == [("信访件", "了结", 12, 12)]


def test_chinese_numerals() -> None:
    assert rows("巡视组移交问题线索两件,均已了结。") == [("问题线索", "了结", 2, 2)]


def test_batch_without_a_count_leaves_the_total_open() -> None:
    assert rows("对省委巡视组移交的问题线索,已办结12件,正在核查3件。") == [
        ("问题线索", "办结", 12, None), ("问题线索", "正在核查", 3, None)]


def test_a_heading_about_handed_over_clues_gives_the_context() -> None:
    text = "四、移交问题线索办理情况\n截至6月底,18件信访件中,已办结16件,正在办理2件。"
    assert rows(text) == [("信访件", "办结", 16, 18), ("信访件", "正在办理", 2, 18)]


def test_full_width_and_traditional_text() -> None:
    assert rows("巡視期間,移交問題線索４件,均已辦結。") == [("问题线索", "办结", 4, 4)]


@pytest.mark.parametrize("body", [
    "二、关于信访工作不到位的问题\n今年以来共受理信访件45件,已办结40件。",
    "反腐败协调小组成员单位主动移交问题线索6件,其中初核转立案2件。",
    "给予党纪处分10人,组织处理5人。",
    "巡视组移交的问题线索,已分别交办3个单位。",
])
def test_the_units_own_work_is_not_a_handed_over_clue(body: str) -> None:
    assert rows(body) == []


def test_span_covers_disposition_and_count() -> None:
    text = normalize("巡视组移交问题线索9件,已办结6件。")
    (clue,) = extract_clues(text)
    assert clue.span.of(text) == "办结6件"


_ALPHABET = st.sampled_from(list("巡视察组移交了问题线索信访件中已办结正在初核均全部其余两一二三个人,;。0123456789\n"))


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), st.text(_ALPHABET, max_size=200)))
def test_never_raises_and_spans_lie_in_the_text(text: str) -> None:
    for c in extract_clues(text):
        assert 0 <= c.span.start < c.span.end <= len(text)
        assert c.count >= 0


def test_a_total_after_gongji() -> None:
    assert rows("巡视组移交的信访件共计40件,已办结36件,其余4件正在办理。") == [
        ("信访件", "办结", 36, 40), ("信访件", "正在办理", 4, 40)]


def test_a_disposition_after_yuyi() -> None:
    assert rows("对巡察组移交的3件问题线索,其中2件予以了结,1件转立案审查。") == [
        ("问题线索", "了结", 2, 3), ("问题线索", "转立案审查", 1, 3)]


@pytest.mark.parametrize("text", ["截至目前,已办结中央巡视组移交问题线索41件。", "目前已经办结巡视组移交的41件问题线索。"])
def test_a_disposition_stated_before_the_handed_over_batch(text: str) -> None:
    """已办结…移交问题线索41件: the batch's fate comes first in the clause, not after it."""
    assert rows(text) == [("问题线索", "办结", 41, 41)]


def test_a_handover_stated_as_done_stays_a_handover() -> None:
    assert rows("巡察组已移交问题线索5件。") == [("问题线索", "移交", 5, None)]


def test_a_handover_names_its_recipient_before_the_count() -> None:
    text = "会议研究了第七轮巡察问题线索处置建议,将发现的120条线索按照移送市纪委20条、交办被巡察单位100条处置。"
    assert rows(text) == [("问题线索", "移送", 20, 120), ("问题线索", "交办", 100, 120)]


def test_a_handover_with_its_recipient_before_the_batch() -> None:
    assert rows("巡察期间,移交县纪委监委问题线索3件。") == [("问题线索", "移交", 3, None)]


def test_cases_counted_in_qi() -> None:
    assert rows("在省委巡视组已移交的90件问题线索中,已立案12起,其余正在办理。") == [("问题线索", "立案", 12, 90)]


def test_received_petitions_are_a_batch() -> None:
    assert rows("巡察期间,共受理信访举报46件。") == [("信访件", "受理", 46, None)]
    assert rows("巡察期间,共受理信访举报46件,其中已办结40件。") == [("信访件", "办结", 40, 46)]


def test_a_disposition_of_an_earlier_batch_restating_its_kind() -> None:
    text = "前三轮该县共反馈巡察问题300个,移交问题线索120个,已整改问题290个,处置问题线索98件。"
    assert rows(text) == [("问题线索", "处置", 98, 120)]


def test_the_sentence_before_may_name_the_inspection() -> None:
    text = "3个巡察组下沉到40个村组,走访群众300余户。反馈整改意见94条,移交问题线索12条。"
    assert rows(text) == [("问题线索", "移交", 12, None)]


def test_a_preliminary_check_keeps_its_wording() -> None:
    assert rows("巡视组移交的问题线索12件已全部办结,其中谈话函询5件,初步核实7件。") == [
        ("问题线索", "办结", 12, 12), ("问题线索", "谈话函询", 5, 12), ("问题线索", "初步核实", 7, 12)]


def test_a_batch_handed_over_in_the_clause_after_it() -> None:
    text = "巡察期间,共发现各类问题120个、形成问题线索39件,正分层分类移交反馈至相关单位部门。"
    assert rows(text) == [("问题线索", "移交", 39, None)]
    clue = extract_clues(normalize(text))[0]
    assert clue.span.of(normalize(text)) == "问题线索39件,正分层分类移交"


def test_a_disposition_said_to_be_complete_keeps_its_completion() -> None:
    assert rows("巡察期间共受理信访件25件,已办理完毕20件,正在办理5件。") == [
        ("信访件", "办理完毕", 20, 25), ("信访件", "正在办理", 5, 25)]
    assert rows("巡察组移交问题线索8件,均已核查完毕。") == [("问题线索", "核查完毕", 8, 8)]
