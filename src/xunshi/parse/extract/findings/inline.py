"""Problems listed inline, in the prose of a news release about a feedback meeting.

Feedback announcements rarely number their problems on lines of their own: they write them into
a sentence after a lead phrase (发现…问题:有的…;部分… / 主要是:…), enumerate them in one paragraph
(一是…二是…), label fields of work (一是党的领导方面:…;…), or put them under a label of their own
(问题:A;B。 / a line 问题 or 巡视组反馈指出, then paragraphs, each perhaps headed by the unit whose
problems it lists). This module finds those lists after the leads of leads.py; clauses.py cuts
them into items; the outline-based reader (outlined.py) reads problems printed as headings.
"""
from __future__ import annotations

import re

from ...model import Finding, Span
from ...outline import match_marker, paragraph_end, rstrip_end, sentence_end
from ..measures import ENUM_FAMILIES, after_item_marker, enumerated_items, item_number
from .clauses import (
    FIELD_LABEL, TAIL_ETC, Item, clauses_of, continues, list_end, separated_items, skip_edge,
    states_fault,
)
from .leads import INLINE_LEAD, not_problems, pledged
from .named import named_findings, overlaps
from .titles import EDGE

# An inline item that names a field of work before its problems: 一是(在)党的领导方面:A;B.
INLINE_CATEGORY = re.compile(r"在?(?P<category>[^。:;,\n]{2,24}?方面(?:存在的问题|的问题)?)\s*:")
# How much text may stand between a lead and the enumeration it opens (主要问题:该局一是…).
_MARKER_GAP = 16
# A line naming the unit whose problems the paragraph below it lists: no clause punctuation;
# or such a name as the label of the paragraph (区委办:A;B。).
_UNIT_LINE = re.compile(r"[^。,;:!?\n]{2,24}")
_UNIT_LABEL = re.compile(r"[ \t]*[^。,;:!?\n]{2,24}:")
# A label line of what follows the problems: 建议 / 整改意见: / 巡察建议如下:.
_NEXT_LABEL = re.compile(r"【?(?:(?:整改|巡察|巡视)?(?:意见|建议|要求)(?:如下)?)\s*[:】]?")
# Words before a lead in a rectification report that make its list the answers to problems.
_ANSWERING = re.compile(r"针对|对照|围绕|聚焦|根据|按照")
# A short subject between a lead and its 一是 (该局一是…): no clause mark, no quotation.
_SUBJECT = re.compile(r"[^\s,。;:!?“”]{1,12}?(?=一是)")
# A title this short at the text's end is what a cut-off page left of an item (…;有).
_MIN_TITLE = 3


def inline_findings(text: str, answering: bool = False) -> list[Finding]:
    """Problems listed inline, each item one finding: lists by field of work first, because a
    label such as 纪律方面存在的问题: inside them would read as a lead phrase of its own; then the
    series named in one clause (存在A、B等问题) outside the lists already read.

    A text `answering` the problems (a rectification report) lists measures too, after leads
    that point at the problems (针对巡察指出的问题:一是成立…): there a list counts only when
    no such word opens its lead's clause and every item states a fault."""
    series = named_findings(text)
    listed = _categorized_paragraphs(text) or _lead_findings(text, answering)
    named = [f for f in series if not overlaps(listed, f.span.start, f.span.end)]
    return sorted(listed + named, key=lambda f: f.span.start)


def _lead_findings(text: str, answering: bool) -> list[Finding]:
    """Problems listed after a lead phrase: 发现…问题: / 主要是: / 发现一些问题,有的…"""
    out: list[Finding] = []
    consumed = 0
    for lead in INLINE_LEAD.finditer(text):
        if lead.start() < consumed:  # a second lead phrase inside a list already read
            continue
        if pledged(text, lead.start()):
            continue  # the unit pledges to answer the problems: 表示,对指出的问题照单全收:一是…
        end = _before_next_list(text, lead.end(), paragraph_end(text, lead.end(), len(text)))
        if (lead.group().endswith("。") or lead.group("bare")) and not continues(
                text, skip_edge(text, lead.end(), end), end):
            continue  # a sentence that closes on its problems, or praise, with none after it
        before, consumed = consumed, end
        items: list[Item]
        if text[lead.end() : end].strip():
            items = _enumerated_from(text, lead.end(), list_end(text, lead.end(), end))
            sentences = lead.group().endswith("。")  # the problems follow as sentences
            if not items:
                items = clauses_of(text, separated_items(text, lead.end(), end), sentences)
        else:  # the lead ends its line: numbered lines below it, or paragraphs
            items = _listed_lines(text, end)
            if items and not _names_unit(text, *items[0][:2]):
                consumed = items[-1][1]
            else:  # paragraphs, or numbered lines under numbered units (一、某局\n1.…)
                items, consumed = _headed_paragraphs(text, end)
        found = _under_field_labels(text, items)
        if not_problems(text, lead, found):
            consumed = before  # a later lead in the paragraph may still open a list
            continue
        if not answering or _states_problems(text, lead.start(), found):
            out.extend(found)
    text_end = rstrip_end(text, 0, len(text))
    return [f for f in out if f.title and (len(f.title) >= _MIN_TITLE or f.span.end < text_end)]


