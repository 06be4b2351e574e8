"""Report files on disk: which files a path names, and their bytes turned into text.

A report's identity is the sha256 of its raw bytes, so the same file loaded twice (under any
name) is recognised before it is parsed again.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

SUFFIXES = (".txt",)
"""Formats `load` reads for now; folders are searched for these, other files are skipped."""

UTF8_BOM = b"\xef\xbb\xbf"


class SourceError(ValueError):
    """A file that cannot be read as a report's text; the message names the reason."""


@dataclass(frozen=True)
class Source:
    name: str  # the path as given to `load` (or found under a folder given to it)
    data: bytes

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def report_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files as given, folders searched recursively for report files, in a stable order.

    A path that does not exist is passed through, so that reading it fails with its reason.
    """
    for given in paths:
        path = Path(given)
        if path.is_dir():
            yield from sorted(
                p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES and p.is_file()
            )
        else:
            yield path


def read(path: Path) -> Source:
    if path.exists() and not path.is_dir() and path.suffix.lower() not in SUFFIXES:
        raise SourceError(f"unsupported file type {path.suffix or '(none)'!r}; expected .txt")
    try:
        return Source(str(path), path.read_bytes())
    except OSError as e:
        raise SourceError(e.strerror or str(e)) from e


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding): UTF-8, with or without a byte-order mark."""
    encoding = "utf-8-sig" if data.startswith(UTF8_BOM) else "utf-8"
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError as e:
        raise SourceError(
            f"not UTF-8 text: invalid byte 0x{data[e.start]:02x} at offset {e.start}"
        ) from e
