"""One cut of a report's normalized text, from which every field's search words are taken.

A report's findings and measures are pieces of its text, so the text is cut once and each
field takes its words from that cut. jieba (and rjieba) cut each run of word characters (Han,
letters, digits, +#&._%-) on its own and every other character alone, so a field's words are
the text's words between two *safe* positions, where no such run goes on across; only the
ends of a field that start or stop inside a run are cut on their own, which gives exactly the
words of cutting the field alone.

Words are kept as ids into a shared vocabulary, in numpy arrays (8 bytes a word), never
as a list of Python strings for the whole text: a 19 MB text has some 4 million words, which
as strings took over 1 GB.
"""
from __future__ import annotations

import re

import numpy as np

from .segment import entries_of, segmenter, text_pieces

# A character of a run jieba cuts as one block, for either backend (a superset of both: a
# position next to any other character is a block boundary for both).
_RUN = re.compile(r"[\w+#&.%\-]")
_NOT_RUN = re.compile(r"[^\w+#&.%\-]")
_LAST_NOT_RUN = re.compile(r"[^\w+#&.%\-][\w+#&.%\-]*\Z")


WORDS_KEPT = 1 << 17
"""Distinct words a process's vocabulary holds before a new cut starts a fresh one (some 20 MB):
reports share most of their words, so ids made for one serve the next."""


class Vocabulary:
    """Distinct words as ids, with what each puts in the index: its entries (lexeme id,
    position after the previous word's) and the positions it takes."""

    def __init__(self, backend: str = "rjieba") -> None:
        self._entries = entries_of(backend)
        self.ids: dict[str, int] = {}
        self.lexeme_ids: dict[str, int] = {}
        self.lexemes: list[str] = []
        self.literal_parts: list[str] = []  # what vectors.py joins literals from; it fills it
        self.valid = np.zeros(0, bool)  # per lexeme id, whether it can be one (vectors.py)
        # per word id: positions taken, first entry, number of entries; per entry: lexeme id,
        # position after the previous word's; per word id: characters. Words added since are
        # pending in lists.
        self._arrays = [np.zeros(0, np.int64) for _ in range(6)]
        self._pending: list[list[int]] = [[] for _ in range(6)]
        self._entries_count = 0

    def of(self, words: list[str]) -> np.ndarray:
        """The ids of these words (added when new)."""
        ids = list(map(self.ids.get, words))
        if None in ids:
            for word in set(words).difference(self.ids):  # a dict: looked up, not copied
                self._add(word)
            ids = list(map(self.ids.__getitem__, words))
        return np.array(ids, np.int32)

    def lengths(self, ids: np.ndarray) -> np.ndarray:
        """The words' lengths in characters."""
        return self.arrays()[5][ids]

    def _add(self, word: str) -> None:
        entries, width = self._entries(word)
        widths, starts, counts, lexemes, offsets, lengths = self._pending
        self.ids[word] = len(self.ids)
        widths.append(width)
        lengths.append(len(word))
        starts.append(self._entries_count)
        counts.append(len(entries))
        self._entries_count += len(entries)
        for lexeme, k in entries:
            lexeme_id = self.lexeme_ids.get(lexeme)
            if lexeme_id is None:
                lexeme_id = self.lexeme_ids[lexeme] = len(self.lexemes)
                self.lexemes.append(lexeme)
            lexemes.append(lexeme_id)
            offsets.append(k)

    def arrays(self) -> list[np.ndarray]:
        """Per word id: positions taken, first entry, number of entries; per entry: lexeme id,
        position after the previous word's; per word id: its length in characters."""
        if self._pending[0]:
            self._arrays = [np.concatenate((a, np.array(p, np.int64)))
                            for a, p in zip(self._arrays, self._pending)]
            self._pending = [[] for _ in range(6)]
        return self._arrays


_shared: dict[str, Vocabulary] = {}


def shared_vocabulary(backend: str) -> Vocabulary:
    """This process's vocabulary for the backend, a fresh one when it has grown too large."""
    vocabulary = _shared.get(backend)
    if vocabulary is None or len(vocabulary.ids) > WORDS_KEPT:
        vocabulary = _shared[backend] = Vocabulary(backend)
    return vocabulary


def _safe(text: str, at: int) -> bool:
    return (at == 0 or at == len(text) or not _RUN.match(text, at - 1)
            or not _RUN.match(text, at))


class TextCut:
    """The words of `text` as (start, word id) arrays, cut piece by piece."""

    def __init__(self, text: str, backend: str = "rjieba") -> None:
        self.text = text
        self.vocabulary = shared_vocabulary(backend)
        self._cut = segmenter(backend).words
        starts, ids, offset = [], [], 0
        for piece in text_pieces(text):
            words = self.vocabulary.of(self._cut(piece))
            lengths = self.vocabulary.lengths(words)
            ends = np.cumsum(lengths) + offset
            starts.append((ends - lengths).astype(np.int32))
            ids.append(words)
            offset += len(piece)
            if len(words) and ends[-1] != offset:  # words that do not spell the piece
                starts, ids = [], []
                break
        self._starts = np.concatenate(starts) if starts else np.zeros(0, np.int32)
        self.ids = np.concatenate(ids) if ids else np.zeros(0, np.int32)
        self._whole = bool(starts) or not text

    def _alone(self, text: str) -> np.ndarray:
        """The ids of the words of `text` cut on its own."""
        return self.vocabulary.of([word for piece in text_pieces(text)
                                   for word in self._cut(piece)])

    def _words_between(self, start: int, end: int) -> np.ndarray | None:
        """The text's words from `start` to `end`, when both are word boundaries."""
        # the same dtype as the array, which is otherwise converted whole on every call
        i, j = np.searchsorted(self._starts, np.array((start, end), self._starts.dtype))
        if (i < len(self._starts) and self._starts[i] != start) or (
                end < len(self.text) and (j == len(self._starts) or self._starts[j] != end)):
            return None
        return self.ids[i:j]

    def words_of(self, field: str, near: int = 0) -> np.ndarray:
        """The ids of the words of `field` as if it were cut alone, taken from the text's cut
        where the field is a piece of the text (looked for from `near` on first)."""
        at = self.text.find(field, near) if self._whole else -1
        if at < 0 and near and self._whole:
            at = self.text.find(field)
        if at < 0 or not field:
            return self._alone(field)
        end = at + len(field)
        inner_start = at
        if not _safe(self.text, at):
            found = _NOT_RUN.search(self.text, at, end)
            inner_start = found.start() if found else end
        inner_end = end
        if not _safe(self.text, end):
            found = _LAST_NOT_RUN.search(field, inner_start - at)
            inner_end = at + found.start() + 1 if found else inner_start
        if inner_end <= inner_start:
            return self._alone(field)
        middle = self._words_between(inner_start, inner_end)
        if middle is None:
            return self._alone(field)
        if inner_start == at and inner_end == end:
            return middle
        return np.concatenate((self._alone(self.text[at:inner_start]), middle,
                               self._alone(self.text[inner_end:end])))
