"""`parse()`: raw report text in, `Document` out. Pure: no database, no files."""
from __future__ import annotations

from .extract.clues import extract_clues
from .extract.contacts import extract_contacts
from .extract.document import classify, extract_title
from .extract.figures import extract_figures
from .extract.findings import extract_findings
from .extract.inspections import extract_inspections
from .extract.places import resolve_jurisdiction
from .extract.signature import extract_signature
from .model import Document, ParseError
from .normalize import normalize


def parse(raw: str) -> Document:
    """Parse one report. Raises `ParseError` only when nothing of a report's text remains."""
    text = normalize(raw)
    if not text.strip():
        raise ParseError("no text left after normalization")
    title = extract_title(text)
    doc = Document(text=text, doc_type=classify(text, title[0] if title else None))
    if title:
        doc.title, doc.spans["title"] = title
    sig = extract_signature(text)
    doc.issuer, doc.published_on = sig.issuer, sig.published_on
    if sig.issuer_span:
        doc.spans["issuer"] = sig.issuer_span
    if sig.published_span:
        doc.spans["published_on"] = sig.published_span
    doc.inspections = extract_inspections(text, sig)
    doc.findings = extract_findings(text, doc.doc_type)
    doc.clues = extract_clues(text)
    doc.contacts = extract_contacts(text)
    doc.figures = extract_figures(text)
    place = resolve_jurisdiction(text, doc.issuer, doc.contacts, doc.inspections)
    if place:
        doc.jurisdiction, doc.jurisdiction_code = place.name, place.code
        doc.spans["jurisdiction"] = place.span
    return doc
