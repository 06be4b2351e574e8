"""Chinese numerals as reports print them: 一 … 九十九, 十一届, 两件, 〇, and plain digits;
amounts with decimals, thousands separators and 万/亿 scales: 86.3万, 3,500, 十二万."""
from __future__ import annotations

import re
from decimal import Decimal

_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
           "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000}

CN_NUMBER = "[〇零一二两三四五六七八九十百千]{1,8}"
"""A regex fragment matching a Chinese numeral (validate the match with `to_int`)."""

NUMBER = rf"(?:(?<!\d)\d{{1,7}}(?!\d)|{CN_NUMBER})"
"""A regex fragment matching an Arabic or a Chinese numeral.

Bounded and never part of a longer number: unanchored patterns built on it stay linear on
hostile input (a line of 100,000 digits), and 2019届 is not read out of 12019届.
"""


def to_int(s: str) -> int | None:
    """Convert 十一 → 11, 二十三 → 23, 一百零五 → 105, 三〇 → 30, "12" → 12; None if not a numeral."""
    s = s.strip()
    if not s:
        return None
    if s.isdecimal():  # not isdigit: superscripts (²) are digits int() refuses
        return int(s)
    if not re.fullmatch(CN_NUMBER, s):
        return None
    if not any(c in _UNITS for c in s):  # digit by digit: 二〇一九
        return int("".join(str(_DIGITS[c]) for c in s))
    total, current = 0, None
    for c in s:
        if c in "零〇":  # a placeholder inside a unit form: 一百零五
            continue
        if c in _DIGITS:
            if current is not None:  # two digits in a row inside a unit form: 十一一
                return None
            current = _DIGITS[c]
        else:
            unit = _UNITS[c]
            total += (1 if current is None else current) * unit
            current = None
    return total + (current or 0)


DECIMAL = r"(?:\d{1,3}(?:,\d{3}){1,4}|\d{1,12})(?:\.\d{1,4})?"
"""An Arabic amount: 3,500 / 86.3 / 1320 (bounded like NUMBER; anchor it with
`(?<!\\d)(?<!\\d[.,])` and `(?![\\d.,]\\d)` so that it is never part of a longer number)."""

SCALES = {"万": 10_000, "亿": 100_000_000}


def to_number(s: str) -> Decimal | None:
    """3,500 → 3500, 86.3 → 86.3, 十二 → 12; None if not a numeral. Scales (万, 亿) are the
    caller's: they may be split from the digits by 余 (3000余万)."""
    s = s.strip()
    if re.fullmatch(DECIMAL, s):
        return Decimal(s.replace(",", ""))
    n = to_int(s)
    return None if n is None else Decimal(n)
_CN_DIGITS = "〇一二三四五六七八九"


def to_chinese(n: int) -> str:
    """Write 1 … 99 as a report prints it: 7 → 七, 10 → 十, 16 → 十六, 23 → 二十三."""
    if not 0 < n < 100:
        raise ValueError(f"{n} is outside 1-99")
    tens, ones = divmod(n, 10)
    return ((_CN_DIGITS[tens] if tens > 1 else "") + ("十" if tens else "")
            + (_CN_DIGITS[ones] if ones else ""))
