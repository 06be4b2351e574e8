"""File names as xunshi stores and prints them.

A name is stored as the path was given or found, so a changed file is recognised as a new
version of the same name. Two kinds of name need care:

- Bytes that are not UTF-8 (GBK names unzipped from Windows archives): Python reads them as
  lone surrogates, which PostgreSQL and a UTF-8 terminal refuse. They are stored with each such
  byte written `\\xNN`, so the name is kept whole and readable, and a file's stored name is the
  same at every load.
- Characters that move or end a line: a newline, a right-to-left override (U+202E), other
  control and format characters. They are stored as they are but printed escaped, so every
  file still takes one line of output and reads in its true order.
"""
from __future__ import annotations

import os
import unicodedata
from pathlib import Path

_HIDDEN = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})
"""Unicode categories printed as escapes: controls, format (bidi overrides, zero-width marks),
surrogates, line and paragraph separators."""


def stored_name(path: str | Path) -> str:
    """The name kept in the database: valid UTF-8, with undecodable bytes as `\\xNN`."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def printable(name: str) -> str:
    """`name` for one line of output: control, format and separator characters escaped."""
    return "".join(_escape(c) if unicodedata.category(c) in _HIDDEN else c for c in name)


def _escape(c: str) -> str:
    code = ord(c)
    if code < 0x100:
        return c.encode("unicode_escape").decode("ascii")  # \n, \t, \x1b
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"
