"""Public feedback channels from the closing block (placeholder)."""
from __future__ import annotations

from ..model import Contact


def extract_contacts(text: str) -> list[Contact]:
    return []
