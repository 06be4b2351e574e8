"""Who inspects: the authority (中央, 省委, 市委 …) and its numbered groups (市委第四巡察组).

Group names come in three word orders (市委第四巡察组, 省委巡视第一组, 市委巡视六组) and are kept
without any place prefix (娄底市委第四巡察组 → 市委第四巡察组): the report's jurisdiction says
where, and the level word is what analysts compare across reports.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Span
from .numerals import NUMBER, to_chinese, to_int

AUTHORITY = r"(?:中央|(?:自治)?区党委|(?:集团公司|集团|公司|学校|校|院)?党[委组]|[省市州盟地县区旗]委|集团)"
"""A regex fragment for the body that sends inspection groups, as a level word."""

ORG_END = r"(?:委员会|党组|党委|党总支|办公室|政府|公司|集团|中心|学校|[委办部局厅院组会所站队社行署处室馆])"
"""A regex fragment for how the name of a party or government body ends."""

UNIT_NAME = rf"[\u4e00-\u9fff()]{{2,30}}?{ORG_END}"
"""A regex fragment for a body's whole name as a line prints it alone (中共某某县委, 某局(某办))."""

MODE = r"(?:巡视|巡察)"
"""Inspections by the centre and provinces are 巡视; by cities and counties, 巡察."""

GROUP_KIND = r"(?:上下联动|机动|提级|交叉|联动|专项)"
"""A regex fragment for the kind a group's own name may carry: 市委机动巡察一组, 第三提级交叉巡察组."""

# A group: 市委第四巡察组 | 省委巡视第一组 | 市委巡视六组 (the 第 may be missing) |
# 县委第七轮巡察第二组 | 县委第七轮巡察第五巡察组 (named without its round: 县委第五巡察组) |
# 市委医疗卫生领域第六专项巡察组 | 市委脱贫攻坚第一专项巡察组 | 市委第五提级(交叉)巡察组 |
# 市委第二、三巡察组 / 市委第一至第六巡察组 (several at once) | 市委机动巡察一组 | 省委专项巡视组 |
# 县委上下联动巡察组 | 集团公司党委2个巡视组 (unnumbered). A kind word may stand before the mode.
# The lookahead names the characters an authority begins with, so that the regex engine passes
# over the rest of the text without trying every alternative at every character.
_GROUP = re.compile(
    rf"(?=[中自区集公学校院党省市州盟地县旗])(?P<auth>{AUTHORITY})"
    rf"(?:(?:[\u4e00-\u9fff]{{2,8}}?(?:领域|系统|行业)|[\u4e00-\u9fff]{{2,6}}?(?=第{NUMBER}专项))?"
    rf"(?P<r1>第{NUMBER}轮{MODE}?)?"
    rf"第(?P<n1>{NUMBER}(?:(?:、|至|到)第?{NUMBER})*)(?P<q1>(?:{GROUP_KIND}|\({GROUP_KIND}\))*)(?P<m1>{MODE})组"
    rf"|(?:第{NUMBER}轮)?(?P<q2>{GROUP_KIND}*)(?P<m2>{MODE})第?(?P<n2>{NUMBER})组"
    rf"|(?:{NUMBER}个)?(?P<q3>{GROUP_KIND}*)(?P<m3>{MODE})组)"
)
# A group named by its number alone right after another (地委第一巡察组…,第六巡察组…): the same
# authority's.
_NEXT_GROUP = re.compile(rf"(?<=[,、;和及与])第(?P<n>{NUMBER})(?P<q>{GROUP_KIND}*)(?P<m>{MODE})组")

# The numbers of a group list: 第七、第八、第九 / 第一至第六 (a range).
_LISTED = re.compile(rf"(?P<a>{NUMBER})(?:(?P<range>至|到)第?(?P<b>{NUMBER}))?")
# Where the numbers of a 第N…组 name stand: what precedes and follows them.
_NUMBERED = re.compile(rf"^(?P<head>.+?第)(?P<numbers>{NUMBER}(?:(?:、|至|到)第?{NUMBER})+)(?P<tail>[^第]+组)$")

# An authority that ordered the work: 根据省委统一部署 / 按照县委巡察工作统一安排 / 根据市建投集团党委
# 统一部署 (the body's name before its committee).
_ORDERED_BY = re.compile(
    rf"(?:根据|按照)(?:[\u4e00-\u9fff]{{1,8}}?(?=集团|公司|党[委组]))??(?P<auth>{AUTHORITY})[^,。;:\n]{{0,8}}?(?:部署|安排)")
# An authority approving the round: 经自治区党委批准 / 经市委同意.
_APPROVED = re.compile(rf"经(?P<auth>{AUTHORITY})(?:研究)?(?:同意|批准)")
# An authority convening its round: 国务院国资委党委召开巡视工作会议暨第一轮巡视动员部署会.
_CONVENES = re.compile(rf"(?:^|(?<=[,。;:\n]))(?P<auth>[\u4e00-\u9fff]{{0,10}}?{AUTHORITY})召开"
                       rf"[^,。;:\n]{{0,30}}?{MODE}[^,。;:\n]{{0,12}}?动员部署")
