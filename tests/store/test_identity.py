"""Which spellings name one unit: the key must merge variants and never merge different units."""
from __future__ import annotations

import pytest

from xunshi.store.identity import organization_key

SAME = [
    ("娄底市", ["市委政法委", "中共娄底市委政法委员会", "娄底市委政法委"]),
    ("临沧市", ["市公安局党委", "市公安局", "中共临沧市公安局委员会"]),
    ("临沧市", ["市委办公室", "中共临沧市委办公室", "市委办"]),
    ("长沙市天心区", ["天心区委", "中共长沙市天心区委员会", "长沙市天心区委"]),
    ("天津市", ["市纪委", "天津市纪律检查委员会", "中共天津市纪律检查委员会"]),
    ("蚌埠市怀远县", ["县文明办", "怀远县文明办"]),
]
DIFFERENT = [
    ("娄底市", ["市委政法委", "市委组织部", "市委宣传部"]),
    ("长沙市天心区", ["天心区", "天心区委", "区政府"]),
    ("临沧市", ["市第二中学", "市民族中学", "临沧高级技工学校"]),
]


@pytest.mark.parametrize("jurisdiction,names", SAME)
def test_variants_of_one_unit_share_a_key(jurisdiction: str, names: list[str]) -> None:
    assert len({organization_key(n, jurisdiction) for n in names}) == 1, names


@pytest.mark.parametrize("jurisdiction,names", DIFFERENT)
def test_different_units_keep_different_keys(jurisdiction: str, names: list[str]) -> None:
    assert len({organization_key(n, jurisdiction) for n in names}) == len(names), names


def test_only_the_reports_own_place_is_stripped() -> None:
    assert organization_key("长沙市委", "娄底市") != organization_key("市委", "娄底市")
    assert organization_key("市委政法委", None) == "市委政法委"


def test_a_name_that_is_only_a_suffix_is_kept() -> None:
    assert organization_key("党委", None) == "党委"
