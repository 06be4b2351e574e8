"""Which units an announcement names as inspected, in the shapes news releases use.

Every snippet is invented (units, places, people); each reproduces a phrasing seen in several
published releases. The parser names a unit only when its sentence says it was inspected or
fed back to.
"""
from __future__ import annotations

import pytest

from xunshi.parse.extract.inspections import extract_inspections
from xunshi.parse.extract.targets import split_targets


def targets(text: str) -> list[str]:
    return [i.target for i in extract_inspections(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("区委第三轮巡察对甲街道党工委开展巡察。同时,本轮巡察开展对甲街道东塘村、北岗村的村级巡察。",
     ["甲街道党工委", "甲街道东塘村", "甲街道北岗村"]),
    ("党委4个巡察组于9月底完成进驻,开展对保卫处、法学院、附属中学等3家单位常规巡察。",
     ["保卫处", "法学院", "附属中学"]),
])
def test_a_visit_with_the_verb_before_the_list(text: str, expected: list[str]) -> None:
    assert targets(text) == expected


def test_a_fronted_visit_keeps_its_kind() -> None:
    (i,) = extract_inspections("县委第二巡察组开展对甲局、乙局常规巡察。")[1:]
    assert (i.target, i.kind) == ("乙局", "常规")


def test_a_rounds_summary_lists_the_places_and_units_it_covered() -> None:
    text = ("2015年中央巡视组第三轮巡视反馈情况已全部公布,涉及甲省、乙区、丙市3个省区市和"
            "某某总局、某某科学院2个单位。")
    got = [(i.target, i.authority, i.mode, i.round_no) for i in extract_inspections(text)]
    assert got == [(name, "中央", "巡视", 3) for name in ("甲省", "乙区", "丙市", "某某总局", "某某科学院")]


@pytest.mark.parametrize("text", [
    "市委第一轮巡察反馈指出的问题涉及市财政局、市审计局等3个部门。",
    "巡察中发现问题线索12条,涉及8个单位。",
    "全市开展巡察工作以来,涉及面广。",
])
def test_involved_outside_a_rounds_summary_names_no_unit(text: str) -> None:
    assert extract_inspections(text) == []


@pytest.mark.parametrize(("segment", "expected"), [
    ("甲镇及其所辖东村、西村", ["甲镇", "东村", "西村"]),
    ("涉及后勤保障职能职责的甲处、乙公司、校医院", ["甲处", "乙公司", "校医院"]),
    ("甲区民政局及下属殡葬管理单位、镇(街道)民政部门", ["甲区民政局"]),  # departments of a kind, none named
    ("云溪乡及所辖村、石门镇及所辖村(社区)等党组织", ["云溪乡", "石门镇"]),
    ("江北街道、温泉镇及下辖村(社区)等党组织", ["江北街道", "温泉镇"]),
    ("市高新区、市经开区乡镇(街道、园区)及所辖村(社区)党组织", []),  # the 乡镇 of both: collectives
])
def test_a_township_and_the_villages_it_administers(segment: str, expected: list[str]) -> None:
    assert [t.name for t in split_targets(segment, 0)] == expected


@pytest.mark.parametrize(("segment", "expected"), [
    ("区卫计局、环保局、人社局、林业局等6家党委(支部)领导班子及党委(支部)书记",
     ["区卫计局", "区环保局", "区人社局", "区林业局"]),
    ("县档案馆、科协、法院", ["县档案馆", "县科协", "县法院"]),
    ("市林业局、甲县自然资源局", ["市林业局", "甲县自然资源局"]),
    ("区财政局、团区委", ["区财政局", "团区委"]),
    ("市委办公室、宣传部", ["市委办公室", "宣传部"]),
    ("县公安局、城关镇", ["县公安局", "城关镇"]),
])
def test_a_place_prefix_printed_once_for_a_list(segment: str, expected: list[str]) -> None:
    assert [t.name for t in split_targets(segment, 0)] == expected


