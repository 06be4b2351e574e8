"""The issuer and the signature date, from where official texts put them.

A formal report closes with the issuing body on one line and the date on the next
(`中共娄底市委政法委员会` / `2020年8月26日`); a news-style release ends with a byline
(`(市委巡察办 周首标)`); a short public notice names its unit only in the title
(`天心区委关于…的通报`); a web page states them in its metadata (`来源:县委巡察办`,
`发布时间:2023-04-18`, kept by normalization) and a news story in its dateline
(`新华社北京4月17日电`). Dates in the body are events, not the publication.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import takewhile

from ..model import PartialDate, Span
from ..page_meta import DATE, DATE_LABELS, OUTLET_END, PAGE_TITLE, SOURCE_LABELS, TIME
from .dates import DateMention, find_dates
from .numerals import CN_NUMBER, to_int
from .organizations import ORG_END, UNIT_NAME

# A line that is nothing but a body's name: no punctuation, ends like an organization, perhaps
# with its other name in parentheses (中共某市委办公室(市委巡察办)).
_ISSUER_LINE = re.compile(rf"{UNIT_NAME}(?:\([\u4e00-\u9fff、]{{2,20}}\))?")
# The first line of a signature broken in two: 中共某县委巡察工作.
_BROKEN_NAME = re.compile(r"中共[\u4e00-\u9fff]{2,20}")
# A byline closing the text: (市委巡察办 周首标), (供稿:市委巡察办), (市委巡察办供稿).
_BYLINE = re.compile(
    rf"[(](?:供稿|来源|作者单位)?:?(?P<org>[\u4e00-\u9fff]{{2,20}}?{ORG_END})"
    r"(?:供稿)?(?: [\u4e00-\u9fff·]{2,5})*[)]$"
)
# A source line, unbracketed: 稿件来源: 某县融媒体中心, the page's 来源:县委巡察办 or 来源:新华网 (the
# bracketed form is a byline). A user name (来源:tmjjjc1) or a bare place (信息来源:永德) is none.
_SOURCE_LINE = re.compile(
    rf"(?:{SOURCE_LABELS})\s*:\s*(?P<org>[\u4e00-\u9fff]{{2,20}}?(?:{ORG_END}|{OUTLET_END}))\s*$")
# A reporter's credit naming the outlet: 文/某某日报记者:某某 (the text's writer, 文; a photo's, 图).
_CREDIT = re.compile(r"^[(]?[文图]\s?/\s?(?!本报|本台|本网)(?P<outlet>[\u4e00-\u9fff]{2,12}?)记者")
# A newspaper's name as its page prints it apart from the text: 某某日报 (社出版), 某某晚报.
_PAPER = re.compile(r"(?<![\u4e00-\u9fff])[\u4e00-\u9fff]{2,6}?(?:日报|晚报|早报|商报|时报|都市报)")
# A paper's imprint closing a story it printed: 《某某日报》(2020年11月24日 06版), 《 某某报 》( 2023年
# 10月11日 04 版): the paper and the day of its issue.
_IMPRINT = re.compile(rf"《\s*(?P<paper>[\u4e00-\u9fff]{{2,12}}?报)\s*》\s*\(\s*(?P<date>{DATE})"
                      r"(?:\s*[\d\u4e00-\u9fff]{1,4}\s*版)*\s*\)")
# A site's footer naming the unit that runs it: 主办单位:中共某某市纪律检查委员会 某某市监察委员会.
_HOST = re.compile(rf"^主办(?:单位)?\s*:\s*(?P<org>[\u4e00-\u9fff]{{2,30}}?{ORG_END})(?:\s|$)")
# A site's banner welcoming its visitors: 欢迎光临 某某区人民法院网站.
_WELCOME = re.compile(rf"^欢迎您?(?:光临|访问|来到)\s*(?P<org>[\u4e00-\u9fff]{{2,30}}?{ORG_END})(?:门户|官方)?(?:网站|网|官网)$")
# A signature's date whose 年 or 月 a page lost (20251021日, 2025年1021日): still the signature's line.
_LOST_DATE = re.compile(r"\d{4}年?\d{3,4}日")
# A page's date line as normalization keeps it: 发布时间:2023-04-18, or the date and time alone.
_PAGE_DATE = re.compile(rf"(?:(?P<label>{DATE_LABELS}):)?(?P<date>{DATE})(?: ?{TIME})?")
_PAGE_DATE_RANK = DATE_LABELS.split("|")
"""Labels in order of preference: a publication date before the writing date (成文日期)."""
# A news dateline opening the story, naming its outlet: 新华社北京4月17日电, 某某网北京11月10日消息,
# 【某某社北京十二月三日电】, 某某日报海口12月23日讯 (only the month and day are printed), or no date:
# 河北日报讯, 据某某网报道, 本报讯 (the paper itself, unnamed); a stray mark a page lost an icon to may
# stand before it (? 某某晚报4月23日讯).
_DATELINE = re.compile(
    rf"^(?:[^\w【(]\s?)?[【(]?据?(?:本报|(?P<outlet>[\u4e00-\u9fff]{{2,10}}?{OUTLET_END}))(?:讯|报道|[\u4e00-\u9fff]{{0,6}}?"
    rf"(?P<m>\d{{1,2}}|{CN_NUMBER})月(?P<d>\d{{1,2}}|{CN_NUMBER})日(?:电|讯|消息))")
# A year the text prints alone (2017年首轮…), not a target (到2035年): a dateline may take it.
_YEAR_ALONE = re.compile(r"(?<![\d到至])(?P<y>\d{4})年(?!\d{1,2}月)")
# A title led by its unit: 天心区委关于省委巡视第一组反馈意见整改情况的通报.
_TITLE_UNIT = re.compile(
    rf"(?P<org>[\u4e00-\u9fff]{{2,30}}?{ORG_END})关于[^。]{{2,80}}(?:通报|公告|公开|报告|情况|公布)"
)
_TITLE_LINES = 12
"""A headline stands within the first lines; the body's first sentence ends the search."""
_CLOSING_LINES = 6
"""The signature sits in the last few lines, after the contact block at most."""


