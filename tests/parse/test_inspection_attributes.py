"""What an announcement says once for many units: kind, term and round, group, mode and dates.

Every snippet is invented (units, places, people); each reproduces a phrasing seen in several
published releases.
"""
from __future__ import annotations

import pytest

from xunshi.parse.extract.inspections import extract_inspections
from xunshi.parse.model import Inspection


def one(text: str) -> Inspection:
    (insp,) = extract_inspections(text)
    return insp


def test_kind_term_and_authority_of_an_earlier_clause() -> None:
    text = ("八届某某区委于2020年10月至2021年1月开展了第六轮常规巡察,分七组对区委宣传部、区档案馆"
            "等19个单位开展了集中巡察。巡察情况经书记专题会议讨论通过后,于2021年2月1日至3日对相关单位"
            "进行了反馈。")
    got = {(i.authority, i.term, i.round_no, i.kind, str(i.started_on), str(i.feedback_on))
           for i in extract_inspections(text)}
    assert got == {("区委", 8, 6, "常规", "2020-10", "2021-02-01")}


def test_kind_of_the_groups_sent() -> None:
    text = "4月8日,八届市委第五轮巡察成立三个常规巡察组,正式进驻甲局党组、乙局党组开展巡察工作。"
    assert {(i.kind, i.term, i.round_no) for i in extract_inspections(text)} == {("常规", 8, 5)}


@pytest.mark.parametrize("text", [
    "根据省委专项巡视工作部署,市委第二巡察组对市林业局开展了巡察。",
    "按照十九届中央纪委四次全会部署,县委第一巡察组对县水务局进行了巡察。",
])
def test_a_kind_or_term_cited_from_another_bodys_work_is_not_this_ones(text: str) -> None:
    i = one(text)
    assert (i.kind, i.term) == (None, None)


def test_a_kind_another_phrase_names_for_its_own_units_is_not_shared() -> None:
    got = [(i.target, i.kind) for i in extract_inspections("市委第二巡察组对甲局开展专项巡察,对乙局开展了巡察。")]
    assert got == [("甲局", "专项"), ("乙局", None)]


def test_the_rounds_kind_stated_after_the_units() -> None:
    text = "4月23日,县委第四巡察组完成对甲村党支部、乙村党支部的进驻。本轮巡察为“回头看”,巡察时间20天左右。"
    assert {i.kind for i in extract_inspections(text)} == {"回头看"}


def test_the_group_of_a_preceding_sentence() -> None:
    text = ("近日,市委第三巡察组召开巡察反馈会。会上,组长某某向市财政局党组反馈了巡察意见。\n"
            "此前,市委第一巡察组已向市审计局党组反馈了巡察意见。")
    got = [(i.target, i.group_name) for i in extract_inspections(text)]
    assert got == [("市财政局党组", "市委第三巡察组"), ("市审计局党组", "市委第一巡察组")]


@pytest.mark.parametrize(("text", "groups"), [
    ("根据中央统一部署,中央第七、第八、第九巡视组近日分别进驻甲集团、乙公司、丙集团公司开展专项巡视工作。",
     ["中央第七巡视组", "中央第八巡视组", "中央第九巡视组"]),
    ("2023年4月至6月,市委第一至第三巡察组分别对甲局、乙局、丙局开展了常规巡察。",
     ["市委第一巡察组", "市委第二巡察组", "市委第三巡察组"]),
])
def test_groups_named_together_take_one_unit_each(text: str, groups: list[str]) -> None:
    assert [i.group_name for i in extract_inspections(text)] == groups


def test_groups_named_together_without_pairing_name_no_group_of_a_unit() -> None:
    """Two groups for two units, not said which took which: neither is tied to either unit."""
    got = [(i.authority, i.group_name) for i in extract_inspections("2023年4月至6月,市委第一、第二巡察组对甲局、乙局开展了巡察。")]
    assert got == [("市委", None), ("市委", None)]


def test_a_feedback_round_gives_its_mode_and_a_recent_day_its_date() -> None:
    text = ("根据学校党委部署,学校第三届党委第四轮巡察反馈工作近日全部完成。"
            "4个巡察组分别向甲学院党委、乙学院党委进行了现场反馈。\n(校纪委)\n2021年6月3日")
    got = {(i.mode, i.term, i.round_no, str(i.feedback_on)) for i in extract_inspections(text)}
    assert got == {("巡察", 3, 4, "2021-06-03")}


@pytest.mark.parametrize(("opening", "start"), [
    ("县委4个巡察组从3月17日起对县公安局开展常规巡察。", "2021-03-17"),
    ("从2020年8月30日开始,集团公司党委巡察组对甲公司进行了巡察。", "2020-08-30"),
    ("区委第二巡察组自2021年9月20日起,进驻甲街道开展为期3个月的巡察。", "2021-09-20"),
])
def test_an_open_range_starts_the_tour(opening: str, start: str) -> None:
    i = one(f"{opening}\n特此公告。\n中共某某县委巡察工作领导小组办公室\n2021年5月21日")
    assert (str(i.started_on), i.ended_on) == (start, None)


