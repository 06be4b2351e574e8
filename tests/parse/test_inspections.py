"""Inspections: targets, groups, rounds, kinds and dates from a report's opening."""
from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from xunshi.parse.extract.inspections import extract_inspections
from xunshi.parse.extract.targets import split_targets
from xunshi.parse.model import Inspection
from xunshi.parse.normalize import normalize


def one(text: str) -> Inspection:
    (insp,) = extract_inspections(text)
    return insp


def targets(text: str) -> list[str]:
    return [i.target for i in extract_inspections(text)]


def test_single_target_with_tour_and_feedback() -> None:
    i = one("按照区委统一部署,2021年4月7日至5月28日,区委第二巡察组对区财政局党组进行了巡察。"
            "2021年7月5日,区委第二巡察组向区财政局党组反馈了巡察意见。")
    assert (i.target, i.authority, i.group_name, i.mode) == (
        "区财政局党组", "区委", "区委第二巡察组", "巡察")
    assert (str(i.started_on), str(i.ended_on), str(i.feedback_on)) == (
        "2021-04-07", "2021-05-28", "2021-07-05")
    assert (i.term, i.round_no, i.batch_no) == (None, None, None)


@pytest.mark.parametrize(("phrase", "group", "authority"), [
    ("省委巡视第二组", "省委巡视第二组", "省委"),
    ("市委巡视三组", "市委巡视三组", "市委"),
    ("某某市委第五巡察组", "市委第五巡察组", "市委"),
    ("中央第八巡视组", "中央第八巡视组", "中央"),
    ("旗委第一巡察组", "旗委第一巡察组", "旗委"),
    ("集团公司党委第三巡视组", "集团公司党委第三巡视组", "集团公司党委"),
    ("自治区党委第二巡视组", "自治区党委第二巡视组", "自治区党委"),
    ("区党委第二巡视组", "区党委第二巡视组", "区党委"),
])
def test_group_word_orders(phrase: str, group: str, authority: str) -> None:
    i = one(f"2020年5月至7月,{phrase}对某某公司党委开展了常规巡视。")
    assert (i.group_name, i.authority, i.kind) == (group, authority, "常规")
    assert (str(i.started_on), str(i.ended_on)) == ("2020-05", "2020-07")


def test_relative_year_feedback_from_the_tour_just_before() -> None:
    i = one("根据省委统一部署,2018年10月至2019年1月,省委巡视第三组对某某县进行了巡视,今年3月15日向某某县委反馈了巡视意见。")
    assert (i.target, i.authority, str(i.feedback_on)) == ("某某县", "省委", "2019-03-15")


def test_relative_year_feedback_that_would_precede_the_tour_is_dropped() -> None:
    i = one("2018年10月至12月,省委巡视第三组对某某县进行了巡视,今年1月15日向某某县委反馈了巡视意见。")
    assert i.feedback_on is None


def test_feedback_in_the_same_clause_as_the_tour_is_not_the_tour() -> None:
    i = one("省委第四巡视组于2019年3月11日至5月10日对某某县开展了巡视,并于同年7月9日向某某县委反馈了巡视意见。")
    assert (str(i.started_on), str(i.feedback_on)) == ("2019-03-11", "2019-07-09")


def test_round_list_with_count_and_conjunction() -> None:
    text = ("2021年3月1日-3日,五届县委第二轮、第三轮巡察反馈全部完成。\n"
            "第二轮对县教育局、县卫健委、县交通运输局和县水利局4个单位开展常规巡察,同步开展乡村振兴专项巡察;"
            "第三轮对县审计局以及县统计局2家单位开展了提级巡察。")
    got = [(i.target, i.term, i.round_no, i.kind, str(i.feedback_on)) for i in extract_inspections(text)]
    assert got == [("县教育局", 5, 2, "常规", "2021-03-01"), ("县卫健委", 5, 2, "常规", "2021-03-01"),
                   ("县交通运输局", 5, 2, "常规", "2021-03-01"), ("县水利局", 5, 2, "常规", "2021-03-01"),
                   ("县审计局", 5, 3, "提级", "2021-03-01"), ("县统计局", 5, 3, "提级", "2021-03-01")]


