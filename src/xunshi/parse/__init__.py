"""The pure parser: text in, typed document model out."""
from .model import PARSER_VERSION, Document, ParseError
from .parser import parse

__all__ = ["PARSER_VERSION", "Document", "ParseError", "parse"]
