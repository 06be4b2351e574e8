"""Kinds and levels of units, from names written for these tests (invented units in the shapes
reports print them: as a list entry, a signature, a party body standing for its unit)."""
from __future__ import annotations

import pytest

from xunshi.vocab.units import (
    KINDS,
    LEVELS,
    authority_word,
    names_locality,
    opening_word,
    unit_kind,
    unit_level,
)

KIND_OF = {
    "party_committee": ["区委", "县委", "市委", "区", "县", "省委", "州委", "旗委", "自治区党委",
                        "中共县委员会", "高新区党工委", "经开区党工委", "某某管理区"],
    "party_department": ["市委政法委", "中共市委政法委员会", "县委宣传部", "市委办公室", "区委巡察办",
                         "市纪委监委", "县纪委", "市委党校", "县委党校", "市直机关工委", "县文明办",
                         "市委编办", "市委老干部局", "市委网信办", "县委统战部", "州委组织部"],
    "government": ["市公安局党委", "县财政局", "市卫生健康委党组", "市发展和改革委员会", "区人民政府",
                   "县政府办公室", "市扶贫办党组", "南滚河自然保护区管护局", "自然资源部", "市国资委",
                   "开发区管委会", "县市场监督管理局", "中共市公安局委员会", "县乡村振兴局"],
    "court_procuratorate": ["市中级人民法院党组", "县人民检察院", "区人民法院"],
    "congress_cppcc": ["市人大常委会机关", "县政协", "市人大常委会党组", "县人民代表大会常务委员会",
                       "市政协机关党组"],
    "mass_organization": ["市总工会", "团市委", "共青团县委", "县妇联", "市科协", "市残联", "县工商联",
                          "市红十字会", "市文联", "县关工委"],
    "soe": ["临通公司", "市城投集团有限公司", "县农商银行", "某某农村商业银行股份有限公司",
            "市交通投资集团", "国贸公司党支部"],
    "university": ["某某大学", "某某职业技术学院", "某某师范学院", "某某高等专科学校"],
    "school": ["市第二中学", "县实验小学", "临沧高级技工学校", "县一中", "县幼儿园", "县职业中专",
               "青禾镇中心校"],
    "hospital": ["县人民医院", "市中医医院", "青禾镇卫生院", "市妇幼保健院", "东风社区卫生服务中心"],
    "public_institution": ["市住房公积金管理中心", "市档案馆", "县广播电视台", "市农业科学研究院",
                           "县国有林场"],
    "township": ["青禾镇党委", "青禾镇", "石桥乡人民政府", "东风街道党工委", "中共青禾镇委员会",
                 "东风街道办事处", "石桥乡"],
    "village": ["石门村", "石门村党支部", "石门村民委员会", "东风社区党委", "东风社区", "石门村委会"],
    "other": ["原某某髅郊痪F党委", "巡察对象"],
}


def test_every_kind_has_a_name_in_both_languages_and_an_example() -> None:
    assert set(KIND_OF) == set(KINDS)
    assert all(zh and en for zh, en in KINDS.values())


@pytest.mark.parametrize("kind,name", [(k, n) for k, names in KIND_OF.items() for n in names])
def test_the_kind_comes_from_the_name(kind: str, name: str) -> None:
    assert unit_kind(name) == kind


