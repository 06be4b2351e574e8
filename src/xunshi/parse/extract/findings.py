"""Findings: the problems a report lists, with their category, seq, title and measures.

Rectification reports answer the inspectors point by point under one section of the outline
(二、反馈问题整改情况 …): category headings such as (一)党的领导方面, then one numbered heading per
problem, then what was done about it. Feedback announcements instead list the problems inline
(发现…问题:有的…;部分… / 一是党的领导方面:…;…), or under 一、巡察发现的主要问题. Both shapes
vary a lot between reports, so the section is found by what its heading says and the levels by
how the outline nests, never by a fixed marker.
"""
from __future__ import annotations

import re

from ..model import DocType, Finding, Measure, Span
from ..outline import (
    PROBLEM_STYLES, UNNUMBERED_STYLES, Block, build_outline, match_marker, rstrip_end, sentence_end,
)
from .measures import (
    ENUM_FAMILIES, LEAD_IN, enumerated_items, enumeration, extract_measures, item_number,
    after_item_marker, status_hint,
)
from .numerals import CN_NUMBER

# A section heading that introduces the fed-back problems (or the answers to them); a feedback
# announcement heads them 巡察发现的主要问题.
FINDINGS_SECTION = re.compile(
    r"反馈(?:的)?(?:问题|意见)|问题(?:的)?整改|整改(?:任务|意见)|具体问题|问题导向|问题清单"
    r"|发现的?(?:主要|突出)?问题|^(?:具体|逐项)?整改(?:落实|进展)?情况$"
)
# Sections that are about something else even when they mention problems.
OTHER_SECTION = re.compile(r"线索|信访|下一步|深化|巩固|存在的主要问题|打算|计划")
# Sections about organizing the work, searched no deeper unless they name the problems.
WORK_SECTION = re.compile(r"主体责任|组织(?:整改|领导|实施)|总体情况|基本情况")
# A field of work: 党的建设方面 / 纪律建设方面存在的问题.
_FIELD = r"方面(?:的问题|存在的问题)?$"
FIELD_HEADING = re.compile(_FIELD)
# A heading that states a problem or a group of problems (used when no section says so).
PROBLEM_HEADING = re.compile(
    rf"^(?:关于|针对)|问题$|{_FIELD}|不(?:够|到位|足|严|实|力|规范)|缺|薄弱|差距|淡薄"
)
# A heading that names a measure taken: it opens with what was done (健全制度, 开展研讨 …).
MEASURE_HEADING = re.compile(
    r"(?:加强|强化|健全|完善|建立|开展|推进|推动|制定|修订|规范|深化|提高|提升|压实|抓好|狠抓"
    r"|注重|着力|召开|组织|实行|严格|认真|坚持|落实|加大|从严|持续|扎实|切实|全面|深入|聚焦"
    r"|夯实|筑牢|构建|优化|整治|清理|纠正|严肃|抓实|出台|印发|下发|完成|成立|明确|细化|梳理|排查"
    r"|选派|调整|约谈|追回|清退|退还|补齐|补充|重新|编制|建成|实施|举办|定期|及时|对|将)"
)
# Any word of fault, which keeps a heading that opens like a measure from being one; a fault
# right after a verb that clears it (追回违规资金, 查处违纪问题12起) is what the measure acts on.
FAULT = re.compile(
    r"(?<!追回|清退|清理|纠正|查处|整治|整改|退还|收回|处理|排查|化解|惩治)"
    r"(?:不|缺|未|没有|无|薄弱|差距|淡薄|流于|缓慢|滞后|偏[松软少多高低差弱]|弱化|虚化|乏力|违|混乱|隐患"
    r"|短板|弱项|漏洞|走过场|欠缺|较弱|空白|随意|软弱|涣散|松懈|脱节|两张皮|打折扣|超[标编配职]"
    r"|挪用|套取|截留|虚报|冒领|浪费|腐败)|问题$"
)
# A category heading: a field of work (…方面) or a group of problems (关于“…”问题).
CATEGORY_HEADING = re.compile(rf"{_FIELD}|^(?:关于|在)“|问题$")

