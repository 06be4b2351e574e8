"""Problems listed inline, in the prose of a news release about a feedback meeting.

Feedback announcements rarely number their problems on lines of their own: they write them into
a sentence after a lead phrase (发现…问题:有的…;部分… / 主要是:…), enumerate them in one paragraph
(一是…二是…), or label fields of work (一是党的领导方面:…;…). This module reads those lists; the
outline-based reader (outlined.py) reads problems printed as headings.
"""
from __future__ import annotations

import re

from ...model import Finding, Span
from ...outline import match_marker, paragraph_end, rstrip_end, sentence_end
from ..measures import ENUM_FAMILIES, after_item_marker, enumerated_items, item_number
from ..numerals import CN_NUMBER
from .named import named_findings, overlaps
from .titles import EDGE, FAULT, TROUBLE

# How a problem item opens: 有的… / 部分… / 一是….
_ITEM_WORDS = rf"(?:有的|部分|一些|个别|少数|仍有|还有|存在|{CN_NUMBER}是)"
_ITEM_OPENING = re.compile(_ITEM_WORDS)
# A field of work named as a sentence of its own inside a list, which the items after it
# stand under: 在党的领导方面。有的… / 在党的建设方面,有的… (方面: labels are INLINE_CATEGORY's).
# The label may say that problems lie there (党风廉政建设方面存在的问题突出, / …方面还存在一些问题,):
# it is a category all the same, and what follows its comma is the problem.
_FIELD_NAME = r"在?(?P<category>[^。;:,\n]{2,20}?方面)"
FIELD_LABEL = re.compile(rf"{_FIELD_NAME}(?:[^。;:,\n]{{0,12}}?问题[^。;:,\n]{{0,4}})?[。,]")
# A sentence after 。 that still belongs to the list: it opens like a problem item or a label.
ITEM_OPENER = re.compile(rf"{_ITEM_WORDS}|{_FIELD_NAME}(?:[。:]|,(?={_ITEM_WORDS}))")
# Where a feedback announcement starts listing problems: 发现…问题: / 主要问题: / 问题主要有,
# or 发现了一些问题(和不足), / 巡察发现, / 巡察组指出, followed by an item (有的… / 一是… /
# 在…方面,) or by 主要是;
# a sentence naming problems followed by one that lists them (…突出问题。主要包括…); 问题包括,;
# or 从巡察情况看, before items that open 部分… / 有的… (before anything else it opens praise);
# or a sentence closing on a series of problems (…等突出问题。) before sentences that state more.
INLINE_LEAD = re.compile(
    r"(?:发现|反映|指出|存在)[^。:\n]{0,30}(?:问题|不足)[^。:,;\n]{0,8}:"
    r"|(?:发现|存在|(?:反馈|巡察|巡视)[^。:,;\n]{0,8}?指出)(?:[^。:,\n]{0,30}(?:问题|不足)[^。:,;\n]{0,8})?,"
    r"(?:主要(?:是|有|包括|表现[在为]):?|(?=有的|一是|在[^。;:,\n]{2,20}?方面,))"
    r"|(?:问题|不足)。主要(?:是|有|包括|表现[在为]):?"
    r"|主要(?:问题(?:是|有)?|是|有|包括|表现在|表现为):|问题主要(?:是|有|包括|表现在|表现为):?"
    r"|问题包括[,:]|从[^。;:,\n]{1,16}?(?:情况|反馈)看,(?=部分|有的|一些|个别|少数)"
    r"|等(?:较为|比较)?(?:突出|主要|共性|具体)?(?:的)?问题。"
)
# An inline item that names a field of work before its problems: 一是(在)党的领导方面:A;B.
INLINE_CATEGORY = re.compile(r"在?(?P<category>[^。:;,\n]{2,24}?方面(?:存在的问题|的问题)?)\s*:")
# The tail that closes a list's last item: …有待加强等问题 / …不规范等.
_TAIL_ETC = re.compile(r"等(?:方面)?(?:的?问题)?$")
# A list item made only of short clauses lists one problem per clause.
_MIN_CLAUSES, _MIN_CLAUSE, _MAX_CLAUSE = 3, 3, 24
# How much text may stand between a lead and the enumeration it opens (主要问题:该局一是…).
_MARKER_GAP = 16
# Separators of inline items: ; and 。, and the comma before a parallel 有的.
_ITEM_END = re.compile(r"[;。]|,(?=有的)")
# Who speaks or what happens in the first clause of a sentence that has left the list behind:
# 巡察组要求, 会议强调, 同时, 针对这些问题, 3个督查组不遮掩 …
_LIST_OVER = re.compile(
    r"(?:要求|强调|表示|希望|提出|认为|指出|意见|建议)[,:]|表态|发言|讲话|通报|传达|主持|出席|参加"
    r"|(?:巡察|巡视|督查|督导|检查|工作)组|领导小组")
# A sentence that asks for something rather than stating a problem: …要…, 必须…, 务必….
_DEMAND = re.compile(r"(?<![主重需纪])要(?!求)|必须|务必|应当")
_OVER_OPENING = re.compile(
    r"[ \t]*(?:会上|会议|同时|此外|另外|针对|对此|据悉|据了解|截至|截止|下一步|随后)")


