"""Chinese and Arabic numerals as reports print them."""
from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from xunshi.parse.extract.numerals import to_int


@pytest.mark.parametrize(("text", "value"), [
    ("七", 7), ("十", 10), ("十二", 12), ("二十", 20), ("三十一", 31), ("两", 2),
    ("一百零五", 105), ("二〇二〇", 2020), ("二零一九", 2019), ("42", 42),
])
def test_converts_numerals(text: str, value: int) -> None:
    assert to_int(text) == value


@pytest.mark.parametrize("text", ["", "届", "十一一", "abc", "²"])
def test_rejects_non_numerals(text: str) -> None:
    assert to_int(text) is None


@given(st.integers(min_value=0, max_value=10**6))
def test_arabic_digits_round_trip(n: int) -> None:
    assert to_int(str(n)) == n


@given(st.text())
def test_never_raises(text: str) -> None:
    assert to_int(text) is None or to_int(text) >= 0
