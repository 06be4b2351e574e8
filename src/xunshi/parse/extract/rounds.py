"""Rounds, batches and kinds: `十一届市委第八轮第一批巡视`, `四届市委第九轮、第十轮巡察`, `第九轮`.

Committees number their inspections by term (届), round (轮) and batch (批); a report names
them once near the top and the targets that follow belong to them. The term may stand apart
from the round (八届某某区委于…开展了第六轮常规巡察), and a round may be of a kind (常规, 专项 …)
that every unit named after it shares.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Span
from .numerals import NUMBER, to_int
from .organizations import AUTHORITY, MODE

# [term届[place]][authority[启动]][term届]第N轮[、第M轮…][巡察][第K批][巡察]: the term may stand
# before the authority (十一届市委, 十四届闽清县委) or after it (省委十二届); the authority may start
# the round (学校党委启动第三轮校内巡察, 县委正式启动第三轮巡察); the batch may follow the mode
# (第七轮巡察第三批).
_ROUND = re.compile(
    rf"(?:(?P<term>{NUMBER})届[\u4e00-\u9fff]{{0,8}}?)?"
    rf"(?:(?P<auth>{AUTHORITY})(?:(?:正式|组织)?(?:启动|开展)了?)?)?(?:(?P<term2>{NUMBER})届)?"
    rf"(?P<rounds>(?:第{NUMBER}|首)轮(?:(?:、|和|及)第{NUMBER}轮)*)(?P<mode>{MODE})?(?:第(?P<batch>{NUMBER})批)?"
    rf"(?P<mode2>{MODE})?"
)
# A batch named without its round: 今年第四批巡视安排巡视26个地方和单位 / 完成对第三批8个省直部门的进驻 /
# 第三批已进驻的24个部门(单位). Not a batch of something else (第二批整改任务), nor one of a list
# (第二、第三批次进驻).
_BATCH = re.compile(rf"(?<![、和及])第(?P<batch>{NUMBER})批次?(?:(?P<mode>{MODE})"
                    rf"|(?=已?(?:进驻|被{MODE})|{NUMBER}[个家所][^,。;:\n]{{0,8}}?(?:部门|单位|地区)))")
# One 第N轮 (首轮: the first) inside a list of rounds.
_ONE_ROUND = re.compile(rf"(?:第({NUMBER})|首)轮")
# A term named with its committee away from the round, in a clause about inspections:
# 八届某某区委于2020年10月至2021年1月开展了第六轮常规巡察. Not 十九届中央纪委四次全会.
_TERM = re.compile(
    rf"(?P<term>{NUMBER})届[\u4e00-\u9fff]{{0,8}}?(?P<auth>{AUTHORITY})"
    rf"(?!纪委|纪律|全会|第?[一二三四五六七八九十\d]{{1,3}}次)(?=[^,。;:\n]{{0,40}}?{MODE})"
)

KINDS = ("回头看", "机动", "提级", "交叉", "专项", "联动", "延伸", "常规")
"""Kinds of inspection, the more specific first: 专项巡视“回头看” is a 回头看, 上下联动专项巡察 a
专项 (联动 says how it is organised, 专项 what it covers)."""
# A kind named with the mode, as a round or a group is described: 开展了第六轮常规巡察, 六个常规巡察组,
# 机动式巡视, 巡视“回头看”.
_KIND_NAMED = re.compile(rf"(?:{'|'.join(KINDS[1:])})(?:式”?|”)?{MODE}|{MODE}“?回头看")
# A round described once for all its units: 本轮巡察为“回头看”, 本次巡视是专项巡视, 讲明了这次常规巡察的
# 监督重点.
_ROUND_IS = re.compile(rf"本[轮次](?:{MODE})?(?:工作)?(?:为|是)(?P<what>[^,。;:\n]{{1,16}})"
                       rf"|(?:本[轮次]|这次|此次)(?P<named>{_KIND_NAMED.pattern})")
# A clause that names another body's work, whose kind is not this round's: 根据省委专项巡视部署.
_CITED = re.compile(r"^(?:根据|按照|结合|围绕|配合|落实|对照)")


def kind_in(words: str) -> str | None:
    """The most specific kind of inspection `words` name (专项巡视“回头看” → 回头看)."""
    return next((k for k in KINDS if k in words), None)


@dataclass(frozen=True)
class RoundMention:
    """A term/round/batch phrase; `rounds` holds every round a list names (none for a term
    named on its own), `mode` the 巡视/巡察 printed with it."""

    term: int | None
    authority: str | None
    rounds: tuple[int, ...]
    batch: int | None
    span: Span
    mode: str | None = None

    @property
    def round_no(self) -> int | None:
        """The round, when the phrase names exactly one."""
        return self.rounds[0] if len(self.rounds) == 1 else None


def _int(token: str | None) -> int | None:
    return None if token is None else to_int(token)


def find_rounds(text: str) -> list[RoundMention]:
    """Every round phrase in `text`, and every term named apart from one, in order; numerals
    that do not convert are dropped."""
    out = []
    for m in _ROUND.finditer(text):
        numbers = (to_int(x) if x else 1 for x in _ONE_ROUND.findall(m.group("rounds")))  # 首轮: 1
        rounds = tuple(n for n in numbers if n)
        if rounds:
            out.append(RoundMention(_int(m.group("term") or m.group("term2")), m.group("auth"),
                                    rounds, _int(m.group("batch")), Span(m.start(), m.end()),
                                    m.group("mode") or m.group("mode2")))
    taken = [r.span for r in out]
    for m in _TERM.finditer(text):
        term = to_int(m.group("term"))
        if term and not any(s.start <= m.start() < s.end for s in taken):
            out.append(RoundMention(term, m.group("auth"), (), None, Span(m.start(), m.end())))
    for m in _BATCH.finditer(text):
        batch = to_int(m.group("batch"))
        if batch and not any(s.start <= m.start() < s.end for s in taken):
            out.append(RoundMention(None, None, (), batch, Span(m.start(), m.end()), m.group("mode")))
    return sorted(out, key=lambda r: r.span.start)


def kinds_named(text: str, start: int, end: int, skip: list[Span]) -> str | None:
    """The kind the last `常规巡察`-like phrase in text[start:end] names, outside the `skip` spans
    (phrases that name their own units) and outside clauses citing another body's work."""
    found = None
    for m in _KIND_NAMED.finditer(text, start, end):
        clause = text.rfind(",", start, m.start()) + 1 or start
        if any(s.start <= m.start() < s.end for s in skip) or _CITED.match(text, max(clause, start)):
            continue
        found = kind_in(m.group(0))
    return found


def round_kind(text: str) -> str | None:
    """The kind a `本轮巡察为“回头看”` (or `这次常规巡察`) phrase gives every unit of the round."""
    kinds = {kind_in(m.group("what") or m.group("named")) for m in _ROUND_IS.finditer(text)} - {None}
    return kinds.pop() if len(kinds) == 1 else None
