"""Inspections: who inspected which unit, in which term/round/batch, when, and when they fed back.

Reports state this in their opening paragraphs. `phrases` finds where units are named (a visit,
a group's task, a feedback, a rectification report's own unit), `opening` fills in what the
opening says once for many of them (group, round, kind, tour), and this module puts it
together: one `Inspection` per unit, a unit named twice (with and without its place) merged
into one, and each dated by the feedback phrase that names it.
"""
from __future__ import annotations

import re
from dataclasses import fields

from ..model import Inspection, PartialDate, Span
from .opening import Opening, last_in, preamble_end
from .organizations import members
from .mentions import Mention
from .numerals import NUMBER, to_int
from .phrases import addressees, feedbacks, named_in, own_unit, visits
from .rounds import kinds_named
from .signature import Signature, extract_signature

# A feedback the text dates only as recent (近日,…反馈): it was given as the report came out.
_RECENTLY = re.compile(r"近日|日前|近期")
# A place named by its level alone (县人民法院), and the 人民 a court's short name leaves off.
_LEVELS = "省市县区州旗盟"
_PEOPLES = re.compile(r"人民(?=法院|检察院|政府|医院)")
# What a unit's name may end with besides the unit itself: 市财政局党组 is 市财政局's.
_BODY_SUFFIX = re.compile(r"(?:党委|党组|党总支|党支部|党工委|党组织|领导班子)$")
# A company's legal form, which a headline leaves off its name: 集团公司, 集团有限公司, 股份有限公司.
_COMPANY_FORM = re.compile(r"(?:集团)?(?:股份)?(?:有限)?(?:责任)?(?:总)?公司|集团")
# A list that names some units and counts them all (对甲镇等16个乡镇开展常规巡察): the rest are
# named elsewhere, in a task list.
_ELIDED = re.compile(rf"等(?P<n>{NUMBER})(?:个|家|所|户)")


def _named(mentions: list[Mention]) -> list[Mention]:
    """The mentions that name a unit (not only 30个地区和单位)."""
    return [m for m in mentions if m.targets]


_Feedback = tuple[Span, str | None, PartialDate, bool]
"""(phrase span, addressee as printed, date, whether its year was printed) of one feedback."""


def _feedback_dates(o: Opening, inspections: list[Inspection]) -> list[_Feedback]:
    """(span, addressee, date) of each feedback phrase: the nearest date before it in its
    sentence (or inside it: 反馈会于8月3日召开), skipping ranges that are a tour; the publication
    date for one given 近日."""
    tours = {(i.started_on, i.ended_on) for i in inspections}
    dates = [x for x in o.dates if (x.start, x.end) not in tours]
    published = o.signature.published_on
    out = []
    for m in feedbacks(o.text, o.end):
        start = o.sentence_start(m.start())
        date = last_in(dates, start, m.start()) or last_in(dates, m.start(), m.end())
        day = date.start if date else (
            published if published and _RECENTLY.search(o.text, start, m.end()) else None)
        if day is not None:
            name = named_in(m)
            out.append((Span(m.start(), m.end()), m.group(name) if name else None, day,
                        date.year_given if date else True))
    return out


def _apply_feedback(inspections: list[Inspection], feedbacks_: list[_Feedback]) -> None:
    """Give each inspection the date its unit was fed back (read from that phrase, or named in
    it); an unmatched feedback covers all. A feedback cannot come before its tour: a bare 1月24日
    after a tour of 2017年10月至12月 is in the next year; one whose year was printed (今年 resolved
    too early) is a misread and is skipped."""
    for span, to, date, year_given in feedbacks_:
        named = [i for i in inspections if span.start <= i.span.start < span.end
                 or to and (i.target in to or to in i.target)]
        for insp in named or inspections:
            day = date if year_given else _after(date, insp.started_on)
            started = insp.started_on
            if insp.feedback_on is None and (started is None or day.as_date() >= started.as_date()):
                insp.feedback_on = day


def _after(date: PartialDate, started: PartialDate | None) -> PartialDate:
    """`date` moved to the next year when it falls before the tour began."""
    if started is None or date.as_date() >= started.as_date():
        return date
    moved = PartialDate(date.year + 1, date.month, date.day)
    try:
        moved.as_date()
    except ValueError:  # 2月29日
        return date
    return moved


def extract_inspections(text: str, signature: Signature | None = None) -> list[Inspection]:
    """One inspection per inspected unit named in the report's opening paragraphs.

    The signature (its year resolves 今年 and a bare 近日, its issuer 我县) is read from the text
    unless the caller has it already.
    """
    o = Opening(text, preamble_end(text), signature or extract_signature(text))
    found = visits(o.text, o.end, o.groups)
    o.claimed = [m.span for m in found]
    mentions = _named(found) or _named(own_unit(o.text, o.end)) or _named(addressees(o.text, o.end))
    inspections = _merged([i for m in mentions for i in o.inspections(m)])
    _fill_from_round(o, found, inspections)
    _fill_from_elided(o, found, inspections)
    _apply_feedback(inspections, _feedback_dates(o, inspections))
    return inspections


