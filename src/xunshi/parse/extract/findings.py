"""Findings (problems), their categories and measures (placeholder)."""
from __future__ import annotations

from ..model import DocType, Finding


def extract_findings(text: str, doc_type: DocType | None) -> list[Finding]:
    return []
