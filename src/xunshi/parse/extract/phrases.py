"""Where a report names the units it inspected with a verb, and what each phrase says of them.

Reports name their units in a few set phrasings: a visit (`市委第四巡察组对市委政法委进行了巡察`,
`开展对甲村、乙村的村级巡察`, `进驻某镇,将开展…巡察`, `完成对甲村党支部的进驻`), an arrival
(`3个巡察组于9月25日分别进驻A、B`, `进驻甲公司动员会`, `召开巡察A、B进驻动员会`), a unit that underwent
one (`某某市接受了省委第二巡视组的常规巡视`), a group's task (`省委第二巡视组:巡视甲市、乙县`,
`县委第一巡察组巡察甲村、乙村党组织工作动员会`), a report on it (`汇报了对校团委的巡察情况`), units
that published their rectification (`甲大学等11个单位向社会公布了巡视整改进展情况`), a feedback
(`向市财政局党组反馈了巡察意见`) or a rectification report's own unit (`现将市委政法委巡视集中整改
情况向社会公开`). Lists named without a verb are `listings`'. Each finder returns `Mention`s; what is
said once for many units (group, round, dates) is looked up by `opening`.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Span
from .listings import listed
from .mentions import Mention, Phrase, mention
from .numerals import NUMBER, to_int
from .organizations import GROUP_KIND, MODE, ORG_END, Group
from .rounds import kind_in
from .targets import NAME_END as _NAME_END
from .targets import unit_like
from .targets import topic_of

# A character of a list after 对: not a clause end nor another 对 (a new object), but 对象 is a word
# of the list (完成对甲镇、乙局等2个被巡察对象的进驻).
_ITEM = r"(?:对象|[^,。;:!?\n对])"
# After the mode: not the follow-up (巡视整改, 巡察反馈 …) nor the inspectors (巡察组, 巡察期间 …).
_NOT_A_VISIT = r"(?!整改|反馈|意见|组|办|发现|期间|中|成果|移交)"
# A visit: 对X进行了巡察 / 对X开展(展开)为期一个月的常规巡察 / 进驻X开展巡视 / 进驻X,将开展…巡察 /
# 开展巡视“回头看” / 开展“回头看” / 对其中的A、B开展专项巡察 (units of one list inspected again, of
# another kind). The list may be grouped by commas, each group closing on a name (or a count's
# aside: 等30个旗县(市、区),以及…), not a clause of
# its own (进驻甲系统单位,开始对A、B进行巡察: A and B are the units). Not 巡视整改,
# 巡察反馈 …, which name the follow-up.
_VISIT = re.compile(
    rf"(?:对(?:其中的?)?|进驻|入驻|前往)"
    rf"(?P<targets>(?:{_ITEM}{{2,200}}?(?:{_NAME_END}|单位|党组织|\)),(?![^,。;:!?\n对]{{0,3}}对))*"
    rf"[^,。;:!?\n]{{2,400}}?),?(?:将|并|正式)?(?:进行|开展|展开|实施)了?"
    rf"(?P<qual>(?:对村|[^,。;:\n对]){{0,30}}?)(?:(?P<mode>{MODE}){_NOT_A_VISIT}"
    rf"|(?=“回头看”(?!{MODE})))(?P<post>“?回头看)?"
)
_KIND_WORDS = rf"(?:{GROUP_KIND}|常规|村级|集中|现场)"
"""Words that may stand between a fronted visit's list and its mode (开展对A、B常规巡察)."""
# A visit with the verb before the list: 开展对甲村、乙村的村级巡察 / 开展对A、B等4家单位常规巡察.
_FRONTED = re.compile(
    rf"(?:开展|进行|实施)了?对(?!其中)(?P<targets>{_ITEM}{{2,200}}?)"
    rf"(?:的(?P<qual>[^,。;:!?\n对的、]{{0,20}}?)|(?P<qual2>{_KIND_WORDS}*))"
    rf"(?P<mode>{MODE}){_NOT_A_VISIT}(?P<post>“?回头看)?"
)
# A visit stated as done: (县委第四巡察组)完成对甲村党支部、乙村党支部的进驻 / 已完成对甲区等15个县的
# 驻点巡视任务.
_DONE = re.compile(
    rf"完成了?(?:对|向)(?P<targets>(?:{_ITEM}{{2,200}}?(?:{_NAME_END}|单位|党组织|\)),)*{_ITEM}{{2,200}}?)的?"
    rf"(?:(?P<arrival>(?P<mode2>{MODE})?(?:进驻|入驻))|(?:驻点|现场)?(?P<mode>{MODE})(?:任务|工作))"
)
# A character of a unit's name in a meeting's title, which names no inspection itself: 巡察组巡察X反馈会
# names X, not 组巡察X.
_NO_MODE = rf"(?:(?!{MODE})[^,。;:\n“])"
# A visit named by its mobilisation meeting: 进驻甲公司动员会 / (对X开展巡察)工作动员会 / 在甲局召开巡察
# 工作动员会 / (先后)来到A村、B社区召开巡察工作动员会 / 召开(专项)巡察A、B等2个部门(单位)(工作|进驻)动员会:
# its day is the first of the tour.
_MOBILISED = re.compile(r"”?(?:工作)?(?:进驻)?(?:动员|见面)(?:大会|会议|会)")
_ARRIVAL_MEETING = re.compile(
    rf"(?:进驻|入驻)(?P<targets>[^,。;:!?\n]{{2,60}}?){_MOBILISED.pattern}"
    rf"|(?:在|来到|到)(?P<at>[^,。;:!?\n在到]{{2,200}}?)召开(?:党组织)?{MODE}?"
    rf"(?:工作)?(?:进驻)?(?:动员|见面)(?:大会|会议|会)"
    rf"|召开了?(?P<qual>(?:{GROUP_KIND}|常规)*)(?P<mode>{MODE})(?P<called>{_NO_MODE}{{2,200}}?)"
    rf"{_MOBILISED.pattern}")
