"""What kind of unit an inspection visited, and at which level of the state it stands.

Both come from the unit's name as the report prints it, with the place its name began with cut
off (vocab/places.py: 娄底市委政法委 → 市委政法委 of 娄底市), and from the committee that
inspected it. Chinese names put the head noun last (市第二中学 is a school, 市中级人民法院党组
a court), so most kinds are read from the end of the name, after the party body that stands
for the unit (党组, 党委) is dropped. The level comes from the name where it says one (镇, 村,
a level word such as 市 or 县), else from the inspecting committee (市委 inspects a
prefecture's units); it stays None when neither says. docs/units-and-cycles.md lists the kinds
with examples.
"""
from __future__ import annotations

import re

LEVELS = ("central", "province", "prefecture", "county", "township", "village")

KINDS: dict[str, tuple[str, str]] = {  # code: (中文, English)
    "party_committee": ("地方党委（或作为整体被巡视的地方）",
                        "a place's party committee, or the place inspected as a whole"),
    "party_department": ("党委工作部门和机构", "a party department or body (组织部, 政法委, 纪委监委, 党校 …)"),
    "government": ("政府及其工作部门", "a government or one of its departments (局, 厅, 委, 办)"),
    "court_procuratorate": ("法院、检察院", "a court or a procuratorate"),
    "congress_cppcc": ("人大、政协", "a people's congress or a CPPCC committee"),
    "mass_organization": ("群团组织", "a mass organization (工会, 共青团, 妇联, 科协, 残联 …)"),
    "soe": ("国有企业", "a state-owned enterprise or bank"),
    "university": ("高等学校", "a university or college"),
    "school": ("中小学及其他学校", "a school below university level"),
    "hospital": ("医疗卫生机构", "a hospital or clinic"),
    "public_institution": ("事业单位", "another public institution (中心, 馆, 台, 研究院 …)"),
    "township": ("乡镇、街道", "a township, town or urban subdistrict"),
    "village": ("村、社区", "a village or urban community"),
    "other": ("其他", "anything else"),
}

PARTY_PREFIX = re.compile(r"^(?:中国共产党|中共)")
# The party organization of a unit stands for the unit: 市公安局党委 is 市公安局.
PARTY_BODY = re.compile(r"(?<=.{2})(?:机关党委|党工委|党委|党组|党总支|党支部|党组织)$")
# 中共临沧市公安局委员会 is the bureau's party committee (市公安局党委), 中共青禾镇委员会 the
# town's (青禾镇党委); a place's 中共某县委员会, though, is its committee, 县委.
UNITS_COMMITTEE = re.compile(r"([局厅院校司所镇乡]|中心|集团|公司)委员会$")
_PLACE_WORD = "自治区|特别行政区|省|自治州|市|州|盟|地区|自治县|县|区|旗"
# A place's own committee, or the place itself: 区委, 县, 自治区, 中共某县委员会 (→ 县), a
# development zone's 党工委 (高新区), a county named as a whole the division tree does not know
# (renamed since: 邵东县 is 邵东市 now).
_COMMITTEE = re.compile(rf"^(?:{_PLACE_WORD})(?:委|委员会)?$"
                        r"|(?:开发区|经开区|高新区|新区|园区|经济区|示范区|试验区|管理区|产业园|科技园|工业园)$")
_BARE_COUNTY = re.compile(r"^[\u4e00-\u9fff]{1,8}?(?:自治县|县|旗)$")
# The committee that sent the groups, by the place word it stands for: 省委 → 省, 地委 → 地区.
_AUTHORITY = re.compile(r"^(?:中共)?(?P<word>自治区|省|自治州|州|市|盟|地|自治县|县|区|旗)(?:党)?委$")
_WORD_LEVEL = {"自治区": "province", "特别行政区": "province", "省": "province",
               "自治州": "prefecture", "市": "prefecture", "州": "prefecture",
               "盟": "prefecture", "地区": "prefecture",
               "自治县": "county", "县": "county", "区": "county", "旗": "county"}
# A level word opening a name: 市第二中学, 县文明办 (not 市场监管局, 区域中心).
_OPENING_WORD = re.compile(rf"^团?(?P<word>{_PLACE_WORD})(?!场|域)")  # 团县委 is a county's
_CENTRAL = re.compile(r"^(?:中央|国家|国务院|全国|中国(?!共产党))"
                      r"|^[^省市州盟县区旗镇乡村]{2,10}(?:部|署|总局)$")
_VILLAGE = re.compile(r"(?:村|社区|嘎查)(?:民委员会|居民委员会|委会|居委会)?$")
_TOWNSHIP = re.compile(r"(?:镇|乡|街道|街道办事处|苏木)(?:人民政府|政府|委员会|委)?$")
# A township or village named as the place of a unit in it: 青禾镇卫生院, 石门村小学.
_TOWN_PLACE = re.compile(r"..(?:镇|乡|街道)(?=中心|卫生院|[中小]学|学校|幼儿园|派出所|司法所|财政所|人民政府|政府|纪委)")
_VILLAGE_PLACE = re.compile(r"..村(?=卫生室|小学|幼儿园|委会|民委员会)")

