"""How an inline list of problems is cut into its items, and where it ends.

A list after a lead phrase (inline.py) runs on through sentences that still state problems and
stops at one someone speaks in (巡察组要求, 会上, 王某提出三点意见) or that asks for something.
Its items are separated by ; and 。; a list that writes one problem per clause (A,B。C,D。) is cut
at its commas as well — unless some clause states no fault of its own: then the clauses only
elaborate (…,造成损失浪费 / …,收受贿赂) and each sentence is one problem.
"""
from __future__ import annotations

import re

from ...outline import rstrip_end, sentence_end
from ..measures import after_item_marker
from ..numerals import CN_NUMBER
from .titles import DEMAND, EDGE, FAULT, TROUBLE

# How a problem item opens: 有的… / 部分… / 一是….
ITEM_WORDS = rf"(?:有的|部分|一些|个别|少数|仍有|还有|存在|{CN_NUMBER}是)"
_ITEM_OPENING = re.compile(ITEM_WORDS)
# A field of work named as a sentence of its own inside a list, which the items after it
# stand under: 在党的领导方面。有的… / 在党的建设方面,有的… / a line 党的领导方面 (方面: labels are
# INLINE_CATEGORY's). The label may say that problems lie there (党风廉政建设方面存在的问题突出,
# / …方面还存在一些问题, / …方面还存在差距,): it is a category all the same, and what follows its
# comma is the problem.
_FIELD_NAME = r"在?(?P<category>[^。;:,\n]{2,20}?方面)"
FIELD_SAYS = r"(?:[^。;:,\n]{0,12}?(?:问题|差距|不足|短板|弱项)[^。;:,\n]{0,4})?"
FIELD_LABEL = re.compile(rf"{_FIELD_NAME}{FIELD_SAYS}(?:[。,]|[ \t]*$)", re.MULTILINE)
# A sentence after 。 that still belongs to the list: it opens like a problem item or a label.
ITEM_OPENER = re.compile(rf"{ITEM_WORDS}|{_FIELD_NAME}(?:[。:]|,(?={ITEM_WORDS}))")
# The tail that closes a list's last item: …有待加强等问题 / …不规范等.
TAIL_ETC = re.compile(r"[,、]?等等?(?:方面)?(?:的?问题)?$")
# A list item made only of short clauses lists one problem per clause; a clause that states a
# fault may be longer (存在A、B、C等违反八项规定精神问题, 学习贯彻…精神不深不透).
_MIN_CLAUSES, _MIN_CLAUSE, _MAX_CLAUSE, _MAX_SERIES_CLAUSE = 3, 3, 24, 40
# The verb that opens a series inside a clause: …党组织存在A、B等问题.
_SERIES_VERB = re.compile(r"存在(?:着)?")
# Words of degree that make a clause a statement of fault besides FAULT's and TROUBLE's:
# 短期行为突出, 违纪问题多发, 融合度还需深化.
_SEVERE = re.compile(r"突出|严重|较多|频发|多发|易发|盛行|蔓延|[还仍尚]需|需要?进一步|需[加提强改完]")
# Words of praise, which the sentence before the problems is made of: 取得一定成效, 总体向好.
PRAISE = re.compile(
    r"取得[^,。;]{0,8}(?:成效|成绩|进展|成果)|(?:成效|成绩)(?:明显|显著)|总体(?:向好|良好|较好)"
    r"|得到(?:加强|提升)")
# Separators of inline items: ; and 。, and the comma before a parallel 有的.
_ITEM_END = re.compile(r"[;。]|,(?=有的)")
# Who speaks or what happens in the first clause of a sentence that has left the list behind:
# 巡察组要求, 会议强调, 王某提出三点意见建议, 3个督查组不遮掩 …
_LIST_OVER = re.compile(
    r"(?:要求|强调|表示|希望|提出|认为|指出|意见|建议)[,:]|表态|发言|讲话|通报|传达|主持|出席|参加"
    rf"|提出了?(?:{CN_NUMBER}[点条项个])?(?:具体|明确|整改)?(?:意见|要求|建议)"
    r"|(?:巡察|巡视|督查|督导|检查|工作)组|领导小组")
