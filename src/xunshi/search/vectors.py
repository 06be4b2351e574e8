"""Search words → a `tsvector` literal the server casts without parsing Chinese itself.

Building the literal client-side is cheaper for the server than `to_tsvector` and it is the
only way to keep jieba's words: PostgreSQL's `simple` parser would see a run of Chinese as one
word. Fields get weights (a finding's title A, description B, recommendation C) so ranking
prefers hits in titles.

Fields come as word ids of one cut (cut.py); the literals of many vectors are built together
with numpy, in batches, and joined from shared strings by index, instead of word by word.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache

import numpy as np

from .cut import TextCut, Vocabulary

MAX_POSITION = 16383  # PostgreSQL keeps word positions up to this; later ones are clamped
MAX_POSITIONS_PER_WORD = 256  # and at most this many positions per word
MAX_WORD_BYTES = 2046  # a longer lexeme is rejected
MAX_VECTOR_BYTES = 900_000  # a tsvector must stay under 1 MB; huge texts index their start
FIELD_GAP = 100  # positions between fields, so a phrase never spans two of them
WEIGHTS = "ABCD"
BATCH_WORDS = 1 << 16
"""Words whose vectors are built together: numpy's fixed cost per call is paid once per batch
rather than once per small vector, and the batch's arrays stay a few MB."""

CHUNK_WORDS = 1 << 16
"""A field with more words is walked in chunks of as many (`_clamped_once`)."""

Field = tuple[str | None, str]  # (text, weight A–D)
WordField = tuple[np.ndarray | None, str]  # (word ids, None when there is no text; weight)

_SLOTS = MAX_POSITION + 1
_LABELS = len(WEIGHTS) * _SLOTS


@lru_cache(maxsize=1 << 16)
def _lexeme(word: str) -> str | None:
    """The word quoted for the literal, or None when it is too long to be one. Cached: the same
    words come back in every vector."""
    if len(word.encode()) > MAX_WORD_BYTES:
        return None
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"


def _labels() -> list[str]:
    """Every position's entry in every weight (`12A`), then each after its comma (`,12A`)."""
    plain = [f"{position}{weight}" for weight in WEIGHTS for position in range(_SLOTS)]
    return plain + ["," + label for label in plain]


def _parts(vocabulary: Vocabulary) -> list[str]:
    """What literals are joined from, by index: the labels, then per lexeme id its opening
    of a part (`'word':`) and the same after a space. Lexemes too long to be one are marked
    not valid (their parts are left out). Extended as the vocabulary grows."""
    parts, lexemes = vocabulary.literal_parts, vocabulary.lexemes
    if not parts:
        parts += _labels()
    known = (len(parts) - 2 * _LABELS) // 2
    if known < len(lexemes):
        quoted = [_lexeme(word) for word in lexemes[known:]]
        for lexeme in quoted:
            parts += (f"{lexeme}:", f" {lexeme}:")
        vocabulary.valid = np.concatenate((vocabulary.valid, [q is not None for q in quoted]))
    return parts