def test_a_feedback_day_takes_the_year_given_in_an_earlier_paragraph() -> None:
    text = ("2023年3月1日至3月24日,县委第一巡察组对县林业局开展了巡察。\n"
            "5月6日,县委第一巡察组向县林业局党组反馈了巡察意见。")
    i = one(text)
    assert (str(i.started_on), str(i.ended_on), str(i.feedback_on)) == (
        "2023-03-01", "2023-03-24", "2023-05-06")


def test_a_joint_special_inspection_is_special() -> None:
    assert one("区委巡察组对区发改局开展上下联动专项巡察。").kind == "专项"


def test_a_count_of_groups_names_who_sent_them() -> None:
    text = "按照某某党委统一部署,2025年4月27日至29日,集团公司党委2个巡视组分别进驻甲公司、乙公司开展常规巡视。"
    got = {(i.authority, str(i.started_on), i.ended_on) for i in extract_inspections(text)}
    assert got == {("集团公司党委", "2025-04-27", None)}  # the days of arrival, not the tour


def test_the_day_the_groups_leave_ends_the_tour() -> None:
    text = ("县委4个巡察组从3月17日起对县公安局开展常规巡察。按照时间安排,各巡察组将于2021年5月21日17:00前撤离。\n"
            "特此公告。\n中共某某县委巡察工作领导小组办公室\n2021年5月21日")
    i = one(text)
    assert (str(i.started_on), str(i.ended_on)) == ("2021-03-17", "2021-05-21")


@pytest.mark.parametrize("label", ["一、巡察时间\n2025年3月24日至5月30日。", "本轮巡察集中进驻时间为2025年3月24日至5月30日。"])
def test_a_tour_under_its_own_label(label: str) -> None:
    text = f"巡察公告\n按照市委统一安排,六届市委第九轮巡察派出6个巡察组对市委办公室开展常规巡察。\n{label}\n二、巡察内容"
    i = one(text)
    assert (str(i.started_on), str(i.ended_on)) == ("2025-03-24", "2025-05-30")


def test_the_day_of_a_mobilisation_meeting_starts_the_tour() -> None:
    i = one("根据县委统一部署,2025年10月11日,县委第一巡察组对县城投集团党委开展巡察“回头看”工作动员会在集团会议室召开。")
    assert (i.target, i.kind, str(i.started_on), i.ended_on) == ("县城投集团党委", "回头看", "2025-10-11", None)


def test_a_bare_feedback_day_after_a_tour_at_the_years_end_is_in_the_next_year() -> None:
    text = ("根据市委统一部署,2017年10月至12月,市委5个巡察组分别对市人社局、市教育局开展巡察。"
            "1月24日至1月30日,市委巡察组分别向被巡察单位反馈了巡察情况。")
    assert {str(i.feedback_on) for i in extract_inspections(text)} == {"2018-01-24"}


def test_a_round_numbered_by_a_committee_of_the_ordering_body() -> None:
    text = ("6月1日,集团公司第一届党委第三轮巡察工作动员会召开。\n"
            "按照集团公司党委统一部署,本轮巡察共派出6个巡察组,对甲公司、乙中心等17家单位党组织开展巡察。")
    assert {(i.authority, i.term, i.round_no) for i in extract_inspections(text)} == {("集团公司党委", 1, 3)}


@pytest.mark.parametrize(("text", "expected"), [
    ("12月19日,第十二届学校党委首轮巡察4个巡察组分别向甲学院党委反馈巡察意见。", (12, 1, None)),
    ("经省委研究决定,今年第四批巡视安排巡视26个地方和单位。省委巡视组对甲市开展常规巡视。", (None, None, 4)),
])
def test_a_first_round_or_a_batch_without_its_round(text: str, expected: tuple) -> None:
    i = one(text)
    assert (i.term, i.round_no, i.batch_no) == expected


def test_the_kind_a_later_sentence_names_for_this_round() -> None:
    text = "9月5日,地委第一巡察组巡察甲县乙乡动员会召开。会上,组长讲明了这次常规巡察的监督重点。"
    assert one(text).kind == "常规"


def test_a_summary_line_above_the_body_is_no_headline() -> None:
    text = ("摘要:8月26日,县委巡察工作领导小组听取巡察情况汇报,各巡察组分别就交通问题专项巡察及甲乡、乙局等被巡单位的情况进行汇报\n"
            "8月26日,县委第一巡察组对丙局开展了巡察。")
    assert one(text).kind is None


