"""Split the object of `对…开展巡察` into the units inspected.

The object is one unit (`市委政法委(含市法学会党组)`), a list closed by a count
(`市委办公室、…和市社保局7个单位`), a list of names sharing a head noun printed once
(`南滚河、澜沧江2个国家级(省级)自然保护区管护局` → 南滚河自然保护区管护局, …) or a place prefix
printed once (`区卫计局、环保局、人社局` → 区卫计局, 区环保局, 区人社局; `甲镇东村、西村` → 甲镇西村;
`长沙市天心区、岳麓区` → 长沙市岳麓区, when the gazetteer places it there), and a township with the
villages it administers (`甲镇及其所辖东村、西村`). Parentheticals are asides (含…, the unit's
other name) and are dropped from the name; a subsidiary is named without its owner
(`集团所属甲公司党支部` → 甲公司党支部).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Span
from .gazetteer import COUNTY, PROVINCE, Division, gazetteer
from .numerals import NUMBER, to_int
from .organizations import ORG_END

# A count closing a list, and what it counts: 13个单位 / 等7家单位 / 共6个乡镇 / 三户企业 / 4个国家级(省级)自然保护区管护局.
# One object may hold several such lists: A、B6个乡镇和C、D2个部门 / A、B6个乡镇,C、D2个部门.
_COUNT = re.compile(
    rf"(?:等|共)*(?P<count>{NUMBER})(?:个|家|所|座|户)(?P<head>(?:[^、(和及,]|\([^)]*\))*?)(?=以及|和|及|、|,|$)"
)
# A list closed by 等 and a collective noun, without a count (市委办公室、市委宣传部等单位), or by 等
# alone (汇报了对甲学院党委、乙学院党委等的巡察情况).
_ETC = re.compile(r"等(?P<head>[\u4e00-\u9fff]{0,6})$")
# What joins two counted lists: the conjunction right after a count's noun.
_LIST_JOIN = re.compile(r"^(?:以及|和|及|、|,)")
# A head noun that completes the names (自然保护区管护局, 党组), not a collective (单位, 乡镇, 县(市、区)),
# people (党委书记) or a remark.
_UNIT_KIND = re.compile(rf"[\u4e00-\u9fff]{{1,12}}{ORG_END}")
# Words that only qualify the head noun: 国家级, 省级, (省级) ….
_HEAD_QUALIFIER = re.compile(r"\([^)]*\)|(?:国家|省|市|县|区|地市)级")
# A conjunction joining the last items (A、B和C), only right after a name's end (局和, 室及, 镇和,
# 甲市及乙市, 党总支及) so that names like 住房和城乡建设局 stay whole; and a township's link to the villages
# it administers (甲镇及其所辖东村、西村 / 乙乡及所辖村), each side a unit of its own.
_OWNED_BY = re.compile(r"及其?(?:所辖|下辖|下属|所属)")
_CONJ = re.compile(rf"{_OWNED_BY.pattern}"
                   r"|(?<=[委办部局厅院组会所站队室司厂校馆心团镇乡村县区旗市州盟支处场关联])(?:以及|和|及|与)")
# Not a unit but a clause, a scope, a topic or a collective: 对巡视反馈问题进行整改, 对照…, 对全县…
# (not 全国人大常委会机关), 对各乡镇…, 对非公有制企业…, 对扶贫工作开展专项巡察, 对30个地区和单位党组织,
# …直部门单位、乡镇(街道), 镇(街道)民政部门 (a kind of unit named without any one of them), a
# signature's date under a list of units (2022年11月9日).
_NOT_A_UNIT = re.compile(r"问题|情况|意见|要求|整改|巡视|巡察|线索|部署|以来|期间"
                         r"|^(?:照|其|此|象|全(?!国)|各|所属|下属|其他|有关|非)|所辖|下辖"
                         r"|^(?:扎实|认真|深入|切实|有效|持续|精准|有序|顺利|高质量)"
                         r"|(?:工作|领域|方面|建设|项目|资金|部门)$|\d{4}年\d{1,2}月"
                         r"|^(?:地区|单位|部门)|单位(?:党组织)?$|(?:乡镇|镇街)$"
                         r"|^(?:乡镇|街道|村|社区|行政村|村居)(?:党组织)?$|贫困村$")
# An item naming a topic (资源管理情况, 集体资金): its list is one of topics, not of units.
_TOPIC_ITEM = re.compile(r"(?:情况|问题|工作|领域|方面|建设|项目|资金)$")
NAME_END = rf"(?:{ORG_END}|[村镇乡区县市旗场省州盟]|街道)"
"""A unit's name as it closes one comma-separated group of a list (长沙市天心区、岳麓区,衡阳市雁峰区)."""
# What a unit's name ends with, for a list no verb vouches for (a group's task list, a meeting's title).
UNIT_LIKE = re.compile(rf".*(?:{NAME_END}|党组织|机关|学|[一二三四五六七八九十]中)")
# Two provinces named by their short names and joined (四川和江苏), which no name's end marks.
_PROVINCES_JOINED = re.compile(r"(?P<a>[\u4e00-\u9fff]{2,3})(?P<conj>和|及|与)(?P<b>[\u4e00-\u9fff]{2,3})")
_PAREN = re.compile(r"\([^)]*\)")
# Asides closing an item, left out of its span: (含市法学会党组), (市委教育工委).
_TRAILING_PARENS = re.compile(r"(?:\([^)]*\))+$")
# Who in the unit was inspected is not part of its name: 市财政局领导班子 → 市财政局.
_MEMBERS = re.compile(r"(?:领导班子|班子)(?:及其成员|及[\u4e00-\u9fff]{0,8}干部(?:职工)?)?$")
# A party body named without its unit, after a person (书记王某和党委领导班子): the unit before.
_BODY_ONLY = re.compile(r"党委|党组|党总支|党支部|党工委")
# How a list may describe its units before naming them: 十五届县委第六轮巡察的甲镇, 本轮巡察的乙学院,
# 中央提级巡视的丙市, 涉及后勤保障职责的丁处; a quoted manner after them: 丙市“一对一”.
_DESCRIBED = re.compile(r"[^、]*?(?:巡视|巡察)的|涉及[^、]{1,30}?的")
_MANNER = re.compile(r"“[^”]*”$")
# A clause per unit in a list of topics (对甲局开展扫黑除恶、对乙办开展脱贫攻坚…三个专项巡察).
_TOPIC_CLAUSE = re.compile(r"^对|(?:开展|进行)[^、]*$")
# A person fed back to alongside the body (党组书记张三和党组领导班子, 主要负责同志和领导班子): the unit
# is the body after the conjunction, or the one before the person when only 领导班子 follows.
_PERSON_AND = re.compile(r"(?:主要)?(?:负责同志|负责人|书记)[\u4e00-\u9fff·]{0,4}?(?:以及|和|及)")
# An owner named before its subsidiary (集团所属甲公司党支部, 乙集团有限公司所属丙公司党委), or left
# out (对所属乙公司党委开展巡察): the subsidiary is the unit, when it has a name of its own (not
# 所属党支部).
_OWNER = re.compile(r"[\u4e00-\u9fff()]{0,30}?(?:所属|下属)(?=(?!党)[\u4e00-\u9fff]{2,}"
                    rf"{ORG_END}$)")