# Where a meeting is held, not who holds it: 在县委三楼会议室召开巡察工作动员会.
_VENUE = re.compile(r"会议室|礼堂|报告厅|大厅|[楼层馆]$|宾馆|酒店|大厦")
# Units reported on as inspected: (两组组长分别)汇报了对校团委、某学院党总支的巡察情况 / 听取了对A的巡察报告.
_REPORTED = re.compile(
    rf"(?:汇报|听取|报告)了?[^,。;:!?\n对]{{0,10}}?对(?P<targets>{_ITEM}{{2,200}}?)的"
    rf"[^,。;:\n的]{{0,10}}?(?P<mode>{MODE})(?:情况|报告|工作)"
    rf"|就(?P<on>[^,。;:!?\n就]{{2,300}}?)的{MODE}情况进行了?(?:汇报|报告)")
# A line of a task list, wherever it stands: (一)县委第二巡察组巡察A、B.
_LINE_MARKER = re.compile(r"(?:\(?[一二三四五六七八九十\d]{1,3}[)、.])?\s*")
# A group's arrival, right after its name: 集团党委第一、第二巡察组已分别入驻甲公司党委和乙公司党委.
_ARRIVAL_VERB = re.compile(r"(?:已|正式|近日|日前|分别|均|陆续|相继)*(?:进驻|入驻|进入)")
_STATIONED = re.compile(rf"{_ARRIVAL_VERB.pattern}(?P<targets>[^,。;:!?\n]{{2,200}}?)(?=[,。;!?\n]|$|开展)")
# A count of units, which vouches for as many short names (甲远洋、乙重工,…所属2家企业).
_UNITS_COUNTED = re.compile(rf"(?P<n>{NUMBER})(?:个|家|所)")
# Groups arriving, however they are named, perhaps with the day in between: (校党委第二轮巡察的)3个巡察组
# 于9月25日分别进驻A、B和C,通过召开… / 各巡察组已进驻A、B,并召开…. The list ends its clause.
_GROUPS_ARRIVE = re.compile(
    rf"(?P<mode>{MODE})小?组(?:已|将)?(?:于[^,。;:!?\n]{{1,20}}?)?(?P<arrival>{_ARRIVAL_VERB.pattern})"
    rf"(?P<targets>[^,。;:!?\n]{{2,200}}?)(?=[,。;!?\n]|$|开展|召开|并|{_MOBILISED.pattern})")
# Units that published their rectification, which were inspected: (4月17日,)甲大学、乙大学等11个单位向社会
# 公布了巡视整改进展情况.
_PUBLISHED = re.compile(
    rf"(?:^|(?<=[,。;:\n]))(?P<targets>[^,。;:!?\n]{{2,200}}?)向社会公布了?[^,。;:\n]{{0,10}}?(?P<mode>{MODE})整改")
