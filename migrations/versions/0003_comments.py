"""Comments on every table, view, column and function, in Chinese and English.

BI tools (Metabase, Superset, DataGrip), psql's `\\d+` and docs/schema.md (`xunshi db docs`)
show them as descriptions, so they are written for analysts: what one row is, what a column
means, its units and values, and what NULL means. The comments are data below; the statements
are generated from it, and downgrade sets every one back to NULL.

Frozen like 0001: no imports from xunshi.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

Columns = dict[str, str]

NOT_SAID = "NULL when the text does not say"
PREFER_VIEW = "Analysts: prefer the view {view}, a stable contract; this table may change."
REPORT_ID = ("所属报告（reports.id），随报告一并删除 / The report this row was extracted from "
             "(reports.id); deleted with its report")


def _extracted(what_zh: str, what_en: str) -> Columns:
    """What every row extracted from a report has: its report and the characters it came from."""
    return {
        "id": f"{what_zh}编号，重新解析报告时会变 / {what_en} id; re-parsing the report (after a "
              "parser upgrade) writes its rows anew, with new ids",
        "report_id": REPORT_ID,
        "span_start": "出处起点：在 reports.text（规范化文本）中的字符位置，从 0 起 / Where the "
                      "row's evidence starts: character offset (0-based) into the report's "
                      "normalized text, reports.text",
        "span_end": "出处终点（不含） / Where the evidence ends: character offset (exclusive) "
                    "into reports.text; substr(text, span_start + 1, span_end - span_start) "
                    "gives the characters",
    }


def _position(zh: str = "", en: str = "") -> Columns:
    return {"position": f"在报告中的顺序，从 0 起{zh} / Order within the report, from 0{en}"}


def _partial_date(prefix: str, zh: str, en: str) -> Columns:
    """A date the text may give only to the month or year: its first day plus the precision."""
    return {
        f"{prefix}_on": f"{zh}；只写到月或年时为该月或该年的第一天（见 {prefix}_precision），"
                        f"文中未写为 NULL / {en}; the first day of the month or year when the "
                        f"text gives no more (see {prefix}_precision); {NOT_SAID}",
        f"{prefix}_precision": f"{prefix}_on 的精度：'day' 日、'month' 月、'year' 年 / How "
                               f"much of {prefix}_on the text gave: 'day', 'month' or 'year'; "
                               f"NULL when {prefix}_on is NULL",
    }


def _search_vector(weights: str) -> Columns:
    return {"search_vector": "全文检索词：xunshi 用 jieba 搜索模式切出的词（服务器没有中文分词），"
                             "GIN 索引 / Full-text search words: jieba's search-mode words "
                             "built by xunshi (the server has no Chinese parser), GIN-indexed; "
                             f"weights {weights}. Search with search_findings, search_measures "
                             "or search_reports. NULL when there is no text, or for rows loaded "
                             "before revision 0002 until their report is re-parsed"}


def _kind_of_inspection(zh: str, en: str) -> Columns:
    return {"kind": f"{zh}：常规、专项、机动、回头看、联动 … / {en}: 常规 (regular), 专项 "
                    "(special topic), 机动 (ad hoc), 回头看 (follow-up), 联动 (joint) …; "
                    + NOT_SAID}


REPORTS: Columns = {
    "source_name": "载入时给出的文件名（路径） / File name as given to xunshi load (the path, "
                   "or the file found under a folder given to it)",
    "sha256": "原始字节的 SHA-256（64 位十六进制），即文件的身份 / SHA-256 of the file's raw "
              "bytes (64 hex digits): the file's identity; loading the same bytes again changes "
              "nothing",
    "encoding": "取得文本的方式：文本文件为其编码，其他为格式 / How the text was got from the "
                "file: a text file's encoding ('utf-8', 'utf-8-sig' with a byte-order mark, "
                "'utf-16-le', 'gb18030', 'cp950' …), else its format ('html/utf-8', 'docx', "
                "'pdf')",
    "raw_text": "从文件取得的原文，未经规范化 / The text as got from the file (decoded, or "
                "extracted from a web page, Word or PDF document), before normalization",
    "text": "规范化文本：NFKC、繁体转简体、去掉网页导航和拼音注音；所有 span 都指向它 / The "
            "normalized text (NFKC, traditional characters simplified, web-page chrome and "
            "pinyin glosses removed): every span_start/span_end in the database is a character "
            "offset into it",
    "title": f"报告标题 / The report's title as printed; {NOT_SAID}",
    "doc_type": "报告类型：'feedback' 巡视巡察反馈，'rectification' 整改情况报告 / Kind of "
                "report: 'feedback' (巡视/巡察反馈: the inspection's findings announced to the "
                "unit) or 'rectification' (整改: the unit's report on fixing them); NULL when "
                "the text does not say which",
    "issuer": "发布单位（落款），如 中共娄底市委政法委员会 / Who issued the report, as signed "
              f"(e.g. 中共娄底市委政法委员会); {NOT_SAID}",
    **_partial_date("published", "发布日期", "Publication date"),
    "jurisdiction": "报告所属行政区，尽量精确，如 娄底市、长沙市天心区 / The place the report "
                    "speaks for, as precise as the text allows (e.g. 娄底市, 长沙市天心区); "
                    + NOT_SAID,
    "jurisdiction_code": "行政区划代码（GB/T 2260，六位），如 431300 / GB/T 2260 six-digit "
                         "administrative division code of the jurisdiction (e.g. 431300); NULL "
                         "when unknown",
    "parser_version": "解析所用的解析器版本；解析器升级后再次载入会重新解析 / Version of the "
                      "parser that extracted this report's rows; loading again after a parser "
                      "upgrade re-parses the report",
    "loaded_at": "载入时间，重新解析时不变 / When these bytes were loaded; re-parsing does not "
                 "change it",
}

TABLES: dict[str, tuple[str, Columns]] = {
    "reports": (
        "报告：每份不同的文件内容一行（按原始字节的 sha256 去重） / A loaded report: one row "
        "per distinct file content (deduplicated by the sha256 of its raw bytes), with its text "
        "and document fields. " + PREFER_VIEW.format(view="v_reports"),
        {
            "id": "报告编号，重新解析时不变 / Report id, which every extracted row's report_id "
                  "points to; it stays when the report is re-parsed",
            **REPORTS,
            "spans": "上述文档字段的出处：{字段: [起, 止]} / Evidence for the document fields: a "
                     "JSON object {field: [span_start, span_end]} (title, issuer, published_on, "
                     "jurisdiction) of character offsets into text; a field without evidence is "
                     "absent",
            **_search_vector("title A, text D"),
        },
    ),
    "organizations": (
        "被巡视巡察的单位：同一行政区内的同一个真实单位一行，由所有提到它的报告共用 / An "
        "inspected unit: one row per real unit within a jurisdiction, shared by every report "
        "that names it (a unit's feedback and its later rectification report point at the same "
        "row). Analysts: start from v_organizations.",
        {
            "id": "单位编号 / Organization id (inspections.organization_id)",
            "jurisdiction": "单位所在行政区（取自提到它的报告），如 娄底市 / The jurisdiction "
                            "of the report that named the unit (e.g. 娄底市): the same name in "
                            "two places is two units; NULL when the report does not say",
            "name": "单位名称，按首次出现的写法 / The unit's name as first seen in a report; "
                    "every spelling is in organization_aliases",
            "kind": "单位类型（预留，暂未填写） / Type of unit: reserved, not filled yet "
                    "(always NULL)",
            "level": "单位层级（预留，暂未填写） / Administrative level of the unit: reserved, "
                     "not filled yet (always NULL)",
            "name_key": "名称键：去掉“中共”前缀、本行政区地名和党委党组等后缀，长称改简称，如 "
                        "中共娄底市委政法委员会 → 市委政法委 / Identity key: the name without "
                        "the party prefix (中共), the jurisdiction's own place name and a "
                        "party-body suffix (党委, 党组 …), long forms shortened (委员会 → 委); "
                        "equal keys within one jurisdiction are one unit",
        },
    ),
    "organization_aliases": (
        "单位名称的各种写法：报告用过的每个名称一行 / Every spelling of a unit's name that a "
        "report used: one row per unit and name (市委政法委 and 中共娄底市委政法委员会 are two "
        "aliases of one unit)",
        {
            "id": "别名编号 / Alias id",
            "organization_id": "所指单位（organizations.id） / The unit (organizations.id)",
            "name": "报告中出现过的名称 / A name a report used for the unit, as printed",
        },
    ),
    "inspection_rounds": (
        "巡视巡察轮次：一个巡视巡察机关的某届、某轮、某批 / An inspection round of one "
        "authority: term (届), round (轮) and batch (批), shared by every report and unit it "
        "concerns; a column is NULL when no report says",
        {
            "id": "轮次编号 / Round id (inspections.round_id)",
            "authority": "组织巡视巡察的党委：中央、省委、市委、县委、区委、集团公司党委 … / The "
                         "party committee that ran the round: 中央 (central), 省委, 市委, 县委, "
                         "区委, 集团公司党委 …",
            "jurisdiction": "该机关的行政区；中央巡视面向全国，为 NULL / Jurisdiction of the "
                            "authority; NULL for 中央 rounds, which are national, or when the "
                            "text does not say",
            "mode": "'巡视'（中央、省级）或 '巡察'（市、县级） / '巡视' (tours by central and "
                    "provincial committees) or '巡察' (by city and county committees)",
            "term": "届次，如 十一届 → 11 / Term of the authority's committee (届), e.g. 十一届 → 11",
            "round_no": "轮次，第几轮 / Round number (第N轮) within the term",
            "batch_no": "批次，第几批 / Batch number (第K批) within the round",
        },
    ),
    "inspections": (
        "巡视巡察进驻：报告所述的一个被巡视巡察单位一行 / One inspected unit in a report: a "
        "round's visit to one organization as one report describes it (a feedback covering "
        "several units has several rows). " + PREFER_VIEW.format(view="v_inspections"),
        {
            **_extracted("进驻", "Inspection"),
            "round_id": "所属轮次（inspection_rounds.id）；报告未提机关、届、轮、批时为 NULL / "
                        "The round (inspection_rounds.id); NULL when the report names no "
                        "authority, term, round or batch",
            "organization_id": "被巡视巡察单位（organizations.id） / The inspected unit "
                               "(organizations.id)",
            "target": "被巡视巡察单位，按报告原文写法，如 市委政法委 / The inspected unit as the "
                      "report names it (e.g. 市委政法委)",
            "group_name": "巡视巡察组，如 市委第四巡察组 / The inspection group (e.g. "
                          f"市委第四巡察组); {NOT_SAID}",
            **_kind_of_inspection("巡视巡察类型", "Kind of inspection"),
            **_partial_date("started", "进驻开始日期", "Date the group began its visit"),
            **_partial_date("ended", "进驻结束日期", "Date the visit ended"),
            **_partial_date("feedback", "反馈日期", "Date the findings were fed back to the unit"),
            **_position(),
        },
    ),
    "findings": (
        "巡视巡察发现的问题：每个问题一行（子问题指向其父问题） / A problem the inspection found "
        "(one row per problem; sub-problems point to their parent). "
        + PREFER_VIEW.format(view="v_findings"),
        {
            **_extracted("问题", "Finding"),
            "parent_id": "父问题（findings.id）：子问题如 (1)(2) 指向所属问题；顶层问题为 NULL / "
                         "For a sub-problem ((1), (2) … under a numbered problem), the finding "
                         "it belongs to; NULL for a top-level problem",
            "category": "问题所在的标题，如 党的领导方面；不在任何标题下为 NULL / The heading the "
                        "problem stands under (e.g. 党的领导方面); NULL when it stands under none",
            "seq": "原文编号（子问题为其在父问题下的编号）；无编号为 NULL / The problem's printed "
                   "number (a sub-problem's, under its parent), inferred where the marker was "
                   "lost (see seq_inferred); NULL when it is not numbered",
            "seq_inferred": "true 表示原文编号缺失、seq 为推断 / true when the printed number was "
                            "lost and seq was inferred",
            "title": "问题表述，去掉外层引号和“关于……问题”的外壳 / The problem statement, "
                     "without outer quotes or a wrapping 关于…(的)问题",
            "description": "问题的详细说明；没有为 NULL / Further text describing the problem; "
                           "NULL when the report gives none",
            "recommendation": "与问题配对的整改意见；没有为 NULL / The 整改意见 (recommendation) "
                              "the report pairs with the problem; NULL when there is none",
            "status": "整改状态提示，按原文，如 已整改到位、长期坚持、正在推进 / The status "
                      "the report gives, as printed: 已整改到位 (done), 长期坚持 (ongoing), "
                      f"正在… (in progress) …; {NOT_SAID}",
            "enumerated": "true 表示整改措施来自明确的“一是……二是……”列举 / true when the "
                          "measures come from an explicit 一是…二是… enumeration, so their number "
                          "means something; false when one passage is a single measure",
            **_position("，父问题之后紧跟其子问题", "; each parent is followed by its sub-problems"),
            **_search_vector("title A, description B, recommendation C"),
        },
    ),
    "measures": (
        "整改措施：针对一个问题的每条措施一行 / A rectification measure: one row per measure "
        "taken against one finding (一是…, 二是…, or a whole passage when not enumerated). "
        + PREFER_VIEW.format(view="v_measures"),
        {
            **_extracted("措施", "Measure"),
            "finding_id": "所针对的问题（findings.id） / The finding it addresses (findings.id)",
            "seq": "在该问题下的序号，从 1 起（一是 → 1） / Number within its finding, from 1 "
                   "(一是 → 1, 二是 → 2)",
            "text": "措施原文 / The measure's text",
            **_search_vector("text A"),
        },
    ),
    "handled_clues": (
        "移交的问题线索、信访件的处置情况：一批中每种处置一行 / What became of the problem clues "
        "(问题线索) and petitions (信访件) the inspection handed over: one row per disposition "
        "of a batch (移交问题线索2件3人 → count 2, persons 3). "
        + PREFER_VIEW.format(view="v_clues"),
        {
            **_extracted("线索处置", "Clue disposition"),
            "kind": "'问题线索' 或 '信访件'（信访举报、信访问题等都记为信访件） / '问题线索' "
                    "(problem clues) or '信访件' (petitions; other spellings such as 信访举报 are "
                    "recorded as 信访件)",
            "disposition": "处置情况，按原文，如 办结、结案、处理回复、正在初核调查、移交 / What "
                           "was done, as printed: 办结 (closed), 结案 (case concluded), 处理回复 "
                           "(answered), 谈话函询, 正在初核调查 (under verification), 移交 "
                           "(handed over, fate untold) …",
            "count": "该处置的件数 / Number of items (件) with this disposition",
            "total": "所属一批的总件数；原文未给为 NULL / Size of the handed-over batch this "
                     "disposition belongs to (compare with the sum of count over the batch); "
                     "NULL when the text gives none",
            "persons": "涉及人数（2件3人 → 3） / Number of people involved (2件3人 → 3); "
                       + NOT_SAID,
            **_position(),
        },
    ),
    "contacts": (
        "公开的监督反馈渠道：报告结尾的电话、邮箱、地址等，每份报告中每个渠道一行 / A public "
        "feedback channel from the report's closing block: one row per distinct kind and value "
        "in a report. " + PREFER_VIEW.format(view="v_contacts"),
        {
            **_extracted("渠道", "Contact"),
            "kind": "渠道类型：phone 电话、fax 传真、email 邮箱、postal_address 通信地址、"
                    "postcode 邮编、website 网址 / Kind of channel: 'phone', 'fax', 'email', "
                    "'postal_address', 'postcode' or 'website'",
            "value": "规范化的值：电话为 区号-号码，邮箱、网址为小写 / Normalized value: phone "
                     "and fax as area code-number (0738-8328187), e-mail and website "
                     "lower-cased, postcode six digits",
            "raw": "原文写法 / The channel as printed in the report",
            **_position(),
        },
    ),
    "load_errors": (
        "载入失败的文件及原因：每次失败一行，不影响其他文件载入 / A file that could not be "
        "loaded, and why: one row per failed attempt (the other files still load). Reader "
        "roles cannot see it: it holds local file paths",
        {
            "id": "失败记录编号 / Failure id",
            "file": "文件路径，按载入时给出的写法 / The file's path as given to xunshi load",
            "sha256": "原始字节的 SHA-256；文件读取失败时为 NULL / SHA-256 of the file's raw "
                      "bytes; NULL when the file could not be read",
            "stage": "失败阶段：read 读取、decode 解码、extract 提取正文、parse 解析、store 写入 "
                     "/ Where it failed: 'read' (the file), 'decode' (text in no known "
                     "encoding), 'extract' (no report text in a web page, Word or PDF "
                     "document), 'parse' or 'store' (the database)",
            "message": "失败原因（一行） / Why it failed, in one line",
            "occurred_at": "失败时间 / When the attempt failed",
        },
    ),
    "alembic_version": (
        "数据库结构的版本，由 Alembic 迁移维护，勿手工修改 / The schema revision this database "
        "is at, kept by the Alembic migrations (xunshi db current); do not edit",
        {"version_num": "当前迁移版本号 / The current revision id"},
    ),
}


def _like(table: str, *columns: str) -> Columns:
    """A view column that is the table's column says what the table's column says."""
    return {c: TABLES[table][1][c] for c in columns}


_CONTRACT = ("稳定接口：名称和列保持不变，只含各报告的当前版本 / Analyst view, a stable contract "
             "(names and columns stay); current report versions only, see v_report_versions")
_REPORT_ID = {"report_id": REPORT_ID + "; join v_reports on it"}

VIEWS: dict[str, tuple[str, Columns]] = {
    "v_reports": (
        f"分析视图：每份载入的报告一行。{_CONTRACT}: one row per loaded report",
        {
            "report_id": "报告编号，与其他视图的 report_id 关联 / Report id: the other views' "
                         "report_id; it stays when the report is re-parsed",
            **_like("reports", "source_name", "doc_type", "title", "issuer", "published_on",
                    "jurisdiction", "jurisdiction_code", "published_precision", "sha256",
                    "parser_version", "loaded_at"),
        },
    ),
    "v_inspections": (
        f"分析视图：报告中每个被巡视巡察单位一行，附轮次。{_CONTRACT}: one row per inspected "
        "unit in a report, with its round (authority, mode, term, round, batch; NULL when the "
        "report names no round)",
        {
            **_REPORT_ID,
            **_like("inspections", "target"),
            **_like("inspection_rounds", "authority"),
            **_like("inspections", "group_name"),
            **_like("inspection_rounds", "mode", "term", "round_no", "batch_no"),
            **_like("inspections", "kind", "started_on", "ended_on", "feedback_on"),
            "inspection_id": "进驻编号（inspections.id） / Inspection id (inspections.id)",
            **_like("inspections", "started_precision", "ended_precision", "feedback_precision",
                    "organization_id"),
            "organization_jurisdiction": "被巡视巡察单位所在行政区（organizations.jurisdiction）"
                                         " / The unit's jurisdiction "
                                         "(organizations.jurisdiction)",
            **_like("inspections", "round_id", "position"),
        },
    ),
    "v_findings": (
        f"分析视图：每个问题一行（子问题指向其父问题）。{_CONTRACT}: one row per problem the "
        "inspection found; sub-problems point to their parent",
        {
            **_REPORT_ID,
            "finding_id": "问题编号（findings.id） / Finding id (findings.id; v_measures.finding_id)",
            **_like("findings", "parent_id", "category", "seq", "title", "recommendation"),
            "measure_count": "该问题的整改措施条数 / Number of measures recorded against this "
                             "finding (its rows in v_measures); a count of measures the report "
                             "enumerates where enumerated is true",
            **_like("findings", "seq_inferred", "description", "status", "enumerated",
                    "position"),
        },
    ),
    "v_measures": (
        f"分析视图：每条整改措施一行。{_CONTRACT}: one row per rectification measure",
        {
            **_REPORT_ID,
            **_like("measures", "finding_id", "seq", "text"),
            "measure_id": "措施编号（measures.id） / Measure id (measures.id)",
        },
    ),
    "v_clues": (
        f"分析视图：移交的问题线索、信访件每种处置一行。{_CONTRACT}: one row per disposition of "
        "a handed-over batch of problem clues (问题线索) or petitions (信访件)",
        {
            **_REPORT_ID,
            **_like("handled_clues", "kind", "disposition", "count", "total"),
            "clue_id": "处置记录编号（handled_clues.id） / Clue disposition id (handled_clues.id)",
            **_like("handled_clues", "persons", "position"),
        },
    ),
    "v_contacts": (
        f"分析视图：报告公布的每个监督反馈渠道一行。{_CONTRACT}: one row per public feedback "
        "channel a report gives (phone, e-mail, postal address …)",
        {
            **_REPORT_ID,
            **_like("contacts", "kind", "value"),
            "contact_id": "渠道编号（contacts.id） / Contact id (contacts.id)",
            **_like("contacts", "raw", "position"),
        },
    ),
    "v_organizations": (
        "分析视图：每个被巡视巡察过的单位一行，含被巡次数和问题数 / Analyst view: one row per "
        "inspected unit (a unit some report names), with how often it was inspected and how "
        "many findings it has. A unit's feedback and rectification reports both list its "
        "problems, so finding counts include both",
        {
            "organization_id": "单位编号（organizations.id） / Organization id "
                               "(organizations.id; v_inspections.organization_id)",
            **_like("organizations", "jurisdiction", "name"),
            "aliases": "报告用过的全部名称，已排序 / Every name reports used for the unit (a "
                       "sorted text array)",
            "inspection_count": "被巡视巡察次数：不同轮次数，轮次不明的按报告计 / Times "
                                "inspected: distinct rounds, each report without a known round "
                                "counting as one visit",
            "report_count": "提到该单位的报告数 / Reports that name the unit (feedback and "
                            "rectification alike)",
            "finding_count": "只涉及该单位的报告中的问题数 / Findings in reports about this unit "
                             "alone",
            "shared_finding_count": "涉及多个单位的报告中的问题数，无法归到单个单位 / Findings in "
                                    "reports that cover several units, which cannot be "
                                    "attributed to one of them",
            "first_inspected_on": "最早一次进驻日期（无则用反馈日期，再无则用报告发布日期） / "
                                  "Earliest visit: started_on, else feedback_on, else the "
                                  "report's published_on (the first day of the month or year "
                                  "when the text gives no more); NULL when no report gives a date",
            "last_inspected_on": "最近一次进驻日期，取法同上 / Latest visit, dated the same way; "
                                 "NULL when no report gives a date",
            **_like("organizations", "name_key"),
        },
    ),
}


def _search(zh: str, en: str, example: str) -> str:
    """A search function's comment: what it searches, how to call it, what comes back."""
    return (
        f"{zh}。query 为按 jieba 切好词的检索式（websearch 语法），返回按相关度排序的命中，摘要用【】"
        f"标出匹配 / {en}. query must be cut into words as jieba cuts them, in websearch syntax: "
        "words separated by spaces must all occur, \"quoted words\" form a phrase, OR between "
        "alternatives, -word excludes ('扫黑 除恶', not '扫黑除恶', which finds nothing; xunshi "
        "search QUERY does the cutting). A word also finds the longer words it is part of (形式 "
        "finds 形式主义). Returns at most max_rows hits (default 20), best first: report_id, "
        "finding_id, measure_id, rank (higher is better), organization (the report's inspected "
        "unit, or the first of them and 等N个单位), snippet (text around the first match, matches "
        f"between start_sel and stop_sel, default 【】). Example: {example}"
    )


