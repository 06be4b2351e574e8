"""Problems laid out as an outline: the answers of a rectification report, point by point.

Rectification reports answer the inspectors under one section of the outline (二、反馈问题整改情况
…): category headings such as (一)党的领导方面, then one numbered heading per problem, then what
was done about it; a feedback report may head its problems 一、巡察发现的主要问题 the same way.
Both vary a lot between reports, so the section is found by what its heading says and the levels
by how the outline nests, never by a fixed marker.
"""
from __future__ import annotations

import re

from ...model import Finding, Measure, Span
from ...outline import (
    PROBLEM_STYLES, UNNUMBERED_STYLES, Block, build_outline, paragraph_end, rstrip_end,
)
from ..measures import LEAD_IN, enumeration, extract_measures, status_hint
from .titles import EDGE, FAULT, LEAD_WORD, QUOTING_LEAD, split_note, unquote, unwrap

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
    r"|短板|弱项|欠缺|滞后|偏差|漏洞|隐患|乏力|弱化|虚化|有待"
)
# A heading that names a measure taken: it opens with what was done (健全制度, 开展研讨 …).
MEASURE_HEADING = re.compile(
    r"(?:加强|强化|健全|完善|建立|开展|推进|推动|制定|修订|规范|深化|提高|提升|压实|抓好|狠抓"
    r"|注重|着力|召开|组织|实行|严格|认真|坚持|落实|加大|从严|持续|扎实|切实|全面|深入|聚焦"
    r"|夯实|筑牢|构建|优化|整治|清理|纠正|严肃|抓实|出台|印发|下发|完成|成立|明确|细化|梳理|排查"
    r"|选派|调整|约谈|追回|清退|退还|补齐|补充|重新|编制|建成|实施|举办|定期|及时|对|将)"
)
# A heading that names a unit (区教育局党组, 甲镇党委, 某集团): the party body or the kind of unit.
UNIT_HEADING = re.compile(
    r"(?:党组|党委|党工委|党总支|党支部|机关|局|委|办|院|校|所|站|中心|公司|集团|镇|乡|街道|村|社区)$")
# A problem named by its quotation or as 的问题: “学习不深入”的问题 / 学习不深入的问题。
_NAMED_PROBLEM = re.compile(r"“[^”]+”(?:的|方面的?)?问题|的问题[。.]?$")
# A category heading: a field of work (…方面) or a group of problems (关于“…”问题).
CATEGORY_HEADING = re.compile(rf"{_FIELD}|^(?:关于|在)“|问题$")
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


# ---------------------------------------------------------------- the findings section


def _is_section(block: Block) -> bool:
    """Whether a heading announces the findings rather than being one of them.

    关于“…”问题的整改 names a single problem and is a finding even though it says 问题…整改.
    """
    heading = block.heading
    return bool(FINDINGS_SECTION.search(heading) and not OTHER_SECTION.search(heading)
                and not QUOTING_LEAD.match(heading))


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
    """The problem-shaped children of the first block made mostly of them, if any.

    A single child counts when it is a field of work over problems named one by one
    (一、…方面 / (一)关于…的问题): the opening of a report cut off after its first answer.
    """
    for block in root.walk():
        if _is_other(block):
            continue
        if units := _units_listing(text, block):
            return [p for unit in units for p in unit.children if not _is_other(p)]
        problems = _problems_of(text, block)
        if len(problems) >= 2 and len(problems) * 2 >= len(block.children):
            return problems
        if block.children == problems and len(problems) == 1 and _groups_named(problems[0]):
            return problems
    return []


def _problems_of(text: str, block: Block) -> list[Block]:
    """The children of a block that read as problems."""
    return [c for c in block.children if _is_problem(text, c) and not _is_other(c)]


def _units_listing(text: str, block: Block) -> list[Block]:
    """The children of a block that each head a list mostly of problems, when two or more do
    and they are all its children: the units a release on several lists the problems of
    ((一)某局\n1.…); every item under them is one of their problems."""
    units = [c for c in block.children
             if len(c.children) >= 2 and len(_problems_of(text, c)) * 2 >= len(c.children)
             and UNIT_HEADING.search(c.heading) and not _is_other(c)]
    return units if len(units) >= 2 and len(units) == len(block.children) else []


def _groups_named(block: Block) -> bool:
    """Whether a field-of-work heading stands over problems each named by 关于… / 针对…,
    quoted (“…”的问题) or closed by 的问题."""
    return bool(FIELD_HEADING.search(block.heading) and block.children
                and all(LEAD_WORD.match(c.heading) or _NAMED_PROBLEM.search(c.heading)
                        for c in block.children))


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
        all(not _own_text(text, k).strip(EDGE) for k in kids)
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
                category = unwrap(split_note(kid.heading)[0])[0]
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
    named = all(LEAD_WORD.match(k.heading) for k in kids)
    answering = named and all(k.inferred for k in kids)
    each_measured = len(kids) >= 2 and all(_has_measures(text, k) for k in kids)
    if not nested and (each_measured or named and not answering):
        return "subproblems"
    return None if answering else "description"


def _finding(text: str, block: Block, category: str | None, nested: bool = False) -> Finding:
    """One finding from its heading block, with children, description and measures."""
    heading, printed_status = split_note(block.heading)
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
        desc_end = start = paragraph_end(text, described, end)
    else:
        desc_start = desc_end = start
    advice = RECOMMENDATION_LABEL.search(text, desc_start, desc_end)
    if advice and f.recommendation is None:
        f.recommendation = unquote(text[advice.end() : desc_end].strip(EDGE)) or None
        desc_end = advice.start()
    description = _DESCRIPTION_LABEL.sub("", text[desc_start:desc_end].strip(EDGE))
    f.description = description.strip(EDGE) or None
    f.measures, f.enumerated = extract_measures(text, start, end)

