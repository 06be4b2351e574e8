"""Findings in the shapes news releases print them in besides a lead phrase and a list: under a
label (问题:… / a line 问题 / 问题 between blanks), below a lead line with one paragraph per unit,
quoted at a story's opening, after a sentence that names them; how a list is cut into its items;
and what is no problem (praise, pledges, a recommendation label). Units and problems are invented.
"""
from __future__ import annotations

import pytest

from xunshi.parse.extract.findings.titles import FAULT

from .test_findings_inline import findings, titles


MEETING = "3月5日下午,区委第一巡察组向区水务局党组反馈巡察情况。局负责人主持会议并作表态发言。"


def test_problems_after_a_wenti_label_at_a_line_start() -> None:
    text = (f"{MEETING}\n问题:学习贯彻上级精神不深入,执行“第一议题”制度不到位;河道管护工作监管不严;"
            "项目资金审核机制不健全。\n建议:强化党的领导,切实履行好各项职责。\n区水务局负责人表示:将抓好整改。")
    assert titles(text) == ["学习贯彻上级精神不深入", "执行“第一议题”制度不到位", "河道管护工作监管不严",
                            "项目资金审核机制不健全"]


PROBLEMS = ("对上轮巡视整改重视不够,整改事项多数未整改到位。项目资金违规操作,存在重大廉政风险。"
            "有些招商项目比较盲目,造成损失浪费。基层党建薄弱,党建主体责任落实不到位。")
EXPECTED = ["对上轮巡视整改重视不够,整改事项多数未整改到位", "项目资金违规操作,存在重大廉政风险",
            "有些招商项目比较盲目,造成损失浪费", "基层党建薄弱,党建主体责任落实不到位"]


@pytest.mark.parametrize("layout", [
    "{meeting}\n问题\n{problems}\n建议\n严格执行干部选拔任用条例,严肃查处违纪问题。",
    "{meeting} 问题 {problems} 建议 严格执行干部选拔任用条例,严肃查处违纪问题。",
    "{meeting} 问题 {problems}此外,巡视组还收到一些问题线索,已按规定移交有关部门处理。",
])
def test_problems_under_a_bare_wenti_label_one_per_sentence(layout: str) -> None:
    text = layout.format(meeting=MEETING, problems=PROBLEMS)
    assert titles(text) == EXPECTED


def test_a_recommendation_label_ends_the_problems() -> None:
    text = f"{MEETING}\n问题\n学习贯彻上级精神不深入;河道管护工作监管不严。\n整改建议\n严肃查处违规违纪问题。"
    assert titles(text) == ["学习贯彻上级精神不深入", "河道管护工作监管不严"]


def test_a_lead_line_over_paragraphs_each_headed_by_its_unit() -> None:
    text = ("本周,第五轮巡视进入反馈阶段,首批反馈的有北岭能源集团、东川汽车公司、南港航运集团。\n"
            "巡视组反馈指出\n北岭能源集团\n有的领导人员与承包商内外勾结;还有的接受供应商安排外出旅游。\n"
            "东川汽车公司\n由于党的建设相对滞后,公司在物资采购方面聚集了较大腐败风险。"
            "一些领导人员操控采购审批权,收受贿赂。\n"
            "南港航运集团\n“四风”问题整改不力,顶风违纪问题突出,存在公款吃喝、公车私用等违反八项规定精神问题。")
    assert titles(text) == [
        "有的领导人员与承包商内外勾结", "还有的接受供应商安排外出旅游",
        "由于党的建设相对滞后,公司在物资采购方面聚集了较大腐败风险", "一些领导人员操控采购审批权,收受贿赂",
        "“四风”问题整改不力", "顶风违纪问题突出", "存在公款吃喝、公车私用等违反八项规定精神问题"]


def test_praise_below_a_lead_line_is_no_problem() -> None:
    text = ("巡察组反馈指出\n某局党组坚定不移贯彻上级决策部署,不断加强班子建设,各项工作取得新进展。\n"
            "但也存在一些问题,需要认真整改。")
    assert findings(text) == []


