"""Report files on disk: which files a path names, their bytes, and the report text in them.

A report's identity is the sha256 of its raw bytes, so the same file loaded twice (under any
name) is recognised before it is parsed again. Each format has a reader module here (text,
html, docx, pdf) that turns bytes into text; a reader is imported on first use because the PDF
and Word libraries take a while to load and most runs need one format only.
"""
from __future__ import annotations

import errno
import hashlib
import importlib
import os
import re
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import BinaryIO, NamedTuple

from .names import stored_name

READERS = {".txt": "text", ".html": "html", ".htm": "html", ".docx": "docx", ".pdf": "pdf"}
"""Reader module by suffix. Folders are searched for these; other files in them are skipped."""
SUFFIXES = tuple(READERS)

DEFAULT_MAX_SIZE = 20_000_000
"""Bytes read at most. Reports are a few hundred KB even as PDFs; a larger file is most likely
not one, and every file is held in memory whole while it is read."""
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
    name: str  # the path as given to `load` (or found under a folder), see names.stored_name
    data: bytes

    @cached_property  # asked for at every step of a load; hashing 20 MB once is enough
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


class Extracted(NamedTuple):
    text: str
    encoding: str  # how the text was got: a codec for .txt (gb18030), else html/utf-8, docx, pdf


class Skipped(NamedTuple):
    path: Path
    reason: str


@dataclass
class Scan:
    """What paths given to `load` name: report files, and the other files in their folders."""

    files: list[Path | Source] = field(default_factory=list)  # Source: stdin, read already
    skipped: list[Skipped] = field(default_factory=list)


def scan(paths: Iterable[str | Path]) -> Scan:
    """Files as given, folders searched recursively, in a stable order. In a folder, an entry
    with a report suffix is a report file even when it cannot be read (a FIFO, a dangling or
    looping symbolic link), so that reading it fails with its reason; other files are skipped.

    A path that does not exist is passed through, so that reading it fails with its reason.
    """
    found = Scan()
    for given in paths:
        path = Path(given)
        if not path.is_dir():
            found.files.append(path)
            continue
        for p in sorted(path.rglob("*")):
            if p.is_dir():
                continue
            if p.suffix.lower() in SUFFIXES:
                found.files.append(p)
            else:
                found.skipped.append(Skipped(p, _unsupported(p)))
    return found


def _unsupported(path: Path) -> str:
    return f"unsupported file type {path.suffix.lower() or '(none)'!r}; expected {', '.join(SUFFIXES)}"


_KINDS = ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a FIFO (named pipe)"),
          (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
          (stat.S_ISSOCK, "a socket"))


def read(path: Path, max_size: int = DEFAULT_MAX_SIZE) -> Source:
    """The file's bytes, at most `max_size` of them; refused before reading when its type is
    unknown or it is no regular file (a device or a FIFO would never end or never start)."""
    if path.suffix.lower() not in READERS and path.exists() and not path.is_dir():
        raise SourceError(_unsupported(path))
    try:
        # O_NONBLOCK: opening a FIFO waits for a writer otherwise; regular files ignore it
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as e:
        raise SourceError(_open_failure(path, e)) from e
    with os.fdopen(fd, "rb") as f:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            kind = next((name for test, name in _KINDS if test(st.st_mode)), "something else")
            raise SourceError(f"not a regular file but {kind}")
        if st.st_size > max_size:
            raise SourceError(_too_large(f"file is {format_size(st.st_size)},", max_size))
        try:
            data = f.read(max_size + 1)  # the limit holds for what is read, whatever stat said
        except OSError as e:
            raise SourceError(e.strerror or str(e)) from e
    return Source(stored_name(path), _limited(data, max_size))


STDIN = "-"
"""The path that names standard input, as for cat and sqlite-utils."""


def read_stream(stream: BinaryIO, name: str | None = None,
                max_size: int = DEFAULT_MAX_SIZE) -> Source:
    """A report piped in (`xunshi load -`), held to the same limit as a file. Its format is
    the suffix of `name`; without one it is text stored as `stdin-<first 16 hex digits of its
    SHA-256>.txt`, so that two different reports piped in never pass for versions of one."""
    data = _limited(stream.read(max_size + 1), max_size)
    return Source(name or f"stdin-{hashlib.sha256(data).hexdigest()[:16]}.txt", data)


def _limited(data: bytes, max_size: int) -> bytes:
    if len(data) > max_size:
        raise SourceError(_too_large("file is", max_size))
    if not data:
        raise SourceError("empty file")
    return data


def _too_large(what: str, max_size: int) -> str:
    return f"{what} over the {format_size(max_size)} limit (--max-size)"


def _open_failure(path: Path, e: OSError) -> str:
    if e.errno == errno.ELOOP:
        return "symbolic link loop"
    if e.errno == errno.ENOENT and path.is_symlink():
        return f"dangling symbolic link (to {stored_name(os.readlink(path))})"
    return e.strerror or str(e)


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