# A unit that underwent a visit, named before the group: 某某市(于…)接受了省委第二巡视组的常规巡视.
# Not 主动接受巡视监督.
_UNDERGONE = re.compile(
    rf"(?:^|(?<=[,。;:\n]))(?P<targets>[^,。;:\n于]{{0,30}}?{_NAME_END})(?:于[^,。;:\n]{{2,30}}?)?接受了?"
    rf"(?P<qual>[^,。;:\n]{{0,30}}?)(?P<mode>{MODE})(?!整改|反馈|意见|监督|组|办|工作)(?P<post>“?回头看)?"
)
# A group's task, right after its name: 省委第二巡视组:巡视甲市、乙县 / 省委第一巡视组:专项巡视A、B /
# 县委第一巡察组巡察甲村、乙村党组织工作动员会 / 校党委第二巡察组巡察校机关党委反馈会.
_ASSIGNED = re.compile(
    rf"[::]?(?P<qual>(?:{GROUP_KIND}|常规)*)(?P<mode>{MODE}){_NOT_A_VISIT}(?!工作|情况|时|后|前|结束|进驻|动员|的)"
    rf"(?P<targets>[^,。;:!?\n]{{2,200}}?)"
    rf"(?:(?:工作|情况)?(?:进驻)?(?:动员|反馈)(?:大会|会议|会)|(?=[,。;!?\n]|$))"
)
# A unit holding a meeting on its rectification, which was inspected: (3月16日下午,)县财政局党组召开巡察整改
# 专题民主生活会 / 甲管理处召开了巡察整改督查情况汇报会 / 区政协机关党组召开关于中央…专项巡视反馈意见整改
# 专题民主生活会. Its context is read to the meeting's end (…召开市委第五巡察组巡察…反馈问题整改…会).
_RECTIFYING = re.compile(
    rf"(?:^|(?<=[,。;:\n]))(?:[^,。;:\n]{{0,12}}?(?:日|上午|下午|近日|日前|近期))?"
    rf"(?P<targets>[\u4e00-\u9fff()]{{2,30}}?{ORG_END})(?:在[^,。;:\n]{{2,20}}?)?召开了?"
    rf"(?P<qual>[^,。;:\n]{{0,40}}?)(?P<mode>{MODE})"
    rf"[^,。;:\n]{{0,30}}?整改[^,。;:\n]{{0,24}}?(?:会议|会)")
# Who holds a rectification meeting for others: the authority (县委, 甲市委, 市委常委会; not the
# Youth League's 团县委), its offices (县委巡察办, 巡察工作领导小组, 县纪委); or a body named by one
# character (镇党委, 院党委), which the report names in full elsewhere.
_CONVENER = re.compile(rf"^(?:[\u4e00-\u9fff]?(?:委|党[委组]|政府)|(?:自治)?区党委|中央)$"
                       rf"|常委会|领导小组|{MODE}|纪委|^(?!团)[\u4e00-\u9fff]{{0,8}}[省市州县区旗]委$")
# A report on its own unit's rectification: 现将市委政法委(含…)巡视集中整改情况向社会公开.
_OWN_UNIT = re.compile(
    r"现将(?P<target>[^,。;:\n]{2,30}?)(?:\([^)]*\))?"
    rf"(?=关于|落实|贯彻|{MODE}[^,。;:\n]{{0,8}}整改)"
)
# The kind a feedback may name before the mode: 反馈了专项巡视意见, 反馈了脱贫攻坚专项巡视“回头看”情况.
_FED_BACK_KIND = r"(?:(?![的对])[\u4e00-\u9fff]){0,8}?"
# A feedback: 向市委政法委反馈了巡察意见 / 向A、B进行(了现场)巡察意见反馈 / 反馈了对A、B的巡察“回头看”情况 /
# 巡察情况反馈(近日)全部完成 / 反馈了(专项)巡视意见 / 反馈了“回头看”意见 / 对相关单位进行了反馈 /
# 召开(了)巡察(某单位情况)反馈会 / 巡察某单位(情况)反馈会在某处召开 / …反馈会于2022年8月3日召开 /
# (率巡察组)到市教育局反馈巡察“回头看”情况.
_FEEDBACK = re.compile(
    rf"向(?P<to>(?:[^,。;:\n]{{2,200}}?(?:{_NAME_END}|党组织|\)),)*[^,。;:\n]{{2,120}}?)"
    rf"(?:集中|分别|全面)?(?:进行了?)?(?:现场|书面|当面|集中|逐一|“一对一”的?)?"
    rf"{MODE}?(?:意见|情况)?反馈"
    rf"|反馈了?对(?P<on>[^,。;:\n]{{2,120}}?)的[^,。;:\n的]{{0,10}}?{MODE}“?(?:回头看”?)?(?:意见|情况)"
    rf"|(?:来到|到|赴)(?P<went>[^,。;:\n到赴]{{2,60}}?)反馈{MODE}“?(?:回头看”?)?(?:意见|情况)"
    rf"|{MODE}(?:情况|意见)?反馈(?:会|工作)?(?:近日|日前)?(?:全部|陆续)?(?:完成|结束|召开)"
    rf"|反馈了?{_FED_BACK_KIND}(?:{MODE}“?(?:回头看”?)?|“回头看”)(?:意见|情况)|进行了?(?:现场|书面|集中)?反馈"
    rf"|召开了?{MODE}(?P<meet>{_NO_MODE}{{2,40}}?)(?:情况|工作)?反馈(?:大会|会议|会)"
    rf"|召开了?(?:[^,。;:\n]{{0,20}}?{MODE})?(?:“回头看”)?(?:意见|情况)?反馈(?:大会|会议|会)"
    rf"|{MODE}(?P<held>{_NO_MODE}{{2,40}}?)(?:情况|工作)?反馈(?:大会|会议|会)(?:[在于][^,。;:\n]{{1,20}}?)?(?:召开|举行)"
    r"|反馈(?:大会|会议|会)[在于][^,。;:\n]{1,20}?(?:召开|举行)"
)
_NAMED_IN = ("to", "went", "on", "meet", "held")
"""The groups of a feedback phrase that name its units: 向X, 到X反馈, 对X的, 召开巡察X反馈会, 巡察X反馈会召开."""
# An addressee that is a body or a place, not a person: 市财政局党组, 某某市, 甲县乙镇, 生产建设兵团,
# 甲中学, not 县委书记张三.
_BODY = re.compile(rf".*(?:{ORG_END}|[省市县区州旗镇乡村]|兵团|街道|社区|[大中小]学)")