LEVEL_OF = [  # name (its place cut off), authority, place, place's level → level
    ("市委政法委", "市委", "娄底市", "prefecture", "prefecture"),
    ("市委政法委", "市委", "天津市", "province", "province"),  # a municipality's 市 is a province's
    ("市委巡察办", "市委", "浏阳市", "county", "county"),  # a county-level city's own 市委
    ("市委政法委", "省委", "湖南省", "province", "prefecture"),  # some city of the province
    ("区", "省委", "天心区", "county", "county"),
    ("省委", "中央", "湖南省", "province", "province"),
    ("自治区党委", "中央", "广西壮族自治区", "province", "province"),
    ("州委组织部", "省委", "湘西土家族苗族自治州", "prefecture", "prefecture"),
    ("县文明办", "县委", "怀远县", "county", "county"),
    ("县文明办", "市委", "娄底市", "prefecture", "county"),  # a county of 娄底市's, unnamed
    ("国家统计局", "中央", None, None, "central"),
    ("某某大学", "中央", None, None, "central"),
    ("某某电力集团有限公司", None, None, None, None),
    ("中国某某集团有限公司", None, None, None, "central"),
    ("某某大学", "省委", "湖南省", "province", "province"),  # the committee's level
    ("临沧高级技工学校", "市委", "临沧市", "prefecture", "prefecture"),
    ("南滚河自然保护区管护局", "市委", "临沧市", "prefecture", "prefecture"),
    ("市场监督管理局", "县委", "怀远县", "county", "county"),  # 市场 is no level word
    ("县乡村振兴局", "县委", "双峰县", "county", "county"),  # 乡村 is no township
    ("青禾镇党委", "县委", "双峰县", "county", "township"),
    ("中共青禾镇委员会", "县委", "双峰县", "county", "township"),
    ("东风街道党工委", "区委", "天心区", "county", "township"),
    ("青禾镇卫生院", "县委", "双峰县", "county", "township"),
    ("石门村", "县委", "双峰县", "county", "village"),
    ("石门村小学", "县委", "双峰县", "county", "village"),
    ("东风社区党委", "区委", "天心区", "county", "village"),
    ("国贸公司党支部", "集团公司党委", "娄底市", "prefecture", None),  # no level the name or committee gives
    ("市财政局党组", None, "益阳市", "prefecture", "prefecture"),
]


@pytest.mark.parametrize("name,authority,place,place_level,level", LEVEL_OF)
def test_the_level_comes_from_the_name_else_the_committee(
        name: str, authority: str | None, place: str | None, place_level: str | None,
        level: str | None) -> None:
    assert unit_level(name, authority, place, place_level) == level
    assert level is None or level in LEVELS


@pytest.mark.parametrize("authority,word", [("省委", "省"), ("市委", "市"), ("州委", "州"),
                                            ("县委", "县"), ("区委", "区"), ("地委", "地区"),
                                            ("自治区党委", "自治区"), ("中共市委", "市"),
                                            ("中央", None), ("集团公司党委", None), (None, None)])
def test_a_committee_stands_for_the_place_its_word_names(authority: str | None,
                                                        word: str | None) -> None:
    assert authority_word(authority) == word


@pytest.mark.parametrize("name,locality", [("青禾镇", True), ("青禾镇卫生院", True), ("石门村", True),
                                           ("东风街道党工委", True), ("乡村振兴局", False),
                                           ("城乡建设局", False), ("市委政法委", False)])
def test_townships_and_villages_are_told_from_words_that_contain_their_characters(
        name: str, locality: bool) -> None:
    assert names_locality(name) is locality


@pytest.mark.parametrize("name,authority,kind", [
    ("高界处", "集团公司党委", "soe"), ("黄千项目办", "集团公司党委", "soe"),
    ("物业公司党总支", "集团党委", "soe"), ("外国语学院党委", "校党委", "university"),
    ("本科生院", "学校党委", "university"), ("附属第二医院", "学校党委", "hospital"),
    ("市财政局", "市委", "government"),
])
def test_inside_an_enterprise_or_a_university_a_unit_is_part_of_it(name: str, authority: str,
                                                                   kind: str) -> None:
    assert unit_kind(name, authority) == kind


@pytest.mark.parametrize("name,kind,level", [("邵东县", "party_committee", "county"),
                                             ("某某旗", "party_committee", "county"),
                                             ("某某自治县", "party_committee", "county")])
def test_a_county_named_as_a_whole_is_one_even_if_renamed_since(name: str, kind: str,
                                                                level: str | None) -> None:
    assert (unit_kind(name), unit_level(name, "省委", None, None)) == (kind, level)


@pytest.mark.parametrize("name,word", [("市第二中学", "市"), ("团县委", "县"), ("中共县委员会", "县"),
                                       ("市场监管局", None), ("青禾镇", None)])
def test_the_level_word_a_name_opens_with(name: str, word: str | None) -> None:
    assert opening_word(name) == word