@dataclass
class Signature:
    """Who issued the report and when, with the spans they were read from."""

    issuer: str | None = None
    issuer_span: Span | None = None
    published_on: PartialDate | None = None
    published_span: Span | None = None


@dataclass(frozen=True)
class _Line:
    text: str
    start: int


def _lines(text: str) -> list[_Line]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append(_Line(line, pos))
        pos += len(line) + 1
    return out


def _date_line(line: _Line) -> tuple[str, PartialDate, Span] | None:
    """(leading issuer text, date, span) when the line ends in a full date and holds nothing else
    but an optional issuer before it: `2020年8月26日` or `中共X委员会 2020年8月26日`."""
    found = find_dates(line.text)
    if not found or found[-1].end is not None:
        return None
    last = found[-1]
    if last.span.end != len(line.text) or last.start.day is None:
        return None
    head = line.text[: last.span.start].strip()
    if head and not _ISSUER_LINE.fullmatch(head):
        return None
    return head, last.start, Span(line.start + last.span.start, line.start + last.span.end)


def _issuer_line(line: _Line) -> tuple[str, Span] | None:
    text = line.text.strip()
    if not _ISSUER_LINE.fullmatch(text):
        return None
    start = line.start + line.text.index(text)
    return text, Span(start, start + len(text))


def _with_first_half(above: list[_Line], name: str, span: Span) -> tuple[str, Span]:
    """Join a name broken over two lines (中共某县委巡察工作 / 领导小组办公室): the line above
    starts with 中共 and is no full name itself."""
    if above and _BROKEN_NAME.fullmatch(above[-1].text) and not _ISSUER_LINE.fullmatch(above[-1].text):
        return above[-1].text + name, Span(above[-1].start, span.end)
    return name, span


def _body_start(lines: list[_Line]) -> int:
    """Index of the first line of the body (the first holding a full stop): a date above it is
    the page's, never a signature."""
    return next((i for i, line in enumerate(lines) if "。" in line.text), len(lines))


def _after_last_sentence(line: _Line) -> _Line | None:
    """What follows a paragraph's last full stop on its own line: a signature the page ran into
    the text (…特此公告。 某某巡视组 2018年5月5日)."""
    cut = max(line.text.rfind("。"), line.text.rfind("!")) + 1
    return _Line(line.text[cut:], line.start + cut) if 0 < cut < len(line.text) else None


