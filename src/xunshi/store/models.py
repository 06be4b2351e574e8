"""The tables, as SQLAlchemy 2 typed declarative models.

These models describe the schema; they never create it. The Alembic migrations in the
repository's top-level `migrations/` do, and a test checks that both agree. The analyst views
(`v_*`) exist only in the migrations: they are SQL, and they are the contract.

Every row extracted from a report carries `report_id` (ON DELETE CASCADE), leading its key, and
the span it came from in the report's normalized text, so one report's rows are found, replaced,
shipped or distributed together. Organizations and inspection rounds are shared by all reports
that mention them.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    ForeignKeyConstraint,
    Identity,
    Index,
    Integer,
    MetaData,
    Numeric,
    PrimaryKeyConstraint,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy import text as sql
from sqlalchemy.dialects.postgresql import JSONB, TSVECTOR
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.schema import SchemaItem

from ..vocab.status import STATUS_CODES
from ..vocab import units
from .catalog import INTERNAL

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

PRECISIONS = "('day', 'month', 'year')"
LEVELS = "(" + ", ".join(f"'{level}'" for level in units.LEVELS) + ")"

AUTOGENERATE_PLUGINS = ["alembic.autogenerate.*", "~alembic.autogenerate.comments"]
"""What Alembic compares between these models and a database: everything but comments, which
(like the views) live only in the migrations, so the models do not repeat them."""


def _ours(name: str | None, type_: str, parent_names: object) -> bool:
    """Schema public and the internal schema, without Alembic's own version table."""
    if type_ == "schema":
        return name in (None, INTERNAL)
    return not (type_ == "table" and name == "alembic_version")


AUTOGENERATE_OPTIONS = {"autogenerate_plugins": AUTOGENERATE_PLUGINS, "include_schemas": True,
                        "include_name": _ours}
"""Alembic's autogenerate options (env.py, the tests): the plugins, in both of xunshi's schemas."""


def _precision_check(column: str) -> CheckConstraint:
    """A partial date is stored as its first day plus how much of it the text gave."""
    return CheckConstraint(f"{column} IN {PRECISIONS}", name=column)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {
        str: Text(),
        int: Integer(),
        dt.date: Date(),
        dt.datetime: DateTime(timezone=True),
    }


class Keyed:
    """A row with a surrogate bigint id."""

    id: Mapped[int] = mapped_column(BigInteger, Identity(), primary_key=True, sort_order=-2)


class _Extracted(Keyed):
    """A row the parser extracted from one report, traceable to its characters.

    Keyed by (report_id, id), so that a database distributed by report (Citus, see
    docs/scaling.md) keeps a report's rows together; ids are unique all the same."""

    report_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("reports.id", ondelete="CASCADE"), primary_key=True, sort_order=-1
    )
    span_start: Mapped[int] = mapped_column(sort_order=1)
    span_end: Mapped[int] = mapped_column(sort_order=1)


def _per_report(*args: SchemaItem) -> tuple[SchemaItem, ...]:
    """A per-report table's arguments, first its key, which leads with report_id (left to the
    columns' primary_key flags, it would follow the table's order: id first)."""
    return (PrimaryKeyConstraint("report_id", "id"), *args)


def _same_report_finding(table: str, column: str) -> ForeignKeyConstraint:
    """A link to a finding of the same report: on Citus a key between distributed tables must
    include the distribution column."""
    return ForeignKeyConstraint(["report_id", column], ["findings.report_id", "findings.id"],
                                ondelete="CASCADE", name=f"fk_{table}_{column}_findings")


def _search_index(table: str) -> Index:
    return Index(f"ix_{table}_search_vector", "search_vector", postgresql_using="gin")


def _trigram_index(table: str, column: str) -> Index:
    """`LIKE '%…%'` on this column uses pg_trgm (created where the server has the extension)."""
    return Index(f"ix_{table}_{column}_trgm", column, postgresql_using="gin",
                 postgresql_ops={column: "gin_trgm_ops"})


class Placed:
    """Where a row is on the map: the GB/T 2260 province, prefecture and county of its place,
    names and six-digit codes (vocab/places.py); NULL where a level does not apply."""

    province: Mapped[str | None]
    province_code: Mapped[str | None]
    prefecture: Mapped[str | None]
    prefecture_code: Mapped[str | None]
    county: Mapped[str | None]
    county_code: Mapped[str | None]


class Searchable:
    """A row found by full-text search: jieba's search-mode words, built by xunshi.search."""

    search_vector: Mapped[str | None] = mapped_column(TSVECTOR, sort_order=2)