def test_a_distributed_prefix_keeps_the_span_on_what_is_printed() -> None:
    text = "区委第一巡察组对区卫计局、环保局进行了巡察。"
    spans = [text[i.span.start : i.span.end] for i in extract_inspections(text)]
    assert spans == ["区卫计局", "环保局"]


@pytest.mark.parametrize(("segment", "expected"), [
    ("甲镇和乙村", ["甲镇", "乙村"]),
    ("甲村党总支及乙社区党委", ["甲村党总支", "乙社区党委"]),
    ("市住房和城乡建设局", ["市住房和城乡建设局"]),
    ("县乡村振兴局", ["县乡村振兴局"]),
])
def test_two_units_joined_by_a_conjunction(segment: str, expected: list[str]) -> None:
    assert [t.name for t in split_targets(segment, 0)] == expected


def test_a_unit_named_with_and_without_its_place_is_one_inspection() -> None:
    """The headline names 甲区乙投资集团党委, the body 乙投资集团: one unit, not two."""
    text = ("区委第二巡察组向甲区乙投资集团党委反馈巡察情况\n"
            "2022年3月24日,区委第二巡察组召开反馈会。组长某某向乙投资集团反馈了巡察情况。")
    got = [(i.target, str(i.feedback_on)) for i in extract_inspections(text)]
    assert got == [("甲区乙投资集团党委", "2022-03-24")]


def test_a_group_named_later_fills_in_a_unit_named_first() -> None:
    text = ("经市委批准,本轮巡察派出2个巡察组,对甲镇等4个乡镇开展常规巡察。巡察任务分工如下:\n"
            "市委第一巡察组:巡察甲镇、乙镇。\n市委第二巡察组:巡察丙镇、丁镇。")
    got = [(i.target, i.group_name, i.kind) for i in extract_inspections(text)]
    assert got == [("甲镇", "市委第一巡察组", "常规"), ("乙镇", "市委第一巡察组", "常规"),
                   ("丙镇", "市委第二巡察组", "常规"), ("丁镇", "市委第二巡察组", "常规")]


def test_a_counted_visits_kind_covers_its_units_named_in_a_task_list_only_when_the_count_agrees() -> None:
    """对甲镇等4个乡镇开展常规巡察 counts four: when the task list names a fifth unit, which of them
    the kind covers is not said."""
    text = ("经市委批准,本轮巡察派出2个巡察组,对甲镇等4个乡镇开展常规巡察。巡察任务分工如下:\n"
            "市委第一巡察组:巡察甲镇、乙镇、戊镇。\n市委第二巡察组:巡察丙镇、丁镇。")
    assert [i.kind for i in extract_inspections(text)] == ["常规", None, None, None, None]


@pytest.mark.parametrize("text", [
    "本轮巡视进驻情况:省委第一巡视组对省卫生厅党组进行专项巡视;省委第二巡视组巡视甲市、乙县;省委第三巡视组巡视丙县。",
    "省委第一巡视组:专项巡视省卫生厅党组。\n省委第二巡视组:巡视甲市、乙县。\n省委第三巡视组:巡视丙县。",
])
def test_a_groups_task_list(text: str) -> None:
    got = [(i.target, i.group_name, i.kind) for i in extract_inspections(text)]
    assert got == [("省卫生厅党组", "省委第一巡视组", "专项"), ("甲市", "省委第二巡视组", None),
                   ("乙县", "省委第二巡视组", None), ("丙县", "省委第三巡视组", None)]


def test_a_task_list_below_the_opening_lines_is_read() -> None:
    lines = "\n".join(f"县委第{n}巡察组:巡察{n}号镇。" for n in "一二三四五六七")
    text = f"县委第五轮巡察启动\n经县委批准,本轮巡察派出7个巡察组。任务分工如下:\n{lines}"
    assert len(extract_inspections(text)) == 7