def test_a_quoted_opening_that_trails_off_before_the_story_goes_on() -> None:
    text = ("“落实党委全面领导存在不足,集团党委未参与经营决策;法人治理体系建设有差距;对国有资产监管不力,"
            "存在受损风险……”5月8日,在区委巡察工作书记专题会上,3个巡察组依次汇报了被巡察单位情况。\n"
            "今年3月,区委启动第一轮巡察。")
    assert titles(text) == ["落实党委全面领导存在不足,集团党委未参与经营决策", "法人治理体系建设有差距",
                            "对国有资产监管不力,存在受损风险"]


@pytest.mark.parametrize("quote", [
    "“对巡察中发现的问题,乡镇党委要承担整改主体责任,不能打折扣……”,这是在某县委书记办公会上的一幕。",
    "“整改不到位的要严肃问责,不能有半点含糊……”5月8日,县委书记在专题会上说。",
    "“落实党委全面领导存在不足;法人治理体系建设有差距”5月8日,3个巡察组依次汇报了被巡察单位情况。",
])
def test_a_quoted_opening_that_urges_or_runs_on_without_trailing_off_is_no_list(quote: str) -> None:
    assert findings(f"{quote}\n今年3月,县委启动第一轮巡察。") == []


def test_items_after_a_sentence_that_names_the_problems() -> None:
    text = ("反馈指出,各高校党委坚持立德树人,取得了积极成效。\n反馈也指出了巡视发现的突出问题。有的贯彻落实上级"
            "决策部署不够到位,服务地方发展还有差距;有的领导班子建设有短板。\n反馈要求,各高校党委要抓好整改。")
    assert titles(text) == ["有的贯彻落实上级决策部署不够到位,服务地方发展还有差距", "有的领导班子建设有短板"]


def test_an_item_cut_off_by_the_end_of_the_text_after_a_few_characters_is_dropped() -> None:
    text = "反馈也指出了巡视发现的突出问题。有的贯彻落实上级决策部署不够到位;有"
    assert titles(text) == ["有的贯彻落实上级决策部署不够到位"]


@pytest.mark.parametrize("lead", ["集中表现在以下四个方面:", "主要集中在以下几个方面:"])
def test_problems_after_the_fields_they_fall_in_are_counted(lead: str) -> None:
    text = (f"本轮巡察发现被巡察单位存在一些突出问题,{lead}党的领导弱化,对党建工作认识不足;"
            "党内政治生活不规范;执行财经纪律不严格。目前,巡察组已完成问题移交。")
    assert titles(text) == ["党的领导弱化", "对党建工作认识不足", "党内政治生活不规范", "执行财经纪律不严格"]


def test_a_single_item_that_is_a_series_is_read_without_its_subject() -> None:
    text = ("巡察组反馈指出,某镇所辖村党组织推动各项工作取得了新进展。但巡察也发现了一些问题,有的村党组织存在"
            "政治理论学习不到位、人居环境整治不彻底、财务制度管理不严等问题。")
    assert titles(text) == ["政治理论学习不到位", "人居环境整治不彻底", "财务制度管理不严"]


def test_an_enumeration_cut_off_after_its_first_item() -> None:
    text = ("区委办存在的主要问题是:一是落实上级决策部署不到位。二是工作作风有待夯实。\n"
            "区交通局党组存在的主要问题是:一是贯彻上级决策部署")
    assert [(f.seq, f.title) for f in findings(text)] == [
        (1, "落实上级决策部署不到位"), (2, "工作作风有待夯实"), (1, "贯彻上级决策部署")]


def test_the_last_item_ends_before_someone_puts_forward_opinions() -> None:
    text = ("巡察指出,区城投集团党委存在的主要问题:一是党委作用发挥不够充分;二是基层党组织建设水平有待提升。"
            "王某对抓好整改提出三点意见建议。一是深化政治认识;二是压实政治责任。")
    assert titles(text) == ["党委作用发挥不够充分", "基层党组织建设水平有待提升"]


