"""Findings: the section, categories, seq, titles without wrappers, children, inline lists."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from xunshi.parse.extract.findings import extract_findings
from xunshi.parse.extract.findings.titles import unwrap
from xunshi.parse.model import Finding
from xunshi.parse.normalize import normalize


def findings(text: str, doc_type: str | None = "rectification") -> list[Finding]:
    found = extract_findings(text, doc_type)  # type: ignore[arg-type]
    for f in found:
        for item in [f, *f.children]:
            assert item.title in item.span.of(text)
            for m in item.measures:
                assert m.span.of(text) == m.text
    return found


def rows(found: list[Finding]) -> list[tuple[str | None, int | None, str, int]]:
    return [(f.category, f.seq, f.title, len(f.measures)) for f in found]


RECTIFICATION = """根据区委统一部署,区委第一巡察组对区水利局党组进行了巡察。
一、组织整改落实情况
(一)成立领导小组。局党组书记任组长。
二、巡察反馈问题整改落实情况
(一)政治建设方面
1.学习贯彻上级精神不够深入
整改落实情况:
局党组高度重视。一是修订学习计划。二是开展专题研讨。
2.落实河长制工作有差距
整改情况:制定了考核办法。
(二)组织建设方面的问题
1. 关于基层党支部换届不及时的问题。已全部完成换届,此项已整改到位。
三、下一步工作打算
(一)持续巩固整改成果
一是坚持标准不降。二是坚持力度不减。
"""


def test_findings_come_from_the_problem_section_only() -> None:
    assert rows(findings(RECTIFICATION)) == [
        ("政治建设方面", 1, "学习贯彻上级精神不够深入", 2),
        ("政治建设方面", 2, "落实河长制工作有差距", 1),
        ("组织建设方面", 1, "基层党支部换届不及时", 1),
    ]


def test_measures_enumeration_and_status() -> None:
    first, second, third = findings(RECTIFICATION)
    assert first.enumerated and [m.text for m in first.measures] == ["一是修订学习计划。", "二是开展专题研讨。"]
    assert not second.enumerated and second.measures[0].text == "制定了考核办法。"
    assert third.status == "已整改到位"


def test_finding_span_covers_heading_and_its_measures() -> None:
    first = findings(RECTIFICATION)[0]
    assert first.span.of(RECTIFICATION).startswith("1.学习贯彻上级精神不够深入")
    assert first.measures[-1].span.end <= first.span.end


@pytest.mark.parametrize("marker", ["1.", "1。", "1、", "1 ."])
def test_every_arabic_marker_variant_gives_the_same_finding(marker: str) -> None:
    text = f"二、反馈问题整改情况\n(一)作风方面\n{marker}会议偏多\n一是精简会议。二是合并发文。"
    assert rows(findings(text)) == [("作风方面", 1, "会议偏多", 2)]


def test_full_width_and_traditional_input_through_normalize() -> None:
    text = normalize("二、反饋問題整改情況\n（一）紀律建設方面\n１．關於報銷不規範的問題。\n整改情況：一是退回費用。二是完善制度。")
    assert rows(findings(text)) == [("纪律建设方面", 1, "报销不规范", 2)]


def test_quoted_problem_paired_with_its_recommendation() -> None:
    text = ("二、反馈问题和整改意见的整改情况\n(一)关于“基层基础工作薄弱”问题\n"
            "1。针对“网格员‘一人多岗’,力量不足”问题和“充实网格力量”整改意见,进行了以下整改。"
            "一是新招录网格员。二是开展培训。\n"
            "2。针对“考核‘重留痕’轻实效”和“改进考核办法”整改意见,进行了以下整改。一是修订考核办法。二是减少台账。")
    found = findings(text)
    assert [(f.category, f.title, f.recommendation, len(f.measures)) for f in found] == [
        ("基层基础工作薄弱", "网格员‘一人多岗’,力量不足", "充实网格力量", 2),
        ("基层基础工作薄弱", "考核‘重留痕’轻实效", "改进考核办法", 2),
    ]


def test_two_numbered_items_with_their_own_measures_are_sub_problems() -> None:
    text = ("二、反馈问题整改情况\n(一)党建方面\n"
            "3。针对“党建‘两张皮’”问题和“深度融合”整改意见,进行了以下整改。\n"
            "(1)针对“支部活动流于形式”的整改情况。一是规范主题党日。二是开展评比。\n"
            "(2)针对“党员教育不经常”的整改情况。一是建立学习平台。二是定期考学。三是通报结果。")
    (parent,) = findings(text)
    assert parent.title == "党建‘两张皮’" and parent.measures == []
    assert [(c.seq, c.title, c.category, len(c.measures)) for c in parent.children] == [
        (1, "支部活动流于形式", "党建方面", 2), (2, "党员教育不经常", "党建方面", 3)]


def test_a_single_numbered_paragraph_is_the_description() -> None:
    text = ("二、突出问题导向,认真落实整改任务\n(一)组织建设方面\n1.党员管理不规范\n"
            "(1)组织关系未按规定转出,党费收缴不及时。\n整改情况:一是转出组织关系。二是补缴党费。")
    (f,) = findings(text)
    assert f.description == "组织关系未按规定转出,党费收缴不及时"
    assert f.children == [] and len(f.measures) == 2


def test_status_hint_may_come_from_the_description() -> None:
    text = "二、反馈问题整改情况\n1.案例通报学习不及时\n(1)未按要求传达学习,现已整改到位。\n整改情况:一是补学。二是建立制度。"
    (f,) = findings(text)
    assert (f.status, len(f.measures)) == ("已整改到位", 2)


def test_plain_paragraph_before_the_lead_in_is_the_description() -> None:
    text = "二、巡察反馈问题整改情况\n1.财务审核不严\n问题表现:部分票据无经办人签字。\n整改措施:补签票据。"
    (f,) = findings(text)
    assert (f.description, [m.text for m in f.measures]) == ("部分票据无经办人签字", ["补签票据。"])


def test_items_without_measures_of_their_own_are_measures() -> None:
    text = "二、反馈问题整改情况\n1.公车私用\n(1)收回车辆钥匙\n(2)安装定位设备\n2.超标接待\n退赔费用。"
    first, _ = findings(text)
    assert [(m.seq, m.text) for m in first.measures] == [(1, "收回车辆钥匙"), (2, "安装定位设备")]


def test_measures_printed_as_items_under_a_colon() -> None:
    text = "二、反馈问题整改情况\n1.公车管理不严\n整改措施:\n(1)建立派车台账\n(2)安装定位设备\n2.食堂超标\n整改措施:压缩开支。"
    first, second = findings(text)
    assert first.children == [] and first.enumerated
    assert [(m.seq, m.text) for m in first.measures] == [(1, "建立派车台账"), (2, "安装定位设备")]
    assert second.title == "食堂超标"


def test_lost_markers_give_inferred_seq() -> None:
    text = ("二、反馈问题整改情况\n(一)政治建设方面\n1.议事规则不健全\n整改情况:修订规则。\n"
            "-\n上级部署落实不力\n整改情况:一是专题研究。二是跟踪督办。\n3.学习不深入\n整改情况:补学。")
    found = findings(text)
    assert [(f.seq, f.seq_inferred, f.title) for f in found] == [
        (1, False, "议事规则不健全"), (2, True, "上级部署落实不力"), (3, False, "学习不深入")]
    assert len(found[1].measures) == 2


def test_categories_whose_findings_all_lost_their_markers() -> None:
    text = ("二、巡察反馈问题整改情况\n【党的政治建设方面】\n-\n议事规则不健全\n整改情况:一是修订规则;二是公开。\n"
            "-\n学习不深入\n整改情况:补学。\n【党风廉政建设方面】\n-\n采购监管不严\n整改情况:约谈。\n"
            "三、下一步工作打算\n持续整改。")
    found = findings(text)
    assert all(f.seq_inferred for f in found)
    assert rows(found) == [
        ("党的政治建设方面", 1, "议事规则不健全", 2), ("党的政治建设方面", 2, "学习不深入", 1),
        ("党风廉政建设方面", 1, "采购监管不严", 1)]


def test_paragraphs_opening_with_the_problem_they_answer() -> None:
    text = ("二、巡察反馈问题整改落实情况\n(一)党的组织建设方面\n"
            "针对支部组织生活不规范的问题,一是落实“三会一课”;二是规范记录。\n"
            "针对干部管理不严格的问题,制定了考勤办法。\n三、下一步工作打算\n持续整改。")
    assert [(f.category, f.title, len(f.measures)) for f in findings(text)] == [
        ("党的组织建设方面", "支部组织生活不规范", 2), ("党的组织建设方面", "干部管理不严格", 1)]


@pytest.mark.parametrize("section", ["整改落实情况", "聚焦靶心,逐项抓好落实"])
def test_a_work_section_named_for_its_problem_focus_lists_no_problems(section: str) -> None:
    text = ("一、坚持问题导向,压实整改责任\n(一)加强组织领导。成立领导小组。\n(二)细化整改措施。制定措施27条。\n"
            f"二、{section}\n(一)党的政治建设方面\n1.学习不够深入。\n整改情况:一是制定计划;二是研讨。\n"
            "2.落实政策有偏差。\n整改情况:补发待遇。\n(二)党的组织建设方面\n3.支部建设薄弱。\n整改情况:调整支部。\n"
            "三、下一步工作打算\n持续整改。")
    assert rows(findings(text)) == [
        ("党的政治建设方面", 1, "学习不够深入", 2), ("党的政治建设方面", 2, "落实政策有偏差", 1),
        ("党的组织建设方面", 3, "支部建设薄弱", 1)]


_FOUND = "二、反馈问题整改落实情况\n{}1.学习不够深入。\n整改情况:制定计划。\n2.落实政策有偏差。\n整改情况:补发待遇。\n"


@pytest.mark.parametrize("text", [
    _FOUND.format("(一)党的政治建设方面\n")
    + "(二)举一反三,建立长效机制\n1.建立学习督查制度。\n2.完善待遇落实台账。\n三、下一步工作打算",
    _FOUND.format("") + "3.举一反三,建立长效机制\n(1)建立学习督查制度。\n(2)完善待遇落实台账。\n三、下一步",
])
def test_work_reported_among_the_findings_is_no_finding(text: str) -> None:
    assert [f.title for f in findings(text)] == ["学习不够深入", "落实政策有偏差"]


def test_paragraphs_answering_sides_of_a_numbered_finding_are_its_measures() -> None:
    text = ("二、反馈问题整改情况\n1.学习贯彻不深入。\n针对理论学习不系统的问题,制定了学习计划。\n"
            "针对学用结合不紧密的问题,开展了专题调研。\n2.落实政策有偏差。\n整改情况:补发待遇。\n三、下一步工作打算")
    first, second = findings(text)
    assert (first.title, first.children, first.description) == ("学习贯彻不深入", [], None)
    assert first.measures[0].text.startswith("针对理论学习不系统的问题") and second.title == "落实政策有偏差"


def test_unannounced_section_is_found_by_its_problem_headings() -> None:
    text = ("局党组高度重视巡察整改。\n(一)在“落实上级决策部署不够有力”方面\n"
            "1.关于“学习贯彻不够到位”问题的整改\n整改措施:一是补学。二是研讨。\n"
            "2.关于“调查研究不深入”问题的整改\n整改措施:开展调研。\n"
            "(二)在“廉洁纪律执行不严”方面\n1.关于“公务接待超标”问题的整改\n整改措施:退赔费用。")
    assert rows(findings(text)) == [
        ("落实上级决策部署不够有力", 1, "学习贯彻不够到位", 2),
        ("落实上级决策部署不够有力", 2, "调查研究不深入", 1),
        ("廉洁纪律执行不严", 1, "公务接待超标", 1),
    ]


def test_findings_without_category_headings() -> None:
    text = "二、巡视反馈意见整改落实情况\n(一)关于议事决策不规范的问题。一是修订规则。二是严格执行。\n(二)关于“四风”问题反弹的问题。开展专项整治。"
    assert rows(findings(text)) == [(None, 1, "议事决策不规范", 2), (None, 2, "“四风”问题反弹", 1)]


def test_findings_at_the_top_level_without_a_section_heading() -> None:
    text = ("一、关于党组领导作用发挥不充分问题\n整改情况:一是修订议事规则。二是严格执行。\n"
            "二、关于选人用人不规范问题\n整改情况:开展专项检查。\n三、下一步打算\n(一)持续巩固。")
    assert rows(findings(text)) == [(None, 1, "党组领导作用发挥不充分", 2), (None, 2, "选人用人不规范", 1)]


def test_work_sections_beside_unannounced_categories_are_not_findings() -> None:
    text = ("一、加强组织领导\n(一)成立专班\n(二)细化分工\n"
            "二、政治建设方面\n(一)学习不深入\n整改措施:补学。\n"
            "三、作风建设方面\n(一)文风会风不实\n整改措施:精简会议。")
    assert rows(findings(text)) == [
        ("政治建设方面", 1, "学习不深入", 1), ("作风建设方面", 1, "文风会风不实", 1)]


def test_of_several_named_sections_only_the_one_listing_problems_counts() -> None:
    text = ("一、明确整改任务\n(一)召开动员会\n(二)印发方案\n"
            "二、反馈问题整改情况\n(一)纪律方面\n1.公款吃喝\n整改情况:一是退赔。二是处分。")
    assert rows(findings(text)) == [("纪律方面", 1, "公款吃喝", 2)]


def test_sub_problems_are_one_level_deep() -> None:
    text = ("二、反馈问题整改情况\n(一)党建方面\n1.组织生活不规范\n"
            "(1)针对“三会一课”不经常的整改情况\n①补开支部大会;\n②建立台账。\n"
            "(2)针对“谈心谈话”走过场的整改情况\n①开展谈话;\n②形成记录。")
    (parent,) = findings(text)
    assert [(c.title, c.children, len(c.measures)) for c in parent.children] == [
        ("“三会一课”不经常", [], 2), ("“谈心谈话”走过场", [], 2)]


def test_feedback_lists_problems_inline() -> None:
    text = ("巡察组指出,被巡察单位取得了一定成效。同时也发现了一些问题:有的党组织学习流于形式;"
            "部分单位议事规则不健全,决策程序不规范;有的干部作风不实。针对这些问题,巡察组提出了整改意见。")
    assert [f.title for f in findings(text, "feedback")] == [
        "有的党组织学习流于形式", "部分单位议事规则不健全,决策程序不规范", "有的干部作风不实"]


def test_feedback_inline_list_after_zhuyao_shi() -> None:
    text = "反馈指出存在的问题主要是:党建工作薄弱;选人用人不规范;财务管理混乱。\n巡视组要求抓好整改。"
    assert [f.title for f in findings(text, "feedback")] == ["党建工作薄弱", "选人用人不规范", "财务管理混乱"]


def test_feedback_enumerated_inline_keeps_the_printed_order() -> None:
    text = "巡视组指出了存在的主要问题:一是理论学习不深入;二是监督责任落实不到位。"
    assert [(f.seq, f.title) for f in findings(text, "feedback")] == [
        (1, "理论学习不深入"), (2, "监督责任落实不到位")]


def test_feedback_recommendations_after_the_problems_are_not_findings() -> None:
    text = "巡察组指出问题,提出整改意见:加强学习;完善制度。"
    assert findings(text, "feedback") == []


def test_rectification_preamble_lists_are_not_findings_beside_the_outline_s_answers() -> None:
    text = ("巡察组反馈的问题主要是:学习不深;作风不实。\n一、反馈问题整改情况\n(一)关于学习不深的问题\n"
            "整改情况:制定学习计划。\n(二)关于作风不实的问题\n整改情况:开展作风整顿。")
    assert [f.title for f in findings(text, "rectification")] == ["学习不深", "作风不实"]
    assert all(f.measures for f in findings(text, "rectification"))


def test_a_rectification_opening_listing_the_problems_without_answers_gives_them() -> None:
    text = "巡察组反馈的问题主要是:学习不深;作风不实。\n一、组织整改落实情况\n成立了领导小组。"
    assert [f.title for f in findings(text, "rectification")] == ["学习不深", "作风不实"]


@pytest.mark.parametrize("text", [
    "针对巡察指出的问题:一是成立整改领导小组;二是制定整改方案。",
    "巡察指出的问题主要是:一是成立整改领导小组;二是学习不深入。",
])
def test_a_rectification_list_answering_the_problems_or_naming_no_fault_is_no_list(text: str) -> None:
    assert findings(text, "rectification") == []


@pytest.mark.parametrize(("heading", "title", "recommendation"), [
    ("关于党委落实主体责任还不够到位问题。", "党委落实主体责任还不够到位", None),
    ("执行选人用人制度不够严谨的问题", "执行选人用人制度不够严谨", None),
    ("关于“文山会海”现象有所反弹的问题", "“文山会海”现象有所反弹", None),
    ("“四风”问题仍然存在", "“四风”问题仍然存在", None),
    ("针对“台账不全”的整改情况", "台账不全", None),
    ("关于“干部任用不规范”问题的整改", "干部任用不规范", None),
    ("针对“X问题”问题和“Y意见”整改意见,进行了以下整改", "X问题", "Y意见"),
    ("落实“两个责任”方面的问题", "落实“两个责任”方面", None),
])
def test_unwrap(heading: str, title: str, recommendation: str | None) -> None:
    assert unwrap(heading) == (title, recommendation)


_REPORT_ALPHABET = st.sampled_from(list(
    "一二三()、.。-“”;:\n12是关于针对问题方面整改情况反馈意见有的部分主要发现"))


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(), st.text(_REPORT_ALPHABET, max_size=400)),
       st.sampled_from(["rectification", "feedback", None]))
def test_any_text_gives_a_list_with_spans_inside_it(text: str, doc_type: str | None) -> None:
    found = extract_findings(text, doc_type)  # type: ignore[arg-type]
    assert isinstance(found, list)
    for f in found:
        for item in [f, *f.children]:
            assert 0 <= item.span.start <= item.span.end <= len(text)
            assert item.title in item.span.of(text)
            for m in item.measures:
                assert m.span.of(text) == m.text


def test_three_levels_of_quoted_headings_without_a_section_heading() -> None:
    text = ("现将巡察整改情况予以公布。\n"
            "(一)在“执行上级部署有偏差”方面\n"
            "1.关于“专题学习不深入”问题的整改\n"
            "(1)关于“学习计划缺失”问题的整改\n整改情况:制定年度计划。\n"
            "(2)关于“研讨流于形式”问题的整改\n整改情况:一是规范研讨;二是交流心得。\n"
            "2.关于“项目推进慢”问题的整改\n整改情况:一是倒排工期;二是挂图作战。\n"
            "(二)在“监督偏松”方面\n"
            "3.关于“约谈不经常”问题的整改\n整改情况:建立约谈台账。")
    found = findings(text)
    assert rows(found) == [
        ("执行上级部署有偏差", 1, "专题学习不深入", 0),
        ("执行上级部署有偏差", 2, "项目推进慢", 2),
        ("监督偏松", 3, "约谈不经常", 1),
    ]
    assert rows(found[0].children) == [
        ("执行上级部署有偏差", 1, "学习计划缺失", 1), ("执行上级部署有偏差", 2, "研讨流于形式", 2)]


def test_bracketed_problems_are_findings_without_a_section_heading() -> None:
    text = ("现将整改情况公告如下:\n【问题1】食堂采购未比价。\n【整改情况】一是建立比价制度;二是公开采购台账。\n"
            "【问题2】档案归档滞后。\n【整改情况】完成补归档。")
    assert rows(findings(text)) == [(None, 1, "食堂采购未比价", 2), (None, 2, "档案归档滞后", 1)]


def test_closing_paragraphs_do_not_belong_to_the_last_finding() -> None:
    text = ("二、反馈问题整改情况\n1.关于“台账不全”的问题\n整改情况:补齐台账。\n"
            "2.关于“公示不及时”的问题\n整改情况:建立公示制度。\n"
            "下一步,我们将持续抓好整改:一是强化督查;二是建章立制。\n"
            "欢迎广大干部群众对整改落实情况进行监督。联系电话:0731-1234567。")
    last = findings(text)[-1]
    assert [m.text for m in last.measures] == ["建立公示制度。"]
    assert last.span.of(text).endswith("建立公示制度。")


def test_feedback_list_right_after_faxian_and_a_comma() -> None:
    text = "县委巡察组反馈指出,巡察发现,一是学习制度执行不严;二是项目验收把关不严。巡察组要求,限期整改。"
    assert [(f.seq, f.title) for f in findings(text, "feedback")] == [
        (1, "学习制度执行不严"), (2, "项目验收把关不严")]


def test_feedback_list_after_zhuyao_shi_without_a_colon() -> None:
    text = "但巡察也发现了一些问题,主要是班子议事不规范;资产台账不清,闲置房产未盘活等问题。组长要求,抓好整改。"
    assert [f.title for f in findings(text, "feedback")] == [
        "班子议事不规范", "资产台账不清", "闲置房产未盘活"]


def test_semicolon_items_of_faults_give_one_problem_per_clause() -> None:
    # a ; groups the faults of one field of work, each clause a fault of its own
    text = ("巡察发现了一些问题,主要是:贯彻落实上级部署打折扣,党组织政治功能发挥不充分,推动乡村振兴"
            "工作统筹谋划和推进落实的力度明显不够;监督责任虚化,财务审批把关不严;班子成员分工调整"
            "不及时,党员发展工作不规范等。同时收到问题线索若干件。")
    assert [f.title for f in findings(text, "feedback")] == [
        "贯彻落实上级部署打折扣", "党组织政治功能发挥不充分",
        "推动乡村振兴工作统筹谋划和推进落实的力度明显不够", "监督责任虚化", "财务审批把关不严",
        "班子成员分工调整不及时", "党员发展工作不规范"]


def test_semicolon_item_whose_second_clause_explains_stays_whole() -> None:
    text = ("巡察发现的主要问题:财务管理混乱,2019年以来共报销票据300余张,涉及金额20余万元;"
            "议事决策不规范。会议要求,抓好整改。")
    assert [f.title for f in findings(text, "feedback")] == [
        "财务管理混乱,2019年以来共报销票据300余张,涉及金额20余万元", "议事决策不规范"]


def test_feedback_youde_items_separated_by_commas() -> None:
    text = "巡察也发现,有的学院教研活动偏少,有的支部换届滞后,在师德建设方面存在薄弱环节。反馈要求,抓好整改。"
    assert [f.title for f in findings(text, "feedback")] == [
        "有的学院教研活动偏少", "有的支部换届滞后,在师德建设方面存在薄弱环节"]


def test_feedback_list_after_a_comma_of_youde_items() -> None:
    text = ("反馈指出,被巡察党组织总体情况较好,但巡察也发现一些问题,有的理论学习不系统;"
            "有的财务审批不严格,报销凭证不全;有的干部担当不够。反馈要求,抓好整改。")
    assert [f.title for f in findings(text, "feedback")] == [
        "有的理论学习不系统", "有的财务审批不严格,报销凭证不全", "有的干部担当不够"]


def test_feedback_outline_under_a_found_problems_heading() -> None:
    text = ("县委巡察组对县林业局党组进行了巡察。现将巡察发现的主要问题反馈如下。\n"
            "一、巡察发现的主要问题\n(一)护林员管理不到位。考勤流于形式。\n(二)项目资金拨付不及时。\n"
            "二、整改意见\n(一)加强护林员管理。\n(二)加快资金拨付。")
    assert [f.title for f in findings(text, "feedback")] == ["护林员管理不到位", "项目资金拨付不及时"]


@pytest.mark.parametrize("marker", ["1.", "一是", "(1)"])
def test_feedback_lead_ending_its_line_lists_the_numbered_lines_below(marker: str) -> None:
    lines = ["会议记录不完整;", "公车使用登记缺失;", "食堂账目不清。"]
    numbered = [marker.replace("1", str(n)).replace("一", "一二三"[n - 1]) + line
                for n, line in enumerate(lines, 1)]
    text = "巡察组指出,巡察中发现的主要问题是:\n" + "\n".join(numbered) + "\n巡察组要求,认真整改。"
    found = findings(text, "feedback")
    assert [(f.seq, f.title) for f in found] == [
        (1, "会议记录不完整"), (2, "公车使用登记缺失"), (3, "食堂账目不清")]


def test_feedback_enumerated_fields_of_work_give_categorized_problems() -> None:
    text = ("组长反馈了巡察情况。他指出,一是组织建设方面:支部换届滞后;党员台账不全。"
            "二是纪律建设方面存在的问题:公车私用。巡察组建议,抓好整改。")
    assert [(f.category, f.title) for f in findings(text, "feedback")] == [
        ("组织建设方面", "支部换届滞后"), ("组织建设方面", "党员台账不全"),
        ("纪律建设方面存在的问题", "公车私用")]


def test_feedback_pledges_without_field_labels_are_not_findings() -> None:
    text = "书记作表态发言,一是提高站位,认领问题。二是细化措施,按期整改。"
    assert findings(text, "feedback") == []


@pytest.mark.parametrize("first, second", [
    ("1.健全值班制度。修订值班规定,明确带班领导职责。\n2.开展专项检查。每月抽查值班记录。",
     "1.完善归档流程。制定归档细则。\n2.组织集中整理。整理档案300卷。"),
    ("1.坚持“第一议题”制度。全年学习15次。\n2.落实意识形态工作责任制。开展专项检查。",
     "1.严格执行民主集中制。修订议事规则。\n2.夯实基层党建基础。整顿党组织。"),
    ("1.出台《值班办法》。已印发。\n2.对2018年以来的记录进行清理。",
     "1.追回违规资金2.1万元。\n2.将档案重新编号。"),
])
def test_items_headed_by_what_was_done_are_measures_not_findings(first: str, second: str) -> None:
    text = (f"二、反馈问题整改落实情况\n(一)关于值班制度执行不严的问题\n{first}\n"
            f"(二)关于档案管理混乱的问题\n{second}\n三、下一步工作打算")
    assert rows(findings(text)) == [(None, 1, "值班制度执行不严", 2), (None, 2, "档案管理混乱", 2)]


def test_a_heading_over_items_beside_measured_findings_is_a_finding_with_sub_problems() -> None:
    text = ("二、聚焦反馈问题抓整改\n(一)关于公车管理不规范的问题\n一是清查车辆。二是建立台账。\n"
            "(二)关于选人用人的问题\n1.关于“超职数配备”问题。消化超配干部3名。\n"
            "2.关于“档案不全”问题。补齐档案材料。\n三、巩固整改成果")
    found = findings(text)
    assert rows(found) == [(None, 1, "公车管理不规范", 2), (None, 2, "选人用人", 0)]
    assert [(c.seq, c.title) for c in found[1].children] == [(1, "超职数配备"), (2, "档案不全")]


def test_unnumbered_problem_paragraphs_under_categories() -> None:
    """Printed without numbers: they are findings in order, but have no printed seq to report."""
    text = ("二、反馈问题整改落实情况\n(一)作风建设方面\n"
            "关于“会议偏多”的问题。一是合并会议;二是压缩时长。\n关于“调研不深”的问题。制定调研计划。\n"
            "(二)纪律建设方面\n关于“违规报销”的问题。追回资金。")
    found = findings(text)
    assert rows(found) == [
        ("作风建设方面", None, "会议偏多", 2), ("作风建设方面", None, "调研不深", 1),
        ("纪律建设方面", None, "违规报销", 1)]
    assert not any(f.seq_inferred for f in found)


def test_items_opening_like_measures_but_naming_faults_stay_findings() -> None:
    text = ("二、反馈问题整改落实情况\n(一)党建方面\n1.推进支部标准化建设缓慢。整改情况:制定推进计划。\n"
            "2.开展主题党日流于形式。整改情况:规范活动流程。")
    assert rows(findings(text)) == [
        ("党建方面", 1, "推进支部标准化建设缓慢", 1), ("党建方面", 2, "开展主题党日流于形式", 1)]



def test_a_note_printed_after_the_statement_is_no_part_of_the_title() -> None:
    text = ("二、巡视反馈问题整改情况\n(一)党的领导方面\n1.关于学习贯彻不深入的问题(已完成)\n整改情况:补学。\n"
            "2.意识形态责任制落实不到位(持续推进)\n整改情况:一是检查;二是通报。\n3.台账(正在)不全\n"
            "(二)党的建设方面(共2个问题)\n4.支部换届滞后(责任单位:机关党委)\n整改情况:完成换届。\n三、下一步")
    assert [(f.category, f.title, f.status) for f in findings(text)] == [
        ("党的领导方面", "学习贯彻不深入", "已完成"), ("党的领导方面", "意识形态责任制落实不到位", "持续推进"),
        ("党的领导方面", "台账(正在)不全", None), ("党的建设方面", "支部换届滞后", None)]


@pytest.mark.parametrize("label", ["\n具体表现:", ",主要表现在:"])
def test_items_after_a_describing_colon_describe_the_finding(label: str) -> None:
    text = (f"二、反馈问题整改情况\n1.学习贯彻不深入{label}\n(1)学习次数不足。\n(2)笔记不全。\n"
            f"整改情况:一是补学;二是检查;三是通报。\n2.决策部署落实不力{label}\n(1)推进慢。\n(2)项目滞后。\n"
            "整改情况:一是调度;二是督办。\n三、下一步工作打算\n持续整改。")
    found = findings(text)
    assert [(f.seq, len(f.measures), f.children) for f in found] == [(1, 3, []), (2, 2, [])]
    assert found[0].description.startswith("学习次数不足")


def test_labelled_recommendation_between_problem_and_measures() -> None:
    text = ("1.问题:库存物资账实不符。\n整改要求:全面盘点,做到账实相符。\n整改情况:一是盘点物资;二是调整账目。\n"
            "2.问题:印章使用无登记。\n整改情况:建立用印登记簿。")
    first, second = findings(text)
    assert (first.title, first.recommendation, first.description) == (
        "库存物资账实不符", "全面盘点,做到账实相符", None)
    assert len(first.measures) == 2 and second.recommendation is None


def test_quoted_problem_and_recommendation_after_their_labels() -> None:
    text = ("二、反馈问题整改情况\n(一)巡察反馈问题:“理论学习流于形式”。整改意见:“健全学习制度”。"
            "整改情况:一是制定计划;二是考勤。\n三、下一步工作打算")
    (found,) = findings(text)
    assert (found.title, found.recommendation, len(found.measures)) == ("理论学习流于形式", "健全学习制度", 2)


def test_feedback_list_of_short_comma_clauses_gives_one_problem_each() -> None:
    text = "但还存在一些共性问题:学习制度执行有偏差,议事决策不规范,台账管理混乱等。反馈要求,限期整改。"
    assert [f.title for f in findings(text, "feedback")] == [
        "学习制度执行有偏差", "议事决策不规范", "台账管理混乱"]


def test_feedback_item_with_long_comma_clauses_stays_whole_unless_each_states_a_fault() -> None:
    faults = ("巡察发现的主要问题:落实上级关于基层党组织标准化建设的部署要求不够到位,"
              "部分支部组织生活流于形式,党员教育管理存在宽松软现象。巡察组要求,抓好整改。")
    assert [f.title for f in findings(faults, "feedback")] == [
        "落实上级关于基层党组织标准化建设的部署要求不够到位", "部分支部组织生活流于形式",
        "党员教育管理存在宽松软现象"]
    prose = ("巡察发现的主要问题:对照上级关于基层党组织标准化建设的部署要求和工作安排来看,"
             "部分支部组织生活流于形式,党员教育管理存在宽松软现象。巡察组要求,抓好整改。")
    assert len(findings(prose, "feedback")) == 1


@pytest.mark.parametrize("markers", [("1.", "2.", "3."), ("一、", "二、", "三、")])
def test_feedback_run_on_numbered_items_lose_their_markers(markers: tuple[str, ...]) -> None:
    a, b, c = markers
    text = (f"会上,巡察组反馈了某社区存在的主要问题:{a}党建工作不扎实;{b}责任落实不到位;"
            f"{c}财务管理不规范。社区书记作表态发言。")
    assert [(f.seq, f.title) for f in findings(text, "feedback")] == [
        (1, "党建工作不扎实"), (2, "责任落实不到位"), (3, "财务管理不规范")]


@pytest.mark.parametrize("mark", ["。", ","])
def test_feedback_field_label_sentences_are_categories_of_the_items_after_them(mark: str) -> None:
    text = (f"巡察组指出巡察发现的一些问题,主要是:在党的领导方面{mark}有的学习不深入;有的决策不规范。"
            f"在党的建设方面{mark}有的组织生活不严肃。反馈要求,抓好整改。")
    assert [(f.category, f.title) for f in findings(text, "feedback")] == [
        ("党的领导方面", "有的学习不深入"), ("党的领导方面", "有的决策不规范"),
        ("党的建设方面", "有的组织生活不严肃")]


def test_feedback_sentence_about_a_field_after_the_list_is_not_an_item() -> None:
    text = "巡察发现的主要问题是:有的学习不深入;有的决策不规范。在整改方面,巡察组提出了意见。"
    assert [f.title for f in findings(text, "feedback")] == ["有的学习不深入", "有的决策不规范"]


@pytest.mark.parametrize("lead", ["也指出了存在的一些突出问题。主要包括", "巡视发现的问题主要包括:"])
def test_feedback_list_after_zhuyao_baokuo(lead: str) -> None:
    text = f"会议肯定了成绩,{lead}学习主动性不够;风险意识不强;整改不到位。巡视组已移交问题线索。"
    assert [f.title for f in findings(text, "feedback")] == ["学习主动性不够", "风险意识不强", "整改不到位"]


@pytest.mark.parametrize("text", [
    "巡视发现的主要问题:在党的领导方面:有的学习不深入;有的决策不规范。在党的建设方面:有的组织生活不严肃。",
    "巡视组指出,一是在党的领导方面:有的学习不深入;有的决策不规范。二是在党的建设方面:有的组织生活不严肃。",
])
def test_feedback_field_labels_after_zai_name_the_field_without_it(text: str) -> None:
    assert [(f.category, f.title) for f in findings(text + "巡视组要求,抓好整改。", "feedback")] == [
        ("党的领导方面", "有的学习不深入"), ("党的领导方面", "有的决策不规范"),
        ("党的建设方面", "有的组织生活不严肃")]


def test_bulleted_problems_with_their_answers() -> None:
    text = ("现将整改情况公布如下。\n●关于台账不全的问题\n整改情况:一是补齐台账;二是专人管理。\n"
            "●关于公示滞后的问题\n整改情况:按月公示。")
    assert rows(findings(text)) == [(None, None, "台账不全", 2), (None, None, "公示滞后", 1)]


def test_an_opening_cut_after_its_first_answer_still_gives_it() -> None:
    text = ("现将巡视整改情况予以公布。\n一、在政治意识不够强,党的领导弱化方面\n"
            "(一)关于少数干部不守政治规矩的问题。一是开展专题教育;二是严肃查处违纪行为。")
    assert rows(findings(text)) == [("在政治意识不够强,党的领导弱化方面", 1, "少数干部不守政治规矩", 2)]


def test_numbered_problems_that_name_a_shortfall_without_a_common_fault_word() -> None:
    text = ("根据有关规定,现将巡察情况通报如下:\n1.履行职能职责有差距。执法质效不高。\n2.管党治警措施不够有力。\n"
            "3.党的建设工作有短板。理论学习不到位。\n4.问题整改存在差距。")
    assert [(f.seq, f.title) for f in findings(text, "feedback")] == [
        (1, "履行职能职责有差距"), (2, "管党治警措施不够有力"), (3, "党的建设工作有短板"), (4, "问题整改存在差距")]
