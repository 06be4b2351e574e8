"""Dates, ranges and relative years, resolved from the text alone."""
from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from xunshi.parse.extract.dates import find_dates
from xunshi.parse.normalize import normalize


def dates(text: str, this_year: int | None = None) -> list[tuple[str, str | None, str]]:
    """(start, end, printed text) of every mention: what the tests compare."""
    return [(str(d.start), None if d.end is None else str(d.end), text[d.span.start : d.span.end])
            for d in find_dates(text, this_year)]


@pytest.mark.parametrize(("text", "expected"), [
    ("会议于2021年3月8日召开。", [("2021-03-08", None, "2021年3月8日")]),
    ("2018年10月8日至11月30日进驻", [("2018-10-08", "2018-11-30", "2018年10月8日至11月30日")]),
    ("2021年6月7日-18日反馈", [("2021-06-07", "2021-06-18", "2021年6月7日-18日")]),
    ("2021年6月7日—7月2日", [("2021-06-07", "2021-07-02", "2021年6月7日—7月2日")]),
    ("2021年6月7日~6月9日", [("2021-06-07", "2021-06-09", "2021年6月7日~6月9日")]),
    ("2017年10月至2018年2月", [("2017-10", "2018-02", "2017年10月至2018年2月")]),
    ("2017年3至5月", [("2017-03", "2017-05", "2017年3至5月")]),
    ("于2019年1月8至9日反馈", [("2019-01-08", "2019-01-09", "2019年1月8至9日")]),
    ("2019年4月1日起至5月31日", [("2019-04-01", "2019-05-31", "2019年4月1日起至5月31日")]),
    ("2020年10月26日开始至12月25日", [("2020-10-26", "2020-12-25", "2020年10月26日开始至12月25日")]),
    ("第五轮巡察于2023年3月14日开始,至5月26日结束", [("2023-03-14", "2023-05-26", "2023年3月14日开始,至5月26日")]),
    ("2017年4月上旬至6月底", [("2017-04", "2017-06", "2017年4月上旬至6月底")]),
    ("2017年12月11日至1月10日", [("2017-12-11", "2018-01-10", "2017年12月11日至1月10日")]),
    ("二〇一八年十二月五日", [("2018-12-05", None, "二〇一八年十二月五日")]),
    ("落款 2018 年 12 月 5 日", [("2018-12-05", None, "2018 年 12 月 5 日")]),
    ("更新于2018-12-05", [("2018-12-05", None, "2018-12-05")]),
    ("2018.12.5", [("2018-12-05", None, "2018.12.5")]),
])
def test_explicit_dates_and_ranges(text: str, expected: list) -> None:
    assert dates(text) == expected


def test_month_precision_is_kept() -> None:
    (mention,) = find_dates("2017年10月至2018年2月")
    assert mention.start.precision == "month" and mention.end is not None
    assert mention.end.precision == "month"


@pytest.mark.parametrize("text", ["2019年2月30日", "2019年13月1日", "2018年4月31日", "3月", "2019年",
                                  "电话0731-8432123", "2019-13-01"])
def test_impossible_or_incomplete_dates_are_dropped(text: str) -> None:
    assert dates(text) == []


def test_relative_year_from_the_preceding_date() -> None:
    text = "2016年9月至11月巡视,今年1月9日反馈,去年12月起整改。"
    assert [d[:2] for d in dates(text)] == [
        ("2016-09", "2016-11"), ("2016-01-09", None), ("2015-12", None)]


def test_relative_year_prefers_the_report_year() -> None:
    assert dates("2016年9月巡视,今年1月9日反馈", this_year=2017)[1][0] == "2017-01-09"


def test_relative_year_without_anchor_is_not_guessed() -> None:
    assert dates("今年3月2日反馈") == []


def test_same_year_and_yearless_dates_follow_the_previous_date() -> None:
    text = "2019年3月1日至5月1日巡察;同年7月9日反馈。6月3日召开会议"
    assert [d[0] for d in dates(text)] == ["2019-03-01", "2019-07-09", "2019-06-03"]


def test_yearless_date_of_an_unsigned_text_takes_the_year_given_before() -> None:
    """A news release gives the year once (2019年3月1日,…) and later paragraphs only 月日."""
    assert [d[0] for d in dates("2019年3月1日巡察\n6月3日召开会议")] == ["2019-03-01", "2019-06-03"]


def test_a_bare_date_opening_an_unsigned_text_takes_the_year_of_the_next_date() -> None:
    got = [(str(d.start), d.year_given) for d in find_dates("6月3日召开会议\n2019年3月1日巡察")]
    assert got == [("2019-06-03", False), ("2019-03-01", True)]


def test_a_bare_date_without_any_year_in_the_text_is_not_guessed() -> None:
    assert dates("6月3日召开会议,7月1日反馈") == []


def test_yearless_date_opening_a_paragraph_takes_the_signature_year() -> None:
    assert [d[0] for d in dates("2019年9月1日至11月30日巡察\n4月2日反馈", this_year=2020)] == [
        "2019-09-01", "2020-04-02"]


@pytest.mark.parametrize(("text", "start"), [
    ("县委巡察组从3月17日起对县林业局开展巡察", "2021-03-17"),
    ("区委第二巡察组自2021年9月20日起,进驻某街道", "2021-09-20"),
    ("从2021年8月11日开始,区委巡察组对某村开展巡察", "2021-08-11"),
])
def test_a_date_that_opens_a_range(text: str, start: str) -> None:
    (mention,) = find_dates(text, 2021)
    assert (str(mention.start), mention.end, mention.opens) == (start, None, True)


