"""Which files a path names, what is refused before reading, and a report's identity."""
from __future__ import annotations

from pathlib import Path

import pytest

from xunshi import sources


def test_folders_are_searched_recursively_for_report_formats(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    names = ("b/2.txt", "1.TXT", "b/3.pdf", "4.docx", "5.htm", "6.HTML",
             "notes.md", "scan.png", "all.zip", "old.doc", "noext")
    for name in names:
        (tmp_path / name).write_text("x")
    assert [p.relative_to(tmp_path).as_posix() for p in sources.report_files([tmp_path])] == [
        "1.TXT", "4.docx", "5.htm", "6.HTML", "b/2.txt", "b/3.pdf"]


def test_named_files_pass_through_even_when_missing_or_unsupported(tmp_path: Path) -> None:
    missing, image = tmp_path / "missing.txt", tmp_path / "scan.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\n")
    assert list(sources.report_files([missing, image])) == [missing, image]
    with pytest.raises(sources.SourceError, match="No such file"):
        sources.read(missing)


@pytest.mark.parametrize("name", ["scan.png", "reports.zip", "old.doc", "run.exe", "README"])
def test_unsupported_types_are_refused_by_name(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"\x00\x01binary")
    with pytest.raises(sources.SourceError, match=r"^unsupported file type '(\.\w+|\(none\))'; "
                                                  r"expected \.txt, \.html, \.htm, \.docx, \.pdf$"):
        sources.read(path)


def test_a_file_over_the_size_limit_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 23_400_000)
    with pytest.raises(sources.SourceError) as e:
        sources.read(path)
    assert str(e.value) == "file is 23.4 MB, over the 20 MB limit (--max-size)"
    assert sources.read(path, max_size=50_000_000).data[:1] == b"x"


def test_an_empty_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "empty.pdf"
    path.write_bytes(b"")
    with pytest.raises(sources.SourceError, match="^empty file$") as e:
        sources.read(path)
    assert e.value.stage == "read"


@pytest.mark.parametrize(("text", "size"), [
    ("20MB", 20_000_000), ("20 mb", 20_000_000), ("1.5GB", 1_500_000_000), ("512KB", 512_000),
    ("512KiB", 524_288), ("2MiB", 2_097_152), ("1048576", 1_048_576), ("100b", 100)])
def test_sizes_are_read_as_people_write_them(text: str, size: int) -> None:
    assert sources.parse_size(text) == size


@pytest.mark.parametrize("text", ["", "MB", "20 TB", "-5MB", "twenty"])
def test_a_size_that_is_not_one_is_an_error(text: str) -> None:
    with pytest.raises(ValueError, match="not a size"):
        sources.parse_size(text)


def test_sizes_print_in_megabytes() -> None:
    assert [sources.format_size(n) for n in (20_000_000, 23_412_345, 512_000, 1_536, 900)] == [
        "20 MB", "23.4 MB", "512 KB", "1.5 KB", "900 bytes"]


def test_identity_is_the_sha256_of_the_bytes() -> None:
    assert sources.Source("a.txt", b"").sha256 == (
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
