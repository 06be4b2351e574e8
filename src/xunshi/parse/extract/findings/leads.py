"""What opens an inline list of problems, and what each kind of lead asks of the items after it.

A feedback release announces its problems with a lead phrase: a colon lead (存在的主要问题:), a
sentence that names them, a label, or a lead that is only a comma (巡察发现, / 巡察组指出,) and so
as often opens praise or demands: the items after such a lead must prove to be problems.
"""
from __future__ import annotations

import re

from ...model import Finding
from .clauses import FIELD_SAYS, ITEM_WORDS, PRAISE, states_fault
from .titles import DEMAND

# A line that only announces the problems below it: 巡视组反馈指出 / 巡察发现的主要问题 / 问题 /
# 存在问题: (the problems follow as numbered lines or as paragraphs).
_LEAD_LINE = (r"^[ \t]*(?:(?:巡视|巡察)组?)?(?:反馈)?"
              r"(?:(?:指出|发现)的?(?:主要|突出)?(?:问题)?|(?:存在|主要|发现)?的?问题)[ \t]*:?[ \t]*$")
# Where a feedback announcement starts listing problems: 发现…问题: / 主要问题: / 问题主要有,
# or 发现了一些问题(和不足), / 巡察发现, / 巡察组指出, followed by an item (有的… / 一是… /
# 在…方面,) or by 主要是;
# a sentence naming problems followed by one that lists them (…突出问题。主要包括… / 指出了巡视
# 发现的突出问题。有的…); 问题包括, / 问题,包括; 主要问题公布如下:; 集中表现在以下五个方面:;
# a list of problems or the feedback closed by 等等 or 等问题 (“问题清单”内容较多,包括A;B等等。 /
# 反馈意见提出,A,B,C等等。);
# 巡察发现, / 巡察组指出, before clauses separated by ; or , that all state faults (巡察发现,甲局
# A有偏差;B薄弱。 / 巡察发现,该局A不严,B混乱,C不规范。) unless they are enumerated or open with an
# item word (巡察发现,该局一是A;二是B / 巡察发现,有的…), or
# before clauses opening 部分… / 个别… that all do; or 但 after praise (取得一定成效,但A不严,B混乱);
# a subject may stand between 指出, and its first item (巡察组指出,该局在A方面,有的…);
# or 从巡察情况看, before items that open 部分… / 有的… (before anything else it opens praise);
# or a sentence closing on a series of problems (…等突出问题。) before sentences that state more;
# or a label: 问题: or 【问题】 at a line start, a lead line, or 问题 between blanks on a page whose line
# breaks became blanks (…发言。 问题 A。B。 建议 …); or a bare 巡察发现: / 反馈指出: /
# 反馈巡视情况时重点提到, which as often opens praise, so that a problem must follow it (and which
# leaves a colon lead later in its clause to open the list: 反馈时指出,该局存在以下问题:…).
INLINE_LEAD = re.compile(
    r"(?:发现|反映|指出|存在)[^。:\n]{0,30}(?:问题|不足)[^。:,;\n]{0,8}:"
    r"|(?:发现|存在|(?:反馈|巡察|巡视)[^。:,;\n]{0,8}?指出)(?:[^。:,\n]{0,30}(?:问题|不足)[^。:,;\n]{0,8})?,"
    r"(?:主要(?:是|有|包括|表现[在为]):?|(?P<few>(?=部分|个别|少数))"
    rf"|(?=[^。;:,\n]{{0,12}}?一是)"
    rf"|(?P<subject>[^。;:,\n]{{0,12}}?)(?=有的|在[^。;:,\n]{{2,20}}?方面{FIELD_SAYS},))"
    r"|(?P<split>(?:巡察|巡视)组?(?:在?(?:反馈|巡察|巡视)(?:中|时)?)?(?:还|也)?(?:发现|指出),)"
    r"(?=[^。\n]*[;,])(?![^。:;\n]{0,30}?(?:问题|不足)[^。:,;\n]{0,8}:)"
    r"(?![^。;:,\n]{0,12}?(?:一是|有的|在[^。;:,\n]{2,20}?方面)|部分|个别|少数)"
    r"|(?P<but>(?<=[效绩果好强]),但(?:是|也|还|仍)*)(?=[^。\n]*,)(?![^。,;:\n]*(?:问题|不足))"
    r"|(?:问题|不足)。主要(?:是|有|包括|表现[在为]):?"
    rf"|(?:发现|指出|反馈|存在)[^。;:\n]{{0,30}}(?:问题|不足)。(?={ITEM_WORDS})"
    r"|主要(?:问题(?:是|有)?|是|有|包括|表现在|表现为):|主要问题(?:有|是|集中在)[^。:,;\n]{1,8}:|问题主要(?:是|有|包括|表现在|表现为):?"
    r"|(?:主要|集中|具体)(?:表现|体现|集中)[在为]以下[^。:,;\n]{0,8}:"
    r"|问题(?:包括[,:]|,包括)|(?:主要|反馈|发现|存在)的?问题[^。:,;\n]{0,6}如下\s*:"
    r"|(?:反馈|巡察|巡视)[^。:,;\n]{0,6}(?:情况|意见)[^。:,;\n]{0,6}(?:公布|公开)如下\s*:(?=[ \t]*$)"
    r"|(?P<closed>(?:反馈意见|问题清单”?|问题)(?:[^。:;,\n]{0,6},)?(?:(?:提出|指出),|包括,?)(?=[^。\n]*?等(?:等|问题)。))"
    r"|从[^。;:,\n]{1,16}?(?:情况|反馈)看,(?=部分|有的|一些|个别|少数)"
    r"|等(?:较为|比较)?(?:突出|主要|共性|具体)?(?:的)?问题。"
    rf"|^[ \t]*(?:(?:反馈|巡察|巡视)的?)?问题\s*:|^[ \t]*【\s*(?:(?:反馈|存在|主要)的?)?问题\s*】|{_LEAD_LINE}"
    r"|(?<=[。!?])[ \t]+(?:(?:存在|主要|反馈|发现)的?)?问题[ \t]+(?=\S)"
    r"|(?P<bare>(?:发现|指出)\s*:|反馈[^。:,;\n]{0,10}?时(?:重点|特别|还|也)?(?:指出|提到|点出),"
    r"(?![^。:;\n]{0,30}?(?:问题|不足)[^。:,;\n]{0,8}:))",
    re.MULTILINE,
)
# A series closed inside a clause (…A、B等问题): read by the series reader, not as one item.
_SERIES_IN = re.compile(r"等[^,;。]{0,12}问题")
# Words by which the inspected unit pledges, before a lead in its sentence: what it lists next
# are its answers (局党组书记表示,对巡察组指出的问题照单全收:一是提高站位…).
_PLEDGE = re.compile(r"表示|表态|承诺|保证")


