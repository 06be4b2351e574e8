"""Search words → a `tsvector` literal the server casts without parsing Chinese itself.

Building the literal client-side is cheaper for the server than `to_tsvector` and it is the
only way to keep jieba's words: PostgreSQL's `simple` parser would see a run of Chinese as one
word. Fields get weights (a finding's title A, description B, recommendation C) so ranking
prefers hits in titles.
"""
from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from .segment import word_entries

MAX_POSITION = 16383  # PostgreSQL keeps word positions up to this; later ones are clamped
MAX_POSITIONS_PER_WORD = 256  # and at most this many positions per word
MAX_WORD_BYTES = 2046  # a longer lexeme is rejected
MAX_VECTOR_BYTES = 900_000  # a tsvector must stay under 1 MB; huge texts index their start
FIELD_GAP = 100  # positions between fields, so a phrase never spans two of them

Field = tuple[str | None, str]  # (text, weight A–D)


@lru_cache(maxsize=1 << 16)
def _lexeme(word: str) -> str | None:
    """The word quoted for the literal, or None when it is too long to be one. Cached: the same
    words come back in every vector."""
    if len(word.encode()) > MAX_WORD_BYTES:
        return None
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"


@lru_cache(maxsize=None)
def _labels(weight: str) -> tuple[str, ...]:
    """Every position's entry in one weight (`12A`), made once: formatting one per word cost
    more than all the rest of building a vector."""
    return tuple(f"{position}{weight}" for position in range(MAX_POSITION + 1))


def _positions(fields: Sequence[Field]) -> dict[str, list[str]]:
    """Each word's entries over all fields, in order of first appearance."""
    positions: dict[str, list[str]] = {}
    offset = 0
    for text, weight in fields:
        if not text:
            continue
        labels = _labels(weight)
        position = offset
        for entries, width in word_entries(text):
            for word, k in entries:
                at = position + k
                label = labels[at] if at < MAX_POSITION else labels[MAX_POSITION]
                slots = positions.get(word)
                if slots is None:
                    positions[word] = [label]
                elif slots[-1] != label and len(slots) < MAX_POSITIONS_PER_WORD:
                    slots.append(label)
            position += width
        offset = position + FIELD_GAP
    return positions


def _within_limit(parts: list[str]) -> list[str]:
    """The parts before the one that would take the vector past its size limit."""
    size = 0
    for n, part in enumerate(parts):
        size += len(part.encode()) + 1
        if size > MAX_VECTOR_BYTES:
            return parts[:n]
    return parts


def tsvector(fields: Sequence[Field]) -> str | None:
    """The `tsvector` literal of these weighted fields; None when there is nothing to search."""
    parts = [f"{lexeme}:{','.join(slots)}" for word, slots in _positions(fields).items()
             if (lexeme := _lexeme(word))]
    literal = " ".join(parts)
    if len(literal.encode()) + 1 > MAX_VECTOR_BYTES:  # rare: measure part by part
        literal = " ".join(_within_limit(parts))
    return literal or None