@pytest.mark.parametrize(("phrase", "kind"), [
    ("开展了专项巡视“回头看”", "回头看"), ("开展了生态环境保护机动巡察", "机动"),
    ("开展了脱贫攻坚专项巡察", "专项"), ("进行了巡察", None),
])
def test_kind_prefers_the_specific_word(phrase: str, kind: str | None) -> None:
    assert one(f"县委第一巡察组对县水务局{phrase}。").kind == kind


def test_arrival_day_starts_the_tour() -> None:
    i = one("县委第四巡察组于2022年9月5日进驻县档案馆,开展为期一个月的巡察。11月2日,县委第四巡察组向县档案馆反馈了巡察意见。")
    assert (i.target, str(i.started_on), i.ended_on, str(i.feedback_on)) == (
        "县档案馆", "2022-09-05", None, "2022-11-02")


def test_names_containing_he_stay_whole() -> None:
    text = "市委第五巡察组对市住房和城乡建设局、市人力资源和社会保障局及市文化和旅游局7家单位进行了巡察。"
    assert targets(text) == ["市住房和城乡建设局", "市人力资源和社会保障局", "市文化和旅游局"]


def test_shared_head_noun_is_distributed() -> None:
    text = "市委对东湖、西山、北岭3个省级(市级)森林公园管理处开展了机动巡察。"
    assert targets(text) == ["东湖森林公园管理处", "西山森林公园管理处", "北岭森林公园管理处"]
    assert {i.kind for i in extract_inspections(text)} == {"机动"}


@pytest.mark.parametrize(("segment", "expected"), [
    ("甲县、乙县等12个县(市、区)", ["甲县", "乙县"]),
    ("市委政法委(含市法学会党组)", ["市委政法委"]),
    ("市科技局领导班子", ["市科技局"]),
    ("全市12个乡镇", []),
    ("城关镇、白马乡2个乡镇", ["城关镇", "白马乡"]),
    ("甲镇、乙镇2个镇党委", ["甲镇党委", "乙镇党委"]),
    ("市财政局、市审计局2个党组", ["市财政局党组", "市审计局党组"]),
    ("甲镇、乙镇2个乡镇和县法院、县档案馆2个县级部门(单位)", ["甲镇", "乙镇", "县法院", "县档案馆"]),
    ("县卫健局、县医保局等6家党委(支部)领导班子及党委(支部)书记", ["县卫健局", "县医保局"]),
    ("县一中、县二中两所学校", ["县一中", "县二中"]),
    ("全国人大常委会机关、全国政协机关、公安部等32个地方、单位党组织", ["全国人大常委会机关", "全国政协机关", "公安部"]),
    ("甲镇、乙镇2个乡镇,县法院、县档案馆2个县级部门", ["甲镇", "乙镇", "县法院", "县档案馆"]),
    ("甲镇党委及所辖15个行政村,乙镇、丙镇所辖8个行政村", ["甲镇党委"]),
    ("县人大机关、非公有制企业", ["县人大机关"]),
    ("5个县(区)的相关县(区)直部门单位、乡镇(街道)", []),
    ("市林业局、村(社区)党组织", ["市林业局"]),
])
def test_split_targets(segment: str, expected: list[str]) -> None:
    assert [t.name for t in split_targets(segment, 0)] == expected


def test_target_span_points_at_the_name() -> None:
    text = "县委第一巡察组对县林业局(县林场)进行了巡察。"
    i = one(text)
    assert text[i.span.start : i.span.end] == "县林业局"


def test_term_round_batch_and_own_unit() -> None:
    text = ("市统计局关于巡视集中整改情况的公开\n根据十二届市委第三轮第二批巡视工作部署要求,"
            "现将市统计局(含市普查中心)巡视集中整改情况向社会公开。\n一、整改情况\n"
            "巡视期间,市委巡视四组移交问题线索2件。")
    i = one(text)
    assert (i.target, i.term, i.round_no, i.batch_no) == ("市统计局", 12, 3, 2)
    assert (i.authority, i.group_name, i.mode) == ("市委", "市委巡视四组", "巡视")