# How a sentence that has left the list opens: 会上, 同时, 此外, 目前, 收到反馈后 …, or a label of
# what follows the problems (建议 / 整改意见:), printed on its own or between blanks on a
# flattened page.
_OVER_OPENING = re.compile(
    r"[ \t]*(?:会上|会后|会议|同时|此外|另外|针对|对此|据悉|据了解|截至|截止|目前|下一步|随后"
    r"|(?:收到|接到)[^,。;]{0,8}后"
    r"|【?(?:整改|巡察|巡视)?(?:意见|建议|要求)(?:[ \t】]|\s*:))")

# Bullets a page prints before each item of a list.
_BULLETS = "●◆■▲★•▪►◇·-"

Item = tuple[int, int, "int | None"]


def separated_items(text: str, start: int, end: int) -> list[Item]:
    """(start, end, None) of items separated by ; — and by 。 while the next opens like one."""
    items: list[Item] = []
    pos = start
    while pos < end:
        m = _ITEM_END.search(text, pos, end)
        stop = m.start() if m else end
        items.append((pos, stop, None))
        pos = stop + 1
        if m and m.group() == "。" and not continues(text, pos, end):
            break
    return items


def clauses_of(text: str, items: list[Item], sentences: bool) -> list[Item]:
    """Items cut into their clauses where the list states one problem per clause.

    A single item after a colon lead is cut when it is a run of three or more short clauses
    (学习贯彻有偏差,议事决策不规范,…等), at its 、 too when it closes as a series (…,党费收缴
    不严格、财务管理混乱等问题). Otherwise, and after a lead that is a sentence of its own,
    items are cut at their commas when every clause is short and states a fault (淄博市A,B。
    枣庄市C,D。) — in a list that separates its items by ; each item on its own, since a ;
    groups the faults of one field of work (主要是:A,B,C;D,E等) while a neighbouring item may
    explain its fault in a clause that states none. Items that all open like one (有的A,B,
    有的C) stay whole.
    """
    if len(items) == 1 and not sentences:
        return short_clauses(text, *items[0][:2], _MIN_CLAUSES, dunhao=True)
    if all(_ITEM_OPENING.match(text, skip_edge(text, s, e)) or _labels_field(text, s, e)
           for s, e, _ in items):
        return items
    if any(e < len(text) and text[e] == ";" for _, e, _ in items):  # each item on its own
        return [piece for item in items
                for piece in _fault_clauses(text, item, 2)]
    cut = [short_clauses(text, s, e, 2, dunhao=False) for s, e, _ in items]
    if all(_all_faults(text, pieces) for pieces in cut):
        return [piece for pieces in cut for piece in pieces]
    return items


def _fault_clauses(text: str, item: Item, least: int) -> list[Item]:
    """The item's clauses when it has `least` or more and each states a fault, else the item."""
    pieces = short_clauses(text, item[0], item[1], least, dunhao=False)
    return pieces if _all_faults(text, pieces) else [item]


def _all_faults(text: str, pieces: list[Item]) -> bool:
    """Whether an item is one piece, or every clause it was cut into states a fault."""
    return len(pieces) == 1 or all(states_fault(text, s, e) for s, e, _ in pieces)


