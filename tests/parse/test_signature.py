"""Issuer and signature date: closing lines, bylines, titles."""
from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from xunshi.parse.extract.dates import find_dates
from xunshi.parse.extract.signature import extract_signature
from xunshi.parse.normalize import normalize


def test_closing_issuer_and_date() -> None:
    text = "正文第一段。\n联系电话:0731-1234567。\n中共某某县纪律检查委员会\n2021年5月6日"
    sig = extract_signature(text)
    assert sig.issuer == "中共某某县纪律检查委员会"
    assert str(sig.published_on) == "2021-05-06"
    assert sig.issuer_span and text[sig.issuer_span.start : sig.issuer_span.end] == sig.issuer
    assert sig.published_span and text[sig.published_span.start : sig.published_span.end] == "2021年5月6日"


def test_chinese_numeral_signature_date_and_issuer_on_one_line() -> None:
    sig = extract_signature(normalize("正文。\n中共某某市财政局党组　二〇二一年三月十二日"))
    assert sig.issuer == "中共某某市财政局党组"
    assert str(sig.published_on) == "2021-03-12"


def test_signature_broken_over_two_lines() -> None:
    text = "特此公告。\n中共某某县委巡察工作\n领导小组办公室\n2022年1月3日"
    sig = extract_signature(text)
    assert sig.issuer == "中共某某县委巡察工作领导小组办公室"
    assert str(sig.published_on) == "2022-01-03"


def test_numeric_signature_date_after_a_closing_remark() -> None:
    sig = extract_signature("正文。\n中共某某区委办公室\n2023-02-14\n(此件公开发布)")
    assert (sig.issuer, str(sig.published_on)) == ("中共某某区委办公室", "2023-02-14")


def test_byline_gives_issuer_but_no_date() -> None:
    sig = extract_signature("2021年3月1日,巡察组进驻。\n正文最后一句。(县委巡察办 李四)")
    assert sig.issuer == "县委巡察办"
    assert sig.published_on is None


def test_title_unit_when_nothing_closes_the_text() -> None:
    text = "某某区委关于巡视整改进展情况的通报\n2019年3月至5月,省委巡视组对某某区进行了巡视。\n欢迎监督。"
    sig = extract_signature(text)
    assert sig.issuer == "某某区委"
    assert sig.published_on is None


def test_body_dates_are_not_the_publication_date() -> None:
    sig = extract_signature("2020年4月2日,市委巡察组向市委统战部反馈了巡察意见。\n如有意见请反映。")
    assert sig.issuer is None and sig.published_on is None


def test_traditional_closing() -> None:
    sig = extract_signature(normalize("正文。\n中共某某縣委宣傳部\n2019年8月30日"))
    assert sig.issuer == "中共某某县委宣传部"


@given(st.text(alphabet=st.sampled_from(list("中共市县委员会办局关于的通报巡察()年月日0123456789 \n。,"))))
def test_any_text_gives_spans_inside_it(text: str) -> None:
    sig = extract_signature(text)
    for span in (sig.issuer_span, sig.published_span):
        assert span is None or 0 <= span.start < span.end <= len(text)
    if sig.issuer is not None:
        assert sig.issuer_span is not None
        assert text[sig.issuer_span.start : sig.issuer_span.end] == sig.issuer


def test_issuer_with_its_other_name_in_parentheses() -> None:
    sig = extract_signature("正文。\n中共某某县委办公室(县委巡察工作领导小组办公室)\n2020年4月9日")
    assert sig.issuer == "中共某某县委办公室(县委巡察工作领导小组办公室)"
    assert str(sig.published_on) == "2020-04-09"


@pytest.mark.parametrize(("head", "issuer"), [
    ("中共某某省委\n关于巡视整改情况的通报", "中共某某省委"),
    ("中共某某市财政局党组关于市委第二巡察组\n反馈意见整改情况的通报", "中共某某市财政局党组"),
    ("索引号:11430100/2021-00012\n中共某某县委关于巡察整改情况的通报", "中共某某县委"),
])
def test_title_unit_on_a_broken_or_late_headline(head: str, issuer: str) -> None:
    """PDF headlines break over lines, and disclosure pages put metadata above them."""
    text = f"{head}\n根据省委统一部署,省委巡视组对某某县进行了巡视。\n一、整改情况\n正文。"
    sig = extract_signature(text)
    assert sig.issuer == issuer
    assert sig.issuer_span and text[sig.issuer_span.start : sig.issuer_span.end] == issuer


