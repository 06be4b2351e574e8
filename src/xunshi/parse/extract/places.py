"""The report's jurisdiction and its GB/T 2260 code, weighed from all the evidence a text gives.

The issuer's name is the best witness (`中共娄底市委政法委员会` → 娄底市, `天心区委` → 天心区);
an issuer such as `市委政法委` only says *which level* (a city's), so the city comes from the
postal address, the phone's area code, the postcode and the place names in the text. A name
several divisions share (朝阳区) is settled by that same evidence or left unresolved: the
parser never guesses. A central unit (a ministry, or any unit naming no place that the centre's
groups inspected) speaks for no local jurisdiction, whatever city its address lies in. A news
release without a signature speaks for the committee it names (千阳县委) or the place it names
most. The divisions and their names are in `gazetteer`.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Contact, Inspection, Span
from ..page_meta import OUTLET_END
from .gazetteer import (COUNTY, NAMESAKE, PREFECTURE, PROVINCE, Division, Evidence, Gazetteer,
                        gazetteer)
from .organizations import find_groups
from .rounds import find_rounds


@dataclass
class Place:
    """The jurisdiction a report speaks for, with the stretch of text that shows it."""

    name: str  # as precise as the text allows: 娄底市, 长沙市天心区
    code: str | None  # six-digit GB/T 2260 code; None for a name several divisions share (向阳区)
    span: Span  # the evidence


# Evidence weights: the issuer anchors; contact channels are specific to the issuing unit;
# a place named in the body is weak (a short name weighs less still: gazetteer.SHORT_WEIGHT).
_W_ANCHOR, _W_ADDRESS, _W_PHONE, _W_POSTCODE, _W_FULL = 10.0, 5.0, 5.0, 2.0, 1.0
_OPENING_CHARS = 500
"""Where a report says who inspected it; later mentions of the centre are about other things."""
_MIN_SUPPORT = 2.0
"""Below this, body mentions alone are too thin to name a jurisdiction."""

# What an issuer's name says about its level when it names no place: its party committee
# (市委政法委 → a prefecture's) or the level its name opens with (县文明办, 市财政局党组).
_LEVEL_WORD = re.compile(
    r"(?P<province>省委|省纪委|自治区党委|^(?:中共)?省)"
    r"|(?P<prefecture>市委|州委|盟委|地委|^(?:中共)?[市州])"
    r"|(?P<county>县委|区委|旗委|^(?:中共)?[县区旗])"
)
# An issuer of the central level speaks for no local jurisdiction (国家统计局党组, 中共中央…), nor
# does a ministry (自然资源部党组, 审计署党组): a local department always names its level (县委组织部).
_CENTRAL = re.compile(r"^(?:中共)?(?:中央|国家|国务院|中国|全国)"
                      r"|^(?:中共)?[^省市州盟地县区旗镇乡]{2,10}(?:部|署)(?:党组|党委)?$")
# A place named as one of the superiors whose decisions a text carries out (中央、省、某某市委和我市):
# not the place the text speaks for.
_SUPERIORS_BEFORE = re.compile(r"(?:中央|省委?)[、,和及与]$")
# A news outlet (某某日报, 某某先锋网, a paper's app 某某日报新花城) publishes for no committee's level;
# its name may say where.
_OUTLET = re.compile(rf"{OUTLET_END}$|[日晚早]报")
# A party committee named in the body, by level: what an issuer-less report (a news release on a
# 区委 round) speaks for is the level of the committee it names most.
_COMMITTEE = re.compile(r"(?P<province>省委|自治区党委)|(?P<prefecture>市委|州委|盟委|地委)|(?P<county>县委|区委|旗委)")
# A committee named as the one that sends the groups (省委第三巡视组, 省委统一部署, 十一届省委):
# in an announcement of a higher committee's visit, that is not the level it speaks for.
_SENDER_AFTER = re.compile(r"(?:第?[一二三四五六七八九十\d]{1,3}[轮届]?)?(?:巡视|巡察)|(?:统一)?部署|批准")
_SENDER_BEFORE = "届"
# The levels listed as the superiors whose decisions a text carries out (中央、省委、市委、县委的决策部署,
# 省市县委, 与市委和区委保持一致): only the last may be the committee the text speaks for.
_LEVEL_ITEM = r"(?:党中央|中央|省委|自治区党委|市委|州委|县委|区委)"
_LEVELS_LISTED = re.compile(rf"{_LEVEL_ITEM}(?:[、和及与]{_LEVEL_ITEM})+|省市县委|省市委|市县委")
# What may follow a short name in an issuer for it to be the issuer's place: 湘西州委, 怀化市委.
_SHORT_ANCHOR = re.compile(r"[州盟]?委")
# What follows a place named with its committee in the body: 千阳县委, 湘西州委, 泾县县委.
_COMMITTEE_AFTER = re.compile(r"[州盟县]?委")
_LEVELS = {"province": PROVINCE, "prefecture": PREFECTURE, "county": COUNTY}


def resolve_jurisdiction(text: str, issuer: str | None, contacts: list[Contact],
                         inspections: Sequence[Inspection] = ()) -> Place | None:
    """The most precise division the evidence supports, or None when it does not settle one.
    `inspections` are the text's: the centre's inspection of central units speaks for no place."""
    gaz = gazetteer()
    evidence = _contact_evidence(gaz, contacts) + [
        e for e in gaz.scan(text, 0, _W_FULL) if not _SUPERIORS_BEFORE.search(text, e.span.start - 3, e.span.start)]
    if issuer and _OUTLET.search(issuer):  # a paper speaks for no level, but its name says where
        evidence += _issuer_places(gaz, text, issuer, _W_ADDRESS)
        issuer = None
    anchors = _issuer_anchors(gaz, text, issuer)
    if not anchors and (_is_central(issuer, text) if issuer else _all_central(gaz, inspections)):
        return None
    if not anchors and not issuer and (above := _digest_of(gaz, text)):
        return _place(above, evidence)
    level = _issuer_level(issuer) if issuer else _committee_level(text)
    if not anchors:  # the committee the text names, at the level it speaks for (千阳县委)
        anchors = _committee_anchors(text, evidence, level)
    if anchors:  # the issuer names its place: only a shared name needs the other evidence
        anchor = max(anchors, key=lambda e: max(d.level for d in e.divisions))
        evidence.append(anchor)
        best = _settle(anchor.divisions, evidence, 0.0)
        return _place(best, evidence) if best else _shared(anchor, text)
    if not issuer and not _COMMITTEE.search(text):  # nothing names a level: the place named most
        best = _most_named(evidence)
        if best:
            return _place(best, evidence)
    best = _settle_level(level, evidence)
    if best is not None and level == PREFECTURE:  # a 市委 may be a county-level city's (涟源市)
        best = _city_in(gaz, best, evidence)
    if best is None and not issuer and level == PREFECTURE and _sent_by_province(text):
        best = _settle_level(PROVINCE, evidence)  # a province's groups visited several cities
    if best is None and level == COUNTY:  # a county issuer without its name (县委宣传部)
        pref = _settle_level(PREFECTURE, evidence)
        if pref is None:
            return None
        return _county_by_short_name(gaz, text, pref) or _place(pref, evidence)
    if best is not None and not issuer:  # no publisher: the inspector's place only if the text names it
        best = _as_named(best, evidence)
    return _place(best, evidence) if best else None


def _digest_of(gaz: Gazetteer, text: str) -> Division | None:
    """The place above the places a digest heads its sections with (01 / 某某区 / … 02 / 某某区 / …):
    a text that gathers news of several places speaks for the one they lie in."""
    headed = {ds[0] for line in text.split("\n") if len(ds := gaz.full.get(line.strip(), [])) == 1}
    parents = {d.parent for d in headed}
    return parents.pop() if len(headed) > 1 and len(parents) == 1 else None


def _all_central(gaz: Gazetteer, inspections: Sequence[Inspection]) -> bool:
    """Whether the text is about the centre's inspection of central units only (中央第三巡视组 and
    某某专卖局党组): a unit naming no place, inspected by the centre, lies in no jurisdiction."""
    return bool(inspections) and all(
        i.authority == "中央" and not gaz.scan(i.target, 0, _W_FULL, min_len=2) for i in inspections)


def _as_named(d: Division, evidence: list[Evidence]) -> Division:
    """`d` if the text names it, else the one place inside it the text names: a text that names
    only 德江县 speaks for 德江县, though the 市委 whose group visited it is 铜仁's."""
    named = _named(evidence)
    if named[d] > 0:
        return d
    inside = {x for x in named if x is not d and d in x.lineage}
    return inside.pop() if len(inside) == 1 else d