def states_fault(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] states a fault: a word of fault, trouble or degree."""
    return bool(FAULT.search(text, start, end) or TROUBLE.search(text, start, end)
                or _SEVERE.search(text, start, end))


def _labels_field(text: str, start: int, end: int) -> bool:
    """Whether the item at `start` is, or opens with, a field-of-work label."""
    return bool(FIELD_LABEL.match(text, after_item_marker(text, skip_edge(text, start, end))))


def short_clauses(text: str, start: int, end: int, least: int, dunhao: bool) -> list[Item]:
    """text[start:end] cut at its commas (and its 、 if `dunhao` and it closes as a series)
    when it has `least` clauses or more and all are short; otherwise whole."""
    series = dunhao and (TAIL_ETC.search(text[start:end].rstrip(EDGE))
                         or _faults_listed(text, start, end))
    marks = ",、" if series else ","
    cuts = [i for i in range(start, end) if text[i] in marks]
    clauses = list(zip([start, *(i + 1 for i in cuts)], [*cuts, end]))
    last = clauses[-1]
    if last[1] == rstrip_end(text, 0, len(text)) and len(clauses) > 1 and (
            last[1] - last[0] < _MIN_CLAUSE or not states_fault(text, *last)):
        clauses.pop()  # the text was cut off in the middle of its last clause (…,廉政教育针)
    if len(clauses) >= least and all(_is_clause(text, s, e) for s, e in clauses):
        return [(_after_verb(text, s, e) if series else s, e, None) for s, e in clauses]
    return [(start, end, None)]


def _faults_listed(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is a series without 等 whose members, joined by 、 only, each
    state a fault (A不严、B混乱、C不规范): a series all the same."""
    piece = text[start:end]
    members = piece.split("、")
    return "," not in piece and len(members) >= 2 and all(
        states_fault(m, 0, len(m)) for m in members)


def _after_verb(text: str, start: int, end: int) -> int:
    """Where a piece of a series cut at its 、 starts: its first member starts after the verb
    that opened the series and the subject before it (有的村存在A、B等问题 → A)."""
    first = text[end : end + 1] == "、" and text[start - 1 : start] != "、"
    verb = _SERIES_VERB.search(text, start, end) if first else None
    return verb.end() if verb else start


def _is_clause(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is short enough to state one problem: one that states a fault
    (存在公款吃喝、公车私用等问题) may be longer than a plain clause."""
    size = end - start
    long_ok = states_fault(text, start, end)  # a series, or one long-named fault
    return _MIN_CLAUSE <= size <= (_MAX_SERIES_CLAUSE if long_ok else _MAX_CLAUSE)


def list_end(text: str, start: int, end: int) -> int:
    """Where an enumeration that starts at `start` ends: before the first sentence someone
    speaks in (a paragraph may go on: 巡察组提出了整改意见:一是加强…), unless it opens an item."""
    pos = start
    while (stop := sentence_end(text, pos, end)) < end:
        if spoken(text, stop + 1, end) and not ITEM_OPENER.match(text, stop + 1):
            return stop + 1
        pos = stop + 1
    return end


def continues(text: str, pos: int, end: int) -> bool:
    """Whether the sentence at `pos` still belongs to a list: it opens like an item or a label,
    or it states a problem (被巡察党组织思想建设缺失,…) with no one speaking in its first clause,
    nothing asked for (整改不到位的要严肃问责) and no praise (取得一定成效,但仍有不足)."""
    if ITEM_OPENER.match(text, pos):
        return True
    sentence = text[pos : sentence_end(text, pos, end)]
    states = FAULT.search(sentence) or TROUBLE.search(sentence)
    return bool(states) and not (DEMAND.search(sentence) or PRAISE.search(sentence)
                                 or spoken(text, pos, end))


def spoken(text: str, pos: int, end: int) -> bool:
    """Whether someone speaks, or something else happens, in the first clause at `pos`."""
    first = min(sentence_end(text, pos, end, ",。") + 1, end)
    return bool(_OVER_OPENING.match(text, pos) or _LIST_OVER.search(text, pos, first))


def skip_edge(text: str, start: int, end: int) -> int:
    """The first offset in [start, end) past the punctuation, blanks and bullets (●…) an item
    opens with."""
    while start < end and (text[start] in EDGE or text[start] in _BULLETS):
        start += 1
    return start
