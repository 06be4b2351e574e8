"""The report's jurisdiction and its GB/T 2260 code (placeholder)."""
from __future__ import annotations

from dataclasses import dataclass

from ..model import Contact, Span


@dataclass
class Place:
    name: str  # as precise as the text allows: 娄底市, 长沙市天心区
    code: str  # six-digit GB/T 2260 code
    span: Span  # the evidence


def resolve_jurisdiction(text: str, issuer: str | None, contacts: list[Contact]) -> Place | None:
    return None
