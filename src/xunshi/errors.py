"""How an error is told to a user: one line, the cause rather than the machinery around it."""
from __future__ import annotations

from .parse import ParseError
from .sources import SourceError


class XunshiError(Exception):
    """An error whose message is already written for the user."""


def one_line(e: BaseException) -> str:
    """Our own errors as they are; others with their type. For a database error that is the
    server's message, without SQLAlchemy's dump of the statement and parameters."""
    if isinstance(e, (SourceError, ParseError, XunshiError)):
        return str(e)
    cause = getattr(e, "orig", None) or e
    lines = str(cause).strip().splitlines()
    return f"{type(cause).__name__}: {lines[0]}" if lines else type(cause).__name__
