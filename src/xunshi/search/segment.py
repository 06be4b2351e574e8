"""Words for full-text search, cut by jieba's dictionary in search mode.

PostgreSQL has no Chinese parser here, so text is segmented in Python and the words are stored
as a `tsvector`. Search mode adds a long word's dictionary sub-words (形式主义 → 形式, 主义,
形式主义) at the long word's own position, so a query for a part finds the whole and phrase
queries (扫黑 <-> 除恶) still line up. rjieba (jieba-rs, ~20× faster) is the fast path; jieba
is the reference: the tests check both give the same words.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache, partial
from typing import NamedTuple, Protocol

# Pieces of a word that can be searched: jieba's and rjieba's rules for runs of latin letters,
# digits and punctuation differ (0552-8212201 is one token or three), their pieces do not.
_PIECE = re.compile(r"[^\W_]+")


class Word(NamedTuple):
    text: str
    position: int  # 1-based, in words; sub-words share their long word's position


class Segmenter(Protocol):
    """What both backends give: precise-mode words and dictionary lookups."""

    def words(self, text: str) -> list[str]: ...

    def in_dictionary(self, word: str) -> bool: ...


class _RJieba:
    def __init__(self) -> None:
        import rjieba

        self._cut: Callable[[str], list[str]] = rjieba.cut
        self._has: Callable[[str], bool] = rjieba.has_word

    def words(self, text: str) -> list[str]:
        return self._cut(text)

    def in_dictionary(self, word: str) -> bool:
        return self._has(word)


class _Jieba:
    def __init__(self) -> None:
        import logging

        import jieba

        jieba.setLogLevel(logging.WARNING)
        self._jieba = jieba.dt
        self._jieba.check_initialized()

    def words(self, text: str) -> list[str]:
        return self._jieba.lcut(text)

    def in_dictionary(self, word: str) -> bool:
        return bool(self._jieba.FREQ.get(word))


BACKENDS: dict[str, Callable[[], Segmenter]] = {"rjieba": _RJieba, "jieba": _Jieba}


@lru_cache(maxsize=None)
def segmenter(name: str = "rjieba") -> Segmenter:
    """A loaded segmenter (loading the dictionary takes a moment: done once per process)."""
    return BACKENDS[name]()


def _sub_words(seg: Segmenter, word: str) -> Iterator[str]:
    """jieba's search mode: the dictionary's 2- then 3-character words inside a long word."""
    for n in (2, 3):
        if len(word) > n:
            for i in range(len(word) - n + 1):
                if seg.in_dictionary(gram := word[i : i + n]):
                    yield gram


Entries = tuple[tuple[str, int], ...]
"""What one precise-mode word puts in the index: (word, position after the previous word's)."""

# Distinct words seen by one process: a report's worth repeats most of them, and the bound keeps
# a load of any size from growing the cache without end (an entry is a few hundred bytes).
_CACHED_WORDS = 1 << 16


def _entries(seg: Segmenter, word: str) -> tuple[Entries, int]:
    """The entries of one word and how many positions it takes: a long word's parts share its
    position, a run cut into several pieces (0738-8328187) takes one per piece."""
    pieces = _PIECE.findall(word.lower())
    if len(pieces) == 1 and len(word) > 2:
        return (*((sub.lower(), 1) for sub in _sub_words(seg, word)), (pieces[0], 1)), 1
    return tuple((piece, k) for k, piece in enumerate(pieces, 1)), len(pieces)


@lru_cache(maxsize=None)
def entries_of(backend: str) -> Callable[[str], tuple[Entries, int]]:
    """`_entries` for one backend, cached: looking up sub-words costs far more than the cut,
    and the same words come back in every report."""
    return lru_cache(maxsize=_CACHED_WORDS)(partial(_entries, segmenter(backend)))


PIECE = 1 << 16
"""Characters cut at a time. A cut returns every word of what it is given as one list, some 80
bytes a word: a 20 MB text cut whole took 400 MB."""
# Where a piece may end: jieba never joins words across a line end or a full stop.
_BOUNDARY = re.compile("[\n。]")


def text_pieces(text: str) -> Iterator[str]:
    """`text` in pieces of about PIECE characters, each ending at a boundary, so cutting the
    pieces gives the words of the whole."""
    start = 0
    while start < len(text):
        boundary = _BOUNDARY.search(text, start + PIECE)
        end = boundary.end() if boundary else len(text)
        yield text[start:end]
        start = end


def word_entries(text: str, backend: str = "rjieba") -> Iterator[tuple[Entries, int]]:
    """Each precise-mode word of `text` as its entries and the positions it takes."""
    entries, cut = entries_of(backend), segmenter(backend).words
    return (entries(word) for piece in text_pieces(text) for word in cut(piece))


def search_words(text: str, backend: str = "rjieba") -> list[Word]:
    """The searchable words of `text` in order: lower-cased, punctuation dropped."""
    out: list[Word] = []
    position = 0
    for entries, width in word_entries(text, backend):
        out.extend(Word(entry, position + k) for entry, k in entries)
        position += width
    return out


def query_words(text: str, backend: str = "rjieba") -> list[str]:
    """A query's words in precise mode: the index holds them whole and as parts of longer ones."""
    return [p for word in segmenter(backend).words(text) for p in _PIECE.findall(word.lower())]