@pytest.mark.parametrize(("meeting", "expected"), [
    ("县委第一巡察组巡察甲镇丁村、池村党组织工作动员会召开", ["甲镇丁村党组织", "甲镇池村党组织"]),
    ("校党委第二巡察组巡察机关党委反馈会在行政楼召开", ["机关党委"]),
])
def test_a_meeting_named_for_the_units(meeting: str, expected: list[str]) -> None:
    assert targets(f"根据县委安排部署,7月13日,{meeting}。") == expected


@pytest.mark.parametrize("text", [
    "县委第一巡察组巡察期间,共受理信访20件。",
    "县委第一巡察组巡察时发现,部分单位存在问题。",
    "省委第二巡视组巡视某县时指出,该县存在问题。",
    "市委第一巡察组组长张三主持会议。",
    "县委第一巡察组巡察县林业局期间,发现问题5个。",
    "区委巡察组前往甲镇开展巡察整改督导。",
])
def test_a_group_at_work_names_no_unit(text: str) -> None:
    assert extract_inspections(text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("2018年9月19日,县委第一巡察组正式进驻甲桥镇,将开展为期2个月的巡察。", ("甲桥镇", "2018-09-19")),
    ("2021年4月23日,县委第四巡察组完成对建设镇东岭村党支部的进驻和动员工作。",
     ("建设镇东岭村党支部", "2021-04-23")),
])
def test_an_arrival_dates_the_start(text: str, expected: tuple[str, str]) -> None:
    (i,) = extract_inspections(text)
    assert (i.target, str(i.started_on)) == expected


@pytest.mark.parametrize(("segment", "expected"), [
    ("集团所属甲公司党支部、乙公司党总支、丙研究院党委三户被巡察企业", ["甲公司党支部", "乙公司党总支", "丙研究院党委"]),
    ("乙集团有限公司所属丙物资有限公司党委", ["丙物资有限公司党委"]),
    ("继续教育学院直属党支部", ["继续教育学院直属党支部"]),
    ("甲公司所属党支部", ["甲公司所属党支部"]),
    ("市财政局等5个部门党组", ["市财政局党组"]),
    ("甲集团有限公司、乙集团有限公司等2家企业党委", ["甲集团有限公司党委", "乙集团有限公司党委"]),
])
def test_clean_names(segment: str, expected: list[str]) -> None:
    """A subsidiary without its owner; a count's collective word (部门, 企业) not in the name."""
    assert [t.name for t in split_targets(segment, 0)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("近日,4个巡察组分别向土木学院党委、机械学院党委进行了现场反馈。", ["土木学院党委", "机械学院党委"]),
    ("巡察组组长分别向人事处、信息中心和产学合作办公室就“双高”建设专项巡察情况反馈了意见。",
     ["人事处", "信息中心", "产学合作办公室"]),
])
def test_addressees_of_a_feedback_worded_otherwise(text: str, expected: list[str]) -> None:
    assert targets(text) == expected


def test_a_feedback_meeting_named_for_its_unit() -> None:
    (i,) = extract_inspections("2022年6月8日,区委巡察组召开巡察甲街道情况反馈会。")
    assert (i.target, i.mode, str(i.feedback_on)) == ("甲街道", "巡察", "2022-06-08")


def test_a_feedback_meeting_names_the_unit_fed_back_to_and_its_day() -> None:
    text = ("区委第二巡察组向甲城乙集团党委反馈巡察情况\n"
            "2022年3月24日上午,区委第二巡察组在某大厦召开巡察甲城乙集团党委情况反馈会。"
            "组长某某代表巡察组向乙集团党委反馈了巡察情况。\n"
            "根据区委统一部署,2021年9月14日至10月31日,甲城区委第二巡察组对乙集团党委开展了巡察。")
    got = [(i.target, str(i.started_on), str(i.feedback_on)) for i in extract_inspections(text)]
    assert got == [("乙集团党委", "2021-09-14", "2022-03-24")]


