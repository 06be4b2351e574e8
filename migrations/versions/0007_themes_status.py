"""Themes and status codes of findings: a codebook table behind v_themes, and two columns.

- `themes` holds the theme codebook (xunshi.vocab.themes, docs/themes.md): one row per theme
  with its Chinese and English names and a description. `findings.theme` references it, so
  every theme a finding carries is in `v_themes`, and a BI join from `v_findings` to `v_themes`
  loses no row. A table rather than a VALUES view: the foreign key needs one, COMMENTs and
  `\\d+` show it like the other tables, and a later revision of the codebook is an INSERT or
  UPDATE in a migration (ON UPDATE CASCADE carries a renamed code to the findings) instead of
  a view rewritten whole. The rows below are a frozen copy of the codebook as of this revision;
  a test keeps them equal to xunshi.vocab.themes.
- `findings.status_code` is the printed status reduced to done, in_progress, ongoing or
  not_started (xunshi.vocab.status), checked by a constraint.
- `v_findings` gains `theme` and `status_code` at its end; `v_themes` is the analyst view of
  the codebook.

Rows stored before this revision have NULL in both columns until their report is re-parsed:
the parser version is 3 from here on, so `xunshi reparse` (or loading the files again) fills
them.

Frozen like 0001: no imports from xunshi.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-24
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

STATUS_CODES = "('done', 'in_progress', 'ongoing', 'not_started')"

# (theme, name_zh, name_en, description), in codebook order.
THEMES: list[tuple[str, str, str, str]] = [
    ('political', '政治建设与贯彻落实决策部署',
     'Political leadership and carrying out central decisions',
     '党的领导与政治建设、政治纪律和政治规矩、学习贯彻习近平新时代中国特色社会主义思想和党'
     '中央及上级决策部署（含扫黑除恶、脱贫攻坚、乡村振兴、污染防治等中央部署的专项工作）、'
     "领导核心作用、请示报告 / The party's leadership and political construction, "
     'political discipline and rules; studying and carrying out Xi Jinping Thought and '
     'the decisions of the Centre and higher committees (central campaigns such as 扫黑除'
     '恶, poverty alleviation, rural revitalization and pollution control included); the '
     "committee's leading role; asking for instructions and reporting. 党的领导弱化 "
     '(2016–17), 政治纪律 (六项纪律), the first of the 四个落实 (2018–), 政治建设'),
    ('ideology', '思想建设与意识形态',
     'Ideology and theoretical study',
     '理论学习（中心组学习、学习教育、主题教育）、理想信念、意识形态工作责任制、宣传思想与'
     '舆论阵地（网站、公众号、舆情） / Theoretical study (study groups of the leadership, '
     'study campaigns), ideals and convictions, the responsibility system for ideological '
     'work, propaganda and public opinion outlets (websites, social media accounts, '
     '舆情). 思想建设'),
    ('organization', '组织建设与选人用人',
     'Party organization, cadres and appointments',
     '基层党组织、党内政治生活和组织生活（三会一课、民主生活会）、民主集中制与集体决策（三'
     '重一大、一言堂）、党员发展与教育管理、党费党务、党建与业务融合；干部选拔任用、干部队'
     '伍建设和监督管理、编制与借调抽调人员、个人有关事项、人才；组织纪律 / Grass-roots '
     'party organizations, inner-party and organizational life, democratic centralism and '
     'collective decisions, recruiting and managing members, party dues and affairs, '
     "party building beside the unit's work; selecting and appointing cadres, the cadre "
     'corps and its supervision, staffing quotas and seconded staff, personal-matters '
     'reports, talent; organizational discipline. 选人用人 (2013–), 党的建设缺失 '
     '(2016–17), 落实新时代党的组织路线 (2018–), 组织建设'),
    ('conduct', '作风建设：八项规定与四风',
     'Conduct: the eight rules and the four styles',
     '中央八项规定精神（公务接待、公车、办公用房、津补贴、礼品礼金、宴请）、“四风”（形式主'
     '义、官僚主义、享乐主义、奢靡之风）、文山会海与基层负担、不担当不作为、工作作风与学风'
     "文风会风、服务群众意识、工作纪律 / The Centre's eight rules (official receptions, "
     'cars, offices, allowances, gifts, banquets), the four undesirable styles '
     '(formalism, bureaucratism, hedonism, extravagance), meetings and paperwork '
     'burdening the grass roots, shirking and inaction, working, study and writing style, '
     'attitude to serving the public, work discipline. 四风 (2013–), 作风建设'),
    ('integrity', '纪律与廉洁',
     'Discipline and integrity',
     '廉洁纪律、群众纪律、生活纪律、财经纪律；腐败、以权谋私、利益输送、违规经商兼职、侵害'
     '群众利益；资金、资产、财务、采购招投标、合同管理不规范；纪律意识与警示教育 / '
     'Integrity, mass, private-life and financial discipline; corruption, abuse of '
     "office, conflicts of interest, business and side jobs, harm to the public's "
     'interests; irregular handling of funds, assets, accounts, procurement, tenders and '
     'contracts; awareness of discipline and warning education. 六项纪律 (political, '
     'organizational and work discipline go to their own themes), 反腐败, 纪律建设'),
    ('responsibility', '全面从严治党主体责任',
     "Party committees' responsibility for strict governance",
     '党委（党组）主体责任和纪委（纪检组）监督责任（“两个责任”）、一岗双责、第一责任人、党'
     '风廉政建设责任制、管党治党、压力传导、监督执纪“四种形态”、问责、对下属单位和“关键少'
     "数”的日常监督、政治生态 / The committee's primary responsibility and the discipline "
     "body's supervisory responsibility (the 两个责任), leaders' dual duties, the first "
     'responsible person, the responsibility system for clean government, governing the '
     'party, passing pressure down, the four forms of oversight, accountability, '
     'day-to-day supervision of subordinate units and key officials, the political '
     'ecology. 全面从严治党不力 (2016–17), 落实全面从严治党战略部署 (2018–)'),
    ('duties', '履行职能与主责主业',
     "The unit's own duties and core work",
     '单位本身的职能职责和业务：行业监管、执法、审批与服务、项目建设、安全生产、民生、信访'
     '与社会治理、招商与营商环境、债务、土地与环境、教学科研医疗、档案与内部管理制度 / '
     "The unit's own functions and business: sector supervision, law enforcement, "
     'approvals and services, projects, work safety, livelihoods, petitions and social '
     'governance, investment and business environment, debt, land and environment, '
     'teaching, research and health care, records and internal rules. 四个落实 reads them '
     "under the first 落实 (紧扣职能责任); they are apart here so that a unit's work can "
     'be told from its politics'),
    ('rectification', '巡视巡察与审计整改',
     'Rectifying earlier inspections and audits',
     '上轮巡视巡察、审计、督察反馈问题整改不到位，整改主体责任，虚假整改、答题式整改、屡改'
     '屡犯，巡视巡察成果运用和移交问题线索处置 / Findings of earlier inspections, audits '
     'and central reviews (督察) left unrectified; responsibility for rectification; '
     'sham, box-ticking or relapsing rectification; use of inspection results and of the '
     'problem clues handed over. The fourth of the 四个落实 (落实巡视整改, 2018–)'),
    ('other', '其他',
     'Other',
     '报告列在“其他方面”“其他问题”下且文字看不出主题的问题 / A finding the report files '
     'under 其他 (other) whose own text names no theme'),
]

# 0005's v_findings, then with the two new columns at its end.
V_FINDINGS_0005 = """
    SELECT f.report_id, f.id AS finding_id, f.parent_id, f.category, f.seq, f.title,
           f.recommendation,
           (SELECT count(*) FROM measures m
            WHERE m.report_id = f.report_id AND m.finding_id = f.id)::integer AS measure_count,
           f.seq_inferred, f.description, f.status, f.enumerated, f.position
    FROM findings f JOIN reports cur ON cur.id = f.report_id AND cur.superseded_by IS NULL"""
V_FINDINGS = V_FINDINGS_0005.replace("f.enumerated, f.position",
                                     "f.enumerated, f.position, f.theme, f.status_code")
V_THEMES = "SELECT t.theme, t.name_zh, t.name_en, t.description, t.position FROM themes t"

THEME = ("主题代码（见 v_themes），一个问题一个：先看所在标题，再看问题本身的文字，子问题可沿用"
         "父问题的主题；标题和文字都看不出时为 NULL / Theme code (see v_themes), one per "
         "finding: from the heading it stands under when the heading names a theme, else from "
         "its own text (title, description, recommendation), else its parent's, else the "
         "heading's broad area (docs/themes.md gives the rules and the measured agreement). "
         "NULL when neither names one, and for findings stored before revision 0007 until "
         "their report is re-parsed (xunshi reparse)")
STATUS_CODE = ("整改状态代码：done 已完成（含基本完成）、in_progress 正在整改、ongoing 长期坚持/持续"
               "推进、not_started 未启动；原文未说明或为反馈报告时为 NULL / The printed status "
               "(or, where none was read, a bare status remark closing the finding's text) as "
               "a code: 'done' (fixed, fully or basically: 已整改到位, 已完成, 基本完成 …), "
               "'in_progress' (正在…, 整改中, 部分完成, 未完成 …), 'ongoing' (长期坚持, 持续推进 "
               "…), 'not_started' (未启动, 尚未整改 …); NULL when the text says nothing or "
               "something else (a deadline), for findings of feedback reports (they list "
               "problems, not progress), and for findings stored before revision 0007 until "
               "their report is re-parsed. status keeps the words as printed")
CODEBOOK = {
    "theme": "主题代码，如 integrity / Theme code, e.g. integrity: what v_findings.theme holds",
    "name_zh": "主题中文名 / The theme's name in Chinese",
    "name_en": "主题英文名 / The theme's name in English",
    "description": "主题包括哪些问题及其在巡视工作框架中的出处（中英文） / What the theme "
                   "covers and where it comes from in the inspection frameworks (六项纪律, 三个"
                   "方面, 四个落实 …), in Chinese and English",
    "position": "在代码表中的顺序，从 1 起 / Order in the codebook, from 1",
}
COMMENTS: dict[tuple[str, str], str] = {
    ("TABLE", "themes"): "问题主题代码表：每个主题一行 / The theme codebook: one row per theme "
                         "a finding can carry (findings.theme). Analysts: prefer the view "
                         "v_themes, a stable contract; this table may change.",
    **{("COLUMN", f"themes.{c}"): about for c, about in CODEBOOK.items()},
    ("COLUMN", "findings.theme"): THEME,
    ("COLUMN", "findings.status_code"): STATUS_CODE,
    ("COLUMN", "v_findings.theme"): THEME,
    ("COLUMN", "v_findings.status_code"): STATUS_CODE,
    ("VIEW", "v_themes"): "分析视图：问题主题代码表，每个主题一行，与 v_findings.theme 关联 / "
                          "Analyst view: the theme codebook, one row per theme; join "
                          "v_findings.theme to it. A stable contract (names and columns stay)",
    **{("COLUMN", f"v_themes.{c}"): about for c, about in CODEBOOK.items()},
}


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _comment(kind: str, name: str, comment: str) -> None:
    # Escaped colons: text() would read ':word' inside a comment as a bind parameter.
    op.execute(sa.text(f"COMMENT ON {kind} {name} IS {_literal(comment)}".replace(":", r"\:")))


def upgrade() -> None:
    themes = op.create_table(
        "themes",
        *(sa.Column(c, sa.Text(), nullable=False) for c in CODEBOOK if c != "position"),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("theme", name="pk_themes"),
    )
    op.bulk_insert(themes, [
        {"theme": code, "name_zh": zh, "name_en": en, "description": about, "position": n}
        for n, (code, zh, en, about) in enumerate(THEMES, start=1)])
    op.add_column("findings", sa.Column("theme", sa.Text(), nullable=True))
    op.add_column("findings", sa.Column("status_code", sa.Text(), nullable=True))
    op.create_foreign_key("fk_findings_theme_themes", "findings", "themes", ["theme"],
                          ["theme"], onupdate="CASCADE")
    op.create_check_constraint(op.f("ck_findings_status_code"), "findings",
                               f"status_code IN {STATUS_CODES}")
    op.execute(f"CREATE OR REPLACE VIEW v_findings AS {V_FINDINGS}")
    op.execute(f"CREATE VIEW v_themes AS {V_THEMES}")
    for (kind, name), comment in COMMENTS.items():
        _comment(kind, name, comment)


def downgrade() -> None:
    op.execute("DROP VIEW v_themes")
    # Views cannot lose columns in place: v_findings is rebuilt as 0005 had it, keeping the
    # comments it had.
    bind = op.get_bind()
    view_comment = bind.execute(sa.text("SELECT obj_description('v_findings'::regclass)")).scalar()
    column_comments = bind.execute(sa.text(
        "SELECT attname, col_description(attrelid, attnum) FROM pg_attribute "
        "WHERE attrelid = 'v_findings'::regclass AND attnum > 0 "
        "AND attname NOT IN ('theme', 'status_code')")).all()
    op.execute("DROP VIEW v_findings")
    op.execute(f"CREATE VIEW v_findings AS {V_FINDINGS_0005}")
    if view_comment:
        _comment("VIEW", "v_findings", view_comment)
    for column, comment in column_comments:
        if comment:
            _comment("COLUMN", f"v_findings.{column}", comment)
    op.drop_constraint("ck_findings_status_code", "findings")
    op.drop_constraint("fk_findings_theme_themes", "findings")
    op.drop_column("findings", "status_code")
    op.drop_column("findings", "theme")
    op.drop_table("themes")
