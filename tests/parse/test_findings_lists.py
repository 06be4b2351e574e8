"""Findings in the lists feedback releases and cut-off rectification reports print: lists closed
by 等等, clauses after 巡察发现, / 巡察组指出, cut by ; or opening 部分…, enumerations after a short
subject, units below a line that publishes the feedback or under their own headings, a single
field of work over named problems; and what is no list (praise, demands, pledges).
Units and problems are invented."""
from __future__ import annotations

import pytest

from .test_findings_inline import findings, titles


def test_a_problem_list_closed_by_dengdeng() -> None:
    text = ("当时,巡视组在某省开出的“问题清单”内容较多,包括一些干部插手矿产开发谋利问题比较严重;"
            "有的干部违规兼职取酬;选人用人把关不严等等。")
    assert titles(text) == ["一些干部插手矿产开发谋利问题比较严重", "有的干部违规兼职取酬", "选人用人把关不严"]


def test_the_feedback_stated_as_clauses_closed_by_dengdeng() -> None:
    text = "当年巡视组对某市的反馈意见提出,开发区腐败案件多发,基层干部作风漂浮,会议过多过滥等等。"
    assert titles(text) == ["开发区腐败案件多发", "基层干部作风漂浮", "会议过多过滥"]


def test_a_quoted_problem_list_closed_by_deng_wenti() -> None:
    text = "巡视组给某省列出的“问题清单”包括,有的部门违规收费,个别干部跑官要官,公车私用等问题。"
    assert titles(text) == ["有的部门违规收费", "个别干部跑官要官", "公车私用"]


def test_feedback_that_proposes_measures_is_no_list() -> None:
    text = "反馈意见提出,要加强学习,完善制度,严肃问责等等。"
    assert titles(text) == []


def test_a_page_cut_off_inside_the_last_clause_of_a_list() -> None:
    text = ("市某局党组存在的主要问题:学习制度执行不严,议事程序不规范。干部管理偏松,"
            "台账管理混乱,廉政提醒针")
    assert titles(text) == ["学习制度执行不严", "议事程序不规范", "干部管理偏松", "台账管理混乱"]


def test_problems_after_xuncha_faxian_separated_by_semicolons() -> None:
    text = "巡察发现,该镇党委落实上级决策部署有偏差;基层党组织建设薄弱;“三资”管理混乱。"
    assert titles(text) == ["该镇党委落实上级决策部署有偏差", "基层党组织建设薄弱", "“三资”管理混乱"]


def test_semicolons_after_xuncha_faxian_that_are_not_all_faults() -> None:
    text = "巡察发现,该镇党委重视党建工作;各村面貌焕然一新。"
    assert titles(text) == []


def test_semicolons_between_series_after_xuncha_faxian_leave_the_series_whole() -> None:
    text = ("近日,县委巡察组向甲镇、乙镇反馈巡察情况。对甲镇巡察发现,存在党建工作薄弱、财务管理混乱等问题;"
            "对乙镇巡察发现,存在村级班子弱化、项目监管不严等问题。")
    assert titles(text) == ["党建工作薄弱", "财务管理混乱", "村级班子弱化", "项目监管不严"]


def test_a_subject_between_zhichu_and_its_fields_of_work() -> None:
    text = ("反馈会上,巡察组指出,该局党组在落实主体责任方面,有的支部组织生活不规范,有的干部廉洁意识淡薄;"
            "在选人用人方面,干部档案管理不规范。")
    found = findings(text)
    assert [(f.category, f.title) for f in found] == [
        ("落实主体责任方面", "有的支部组织生活不规范"),
        ("落实主体责任方面", "有的干部廉洁意识淡薄"),
        ("选人用人方面", "干部档案管理不规范"),
    ]


def test_a_colon_lead_naming_how_many_fields() -> None:
    text = "区委巡察组反馈了巡察情况。主要问题有三个方面:一是学习制度执行不严;二是台账管理混乱;三是议事程序不规范。"
    assert titles(text) == ["学习制度执行不严", "台账管理混乱", "议事程序不规范"]


def test_a_series_without_deng_after_a_colon_lead() -> None:
    text = "反馈会上,巡察组组长指出了存在的问题:学习制度执行不严、台账管理混乱、议事程序不规范。"
    assert titles(text) == ["学习制度执行不严", "台账管理混乱", "议事程序不规范"]


