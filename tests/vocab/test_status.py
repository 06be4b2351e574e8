"""Status codes from the status a rectification report prints."""
from __future__ import annotations

import pytest

from xunshi.vocab.status import STATUS_CODES, status_code

PRINTED = {  # as reports print it → code
    "已整改到位": "done", "已整改完毕": "done", "已全部完成整改": "done", "已完成": "done",
    "已于5月份全部整改到位": "done", "已办结": "done", "已销号": "done", "基本完成": "done",
    "整改完成": "done", "完成": "done", "已清退到位": "done",
    "正在送审中": "in_progress", "正在推进": "in_progress", "整改中": "in_progress",
    "推进中": "in_progress", "部分完成": "in_progress", "未完成": "in_progress",
    "尚未整改到位": "in_progress", "已完成阶段性任务": "in_progress",
    "长期坚持": "ongoing", "持续推进": "ongoing", "持续整改": "ongoing", "持续推进中": "ongoing",
    "常态化推进": "ongoing", "已完成并长期坚持": "ongoing",
    "尚未启动": "not_started", "未开展": "not_started", "未整改": "not_started",
    "暂缓实施": "not_started",
    "2020年12月底前": None, "立行立改": None,
}


@pytest.mark.parametrize("printed,code", PRINTED.items())
def test_printed_status_to_code(printed: str, code: str | None) -> None:
    assert status_code(printed, "rectification") == code
    assert code is None or code in STATUS_CODES


def test_no_status_no_code() -> None:
    assert status_code(None, "rectification") is None
    assert status_code("", None) is None


def test_a_feedback_report_gives_no_status_codes() -> None:
    # 正在… in a feedback report describes the problem, not progress on it
    assert status_code("正在建设的项目", "feedback") is None
    assert status_code("已完成", None) == "done"


@pytest.mark.parametrize("text,code", [
    ("修订公务用车管理办法,已完成。", "done"),
    ("一是制定清单;二是开展检查。已全部整改到位", "done"),
    ("对上轮问题逐项回头看。尚未启动。", "not_started"),
    ("建立长效机制,需长期坚持", "ongoing"),
    ("开展专项检查,正在推进中", "in_progress"),
    ("一是修订制度;二是已完成全员培训。", None),  # a measure that was done, not a status
    ("确保按期整改到位", None),
    (None, None),
])
def test_a_bare_status_remark_closing_the_text_stands_in_for_a_missing_status(
        text: str | None, code: str | None) -> None:
    assert status_code(None, "rectification", text) == code
    assert status_code("长期坚持", "rectification", text) == "ongoing"  # a printed status wins
    assert status_code(None, "feedback", text) is None
