"""A `Mention`: the units one phrase of a report names, and what the phrase itself says of them.

`phrases` finds the phrases that name units with a verb (a visit, an arrival, a feedback),
`listings` the lists that name them apart from one (巡察对象为…, a table, a round's summary); both
return `Mention`s, whose context (group, round, tour) `opening` reads from the sentence start.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from ..model import Span
from .rounds import kind_in
from .targets import Target, split_targets

Phrase = Literal["visit", "arrival", "feedback"]
"""How units were named: 对X进行巡察, 进驻X, or 向X反馈 (which dates before it belong to)."""

_SENTENCE_ENDS = "。;!?\n"
"""Where a sentence ends: what a phrase says of its units is read in its sentence."""


def sentence_start(text: str, pos: int) -> int:
    """Where the sentence holding `pos` starts."""
    return max(text.rfind(end, 0, pos) for end in _SENTENCE_ENDS) + 1


@dataclass(frozen=True)
class Mention:
    """The units one phrase names and what it says of them; their context (group, round, tour)
    is read from the sentence start up to `at`."""

    targets: list[Target]
    at: int
    span: Span
    phrase: Phrase = "visit"
    mode: str | None = None
    kind: str | None = None


def mention(m: re.Match[str], at: int, phrase: Phrase = "visit", name: str = "targets",
            words: str = "", mode: str | None = None) -> Mention:
    """A mention of the units in group `name` of `m`; `words` are where its kind is named."""
    return Mention(split_targets(m.group(name), m.start(name)), at, Span(m.start(), m.end()),
                   phrase, mode, kind_in(words))
