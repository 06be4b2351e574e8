"""Figures: the numbers a report states, each with the metric of the codebook it counts.

给予党纪政务处分12人 → sanctions 12; 追回资金86.3万元 → money_recovered 86.3 (万元); 反馈的41个
问题已完成整改38个(完成率92.7%) → problems_fed_back 41, problems_rectified 38, completion_rate
92.7. Every quantity is read with its clause (quantities.py finds them, metrics.py says what
they count); a quantity no rule claims is not a figure. Parts (共处理15人,其中党纪处分6人) point
at their total, and a list continues its first item's metric (查处案件8起、…问题2起).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Figure
from .metrics import BY_CODE, CODEBOOK, Metric, Rule
from .quantities import Quantity, quantities

_CLAUSE_BREAK = re.compile(r"[,;。:!?\n]")
_SENTENCE_BREAK = re.compile(r"[;。!?\n]")
# A rule or a frequency, not a count of what was done: 每月召开1次, 不少于2次, 确保100%.
_NORM = re.compile(r"每|不少于|不低于|至少|不超过|力争|确保|目标|计划|拟")
# 一个都不放过, 一件也不含糊: a figure of speech; 3个方面: aspects, not things.
_NOT_A_COUNT = re.compile(r"^(?:[都也]|方面)")
# 一项重要举措, 一个重大政治任务: one thing of weight, a figure of speech.
_ONE_OF_WEIGHT = re.compile(r"^(?:重要|重大|关键|根本|长期|政治)")
# Where the next item of a list starts: 案件8起、违规操办婚丧事宜问题2起.
_LIST_ITEM = re.compile(r"、")
# Where the parts of a total begin: 其中, or 反馈的41个问题中,.
_PARTS = re.compile(r"其中|中(?=[,:])")
# Words that end the noun naming what is counted (12名干部进行诫勉谈话 → 干部).
_NOUN_END = (r"进行|受到|给予|予以|被|因|参加|参与|接受|开展|细化|明确|落实|实现|推动|涉及|纳入"
             r"|转为|已|均|全部|的|运用|分别|共|等|和|及|与|、|\(|\x01")
_COUNTED_AFTER = re.compile(rf"^(?!{_NOUN_END})(?P<noun>[^\x00]{{1,10}}?)(?:{_NOUN_END}|$)")
_COUNTED_MAX = 10
_FILLER = "了的共计累为达到合总其中"
# How far a number's words reach: every rule's cue stands within these, and the bounds keep a
# hostile line (100,000 characters without a full stop) linear.
_LEFT_MAX, _RIGHT_MAX, _SENTENCE_MAX = 60, 40, 160


@dataclass(frozen=True)
class _Frame:
    """A quantity in its clause: `left` stops at the clause's start or the figure before it,
    `right` at the clause's end or the next quantity."""

    left: str
    right: str  # ends with \x01 when the next quantity cut it
    sentence: str  # the sentence up to the quantity (for context rules and parts)
    listed: bool  # the next item of a list whose item before it is a figure (…8起、…2起)

    @property
    def text(self) -> str:
        return f"{self.left}\x00{self.right}"


def extract_figures(text: str) -> list[Figure]:
    """The figures of the text in reading order."""
    qs = list(quantities(text))
    figures: list[Figure] = []
    of_quantity: dict[int, int] = {}  # index in qs → index in figures
    for i, q in enumerate(qs):
        frame = _frame(text, qs, i, figures[-1].span.end if figures else None)
        if _no_count(q, frame):
            continue
        found = _classify(q, frame)
        if found is None and (i - 1) in of_quantity and frame.listed:
            inherited = BY_CODE[figures[of_quantity[i - 1]].metric]
            found = (inherited, None) if q.unit in inherited.counts else None
        if found is None:
            continue
        metric, cue = found
        of_quantity[i] = len(figures)
        figures.append(Figure(metric=metric.code, value=q.value, unit=metric.unit,
                              text=text[q.span.start:q.span.end], span=q.span,
                              approximate=q.approximate, counted=_counted(frame, cue)))
    _link_parts(text, figures)
    return figures


def _no_count(q: Quantity, frame: _Frame) -> bool:
    """A rule or plan (每月召开1次), a figure of speech (一个都不放过, 一项重要举措), aspects
    (3个方面), or a rate that brackets a distribution (完成率达到100%的51个)."""
    return bool(_NORM.search(frame.left) or _NOT_A_COUNT.match(frame.right)
                or (q.value == 1 and _ONE_OF_WEIGHT.match(frame.right))
                or (q.unit == "%" and frame.right.startswith("的")))


