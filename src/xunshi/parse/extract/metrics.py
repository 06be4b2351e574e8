"""The metric codebook: what a report's numbers count, and the wording that says so.

One place: the database's `v_metrics` is written from `CODEBOOK`, and docs/figures.md explains
each metric with examples. A rule is a regex over a quantity's *frame*: the words of its clause
before it, `\\x00` where the number stands, and the words after it up to the clause's end or the
next number (`\\x01` marks that). Each rule names the word that decides, its `cue`; the cue
nearest the number wins (a longer one on a tie: 组织处理 over 处理). Sanctions and talks never
share a metric: a 诫勉谈话 is not a 处分.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .quantities import PERSONS

GAP = 16
"""Characters a cue may stand from its number within a clause: 追回应由个人承担的资金146万元."""


def before(cue: str, gap: int = GAP) -> str:
    """The cue precedes the number: 给予党纪政务处分12人. The greedy start finds the nearest cue."""
    return rf"^[^\x00]*(?P<cue>{cue})[^\x00]{{0,{gap}}}\x00"


def after(cue: str, gap: int = GAP) -> str:
    """The cue follows the number: 对12名干部进行诫勉谈话. A cue that runs straight into the
    next number is that number's own (3个问题线索已结案1件)."""
    return rf"\x00[^\x00\x01]{{0,{gap}}}?(?P<cue>{cue})(?![了共计为达]?\x01)"


@dataclass(frozen=True)
class Rule:
    """A regex over a quantity's frame, and what its sentence must or must not say."""

    pattern: re.Pattern[str]
    context: re.Pattern[str] | None = None  # must occur in the sentence up to the frame's end
    barred: re.Pattern[str] | None = None  # must not occur in the sentence before the number


def rule(pattern: str, context: str | None = None, barred: str | None = None) -> Rule:
    return Rule(re.compile(pattern, re.DOTALL), re.compile(context, re.DOTALL) if context else None,
                re.compile(barred) if barred else None)


@dataclass(frozen=True)
class Metric:
    """One kind of figure: what it counts, in which unit, and the rules that recognize it."""

    code: str
    name_zh: str
    name_en: str
    unit: str  # values are stored in this unit: 人, 件, 个, 项, 条, 次, 万元, %
    description: str
    counts: frozenset[str]  # the printed units it accepts (名, 人次 … for persons)
    rules: tuple[Rule, ...]


def _metric(code: str, name_zh: str, name_en: str, unit: str, counts: tuple[str, ...],
            description: str, *rules: str | Rule, context: str | None = None,
            barred: str | None = None) -> Metric:
    """`context` and `barred` apply to the rules given as plain patterns."""
    return Metric(code, name_zh, name_en, unit, description, frozenset(counts),
                  tuple(r if isinstance(r, Rule) else rule(r, context, barred) for r in rules))


_SANCTION = (r"(?:党纪政务|党纪政纪|党纪|政务|政纪|纪律|党内|行政)?处分|(?:党内)?(?:严重)?警告"
             r"|留党察看|开除党籍|开除公职|撤销党内职务|记大?过|降级|撤职")
# A measure followed by 处理 (诫勉处理2人) is that measure, not a bare 处理.
_HANDLED = r"(?:处理)?"
_HANDLING = (r"组织处理|组织调整|免职|降职|调离|责令辞职|引咎辞职|停职"
             r"|调整(?:了)?(?:工作)?岗位|岗位调整|调整职务")
_TALK = (r"(?:诫勉(?:谈话)?|约谈(?:提醒)?|提醒谈话|谈话提醒|提醒教育|批评教育(?:帮助)?|批评帮助"
         rf"|批评谈话|警示谈话|责令(?:作出)?(?:书面)?检查|通报批评|第一种形态){_HANDLED}")
_DEALT = r"处理|查处|问责|追责|责任追究|追究责任"
_JUDICIARY = (rf"(?:移送(?:司法|检察)(?:机关)?|移交司法(?:机关)?|移送审查起诉){_HANDLED}"
              r"(?:追究刑事责任)?")