def test_a_series_without_deng_of_fields_stays_whole() -> None:
    text = "反馈会上,巡察组组长指出了存在的问题:党的政治建设、思想建设、组织建设。"
    assert titles(text) == ["党的政治建设、思想建设、组织建设"]


def test_clauses_opening_bufen_after_xuncha_faxian() -> None:
    text = "巡察中发现,部分村党组织落实主体责任不到位,有的村“三会一课”流于形式,有的村财务管理混乱。"
    assert titles(text) == ["部分村党组织落实主体责任不到位", "有的村“三会一课”流于形式", "有的村财务管理混乱"]


def test_praise_opening_bufen_after_xuncha_faxian_is_no_list() -> None:
    assert titles("巡察发现,部分村党组织工作扎实,有的村面貌一新。") == []


def test_a_rectification_cut_off_after_its_first_field_of_quoted_problems() -> None:
    text = ("关于巡察整改情况的通报\n一、关于“党的领导弱化”方面的问题\n(一)“学习不深入”的问题\n"
            "整改情况:制定学习计划,开展专题学习。\n(二)“议事规则执行不严”的问题\n整改情况:修订议事规则。")
    found = findings(text, "rectification")
    assert [f.title for f in found] == ["学习不深入", "议事规则执行不严"]
    assert all(f.category and "党的领导弱化" in f.category for f in found)


def test_an_enumeration_after_a_short_subject() -> None:
    found = findings("巡察发现,该局一是学习制度执行不严;二是台账管理混乱;三是议事程序不规范。")
    assert [(f.seq, f.title) for f in found] == [
        (1, "学习制度执行不严"), (2, "台账管理混乱"), (3, "议事程序不规范")]


def test_clauses_after_fankui_zhichu_separated_by_semicolons() -> None:
    text = ("巡察组反馈指出,该县贯彻新发展理念有差距,产业转型步伐不快;落实主体责任不到位,“四风”问题仍然存在;"
            "选人用人把关不严。")
    assert titles(text) == ["该县贯彻新发展理念有差距", "产业转型步伐不快", "落实主体责任不到位",
                            "“四风”问题仍然存在", "选人用人把关不严"]


def test_praise_before_semicolons_leaves_the_list_after_it() -> None:
    text = "巡察组反馈指出,该县取得了一定成效;但也发现了一些问题,有的村财务管理混乱,有的村干部作风漂浮。"
    assert titles(text) == ["有的村财务管理混乱", "有的村干部作风漂浮"]


def test_a_field_of_work_said_to_fall_short_before_youde_items() -> None:
    text = "巡察发现,该镇党委在落实管党治党责任方面还存在差距,有的支部组织生活不规范,有的干部纪律意识淡薄。"
    assert [(f.category, f.title) for f in findings(text)] == [
        ("落实管党治党责任方面", "有的支部组织生活不规范"), ("落实管党治党责任方面", "有的干部纪律意识淡薄")]


def test_a_colon_lead_after_fankui_shi_zhichu() -> None:
    text = "巡察组反馈时指出,县教育局党组主要存在以下问题:学习制度执行不严,台账管理混乱,议事程序不规范。"
    assert titles(text) == ["学习制度执行不严", "台账管理混乱", "议事程序不规范"]


def test_units_listed_below_a_line_that_publishes_the_feedback() -> None:
    text = ("区委巡察组分别向两家单位反馈巡察情况,现将反馈情况公布如下:\n(一)区教育局党组\n1.学习制度执行不严。\n"
            "2.台账管理混乱。\n(二)区民政局党组\n1.议事程序不规范。\n2.资金监管不严。")
    assert [(f.seq, f.title) for f in findings(text)] == [
        (1, "学习制度执行不严"), (2, "台账管理混乱"), (1, "议事程序不规范"), (2, "资金监管不严")]


def test_unit_labels_below_a_line_that_publishes_the_feedback() -> None:
    text = ("区委巡察组分别向两家单位反馈巡察情况,现将反馈情况公布如下:\n区教育局党组:学习制度执行不严;台账管理混乱。\n"
            "区民政局党组:议事程序不规范;资金监管不严。")
    assert titles(text) == ["学习制度执行不严", "台账管理混乱", "议事程序不规范", "资金监管不严"]


