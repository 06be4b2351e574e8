"""Dates and date ranges as reports print them, resolved to `PartialDate`s with spans.

Reports write a tour as `2019年9月16日至12月16日` (the second half inherits the year and
month), a feedback day as `今年2月26日` (the year is the report's own), `次年1月9日` (the year
after the date just mentioned) or only to the month (`6月下旬`, `并于7月反馈`), and signatures in
Chinese numerals (`二〇二〇年八月二十六日`). A tour may be given by its first day only
(`从3月17日起`, `自2024年9月20日起`, `从8月11日开始`). Everything is resolved from the text alone:
a date whose year cannot be derived from the report's other dates is dropped, never guessed.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..model import PartialDate, Span
from .numerals import to_int

# A year: four Arabic digits, four Chinese digits (二〇二〇), or a relative year (今年, 同年, 次年 …).
_YEAR = r"(?:(?<!\d)\d{4}|[〇零一二三四五六七八九]{4}|[今去前明同当次翌])"
# A month or a day, in Arabic digits or a small Chinese numeral (十二, 二十六).
_MONTH = r"(?:(?<!\d)\d{1,2}|十[一二]?|[一二三四五六七八九])"
_DAY = r"(?:(?<!\d)\d{1,2}|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"
# Between the halves of a range: (起)至 / (开始)至 / 开始,至 / 到 / dashes / tildes.
_RANGE_SEP = r"[ ]*(?:(?:(?:起|开始)[,,]?)?至|到|[-—–~〜]{1,2})[ ]*"
# Part of a month a tour starts or ends in (4月上旬, 5月底): the date stays month-precise.
_PART_OF_MONTH = r"(?:上旬|中旬|下旬|初|底)"


# 年 and 月 as printed, with the blank PDFs leave around them (2020 年 8 月 26 日).
_NIAN, _YUE = r"[ ]?年[ ]?", r"[ ]?月[ ]?"


def _part(p: str) -> str:
    """One date (groups prefixed `p`): year, month and day, each optional; validated later."""
    return (rf"(?:(?P<{p}y>{_YEAR}){_NIAN})?(?:(?P<{p}m>{_MONTH}){_YUE})?"
            rf"(?:(?P<{p}d>{_DAY})[ ]?[日号]|(?P<{p}p>{_PART_OF_MONTH}))?")


# A date whose page lost its 年 and 月 (2024717日, 2025年1021日, 201944日至615日): the month and day
# run together, read only when one split of the digits is a calendar day (717 is 7月17日, 111 is
# none); without a year, only where a date may begin (,816日 / 至830日 / 于914日, not 历时120日).
_RUN_TOGETHER = (r"(?:(?<![\d.:/-])(?P<cy>(?:19|20)\d\d)年?(?P<cmd>\d{2,4})"
                 r"|(?<=[,。;:\n至到于从自])(?P<cmd2>\d{3,4}))日")


# A date or a range; the second half may omit the year (至12月16日) or the month (-27日).
# A range printing its unit once (2016年5至7月, 2018年1月4至5日) is its own branch, `r…`;
# a numeric date (2020-08-26, 2020.8.26) another, `n…`; a date run together another, `c…`,
# perhaps closed by another (2024717日至830日) or by a whole one (2025年1021日至2026年1月9日).
# Every part being optional, the pattern matches empty wherever no date begins; _DATE_START,
# every character a non-empty match can begin with (a range separator too: 至12月16日 is matched,
# then dropped), skips those places inside the regex engine instead of returning an empty match
# per character to Python.
_DATE_START = r"(?=[\d〇零一二三四五六七八九十今去前明同当次翌上中下初底 起开至到\-—–~〜])"
_DATE = re.compile(
    rf"{_DATE_START}(?:"
    rf"(?P<r>(?:(?P<ry>{_YEAR}){_NIAN})?(?:(?P<rm>{_MONTH}){_YUE})?(?P<r1>{_DAY})(?:至|到|-|—)"
    rf"(?P<r2>{_DAY})(?P<ru>月|[日号]))"
    r"|(?P<n>(?<![\d.-])(?P<ny>\d{4})(?P<nsep>[-./])(?P<nm>\d{1,2})(?P=nsep)(?P<nd>\d{1,2})(?![\d.-]))"
    rf"|(?P<c>{_RUN_TOGETHER}(?:{_RANGE_SEP}(?:(?P<ce>\d{{3,4}})日|(?=[^,。;\n]*?日){_part('f')}))?)"
    rf"|{_part('s')}(?:{_RANGE_SEP}{_part('e')})?)"
)

# What makes a lone date the start of an open range: 3月17日起 / 8月11日开始 (not 起至…).
_OPENS = re.compile(r"[ ]*(?:起|开始)(?![ ]*(?:至|到))")

_AT = "于"
"""Right before a month, it says the month is when something happened (并于7月反馈了巡察意见)."""

_RELATIVE_YEAR = {"今": 0, "去": -1, "前": -2, "明": 1}
"""Offset of a relative year (今年, 去年, 前年, 明年) from the report's own year."""
_AFTER_PREVIOUS = {"同": 0, "当": 0, "次": 1, "翌": 1}
"""同年 / 当年 / 次年 / 翌年: offset from the year of the date just mentioned, whatever the
report's own year."""


