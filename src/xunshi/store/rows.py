"""The document model turned into table rows (plain dicts): pure, so it is tested without a db.

`report_rows` does all the CPU work of storing a report (search words included), so it runs
in the worker process that parsed it; the result is plain data the writer copies into the
tables. Ids that only the database knows (report, organization, round, parent finding) are
added by `write.py`.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..parse.model import Clue, Contact, DocType, Document, Figure, Finding, Inspection, PartialDate, Span
from ..search.cut import TextCut
from ..search.vectors import Field, tsvectors
from ..vocab.status import status_code
from ..vocab.themes import classify as theme_of
from ..vocab.places import LEVEL_NAMES, PLACE_COLUMNS, authority_place, division, hierarchy, unit_place
from ..vocab.units import unit_kind, unit_level
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


FILE_FIELDS = ("source_name", "sha256", "encoding", "raw_text")
"""The columns of `reports` that come from the file; the rest come from parsing its text."""


def report(name: str, sha256: str, raw_text: str, encoding: str, doc: Document,
           cut: TextCut | None = None) -> Row:
    return {**dict(zip(FILE_FIELDS, (name, sha256, encoding, raw_text))),
            **report_fields(doc, cut)}


def report_fields(doc: Document, cut: TextCut | None = None) -> Row:
    """What a parse says about the report as a whole (re-parsing rewrites exactly these);
    `cut`: the text's words, when the caller has cut it already."""
    return {
        "text": doc.text,
        "title": doc.title,
        "doc_type": doc.doc_type,
        "issuer": doc.issuer,
        **partial_date("published", doc.published_on),
        "jurisdiction": doc.jurisdiction,
        "jurisdiction_code": doc.jurisdiction_code,
        **hierarchy(division(doc.jurisdiction_code)),
        "spans": {field: [s.start, s.end] for field, s in doc.spans.items()},
        "parser_version": doc.parser_version,
        "search_vector": tsvectors(cut or TextCut(doc.text),
                                   [([(doc.title, "A"), (doc.text, "D")], 0)])[0],
    }


ORGANIZATION_FACTS = ("kind", "level", *PLACE_COLUMNS)
"""What `organization` derives for a unit beside its key: rewritten whenever a report names it."""


def organization(i: Inspection, doc: Document) -> Row:
    """The inspected unit, identified by its name key within its own place: the report's
    jurisdiction unless the name gives a more precise one (vocab/places.py)."""
    place, local = unit_place(i.target, division(doc.jurisdiction_code))
    jurisdiction = place.display if place else doc.jurisdiction
    return {"jurisdiction": jurisdiction, "name_key": organization_key(local, jurisdiction),
            "name": i.target, "kind": unit_kind(local, i.authority),
            "level": unit_level(local, i.authority, place.name if place else None,
                                LEVEL_NAMES[place.level] if place else None),
            **hierarchy(place)}


def inspection_round(i: Inspection, doc: Document) -> Row | None:
    """The round the visit belongs to; None when the report says nothing about it."""
    key = {"authority": i.authority, "mode": i.mode, "term": i.term,
           "round_no": i.round_no, "batch_no": i.batch_no}
    if all(v is None for v in key.values()):
        return None
    # A round is its committee's, wherever the report comes from (省委's rounds are the
    # province's, in a county's report too); 中央's are national: one round visits every province.
    place = authority_place(i.authority, division(doc.jurisdiction_code))
    jurisdiction = place.display if place else None if i.authority == "中央" else doc.jurisdiction
    return {**key, "jurisdiction": jurisdiction}


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


def finding(f: Finding, position: int, doc_type: DocType | None = None,
            parent_theme: str | None = None) -> Row:
    """A finding's row, with its theme and status code (`parent_theme`: a sub-problem's
    parent's theme, which it falls back to)."""
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
        "theme": theme_of(f.category, f.title, f.description, f.recommendation, parent_theme),
        "status_code": status_code(f.status, doc_type,
                                   f.measures[-1].text if f.measures else f.description),
    }


def measures(f: Finding) -> list[Row]:
    return [{"seq": m.seq, "text": m.text, **span(m.span)} for m in f.measures]


def finding_fields(f: Finding) -> list[Field]:
    """What a finding's search words are made of, by weight."""
    return [(f.title, "A"), (f.description, "B"), (f.recommendation, "C")]