def test_sentences_each_stating_one_problem_stay_whole_when_a_clause_states_no_fault() -> None:
    text = ("巡察发现的主要问题:党的建设缺失,基层党建薄弱。有些民生问题比较突出,信访量过大,影响干群关系。"
            "巡察组要求,抓好整改。")
    assert titles(text) == ["党的建设缺失,基层党建薄弱", "有些民生问题比较突出,信访量过大,影响干群关系"]


def test_sentences_of_fault_clauses_are_cut_at_their_commas() -> None:
    text = ("巡察发现:学习贯彻上级精神有差距,主体责任落实不够好,产业扶贫短期行为突出。甲村党支部战斗力不够强,"
            "人居环境整治不到位,危房改造推进迟缓,党建融合度还需深化。同时,巡察组还收到一些问题反映。")
    assert titles(text) == ["学习贯彻上级精神有差距", "主体责任落实不够好", "产业扶贫短期行为突出",
                            "甲村党支部战斗力不够强", "人居环境整治不到位", "危房改造推进迟缓", "党建融合度还需深化"]


def test_a_series_found_by_the_rectifying_side_s_own_review_is_no_finding() -> None:
    text = ("巡察组发现许多行政村存在财务不公开、账目不清等问题。收到反馈后,街道成立专项工作组,经过全面梳理后"
            "发现部分收入未及时入账、部分支出缺乏凭证等问题。")
    assert titles(text) == ["财务不公开", "账目不清"]


def test_a_cut_off_quoted_heading_is_titled_up_to_its_first_stop_without_the_quote_mark() -> None:
    text = ("(一)在“执行上级决策部署不够有力”方面\n1.关于“学习贯彻上级部署不够到位”问题的整改\n"
            "(1)关于“理论学习走过场。局党组未组织学习《某方案》,结合实际")
    found = findings(text, "rectification")
    assert [c.title for c in found[0].children] == ["理论学习走过场"]


@pytest.mark.parametrize(("heading", "is_problem"), [
    ("整改不到位", True), ("整治未完成", True), ("查处违纪问题12起", False),
    ("不断加强班子建设", False), ("坚定不移推进改革", False), ("不折不扣抓好整改", False),
])
def test_a_negated_clearing_verb_states_a_fault_and_a_strengthening_bu_none(
        heading: str, is_problem: bool) -> None:
    assert bool(FAULT.search(heading)) is is_problem


def test_paragraphs_labelled_by_their_unit_below_a_lead_that_ends_its_line() -> None:
    text = ("日前,区委巡察组分别反馈了巡察情况。现将各单位存在的主要问题公布如下:\n"
            "区委办:学习贯彻上级精神不深入;议事决策不规范。\n区人大机关:落实主体责任有差距。\n"
            "党的建设方面:基层党组织建设薄弱。\n欢迎广大干部群众监督。")
    assert [(f.category, f.title) for f in findings(text)] == [
        (None, "学习贯彻上级精神不深入"), (None, "议事决策不规范"), (None, "落实主体责任有差距"),
        ("党的建设方面", "基层党组织建设薄弱")]


def test_a_colon_lead_in_a_later_sentence_starts_a_list_of_its_own() -> None:
    text = ("区委办存在的主要问题:一是学习贯彻上级精神不深入;二是议事决策不规范。"
            "区人大机关存在的主要问题:一是落实主体责任有差距;二是基层党组织建设薄弱。")
    assert [(f.seq, f.title) for f in findings(text)] == [
        (1, "学习贯彻上级精神不深入"), (2, "议事决策不规范"), (1, "落实主体责任有差距"), (2, "基层党组织建设薄弱")]


@pytest.mark.parametrize("layout", [
    "{meeting}\n巡察中发现的问题:\n●学习贯彻上级精神不深入;\n●河道管护工作监管不严。\n巡察组要求,抓好整改。",
    "{meeting}\n【问题】学习贯彻上级精神不深入;河道管护工作监管不严。\n【建议】强化党的领导,严肃查处违纪问题。",
])
def test_bulleted_lines_and_a_bracketed_label(layout: str) -> None:
    assert titles(layout.format(meeting=MEETING)) == ["学习贯彻上级精神不深入", "河道管护工作监管不严"]