# The wrappers around a problem statement: 关于/针对 in front, 的问题 / 的整改情况 behind.
_LEAD_WORD = re.compile(r"^(?:关于|针对)")
_TAIL_REPORT = re.compile(r"(?:的|(?<=问题))整改(?:落实)?(?:情况)?$")
_TAIL_PROBLEM = re.compile(r"(?:存在)?的问题$")
_TAIL_BARE_PROBLEM = re.compile(r"问题$")
# A heading that quotes the inspectors: 关于“…” / 针对“…” / 在“…”方面.
_QUOTING_LEAD = re.compile(r"^(?:关于|针对|在)(?=“)")
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
# Punctuation and blanks trimmed from the edges of titles, categories and descriptions.
_EDGE = "。,;:!? \t\n"
# The label of the inspectors' recommendation printed between a problem and its measures.
RECOMMENDATION_LABEL = re.compile(
    r"(?:^|(?<=[。;]))[ \t]*(?:整改|巡察|巡视)?(?:意见|建议|要求)\s*:", re.MULTILINE)
# The label some reports put before a finding's description: 问题表现: / 具体表现: …
_DESCRIPTION_LABEL = re.compile(r"^(?:问题表现|具体表现|主要表现|问题描述|存在问题)\s*:")
# A colon that announces the ways the problem shows rather than the measures: 具体表现为:
_DESCRIBING_COLON = re.compile(r"(?:表现(?:为|在)?|描述|存在问题)\s*:$")

# A paragraph that opens the report's closing: plans, the call for supervision, contacts.
CLOSING_LINE = re.compile(
    r"^[ \t]*(?:下一步[,,:]|欢迎|特此|如有(?:意见|问题)|联系(?:电话|方式|人)\s*:)", re.MULTILINE)

# How a problem item opens: 有的… / 部分… / 一是….
_ITEM_WORDS = rf"(?:有的|部分|一些|个别|少数|仍有|还有|存在|{CN_NUMBER}是)"
# A field of work named as a sentence of its own inside a list, which the items after it
# stand under: 在党的领导方面。有的… / 在党的建设方面,有的… (方面: labels are INLINE_CATEGORY's).
_FIELD_NAME = r"在?(?P<category>[^。;:,\n]{2,20}?方面)"
FIELD_LABEL = re.compile(rf"{_FIELD_NAME}(?:。|,(?={_ITEM_WORDS}))")
# A sentence after 。 that still belongs to the list: it opens like a problem item or a label.
ITEM_OPENER = re.compile(rf"{_ITEM_WORDS}|{_FIELD_NAME}(?:[。:]|,(?={_ITEM_WORDS}))")
# Where a feedback announcement starts listing problems: 发现…问题: / 主要问题: / 问题主要有,
# or 发现了一些问题(和不足), / 巡察发现, followed by an item (有的… / 一是…) or by 主要是;
# or a sentence naming problems followed by one that lists them (…突出问题。主要包括…).
INLINE_LEAD = re.compile(
    r"(?:发现|反映|指出|存在)[^。:\n]{0,30}(?:问题|不足)[^。:,;\n]{0,8}:"
    r"|(?:发现|存在)(?:[^。:,\n]{0,30}(?:问题|不足)[^。:,;\n]{0,8})?,"
    r"(?:主要(?:是|有|包括|表现[在为]):?|(?=有的|一是))"
    r"|(?:问题|不足)。主要(?:是|有|包括|表现[在为]):?"
    r"|主要(?:问题(?:是|有)?|是|有|包括|表现在|表现为):|问题主要(?:是|有|包括|表现在|表现为):?"
)
# An inline item that names a field of work before its problems: 一是(在)党的领导方面:A;B.
INLINE_CATEGORY = re.compile(r"在?(?P<category>[^。:;,\n]{2,24}?方面(?:存在的问题|的问题)?)\s*:")
# The tail that closes a list's last item: …有待加强等问题 / …不规范等.
_TAIL_ETC = re.compile(r"等(?:方面)?(?:的?问题)?$")
# A list item made only of short comma-separated clauses lists one problem per clause.
_MIN_CLAUSES, _MAX_CLAUSE = 3, 20
# Separators of inline items: ; and 。, and the comma before a parallel 有的.
_ITEM_END = re.compile(r"[;。]|,(?=有的)")