# Collective words before a count's head noun: 5个部门党组, 3个区直部门党组 and 6家国有企业党委
# complete the names with 党组 and 党委 only (not 市财政局部门党组).
_COLLECTIVE_HEAD = re.compile(r"^(?:[省市县区][直属]|国有)?(?:部门|单位|企业|机关|二级)+")
# A place prefix printed once for a list of departments (区卫计局、环保局): a place (or a level
# word) before a department's short name, and the short names after it that carry no place; not
# a level's own word (区直机关工委, 市属企业).
_PLACE_PREFIX = re.compile(r"[\u4e00-\u9fff]{0,6}?[省市县区州旗盟](?![委直属])")
_DEPARTMENT = re.compile(r"[\u4e00-\u9fff]{1,5}(?:局|委|办|馆|站|所|联|协|部|中心|机关)"
                         r"|[\u4e00-\u9fff]{0,3}(?:法院|检察院)")
# A village or community named with its township (甲镇东村, 乙街道南社区), perhaps with its party
# body: the township lent to the villages after it that name none (东村、西村 → 甲镇西村).
_TOWNSHIP = re.compile(r"[\u4e00-\u9fff]{1,8}?(?:镇|乡|街道)(?=[\u4e00-\u9fff]{1,8}?(?:村|社区))")
_VILLAGE = re.compile(r"(?![\u4e00-\u9fff]*(?:镇|乡|街道|[县市]|(?<!社)区))[\u4e00-\u9fff]{1,8}?"
                      r"(?:村|社区)(?:委会|居委会)?(?:党组织|党总支|党支部|党委)?")
