"""Word (.docx) files: the body's paragraphs and table cells in order, one paragraph a line.

Headers, footers and footnotes live in other parts of the file and are left out, which drops
running headers and page numbers for free.
"""
from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterator

import docx
from docx.document import Document
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from lxml.etree import XMLSyntaxError

from . import ExtractError, Extracted

_MAX_UNPACKED = 250_000_000
"""Bytes the zip may expand to: reports are text, a zip bomb is not."""


def extract(data: bytes) -> Extracted:
    try:
        unpacked = sum(info.file_size for info in zipfile.ZipFile(io.BytesIO(data)).infolist())
        if unpacked > _MAX_UNPACKED:
            raise ExtractError(f"a .docx that unpacks to {unpacked:,} bytes is no report")
        return Extracted("\n".join(_lines(docx.Document(io.BytesIO(data)))), "docx")
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, XMLSyntaxError) as e:
        raise ExtractError(f"not a readable Word .docx file ({e}); an old .doc must be saved "
                           "as .docx first") from e
    except (NotImplementedError, RuntimeError, zlib.error, EOFError) as e:
        # zipfile: a newer zip version, another compression method, encryption, a cut stream
        raise ExtractError(f"not a readable Word .docx file: its zip archive is damaged, "
                           f"encrypted or made by a zip feature Python lacks ({e})") from e


def _lines(container: Document | _Cell) -> Iterator[str]:
    for block in container.iter_inner_content():
        if isinstance(block, Paragraph):
            yield block.text
        elif isinstance(block, Table):
            yield from _table_lines(block)


def _table_lines(table: Table) -> Iterator[str]:
    """Each cell once, row by row: python-docx repeats a merged cell for every grid cell it
    covers, and only its XML element (`_tc`, no public name) tells the copies apart."""
    seen = set()
    for row in table.rows:
        for cell in row.cells:
            if cell._tc not in seen:
                seen.add(cell._tc)
                yield from _lines(cell)