def _is_central(issuer: str, text: str) -> bool:
    """A central issuer by its name, or one naming no level that the centre's groups inspected."""
    return bool(_CENTRAL.match(issuer)) or (_LEVEL_WORD.search(issuer) is None and _inspected_by_centre(text))


def _inspected_by_centre(text: str) -> bool:
    """Whether the opening names a central group or round (中央第十巡视组, 中央第七轮巡视): the centre
    inspects provinces and central units, so an issuer naming neither place nor level is central."""
    opening = text[:_OPENING_CHARS]
    return any(g.authority == "中央" for g in find_groups(opening)) or any(
        r.authority == "中央" for r in find_rounds(opening))


def _place(d: Division, evidence: list[Evidence]) -> Place:
    """`d` as a Place, traced to the strongest evidence naming it (else consistent with it)."""
    naming = [e for e in evidence if d in e.divisions] or [
        e for e in evidence if any(d.related(x) for x in e.divisions)
    ]
    return Place(d.display, d.code, max(naming, key=lambda e: (e.weight, -e.span.start)).span)


def _contact_evidence(gaz: Gazetteer, contacts: list[Contact]) -> list[Evidence]:
    """Places named in the postal address, and those the area code or postcode points to."""
    out: list[Evidence] = []
    for c in contacts:
        if c.kind == "postal_address":
            out += gaz.scan(c.raw, c.span.start, _W_ADDRESS, min_len=2)
        elif c.kind in ("phone", "fax") and "-" in c.value:
            _add_lookup(out, gaz.by_area_code.get(c.value.split("-")[0]), _W_PHONE, c.span)
        elif c.kind == "postcode":
            _add_lookup(out, gaz.by_postcode.get(c.value[:3]), _W_POSTCODE, c.span)
    return out