def extract_findings(text: str, doc_type: DocType | None) -> list[Finding]:
    """Findings in document order; feedback announcements are read inline first."""
    if doc_type == "feedback":
        return inline_findings(text) or outline_findings(text)
    found = outline_findings(text)
    if not found and doc_type is None:
        found = inline_findings(text)
    return found


# ---------------------------------------------------------------- titles and wrappers


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
    s = s.strip(_EDGE)
    led = bool(_LEAD_WORD.match(s))
    s = _TAIL_REPORT.sub("", _LEAD_WORD.sub("", s))
    s = _TAIL_PROBLEM.sub("", s)
    s = _TAIL_BARE_PROBLEM.sub("", s) if led else s
    return _unquote(s).strip(_EDGE)


def _unquote(s: str) -> str:
    """The text inside the quotation that is all of `s`, else `s`: “健全学习制度” → 健全学习制度."""
    quoted = _quoted_at(s, 0)
    return quoted[0] if quoted and quoted[1] == len(s) else s


def unwrap(heading: str) -> tuple[str, str | None]:
    """(problem statement, paired recommendation) of a heading.

    针对“X”问题和“Y”整改意见 pairs the inspectors' problem X with their recommendation Y;
    otherwise only the wrappers around the statement are dropped.
    """
    s = heading.strip(_EDGE)
    lead = _QUOTING_LEAD.match(s)
    quoted = _quoted_at(s, lead.end()) if lead else None
    if not quoted:
        return _strip_wrappers(s), None
    problem, end = quoted
    joint = _PAIR_JOINT.match(s, end)
    recommendation = _quoted_at(s, joint.end()) if joint else None
    if recommendation and _RECOMMENDATION_TAIL.match(s, recommendation[1]):
        return problem.strip(_EDGE), recommendation[0].strip(_EDGE)
    if not _QUOTE_CLOSES.match(s, end):  # the quote is only part of the statement
        return _strip_wrappers(s), None
    return problem.strip(_EDGE), None


# ---------------------------------------------------------------- the findings section


def _is_section(block: Block) -> bool:
    """Whether a heading announces the findings rather than being one of them.

    关于“…”问题的整改 names a single problem and is a finding even though it says 问题…整改.
    """
    heading = block.heading
    return bool(FINDINGS_SECTION.search(heading) and not OTHER_SECTION.search(heading)
                and not _QUOTING_LEAD.match(heading))


def _sections(block: Block) -> list[Block]:
    """Blocks whose heading announces the answers to the fed-back problems, outermost first."""
    out: list[Block] = []
    for child in [c for c in block.children if c.children]:
        if _is_section(child):
            out.append(child)
        elif not _is_other(child):
            out.extend(_sections(child))
    return out


def _lists_problems(text: str, section: Block) -> bool:
    """Whether a section holds problems: a problem-shaped heading or measures below it."""
    return any(PROBLEM_HEADING.search(b.heading) or _has_measures(text, b)
               for b in section.walk()[1:])


def _is_other(block: Block) -> bool:
    """Whether a heading is about the work or the follow-up rather than the problems."""
    return bool(OTHER_SECTION.search(block.heading) or WORK_SECTION.search(block.heading))


