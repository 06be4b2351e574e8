"""The tsvector literal is built by xunshi: the server must read it back as meant."""
from __future__ import annotations

from sqlalchemy import Engine, text

from tests.conftest import SEEDS
from xunshi.search import vectors
from xunshi.search.segment import search_words
from xunshi.search.vectors import tsvector


def _server(engine: Engine, literal: str) -> str:
    with engine.connect() as conn:
        return conn.execute(text("SELECT CAST(:v AS tsvector)::text"), {"v": literal}).scalar_one()


def test_fields_are_weighted_and_kept_apart() -> None:
    literal = tsvector([("扫黑除恶", "A"), (None, "B"), ("扫黑", "C")])
    assert literal == f"'扫黑':1A,{2 + vectors.FIELD_GAP + 1}C '除恶':2A"


def test_nothing_to_search_is_none() -> None:
    assert tsvector([("。,!", "A"), ("", "B")]) is None


def test_quotes_and_backslashes_survive_the_server(engine: Engine) -> None:
    literal = tsvector([("it's a back\\slash", "A")])
    assert _server(engine, literal) == "'a':3A 'back':4A 'it':1A 's':2A 'slash':5A"


def test_huge_text_stays_under_the_tsvector_limit(engine: Engine) -> None:
    # distinct words (numbers) far beyond 1 MB of lexemes: the start is indexed, no error
    literal = tsvector([(" ".join(str(n) for n in range(300_000)), "D")])
    assert len(literal.encode()) <= vectors.MAX_VECTOR_BYTES
    assert _server(engine, literal).startswith("'0':1")


def _entries(literal: str) -> list[tuple[str, list[str]]]:
    return [(word.strip("'"), entries.split(","))
            for word, entries in (part.rsplit(":", 1) for part in literal.split(" "))]


def test_a_vector_holds_each_search_word_at_its_positions() -> None:
    # the literal is built per distinct word for speed; it must say what search_words says
    body = sorted(SEEDS.glob("*.txt"))[0].read_text("utf-8")
    expected: dict[str, list[str]] = {}
    offset = 0
    for field, weight in (("关于巡察反馈意见整改进展情况的通报", "A"), (body, "D")):
        words = search_words(field)
        for w in words:
            slots = expected.setdefault(w.text, [])
            entry = f"{offset + w.position}{weight}"
            if slots[-1:] != [entry] and len(slots) < vectors.MAX_POSITIONS_PER_WORD:
                slots.append(entry)
        offset += words[-1].position + vectors.FIELD_GAP
    literal = tsvector([("关于巡察反馈意见整改进展情况的通报", "A"), (body, "D")])
    assert _entries(literal) == list(expected.items())
