"""When two names are one unit: the key an organization is stored under within its jurisdiction.

Reports name the same unit differently — the feedback says 市委政法委, the unit signs its
rectification report 中共娄底市委政法委员会, a list says 市公安局党委 for 市公安局. The key drops
what varies (the party prefix, the jurisdiction's own name, the party-committee suffix) and
shortens the standard long forms, so both reports point at one `organizations` row; every
spelling is kept as an alias. Only the jurisdiction the report speaks for is stripped: a key
never merges units of different places.
"""
from __future__ import annotations

import re

_PARTY = re.compile(r"^(?:中国共产党|中共)")
# The party organization of a unit stands for the unit: 市公安局党委 is 市公安局.
_PARTY_BODY = re.compile(r"(?<=.{2})(?:机关党委|党工委|党委|党组|党总支|党支部)$")
# 中共临沧市公安局委员会 is the bureau's party committee, i.e. 市公安局党委.
_UNITS_COMMITTEE = re.compile(r"([局厅院校司所]|中心|集团|公司)委员会$")
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
    """The name with its variable parts removed; equal keys in one jurisdiction are one unit."""
    key = _NOISE.sub("", name)
    if _PARTY.match(key):
        key = _UNITS_COMMITTEE.sub(r"\1", _PARTY.sub("", key))
    for prefix in _place_prefixes(jurisdiction) if jurisdiction else []:
        if key.startswith(prefix) and len(key) > len(prefix):
            key = key[len(prefix):]
            break
    for long, short in _LONG_FORMS:
        key = key.replace(long, short)
    return _PARTY_BODY.sub("", key) or name
