"""Findings written inline in news releases: series in one clause, lists past a sentence end,
lead phrases without a colon, fields of work as categories. Units and problems are invented."""
from __future__ import annotations

import pytest

from xunshi.parse.extract.findings import extract_findings
from xunshi.parse.model import Finding


def findings(text: str, doc_type: str | None = "feedback") -> list[Finding]:
    found = extract_findings(text, doc_type)  # type: ignore[arg-type]
    for f in found:
        assert f.title and f.title in f.span.of(text)
    return found


def titles(text: str, doc_type: str | None = "feedback") -> list[str]:
    return [f.title for f in findings(text, doc_type)]


@pytest.mark.parametrize("text", [
    "巡察发现,被巡察的5个社区党支部不同程度存在学习制度执行不严、台账管理混乱、议事程序不规范等问题。",
    "但巡察也发现,被巡察单位存在学习制度执行不严、台账管理混乱、议事程序不规范等较为突出问题,需认真整改。",
    "反馈指出,该中心还存在学习制度执行不严、台账管理混乱、议事程序不规范等问题。巡察组要求,限期整改。",
    "会议指出,巡察组及时发现了一些学习制度执行不严、台账管理混乱、议事程序不规范等问题。",
])
def test_a_series_in_one_clause_gives_one_problem_each(text: str) -> None:
    assert titles(text) == ["学习制度执行不严", "台账管理混乱", "议事程序不规范"]


def test_a_series_closed_by_counts_of_fields_and_problems() -> None:
    text = "会上,组长反馈了党委职责定位不够准确、项目监管不够有力、选人用人不够规范等3个方面9条具体问题。"
    assert titles(text) == ["党委职责定位不够准确", "项目监管不够有力", "选人用人不够规范"]


def test_a_series_of_quoted_problems() -> None:
    text = ("从公布的情况看,各单位切实加强了政治建设。针对巡察反馈的“文体设施闲置,管护责任不明”"
            "“食堂账目不清”等问题,被巡察单位作出了针对性整改。")
    assert titles(text) == ["文体设施闲置,管护责任不明", "食堂账目不清"]
    assert titles(text, "rectification") == ["文体设施闲置,管护责任不明", "食堂账目不清"]


@pytest.mark.parametrize("text", [
    "巡察组重点了解被巡察单位是否在履行职责方面存在推诿扯皮、不担当不作为等问题。",
    "反馈要求,被巡察单位要切实解决学习制度执行不严、台账管理混乱等问题。",
    "巡察发现,5个社区在服务群众方面、财务管理方面还存在一些突出问题。",
    "反馈了被巡察单位存在的意识形态工作、政府采购工作等方面的问题。",
    "为破解巡察人员发现问题线索能力不足、线索成案率低等问题,区纪委向巡察组增派干部。",
])
def test_series_to_look_for_or_to_fix_and_series_of_fields_are_no_problems(text: str) -> None:
    assert findings(text) == []


def test_a_series_inside_a_listed_item_is_not_read_twice() -> None:
    text = "巡察发现的主要问题是:有的单位存在台账不全、公示滞后等问题;有的干部作风不实。巡察组要求,抓好整改。"
    assert titles(text) == ["有的单位存在台账不全、公示滞后", "有的干部作风不实"]


def test_sentences_stating_problems_continue_a_list_and_give_a_problem_per_clause() -> None:
    text = ("县农业局党组存在的主要问题:党组领导作用发挥不充分,议事决策不规范。思想建设重视不够,"
            "学习流于形式。财务管理乱象较多,存在套取资金风险。巡察组要求,县农业局党组要抓好整改。")
    assert titles(text) == ["党组领导作用发挥不充分", "议事决策不规范", "思想建设重视不够", "学习流于形式",
                            "财务管理乱象较多", "存在套取资金风险"]


@pytest.mark.parametrize("after", [
    "巡察组同时指出,整改不到位的要严肃问责。", "会上,局党组书记作了表态发言,表示不折不扣抓好整改。",
    "针对存在的问题,巡察组提出了整改意见。",
])
def test_a_list_ends_at_a_sentence_someone_speaks_in(after: str) -> None:
    text = f"县林业局党组存在的主要问题:护林员管理不到位;项目资金拨付滞后。{after}"
    assert titles(text) == ["护林员管理不到位", "项目资金拨付滞后"]


