"""Page metadata: the fields a web page prints around an article (发布时间, 来源, 浏览次数 …).

They are page furniture, but two of them say something about the report: when it was
published and who published it. Normalization keeps those two, one field a line in a
canonical form (`发布时间:2023-04-18`, `来源:县委巡察办`), so that a value read from them has a
span in the normalized text like any other; counters, editors and page controls are dropped.
"""
from __future__ import annotations

import re

from .extract.organizations import ORG_END

DATE_LABELS = ("发布时间|发布日期|发表时间|发表日期|发稿时间|发文日期|公开日期|更新时间|更新日期|发布于|释出于"
               "|成文日期|生成日期|日期|时间")
"""Labels of a publication date; the writing date (成文日期) and bare 日期/时间 come last."""
SOURCE_LABELS = "信息来源|文章来源|稿件来源|新闻来源|来源单位|发布机构|发布单位|供稿单位|来源|供稿"
_OTHER_LABELS = ("浏览次数|阅读次数|访问次数|点击次数|点击数|点击量|浏览量|阅读量|访问量|点击|浏览|阅读|责任编辑|编辑|作者|审核人|审核|审稿"
                 "|校对|撰稿|摄影|通讯员|记者|字号|字体|分享到|分享|索引号|公开方式|公开范围|公开时限|主题分类"
                 "|体裁分类|信息分类|发文字号|文号|有效性|所属机构|所属栏目|栏目|标签|关键词"
                 # who put the page up and who passed it (a school's or a county's CMS): 创建者, 录入, 编审, 终审
                 "|创建者|创建人|发布者|发布人|录入者|录入|上传者|上传|责编|编审|初审|复审|终审|签发")
_FIELD = re.compile(rf"(?P<label>{DATE_LABELS}|{SOURCE_LABELS}|{_OTHER_LABELS})\s*:\s*")
# How a metadata line begins (after a dash or a bracket): a label, a year, or the site's address
# (www.example.gov.cn 】【 2024-08-29 】【 来源:…). Any other line is passed over at the cost of
# this one match.
_START = re.compile(rf"[-\s【\[]*(?:\d{{4}}|www\.|https?:|(?:{DATE_LABELS}|{SOURCE_LABELS}|{_OTHER_LABELS})\s*:)")
_SITE = re.compile(r"(?:https?://)?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+\S*")
_DATE_LABEL = re.compile(rf"(?:{DATE_LABELS})")
_SOURCE_LABEL = re.compile(rf"(?:{SOURCE_LABELS})")

OUTLET_END = r"(?:网|报|社|台|客户端)"
"""How the name of a news outlet ends: 某某网, 河北日报, 新华社, 某某电视台."""
# The outlet that posted a page, unlabelled after the date (2020-12-21 某某网); not the headline of a
# related story in a dated list (2018-03-02 关于巡察整改情况的通报).
_BARE_SOURCE = re.compile(rf"(?!.*(?:关于|情况|巡察|巡视|整改|通报|公告))[\u4e00-\u9fff]{{1,8}}?{OUTLET_END}")

DATE = r"\d{4}(?:-\d{1,2}-\d{1,2}|/\d{1,2}/\d{1,2}|\.\d{1,2}\.\d{1,2}|年\d{1,2}月\d{1,2}日)"
"""A full date as pages print it: 2023-04-18, 2022/3/24, 2021.4.21, 2021年04月21日."""
TIME = r"\d{1,2}:\d{2}(?::\d{2})?"
"""The time of day a page was posted: 07:25, 13:51:01."""
# A date, perhaps with the time of day the page was posted (2021年04月21日07:25, 2020-09-27 19:24).
_DATETIME = re.compile(rf"(?P<date>{DATE})(?:\s*{TIME})?")
# Page controls inside a metadata line: 【字体:大 中 小】, 【打印】, separators (| and the brackets
# that box each field: 】 【 2024-08-29 】 【).
_CONTROLS = re.compile(r"[【\[]\s*(?:字体|字号)[^】\]]*[】\]]?|[【\[](?:打印|关闭|收藏|分享)[^】\]]{0,4}[】\]]|[|【】\[\]]")
# What a field's value never holds: the punctuation of a sentence.
_SENTENCE_MARK = re.compile(r"[。,;!?]")
# A semicolon that only separates two fields (供稿:党委巡察办;作者:某某;编审:某某).
_FIELD_SEPARATOR = re.compile(rf";\s*(?=(?:{DATE_LABELS}|{SOURCE_LABELS}|{_OTHER_LABELS})\s*:)")
_MAX_VALUE = 40
"""A longer value is a sentence, not a page field."""


def kept_fields(line: str) -> list[str] | None:
    """The publication date and source of a page-metadata line, each in canonical form;
    [] for a metadata line that says neither, None for a line that is no page metadata.

    A metadata line is nothing but fields (`来源:X 发布时间:Y 浏览次数:`), perhaps opened
    by the date and time of posting (`2020-09-27 19:24 来源: 长江网`).
    """
    if not _START.match(line):
        return None
    rest = _FIELD_SEPARATOR.sub(" ", _CONTROLS.sub(" ", line)).strip(" -")
    site = _SITE.match(rest)
    if site:
        rest = rest[site.end() :].lstrip()
    if _SENTENCE_MARK.search(rest):
        return None
    kept: list[str] = []
    posted = _DATETIME.match(rest)
    if posted:  # with its time of day: no signature's date (a list of related stories ends a page)
        kept.append(posted.group())
        rest = rest[posted.end() :].lstrip()
    fields = list(_FIELD.finditer(rest))
    if posted and not fields and (outlet := _BARE_SOURCE.fullmatch(rest)):
        return [posted.group("date"), f"来源:{outlet.group()}"]  # 2020-12-21 某某网: posted by whom
    if rest[: fields[0].start() if fields else len(rest)].strip():
        return None  # text that is no field
    if not fields:
        return kept if posted and posted.group() != posted.group("date") else None
    for field, after in zip(fields, [*fields[1:], None]):
        label = field.group("label")
        value = rest[field.end() : after.start() if after else len(rest)].strip()
        if len(value) > _MAX_VALUE:
            return None
        if _DATE_LABEL.fullmatch(label) and value:
            date = _DATETIME.fullmatch(value)
            if date is None:
                return None  # 时间:2021年3月至5月 … is the report's text
            kept.append(f"{label}:{date.group('date')}")
        elif _SOURCE_LABEL.fullmatch(label) and value:
            kept.append(f"{label}:{value.split()[0]}")
    return kept


# Page chrome glued to a headline: the browser title's "> " and " - site name", a breadcrumb
# (巡察工作 > 正文 > …), a column tag (【巡察反馈】). The headline is what is left between them;
# the site names the unit or outlet that publishes it.
PAGE_TITLE = re.compile(
    r"^(?:.*[>»›]\s*|【[^】]{1,8}】\s*)?(?P<title>.+?)"
    rf"(?:\s*(?:-{{1,2}}|_|\|)\s*(?P<site>[^-_|]{{1,40}}(?:{ORG_END}|{OUTLET_END}|网站|门户|平台)))?$"
)
