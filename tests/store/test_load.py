"""Loading reports: one transaction per file, idempotent by content, failures kept apart."""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select, text, update

from tests.conftest import SEEDS
from xunshi.parse import parse
from xunshi.store.load import Outcome, load_file, load_paths, summary
from xunshi.store.models import (
    Contact,
    Finding,
    HandledClue,
    Inspection,
    LoadError,
    Measure,
    Report,
)

SEED_FILES = sorted(SEEDS.glob("*.txt"))


def count(engine: Engine, model: type, **where: object) -> int:
    stmt = select(func.count()).select_from(model).filter_by(**where)
    with engine.connect() as conn:
        return conn.execute(stmt).scalar_one()


def test_every_seed_gives_its_report_row(seeded_engine: Engine) -> None:
    with seeded_engine.connect() as conn:
        names = conn.execute(text("SELECT source_name FROM v_reports")).scalars().all()
    assert sorted(Path(n).name for n in names) == [p.name for p in SEED_FILES]
    assert len(SEED_FILES) == 5


@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda p: p.stem)
def test_row_counts_match_the_parsed_model(seeded_engine: Engine, seed: Path) -> None:
    doc = parse(seed.read_text(encoding="utf-8"))
    with seeded_engine.connect() as conn:
        report_id = conn.execute(
            select(Report.id).where(Report.source_name.endswith(seed.name))).scalar_one()
    every = doc.all_findings()
    expected = {
        Inspection: len(doc.inspections),
        Finding: len(every),
        Measure: sum(len(f.measures) for f in every),
        HandledClue: len(doc.clues),
        Contact: len(doc.contacts),
    }
    assert {m: count(seeded_engine, m, report_id=report_id) for m in expected} == expected


def test_spans_point_into_the_normalized_text(seeded_engine: Engine) -> None:
    query = """SELECT count(*) FROM {t} x JOIN reports r ON r.id = x.report_id
               WHERE NOT (0 <= x.span_start AND x.span_start <= x.span_end
                          AND x.span_end <= length(r.text))"""
    with seeded_engine.connect() as conn:
        for table in ("inspections", "findings", "measures", "handled_clues", "contacts"):
            assert conn.execute(text(query.format(t=table))).scalar_one() == 0, table


def test_reloading_the_same_bytes_is_unchanged(engine: Engine, tmp_path: Path) -> None:
    first = load_paths(engine, [SEEDS])
    copy = tmp_path / "renamed.txt"
    copy.write_bytes(SEED_FILES[0].read_bytes())
    second = load_paths(engine, [SEEDS, copy])
    assert [r.outcome for r in first] == [Outcome.LOADED] * 5
    assert [r.outcome for r in second] == [Outcome.UNCHANGED] * 6
    assert summary(second) == "0 loaded, 6 unchanged, 0 failed"
    assert count(engine, Report) == 5


def test_a_failing_file_does_not_stop_the_others(engine: Engine, tmp_path: Path) -> None:
    (tmp_path / "a_bad_bytes.txt").write_bytes("巡察".encode() + b"\xff\xfe")
    (tmp_path / "b_empty.txt").write_bytes(b"")
    (tmp_path / "c_good.txt").write_bytes(SEED_FILES[0].read_bytes())
    (tmp_path / "d_ignored.pdf").write_bytes(b"%PDF")
    results = load_paths(engine, [tmp_path, tmp_path / "missing.txt"])
    by_name = {Path(r.file).name: r for r in results}
    assert sorted(by_name) == ["a_bad_bytes.txt", "b_empty.txt", "c_good.txt", "missing.txt"]
    assert by_name["c_good.txt"].outcome is Outcome.LOADED
    bad = by_name["a_bad_bytes.txt"]
    assert (bad.stage, bad.reason) == ("decode", "not UTF-8 text: invalid byte 0xff at offset 6")
    assert by_name["b_empty.txt"].stage == "parse"
    assert by_name["missing.txt"].stage == "read"
    assert "a_bad_bytes.txt: decode: not UTF-8" in bad.line()
    with engine.connect() as conn:
        errors = conn.execute(select(LoadError.file, LoadError.stage)).all()
    assert sorted((Path(f).name, s) for f, s in errors) == [
        ("a_bad_bytes.txt", "decode"), ("b_empty.txt", "parse"), ("missing.txt", "read")]
    assert summary(results) == "1 loaded, 0 unchanged, 3 failed"


def test_an_explicitly_named_file_of_another_type_fails_clearly(engine: Engine, tmp_path: Path) -> None:
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF")
    result = load_file(engine, pdf)
    assert (result.outcome, result.stage) == (Outcome.FAILED, "read")
    assert "unsupported file type '.pdf'" in str(result.reason)


def test_a_utf8_bom_is_accepted(engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + SEED_FILES[1].read_bytes())
    assert load_file(engine, path).outcome is Outcome.LOADED
    with engine.connect() as conn:
        raw, encoding = conn.execute(select(Report.raw_text, Report.encoding)).one()
    assert encoding == "utf-8-sig" and not raw.startswith("\ufeff")


def test_a_report_stored_by_an_older_parser_is_replaced(engine: Engine) -> None:
    loaded = load_file(engine, SEED_FILES[2])
    with engine.begin() as conn:
        conn.execute(update(Report).values(parser_version=0))
    again = load_file(engine, SEED_FILES[2])
    assert again.outcome is Outcome.REPARSED and again.report_id != loaded.report_id
    assert count(engine, Report) == 1
    assert count(engine, Report, parser_version=0) == 0


def test_concurrent_loads_of_the_same_files_store_each_once(engine: Engine) -> None:
    with ThreadPoolExecutor(2) as pool:
        runs = list(pool.map(lambda _: load_paths(engine, [SEEDS]), range(2)))
    outcomes = sorted(r.outcome for run in runs for r in run)
    assert outcomes == sorted([Outcome.LOADED] * 5 + [Outcome.UNCHANGED] * 5)
    assert count(engine, Report) == 5