def test_term_before_a_place_named_committee() -> None:
    i = one("近日,十四届某某县委第九轮第一批巡察完成进驻,县委第二巡察组对某某乡党委开展常规巡察。")
    assert (i.term, i.round_no, i.batch_no, i.authority) == (14, 9, 1, "县委")


def test_addressee_list_takes_the_feedback_date() -> None:
    text = "根据区委部署,五届区委第四轮巡察的4个巡察组于2018年1月4至5日分别向区审计局、区林业局进行巡察意见反馈。"
    got = [(i.target, i.round_no, str(i.feedback_on), i.started_on) for i in extract_inspections(text)]
    assert got == [("区审计局", 4, "2018-01-04", None), ("区林业局", 4, "2018-01-04", None)]


def test_addressee_when_no_visit_is_stated() -> None:
    i = one("近日,县委第二巡察组向县发展和改革委员会党组反馈了巡察情况。")
    assert (i.target, i.group_name, i.mode) == ("县发展和改革委员会党组", "县委第二巡察组", "巡察")


def test_self_reference_resolves_to_the_issuer() -> None:
    text = "2019年5月至7月,县委第一巡察组对我局进行了巡察。\n一、整改\n中共某某县林业局党组\n2019年10月8日"
    assert one(text).target == "某某县林业局党组"


@pytest.mark.parametrize("text", [
    "对照巡视反馈问题逐项进行整改。对巡视组指出的问题进行了认真梳理。",
    "区委对全区开展巡察整改督查。",
    "同步开展美丽乡村建设专项巡察。",
    "县委第一巡察组对扶贫资金使用管理工作开展了专项巡察。",
    "巡察组反馈意见后,局党组立即召开会议。",
])
def test_side_mentions_are_not_inspections(text: str) -> None:
    assert extract_inspections(text) == []


def test_body_after_the_first_heading_is_not_read_for_targets() -> None:
    text = "现将巡察整改情况公布如下:\n一、整改情况\n区委第一巡察组对区民政局进行了巡察。"
    assert extract_inspections(text) == []


def test_traditional_full_width_and_chinese_numeral_years() -> None:
    text = normalize("二〇二〇年十一月三日至十二月三日，市委第二巡察組對市醫保局開展了專項巡察。")
    i = one(text)
    assert (i.target, i.kind, str(i.started_on), str(i.ended_on)) == (
        "市医保局", "专项", "2020-11-03", "2020-12-03")
    i = one(normalize("２０２０年３月２日至４月３０日，縣委第三巡察組對縣文旅局進行了巡察。"))
    assert (i.target, str(i.started_on), i.group_name) == ("县文旅局", "2020-03-02", "县委第三巡察组")


@given(st.text(alphabet=st.sampled_from(list(
    "对进行开展了巡视察组第一二三四五轮届批市县区委局党组和及、()个家0123456789年月日至-,。;\n向反馈意见"))))
def test_any_text_gives_spans_inside_it(text: str) -> None:
    for i in extract_inspections(text):
        assert 0 <= i.span.start < i.span.end <= len(text)
        assert i.target


@pytest.mark.parametrize(("phrase", "group", "kind", "authority"), [
    ("市委机动巡察二组", "市委机动巡察二组", "机动", "市委"),
    ("十届市委第二提级交叉巡察组", "市委第二提级交叉巡察组", "提级", "市委"),
    ("县委上下联动巡察组", "县委上下联动巡察组", "联动", "县委"),  # unnumbered, named by its standing kind
    ("县委巡察组", None, None, "县委"),  # unnumbered: says who sent it, not which group
])
def test_a_kind_the_group_name_carries(phrase: str, group: str | None, kind: str | None,
                                      authority: str) -> None:
    i = one(f"根据省委统一部署,2022年3月1日至4月30日,{phrase}对某某乡党委开展了巡察。")
    assert (i.group_name, i.kind, i.authority) == (group, kind, authority)


def test_a_list_of_groups_still_names_the_authority() -> None:
    i = one("根据某某工作部署,2023年5月至7月,市委第二、三巡察组对某某市文联开展了常规巡察。")
    assert (i.authority, i.group_name) == ("市委", "市委第二、三巡察组")