@pytest.mark.parametrize("text", ["2019年4月1日起至5月31日", "2019年4月1日召开会议", "2019年4月1日开展巡察"])
def test_a_closed_or_lone_date_opens_nothing(text: str) -> None:
    assert not find_dates(text)[0].opens


def test_full_width_and_traditional_input() -> None:
    text = normalize("２０２０年２月２５日－２７日，巡察情況反饋全部完成")
    assert dates(text)[0][:2] == ("2020-02-25", "2020-02-27")


@given(st.text(alphabet=st.sampled_from(list("0123456789一二三四五六七八九十〇今去同年月日号至-—~.上下旬底初, "))))
def test_any_text_gives_spans_inside_it(text: str) -> None:
    for d in find_dates(text):
        assert 0 <= d.span.start < d.span.end <= len(text)
        assert d.end is None or d.end.as_date() >= d.start.as_date()


def test_part_of_month_anchors_a_yearless_month() -> None:
    """6月下旬 is as specific as a report gets about a feedback: it takes the paragraph's year."""
    text = "2018年4月上旬至6月上旬,市委第一巡察组对某某县进行了巡察,6月下旬反馈了巡察意见。"
    assert dates(text) == [("2018-04", "2018-06", "2018年4月上旬至6月上旬"), ("2018-06", None, "6月下旬")]


def test_bare_month_stays_too_loose() -> None:
    assert dates("2018年4月,巡察组进驻。3月反馈。") == [("2018-04", None, "2018年4月")]


def test_a_month_after_yu_is_a_date() -> None:
    """并于7月反馈: 于 marks the month as the time of an event, which a bare 3月 need not be."""
    text = "2022年4月至6月,校党委第二巡察组对化学学院党委进行了巡察,并于7月反馈了巡察意见。"
    assert dates(text) == [("2022-04", "2022-06", "2022年4月至6月"), ("2022-07", None, "7月")]


def test_next_year_follows_the_previous_date() -> None:
    """次年 / 翌年 count from the date just mentioned, like 同年."""
    text = "2019年11月1日至12月30日巡察,次年1月9日反馈;翌年3月公开"
    assert [d[0] for d in dates(text)] == ["2019-11-01", "2020-01-09", "2021-03"]


def test_next_year_without_a_previous_date_is_not_guessed() -> None:
    assert dates("次年1月9日反馈", this_year=2020) == []


def test_a_bare_date_after_an_earlier_paragraphs_later_date_is_in_the_next_year() -> None:
    """Unsigned releases tell events in order: 12月 then a new paragraph's 3月 is the next year."""
    assert [d[0] for d in dates("2022年12月5日至12月13日巡视。\n3月14日审议报告")] == ["2022-12-05", "2023-03-14"]


def test_a_bare_date_records_that_its_year_was_not_printed() -> None:
    assert [d.year_given for d in find_dates("2017年10月至12月巡察,1月24日至1月30日反馈,1月4至5日")] == [
        True, False, False]


def test_an_open_range_closed_in_the_next_clause() -> None:
    assert dates("常规巡察从2019年4月1日开始,5月31日结束,巡察时间60天") == [
        ("2019-04-01", "2019-05-31", "2019年4月1日开始,5月31日")]


@pytest.mark.parametrize(("text", "expected"), [
    # pages that lost 年 and 月: the month and day run together, read when one split is a calendar day
    ("根据统一部署,2023615日至728日,市委第二巡察组进行了巡察。", [("2023-06-15", "2023-07-28", "2023615日至728日")]),
    ("区委第一巡察组于201855日至616日", [("2018-05-05", "2018-06-16", "201855日至616日")]),
    ("市委第一巡察组从2024年1122日至2025年1月9日", [("2024-11-22", "2025-01-09", "2024年1122日至2025年1月9日")]),
    ("2021年3月2日进驻。925日,巡察组反馈。", [("2021-03-02", None, "2021年3月2日"), ("2021-09-25", None, "925日")]),
    ("2022318日上午,召开反馈会", [("2022-03-18", None, "2022318日")]),
    # nor the 至 between two days
    ("巡察组于2020年5月6日6月5日对甲局进行了巡察。", [("2020-05-06", "2020-06-05", "2020年5月6日6月5日")]),
])
def test_a_date_whose_year_and_month_marks_were_lost(text: str, expected: list) -> None:
    assert dates(text) == expected


@pytest.mark.parametrize("text", [
    "2021年3月2日进驻,历时120日。",  # a count of days, not 1月20日
    "2021年3月2日进驻,3月5日至111日。",  # 1月11日 or 11月1日: not read
    "共2021年3月2日、编号20213316日",  # no split is a day
])
def test_digits_before_ri_that_are_no_date(text: str) -> None:
    assert all("日" not in printed or "月" in printed for _, _, printed in dates(text))


def test_a_range_opened_on_the_day_the_text_is_dated() -> None:
    from xunshi.parse.extract.dates import from_today
    from xunshi.parse.model import PartialDate
    text = "根据学校党委统一部署,自即日起至11月30日,党委巡察组对甲学院党委开展巡察。"
    [d] = from_today(text, PartialDate(2022, 11, 9))
    assert (str(d.start), str(d.end), text[d.span.start : d.span.end]) == (
        "2022-11-09", "2022-11-30", "自即日起至11月30日")
    assert from_today(text, None) == []  # an undated text says no day
