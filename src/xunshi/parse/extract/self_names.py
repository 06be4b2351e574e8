"""Who a report means when it names itself or a committee by its level alone.

A report says 我县, 我局党组, 我校党委 for its issuer, 向县委反馈 for the county's own committee, and
向甲省委反馈 for the province inspected: the unit is named by who that is.
"""
from __future__ import annotations

import re

# A unit naming itself (我省, 我县, 我局党组, 我校党委): the report's issuer is who that is.
_SELF = re.compile(r"^我(?P<kind>[省县市区州旗镇乡])?")
# A unit that is a place of its own (甲镇, 乙村), which 我市 only locates.
_PLACE_UNIT = re.compile(r"(?:[镇乡村]|街道|社区)(?:党委|党组织|党支部|党总支|党工委)?$")
# A place's committee named with the place (甲省委, 乙市委, 丙县委): the place is the unit inspected.
# Not 团县委 (the Youth League's), nor 市纪委.
_PLACE_COMMITTEE = re.compile(r"(?P<place>(?!团)[\u4e00-\u9fff]{1,10}[省市县区州旗盟])委")
# A committee named only by its level (向县委反馈): the issuer's own, when it is that committee.
_BARE_COMMITTEE = re.compile(r"[省市州盟县区旗]委")
# What turns a committee's name into its place's: 中共X县委员会 / X县委 → X县.
_PARTY_WRAP = re.compile(r"^中共|(?:委员会|委)$")
# A place's party committee in its formal name: 中共甲区委, 中共甲县委员会.
_FORMAL_COMMITTEE = re.compile(r"中共(?P<place>[\u4e00-\u9fff]{1,8}?[省市县区州旗])委")
# A body's party committee in its formal name: 中共某某大学委员会 is 某某大学's, named 某某大学党委.
_COMMITTEE_OF = re.compile(r"中共(?P<unit>[\u4e00-\u9fff]{2,30}?)委员会")
# The body 我校党委 / 我院党组 names after its self-reference.
_SELF_BODY = re.compile(r"党[委组]|党总支")


def own_name(name: str, issuer: str | None, text: str) -> str:
    """我县 / 我局 (and a bare 县委 in the county's own report) stand for the issuer: X县委 → X县
    for a place, the issuer itself otherwise. As a prefix 我 only says where the unit is: it is
    dropped before a place of its own (我市某某镇), its level kept before a body (我区卫生系统)."""
    committee = _PLACE_COMMITTEE.fullmatch(name)
    if committee:  # 向甲省委反馈: 甲省 was inspected
        return committee.group("place")
    m = _SELF.match(name)
    if m and m.group("kind") and m.end() < len(name):  # 我市甲镇 → 甲镇, 我区卫生系统 → 区卫生系统
        return name[m.end() :] if _PLACE_UNIT.search(name) else name[1:]
    if issuer and _BARE_COMMITTEE.fullmatch(name):
        place = _PARTY_WRAP.sub("", issuer)  # 向县委反馈 in 中共某某县委's report: 某某县
        return place if place.endswith(name[0]) else name
    if m and m.group("kind") and issuer is None:  # an unsigned report: the committee it names
        return _committee_place(text, m.group("kind")) or name
    if not m or not issuer:
        return name
    if m.group("kind"):
        return _PARTY_WRAP.sub("", issuer)
    return _own_body(issuer, name[2:])


def _committee_place(text: str, level: str) -> str | None:
    """The place of the one committee of `level` the text names in full (中共甲区委 → 甲区): who
    我区 is in an unsigned report."""
    places = {m.group("place") for m in _FORMAL_COMMITTEE.finditer(text)
              if m.group("place").endswith(level)}
    return places.pop() if len(places) == 1 else None


def _own_body(issuer: str, tail: str) -> str:
    """我校 / 我校党委 for an issuer 中共X委员会: X, or X党委 when the text names the committee
    (the formal 委员会 name is not how a report names the unit); other issuers as they sign."""
    committee = _COMMITTEE_OF.fullmatch(issuer)
    if committee is None:
        return issuer.removeprefix("中共")
    body = _SELF_BODY.fullmatch(tail)
    return committee.group("unit") + (body.group(0) if body else "")
