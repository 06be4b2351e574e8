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
from functools import lru_cache
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


def search_words(text: str, backend: str = "rjieba") -> list[Word]:
    """The searchable words of `text` in order: lower-cased, punctuation dropped."""
    seg = segmenter(backend)
    out: list[Word] = []
    position = 0
    for word in seg.words(text):
        pieces = _PIECE.findall(word.lower())
        if not pieces:
            continue
        if len(pieces) == 1 and len(word) > 2:
            position += 1
            out.extend(Word(sub.lower(), position) for sub in _sub_words(seg, word))
            out.append(Word(pieces[0], position))
            continue
        for piece in pieces:
            position += 1
            out.append(Word(piece, position))
    return out


def query_words(text: str, backend: str = "rjieba") -> list[str]:
    """A query's words in precise mode: the index holds them whole and as parts of longer ones."""
    return [p for word in segmenter(backend).words(text) for p in _PIECE.findall(word.lower())]
