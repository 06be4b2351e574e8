"""Whatever bytes `xunshi load` is given, it stores a whole report or records why not, and the
database stays consistent.

Inputs are random bytes and texts, and the seed reports broken the ways real files are broken:
lines lost, doubled or inserted, characters swapped, control characters, cut off mid-character,
one heading thousands of times, everything on one line, other encodings. They go through the
whole load path (read, decode, extract, parse, store) into one real database, under three file
names, so that versions pile up, supersede and (with --replace) delete each other.
"""
from __future__ import annotations

import hashlib
import tempfile
from collections.abc import Callable
from pathlib import Path

from hypothesis import HealthCheck, given, settings, strategies as st
from sqlalchemy import Engine, select

from tests.integrity import SEED_FILES, broken_rules, half_written
from xunshi.store.load import FileResult, LoadOptions, Outcome, load_file
from xunshi.store.models import LoadError, Report

EXAMPLES = 2000
FUZZ = settings(max_examples=EXAMPLES, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.large_base_example])

SEED_TEXTS = [p.read_text(encoding="utf-8") for p in SEED_FILES]
NAMES = ("a", "b", "c")
SUFFIXES = (".txt", ".html", ".htm", ".docx", ".pdf")
ENCODINGS = ("utf-8", "utf-8", "utf-8-sig", "gb18030", "utf-16", "utf-16-be")
CONTROLS = "\x00\x01\x07\x08\t\x0b\x0c\r\x1b\x7f\x85\u200b\u200e\u2028\u2029\ufeff\ufffe"
HEADINGS = ("一、", "二、", "十一、", "（一）", "(1)", "1.", "1、", "第一，", "一是", "问题：",
            "整改措施：", "一、存在的问题", "（二）整改情况")
FAILURE_STAGES = {"read", "decode", "extract", "parse"}
"""A store failure would mean the database refused what the parser made of a text: a bug."""

Lines = list[str]
Mutation = Callable[[st.DrawFn, Lines], Lines]


def _at(draw: st.DrawFn, lines: Lines) -> int:
    return draw(st.integers(0, len(lines)))


def insert_line(draw: st.DrawFn, lines: Lines) -> Lines:
    at = _at(draw, lines)
    return [*lines[:at], draw(st.text(max_size=200)), *lines[at:]]


def delete_lines(draw: st.DrawFn, lines: Lines) -> Lines:
    at = _at(draw, lines)
    return lines[:at] + lines[at + draw(st.integers(1, 40)):]


def duplicate_lines(draw: st.DrawFn, lines: Lines) -> Lines:
    at = _at(draw, lines)
    return lines[:at] + lines[at:at + draw(st.integers(1, 10))] * draw(st.integers(2, 50)) + lines[at:]


def swap_characters(draw: st.DrawFn, lines: Lines) -> Lines:
    chars = list("\n".join(lines))
    if chars:
        i, j = (draw(st.integers(0, len(chars) - 1)) for _ in range(2))
        chars[i], chars[j] = chars[j], chars[i]
    return "".join(chars).split("\n")


def inject_controls(draw: st.DrawFn, lines: Lines) -> Lines:
    text = "\n".join(lines)
    for _ in range(draw(st.integers(1, 10))):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.text(st.sampled_from(CONTROLS), min_size=1, max_size=5)) + text[at:]
    return text.split("\n")


def repeat_heading(draw: st.DrawFn, lines: Lines) -> Lines:
    """One heading, thousands of times: a broken conversion, or a trap for a slow parser."""
    times = draw(st.one_of(st.integers(1, 20), st.integers(1000, 5000)))
    block = draw(st.sampled_from(("\n", "", "。"))).join([draw(st.sampled_from(HEADINGS))] * times)
    at = _at(draw, lines)
    return lines[:at] + block.split("\n") + lines[at:]


