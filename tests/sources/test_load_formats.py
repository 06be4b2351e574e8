"""Every format through `load` into a real database, and every way a file fails recorded."""
from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from sqlalchemy import Engine, func, select

from tests.sources.fixtures import (
    ENCODINGS,
    big5,
    docx_bytes,
    page_bytes,
    pdf_bytes,
    scanned_pdf_bytes,
    seeds,
    traditional,
    write,
)
from xunshi.cli import main
from xunshi.parse import parse
from xunshi.store.load import LoadOptions, Outcome, load_paths
from xunshi.store.models import Finding, LoadError, Report


def test_one_file_per_format_loads_with_its_encoding_and_findings(engine: Engine,
                                                                  tmp_path: Path) -> None:
    s = seeds()
    files = {
        "a_gbk.txt": (ENCODINGS["gbk"](s[0].text), "gb18030", s[0].text),
        "b_big5.txt": (big5(traditional(s[1].text)), "cp950", traditional(s[1].text)),
        "c_utf16.txt": (ENCODINGS["utf-16-le"](s[2].text), "utf-16-le", s[2].text),
        "d_page.htm": (page_bytes(s[3], "word-paste"), "html/gb18030", s[3].text),
        "e_report.docx": (docx_bytes(s[4]), "docx", s[4].text),
        "f_report.pdf": (pdf_bytes(s[0]), "pdf", s[0].text),
    }
    for name, (data, _, _) in files.items():
        write(tmp_path, name, data)
    write(tmp_path, "scan.png", b"\x89PNG\r\n\x1a\n")  # not a report format: skipped
    skipped, *results = load_paths(engine, [tmp_path])
    assert (Path(skipped.file).name, skipped.outcome) == ("scan.png", Outcome.SKIPPED)
    assert [(Path(r.file).name, r.outcome) for r in results] == [
        (name, Outcome.LOADED) for name in files]
    with engine.connect() as conn:
        for result, (_, encoding, text) in zip(results, files.values()):
            stored = conn.execute(select(Report.encoding, Report.raw_text)
                                  .where(Report.id == result.report_id)).one()
            findings = conn.execute(select(func.count()).select_from(Finding)
                                    .where(Finding.report_id == result.report_id)).scalar_one()
            assert stored.encoding == encoding
            assert findings == _count_findings(text) > 0, result.file


def _count_findings(text: str) -> int:
    return sum(1 + len(f.children) for f in parse(text).findings)


def test_each_failure_names_its_stage_and_is_kept(engine: Engine, tmp_path: Path) -> None:
    named = [
        write(tmp_path, "big.txt", b"x" * 123_400),
        write(tmp_path, "empty.txt", b""),
        write(tmp_path, "blank.html", b"<html><body> \n </body></html>"),
        write(tmp_path, "controls.txt", b"\x01\x02\x03\r\n\t"),
        write(tmp_path, "gbk-broken.txt", "巡察".encode() + b"\xff\xfe\xff"),
        write(tmp_path, "scan.pdf", scanned_pdf_bytes()),
        write(tmp_path, "old.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"),
        write(tmp_path, "photo.jpg", b"\xff\xd8\xff\xe0"),
    ]
    results = load_paths(engine, named, options=LoadOptions(max_size=40_000))
    got = {Path(r.file).name: (r.outcome, r.stage, r.reason) for r in results}
    assert got == {
        "big.txt": (Outcome.FAILED, "read", "file is 123.4 KB, over the 40 KB limit (--max-size)"),
        "empty.txt": (Outcome.FAILED, "read", "empty file"),
        "blank.html": (Outcome.FAILED, "extract", "no article text found in the page"),
        "controls.txt": (Outcome.FAILED, "extract",
                         "no text: only blanks, control characters or punctuation"),
        "gbk-broken.txt": (Outcome.FAILED, "decode", "not text in UTF-8, UTF-16, GB18030 or "
                                                     "Big5 (as UTF-8: invalid byte 0xff at offset 6)"),
        "scan.pdf": (Outcome.FAILED, "extract",
                     "no text layer: a scanned PDF needs OCR first, which xunshi does not do"),
        "old.docx": got["old.docx"][:2] + (got["old.docx"][2],),
        "photo.jpg": (Outcome.FAILED, "read", "unsupported file type '.jpg'; "
                                              "expected .txt, .html, .htm, .docx, .pdf"),
    }
    assert got["old.docx"][:2] == (Outcome.FAILED, "extract")
    assert str(got["old.docx"][2]).startswith("not a readable Word .docx file")
    with engine.connect() as conn:
        kept = conn.execute(select(LoadError.file, LoadError.stage, LoadError.message)).all()
    assert sorted((Path(f).name, s, m) for f, s, m in kept) == sorted(
        (name, stage, reason) for name, (_, stage, reason) in got.items())


def test_the_size_limit_is_set_on_the_command_line_or_in_the_environment(
        database_url: str, tmp_path: Path) -> None:
    report = write(tmp_path, "report.txt", seeds()[3].text.encode())  # about 7 KB
    runner = CliRunner()
    over = runner.invoke(main, ["--database-url", database_url, "load", "--max-size", "5KB",
                                str(report)])
    assert over.exit_code == 1
    assert "read: file is 7" in over.stderr and "KB, over the 5 KB limit" in over.stderr
    from_env = runner.invoke(main, ["--database-url", database_url, "load", str(report)],
                             env={"XUNSHI_MAX_FILE_SIZE": "1MB"})
    assert from_env.exit_code == 0, from_env.output
    bad = runner.invoke(main, ["--database-url", database_url, "load", "--max-size", "lots",
                               str(report)])
    assert bad.exit_code == 2 and "not a size: 'lots'" in bad.stderr
