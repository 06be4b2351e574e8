"""Which spellings name one unit: the key must merge variants and never merge different units."""
from __future__ import annotations

import pytest

from xunshi.parse.model import Document, Inspection, Span
from xunshi.store import rows
from xunshi.store.identity import organization_key

SAME = [
    ("娄底市", ["市委政法委", "中共娄底市委政法委员会", "娄底市委政法委"]),
    ("临沧市", ["市公安局党委", "市公安局", "中共临沧市公安局委员会"]),
    ("临沧市", ["市委办公室", "中共临沧市委办公室", "市委办"]),
    ("长沙市天心区", ["天心区委", "中共长沙市天心区委员会", "长沙市天心区委", "天心区"]),
    ("娄底市双峰县", ["青禾镇党委", "中共青禾镇委员会", "青禾镇"]),
    ("天津市", ["市纪委", "天津市纪律检查委员会", "中共天津市纪律检查委员会"]),
    ("蚌埠市怀远县", ["县文明办", "怀远县文明办"]),
]
DIFFERENT = [
    ("娄底市", ["市委政法委", "市委组织部", "市委宣传部"]),
    ("长沙市天心区", ["天心区委", "区政府", "区委办"]),
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


def test_a_place_inspected_as_a_whole_is_its_party_committee() -> None:
    """省委巡视组对天心区进行了巡视 and 向天心区委反馈: one visit to one unit."""
    assert organization_key("天心区", "长沙市天心区") == organization_key("天心区委", "长沙市天心区") == "区"


PAIRS = [  # (name, report's jurisdiction and code) twice: a feedback's and a rectification's
    (("娄底市委政法委", "湖南省", "430000"), ("中共娄底市委政法委员会", "娄底市", "431300")),
    (("娄底市委", "湖南省", "430000"), ("娄底市", "娄底市", "431300")),
    (("长沙市天心区委", "湖南省", "430000"), ("天心区", "长沙市天心区", "430103")),
    (("双峰县青禾镇党委", "娄底市", "431300"), ("中共双峰县青禾镇委员会", "娄底市双峰县", "431321")),
    (("湘西州委组织部", "湖南省", "430000"), ("中共湘西土家族苗族自治州委员会组织部", "湘西土家族苗族自治州", "433100")),
]


def _unit(name: str, jurisdiction: str, code: str) -> tuple[str, str]:
    doc = Document(text="x", jurisdiction=jurisdiction, jurisdiction_code=code)
    row = rows.organization(Inspection(target=name, span=Span(0, 1)), doc)
    return row["jurisdiction"], row["name_key"]


@pytest.mark.parametrize("higher,own", PAIRS)
def test_a_unit_named_by_a_higher_committee_is_keyed_in_its_own_place(higher: tuple, own: tuple) -> None:
    assert _unit(*higher) == _unit(*own)


def test_the_same_name_in_a_higher_report_without_a_place_stays_there() -> None:
    assert _unit("市委政法委", "湖南省", "430000") == ("湖南省", "市委政法委")
