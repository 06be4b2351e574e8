"""Rectification measures under one finding: 一是…二是… items, or the whole text as one measure.

The findings extractor decides which stretch of text belongs to a finding; this module only
cuts that stretch into measures and reads status hints from it.
"""
from __future__ import annotations

import re

from ..model import Measure, Span
from .numerals import CN_NUMBER, to_int

# Where an enumeration item may start: a line start, after a clause mark (, 。 ; : ! ?) or
# a 【label】, so that "其一是" or "统一是" inside a word does not count. One negative lookbehind
# (no character before, or one of these) costs the regex engine less at every position than ^|(?<=…).
_CLAUSE = r"(?<![^。;:!?】,\n])[ \t]*"
# The body that acts, which reports may name between the clause start and 一是: 局党组一是…
_ACTOR = r"(?:[^\s,。;:!?]{0,8}?(?:党组|党委|党工委|党总支|党支部|部务会|委务会|局务会|班子)|我们)?"
# Enumeration families, each a marker (group m) carrying its number (group n):
# 一是…二是…, (1)…(2)… or (一)…(二)… or ①…②… written inline, 第一,…第二,…
ENUM_FAMILIES = tuple(re.compile(_CLAUSE + family, re.MULTILINE) for family in (
    rf"{_ACTOR}(?P<m>(?P<n>{CN_NUMBER})是)",
    rf"(?P<m>\((?P<n>\d{{1,2}}|{CN_NUMBER})\))",
    rf"(?P<m>第(?P<n>{CN_NUMBER})[,、])",
    r"(?P<m>(?P<n>[①-⑳]))",
)) + (
    # 1.…;2.… or 一、…;二、… run on after a colon or a clause end; at a line start they are
    # the outline's heading markers, and 3.5 is a number.
    re.compile(rf"(?<=[:;。])[ \t]*(?P<m>(?P<n>\d{{1,2}}|{CN_NUMBER})[.、](?!\d))"),
)

_MARKER_MAX = 24
"""No item marker, a naming actor (局党组一是) included, is longer than this."""

# The label words of a lead-in: 整改落实情况 / 整改情况 / 整改措施 / 整改进展及成效 …
_LEAD_WORDS = r"整改(?:落实|推进|完成)?(?:情况|措施|举措|进展|成效)(?:及(?:成效|进展|情况|成果))?(?:情况)?(?:如下)?"
# The phrase that introduces the measures: 整改情况: or the bracketed 【整改情况】.
LEAD_IN = re.compile(rf"{_LEAD_WORDS}\s*:|【\s*{_LEAD_WORDS}\s*】")

# How far a finding has got, as reports word it: 已整改到位, 长期坚持, 正在送审中 …, or as a
# field of its own (整改状态:已完成), whose value is the hint.
STATUS_HINT = re.compile(
    r"整改(?:状态|结果|进度|进展|时限)\s*[:】]\s*(?P<value>[^。,;:\n]{1,12})"
    r"|已[^。,;:\n]{0,8}?(?:整改(?:到位|完毕|完成)|完成整改|办结)"
    r"|(?:(?<=[(。:;\n])|^)(?:已|基本)完成(?=[)。;,\n]|$)"  # a bare 已完成。 / (基本完成)
    r"|长期坚持|持续推进|持续整改|正在[^。,;:()\n]{1,10}"
)
# What may sit between a heading or lead-in and the first measure: blanks and punctuation.
_EDGE = " \t\n。,;:"


def item_number(printed: str) -> int | None:
    """The number a list marker prints: 3, 三 or ③."""
    if len(printed) == 1 and "①" <= printed <= "⑳":
        return ord(printed) - ord("①") + 1
    return to_int(printed)


def _chain(family: re.Pattern[str], text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Start offsets and numbers of one family's unbroken 1, 2, 3 … sequence.

    A stray 三是 before 一是, or a nested 一是 inside item two, does not break the count.
    """
    chain: list[tuple[int, int]] = []
    for m in family.finditer(text, start, end):
        if item_number(m.group("n")) == len(chain) + 1:
            chain.append((m.start("m"), len(chain) + 1))
    return chain


def enumeration(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The enumeration in text[start:end] as (start, number) pairs: 2+ items, or none.

    When several families count (一是 inside (1) items), the one starting first is the list.
    """
    chains = [c for f in ENUM_FAMILIES if len(c := _chain(f, text, start, end)) >= 2]
    return min(chains, key=lambda c: c[0][0], default=[])


def after_item_marker(text: str, start: int) -> int:
    """Where the item at `start` begins after its 一是 / (1) / 第一, / 1. marker (`start` when it
    has none). Matched in place, so that a marker known by the ; or : before it is seen, and
    as the start of an item of its own, as which it opens a clause."""
    head = text[start : start + _MARKER_MAX]
    for family in ENUM_FAMILIES:
        if in_place := family.match(text, start):
            return in_place.end()
        if alone := family.match(head):
            return start + alone.end()
    return start


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) to its core, so a measure's span is exactly its text."""
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _measure(text: str, seq: int, start: int, end: int) -> Measure | None:
    """A measure over the trimmed text[start:end]; None when nothing but punctuation is left."""
    start, end = _trim(text, start, end)
    return Measure(seq, text[start:end], Span(start, end)) if end > start else None


def extract_measures(text: str, start: int, end: int) -> tuple[list[Measure], bool]:
    """Measures in text[start:end] and whether they came from an explicit enumeration.

    Text before 一是 introduces the list and is not a measure; without an enumeration the
    whole stretch, several paragraphs included, is a single measure.
    """
    items = enumerated_items(text, start, end)
    if not items:
        single = _measure(text, 1, start, end)
        return ([single] if single else []), False
    measures = (_measure(text, seq, pos, stop) for pos, stop, seq in items)
    return [m for m in measures if m], True


def enumerated_items(text: str, start: int, end: int) -> list[tuple[int, int, int]]:
    """(start, end, number) of each enumerated item in text[start:end]; each runs to the next."""
    chain = enumeration(text, start, end)
    if not chain:
        return []
    bounds = [pos for pos, _ in chain[1:]] + [_last_item_end(text, chain[-1][0], end)]
    return [(pos, stop, seq) for (pos, seq), stop in zip(chain, bounds)]


def _last_item_end(text: str, start: int, end: int) -> int:
    """Where the last enumerated item ends: the region's end, unless later paragraphs start an
    enumeration of their own (a summary appended under the last heading), then its paragraph's.
    """
    nl = text.find("\n", start, end)
    return nl if nl >= 0 and enumeration(text, nl, end) else end


def status_hint(text: str, start: int, end: int) -> str | None:
    """The first status hint in text[start:end], if the report gives one."""
    m = STATUS_HINT.search(text, start, end)
    return (m.group("value") or m.group(0)) if m else None
