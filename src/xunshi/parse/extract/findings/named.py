"""Problems named inside a running sentence rather than listed: a series or a single mention.

News releases often sum up what the inspectors found in one clause, the problems joined by 、 (or
printed as adjacent quotations) and closed by 等(突出)问题, a count (…4个方面问题) or a quoted
label (…“三大问题”): each member is a problem of its own. A report on the rectification names the
problems it answered one at a time: 针对巡察反馈的X问题, 对反馈到的“X”的问题; a journalist may
quote them before saying whose they are (“A,B,C……”这些巡察中发现的问题), or open the story
with a paragraph that only quotes them. A series of fields (…方面、…方面), a series to look for
or to fix (是否存在…, 着力解决…) and words quoted from a speaker are not read.
"""
from __future__ import annotations

import re

from ...model import Finding, Span
from ..numerals import CN_NUMBER
from .titles import DEMAND, FAULT, TROUBLE

# The verb that introduces a series: 存在 / 指出了 / 反馈的 / 发现了一些 / 发现诸如 …
_VERB = r"(?:存在|指出|发现|反映|暴露|反馈|查找|查摆)"
_OPENING = rf"{_VERB}(?:了|出|的|着)?(?:以下|一些|一批|较多|诸多|不少|许多)?(?:的)?(?:诸如|例如|比如)?"
# How many fields or problems a close counts: 10个方面, 27条, 三大.
_COUNT = rf"(?:\d{{1,3}}|{CN_NUMBER})"
# A member: quotations and text up to the next 、 or quotation, holding no verb (that would
# introduce a series of its own) but as an attribute (监督发现的问题). The series stays inside
# one sentence: no 。;: and no line break.
_QUOTED = r"“[^”\n]{1,80}”"
_FIRST = rf"(?:{_QUOTED}|(?!{_VERB})[^。;:,、“”\n])+"
_NEXT = rf"(?:[、,]|(?<=”)(?=“))(?:{_QUOTED}|(?!{_VERB}(?!的))[^。;:,、“”\n])+?"
# The close: 等(10个方面)(27条)(较为)(突出)(“五有”)问题, or a count without 等 (…4个方面问题,
# …“三大问题”); or 的情况; or the end of a text cut off inside a series of three or more.
_CLOSE = (rf"(?:等(?:{_COUNT}个?方面)?(?:{_COUNT}[条个项])?(?:较为|比较|一系列|一些)?"
          rf"|“?{_COUNT}[个大类](?:方面)?(?:的)?)"
          r"(?:突出|主要|共性|具体|严重|普遍性?)?(?:的)?(?:“[^”\n]{1,10}”)?问题”?")
_SERIES = re.compile(
    rf"{_OPENING}(?P<series>{_FIRST}(?:{_NEXT})*)"
    rf"(?:{_CLOSE}|(?P<cases>的情况)|(?P<cut>\s*\Z))")
# How many members a series needs: three when the text's end cuts it off, two that each name a
# fault when it closes 的情况 (存在A不严、B未压实的情况); else two, or one with a word of fault
# (存在X不到位等问题).
_LEAST_CUT = 3
# The field of work a series stands under, named just before its verb: 在X方面(,)(主要)存在….
_FIELD_BEFORE = re.compile(
    r"(?:(?<=[,;。:\n])|(?<![\s\S]))[^,]*?在?(?P<category>[^,在]{2,20}?方面),?(?:主要|还|也|仍)*$")
# A series that is the subject of its clause, with no verb before it: 此外,A、B等问题也在…被提及
# / A、B等问题仍较突出. What follows the close must say that the problems are there.
# Found by its close (a search from every clause start would be slow), then read back to the
# start of its clause.
_SUBJECT_CLOSE = re.compile(
    rf"{_CLOSE}(?=[也还仍均都]|被|在[^,。;\n]{{0,24}}?(?:被|中)|较为|比较|突出|多发|频发|普遍|屡)")
_SUBJECT_SERIES = re.compile(
    rf"(?:那么|而且?)?(?:此外|另外|同时|还有)?,?(?P<series>{_FIRST}(?:{_NEXT})+)")
# One problem the text singles out as the worst: “X”成为最突出的问题.
_SINGLED_OUT = re.compile(
    rf"(?P<one>{_QUOTED}|\"[^\"\n]{{1,80}}\")(?:成为?|是)(?:最为?|较为|比较)?突出的?问题")
