"""Figures: the numbers a report states (sanctions, cases, money, rules, progress), as rows.

- `metrics` is the codebook of what a figure counts: one row per metric with its names and its
  unit. It is reference data xunshi writes from its own codebook (parse/extract/metrics.py)
  after every upgrade and before every write, so it is empty here.
- `figures` has one row per number a report states and the codebook claims, keyed like every
  per-report table by (report_id, id), with composite links to the finding or measure it
  stands in and to the total it is part of (共处理15人,其中党纪处分6人).
- `v_metrics` and `v_figures` are the analyst views; `v_figures.within_total` marks the parts
  to leave out when a metric is summed.

Frozen like 0001: no imports from xunshi.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-24
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

V_METRICS = """
    SELECT m.metric, m.name_zh, m.name_en, m.description, m.unit, m.position
    FROM metrics m ORDER BY m.position"""
V_FIGURES = """
    SELECT f.report_id, f.finding_id, f.measure_id, f.metric, f.value, m.unit, f.approximate,
           f.text, f.span_start, f.span_end, f.id AS figure_id, f.counted, f.part_of,
           coalesce(t.metric = f.metric, false) AS within_total, f.position
    FROM figures f
    JOIN reports cur ON cur.id = f.report_id AND cur.superseded_by IS NULL
    JOIN metrics m ON m.metric = f.metric
    LEFT JOIN figures t ON t.report_id = f.report_id AND t.id = f.part_of"""

REPORT_ID = ("所属报告（reports.id），随报告一并删除 / The report this row was extracted from "
             "(reports.id); deleted with its report")
METRIC = ("指标代码，见 v_metrics，如 sanctions（党纪政务处分）/ The metric's code, e.g. "
          "sanctions or money_recovered; v_metrics names and explains each")
UNIT = ("计量单位：人、件、起、个、项、条、次、万元、% / The unit every value of the metric is "
        "counted in: 人 (persons, whether printed 人, 名 or 人次), 件, 起, 个, 项, 条, 次, 万元 "
        "(10,000 yuan, whatever the printed unit) or %")
VALUE = ("数值，已换算为指标单位（金额为万元）/ The number in the metric's unit: 12人 → 12, "
         "1.49亿元 → 14900 (万元), 1320元 → 0.132 (万元), 2.45万名 → 24500")
APPROXIMATE = ("约数：原文带余、多、约、近、逾 / True when the text gives a round or bounding "
               "figure (70余条, 20多个, 约45万元, 近90万人)")
TEXT = "原文的数字和单位，如 12人、86.3万元 / The number and unit as printed (12人, 86.3万元, 70余条)"
SPAN_START = ("出处起点：在 reports.text 中的字符位置，从 0 起 / Where the printed number starts: "
              "character offset (0-based) into reports.text")
SPAN_END = ("出处终点（不含）/ Where the printed number and unit end: character offset "
            "(exclusive) into reports.text")
FINDING_ID = ("数字所在的问题（findings.id）；不在任何问题内为 NULL / The finding whose text holds "
              "the figure (the innermost sub-problem); NULL when it stands in no finding")
MEASURE_ID = ("数字所在的整改措施（measures.id）；不在措施内为 NULL / The measure whose text "
              "holds the figure; NULL when it stands in no measure")
COUNTED = ("所计数的对象，原文写明时，如 干部、资金、制度 / What is counted, where the text names "
           "it (12名干部 → 干部, 追回资金 → 资金); NULL when it does not")
PART_OF = ("所属总数（“共……其中……”中的总数，figures.id）/ For a part (共处理15人,其中党纪处分6人 → "
           "the 6), the figure of its total (figures.id); NULL otherwise")
POSITION = "在报告中的顺序，从 0 起 / Order within the report, from 0"
CODE = ("指标代码，英文小写，如 sanctions / The metric's code (lower-case English, e.g. "
        "sanctions, admonishment_talks, money_recovered)")
NAME_ZH = "指标中文名，如 党纪政务处分 / The metric's Chinese name (e.g. 党纪政务处分)"
NAME_EN = "指标英文名 / The metric's English name (e.g. Party and government disciplinary sanctions)"
DESCRIPTION = ("计入规则和例子 / What counts, with an example of the wording (给予党纪政务处分12人 "
               "→ 12); docs/figures.md has the rules in full")
METRIC_POSITION = "在指标表中的顺序 / Order in the codebook"
PREFER_VIEW = "Analysts: prefer the view {view}, a stable contract; this table may change."
CONTRACT = ("稳定接口：名称和列保持不变，只含各报告的当前版本 / Analyst view, a stable contract "
            "(names and columns stay); current report versions only, see v_report_versions")

METRIC_COLUMNS = {
    "metric": CODE, "name_zh": NAME_ZH, "name_en": NAME_EN, "description": DESCRIPTION,
    "unit": UNIT, "position": METRIC_POSITION,
}
FIGURE_COLUMNS = {  # those figures and v_figures share
    "report_id": REPORT_ID, "finding_id": FINDING_ID, "measure_id": MEASURE_ID,
    "metric": METRIC, "value": VALUE, "approximate": APPROXIMATE, "text": TEXT,
    "span_start": SPAN_START, "span_end": SPAN_END, "counted": COUNTED, "part_of": PART_OF,
    "position": POSITION,
}
RELATIONS = {  # (kind, name): (comment, its columns' comments)
    ("TABLE", "metrics"): (
        "指标表：数字所计数的对象，每个指标一行，由 xunshi 按其内置指标表写入 / The codebook of "
        "what figures count: one row per metric, written by xunshi from its built-in codebook "
        "(never parsed from reports). " + PREFER_VIEW.format(view="v_metrics"),
        METRIC_COLUMNS),
    ("VIEW", "v_metrics"): (
        f"分析视图：指标表，每个指标一行。{CONTRACT}: the codebook, one row per metric a figure "
        "can count, in codebook order",
        METRIC_COLUMNS),
    ("TABLE", "figures"): (
        "报告中的数字：处分人数、立案件数、追回金额、制度数、整改完成率等，每个数字一行 / A number "
        "a report states and what it counts (sanctions, cases, money recovered, rules made, "
        "completion rate …): one row per figure; numbers no metric claims are not stored. "
        + PREFER_VIEW.format(view="v_figures"),
        {**FIGURE_COLUMNS, "id": "数字编号，重新解析报告时会变 / Figure id; re-parsing the "
                                 "report writes its rows anew, with new ids"}),
    ("VIEW", "v_figures"): (
        f"分析视图：报告中的每个数字一行。{CONTRACT}: one row per figure a report states "
        "(给予党纪政务处分12人 → metric sanctions, value 12, unit 人). A report may state a "
        "figure twice (in its summary and its body), and parts repeat their total: filter "
        "within_total before summing",
        {**FIGURE_COLUMNS, "report_id": REPORT_ID + "; join v_reports on it", "unit": UNIT,
         "figure_id": "数字编号（figures.id）/ Figure id (figures.id)",
         "within_total": "是否为同一指标总数的一部分（求和时应排除）/ True when the figure is a "
                         "part of a total of the same metric (处分128人,其中党纪处分97人 → the "
                         "97): leave it out when summing the metric"}),
}


def _literal(value: str) -> str:
    """A SQL string literal: quotes doubled (standard_conforming_strings is on since PG 9.1)."""
    return "'" + value.replace("'", "''") + "'"


def _comment(target: str, comment: str) -> None:
    # Escaped colons: text() would read ':word' inside a comment as a bind parameter.
    op.execute(sa.text(f"COMMENT ON {target} IS {_literal(comment)}".replace(":", r"\:")))


def upgrade() -> None:
    op.create_table(
        "metrics",
        sa.Column("metric", sa.Text(), nullable=False),
        sa.Column("name_zh", sa.Text(), nullable=False),
        sa.Column("name_en", sa.Text(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("unit", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("metric", name="pk_metrics"),
    )
    op.create_table(
        "figures",
        sa.Column("report_id", sa.BigInteger(), nullable=False),
        sa.Column("id", sa.BigInteger(), sa.Identity(), nullable=False),
        sa.Column("metric", sa.Text(), nullable=False),
        sa.Column("value", sa.Numeric(), nullable=False),
        sa.Column("approximate", sa.Boolean(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("counted", sa.Text(), nullable=True),
        sa.Column("finding_id", sa.BigInteger(), nullable=True),
        sa.Column("measure_id", sa.BigInteger(), nullable=True),
        sa.Column("part_of", sa.BigInteger(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("span_start", sa.Integer(), nullable=False),
        sa.Column("span_end", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("report_id", "id", name="pk_figures"),
        sa.ForeignKeyConstraint(["report_id"], ["reports.id"], ondelete="CASCADE",
                                name="fk_figures_report_id_reports"),
        sa.ForeignKeyConstraint(["metric"], ["metrics.metric"], name="fk_figures_metric_metrics"),
        sa.ForeignKeyConstraint(["report_id", "finding_id"], ["findings.report_id", "findings.id"],
                                ondelete="CASCADE", name="fk_figures_finding_id_findings"),
        sa.ForeignKeyConstraint(["report_id", "measure_id"], ["measures.report_id", "measures.id"],
                                ondelete="CASCADE", name="fk_figures_measure_id_measures"),
        sa.ForeignKeyConstraint(["report_id", "part_of"], ["figures.report_id", "figures.id"],
                                ondelete="CASCADE", name="fk_figures_part_of_figures"),
    )
    op.create_index("ix_figures_metric", "figures", ["metric"])
    op.execute(f"CREATE VIEW v_metrics AS {V_METRICS}")
    op.execute(f"CREATE VIEW v_figures AS {V_FIGURES}")
    for (kind, name), (comment, columns) in RELATIONS.items():
        _comment(f"{kind} {name}", comment)
        for column, about in columns.items():
            _comment(f"COLUMN {name}.{column}", about)


def downgrade() -> None:
    op.execute("DROP VIEW v_figures")
    op.execute("DROP VIEW v_metrics")
    op.drop_table("figures")
    op.drop_table("metrics")