@pytest.mark.parametrize(("segment", "expected"), [
    ("东川镇、北堡镇、南城镇党委及所辖105个行政村", ["东川镇党委", "北堡镇党委", "南城镇党委"]),
    ("区财政局、区审计局党组", ["区财政局党组", "区审计局党组"]),
    ("区财政局、甲街道党工委", ["区财政局", "甲街道党工委"]),
    ("甲村党支部、乙村党支部", ["甲村党支部", "乙村党支部"]),
    ("市人民政府驻甲地联络处和驻乙地联络处", ["市人民政府驻甲地联络处", "市人民政府驻乙地联络处"]),
])
def test_a_suffix_or_a_body_printed_once_for_a_list(segment: str, expected: list[str]) -> None:
    assert [t.name for t in split_targets(segment, 0)] == expected


def test_a_unit_in_two_lists_of_different_kinds_is_two_inspections() -> None:
    text = ("市委组建6个巡察组,对市委政研室、市直机关工委等27家单位党组织开展常规巡察,"
            "对其中的市直机关工委、市审计局等2家单位党组织开展脱贫攻坚专项巡察。")
    got = [(i.target, i.kind) for i in extract_inspections(text)]
    assert got == [("市委政研室", "常规"), ("市直机关工委", "常规"), ("市直机关工委", "专项"), ("市审计局", "专项")]


def test_a_list_may_close_a_comma_group_on_a_farm() -> None:
    text = "市委派出三个专项巡察组,对宜东片区和南山林场,以及甲局、乙局就扶贫领域进行专项巡察。"
    assert targets(text) == ["宜东片区", "南山林场", "甲局", "乙局"]


@pytest.mark.parametrize(("text", "expected"), [
    ("10月22日,集团第二专项巡察组进驻甲服务区公司动员会在公司会议室召开。", ["甲服务区公司"]),
    ("至4月上旬,已基本完成对甲市乙区等15个县(市、区)的驻点巡视任务。", ["甲市乙区"]),
    ("会上,第一巡察组组长某某、第二巡察组组长某某分别汇报了对校团委、某某学院党总支的巡察情况。",
     ["校团委", "某某学院党总支"]),
    ("4月17日,甲大学、乙理工大学等11个单位向社会公布了巡视整改进展情况。", ["甲大学", "乙理工大学"]),
])
def test_units_named_by_a_meeting_a_report_or_a_publication(text: str, expected: list[str]) -> None:
    assert targets(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("5月29日,县委四个巡察组分别向十五届县委第六轮巡察的甲镇、乙镇党委及其所辖村(社区)党组织,县审计局、县统计局党组"
     "反馈巡察情况。", ["甲镇党委", "乙镇党委", "县审计局党组", "县统计局党组"]),
    ("二届党委第二轮巡察三个巡察组分别向本轮巡察的甲学院、乙学院等2家二级党委进行了“一对一”的巡察反馈。",
     ["甲学院党委", "乙学院党委"]),
    ("十六个中央巡视组分别向三十一个省(自治区、直辖市)和某某兵团以及中央提级巡视的甲市“一对一”反馈了巡视情况。",
     ["某某兵团", "甲市"]),
    ("近日,某市委第六专项巡察组巡察甲县人民医院党委情况反馈会召开。", ["甲县人民医院党委"]),
    ("市委第十巡察组副组长向甲医院党委书记王某和党委领导班子及全院中层干部反馈了巡察情况。", ["甲医院党委"]),
])
def test_addressees_described_grouped_or_met(text: str, expected: list[str]) -> None:
    assert targets(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("7月3日,县委3个巡察组分别完成对甲镇、乙乡共2个乡镇及所辖69个村党组织的巡察进驻。", ["甲镇", "乙乡"]),
    ("近日,某县启动第一轮巡察工作。本轮巡察对象包括县住建局、县民政局等四个县直部门,巡察时间从3月14日到4月14日。",
     ["县住建局", "县民政局"]),
    ("2月16日,区委第一巡察组、第二巡察组分别在区自然资源局和乙山乡召开巡察工作动员会。", ["区自然资源局", "乙山乡"]),
    ("县委第一巡察组在县委三楼会议室召开巡察工作动员会。", []),
    ("县委第十一轮巡察三个巡察组对甲镇开展了常规巡察,巡乡带村对甲镇罗村、高村开展对村巡察。", ["甲镇", "甲镇罗村", "甲镇高村"]),
    ("县委3个巡察组分别就甲乡、林业局、乙管理处等3家被巡单位的巡察情况进行汇报。", ["甲乡", "林业局", "乙管理处"]),
])
def test_units_named_by_an_arrival_an_object_list_or_a_report(text: str, expected: list[str]) -> None:
    assert targets(text) == expected


