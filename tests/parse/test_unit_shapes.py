"""More shapes in which releases name the units inspected: arrivals, meetings, object lists.

Every snippet is invented (units, places, people); each reproduces a phrasing seen in several
published releases (university, county, city and SOE pages), read for the shape, not copied.
"""
from __future__ import annotations

import pytest

from xunshi.parse.extract.inspections import extract_inspections


def targets(text: str) -> list[str]:
    return [i.target for i in extract_inspections(text)]


@pytest.mark.parametrize(("text", "expected"), [
    # groups named without their authority, the day between them and the verb, the list ending its clause
    ("根据校党委统一部署,校党委第三轮巡察的2个巡察组于10月9日分别进驻甲学院党委和乙学院党委,"
     "通过召开巡察动员会,正式开启驻点巡察。", ["甲学院党委", "乙学院党委"]),
    ("县委3个巡察组已于近日分别进驻县甲局、县乙局和丙镇,并召开了巡察工作动员会。",
     ["县甲局", "县乙局", "丙镇"]),
    ("十七届党委第二轮巡察2个巡察组完成向甲学院党委、乙学院党委等2个党组织进驻。",
     ["甲学院党委", "乙学院党委"]),
    # 对象 inside the list is no new object of 对
    ("10月12日,县委4个巡察组已分别完成对甲镇、县乙局等2个被巡察对象的进驻。", ["甲镇", "县乙局"]),
])
def test_groups_arriving_at_units(text: str, expected: list[str]) -> None:
    assert targets(text) == expected


@pytest.mark.parametrize("text", [
    "巡察组进驻第一天,召开了动员会。",
    "集团第二巡察组进驻后,召开了巡察工作动员会。",
])
def test_an_arrival_names_no_unit_without_a_units_name(text: str) -> None:
    assert targets(text) == []


def test_a_meeting_named_for_the_units_it_mobilises() -> None:
    text = ("4月9日至12日,某市委第一至第二巡察组分别召开巡察市甲委党委、市乙局党组等2个市直部门(单位)"
            "工作动员会;同时召开专项巡察北部山区贫困村工作动员会。巡察组依次召开了巡察丙中心党总支、"
            "丁教学部党总支进驻动员会。")
    assert targets(text) == ["市甲委党委", "市乙局党组", "丙中心党总支", "丁教学部党总支"]


@pytest.mark.parametrize("text", [
    "巡察组召开巡察工作动员会。",
    "区委第一巡察组召开专项巡察工作进驻动员会。",
])
def test_a_mobilisation_meeting_without_units_names_none(text: str) -> None:
    assert targets(text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("4月2日,巡察工作领导小组会议确定了第二轮校内巡察的对象为甲学院党委、乙学院党委。",
     ["甲学院党委", "乙学院党委"]),
    ("本轮巡察工作的对象是县甲局、县乙局。", ["县甲局", "县乙局"]),
    # counted, then named, in a sentence about an inspection
    ("某省委巡视组转入第二批巡视,本批次共3所高校,分别是甲大学、乙学院、丙学院。",
     ["甲大学", "乙学院", "丙学院"]),
    ("本轮巡视进入反馈阶段,首批反馈巡视意见的有2家单位,分别是甲集团、乙公司。", ["甲集团", "乙公司"]),
])
def test_units_listed_as_the_rounds_objects(text: str, expected: list[str]) -> None:
    assert targets(text) == expected


def test_units_counted_then_named_outside_an_inspection_are_none() -> None:
    assert targets("巡察发现问题12个,分别是甲问题、乙问题。全县共有3个街道,分别是甲街道、乙街道、丙街道。") == []


def test_a_comma_group_closing_on_its_party_organisations() -> None:
    text = "5个巡察组将对6个区直部门(单位)党组织,甲镇党委、乙镇党委等2个镇及30个行政村党组织开展常规巡察。"
    got = [(i.target, i.kind) for i in extract_inspections(text)]
    assert got == [("甲镇党委", "常规"), ("乙镇党委", "常规")]


def test_a_counted_visit_in_the_units_sentence_gives_their_kind_and_mode() -> None:
    text = ("10月12日,县委2个巡察组已完成对甲镇、县乙局等2个被巡察对象的进驻,对1个乡镇党委和1个县直单位"
            "党组织开展“机动式”巡察。")
    assert [(i.target, i.kind, i.mode) for i in extract_inspections(text)] == [
        ("甲镇", "机动", "巡察"), ("县乙局", "机动", "巡察")]