def test_no_title_unit_from_the_body() -> None:
    text = "根据省委统一部署,省委巡视组对某某县进行了巡视。\n中共某某县委关于巡察整改情况的通报\n正文。"
    assert extract_signature(text).issuer is None


@pytest.mark.parametrize(("tail", "issuer"), [
    ("稿件来源:县纪委监委\n2021-03-05", "县纪委监委"),
    ("稿件来源: 某县融媒体中心\n作者:张斌", "某县融媒体中心"),
    ("稿件来源:湖南日报\n作者:张斌", "湖南日报"),  # a paper is its source too
])
def test_a_source_line_among_the_closing_lines_names_the_issuer(tail: str, issuer: str | None) -> None:
    sig = extract_signature(normalize(f"6月3日,巡察组向县财政局党组反馈了巡察情况。\n{tail}"))
    assert sig.issuer == issuer


_NEWS = "3月23日,县委第二巡察组向县水利局党组反馈了巡察情况。"


@pytest.mark.parametrize(("head", "date"), [
    ("来源:县委巡察办 发布时间:2020-08-26 浏览次数: 【字体:", "2020-08-26"),
    ("发布日期: 2023-03-24\n点击数:", "2023-03-24"),
    ("2021年04月21日07:25 来源:某某新闻网", "2021-04-21"),
    ("2020-05-09 09:48:48", "2020-05-09"),
    ("發佈時間:2022/3/24 閱讀次數:", "2022-03-24"),
    ("成文日期:2021-03-01\n发布日期:2021-03-05", "2021-03-05"),
])
def test_the_page_metadata_dates_a_release_without_a_signature(head: str, date: str) -> None:
    text = normalize(f"某某县委巡察组反馈巡察情况\n{head}\n{_NEWS}\n(县委巡察办 李四)")
    sig = extract_signature(text)
    assert str(sig.published_on) == date
    assert sig.published_span and find_dates(sig.published_span.of(text))[0].start == sig.published_on


def test_a_signature_date_comes_before_the_page_date() -> None:
    text = normalize(f"发布时间:2021-04-02\n{_NEWS}\n中共某某县委巡察办\n2021年3月30日")
    assert str(extract_signature(text).published_on) == "2021-03-30"


def test_a_date_above_the_body_is_no_signature_of_the_headline() -> None:
    """A short release's posting date sits within its last lines: the headline above it is no issuer."""
    text = normalize(f"某某县召开十四届县委第十轮巡察情况反馈会\n2020-05-09 09:48:48\n{_NEWS}")
    sig = extract_signature(text)
    assert sig.issuer is None and str(sig.published_on) == "2020-05-09"


@pytest.mark.parametrize(("opening", "date"), [
    ("某某社北京4月17日电 2022年4月15日至17日,某某大学等单位公布了巡视整改进展情况。", "2022-04-17"),
    ("某某社长沙8月4日电 3个巡察组下沉到40个村组。这是某某市2017年首轮专项巡察的工作清单。", "2017-08-04"),
    ("【某某社北京十二月三日电】根据部署,2025年10月至11月巡视反馈工作近日完成。", "2025-12-03"),
    ("某某日报海口12月23日讯 2019年9月至11月,省委巡视组对某某市开展了巡视。", "2019-12-23"),
])
def test_a_news_dateline_in_the_year_of_the_events_it_reports(opening: str, date: str) -> None:
    text = normalize(f"{opening}\n巡视组要求抓好整改。")
    sig = extract_signature(text)
    assert str(sig.published_on) == date
    assert sig.published_span is not None and "日" in sig.published_span.of(text)


@pytest.mark.parametrize("opening", [
    "某某社北京4月17日电 省委巡视组近日反馈了巡视情况。",  # no year anywhere
    "某某网北京1月5日消息 2020年12月20日,巡视组完成了进驻。",  # the events come later in the year
    "本报讯 2021年3月4日,县委巡察组进驻某某镇。",  # no date in the dateline
])
def test_a_dateline_whose_year_the_text_does_not_give_is_no_date(opening: str) -> None:
    assert extract_signature(normalize(f"{opening}\n巡察组要求抓好整改。")).published_on is None