def test_the_mode_of_an_arrival() -> None:
    assert {i.mode for i in extract_inspections("县委3个巡察组分别完成对甲镇、乙乡的巡察进驻。")} == {"巡察"}


@pytest.mark.parametrize(("segment", "expected"), [
    ("甲河区纪委监委机关和组织部、乙河区纪委监委机关和组织部",
     ["甲河区纪委监委机关", "甲河区组织部", "乙河区纪委监委机关", "乙河区组织部"]),
    ("市委党校及市公安局、司法局、扶贫办", ["市委党校", "市公安局", "市司法局", "市扶贫办"]),
    ("市公安局开展扫黑除恶、对市扶贫办开展脱贫攻坚、对市生态环境局", ["市公安局", "市扶贫办", "市生态环境局"]),
])
def test_a_place_lent_along_a_list_and_topics_per_unit(segment: str, expected: list[str]) -> None:
    assert [t.name for t in split_targets(segment, 0)] == expected


def test_units_a_round_has_entered_listed_after_it() -> None:
    text = ("近日,12个省委巡视组完成对第三批8个省直部门和16个区(市、县)的进驻。"
            "经省委批准,本轮巡视对73个部门(单位)和地区开展常规巡视。第三批已进驻的24个部门(单位)和地区分别为"
            "省民宗委、农业农村厅,以及甲市乙区、丙区,丁县。")
    got = [(i.target, i.kind) for i in extract_inspections(text)]
    assert got == [(name, "常规") for name in ("省民宗委", "农业农村厅", "甲市乙区", "丙区", "丁县")]


def test_a_section_lists_the_units_by_kind() -> None:
    text = ("十四届市委第十四轮巡察公告\n按照市委巡察工作部署,十四届市委第十四轮巡察于2021年9月上旬至2021年10月下旬,"
            "对全市2个单位党组织开展常规巡察,2个单位党组织开展巡察“回头看”。现公告如下:\n一、巡察对象\n(1)常规巡察\n"
            "甲技师学院、乙小学\n(2)巡察“回头看”\n丙投资有限公司、丁村\n二、信访举报受理范围\n反映甲局、乙局问题的来信。")
    got = [(i.target, i.kind, str(i.started_on), i.round_no) for i in extract_inspections(text)]
    assert got == [("甲技师学院", "常规", "2021-09", 14), ("乙小学", "常规", "2021-09", 14),
                   ("丙投资有限公司", "回头看", "2021-09", 14), ("丁村", "回头看", "2021-09", 14)]


def test_a_task_list_in_a_later_section() -> None:
    text = ("根据县委统一安排,县委第二、第三巡察组于2020年5月10日至7月30日对县人大机关等4个单位开展巡察。现公告如下:\n"
            "一、巡察主要任务\n聚焦政治责任。\n二、受理信访方式\n(一)县委第二巡察组巡察县人大机关、县政协机关。\n"
            "1.巡察信箱:设在县人大机关。\n(二)县委第三巡察组巡察县一中、县审计局。")
    got = [(i.target, i.group_name) for i in extract_inspections(text)]
    assert got == [("县人大机关", "县委第二巡察组"), ("县政协机关", "县委第二巡察组"),
                   ("县一中", "县委第三巡察组"), ("县审计局", "县委第三巡察组")]


def test_a_counted_visit_gives_its_kind_and_tour_to_the_units_fed_back_to() -> None:
    text = ("根据学校党委统一部署,12月13日,学校党委两个巡察组分别向甲学院党委、乙学院党总支进行巡察情况反馈。\n"
            "2022年10月12日至11月2日,党委两个巡察组分别对两个学院党组织开展了常规巡察。")
    got = {(i.kind, str(i.started_on), str(i.ended_on)) for i in extract_inspections(text)}
    assert got == {("常规", "2022-10-12", "2022-11-02")}


