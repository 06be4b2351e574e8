"""The pure parser: text in, typed document model out.

The parser itself is imported on first use: commands that only need the model or the text
normalization (`xunshi search`, `--help`) start without it.
"""
from typing import TYPE_CHECKING, Any

from .model import PARSER_VERSION, Document, ParseError

if TYPE_CHECKING:
    from .extract.document import is_inspection_report
    from .parser import parse

__all__ = ["PARSER_VERSION", "Document", "ParseError", "is_inspection_report", "parse"]

_LAZY = {"parse": ".parser", "is_inspection_report": ".extract.document"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from importlib import import_module

        value = getattr(import_module(_LAZY[name], __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