# One problem answered by a rectification: 针对巡察反馈的X问题 / 对巡察中反馈到的“X”的问题; X
# must quote or state a fault (针对巡察反馈的共性问题 names none).
_ANSWERED = re.compile(
    r"(?:针对|对)(?:巡视|巡察)?组?中?(?:反馈|指出)(?:反馈|指出|提出|发现|反映|到|的|出)*"
    rf"(?P<one>(?:{_QUOTED}|[^。;:,、“”\n]){{2,30}}?)(?<!等)的?问题")
# A journalist's lead quoting the problems before saying whose they are:
# “A,B,C……”这些巡察中发现的问题 / “A;B。”这是巡察组指出的问题.
_QUOTED_LEAD = re.compile(
    r"“(?P<list>[^“”\n]{4,400})”\s*(?:这些|这是|以上|上述)[^。;:“”\n]{0,24}?"
    r"(?:发现|反馈|指出|查出|查摆)(?:出|到)?的(?:主要|突出)?问题")
# A paragraph that opens a news story with such a quotation: “A;B;C……”, alone on its line or
# trailing off before the story goes on (“A;B……”5月8日,在…会上). Every problem in it must state
# a fault, and it asks for nothing (no ? or !, no 要).
_QUOTED_PARAGRAPH = re.compile(
    r"^[ \t]*“(?P<list>[^“”?!\n]{4,400})”(?=[ \t]*$|(?<=[….]”))", re.MULTILINE)
# What separates the quoted problems: ; when there is one (a , then joins parts of a problem),
# else , and 。; and the ellipsis that trails off after the last one.
_CLAUSE_MARKS = {True: re.compile(r"[;。]"), False: re.compile(r"[,;。]")}
_TRAILING = "…. "
# A piece of a series between two 、, or between commas when it has any (a 、 then joins parts
# of one clause): text and quotations; and one made only of quotations. Pieces between commas
# must each be a clause that states a fault, or the commas join a sentence that only ends in a
# series.
_PIECES = {mark: re.compile(rf"(?:{_QUOTED}|[^{mark}“”])+") for mark in ",、"}
_ONLY_QUOTED, _QUOTATION = re.compile(rf"(?:{_QUOTED})+"), re.compile(_QUOTED)
# Words before the verb, in the same clause, that make the series something to look for or to
# fix rather than something found: 看是否存在…, 着力解决…, 严防…, 要纠正…, 为破解….
_NOT_FOUND = re.compile(
    r"是否|(?<![主重需纪])要|必须|着力|聚焦|紧盯|防止|杜绝|避免|严防|解决|整治|纠正|查处|切实"
    r"|破解|化解|克服|防范"
    # …or found by the rectifying side's own review, not by the inspectors: 梳理后发现…
    r"|梳理|自查|排查|核查")
# A member that names a field of work rather than a problem, or only points back at problems
# named elsewhere (上述问题, 这些问题, 该类问题; 该局… is a subject).
_NOT_A_PROBLEM = re.compile(r"方面$|^(?:上述|以上|前述|这些|这类|此类|该类|该问题|有关|相关)")
_MIN_MEMBER, _SHORT_CLAUSE, _MAX_CLAUSE = 2, 4, 40
_CLAUSE_ENDS = ",。;:\n"


def named_findings(text: str) -> list[Finding]:
    """Every problem named in running text, in document order; each stretch is read once."""
    out = _series_findings(text)
    out.extend(_quoted_findings(text, out))
    for m in [*_ANSWERED.finditer(text), *_SINGLED_OUT.finditer(text)]:
        s, e = m.span("one")
        one = text[s:e]
        states = "“" in one or FAULT.search(one) or TROUBLE.search(one)
        if states and not (_NOT_A_PROBLEM.search(one) or _in_quotation(text, m.start())
                           or overlaps(out, s, e)):
            out.append(_finding(text, s, e))
    return sorted(out, key=lambda f: f.span.start)


def overlaps(found: list[Finding], start: int, end: int) -> bool:
    """Whether any of `found` reads text[start:end] already."""
    return any(f.span.start < end and start < f.span.end for f in found)


def _series_findings(text: str) -> list[Finding]:
    """One finding per member of each series, under the field of work named before it."""
    out: list[Finding] = []
    for m in [*_SERIES.finditer(text), *_subject_series(text)]:
        commas = "," in _QUOTATION.sub("", m.group("series"))
        spans = _members(text, *m.span("series"), "," if commas else "、")
        if m.groupdict().get("cut") is not None:
            least = _LEAST_CUT
        elif m.groupdict().get("cases") is not None:
            least = 2 if all(FAULT.search(text, s, e) for s, e in spans) else len(spans) + 1
        else:
            least = 1 if FAULT.search(text[spans[0][0] : spans[0][1]]) else 2
        if _speaks_or_seeks(text, m.start()) or len(spans) < least or any(
                e - s < _MIN_MEMBER or _NOT_A_PROBLEM.search(text[s:e])
                or commas and not _short_fault(text[s:e]) for s, e in spans):
            continue
        if not overlaps(out, m.start(), m.end()):
            field = _FIELD_BEFORE.search(text, _start_after(text, m.start(), "。;:\n"), m.start())
            category = field.group("category") if field else None
            out.extend(_finding(text, s, e, category) for s, e in spans)
    return out


