"""Outline: marker styles, nesting by order of appearance, lost markers, headings and spans."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from xunshi.parse.normalize import normalize
from xunshi.parse.outline import Block, build_outline, sentence_end


def shape(root: Block) -> list[tuple[int, str | None, int | None, str]]:
    """(depth, style, number, heading) of every block, in document order."""
    out: list[tuple[int, str | None, int | None, str]] = []

    def visit(block: Block, depth: int) -> None:
        for child in block.children:
            out.append((depth, child.style, child.number, child.heading))
            visit(child, depth + 1)

    visit(root, 0)
    return out


def test_conventional_nesting() -> None:
    text = "一、整改工作\n(一)思想方面\n1.学风不正\n(1)笔记抄袭\n①照搬材料\n二、下步打算"
    assert shape(build_outline(text)) == [
        (0, "cn、", 1, "整改工作"),
        (1, "(cn)", 1, "思想方面"),
        (2, "d.", 1, "学风不正"),
        (3, "(d)", 1, "笔记抄袭"),
        (4, "circled", 1, "照搬材料"),
        (0, "cn、", 2, "下步打算"),
    ]


def test_levels_follow_the_order_of_appearance_not_a_fixed_rank() -> None:
    text = "1.班子建设\n(一)会议记录不全\n(二)分工不明\n2.队伍建设\n(一)培训偏少"
    assert [(d, n) for d, _, n, _ in shape(build_outline(text))] == [
        (0, 1), (1, 1), (1, 2), (0, 2), (1, 1)]


@pytest.mark.parametrize("marker", ["1.", "1。", "1、", "1 .", "1. "])
def test_arabic_marker_variants_are_one_style(marker: str) -> None:
    text = f"(一)纪律方面\n{marker}纪律松弛\n2.作风漂浮"
    assert [(d, s, n) for d, s, n, _ in shape(build_outline(text))] == [
        (0, "(cn)", 1), (1, "d.", 1), (1, "d.", 2)]
    assert shape(build_outline(text))[1][3] == "纪律松弛"


def test_full_width_markers_read_after_normalize() -> None:
    text = normalize("（一）廉洁方面\n１．报销不规范\n（１）票据缺失\n（２）审批倒签")
    assert [(d, s, n) for d, s, n, _ in shape(build_outline(text))] == [
        (0, "(cn)", 1), (1, "d.", 1), (2, "(d)", 1), (2, "(d)", 2)]


def test_traditional_input_read_after_normalize() -> None:
    text = normalize("一、反饋問題整改情況\n（一）黨的建設方面")
    assert shape(build_outline(text)) == [
        (0, "cn、", 1, "反馈问题整改情况"), (1, "(cn)", 1, "党的建设方面")]


def test_circled_numbers_are_markers_and_counters_are_not() -> None:
    text = normalize("(一)存在问题\n①学习不深\n②制度不全\n3名干部未参加")
    assert [(d, s, n) for d, s, n, _ in shape(build_outline(text))] == [
        (0, "(cn)", 1), (1, "circled", 1), (1, "circled", 2)]


def test_counters_and_decimals_are_not_markers() -> None:
    text = "(一)办案情况\n3.14案已移送起诉\n5名同志受到处分\n1.5万元已退回"
    assert [b.heading for b in build_outline(text).walk()[1:]] == ["办案情况"]


def test_heading_followed_by_text_on_the_same_line() -> None:
    text = "7. 关于食堂管理混乱的问题。重新制定了食堂管理办法。\n补充了台账。"
    block = build_outline(text).children[0]
    assert block.heading == "关于食堂管理混乱的问题"
    assert block.heading_span.of(text) == block.heading
    assert text[block.body_span.start : block.body_span.end] == "。重新制定了食堂管理办法。\n补充了台账。"


def test_full_stop_inside_quotes_does_not_end_the_heading() -> None:
    text = "(2)针对“账目混乱。票据缺失”的整改情况。一是清理账目。"
    assert build_outline(text).children[0].heading == "针对“账目混乱。票据缺失”的整改情况"


def test_lost_marker_between_siblings_is_inferred() -> None:
    text = "(一)组织方面\n1.换届不规范\n-\n发展党员违规\n3.台账缺失"
    blocks = build_outline(text).walk()[1:]
    lost = blocks[2]
    assert (lost.style, lost.number, lost.inferred, lost.heading) == ("d.", 2, True, "发展党员违规")
    assert lost.span.start == text.index("-")
    assert [b.number for b in blocks[0].children] == [1, 2, 3]


def test_lost_first_section_marker_is_inferred_from_the_next_section() -> None:
    text = "-\n加强领导,压实责任\n(一)成立领导小组\n(二)细化分工\n二、聚焦问题抓整改\n(一)思想方面"
    top = build_outline(text).children
    assert [(b.style, b.number, b.inferred) for b in top] == [
        ("cn、", 1, True), ("cn、", 2, False)]
    assert [c.heading for c in top[0].children] == ["成立领导小组", "细化分工"]


def test_lost_marker_at_the_end_of_a_list_continues_the_deepest_list() -> None:
    text = "(一)作风方面\n1.会多文多\n(1)会议偏多\n-\n督查检查过频\n(2)检查表格重复\n二、下一步"
    lost = build_outline(text).walk()[4]
    assert (lost.style, lost.number, lost.heading) == ("d.", 2, "督查检查过频")


def test_lost_numeral_with_surviving_punctuation() -> None:
    text = "、强化组织领导\n(一)成立专班\n二、狠抓问题整改"
    assert [(b.style, b.number, b.inferred) for b in build_outline(text).children] == [
        ("cn、", 1, True), ("cn、", 2, False)]


def test_a_dash_with_nothing_to_infer_from_is_plain_text() -> None:
    text = "报告如下:\n-\n其他说明"
    assert build_outline(text).children == []


def test_a_list_that_lost_every_marker_is_numbered_under_each_parent() -> None:
    text = ("二、问题整改情况\n【政治建设方面】\n-\n学习不深入\n-\n部署不落实\n"
            "【组织建设方面】\n-\n换届滞后\n三、下一步打算")
    assert shape(build_outline(text)) == [
        (0, "cn、", 2, "问题整改情况"),
        (1, "【】", 1, "政治建设方面"), (2, "-", 1, "学习不深入"), (2, "-", 2, "部署不落实"),
        (1, "【】", 2, "组织建设方面"), (2, "-", 1, "换届滞后"),
        (0, "cn、", 3, "下一步打算"),
    ]


def test_paragraph_answering_a_named_problem_heads_a_block_at_its_comma() -> None:
    text = ("(一)纪律方面\n针对公车管理不严的问题,一是收回车辆;二是建立台账。\n"
            "针对上述问题,局党组召开专题会议。")
    assert shape(build_outline(text)) == [
        (0, "(cn)", 1, "纪律方面"), (1, "关于…问题", 1, "针对公车管理不严的问题")]


def test_first_item_lost_without_trace_ranks_by_convention() -> None:
    text = "(一)加强领导\n(二)明确分工\n二、突出问题导向\n(一)政治建设方面"
    assert [(d, s, n) for d, s, n, _ in shape(build_outline(text))] == [
        (0, "(cn)", 1), (0, "(cn)", 2), (0, "cn、", 2), (1, "(cn)", 1)]


def test_block_spans_nest_and_cover_their_children() -> None:
    text = "一、甲\n正文\n(一)乙\n1.丙\n内容\n二、丁"
    root = build_outline(text)
    for block in root.walk():
        for child in block.children:
            assert block.span.start <= child.span.start <= child.span.end <= block.span.end
    assert root.children[0].span.of(text) == "一、甲\n正文\n(一)乙\n1.丙\n内容"


def test_sentence_end_skips_brackets_and_falls_back_to_the_end() -> None:
    assert sentence_end("整改(此项。长期坚持)完成。后", 0, 15) == 13
    assert sentence_end("没有句号", 0, 4) == 4


_OUTLINE_ALPHABET = st.sampled_from(list("一二三十()、.。-①“”1239\n关于问题方面整改是"))


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), st.text(_OUTLINE_ALPHABET, max_size=300)))
def test_any_text_gives_blocks_with_spans_inside_it(text: str) -> None:
    for block in build_outline(text).walk():
        assert 0 <= block.span.start <= block.span.end <= len(text)
        assert block.heading_span.of(text) == block.heading
        body = block.body_span
        assert 0 <= body.start <= body.end <= len(text)


def test_marker_alone_on_its_line_takes_the_next_line_as_heading() -> None:
    text = "(一)\n纪律建设方面\n1.\n违规发放津补贴\n(1)退回全部款项"
    assert [(d, n, h) for d, _, n, h in shape(build_outline(text))] == [
        (0, 1, "纪律建设方面"), (1, 1, "违规发放津补贴"), (2, 1, "退回全部款项")]


def test_heading_ends_at_a_colon_outside_quotes() -> None:
    text = "1.学习不深入问题:一是补学;二是研讨。\n2.关于“问题:台账”不全"
    assert [b.heading for b in build_outline(text).walk()[1:]] == ["学习不深入问题", "关于“问题:台账”不全"]


def test_problem_label_after_the_marker_is_not_the_heading() -> None:
    text = "1.问题:台账登记不全。\n整改情况:补登台账。\n2.存在问题:会议记录缺页。\n3.具体问题:缺勤。"
    assert [b.heading for b in build_outline(text).walk()[1:]] == [
        "台账登记不全", "会议记录缺页", "缺勤"]


def test_label_quoting_the_inspectors_is_not_the_heading() -> None:
    text = "1.反馈指出:审计纪律执行不严。\n整改情况:约谈。\n2.巡察组指出:台账缺失。\n3.巡察反馈问题:超标接待。"
    assert [b.heading for b in build_outline(text).walk()[1:]] == ["审计纪律执行不严", "台账缺失", "超标接待"]


def test_bracketed_problem_markers() -> None:
    text = "【问题1】车辆登记不全。\n【整改情况】补登记录。\n【问题2】票据粘贴不规范。"
    assert shape(build_outline(text)) == [
        (0, "问题n", 1, "车辆登记不全"), (0, "问题n", 2, "票据粘贴不规范")]


def test_ordinal_headings_at_line_start() -> None:
    text = "一、纪律方面\n第一,请假制度执行不严。整改情况:修订制度。\n第二,值班记录缺失。"
    assert shape(build_outline(text)) == [
        (0, "cn、", 1, "纪律方面"),
        (1, "第cn", 1, "请假制度执行不严"),
        (1, "第cn", 2, "值班记录缺失"),
    ]


def test_bracketed_heading_lines_are_counted_headings_but_labels_are_not() -> None:
    text = "【贯彻落实决策部署方面】\n1.台账不全。\n【整改情况】\n补齐台账。\n【全面从严治党方面】\n2.公车私用。"
    assert shape(build_outline(text)) == [
        (0, "【】", 1, "贯彻落实决策部署方面"),
        (1, "d.", 1, "台账不全"),
        (0, "【】", 2, "全面从严治党方面"),
        (1, "d.", 2, "公车私用"),
    ]


def test_bare_problem_labels_are_counted_headings() -> None:
    text = "问题:门禁登记缺失。\n整改情况:补建登记簿。\n反馈问题:值班脱岗。"
    blocks = build_outline(text).walk()[1:]
    assert [(b.style, b.number, b.inferred, b.heading) for b in blocks] == [
        ("问题:", 1, True, "门禁登记缺失"), ("问题:", 2, True, "值班脱岗")]


def test_bracketed_problem_labels_are_counted_headings() -> None:
    text = "【反馈问题】食堂采购不规范。\n【整改措施】一是统一配送;二是审计。\n【整改进展】已完成。\n【问题】教辅违规征订。"
    blocks = build_outline(text).walk()[1:]
    assert [(b.style, b.number, b.heading) for b in blocks] == [
        ("问题:", 1, "食堂采购不规范"), ("问题:", 2, "教辅违规征订")]


def test_paragraphs_headed_by_the_problem_they_answer_are_counted_headings() -> None:
    text = ("(一)纪律方面\n关于“借用公车”的问题。已收回车辆。\n"
            "关于公车管理的问题,局里一直很重视。\n针对“超标接待”问题的整改情况:退还费用。")
    assert shape(build_outline(text)) == [
        (0, "(cn)", 1, "纪律方面"),
        (1, "关于…问题", 1, "关于“借用公车”的问题"),
        (1, "关于…问题", 2, "针对“超标接待”问题的整改情况"),
    ]


@pytest.mark.parametrize("word", ["反馈问题", "巡察反馈问题", "存在问题"])
def test_problem_markers_named_for_where_the_problems_come_from(word: str) -> None:
    text = f"{word}1:台账不全。\n整改措施:补齐台账。\n{word}2:公示滞后。\n整改措施:按月公示。"
    assert shape(build_outline(text)) == [(0, "问题n", 1, "台账不全"), (0, "问题n", 2, "公示滞后")]


def test_bulleted_lines_are_counted_headings() -> None:
    text = "现将整改情况公布如下。\n●关于台账不全的问题\n整改情况:补齐台账。\n◆关于公示滞后的问题\n整改情况:按月公示。"
    assert shape(build_outline(text)) == [
        (0, "●", 1, "关于台账不全的问题"), (0, "●", 2, "关于公示滞后的问题")]


def test_a_heading_whose_quote_the_cut_off_page_never_closes_ends_at_its_first_stop() -> None:
    text = "1.关于“学习不深入”问题的整改\n(1)关于“理论学习走过场。局党组未组织学习《某方案》,结合实际"
    assert shape(build_outline(text))[1][3] == "关于“理论学习走过场"