class Report(Keyed, Searchable, Placed, Base):
    __tablename__ = "reports"
    __table_args__ = (
        CheckConstraint("doc_type IN ('rectification', 'feedback')", name="doc_type"),
        _precision_check("published_precision"),
        _search_index("reports"),
        UniqueConstraint("source_name", "version"),
    )

    source_name: Mapped[str]
    sha256: Mapped[str] = mapped_column(unique=True)  # of the raw bytes: the identity of a file
    encoding: Mapped[str]
    raw_text: Mapped[str]
    text: Mapped[str]  # normalized; every span points into this
    title: Mapped[str | None]
    doc_type: Mapped[str | None]
    issuer: Mapped[str | None]
    published_on: Mapped[dt.date | None]
    published_precision: Mapped[str | None]
    jurisdiction: Mapped[str | None]
    jurisdiction_code: Mapped[str | None]  # GB/T 2260, six digits
    spans: Mapped[dict[str, list[int]]] = mapped_column(  # evidence for the fields above
        JSONB, server_default=sql("'{}'::jsonb")
    )
    parser_version: Mapped[int]
    loaded_at: Mapped[dt.datetime] = mapped_column(server_default=func.now())
    # A changed file under the same name is a new version; the old one is kept, superseded.
    version: Mapped[int] = mapped_column(server_default=sql("1"))
    superseded_by: Mapped[int | None] = mapped_column(
        BigInteger, ForeignKey("reports.id", ondelete="SET NULL"), index=True
    )
    superseded_at: Mapped[dt.datetime | None]


class Organization(Keyed, Placed, Base):
    """A unit is its name key within its own place: 市委政法委 of 娄底 ≠ 市委政法委 of 天津,
    but 中共娄底市委政法委员会 of 娄底 is 市委政法委 of 娄底 (see store/identity.py)."""

    __tablename__ = "organizations"
    __table_args__ = (
        UniqueConstraint("jurisdiction", "name_key", postgresql_nulls_not_distinct=True),
        CheckConstraint(f"level IN {LEVELS}", name="level"),
    )

    jurisdiction: Mapped[str | None]
    name: Mapped[str]  # as first seen
    kind: Mapped[str | None]  # vocab/units.py KINDS
    level: Mapped[str | None]  # vocab/units.py LEVELS
    name_key: Mapped[str]


class OrganizationAlias(Keyed, Base):
    """Every spelling of a unit's name that a report used."""

    __tablename__ = "organization_aliases"
    __table_args__ = (UniqueConstraint("organization_id", "name"),)

    organization_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("organizations.id", ondelete="CASCADE")
    )
    name: Mapped[str]


class InspectionRound(Keyed, Base):
    """巡视/巡察 round of one authority: term (届), round (轮), batch (批)."""

    __tablename__ = "inspection_rounds"
    __table_args__ = (
        UniqueConstraint(
            "authority", "jurisdiction", "mode", "term", "round_no", "batch_no",
            name="uq_inspection_rounds_identity",
            postgresql_nulls_not_distinct=True,
        ),
    )

    authority: Mapped[str | None]
    jurisdiction: Mapped[str | None]
    mode: Mapped[str | None]
    term: Mapped[int | None]
    round_no: Mapped[int | None]
    batch_no: Mapped[int | None]


class Inspection(_Extracted, Base):
    """A round's visit to one organization, as one report describes it."""

    __tablename__ = "inspections"
    __table_args__ = _per_report(
        _precision_check("started_precision"),
        _precision_check("ended_precision"),
        _precision_check("feedback_precision"),
    )

    round_id: Mapped[int | None] = mapped_column(
        BigInteger, ForeignKey("inspection_rounds.id"), index=True
    )
    organization_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("organizations.id"), index=True
    )
    target: Mapped[str]  # the unit as the report names it
    group_name: Mapped[str | None]
    kind: Mapped[str | None]
    started_on: Mapped[dt.date | None]
    started_precision: Mapped[str | None]
    ended_on: Mapped[dt.date | None]
    ended_precision: Mapped[str | None]
    feedback_on: Mapped[dt.date | None]
    feedback_precision: Mapped[str | None]
    position: Mapped[int]  # order within the report


class Theme(Base):
    """The theme codebook (xunshi.vocab.themes; rows written by migration 0007)."""

    __tablename__ = "themes"

    theme: Mapped[str] = mapped_column(primary_key=True)
    name_zh: Mapped[str]
    name_en: Mapped[str]
    description: Mapped[str]
    position: Mapped[int]  # order in the codebook