def _mention(m: re.Match[str], at: int, phrase: Phrase = "visit", name: str = "targets",
             words: str = "", mode: str | None = None) -> Mention:
    """A mention of the units in group `name` of `m` (or in the one alternative to it that
    matched: `at`, `called`, `on`); `words` are where its kind is named. A meeting's title or
    venue names a unit only by a unit's name (not 召开巡察工作动员会, 在三楼会议室召开…)."""
    name = next((n for n in (name, "at", "called", "on") if m.groupdict().get(n)), name)
    found = mention(m, at, phrase, name, words, mode)
    if name in ("at", "called"):
        named = [t for t in found.targets if unit_like(t.name) and not _VENUE.search(t.name)]
        return Mention(named, found.at, found.span, found.phrase, found.mode, found.kind)
    return found


def _phrase(m: re.Match[str]) -> Phrase:
    """How a visit-like match names its units: an arrival (进驻X, 完成对X的进驻, X工作动员会), a
    feedback meeting (巡察X反馈会), or a visit."""
    groups = m.groupdict()
    if _ARRIVAL_VERB.match(m.group(0)) or groups.get("arrival"):
        return "arrival"
    if _MOBILISED.match(m.string, m.end()) or _MOBILISED.search(m.group(0)):
        return "arrival"
    return "feedback" if m.group(0).endswith("会") else "visit"


def _visit(m: re.Match[str], at: int) -> Mention:
    """A mention from a visit-like match, its kind in the words around the mode."""
    groups = m.groupdict()
    qual = (groups.get("qual") or "") + (groups.get("qual2") or "")
    return _mention(m, at, _phrase(m), words=qual + (groups.get("post") or ""),
                    mode=groups.get("mode") or groups.get("mode2"))


def _assigned(text: str, end: int, groups: list[Group]) -> Iterator[Mention]:
    """The units a numbered group's task or arrival names right after it (省委第二巡视组:巡视甲市,
    第一巡察组已进驻甲公司), when every one is a unit's name."""
    for group in groups:
        line = text.rfind("\n", 0, group.span.start) + 1
        if group.span.start >= end and not _LINE_MARKER.fullmatch(text, line, group.span.start):
            continue  # past the opening, only a line of a task list
        stop = max(end, text.find("\n", group.span.end) % (len(text) + 1))
        m = (_ASSIGNED.match(text, group.span.end, stop) or _STATIONED.match(text, group.span.end, stop)
             if group.numbered else None)
        if m is None:
            continue
        mention = _visit(m, m.start())
        if mention.targets and all(unit_like(t.name) for t in mention.targets):
            yield mention


