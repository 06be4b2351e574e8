"""Places on the map: the hierarchy of a division code, the place a unit's name gives, the place
of the committee that inspected it. Unit names are invented, places real (GB/T 2260)."""
from __future__ import annotations

import pytest

from xunshi.vocab.places import PLACE_COLUMNS, authority_place, division, hierarchy, unit_place

HIERARCHY = {  # code → province, prefecture, county (names and codes)
    "431300": ("湖南省", "430000", "娄底市", "431300", None, None),
    "430103": ("湖南省", "430000", "长沙市", "430100", "天心区", "430103"),
    "430000": ("湖南省", "430000", None, None, None, None),
    "120000": ("天津市", "120000", "天津市", "120000", None, None),  # its own prefecture
    "120101": ("天津市", "120000", "天津市", "120000", "和平区", "120101"),
    "419001": ("河南省", "410000", None, None, "济源市", "419001"),  # under the province directly
    "460400": ("海南省", "460000", "儋州市", "460400", None, None),
    "433101": ("湖南省", "430000", "湘西土家族苗族自治州", "433100", "吉首市", "433101"),
}


@pytest.mark.parametrize("code,expected", HIERARCHY.items())
def test_a_code_gives_its_province_prefecture_and_county(code: str, expected: tuple) -> None:
    assert hierarchy(division(code)) == dict(zip(PLACE_COLUMNS, expected))


def test_no_place_gives_no_levels() -> None:
    assert hierarchy(None) == dict.fromkeys(PLACE_COLUMNS)
    assert division(None) is None and division("999999") is None


UNITS = [  # name as printed, report's jurisdiction code → the unit's place code, its name there
    ("娄底市委政法委", "430000", "431300", "市委政法委"),  # a province's feedback names a city's unit
    ("中共娄底市委政法委员会", "431300", "431300", "中共市委政法委员会"),
    ("市委政法委", "430000", "430000", "市委政法委"),  # which city's: the name does not say
    ("长沙市天心区委", "430000", "430103", "区委"),
    ("天心区", "430100", "430103", "区"),
    ("湖南省财政厅", "431300", "430000", "省财政厅"),  # a province's department in a city's report
    ("长沙市委", "431300", "430100", "市委"),  # a full name no other division has
    ("湘西州委组织部", "430000", "433100", "州委组织部"),  # short name + 州
    ("广西壮族自治区党委", None, "450000", "自治区党委"),
    ("湖南省委", None, "430000", "省委"),  # a central feedback to a province
    ("临沧高级技工学校", "530900", "530900", "临沧高级技工学校"),  # named after the city, not placed
    ("湖南大学", "430000", "430000", "湖南大学"),
    ("中共双峰县青禾镇委员会", "431321", "431321", "中共青禾镇委员会"),
    ("双峰县青禾镇", "431300", "431321", "青禾镇"),  # the name gives the township's county
    ("青禾镇党委", "431321", "431321", "青禾镇党委"),
    ("石门村", "431300", "431300", "石门村"),  # a village: its county is not guessed
    ("朝阳区委", None, None, "朝阳区委"),  # two 朝阳区: the name settles nothing
    ("和平区委", "120000", "120101", "区委"),  # …unless the report's place does
    ("国家统计局", None, None, "国家统计局"),
]


@pytest.mark.parametrize("name,within,code,local", UNITS)
def test_a_units_name_places_it_within_what_the_report_gives(name: str, within: str | None,
                                                            code: str | None, local: str) -> None:
    place, rest = unit_place(name, division(within))
    assert (place.code if place else None, rest) == (code, local)


AUTHORITIES = [  # committee, report's jurisdiction code → the committee's place code
    ("省委", "431300", "430000"),
    ("省委", "430103", "430000"),
    ("市委", "430103", "430100"),
    ("市委", "430181", "430181"),  # 浏阳市 is a county-level city: its 市委 is its own
    ("市委", "120101", "120000"),
    ("州委", "433101", "433100"),
    ("区委", "430103", "430103"),
    ("县委", "431300", "431300"),  # which county's: not said; the report's place
    ("地委", "542523", "542500"),
    ("集团公司党委", "431300", "431300"),
    ("中央", "431300", None),
    (None, "431300", "431300"),
]


@pytest.mark.parametrize("authority,within,code", AUTHORITIES)
def test_a_round_belongs_to_its_committees_place(authority: str | None, within: str,
                                                 code: str | None) -> None:
    place = authority_place(authority, division(within))
    assert (place.code if place else None) == code


@pytest.mark.parametrize("name,within,code", [
    ("市第二中学", "150302", "150300"),  # a city's school in a district's report: 乌海市's
    ("市委政法委", "120101", "120000"),  # in 天津市和平区's report: the municipality's
    ("县文明办", "431300", "431300"),  # which county's: not said
    ("区农业农村水务局", "340200", "340200"),
    ("市委巡察办", "430181", "430181"),  # 浏阳市's own
])
def test_a_level_word_places_a_unit_in_the_place_above_that_it_names(name: str, within: str,
                                                                      code: str) -> None:
    place, _ = unit_place(name, division(within))
    assert place is not None and place.code == code


@pytest.mark.parametrize("name,within,code,local", [
    ("淄博", "370000", "370300", "市"),  # a name that is only a short name
    ("山西", None, "140000", "省"),
    ("吉林", None, None, "吉林"),  # 吉林省 or 吉林市: not settled
])
def test_a_short_name_alone_is_the_place(name: str, within: str | None, code: str | None,
                                         local: str) -> None:
    place, rest = unit_place(name, division(within))
    assert (place.code if place else None, rest) == (code, local)