def test_a_unit_named_by_its_level_then_by_its_place_is_one_inspection() -> None:
    text = ("6月9日上午,县委交叉巡察组巡察县人民法院党组情况反馈会在县法院召开。"
            "会上,县委交叉巡察组组长某某向丁河法院党组反馈了巡察工作情况。")
    assert targets(text) == ["县人民法院党组"]


def test_the_same_office_of_two_levels_is_two_units() -> None:
    assert targets("市委第一巡察组向县委办公室反馈巡察情况。市委第二巡察组向市委办公室反馈巡察情况。") == [
        "县委办公室", "市委办公室"]


@pytest.mark.parametrize(("segment", "expected"), [
    ("市人大常委会机关、市政府办公室、人民法院、公安局", ["市人大常委会机关", "市政府办公室", "市人民法院", "市公安局"]),
    ("市政协机关、丙川职业学院", ["市政协机关", "丙川职业学院"]),  # a name of its own, maybe a place's
])
def test_a_place_is_lent_only_to_a_departments_short_name(segment: str, expected: list[str]) -> None:
    assert [t.name for t in split_targets(segment, 0)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("2018年3月15日至4月15日,市委第三专项巡察组对我区医疗卫生系统开展了专项巡察。", "区医疗卫生系统"),
    ("近日,市委第二巡察组对我市甲镇开展了巡察。", "甲镇"),
])
def test_our_place_before_a_body_or_a_place(text: str, expected: str) -> None:
    assert targets(text) == [expected]


def test_a_table_of_groups_and_their_units() -> None:
    text = ("从2021年8月11日开始,区委专项巡察组对甲镇东村、西村,乙街道南社区等3个村(社区)党组织开展专项巡察。\n"
            "组 别 | 区委专项巡察一组 | 区委专项巡察二组 |\n被巡察单位 | 甲镇东村、西村 | 乙街道南社区 |\n"
            "专门值班电话 | 18000000000 | 17000000000 |")
    got = [(i.target, i.group_name, i.kind) for i in extract_inspections(text)]
    assert got == [("甲镇东村", "区委专项巡察一组", "专项"), ("甲镇西村", "区委专项巡察一组", "专项"),
                   ("乙街道南社区", "区委专项巡察二组", "专项")]


@pytest.mark.parametrize(("segment", "expected"), [
    # a township printed once for the villages after it, up to the next comma group
    ("甲镇东村、西村,乙镇南村、北社区", ["甲镇东村", "甲镇西村", "乙镇南村", "乙镇北社区"]),
    ("甲街道东社区、西村党支部", ["甲街道东社区党支部", "甲街道西村党支部"]),
    # a town of its own after a village is not one of its villages
    ("甲镇东村、乙镇", ["甲镇东村", "乙镇"]),
    ("甲镇、乙村", ["甲镇", "乙村"]),
])
def test_a_township_printed_once_is_lent_to_its_villages(segment: str, expected: list[str]) -> None:
    assert [t.name for t in split_targets(segment, 0)] == expected


@pytest.mark.parametrize(("segment", "expected"), [
    ("长沙市天心区、岳麓区、雨花区,衡阳市雁峰区、衡山县",
     ["长沙市天心区", "长沙市岳麓区", "长沙市雨花区", "衡阳市雁峰区", "衡阳市衡山县"]),
    # a county of another prefecture keeps its own name; a county-level city is named alone
    ("泉州市鲤城区、清流县、莆田市涵江区、秀屿区", ["泉州市鲤城区", "清流县", "莆田市涵江区", "莆田市秀屿区"]),
    ("福州市仓山区、福清市", ["福州市仓山区", "福清市"]),
])
def test_a_prefecture_printed_once_is_lent_to_its_counties(segment: str, expected: list[str]) -> None:
    assert [t.name for t in split_targets(segment, 0)] == expected


