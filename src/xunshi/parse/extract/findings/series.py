"""Problems named as a series inside one sentence: …存在A、B、C等问题 / 反馈的“A”“B”等问题.

News releases often sum up what the inspectors found in a single clause, the problems joined by
、 (or printed as adjacent quotations) and closed by 等(突出)问题. Each member of the series is a
problem of its own. A series of fields (…方面、…方面) names no problem and is not read.
"""
from __future__ import annotations

import re

from ...model import Finding, Span
from ..numerals import CN_NUMBER

# The verb that introduces the series and the close after it: 存在 / 指出了 / 反馈的 …
# A、B、C 等(较为)(突出)问题 or 等10个方面27条具体问题. The series stays inside one clause: no
# 。;: and no line break, and a comma only inside a quotation.
_VERB = r"(?:存在|指出|发现|反映|暴露|反馈|查找|查摆)"
# How many fields or problems the close counts: 等10个方面27条具体问题.
_COUNT = rf"(?:\d{{1,3}}|{CN_NUMBER})"
_SERIES = re.compile(
    rf"{_VERB}(?:了|出|的|着)?(?:以下|一些|一批|较多|诸多|不少|许多)?(?:的)?"
    rf"(?P<series>(?:“[^”\n]{{1,80}}”|(?!{_VERB})[^。;:,、“”\n])+"
    r"(?:(?:、|(?<=”)(?=“))(?:“[^”\n]{1,80}”|[^。;:,、“”\n])+)+?)"
    rf"等(?:{_COUNT}个?方面)?(?:{_COUNT}[条个项])?(?:较为|比较|一系列|一些)?"
    r"(?:突出|主要|共性|具体|严重|普遍性?)?(?:的)?问题"
)
# One member: a quotation, or text up to the next 、 or quotation.
_MEMBER = re.compile(r"“[^”\n]{1,80}”|[^、“”]+")
# Words before the verb, in the same clause, that make the series something to look for or to
# fix rather than something found: 看是否存在…, 着力解决…, 严防…, 要纠正….
_NOT_FOUND = re.compile(
    r"是否|(?<![主重需纪])要|必须|着力|聚焦|紧盯|防止|杜绝|避免|严防|解决|整治|纠正|查处|切实")
# A member that names a field of work rather than a problem.
_FIELD = re.compile(r"方面$")
_MIN_MEMBER = 2


def series_findings(text: str) -> list[Finding]:
    """One finding per member of each series of problems, in document order."""
    out: list[Finding] = []
    for m in _SERIES.finditer(text):
        if _NOT_FOUND.search(text, _clause_start(text, m.start()), m.start()):
            continue
        members = [(s.start(), s.end()) for s in _MEMBER.finditer(text, *m.span("series"))]
        members = [_trim(text, s, e) for s, e in members]
        if len(members) < 2 or any(e - s < _MIN_MEMBER or _FIELD.search(text[s:e])
                                   for s, e in members):
            continue
        out.extend(Finding(title=_unquoted(text[s:e]), span=Span(s, e)) for s, e in members)
    return out


def _clause_start(text: str, pos: int) -> int:
    """Where the clause holding `pos` starts: after the last , 。 ; : or line break before it."""
    return max(text.rfind(c, 0, pos) for c in ",。;:\n") + 1


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """The member without the 、 or blanks around it."""
    while start < end and text[start] in "、 \t":
        start += 1
    while end > start and text[end - 1] in "、 \t":
        end -= 1
    return start, end


def _unquoted(member: str) -> str:
    """A quoted member without its quotation marks."""
    return member[1:-1] if member.startswith("“") and member.endswith("”") else member