def _positions(vocabulary: Vocabulary, fields: list[tuple[int, np.ndarray, int]]
               ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every entry of these fields (vector, weight index, word ids) as (vector, lexeme id,
    label code = weight × slots + position), in order. Each field starts FIELD_GAP positions
    after the previous field of its vector; positions past MAX_POSITION are clamped, and
    there, where every entry of a word is the same, only a word's first occurrence is kept."""
    widths_of, entry_starts, entry_counts, entry_lexemes, entry_offsets, _ = vocabulary.arrays()
    lengths = np.array([len(ids) for _, ids, _ in fields], np.int64)
    vector_of = np.array([v for v, _, _ in fields], np.int64)
    weight_of = np.array([w for _, _, w in fields], np.int64)
    ids = np.concatenate([ids for _, ids, _ in fields])
    field_of = np.repeat(np.arange(len(fields)), lengths)
    widths = widths_of[ids]
    before = np.concatenate(([0], np.cumsum(widths)))  # positions taken before each word
    field_ends = np.cumsum(lengths)
    field_before = before[field_ends - lengths]
    gaps = before[field_ends] - field_before + FIELD_GAP
    after = np.cumsum(gaps) - gaps
    firsts = np.flatnonzero(np.concatenate(([True], vector_of[1:] != vector_of[:-1])))
    first_of = firsts[np.searchsorted(firsts, np.arange(len(fields)), "right") - 1]
    offset = after - after[first_of]
    base = (offset - field_before)[field_of] + before[:-1]
    clamped = np.flatnonzero(base >= MAX_POSITION - 1)
    if len(clamped):
        _, first = np.unique(field_of[clamped] * len(widths_of) + ids[clamped], return_index=True)
        keep = base < MAX_POSITION - 1
        keep[clamped[first]] = True
        ids, base, field_of = ids[keep], base[keep], field_of[keep]
    counts = entry_counts[ids]
    ends = np.cumsum(counts)
    total = int(ends[-1]) if len(ends) else 0
    entry = np.repeat(entry_starts[ids] - (ends - counts), counts) + np.arange(total)
    entry_field = np.repeat(field_of, counts)
    position = np.minimum(np.repeat(base, counts) + entry_offsets[entry], MAX_POSITION)
    return vector_of[entry_field], entry_lexemes[entry], weight_of[entry_field] * _SLOTS + position


def _grouped(vocabulary: Vocabulary, vector: np.ndarray, lexeme: np.ndarray, code: np.ndarray
             ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The entries each word's together, words in order of first appearance in their vector,
    each word's positions in order without repeats and at most MAX_POSITIONS_PER_WORD, words
    too long to be lexemes left out; with a flag on each word's first entry."""
    key = vector * max(len(vocabulary.lexemes), 1) + lexeme
    order = np.argsort(key, kind="stable")
    ordered = key[order]
    starts = np.concatenate(([True], ordered[1:] != ordered[:-1]))
    first = order[starts]
    order = order[np.argsort(first[np.cumsum(starts) - 1], kind="stable")]
    vector, lexeme, code = vector[order], lexeme[order], code[order]
    starts = np.concatenate(([True], (vector[1:] != vector[:-1]) | (lexeme[1:] != lexeme[:-1])))
    keep = starts | np.concatenate(([True], code[1:] != code[:-1]))
    vector, lexeme, code, starts = vector[keep], lexeme[keep], code[keep], starts[keep]
    at = np.arange(len(vector))
    rank = at - np.maximum.accumulate(np.where(starts, at, 0))
    _parts(vocabulary)
    keep = (rank < MAX_POSITIONS_PER_WORD) & vocabulary.valid[lexeme]
    return vector[keep], lexeme[keep], code[keep], starts[keep]


def _batch(vocabulary: Vocabulary, vectors: Sequence[Sequence[WordField]]) -> list[str | None]:
    fields = [(v, ids, WEIGHTS.index(weight)) for v, vector in enumerate(vectors)
              for ids, weight in vector if ids is not None]
    if not fields:
        return [None] * len(vectors)
    entries = _positions(vocabulary, fields)
    if not len(entries[0]):
        return [None] * len(vectors)
    vector, lexeme, code, starts = _grouped(vocabulary, *entries)
    # the literal as indexes into the labels and the lexemes' openings, joined in one go
    at = np.arange(len(vector)) + np.cumsum(starts)
    firsts = np.concatenate(([True], vector[1:] != vector[:-1]))
    pieces = np.empty(len(vector) + int(starts.sum()), np.int64)
    piece_vector = np.empty_like(pieces)
    pieces[at] = code + np.where(starts, 0, _LABELS)
    pieces[at[starts] - 1] = 2 * _LABELS + 2 * lexeme[starts] + ~firsts[starts]
    piece_vector[at] = vector
    piece_vector[at[starts] - 1] = vector[starts]
    table = _parts(vocabulary)
    bounds = np.searchsorted(piece_vector, np.arange(len(vectors) + 1)).tolist()
    pieces_list = pieces.tolist()
    return [_within_limit_literal("".join(map(table.__getitem__, pieces_list[a:b]))) or None
            for a, b in zip(bounds, bounds[1:])]


def _clamped_once(vocabulary: Vocabulary, ids: np.ndarray) -> np.ndarray:
    """A long field's words with, past the point where positions are clamped, only each word's
    first occurrence: the rest would repeat its entries at the same clamped position. Walked
    in chunks, so a whole text's words never make a temporary array of their own size."""
    widths = vocabulary.arrays()[0]
    seen = np.zeros(len(widths), bool)
    kept, before = [], 0
    for start in range(0, len(ids), CHUNK_WORDS):
        chunk = ids[start:start + CHUNK_WORDS]
        if before >= MAX_POSITION:
            clamped = chunk
        else:
            bases = before + np.cumsum(widths[chunk]) - widths[chunk]
            split = int(np.searchsorted(bases, MAX_POSITION - 1))
            kept.append(chunk[:split])
            clamped = chunk[split:]
        before += int(widths[chunk].sum())
        if len(clamped):
            words, first = np.unique(clamped, return_index=True)
            new = ~seen[words]
            seen[words] = True
            kept.append(clamped[np.sort(first[new])])
    return np.concatenate(kept) if kept else ids


def literals(vocabulary: Vocabulary, vectors: Iterable[Sequence[WordField]]) -> list[str | None]:
    """The `tsvector` literal of each vector (its fields' word ids and weights); None where
    there is nothing to search. Taken batch by batch: only a batch's word ids are held."""
    out: list[str | None] = []
    batch: list[Sequence[WordField]] = []
    words = 0
    for vector in vectors:
        if any(ids is not None and len(ids) > CHUNK_WORDS for ids, _ in vector):
            vector = [(ids if ids is None or len(ids) <= CHUNK_WORDS
                       else _clamped_once(vocabulary, ids), weight) for ids, weight in vector]
        batch.append(vector)
        words += sum(len(ids) for ids, _ in vector if ids is not None)
        if words >= BATCH_WORDS:
            out += _batch(vocabulary, batch)
            batch, words = [], 0
    return out + _batch(vocabulary, batch) if batch else out


def tsvectors(cut: TextCut, vectors: Sequence[tuple[Sequence[Field], int]]) -> list[str | None]:
    """The literal of each vector's weighted fields, pieces of the cut's text found from the
    given position on (any other text is cut on its own)."""
    return literals(cut.vocabulary, ([(cut.words_of(text, near) if text else None, weight)
                                      for text, weight in fields] for fields, near in vectors))


def tsvector(fields: Sequence[Field]) -> str | None:
    """The `tsvector` literal of these weighted fields; None when there is nothing to search."""
    return tsvectors(TextCut(""), [(fields, 0)])[0]


def _within_limit(parts: list[str]) -> list[str]:
    """The parts before the one that would take the vector past its size limit."""
    size = 0
    for n, part in enumerate(parts):
        size += len(part.encode()) + 1
        if size > MAX_VECTOR_BYTES:
            return parts[:n]
    return parts


def _within_limit_literal(literal: str) -> str:
    """The literal, or its parts before the one that would take it past the size limit."""
    if 4 * len(literal) < MAX_VECTOR_BYTES or len(literal.encode()) + 1 <= MAX_VECTOR_BYTES:
        return literal
    return " ".join(_within_limit(literal.split(" ")))