def test_problems_listed_after_wenti_baokuo_and_a_comma() -> None:
    text = "巡察组在某县发现的问题包括,班子议事不规范;干部选任把关不严;公车管理混乱等。"
    assert titles(text, None) == ["班子议事不规范", "干部选任把关不严", "公车管理混乱"]


def test_problems_listed_after_cong_qingkuang_kan() -> None:
    text = "从巡察反馈情况看,部分被巡察党组织学习贯彻有偏差;有的村级财务管理混乱。巡察组要求,立行立改。"
    assert titles(text) == ["部分被巡察党组织学习贯彻有偏差", "有的村级财务管理混乱"]


def test_praise_after_cong_qingkuang_kan_is_no_problem() -> None:
    text = "从巡察情况看,被巡察单位认真学习贯彻上级决策部署;各项工作取得较好成效。"
    assert findings(text) == []


def test_an_enumeration_right_after_zhichu() -> None:
    text = "巡察组指出,一是理论学习不系统;二是村务公开不及时。巡察组要求,限期整改。"
    assert [(f.seq, f.title) for f in findings(text)] == [(1, "理论学习不系统"), (2, "村务公开不及时")]


def test_clauses_naming_their_field_give_the_category() -> None:
    text = ("干部群众反映的问题主要是:党风廉政建设方面存在的问题突出,有的干部违规收受礼金,有的项目招标不规范。"
            "违反中央八项规定精神问题仍然较多,有的公车私用。选人用人方面还存在一些问题,有的超职数配备干部。"
            "巡视组要求,抓好整改。")
    assert [(f.category, f.title) for f in findings(text)] == [
        ("党风廉政建设方面", "有的干部违规收受礼金"), ("党风廉政建设方面", "有的项目招标不规范"),
        ("党风廉政建设方面", "违反中央八项规定精神问题仍然较多"), ("党风廉政建设方面", "有的公车私用"),
        ("选人用人方面", "有的超职数配备干部")]


def test_fields_named_before_the_problems_after_faxian() -> None:
    text = "巡察发现,在党的领导方面,议事决策不规范;在党的建设方面,支部换届滞后。巡察组要求,抓好整改。"
    assert [(f.category, f.title) for f in findings(text)] == [
        ("党的领导方面", "议事决策不规范"), ("党的建设方面", "支部换届滞后")]


@pytest.mark.parametrize(("text", "expected"), [
    ("据统计,本轮巡察发现被巡察单位存在学习不深入、决策不规范、财务管理混乱3个方面问题共计86个。",
     ["学习不深入", "决策不规范", "财务管理混乱"]),
    ("会议反馈了被巡察单位存在学习不深入、决策不规范“两大问题”和档案工作等方面存在的问题。",
     ["学习不深入", "决策不规范"]),
])
def test_a_series_closed_by_a_count_without_deng(text: str, expected: list[str]) -> None:
    assert titles(text) == expected


def test_a_series_in_someone_s_quoted_words_is_not_read() -> None:
    text = "“一些村干部还存在优亲厚友、吃拿卡要等问题,影响很坏。”县纪委书记说。"
    assert findings(text) == []


@pytest.mark.parametrize("doc_type", ["feedback", "rectification", None])
def test_problems_answered_one_at_a_time(doc_type: str | None) -> None:
    text = ("督查组实地查看整改成效。对巡察中反馈到食堂“大锅饭”的问题,以暗访方式督查;"
            "针对巡察反馈一些道路项目进度缓慢问题,深入工地核实。针对巡察反馈的问题,逐项对账销号;"
            "针对巡察反馈指出的共性问题,开展专项整治。")
    assert titles(text, doc_type) == ["食堂“大锅饭”", "一些道路项目进度缓慢"]


def test_problems_quoted_before_saying_whose_they_are() -> None:
    text = ("“村集体台账管理混乱,干部学习不深,理解不透,公示栏长期不更新……”这些专项巡察中发现的问题,"
            "被巡察组在反馈会上逐一通报。")
    assert titles(text) == ["村集体台账管理混乱", "干部学习不深,理解不透", "公示栏长期不更新"]