def _frame(text: str, qs: list[Quantity], i: int, last_figure_end: int | None) -> _Frame:
    """The left side runs back to the clause's start or the last figure: a number that is no
    figure does not hide a cue before it (巡察反馈的3个方面12个问题)."""
    q = qs[i]
    left_start = _start_of(_CLAUSE_BREAK, text, q.span.start, _LEFT_MAX)
    item = None
    if last_figure_end is not None and last_figure_end >= left_start:
        left_start = last_figure_end
        # After a figure, the words up to the next 、 are its own (给予诫勉处理、4名给予…处分).
        item = _LIST_ITEM.search(text, left_start, q.span.start)
        left_start = item.end() if item else left_start
    clause_end = _CLAUSE_BREAK.search(text, q.span.end, q.span.end + _RIGHT_MAX)
    end = clause_end.start() if clause_end else min(len(text), q.span.end + _RIGHT_MAX)
    cut = i + 1 < len(qs) and qs[i + 1].span.start < end
    if cut:
        end = qs[i + 1].span.start
    return _Frame(text[left_start:q.span.start], text[q.span.end:end] + ("\x01" if cut else ""),
                  text[_start_of(_SENTENCE_BREAK, text, q.span.start, _SENTENCE_MAX):q.span.start],
                  listed=item is not None)


def _start_of(breaks: re.Pattern[str], text: str, at: int, reach: int) -> int:
    """Where the clause or sentence holding position `at` starts (never before its line), or
    `reach` characters before `at` if it starts further back."""
    line_start = text.rfind("\n", max(0, at - reach), at) + 1 or max(0, at - reach)
    return max((m.end() for m in breaks.finditer(text, line_start, at)), default=line_start)


def _classify(q: Quantity, frame: _Frame) -> tuple[Metric, re.Match[str]] | None:
    """The metric whose cue stands nearest the number (the longer cue on a tie, then the
    codebook's order), with the cue's match."""
    framed = frame.text
    hash_at = len(frame.left)
    best: tuple[tuple[int, int, int], Metric, re.Match[str]] | None = None
    for order, metric in enumerate(CODEBOOK):
        if q.unit not in metric.counts:
            continue
        for rule in metric.rules:
            m = rule.pattern.search(framed) if _in_context(rule, frame) else None
            if m is None:
                continue
            start, end = m.span("cue")
            gap = hash_at - end if end <= hash_at else start - hash_at - 1
            rank = (gap, start - end, order)
            if best is None or rank < best[0]:
                best = (rank, metric, m)
    return None if best is None else (best[1], best[2])


def _in_context(rule: Rule, frame: _Frame) -> bool:
    if rule.barred and rule.barred.search(frame.sentence):
        return False
    return rule.context is None or bool(rule.context.search(frame.sentence + frame.right))


def _counted(frame: _Frame, cue: re.Match[str] | None) -> str | None:
    """What the number counts where the text names it: the noun after the unit (12名干部),
    else the words between a preceding cue and the number (追回资金86.3万元 → 资金)."""
    after = _COUNTED_AFTER.match(frame.right)
    if after:
        return after.group("noun")
    hash_at = len(frame.left)
    if cue is None or cue.end("cue") > hash_at:
        return None
    between = frame.left[cue.end("cue"):].strip(_FILLER)
    return between if 0 < len(between) <= _COUNTED_MAX else None


def _link_parts(text: str, figures: list[Figure]) -> None:
    """A figure after 其中 (or 问题中,) in a sentence is a part of the last figure before that
    word in the sentence which is no part itself and counts in the same unit (persons in
    persons, not money); rates are neither parts nor totals."""
    for n, f in enumerate(figures):
        if f.unit == "%":
            continue
        sentence_start = _start_of(_SENTENCE_BREAK, text, f.span.start, _SENTENCE_MAX)
        marker = max((m.start() for m in _PARTS.finditer(text, sentence_start, f.span.start)),
                     default=None)
        if marker is None:
            continue
        k = n - 1
        while k >= 0 and figures[k].span.start >= sentence_start:
            total = figures[k]
            if total.span.end <= marker and total.part_of is None and total.unit == f.unit:
                f.part_of = k
                break
            k -= 1