@pytest.mark.parametrize(("text", "group", "authority"), [
    ("2019年9月19日,十三届某县委第七轮巡察第五巡察组向甲镇党委反馈巡察情况。", "县委第五巡察组", "县委"),
    ("近日,某市委医疗卫生领域第六专项巡察组向甲县人民医院党委反馈巡察情况。", "市委医疗卫生领域第六专项巡察组", "市委"),
    ("10月22日,集团第二专项巡察组向甲服务区公司反馈巡察情况。", "集团第二专项巡察组", "集团"),
])
def test_group_names_with_a_round_a_field_or_a_company(text: str, group: str, authority: str) -> None:
    i = one(text)
    assert (i.group_name, i.authority) == (group, authority)


def test_a_group_named_by_its_number_after_another() -> None:
    text = "9月5日,地委第一巡察组巡察甲县乙乡,第六巡察组巡察甲县丙镇动员会分别召开。"
    got = [(i.target, i.group_name) for i in extract_inspections(text)]
    assert got == [("甲县乙乡", "地委第一巡察组"), ("甲县丙镇", "地委第六巡察组")]


def test_an_image_file_name_does_not_end_the_opening() -> None:
    text = ("区委第三巡察组向区法院党组反馈巡察情况\n根据安排,2024年8月22日,区委第三巡察组巡察区法院党组情况反馈会召开。\n"
            "20240829135033.jpg\n2024年3月20日至4月19日,区委第三巡察组对区法院党组进行了巡察。")
    i = one(text)
    assert (str(i.started_on), str(i.ended_on), str(i.feedback_on)) == (
        "2024-03-20", "2024-04-19", "2024-08-22")


def test_groups_named_one_by_one_take_a_unit_each() -> None:
    text = ("按照集团党委统一部署,集团党委第二轮巡察将对甲分公司、乙分公司开展常规巡察。"
            "目前,集团党委第一、第二巡察组已分别入驻甲分公司党委和乙分公司党委。")
    got = [(i.target, i.group_name, i.kind) for i in extract_inspections(text)]
    assert got == [("甲分公司", "集团党委第一巡察组", "常规"), ("乙分公司", "集团党委第二巡察组", "常规")]


def test_a_labelled_tour_a_few_words_after_its_label() -> None:
    text = ("按照市委统一部署,五届市委第五轮巡察对市委党校开展常规巡察。现将有关事项公告如下:\n一、巡察时间安排\n"
            "常规巡察从2019年4月1日开始,5月31日结束;提级巡察从2019年4月1日开始,4月30日结束。")
    i = one(text)
    assert (str(i.started_on), str(i.ended_on)) == ("2019-04-01", "2019-05-31")


def test_a_labelled_period_ends_the_tour_an_arrival_starts() -> None:
    text = ("按照区委统一部署要求,2020年8月20日,区委第一巡察组进驻区人大机关党支部,开展为期60天的巡察工作。\n"
            "巡察组在巡察期间(2020年8月20日至2020年10月20日),设有举报电话。")
    i = one(text)
    assert (str(i.started_on), str(i.ended_on)) == ("2020-08-20", "2020-10-20")


def test_the_rounds_tour_for_units_its_task_lines_name() -> None:
    text = ("根据县委统一安排,县委第二、第三巡察组于2020年5月10日至7月30日对县人大机关等4个单位开展巡察。现公告如下:\n"
            "一、受理信访方式\n(一)县委第二巡察组巡察县人大机关、县政协机关。\n(二)县委第三巡察组巡察县一中。")
    got = {(str(i.started_on), str(i.ended_on)) for i in extract_inspections(text)}
    assert got == {("2020-05-10", "2020-07-30")}


def test_two_tours_give_no_unit_named_elsewhere_either() -> None:
    text = ("2020年5月10日至7月30日,县委第二巡察组对县人大机关开展巡察;2020年9月1日至10月30日,县委第三巡察组对县一中开展巡察。"
            "\n一、受理信访方式\n(一)县委第四巡察组巡察县审计局。")
    assert [(i.target, i.started_on) for i in extract_inspections(text)][-1] == ("县审计局", None)


def test_the_authority_convening_the_rounds_mobilisation() -> None:
    text = ("5月8日,某某委党委召开巡视工作会议暨2025年第一轮巡视动员部署会。\n"
            "根据部署,此轮巡视将对甲集团有限公司、乙集团有限公司等2家企业党委开展常规巡视。")
    assert {i.authority for i in extract_inspections(text)} == {"某某委党委"}


def test_the_committee_sending_the_groups_not_the_one_approving_the_round() -> None:
    text = "经市委批准,县委派出3个巡察组,对县甲局、县乙局等2个单位开展常规巡察。"
    assert {i.authority for i in extract_inspections(text)} == {"县委"}