def _states_problems(text: str, lead: int, found: list[Finding]) -> bool:
    """Whether a list in a rectification report states the problems rather than answering
    them: its lead's clause points at nothing (针对…) and every item states a fault."""
    clause = max(text.rfind(c, 0, lead) for c in ",。;:\n") + 1
    return not _ANSWERING.search(text, clause, lead) and all(
        states_fault(text, f.span.start, f.span.end) for f in found)


def _before_next_list(text: str, start: int, end: int) -> int:
    """Where the list at `start` ends before the next one in its paragraph: at the start of a
    later sentence holding a colon lead of its own (…;二是B。乙局存在的主要问题:一是…). Other
    leads inside a list (…存在A、B等问题。 / …方面还存在一些问题,有的…) go on with it."""
    first = sentence_end(text, start, end)
    for lead in INLINE_LEAD.finditer(text, first, end):
        opening = text.rfind("。", first, lead.start()) + 1
        if opening > first and lead.group().endswith(":"):
            return opening
    return end


def _headed_paragraphs(text: str, pos: int) -> tuple[list[Item], int]:
    """Items of the paragraphs below a lead that ends its line at `pos`, and where they end.

    Each paragraph may be headed by a line or a label naming the unit its problems belong to
    (a release on several units: 某集团\n有的…。\n某公司:…\n二、某局\n1.…); they end at a
    paragraph that states no problem, or at a label of what follows them (建议). Each paragraph
    is cut on its own; a field of work heading them (党的领导方面\n…) is their category.
    """
    items: list[Item] = []
    start, last = pos + 1, pos
    while start < len(text):
        end = paragraph_end(text, start, len(text))
        line = text[start:end].strip()
        if _NEXT_LABEL.fullmatch(line):
            break
        unit = _UNIT_LABEL.match(text, start, end)
        opening = unit.end() if unit and not INLINE_CATEGORY.match(text, start, end) else start
        numbered = _line_item(text[start:end])
        if numbered and continues(text, start + numbered[1], end):  # 1.A。 as below a lead
            items.append((start + numbered[1], end, numbered[0]))
            last = end
        elif line and continues(text, skip_edge(text, opening, end), end):
            items.extend(clauses_of(text, separated_items(text, opening, end), False))
            last = end
        elif line and not _UNIT_LINE.fullmatch(line):
            break
        elif FIELD_LABEL.fullmatch(text, start, end):  # a field of work heads the problems
            items.append((start, end, None))
        start = end + 1
    return items, last


def _names_unit(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is short and states no problem: the name of a unit."""
    return bool(_UNIT_LINE.fullmatch(text, start, end)) and not continues(text, start, end)


def _enumerated_from(text: str, start: int, end: int) -> list[Item]:
    """The enumerated items of text[start:end] when the enumeration opens the list; one that
    starts after other items (A;B。提出整改意见:一是…) belongs to something else. A list cut
    off by the end of the text after its 一是 is that one item."""
    items = (list(enumerated_items(text, start, end)) or _cut_off_first(text, start, end)
             or _after_subject(text, start, end))
    gap = text[start : items[0][0]] if items else ""
    return items if len(gap.strip(EDGE)) <= _MARKER_GAP and not re.search("[。;]", gap) else []


def _after_subject(text: str, start: int, end: int) -> list[Item]:
    """The enumerated items after a short subject the enumeration has no clause mark before
    (巡察发现,该局一是A;二是B): found as if the subject were blank, the first item starting
    at its 一是."""
    subject = _SUBJECT.match(text, skip_edge(text, start, end), end)
    if not subject:
        return []
    blank = " " * (subject.end() - subject.start())
    items = enumerated_items(text[: subject.start()] + blank + text[subject.end() :], start, end)
    return [(subject.end(), *items[0][1:]), *items[1:]] if items else []


def _cut_off_first(text: str, start: int, end: int) -> list[Item]:
    """The one item of an enumeration whose first item runs to the end of the text."""
    if rstrip_end(text, start, end) < rstrip_end(text, 0, len(text)):
        return []
    for family in ENUM_FAMILIES:
        m = family.search(text, start, end)
        if m and item_number(m.group("n")) == 1:
            return [(m.start("m"), end, 1)]
    return []


def _under_field_labels(text: str, items: list[Item]) -> list[Finding]:
    """Findings of a lead's items, each under the last field of work named before it: a label
    sentence (在党的领导方面。) is a category, not a finding, and a label (纪律方面:) covers
    the items after its own until the next one."""
    out: list[Finding] = []
    category = None
    for start, end, seq in items:
        start = skip_edge(text, start, end)
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
    parts = [(s, e) for s, e, _ in separated_items(text, label.end(), end)]
    found = [_inline_finding(text, s, e, None) for s, e in parts]
    for f in found:
        f.category = label.group("category")
    return found


def _listed_lines(text: str, pos: int) -> list[Item]:
    """(start after the marker, end, number) of the numbered lines that follow `pos`."""
    items: list[Item] = []
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


def _inline_finding(text: str, start: int, end: int, seq: int | None) -> Finding:
    """One inline item as a finding: its text without the 一是 and the edge punctuation; an
    enumerated item is all its sentences up to the next marker (一是A。B。二是…)."""
    start = skip_edge(text, start, end)
    end = rstrip_end(text, start, end)
    title = TAIL_ETC.sub("", text[after_item_marker(text, start) : end].strip(EDGE))
    return Finding(title=title, span=Span(start, end), seq=seq)
