"""Problem clues (问题线索) and petitions (信访件) the inspection handed over, and their fate.

Reports state a batch and then what became of it: `移交了4件问题线索,均已办结`,
`51件信访件中,…移交3件,处理回复37件…;3个问题线索已结案1件,正在初核调查2件`. Each
disposition becomes one Clue whose `total` is the batch. Only sentences about the inspection
count (they mention 巡视/巡察, or stand under a heading about it or about handed-over
clues): a unit's own petition work elsewhere in the body is not a handed-over clue.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Clue, Span
from .numerals import NUMBER, to_int
from .organizations import ORG_END

# The kinds as reports write them; petitions have several names.
_KIND_WORDS = r"问题线索|线索|信访件|信访举报件?|信访问题|信访"
_KIND = re.compile(_KIND_WORDS)
_KINDS = {"问题线索": "问题线索", "线索": "问题线索"}  # every other spelling is a 信访件
# A count's unit, not followed by what shows the count is of something else (3个单位, 2件次);
# cases are counted in 起 (已立案22起).
_UNIT = r"(?:件|个|条|起)(?!单位|部门|方面|党组织|乡镇|街道|次|批|家|类)"
_PERSONS = rf"(?:(?P<persons>{NUMBER})人)?"

# A batch: 51件信访件 / 3个问题线索 (count first), 问题线索2件3人 (count after), or the kind
# alone (巡视组移交的问题线索,已办结12件) when only the dispositions are counted.
_BATCH = re.compile(
    rf"(?P<total>{NUMBER}){_UNIT}(?P<kind>{_KIND_WORDS})"
    rf"|(?P<kind2>{_KIND_WORDS})(?:共计|共|计)?(?:(?P<total2>{NUMBER}){_UNIT}{_PERSONS})?"
)

# Words a disposition is built from: 处理回复, 谈话函询, 正在初核调查, 初核转立案 …, perhaps said
# to be complete: 办理完毕, 核查完毕.
_DISPOSITION = (
    r"(?:正在|尚在|初步)?(?:初核|核查|核实|调查|处理|回复|谈话|函询|了结|办结|结案|立案|转立案|审查|审理"
    r"|移交|移送|转办|交办|办理|查处|处置|澄清|暂存|待查|留存|查结|问责)+(?:完毕|完结)?"
)
# Who a handover went to: 移送市纪委23条, 交办被巡察单位169条.
_RECIPIENT = rf"[\u4e00-\u9fff]{{1,12}}?(?:{ORG_END}|单位|部门|机关|党组织)"
_HANDOVER_VERB = r"移交|移送|转交|交办|转办"
# One disposition with its count: 处理回复37件 / 已结案1件 (verb first), 移送市纪委23条 (a handover
# with its recipient) or 其余4件正在办理中 / 1件予以了结.
_COUNTED = re.compile(
    rf"(?P<disp>{_DISPOSITION})(?P<n>{NUMBER}){_UNIT}{_PERSONS}"
    rf"|(?P<disp3>{_HANDOVER_VERB})给?{_RECIPIENT}(?P<n3>{NUMBER}){_UNIT}"
    rf"|(?:其余|剩余|另有?)?(?P<n2>{NUMBER}){_UNIT}(?:已经?|均已)?(?:予以)?(?P<disp2>{_DISPOSITION})"
)
# The whole batch went one way: 均已办结 / 已全部办结 / 全部了结.
_ALL = re.compile(rf"(?:均|全部|都)(?:已经?)?(?:全部)?(?P<disp>{_DISPOSITION})|已全部(?P<disp2>{_DISPOSITION})")
# The batch was handed over (or received), its fate untold: 移交问题线索2件3人 / 移交了4件问题线索 /
# 移交县纪委监委问题线索2件 / 共受理信访举报56件.
_HANDOVER = re.compile(rf"(?P<verb>{_HANDOVER_VERB}|受理)了?(?:给?{_RECIPIENT})?(?:的)?$")
# The batch handed over in the clause after it, its fate untold: 形成问题线索39件,正分层分类移交….
_HANDOVER_AFTER = re.compile(rf"\s*[,,]\s*(?:正在?|已经?|均已|将)[\u4e00-\u9fff]{{0,6}}?(?P<verb>{_HANDOVER_VERB})")
# The batch's fate opening its clause: (截至目前,)已办结中央巡视组移交问题线索41件.
# Without 已, the verb stands right before the batch: (已移交问题线索220个,…,)处置问题线索167件.
_DONE_FIRST = re.compile(rf"(?:目前|现)?(?:已经?(?:全部)?(?!{_HANDOVER_VERB})(?P<disp>{_DISPOSITION})"
                         rf"|(?!{_HANDOVER_VERB})(?P<disp2>{_DISPOSITION})$)")

# Where a sentence counts: it names the inspection, or its heading names the inspection or a
# handover of clues.
_INSPECTION = re.compile(r"巡视|巡察")
_CLUE_HEADING = re.compile(r"巡视|巡察|移交|交办")
_HEADING_MAX_LEN = 60
"""A line this short is a heading for the paragraphs below it."""
_SENTENCE = re.compile(r"[^。\n]+")
_CLAUSE_BREAK = re.compile(r"[,;、,:]")


def extract_clues(text: str) -> list[Clue]:
    """One Clue per disposition of each handed-over batch, in reading order."""
    found = [c for start, passage in _passages_about_clues(text) for c in _passage_clues(passage, start)]
    return _drop_bare_handovers(found)


def _passages_about_clues(text: str) -> Iterator[tuple[int, str]]:
    """Sentences naming clues in the inspection's context (the sentence names the inspection, or
    the one before it in its paragraph does, or its heading), each with the sentence after it
    when that one names no clues itself: its dispositions may continue the batch (移交问题线索15件。
    目前已全部办结)."""
    heading = ""
    offset = 0
    for line in text.split("\n"):
        sentences = list(_SENTENCE.finditer(line))
        for i, m in enumerate(sentences):
            s = m.group()
            context = (_INSPECTION.search(s) or (i and _INSPECTION.search(sentences[i - 1].group()))
                       or _CLUE_HEADING.search(heading))
            if not (_KIND.search(s) and context):
                continue
            end = m.end()
            if i + 1 < len(sentences) and not _KIND.search(sentences[i + 1].group()):
                end = sentences[i + 1].end()
            yield offset + m.start(), line[m.start() : end]
        if len(line) <= _HEADING_MAX_LEN:
            heading = line
        offset += len(line) + 1


def _passage_clues(passage: str, offset: int) -> Iterator[tuple[Clue, bool]]:
    """Each batch in the passage with the dispositions that follow it up to the next batch."""
    batches = list(_BATCH.finditer(passage))
    earlier: dict[str, int] = {}  # the last counted batch of each kind
    for i, batch in enumerate(batches):
        end = batches[i + 1].start() if i + 1 < len(batches) else len(passage)
        yield from _batch_clues(passage, batch, end, offset, earlier)


def _batch_clues(passage: str, batch: re.Match[str], end: int, offset: int,
                 earlier: dict[str, int]) -> Iterator[tuple[Clue, bool]]:
    """(clue, is a bare handover) for one batch: a whole-batch disposition (均已办结) and the
    counted ones (其中立案2件), else one opening the batch's clause (已办结…问题线索41件: a part
    of an earlier batch of its kind, if any), or else the handover itself.
    `earlier` holds the total of the last counted batch of each kind, and takes this one's."""
    kind = _KINDS.get(batch.group("kind") or batch.group("kind2"), "信访件")
    total = to_int(batch.group("total") or batch.group("total2") or "")
    persons = to_int(batch.group("persons") or "")
    before, earlier[kind] = earlier.get(kind), total if total is not None else earlier.get(kind)
    whole = None
    if total is not None and (whole := _ALL.search(passage, batch.end(), end)):
        yield Clue(kind, whole.group("disp") or whole.group("disp2"), total,
                   Span(offset + batch.start(), offset + whole.end()), total=total, persons=persons), False
    counted = [(m, n) for m in _COUNTED.finditer(passage, batch.end(), end)
               if (n := to_int(m.group("n") or m.group("n2") or m.group("n3"))) is not None]
    for m, n in counted:
        yield Clue(kind, m.group("disp") or m.group("disp2") or m.group("disp3"), n,
                   Span(offset + m.start(), offset + m.end()), total=total,
                   persons=to_int(m.group("persons") or "")), False
    if whole or counted or total is None:
        return
    clause_start = max((m.end() for m in _CLAUSE_BREAK.finditer(passage, 0, batch.start())), default=0)
    done = _DONE_FIRST.match(passage, clause_start, batch.start())
    if done:
        whole_of = before if before is not None and before >= total else total
        yield Clue(kind, done.group("disp") or done.group("disp2"), total,
                   Span(offset + done.start(), offset + batch.end()), total=whole_of, persons=persons), False
        return
    handed = _HANDOVER.search(passage, clause_start, batch.start()) or _HANDOVER_AFTER.match(passage, batch.end())
    if handed:  # the batch is its only count: it has no total apart from it
        span = Span(offset + min(handed.start(), batch.start()), offset + max(handed.end(), batch.end()))
        yield Clue(kind, handed.group("verb"), total, span, persons=persons), True


def _drop_bare_handovers(found: list[tuple[Clue, bool]]) -> list[Clue]:
    """A handover is a clue of its own only when no disposition of that batch is reported."""
    settled = {(c.kind, c.total) for c, bare in found if not bare}
    return [c for c, bare in found if not (bare and (c.kind, c.count) in settled)]