def inline_findings(text: str) -> list[Finding]:
    """Problems listed inline, each item one finding: lists by field of work first, because a
    label such as 纪律方面存在的问题: inside them would read as a lead phrase of its own; then the
    series named in one clause (存在A、B等问题) outside the lists already read."""
    listed = _categorized_paragraphs(text) or _lead_findings(text)
    named = [f for f in named_findings(text) if not overlaps(listed, f.span.start, f.span.end)]
    return sorted(listed + named, key=lambda f: f.span.start)


def _lead_findings(text: str) -> list[Finding]:
    """Problems listed after a lead phrase: 发现…问题: / 主要是: / 发现一些问题,有的…"""
    out: list[Finding] = []
    consumed = 0
    for lead in INLINE_LEAD.finditer(text):
        if lead.start() < consumed:  # a second lead phrase inside a list already read
            continue
        end = paragraph_end(text, lead.end(), len(text))
        if lead.group().endswith("。") and not _continues(text, lead.end(), end):
            continue  # a sentence that closes on its problems, with none listed after it
        consumed = end
        items: list[tuple[int, int, int | None]]
        if text[lead.end() : end].strip():
            items = _enumerated_from(text, lead.end(), _list_end(text, lead.end(), end))
            sentences = lead.group().endswith("。")  # the problems follow as sentences
            items = items or _clauses_of(text, _separated_items(text, lead.end(), end), sentences)
        else:  # the lead ends its line: the problems are the numbered lines below it
            items = _listed_lines(text, end)
            consumed = items[-1][1] if items else end
        out.extend(_under_field_labels(text, items))
    return [f for f in out if f.title]


def _enumerated_from(text: str, start: int, end: int) -> list[tuple[int, int, int | None]]:
    """The enumerated items of text[start:end] when the enumeration opens the list; one that
    starts after other items (A;B。提出整改意见:一是…) belongs to something else."""
    items = list(enumerated_items(text, start, end))
    gap = text[start : items[0][0]] if items else ""
    return items if len(gap.strip(EDGE)) <= _MARKER_GAP and not re.search("[。;]", gap) else []


def _under_field_labels(text: str, items: list[tuple[int, int, int | None]]) -> list[Finding]:
    """Findings of a lead's items, each under the last field of work named before it: a label
    sentence (在党的领导方面。) is a category, not a finding, and a label (纪律方面:) covers
    the items after its own until the next one."""
    out: list[Finding] = []
    category = None
    for start, end, seq in items:
        start = _skip_edge(text, start, end)
        at = after_item_marker(text, start)
        label = FIELD_LABEL.match(text, at)
        if label and label.end() <= end + 1:  # the 。 or , that closes it may end the item
            category, start = label.group("category"), min(label.end(), end)
        found = _inline_item(text, start, end, seq) if start < end else []
        category = next((f.category for f in found if f.category), category)
        for f in found:
            f.category = f.category or category
        out.extend(found)
    return out


def _categorized_paragraphs(text: str) -> list[Finding]:
    """Findings of paragraphs enumerating fields of work: 一是党的领导方面:A;B。二是…方面:C。

    The 方面: labels make such a list recognizable without a lead phrase before it.
    """
    out: list[Finding] = []
    start = 0
    while start < len(text):
        end = paragraph_end(text, start, len(text))
        items = enumerated_items(text, start, end)
        if items and all(_category_label(text, s, e) for s, e, _ in items):
            out.extend(f for s, e, seq in items for f in _inline_item(text, s, e, seq))
        start = end + 1
    return [f for f in out if f.title]


def _category_label(text: str, start: int, end: int) -> re.Match[str] | None:
    """The 党的领导方面: label that opens the enumerated item text[start:end], if any."""
    return INLINE_CATEGORY.match(text, after_item_marker(text, start), end)


def _inline_item(text: str, start: int, end: int, seq: int | None) -> list[Finding]:
    """One inline item as a finding, or, labelled 党的领导方面:, its ;-separated problems."""
    label = _category_label(text, start, end)
    if not label:
        return [_inline_finding(text, start, end, seq)]
    parts = [(s, e) for s, e, _ in _separated_items(text, label.end(), end)]
    found = [_inline_finding(text, s, e, None) for s, e in parts]
    for f in found:
        f.category = label.group("category")
    return found


def _listed_lines(text: str, pos: int) -> list[tuple[int, int, int | None]]:
    """(start after the marker, end, number) of the numbered lines that follow `pos`."""
    items: list[tuple[int, int, int | None]] = []
    start = pos + 1
    while start < len(text):
        end = paragraph_end(text, start, len(text))
        item = _line_item(text[start:end])
        if item is None:
            break
        number, length = item
        items.append((start + length, end, number))
        start = end + 1
    return items


def _line_item(line: str) -> tuple[int, int] | None:
    """(number, marker length) if the line opens with a heading marker or a 一是-style one."""
    found = match_marker(line)
    if found:
        return found[1], found[2]
    for family in ENUM_FAMILIES:
        m = family.match(line)
        if m and (number := item_number(m.group("n"))):
            return number, m.end()
    return None