_BY_ENDING: tuple[tuple[str, re.Pattern[str]], ...] = tuple((kind, re.compile(pattern)) for kind, pattern in (
    ("party_department", r"(?:党校|行政学院|社会主义学院)$"),
    ("hospital", r"(?:医院|卫生院|卫生室|卫生服务中心|保健院|保健所|疗养院)$"),
    ("university", r"(?:大学|学院|高等专科学校)$"),
    ("school", r"(?:[中小]学|学校|幼儿园|[一二三四五六七八九十]中|中专|职高|技校|中心校)$"),
    ("court_procuratorate", r"(?:法院|检察院)$"),
    ("congress_cppcc", r"(?:人大|人民代表大会|政协|政治协商会议)"),
    ("mass_organization", r"(?:工会|团委|团[省市州县区]委|共青团|妇联|妇女联合会|科协|科学技术协会|"
                          r"文联|文学艺术界联合会|侨联|残联|残疾人联合会|工商联|工商业联合会|红十字会|"
                          r"社科联|作协|作家协会|(?<!机)关工委|贸促会)"),
    ("soe", r"(?:公司|集团|银行|农商行|信用社|信用联社|有限|股份|控股)$|集团|有限公司|股份"),
    ("village", _VILLAGE.pattern),
    ("township", _TOWNSHIP.pattern),
    ("party_committee", _COMMITTEE.pattern),
    ("party_committee", _BARE_COUNTY.pattern),
    ("party_department", rf"^(?:{_PLACE_WORD})委.|组织部|宣传部|统战部|统一战线工作部|政法委|纪委|"
                         r"纪律检查委员会|监委|监察委员会|巡察办|巡视办|巡察工作领导小组|编办|机构编制|"
                         r"老干部局|机关工委|机关工作委员会|文明办|精神文明建设|网信办|政研室|政策研究室|党史|"
                         r"工委$|工作$"),  # 教育工委; 区教育工作党委 without its 党委
    ("government", r"(?:政府|局|厅|署|部|委|委员会|办|办公室|管委会|处|派出所|司法所|财政所|海关|"
                   r"支队|大队|供销社|供销合作社)$"),
    ("public_institution", r"(?:中心|院|所|馆|台|社|站|场)$"),
))


def core(name: str) -> str:
    """The name without the party prefix and the party body that stands for the unit."""
    bare = name.strip()
    if PARTY_PREFIX.match(bare):
        bare = UNITS_COMMITTEE.sub(r"\1", PARTY_PREFIX.sub("", bare))
    return PARTY_BODY.sub("", bare) or bare


# A committee that inspects inside an enterprise or a university: what it inspects is part of it.
_ENTERPRISE = re.compile(r"(?:集团|公司|银行)(?:公司)?(?:党委|党组)$")
_UNIVERSITY = re.compile(r"^(?:学校|校|大学|学院)党委$|(?:大学|学院)党委$")
_OWN_KINDS = ("hospital", "school", "university")  # kept inside an enterprise or a university


def unit_kind(name: str, authority: str | None = None) -> str:
    """A code of `KINDS` for a unit named `name` (its place cut off, see vocab/places.py),
    inspected by `authority`: a unit an enterprise's party committee inspects is part of the
    enterprise (集团公司党委 inspecting 高界处), one a university's is part of the university
    (校党委 inspecting 外国语学院), unless its name says it is a hospital or a school."""
    unit = core(name)
    kind = next((kind for kind, pattern in _BY_ENDING if pattern.search(unit)), "other")
    if kind not in _OWN_KINDS and authority:
        if _ENTERPRISE.search(authority):
            return "soe"
        if _UNIVERSITY.search(authority) and kind != "soe":
            return "university"
    return kind


def names_locality(name: str) -> bool:
    """Whether the name is a township's or a village's, or a unit's named after one (青禾镇卫生院):
    such a name needs no level word before it (双峰县青禾镇 is 青禾镇 in 双峰县's reports)."""
    unit = core(name)
    return any(p.search(unit) for p in (_VILLAGE, _VILLAGE_PLACE, _TOWNSHIP, _TOWN_PLACE))


def opening_word(name: str) -> str | None:
    """The level word a unit's name opens with (市第二中学 → 市, 团县委 → 县), if any."""
    opening = _OPENING_WORD.match(core(name))
    return opening["word"] if opening else None


def authority_word(authority: str | None) -> str | None:
    """The place word an inspecting committee's name stands for: 省委 → 省, 地委 → 地区; None for
    a committee of no place (中央, 集团公司党委)."""
    m = _AUTHORITY.match(authority or "")
    if m is None:
        return None
    return "地区" if m["word"] == "地" else m["word"]


def unit_level(name: str, authority: str | None, place: str | None,
               place_level: str | None) -> str | None:
    """The level (`LEVELS`) of a unit named `name` (its place cut off) in `place` (a division's
    name, with `place_level` province, prefecture or county; None when the report gives none),
    inspected by `authority` (中央, 省委, 市委 …).

    A level word opening the name is the place's own when the place's name ends with it (市 in
    a county-level city is that city's), else it names a level below the place that the name
    does not settle (市委政法委 in a 湖南省 report is a prefecture's).
    """
    unit = core(name)
    if _VILLAGE.search(unit) or _VILLAGE_PLACE.search(unit):
        return "village"
    if _TOWNSHIP.search(unit) or _TOWN_PLACE.search(unit):
        return "township"
    if place is None and (authority == "中央" or _CENTRAL.search(unit)):
        return "central"
    if word := opening_word(unit):
        return _own_or(word, place, place_level)
    if _BARE_COUNTY.match(unit):
        return "county"
    if authority == "中央":  # a place's own unit the centre inspected, named without a level word
        return place_level
    committee = authority_word(authority)
    return _own_or(committee, place, place_level) if committee else None


def _own_or(word: str, place: str | None, place_level: str | None) -> str | None:
    """`place`'s level if its name ends with the level word, else the word's usual level."""
    if place and place.endswith(word):
        return place_level
    return _WORD_LEVEL.get(word)