def _closing(lines: list[_Line]) -> Signature:
    """Issuer and date from the last lines: a date line, and the issuer on it or just above it."""
    tail = lines[max(len(lines) - _CLOSING_LINES, _body_start(lines)) :]
    for i in range(len(tail) - 1, -1, -1):
        signed = next((part for part in (tail[i], _after_last_sentence(tail[i])) if part and _date_line(part)), None)
        if signed is None:
            continue
        head, date, span = _date_line(signed)
        sig = Signature(published_on=date, published_span=span)
        if head:
            start = signed.start + signed.text.index(head)
            sig.issuer, sig.issuer_span = head, Span(start, start + len(head))
        elif i > 0 and (named := _issuer_line(tail[i - 1])):
            sig.issuer, sig.issuer_span = _with_first_half(tail[: i - 1], *named)
        return sig
    if len(tail) > 1 and _LOST_DATE.fullmatch(tail[-1].text.strip()):
        tail = tail[:-1]  # the issuer above a date the page mangled
    named = _issuer_line(tail[-1]) if tail else None
    return Signature(*named) if named else Signature()


def _page_date(lines: list[_Line]) -> tuple[PartialDate, Span] | None:
    """The date of a page's metadata line (发布时间:2023-04-18), by the preference of its label,
    else a date line standing alone above the body (the page's posting time)."""
    found = []
    body = _body_start(lines)
    for n, line in enumerate(lines):
        m = _PAGE_DATE.fullmatch(line.text)
        if m and (m.group("label") or n < body):
            date = find_dates(m.group("date"))
            if date and date[0].start.day is not None:
                rank = _PAGE_DATE_RANK.index(m.group("label")) if m.group("label") else len(_PAGE_DATE_RANK)
                span = Span(line.start + m.start("date"), line.start + m.end("date"))
                found.append((rank, n, date[0].start, span))
    return min(found, key=lambda f: f[:2])[2:] if found else None


def _imprint_date(lines: list[_Line]) -> tuple[PartialDate, Span] | None:
    """The day of the paper's issue its imprint names at the end of a story it printed."""
    found = _closing_match(lines, _IMPRINT, "date")
    dates = find_dates(found[0]) if found else []
    return (dates[0].start, found[1]) if dates and dates[0].start.day is not None else None


def _dateline(lines: list[_Line]) -> re.Match[str] | None:
    """The dateline opening the body's first line, if it has one."""
    n = _body_start(lines)
    return _DATELINE.match(lines[n].text) if n < len(lines) else None


def _dateline_date(text: str, lines: list[_Line]) -> tuple[PartialDate, Span] | None:
    """The month and day of a news dateline, in the latest year the story prints: alone (2017年
    首轮…) or in a dated event that is not later in its year than the dateline."""
    m = _dateline(lines)
    if m is None or m.group("m") is None:
        return None
    month, day = to_int(m.group("m")), to_int(m.group("d"))
    if month is None or day is None:
        return None
    years = [d.last.year for d in find_dates(text) if _printed_year(text, d)
             and (d.last.month or 0, d.last.day or 0) <= (month, day)]
    years += [int(y) for y in _YEAR_ALONE.findall(text)]
    date = find_dates(f"{max(years)}年{month}月{day}日") if years else None
    start = lines[_body_start(lines)].start
    return (date[0].start, Span(start + m.start("m"), start + m.end())) if date else None


def _printed_year(text: str, d: DateMention) -> bool:
    """Whether a date mention prints its year in digits (2020年…, 2020-08-26)."""
    return text[d.span.start : d.span.start + 4].isdigit()


def _outlet(lines: list[_Line]) -> tuple[str, Span] | None:
    """The outlet a dateline names (新华社长沙8月4日电, 河北日报讯, 据某某网报道); for 本报讯, the one
    paper the page's furniture names (a newspaper page's masthead: 某某日报社出版)."""
    m = _dateline(lines)
    if m is None:
        return None
    if m.group("outlet") is None:
        papers = {(p.group(), line.start + p.start()) for line in lines if "。" not in line.text
                  for p in _PAPER.finditer(line.text)}
        if len({name for name, _ in papers}) != 1:
            return None
        name, at = min(papers, key=lambda p: p[1])
        return name, Span(at, at + len(name))
    start = lines[_body_start(lines)].start
    return m.group("outlet"), Span(start + m.start("outlet"), start + m.end("outlet"))