def test_a_visit_sentence_under_a_section_of_objects_is_read() -> None:
    text = ("根据区委统一部署,十届区委第三轮巡察于2024年4月8日开始,至6月20日结束。现公告如下:\n"
            "一、巡察对象\n区委第一巡察组负责对区甲局、区乙办等2家单位开展常规巡察。\n"
            "二、联系方式\n电子邮箱:someone@example.com")
    got = [(i.target, i.group_name, i.kind, str(i.started_on), str(i.ended_on))
           for i in extract_inspections(text)]
    assert got == [("区甲局", "区委第一巡察组", "常规", "2024-04-08", "2024-06-20"),
                   ("区乙办", "区委第一巡察组", "常规", "2024-04-08", "2024-06-20")]


def test_the_days_a_round_fed_back_are_not_its_tour() -> None:
    text = ("十届区委第三轮巡察于2024年7月1日至3日集中反馈。\n一、巡察对象\n"
            "区委第一巡察组负责对区甲局开展常规巡察。")
    [insp] = extract_inspections(text)
    assert (insp.started_on, insp.ended_on) == (None, None)


def test_a_visit_the_groups_launch_on_arriving() -> None:
    """展开 is a visit's verb like 开展; the day the groups arrived, earlier in its sentence, starts
    the tour."""
    text = ("某区:首轮巡察全面进驻\n日期:2019-05-20 08:00\n"
            "5月16日,区委3个巡察组全面进驻各被巡察单位,对甲镇东村等6个村展开为期20天的巡察工作。")
    got = [(i.target, str(i.started_on), i.round_no) for i in extract_inspections(text)]
    assert got == [("甲镇东村", "2019-05-16", 1)]


def test_provinces_named_by_their_short_names_in_a_meeting_each_with_its_group() -> None:
    text = "昨天上午,中央第一巡视组、第五巡视组、第九巡视组分别在山西、福建、甲集团召开工作动员会。"
    got = [(i.target, i.group_name) for i in extract_inspections(text)]
    assert got == [("山西", "中央第一巡视组"), ("福建", "中央第五巡视组"), ("甲集团", "中央第九巡视组")]


@pytest.mark.parametrize(("segment", "expected"), [
    ("山西、福建、湖南和贵州10个省区市", ["山西", "福建", "湖南", "贵州"]),
    ("甲和乙", ["甲和乙"]),  # no provinces: nothing tells the names apart
])
def test_two_provinces_joined_by_a_conjunction(segment: str, expected: list[str]) -> None:
    assert [t.name for t in split_targets(segment, 0)] == expected


def test_a_counted_list_with_an_aside_goes_on_after_its_comma() -> None:
    """等2个旗县(市、区),以及…: the aside closes one comma group, the list goes on; 3个区直部门党组
    completes each name with 党组; 经自治区党委批准 says whose 党委 runs the round."""
    text = ("经自治区党委批准,十一届党委第七轮巡视将对甲市乙旗、丙县等2个旗县(市、区),以及丁集团有限公司"
            "等1家国有企业党委开展常规巡视;对自治区戊厅等1个区直部门党组开展机动巡视。")
    got = [(i.target, i.authority, i.kind) for i in extract_inspections(text)]
    assert got == [("甲市乙旗", "自治区党委", "常规"), ("丙县", "自治区党委", "常规"),
                   ("丁集团有限公司党委", "自治区党委", "常规"), ("自治区戊厅党组", "自治区党委", "机动")]


@pytest.mark.parametrize(("segment", "expected"), [
    ("甲社区、乙社区、和平社区", ["甲社区", "乙社区", "和平社区"]),  # 和 after 、 begins a name
    ("天津市和平区、河西区", ["天津市和平区", "天津市河西区"]),  # a place named 和…
    ("甲研究室、工商联和高级人民法院", ["甲研究室", "工商联", "高级人民法院"]),
    ("联和乡", ["联和乡"]),
    ("自治区党委政法委、编办、区直机关工委、老干部局", ["自治区党委政法委", "自治区编办", "区直机关工委", "自治区老干部局"]),
])
def test_conjunctions_and_level_words_inside_a_list(segment: str, expected: list[str]) -> None:
    assert [t.name for t in split_targets(segment, 0)] == expected


