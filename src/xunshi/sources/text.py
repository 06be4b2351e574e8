"""Plain text in whatever encoding Chinese reports are saved in.

The order matters. A byte-order mark is certain. UTF-16 without one is recognised by its NUL
bytes, which UTF-8 and the legacy CJK encodings never contain in text. Strict UTF-8 almost
never decodes legacy bytes by accident. Only then is charset-normalizer asked to choose, and only
between GB18030 (a superset of GBK and GB2312) and Big5 (cp950, as Windows writes it): left a
free choice it mistakes short GBK texts for UTF-16 or other code pages. On the seed reports
re-encoded every way this decides right for all but 12-character UTF-16 snippets without a
mark, which fail with a clear error instead of a wrong guess.
"""
from __future__ import annotations

import codecs

import charset_normalizer

from . import DecodeError, Extracted

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))
_LEGACY = ["gb18030", "cp950"]
_UTF16_SAMPLE = 65536  # characters: enough to tell the byte order, cheap on large files
_UTF16_PLAUSIBLE = 0.9


def extract(data: bytes) -> Extracted:
    return Extracted(*decode(data))


def decode(data: bytes) -> tuple[str, str]:
    """(text, codec): the codec is the Python name that turns these bytes into this text."""
    text, codec = _decode(data)
    if "\x00" in text:  # PostgreSQL cannot store it, and no report contains it
        raise DecodeError("binary data (NUL bytes), not text")
    return text, codec


def _decode(data: bytes) -> tuple[str, str]:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _strict(data, codec), codec
    if b"\x00" in data and (utf16 := _utf16(data)):
        return utf16
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as e:
        return _legacy(data, f"as UTF-8: invalid byte 0x{data[e.start]:02x} at offset {e.start}")


def _strict(data: bytes, codec: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as e:
        raise DecodeError(f"not {codec} text despite its byte-order mark: invalid bytes at "
                          f"offset {e.start}") from e


def _utf16(data: bytes) -> tuple[str, str] | None:
    """(text, utf-16-le or -be) when one byte order reads as Chinese text, else None."""
    if len(data) % 2:
        return None
    sample = data[: 2 * _UTF16_SAMPLE]
    share, codec = max((sum(map(_plausible, text)) / len(text), codec)
                       for codec in ("utf-16-le", "utf-16-be")
                       if (text := sample.decode(codec, errors="replace")))
    if share < _UTF16_PLAUSIBLE:
        return None
    try:
        return data.decode(codec), codec
    except UnicodeDecodeError:  # unpaired surrogates: not UTF-16 after all
        return None


def _plausible(c: str) -> bool:
    """Characters a Chinese report is made of: ideographs, ASCII, CJK and full-width punctuation."""
    return ("\u4e00" <= c <= "\u9fff" or " " <= c <= "~" or c in "\n\r\t"
            or "\u3000" <= c <= "\u303f" or "\uff00" <= c <= "\uffef" or "\u2000" <= c <= "\u206f")


def _legacy(data: bytes, why_not_utf8: str) -> tuple[str, str]:
    match = charset_normalizer.from_bytes(data, cp_isolation=_LEGACY).best()
    if match is None:
        raise DecodeError(f"not text in UTF-8, UTF-16, GB18030 or Big5 ({why_not_utf8})")
    try:
        return str(match), match.encoding
    except UnicodeDecodeError as e:  # it judges by samples; the whole must decode too
        raise DecodeError(f"not {match.encoding} text throughout: invalid bytes at offset "
                          f"{e.start}") from e
