"""Contact channels: every label variant, normalization, and no numbers taken from the body."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from xunshi.parse.extract.contacts import extract_contacts
from xunshi.parse.normalize import normalize


def pairs(text: str) -> list[tuple[str, str]]:
    return [(c.kind, c.value) for c in extract_contacts(normalize(text))]


@pytest.mark.parametrize("printed", [
    "电话:0745-2231456", "电话0745-2231456", "联系电话:(0745)2231456", "电话:0745 2231456",
    "举报电话:0745—2231456", "电话:07452231456",
])
def test_landline_forms_normalize_to_area_dash_local(printed: str) -> None:
    assert pairs(printed) == [("phone", "0745-2231456")]


def test_three_digit_area_codes_of_the_big_cities() -> None:
    assert pairs("监督电话:029-33229182") == [("phone", "029-33229182")]
    assert pairs("电话:01066091234") == [("phone", "010-66091234")]


def test_several_numbers_on_one_line_borrow_the_area_code() -> None:
    assert pairs("举报电话:0745-2231456、2231457,手机15907451234") == [
        ("phone", "0745-2231456"), ("phone", "0745-2231457"), ("phone", "15907451234")]


def test_hotline_alone_or_behind_an_area_code() -> None:
    assert pairs("举报电话:12388") == [("phone", "12388")]
    assert pairs("举报电话:0745-12388") == [("phone", "0745-12388")]


def test_fax_is_its_own_channel() -> None:
    assert pairs("电话:0745-2231456,传真:0745-2231400") == [
        ("phone", "0745-2231456"), ("fax", "0745-2231400")]


def test_full_width_digits_and_colons_are_read_after_normalize() -> None:
    assert pairs("电话：０７４５－２２３１４５６；邮编：４１８０００") == [
        ("phone", "0745-2231456"), ("postcode", "418000")]


def test_traditional_labels_are_read_after_normalize() -> None:
    assert pairs("聯繫電話:0745-2231456;郵寄地址:懷化市鶴城區迎豐西路2號,郵編:418000") == [
        ("phone", "0745-2231456"), ("postal_address", "怀化市鹤城区迎丰西路2号"), ("postcode", "418000")]


@pytest.mark.parametrize("label", ["邮寄地址", "邮政信箱", "通信地址", "邮政地址", "来信地址", "地址", "来信请寄"])
def test_address_labels(label: str) -> None:
    assert pairs(f"{label}:怀化市鹤城区迎丰西路2号") == [("postal_address", "怀化市鹤城区迎丰西路2号")]


@pytest.mark.parametrize("tail", [",邮编:418000", ",邮编418000", "(邮编418000)", ",418000", " 418000",
                                  ",邮政编码:418000"])
def test_address_stops_before_its_postcode(tail: str) -> None:
    assert pairs(f"邮政信箱:怀化市鹤城区迎丰西路2号{tail}。") == [
        ("postal_address", "怀化市鹤城区迎丰西路2号"), ("postcode", "418000")]


def test_address_stops_at_the_next_label_on_a_mixed_line() -> None:
    assert pairs("通信地址:怀化市迎丰西路2号 电话:0745-2231456") == [
        ("postal_address", "怀化市迎丰西路2号"), ("phone", "0745-2231456")]


def test_address_label_with_wei() -> None:
    assert pairs("邮寄地址为:怀化市迎丰西路2号") == [("postal_address", "怀化市迎丰西路2号")]


def test_address_without_label_colon_and_a_mailbox_number() -> None:
    assert pairs("邮政信箱怀化市A012号信箱") == [("postal_address", "怀化市A012号信箱")]


def test_email_is_lower_cased_and_found_without_label() -> None:
    assert pairs("来信请发HHXC_2020@163.COM,我们将认真处理") == [("email", "hhxc_2020@163.com")]


def test_website_after_its_label() -> None:
    assert pairs("网址:WWW.HHJW.GOV.CN") == [("website", "www.hhjw.gov.cn")]


def test_a_closing_block_on_several_lines_in_reading_order() -> None:
    block = "联系方式:\n电话:0745-2231456\n邮箱:hh@126.com\n地址:怀化市迎丰西路2号\n邮编:418000"
    assert pairs(block) == [("phone", "0745-2231456"), ("email", "hh@126.com"),
                            ("postal_address", "怀化市迎丰西路2号"), ("postcode", "418000")]


def test_a_repeated_channel_is_listed_once() -> None:
    assert pairs("电话:0745-2231456。\n如有意见请拨打电话0745-2231456") == [("phone", "0745-2231456")]


@pytest.mark.parametrize("body", [
    "根据怀组发〔2018〕12号文件,清退资金2231456元",
    "电话催办12次,处理信访件3件",
    "共有党员2231456人,2019年8月30日召开会议",
    "地址变更工作已于2019年完成",
])
def test_numbers_in_the_body_are_not_channels(body: str) -> None:
    assert pairs(body) == []


def test_raw_and_span_point_at_the_printed_value() -> None:
    text = normalize("联系电话:(0745)2231456;邮箱:HH@126.COM")
    for c in extract_contacts(text):
        assert c.span.of(text) == c.raw
    assert [c.raw for c in extract_contacts(text)] == ["(0745)2231456", "HH@126.COM"]


_ALPHABET = st.sampled_from(list("电话邮编箱地址寄信政传真手机:;,。()-—@.0123456789 \nabc市区县路号"))


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), st.text(_ALPHABET, max_size=200)))
def test_never_raises_and_spans_hold_their_raw_value(text: str) -> None:
    for c in extract_contacts(text):
        assert 0 <= c.span.start <= c.span.end <= len(text)
        assert c.raw in c.span.of(text)


def test_a_postcode_introduced_by_a_verb() -> None:
    assert pairs("专用邮政信箱为某某邮政88号信箱,邮政编码为215000。") == [
        ("postal_address", "某某邮政88号信箱"), ("postcode", "215000")]


@pytest.mark.parametrize("text", [
    "巡察期间,各巡察组设专门值班电话、邮政信箱和电子邮箱。",
    "巡察组设有专门信访电话、邮政信箱、电子信箱和“码上巡”在线举报平台。",
    "设专门值班电话、专门邮政信箱等,受理来信来电来访。",
])
def test_a_channel_named_in_a_list_is_no_address(text: str) -> None:
    assert [p for p in pairs(text) if p[0] == "postal_address"] == []


def test_a_spaced_out_phone_label() -> None:
    assert pairs("电 话:0573-85061112(市委巡察办);") == [("phone", "0573-85061112")]


def test_addresses_in_the_cells_of_a_table_row() -> None:
    assert pairs("通信地址 | 某某市某某区B30071邮政专用信箱一组收 | 某某市某某区B30072邮政专用信箱二组收 |") == [
        ("postal_address", "某某市某某区B30071邮政专用信箱一组收"),
        ("postal_address", "某某市某某区B30072邮政专用信箱二组收")]


def test_where_visitors_are_received_is_no_postal_address() -> None:
    text = "巡察期间,设信访联系电话:021-65141539,接待信访地址:某某路661号三楼会议室,设意见箱。"
    assert pairs(text) == [("phone", "021-65141539")]


def test_a_numbered_box_is_part_of_the_address() -> None:
    assert pairs("邮政信箱:某某市1960邮箱转市委第一巡察组收(邮编:528403)") == [
        ("postal_address", "某某市1960邮箱转市委第一巡察组收"), ("postcode", "528403")]


def test_a_date_printed_without_its_marks_is_no_phone() -> None:
    text = "设专门值班电话:0760-88882215,受理电话、信访时间从20251021日截止到2026年1月5日"
    assert pairs(text) == [("phone", "0760-88882215")]


def test_a_bare_number_far_from_the_last_one_borrows_no_area_code() -> None:
    text = "值班电话:0760-88882215,开通网络扫码反映渠道,巡察组本轮共接待来访群众3125678人次"
    assert pairs(text) == [("phone", "0760-88882215")]


def test_a_bare_number_after_a_note_on_the_last_one_borrows_its_area_code() -> None:
    assert pairs("电话:0745-2231456(工作日)、2231457(节假日)") == [
        ("phone", "0745-2231456"), ("phone", "0745-2231457")]