def test_a_meeting_s_own_enumeration_after_zhichu_is_no_problem() -> None:
    text = "会议指出,一是要提高政治站位;二是要压实整改责任。"
    assert findings(text) == []


def test_a_single_listed_item_closing_as_a_series_is_cut_at_its_commas_and_dunhao() -> None:
    text = ("反馈指出,该镇党委在民生事项落实等方面取得了一定成效,但仍存在一些问题。主要是:村级发展活力不足,"
            "党费收缴不严格、村务监督流于形式、财务管理混乱等问题。县委巡察办负责同志讲了意见。")
    assert titles(text) == ["村级发展活力不足", "党费收缴不严格", "村务监督流于形式", "财务管理混乱"]


def test_an_enumerated_item_runs_to_the_next_and_the_list_ends_at_the_recommendations() -> None:
    text = ("巡察组指出了存在的主要问题:一是理论学习不深入。全年仅学习2次。二是对巡视指出问题整改不到位。"
            "巡察组提出了整改意见:一是加强学习;二是健全制度;三是严肃纪律。")
    assert [(f.seq, f.title) for f in findings(text)] == [
        (1, "理论学习不深入。全年仅学习2次"), (2, "对巡视指出问题整改不到位")]


@pytest.mark.parametrize(("text", "expected"), [
    ("反馈了党委风险防控意识不强、落实“两个责任”不够到位、制度执行不严等3个方面问题。",
     ["党委风险防控意识不强", "落实“两个责任”不够到位", "制度执行不严"]),
    ("巡察发现,该镇存在“三超两乱”“三龄两历”整治不彻底、台账不全等问题。",
     ["“三超两乱”“三龄两历”整治不彻底", "台账不全"]),
    ("巡察发现,该村存在“吃拿卡要”、“优亲厚友”等问题。", ["吃拿卡要", "优亲厚友"]),
])
def test_quotations_inside_members_of_a_series(text: str, expected: list[str]) -> None:
    assert titles(text) == expected


def test_a_series_may_join_short_fault_clauses_with_commas() -> None:
    text = "巡察也发现,各学院还不同程度地存在着学习贯彻有差距,履行“两个责任”不到位,落实组织路线有短板等问题。"
    assert titles(text) == ["学习贯彻有差距", "履行“两个责任”不到位", "落实组织路线有短板"]


@pytest.mark.parametrize("text", [
    "从反馈情况看,6个县重视上轮整改,取得了阶段性成效,但与要求相比还有差距等问题。",
    "反馈要求,被巡察单位要切实解决学习制度执行不严,台账管理混乱等问题。",
])
def test_comma_joined_clauses_that_state_no_fault_are_no_series(text: str) -> None:
    assert findings(text) == []


def test_sentences_after_a_series_state_more_problems_one_per_clause() -> None:
    text = ("从反馈情况看,3个县存在党的领导弱化、全面从严治党不力等突出问题。甲县履行主体责任不到位,"
            "有的干部规矩意识不强,专项资金管理不严。乙县基层党组织建设薄弱,选人用人不规范。\n巡视组要求,抓好整改。")
    assert titles(text) == ["党的领导弱化", "全面从严治党不力", "甲县履行主体责任不到位", "有的干部规矩意识不强",
                            "专项资金管理不严", "乙县基层党组织建设薄弱", "选人用人不规范"]


def test_a_sentence_after_a_series_about_the_inspectors_is_no_problem() -> None:
    text = ("督查发现,少数单位仍然存在整改进度缓慢、整改成效较差等突出问题。3个督查组不遮掩、不含糊,"
            "以书面形式再反馈督查情况。")
    assert titles(text) == ["整改进度缓慢", "整改成效较差"]


def test_items_that_all_open_with_youde_stay_whole() -> None:
    text = ("但巡察也发现,有的单位党组织政治核心作用发挥不够,有的落实“两个责任”不够到位,"
            "有的组织建设存在短板,在班子建设方面存在薄弱环节。反馈要求,抓好整改。")
    assert titles(text) == ["有的单位党组织政治核心作用发挥不够", "有的落实“两个责任”不够到位",
                            "有的组织建设存在短板,在班子建设方面存在薄弱环节"]