def _findings_lists(text: str, root: Block) -> list[list[Block]]:
    """The sibling headings to read findings from, one list per findings section.

    Named sections count when they really list problems: a heading such as 坚持问题导向 also
    heads the account of the work. Without one that does, the first block whose children are
    mostly problem-shaped headings stands in, and only those children count (its other
    children are about the work); the named sections are the last resort.
    """
    sections = _sections(root)
    listing = [s for s in sections if _lists_problems(text, s)]
    if listing:
        return [[k for k in s.children if not OTHER_SECTION.search(k.heading)] for s in listing]
    problems = _problem_children(text, root)
    if problems:
        return [problems]
    return [[k for k in s.children if not OTHER_SECTION.search(k.heading)] for s in sections]


def _problem_children(text: str, root: Block) -> list[Block]:
    """The problem-shaped children of the first block made mostly of them, if any."""
    for block in root.walk():
        if _is_other(block):
            continue
        problems = [c for c in block.children if _is_problem(text, c) and not _is_other(c)]
        if len(problems) >= 2 and len(problems) * 2 >= len(block.children):
            return problems
    return []


def _is_problem(text: str, block: Block) -> bool:
    """Whether a block reads as one problem: its heading, a 问题n marker or a 整改情况: label."""
    return bool(PROBLEM_HEADING.search(block.heading) or block.style in PROBLEM_STYLES
                or LEAD_IN.search(text, block.heading_span.end, block.span.end))


def _own_text(text: str, block: Block) -> str:
    """The block's text between its heading and its first child."""
    return text[block.body_span.start : block.body_span.end]


def _last_line(text: str, start: int, end: int) -> str:
    """The last line of text[start:end], without trailing blanks."""
    end = rstrip_end(text, start, end)
    return text[max(start, text.rfind("\n", start, end) + 1) : end]


def _announced(text: str, block: Block) -> str | None:
    """What a colon right before the block's items announces: "measures" (整改措施:),
    "description" (具体表现:), or None when no colon does."""
    colon_line = _last_line(text, block.heading_span.start, block.body_span.end)
    if not colon_line.endswith(":"):
        return None
    return "description" if _DESCRIBING_COLON.search(colon_line) else "measures"


def _items_are_measures(text: str, block: Block) -> bool:
    """Whether the block's numbered items are its measures.

    They are when a colon announces them (整改措施:, but not 具体表现:), or when there are two
    or more and each is a bare line with nothing of its own under it, or each is headed by
    what was done (1.健全学习制度。…) rather than by what was wrong.
    """
    announced = _announced(text, block)
    if announced:
        return announced == "measures"
    kids = block.children
    return len(kids) >= 2 and all(not k.children for k in kids) and (
        all(not _own_text(text, k).strip(_EDGE) for k in kids)
        or all(_is_action(k.heading) for k in kids))


def _is_action(heading: str) -> bool:
    """Whether a heading names a measure taken (健全…, 开展…) and no fault at all."""
    return bool(MEASURE_HEADING.match(heading)) and not FAULT.search(heading)


def _is_category_level(text: str, kids: list[Block]) -> bool:
    """Whether these sibling headings group findings rather than being findings.

    A finding may carry one description item (1) under it, so one child alone does not make a
    category; two or more do (unless a colon announces them: 整改措施: / 具体表现:), and so does a
    category-shaped heading over children. Beside siblings that are findings with measures of
    their own, only a field of work (…方面) groups: other headings over children are findings
    with sub-problems, at the same level as their siblings.
    """
    parents = [k for k in kids if k.children and not _announced(text, k)
               and not _items_are_measures(text, k)]
    measured = any(not k.children and _has_measures(text, k) for k in kids)
    if measured and not all(FIELD_HEADING.search(k.heading) for k in parents):
        return False
    if any(len(k.children) >= 2 for k in parents):
        return True
    return bool(parents) and all(CATEGORY_HEADING.search(k.heading) for k in parents)


