"""A report's text is cut once and its findings and measures take their words from that cut:
the literals must be those of cutting each field on its own, word for word."""
from __future__ import annotations

import random
from collections.abc import Sequence

import pytest

from tests.conftest import SEEDS
from xunshi.parse import parse
from xunshi.search import vectors
from xunshi.search.cut import TextCut
from xunshi.search.segment import search_words
from xunshi.search.vectors import Field, tsvector, tsvectors
from xunshi.store.rows import report_rows

TEXTS = sorted(SEEDS.glob("*.txt"))


def reference(fields: Sequence[Field]) -> str | None:
    """The literal as built before the one cut: each field cut alone, word by word."""
    slots: dict[str, list[str]] = {}
    offset = 0
    for text, weight in fields:
        if not text:
            continue
        words = search_words(text)
        for w in words:
            label = f"{min(offset + w.position, vectors.MAX_POSITION)}{weight}"
            entries = slots.setdefault(w.text, [])
            if entries[-1:] != [label] and len(entries) < vectors.MAX_POSITIONS_PER_WORD:
                entries.append(label)
        offset += (words[-1].position if words else 0) + vectors.FIELD_GAP
    parts = ["'" + word.replace("\\", "\\\\").replace("'", "''") + "':" + ",".join(entries)
             for word, entries in slots.items() if len(word.encode()) <= vectors.MAX_WORD_BYTES]
    literal = " ".join(parts)
    while len(literal.encode()) + 1 > vectors.MAX_VECTOR_BYTES:
        parts.pop()
        literal = " ".join(parts)
    return literal or None


@pytest.mark.parametrize("path", TEXTS, ids=[p.name for p in TEXTS])
def test_every_vector_of_a_report_is_as_if_each_field_were_cut_alone(path) -> None:
    text = path.read_text("utf-8")
    doc = parse(text)
    rows = report_rows(path.name, "0" * 64, text, "utf-8", doc)
    assert rows.report["search_vector"] == reference([(doc.title, "A"), (doc.text, "D")])
    found = doc.all_findings()
    assert [f["search_vector"] for f in rows.findings] == [
        reference([(f.title, "A"), (f.description, "B"), (f.recommendation, "C")]) for f in found]
    assert [m["search_vector"] for _, m in rows.measures] == [
        reference([(m.text, "A")]) for f in found for m in f.measures]


def test_any_piece_of_the_text_gets_the_words_of_cutting_it_alone() -> None:
    """Pieces that start or end inside a run of letters, digits or Han characters (1.党的…,
    0738-8328187) are cut at their ends on their own."""
    text = "\n".join(p.read_text("utf-8") for p in TEXTS[:2])
    text += "\n1.党的领导弱化，电话0738-8328187。A.B+C#D。\r\n末尾"
    cut = TextCut(parse(text).text)
    normalized = cut.text
    picks = random.Random(14)
    pieces = [(a, a + picks.randint(1, 60)) for a in
              (picks.randrange(len(normalized) - 61) for _ in range(300))]
    pieces += [(len(normalized) - 40, len(normalized)), (0, 30)]
    got = tsvectors(cut, [([(normalized[a:b], "B")], a) for a, b in pieces])
    assert got == [reference([(normalized[a:b], "B")]) for a, b in pieces]


def test_a_text_past_the_last_position_keeps_each_word_once_at_it() -> None:
    # past 16,383 positions, and long enough to be walked in chunks
    body = "\n".join(p.read_text("utf-8") for p in TEXTS) * 6
    fields = [("巡察整改", "A"), (body, "D"), ("形式主义", "C")]
    assert tsvectors(TextCut(body), [(fields, 0)]) == [reference(fields)]


def test_a_field_alone_is_as_before() -> None:
    fields: list[Field] = [("扫黑除恶 it's", "A"), (None, "B"), ("。,", "C"), ("扫黑", "D")]
    assert tsvector(fields) == reference(fields)