@pytest.mark.parametrize(("head", "issuer"), [
    ("来源:县委巡察办 发布时间:2020-08-26", "县委巡察办"),
    ("信息来源:某某镇人民政府 发布日期:2025-10-21 分享:", "某某镇人民政府"),
    ("来源:某某县纪委监委网站发布时间:2017-08-03", "某某县纪委监委网站"),
    ("2020-09-27 19:24 来源: 某江网", "某江网"),
    ("發佈時間:2014-10-11 來源:某某日報 責任編輯:某某", "某某日报"),
    ("发布时间:2020年11月13日\n来源:abcd1", None),  # a user name
    ("发布日期:2021-04-19 信息来源:某德", None),  # a place
])
def test_the_pages_source_names_the_issuer(head: str, issuer: str | None) -> None:
    text = normalize(f"某某县委巡察组反馈巡察情况\n{head}\n{_NEWS}\n巡察组要求抓好整改。")
    sig = extract_signature(text)
    assert sig.issuer == issuer
    assert issuer is None or (sig.issuer_span and sig.issuer_span.of(text) == issuer)


@pytest.mark.parametrize(("opening", "outlet"), [
    ("某某社长沙8月4日电 3个巡察组下沉到40个村组。", "某某社"),
    ("某北日报讯(记者某某)根据省委巡视工作安排,巡视反馈工作近日全部完成。", "某北日报"),
    ("据某某先锋网报道 根据市委部署,市委组建6个巡察组。", "某某先锋网"),
    ("本报讯 近日,县委巡察组完成进驻。", None),
])
def test_a_datelines_outlet_is_the_issuer_when_nothing_else_names_one(opening: str, outlet: str | None) -> None:
    text = normalize(f"{opening}\n巡察组要求抓好整改。")
    sig = extract_signature(text)
    assert sig.issuer == outlet
    assert outlet is None or sig.issuer_span.of(text) == outlet


def test_the_site_a_browser_title_names_is_the_issuer() -> None:
    text = normalize("> 校党委向文学院反馈巡视情况-某某大学党委巡视办\n校党委向文学院反馈巡视情况\n" + _NEWS)
    sig = extract_signature(text)
    assert sig.issuer == "某某大学党委巡视办" and sig.issuer_span.of(text) == sig.issuer


def test_a_signature_run_into_the_last_paragraph() -> None:
    text = normalize("3月6日至5月6日,省委第六巡视组对某某县进行巡视。感谢某某县干部群众的支持!特此公告。 省委第六巡视组 2018年5月5日")
    sig = extract_signature(text)
    assert (sig.issuer, str(sig.published_on)) == ("省委第六巡视组", "2018-05-05")
    assert sig.issuer_span.of(text) == sig.issuer and sig.published_span.of(text) == "2018年5月5日"


def test_a_date_ending_a_sentence_is_no_signature() -> None:
    assert extract_signature("巡察组完成了进驻。截至2020年12月31日").published_on is None


def test_the_dated_list_of_related_stories_ending_a_page_is_no_signature() -> None:
    text = normalize(f"{_NEWS}\n新闻评论\n-\n某某新变化\n2018-03-02 08:58:39\n-\n某某要注意了\n2018-03-02 08:58:39")
    assert extract_signature(text).published_on is None


def test_a_dateline_behind_a_stray_mark() -> None:
    """A page that lost an icon prints a mark before the dateline (? 某某晚报4月23日讯)."""
    text = normalize("? 某鲁晚报4月23日讯(记者 某某) 23日,记者获悉,市委第一巡察组召开动员会。\n巡察组要求抓好整改。")
    sig = extract_signature(text)
    assert sig.issuer == "某鲁晚报" and sig.issuer_span.of(text) == "某鲁晚报"


def test_a_reporters_credit_names_the_outlet() -> None:
    text = normalize(f"{_NEWS}\n文/某州日报新某城记者:某某 通讯员:某某\n图/某州日报新某城记者:某某\n某州日报新某城编辑:某某")
    sig = extract_signature(text)
    assert sig.issuer == "某州日报新某城" and sig.issuer_span.of(text) == sig.issuer


