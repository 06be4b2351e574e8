"""Inspections: who inspected which unit, in which term/round/batch, when, and when they fed back.

Reports state this in their opening paragraphs, in a few set phrasings:
`2019年9月16日至12月16日,市委第四巡察组对市委政法委进行了巡察` (one target),
`第九轮对A、B…13个单位开展为期一个月的常规巡察` (a list), `对南滚河、澜沧江2个自然保护区管护局`
(a list sharing one head noun), `某某市接受了省委第二巡视组的常规巡视` (the unit first),
`现将市委政法委巡视集中整改情况向社会公开` (a rectification report naming its own unit) or only
`市委第一巡察组向市财政局党组反馈了巡察情况`. One `Inspection` is produced per target; round,
group, authority, kind and tour dates come from the same sentence, else from what the report
names once for all its targets (a kind, from its headline: 关于脱贫攻坚专项巡视整改情况的通报).
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal, Protocol, TypeVar

from ..model import Inspection, PartialDate, Span
from .dates import DateMention, find_dates
from .organizations import MODE, ORG_END, Group, find_groups, ordering_authority
from .rounds import RoundMention, find_rounds
from .signature import Signature, extract_signature
from .targets import Target, split_targets

# A unit's name as it closes one comma-separated group of a list (长沙市天心区、岳麓区,衡阳市雁峰区).
_NAME_END = rf"(?:{ORG_END}|[村镇乡区县市旗]|街道)"
# A visit: 对X进行了巡察 / 对X开展为期一个月的常规巡察 / 进驻X开展巡视 / 开展巡视“回头看” / 开展“回头看”.
# The list may be grouped by commas, each group closing on a name. Not 巡视整改, 巡察反馈 …,
# which name the follow-up, nor 对其中的A、B…, units already listed.
_VISIT = re.compile(
    rf"(?:对(?!其中)|进驻)(?P<targets>(?:[^,。;:!?\n对]{{2,200}}?{_NAME_END},(?!对))*[^,。;:!?\n]{{2,400}}?),?"
    r"(?:进行|开展|实施)了?"
    rf"(?P<qual>[^,。;:\n对]{{0,30}}?)(?:(?P<mode>{MODE})(?!整改|反馈|意见|组|办|发现|期间|中|成果|移交)"
    rf"|(?=“回头看”(?!{MODE})))(?P<post>“?回头看)?"
)
# A unit that underwent a visit, named before the group: 某某市(于…)接受了省委第二巡视组的常规巡视.
# Not 主动接受巡视监督.
_UNDERGONE = re.compile(
    rf"(?:^|(?<=[,。;:\n]))(?P<targets>[^,。;:\n于]{{0,30}}?{_NAME_END})(?:于[^,。;:\n]{{2,30}}?)?接受了?"
    rf"(?P<qual>[^,。;:\n]{{0,30}}?)(?P<mode>{MODE})(?!整改|反馈|意见|监督|组|办|工作)(?P<post>“?回头看)?"
)
# A report on its own unit's rectification: 现将市委政法委(含…)巡视集中整改情况向社会公开.
_OWN_UNIT = re.compile(
    r"现将(?P<target>[^,。;:\n]{2,30}?)(?:\([^)]*\))?"
    rf"(?=关于|落实|贯彻|{MODE}[^,。;:\n]{{0,8}}整改)"
)
# The kind a feedback may name before the mode: 反馈了专项巡视意见, 反馈了脱贫攻坚专项巡视“回头看”情况.
_FED_BACK_KIND = r"(?:(?![的对])[\u4e00-\u9fff]){0,8}?"
# A feedback: 向市委政法委反馈了巡察意见 / 向A、B进行巡察意见反馈 / 反馈了对A、B的巡察“回头看”情况 /
# 巡察情况反馈全部完成 / 反馈了(专项)巡视意见 / 反馈了“回头看”意见 / 对相关单位进行了反馈 / 召开(了)巡察反馈会 /
# 巡察某单位反馈会在某处召开.
_FEEDBACK = re.compile(
    rf"向(?P<to>[^,。;:\n]{{2,120}}?)(?:集中|分别|全面)?(?:进行了?)?{MODE}?(?:意见|情况)?反馈"
    rf"|反馈了?对(?P<on>[^,。;:\n]{{2,120}}?)的[^,。;:\n的]{{0,10}}?{MODE}“?(?:回头看”?)?(?:意见|情况)"
    rf"|{MODE}(?:情况|意见)?反馈(?:会|工作)?(?:全部|陆续)?(?:完成|结束|召开)"
    rf"|反馈了?{_FED_BACK_KIND}(?:{MODE}“?(?:回头看”?)?|“回头看”)(?:意见|情况)|进行了?反馈"
    rf"|召开了?{MODE}?(?:“回头看”)?(?:情况)?反馈(?:大会|会议|会)"
    r"|反馈(?:大会|会议|会)在[^,。;:\n]{1,20}?(?:召开|举行)"
)
# An addressee that is a body, not a person: 市财政局党组, not 县委书记张三.
_BODY = re.compile(rf".*{ORG_END}")
_KINDS = ("回头看", "机动", "提级", "交叉", "联动", "延伸", "专项", "常规")
"""Kinds of inspection, the more specific first: 专项巡视“回头看” is a 回头看."""
# A kind a headline names with the mode: 关于脱贫攻坚专项巡视整改…, 关于巡视“回头看”整改….
_HEADLINE_KIND = re.compile(rf"(?:{'|'.join(_KINDS[1:])}){MODE}|{MODE}“?回头看")
# Where the preamble ends: the first outline heading (一、 / (一) / 1. / a lone marker line).
_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|\d+[.、]|[-—]+$)")
_PREAMBLE_LINES = 5
"""Inspections are stated before the first heading, and within the first few paragraphs."""
_HEADER_LINES = 12
"""At most this many lines without a sentence (metadata, headline) may stand above the body."""
# A feedback the text dates only as recent (近日,…反馈): it was given as the report came out.
_RECENTLY = re.compile(r"近日|日前|近期")
# A sentence: where round, group and dates of a visit are looked up.
_SENTENCE_END = re.compile(r"[。;!?\n]")
# A unit naming itself (我省, 我县, 我局党组, 我校党委): the report's issuer is who that is.
_SELF = re.compile(r"^我(?P<kind>[省县市区州旗镇乡])?")
# A committee named only by its level (向县委反馈): the issuer's own, when it is that committee.
_BARE_COMMITTEE = re.compile(r"[省市州盟县区旗]委")
# What turns a committee's name into its place's: 中共X县委员会 / X县委 → X县.
_PARTY_WRAP = re.compile(r"^中共|(?:委员会|委)$")
# A body's party committee in its formal name: 中共某某大学委员会 is 某某大学's, named 某某大学党委.
_COMMITTEE_OF = re.compile(r"中共(?P<unit>[\u4e00-\u9fff]{2,30}?)委员会")
# The body 我校党委 / 我院党组 names after its self-reference.
_SELF_BODY = re.compile(r"党[委组]|党总支")


_Phrase = Literal["visit", "arrival", "feedback"]
"""How a target was named: 对X进行巡察, 进驻X, or 向X反馈 (which dates before it belong to)."""


class _Spanned(Protocol):
    @property
    def span(self) -> Span: ...


T = TypeVar("T")
S = TypeVar("S", bound=_Spanned)


def _kind_in(words: str) -> str | None:
    """The most specific kind of inspection `words` name (专项巡视“回头看” → 回头看)."""
    return next((k for k in _KINDS if k in words), None)


def _unique(values: Iterable[T]) -> T | None:
    """The value when all candidates agree, else None: a report naming two rounds sets none."""
    distinct = set(values)
    return distinct.pop() if len(distinct) == 1 else None


def _last_in(items: list[S], start: int, end: int) -> S | None:
    """The last item whose span lies in [start, end)."""
    inside = [i for i in items if start <= i.span.start and i.span.end <= end]
    return inside[-1] if inside else None


def _preamble_end(text: str) -> int:
    """Offset where the opening paragraphs end (first heading or the line cap). Lines above the
    first sentence (metadata, a headline broken in two) are not counted against the cap."""
    pos, counted = 0, 0
    for n, line in enumerate(text.split("\n")):
        if n > 0 and _HEADING.match(line):
            return pos
        if counted or "。" in line or n >= _HEADER_LINES:
            counted += 1
        if counted > _PREAMBLE_LINES:
            return pos
        pos += len(line) + 1
    return len(text)


@dataclass
class _Opening:
    """The report's opening paragraphs and what they mention: the context of every target."""

    text: str
    end: int
    signature: Signature
    rounds: list[RoundMention] = field(init=False)
    groups: list[Group] = field(init=False)  # from the whole report: the body may name it
    dates: list[DateMention] = field(init=False)
    headline_kind: str | None = field(init=False)  # what the headline says, if the opening does not

    def __post_init__(self) -> None:
        head = self.text[: self.end]
        self.rounds, self.groups = find_rounds(head), find_groups(self.text)
        published = self.signature.published_on  # the report's own year, which 今年 means
        self.dates = find_dates(head, published.year if published else None)
        headline = head[: max(head.find("。"), 0)].rpartition("\n")[0]  # the lines above the body
        self.headline_kind = _unique(_kind_in(m.group(0)) for m in _HEADLINE_KIND.finditer(headline))

    def paragraph_start(self, pos: int) -> int:
        """Where the line holding `pos` starts: a tour stated once covers every clause after it
        (2021年11月8日至12月20日,对A开展常规巡察;对B开展专项巡察)."""
        return self.text.rfind("\n", 0, pos) + 1

    def sentence_start(self, pos: int) -> int:
        """Where the sentence holding `pos` starts: context is read from there up to `pos`."""
        ends = [m.end() for m in _SENTENCE_END.finditer(self.text, 0, pos)]
        return ends[-1] if ends else 0

    def authority(self, start: int, end: int) -> str | None:
        """Who sent the groups: the sentence's group or round, else what the report says once."""
        numbered = [g for g in self.groups if g.numbered]  # 市委第四巡察组 配合省委巡视组: the 市委's
        group = _last_in(numbered, start, end) or _last_in(self.groups, start, end)
        rnd = _last_in(self.rounds, start, end)
        found = (group.authority if group else None) or (rnd.authority if rnd else None)
        overall = ([r.authority for r in self.rounds if r.authority]
                   + [g.authority for g in self.groups if g.span.end <= self.end])
        return (found or ordering_authority(self.text[start:end]) or _unique(overall)
                or ordering_authority(self.text[: self.end]))

    def group(self, start: int, end: int, authority: str | None) -> Group | None:
        """The sentence's group, else the one numbered group of that authority the report names."""
        numbered = [g for g in self.groups if g.numbered]
        here = _last_in(numbered, start, end)
        if here is not None:
            return here
        name = _unique(g.name for g in numbered if authority in (None, g.authority))
        return next((g for g in numbered if g.name == name), None)

    def group_kind(self, start: int, end: int) -> str | None:
        """The kind the sentence's group carries in its name (市委机动巡察一组 → 机动)."""
        named = _last_in(self.groups, start, end)
        return _kind_in(named.kind) if named and named.kind else None

    def round(self, start: int, end: int,
              authority: str | None) -> tuple[int | None, int | None, int | None]:
        """(term, round, batch): the sentence's round phrase, else the one the report names for
        this authority (a city's round is not the province's 省委第二轮巡视 it follows up)."""
        own = [r for r in self.rounds if authority is None or r.authority in (None, authority)]
        rnd = _last_in(own, start, end)
        term = rnd.term if rnd and rnd.term else _unique(r.term for r in own if r.term)
        round_no = rnd.round_no if rnd else _unique(n for r in own for n in r.rounds)
        batch = rnd.batch if rnd and rnd.batch else _unique(r.batch for r in own if r.batch)
        return term, round_no, batch

    def tour(self, start: int, at: int,
             phrase: _Phrase) -> tuple[PartialDate | None, PartialDate | None]:
        """(started, ended): the range before a visit, or the day a group arrived (进驻). Dates
        before a feedback phrase are the feedback's, not the tour's."""
        if phrase == "feedback":
            return None, None
        ranges = [x for x in self.dates if x.end is not None]
        tour = _last_in(ranges, start, at) or _last_in(ranges, self.paragraph_start(at), at)
        if tour is not None:
            return tour.start, tour.end
        arrived = _last_in(self.dates, start, at) if phrase == "arrival" else None
        return (arrived.start, None) if arrived else (None, None)

    def inspection(self, target: Target, mode: str | None, kind: str | None, at: int,
                   phrase: _Phrase = "visit") -> Inspection:
        """The inspection of `target`, named by a `phrase` at `at`, with its context filled in."""
        start = self.sentence_start(at)
        authority = self.authority(start, at)
        group = self.group(start, at, authority)
        term, round_no, batch = self.round(start, at, authority)
        started, ended = self.tour(start, at, phrase)
        return Inspection(
            target=self._own_name(target.name), span=target.span, authority=authority,
            group_name=group.name if group else None, mode=mode or (group.mode if group else None),
            term=term, round_no=round_no, batch_no=batch,
            kind=kind or self.group_kind(start, at) or self.headline_kind,
            started_on=started, ended_on=ended,
        )

    def _own_name(self, name: str) -> str:
        """我县 / 我局 (and a bare 县委 in the county's own report) stand for the issuer: X县委 → X县
        for a place, the issuer itself otherwise. As a prefix (我市某某镇) 我 only says where the
        unit is, and is dropped."""
        m = _SELF.match(name)
        if m and m.group("kind") and m.end() < len(name):
            return name[m.end() :]
        issuer = self.signature.issuer
        if issuer and _BARE_COMMITTEE.fullmatch(name):
            place = _PARTY_WRAP.sub("", issuer)  # 向县委反馈 in 中共某某县委's report: 某某县
            return place if place.endswith(name[0]) else name
        if not m or not issuer:
            return name
        if m.group("kind"):
            return _PARTY_WRAP.sub("", issuer)
        return _own_body(issuer, name[2:])