def _has_measures(text: str, block: Block) -> bool:
    """Whether a block carries its own measures (a lead-in or a 一是… enumeration)."""
    start, end = block.heading_span.end, block.span.end
    return bool(LEAD_IN.search(text, start, end) or enumeration(text, start, end))


def outline_findings(text: str) -> list[Finding]:
    """Findings of a rectification report, read from its outline."""
    root = build_outline(text)
    out: list[Finding] = []
    for listed in _findings_lists(text, root):
        kids = [k for k in listed if not _reports_work(text, k)]
        if not _is_category_level(text, kids):
            out.extend(_finding(text, k, None) for k in kids)
            continue
        for kid in kids:
            if kid.children:
                category = unwrap(_split_note(kid.heading)[0])[0]
                out.extend(_finding(text, f, category) for f in kid.children)
            elif _has_measures(text, kid):
                out.append(_finding(text, kid, None))
    return out


def _reports_work(text: str, block: Block) -> bool:
    """Whether a heading among the findings reports work instead (举一反三,建立长效机制): every
    item under it is a measure taken, and it names no problem itself."""
    return (bool(block.children) and all(_is_action(k.heading) for k in block.children)
            and not _is_problem(text, block) and not FAULT.search(block.heading))


# ---------------------------------------------------------------- one finding


def _children_role(text: str, block: Block, nested: bool) -> str | None:
    """What the numbered items under a finding are: measures, sub-problems or description.

    Items after a colon (整改情况:) or bare one-line items are measures; numbered items that
    name their own problem (针对“…”), or two or more that each carry their own measures, are
    sub-problems — one level deep only, as the model has it; anything else only describes
    the finding. Unnumbered paragraphs opening 针对…的问题, without measures of their own to
    make them sub-problems, only tell how one side of it was answered: they are its text.
    """
    kids = block.children
    if not kids:
        return None
    if _items_are_measures(text, block):
        return "measures"
    named = all(_LEAD_WORD.match(k.heading) for k in kids)
    answering = named and all(k.inferred for k in kids)
    each_measured = len(kids) >= 2 and all(_has_measures(text, k) for k in kids)
    if not nested and (each_measured or named and not answering):
        return "subproblems"
    return None if answering else "description"


def _finding(text: str, block: Block, category: str | None, nested: bool = False) -> Finding:
    """One finding from its heading block, with children, description and measures."""
    heading, printed_status = _split_note(block.heading)
    title, recommendation = unwrap(heading)
    end = _closing_start(text, block.heading_span.end, block.span.end)
    # The contract's seq is the printed number: a heading printed without one has none.
    printed = block.style not in UNNUMBERED_STYLES
    f = Finding(title=title, span=Span(block.span.start, end),
                seq=block.number if printed else None, seq_inferred=block.inferred and printed,
                category=category, recommendation=recommendation)
    role = _children_role(text, block, nested)
    own_end = block.body_span.end if role == "subproblems" else end
    f.status = printed_status or status_hint(text, block.heading_span.end, own_end)
    if role == "subproblems":
        f.children = [_finding(text, c, category, nested=True) for c in block.children]
        _fill(f, text, block.body_span.start, block.body_span.end, None)
    elif role == "measures":
        f.measures = [_item_measure(text, c) for c in block.children]
        f.enumerated = True
    else:
        described = block.children[0].heading_span.start if role == "description" else None
        _fill(f, text, block.heading_span.end, end, described)
    return f


def _split_note(heading: str) -> tuple[str, str | None]:
    """The heading without the bracketed note after it, and the status the note gives."""
    stripped = heading.strip(_EDGE)
    m = _TAIL_NOTE.search(stripped)
    return (stripped[: m.start()], m.group("status")) if m else (heading, None)