# An authority inspecting in person: 学校党委于2020年11月下旬对甲学院开展了巡察.
_CONDUCTS = re.compile(rf"(?:^|(?<=[,。;:\n]))(?P<auth>{AUTHORITY})于[^,。;:\n]{{1,24}}?对")
# An authority sending or setting up groups: 市委成立脱贫攻坚联动巡察组 / 县委派出3个巡察组.
_SENDS = re.compile(rf"(?P<auth>{AUTHORITY})(?:共|先后|分别)?(?:成立|派出|组建|抽调)")
# An authority's leading group for the work: 校党委巡察工作领导小组, 县委巡察工作领导小组.
_LEADING_GROUP = re.compile(rf"(?P<auth>{AUTHORITY}){MODE}工作领导小组")


@dataclass(frozen=True)
class Group:
    """An inspection group as named in the text."""

    name: str
    authority: str
    mode: str
    span: Span
    numbered: bool  # 市委巡察组 says who sent it, but not which group it was
    kind: str | None = None  # the kind words its name carries: 机动, 提级交叉 …


    def members(self) -> list[str]:
        """The single groups its name stands for, if it names several (see `members`)."""
        return members(self.name)


def members(name: str) -> list[str]:
    """The single groups a list name stands for (中央第七、第八巡视组 → 中央第七巡视组,
    中央第八巡视组; 市委第一至第三巡察组 → three), or [] for a name of one group."""
    m = _NUMBERED.match(name)
    if m is None:
        return []
    out: list[str] = []
    for part in _LISTED.finditer(m.group("numbers")):
        if part.group("range") is None:
            out.append(part.group("a"))
            continue
        a, b = to_int(part.group("a")), to_int(part.group("b"))
        if a is None or b is None or not 0 < b - a < 20:
            return []
        digits = part.group("a").isdecimal()  # print the numbers as the list does
        out += [str(n) if digits else to_chinese(n) for n in range(a, b + 1)]
    return [m.group("head") + n + m.group("tail") for n in out]


def find_groups(text: str) -> list[Group]:
    """Every inspection group mentioned in `text`, in order."""
    out = [_with_body(text, Group(_name(m), m.group("auth"), m.group("m1") or m.group("m2") or m.group("m3"),
                                  Span(m.start(), m.end()), numbered=not m.group("m3"),
                                  kind=m.group("q1") or m.group("q2") or m.group("q3") or None))
           for m in _GROUP.finditer(text)]
    for m in _NEXT_GROUP.finditer(text):
        if any(g.span.start <= m.start() < g.span.end for g in out):
            continue  # a number inside a list name: 市委第三、第四巡察组
        before = max((g for g in out if g.numbered and g.span.end <= m.start() < g.span.end + _NEXT_WITHIN),
                     key=lambda g: g.span.end, default=None)
        if before and before.mode == m.group("m"):
            auth = before.authority
            out.append(Group(auth + m.group(0), auth, m.group("m"), Span(m.start(), m.end()), True,
                             m.group("q") or None))
    return sorted(out, key=lambda g: g.span.start)


_NEXT_WITHIN = 60
"""How far after a group a number alone (,第六巡察组) may name another of its authority's."""

# The body whose party committee sends a group, printed before it: 省国资委 in 省国资委党委第一巡察组,
# 水利厅 in 水利厅党组第一巡察组, 委 in 委党组巡察组; not a clause's first word (根据厅党组…).
_BODY_BEFORE = re.compile(
    r"(?:^|(?<=[^\u4e00-\u9fff]))(?:根据|按照|由|经|对|在)?(?P<body>[\u4e00-\u9fff]{0,5}[厅局委办])$")


def _with_body(text: str, group: Group) -> Group:
    """A group sent by a department's party committee named with the department (省国资委党委第一
    巡察组), not by the bare 党委 the authority pattern finds."""
    if group.authority not in ("党委", "党组"):
        return group
    body = _BODY_BEFORE.search(text, max(0, group.span.start - 8), group.span.start)
    if body is None:
        return group
    name = body.group("body")
    return Group(name + group.name, name + group.authority, group.mode,
                 Span(body.start("body"), group.span.end), group.numbered, group.kind)


def _name(m: re.Match[str]) -> str:
    """A group's name as printed, without the round it may carry (县委第七轮巡察第五巡察组 →
    县委第五巡察组): rounds are reported apart."""
    name = m.group(0)
    return name.replace(m.group("r1"), "", 1) if m.group("r1") else name


def ordering_authority(text: str) -> str | None:
    """The authority a `根据X统一部署` phrase names, the last one in `text`, else the one that
    sends or sets up groups (市委成立…联动巡察组; not 经市委批准,县委派出…'s 市委), approves the round
    (经X批准), inspects itself (学校党委于…对甲学院开展了巡察) or convenes the round's mobilisation
    (…党委召开…巡视动员部署会), else the one whose leading group is named
    (校党委巡察工作领导小组听取…汇报)."""
    found = (_ORDERED_BY.findall(text) or _SENDS.findall(text) or _APPROVED.findall(text)
             or _CONDUCTS.findall(text) or _CONVENES.findall(text) or _LEADING_GROUP.findall(text))
    return found[-1] if found else None