def test_groups_entering_the_units() -> None:
    text = "根据集团公司党委统一安排部署,11月中旬,3个巡察组分别进入甲公司选矿厂、乙矿业公司、发展规划部,对3家单位开展巡察。"
    assert targets(text) == ["甲公司选矿厂", "乙矿业公司", "发展规划部"]


def test_the_day_the_groups_arrived_said_in_the_sentence_before_the_visit() -> None:
    text = ("发布时间:2025-04-01\n本网消息 按照学校党委统一部署,3月31日,一届党委第三轮巡察完成进驻工作。"
            "党委派出3个巡察组,对甲学院党总支部、乙部党总支部开展常规巡察。")
    assert [str(i.started_on) for i in extract_inspections(text)] == ["2025-03-31", "2025-03-31"]


def test_a_day_in_an_earlier_sentence_that_is_no_arrival_starts_no_tour() -> None:
    text = "3月31日,学校党委召开巡察工作会议。党委派出3个巡察组,对甲学院党总支部开展常规巡察。"
    assert [i.started_on for i in extract_inspections(text)] == [None]


def test_a_notice_whose_tour_starts_the_day_it_is_signed() -> None:
    text = ("根据学校党委统一部署,自即日起至11月30日,学校党委巡察组对甲学院党委开展巡察。现将有关事项公告如下:\n"
            "一、巡察对象\n甲学院党委领导班子及其成员。\n党委第二巡察组\n2022年11月9日")
    [insp] = extract_inspections(text)
    assert (str(insp.started_on), str(insp.ended_on)) == ("2022-11-09", "2022-11-30")


def test_a_unit_reporting_its_rectification_at_a_venue_inspected_by_the_school_itself() -> None:
    """The venue between the unit and 召开 is not part of its name; 学校党委于…对X开展了巡察 says
    who inspected and when."""
    text = ("7月7日下午,甲学院党委在南校区报告厅召开巡察整改情况通报会,学院党委书记通报了巡察整改情况。\n"
            "学校党委于2020年11月下旬对甲学院开展了巡察工作,甲学院根据巡察反馈意见制定了整改方案。")
    got = [(i.target, i.authority, str(i.started_on)) for i in extract_inspections(text)]
    assert got == [("甲学院党委", "学校党委", "2020-11")]


def test_one_group_named_elsewhere_is_not_every_groups_of_a_round_that_sends_several() -> None:
    text = ("近日,随着市委第四巡察组进驻被巡察单位,市委第七轮巡察6个巡察组全部完成进驻。\n"
            "据悉,本轮巡察共派出6个巡察组,对市甲局、市乙局等12个单位开展常规巡察。")
    assert [i.group_name for i in extract_inspections(text)] == [None, None]


def test_arrival_done_at_units_listed_in_comma_groups_and_villages_only_counted() -> None:
    """完成了对A、B…,及甲乡、乙镇2个乡镇所辖部分行政村的巡察入驻工作: the townships only own the
    villages inspected, which are not named."""
    text = ("县委5个巡察组于10月12日至10月14日分别召开巡察工作进驻会,完成了对县甲局、县乙局2个县直单位党组织,"
            "及甲乡、乙镇2个乡镇所辖部分行政村的巡察入驻工作。")
    assert targets(text) == ["县甲局", "县乙局"]


def test_a_company_named_short_in_the_headline_and_in_full_in_the_body_is_one_unit() -> None:
    text = ("某某委巡视组进驻甲黄金等2户企业开展巡视\n"
            "记者获悉,某某委巡视组已分别进驻甲黄金集团公司、乙轻工集团有限公司等2户企业开展巡视。")
    assert targets(text) == ["甲黄金集团公司", "乙轻工集团有限公司"]
