"""The issuer and signature date from the closing lines or a byline (placeholder)."""
from __future__ import annotations

from dataclasses import dataclass

from ..model import PartialDate, Span


@dataclass
class Signature:
    issuer: str | None = None
    issuer_span: Span | None = None
    published_on: PartialDate | None = None
    published_span: Span | None = None


def extract_signature(text: str) -> Signature:
    return Signature()
