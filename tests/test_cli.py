"""The `xunshi` command over a real database: exit codes, summaries, one-line errors."""
from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner, Result
from sqlalchemy import Engine, text

from tests.conftest import SEEDS
from xunshi.cli import main
from xunshi.parse import PARSER_VERSION
from xunshi.store import schema


def xunshi(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_load_brings_an_empty_database_to_head_then_loads(database_url: str) -> None:
    first = xunshi("--database-url", database_url, "load", str(SEEDS))
    assert first.exit_code == 0, first.output
    assert first.stdout.splitlines()[0] == f"created the database schema (revision {schema.head()})"
    assert first.stdout.splitlines()[-1] == "5 loaded, 0 unchanged, 0 failed"
    second = xunshi("--database-url", database_url, "load", str(SEEDS))
    assert second.exit_code == 0
    assert second.stdout.count("unchanged  ") == 5
    assert second.stdout.splitlines()[-1] == "0 loaded, 5 unchanged, 0 failed"


def test_load_exits_non_zero_and_names_each_failure(database_url: str, tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_bytes(b"\xff")
    result = xunshi("--database-url", database_url, "load", str(SEEDS), str(tmp_path))
    assert result.exit_code == 1
    assert "5 loaded, 0 unchanged, 1 failed" in result.stdout
    assert (f"{tmp_path / 'bad.txt'}: decode: not text in UTF-8, UTF-16, GB18030 or Big5 "
            "(as UTF-8: invalid byte 0xff at offset 0)") in result.stderr


def test_load_of_nothing_is_an_error(database_url: str, tmp_path: Path) -> None:
    result = xunshi("--database-url", database_url, "load", str(tmp_path))
    assert result.exit_code == 1 and "no report files" in result.stderr


def test_db_upgrade_and_current(database_url: str) -> None:
    head = schema.head()
    assert f"empty database (head is {head}" in xunshi("--database-url", database_url, "db", "current").stdout
    assert xunshi("--database-url", database_url, "db", "upgrade").stdout.startswith("created")
    assert xunshi("--database-url", database_url, "db", "current").stdout.strip() == f"{head} (head)"
    assert "at head" in xunshi("--database-url", database_url, "db", "upgrade").stdout


def test_an_unreachable_database_is_one_clear_line() -> None:
    result = xunshi("--database-url", "postgresql://nobody:pw@127.0.0.1:9/none", "db", "current")
    assert result.exit_code == 1
    [line] = result.stderr.splitlines()
    assert line.startswith("Error: database postgresql+psycopg://nobody:***@127.0.0.1:9/none: ")


def test_db_url_masks_the_password() -> None:
    url = "postgresql://u:secret@h/d"
    assert xunshi("--database-url", url, "db", "url").stdout.strip() == "postgresql+psycopg://u:***@h/d"
    shown = xunshi("--database-url", url, "db", "url", "--show-password", "--libpq").stdout
    assert shown.strip() == url


def test_parse_prints_the_model_as_json_without_a_database() -> None:
    seed = sorted(SEEDS.glob("*.txt"))[0]
    result = xunshi("parse", "--json", str(seed))
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    assert {"text", "doc_type", "title", "inspections", "findings", "clues", "contacts"} <= set(doc)
    assert xunshi("parse", str(seed)).stdout.startswith("doc_type: ")


def test_parse_shows_the_figures(tmp_path: Path) -> None:
    report = tmp_path / "r.txt"
    report.write_text("关于巡察整改情况的通报\n共处理15人,其中给予党纪处分6人,追回资金86.3万元,约谈20余人。",
                      encoding="utf-8")
    lines = xunshi("parse", str(report)).stdout.splitlines()
    assert lines[lines.index("figures: 4"):] == [
        "figures: 4",
        "  0. people_dealt_with = 15 人  [15人]",
        "  1. sanctions = 6 人  [6人]  (part of 0)",
        "  2. money_recovered = 86.3 万元  [86.3万元]",
        "  3. admonishment_talks = 20 人 ≈  [20余人]  (part of 0)",
    ]
    [*_, money, talks] = json.loads(xunshi("parse", "--json", str(report)).stdout)["figures"]
    assert (money["value"], talks["value"], talks["approximate"]) == (86.3, 20, True)


def test_parse_of_an_undecodable_file_is_one_clear_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff")
    result = xunshi("parse", str(bad))
    assert result.exit_code == 1
    assert result.stderr.strip() == (f"Error: {bad}: not text in UTF-8, UTF-16, GB18030 or Big5 "
                                     "(as UTF-8: invalid byte 0xff at offset 0)")


def test_reparse_picks_reports_by_the_parser_version_that_stored_them(engine: Engine,
                                                                       database_url: str) -> None:
    def reparse(*options: str) -> str:
        result = xunshi("--database-url", database_url, "reparse", *options)
        assert result.exit_code == 0, result.output
        return result.stdout.splitlines()[-1]

    assert xunshi("--database-url", database_url, "load", str(SEEDS)).exit_code == 0
    with engine.begin() as conn:
        ids = conn.execute(text("SELECT id FROM reports ORDER BY id")).scalars().all()
        for report_id, version in zip(ids, (0, PARSER_VERSION - 1)):  # as older parsers left them
            conn.execute(text("UPDATE reports SET parser_version = :v WHERE id = :id"),
                         {"v": version, "id": report_id})
    assert reparse("--parser-version-below", "1") == "0 loaded, 1 reparsed, 0 unchanged, 0 failed"
    assert reparse() == "0 loaded, 1 reparsed, 0 unchanged, 0 failed"  # below this version
    assert reparse() == ("nothing to re-parse: every report was parsed by this parser (version "
                         f"{PARSER_VERSION}); --all re-parses them all the same")
    assert reparse("--parser-version-below", "1") == \
        "nothing to re-parse: no report was parsed by a version below 1"
    assert reparse("--all") == "0 loaded, 5 reparsed, 0 unchanged, 0 failed"
    with engine.connect() as conn:
        assert conn.execute(text("SELECT id FROM reports ORDER BY id")).scalars().all() == ids
        assert conn.execute(text("SELECT DISTINCT parser_version FROM reports")).scalars().all() \
            == [PARSER_VERSION]
    both = xunshi("--database-url", database_url, "reparse", "--all", "--parser-version-below", "2")
    assert both.exit_code == 2 and "not both" in both.stderr


def test_files_skipped_in_folders_are_counted_and_named(database_url: str, tmp_path: Path) -> None:
    (tmp_path / "r").mkdir()
    (tmp_path / "r" / "report.txt").write_bytes(sorted(SEEDS.glob("*.txt"))[0].read_bytes())
    for n in range(3):
        (tmp_path / "r" / f"scan{n}.png").write_bytes(b"\x89PNG")
    few = xunshi("--database-url", database_url, "load", str(tmp_path / "r"))
    assert few.exit_code == 0, few.output
    assert few.stdout.splitlines()[-4:] == ["1 loaded, 0 unchanged, 0 failed, 3 skipped"] + [
        f"skipped    {tmp_path}/r/scan{n}.png: unsupported file type '.png'; expected .txt, "
        ".html, .htm, .docx, .pdf" for n in range(3)]
    for n in range(12):
        (tmp_path / "r" / f"notes{n}.md").write_text("x")
    many = xunshi("--database-url", database_url, "load", str(tmp_path / "r"))
    assert many.stdout.splitlines()[-2:] == [
        "0 loaded, 1 unchanged, 0 failed, 15 skipped",
        "skipped    15 files of other types in the folders (12 .md, 3 .png): -v names them"]
    verbose = xunshi("--database-url", database_url, "load", "-v", str(tmp_path / "r"))
    assert sum(line.startswith("skipped    ") for line in verbose.stdout.splitlines()) == 2 * 15


def test_every_file_takes_one_line_whatever_its_name(database_url: str, tmp_path: Path) -> None:
    (tmp_path / "a\nb.txt").write_bytes(b"\xff")
    (tmp_path / "\u202etxt.exe").mkdir()
    (tmp_path / "\u202etxt.exe" / "c.txt").write_bytes(b"")
    result = xunshi("--database-url", database_url, "load", str(tmp_path))
    assert result.exit_code == 1
    assert result.stderr.splitlines()[:2] == [
        f"failed     {tmp_path}/\\u202etxt.exe/c.txt: read: empty file",
        f"failed     {tmp_path}/a\\nb.txt: decode: not text in UTF-8, UTF-16, GB18030 or Big5 (as "
        "UTF-8: invalid byte 0xff at offset 0)"]
    listed = xunshi("--database-url", database_url, "errors").stdout.splitlines()
    assert len(listed) == 2 and any("/a\\nb.txt: " in line for line in listed)


def test_a_search_of_thousands_of_words_is_refused_in_one_line(engine: Engine,
                                                                database_url: str) -> None:
    result = xunshi("--database-url", database_url, "search", " ".join(["扫黑除恶"] * 20_000))
    assert result.exit_code == 1
    assert result.stderr == ("Error: the query has 40,000 words, more than the 256 a search may "
                             "have: search for fewer\n")


def test_load_says_which_files_failed_before_and_retries_them_when_asked(
        database_url: str, tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_bytes(b"\xff")
    xunshi("--database-url", database_url, "load", str(tmp_path))
    again = xunshi("--database-url", database_url, "load", str(tmp_path))
    assert again.exit_code == 1
    assert again.stdout.splitlines()[-1] == ("0 loaded, 0 unchanged, 0 failed, 1 not retried "
                                             "(failed before under this parser; --retry-failed "
                                             "tries them again)")
    assert f"not retried {tmp_path / 'bad.txt'}: failed before under this parser: decode: " \
        in again.stderr
    retried = xunshi("--database-url", database_url, "load", "--retry-failed", str(tmp_path))
    assert retried.stdout.splitlines()[-1] == "0 loaded, 0 unchanged, 1 failed"
