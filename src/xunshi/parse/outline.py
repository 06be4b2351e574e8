"""The outline of a report: numbered headings and items (一、 (一) 1. (1) ①) as a tree of blocks.

Extractors ask the outline "which heading does this paragraph stand under" instead of
re-matching markers themselves. Levels are decided by the order in which marker styles nest in
this very text, not by a fixed hierarchy, because reports disagree on it (some put 1. directly
under 一、, some number (1) globally). Markers that a web page lost (a bare `-` line before the
heading) are given back the number and style their siblings imply, or, when a whole list lost
them, their position under their parent, flagged `inferred`; so are headings printed without
any number (【党的建设方面】, 问题:…, 关于“…”的问题。, 针对…的问题,一是…, ●…), counted in order
(a count that orders the outline; findings under such headings have no printed seq).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .extract.measures import item_number
from .extract.numerals import CN_NUMBER
from .model import Span

# The word a problem's own marker prints before its number: 问题1 / 反馈问题1 / 巡察反馈问题1.
_PROBLEM_WORD = r"(?:(?:巡视|巡察)?反馈|存在|具体)?问题"
# Marker styles at the start of a line, in their conventional nesting order (see _RANK);
# the group is the printed number.
_MARKERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("cn、", re.compile(rf"({CN_NUMBER})\s*[、.]\s*")),  # 一、 (一. is a common typo)
    ("(cn)", re.compile(rf"\(\s*({CN_NUMBER})\s*\)\s*")),  # (一)
    ("d.", re.compile(r"(\d{1,2})\s*[.。、](?![\d.])\s*")),  # 1. 1。 1、 1 . but not 3.14
    ("(d)", re.compile(r"(?:\(\s*(\d{1,2})\s*\)|(\d{1,2})\))\s*")),  # (1) and 1)
    ("circled", re.compile(r"([①-⑳])\s*")),  # ① (normalize keeps circled numbers)
    ("第cn", re.compile(rf"第({CN_NUMBER})\s*[,、:]\s*")),  # 第一, as a line-start heading
    # 问题1: 问题一、 and the bracketed 【问题1】, also named for where they come from: 反馈问题1:
    ("问题n", re.compile(
        rf"(?:【\s*{_PROBLEM_WORD}\s*(\d{{1,2}}|{CN_NUMBER})\s*】"
        rf"|{_PROBLEM_WORD}\s*(\d{{1,2}}|{CN_NUMBER})\s*[:、.])\s*")),
)

# The conventional nesting, consulted only when a list's first item was lost without a trace.
_RANK = {style: rank for rank, (style, _) in enumerate(_MARKERS)}
# Headings without a number are counted instead. One printed in lenticular brackets on a
# line of its own heads a part of the text, so it ranks above every numbered style; a line
# opening with a bare 问题: label, or a paragraph opening 关于“…”的问题。, states one problem
# like 问题1: does; a bulleted line (●…) ranks below every numbered style.
_BRACKETED, _LABELLED, _NAMED, _BULLETED = "【】", "问题:", "关于…问题", "●"
_RANK[_BRACKETED] = -1
_RANK[_LABELLED] = _RANK[_NAMED] = _RANK["问题n"]
_RANK[_BULLETED] = len(_MARKERS) + 1
UNNUMBERED_STYLES = frozenset({_BRACKETED, _LABELLED, _NAMED, _BULLETED})
"""Styles printed without a number: their count orders the outline but is no printed seq, and a
lost marker cannot have been one of them."""
# A list that lost every marker (a page that drew its numbers with CSS) leaves no printed
# sibling to infer from; its items are numbered by position under their parent instead.
_LOST_LIST = "-"
_RANK[_LOST_LIST] = len(_MARKERS)
PROBLEM_STYLES = frozenset({"问题n", _LABELLED, _NAMED})
"""Styles whose every heading states one problem, whatever its wording."""
# A line that opens with a bullet and goes on with its heading: ●关于…的问题 / ◆学习不深入.
_BULLET = re.compile(r"[●◆■▲★•▪►◇]\s*(?=\S)")
# A line that states a problem after a bare label: 问题:… / 反馈问题:… / 【反馈问题】…
_LABELLED_LINE = re.compile(r"(?:反馈)?问题\s*:|【\s*(?:反馈|存在)?问题\s*】")
# A paragraph headed by the problem it answers: 关于“…”的问题。 / 针对…问题的整改情况:
_NAMED_LINE = re.compile(r"(?:关于|针对)")
_NAMED_END = re.compile(r"问题(?:的?整改(?:落实)?(?:情况)?)?$|整改意见$")
# A paragraph that opens with the problem it answers and goes on with what was done in the
# same sentence: 针对学习不深入的问题,一是…
_ANSWERING_CLAUSE = re.compile(r"针对[^,。:;\n]{4,80}?问题(?=,)")
# …unless the clause only points back at problems named elsewhere: 针对上述问题, / 针对巡察反馈的问题,
_POINTING_BACK = re.compile(r"(?:上述|以上|前述|这[些类个]|此类?|该|(?:反馈|指出|发现|存在|提出)的?)问题$")

# A line that is only a bracketed heading: 【党的建设方面】.
_BRACKET_HEADING = re.compile(r"【([^【】\n]{2,40})】")
# Bracketed labels inside a finding, which head no part of the text: 【整改情况】, 【问题】 …
_BRACKET_LABEL = re.compile(r"整改|^问题|情况$|措施|成效|结果|进展")

# A line that is all that remains of a lost marker (the heading follows on the next line).
_LOST_MARKER_LINE = re.compile(r"[-—–·•*?□■◆●~]+")
# A marker whose numeral was lost but whose punctuation survived: "、强化…", "()加强…".
_LOST_NUMERAL = re.compile(r"(?:、|\(\s*\))\s*")

# A label that stands before the problem statement itself: "1.问题:…", "(一)存在问题:…",
# "(一)巡察反馈问题:…", "【反馈问题】…", or one that quotes the inspectors: "1.反馈指出:…".
_PROBLEM_LABEL = re.compile(
    r"(?:(?:巡视|巡察)?(?:反馈|存在|主要|具体)?问题(?:表现|描述)?|(?:巡视|巡察)?组?(?:反馈)?指出)\s*:\s*"
    r"|【\s*(?:反馈|存在)?问题\s*】\s*")

# Quotes and brackets inside which a 。 or : does not end a heading.
_OPENERS, _CLOSERS = "“‘《「(", "”’》」)"


@dataclass
class Block:
    """A numbered heading and everything up to its next sibling; the root has no marker."""

    style: str | None
    number: int | None
    heading: str
    heading_span: Span
    span: Span
    inferred: bool = False  # the marker was lost and its style and number were inferred
    children: list[Block] = field(default_factory=list)

    @property
    def body_span(self) -> Span:
        """The block's own text after its heading, up to its first child."""
        end = self.children[0].span.start if self.children else self.span.end
        return Span(min(self.heading_span.end, end), end)

    def walk(self) -> list[Block]:
        """This block and all its descendants, in document order."""
        out = [self]
        for child in self.children:
            out.extend(child.walk())
        return out