def _named_only(pattern: re.Pattern[str], text: str, end: int) -> Iterator[Mention]:
    """The mentions of `pattern` that name units by their names only (not 召开巡察工作动员会, nor
    各巡察组已进驻第一天): no verb tells that the words are units, unless the sentence counts as
    many (进驻甲远洋、乙重工,对集团所属2家企业开展专项巡察). Groups arriving are read up to their
    verb (…第三巡察组分别进驻: the group's whole name stands before it)."""
    for m in pattern.finditer(text, 0, end):
        mention = _visit(m, m.start("arrival") if m.groupdict().get("arrival") else m.start())
        named = all(unit_like(t.name) for t in mention.targets)
        if mention.targets and (named or _counted_as(text, m.end(), len(mention.targets))):
            yield mention


def _counted_as(text: str, pos: int, n: int) -> bool:
    """Whether the first count of units in the rest of the sentence from `pos` is `n`."""
    stop = min((i for i in (text.find(c, pos) for c in "。;!?\n") if i >= 0), default=len(text))
    count = _UNITS_COUNTED.search(text, pos, stop)
    return count is not None and to_int(count.group("n")) == n


def _rectifying(m: re.Match[str]) -> Mention:
    """The unit holding a meeting on its rectification: no tour is read before it (a feedback's
    phrase), its group and kind are read up to the meeting's end."""
    return Mention(_visit(m, m.end()).targets, m.end(), Span(m.start(), m.end()), "feedback",
                   m.group("mode"), kind_in(m.group("qual") + m.group(0)[m.end("mode") - m.start():]))


def visits(text: str, end: int, groups: list[Group]) -> list[Mention]:
    """Mentions of units visited, in text order, from text[:end]. The context of a visit is read
    up to its start (the group precedes 对), of an undergone one up to its end. A visit that
    names no mode takes the one before it (对A开展常规巡察,对B开展“回头看”)."""
    found = [_visit(m, m.start())
             for pattern in (_VISIT, _FRONTED, _DONE, _REPORTED, _PUBLISHED)
             for m in pattern.finditer(text, 0, end)]
    found += [*_named_only(_ARRIVAL_MEETING, text, end), *_named_only(_GROUPS_ARRIVE, text, end)]
    found += [_visit(m, m.end()) for m in _UNDERGONE.finditer(text, 0, end)]
    found += [_rectifying(m) for m in _RECTIFYING.finditer(text, 0, end)
              if not _CONVENER.search(m.group("targets"))]
    found += [*_assigned(text, end, groups), *listed(text, end, groups)]
    out: list[Mention] = []
    mode = None
    for mention in sorted(found, key=lambda x: x.span.start):
        mode = mention.mode or mode
        out.append(Mention(mention.targets, mention.at, mention.span, mention.phrase, mode,
                           mention.kind))
    return out


def own_unit(text: str, end: int) -> list[Mention]:
    """The unit a rectification report speaks for: 现将X巡视整改情况予以公布."""
    m = _OWN_UNIT.search(text, 0, end)
    if not m:
        return []
    mode = re.search(MODE, text[m.end() : m.end() + 12])
    return [_mention(m, m.start(), name="target", mode=mode.group(0) if mode else None)]


def feedbacks(text: str, end: int) -> Iterator[re.Match[str]]:
    """Every feedback phrase in text[:end]; `named_in` says where it names its units."""
    return _FEEDBACK.finditer(text, 0, end)


def named_in(m: re.Match[str]) -> str | None:
    """The group of feedback phrase `m` that names its units, if it names any."""
    return next((name for name in _NAMED_IN if m.group(name)), None)


def addressees(text: str, end: int) -> list[Mention]:
    """The units fed back to (`向X反馈`, `反馈了对X的巡察情况`, `召开巡察X情况反馈会`). An addressee
    must be a body (not 县委书记张三), a meeting's unit a unit's name; a unit fed back *on* needs
    no such check. The kind and mode follow the unit (反馈专项巡视情况)."""
    out = []
    for m in feedbacks(text, end):
        name = named_in(m)
        if name is None:
            continue
        after = text[m.end(name) : m.end() + 8]
        mode = re.search(MODE, m.group(0)) if name in ("meet", "held") else re.search(MODE, after)
        words = topic_of(m.group(name)) + after  # 向A、B就“双高”建设专项巡察情况反馈
        mention = _mention(m, m.start(), "feedback", name, words, mode.group(0) if mode else None)
        check = _BODY.fullmatch if name in ("to", "went") else unit_like if name != "on" else None
        kept = [t for t in mention.targets if check is None or check(t.name)]
        out.append(Mention(kept, mention.at, mention.span, "feedback", mention.mode, mention.kind))
    return out
