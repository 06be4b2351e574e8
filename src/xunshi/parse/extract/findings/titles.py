"""Problem titles: the statement inside the wrappers reports print around it.

Both shapes of report name a problem with the same wrappers: 关于“…”问题的整改, 针对…的问题,
a bracketed note after it (已完成, 共4个, 责任单位:…), a paired 整改意见 in quotes. Cleaning them is
shared here so that a title reads the same whichever reader found it; so are the words of fault
that tell a problem statement from a measure or a pledge.
"""
from __future__ import annotations

import re

# The wrappers around a problem statement: 关于/针对 in front, 的问题 / 的整改情况 behind.
LEAD_WORD = re.compile(r"^(?:关于|针对)")
_TAIL_REPORT = re.compile(r"(?:的|(?<=问题))整改(?:落实)?(?:情况)?$")
_TAIL_PROBLEM = re.compile(r"(?:存在)?的问题$")
_TAIL_BARE_PROBLEM = re.compile(r"问题$")
# A heading that quotes the inspectors: 关于“…” / 针对“…” / 在“…”方面.
QUOTING_LEAD = re.compile(r"^(?:关于|针对|在)(?=“)")
# After a quoted problem: 问题 and the joint to the quoted recommendation (和“…”整改意见).
_PAIR_JOINT = re.compile(r"(?:的?问题)?(?:和|及|与|以及)(?=“)")
_RECOMMENDATION_TAIL = re.compile(r"的?(?:整改)?(?:意见|建议|要求)")
# What may follow a quotation that is the whole statement: 问题/方面, 的整改(情况), a clause.
_QUOTE_CLOSES = re.compile(r"(?:的?(?:问题|方面))?(?:的?整改(?:落实)?(?:情况)?)?(?:[,;:].*)?$")
# A bracketed note after a statement, no part of it: how far the rectification got
# (已完成), how many problems a heading groups (共4个), who answers for it (责任单位:…).
_TAIL_NOTE = re.compile(
    r"\((?:(?P<status>(?:已|基本|正在|持续|长期|未)[^()]{1,10})|(?:共|计)?\d{1,3}(?:个|项|条)[^()]{0,6}"
    r"|(?:责任|牵头|整改时限|完成时限)[^()]{0,40})\)$")
# Any word of fault, which keeps a heading that opens like a measure from being one; a fault
# right after a verb that clears it (追回违规资金, 查处违纪问题12起) is what the measure acts on,
# but such a verb negated (整改不到位, 整治未完成) states a fault all the same; a 不 that only
# strengthens praise or a pledge (不断加强, 坚定不移, 不折不扣) states none.
FAULT = re.compile(
    r"不(?![断懈移折扣]|动摇|遗余力|忘初心)|未|没有"
    r"|(?<!追回|清退|清理|纠正|查处|整治|整改|退还|收回|处理|排查|化解|惩治)"
    r"(?:缺|无|薄弱|差距|淡薄|流于|缓慢|滞后|偏[松软少多高低差弱]|弱化|虚化|乏力|违|混乱|隐患"
    r"|短板|弱项|漏洞|迟缓|走过场|欠缺|较弱|空白|随意|软弱|涣散|松懈|脱节|两张皮|打折扣|超[标编配职]"
    r"|挪用|套取|截留|虚报|冒领|浪费|腐败)|问题$"
)
# Words besides FAULT's that a statement of a problem uses: 存在…现象, 乱象, 风险, 有待加强 …
TROUBLE = re.compile(r"存在|乱|问题|风险|形式主义|官僚主义|有待|亟[需待须]|禁而不[绝止]|屡禁不止|失之于?[宽松软]")
# A statement that asks for something rather than stating a problem: …要…, 必须…, 务必….
DEMAND = re.compile(r"(?<![主重需纪])要(?!求)|必须|务必|应当")
# Punctuation and blanks trimmed from the edges of titles, categories and descriptions.
EDGE = "。,;:!? \t\n"


def _quote_end(s: str, i: int) -> int | None:
    """Index just after the ” that closes the “ at s[i], counting nested quotes."""
    depth = 0
    for j in range(i, len(s)):
        if s[j] == "“":
            depth += 1
        elif s[j] == "”":
            depth -= 1
            if depth == 0:
                return j + 1
    return None


def _quoted_at(s: str, i: int) -> tuple[str, int] | None:
    """(inner text, end) of a balanced quotation starting at s[i], if one does."""
    if i >= len(s) or s[i] != "“":
        return None
    end = _quote_end(s, i)
    return (s[i + 1 : end - 1], end) if end else None


def _strip_wrappers(s: str) -> str:
    """The statement inside 关于…(的)问题 / …的问题 / …的整改情况, without edge punctuation."""
    s = s.strip(EDGE)
    led = bool(LEAD_WORD.match(s))
    s = _TAIL_REPORT.sub("", LEAD_WORD.sub("", s))
    s = _TAIL_PROBLEM.sub("", s)
    s = _TAIL_BARE_PROBLEM.sub("", s) if led else s
    return unquote(s).strip(EDGE)


def unquote(s: str) -> str:
    """The text inside the quotation that is all of `s`, else `s`: “健全学习制度” → 健全学习制度;
    a quotation the text never closes (cut off inside it) loses its opening mark."""
    if s.startswith("“") and "”" not in s:
        return s[1:]
    quoted = _quoted_at(s, 0)
    return quoted[0] if quoted and quoted[1] == len(s) else s


def unwrap(heading: str) -> tuple[str, str | None]:
    """(problem statement, paired recommendation) of a heading.

    针对“X”问题和“Y”整改意见 pairs the inspectors' problem X with their recommendation Y;
    otherwise only the wrappers around the statement are dropped.
    """
    s = heading.strip(EDGE)
    lead = QUOTING_LEAD.match(s)
    quoted = _quoted_at(s, lead.end()) if lead else None
    if not quoted:
        return _strip_wrappers(s), None
    problem, end = quoted
    joint = _PAIR_JOINT.match(s, end)
    recommendation = _quoted_at(s, joint.end()) if joint else None
    if recommendation and _RECOMMENDATION_TAIL.match(s, recommendation[1]):
        return problem.strip(EDGE), recommendation[0].strip(EDGE)
    if not _QUOTE_CLOSES.match(s, end):  # the quote is only part of the statement
        return _strip_wrappers(s), None
    return problem.strip(EDGE), None



def split_note(heading: str) -> tuple[str, str | None]:
    """The heading without the bracketed note after it, and the status the note gives."""
    stripped = heading.strip(EDGE)
    m = _TAIL_NOTE.search(stripped)
    return (stripped[: m.start()], m.group("status")) if m else (heading, None)