FUNCTIONS: dict[str, str] = {
    "search_findings(text, integer, text, text)": _search(
        "全文检索问题：标题、说明、整改意见及其整改措施",
        "Full-text search over findings: their title, description and recommendation, and the "
        "text of their measures (a hit through a measure ranks half; measure_id is NULL)",
        "SELECT * FROM search_findings('扫黑 除恶'); SELECT * FROM "
        "search_findings('八项 规定 -形式主义', 50)"),
    "search_measures(text, integer, text, text)": _search(
        "全文检索整改措施",
        "Full-text search over rectification measures (finding_id and measure_id name the hit)",
        "SELECT * FROM search_measures('警示 教育')"),
    "search_reports(text, integer, text, text)": _search(
        "全文检索整篇报告：标题和正文",
        "Full-text search over whole reports, title and normalized text (finding_id and "
        "measure_id are NULL)",
        "SELECT * FROM search_reports('\"选人 用人\"')"),
    "search_snippet(text, text, integer, text, text)":
        "检索摘要：截取 document 中 query 的词首次出现处前后的文字，并标出所有匹配 / A search "
        "snippet: the part of document around the first occurrence of any of query's words (up "
        "to width characters before it and 2 × width from it, default width 40, … where cut, "
        "whitespace runs as one space), every occurrence of a word marked between start_sel and "
        "stop_sel (default 【】, case-insensitive); the first 2 × width characters when no word "
        "occurs, NULL when document is NULL. query as for search_findings; OR and -excluded "
        "words are not marked. Example: SELECT search_snippet(text, '扫黑 除恶') FROM reports.",
}


