"""Two `xunshi load` (or `reparse`) processes at once: no deadlock, no duplicate, nothing lost.

The loaders share organizations and inspection rounds, race to insert the same bytes, and race
to number versions of one name; what they leave must equal what one load would. Two re-parses
of the same reports must leave each with one set of rows, not two.
"""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, text

from tests.conftest import engine_on, fresh_database
from tests.integrity import (
    PATIENCE,
    broken_rules,
    corpus,
    fingerprint,
    half_written,
    summary_line,
    table_counts,
    xunshi,
)

PART = 40
"""Files in each folder: a loader of two folders writes them in more than one transaction."""


def at_once(url: str, runs: list[tuple[Path, list[str]]], tmp_path: Path) -> list[str]:
    """Start one `xunshi ARGS` per (cwd, args) at the same time; their summary lines."""
    logs = [tmp_path / f"loader{n}.log" for n in range(len(runs))]
    processes = [xunshi(url, *args, cwd=cwd, log=log)
                 for (cwd, args), log in zip(runs, logs)]
    try:
        statuses = [p.wait(PATIENCE) for p in processes]
    finally:
        for p in processes:
            p.kill()  # a no-op unless a wait above gave up
            p.wait(PATIENCE)
    assert statuses == [0] * len(runs), [log.read_text() for log in logs]
    return [summary_line(log) for log in logs]


def test_loaders_of_overlapping_folders_store_each_report_once(server_url: str,
                                                               tmp_path: Path) -> None:
    # more files than a write batch each, so that the loaders' transactions interleave
    a, b, c = (corpus(tmp_path / part, PART, tag=part) for part in "abc")
    with fresh_database(server_url) as url, engine_on(url) as engine:
        # both start with b: they race for the same files from their first one on
        summaries = at_once(url, [(tmp_path, ["load", str(b), str(a)]),
                                  (tmp_path, ["load", str(b), str(c)])], tmp_path)
        # "N loaded, M unchanged, 0 failed": every file once, b's a second time unchanged
        counts = [[int(word) for word in s.split()[::2]] for s in summaries]
        assert [sum(column) for column in zip(*counts)] == [3 * PART, PART, 0]
        with fresh_database(server_url) as single_url, engine_on(single_url) as single:
            at_once(single_url, [(tmp_path, ["load", str(b), str(a), str(c)])], tmp_path)
            assert table_counts(engine) == table_counts(single)
            assert fingerprint(engine) == fingerprint(single)
        assert_consistent(engine)


def test_loaders_of_one_name_with_different_bytes_make_versions_1_and_2(server_url: str,
                                                                        tmp_path: Path) -> None:
    # the same relative names (`r000.txt` …), run from two folders: two texts per name
    first, second = (corpus(tmp_path / tag, PART, tag=tag, names="r{n:03d}") for tag in "12")
    with fresh_database(server_url) as url, engine_on(url) as engine:
        at_once(url, [(first, ["load", "."]), (second, ["load", "."])], tmp_path)
        with engine.connect() as conn:
            versions = conn.execute(text("""
                SELECT source_name, array_agg(version ORDER BY version),
                       count(*) FILTER (WHERE is_current)
                FROM v_report_versions GROUP BY source_name""")).all()
        assert sorted(versions) == [(f"r{n:03d}.txt", [1, 2], 1) for n in range(PART)]
        with fresh_database(server_url) as single_url, engine_on(single_url) as single:
            at_once(single_url, [(first, ["load", "."])], tmp_path)
            at_once(single_url, [(second, ["load", "."])], tmp_path)
            assert table_counts(engine) == table_counts(single)
        assert_consistent(engine)


def test_two_reparses_at_once_leave_each_report_whole(database_url: str, tmp_path: Path) -> None:
    folder = corpus(tmp_path / "reports", 2 * PART)
    at_once(database_url, [(tmp_path, ["load", str(folder)])], tmp_path)
    with engine_on(database_url) as engine:
        before = table_counts(engine), fingerprint(engine)
        summaries = at_once(database_url, [(tmp_path, ["reparse", "--all"])] * 2, tmp_path)
        assert summaries == [f"0 loaded, {2 * PART} reparsed, 0 unchanged, 0 failed"] * 2
        assert (table_counts(engine), fingerprint(engine)) == before
        assert_consistent(engine)


def assert_consistent(engine: Engine) -> None:
    assert broken_rules(engine) == {}
    assert half_written(engine) == {}
    with engine.connect() as conn:
        assert conn.execute(text(
            "SELECT count(*) - count(DISTINCT sha256) FROM reports")).scalar_one() == 0