class Finding(_Extracted, Searchable, Base):
    __tablename__ = "findings"
    __table_args__ = _per_report(
        _same_report_finding("findings", "parent_id"),
        CheckConstraint(f"status_code IN {STATUS_CODES!r}", name="status_code"),
        Index("ix_findings_id", "id"),  # search hits and analysts name a finding by its id alone
        _search_index("findings"),
        _trigram_index("findings", "title"),
    )

    parent_id: Mapped[int | None] = mapped_column(BigInteger, index=True)
    category: Mapped[str | None]
    seq: Mapped[int | None]  # the printed number
    seq_inferred: Mapped[bool]  # the marker was lost and the number inferred
    title: Mapped[str]
    description: Mapped[str | None]
    recommendation: Mapped[str | None]
    status: Mapped[str | None]
    enumerated: Mapped[bool]  # measures came from an explicit 一是…二是…
    position: Mapped[int]  # document order, parents and children interleaved
    theme: Mapped[str | None] = mapped_column(
        ForeignKey("themes.theme", onupdate="CASCADE"), sort_order=3)
    status_code: Mapped[str | None] = mapped_column(sort_order=3)


class Measure(_Extracted, Searchable, Base):
    __tablename__ = "measures"
    __table_args__ = _per_report(
        _same_report_finding("measures", "finding_id"), _search_index("measures")
    )

    finding_id: Mapped[int] = mapped_column(BigInteger, index=True)
    seq: Mapped[int]
    text: Mapped[str]


class HandledClue(_Extracted, Base):
    """问题线索 / 信访件 and what became of them: 2件3人 → count 2, persons 3."""

    __tablename__ = "handled_clues"
    __table_args__ = _per_report()

    kind: Mapped[str]
    disposition: Mapped[str]
    count: Mapped[int]
    total: Mapped[int | None]
    persons: Mapped[int | None]
    position: Mapped[int]


class Contact(_Extracted, Base):
    __tablename__ = "contacts"
    __table_args__ = _per_report()

    kind: Mapped[str]
    value: Mapped[str]  # normalized
    raw: Mapped[str]  # as printed
    position: Mapped[int]


class Metric(Base):
    """The codebook of what figures count, written from xunshi's own (parse/extract/metrics.py)
    by `store.codebook`, never parsed from reports."""

    __tablename__ = "metrics"

    metric: Mapped[str] = mapped_column(primary_key=True)  # sanctions, money_recovered …
    name_zh: Mapped[str]
    name_en: Mapped[str]
    description: Mapped[str]
    unit: Mapped[str]  # what every figure of this metric is counted in: 人, 件, 万元, % …
    position: Mapped[int]  # order in the codebook


class Figure(_Extracted, Base):
    """A number the report states, in its metric's unit: 给予党纪政务处分12人 → sanctions 12."""

    __tablename__ = "figures"
    __table_args__ = _per_report(
        _same_report_finding("figures", "finding_id"),
        ForeignKeyConstraint(["report_id", "measure_id"], ["measures.report_id", "measures.id"],
                             ondelete="CASCADE", name="fk_figures_measure_id_measures"),
        ForeignKeyConstraint(["report_id", "part_of"], ["figures.report_id", "figures.id"],
                             ondelete="CASCADE", name="fk_figures_part_of_figures"),
    )

    metric: Mapped[str] = mapped_column(ForeignKey("metrics.metric"), index=True)
    value: Mapped[Decimal] = mapped_column(Numeric)
    approximate: Mapped[bool]
    text: Mapped[str]  # the number and unit as printed
    counted: Mapped[str | None]  # what is counted, where the text names it
    finding_id: Mapped[int | None] = mapped_column(BigInteger)  # the finding it stands in
    measure_id: Mapped[int | None] = mapped_column(BigInteger)  # the measure it stands in
    part_of: Mapped[int | None] = mapped_column(BigInteger)  # the total it is part of (其中)
    position: Mapped[int]


class LoadError(Keyed, Base):
    """A file that could not be loaded, and why (its latest failure); it never stops the
    other files."""

    __tablename__ = "load_errors"
    __table_args__ = {"schema": INTERNAL}  # not for analysts (migration 0011)

    file: Mapped[str] = mapped_column(unique=True)
    sha256: Mapped[str | None] = mapped_column(index=True)  # a load looks up its bytes' failures
    stage: Mapped[str]  # read, decode, extract, parse, store
    message: Mapped[str]
    parser_version: Mapped[int | None]  # decode, extract, parse: the bytes are not retried under it
    occurred_at: Mapped[dt.datetime] = mapped_column(server_default=func.now())


class LoadLock(Base):
    """A slot loaders lock rows of (write.lock_keys): a reader role, lacking UPDATE, cannot."""

    __tablename__ = "load_locks"
    __table_args__ = {"schema": INTERNAL}  # not for analysts (migration 0011)

    slot: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
