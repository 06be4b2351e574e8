"""`xunshi parse --json`: the model as plain data."""
from __future__ import annotations

import json

from xunshi.parse.model import Document, Inspection, PartialDate, Span
from xunshi.plain import plain


def test_spans_are_pairs_and_dates_iso_strings_as_precise_as_the_text() -> None:
    doc = Document(text="市委政法委", published_on=PartialDate(2015, 11, 3), spans={"title": Span(0, 2)},
                   inspections=[Inspection(target="市委政法委", span=Span(0, 5),
                                           feedback_on=PartialDate(2015, 11))])
    data = json.loads(json.dumps(plain(doc), ensure_ascii=False))
    assert data["published_on"] == "2015-11-03"
    assert data["spans"] == {"title": [0, 2]}
    [insp] = data["inspections"]
    assert (insp["span"], insp["feedback_on"], insp["started_on"]) == ([0, 5], "2015-11", None)
