"""Document type and headline: own rectification markers first, feedback wording otherwise."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from xunshi.parse.extract.document import classify, extract_title
from xunshi.parse.normalize import normalize


def doc_type_of(text: str) -> str | None:
    """classify() as the parser calls it: with the headline extract_title finds."""
    title = extract_title(text)
    return classify(text, title[0] if title else None)

_BODY = "根据省委统一部署,省委第二巡视组于2019年3月至5月对我县进行了巡视。"


@pytest.mark.parametrize("title", [
    "中共溆浦县委关于省委巡视整改进展情况的通报",
    "关于十二届省委第三轮巡视集中整改情况的公告",
    "县卫健局党组关于县委巡察反馈意见整改落实情况的报告",
    "市水利局关于巡察整改情况的公开",
])
def test_headline_on_the_first_line(title: str) -> None:
    text = normalize(f"{title}\n{_BODY}")
    found, span = extract_title(text)
    assert found == title and span.of(text) == title


def test_headline_below_a_block_of_disclosure_metadata() -> None:
    title = "县林业局党组关于县委巡察整改情况的通报"
    text = f"索引号:\n0012-2023-118\n文件名称:\n{title}\n公开方式:\n主动公开\n" + _BODY
    found, span = extract_title(text)
    assert found == title and span.of(text) == title


@pytest.mark.parametrize("opening", [
    _BODY,
    "一、整改工作开展情况",
    "(一)关于整改落实情况",
    "2020年5月,市委巡察组反馈了巡察情况",
    "按照县委统一部署,县委第一巡察组对县文旅局开展了巡察",
    "关于落实主体责任不到位的问题,我们进行了整改。",
    "摘要:5月9日,某县委巡察工作领导小组听取第二轮巡察情况汇报",
    "内容摘要:县委第一巡察组向甲镇党委反馈巡察情况",
])
def test_a_report_opening_with_its_body_has_no_title(opening: str) -> None:
    assert extract_title(f"{opening}\n{_BODY}") is None


@pytest.mark.parametrize("title, doc_type", [
    ("市林业局党组关于市委巡察反馈意见的整改方案", "rectification"),
    ("关于巡察组反馈问题的整改进展", "rectification"),
    ("中共某某县委关于十四届县委第五轮巡察情况的通报", "feedback"),
])
def test_headline_decides_the_type(title: str, doc_type: str) -> None:
    assert doc_type_of(f"{title}\n{_BODY}") == doc_type


@pytest.mark.parametrize(("head", "printed"), [
    ("中共长沙县委关于省委第三巡视组\n反馈意见整改情况的通报", "中共长沙县委关于省委第三巡视组\n反馈意见整改情况的通报"),
    ("索引号:0012\n中共溆浦县委\n关于巡视整改情况的通报", "中共溆浦县委\n关于巡视整改情况的通报"),
    ("中共溆浦县委文件\n关于巡视整改情况的通报", "关于巡视整改情况的通报"),
])
def test_headline_broken_over_two_lines(head: str, printed: str) -> None:
    """Headlines laid out like official documents break in two; a 文件 letterhead is no part."""
    text = f"{head}\n{_BODY}"
    found, span = extract_title(text)
    assert span.of(text) == printed and found == printed.replace("\n", "")


def test_a_complete_headline_does_not_take_the_next_line() -> None:
    text = "县委关于巡察整改情况的通报\n——县委第三巡察组反馈意见整改落实情况\n" + _BODY
    assert extract_title(text)[0] == "县委关于巡察整改情况的通报"


def test_full_width_and_traditional_headline() -> None:
    text = normalize("中共漵浦縣委關於巡視整改進展情況的通報\n" + _BODY)
    assert extract_title(text)[0] == "中共溆浦县委关于巡视整改进展情况的通报"


@pytest.mark.parametrize("text", [
    "县委关于巡察整改情况的通报\n" + _BODY,
    _BODY + "\n现将巡视整改情况予以公布。",
    _BODY + "\n欢迎广大干部群众对我县巡视整改落实情况进行监督。",
    _BODY + "\n1.理论学习不深入\n整改情况:制定了学习计划。",
    _BODY + "\n市委巡察组向我局反馈了巡察意见。现将集中整改进展情况通报如下。",
    _BODY + "\n1.档案管理不规范。整改措施:补齐档案。",
    _BODY + "\n二、反馈问题整改落实情况\n(一)党建方面",
    "县水利局党组关于县委巡察反馈意见落实情况的报告\n" + _BODY,
])
def test_rectification(text: str) -> None:
    assert doc_type_of(text) == "rectification"


@pytest.mark.parametrize("text", [
    "省委第二巡视组向溆浦县反馈巡视情况\n" + _BODY,
    "近日,市委巡察组分别向被巡察单位反馈了巡察情况。巡察组要求抓好整改落实。",
    "按照市委部署,十届市委第三轮巡察情况反馈全部完成。",
    "市委巡察组向市教育局党组反馈巡察情况。现将巡察反馈情况和整改要求公布如下。",
    "县委巡察组反馈了巡察意见,要求被巡察单位在2个月内将整改情况报告县委。",
    "县委巡察组向县民政局反馈了巡察意见。\n一、巡察发现的主要问题\n二、整改要求",
])
def test_feedback(text: str) -> None:
    assert doc_type_of(text) == "feedback"


@pytest.mark.parametrize("text", [
    "按照县委统一部署,十届县委第三轮巡察4个巡察组已全部进驻并完成动员。",  # a round's start
    "某某县委巡察组将于2021年5月21日撤离,设置的意见箱予以撤回。\n特此公告。",  # a withdrawal notice
    "3月8日,县委巡察工作领导小组召开会议,听取第七轮巡察情况汇报。",  # a leadership-group meeting
    "某某县召开十四届县委第十轮巡察情况反馈会\n5月8日,县委巡察组向县水利局反馈意见。",  # a meeting headline
])
def test_anything_else_about_an_inspection_comes_from_the_inspecting_side(text: str) -> None:
    assert doc_type_of(text) == "feedback"


@pytest.mark.parametrize("text", [
    "本级巡察整改:某某区开展巡察整改专项督查\n为巩固巡察成果,区纪委监委组成督查组。",
    "近日,某某县委巡察工作领导小组派出3个督查组,对前4轮巡察的14个党组织的巡察整改工作开展督促检查。",
    "“整改以后,老问题有没有复发?”3月20日,县纪委监委到某某镇开展巡察反馈问题整改落实情况回访督查工作。",
    "3月25日,学校党委第二轮巡察整改工作汇报会在某某校区召开。",
    "7月7日下午,甲学院党委在报告厅召开巡察整改情况通报会,学院党委书记通报了巡察整改情况。",
])
def test_news_about_checking_or_pushing_rectification(text: str) -> None:
    assert doc_type_of(text) == "rectification"


@pytest.mark.parametrize("text", [
    "3月23日,校党委向文学院反馈第三轮巡视情况,并传达了学校党委对巡视整改工作的要求。",
    "9月12日,校党委召开第三轮巡察集中反馈会,对落实巡察整改工作进行集中部署。",
    "巡察工作开展以来,某某县已对7个乡镇开展专项巡察,发现问题247个,整改问题247个。",
])
def test_feedback_news_mentioning_rectification_stays_feedback(text: str) -> None:
    assert doc_type_of(text) == "feedback"


def test_neither() -> None:
    assert doc_type_of("县政府召开常务会议,研究部署防汛工作。") is None


_ALPHABET = st.sampled_from(list("关于巡视察整改反馈情况通报公开的县市委一二、()1.。,:\n年月根据"))


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), st.text(_ALPHABET, max_size=150)))
def test_never_raises_and_the_title_span_is_its_line(text: str) -> None:
    assert doc_type_of(text) in (None, "rectification", "feedback")
    found = extract_title(text)
    if found:
        title, span = found
        assert span.of(text).replace("\n", "") == title and span.of(text).count("\n") <= 1


@pytest.mark.parametrize(("line", "title"), [
    ("> 校党委向文学院反馈第三轮巡视“回头看”情况-某某大学党委巡视办", "校党委向文学院反馈第三轮巡视“回头看”情况"),
    ("【巡察反馈】县委第二巡察组向某某集团党委反馈巡察情况", "县委第二巡察组向某某集团党委反馈巡察情况"),
    ("巡视巡察 > 正文 > 某某县委关于巡察整改情况的通报", "某某县委关于巡察整改情况的通报"),
    ("某某区委巡察组反馈巡察情况_某某区人民政府门户网站", "某某区委巡察组反馈巡察情况"),
])
def test_page_chrome_glued_to_the_headline_is_no_part_of_it(line: str, title: str) -> None:
    text = normalize(f"{line}\n{_BODY}")
    found, span = extract_title(text)
    assert found == title and span.of(text) == title


def test_a_dashed_subtitle_is_part_of_the_headline() -> None:
    title = "聚焦问题抓整改——某某县召开巡察反馈会"
    assert extract_title(f"{title}\n{_BODY}")[0] == title


def test_a_news_headline_about_an_inspection() -> None:
    title = "十九届某某第六轮巡视将对12个地方和单位党组织开展常规巡视"
    text = normalize(f"展开频道 收起频道\n{title}\n新闻中心 > 天下\n2020-09-27 19:24 来源: 某江网\n{_BODY}")
    assert extract_title(text)[0] == title


def test_a_headline_set_with_spaces_between_its_characters() -> None:
    text = normalize(f"巡 察 公 告\n{_BODY}")
    found, span = extract_title(text)
    assert found == "巡 察 公 告" and span.of(text) == found


def test_the_pages_metadata_lines_are_no_headline() -> None:
    text = normalize(f"来源:县委巡察办 发布时间:2020-08-26\n{_BODY}")
    assert extract_title(text) is None


def test_a_headline_opening_with_its_year() -> None:
    title = "2015年某某省委第四轮第二批巡视展开"
    text = f"{title}\n8个巡视组进驻县(市、区)巡视\n来源:某某省委巡视办 发布时间:2015-12-02 08:58\n{_BODY}"
    assert extract_title(normalize(text))[0] == title


@pytest.mark.parametrize("text", [
    "12月16日,市政府机关党组召开会议,传达学习市委第三巡察组巡察反馈意见,专题研究安排整改落实工作。",
    "11月25日,市政协机关党组召开市委第五巡察组巡察政协机关反馈问题整改专题民主生活会。",
    "3月18日,市委第四巡察组召开专项巡察反馈会。当天下午医院召开党委扩大会,研究部署专项巡察整改工作。",
    "2018年,省委巡视组对297个党组织开展了大检查。到目前为止,反馈问题整改完成率达到100%的51个。",
    "近年来,某某市委巡察机构开展4轮常规巡察。截至5月底,已整改销号问题453个。",
])
def test_a_unit_working_on_its_rectification(text: str) -> None:
    assert doc_type_of(text) == "rectification"


@pytest.mark.parametrize("title", ["巡察公告", "巡视公告", "巡察工作公告"])
def test_a_notices_short_headline(title: str) -> None:
    text = normalize(f"无障碍版 登录\n{title}\n信息来源:某某镇人民政府\n{_BODY}")
    found, span = extract_title(text)
    assert found == title and span.of(text) == title


@pytest.mark.parametrize("line", ["主动公开", "巡察工作", "公告"])
def test_short_lines_that_are_no_headline(line: str) -> None:
    assert extract_title(normalize(f"{line}\n{_BODY}")) is None


def test_a_breadcrumb_line_above_the_headline_is_no_headline() -> None:
    title = "市委第三巡察组向市某某局党组反馈巡察情况"
    text = normalize(f">>资讯中心>>通知公告\n{title}\n发布时间:2024-09-29\n{_BODY}")
    found, span = extract_title(text)
    assert found == title and span.of(text) == title


@pytest.mark.parametrize("text", [
    "按照市委巡察工作有关要求,市某某局党组立即开展整改工作。现根据规定将巡察整改进展情况予以公布。",
    "9月1日,某某市委副书记、市长某某专题调度十二届省委第三轮巡视反馈问题整改工作,听取各单位进展情况。",
    "4月28日,某某区召开落实市委第七巡察组交办边巡边改问题调度会,安排部署下一步工作。",
    "4月13日,区委书记某某主持召开书记专题会议,听取省委巡视反馈意见整改工作进展情况汇报,研究下步工作。",
])
def test_rectification_news_worded_more_freely(text: str) -> None:
    assert doc_type_of(text) == "rectification"


@pytest.mark.parametrize(("title", "doc_type"), [
    ("某某区:巡察规范村级财务公开", "rectification"),
    ("某某局拟搬离豪华办公楼 中央巡视组责令整改", "rectification"),
    ("巡察推动解决群众急难愁盼问题", "rectification"),
    ("巡察立行立改解民忧 某某村路灯亮了", "rectification"),
    ("市委第三巡察组向某某街道党工委反馈巡察情况", "feedback"),
    ("巡察组发现某某村财务不公开等问题", "feedback"),
    ("巡视巡察推动全面从严治党向纵深发展", "feedback"),  # a summary's headline
])
def test_a_headline_on_what_the_inspection_made_a_unit_put_right(title: str, doc_type: str) -> None:
    text = normalize(f"{title}\n近日,巡察组在走访中发现某某村财务不公开等问题,随即反馈给某某街道党工委。")
    assert doc_type_of(text) == doc_type
