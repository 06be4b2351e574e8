"""A feedback and the rectification report of the same visit give each problem the same theme.

The pairs under pairs/ are invented, in two shapes: both reports print the same headings, or
neither prints any. (When only the rectification prints headings, a heading that names a theme
can differ from what the feedback's text alone says: docs/themes.md, "Limits".)
"""
from __future__ import annotations

from pathlib import Path

import pytest

from xunshi.parse import parse
from xunshi.store.rows import report_rows

PAIRS = Path(__file__).parent / "pairs"


def findings(name: str) -> list[dict]:
    doc = parse((PAIRS / f"{name}.txt").read_text("utf-8"))
    return report_rows(name, name, "", "utf-8", doc).findings


@pytest.mark.parametrize("shape,themes,codes", [
    ("headed", ["political", "political", "conduct", "responsibility", "organization",
                "organization", "rectification"],
     ["done", "ongoing", "done", "in_progress", "done", "ongoing", "not_started"]),
    ("listed", ["political", "ideology", "conduct", "integrity", "organization",
                "responsibility"],
     ["done", "done", "ongoing", "in_progress", "done", "ongoing"]),
])
def test_the_same_problem_gets_the_same_theme_in_both_reports(
        shape: str, themes: list[str], codes: list[str]) -> None:
    feedback, rectification = findings(f"{shape}_feedback"), findings(f"{shape}_rectification")
    assert [f["theme"] for f in feedback] == [f["theme"] for f in rectification] == themes
    assert [f["status_code"] for f in rectification] == codes
    assert all(f["status_code"] is None for f in feedback)