@dataclass
class _Item:
    """A marker found on one line, before the tree is built."""

    start: int  # where the block starts (the marker, or the line holding a lost marker)
    heading_start: int
    heading_line_end: int
    style: str | None  # None: the marker was lost and is still to be inferred
    number: int | None
    inferred: bool = False


def sentence_end(text: str, start: int, end: int, stops: str = "。") -> int:
    """Index of the first stop (。) outside quotes/brackets in text[start:end], or end if none.

    Titles quote the inspectors' words, and those quotes may contain 。 themselves.
    """
    depth = 0
    for i in range(start, end):
        c = text[i]
        if c in _OPENERS:
            depth += 1
        elif c in _CLOSERS:
            depth = max(0, depth - 1)
        elif c in stops and depth == 0:
            return i
    return end


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, so markers can be looked for at line starts only."""
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def match_marker(line: str) -> tuple[str, int, int] | None:
    """(style, number, marker length) if the line starts with a numbered marker."""
    for style, pattern in _MARKERS:
        m = pattern.match(line)
        if not m:
            continue
        printed = next(g for g in m.groups() if g is not None)
        number = item_number(printed)
        if number is None or not 0 < number < 100:
            continue
        return style, number, m.end()
    return None


def _unnumbered(line: str) -> tuple[str, int, int] | None:
    """(style, heading start, heading end) in a line that heads a block without a number."""
    bracketed = _BRACKET_HEADING.fullmatch(line.strip())
    if bracketed and not _BRACKET_LABEL.search(bracketed.group(1)):
        opening = line.index("【") + 1
        return _BRACKETED, opening, opening + len(bracketed.group(1))
    if _LABELLED_LINE.match(line):
        return _LABELLED, 0, len(line)
    heading = line[: sentence_end(line, 0, len(line), "。:")]
    if _NAMED_LINE.match(heading) and _NAMED_END.search(heading):
        return _NAMED, 0, len(line)
    bullet = _BULLET.match(line)
    if bullet:
        return _BULLETED, bullet.end(), len(line)
    answering = _ANSWERING_CLAUSE.match(line)
    if answering and not _POINTING_BACK.search(answering.group()):
        return _NAMED, 0, answering.end()
    return None


def _count(items: list[_Item], style: str) -> int:
    """The number an unnumbered heading of `style` gets: one more than those before it."""
    return sum(it.style == style for it in items) + 1


def _scan(text: str) -> list[_Item]:
    """Every line-start marker, lost markers included, in document order."""
    lines = _lines(text)
    markers = [match_marker(text[start:end]) for start, end in lines]  # each line's, once
    items: list[_Item] = []
    for n, (start, end) in enumerate(lines):
        line = text[start:end]
        below = _heading_below(lines, markers, n)
        found = markers[n]
        counted = None if found else _unnumbered(line)
        if counted:
            style, head_start, head_end = counted
            items.append(_Item(start, start + head_start, start + head_end, style,
                               _count(items, style), inferred=True))
        elif found:
            style, number, length = found
            if length < len(line) or below is None:
                items.append(_Item(start, start + length, end, style, number))
            else:  # a marker alone on its line: the heading is the next line
                items.append(_Item(start, *below, style, number))
        elif (m := _LOST_NUMERAL.match(line)) and m.end() < len(line):
            items.append(_Item(start, start + m.end(), end, None, None))
        elif _LOST_MARKER_LINE.fullmatch(line) and below is not None:
            items.append(_Item(start, *below, None, None))
    return items


def _heading_below(lines: list[tuple[int, int]], markers: list[tuple[str, int, int] | None],
                   n: int) -> tuple[int, int] | None:
    """The line after line n, if there is one and it carries no marker of its own."""
    if n + 1 >= len(lines):
        return None
    return None if markers[n + 1] else lines[n + 1]


# How many items after a lost marker are searched for the siblings that imply its number: far
# more than any report puts between two siblings, and it keeps a page of lost markers linear.
_LOOKAHEAD = 400


def _next_of_style(ahead: list[_Item], style: str, stop: set[str]) -> _Item | None:
    """The first item of `ahead` in `style`, unless a `stop` style comes first."""
    for it in ahead:
        if it.style == style:
            return it
        if it.style in stop:
            return None
    return None


def _infer(items: list[_Item], at: int, stack: list[_Item]) -> tuple[str, int] | None:
    """Style and number of the lost marker items[at], from the siblings around it.

    A sibling already open on the stack implies "its number + 1", confirmed when the next item
    of that style carries the number after that; a style not yet open whose first item after
    the gap is numbered 2 implies that the gap was its item 1. Prefer confirmed candidates,
    then the deepest (the list being written when the marker was lost).
    """
    candidates: list[tuple[int, int, str, int]] = []  # (score, depth, style, number)
    open_styles = [it.style for it in stack]
    ahead = items[at + 1 : at + 1 + _LOOKAHEAD]
    for depth, sib in enumerate(stack):
        if sib.style in UNNUMBERED_STYLES:
            continue
        nxt = _next_of_style(ahead, sib.style, set(open_styles[:depth]))
        if nxt is None:
            candidates.append((1, depth, sib.style, sib.number + 1))
        elif nxt.number == sib.number + 2:
            candidates.append((2, depth, sib.style, sib.number + 1))
    for style in {it.style for it in ahead} - set(open_styles) - {None}:
        first = _next_of_style(ahead, style, set(open_styles))
        if first is not None and first.number == 2:
            candidates.append((2, len(stack), style, 1))
    if not candidates:
        return None
    _, _, style, number = max(candidates)
    return style, number


def _lost_list_item(stack: list[_Item]) -> tuple[str, int]:
    """Style and number of a lost marker nothing printed can explain: the next item of a list
    that lost all its markers (one lost marker alone is more likely a stray dash)."""
    previous = next((it for it in stack if it.style == _LOST_LIST), None)
    return _LOST_LIST, previous.number + 1 if previous else 1


def _place(stack: list[_Item], item: _Item, seen: set[str]) -> None:
    """Pop the stack to where `item` belongs: beside its own style, else below the top.

    A style never seen before whose first item is numbered 2+ lost its item 1 without a
    trace; only then does the conventional nesting decide how far up it goes.
    """
    styles = [it.style for it in stack]
    if item.style in styles:
        del stack[styles.index(item.style) :]
    elif item.style not in seen and item.number and item.number > 1:
        while stack and _RANK[stack[-1].style] >= _RANK[item.style]:
            stack.pop()


def _resolve(items: list[_Item]) -> list[tuple[_Item, int]]:
    """Give lost markers their style and number; return each kept item with its depth."""
    stack: list[_Item] = []
    seen: set[str] = set()
    placed: list[tuple[_Item, int]] = []
    lost_list = sum(it.style is None for it in items) >= 2
    for i, item in enumerate(items):
        if item.style is None:
            guess = _infer(items, i, stack) or (_lost_list_item(stack) if lost_list else None)
            if guess is None:
                continue
            item.style, item.number = guess
            item.inferred = True
        _place(stack, item, seen)
        placed.append((item, len(stack)))
        stack.append(item)
        seen.add(item.style)
    return placed


def _heading(text: str, item: _Item) -> tuple[str, Span]:
    """The heading: the marker line up to its first 。 or : (what follows is its text).

    A leading 问题: label only announces the statement, so the heading is what follows it.
    """
    start = item.heading_start
    label = _PROBLEM_LABEL.match(text, start, item.heading_line_end)
    if label and label.end() < item.heading_line_end:
        start = label.end()
    end = sentence_end(text, start, item.heading_line_end, "。:")
    if end == item.heading_line_end and _unclosed(text, start, end):
        # a quote the line never closes (a page cut off inside it) hides no 。: the first ends it
        end = next((i for i in range(start, end) if text[i] in "。:"), end)
    return text[start:end], Span(start, end)


def _unclosed(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] opens more quotes and brackets than it closes."""
    part = text[start:end]
    return sum(part.count(c) for c in _OPENERS) > sum(part.count(c) for c in _CLOSERS)


