"""The pure parser: text in, typed document model out."""
from .extract.document import is_inspection_report
from .model import PARSER_VERSION, Document, ParseError
from .parser import parse

__all__ = ["PARSER_VERSION", "Document", "ParseError", "is_inspection_report", "parse"]