def test_a_range_restated_from_the_arrival_day_ends_the_tour() -> None:
    text = ("2017年10月12日,县委2个巡察组已完成对甲镇、乙乡的进驻。\n"
            "本轮巡察为期6天,自2017年10月12日开始,10月17日结束。")
    (a, b) = extract_inspections(text)
    assert (str(a.started_on), str(a.ended_on)) == ("2017-10-12", "2017-10-17")


def test_the_days_letters_are_received_are_not_the_tour() -> None:
    text = ("区委第二巡察组自2024年9月20日起,进驻甲街道开展巡察。本轮巡察受理信访时间为2024年9月20日至12月5日。")
    (i,) = extract_inspections(text)
    assert (str(i.started_on), i.ended_on) == ("2024-09-20", None)


def test_the_day_a_tour_ends_named_after_the_verb() -> None:
    text = ("截至11月15日,五届区委第九轮巡察完成进驻工作。5个巡察组将对甲镇党委开展常规巡察。"
            "巡察组将在被巡察单位工作2个月左右,2025年1月15日结束现场巡察。")
    (i,) = extract_inspections(text)
    assert str(i.ended_on) == "2025-01-15"


@pytest.mark.parametrize(("text", "expected"), [
    ("6月27日,某市委巡察组分别向甲县乙镇、丙镇等2个乡镇党组织反馈巡察情况。", ["甲县乙镇", "丙镇"]),
    ("2019年8月26日,市委巡察组组长代表市委巡察组向甲县乙镇反馈了巡察情况。", ["甲县乙镇"]),
])
def test_towns_fed_back_to(text: str, expected: list[str]) -> None:
    assert targets(text)[: len(expected)] == expected


def test_a_feedback_meeting_dates_the_feedback_given_in_the_next_sentence() -> None:
    text = ("2022年10月31日,我校召开第二轮科研经费专项巡察意见反馈会。\n"
            "巡察组组长分别向科研处、财务处就科研经费专项巡察情况反馈了意见。")
    got = [(i.target, i.kind, str(i.feedback_on)) for i in extract_inspections(text)]
    assert got == [("科研处", "专项", "2022-10-31"), ("财务处", "专项", "2022-10-31")]


@pytest.mark.parametrize("text", [
    "各巡察组组长作动员讲话,对扎实开展巡察工作提出要求。",
    "县委上下联动巡察组对甲镇所辖村(社区)党组织开展了巡察。",
    "以交叉巡察方式对全县60个村(社区)近三年来的集体资金、资产、资源管理情况开展专项巡察。",
])
def test_adverbs_collectives_and_topics_are_no_units(text: str) -> None:
    assert targets(text) == []


def test_places_joined_by_ji_after_a_city() -> None:
    text = "省委第一、第二、第三巡视组分别进驻甲市、乙市及丙县开展巡视“回头看”。"
    assert targets(text) == ["甲市", "乙市", "丙县"]


def test_a_group_coming_to_the_units_to_hold_its_meeting() -> None:
    text = "日前,县委第二巡察组先后来到甲镇东村、西山社区、北村召开党组织巡察工作动员会。"
    assert targets(text) == ["甲镇东村", "甲镇西山社区", "甲镇北村"]


@pytest.mark.parametrize(("text", "expected"), [
    ("3月16日下午,县甲局党组召开巡察整改专题民主生活会,对照县委第二巡察组反馈意见,逐条剖析。",
     [("县甲局党组", "县委", "县委第二巡察组")]),
    ("2021年11月9日乙纪念馆管理处召开了巡察整改督查情况汇报会。管理处将继续按照县委第一巡察组的反馈意见抓好整改。",
     [("乙纪念馆管理处", "县委", "县委第一巡察组")]),
    ("11月5日,市丙机关党组召开市委第三提级(交叉)巡察组巡察丙机关反馈问题整改专题民主生活会。",
     [("市丙机关党组", "市委", "市委第三提级(交叉)巡察组")]),
])
def test_a_unit_holding_a_meeting_on_its_rectification(text: str, expected: list) -> None:
    assert [(i.target, i.authority, i.group_name) for i in extract_inspections(text)] == expected


@pytest.mark.parametrize("text", [
    "3月16日下午,县委召开巡察整改工作推进会。",
    "县委巡察办召开巡察整改督导会。市委常委会召开巡视整改专题民主生活会。",
    "3月23日下午,院党委召开医院落实市委专项巡察反馈意见整改工作动员大会。",
])
def test_a_convener_of_rectification_meetings_is_no_unit_inspected(text: str) -> None:
    assert targets(text) == []


