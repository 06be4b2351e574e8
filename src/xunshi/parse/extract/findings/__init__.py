"""Findings: the problems a report lists, with their category, seq, title and measures.

Two shapes of report carry them: rectification reports answer the inspectors point by point
in an outline (outlined.py), feedback announcements write them inline into news prose (leads.py
knows what opens a list, inline.py finds the lists, clauses.py cuts them into items), often as
a series in one clause or quoted (named.py). All clean titles the same way (titles.py).
"""
from __future__ import annotations

from ...model import DocType, Finding
from .inline import inline_findings
from .outlined import outline_findings


def extract_findings(text: str, doc_type: DocType | None) -> list[Finding]:
    """Findings in document order; feedback announcements are read inline first.

    A rectification report without an outline of answers (a news item on its progress, an
    opening cut off before the answers) may still name the problems it answered in one series
    (针对反馈的“A”“B”等问题) or list them in its opening (指出了存在的主要问题:一是…); its
    lists of measures are none of them.
    """
    if doc_type == "feedback":
        return inline_findings(text) or outline_findings(text)
    found = outline_findings(text)
    if not found:
        found = inline_findings(text, answering=doc_type is not None)
    return found
