"""The document model turned into table rows (plain dicts): pure, so it is tested without a db.

Ids that only the database knows (report, organization, round, parent finding) are added by
`write.py` as it inserts.
"""
from __future__ import annotations

from typing import Any

from ..parse.model import Clue, Contact, Document, Finding, Inspection, PartialDate, Span
from ..search.vectors import tsvector
from ..sources import Source
from .identity import organization_key

Row = dict[str, Any]


def span(s: Span) -> Row:
    return {"span_start": s.start, "span_end": s.end}


def partial_date(prefix: str, d: PartialDate | None) -> Row:
    """`2015-11` → (2015-11-01, 'month'): a date column plus how much of it the text gave."""
    return {
        f"{prefix}_on": d.as_date() if d else None,
        f"{prefix}_precision": d.precision if d else None,
    }


def report(source: Source, raw_text: str, encoding: str, doc: Document) -> Row:
    return {
        "source_name": source.name,
        "sha256": source.sha256,
        "encoding": encoding,
        "raw_text": raw_text,
        **report_fields(doc),
    }


def report_fields(doc: Document) -> Row:
    """What a parse says about the report as a whole (re-parsing rewrites exactly these)."""
    return {
        "text": doc.text,
        "title": doc.title,
        "doc_type": doc.doc_type,
        "issuer": doc.issuer,
        **partial_date("published", doc.published_on),
        "jurisdiction": doc.jurisdiction,
        "jurisdiction_code": doc.jurisdiction_code,
        "spans": {field: [s.start, s.end] for field, s in doc.spans.items()},
        "parser_version": doc.parser_version,
        "search_vector": tsvector([(doc.title, "A"), (doc.text, "D")]),
    }


def organization(i: Inspection, doc: Document) -> Row:
    """The inspected unit, identified by its name key within the report's jurisdiction."""
    return {"jurisdiction": doc.jurisdiction,
            "name_key": organization_key(i.target, doc.jurisdiction), "name": i.target}


def inspection_round(i: Inspection, doc: Document) -> Row | None:
    """The round the visit belongs to; None when the report says nothing about it."""
    key = {"authority": i.authority, "mode": i.mode, "term": i.term,
           "round_no": i.round_no, "batch_no": i.batch_no}
    if all(v is None for v in key.values()):
        return None
    # 中央's rounds are national: the same round visits every province.
    return {**key, "jurisdiction": None if i.authority == "中央" else doc.jurisdiction}


def inspection(i: Inspection, position: int) -> Row:
    return {
        "target": i.target,
        "group_name": i.group_name,
        "kind": i.kind,
        **partial_date("started", i.started_on),
        **partial_date("ended", i.ended_on),
        **partial_date("feedback", i.feedback_on),
        "position": position,
        **span(i.span),
    }


def finding(f: Finding, position: int) -> Row:
    return {
        "category": f.category,
        "seq": f.seq,
        "seq_inferred": f.seq_inferred,
        "title": f.title,
        "description": f.description,
        "recommendation": f.recommendation,
        "status": f.status,
        "enumerated": f.enumerated,
        "position": position,
        **span(f.span),
        "search_vector": tsvector([(f.title, "A"), (f.description, "B"),
                                   (f.recommendation, "C")]),
    }


def measures(f: Finding) -> list[Row]:
    return [{"seq": m.seq, "text": m.text, **span(m.span),
             "search_vector": tsvector([(m.text, "A")])} for m in f.measures]


def clue(c: Clue, position: int) -> Row:
    return {"kind": c.kind, "disposition": c.disposition, "count": c.count, "total": c.total,
            "persons": c.persons, "position": position, **span(c.span)}


def contact(c: Contact, position: int) -> Row:
    return {"kind": c.kind, "value": c.value, "raw": c.raw, "position": position, **span(c.span)}