def _add_lookup(out: list[Evidence], found: set[Division] | None, weight: float, span: Span) -> None:
    if found:
        out.append(Evidence(tuple(found), weight, span))


def _issuer_places(gaz: Gazetteer, text: str, issuer: str, weight: float,
                   namesakes: bool = False) -> list[Evidence]:
    """Places the issuer's name holds, located at its last appearance (the signature)."""
    # a signature may break the name over two lines (中共某县委巡察工作 / 领导小组办公室)
    printed = [*re.finditer("\n?".join(map(re.escape, issuer)), text)]
    if not printed:
        return []
    last = printed[-1]
    return gaz.scan(last.group(), last.start(), weight, min_len=2, namesakes=namesakes)


def _issuer_anchors(gaz: Gazetteer, text: str, issuer: str | None) -> list[Evidence]:
    """Places the issuer names as its own: a full name, a short one as the party committee's
    (湘西州委) or as a school's (某某大学党委) if no place apart from it shares the name (中山大学 is
    named after a person, not 中山市); in 某某路派出所 a short name is part of another name."""
    if not issuer:
        return []
    return [e for e in _issuer_places(gaz, text, issuer, _W_ANCHOR, namesakes=True)
            if (name := text[e.span.start : e.span.end]) in gaz.full or _SHORT_ANCHOR.match(text, e.span.end)
            or NAMESAKE.match(text, e.span.end) and not gaz.apart(name)]


def _shared(anchor: Evidence, text: str) -> Place | None:
    """A name several divisions share that nothing settles (向阳区): the name without a code."""
    if len({d.name for d in anchor.divisions}) != 1:
        return None
    return Place(text[anchor.span.start : anchor.span.end], None, anchor.span)


def _city_in(gaz: Gazetteer, pref: Division, evidence: list[Evidence]) -> Division:
    """A county-level city of `pref` the text names by its full name more often than `pref`
    itself (湖南娄底涟源市 … 涟源市 …): a 市委 is that city's."""
    named = _named(evidence)
    best = max((d for d in gaz.children[pref] if d.name.endswith("市")), key=named.__getitem__, default=None)
    if best is None or named[best] < _MIN_SUPPORT or named[best] <= named[pref]:
        return pref
    return best


def _committee_anchors(text: str, evidence: list[Evidence], level: int) -> list[Evidence]:
    """The place the text names most often with its committee (千阳县委, 吴忠市委, 湘西州委), if
    that committee is of the level the text speaks for: a county-level city's 市委 is a 市委 too
    (涟源市委), a province sending its groups (湖南省委巡视组) is not the place it visits."""
    named: dict[str, list[Evidence]] = defaultdict(list)
    for e in evidence:
        anchor = _COMMITTEE_AFTER.match(text, e.span.end)
        if anchor is None:
            continue
        word = anchor.group() if len(anchor.group()) == 2 else text[e.span.end - 1] + "委"  # 县县委, 县委
        committee = _COMMITTEE.fullmatch(word)
        if committee and committee.lastgroup and _LEVELS[committee.lastgroup] == level:
            named[text[e.span.start : e.span.end]].append(e)
    ranked = sorted(named.values(), key=len, reverse=True)
    if not ranked or (len(ranked) > 1 and len(ranked[1]) == len(ranked[0])):
        return []
    e = ranked[0][-1]
    return [Evidence(e.divisions, _W_ANCHOR, e.span)]


def _issuer_level(issuer: str | None) -> int:
    """The level an unnamed issuer speaks for (市委… → a prefecture); a prefecture by default."""
    m = _LEVEL_WORD.search(issuer or "")
    return _LEVELS[m.lastgroup] if m and m.lastgroup else PREFECTURE