def rstrip_end(text: str, start: int, end: int) -> int:
    """Move `end` back over trailing whitespace so spans end on text."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def paragraph_end(text: str, pos: int, end: int) -> int:
    """End of the paragraph holding `pos`, at most `end`: inline lists never cross one."""
    nl = text.find("\n", pos, end)
    return end if nl < 0 else nl


def build_outline(text: str) -> Block:
    """The tree of numbered blocks of `text`; the root spans the whole text."""
    root = Block(None, None, "", Span(0, 0), Span(0, len(text)))
    placed = _resolve(_scan(text))
    chain: list[Block] = [root]
    for n, (item, depth) in enumerate(placed):
        end = placed[n + 1][0].start if n + 1 < len(placed) else len(text)
        heading, heading_span = _heading(text, item)
        block = Block(item.style, item.number, heading, heading_span,
                      Span(item.start, rstrip_end(text, item.start, end)), item.inferred)
        del chain[depth + 1 :]
        chain[-1].children.append(block)
        chain.append(block)
    _close(root)
    return root


def _close(block: Block) -> None:
    """Extend each block's end over its descendants (built with the next item's start only)."""
    for child in block.children:
        _close(child)
    if block.children:
        last = block.children[-1].span.end
        block.span = Span(block.span.start, max(block.span.end, last))
