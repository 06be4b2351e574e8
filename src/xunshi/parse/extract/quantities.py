"""Quantities as reports print them: a number, its scale and its unit — 12人, 两名, 70余条,
86.3万元, 1.49亿元, 2.45万名, 3,500人次, 92.7% — with the value in the unit a metric counts in.

This module only reads numbers; what they count is the metrics module's business. A number
that is an ordinal (第3次, 十一届九次全会), a frequency (每月1次), part of a slogan or a title (“两个维护”,
《…》) or a plenum (九次全会) is no quantity.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from ..model import Span
from .numerals import CN_NUMBER, DECIMAL, SCALES, to_number

# Printed units, grouped by what they count; longer spellings first so 人次 is not read as 人.
PERSONS = ("人次", "人", "名", "位")
UNITS = (*PERSONS, "件次", "件", "个", "项", "条", "次", "场", "起", "家", "份", "元", "%")
_UNIT = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))
_APPROX = "余|多"
_CN_DIGIT = CN_NUMBER.split("]")[0] + "]"  # one character of a Chinese numeral

QUANTITY = re.compile(
    rf"(?=[\d{_CN_DIGIT[1:-1]}约近逾])"  # a first character to look for: the engine skips fast
    r"(?P<pre>(?<![制节签违履合预特公大])约|(?<![最附接])近|逾)?"
    rf"(?:(?<![\d第每届])(?<!\d[.,])(?P<arabic>{DECIMAL})(?![\d.,]\d)"
    rf"|(?<![第每届])(?<!{_CN_DIGIT})(?P<cn>{CN_NUMBER}))"
    rf"(?P<approx>{_APPROX})?(?P<scale>万|亿)?(?P<approx2>{_APPROX})?"
    rf"(?P<unit>{_UNIT})"
    r"(?!性|全会)"  # 一次性 is an adverb, 九次全会 the ninth plenum
)
"""A number with its unit; `pre`, `approx` and `approx2` flag a round figure (约, 近, 逾, 余, 多)."""

# Where a number is not a count: quoted slogans (“三个规定”), titles (《…》) on one line, and
# the name of the 中央八项规定.
_QUOTED = re.compile(r"“[^”\n]{0,60}”|《[^》\n]{0,80}》|八项规定")


@dataclass(frozen=True)
class Quantity:
    """A number and its unit as printed at `span`; `value` is in `unit`'s terms (万元 for
    money, whatever the text's scale)."""

    value: Decimal
    unit: str  # 人, 人次, 名, 件, 个 … as printed; 万元 for every amount of money; % for rates
    approximate: bool
    span: Span

    @property
    def counts_persons(self) -> bool:
        return self.unit in PERSONS


def quantities(text: str) -> Iterator[Quantity]:
    """Every quantity in the text, in order, outside quotes, titles and names."""
    quoted = [m.span() for m in _QUOTED.finditer(text)]  # in order, never overlapping
    starts = [a for a, _ in quoted]
    for m in QUANTITY.finditer(text):
        k = bisect_right(starts, m.start()) - 1
        if k >= 0 and m.start() < quoted[k][1]:
            continue
        q = _quantity(m)
        if q is not None:
            yield q


def _quantity(m: re.Match[str]) -> Quantity | None:
    number = m.group("arabic") or m.group("cn")
    if m.group("cn") and number in ("百", "千"):  # 百名法学家: a round figure of speech
        return None
    value = to_number(number)
    if value is None:
        return None
    value *= SCALES.get(m.group("scale") or "", 1)
    unit = m.group("unit")
    if unit == "元":  # money is counted in 万元, whether printed 元, 万元 or 亿元
        value, unit = value / SCALES["万"], "万元"
    return Quantity(value=plain_decimal(value), unit=unit,
                    approximate=bool(m.group("pre") or m.group("approx") or m.group("approx2")),
                    span=Span(m.start(), m.end()))


def plain_decimal(d: Decimal) -> Decimal:
    """14900.00 → 14900, 0.13200 → 0.132: no trailing zeros, never an exponent."""
    return Decimal(int(d)) if d == d.to_integral_value() else d.normalize()