def _committee_level(text: str) -> int:
    """The level of the committee the text names most often; a prefecture on a tie or none.
    Mentions as the sender of the groups count only when all mentions are such: a release on a
    province's visit to a city speaks for the city, one on a district's own round for the district."""
    found = _committees(text)
    visited = [m for m in found if not _is_sender(text, m)]
    counts = Counter(m.lastgroup for m in visited or found)
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return PREFECTURE
    return _LEVELS[ranked[0][0]]


def _committees(text: str) -> list[re.Match[str]]:
    """The committees the text names, of a list of superiors (中央、省委、市委、县委) only the last:
    the one nearest to the text, its superiors above it."""
    listed = [m.span() for m in _LEVELS_LISTED.finditer(text)]
    starts = [a for a, _ in listed]
    found = [m for m in _COMMITTEE.finditer(text) if m.lastgroup]
    kept = []
    for i, m in enumerate(found):
        k = bisect_right(starts, m.start()) - 1
        end = listed[k][1] if k >= 0 else -1
        if not (m.end() <= end and i + 1 < len(found) and found[i + 1].end() <= end):
            kept.append(m)
    return kept


def _sent_by_province(text: str) -> bool:
    """Whether the committee that sent the groups is a province's (省委第三巡视组, 十届省委)."""
    return any(m.lastgroup == "province" and _is_sender(text, m) for m in _COMMITTEE.finditer(text))


def _is_sender(text: str, m: re.Match[str]) -> bool:
    """Whether the committee mention `m` names who sent the groups (省委第三巡视组, 十一届省委)."""
    return text[m.start() - 1 : m.start()] == _SENDER_BEFORE or bool(_SENDER_AFTER.match(text, m.end()))


def _support(d: Division, evidence: list[Evidence]) -> float:
    """Weight of the evidence consistent with `d`; a shared name splits its weight."""
    return sum(e.weight / len(e.divisions) for e in evidence if any(d.related(x) for x in e.divisions))


def _named(evidence: list[Evidence]) -> Counter[Division]:
    """How much the evidence names each division itself (a shared name splits its weight)."""
    named: Counter[Division] = Counter()
    for e in evidence:
        for d in e.divisions:
            named[d] += e.weight / len(e.divisions)
    return named


def _most_named(evidence: list[Evidence]) -> Division | None:
    """The division the evidence names itself most (弥渡县 twice beside one 大理), if that is
    enough and no other is named as much; else the one place named in full (石泉县启动…). A place
    inside it named enough too is more precise (a 大理 paper's story on 弥渡县, named twice)."""
    named = _named(evidence)
    ranked = named.most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    best = ranked[0][0]
    if ranked[0][1] < _MIN_SUPPORT:
        return _sole(evidence, best)
    inner = [d for d, n in named.items() if n >= _MIN_SUPPORT and d is not best and best in d.lineage]
    return inner[0] if len(inner) == 1 else best


def _sole(evidence: list[Evidence], d: Division, short_province: bool = False) -> Division | None:
    """`d` if the text names it, or a place inside it, in full, and every place it names lies
    around it (湖南娄底涟源市): one mention, but nothing else it could be about. With
    `short_province`, a province's short name counts as in full (福建 in 福建日报社, for a text on
    a 省委's round: no other province is named)."""
    in_full = any(len(e.divisions) == 1 and d.related(e.divisions[0]) and (
        e.weight >= _W_FULL or short_province and e.divisions[0].level == PROVINCE) for e in evidence)
    return d if in_full and all(d.related(other) for other in _named(evidence)) else None


def _settle_level(level: int, evidence: list[Evidence]) -> Division | None:
    """The best-supported division at `level` among those the evidence lies in, else the one
    division at that level the text names (or names a place inside) with nothing else beside it."""
    cands = {up for e in evidence for d in e.divisions if (up := d.at(level))}
    best = _settle(tuple(cands), evidence, _MIN_SUPPORT)
    if best is None and len(cands) == 1:
        best = _sole(evidence, cands.pop(), short_province=level == PROVINCE)
    return best


def _settle(cands: tuple[Division, ...], evidence: list[Evidence], floor: float) -> Division | None:
    """The one candidate with the strictly highest support (at least `floor`), else None."""
    ranked = sorted(((_support(d, evidence), d) for d in cands), key=lambda p: -p[0])
    if not ranked or ranked[0][0] < floor or (len(ranked) > 1 and ranked[1][0] >= ranked[0][0]):
        return None
    return ranked[0][1]


def _county_by_short_name(gaz: Gazetteer, text: str, pref: Division) -> Place | None:
    """The one county of `pref` the text names most often by its short name (怀远 for 怀远县)."""
    counts = {(d, alias): text.count(alias) for d, alias in gaz.counties_of(pref)}
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] == 0 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    (d, alias), _ = ranked[0]
    start = text.index(alias)
    return Place(d.display, d.code, Span(start, start + len(alias)))