def _own_body(issuer: str, tail: str) -> str:
    """我校 / 我校党委 for an issuer 中共X委员会: X, or X党委 when the text names the committee
    (the formal 委员会 name is not how a report names the unit); other issuers as they sign."""
    committee = _COMMITTEE_OF.fullmatch(issuer)
    if committee is None:
        return issuer.removeprefix("中共")
    body = _SELF_BODY.fullmatch(tail)
    return committee.group("unit") + (body.group(0) if body else "")


def _visits(o: _Opening) -> list[Inspection]:
    """Inspections from `对X进行了巡察` and `X接受了…巡视` phrases in the preamble. The context of
    the first is read up to the phrase (the group precedes 对), of the second up to its end."""
    found = [(m, m.start()) for m in _VISIT.finditer(o.text, 0, o.end)]
    found += [(m, m.end()) for m in _UNDERGONE.finditer(o.text, 0, o.end)]
    out, mode = [], None
    for m, at in sorted(found, key=lambda pair: pair[0].start()):
        mode = m.group("mode") or mode  # 对A开展常规巡察,对B开展“回头看”: B's mode is A's
        kind = _kind_in(m.group("qual") + (m.group("post") or ""))
        phrase: _Phrase = "arrival" if m.group(0).startswith("进驻") else "visit"
        for target in split_targets(m.group("targets"), m.start("targets")):
            out.append(o.inspection(target, mode, kind, at, phrase))
    return out


