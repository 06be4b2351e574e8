"""The tsvector literal is built by xunshi: the server must read it back as meant."""
from __future__ import annotations

from sqlalchemy import Engine, text

from xunshi.search import vectors
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