def test_praise_below_a_line_that_publishes_the_feedback_is_no_list() -> None:
    text = "区委巡察组反馈了巡察情况,现将反馈情况公布如下:\n区教育局党组高度重视巡察工作,各项工作取得新进展。"
    assert titles(text) == []


def test_numbered_problems_under_each_unit_heading() -> None:
    text = ("区委巡察组分别向两家单位反馈巡察情况。\n(一)区教育局党组\n1.学习制度执行不严。\n2.台账管理混乱。\n"
            "(二)区民政局党组\n1.议事程序不规范。\n2.资金监管不严。")
    assert [(f.seq, f.title) for f in findings(text)] == [
        (1, "学习制度执行不严"), (2, "台账管理混乱"), (1, "议事程序不规范"), (2, "资金监管不严")]



def test_a_field_of_work_right_before_the_verb_of_a_series() -> None:
    text = "巡察组指出,该局在党的领导方面存在学习制度执行不严、议事程序不规范等问题;在党的建设方面存在台账管理混乱等问题。"
    assert [(f.category, f.title) for f in findings(text)] == [
        ("党的领导方面", "学习制度执行不严"), ("党的领导方面", "议事程序不规范"), ("党的建设方面", "台账管理混乱")]


def test_a_rectification_cut_off_after_its_first_field_of_problems_closed_by_de_wenti() -> None:
    text = ("关于巡察整改情况的通报\n一、党的领导方面\n(一)学习贯彻不深入的问题。\n整改情况:制定学习计划。\n"
            "(二)议事规则执行不严的问题。\n整改情况:修订议事规则。")
    found = findings(text, "rectification")
    assert [(f.category, f.title) for f in found] == [
        ("党的领导方面", "学习贯彻不深入"), ("党的领导方面", "议事规则执行不严")]


def test_demands_after_xuncha_zhichu_separated_by_semicolons_are_no_list() -> None:
    text = "巡察组指出,要着力解决学习制度执行不严的问题;要认真整改台账管理混乱的问题。"
    assert titles(text) == []


def test_a_pledge_to_answer_the_problems_is_no_list() -> None:
    text = "局党组书记表示,对巡察组指出的问题照单全收:一是提高站位;二是压实责任;三是建立长效机制。"
    assert titles(text) == []


@pytest.mark.parametrize("text", [
    "巡察组指出,近年来该局在党的建设方面,取得了明显成效,干部队伍建设不断加强。",
    "巡察组指出,该局在服务群众方面还存在差距,要进一步加强窗口建设。",
    "反馈指出,该局有的干部主动担当,有的支部创新党建品牌。",
])
def test_praise_or_demands_after_a_subject_are_no_list(text: str) -> None:
    assert titles(text) == []


@pytest.mark.parametrize("lead", ["巡察发现,", "巡察组指出,", "巡察组在反馈中指出,"])
def test_clauses_after_a_lead_separated_by_commas(lead: str) -> None:
    text = f"{lead}该局学习制度执行不严,台账管理混乱,议事程序不规范。巡察组要求,限期整改。"
    assert titles(text)[1:] == ["台账管理混乱", "议事程序不规范"]
    assert titles(text)[0].endswith("学习制度执行不严")


def test_praise_before_the_problems_keeps_the_colon_lead_after_it() -> None:
    text = ("巡察组反馈指出,该镇党委重视基层管理,在民生事项落实等方面取得了一定成效,但仍存在一些问题。"
            "主要是:学习制度执行不严、台账管理混乱、议事程序不规范等问题。")
    assert titles(text) == ["学习制度执行不严", "台账管理混乱", "议事程序不规范"]


def test_a_series_whose_first_member_opens_with_its_subject() -> None:
    text = "反馈会上,巡察组指出该局学习制度执行不严、台账管理混乱、议事程序不规范等问题。"
    assert titles(text) == ["该局学习制度执行不严", "台账管理混乱", "议事程序不规范"]


def test_clauses_after_dan_that_follows_praise() -> None:
    text = "巡察发现,该局党组在推动发展上取得了一定成效,但学习制度执行不严,台账管理混乱,议事程序不规范。"
    assert titles(text) == ["学习制度执行不严", "台账管理混乱", "议事程序不规范"]


def test_demands_after_dan_that_follows_praise_are_no_list() -> None:
    text = "巡察组指出,该局工作取得了一定成效,但要进一步加强学习,完善制度,严格管理。"
    assert titles(text) == []