_HANDOVER = r"移交|移送|转交|交办|转办"
_CONCLUDED = r"办结|了结|结案|办理完毕|处置完毕|核结|查结"
_RECOVERED = r"追回|挽回|收缴|清退|退还|追缴|退缴|收回|返还|退赔|清收|补缴|缴回|上缴|退回|追偿"
_MAKE = r"制定|修订|完善|出台|建立|新建|健全|修改|新增|印发|制修订|规范"
_RULES = r"制度|规章|办法|规则|细则|规定"
_MEASURE = r"(?:整改)?(?:措施|举措|任务|事项)"
_DONE_ADVERBS = r"(?:已经?|均已|全部|如期|按期)*"  # what a unit makes: rules, not measures or plans
_FED_BACK = r"反馈|巡[视察]组?(?:共|共计)?发现|指出|交办|点出"
_FOUND = r"查摆|检视|自查|排查|梳理出?|查找|剖析"
_INSPECTION = r"巡[视察]"  # a bare 发现 is the inspection's finding in a sentence about it
_DONE = r"完成整改|整改(?:完成|到位|完毕|销号)|已整改|已完成|已销号"
_OPEN = r"正在整改|正在推进|持续整改|持续推进|长期坚持|尚未完成|未完成|未整改|基本完成|延期整改"
# A meeting (not its budget or its spirit), not a society (社会), chance (机会), committee
# (委员会), feeling (体会) or accountant (会计).
_MEETING = (r"会议(?!经费|费|室|纪要|记录|材料|精神|决定)"
            r"|(?<![社机工学协都理体员])会(?![计员长同签审议])|专题研究")
_PROBLEM = r"问题(?!线索)"
_CASE = r"(?:案例|案件|问题)"
# A title counts as one word between a verb and its noun: 建立《财务管理制度》等制度14项.
_WORD = r"(?:《[^》\x00]*》|[^\x00])"
# The last kind of item a sentence names: clues (线索) or petitions (信访).
_ABOUT_CLUES = r"线索(?:(?!信访).)*$"
_ABOUT_PROBLEMS = r"问题"



def _problems_after(verb: str) -> str:
    """The verb, then 问题, then the number: 共查摆问题58个, 发现问题37个."""
    return rf"^[^\x00]*(?P<cue>{verb})[^\x00]{{0,6}}{_PROBLEM}[^\x00]{{0,4}}\x00"


