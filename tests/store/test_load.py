"""Loading reports: one transaction per file, idempotent by content, failures kept apart."""
from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select, text, update

from tests.conftest import SEEDS
from xunshi.parse import parse
from xunshi.store import load, reparse
from xunshi.store.load import LoadOptions, Outcome, load_errors, load_file, load_paths, summary
from xunshi.store.models import (
    Contact,
    Figure,
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
        Figure: len(doc.figures),
    }
    assert {m: count(seeded_engine, m, report_id=report_id) for m in expected} == expected


def test_spans_point_into_the_normalized_text(seeded_engine: Engine) -> None:
    query = """SELECT count(*) FROM {t} x JOIN reports r ON r.id = x.report_id
               WHERE NOT (0 <= x.span_start AND x.span_start <= x.span_end
                          AND x.span_end <= length(r.text))"""
    with seeded_engine.connect() as conn:
        for table in ("inspections", "findings", "measures", "handled_clues", "contacts",
                      "figures"):
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
    (tmp_path / "d_broken.pdf").write_bytes(b"%PDF")
    (tmp_path / "e_ignored.png").write_bytes(b"\x89PNG")
    results = load_paths(engine, [tmp_path, tmp_path / "missing.txt"])
    by_name = {Path(r.file).name: r for r in results}
    assert sorted(by_name) == ["a_bad_bytes.txt", "b_empty.txt", "c_good.txt", "d_broken.pdf",
                               "e_ignored.png", "missing.txt"]
    assert by_name["c_good.txt"].outcome is Outcome.LOADED
    ignored = by_name["e_ignored.png"]
    assert (ignored.outcome, ignored.reason) == (
        Outcome.SKIPPED, "unsupported file type '.png'; expected .txt, .html, .htm, .docx, .pdf")
    bad = by_name["a_bad_bytes.txt"]
    assert (bad.stage, bad.reason) == (
        "decode", "not text in UTF-8, UTF-16, GB18030 or Big5 (as UTF-8: invalid byte 0xff at "
                  "offset 6)")
    assert by_name["b_empty.txt"].stage == "read"
    assert by_name["d_broken.pdf"].stage == "extract"
    assert by_name["missing.txt"].stage == "read"
    assert "a_bad_bytes.txt: decode: not text in UTF-8" in bad.line()
    with engine.connect() as conn:
        errors = conn.execute(select(LoadError.file, LoadError.stage)).all()
    assert sorted((Path(f).name, s) for f, s in errors) == [
        ("a_bad_bytes.txt", "decode"), ("b_empty.txt", "read"), ("d_broken.pdf", "extract"),
        ("missing.txt", "read")]
    assert summary(results) == "1 loaded, 0 unchanged, 4 failed, 1 skipped"


def test_an_explicitly_named_file_of_another_type_fails_clearly(engine: Engine, tmp_path: Path) -> None:
    image = tmp_path / "report.png"
    image.write_bytes(b"\x89PNG")
    result = load_file(engine, image)
    assert (result.outcome, result.stage) == (Outcome.FAILED, "read")
    assert "unsupported file type '.png'" in str(result.reason)


def test_a_utf8_bom_is_accepted(engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + SEED_FILES[1].read_bytes())
    assert load_file(engine, path).outcome is Outcome.LOADED
    with engine.connect() as conn:
        raw, encoding = conn.execute(select(Report.raw_text, Report.encoding)).one()
    assert encoding == "utf-8-sig" and not raw.startswith("\ufeff")


def test_a_report_stored_by_an_older_parser_is_reparsed_in_place(engine: Engine) -> None:
    loaded = load_file(engine, SEED_FILES[2])
    with engine.begin() as conn:
        conn.execute(update(Report).values(parser_version=0))
        findings = conn.execute(text("SELECT count(*) FROM findings")).scalar_one()
    again = load_file(engine, SEED_FILES[2])
    assert again.outcome is Outcome.REPARSED and again.report_id == loaded.report_id
    assert count(engine, Report) == 1
    assert count(engine, Report, parser_version=0) == 0
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM findings")).scalar_one() == findings