def test_the_batch_may_follow_the_mode() -> None:
    i = one("近日,县委第五轮巡察第二批进驻动员会召开,县委第一巡察组对某某镇党委开展常规巡察。")
    assert (i.round_no, i.batch_no) == (5, 2)


def test_a_round_of_another_authority_is_not_this_one() -> None:
    i = one("按照省委第三轮巡视巡察联动安排,市委第六轮巡察启动。"
            "2021年4月至6月,市委第二巡察组对某某区人社局开展了巡察。")
    assert (i.authority, i.round_no) == ("市委", 6)


def test_a_tour_stated_once_covers_the_clauses_after_it() -> None:
    got = extract_inspections("2022年8月1日至9月30日,县委巡察组对县林业局开展常规巡察;对县粮食公司开展专项巡察。")
    assert [(i.target, i.kind, str(i.started_on), str(i.ended_on)) for i in got] == [
        ("县林业局", "常规", "2022-08-01", "2022-09-30"), ("县粮食公司", "专项", "2022-08-01", "2022-09-30")]


def test_an_addressee_named_twice_is_one_inspection() -> None:
    assert targets("2022年6月8日,县委第一巡察组向县档案馆反馈巡察情况。"
                   "会上,县委第一巡察组组长某某同志向县档案馆反馈了巡察意见。") == ["县档案馆"]


def test_a_feedback_on_units_names_them() -> None:
    got = extract_inspections("5月9日,县委第三巡察组召开反馈会,组长某某反馈了对某某镇甲村、乙村的巡察“回头看”情况。")
    assert [(i.target, i.kind, i.group_name) for i in got] == [
        ("某某镇甲村", "回头看", "县委第三巡察组"), ("某某镇乙村", "回头看", "县委第三巡察组")]


def test_a_unit_with_what_it_administers_stays_a_target() -> None:
    assert targets("十届区委第二轮巡察对甲街道及所辖12个社区、乙镇及所辖8个村、区文化馆等3个单位开展常规巡察。") == [
        "甲街道", "乙镇", "区文化馆"]


def test_a_pronoun_for_the_town_is_dropped_from_the_name() -> None:
    assert targets("市委第二巡察组对某某镇党委进行了巡察,并对该镇东村、西村党组织开展了延伸巡察。") == [
        "某某镇党委", "东村党组织", "西村党组织"]


@pytest.mark.parametrize("meeting", ["召开巡察反馈会", "召开了反馈会", "召开巡察“回头看”反馈大会",
                                     "巡察县水务局党组反馈会在三楼会议室召开"])
def test_a_feedback_meeting_dates_the_feedback(meeting: str) -> None:
    i = one(f"2020年9月1日至10月30日,县委第一巡察组对县水务局党组开展了巡察。2020年12月8日,县委第一巡察组{meeting}。")
    assert str(i.feedback_on) == "2020-12-08"


def test_a_list_grouped_by_commas() -> None:
    assert targets("2016年3月至5月,省委巡视组对甲市东区、西区,乙市南县,丙市北区、中县等5个县市区开展了常规巡视。") == [
        "甲市东区", "西区", "乙市南县", "丙市北区", "中县"]


def test_a_comma_does_not_join_a_meeting_to_the_list() -> None:
    assert targets("近日,县委召开第三轮巡察进驻动员会,对甲镇、乙镇开展常规巡察。") == ["甲镇", "乙镇"]


def test_the_groups_own_authority_beats_the_one_it_assists() -> None:
    i = one("2022年9月至11月,市委第五巡察组配合省委巡视组对某某区组织部开展了联动巡察。")
    assert (i.authority, i.group_name, i.kind) == ("市委", "市委第五巡察组", "联动")


def test_a_self_reference_prefix_only_says_where() -> None:
    assert targets("近日,市委第二巡察组对我市甲镇东村、乙镇西村开展了巡察。") == ["甲镇东村", "乙镇西村"]