def test_a_credit_of_the_paper_itself_names_no_outlet() -> None:
    assert extract_signature(normalize(f"{_NEWS}\n文/本报记者 某某")).issuer is None


def test_the_unit_hosting_the_site_when_nothing_else_names_one() -> None:
    text = normalize(f"{_NEWS}\n关于我们 | 网站声明\n主办单位:中共某某市纪律检查委员会 某某市监察委员会\n"
                     "版权所有:中共某某市纪律检查委员会")
    sig = extract_signature(text)
    assert sig.issuer == "中共某某市纪律检查委员会" and sig.issuer_span.of(text) == sig.issuer


def test_a_signature_whose_date_lost_its_year_and_month_marks() -> None:
    text = normalize(f"{_NEWS}\n特此公告。\n中共某某市委第巡察组\n20251021日")
    assert extract_signature(text).issuer == "中共某某市委第巡察组"


@pytest.mark.parametrize(("head", "issuer", "date"), [
    ("创建者:某某作者:某某发布时间:2025-11-05浏览次数:35", None, "2025-11-05"),
    ("2020-12-21 某某者网", "某某者网", "2020-12-21"),
])
def test_page_fields_under_the_headline(head: str, issuer: str | None, date: str) -> None:
    text = normalize(f"某某县委巡察组召开动员会\n{head}\n{_NEWS}")
    sig = extract_signature(text)
    assert (sig.issuer, str(sig.published_on)) == (issuer, date)


def test_a_closing_credit_line_with_fields_parted_by_semicolons() -> None:
    text = normalize(f"{_NEWS}\n供稿:党委巡察办;作者:某某;编审:某某;终审:某某、某某")
    sig = extract_signature(text)
    assert sig.issuer == "党委巡察办" and sig.issuer_span.of(text) == sig.issuer


@pytest.mark.parametrize("masthead", ["国内统一刊号:CN53-0011 某理日报社出版", "第01版:头版 某北日报"])
def test_our_papers_news_names_the_paper_its_page_prints(masthead: str) -> None:
    """本报讯 names no paper: the newspaper page's masthead does."""
    text = normalize(f"{masthead}\n本报讯(通讯员 某某) 近日,县委巡察组完成进驻。\n巡察组要求抓好整改。")
    sig = extract_signature(text)
    assert sig.issuer == masthead.split()[-1].removesuffix("社出版") and sig.issuer_span.of(text) == sig.issuer


def test_our_papers_news_on_a_page_naming_two_papers_names_none() -> None:
    text = normalize("某北日报 某南晚报\n本报讯 近日,县委巡察组完成进驻。\n巡察组要求抓好整改。")
    assert extract_signature(text).issuer is None


def test_the_sites_welcome_banner_names_its_host() -> None:
    text = normalize(f"欢迎光临 某某市某某区人民法院网站\n市区联动巡察组向某某区法院反馈巡察意见\n{_NEWS}")
    sig = extract_signature(text)
    assert sig.issuer == "某某市某某区人民法院" and sig.issuer_span.of(text) == sig.issuer


@pytest.mark.parametrize(("imprint", "paper", "day"), [
    ("《某某冶金报》(2020年11月24日 06版六版)", "某某冶金报", "2020-11-24"),
    ("《 某某日报 》( 2023年10月11日 04 版)", "某某日报", "2023-10-11"),
])
def test_a_papers_imprint_closing_the_story(imprint: str, paper: str, day: str) -> None:
    text = normalize(f"本报讯(记者某某)11月中旬,集团公司党委3个巡察组分别进入甲公司、乙公司开展巡察。\n{imprint}")
    sig = extract_signature(text)
    assert (sig.issuer, str(sig.published_on)) == (paper, day)


def test_a_pages_own_date_comes_before_the_imprint_of_the_story_it_reposts() -> None:
    text = normalize("发布时间:2024-11-24 04:24:16\n甲部党组开展常规巡视。\n《 某某日报 》( 2023年10月11日 04 版)")
    assert str(extract_signature(text).published_on) == "2024-11-24"
