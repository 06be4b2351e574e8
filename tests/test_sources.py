"""Report files: which files a path names and how their bytes become text."""
from __future__ import annotations

from pathlib import Path

import pytest

from xunshi import sources


def test_folders_are_searched_recursively_for_txt(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    for name in ("b/2.txt", "1.TXT", "b/skip.pdf", "notes.md"):
        (tmp_path / name).write_text("x")
    assert [p.relative_to(tmp_path).as_posix() for p in sources.report_files([tmp_path])] == [
        "1.TXT", "b/2.txt"]


def test_named_files_pass_through_even_when_missing(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    assert list(sources.report_files([missing])) == [missing]
    with pytest.raises(sources.SourceError, match="No such file"):
        sources.read(missing)


def test_utf8_with_and_without_bom() -> None:
    assert sources.decode("巡察".encode()) == ("巡察", "utf-8")
    assert sources.decode(b"\xef\xbb\xbf" + "巡察".encode()) == ("巡察", "utf-8-sig")


def test_undecodable_bytes_name_the_byte_and_offset() -> None:
    with pytest.raises(sources.SourceError, match="invalid byte 0xb2 at offset 2"):
        sources.decode(b"ok\xb2\xe9")  # GBK, not UTF-8


def test_identity_is_the_sha256_of_the_bytes() -> None:
    assert sources.Source("a.txt", b"").sha256 == (
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