def _fill_from_round(o: Opening, visits_: list[Mention], inspections: list[Inspection]) -> None:
    """What the round's visits state once gives the units the text names elsewhere (a list under
    巡察对象, a task line, the units fed back to) whose own sentences give no tour: the tour, when
    the visits give one only (县委第二、第三巡察组于2020年5月10日至7月30日对县人大机关等14个单位开展巡察),
    and the kind of a visit of units only counted (对全市5个单位党组织开展常规巡察), when it is the
    only such visit. A counted visit in a unit's own sentence gives it its kind and mode
    (已完成对甲镇、乙局等2个被巡察对象的进驻,对1个乡镇党委和1个县直单位党组织开展机动巡察)."""
    tours = {o.tour(o.sentence_start(m.at), m.at, m.phrase) for m in visits_} - {(None, None)}
    counted = [m for m in visits_ if not m.targets]
    kinds = {_kind(o, m) for m in counted} - {None}
    tour = tours.pop() if len(tours) == 1 else None
    kind = kinds.pop() if len(kinds) == 1 else None
    for insp in inspections:
        if insp.started_on is None and insp.ended_on is None:  # its own sentence told nothing
            insp.started_on, insp.ended_on = tour or (None, None)
            insp.kind = insp.kind or kind
        start = o.sentence_start(insp.span.start)
        same = next((m for m in counted if o.sentence_start(m.at) == start), None)
        if same is not None:
            insp.kind, insp.mode = insp.kind or _kind(o, same), insp.mode or same.mode


def _fill_from_elided(o: Opening, visits_: list[Mention], inspections: list[Inspection]) -> None:
    """The kind of the one visit that names some of its units and counts them all (对甲镇等16个
    乡镇开展常规巡察) is the kind of every unit, when the report names exactly that many and no
    other kind."""
    elided = []
    for m in visits_:
        count = _ELIDED.search(o.text, m.span.start, m.span.end)
        n = to_int(count.group("n")) if count else None
        if m.targets and n and n > len(m.targets):
            elided.append((m, n))
    if len(elided) != 1:
        return
    visit, n = elided[0]
    kind = _kind(o, visit)
    if kind and len(inspections) == n and all(i.kind in (None, kind) for i in inspections):
        for insp in inspections:
            insp.kind = kind


def _kind(o: Opening, visit: Mention) -> str | None:
    """The kind a visit names, or the one its sentence names up to its end."""
    return visit.kind or kinds_named(o.text, o.sentence_start(visit.at), visit.span.end, [])


def _merged(inspections: list[Inspection]) -> list[Inspection]:
    """One inspection per unit and kind: an announcement names a unit more than once (区委第三巡察组
    向区委办反馈…组长向区委办反馈了巡察意见; 对甲埠镇等16个乡镇…;市委第四巡察组:巡察甲埠镇、乙埠镇), the
    second time maybe without its place or its party body (对甲县乙镇党委…;对乙镇…). The first
    mention keeps its name and span; what it leaves open, a later one may give, and the one
    group a later one names beats several named together. A unit in two lists of different
    kinds (常规巡察…;对其中的A开展专项巡察) was inspected twice."""
    out: list[Inspection] = []
    for insp in inspections:
        first = next((o for o in out if _same_unit(insp.target, o.target) and _same_kind(o, insp)), None)
        if first is None:
            out.append(insp)
            continue
        for f in fields(Inspection):
            if getattr(first, f.name) is None:
                setattr(first, f.name, getattr(insp, f.name))
        if _short_name_of(first.target, insp.target):  # 中国黄金 in a headline, then in full
            first.target, first.span = insp.target, insp.span
        several = first.group_name and members(first.group_name)
        if several and insp.group_name and not members(insp.group_name):
            first.group_name = insp.group_name  # 县委第二、第三巡察组…;(一)县委第二巡察组巡察A
    return out


def _same_kind(a: Inspection, b: Inspection) -> bool:
    """Whether two mentions may be of one inspection: their kinds agree, or one names none."""
    return a.kind is None or b.kind is None or a.kind == b.kind


def _short_name_of(short: str, full: str) -> bool:
    """Whether `short` is a company's name without its legal form (中国黄金 for 中国黄金集团公司)."""
    return len(short) >= 3 and full.startswith(short) and bool(_COMPANY_FORM.fullmatch(full[len(short) :]))


def _same_unit(a: str, b: str) -> bool:
    """Whether two names name one unit: equal, or one is the other with its place left off,
    either perhaps with its party body (市财政局 and 财政局党组), or with its place named by
    its level in one and by its name in the other (县人民法院党组 and 丁河法院党组), or a company's
    without its legal form (中国黄金 and 中国黄金集团公司)."""
    if a.endswith(b) or b.endswith(a) or _short_name_of(a, b) or _short_name_of(b, a):
        return True
    a, b = _BODY_SUFFIX.sub("", a), _BODY_SUFFIX.sub("", b)
    if min(len(a), len(b)) >= 2 and (a.endswith(b) or b.endswith(a)):
        return True
    if (a[:1] in _LEVELS) == (b[:1] in _LEVELS):
        return False
    a, b = (_PEOPLES.sub("", x[1:] if x[:1] in _LEVELS else x) for x in (a, b))
    return min(len(a), len(b)) >= 2 and (a.endswith(b) or b.endswith(a))
