"""The document model: what the parser extracts from one report.

Every item carries a `Span` into the *normalized* text (`Document.text`), so any value can be
traced back to the characters it came from. Fields the text does not give stay `None`: the
parser never guesses.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

PARSER_VERSION = 4
"""Bumped whenever the parser's output or what is derived from it changes (2: search words,
organization keys; 3: real published texts, findings' theme, status code and figures, places and
unit levels), so stored reports are re-parsed."""

DocType = Literal["rectification", "feedback"]
Precision = Literal["day", "month", "year"]


class ParseError(ValueError):
    """The only error `parse()` raises: the text cannot be read as a report at all."""


@dataclass(frozen=True)
class Span:
    """Half-open character range [start, end) in the normalized text."""

    start: int
    end: int

    def of(self, text: str) -> str:
        return text[self.start : self.end]


@dataclass(frozen=True)
class PartialDate:
    """A calendar date the text may give only to the month (or year)."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    def as_date(self) -> dt.date:
        """First day of the period: what a `date` column stores beside the precision."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    def __str__(self) -> str:
        if self.day is not None:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month is not None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"


@dataclass
class Inspection:
    """One inspected unit in one round, as the report describes the visit."""

    target: str
    span: Span
    authority: str | None = None  # 中央, 省委, 市委, 县委, 区委, 集团公司党委 …
    group_name: str | None = None  # 市委第四巡察组
    mode: str | None = None  # 巡视 or 巡察
    term: int | None = None  # 届
    round_no: int | None = None  # 轮
    batch_no: int | None = None  # 批
    kind: str | None = None  # 常规, 专项, 机动, 回头看, 联动 …
    started_on: PartialDate | None = None
    ended_on: PartialDate | None = None
    feedback_on: PartialDate | None = None


@dataclass
class Measure:
    """One rectification measure (一是… / 二是… or a whole paragraph)."""

    seq: int
    text: str
    span: Span


@dataclass
class Finding:
    """One problem the report lists; sub-problems (1)(2) are `children`."""

    title: str
    span: Span
    seq: int | None = None
    seq_inferred: bool = False  # the printed marker was lost and the number was inferred
    category: str | None = None  # the heading it stands under, e.g. 党的领导方面
    description: str | None = None
    recommendation: str | None = None  # the paired 整改意见
    status: str | None = None  # hints such as 已整改到位, 长期坚持, 正在…
    measures: list[Measure] = field(default_factory=list)
    enumerated: bool = False  # measures came from an explicit 一是…二是… enumeration
    children: list[Finding] = field(default_factory=list)


@dataclass
class Clue:
    """A disposition of handed-over problem clues (问题线索) or petitions (信访件)."""

    kind: str  # 问题线索 or 信访件
    disposition: str  # 移交, 办结, 结案, 正在初核调查 …
    count: int
    span: Span
    total: int | None = None
    persons: int | None = None  # 2件3人 → persons = 3


@dataclass
class Contact:
    """A public feedback channel from the closing block."""

    kind: str  # phone, email, postal_address, postcode, website …
    value: str  # normalized: 0738-8328187, lower-cased e-mail …
    raw: str  # as printed
    span: Span


@dataclass
class Figure:
    """A number the report states and what it counts: 给予党纪政务处分12人 → sanctions, 12 人.

    `metric` is a code of the codebook (parse/extract/metrics.py, the database's v_metrics);
    `value` is in the metric's `unit` (money in 万元, persons in 人 whether printed 名 or 人次).
    """

    metric: str
    value: Decimal
    unit: str
    text: str  # the number and its unit as printed: 12人, 86.3万元, 70余条
    span: Span  # of `text`
    approximate: bool = False  # 余, 多, 近, 约, 逾: a round or bounding number
    counted: str | None = None  # what is counted, where the text names it: 干部, 资金, 制度
    part_of: int | None = None  # index in Document.figures of the total it is part of (其中…)


@dataclass
class Document:
    """Everything extracted from one report; `text` is the normalized text spans refer to."""

    text: str
    doc_type: DocType | None = None
    title: str | None = None
    issuer: str | None = None
    published_on: PartialDate | None = None
    jurisdiction: str | None = None  # as precise as the text allows: 娄底市, 长沙市天心区
    jurisdiction_code: str | None = None  # GB/T 2260, six digits
    spans: dict[str, Span] = field(default_factory=dict)  # evidence for the fields above
    inspections: list[Inspection] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    clues: list[Clue] = field(default_factory=list)
    contacts: list[Contact] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    parser_version: int = PARSER_VERSION

    def all_findings(self) -> list[Finding]:
        """Findings in document order, each parent followed by its children."""
        out: list[Finding] = []
        for f in self.findings:
            out.append(f)
            out.extend(f.children)
        return out