def test_a_place_inspected_on_one_topic() -> None:
    i = one("2023年9月至11月,自治区党委第二巡视组对某某市安全生产工作开展专项巡视。")
    assert (i.target, i.kind, i.authority) == ("某某市", "专项", "自治区党委")


@pytest.mark.parametrize("topic", ["对扶贫领域开展专项巡察", "对全县项目资金管理工作开展专项巡察"])
def test_a_topic_without_a_place_is_no_target(topic: str) -> None:
    assert targets(f"2020年5月至7月,县委第一巡察组{topic}。") == []


@pytest.mark.parametrize("addressees", ["区水务局党组书记某某某和区水务局党组领导班子",
                                        "区水务局党组主要负责同志和领导班子"])
def test_the_person_fed_back_to_is_not_a_unit(addressees: str) -> None:
    assert targets(f"6月3日,区委第一巡察组分别向{addressees}反馈了巡察情况。") == ["区水务局党组"]


@pytest.mark.parametrize(("text", "expected"), [
    ("根据中央统一部署,2017年3月1日至4月30日,中央第四巡视组对我省进行了巡视。\n一、整改\n中共某某省委\n2017年9月1日",
     "某某省"),
    ("2018年3月12日至5月11日,省委第五巡视组对我校党委进行了巡视。\n一、整改\n中共某某大学委员会\n2018年10月8日",
     "某某大学党委"),
    ("2018年3月12日至5月11日,省委第五巡视组对我校进行了巡视。\n一、整改\n中共某某大学委员会\n2018年10月8日",
     "某某大学"),
])
def test_self_reference_of_a_province_or_a_committee(text: str, expected: str) -> None:
    assert one(text).target == expected


@pytest.mark.parametrize("feedback", ["反馈了专项巡视意见", "反馈了专项巡视“回头看”情况", "反馈了巡视意见",
                                      "反馈了“回头看”意见"])
def test_feedback_naming_the_kind_of_inspection(feedback: str) -> None:
    i = one(f"根据中央统一部署,2017年2月至4月,中央第一巡视组对某某银行党委进行了专项巡视,6月8日{feedback}。")
    assert str(i.feedback_on) == "2017-06-08"


@pytest.mark.parametrize("text", [
    "根据中央统一部署,2018年2月至5月,中央巡视组对30个地区和单位党组织开展了常规巡视。",
    "2020年5月至7月,中央第五轮巡视对35个中央和国家机关单位党组织开展常规巡视。",
])
def test_a_count_of_regions_and_units_is_no_target(text: str) -> None:
    assert extract_inspections(text) == []


def test_a_unit_joined_to_a_counted_collective_is_kept() -> None:
    text = "根据党中央统一部署,2021年5月至7月,中央第七轮巡视对教育部和31所中管高校党组织开展常规巡视。"
    assert targets(text) == ["教育部"]


def test_school_party_committee_sends_groups() -> None:
    i = one("根据学校党委统一部署,2022年4月至6月,校党委第二巡察组对化学学院党委进行了巡察。")
    assert (i.target, i.authority, i.group_name) == ("化学学院党委", "校党委", "校党委第二巡察组")


def test_authority_from_a_school_party_committee_ordering_the_work() -> None:
    i = one("根据学校党委统一部署安排,9月至10月,3个巡察组对外语系进行了巡察。")
    assert i.authority == "学校党委"


def test_enterprises_counted_by_hu_with_branch_committees() -> None:
    text = "集团党委第七轮巡察三个巡察组分别向国贸公司党支部、高特公司党总支、产业研究院党委三户被巡察企业反馈了巡察意见。"
    assert targets(text) == ["国贸公司党支部", "高特公司党总支", "产业研究院党委"]


def test_a_unit_that_underwent_the_inspection() -> None:
    """某某市接受了省委第二巡视组的常规巡视: the unit comes first, the group after it."""
    i = one("2019年3月至5月,某某市接受了省委第二巡视组的常规巡视,7月3日省委巡视组向市委反馈了巡视意见。")
    assert (i.target, i.group_name, i.kind, str(i.started_on), str(i.ended_on), str(i.feedback_on)) == (
        "某某市", "省委第二巡视组", "常规", "2019-03", "2019-05", "2019-07-03")


