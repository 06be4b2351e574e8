"""Rounds and batches: `十一届市委第八轮第一批巡视`, `四届市委第九轮、第十轮巡察`, `第九轮`.

Committees number their inspections by term (届), round (轮) and batch (批); a report names
them once near the top and the targets that follow belong to them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Span
from .numerals import NUMBER, to_int
from .organizations import AUTHORITY, MODE

# [term届[place]][authority][term届]第N轮[、第M轮…][巡察]第K批]: the term may stand before the
# authority (十一届市委, 十四届闽清县委) or after it (省委十二届); the batch may follow the mode
# (第七轮巡察第三批).
_ROUND = re.compile(
    rf"(?:(?P<term>{NUMBER})届[\u4e00-\u9fff]{{0,8}}?)?(?P<auth>{AUTHORITY})?(?:(?P<term2>{NUMBER})届)?"
    rf"(?P<rounds>第{NUMBER}轮(?:(?:、|和|及)第{NUMBER}轮)*)(?:{MODE}?第(?P<batch>{NUMBER})批)?"
)
# One 第N轮 inside a list of rounds.
_ONE_ROUND = re.compile(rf"第({NUMBER})轮")


@dataclass(frozen=True)
class RoundMention:
    """A term/round/batch phrase; `rounds` holds every round a list names."""

    term: int | None
    authority: str | None
    rounds: tuple[int, ...]
    batch: int | None
    span: Span

    @property
    def round_no(self) -> int | None:
        """The round, when the phrase names exactly one."""
        return self.rounds[0] if len(self.rounds) == 1 else None


def _int(token: str | None) -> int | None:
    return None if token is None else to_int(token)


def find_rounds(text: str) -> list[RoundMention]:
    """Every round phrase in `text`, in order; numerals that do not convert are dropped."""
    out = []
    for m in _ROUND.finditer(text):
        rounds = tuple(n for n in map(to_int, _ONE_ROUND.findall(m.group("rounds"))) if n)
        if rounds:
            out.append(RoundMention(_int(m.group("term") or m.group("term2")), m.group("auth"),
                                    rounds, _int(m.group("batch")), Span(m.start(), m.end())))
    return out