def _versions(engine: Engine) -> list[tuple]:
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(
            "SELECT version, is_current FROM v_report_versions ORDER BY version"))]


def test_a_changed_file_is_a_new_version_and_the_old_one_is_kept(engine: Engine,
                                                                 tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(SEED_FILES[0].read_bytes())
    first = load_file(engine, path)
    path.write_bytes(SEED_FILES[0].read_bytes() + "\n(2020年8月修订)".encode())
    second = load_file(engine, path)
    assert (first.outcome, second.outcome) == (Outcome.LOADED, Outcome.LOADED)
    assert _versions(engine) == [(1, False), (2, True)]
    with engine.connect() as conn:
        shown = conn.execute(text("SELECT DISTINCT report_id FROM v_findings")).scalars().all()
        assert conn.execute(text("SELECT report_id FROM v_reports")).scalars().all() == shown
    assert shown == [second.report_id]


def test_replace_drops_the_old_version(engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(SEED_FILES[0].read_bytes())
    load_file(engine, path)
    path.write_bytes(SEED_FILES[0].read_bytes() + "\n(修订)".encode())
    load_file(engine, path, LoadOptions(replace=True))
    assert _versions(engine) == [(2, True)]


def test_a_text_that_is_no_inspection_report_is_an_error_unless_kept(engine: Engine,
                                                                    tmp_path: Path) -> None:
    path = tmp_path / "news.txt"
    path.write_text("市气象台发布暴雨蓝色预警。\n预计今天夜间到明天白天,全市有中到大雨。\n", "utf-8")
    failed = load_file(engine, path)
    assert failed.outcome is Outcome.FAILED and failed.stage == "parse"
    assert failed.reason.startswith("not an inspection report")
    assert count(engine, LoadError) == 1
    kept = load_file(engine, path, LoadOptions(keep_unrecognized=True))
    assert kept.outcome is Outcome.LOADED
    assert count(engine, LoadError) == 0  # a later successful load of the same bytes clears it


def test_concurrent_loads_of_the_same_files_store_each_once(engine: Engine) -> None:
    with ThreadPoolExecutor(2) as pool:
        runs = list(pool.map(lambda _: load_paths(engine, [SEEDS]), range(2)))
    outcomes = sorted(r.outcome for run in runs for r in run)
    assert outcomes == sorted([Outcome.LOADED] * 5 + [Outcome.UNCHANGED] * 5)
    assert count(engine, Report) == 5


def test_reparse_rewrites_old_reports_in_place_and_skips_current_ones(engine: Engine) -> None:
    loaded = load_paths(engine, [SEEDS])
    with engine.begin() as conn:
        conn.execute(update(Report).where(Report.id == loaded[0].report_id)
                     .values(parser_version=0, title="stale"))
        findings = conn.execute(text("SELECT count(*) FROM findings")).scalar_one()
    assert reparse.pending(engine) == [loaded[0].report_id]
    [result] = reparse.reparse(engine, reparse.pending(engine))
    assert (result.outcome, result.report_id) == (Outcome.REPARSED, loaded[0].report_id)
    assert reparse.pending(engine) == []
    assert count(engine, Report, title="stale") == 0
    every = list(reparse.reparse(engine, reparse.pending(engine, below=None)))
    assert [r.outcome for r in every] == [Outcome.REPARSED] * 5
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM findings")).scalar_one() == findings


def test_reparse_fills_the_figures_of_reports_stored_before_them(engine: Engine) -> None:
    """A report stored by parser version 2 had no figures; re-parsing gives them."""
    load_paths(engine, [SEEDS])
    with engine.begin() as conn:
        figures = conn.execute(text("SELECT metric, value, text, span_start FROM v_figures "
                                    "ORDER BY span_start")).all()
        conn.execute(text("DELETE FROM figures"))
        conn.execute(update(Report).values(parser_version=2))
    assert len(figures) >= 40
    assert len(list(reparse.reparse(engine, reparse.pending(engine)))) == 5
    with engine.connect() as conn:
        assert conn.execute(text("SELECT metric, value, text, span_start FROM v_figures "
                                 "ORDER BY span_start")).all() == figures


def test_a_name_that_is_not_utf8_loads_and_so_does_the_rest(engine: Engine, tmp_path: Path) -> None:
    folder = os.fsencode(tmp_path / "r")
    os.mkdir(folder)
    (tmp_path / "r" / "ok.txt").write_bytes(SEED_FILES[0].read_bytes())
    Path(os.fsdecode(folder + b"/a\xca\xd3.txt")).write_bytes(SEED_FILES[1].read_bytes())
    Path(os.fsdecode(folder + b"/b\xca\xd3.txt")).write_bytes(b"")
    Path(os.fsdecode(folder + b"/c\xca\xd3.png")).write_bytes(b"\x89PNG")
    results = load_paths(engine, [tmp_path / "r", tmp_path / "z.txt"])
    escaped = {r.file.removeprefix(f"{tmp_path}/r/"): r.outcome for r in results}
    assert escaped == {"a\\xca\\xd3.txt": Outcome.LOADED, "b\\xca\\xd3.txt": Outcome.FAILED,
                       "c\\xca\\xd3.png": Outcome.SKIPPED, "ok.txt": Outcome.LOADED,
                       f"{tmp_path}/z.txt": Outcome.FAILED}
    with engine.connect() as conn:
        assert conn.execute(select(Report.source_name).order_by(Report.source_name)).scalars().all() \
            == [f"{tmp_path}/r/a\\xca\\xd3.txt", f"{tmp_path}/r/ok.txt"]
        assert conn.execute(select(LoadError.file).order_by(LoadError.file)).scalars().all() == [
            f"{tmp_path}/r/b\\xca\\xd3.txt", f"{tmp_path}/z.txt"]
    assert [r.outcome for r in load_paths(engine, [tmp_path / "r"])].count(Outcome.UNCHANGED) == 2


def test_a_file_failing_run_after_run_is_one_load_error(engine: Engine, tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff")
    for _ in range(3):
        load_file(engine, bad)
    bad.write_bytes(b"")  # fails otherwise now: the latest failure is the one kept
    load_file(engine, bad)
    [error] = load_errors(engine)
    assert (error.file, error.stage, error.message) == (str(bad), "read", "empty file")
    bad.write_bytes(SEED_FILES[0].read_bytes())  # other bytes under the name: loaded, cleared
    assert load_file(engine, bad).outcome is Outcome.LOADED
    assert load_errors(engine) == []


def test_a_second_copy_of_new_bytes_in_one_load_names_the_stored_report(engine: Engine,
                                                                         tmp_path: Path) -> None:
    copy = tmp_path / "copy.txt"
    copy.write_bytes(SEED_FILES[0].read_bytes())
    first, *_, second = load_paths(engine, [SEED_FILES[0], *SEED_FILES[1:], copy])
    assert (first.outcome, second.outcome) == (Outcome.LOADED, Outcome.UNCHANGED)
    assert second.report_id == first.report_id is not None
    assert second.line() == f"unchanged  {copy} (report {first.report_id})"


def test_a_batch_ends_once_its_files_reach_the_byte_limit(engine: Engine,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(load, "BATCH_BYTES", SEED_FILES[0].stat().st_size + 1)
    written: list[int] = []
    real = load.write_isolating
    monkeypatch.setattr(load, "write_isolating",
                        lambda engine, batch, *a: written.append(len(batch)) or real(engine, batch, *a))
    assert [r.outcome for r in load_paths(engine, [SEEDS])] == [Outcome.LOADED] * 5
    assert written == [2, 1, 2]  # 17 KB + 37 KB, 25 KB, 7 KB + 12 KB