_VILLAGE_END = re.compile(r"(?:村|社区)$")
# What makes the rest of a name after its place a body of that place (市人大常委会机关 → 市).
_BODY_OF_PLACE = re.compile(rf"[\u4e00-\u9fff]+(?:{ORG_END}|机关)")
# What shows a name already says where it is or whose body it is: 甲县…, 团区委, 甲街道党工委.
_NAMED_PLACE = re.compile(r"[省市县区州旗盟镇乡村团党]|街道")
# A name closed by a party body or a collective its list may share: 南城镇党委, 市经开区乡镇.
_SUFFIXED = re.compile(r"(?P<base>.+?)(?P<suffix>党委|党组织|党组|党总支|党支部|党工委|乡镇)")
# What follows the units when the topic is named after them: 向A、B就“双高”建设情况反馈 / 对A、B,
# 就工程建设项目情况进行专项巡察 (not 县就业局).
_TOPIC = re.compile(r",?就(?!业).*$")
# A conjunction opening a comma group: 对A和B,以及C、D (not 和平社区 after a 、).
_LEADING_CONJ = re.compile(r"(?:以及|并|和|及|与)")
# A pronoun standing for a place named before it (该镇河西村 → 河西村): the report's text says which.
_ANAPHOR = re.compile(r"^该[省市州县区旗镇乡街村]")
# A place inspected on one topic (某某市安全生产工作), or a body on how it carries one out
# (某镇党委落实脱贫攻坚): the place or the body is what was inspected.
_PLACE_TOPIC = re.compile(
    r"^(?P<place>[\u4e00-\u9fff]{2,10}?[省市州盟县区旗])[\u4e00-\u9fff]{2,12}(?:工作|领域)$"
    rf"|^(?P<body>[\u4e00-\u9fff]{{2,20}}?{ORG_END})(?:落实|贯彻|执行|履行)[\u4e00-\u9fff]{{2,12}}$")
# A unit together with what it administers (马泉街道及所辖9个社区), or joined to a counted
# collective (教育部和31所中管高校): the count that follows is not a count of the names before it,
# so each of them stays a target of its own.
_STANDS_ALONE = re.compile(r"(?:及其?(?:所辖|下属|所属)|以及|和|及|与)$")
# Units that only own what the count counts (乙镇、丙镇所辖8个行政村): the villages were inspected,
# not the towns, and the villages are not named.
_OWNERS = re.compile(r"(?:所辖|下属|所属)$")
_OWNERS_HEAD = re.compile(r"所辖|下辖")  # (甲乡、乙镇)5个乡镇所辖部分行政村: the villages, unnamed


@dataclass(frozen=True)
class Target:
    """An inspected unit: its name as the report gives it and where it stands."""

    name: str
    span: Span


def _cuts(part: str, separators: str, a: int, b: int) -> list[tuple[int, int]]:
    """part[a:b] split at `separators` outside parentheses, as (start, end) pairs."""
    depth, start, cuts = 0, a, []
    for i in range(a, b):
        depth += (part[i] == "(") - (part[i] == ")")
        if depth == 0 and part[i] in separators:
            cuts.append((start, i))
            start = i + 1
    return cuts + [(start, b)]


def _items(part: str, offset: int) -> list[Target]:
    """Split at the comma between groups of a list, at 、 and at name-ending conjunctions,
    outside parentheses; drop the parentheticals. Within a comma group, a prefix or suffix
    printed once is lent to the names that omit it, not to the units a township administers
    (甲镇及其所辖东村、西村)."""
    out: list[Target] = []
    for group in _cuts(part, ",", 0, len(part)):
        names: list[Target | None] = []
        owned = None  # where the units a township administers begin
        for a, b in _cuts(part, "、", *group):
            conj = [m for m in _CONJ.finditer(part, a, b)
                    if part.count("(", a, m.start()) == part.count(")", a, m.start())
                    and (_OWNED_BY.match(m.group(0)) or _joins_names(part, a, m, b))]
            bounds = [a] + [x for m in conj for x in (m.start(), m.end())] + [b]
            pair = None if conj else _PROVINCES_JOINED.fullmatch(part, a, b)
            if pair and _province(pair.group("a")) and _province(pair.group("b")):
                bounds = [a, pair.start("conj"), pair.end("conj"), b]
            for k in range(0, len(bounds), 2):
                if k and owned is None and _OWNED_BY.fullmatch(part, bounds[k - 1], bounds[k]):
                    owned = len(names)
                names.append(_target(part, offset, bounds[k], bounds[k + 1]))
        cut = len(names) if owned is None else owned
        out += _distribute_suffix(_distribute_prefix([t for t in names[:cut] if t is not None]))
        out += [t for t in names[cut:] if t is not None]
    kept = [t for t in out if 2 <= len(t.name) <= 40 and not _NOT_A_UNIT.search(t.name)]
    if any(_TOPIC_ITEM.search(t.name) for t in out):  # 对…集体资金、资产、资源管理情况开展专项巡察
        return [t for t in kept if UNIT_LIKE.fullmatch(t.name)]
    return kept


