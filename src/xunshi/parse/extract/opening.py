"""A report's opening paragraphs and what they say once for many units.

Reports state who inspected, in which term/round, of which kind and when, once for all the
units after it: in the sentence naming the units (`2021年11月8日至12月20日,市委第二巡察组对A、B
开展常规巡察`), in an earlier clause (`八届某某区委于…开展了第六轮常规巡察,分七组对A、B…开展了集中
巡察`), in a preceding sentence (`近日,市委第三巡察组召开反馈会。…向某局反馈了巡察意见`), for the
whole round (`本轮巡察为“回头看”`) or in the headline (`关于脱贫攻坚专项巡视整改情况的通报`).
`Opening.inspections` turns a `phrases.Mention` into one `Inspection` per unit, with that
context filled in.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Protocol, TypeVar

from ..model import Inspection, PartialDate, Span
from .dates import DateMention, find_dates, from_today
from .listings import OBJECT_SECTION
from .organizations import MODE, Group, find_groups, ordering_authority
from .mentions import Mention, Phrase, sentence_start
from .rounds import KINDS, RoundMention, find_rounds, kind_in, kinds_named, round_kind
from .self_names import own_name
from .signature import Signature
from .targets import Target

# A kind a headline names with the mode: 关于脱贫攻坚专项巡视整改…, 关于巡视“回头看”整改….
_HEADLINE_KIND = re.compile(rf"(?:{'|'.join(KINDS[1:])}){MODE}|{MODE}“?回头看")
# Where the preamble ends: the first outline heading (一、 / (一) / 1. / a lone marker line), not
# an image's file name (20240829135033.jpg).
_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|\d{1,2}[.、](?![A-Za-z\d])|[-—]+$)")
_HEADLINE_CHARS = 60
"""A line above the body longer than this is a summary (摘要:…), not a headline."""
_PREAMBLE_LINES = 5
"""Inspections are stated before the first heading, and within the first few paragraphs."""
_HEADER_LINES = 12
"""At most this many lines without a sentence (metadata, headline) may stand above the body."""
# A line of a task list (市委第一巡察组:巡察甲镇、乙镇。): part of the sentence that announced it.
_TASK_LINE = re.compile(r"^[^,。;:\n]{2,20}?(?:巡视|巡察)[^,。;:\n]{0,4}组[::]")
# A party body named by one character of its owner, or none (委党组, 党委): the report's own.
_SHORT_BODY = re.compile(r"[\u4e00-\u9fff]?党[委组]")
# An authority named by its level alone (县委, 中央): its groups are told apart by their numbers.
_LEVEL_COMMITTEE = re.compile(r"[省市州盟地县区旗]委|(?:自治)?区党委|中央")
_LOOK_BACK = 300
"""How far before a phrase a clause may state its kind (开展了第六轮常规巡察,分七组对…)."""
_LONGEST_PHRASE = 2000
"""Longer than any phrase naming units can be (its list is bounded): where to look for one
that reaches into a look-back window."""
# A day the groups leave (各巡察组将于2021年5月21日前撤离, 5月上旬驻点巡视结束, 1月15日结束现场巡察):
# the tour's end.
_WITHDRAWAL = re.compile(
    rf"[^,。;\n]{{0,12}}?(?:撤离|(?:驻点|现场)?{MODE}(?:工作)?结束|结束(?:驻点|现场)?{MODE})")
# A tour given under its own label, anywhere in the text (一、巡察时间\n2025年3月24日至5月30日 /
# 本轮巡察集中进驻时间为… / 巡察期间(2020年8月20日至10月20日)), or said of the round (第五轮巡察于
# 2023年3月14日开始,至5月26日结束).
_TOUR_LABEL = re.compile(rf"(?:{MODE}|驻点|进驻)(?:工作)?(?:时间|期间)(?:为|是|安排在)?[::]?\s*\(?"
                         rf"|轮{MODE}?(?:工作)?(?:于|自|从)")
# What a range after a round is when it is not the tour: the days of its feedback.
_FED_BACK = re.compile(r"[^,。;\n]{0,8}反馈")
_CLAUSE_END = re.compile(r"[。;]")
# The days letters and calls are received (受理信访时间为9月20日至12月5日), which is not the tour.
_RECEIPT = re.compile(r"受理|信访|来信|来电")
_LABEL_GAP = 15
"""How far after its label a tour may be given (巡察时间安排\n常规巡察从…)."""
_ARRIVAL_DAYS = 10
"""A range before 进驻 shorter than this is the days the groups arrived, not the tour."""
# A sentence sending several groups: 派出6个巡察组, 各巡察组.
_SEVERAL_GROUPS = re.compile(rf"(?:[2-9]|\d{{2,}}|[两二三四五六七八九十]+)个{MODE}组|各{MODE}组")
# What follows the day of a visit: 于2020年11月下旬对甲学院…, 于3月1日起对….
_THEN_VISITED = re.compile(r"(?:上旬|中旬|下旬|初|底)?(?:开始|起)?[,,]?对")
# Groups arriving before the visit their sentence goes on to name (6月12日,巡察组进驻各单位,对A展开巡察).
_ARRIVING = re.compile(r"进驻|入驻")
# Between two groups named together: 县委第一巡察组和第三巡察组, 区委第一巡察组、第二巡察组.
_GROUP_JOIN = re.compile(r"[、,和及与]")
# Several groups named together take one unit each, in order: 中央第七、第八巡视组分别进驻A、B.
_EACH = "分别"


class _Spanned(Protocol):
    @property
    def span(self) -> Span: ...


T = TypeVar("T")
S = TypeVar("S", bound=_Spanned)


def unique(values: Iterable[T]) -> T | None:
    """The value when all candidates agree, else None: a report naming two rounds sets none."""
    distinct = set(values)
    return distinct.pop() if len(distinct) == 1 else None


def last_in(items: list[S], start: int, end: int) -> S | None:
    """The last item whose span lies in [start, end)."""
    inside = [i for i in items if start <= i.span.start and i.span.end <= end]
    return inside[-1] if inside else None


def _named_unnumbered(group: Group) -> bool:
    """Whether a group without a number has a name: a body's own (集团公司党委巡察组, 集团巡察组) or a
    standing kind's (市委机动巡察组); not a level's generic 县委巡察组 or 县委4个巡察组, nor one of the
    special groups of a round (省委专项巡视组), nor a party body's named by one character of its owner
    (委党组巡察组)."""
    if group.numbered or "个" in group.name or _SHORT_BODY.fullmatch(group.authority):
        return False
    kind = kind_in(group.kind) if group.kind else None
    return kind not in (None, "专项") or not _LEVEL_COMMITTEE.fullmatch(group.authority)


def _compatible(a: str | None, b: str | None) -> bool:
    """Whether two authorities may be one body: either unnamed, or one the other's short form
    (党委 in 集团公司第一届党委第三轮巡察 is the 集团公司党委 that ordered it)."""
    return a is None or b is None or a.endswith(b) or b.endswith(a)


def preamble_end(text: str) -> int:
    """Offset where the opening paragraphs end (first heading or the line cap). Lines above the
    first sentence (metadata, a headline broken in two) and the lines of a task list are not
    counted against the cap; a section of the round's objects (一、巡察对象) is part of the opening."""
    pos, counted = 0, 0
    for n, line in enumerate(text.split("\n")):
        if n > 0 and _HEADING.match(line) and not OBJECT_SECTION.fullmatch(line):
            return pos
        if (counted or "。" in line or n >= _HEADER_LINES) and not _TASK_LINE.match(line):
            counted += 1
        if counted > _PREAMBLE_LINES:
            return pos
        pos += len(line) + 1
    return len(text)


