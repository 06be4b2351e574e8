"""Document type and headline title (placeholder)."""
from __future__ import annotations

from ..model import DocType, Span


def classify(text: str) -> DocType | None:
    return None


def extract_title(text: str) -> tuple[str, Span] | None:
    return None
