"""Which files a path names, what is refused before reading, and a report's identity."""
from __future__ import annotations

import os
import resource
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from xunshi import sources
from xunshi.sources.names import printable, stored_name

MEMORY = 2_000_000_000  # bytes a child process reading a device may map
GBK_NAME = b"a\xca\xd3.txt"  # a视.txt as a Windows archive unzips it on Linux


def test_folders_are_searched_recursively_for_report_formats(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    names = ("b/2.txt", "1.TXT", "b/3.pdf", "4.docx", "5.htm", "6.HTML",
             "notes.md", "scan.png", "all.zip", "old.doc", "noext")
    for name in names:
        (tmp_path / name).write_text("x")
    found = sources.scan([tmp_path])
    assert [p.relative_to(tmp_path).as_posix() for p in found.files] == [
        "1.TXT", "4.docx", "5.htm", "6.HTML", "b/2.txt", "b/3.pdf"]
    assert [(p.relative_to(tmp_path).as_posix(), why.split(";")[0]) for p, why in found.skipped] == [
        ("all.zip", "unsupported file type '.zip'"), ("noext", "unsupported file type '(none)'"),
        ("notes.md", "unsupported file type '.md'"), ("old.doc", "unsupported file type '.doc'"),
        ("scan.png", "unsupported file type '.png'")]


def test_named_files_pass_through_even_when_missing_or_unsupported(tmp_path: Path) -> None:
    missing, image = tmp_path / "missing.txt", tmp_path / "scan.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\n")
    assert sources.scan([missing, image]) == sources.Scan([missing, image], [])
    with pytest.raises(sources.SourceError, match="No such file"):
        sources.read(missing)


@pytest.mark.parametrize("name", ["scan.png", "reports.zip", "old.doc", "run.exe", "README"])
def test_unsupported_types_are_refused_by_name(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"\x00\x01binary")
    with pytest.raises(sources.SourceError, match=r"^unsupported file type '(\.\w+|\(none\))'; "
                                                  r"expected \.txt, \.html, \.htm, \.docx, \.pdf$"):
        sources.read(path)


def test_a_name_that_is_not_utf8_is_kept_with_its_bytes_escaped(tmp_path: Path) -> None:
    path = Path(os.fsdecode(os.fsencode(tmp_path) + b"/" + GBK_NAME))
    path.write_bytes(b"x")
    name = sources.read(path).name
    assert name == f"{tmp_path}/a\\xca\\xd3.txt"
    name.encode("utf-8")  # storable and printable: no lone surrogates left
    assert sources.read(path).name == name  # the same name at every load


@pytest.mark.parametrize(("name", "shown"), [
    ("a\nb.txt", "a\\nb.txt"), ("\u202etxt.exe", "\\u202etxt.exe"), ("a\x1b[2J.txt", "a\\x1b[2J.txt"),
    ("巡察\u2028整改.txt", "巡察\\u2028整改.txt"), ("巡察 整改.txt", "巡察 整改.txt")])
def test_names_print_on_one_line_in_their_order(name: str, shown: str) -> None:
    assert stored_name(name) == name  # valid text is stored as it is
    assert printable(name) == shown


def test_a_device_is_refused_without_reading_it(tmp_path: Path) -> None:
    (tmp_path / "z.txt").symlink_to("/dev/zero")
    # in a child process of bounded memory: reading /dev/zero until the limit would exhaust
    # the machine's memory, as it did before
    child = subprocess.run(
        [sys.executable, "-c", "import sys; from pathlib import Path; from xunshi import sources\n"
         "try: sources.read(Path(sys.argv[1]))\n"
         "except sources.SourceError as e: print(e)", str(tmp_path / "z.txt")],
        capture_output=True, text=True, timeout=60,
        preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY)))
    assert child.stdout == "not a regular file but a character device\n", child.stderr


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "f.txt"
    os.mkfifo(fifo)
    outcome: list[BaseException | sources.Source] = []

    def read() -> None:
        try:
            outcome.append(sources.read(fifo))
        except BaseException as e:  # noqa: BLE001 - handed to the test thread
            outcome.append(e)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(10)
    if reader.is_alive():  # stuck opening the FIFO: a writer lets it go, and the test fails
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        reader.join(10)
        pytest.fail("reading a FIFO waited for a writer")
    [error] = outcome
    assert isinstance(error, sources.SourceError)
    assert str(error) == "not a regular file but a FIFO (named pipe)"


def test_broken_symbolic_links_say_what_is_wrong(tmp_path: Path) -> None:
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    with pytest.raises(sources.SourceError, match="^dangling symbolic link"):
        sources.read(tmp_path / "dangling.txt")
    with pytest.raises(sources.SourceError, match="^symbolic link loop$"):
        sources.read(tmp_path / "loop.txt")


def test_in_a_folder_unreadable_report_files_are_found_and_others_skipped(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "fifo.txt")
    os.mkfifo(tmp_path / "fifo.bin")
    (tmp_path / "dangling.pdf").symlink_to(tmp_path / "gone.pdf")
    (tmp_path / "loop.htm").symlink_to(tmp_path / "loop.htm")
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    (tmp_path / "folder.txt").mkdir()
    found = sources.scan([tmp_path])
    assert [p.name for p in found.files] == ["dangling.pdf", "fifo.txt", "loop.htm", "zero.txt"]
    assert [p.name for p, _ in found.skipped] == ["fifo.bin"]


def test_the_limit_holds_for_the_bytes_read_whatever_stat_says(tmp_path: Path) -> None:
    proc = Path("/proc/cpuinfo")  # a regular file whose stat size is 0
    if not proc.exists() or proc.stat().st_size:
        pytest.skip("needs Linux's /proc")
    (tmp_path / "cpu.txt").symlink_to(proc)
    with pytest.raises(sources.SourceError, match=r"^file is over the 100 bytes limit \(--max-size\)$"):
        sources.read(tmp_path / "cpu.txt", max_size=100)
    assert len(sources.read(tmp_path / "cpu.txt").data) > 100


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
