"""Document type and headline title.

A report is either about rectifying what an inspection found (`rectification`: a unit's own
account, progress news, checks on rectification, rectification meetings) or comes from the
inspecting side (`feedback`: feedback news, round announcements, 进驻 and 动员 news, withdrawal
notices, leadership-group meetings). Rectification reports also recount the feedback they
received ("市委巡察组向市委政法委反馈了巡察意见"), so their own markers — the headline,
"现将…整改情况予以公布", the closing call to supervise the rectification, "整改情况:" blocks,
a lead about checking rectification — are looked for first; any other text about an inspection
is the inspecting side's.
"""
from __future__ import annotations

import re

from ..model import DocType, Document, Span
from ..page_meta import DATE_LABELS, PAGE_TITLE, SOURCE_LABELS
from .numerals import NUMBER
from .organizations import UNIT_NAME

_TITLE_SCAN_LINES = 12
"""A headline stands above the body, though disclosure pages put a block of metadata lines
(索引号, 文件名称, 发布机构 …) before it; the first sentence of the body ends the search."""
_TITLE_MAX_LEN = 80
_TITLE_MIN_LEN = 8
"""Shorter lines that carry a headline word are metadata values such as 主动公开."""
_SPACED = re.compile(r"[\u4e00-\u9fff](?: [\u4e00-\u9fff]){3,}")
# A notice's short headline: 巡察公告, 巡视公告, 巡察工作公告.
_SHORT_TITLE = re.compile(r"(?:巡视|巡察)[\u4e00-\u9fff]{0,4}(?:公告|通告|公示)")
# A breadcrumb ending a line (>>资讯中心>>通知公告): its last crumb names a column, no headline.
_BREADCRUMB = re.compile(r"^[^>»›]*[>»›]")

# Words a headline is made of: 关于…的通报 / 情况 / 公开 / 公告 / 公布 / 报告 / 反馈 / 整改, or the
# inspection a news headline is about (十九届某某第六轮巡视将对…开展常规巡视).
_TITLE_WORD = re.compile(r"关于|通报|情况|公开|公告|公布|报告|反馈|整改|巡视|巡察")
# How a headline ends; one that stops short (…关于省委第三巡视组) goes on in the next line,
# as headlines laid out like official documents are broken in two.
_TITLE_END = re.compile(r"(?:通报|报告|公告|公示|公开|公布|情况|说明)$")
# A line that only names the unit a headline broken after it (中共某某省委 / 关于…) begins with.
_UNIT_LINE = re.compile(UNIT_NAME)
# A line that cannot be a headline: it opens with an outline marker, a dated clause or a summary's
# label (摘要:), or reads as a sentence (根据/按照/为… openings, inner full stops, a trailing clause mark).
_NOT_TITLE = re.compile(
    r"^(?:[一二三四五六七八九十]+、|[(][一二三四五六七八九十\d]+[)]|\d+[.、。]|\d{4}年[^,。]*[,。]"
    r"|根据|按照|为了?|近日|日前|经|(?:内容)?(?:摘要|提要)[::])|。.|[,;:,。]$"
    rf"|^(?:{SOURCE_LABELS}|{DATE_LABELS}):"  # a page's metadata line (来源:县委巡察办)
)


# A rectification headline: 整改情况的通报, 集中整改情况的公开, 整改进展情况 …, or the
# implementation of the feedback: 关于巡视反馈意见落实情况的报告.
_RECTIFICATION_TITLE = re.compile(
    r"整改[^,]{0,8}(?:情况|通报|公告|公开|报告|公示|方案|进展)|反馈(?:意见|问题)[^,]{0,4}落实(?:工作)?情况")
# A headline about the feedback or about a round's findings, once no 整改 wording claimed it:
# 巡察反馈情况 / 关于十四届县委第五轮巡察情况的通报.
_FEEDBACK_TITLE = re.compile(r"反馈|(?:巡视|巡察)(?:工作)?情况")
# The report says it is publishing its own rectification.
_RECTIFICATION = re.compile(
    r"(?:现将|现就|特将|现[^。,将]{1,8}将).{0,60}整改(?:工作)?(?:落实|进展)?(?:情况|进展)"  # 现(根据规定)将…整改情况予以公布
    r"|欢迎.{0,30}对.{0,40}整改.{0,20}监督"  # the closing call to supervise the rectification
    r"|(?:^|。)整改(?:落实|进展)?(?:情况|措施|进展)\s*:"  # a finding's 整改情况: / 整改措施: block
    r"|^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\))[^\n。]{0,30}"
    r"整改(?:落实|工作)?(?:情况|进展)"  # a section heading such as 二、反馈问题整改落实情况
    rf"|整改完成率|(?:已|完成)整改(?:销号|到位)?(?:问题)?{NUMBER}"  # progress counted: 已整改销号问题453个
    , re.MULTILINE,
)
# Work on the rectification itself, what a headline or a news lead is about: checks
# (巡察整改工作开展督促检查, 整改落实情况回访督查), meetings (整改工作汇报会, 整改调度会议, 整改专题民主
# 生活会, 整改工作动员大会, a unit's 巡察整改情况通报会), evaluations (整改成效评估), a rectification 回头看, a unit planning it
# (专题研究安排整改落实工作), a meeting hearing how it goes (听取…整改工作进展情况汇报), work on what was
# to be put right at once (边巡边改问题调度会).
_RECTIFICATION_WORK = re.compile(
    r"(?:整改|边巡边改|立行立改)[^。,;!?]{0,8}?(?:督查|督促检查|督导|回访|回头看|调度|推进会|汇报会|通报会|评估|验收|领导小组|动员|民主生活会)"
    r"|听取[^。,;!?]{0,20}?整改[^。,;!?]{0,10}?(?:情况|进展)的?汇报"  # 听取…巡视反馈意见整改工作进展情况汇报
    r"|(?:研究|安排|部署)[^。,;!?]{0,8}?整改"
    r"|(?:研究|安排|部署|调度|督办)[^。,;!?]{0,20}?(?:巡视|巡察)[^。,;!?]{0,8}?整改")  # 调度…巡视反馈问题整改