def _subject_series(text: str) -> list[re.Match[str]]:
    """Series that are the subjects of their clauses, each read back from its close."""
    found = []
    for close in _SUBJECT_CLOSE.finditer(text):
        start = _start_after(text, close.start(), _CLAUSE_ENDS)
        if m := _SUBJECT_SERIES.fullmatch(text, start, close.start()):
            found.append(m)
    return found


def _quoted_findings(text: str, found: list[Finding]) -> list[Finding]:
    """Problems a journalist quotes: before saying whose they are, or as the opening paragraph
    (whose every problem must then state a fault); none that `found` has read already."""
    out: list[Finding] = []
    for m in _QUOTED_LEAD.finditer(text):
        out.extend(_finding(text, s, e) for s, e in _clauses(text, *m.span("list")))
    for m in _QUOTED_PARAGRAPH.finditer(text):
        clauses = _clauses(text, *m.span("list"))
        states = all(FAULT.search(text, s, e) and not DEMAND.search(text, s, e) for s, e in clauses)
        if states and not overlaps(found + out, m.start(), m.end()):
            out.extend(_finding(text, s, e) for s, e in clauses)
    return out


def _members(text: str, start: int, end: int, mark: str) -> list[tuple[int, int]]:
    """The members of a series: its pieces between `mark`s, a piece made only of adjacent
    quotations (“A”“B”) being one member per quotation."""
    out: list[tuple[int, int]] = []
    for piece in _PIECES[mark].finditer(text, start, end):
        if _ONLY_QUOTED.fullmatch(piece.group()):
            out.extend(q.span() for q in _QUOTATION.finditer(text, *piece.span()))
        else:
            out.append(_trim(text, *piece.span()))
    return out


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The clauses of text[start:end] (between ; and 。, or , ; and 。 when it has no ;) without
    a trailing ellipsis; a clause too short to state a problem alone (学习不深,理解不透)
    completes the one before it."""
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    mark = _CLAUSE_MARKS[";" in text[start:end]]
    marks = [m.start() for m in mark.finditer(text, start, end)]
    out: list[tuple[int, int]] = []
    for s, e in zip([start, *(i + 1 for i in marks)], [*marks, end]):
        if out and e - s <= _SHORT_CLAUSE and text[s - 1] == ",":
            out[-1] = (out[-1][0], e)
        elif e - s >= _MIN_MEMBER:
            out.append((s, e))
    return out


def _short_fault(clause: str) -> bool:
    """Whether a clause between commas states a fault and is no longer than one: a member."""
    return len(clause) <= _MAX_CLAUSE and bool(FAULT.search(clause) or TROUBLE.search(clause))


def _speaks_or_seeks(text: str, pos: int) -> bool:
    """Whether a series at `pos` is quoted from a speaker or is something to look for or fix."""
    clause = _start_after(text, pos, _CLAUSE_ENDS)
    return _in_quotation(text, pos) or bool(_NOT_FOUND.search(text, clause, pos))


def _in_quotation(text: str, pos: int) -> bool:
    """Whether `pos` lies inside a quotation opened earlier in its paragraph (someone's words)."""
    line = text[text.rfind("\n", 0, pos) + 1 : pos]
    return line.count("“") > line.count("”")


def _start_after(text: str, pos: int, marks: str) -> int:
    """Where the stretch holding `pos` starts: after the last of `marks` before it (a clause
    after , 。 ; : or a line break; a sentence's part after 。 ; : or a line break)."""
    return max(text.rfind(c, 0, pos) for c in marks) + 1


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """The member without the 、 or blanks around it."""
    while start < end and text[start] in "、, \t\n":
        start += 1
    while end > start and text[end - 1] in "、, \t\n":
        end -= 1
    return start, end


def _finding(text: str, start: int, end: int, category: str | None = None) -> Finding:
    """A named problem; a quoted one is titled without its quotation marks."""
    member = text[start:end]
    quoted = member[:1] + member[-1:] in ("“”", '""') and member.count(member[0]) == 1
    return Finding(title=member[1:-1] if quoted else member, span=Span(start, end),
                   category=category)
