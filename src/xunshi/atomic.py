"""Files that appear whole or not at all: written under a temporary name, renamed when done.

An export or a generated document interrupted half-way (Ctrl-C, a full disk, a lost database
connection) must not leave a truncated file that looks complete; the previous version, if any,
stays in place until the new one is finished.
"""
from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO


@contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """A hidden temporary path beside `path` for a writer that opens files itself (SQLite),
    renamed over `path` once the block ends without error, its data flushed to disk first.

    The temporary name starts with a dot and ends with `.part`, so globs like `*.csv` never see
    it; it is opened with the process umask, unlike mkstemp's owner-only files.
    """
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:12]}.part")
    try:
        yield tmp
        with open(tmp, "rb") as f:
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


@contextmanager
def atomic_file(path: Path) -> Iterator[BinaryIO]:
    """Write `path` through a new file at an atomic_path."""
    with atomic_path(path) as tmp, open(tmp, "xb") as f:
        yield f
        f.flush()