def test_accepting_supervision_is_no_inspection() -> None:
    assert extract_inspections("我们将主动接受巡视监督,欢迎干部群众反映问题。") == []


def test_subordinate_units_are_no_target_of_their_own() -> None:
    text = "2020年6月29日至8月28日,区委第二巡察组对某某街道党工委及所辖社区党组织开展了巡察。"
    assert targets(text) == ["某某街道党工委"]


def test_metadata_lines_above_the_headline_do_not_use_up_the_preamble() -> None:
    """Disclosure pages print 索引号, 发布机构 … above the headline; the opening still counts."""
    meta = "".join(f"{key}:值\n" for key in ("索引号", "发布机构", "生成日期", "文号", "主题分类", "公开方式"))
    text = (f"{meta}中共某某市财政局党组关于市委巡察反馈意见整改情况的通报\n"
            "2020年4月7日至5月29日,市委第二巡察组对市财政局党组开展了常规巡察。\n一、整改")
    assert targets(text) == ["市财政局党组"]


def test_a_lookback_named_without_the_mode_takes_the_mode_of_the_round() -> None:
    text = "十五届县委第十轮巡察分别对县水利局等7个单位开展常规巡察,对县住房和城乡建设局开展“回头看”。"
    got = [(i.target, i.mode, i.kind) for i in extract_inspections(text)]
    assert got == [("县水利局", "巡察", "常规"), ("县住房和城乡建设局", "巡察", "回头看")]


@pytest.mark.parametrize(("headline", "kind"), [
    ("中共某某省委关于脱贫攻坚专项巡视整改进展情况的通报", "专项"),
    ("中共某某省委关于巡视“回头看”整改情况的通报", "回头看"),
    ("关于市委巡察整改情况的通报", None),
    ("关于常规巡察和专项巡察整改情况的通报", None),
])
def test_the_headline_names_the_kind_the_opening_omits(headline: str, kind: str | None) -> None:
    text = f"{headline}\n根据党中央统一部署,2019年10月至2020年1月,中央第十巡视组对某某省进行了巡视。\n一、整改"
    assert one(text).kind == kind


def test_the_openings_kind_wins_over_the_headline() -> None:
    text = "关于巡视“回头看”整改情况的通报\n2019年10月至12月,省委第二巡视组对某某县开展了机动巡视。"
    assert one(text).kind == "机动"


def test_a_bare_committee_fed_back_to_is_the_issuers_place() -> None:
    """向县委反馈 in the county's own report: the county was inspected, as 我县 would say."""
    text = "中共某某县委关于巡视整改情况的通报\n2019年7月3日,省委第二巡视组向县委反馈了巡视意见。\n一、整改"
    assert (one(text).target, str(one(text).feedback_on)) == ("某某县", "2019-07-03")


def test_a_bare_committee_of_another_level_stays_as_named() -> None:
    text = "中共某某市财政局党组关于巡察整改情况的通报\n2019年7月3日,市委第二巡察组向局党组反馈了巡察意见。\n一、整改"
    assert one(text).target == "局党组"


@pytest.mark.parametrize("when, expected", [("近日", "2020-01-10"), ("此前", "None")])
def test_a_feedback_given_recently_is_dated_by_the_publication(when: str, expected: str) -> None:
    i = one(f"2019年10月8日至12月6日,中央第十二巡视组对某某银行党委进行了常规巡视。{when},"
            "中央第十二巡视组向某某银行党委反馈了巡视情况。\n(来源:某某网站)\n2020年1月10日")
    assert str(i.feedback_on) == expected


def test_a_body_inspected_on_how_it_carries_out_a_task() -> None:
    text = ("于3月7日至4月20日对甲县乙镇党委落实脱贫攻坚开展了专项巡察。7月19日,巡察组向乙镇党委反馈了巡察情况。"
            "组长从镇村两个层面对乙镇党委开展脱贫攻坚专项巡察情况进行了反馈。")
    assert [(i.target, i.kind) for i in extract_inspections(text)] == [("甲县乙镇党委", "专项")]