def _clauses_of(text: str, items: list[tuple[int, int, int | None]], sentences: bool
                ) -> list[tuple[int, int, int | None]]:
    """Items cut into their clauses where the list states one problem per clause.

    A single item after a colon lead is cut when it is a run of three or more short clauses
    (学习贯彻有偏差,议事决策不规范,…等), at its 、 too when it closes as a series (…,党费收缴
    不严格、财务管理混乱等问题). Otherwise, and after a lead that is a sentence of its own,
    items are cut at their commas when every clause is short (淄博市A,B。枣庄市C,D。), unless
    the list separates its items by ; or all its items open like one (有的A,B,有的C): then
    each item stays whole.
    """
    if len(items) == 1 and not sentences:
        return _short_clauses(text, *items[0][:2], _MIN_CLAUSES, dunhao=True)
    if any(e < len(text) and text[e] == ";" for _, e, _ in items) or all(
            _ITEM_OPENING.match(text, _skip_edge(text, s, e)) or _labels_field(text, s, e)
            for s, e, _ in items):
        return items
    return [c for s, e, _ in items for c in _short_clauses(text, s, e, 2, dunhao=False)]


def _labels_field(text: str, start: int, end: int) -> bool:
    """Whether the item at `start` is, or opens with, a field-of-work label."""
    return bool(FIELD_LABEL.match(text, after_item_marker(text, _skip_edge(text, start, end))))


def _short_clauses(text: str, start: int, end: int, least: int, dunhao: bool
                   ) -> list[tuple[int, int, int | None]]:
    """text[start:end] cut at its commas (and its 、 if `dunhao` and it closes as a series)
    when it has `least` clauses or more and all are short; otherwise whole."""
    series = dunhao and _TAIL_ETC.search(text[start:end].rstrip(EDGE))
    marks = ",、" if series else ","
    cuts = [i for i in range(start, end) if text[i] in marks]
    clauses = list(zip([start, *(i + 1 for i in cuts)], [*cuts, end]))
    if clauses[-1][1] == rstrip_end(text, 0, len(text)) and len(clauses) > 1 and (
            clauses[-1][1] - clauses[-1][0] < _MIN_CLAUSE):
        clauses.pop()  # the text was cut off in the middle of its last clause
    if len(clauses) >= least and all(_MIN_CLAUSE <= e - s <= _MAX_CLAUSE for s, e in clauses):
        return [(s, e, None) for s, e in clauses]
    return [(start, end, None)]


def _separated_items(text: str, start: int, end: int) -> list[tuple[int, int, int | None]]:
    """(start, end, None) of items separated by ; — and by 。 while the next opens like one."""
    items: list[tuple[int, int, int | None]] = []
    pos = start
    while pos < end:
        m = _ITEM_END.search(text, pos, end)
        stop = m.start() if m else end
        items.append((pos, stop, None))
        pos = stop + 1
        if m and m.group() == "。" and not _continues(text, pos, end):
            break
    return items


def _list_end(text: str, start: int, end: int) -> int:
    """Where an enumeration that starts at `start` ends: before the first sentence someone
    speaks in (a paragraph may go on: 巡察组提出了整改意见:一是加强…), unless it opens an item."""
    pos = start
    while (stop := sentence_end(text, pos, end)) < end:
        if _spoken(text, stop + 1, end) and not ITEM_OPENER.match(text, stop + 1):
            return stop + 1
        pos = stop + 1
    return end


def _continues(text: str, pos: int, end: int) -> bool:
    """Whether the sentence at `pos` still belongs to a list: it opens like an item or a label,
    or it states a problem (被巡察党组织思想建设缺失,…) with no one speaking in its first clause
    and nothing asked for (整改不到位的要严肃问责)."""
    if ITEM_OPENER.match(text, pos):
        return True
    sentence = text[pos : sentence_end(text, pos, end)]
    states = FAULT.search(sentence) or TROUBLE.search(sentence)
    return bool(states) and not _DEMAND.search(sentence) and not _spoken(text, pos, end)


def _spoken(text: str, pos: int, end: int) -> bool:
    """Whether someone speaks, or something else happens, in the first clause at `pos`."""
    first = min(sentence_end(text, pos, end, ",。") + 1, end)
    return bool(_OVER_OPENING.match(text, pos) or _LIST_OVER.search(text, pos, first))


def _inline_finding(text: str, start: int, end: int, seq: int | None) -> Finding:
    """One inline item as a finding: its text without the 一是 and the edge punctuation; an
    enumerated item is all its sentences up to the next marker (一是A。B。二是…)."""
    start = _skip_edge(text, start, end)
    end = rstrip_end(text, start, end)
    title = _TAIL_ETC.sub("", text[after_item_marker(text, start) : end].strip(EDGE))
    return Finding(title=title, span=Span(start, end), seq=seq)


def _skip_edge(text: str, start: int, end: int) -> int:
    """The first offset in [start, end) past the punctuation and blanks an item opens with."""
    while start < end and text[start] in EDGE:
        start += 1
    return start
