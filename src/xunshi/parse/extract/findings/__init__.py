"""Findings: the problems a report lists, with their category, seq, title and measures.

Two shapes of report carry them: rectification reports answer the inspectors point by point
in an outline (outlined.py), feedback announcements write them inline into news prose
(inline.py). Both clean titles the same way (titles.py).
"""
from __future__ import annotations

from ...model import DocType, Finding
from .inline import inline_findings
from .outlined import outline_findings


def extract_findings(text: str, doc_type: DocType | None) -> list[Finding]:
    """Findings in document order; feedback announcements are read inline first."""
    if doc_type == "feedback":
        return inline_findings(text) or outline_findings(text)
    found = outline_findings(text)
    if not found and doc_type is None:
        found = inline_findings(text)
    return found