def _closing_start(text: str, start: int, end: int) -> int:
    """Where the report's closing begins inside text[start:end], or end if it does not.

    The last numbered block runs to the end of the text, over the 下一步 plans, the call for
    supervision and the signature; none of that belongs to the last finding.
    """
    m = CLOSING_LINE.search(text, start, end)
    return rstrip_end(text, start, m.start()) if m else end


def _item_measure(text: str, item: Block) -> Measure:
    """A measure printed as its own numbered item under 整改情况:."""
    return Measure(item.number or 0, text[item.heading_span.start : item.span.end],
                   Span(item.heading_span.start, item.span.end))


def _line_end(text: str, pos: int, end: int) -> int:
    """End of the paragraph holding `pos`, at most `end`: inline lists never cross one."""
    nl = text.find("\n", pos, end)
    return end if nl < 0 else nl


def _fill(f: Finding, text: str, start: int, end: int, described: int | None) -> None:
    """Description and measures from text[start:end], the finding's text after its heading.

    A lead-in (整改情况:) separates the description before it from the measures after it;
    without one, a description item (1) is its first paragraph and the rest are measures.
    """
    lead = LEAD_IN.search(text, start, end)
    if lead:
        desc_start = start if described is None else described
        desc_end, start = lead.start(), lead.end()
    elif described is not None:
        desc_start = described
        desc_end = start = _line_end(text, described, end)
    else:
        desc_start = desc_end = start
    advice = RECOMMENDATION_LABEL.search(text, desc_start, desc_end)
    if advice and f.recommendation is None:
        f.recommendation = _unquote(text[advice.end() : desc_end].strip(_EDGE)) or None
        desc_end = advice.start()
    description = _DESCRIPTION_LABEL.sub("", text[desc_start:desc_end].strip(_EDGE))
    f.description = description.strip(_EDGE) or None
    f.measures, f.enumerated = extract_measures(text, start, end)


# ---------------------------------------------------------------- inline lists (feedback)


def inline_findings(text: str) -> list[Finding]:
    """Problems listed inline, each item one finding: lists by field of work first, because a
    label such as 纪律方面存在的问题: inside them would read as a lead phrase of its own."""
    return _categorized_paragraphs(text) or _lead_findings(text)


def _lead_findings(text: str) -> list[Finding]:
    """Problems listed after a lead phrase: 发现…问题: / 主要是: / 发现一些问题,有的…"""
    out: list[Finding] = []
    consumed = 0
    for lead in INLINE_LEAD.finditer(text):
        if lead.start() < consumed:  # a second lead phrase inside a list already read
            continue
        consumed = end = _line_end(text, lead.end(), len(text))
        items: list[tuple[int, int, int | None]]
        if text[lead.end() : end].strip():
            items = list(enumerated_items(text, lead.end(), end))
            items = items or _separated_items(text, lead.end(), end)
            items = _short_clauses(text, *items[0][:2]) if len(items) == 1 else items
        else:  # the lead ends its line: the problems are the numbered lines below it
            items = _listed_lines(text, end)
            consumed = items[-1][1] if items else end
        out.extend(_under_field_labels(text, items))
    return [f for f in out if f.title]


def _under_field_labels(text: str, items: list[tuple[int, int, int | None]]) -> list[Finding]:
    """Findings of a lead's items, each under the last field of work named before it: a label
    sentence (在党的领导方面。) is a category, not a finding, and a label (纪律方面:) covers
    the items after its own until the next one."""
    out: list[Finding] = []
    category = None
    for start, end, seq in items:
        start = _skip_edge(text, start, end)
        at = after_item_marker(text, start)
        label = FIELD_LABEL.match(text, at)
        if label and label.end() <= end + 1:  # the 。 or , that closes it may end the item
            category, start = label.group("category"), min(label.end(), end)
        found = _inline_item(text, start, end, seq) if start < end else []
        category = next((f.category for f in found if f.category), category)
        for f in found:
            f.category = f.category or category
        out.extend(found)
    return out