def _joins_names(part: str, a: int, conj: re.Match[str], b: int) -> bool:
    """Whether a conjunction in part[a:b] stands between two names: each side two characters at
    least (not 联和乡), and no place's name begins with it (天津市和平区, 和林格尔县)."""
    if conj.start() - a < 2 or b - conj.end() < 2:
        return False
    found = gazetteer().scan(part[conj.start() : b], 0, 1.0)
    return not (found and found[0].span.start == 0)


def unit_like(name: str) -> bool:
    """Whether a name, in a list no verb vouches for, reads as a unit's: it ends as one does
    (UNIT_LIKE), or it is a province's short name (上海, 河北), as lists of provinces give them."""
    return bool(UNIT_LIKE.fullmatch(name)) or _province(name)


def _province(name: str) -> bool:
    """Whether `name` is the short name of a province-level division, and of nothing else."""
    named = gazetteer().short.get(name, [])
    return bool(named) and all(d.level == PROVINCE for d in named)


def _distribute_prefix(items: list[Target]) -> list[Target]:
    """区卫计局、环保局、人社局 / 甲河区纪委监委机关和组织部: a department's place names the place of the
    short names after it that carry none (区环保局, 甲河区组织部); 市政府驻甲地联络处和驻乙地联络处: an
    office named from 驻 on belongs to the body before it. Spans stay on what is printed."""
    out: list[Target] = []
    place = None  # the place of the last department that named one
    township = None  # the township of the last village that named one
    for t in items:
        stationed = out[-1].name.find("驻") if out else -1
        if t.name.startswith("驻") and stationed > 0:
            t = Target(out[-1].name[:stationed] + t.name, t.span)
        elif place and _DEPARTMENT.fullmatch(t.name) and not _NAMED_PLACE.search(t.name):
            t = Target(place + t.name, t.span)
        elif township and _VILLAGE.fullmatch(t.name):
            t = Target(township + t.name, t.span)
        prefix = _PLACE_PREFIX.match(t.name)
        if prefix and _BODY_OF_PLACE.fullmatch(t.name[prefix.end() :]):
            place = prefix.group(0)
        town = _TOWNSHIP.match(t.name)
        township = town.group(0) if town else None
        out.append(t)
    return _distribute_prefecture(out)


def _distribute_prefecture(items: list[Target]) -> list[Target]:
    """长沙市天心区、岳麓区: a district or county after one printed with its prefecture lies in that
    prefecture when the gazetteer says so (长沙市岳麓区), not otherwise (泉州市鲤城区、清流县: 清流县 is
    another prefecture's); a county-level city is named alone (福州市仓山区、福清市)."""
    gaz = gazetteer()
    out: list[Target] = []
    prefecture = None  # (name, division) the last county-level name was printed with
    for t in items:
        bare = [d for d in gaz.full.get(t.name, []) if d.level == COUNTY]
        if prefecture and not t.name.endswith("市") and any(d.parent is prefecture[1] for d in bare):
            t = Target(prefecture[0] + t.name, t.span)
        elif not bare:
            prefecture = _printed_prefecture(t.name)
        out.append(t)
    return out


def _printed_prefecture(name: str) -> tuple[str, Division] | None:
    """The prefecture a county-level name is printed with (长沙市天心区 → 长沙市), if any."""
    gaz = gazetteer()
    for n in range(2, len(name) - 1):
        head, rest = name[:n], name[n:]
        for pref in gaz.full.get(head, []):
            if any(d.parent is pref for d in gaz.full.get(rest, [])):
                return head, pref
    return None


