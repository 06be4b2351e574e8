"""Units a report lists apart from any visit verb: the objects of a round (`本轮巡察对象包括A、B`,
`确定了第三轮巡察的对象为A、B`), the units counted and then named (`首批反馈巡视意见的有6家单位,
分别是A、B`), a `巡察对象` section by kind, a table of groups and their units, and a round's summary
(`…巡视反馈情况已全部公布,涉及甲、乙10个省区市`). What the sentence around says (group, round,
kind) is read by `opening` as for any `Mention`.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Span
from .mentions import Mention, mention, sentence_start
from .numerals import NUMBER
from .organizations import MODE, Group
from .rounds import kind_in
from .targets import split_targets

# The units a round covers, listed: 本轮巡察对象包括县住建局、县民政局等四个县直部门 / 确定了第三轮
# 巡察的对象为A、B / 本轮巡察的单位包括A、B / 本轮被巡察单位为A、B / 第三批已进驻的24个部门(单位)和
# 地区分别为A、B,以及C、D. Not 被巡察单位有关负责人.
_OBJECTS = re.compile(
    rf"(?:(?P<mode>{MODE})(?:工作)?的?(?:对象|单位)"
    rf"|(?:进驻|被{MODE})的?[^,。;:\n]{{0,20}}?(?:单位|地区|部门|党组织)\)?)"
    r"(?:分别)?(?:包括|为|是|有(?!关))[::]?(?P<targets>[^。;:!?\n]{2,600}?)(?=[。;!?\n]|$)")
# What counts units, not topics (3个重点:…): 单位, 部门(单位), 党组织, 乡镇, 高校, 企业 ….
_COLLECTIVE = r"(?:单位|部门|党组织|乡镇|街道|地区|企业|高校|院校|学校|村|社区|[省市县区]|机关|集团|公司)"
# Units counted or announced, then named: (首批反馈巡视意见的有)6家单位,分别是A、B / (本批次共)8所高校,
# 分别是A、B / (共巡察)3个单位:A、B、C / (将对)以下单位(开展巡察):A、B、C.
_COUNTED_THEN_NAMED = re.compile(
    rf"(?:{NUMBER}(?:个|家|所)|以下)[^,。;:!?\n]{{0,12}}?{_COLLECTIVE}[^,。;:!?\n]{{0,12}}?"
    rf"(?:[,:]?分别(?:是|为)[::]?|[::])"
    r"(?P<targets>[^。;:!?\n]{2,600}?)(?=[。;!?\n]|$)")
OBJECT_SECTION = re.compile(rf"^[一二三四五六七八九十]+、(?:{MODE}对象|被{MODE}单位)[^\n]{{0,10}}$", re.M)
"""A section listing the units (一、巡察对象 / 被巡察单位), perhaps by kind ((1)常规巡察), up to the
next section."""
_SECTION = re.compile(r"^[一二三四五六七八九十]+、", re.M)
# A line of prose, not a list of names.
_PROSE = re.compile(r"[。;:!?]")
_SUBHEADING = re.compile(r"^\(?[一二三四五六七八九十\d]{1,2}[)、.]\s*(?P<what>[^\n]{0,20})$")
# A table of the groups and their units, a column each: 组 别 | 区委第一巡察组 | … / 被巡察单位 | A、B | ….
_TABLE_UNITS = re.compile(rf"^\s*(?:被{MODE}(?:单位|党组织)|{MODE}对象)\s*\|", re.M)
_CELL = re.compile(r"[^|\s](?:[^|\n]*[^|\s])?")
# The units a round's summary covers, counted: (…巡视反馈情况已全部公布,)涉及甲、乙10个省区市和丙、丁3个单位.
_INVOLVED = re.compile(r"涉及(?P<targets>[^,。;:!?\n]{2,300}?)(?=[,。;!?\n]|$)")
_COUNTED = re.compile(rf"{NUMBER}(?:个|家|所)")
# What makes the sentence before 涉及 a round's summary (第二轮巡视反馈情况已公布), not a finding
# (巡察发现的问题涉及…).
_SUMMARY = re.compile(rf"(?:轮|反馈){MODE}?[^,。;:\n]*(?:情况|工作)")
_FINDING = re.compile(r"问题|线索|资金|金额|发现")


def _objects(text: str, end: int) -> Iterator[Mention]:
    """The units a round's objects are said to be (巡察对象包括…)."""
    for m in _OBJECTS.finditer(text, 0, end):
        yield mention(m, m.start(), mode=m.group("mode"))


def _counted_then_named(text: str, end: int) -> Iterator[Mention]:
    """Units counted or announced, then named (…6家单位,分别是A、B; 对以下单位开展巡察:A、B), in a
    sentence about an inspection (not 发现问题12个,分别是…); its mode is the last the sentence
    names before the list."""
    for m in _COUNTED_THEN_NAMED.finditer(text, 0, end):
        before = text[sentence_start(text, m.start()) : m.start("targets")]
        modes = re.findall(MODE, before)
        if modes and not _FINDING.search(before):
            yield mention(m, m.start(), mode=modes[-1])


def _sections(text: str) -> Iterator[Mention]:
    """The units a 巡察对象 section lists line by line, each of the kind its subheading names."""
    for heading in OBJECT_SECTION.finditer(text):
        following = _SECTION.search(text, heading.end())
        stop = following.start() if following else len(text)
        kind = None
        pos = heading.end() + 1
        for line in text[pos:stop].split("\n"):
            sub = _SUBHEADING.match(line)
            if sub:
                kind = kind_in(sub.group("what"))
            elif line.strip() and not _PROSE.search(line):
                targets = split_targets(line, pos)
                if targets:
                    yield Mention(targets, pos, Span(pos, pos + len(line)), kind=kind)
            pos += len(line) + 1


def _table(text: str, groups: list[Group]) -> Iterator[Mention]:
    """The units a table row lists per group column, under the row naming the groups: each
    mention's context is read up to its group's cell."""
    for row in _TABLE_UNITS.finditer(text):
        above = text.rfind("\n", 0, row.start())
        line_start = text.rfind("\n", 0, max(above, 0)) + 1
        heads = [g for g in groups if g.numbered and line_start <= g.span.start < max(above, 0)]
        cells = list(_CELL.finditer(text, row.end(), text.find("\n", row.end()) % (len(text) + 1)))
        if not heads or len(cells) != len(heads):
            continue
        for group, cell in zip(heads, cells):
            targets = split_targets(cell.group(0), cell.start())
            if targets:
                yield Mention(targets, group.span.end, Span(cell.start(), cell.end()))


def _involved(text: str, end: int) -> Iterator[Mention]:
    """The counted units a round's summary says it covered (巡视反馈情况已公布,涉及…), when the
    sentence is about an inspection."""
    for m in _INVOLVED.finditer(text, 0, end):
        before = text[sentence_start(text, m.start()) : m.start()]
        mode = re.findall(MODE, before)
        if (mode and _SUMMARY.search(before) and not _FINDING.search(before)
                and _COUNTED.search(m.group("targets"))):
            yield mention(m, m.start(), mode=mode[-1])


def listed(text: str, end: int, groups: list[Group]) -> list[Mention]:
    """Every list of units in `text` (objects, counted names and summaries in text[:end]; sections
    and tables anywhere)."""
    return [*_objects(text, end), *_counted_then_named(text, end), *_involved(text, end),
            *_sections(text), *_table(text, groups)]
