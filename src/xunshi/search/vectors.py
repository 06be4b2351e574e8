"""Search words → a `tsvector` literal the server casts without parsing Chinese itself.

Building the literal client-side is cheaper for the server than `to_tsvector` and it is the
only way to keep jieba's words: PostgreSQL's `simple` parser would see a run of Chinese as one
word. Fields get weights (a finding's title A, description B, recommendation C) so ranking
prefers hits in titles.
"""
from __future__ import annotations

from collections.abc import Sequence

from .segment import word_positions

MAX_POSITION = 16383  # PostgreSQL keeps word positions up to this; later ones are clamped
MAX_POSITIONS_PER_WORD = 256  # and at most this many positions per word
MAX_WORD_BYTES = 2046  # a longer lexeme is rejected
MAX_VECTOR_BYTES = 900_000  # a tsvector must stay under 1 MB; huge texts index their start
FIELD_GAP = 100  # positions between fields, so a phrase never spans two of them

Field = tuple[str | None, str]  # (text, weight A–D)


def _quote(word: str) -> str:
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"


def tsvector(fields: Sequence[Field]) -> str | None:
    """The `tsvector` literal of these weighted fields; None when there is nothing to search."""
    positions: dict[str, list[str]] = {}
    offset = 0
    for text, weight in fields:
        if not text:
            continue
        found, last = word_positions(text)
        for word, places in found.items():
            slots = positions.setdefault(word, [])
            for place in places:
                if len(slots) >= MAX_POSITIONS_PER_WORD:
                    break
                entry = f"{min(offset + place, MAX_POSITION)}{weight}"
                if not slots or slots[-1] != entry:
                    slots.append(entry)
        offset += last + FIELD_GAP
    parts, size = [], 0
    for word, slots in positions.items():
        if len(word.encode()) > MAX_WORD_BYTES:
            continue
        part = f"{_quote(word)}:{','.join(slots)}"
        size += len(part.encode()) + 1
        if size > MAX_VECTOR_BYTES:
            break
        parts.append(part)
    return " ".join(parts) or None