def _distribute_suffix(items: list[Target]) -> list[Target]:
    """东川镇、北堡镇、南城镇党委: the last item's party body (or 乡镇) belongs to every item before it
    that names none and is of its kind (镇 like 镇): 东川镇党委 …; 甲区、乙区乡镇 are two collectives."""
    last = _SUFFIXED.fullmatch(items[-1].name) if len(items) > 1 else None
    if last is None:
        return items
    kind = _level_of(last.group("base"))
    if any(_SUFFIXED.fullmatch(t.name) or _level_of(t.name) != kind for t in items[:-1]):
        return items
    return [Target(t.name + last.group("suffix"), t.span) for t in items[:-1]] + [items[-1]]


def _level_of(name: str) -> str:
    """What kind of unit a name ends as, villages and communities alike (东村, 南社区)."""
    return "村" if _VILLAGE_END.search(name) else name[-1:]


def _target(part: str, offset: int, a: int, b: int) -> Target | None:
    """The item part[a:b] as a name (whether a unit's is checked once its list has lent it what
    it omits), or None when it is empty."""
    person = _PERSON_AND.search(part, a, b)
    if person:
        rest = _MEMBERS.sub("", part[person.end() : b]).strip()
        a, b = (person.end(), b) if rest and not _BODY_ONLY.fullmatch(rest) else (a, person.start())
    leading = _LEADING_CONJ.match(part, a, b) if a == 0 or part[a - 1] in ",," else None
    owner = (_OWNER.match(part, a, b) or leading
             or _DESCRIBED.match(part, a, b))
    a = owner.end() if owner else a
    raw = part[a:b]
    name = _MANNER.sub("", _TOPIC_CLAUSE.sub("", _PAREN.sub("", raw).strip()))
    name = _ANAPHOR.sub("", _MEMBERS.sub("", name))
    topic = _PLACE_TOPIC.match(name)
    name = (topic.group("place") or topic.group("body")) if topic else name
    if not name:
        return None
    item = raw.strip()
    start = a + raw.index(item)
    end = start + (len(name) if topic else len(_TRAILING_PARENS.sub("", item)))
    return Target(name, Span(offset + start, offset + end))


def _shared_head(head: str, items: list[Target]) -> str | None:
    """The head noun to append to every item, when the count's noun completes the names."""
    noun = _COLLECTIVE_HEAD.sub("", _HEAD_QUALIFIER.sub("", head).strip())
    if not _UNIT_KIND.fullmatch(noun):
        return None
    return None if all(t.name.endswith(noun[-1]) for t in items) else noun


def _join(name: str, head: str) -> str:
    """Append the head noun without repeating what the name already ends with: 甲镇 + 镇党委."""
    overlap = max((k for k in range(1, len(head) + 1) if name.endswith(head[:k])), default=0)
    return name + head[overlap:]


def _closed_list(items: list[Target], closing: re.Match[str] | None) -> list[Target]:
    """Apply a list's closing: drop a lone collective, distribute a shared head noun."""
    if closing is None:
        return items
    count = to_int(closing.group("count")) if "count" in closing.groupdict() else None
    if count is not None and count > 1 and len(items) == 1 and not closing.group(0).startswith("等"):
        return []  # 全市12个县区: a collective, not a list of names
    head = _shared_head(closing.group("head"), items)
    return [Target(_join(t.name, head), t.span) for t in items] if head else items


def topic_of(segment: str) -> str:
    """The topic named after the units, if any (向A、B就“双高”建设专项巡察情况反馈: 就…情况)."""
    topic = _TOPIC.search(segment)
    return topic.group(0) if topic else ""


def split_targets(segment: str, offset: int) -> list[Target]:
    """The units named in `segment` (which starts at `offset` in the text), in order."""
    segment = _TOPIC.sub("", segment)
    out, pos = [], 0
    for closing in _COUNT.finditer(segment):
        part = segment[pos : closing.start()]
        alone = _STANDS_ALONE.search(part)
        if alone:
            out += _items(part[: alone.start()], offset + pos)
        elif not (_OWNERS.search(part) or _OWNERS_HEAD.search(closing.group("head"))):
            out += _closed_list(_items(part, offset + pos), closing)
        pos = closing.end()
        join = _LIST_JOIN.match(segment[pos:])
        pos += join.end() if join else 0
    rest = segment[pos:]
    etc = _ETC.search(rest)
    tail = _closed_list(_items(rest[: etc.start()] if etc else rest, offset + pos), etc)
    if out:  # after a counted list, only units go on it: not 领导班子及党委书记
        tail = [t for t in tail if _UNIT_KIND.fullmatch(t.name)]
    return out + tail
