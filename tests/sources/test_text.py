"""Plain text in the encodings Chinese reports come in: the same text, hence the same parse,
as the UTF-8 file, and the encoding recorded."""
from __future__ import annotations

import pytest

from tests.sources.fixtures import ENCODINGS, Seed, big5, seeds, traditional
from tests.sources.helpers import same_parse
from xunshi import sources

DETECTED = {"utf-8": "utf-8", "utf-8-sig": "utf-8-sig", "gb18030": "gb18030", "gbk": "gb18030",
            "utf-16": "utf-16", "utf-16-be-bom": "utf-16", "utf-16-le": "utf-16-le",
            "utf-16-be": "utf-16-be"}


def txt(data: bytes) -> sources.Extracted:
    return sources.extract(sources.Source("report.txt", data))


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("seed", seeds(), ids=lambda s: s.name)
def test_every_seed_in_every_encoding_reads_as_its_utf8_text(seed: Seed, encoding: str) -> None:
    text, detected = txt(ENCODINGS[encoding](seed.text))
    assert detected == DETECTED[encoding]
    assert text.removeprefix("\ufeff") == seed.text
    assert same_parse(text, seed.text)


@pytest.mark.parametrize("seed", seeds(), ids=lambda s: s.name)
def test_big5_is_told_from_gbk(seed: Seed) -> None:
    """The classic trap: Big5 bytes are mostly valid GBK too, and the other way round."""
    expected = traditional(seed.text)
    text, detected = txt(big5(expected))
    assert (text, detected) == (expected, "cp950")
    assert same_parse(text, expected)


@pytest.mark.parametrize("encoding", ["gb18030", "cp950"])
def test_a_single_line_is_enough_to_tell_gbk_from_big5(encoding: str) -> None:
    line = traditional(seeds()[0].lines[0]) if encoding == "cp950" else seeds()[0].lines[0]
    assert txt(line.encode(encoding)) == (line, encoding)


def test_the_recorded_codec_turns_the_bytes_back_into_the_text() -> None:
    for encode in ENCODINGS.values():
        data = encode(seeds()[1].text)
        text, codec = txt(data)
        assert data.decode(codec) == text


def test_bytes_in_no_known_encoding_name_the_first_bad_byte() -> None:
    with pytest.raises(sources.DecodeError) as e:
        txt("巡察".encode() + b"\xff\xfe\xff")
    assert str(e.value) == ("not text in UTF-8, UTF-16, GB18030 or Big5 "
                            "(as UTF-8: invalid byte 0xff at offset 6)")
    assert e.value.stage == "decode"


def test_binary_data_is_not_text() -> None:
    with pytest.raises(sources.DecodeError, match="binary data"):
        txt(b"\x00\x01\x02 ELF \x00\x00 x86-64 \x7f")
    with pytest.raises(sources.DecodeError, match="not text"):
        txt(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00")


def test_a_lying_byte_order_mark_is_an_error() -> None:
    with pytest.raises(sources.DecodeError, match="despite its byte-order mark"):
        txt(b"\xef\xbb\xbf" + "巡察".encode("gbk"))


@pytest.mark.parametrize("data", [b" \n\t\r\n", "\u3000\u3000\n".encode(), b"\x01\x02\x1b\x7f\x08",
                                  "。，、；\n——".encode()])
def test_a_file_without_any_text_says_so(data: bytes) -> None:
    with pytest.raises(sources.ExtractError, match="^no text: only blanks, control characters "
                                                    "or punctuation$"):
        txt(data)