def _categorized_paragraphs(text: str) -> list[Finding]:
    """Findings of paragraphs enumerating fields of work: 一是党的领导方面:A;B。二是…方面:C。

    The 方面: labels make such a list recognizable without a lead phrase before it.
    """
    out: list[Finding] = []
    start = 0
    while start < len(text):
        end = _line_end(text, start, len(text))
        items = enumerated_items(text, start, end)
        if items and all(_category_label(text, s, e) for s, e, _ in items):
            out.extend(f for s, e, seq in items for f in _inline_item(text, s, e, seq))
        start = end + 1
    return [f for f in out if f.title]


def _category_label(text: str, start: int, end: int) -> re.Match[str] | None:
    """The 党的领导方面: label that opens the enumerated item text[start:end], if any."""
    return INLINE_CATEGORY.match(text, after_item_marker(text, start), end)


def _inline_item(text: str, start: int, end: int, seq: int | None) -> list[Finding]:
    """One inline item as a finding, or, labelled 党的领导方面:, its ;-separated problems."""
    label = _category_label(text, start, end)
    if not label:
        return [_inline_finding(text, start, end, seq)]
    parts = [(s, e) for s, e, _ in _separated_items(text, label.end(), end)]
    found = [_inline_finding(text, s, e, None) for s, e in parts]
    for f in found:
        f.category = label.group("category")
    return found


def _listed_lines(text: str, pos: int) -> list[tuple[int, int, int | None]]:
    """(start after the marker, end, number) of the numbered lines that follow `pos`."""
    items: list[tuple[int, int, int | None]] = []
    start = pos + 1
    while start < len(text):
        end = _line_end(text, start, len(text))
        item = _line_item(text[start:end])
        if item is None:
            break
        number, length = item
        items.append((start + length, end, number))
        start = end + 1
    return items


def _line_item(line: str) -> tuple[int, int] | None:
    """(number, marker length) if the line opens with a heading marker or a 一是-style one."""
    found = match_marker(line)
    if found:
        return found[1], found[2]
    for family in ENUM_FAMILIES:
        m = family.match(line)
        if m and (number := item_number(m.group("n"))):
            return number, m.end()
    return None


def _short_clauses(text: str, start: int, end: int) -> list[tuple[int, int, int | None]]:
    """A single item cut at its commas when it is a run of short problem clauses
    (学习贯彻有偏差,议事决策不规范,…等); otherwise the item as it is."""
    commas = [i for i in range(start, end) if text[i] == ","]
    clauses = list(zip([start, *(i + 1 for i in commas)], [*commas, end]))
    if len(clauses) >= _MIN_CLAUSES and all(e - s <= _MAX_CLAUSE for s, e in clauses):
        return [(s, e, None) for s, e in clauses]
    return [(start, end, None)]


def _separated_items(text: str, start: int, end: int) -> list[tuple[int, int, int | None]]:
    """(start, end, None) of items separated by ; — and by 。 while the next opens like one."""
    items: list[tuple[int, int, int | None]] = []
    pos = start
    while pos < end:
        m = _ITEM_END.search(text, pos, end)
        stop = m.start() if m else end
        items.append((pos, stop, None))
        pos = stop + 1
        if m and m.group() == "。" and not ITEM_OPENER.match(text, pos):
            break
    return items


def _inline_finding(text: str, start: int, end: int, seq: int | None) -> Finding:
    """One inline item as a finding: its text without the 一是 and the edge punctuation."""
    start = _skip_edge(text, start, end)
    end = sentence_end(text, start, end) if seq is not None else end
    title = _TAIL_ETC.sub("", text[after_item_marker(text, start) : end].strip(_EDGE))
    return Finding(title=title, span=Span(start, end), seq=seq)


def _skip_edge(text: str, start: int, end: int) -> int:
    """The first offset in [start, end) past the punctuation and blanks an item opens with."""
    while start < end and text[start] in _EDGE:
        start += 1
    return start
