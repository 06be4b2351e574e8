"""Whole-parser properties: any text gives a model or a ParseError, and every span is real."""
from __future__ import annotations

import pathlib

import pytest
from hypothesis import given, settings, strategies as st

from xunshi.parse import Document, ParseError, parse
from xunshi.parse.model import Span

REPORTS = sorted((pathlib.Path(__file__).parents[2] / "examples" / "reports").glob("*.txt"))

# Text built from the characters and markers reports are made of, so the extractors fire.
_REPORT_ALPHABET = st.sampled_from(list(
    "一二三四五六七八九十()、。,;:“”-\n0123456789年月日至是关于问题整改情况巡视察组市县委反馈电话邮编件线索")
)


def spans_of(doc: Document) -> list[tuple[Span, str | None]]:
    """Every span in the model with the verbatim value it must contain (None: not verbatim)."""
    out: list[tuple[Span, str | None]] = [(s, None) for s in doc.spans.values()]
    out += [(i.span, None) for i in doc.inspections]
    for f in doc.all_findings():
        out.append((f.span, None))
        out += [(m.span, m.text) for m in f.measures]
    out += [(c.span, None) for c in doc.clues]
    out += [(c.span, c.raw) for c in doc.contacts]
    out += [(f.span, f.text) for f in doc.figures]
    return out


def assert_spans_valid(doc: Document) -> None:
    for span, value in spans_of(doc):
        assert 0 <= span.start <= span.end <= len(doc.text), span
        if value is not None:
            assert value in span.of(doc.text), (value, span.of(doc.text))


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), st.text(_REPORT_ALPHABET, max_size=400)))
def test_any_text_gives_a_model_or_a_parse_error(raw: str) -> None:
    try:
        doc = parse(raw)
    except ParseError:
        return
    assert_spans_valid(doc)


@pytest.mark.parametrize("path", REPORTS, ids=lambda p: p.name)
def test_seed_spans_point_at_their_values(path: pathlib.Path) -> None:
    doc = parse(path.read_text(encoding="utf-8"))
    assert_spans_valid(doc)
    for f in doc.all_findings():
        assert f.span.start < f.span.end


def test_empty_text_is_a_parse_error() -> None:
    with pytest.raises(ParseError):
        parse(" \n\u3000\n")