CODEBOOK: tuple[Metric, ...] = (
    _metric("sanctions", "党纪政务处分", "Party and government disciplinary sanctions", "人",
            PERSONS,
            "People given a party (党纪) or government (政务, formerly 政纪) disciplinary "
            "sanction, or one named (警告, 留党察看, 开除党籍 …). 给予党纪政务处分12人 → 12",
            before(_SANCTION), after(_SANCTION)),
    _metric("organizational_handling", "组织处理", "Organizational handling", "人", PERSONS,
            "People dealt with by organizational measures: 组织处理, 组织调整, 免职, 调离, "
            "责令辞职 …; 组织处理3人 → 3",
            before(_HANDLING), after(_HANDLING)),
    _metric("admonishment_talks", "诫勉谈话、约谈、提醒谈话、批评教育",
            "Admonishment and warning talks", "人", PERSONS,
            "People admonished (诫勉), summoned for a talk (约谈), warned (提醒谈话), criticized "
            "(批评教育), or dealt with by the first of the four forms (第一种形态); never a "
            "sanction. 诫勉谈话5人 → 5; 约谈提醒12人次 → 12",
            before(_TALK), after(_TALK)),
    _metric("people_dealt_with", "处理、问责人数", "People dealt with or held accountable", "人",
            PERSONS,
            "People dealt with (处理, 查处) or held accountable (问责, 追责) without a more "
            "specific measure; often a total whose parts (其中…) are sanctions, organizational "
            "handling or talks. 共处理15人 → 15",
            before(_DEALT), after(_DEALT)),
    _metric("referred_to_judiciary", "移送司法机关", "People referred to the judiciary", "人",
            PERSONS, "People referred to prosecutors or courts. 移送司法机关1人 → 1",
            before(_JUDICIARY), after(_JUDICIARY)),
    _metric("cases_filed", "立案", "Cases filed", "件", ("件", "起"),
            "Disciplinary cases filed for investigation (立案, 立案审查调查). 立案3件 → 3",
            before(r"立案(?:审查(?:调查)?|调查)?"), after(r"立案")),
    _metric("cases_concluded", "结案", "Cases concluded", "件", ("件", "起"),
            "Disciplinary cases concluded (结案, 审结), outside sentences about handed-over "
            "clues or petitions. 结案37件 → 37",
            before(r"结案|审结"), after(r"结案|审结"), barred=r"线索|信访"),
    _metric("cases_investigated", "查处问题", "Cases or problems investigated", "件",
            ("件", "起"),
            "Cases or problems investigated and dealt with (查处, 查办), counted in 件 or 起. "
            "查处违反中央八项规定精神问题12起 → 12",
            rf"(?<!立案)(?P<cue>查处|查办|查纠)[^\x00]{{0,40}}(?:问题|案件|案)\x00",
            after(r"查处|查办")),
    _metric("cases_publicized", "通报曝光典型案例", "Typical cases publicly exposed", "起",
            ("起", "个", "件", "批"),
            "Typical cases or problems named and shamed in a circular (通报曝光). "
            "曝光18起典型案例 → 18",
            rf"^[^\x00]*(?P<cue>曝光|通报)[^\x00]{{0,8}}{_CASE}\x00",
            rf"^[^\x00]*(?P<cue>曝光|通报)[^\x00]{{0,4}}\x00[^\x00]{{0,4}}{_CASE}",
            rf"\x00(?:典型)?{_CASE}[^\x00]{{0,8}}?(?P<cue>曝光|通报(?!批评))"),
    _metric("clues_handed_over", "移交问题线索", "Problem clues handed over", "件",
            ("件", "条", "个"),
            "Problem clues (问题线索) the inspection handed over (移交, 交办, 转办). "
            "移交问题线索26件 → 26; 移交了4件问题线索 → 4",
            before(rf"(?:{_HANDOVER})[^\x00]{{0,10}}?线索", 4),
            rf"^[^\x00]*(?P<cue>{_HANDOVER})(?:了|的)?[^\x00]{{0,2}}\x00(?:问题)?线索"),
    _metric("clues_concluded", "问题线索办结", "Problem clues concluded", "件",
            ("件", "条", "个"),
            "Handed-over problem clues concluded (办结, 了结, 结案) in a sentence about clues. "
            "移交问题线索9件,已办结6件 → 6 (and 9 handed over)",
            before(_CONCLUDED, 6), after(_CONCLUDED, 8), context=_ABOUT_CLUES),
    _metric("money_recovered", "追回、挽回、清退资金", "Money recovered or refunded", "万元",
            ("万元",),
            "Money recovered, confiscated, refunded or saved from loss (追回, 挽回, 收缴, 清退, "
            "退还, 退缴 …), in 万元 (10,000 yuan) whatever the printed unit. 追回资金86.3万元 → "
            "86.3; 清退违规发放津补贴8.6万元 → 8.6; 收缴1320元 → 0.132",
            before(_RECOVERED), after(_RECOVERED, 8)),
    _metric("rules_made", "制定修订制度", "Rules made or revised", "项",
            ("项", "个", "件", "条", "份", "部"),
            "Rules and regulations (制度, 办法, 规则, 细则 …) made, revised or completed (制定, "
            "修订, 完善, 建立 …). "
            "修订完善制度9项 → 9; 建立健全12项制度 → 12",
            rf"(?:{_MAKE}){_WORD}{{0,10}}(?P<cue>{_RULES})[^\x00]{{0,6}}\x00",
            rf"(?:{_MAKE})[^\x00]{{0,6}}\x00[^\x00]{{0,2}}(?P<cue>{_RULES})",
            before(r"建章立制", 4)),
    _metric("measures_set", "整改措施", "Rectification measures set", "条",
            ("条", "项", "个"),
            "Rectification measures drawn up (整改措施, 举措). 细化整改措施157条 → 157",
            before(r"整改措施|整改举措|措施|举措", 8), after(r"(?:整改)?(?:措施|举措)", 6)),
    _metric("measures_completed", "已完成整改措施", "Rectification measures completed", "条",
            ("条", "项", "个"),
            "Rectification measures or tasks the report says are completed. 完成整改措施119项 → "
            "119; 128项整改措施已如期完成 → 128; 18项整改任务已完成16项 → 16 (and 18 set)",
            before(rf"完成(?:了)?{_MEASURE}|{_MEASURE}{_DONE_ADVERBS}完成", 4),
            rf"\x00(?P<cue>{_MEASURE}{_DONE_ADVERBS}(?:完成|落实到位))(?![了共计为达]?\x01)"),
    _metric("tasks_set", "整改任务", "Rectification tasks set", "项",
            ("项", "个", "条", "件"),
            "Rectification tasks or items listed (整改任务, 整改事项). 确定整改事项35个 → 35",
            # 18项整改任务已完成16项: the 16 are done, not set.
            r"^[^\x00]*(?P<cue>整改任务|整改事项|任务)(?:(?!已|完成|正在)[^\x00]){0,8}\x00",
            after(r"整改任务|整改事项", 4)),
    _metric("problems_fed_back", "反馈问题", "Problems fed back", "个", ("个", "条", "项"),
            "Problems the inspection fed back (反馈), pointed out (指出) or found (巡察发现, or "
            "发现 in a sentence about the inspection). 反馈的41个问题 → 41",
            rf"^[^\x00]*(?P<cue>{_FED_BACK})的?[^\x00]{{0,10}}\x00[^\x00]{{0,4}}{_PROBLEM}",
            rf"^[^\x00]*(?P<cue>{_FED_BACK})的?[^\x00]{{0,6}}{_PROBLEM}[^\x00]{{0,4}}\x00",
            rf"\x00(?P<cue>反馈)的?{_PROBLEM}",
            rule(_problems_after("发现"), context=_INSPECTION)),
    _metric("problems_found", "查摆问题", "Problems found by the unit itself", "个",
            ("个", "条", "项"),
            "Problems the unit found in its own checks (查摆, 检视, 自查, 排查, or 发现 in a "
            "sentence that does not name the inspection). "
            "班子成员共查摆问题70余条 → 70, approximate",
            _problems_after(_FOUND),
            rf"^[^\x00]*(?P<cue>{_FOUND})[^\x00]{{0,6}}\x00[^\x00]{{0,4}}{_PROBLEM}",
            rule(_problems_after("发现"), barred=_INSPECTION)),
    _metric("problems_rectified", "已整改问题", "Problems rectified", "个", ("个", "条", "项"),
            "Problems (of those fed back) the report says are rectified. 反馈的41个问题已完成"
            "整改38个 → 38",
            before(_DONE, 6),
            rf"\x00(?:{_PROBLEM})?(?:已经?|均已|全部|已全部)*(?P<cue>{_DONE})"
            r"(?![了共计为达]?\x01)",
            context=_ABOUT_PROBLEMS),
    _metric("problems_open", "正在整改问题", "Problems still being rectified", "个",
            ("个", "条", "项"),
            "Problems still in progress, to be kept up (长期坚持) or not yet rectified. "
            "正在整改3个 → 3",
            before(_OPEN, 6), after(_OPEN, 6), context=_ABOUT_PROBLEMS),
    _metric("completion_rate", "整改完成率", "Claimed completion rate", "%", ("%",),
            "The share of problems the report claims rectified, in percent. 完成率92.7% → 92.7",
            # not the rate of clues disposed of (线索处置完成率)
            before(r"(?<!处置)(?:整改)?(?:完成|到位|销号)率|整改率", 6)),
    _metric("people_trained", "培训人数", "People trained", "人", PERSONS,
            "People (or attendances, 人次) trained. 培训党员干部1200人次 → 1200",
            before(r"培训|参训", 12), after(r"培训|参训", 12)),
    _metric("meetings_held", "召开会议", "Meetings held", "次", ("次", "场"),
            "Meetings held (召开…会议, 常委会, 专题研究 …), not planned ones (每月召开1次). "
            "召开专题会议6次 → 6",
            before(_MEETING, 12), after(_MEETING, 12)),
)

BY_CODE = {m.code: m for m in CODEBOOK}