def test_a_comma_group_is_no_clause_of_its_own() -> None:
    text = "11月3日上午,市委第三巡察组进驻市委办公室系统单位,开始对市委办公室、市委政研室进行为期1个月的政治巡察。"
    assert targets(text) == ["市委办公室", "市委政研室"]


def test_a_subsidiary_named_without_its_owner() -> None:
    text = "甲集团党委第二巡察组于2024年3月5日至4月30日对所属乙公司党委开展了常规巡察,5月28日召开巡察反馈会议。"
    (i,) = extract_inspections(text)
    assert (i.target, i.group_name, str(i.feedback_on)) == ("乙公司党委", "集团党委第二巡察组", "2024-05-28")


def test_a_feedback_meeting_dated_after_its_title() -> None:
    text = "市委第二巡察组对甲镇党委开展巡察“回头看”情况反馈会于2022年8月3日召开。"
    (i,) = extract_inspections(text)
    assert (i.target, i.kind, str(i.feedback_on)) == ("甲镇党委", "回头看", "2022-08-03")


@pytest.mark.parametrize(("text", "expected"), [
    ("中央第三巡视组巡视甲省工作动员会召开\n2月25日,中央第三巡视组巡视甲省工作动员会在乙市召开。", ["甲省"]),
    ("截至10月13日,中央巡视组已完成进驻。中央第一巡视组进驻甲省,中央第二巡视组进驻乙自治州。",
     ["甲省", "乙自治州"]),
    # a place's committee fed back to: the place was inspected
    ("日前,中央第一巡视组向甲省委反馈了巡视情况;省委第二巡视组向乙市委反馈了巡视情况。", ["甲省", "乙市"]),
    ("团县委召开巡察整改专题民主生活会,对照县委第一巡察组反馈意见逐条整改。", ["团县委"]),
])
def test_provinces_prefectures_and_their_committees(text: str, expected: list[str]) -> None:
    assert targets(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("十三届县委第五轮巡察于近日启动,本轮被巡察单位为县甲局、县乙局、丙镇。", ["县甲局", "县乙局", "丙镇"]),
    ("本轮巡察的单位包括县甲局、县乙局和丙镇。", ["县甲局", "县乙局", "丙镇"]),
    ("县委第五轮巡察共巡察3个单位:县甲局、县乙局、丙镇。", ["县甲局", "县乙局", "丙镇"]),
    ("县委巡察组将对以下单位开展巡察:县甲局、县乙局、丙镇。", ["县甲局", "县乙局", "丙镇"]),
])
def test_units_listed_after_a_word_for_them(text: str, expected: list[str]) -> None:
    assert targets(text) == expected
    assert {i.mode for i in extract_inspections(text)} == {"巡察"}


@pytest.mark.parametrize("text", [
    "被巡察单位有关负责人参加会议。",
    "本轮巡察突出3个重点:政治建设、选人用人、廉洁自律。",
    "本轮巡察共发现问题12个,涉及5个单位:县甲局、县乙局。",
])
def test_lists_of_topics_or_of_units_with_findings_are_none(text: str) -> None:
    assert targets(text) == []


def test_a_group_going_to_a_unit_to_feed_back() -> None:
    text = "根据市委巡察工作统一部署,3月30日下午,副市长王某率市委第三巡察组到市甲局反馈巡察“回头看”情况。"
    (i,) = extract_inspections(text)
    assert (i.target, i.group_name, i.kind) == ("市甲局", "市委第三巡察组", "回头看")


def test_a_school_fed_back_to() -> None:
    text = "2024年12月17日下午,区委第二巡察组向甲市乙中学反馈了巡察情况。"
    assert targets(text) == ["甲市乙中学"]


def test_short_names_a_count_vouches_for() -> None:
    text = "12月22日,省甲委党委第一巡察组进驻丙远洋、丁重工,对集团所属2家企业开展专项巡察。"
    assert [(i.target, i.authority, i.group_name, i.kind) for i in extract_inspections(text)] == [
        (name, "省甲委党委", "省甲委党委第一巡察组", "专项") for name in ("丙远洋", "丁重工")]


@pytest.mark.parametrize("text", [
    "集团巡察组进驻丙远洋、丁重工,并召开动员会。",  # no count: short names are not known to be units
    "集团巡察组进驻丙远洋、丁重工,对集团所属3家企业开展专项巡察。",  # the count disagrees
])
def test_short_names_no_count_vouches_for_are_none(text: str) -> None:
    assert targets(text) == []