def _page_title_site(lines: list[_Line]) -> tuple[str, Span] | None:
    """The unit a browser title names after its headline (…情况-某某大学党委巡视办)."""
    for line in lines[: min(_TITLE_LINES, _body_start(lines))]:
        m = PAGE_TITLE.match(line.text)
        if m and m.group("site"):
            return m.group("site"), Span(line.start + m.start("site"), line.start + m.end("site"))
    return None


def _byline(lines: list[_Line]) -> tuple[str, Span] | None:
    """The unit of a `(unit author)` byline at the very end of the text, else of a `来源:unit`
    line among the closing lines (an editor's or a date line may follow it)."""
    if not lines:
        return None
    m = _BYLINE.search(lines[-1].text)
    if m:
        return m.group("org"), Span(lines[-1].start + m.start("org"), lines[-1].start + m.end("org"))
    return _source(reversed(lines[-_CLOSING_LINES:]))


def _closing_match(lines: list[_Line], pattern: re.Pattern[str], group: str) -> tuple[str, Span] | None:
    """The `group` of the last of the closing lines that `pattern` matches."""
    return _first_match(reversed(lines[-_CLOSING_LINES:]), pattern, group)


def _opening_match(lines: list[_Line], pattern: re.Pattern[str], group: str) -> tuple[str, Span] | None:
    """The `group` of the first line above the body that `pattern` matches."""
    return _first_match(lines[: min(_TITLE_LINES, _body_start(lines))], pattern, group)


def _first_match(lines: Iterable[_Line], pattern: re.Pattern[str], group: str) -> tuple[str, Span] | None:
    for line in lines:
        m = pattern.match(line.text)
        if m:
            return m.group(group), Span(line.start + m.start(group), line.start + m.end(group))
    return None


def _source(lines: Iterable[_Line]) -> tuple[str, Span] | None:
    """The first body a source line among `lines` names (来源:县委巡察办), if any."""
    for line in lines:
        m = _SOURCE_LINE.match(line.text.strip())
        if m:
            at = line.start + line.text.index(m.group("org"))
            return m.group("org"), Span(at, at + len(m.group("org")))
    return None


def _title_unit(lines: list[_Line]) -> tuple[str, Span] | None:
    """The unit leading a `X关于…的通报` headline above the body: on one line, or broken over two
    (中共某某省委 / 关于…的通报), perhaps below metadata lines (索引号 …)."""
    head = list(takewhile(lambda line: "。" not in line.text, lines[:_TITLE_LINES]))
    for i, line in enumerate(head):
        following = head[i + 1].text if i + 1 < len(head) else ""
        for candidate in (line.text, line.text + following):
            m = _TITLE_UNIT.fullmatch(candidate)
            if m and m.end("org") <= len(line.text):
                return m.group("org"), Span(line.start + m.start("org"), line.start + m.end("org"))
    return None


def extract_signature(text: str) -> Signature:
    """Issuer from the closing lines, else a byline or a reporter's credit, the title's unit, the
    page's source, the site its browser title names, a dateline's outlet, a paper's imprint or the
    site's host (its footer or welcome banner); date from a signature line, else the page's
    metadata, else a paper's imprint, else a news dateline."""
    lines = _lines(text)
    sig = _closing(lines)
    if sig.issuer is None:
        found = (_byline(lines) or _closing_match(lines, _CREDIT, "outlet") or _title_unit(lines)
                 or _source(lines) or _page_title_site(lines) or _outlet(lines)
                 or _closing_match(lines, _IMPRINT, "paper") or _closing_match(lines, _HOST, "org") or _opening_match(lines, _WELCOME, "org"))
        if found:
            sig.issuer, sig.issuer_span = found
    if sig.published_on is None:
        found_date = _page_date(lines) or _imprint_date(lines) or _dateline_date(text, lines)
        if found_date:
            sig.published_on, sig.published_span = found_date
    return sig