@dataclass(frozen=True)
class DateMention:
    """A date (end None) or a range as printed at `span`; `opens` marks a date that starts an
    open range (从3月17日起), `year_given` whether a year was printed (2019年, 今年) rather than
    taken from the dates around it (a bare 3月5日)."""

    start: PartialDate
    end: PartialDate | None
    span: Span
    opens: bool = False
    year_given: bool = True

    @property
    def last(self) -> PartialDate:
        """The later bound: what a following year-less date inherits its year from."""
        return self.end or self.start


def _valid(year: int, month: int | None, day: int | None) -> PartialDate | None:
    """The PartialDate, or None for impossible calendar values (2月30日, 13月)."""
    if not 1900 <= year <= 2100:
        return None
    try:
        dt.date(year, month or 1, day or 1)
    except ValueError:
        return None
    return PartialDate(year, month, day)


@dataclass(frozen=True)
class _Years:
    """What a date that does not print its own year can take it from."""

    report: int | None  # the report's own year, for 今年 / 去年
    previous: int | None  # the year of the date just before, for 同年 / 次年
    paragraph: int | None  # the same, but only inside one paragraph, for a bare 7月19日
    signed: int | None  # the year the report is signed in, for a bare 7月19日 opening a paragraph
    last: PartialDate | None = None  # the date just before, in any paragraph
    ahead: PartialDate | None = None  # the first dated mention after, for dates before any year

    def of(self, token: str | None) -> int | None:
        """The year a printed token (2019, 二〇一九, 今, 同; None: not printed) stands for. A bare
        7月19日 takes its paragraph's year, else the signature's, else (an unsigned news release
        giving the year once) the year of the date just before it."""
        if token is None:
            years = (self.paragraph, self.signed, self.previous, self.ahead.year if self.ahead else None)
            return next((y for y in years if y is not None), None)
        if token in _AFTER_PREVIOUS:
            return None if self.previous is None else self.previous + _AFTER_PREVIOUS[token]
        if token in _RELATIVE_YEAR:
            return None if self.report is None else self.report + _RELATIVE_YEAR[token]
        return to_int(token)


    def onward(self, start: PartialDate) -> PartialDate:
        """A bare date that took the year of a date in an earlier paragraph (no signature year)
        but falls before it is in the next year: a release tells its events in order after its
        lead (2022年12月5日至13日巡视。\n3月14日审议 → 2023年3月14日). A lead's bare date keeps the
        year of the first date after it: the background that follows may be of the year before,
        which only the kind of event can tell (a feedback is not before its tour)."""
        if self.paragraph is not None or self.signed is not None:
            return start
        if self.last is not None and start.as_date() < self.last.as_date():
            return _valid(start.year + 1, start.month, start.day) or start
        return start


def _num(token: str | None) -> int | None:
    return None if token is None else to_int(token)


