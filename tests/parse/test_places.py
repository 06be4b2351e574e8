"""Jurisdiction: issuer first, then address, area code, postcode and names; never a guess."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from xunshi.parse.extract.contacts import extract_contacts
from xunshi.parse.extract.places import resolve_jurisdiction
from xunshi.parse import parse
from xunshi.parse.normalize import normalize

_BODY = "按照统一部署,巡察组对我单位进行了巡察,现将整改情况公布如下。"


def resolve(text: str, issuer: str | None) -> tuple[str, str | None] | None:
    text = normalize(text)
    place = resolve_jurisdiction(text, issuer, extract_contacts(text))
    if place is None:
        return None
    assert 0 <= place.span.start < place.span.end <= len(text)
    return place.name, place.code


@pytest.mark.parametrize("issuer, expected", [
    ("中共怀化市委组织部", ("怀化市", "431200")),
    ("鹤城区委", ("怀化市鹤城区", "431202")),
    ("中共溆浦县委", ("怀化市溆浦县", "431224")),
    ("中共湘西州委", ("湘西土家族苗族自治州", "433100")),
    ("中共湖南省委巡视办", ("湖南省", "430000")),
    ("中共天津市委宣传部", ("天津市", "120000")),
])
def test_the_issuer_names_its_place(issuer: str, expected: tuple[str, str]) -> None:
    assert resolve(f"{_BODY}\n{issuer}", issuer) == expected


def test_a_short_name_inside_another_name_is_no_anchor() -> None:
    assert resolve(f"{_BODY}\n怀化路社区党委", "怀化路社区党委") is None


def test_a_school_issuing_a_report_speaks_for_the_place_its_name_states() -> None:
    """The development set's convention (某某大学 → 某某市); in a body, a school's name is no evidence."""
    assert resolve(f"{_BODY}\n怀化大学党委巡视办", "怀化大学党委巡视办") == ("怀化市", "431200")


@pytest.mark.parametrize("issuer", ["中山大学党委巡视办", "朝阳学院党委"])
def test_a_school_named_as_places_apart_are_named_gives_no_place(issuer: str) -> None:
    """中山 is 中山市 in one province and a district of 大连 in another, and 中山大学 is named after
    neither (after a person): the name alone places no school."""
    assert resolve(f"{_BODY}\n{issuer}", issuer) is None


def test_a_school_named_as_places_apart_are_named_is_placed_where_the_text_says() -> None:
    text = f"{_BODY}\n通信地址:广州市海珠区某某路135号\n中山大学党委巡视办"
    assert resolve(text, "中山大学党委巡视办") == ("广州市", "440100")


def test_a_shared_district_name_is_settled_by_the_area_code() -> None:
    assert resolve(f"{_BODY}\n电话:010-65091234\n朝阳区委", "朝阳区委") == ("北京市朝阳区", "110105")
    assert resolve(f"{_BODY}\n电话:0431-85091234\n朝阳区委", "朝阳区委") == ("长春市朝阳区", "220104")


def test_a_shared_district_name_without_evidence_keeps_its_name_without_a_code() -> None:
    assert resolve(f"{_BODY}\n朝阳区委", "朝阳区委") == ("朝阳区", None)


@pytest.mark.parametrize("contact", [
    "邮寄地址:怀化市鹤城区迎丰西路2号",
    "电话:0745-2231456",
    "邮编:418000",
])
def test_an_unnamed_city_issuer_takes_its_city_from_the_contacts(contact: str) -> None:
    assert resolve(f"{_BODY}\n{contact}\n市委宣传部", "市委宣传部") == ("怀化市", "431200")


@pytest.mark.parametrize("issuer", ["县文明办", "县委宣传部", "中共县财政局党组"])
def test_an_unnamed_county_issuer_takes_the_county_its_city_names(issuer: str) -> None:
    assert resolve(f"{_BODY}\n电话:0745-3221234\n推动溆浦发展\n{issuer}", issuer) == ("怀化市溆浦县", "431224")


def test_a_municipality_is_its_own_city() -> None:
    text = f"{_BODY}\n邮政信箱:重庆市渝中区人民路232号\n市委政法委"
    assert resolve(text, "市委政法委") == ("重庆市", "500000")


def test_an_unnamed_city_issuer_takes_its_city_from_repeated_names() -> None:
    text = "为建设美丽怀化,巡察组对怀化学院开展巡察。\n怀化各单位要抓好整改。\n推动怀化发展。\n服务怀化大局。"
    assert resolve(text, "市委巡察办") == ("怀化市", "431200")


def test_one_passing_mention_is_too_thin() -> None:
    assert resolve(f"{_BODY}学习怀化经验。", "市委巡察办") is None


def test_an_unnamed_county_issuer_when_only_other_counties_name_the_city() -> None:
    text = "鹤城区、中方县干部到溆浦调研。\n推动溆浦发展。"
    assert resolve(text, "县委宣传部") == ("怀化市溆浦县", "431224")


def test_an_unnamed_county_issuer_stays_at_the_city_when_no_county_is_named() -> None:
    assert resolve(f"{_BODY}\n电话:0745-3221234\n县委宣传部", "县委宣传部") == ("怀化市", "431200")


def test_traditional_text_through_normalize() -> None:
    assert resolve(f"{_BODY}\n郵寄地址:懷化市鶴城區迎豐西路2號\n市委宣傳部", "市委宣传部") == ("怀化市", "431200")


def test_a_central_issuer_has_no_local_jurisdiction() -> None:
    text = f"{_BODY}\n通信地址:北京市西城区月坛南街57号\n国家统计局党组"
    assert resolve(text, "国家统计局党组") is None


@pytest.mark.parametrize("issuer", ["中共自然资源部党组", "审计署党组", "海关总署党委"])
def test_a_ministry_speaks_for_no_local_jurisdiction(issuer: str) -> None:
    """A ministry names no place and no level: its Beijing address is where it sits, not its remit."""
    text = f"{_BODY}\n邮政信箱:北京市西城区阜成门内大街64号;邮政编码:100812\n{issuer}"
    assert resolve(text, issuer) is None


def test_a_county_department_is_no_ministry() -> None:
    text = f"{_BODY}\n中共溆浦县委组织部"
    assert resolve(text, "中共溆浦县委组织部") == ("怀化市溆浦县", "431224")


def test_no_evidence_no_jurisdiction() -> None:
    assert resolve(_BODY, None) is None


def test_span_points_at_the_evidence() -> None:
    text = f"{_BODY}\n中共怀化市委组织部"
    place = resolve_jurisdiction(text, "中共怀化市委组织部", [])
    assert place is not None and place.span.of(text) == "怀化市"


_ALPHABET = st.sampled_from(list("怀化市鹤城区朝阳溆浦县天津北京湖南省委电话邮编:-0123456789,。\n"))


@settings(max_examples=200, deadline=None)
@given(st.text(_ALPHABET, max_size=200), st.sampled_from([None, "市委", "县委宣传部", "朝阳区委", "怀化市委"]))
def test_never_raises_and_the_span_lies_in_the_text(text: str, issuer: str | None) -> None:
    place = resolve_jurisdiction(text, issuer, extract_contacts(text))
    if place:
        assert 0 <= place.span.start <= place.span.end <= len(text)
        assert len(place.code) == 6 and place.code.isdigit()


def test_a_university_named_after_a_place_is_no_evidence_of_it() -> None:
    text = "中央巡视组向中山大学党委反馈巡视情况。中山大学党委表示,中山大学将认真整改,中山大学全体党员干部。"
    assert resolve(text, None) is None


def test_an_issuerless_release_speaks_for_the_committee_level_it_names() -> None:
    text = "按照区委统一部署,九届秦州区委开展了巡察。区委巡察组向秦州区教育局反馈了巡察情况。"
    assert resolve(text, None) == ("天水市秦州区", "620502")


def test_an_issuer_broken_over_two_lines_still_anchors() -> None:
    text = f"{_BODY}\n中共乐至县委巡察工作\n领导小组办公室\n2021年5月21日"
    assert resolve(text, "中共乐至县委巡察工作领导小组办公室") == ("资阳市乐至县", "512022")


@pytest.mark.parametrize("issuer", ["中共某某大学委员会", "某某集团有限公司党组"])
def test_a_unit_the_centre_inspects_speaks_for_no_local_jurisdiction(issuer: str) -> None:
    """The centre inspects provinces and central units: a unit it inspected that names no place is
    a central one, whatever city its address lies in."""
    text = (f"根据党中央统一部署,2021年5月至7月,中央第十巡视组对{issuer.removeprefix('中共')}进行了常规巡视。\n"
            f"一、整改\n邮政地址:北京市海淀区颐和园路5号;邮编:100871\n{issuer}")
    assert resolve(text, issuer) is None


def test_a_unit_a_province_inspects_keeps_its_address() -> None:
    text = ("根据省委统一部署,省委第八巡视组对某某能源集团有限公司党委开展了常规巡视。\n一、整改\n"
            "通信地址:长沙市芙蓉区某某路1号\n中共某某能源集团有限公司委员会")
    assert resolve(text, "中共某某能源集团有限公司委员会") == ("长沙市", "430100")


def test_a_release_on_a_higher_committees_visit_speaks_for_the_visited_place() -> None:
    text = ("根据省委统一部署,十一届省委第八轮巡视对衡阳市开展了常规巡视。省委第三巡视组向衡阳市委反馈了"
            "巡视情况,省委巡视工作领导小组成员出席会议。巡视组指出,衡阳市委取得了一定成绩。")
    assert resolve(text, None) == ("衡阳市", "430400")


def test_a_release_on_a_provinces_visit_to_several_cities_speaks_for_the_province() -> None:
    text = ("根据省委统一部署,十届省委第十三轮巡视对淄博、枣庄、东营、潍坊、临沂、菏泽6个市开展了巡视“回头看”。"
            "近日,省委巡视组向6个市反馈了巡视情况,组长向市委书记传达了省委书记的讲话精神。")
    assert resolve(text, None) == ("山东省", "370000")


@pytest.mark.parametrize(("name", "expected"), [
    ("江城县委", ("普洱市江城哈尼族彝族自治县", "530826")),
    ("积石山县委", ("临夏回族自治州积石山保安族东乡族撒拉族自治县", "622927")),
    ("鄂伦春旗委", ("呼伦贝尔市鄂伦春自治旗", "150723")),
])
def test_an_autonomous_county_by_its_everyday_name(name: str, expected: tuple[str, str]) -> None:
    """Everyday usage drops the peoples an autonomous county or banner is named for."""
    assert resolve(f"{_BODY}\n中共{name}巡察办", f"中共{name}巡察办") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("近日,千阳县委巡察工作领导小组派出督导组,对县委巡察组反馈问题的整改开展督查。", ("宝鸡市千阳县", "610328")),
    ("根据麒麟区委巡察工作领导小组统一部署,区委巡察组向区卫计局反馈巡察意见。", ("曲靖市麒麟区", "530302")),
    ("按照通辽市委统一安排,六届市委第九轮巡察派出6个巡察组开展常规巡察。", ("通辽市", "150500")),
    ("涟源市委巡察组向市教育局反馈了巡察意见,市委巡察办要求抓好整改。", ("娄底市涟源市", "431382")),
])
def test_a_place_named_once_with_its_committee(text: str, expected: tuple[str, str]) -> None:
    """A single 千阳县委 says whose committee a release is about, at the level it names."""
    assert resolve(text, None) == expected


def test_a_province_sending_its_groups_is_not_the_place_they_visit() -> None:
    text = "某某省委巡视组向衡阳市委反馈了巡视情况,要求衡阳市委抓好整改。"
    assert resolve(text, None) == ("衡阳市", "430400")


def test_two_committees_named_as_often_give_the_place_holding_both() -> None:
    assert resolve("千阳县委和凤翔区委分别召开巡察反馈会。", None) == ("宝鸡市", "610300")


def test_a_release_naming_no_committee_speaks_for_the_place_it_names_most() -> None:
    text = "本报讯 巡察工作开展以来,弥渡县已对7个乡镇开展专项巡察。\n大理各地学习弥渡县经验。"
    assert resolve(text, None) == ("大理白族自治州弥渡县", "532925")


@pytest.mark.parametrize(("text", "expected"), [
    ("县纪委监委到某某镇开展巡察整改回访督查。\n您访问的链接即将离开“随县人民政府”门户网站", ("随州市随县", "421321")),
    ("泾县县委巡察组向县教育局反馈了巡察意见。", ("宣城市泾县", "341823")),
])
def test_a_two_character_county_named_as_a_body(text: str, expected: tuple[str, str]) -> None:
    assert resolve(text, None) == expected


@pytest.mark.parametrize("text", [
    "市委和县委巡察机构要加强协作,县委巡察组要抓好整改。",
    "新县委书记到任后听取了县委巡察组的汇报。",
])
def test_a_two_character_county_is_no_word_that_merely_looks_like_it(text: str) -> None:
    assert resolve(text, None) is None


@pytest.mark.parametrize(("issuer", "expected"), [
    ("某北日报", None),
    ("蚌埠先锋网", ("蚌埠市", "340300")),
    ("河北日报", ("河北省", "130000")),
])
def test_a_news_outlet_names_where_but_not_which_level(issuer: str, expected: tuple[str, str] | None) -> None:
    """A paper's place counts as evidence; the level is the committee's the text names."""
    body = "根据省委部署,省委巡视组进驻。" if "河北" in issuer else "根据市委部署,市委组建6个巡察组开展巡察。"
    assert resolve(f"{issuer}讯 {body}", issuer) == expected


def test_a_superior_in_the_chain_of_decisions_is_not_the_place() -> None:
    text = "为推动中央、省、衡阳市委和我市决策部署落实,我市启动市委专项巡察工作,市委派出三个巡察组。"
    assert resolve(text, None) is None


def test_a_county_level_city_named_more_than_its_prefecture() -> None:
    text = ("新华社长沙8月4日电 3个巡察组下沉到40个村组。这是湖南娄底涟源市首轮专项巡察的工作清单。"
            "涟源市纪委书记说,涟源市制定了巡察方案,市委巡察办负责实施。")
    assert resolve(text, None) == ("娄底市涟源市", "431382")


def test_one_place_named_once_in_full_with_nothing_else_beside_it() -> None:
    assert resolve("近日,石泉县启动第一轮巡察工作。本轮巡察对象包括县住建局、县民政局。", None) == ("安康市石泉县", "610922")


def test_a_province_group_signing_speaks_for_its_province() -> None:
    text = "根据省委统一安排,省委第六巡视组对汝阳县进行集中巡视。感谢干部群众的支持。\n省委第六巡视组"
    assert resolve(text, "省委第六巡视组") == ("河南省", "410000")


@pytest.mark.parametrize("text, expected", [
    ("根据省委统一安排,省委第六巡视组对汝阳县进行集中巡视。感谢干部群众的支持。", ("洛阳市汝阳县", "410326")),
    ("根据市委巡察工作领导小组部署,市委第二专项巡察组向德江县某某镇反馈了巡察情况。", ("铜仁市德江县", "520626")),
])
def test_unsigned_the_visited_place_when_the_inspectors_place_is_never_named(
        text: str, expected: tuple[str, str]) -> None:
    """Nothing says who published it and the 省委's or 市委's place is only inferred: the text
    speaks for the place it names (as precise as the text allows), not for one it never names."""
    assert resolve(text, None) == expected


def test_two_places_named_once_each_give_the_place_holding_both() -> None:
    assert resolve("近日,石泉县和宁陕县启动第一轮巡察工作。", None) == ("安康市", "610900")


def test_the_superiors_listed_before_a_county_do_not_make_the_text_a_prefectures() -> None:
    """中央、省委、市委、县委 lists the chain of command down to the committee the text speaks for."""
    text = ("根据平江县委巡察工作要求,县委巡察整改督查组到某某管理处督查整改。开展巡察整改督查,是保证中央、"
            "省委、市委、县委的重大决策部署贯彻落实的重要举措。")
    assert resolve(text, None) == ("岳阳市平江县", "430626")


def test_the_last_of_the_superiors_listed_gives_the_level() -> None:
    text = ("某某厅党组巡察组向四川省某某中心、四川省某某研究院反馈了巡察情况,要求落实中央和省委决策。"
            "某某厅副厅长叶长春出席。")
    assert resolve(text, None) == ("四川省", "510000")


def test_a_digest_of_several_places_speaks_for_the_place_holding_them() -> None:
    text = ("01\n牡丹区\n根据牡丹区委统一部署,五届区委第九轮巡察完成进驻。\n"
            "02\n定陶区\n5个区委巡察组将在被巡察单位工作2个半月左右。")
    assert resolve(text, None) == ("菏泽市", "371700")


def test_a_province_named_only_by_its_short_name() -> None:
    text = "某某网7月29日讯 省委巡视组对省委宣传部、省档案局党组、福建日报社党组、福建某某集团公司党委开展巡视。"
    assert resolve(text, None) == ("福建省", "350000")


def test_a_papers_app_speaks_for_no_level() -> None:
    """某某日报新花城 is a paper's outlet (its name holds 日报): its city is evidence, not the anchor."""
    text = "近日,从化区启动二届区委第十二轮巡察工作。3个区委巡察组开展常规巡察。\n文/广州日报新花城记者:某某"
    assert resolve(text, "广州日报新花城") == ("广州市从化区", "440117")


def test_the_centres_inspection_of_a_central_unit_speaks_for_no_place() -> None:
    text = normalize("8月19日,中央第三巡视组向国家某某专卖局党组反馈巡视情况时指出,广东省某某局违规搬进豪华办公楼。"
                     "广东省某某局将搬离该楼。")
    assert parse(text).jurisdiction is None


def test_a_papers_story_on_a_county_it_names_twice() -> None:
    """The paper's city is where it is printed; the county its story names twice is more precise."""
    text = ("国内统一刊号:CN53-0011 大理日报社出版\n本报讯 巡察工作开展以来,弥渡县已对7个乡镇开展专项巡察。"
            "弥渡县紧盯扶贫领域易发多发问题。")
    assert resolve(text, "大理日报") == ("大理白族自治州弥渡县", "532925")