def pledged(text: str, pos: int) -> bool:
    """Whether the sentence of a lead at `pos` has the inspected unit pledge before it: what it
    lists next are its answers (局党组书记表示,对巡察组指出的问题照单全收:一是提高站位…)."""
    return bool(_PLEDGE.search(text, max(text.rfind(c, 0, pos) for c in "。;\n") + 1, pos))


def not_problems(text: str, lead: re.Match[str], found: list[Finding]) -> bool:
    """Whether a lead that needs its items to prove they are problems gets none: clauses cut
    by ; (巡察发现,该局重视A;B较好), opening 部分… or after a subject (反馈指出,该局有的干部主动
    担当…) that do not all state faults, or a list closed by 等等 that asks for something
    (反馈意见提出,要加强A,完善B等等)."""
    checked = (lead.group("split") or lead.group("subject") or lead.group("but")
               or lead.group("few") is not None)
    if checked and not _splits_faults(text, found):
        return True
    return bool(lead.group("closed")) and not _closes_problems(text, found)


def _splits_faults(text: str, found: list[Finding]) -> bool:
    """Whether the two or more clauses after 巡察发现, (cut at their ; or ,, or opening 部分…)
    each state a fault, none asks for something (要着力解决…) or praises (取得一定成效) and none
    closes a series of its own (对甲镇巡察发现,存在A、B等问题;… is read as series)."""
    return len(found) >= 2 and all(
        states_fault(text, f.span.start, f.span.end) and not DEMAND.match(text, f.span.start)
        and not _SERIES_IN.search(text, f.span.start, f.span.end)
        and not PRAISE.search(text, f.span.start, f.span.end) for f in found)


def _closes_problems(text: str, found: list[Finding]) -> bool:
    """Whether a list closed by 等等 states problems: one item at least states a fault and none
    opens by asking for something (要加强…, 必须…; 跑官要官 asks for nothing)."""
    return any(states_fault(text, f.span.start, f.span.end) for f in found) and not any(
        DEMAND.match(text, f.span.start) for f in found)