def test_a_clause_cut_off_by_the_end_of_the_text_is_dropped() -> None:
    text = "从反馈情况看,该县存在党建弱化、管党不严等突出问题。甲县基层党组织建设弱化,管党治党不严,廉"
    assert titles(text)[-2:] == ["甲县基层党组织建设弱化", "管党治党不严"]


def test_a_series_cut_off_by_the_end_of_the_text() -> None:
    text = ("巡察也发现,各学院还不同程度地存在着学习贯彻有差距,履行“两个责任”不到位,"
            "对巡视、审计等监督发现的问题整改不够彻")
    assert titles(text) == ["学习贯彻有差距", "履行“两个责任”不到位", "对巡视、审计等监督发现的问题整改不够彻"]


def test_a_series_that_is_the_subject_of_its_clause() -> None:
    text = ("记者梳理发现,各地反馈情况各有侧重。此外,吃拿卡要、优亲厚友、虚报冒领等问题也在多个县的反馈情况中被提及。"
            "“村务公开不及时”成为最突出的问题。")
    assert titles(text) == ["吃拿卡要", "优亲厚友", "虚报冒领", "村务公开不及时"]


def test_a_subject_series_needs_a_predicate_saying_the_problems_are_there() -> None:
    text = "会议要求,各单位要对照检查。学习不深入、作风不扎实等问题的整改,要列入台账。"
    assert findings(text) == []


def test_a_series_closed_by_a_quoted_label() -> None:
    text = "巡察中发现5个社区还普遍存在服务群众有落差、台账管理有欠缺、阵地建设有短板等“三有”问题。"
    assert titles(text) == ["服务群众有落差", "台账管理有欠缺", "阵地建设有短板"]


def test_an_enumeration_after_the_listed_problems_is_not_theirs() -> None:
    text = ("但巡察也发现了一些问题,主要表现在:校内安全管理有漏洞;食堂管理不规范;资产台账不全。"
            "提出整改建议意见:一是强化政治意识;二是聚焦主责主业。")
    assert titles(text) == ["校内安全管理有漏洞", "食堂管理不规范", "资产台账不全"]


def test_series_under_the_fields_named_before_them() -> None:
    text = ("巡察组发现该局在落实上级决策部署方面,存在服务群众理念树立不够牢固等问题;基层党组织建设方面,"
            "主要存在党组领导作用发挥不够充分、党建工作不够扎实等问题;资金管理方面,主要存在制度落实不严、"
            "台账未及时更新的情况。")
    assert [(f.category, f.title) for f in findings(text)] == [
        ("落实上级决策部署方面", "服务群众理念树立不够牢固"), ("基层党组织建设方面", "党组领导作用发挥不够充分"),
        ("基层党组织建设方面", "党建工作不够扎实"), ("资金管理方面", "制度落实不严"),
        ("资金管理方面", "台账未及时更新")]


def test_one_named_problem_must_state_a_fault() -> None:
    assert findings("巡察期间,巡察组还发现了问题线索等问题。") == []


def test_a_story_opening_with_a_paragraph_that_only_quotes_the_problems() -> None:
    text = ("“部分干部缺乏担当,遇事推诿;一些党员纪律意识不强,违规吃喝时有发生;少数村党组织长期不换届……”\n"
            "近日,某市召开专题会议,通报市委巡察发现的8个方面普遍性问题。")
    assert titles(text) == ["部分干部缺乏担当,遇事推诿", "一些党员纪律意识不强,违规吃喝时有发生",
                            "少数村党组织长期不换届"]


@pytest.mark.parametrize("quote", ["“整改以后,老问题有没有复发?长效机制有没有建立?”",
                                   "“巡察整改要真改实改,确保问题件件有着落。”"])
def test_a_quoted_opening_paragraph_that_asks_or_urges_is_no_list(quote: str) -> None:
    assert findings(f"{quote}\n3月20日,县纪委到该镇开展回访督查。") == []


def test_a_sentence_asking_for_something_ends_the_list() -> None:
    text = "巡察发现,被巡察单位存在台账不全、公示滞后等问题。整改不到位的要严肃问责。"
    assert titles(text) == ["台账不全", "公示滞后"]


def test_a_series_introduced_by_zhuru() -> None:
    text = "巡察办发现诸如村级财务管理不规范、党员教育管理不到位等问题普遍存在。"
    assert titles(text) == ["村级财务管理不规范", "党员教育管理不到位"]