def _short_range(m: re.Match[str], years: _Years) -> DateMention | None:
    """`2016年5至7月` (months of one year) or `2018年1月4至5日` (days of one month)."""
    year = years.of(m.group("ry"))
    by_month = m.group("ru") == "月"
    if year is None or by_month == bool(m.group("rm")):  # 5至7月 needs no 月 before; 4至5日 does
        return None
    first, second = _num(m.group("r1")), _num(m.group("r2"))
    if by_month:
        start, end = _valid(year, first, None), _valid(year, second, None)
    else:
        month = _num(m.group("rm"))
        start, end = _valid(year, month, first), _valid(year, month, second)
    if start is None or end is None or end.as_date() < start.as_date():
        return None
    return DateMention(start, end, Span(m.start(), m.end()), year_given=m.group("ry") is not None)


def _unit_end(m: re.Match[str], group: str) -> int:
    """The offset just past the 日/月 that follows a numeral group (and the blank before it)."""
    pos = m.end(group)
    return pos + (2 if m.string[pos] == " " else 1)


def _after_at(m: re.Match[str]) -> bool:
    """Whether 于 stands right before the match: what makes a bare month a date."""
    return m.string[max(m.start() - 1, 0) : m.start()] == _AT


def _month_day(digits: str) -> tuple[int, int] | None:
    """The one (month, day) a run of digits splits into (717 → 7, 17; 1021 → 10, 21), or None
    when none or two do (111: 1月11日 or 11月1日)."""
    splits = [(int(digits[:k]), int(digits[k:])) for k in (1, 2) if 1 <= len(digits) - k <= 2]
    valid = [(mo, d) for mo, d in splits if 1 <= mo <= 12 and 1 <= d <= 31]
    return valid[0] if len(valid) == 1 else None


def _run_together(m: re.Match[str], years: _Years) -> DateMention | None:
    """A date whose 年 and 月 the page lost, and the end of its range if it has one."""
    split = _month_day(m.group("cmd") or m.group("cmd2"))
    year = years.of(m.group("cy"))
    start = _valid(year, *split) if split and year is not None else None
    if start is None:
        return None
    end = None
    if m.group("ce"):
        tail = _month_day(m.group("ce"))
        end = _valid(start.year, *tail) if tail else None
        if end is not None and end.as_date() < start.as_date():
            end = _valid(start.year + 1, end.month, end.day)
    elif m.group("fm") and m.group("fd"):
        end = _valid(years.of(m.group("fy")) if m.group("fy") else start.year, _num(m.group("fm")),
                     _num(m.group("fd")))
    if end is None or end.as_date() < start.as_date():
        day_end = (m.end("cmd") if m.group("cmd") else m.end("cmd2")) + 1  # past its 日
        return DateMention(start, None, Span(m.start(), day_end), year_given=m.group("cy") is not None)
    return DateMention(start, end, Span(m.start(), m.end()), year_given=m.group("cy") is not None)


def _resolve(m: re.Match[str], years: _Years) -> DateMention | None:
    """Turn a match into a validated mention; None when incomplete, impossible or unresolvable."""
    if m.group("r"):
        return _short_range(m, years)
    if m.group("c"):
        return _run_together(m, years)
    if m.group("n"):
        start = _valid(int(m.group("ny")), int(m.group("nm")), int(m.group("nd")))
        return DateMention(start, None, Span(m.start(), m.end())) if start else None
    sy, sm, sd, part = m.group("sy"), m.group("sm"), m.group("sd"), m.group("sp")
    if sm is None or (sy is None and sd is None and part is None and not _after_at(m)):
        return None  # a bare 3月 is too loose; 年+月, 月+日, 6月下旬 and 于7月 are not
    year = years.of(sy)
    start = None if year is None else _valid(year, _num(sm), _num(sd))
    if start is None:
        return None
    start = start if sy is not None else years.onward(start)
    end = _range_end(m, start, years)
    # a lone date ends at the 日/月 after its last printed field
    stop = m.end() if end else m.end("sp") if part else _unit_end(m, "sd" if sd else "sm")
    opens = end is None and bool(_OPENS.match(m.string, stop))
    return DateMention(start, end, Span(m.start(), stop), opens, sy is not None)