def long_line(draw: st.DrawFn, lines: Lines) -> Lines:
    unit = draw(st.one_of(st.text(min_size=1, max_size=8), st.sampled_from(lines or ["的"])))
    at = _at(draw, lines)
    return [*lines[:at], unit * (draw(st.integers(1000, 100_000)) // max(len(unit), 1)), *lines[at:]]


def one_line(draw: st.DrawFn, lines: Lines) -> Lines:
    """Every line break lost, as some PDF and HTML conversions do."""
    return [draw(st.sampled_from(("", " ", "\u3000"))).join(lines)]


MUTATIONS: tuple[Mutation, ...] = (insert_line, delete_lines, duplicate_lines, swap_characters,
                                   inject_controls, repeat_heading, long_line, one_line)


@st.composite
def broken_report(draw: st.DrawFn) -> bytes:
    lines = draw(st.sampled_from(SEED_TEXTS)).split("\n")
    for mutation in draw(st.lists(st.sampled_from(MUTATIONS), min_size=1, max_size=4)):
        lines = mutation(draw, lines)
    data = "\n".join(lines).encode(draw(st.sampled_from(ENCODINGS)))
    if draw(st.booleans()):  # cut off, maybe in the middle of a character
        data = data[:draw(st.integers(0, len(data)))]
    return data


FILES = st.one_of(
    st.binary(max_size=4096),
    st.text(max_size=2000).map(str.encode),
    broken_report(),
)


def test_any_file_is_stored_whole_or_recorded_as_an_error(engine: Engine) -> None:
    ran = 0
    with tempfile.TemporaryDirectory(prefix="xunshi-fuzz-") as folder:

        @FUZZ
        @given(data=FILES, name=st.sampled_from(NAMES), suffix=st.sampled_from(SUFFIXES),
               options=st.builds(LoadOptions, replace=st.booleans(),
                                 keep_unrecognized=st.booleans(), retry_failed=st.booleans()))
        def load_one(data: bytes, name: str, suffix: str, options: LoadOptions) -> None:
            nonlocal ran
            ran += 1
            path = Path(folder) / f"{name}{suffix}"
            path.write_bytes(data)
            result = load_file(engine, path, options)
            if result.outcome in (Outcome.FAILED, Outcome.NOT_RETRIED):
                assert_recorded(engine, result, data)
            else:
                assert_stored(engine, result, data)

        load_one()
    assert ran >= EXAMPLES
    assert broken_rules(engine) == {}


def assert_recorded(engine: Engine, result: FileResult, data: bytes) -> None:
    assert result.stage in FAILURE_STAGES, result
    sha256 = hashlib.sha256(data).hexdigest() if data else None  # empty: refused unread
    # not retried: these bytes failed before, maybe under another name
    same = (LoadError.file == result.file) if result.outcome is Outcome.FAILED else (
        (LoadError.sha256 == sha256) & (LoadError.stage == result.stage)
        & (LoadError.message == result.reason))
    with engine.connect() as conn:
        error = conn.execute(select(LoadError.stage, LoadError.message, LoadError.sha256)
                             .where(same).order_by(LoadError.id.desc()).limit(1)).one()
        stored = conn.execute(select(Report.id).where(Report.sha256 == sha256)).all()
    assert (error.stage, error.message, error.sha256) == (result.stage, result.reason, sha256)
    assert error.message.strip()
    assert stored == []  # nothing of a failed file is kept but its error


def assert_stored(engine: Engine, result: FileResult, data: bytes) -> None:
    with engine.connect() as conn:
        report = conn.execute(select(Report.id, Report.source_name, Report.superseded_by)
                              .where(Report.sha256 == hashlib.sha256(data).hexdigest())).one()
    if result.outcome is Outcome.LOADED:
        assert (report.id, report.source_name, report.superseded_by) == \
            (result.report_id, result.file, None)
    else:
        assert (result.outcome, result.report_id) == (Outcome.UNCHANGED, report.id), result
    assert half_written(engine, [report.id]) == {}
    assert broken_rules(engine, [report.id]) == {}
