"""Word files: the body in order, one paragraph a line; headers and footers left out."""
from __future__ import annotations

import io
import struct

import docx
import pytest

from tests.sources.fixtures import Seed, docx_bytes, seeds
from tests.sources.helpers import same_parse
from xunshi import sources


def word(data: bytes) -> sources.Extracted:
    return sources.extract(sources.Source("report.docx", data))


@pytest.mark.parametrize("seed", seeds(), ids=lambda s: s.name)
def test_every_seed_parses_as_its_text(seed: Seed) -> None:
    text, how = word(docx_bytes(seed))
    assert (text, how) == (seed.text, "docx")
    assert same_parse(text, seed.text)


def test_tables_are_read_cell_by_cell_and_merged_cells_once() -> None:
    document = docx.Document()
    document.add_paragraph("整改情况一览")
    table = document.add_table(rows=3, cols=2)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "问题"
    table.cell(1, 0).merge(table.cell(2, 0)).text = "落实不力"
    table.cell(1, 1).text = "已整改"
    table.cell(2, 1).text = "长期坚持"
    document.add_paragraph("联系电话：0738-8328187")
    out = io.BytesIO()
    document.save(out)
    assert word(out.getvalue()).text == "整改情况一览\n问题\n落实不力\n已整改\n长期坚持\n联系电话：0738-8328187"


@pytest.mark.parametrize("data", [b"PK\x03\x04 truncated", "巡察报告".encode("gbk"),
                                  b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 an old .doc"])
def test_a_file_that_is_no_docx_says_so(data: bytes) -> None:
    with pytest.raises(sources.ExtractError, match=r"^not a readable Word \.docx file") as e:
        word(data)
    assert e.value.stage == "extract"


@pytest.mark.parametrize(("field", "value", "why"), [
    (6, 222, "zip file version 22.2"),  # "version needed to extract": a zip newer than Python's
    (8, 1, "is encrypted"),
    (10, 99, "compression method is not supported"),
], ids=["zip-version", "encrypted", "compression"])
def test_a_zip_python_cannot_open_is_a_clear_error(field: int, value: int, why: str) -> None:
    data = bytearray(docx_bytes(seeds()[0]))
    at = 0
    while (at := data.find(b"PK\x01\x02", at)) >= 0:  # every entry of the central directory
        data[at + field: at + field + 2] = struct.pack("<H", value)
        at += 4
    with pytest.raises(sources.ExtractError) as e:
        word(bytes(data))
    assert str(e.value).startswith("not a readable Word .docx file: its zip archive is damaged, "
                                   "encrypted or made by a zip feature Python lacks (")
    assert why in str(e.value)
