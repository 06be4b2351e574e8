"""When two names are one unit: the key an organization is stored under within its place.

Reports name the same unit differently — the feedback says 市委政法委, the unit signs its
rectification report 中共娄底市委政法委员会, a list says 市公安局党委 for 市公安局. The key drops
what varies (the party prefix, the place's own name, the party-committee suffix) and shortens
the standard long forms, so both reports point at one `organizations` row; every spelling is
kept as an alias. The place is the unit's own (vocab/places.py: 娄底市委政法委 in a 湖南省
report is 娄底市's), and only its name is stripped: a key never merges units of different
places. A place inspected as a whole is its party committee: 天心区 and 天心区委 are one unit.
"""
from __future__ import annotations

import re

from ..vocab.units import PARTY_BODY, PARTY_PREFIX, UNITS_COMMITTEE

_LONG_FORMS = (  # most specific first
    ("人民代表大会常务委员会", "人大常委会"),
    ("政治协商会议", "政协"),
    ("纪律检查委员会", "纪委"),
    ("委员会", "委"),
    ("人民政府", "政府"),
    ("办公室", "办"),
)
_LEVELS = "特别行政区|自治区|自治州|自治县|自治旗|省|市|州|盟|地区|县|区|旗"
_LEVEL = re.compile(rf".+?(?:{_LEVELS})")  # one division of a place name: 长沙市 | 天心区
_LEVEL_WORD = re.compile(rf"(?:{_LEVELS})$")
_PLACES_COMMITTEE = re.compile(rf"^({_LEVELS})委$")  # 区委, once the place's name is stripped
_NOISE = re.compile(r"[\s\"'“”‘’《》〈〉()（）]")


def _place_prefixes(jurisdiction: str) -> list[str]:
    """The jurisdiction's names as a unit's name may begin with them, longest first.

    长沙市天心区 → 长沙市天心, 天心: the level word (区) stays in the key, so 天心区委 and
    长沙市天心区委 both become 区委.
    """
    parts = _LEVEL.findall(jurisdiction)
    prefixes = []
    for i in range(len(parts)):
        bare = _LEVEL_WORD.sub("", "".join(parts[i:]))
        if len(bare) >= 2:
            prefixes.append(bare)
    return sorted(set(prefixes), key=len, reverse=True)


def organization_key(name: str, jurisdiction: str | None) -> str:
    """The name with its variable parts removed; equal keys in one place are one unit."""
    key = _NOISE.sub("", name)
    if PARTY_PREFIX.match(key):
        key = UNITS_COMMITTEE.sub(r"\1", PARTY_PREFIX.sub("", key))
    for prefix in _place_prefixes(jurisdiction) if jurisdiction else []:
        if key.startswith(prefix) and len(key) > len(prefix):
            key = key[len(prefix):]
            break
    for long, short in _LONG_FORMS:
        key = key.replace(long, short)
    key = _PLACES_COMMITTEE.sub(r"\1", key)
    return PARTY_BODY.sub("", key) or name