def _own_unit(o: _Opening) -> list[Inspection]:
    """The unit a rectification report speaks for: 现将X巡视整改情况予以公布."""
    m = _OWN_UNIT.search(o.text, 0, o.end)
    if not m:
        return []
    mode = re.search(MODE, o.text[m.end() : m.end() + 12])
    return [o.inspection(t, mode.group(0) if mode else None, None, m.start())
            for t in split_targets(m.group("target"), m.start("target"))]


def _addressees(o: _Opening) -> list[Inspection]:
    """The units fed back to (`向X反馈`, `反馈了对X的巡察情况`), when the report states no visit.
    An addressee must be a body (not 县委书记张三); a unit fed back *on* needs no such check."""
    out = []
    for m in _FEEDBACK.finditer(o.text, 0, o.end):
        name = "to" if m.group("to") else "on" if m.group("on") else None
        if name is None:
            continue
        after = o.text[m.end(name) : m.end() + 8]  # 反馈专项巡视情况: the kind and mode follow the unit
        mode = re.search(MODE, after)
        out += [o.inspection(t, mode.group(0) if mode else None, _kind_in(after), m.start(), "feedback")
                for t in split_targets(m.group(name), m.start(name))
                if name == "on" or _BODY.fullmatch(t.name)]
    return out


