"""Inspection rounds and their targets (placeholder until the extractor lands)."""
from __future__ import annotations

from ..model import Inspection


def extract_inspections(text: str) -> list[Inspection]:
    return []
