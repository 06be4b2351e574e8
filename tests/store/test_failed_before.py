"""Bytes that failed to decode, extract or parse are not parsed again under the same parser."""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, select, update

from tests.store.test_load import SEED_FILES
from xunshi.parse import PARSER_VERSION
from xunshi.store.load import LoadOptions, Outcome, load_file, load_paths, summary
from xunshi.store.models import LoadError

NOT_A_REPORT = "区图书馆本周六举办亲子阅读活动，欢迎市民报名参加。\n活动地点在图书馆二楼。\n".encode()


def _bad(tmp_path: Path, data: bytes = NOT_A_REPORT) -> Path:
    path = tmp_path / "notice.txt"
    path.write_bytes(data)
    return path


def test_bytes_that_failed_are_not_retried_the_second_time(engine: Engine, tmp_path: Path) -> None:
    path = _bad(tmp_path)
    first = load_file(engine, path)
    assert (first.outcome, first.stage) == (Outcome.FAILED, "parse")
    second = load_file(engine, path)
    assert (second.outcome, second.stage, second.reason) == (Outcome.NOT_RETRIED, "parse",
                                                             first.reason)
    assert second.line().startswith(f"not retried {path}: failed before under this parser: parse: ")
    assert summary([second]) == ("0 loaded, 0 unchanged, 0 failed, 1 not retried (failed "
                                 "before under this parser; --retry-failed tries them again)")
    with engine.connect() as conn:
        assert conn.execute(select(LoadError.stage, LoadError.parser_version)).all() == [
            ("parse", PARSER_VERSION)]


def test_a_copy_under_another_name_is_not_retried_either(engine: Engine, tmp_path: Path) -> None:
    load_file(engine, _bad(tmp_path))
    copy = tmp_path / "copy.txt"
    copy.write_bytes(NOT_A_REPORT)
    assert load_file(engine, copy).outcome is Outcome.NOT_RETRIED


def test_retry_failed_parses_them_again(engine: Engine, tmp_path: Path) -> None:
    path = _bad(tmp_path)
    load_file(engine, path)
    again = load_file(engine, path, LoadOptions(retry_failed=True))
    assert (again.outcome, again.stage) == (Outcome.FAILED, "parse")


def test_keep_unrecognized_parses_them_again(engine: Engine, tmp_path: Path) -> None:
    path = _bad(tmp_path)
    load_file(engine, path)
    assert load_file(engine, path, LoadOptions(keep_unrecognized=True)).outcome is Outcome.LOADED


def test_changed_bytes_are_tried(engine: Engine, tmp_path: Path) -> None:
    path = _bad(tmp_path, b"\xff")
    assert load_file(engine, path).stage == "decode"
    assert load_file(engine, path).outcome is Outcome.NOT_RETRIED
    path.write_bytes(SEED_FILES[0].read_bytes())
    assert load_file(engine, path).outcome is Outcome.LOADED


def test_another_parser_version_tries_them_again(engine: Engine, tmp_path: Path) -> None:
    path = _bad(tmp_path)
    load_file(engine, path)
    with engine.begin() as conn:  # as if an older parser had failed them
        conn.execute(update(LoadError).values(parser_version=PARSER_VERSION - 1))
    assert load_file(engine, path).outcome is Outcome.FAILED
    assert load_file(engine, path).outcome is Outcome.NOT_RETRIED


def test_read_failures_are_always_tried_again(engine: Engine, tmp_path: Path) -> None:
    path = _bad(tmp_path, b"")
    assert [load_file(engine, path).outcome for _ in range(2)] == [Outcome.FAILED] * 2
    with engine.connect() as conn:
        assert conn.execute(select(LoadError.stage, LoadError.parser_version)).all() == [
            ("read", None)]


def test_a_folder_loads_its_new_files_and_skips_the_known_failure(engine: Engine,
                                                                  tmp_path: Path) -> None:
    _bad(tmp_path)
    load_paths(engine, [tmp_path])
    (tmp_path / "report.txt").write_bytes(SEED_FILES[0].read_bytes())
    outcomes = sorted(r.outcome for r in load_paths(engine, [tmp_path]))
    assert outcomes == [Outcome.LOADED, Outcome.NOT_RETRIED]
