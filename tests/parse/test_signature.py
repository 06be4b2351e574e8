"""Issuer and signature date: closing lines, bylines, titles."""
from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

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
    ("稿件来源:湖南日报\n作者:张斌", None),
])
def test_a_source_line_among_the_closing_lines_names_the_issuer(tail: str, issuer: str | None) -> None:
    sig = extract_signature(normalize(f"6月3日,巡察组向县财政局党组反馈了巡察情况。\n{tail}"))
    assert sig.issuer == issuer
