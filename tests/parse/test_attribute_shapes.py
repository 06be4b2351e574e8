"""What a release states once for its units, in more of the shapes published releases use:
the round among several named, the authority starting a round or leading the work, groups
named without a number or for a topic.

Every snippet is invented; each reproduces a phrasing seen in several published releases.
"""
from __future__ import annotations

from xunshi.parse.extract.inspections import extract_inspections


def test_the_round_started_beats_a_round_reported_on_later() -> None:
    text = ("经县委批准,近日,我县启动十四届县委第九轮巡察。本轮巡察县委组建3个巡察组,对县甲局、县乙局"
            "开展常规巡察。会议传达了县委书记在听取十四届县委第八轮巡察情况汇报时的讲话精神。")
    assert [(i.target, i.term, i.round_no) for i in extract_inspections(text)] == [
        ("县甲局", 14, 9), ("县乙局", 14, 9)]


def test_an_authority_starting_its_round() -> None:
    text = ("学校党委启动第二轮校内巡察。\n5月8日,巡察工作领导小组会议确定了第二轮校内巡察的对象为"
            "甲学院党委、乙学院党委。")
    assert [(i.target, i.authority, i.round_no) for i in extract_inspections(text)] == [
        ("甲学院党委", "学校党委", 2), ("乙学院党委", "学校党委", 2)]


def test_an_authority_named_by_its_leading_group() -> None:
    text = ("校党委巡察工作领导小组听取第三轮巡察情况汇报\n12月5日,学校召开会议,"
            "巡察组组长分别汇报了对甲学院党委、乙学院党委等的巡察情况。")
    assert [(i.target, i.authority) for i in extract_inspections(text)] == [
        ("甲学院党委", "校党委"), ("乙学院党委", "校党委")]


def test_a_group_with_a_name_but_no_number() -> None:
    text = "按照甲集团党委的统一部署,从2018年8月30日开始,集团公司党委巡察组对甲公司和乙研究院进行了巡察。"
    assert [(i.target, i.group_name) for i in extract_inspections(text)] == [
        ("甲公司", "集团公司党委巡察组"), ("乙研究院", "集团公司党委巡察组")]


def test_generic_groups_without_a_number_name_none() -> None:
    text = ("县委巡察组对县甲局进行了巡察。省委专项巡视组对甲集团党委开展巡视“回头看”。"
            "委党组巡察组对甲医院进行了巡察。")
    assert [i.group_name for i in extract_inspections(text)] == [None, None, None]


def test_a_group_named_for_its_topic() -> None:
    text = "2019年8月26日,市委脱贫攻坚第一专项巡察组组长代表市委巡察组向甲县乙镇反馈了巡察情况。"
    (i,) = extract_inspections(text)
    assert (i.target, i.group_name, str(i.feedback_on)) == ("甲县乙镇", "市委脱贫攻坚第一专项巡察组", "2019-08-26")


def test_an_unsigned_report_on_itself_is_the_committee_it_names() -> None:
    text = ("根据省委统一部署,省委第二巡视组于2020年9月1日至10月30日对我区进行了巡视,并于2021年1月5日"
            "反馈了巡视意见。现将整改进展情况予以公布。\n一、提高整改质效\n区委印发《中共甲河区委贯彻落实"
            "省委第二巡视组反馈意见整改工作方案》,落实十届省委第七轮巡视整改工作的要求。")
    (i,) = extract_inspections(text)
    assert (i.target, i.term, i.round_no, str(i.feedback_on)) == ("甲河区", 10, 7, "2021-01-05")


def test_two_committees_named_in_full_leave_the_report_unnamed() -> None:
    text = "省委第二巡视组对我区进行了巡视。\n中共甲河区委、中共乙山区委分别召开会议。"
    assert [i.target for i in extract_inspections(text)] == ["我区"]


def test_a_batch_named_by_its_arrival() -> None:
    text = ("近日,按照十一届省委第五轮巡视工作部署,10个省委巡视组完成对第二批5个省直部门(单位)的进驻。"
            "第二批已进驻的5个部门(单位)分别为省甲局、省乙厅、省丙委、省丁中心、省戊局。")
    assert {(i.round_no, i.batch_no) for i in extract_inspections(text)} == {(5, 2)}


def test_batches_listed_together_name_no_batch() -> None:
    text = ("十一届市委第三轮巡察第二、第三批次进驻动员工作全部完成。各巡察组分别召开巡察市甲局党组、"
            "市乙委党委等15个市直部门(单位)工作动员会。")
    assert {i.batch_no for i in extract_inspections(text)} == {None}


def test_groups_named_one_after_another_take_one_unit_each() -> None:
    text = ("2月6日、7日,甲区委第一巡察组、第二巡察组分别在区乙局和丙乡召开巡察工作动员会。"
            "近日,县委第一巡察组和第三巡察组分别进驻县丁局、戊局开展常规巡察。")
    assert [(i.target, i.group_name) for i in extract_inspections(text)] == [
        ("区乙局", "区委第一巡察组"), ("丙乡", "区委第二巡察组"),
        ("县丁局", "县委第一巡察组"), ("县戊局", "县委第三巡察组")]


def test_groups_named_together_without_fenbie_tie_no_unit() -> None:
    text = "县委第一巡察组和第三巡察组进驻县丁局、县戊局开展常规巡察。"
    assert [i.group_name for i in extract_inspections(text)] == [None, None]


def test_an_authority_that_set_up_the_group() -> None:
    text = "市委成立脱贫攻坚联动巡察组,于3月7日至4月20日对甲县乙镇党委落实脱贫攻坚开展了专项巡察。"
    (i,) = extract_inspections(text)
    assert (i.target, i.authority, i.kind) == ("甲县乙镇党委", "市委", "专项")


def test_an_authority_ordering_the_work_after_its_bodys_name() -> None:
    text = "10月30日,根据市甲投集团党委统一部署,巡察工作组前往乙供应链有限公司开展专项巡察。"
    (i,) = extract_inspections(text)
    assert (i.target, i.authority, i.kind) == ("乙供应链有限公司", "集团党委", "专项")


def test_a_departments_party_body_sends_the_group() -> None:
    text = ("根据厅党组关于巡察工作的统一部署,2022年3月8日,甲利厅党组第一巡察组巡察乙集团党委工作动员会召开。"
            "2017年5月9日至6月9日,委党组巡察组对省丙医院进行了为期1个月的巡察。")
    assert [(i.target, i.authority, i.group_name) for i in extract_inspections(text)] == [
        ("乙集团党委", "甲利厅党组", "甲利厅党组第一巡察组"), ("省丙医院", "委党组", None)]