def _literal(value: str | None) -> str:
    """A SQL string literal: quotes doubled (standard_conforming_strings is on since PG 9.1)."""
    return "NULL" if value is None else "'" + value.replace("'", "''") + "'"


def _statements(keep: bool) -> Iterator[str]:
    """COMMENT ON each object: its comment, or NULL (which removes it) when not `keep`."""
    quote = op.get_context().dialect.identifier_preparer.quote
    for kind, relations in (("TABLE", TABLES), ("VIEW", VIEWS)):
        for name, (comment, columns) in relations.items():
            yield f"COMMENT ON {kind} {quote(name)} IS {_literal(comment if keep else None)}"
            for column, about in columns.items():
                yield (f"COMMENT ON COLUMN {quote(name)}.{quote(column)} "
                       f"IS {_literal(about if keep else None)}")
    for function, comment in FUNCTIONS.items():
        yield f"COMMENT ON FUNCTION {function} IS {_literal(comment if keep else None)}"


def _execute(statements: Iterator[str]) -> None:
    # Escaped colons: text() would read ':word' inside a comment as a bind parameter.
    for statement in statements:
        op.execute(sa.text(statement.replace(":", r"\:")))


def upgrade() -> None:
    _execute(_statements(keep=True))


def downgrade() -> None:
    _execute(_statements(keep=False))