def _range_end(m: re.Match[str], start: PartialDate, years: _Years) -> PartialDate | None:
    """The second half of a range, filling the year/month it omits from the first half."""
    ey, em, ed = m.group("ey"), m.group("em"), m.group("ed")
    if ey is None and em is None and ed is None:
        return None
    if (start.day is None) != (ed is None):  # 11月至1月 or 9月16日至12月16日, not mixed
        return None
    year = start.year if ey is None else years.of(ey)
    month = _num(em) if em else (start.month if ey is None else None)
    if year is None or month is None:
        return None
    end = _valid(year, month, _num(ed))
    if end is not None and ey is None and end.as_date() < start.as_date():
        end = _valid(year + 1, month, end.day)  # 12月20日至1月20日 crosses the new year
    if end is None or end.as_date() < start.as_date():
        return None
    return end


def find_dates(text: str, this_year: int | None = None) -> list[DateMention]:
    """Every date and range in `text`, in order.

    Relative years (今年) resolve against `this_year` (the report's signature year) or, failing
    that, the year of the nearest earlier date; a year-less `M月D日` takes the year of the
    nearest earlier date in the same paragraph, else `this_year` (a news release dating its
    events by month and day only), else the year of the date before it or, opening an unsigned
    text, of the first date after it. Unresolvable mentions are left out.
    """
    out: list[DateMention] = []
    leading: list[re.Match[str]] = []  # bare dates before any year, in a text without a signature
    for m in _DATE.finditer(text):
        if m.end() == m.start():
            continue
        prev = out[-1].last.year if out else None
        same_para = bool(out) and "\n" not in text[out[-1].span.end : m.start()]
        years = _Years(this_year if this_year is not None else prev, prev, prev if same_para else None,
                       this_year, out[-1].last if out else None)
        mention = _resolve(m, years)
        if mention is not None:
            out.append(mention)
        elif not out and this_year is None:
            leading.append(m)
    if leading and out:
        years = _Years(None, None, None, None, ahead=out[0].start)
        out = [x for x in (_resolve(m, years) for m in leading) if x is not None] + out
    return _closed(text, out)


# An open range closed in the next clause: 从2019年4月1日开始,5月31日结束.
_THEN = re.compile(r"[ ]*[,,][ ]*")
_ENDS = re.compile(r"[ ]*(?:结束|止)")


def _closed(text: str, found: list[DateMention]) -> list[DateMention]:
    """Join a date that opens a range to the date that ends it in the next clause, and two days
    printed back to back, the page having lost the 至 between them (2020年5月6日6月5日)."""
    out: list[DateMention] = []
    for d in found:
        prev = out[-1] if out else None
        if (prev is None or prev.end is not None or d.end is not None
                or d.start.as_date() < prev.start.as_date()):
            out.append(d)
        elif ((prev.opens and _THEN.fullmatch(text, _OPENS.match(text, prev.span.end).end(), d.span.start)
               and _ENDS.match(text, d.span.end))
              or (prev.span.end == d.span.start and prev.start.day and d.start.day)):
            out[-1] = DateMention(prev.start, d.start, Span(prev.span.start, d.span.end),
                                  year_given=prev.year_given)
        else:
            out.append(d)
    return out


# A range opened on the day the text is dated: 自即日起至11月30日.
_FROM_TODAY = re.compile(r"(?:自|从)即日起?(?:至|到)")


def from_today(text: str, today: PartialDate | None) -> list[DateMention]:
    """The ranges `text` opens 即日 (`today`, the day it is dated) and closes at the date after."""
    out: list[DateMention] = []
    for m in _FROM_TODAY.finditer(text) if today and today.day else ():
        ends = find_dates(text[m.end() : m.end() + 12], today.year)
        end = ends[0] if ends and ends[0].span.start == 0 and ends[0].end is None else None
        if end is not None and end.start.as_date() >= today.as_date():
            out.append(DateMention(today, end.start, Span(m.start(), m.end() + end.span.end)))
    return out
