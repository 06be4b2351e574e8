"""Normalization: every later span refers to this text, so its rules are pinned here."""
from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from xunshi.parse.normalize import normalize


def test_full_width_punctuation_and_digits_become_ascii() -> None:
    assert normalize("电话：０７３８－８３２８１８７；（一）") == "电话:0738-8328187;(一)"


def test_ideographic_full_stop_and_quotes_are_kept() -> None:
    assert normalize("关于“四风”问题。") == "关于“四风”问题。"


def test_traditional_becomes_simplified() -> None:
    assert normalize("巡察組反饋了黨組織") == "巡察组反馈了党组织"


def test_pinyin_glosses_are_dropped() -> None:
    assert normalize("巡察工作領(lǐng)導(dǎo)小組") == "巡察工作领导小组"


def test_pinyin_gloss_that_lost_its_parenthesis_is_dropped() -> None:
    assert normalize("统筹?chóu)安排") == "统筹安排"


def test_plain_latin_in_parentheses_is_kept() -> None:
    assert normalize("采用(ABC)模式和(app)平台") == "采用(ABC)模式和(app)平台"


def test_web_chrome_lines_are_dropped() -> None:
    raw = "\n".join([
        "当前位置：首页 > 巡察工作 > 整改通报",
        "某县委关于巡察整改情况的通报",
        "浏览次数：23 责任编辑：张三",
        "正文第一段。",
        "【打印】 【关闭】",
        "使用“扫一扫”即可将网页分享至朋友圈",
        "分享到：",
    ])
    assert normalize(raw) == "某县委关于巡察整改情况的通报\n正文第一段。"


def test_a_breadcrumb_however_its_position_is_worded() -> None:
    raw = "您当前所在位置: 主页 > 信息公开 > 巡视巡察 > 反馈 >\n区委第一巡察组反馈巡察情况\n正文。"
    assert normalize(raw) == "区委第一巡察组反馈巡察情况\n正文。"


def test_blank_lines_and_line_endings_are_folded() -> None:
    assert normalize("\ufeff第一段。\r\n\r\n  第二段  有空格。 \r\n") == "第一段。\n第二段 有空格。"


@given(st.text())
def test_normalize_is_idempotent(raw: str) -> None:
    once = normalize(raw)
    assert normalize(once) == once


def test_circled_list_markers_survive() -> None:
    assert normalize("①加强学习；②(１)完善制度") == "①加强学习;②(1)完善制度"


def test_short_bracketed_headings_are_report_text_not_chrome() -> None:
    assert normalize("【党的领导方面】\n【整改情况】\n【打印】 【关闭窗口】\n[返回顶部]") == "【党的领导方面】\n【整改情况】"


def test_disclosure_page_metadata_lines_are_dropped() -> None:
    raw = "索引号：11430100/2021-00123\n公开方式：主动公开\n某市关于巡察整改情况的通报\n正文。"
    assert normalize(raw) == "某市关于巡察整改情况的通报\n正文。"


@pytest.mark.parametrize("line, kept", [
    ("来源：某县纪委监委  发布时间：2021-03-04 09:12 浏览次数：88", "来源:某县纪委监委\n发布时间:2021-03-04"),
    ("来源:某县纪委监委网站发布时间:2017-08-03", "来源:某县纪委监委网站\n发布时间:2017-08-03"),
    ("- 發佈時間：2014-10-11 05:38:46 來源：某某日報 責任編輯：某某", "发布时间:2014-10-11\n来源:某某日报"),
    ("2021年04月21日07:25 来源：某某新闻网", "2021年04月21日07:25\n来源:某某新闻网"),
    ("2020-09-27 19:24 来源: 某江网 【字体：大 中 小】", "2020-09-27 19:24\n来源:某江网"),
    ("发布时间：2022/3/24    阅读次数：", "发布时间:2022/3/24"),
    ("信息来源：某某镇人民政府 发布日期：2025-10-21 分享：", "信息来源:某某镇人民政府\n发布日期:2025-10-21"),
    ("发布机构：某市纪委", "发布机构:某市纪委"),
    ("www.example.gov.cn 】 【 2024-08-29 13:51:01 】 【 来源:某某区人民法院", "2024-08-29 13:51:01\n来源:某某区人民法院"),
    ("创建者:某某作者:某某发布时间:2025-11-05浏览次数:35", "发布时间:2025-11-05"),  # who put the page up
    ("供稿:党委巡察办;作者:某某;编审:某某;终审:某某、某某", "供稿:党委巡察办"),  # fields parted by ;
    ("2020-12-21 某某者网", "2020-12-21\n来源:某某者网"),  # the posting date and who posted it
    ("发布时间:2025-04-01 审核人:某某 编辑:某某 浏览次数:", "发布时间:2025-04-01"),
])
def test_page_metadata_keeps_the_publication_date_and_source(line: str, kept: str) -> None:
    """The date and the source are what a page says about the report; the rest is chrome."""
    assert normalize(f"正文。\n{line}") == f"正文。\n{kept}"


@pytest.mark.parametrize("line", [
    "2020年8月26日",
    "2020-08-26",
    "时间:2021年3月1日至4月30日,巡察组进驻某某局。",
    "2021年3月4日,县委巡察组进驻。",
    "巡察时间:2021-03-01",
    "www.example.gov.cn",
    "2020-05-09 09:48:48",
    "2021年3月4日 县委巡察组进驻",
    "供稿:党委巡察办;巡察组要求抓好整改",
    "2018-03-02 关于巡察整改情况的通报",  # a related story in a dated list
])
def test_report_lines_that_look_like_metadata_stay_whole(line: str) -> None:
    assert normalize(f"正文。\n{line}") == f"正文。\n{line}"