def test_a_last_item_closing_on_dengdeng() -> None:
    text = "巡视组发现了一些问题,主要是:“四风”问题仍然存在;干部考察不够深入,等等。"
    assert titles(text) == ["“四风”问题仍然存在", "干部考察不够深入"]


def test_fields_of_work_heading_the_paragraphs_below_a_lead_line() -> None:
    text = (f"{MEETING}\n巡察发现的主要问题\n党的领导方面\n学习贯彻上级精神不深入;议事决策不规范。\n"
            "党的建设方面\n基层党组织建设薄弱。\n巡察组要求,抓好整改。")
    assert [(f.category, f.title) for f in findings(text)] == [
        ("党的领导方面", "学习贯彻上级精神不深入"), ("党的领导方面", "议事决策不规范"),
        ("党的建设方面", "基层党组织建设薄弱")]


def test_numbered_problems_under_numbered_units_after_a_lead_that_ends_its_line() -> None:
    text = ("日前,区委巡察组分别向被巡察单位反馈了巡察情况。现将反馈的主要问题公布如下:\n一、区委办\n"
            "1.学习贯彻上级精神不深入。\n2.议事决策不规范。\n二、区人大机关\n1.落实主体责任有差距。\n"
            "欢迎广大干部群众监督。")
    assert [(f.seq, f.title) for f in findings(text)] == [
        (1, "学习贯彻上级精神不深入"), (2, "议事决策不规范"), (1, "落实主体责任有差距")]


def test_problems_after_wenti_comma_baokuo() -> None:
    text = ("巡察反馈意见指出,被巡察单位政治生态良好,但仍然存在一些问题,包括政治理论学习有待深化,"
            "议事决策机制有待规范,队伍建设需要强化等。被巡察单位负责人表示,完全认同。")
    assert titles(text) == ["政治理论学习有待深化", "议事决策机制有待规范", "队伍建设需要强化"]


def test_one_problem_the_feedback_singled_out() -> None:
    text = ("8月19日,巡视组向某局党组反馈巡视情况时重点提到,某分局在旧办公楼还能使用的情况下,违规搬进了"
            "豪华办公楼。按照巡视组反馈的意见,某局责令该分局近期要搬离。")
    assert titles(text) == ["某分局在旧办公楼还能使用的情况下,违规搬进了豪华办公楼"]


def test_praise_after_a_bare_lead_is_no_problem() -> None:
    assert findings("巡察组反馈时指出,该局坚持不懈推进党建工作,取得明显成效。巡察发现:该局班子团结。") == []


@pytest.mark.parametrize("text", [
    "巡察组反馈时指出,该局坚持推进党建工作,取得一定成效,但也存在一些问题和不足。巡察组要求,抓好整改。",
    "反馈指出:近年来该局认真贯彻落实上级部署,各项工作成效明显,但对照要求仍有不足。",
])
def test_praise_that_admits_shortcomings_after_a_bare_lead_is_no_problem(text: str) -> None:
    assert findings(text) == []


def test_an_announcement_s_matters_set_out_below_are_no_problems() -> None:
    text = ("根据县委统一部署,现将有关问题公告如下:\n一、巡察时间和对象\n县委第一巡察组于3月进驻县水务局,"
            "不属于巡察受理范围的信访问题,将转交有关部门处理。\n二、联系方式\n电话:0000-1234567")
    assert findings(text) == []


def test_a_unit_s_paragraph_stating_a_problem_then_a_series() -> None:
    text = ("但也发现了一些问题:\n区委政法委:对上轮巡察反馈问题整改力度不够,存在学习制度执行不严、"
            "台账管理混乱等问题。此外,还发现议事决策不规范、选人用人不严格等问题。\n中共某区委巡察办")
    assert titles(text) == ["对上轮巡察反馈问题整改力度不够", "学习制度执行不严", "台账管理混乱", "议事决策不规范",
                            "选人用人不严格"]