_Feedback = tuple[str | None, PartialDate]
"""(addressee as printed, date) of one feedback phrase."""


def _feedback_dates(o: _Opening, inspections: list[Inspection]) -> list[_Feedback]:
    """(addressee, date) of each feedback phrase: the nearest date before it in its sentence,
    skipping ranges that are a tour; the publication date for one given 近日."""
    tours = {(i.started_on, i.ended_on) for i in inspections}
    dates = [x for x in o.dates if (x.start, x.end) not in tours]
    published = o.signature.published_on
    out = []
    for m in _FEEDBACK.finditer(o.text, 0, o.end):
        start = o.sentence_start(m.start())
        date = _last_in(dates, start, m.start())
        day = date.start if date else (
            published if published and _RECENTLY.search(o.text, start, m.start()) else None)
        if day is not None:
            out.append((m.group("to") or m.group("on"), day))
    return out


def _apply_feedback(inspections: list[Inspection], feedbacks: list[_Feedback]) -> None:
    """Give each inspection the date its unit was fed back; an unmatched feedback covers all.
    A feedback dated before its tour began is a misread (今年 resolved too early) and is skipped."""
    for to, date in feedbacks:
        named = [i for i in inspections if to and (i.target in to or to in i.target)]
        for insp in named or inspections:
            started = insp.started_on
            if insp.feedback_on is None and (started is None or date.as_date() >= started.as_date()):
                insp.feedback_on = date


def extract_inspections(text: str, signature: Signature | None = None) -> list[Inspection]:
    """One inspection per inspected unit named in the report's opening paragraphs.

    The signature (its year resolves 今年, its issuer 我县) is read from the text unless the
    caller has it already.
    """
    o = _Opening(text, _preamble_end(text), signature or extract_signature(text))
    inspections = _distinct(_visits(o) or _own_unit(o) or _addressees(o))
    _apply_feedback(inspections, _feedback_dates(o, inspections))
    return inspections


def _distinct(inspections: list[Inspection]) -> list[Inspection]:
    """The first inspection of each unit: an announcement names its addressee more than once
    (区委第三巡察组向区委办反馈…组长向区委办反馈了巡察情况), the second time maybe without the
    place it lies in (对甲县乙镇党委…;对乙镇党委…)."""
    out: list[Inspection] = []
    for insp in inspections:
        if not any(_same_unit(insp.target, o.target) for o in out):
            out.append(insp)
    return out


def _same_unit(a: str, b: str) -> bool:
    """Whether two names name one unit: equal, or one is the other with its place left off."""
    return a.endswith(b) or b.endswith(a)