@dataclass
class Opening:
    """The report's opening paragraphs and what they mention: the context of every target.
    `claimed` are the phrases that name their own units, in text order: a kind inside one is
    not stated for the units of another."""

    text: str
    end: int
    signature: Signature
    claimed: list[Span] = field(default_factory=list)
    rounds: list[RoundMention] = field(init=False)
    groups: list[Group] = field(init=False)  # from the whole report: the body may name it
    dates: list[DateMention] = field(init=False)
    stated_kind: str | None = field(init=False)  # the round's or the headline's, if a unit's is not
    withdrawals: list[DateMention] = field(init=False)
    labelled_tour: DateMention | None = field(init=False)

    def __post_init__(self) -> None:
        head = self.text[: self.end]
        self.rounds, self.groups = find_rounds(head), find_groups(self.text)
        if not any(r.rounds for r in self.rounds):  # a rectification report names its round in the body
            self.rounds += [replace(r, span=Span(r.span.start + self.end, r.span.end + self.end))
                            for r in find_rounds(self.text[self.end :]) if r.rounds]
        published = self.signature.published_on  # the report's own year, which 今年 means
        self.dates = sorted(find_dates(head, published.year if published else None)
                            + from_today(head, published), key=lambda d: d.span.start)
        above = head[: max(head.find("。"), 0)].rpartition("\n")[0]  # the lines above the body
        headline = "\n".join(line for line in above.split("\n") if len(line) <= _HEADLINE_CHARS)
        self.stated_kind = round_kind(head) or unique(
            kind_in(m.group(0)) for m in _HEADLINE_KIND.finditer(headline))
        self.withdrawals = [d for d in self.dates
                            if d.end is None and _WITHDRAWAL.match(head, d.span.end)]
        self.labelled_tour = self._labelled_tour(published.year if published else None)

    def _labelled_tour(self, year: int | None) -> DateMention | None:
        """The range a tour label (巡察时间:) is followed by, wherever the text gives it."""
        label = _TOUR_LABEL.search(self.text)
        while label is not None:
            window = self.text[: label.end() + _LABEL_GAP + 40]
            found = [d for d in find_dates(window, year) if d.end is not None
                     and label.end() <= d.span.start <= label.end() + _LABEL_GAP
                     and not _CLAUSE_END.search(self.text, label.end(), d.span.start)
                     and not _FED_BACK.match(self.text, d.span.end)]
            if found:
                return found[0]
            label = _TOUR_LABEL.search(self.text, label.end())
        return None

    def paragraph_start(self, pos: int) -> int:
        """Where the line holding `pos` starts: a tour stated once covers every clause after it
        (2021年11月8日至12月20日,对A开展常规巡察;对B开展专项巡察)."""
        return self.text.rfind("\n", 0, pos) + 1

    def clause_start(self, pos: int) -> int:
        """Where the clause holding `pos` starts."""
        return max(self.text.rfind(c, 0, pos) for c in ",。;:\n") + 1

    def sentence_start(self, pos: int) -> int:
        """Where the sentence holding `pos` starts: context is read from there up to `pos`."""
        return sentence_start(self.text, pos)

    def authority(self, start: int, end: int) -> str | None:
        """Who sent the groups: the sentence's group or round, else what the report says once."""
        numbered = [g for g in self.groups if g.numbered]  # 市委第四巡察组 配合省委巡视组: the 市委's
        group = last_in(numbered, start, end) or last_in(self.groups, start, end)
        rnd = last_in(self.rounds, start, end)
        found = (group.authority if group else None) or (rnd.authority if rnd else None)
        overall = ([r.authority for r in self.rounds if r.authority]
                   + [g.authority for g in self.groups if g.span.end <= self.end])
        found = (found or ordering_authority(self.text[start:end]) or unique(overall)
                 or ordering_authority(self.text[: self.end]))
        ordering = ordering_authority(self.text[self.paragraph_start(start) : end])
        if found in ("党委", "党组") and ordering and ordering.endswith(found):
            return ordering  # 经自治区党委批准,十一届党委第七轮巡视: the 党委 is the 自治区党委
        return found

    def group(self, start: int, end: int, authority: str | None) -> Group | None:
        """The sentence's group, else the last its paragraph named before (近日,市委第三巡察组召开
        反馈会。组长…向X反馈), else the one numbered group of that authority the report names (not
        when the sentence sends several: 本轮巡察共派出6个巡察组,对A…), else the sentence's group that
        has a name without a number (集团公司党委巡察组, 市委机动巡察组)."""
        numbered = [g for g in self.groups if g.numbered]
        own = [g for g in numbered if _compatible(g.authority, authority)]
        here = last_in(numbered, start, end) or last_in(own, self.paragraph_start(start), end)
        if here is not None:
            return here
        several = _SEVERAL_GROUPS.search(self.text, start, end)
        name = None if several else unique(g.name for g in own)
        found = next((g for g in own if g.name == name), None)
        return found or last_in([g for g in self.groups if _named_unnumbered(g)], start, end)

    def group_kind(self, start: int, end: int) -> str | None:
        """The kind the sentence's group carries in its name (市委机动巡察一组 → 机动)."""
        named = last_in(self.groups, start, end)
        return kind_in(named.kind) if named and named.kind else None

    def round(self, start: int, end: int,
              authority: str | None) -> tuple[int | None, int | None, int | None, str | None]:
        """(term, round, batch, mode): the sentence's round phrase (its term perhaps named apart),
        else the one the report names for this authority (a city's round is not the province's
        省委第二轮巡视 it follows up), else, when it names several, the last its paragraph named
        before (启动第五轮巡察。本轮巡察…对A开展巡察,…听取第四轮巡察情况汇报时的讲话)."""
        own = [r for r in self.rounds if _compatible(r.authority, authority)]
        numbered = [r for r in own if r.rounds]
        rnd = last_in(numbered, start, end)
        if rnd is None and unique(n for r in numbered for n in r.rounds) is None:
            rnd = last_in(numbered, self.paragraph_start(start), end)
        termed = last_in([r for r in own if r.term], start, end)
        term = termed.term if termed else unique(r.term for r in own if r.term)
        round_no = rnd.round_no if rnd else unique(n for r in numbered for n in r.rounds)
        batch = rnd.batch if rnd and rnd.batch else unique(r.batch for r in own if r.batch)
        mode = rnd.mode if rnd and rnd.mode else unique(r.mode for r in numbered if r.mode)
        return term, round_no, batch, mode

    def tour(self, start: int, at: int,
             phrase: Phrase) -> tuple[PartialDate | None, PartialDate | None]:
        """(started, ended): the range before a visit in its sentence or paragraph, or the day an
        open range starts (从3月17日起), or the day a group arrived (进驻, perhaps earlier in the
        visit's sentence), else the tour a label
        gives (巡察时间:…); it ends on the day the labelled tour ends, on the end of a range the
        text gives later from the same first day (10月12日进驻…本轮巡察自10月12日开始,10月17日结束),
        or on the day the groups leave (撤离) if the text says so after the visit. Dates before a
        feedback phrase are the feedback's, not the tour's."""
        if phrase == "feedback":
            return None, None
        ranges = [x for x in self.dates if x.end is not None]
        opens = [x for x in self.dates if x.opens]
        para = self.paragraph_start(at)
        found = next((x for x in (last_in(ranges, start, at), last_in(opens, start, at),
                                  last_in(ranges, para, at), last_in(opens, para, at)) if x), None)
        if found is None and (phrase == "arrival" or _ARRIVING.search(self.text, start, at)):
            found = last_in(self.dates, start, at)
        found = found or self._arrived_before(para, start) or self._visited_on(start, at)
        found = found or self.labelled_tour
        withdrawn = next((w.start for w in self.withdrawals if w.span.start > at), None)
        if found is None:
            return None, withdrawn
        ended = found.end
        days = (ended.as_date() - found.start.as_date()).days if ended else None
        if phrase == "arrival" and days is not None and days < _ARRIVAL_DAYS:
            ended = None  # 4月27日至29日,各巡视组分别进驻…
        label = self.labelled_tour
        labelled = label.end if label and label.start.as_date() >= found.start.as_date() else None
        restated = next((x.end for x in ranges if x.span.start > at and x.start == found.start
                         and not _RECEIPT.search(self.text, self.clause_start(x.span.start), x.span.start)),
                        None)
        return found.start, ended or labelled or restated or withdrawn

    def _arrived_before(self, para: int, start: int) -> DateMention | None:
        """The day an earlier sentence of the paragraph says the groups arrived (3月31日,第三轮巡察
        完成进驻。…对A开展常规巡察)."""
        for d in reversed([d for d in self.dates if para <= d.span.start < start and d.end is None]):
            stop = self.text.find("。", d.span.end, start)
            if d.start.day and _ARRIVING.search(self.text, d.span.end, stop if stop >= 0 else start):
                return d
        return None

    def _visited_on(self, start: int, at: int) -> DateMention | None:
        """The day a visit is said to take place on (学校党委于2020年11月下旬对甲学院开展了巡察)."""
        day = last_in(self.dates, start, at)
        on = day and day.end is None and self.text[day.span.start - 1 : day.span.start] == "于"
        return day if on and _THEN_VISITED.match(self.text, day.span.end) else None

    def _kind_before(self, start: int, at: int, own: Span) -> str | None:
        """The kind an earlier clause of the sentence (at most `_LOOK_BACK` characters before)
        names, outside the phrases that name units of their own."""
        start = max(start, at - _LOOK_BACK)
        first = bisect.bisect_left(self.claimed, start - _LONGEST_PHRASE, key=lambda s: s.start)
        last = bisect.bisect_left(self.claimed, at, key=lambda s: s.start)
        others = [s for s in self.claimed[first:last] if s is not own and s.end > start]
        return kinds_named(self.text, start, at, others)

    def inspections(self, mention: Mention) -> list[Inspection]:
        """One inspection per unit `mention` names, with its context filled in. Groups named
        together take one unit each when the text says so (分别) and the counts agree."""
        at = mention.at
        start = self.sentence_start(at)
        authority = self.authority(start, at)
        group = self.group(start, at, authority)
        term, round_no, batch, round_mode = self.round(start, at, authority)
        started, ended = self.tour(start, at, mention.phrase)
        kind = mention.kind or self.group_kind(start, at) or self._kind_before(start, at, mention.span)
        kind = kind or self.stated_kind
        names = self._group_names(group, mention.targets)
        return [Inspection(
            target=own_name(target.name, self.signature.issuer, self.text), span=target.span, authority=authority,
            group_name=name, mode=mention.mode or (group.mode if group else None) or round_mode,
            term=term, round_no=round_no, batch_no=batch, kind=kind, started_on=started, ended_on=ended,
        ) for target, name in zip(mention.targets, names)]

    def _group_names(self, group: Group | None, targets: list[Target]) -> list[str | None]:
        """The group of each target: one group names them all; groups named together (中央第七、
        第八巡视组) take one unit each when the text pairs them (分别) and the counts agree, else
        none is tied to any one of several units."""
        if group is None or not targets:
            return [None] * len(targets)
        members = [name for g in self._listed_with(group) for name in (g.members() or [g.name])]
        if len(members) == 1 or len(targets) == 1:
            return [group.name] * len(targets)
        paired = _EACH in self.text[group.span.end : targets[0].span.start]
        return list(members) if paired and len(members) == len(targets) else [None] * len(targets)

    def _listed_with(self, group: Group) -> list[Group]:
        """The groups named together with `group`, in order, it last (县委第一巡察组和第三巡察组,
        区委第一巡察组、第二巡察组)."""
        numbered = [g for g in self.groups if g.numbered and g.span.end <= group.span.start]
        listed = [group]
        for g in reversed(numbered):
            if not _GROUP_JOIN.fullmatch(self.text, g.span.end, listed[0].span.start):
                break
            listed.insert(0, g)
        return listed
