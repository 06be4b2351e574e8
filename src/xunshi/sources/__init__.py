"""Report files on disk: which files a path names, their bytes, and the report text in them.

A report's identity is the sha256 of its raw bytes, so the same file loaded twice (under any
name) is recognised before it is parsed again. Each format has a reader module here (text,
html, docx, pdf) that turns bytes into text; a reader is imported on first use because the PDF
and Word libraries take a while to load and most runs need one format only.
"""
from __future__ import annotations

import hashlib
import importlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import NamedTuple

READERS = {".txt": "text", ".html": "html", ".htm": "html", ".docx": "docx", ".pdf": "pdf"}
"""Reader module by suffix. Folders are searched for these; other files in them are skipped."""
SUFFIXES = tuple(READERS)

DEFAULT_MAX_SIZE = 20_000_000
"""Bytes. Reports are a few hundred KB even as PDFs; a larger file is most likely not one,
and every file is held in memory whole while it is read."""
MAX_SIZE_ENV = "XUNSHI_MAX_FILE_SIZE"


class SourceError(ValueError):
    """A file that cannot be read as a report's text; the message names the reason."""

    stage = "read"  # the load stage it fails: read, decode or extract


class DecodeError(SourceError):
    """Bytes that are text in no encoding xunshi recognises."""

    stage = "decode"


class ExtractError(SourceError):
    """A document whose report text cannot be got at: broken, no text layer, nothing but chrome."""

    stage = "extract"


@dataclass(frozen=True)
class Source:
    name: str  # the path as given to `load` (or found under a folder given to it)
    data: bytes

    @cached_property  # asked for at every step of a load; hashing 20 MB once is enough
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


class Extracted(NamedTuple):
    text: str
    encoding: str  # how the text was got: a codec for .txt (gb18030), else html/utf-8, docx, pdf


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


def read(path: Path, max_size: int = DEFAULT_MAX_SIZE) -> Source:
    """The file's bytes; refused before reading when its type is unknown or it is too large."""
    if path.suffix.lower() not in READERS and path.exists() and not path.is_dir():
        raise SourceError(f"unsupported file type {path.suffix.lower() or '(none)'!r}; "
                          f"expected {', '.join(SUFFIXES)}")
    try:
        if (size := path.stat().st_size) > max_size:
            raise SourceError(f"file is {format_size(size)}, over the {format_size(max_size)} "
                              "limit (--max-size)")
        data = path.read_bytes()
    except OSError as e:
        raise SourceError(e.strerror or str(e)) from e
    if not data:
        raise SourceError("empty file")
    return Source(str(path), data)


def extract(source: Source) -> Extracted:
    """The report's text, by the reader for the file's suffix."""
    suffix = Path(source.name).suffix.lower()
    if suffix not in READERS:
        raise ExtractError(f"unsupported file type {suffix or '(none)'!r}")
    reader = importlib.import_module(f"{__name__}.{READERS[suffix]}")
    extracted: Extracted = reader.extract(source.data)
    if not any(c.isalnum() for c in extracted.text):
        raise ExtractError("no text: only blanks, control characters or punctuation")
    return extracted


_SIZE = re.compile(r"(\d+(?:\.\d*)?)\s*(?:([kmg])(i?)b?|b)?", re.IGNORECASE)


def parse_size(value: str) -> int:
    """Bytes in `20MB`, `20 MB`, `1.5GB`, `512KiB` or `1048576`; K, M, G are powers of 1000."""
    m = _SIZE.fullmatch(value.strip())
    if m is None:
        raise ValueError(f"not a size: {value!r} (examples: 20MB, 512KB, 1048576)")
    number, unit, binary = m.groups()
    power = "kmg".index(unit.lower()) + 1 if unit else 0
    return int(float(number) * (1024 if binary else 1000) ** power)


def format_size(size: int) -> str:
    """`23.4 MB`, `20 MB`, `512 KB`, `900 bytes`."""
    for unit, scale in (("MB", 1e6), ("KB", 1e3)):
        if size >= scale:
            return f"{size / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{size} bytes"