def _add_search_vectors(cut: TextCut, findings: list[tuple[Finding, Row]],
                        measure_rows: list[tuple[Finding, Row]]) -> None:
    """Every finding's and measure's `search_vector`, their words taken from the report's one
    cut and their literals built together."""
    vectors = [(finding_fields(f), f.span.start) for f, _ in findings]
    vectors += [([(m["text"], "A")], m["span_start"]) for _, m in measure_rows]
    rows = [r for _, r in findings] + [m for _, m in measure_rows]
    for row, literal in zip(rows, tsvectors(cut, vectors)):
        row["search_vector"] = literal


def clue(c: Clue, position: int) -> Row:
    return {"kind": c.kind, "disposition": c.disposition, "count": c.count, "total": c.total,
            "persons": c.persons, "position": position, **span(c.span)}


def contact(c: Contact, position: int) -> Row:
    return {"kind": c.kind, "value": c.value, "raw": c.raw, "position": position, **span(c.span)}


def figure(f: Figure, position: int) -> Row:
    return {"metric": f.metric, "value": f.value, "approximate": f.approximate, "text": f.text,
            "counted": f.counted, "position": position, **span(f.span)}


def _holder(rows: list[Row], s: Span) -> int | None:
    """Index of the tightest row whose span holds `s` (a sub-problem rather than its parent)."""
    holding = [(r["span_end"] - r["span_start"], n) for n, r in enumerate(rows)
               if r["span_start"] <= s.start and s.end <= r["span_end"]]
    return min(holding)[1] if holding else None


@dataclass
class ReportRows:
    """One parsed report as rows for every table, in document order."""

    report: Row
    inspections: list[Row]
    organizations: list[Row]  # the unit of each inspection, by position
    rounds: list[Row | None]  # the round of each inspection, None when the text names none
    findings: list[Row]  # parents each followed by their children (`position` order)
    parents: list[int | None]  # index in `findings` of each finding's parent
    measures: list[tuple[int, Row]]  # (index in `findings` of its finding, measure)
    clues: list[Row]
    contacts: list[Row]
    figures: list[Row]
    # per figure: (index in `findings`, index in `measures`, index in `figures` of its total)
    figure_links: list[tuple[int | None, int | None, int | None]]

    @property
    def sha256(self) -> str:
        return self.report["sha256"]

    @property
    def source_name(self) -> str:
        return self.report["source_name"]


def report_rows(name: str, sha256: str, raw_text: str, encoding: str,
                doc: Document) -> ReportRows:
    """`name` and `sha256` identify the file the report came from."""
    found: list[Row] = []
    parents: list[int | None] = []
    measure_rows: list[tuple[int, Row]] = []
    searched: list[tuple[Finding, Row]] = []
    searched_measures: list[tuple[Finding, Row]] = []
    for f in doc.findings:
        parent = len(found)
        for item, up in ((f, None), *((c, parent) for c in f.children)):
            item_measures = measures(item)
            measure_rows += [(len(found), m) for m in item_measures]
            searched_measures += [(item, m) for m in item_measures]
            parent_theme = None if up is None else found[up]["theme"]
            found.append(finding(item, len(found), doc.doc_type, parent_theme))
            searched.append((item, found[-1]))
            parents.append(up)
    cut = TextCut(doc.text)
    _add_search_vectors(cut, searched, searched_measures)
    links = []
    for f in doc.figures:
        in_measure = _holder([m for _, m in measure_rows], f.span)
        in_finding = (measure_rows[in_measure][0] if in_measure is not None
                      else _holder(found, f.span))
        links.append((in_finding, in_measure, f.part_of))
    return ReportRows(
        report=report(name, sha256, raw_text, encoding, doc, cut),
        inspections=[inspection(i, n) for n, i in enumerate(doc.inspections)],
        organizations=[organization(i, doc) for i in doc.inspections],
        rounds=[inspection_round(i, doc) for i in doc.inspections],
        findings=found,
        parents=parents,
        measures=measure_rows,
        clues=[clue(c, n) for n, c in enumerate(doc.clues)],
        contacts=[contact(c, n) for n, c in enumerate(doc.contacts)],
        figures=[figure(f, n) for n, f in enumerate(doc.figures)],
        figure_links=links,
    )