# A headline on what an inspection made a unit put right: 巡察规范村级财务公开, 巡视组责令整改,
# 巡察推动解决…问题, 立行立改 stories (not a summary's 巡察助力…, 巡视巡察推动全面从严治党).
_RECTIFIED_TITLE = re.compile(r"(?:巡视|巡察)组?(?:推动)?(?:规范|督促|责令|解决|破解|化解|整治|打通|办实事|解难)"
                              r"|立行立改|边巡边改|即知即改")
_LEAD_SENTENCES = 2
"""A news story says in its first sentences what it is about."""
# Any other text about an inspection comes from the inspecting side.
_INSPECTION = re.compile(r"巡视|巡察")


def classify(text: str, title: str | None) -> DocType | None:
    """`rectification`, `feedback`, or None when the text shows neither.

    `title` is the headline `extract_title` found (the parser finds it once for both): a
    headline's wording decides before the body's.
    """
    if title and any(p.search(title) for p in (_RECTIFICATION_TITLE, _RECTIFICATION_WORK, _RECTIFIED_TITLE)):
        return "rectification"
    if title and _FEEDBACK_TITLE.search(title):
        return "feedback"
    lead = "。".join(text.split("。", _LEAD_SENTENCES)[:_LEAD_SENTENCES])
    if _RECTIFICATION_WORK.search(lead) or _RECTIFICATION.search(text):
        return "rectification"
    return "feedback" if _INSPECTION.search(text) else None


def is_inspection_report(doc: Document) -> bool:
    """A text about an inspection (巡视/巡察) that reads as its feedback or rectification, or
    names an inspected unit or problems: a news item on something else is none of these."""
    about_inspection = "巡视" in doc.text or "巡察" in doc.text
    return about_inspection and bool(doc.doc_type or doc.inspections or doc.findings)


def extract_title(text: str) -> tuple[str, Span] | None:
    """The headline among the first lines, or None when the report opens with its body."""
    start = 0
    lines = text.split("\n")[: _TITLE_SCAN_LINES + 1]
    for n, line in enumerate(lines[:_TITLE_SCAN_LINES]):
        glued = PAGE_TITLE.match(line)
        headline = glued.group("title") if glued else line
        if headline != line and _is_title(headline):
            return headline, Span(start + glued.start("title"), start + glued.end("title"))
        if _is_title(line) and not _BREADCRUMB.match(line):
            return _whole_title(lines, n, start)
        if "。" in line:  # the body has begun
            return None
        start += len(line) + 1
    return None


def _whole_title(lines: list[str], n: int, start: int) -> tuple[str, Span]:
    """The headline on line n (at `start`) joined with the part broken off above or below it:
    中共某某省委 / 关于巡视整改情况的通报, or …关于省委第三巡视组 / 反馈意见整改情况的通报."""
    printed = lines[n]
    before = lines[n - 1] if n else ""
    after = lines[n + 1] if n + 1 < len(lines) else ""
    joined, joined_start = printed, start
    if printed.startswith("关于") and _UNIT_LINE.fullmatch(before):
        joined, joined_start = f"{before}\n{printed}", start - len(before) - 1
    elif _continues(printed, after):
        joined = f"{printed}\n{after}"
    if len(joined) - 1 > _TITLE_MAX_LEN:
        joined, joined_start = printed, start
    return joined.replace("\n", ""), Span(joined_start, joined_start + len(joined))


def _continues(printed: str, after: str) -> bool:
    """Whether the line after a headline that stops short is the rest of it."""
    return (not _TITLE_END.search(printed) and bool(_TITLE_END.search(after))
            and not _NOT_TITLE.search(after))


def _is_title(line: str) -> bool:
    """Whether a line reads as a headline: short (or set with a space between its characters,
    巡 察 公 告), made of headline words, not a sentence."""
    long_enough = len(line) >= _TITLE_MIN_LEN or bool(_SPACED.fullmatch(line) or _SHORT_TITLE.fullmatch(line))
    return (long_enough and len(line) <= _TITLE_MAX_LEN and bool(_TITLE_WORD.search(line.replace(" ", "")))
            and not _NOT_TITLE.search(line))
