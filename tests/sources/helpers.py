"""What "the same parse" means across formats."""
from __future__ import annotations

from typing import Any

from xunshi.parse import parse
from xunshi.plain import plain


def extracted_values(text: str) -> Any:
    """Everything the parser extracts from a text, without where: the document model less its
    spans and normalized text. A PDF headline wrapped over two lines parses to the same values
    at offsets one newline apart."""
    def strip(obj: Any) -> Any:
        if isinstance(obj, dict):
            return {k: strip(v) for k, v in obj.items() if k not in ("span", "spans", "text")}
        if isinstance(obj, list):
            return [strip(v) for v in obj]
        return obj

    return strip(plain(parse(text)))


def same_parse(text: str, expected: str) -> bool:
    """The whole document model equal, spans and normalized text included."""
    return plain(parse(text)) == plain(parse(expected))
