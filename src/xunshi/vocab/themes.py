"""Themes: one code per finding, from a codebook grounded in the inspection frameworks.

Reports head their problems in their own words (党的领导方面, 执行廉洁纪律方面, a whole sentence
…) or not at all, so `category` cannot be grouped by. The codebook below (THEMES) follows the
frameworks inspections have used — the 2015 条例's 六项纪律, the 2016–17 三个方面, the 六大建设
of the 2017 party constitution, the post-2018 四个落实 — and the cues that recognise each theme
are data here, in one place. docs/themes.md gives the sources, the rules and the measured
agreement; migration 0007 stores a frozen copy of the codebook, and a test keeps both equal.

A finding's theme, first that applies (docs/themes.md, "Rules"):
1. its heading, when the heading names a theme (a cue of tier SPECIFIC or BROAD, not an
   umbrella);
2. its own text: the title, else the description, else the paired recommendation;
3. its parent's theme (a sub-problem);
4. the heading's broad area (an umbrella heading such as 全面从严治党方面, or one that names the
   unit's work only in general words);
5. else None.
Within one text the cue of the lowest tier wins; among equal tiers the earliest, then the longest.
"""
from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Theme:
    code: str
    name_zh: str
    name_en: str
    description: str  # Chinese / English, as v_themes shows it


THEMES: tuple[Theme, ...] = (
    Theme("political", "政治建设与贯彻落实决策部署",
          "Political leadership and carrying out central decisions",
          "党的领导与政治建设、政治纪律和政治规矩、学习贯彻习近平新时代中国特色社会主义思想和党中央及"
          "上级决策部署（含扫黑除恶、脱贫攻坚、乡村振兴、污染防治等中央部署的专项工作）、领导核心作用、"
          "请示报告 / The party's leadership and political construction, political discipline and "
          "rules; studying and carrying out Xi Jinping Thought and the decisions of the Centre "
          "and higher committees (central campaigns such as 扫黑除恶, poverty alleviation, rural "
          "revitalization and pollution control included); the committee's leading role; asking "
          "for instructions and reporting. 党的领导弱化 (2016–17), 政治纪律 (六项纪律), the first "
          "of the 四个落实 (2018–), 政治建设"),
    Theme("ideology", "思想建设与意识形态", "Ideology and theoretical study",
          "理论学习（中心组学习、学习教育、主题教育）、理想信念、意识形态工作责任制、宣传思想与舆论阵地"
          "（网站、公众号、舆情） / Theoretical study (study groups of the leadership, study "
          "campaigns), ideals and convictions, the responsibility system for ideological work, "
          "propaganda and public opinion outlets (websites, social media accounts, 舆情). 思想建设"),
    Theme("organization", "组织建设与选人用人", "Party organization, cadres and appointments",
          "基层党组织、党内政治生活和组织生活（三会一课、民主生活会）、民主集中制与集体决策（三重一大、"
          "一言堂）、党员发展与教育管理、党费党务、党建与业务融合；干部选拔任用、干部队伍建设和监督管理、"
          "编制与借调抽调人员、个人有关事项、人才；组织纪律 / Grass-roots party organizations, "
          "inner-party and organizational life, democratic centralism and collective decisions, "
          "recruiting and managing members, party dues and affairs, party building beside the "
          "unit's work; selecting and appointing cadres, the cadre corps and its supervision, "
          "staffing quotas and seconded staff, personal-matters reports, talent; organizational "
          "discipline. 选人用人 (2013–), 党的建设缺失 (2016–17), 落实新时代党的组织路线 (2018–), 组织建设"),
    Theme("conduct", "作风建设：八项规定与四风", "Conduct: the eight rules and the four styles",
          "中央八项规定精神（公务接待、公车、办公用房、津补贴、礼品礼金、宴请）、“四风”（形式主义、"
          "官僚主义、享乐主义、奢靡之风）、文山会海与基层负担、不担当不作为、工作作风与学风文风会风、"
          "服务群众意识、工作纪律 / The Centre's eight rules (official receptions, cars, offices, "
          "allowances, gifts, banquets), the four undesirable styles (formalism, bureaucratism, "
          "hedonism, extravagance), meetings and paperwork burdening the grass roots, shirking "
          "and inaction, working, study and writing style, attitude to serving the public, work "
          "discipline. 四风 (2013–), 作风建设"),
    Theme("integrity", "纪律与廉洁", "Discipline and integrity",
          "廉洁纪律、群众纪律、生活纪律、财经纪律；腐败、以权谋私、利益输送、违规经商兼职、侵害群众利益；"
          "资金、资产、财务、采购招投标、合同管理不规范；纪律意识与警示教育 / Integrity, mass, "
          "private-life and financial discipline; corruption, abuse of office, conflicts of "
          "interest, business and side jobs, harm to the public's interests; irregular handling "
          "of funds, assets, accounts, procurement, tenders and contracts; awareness of "
          "discipline and warning education. 六项纪律 (political, organizational and work "
          "discipline go to their own themes), 反腐败, 纪律建设"),
    Theme("responsibility", "全面从严治党主体责任", "Party committees' responsibility for strict governance",
          "党委（党组）主体责任和纪委（纪检组）监督责任（“两个责任”）、一岗双责、第一责任人、党风廉政"
          "建设责任制、管党治党、压力传导、监督执纪“四种形态”、问责、对下属单位和“关键少数”的日常监督、"
          "政治生态 / The committee's primary responsibility and the discipline body's supervisory "
          "responsibility (the 两个责任), leaders' dual duties, the first responsible person, "
          "the responsibility system for clean government, governing the party, passing pressure "
          "down, the four forms of oversight, accountability, day-to-day supervision of "
          "subordinate units and key officials, the political ecology. 全面从严治党不力 "
          "(2016–17), 落实全面从严治党战略部署 (2018–)"),
    Theme("duties", "履行职能与主责主业", "The unit's own duties and core work",
          "单位本身的职能职责和业务：行业监管、执法、审批与服务、项目建设、安全生产、民生、信访与社会"
          "治理、招商与营商环境、债务、土地与环境、教学科研医疗、档案与内部管理制度 / The unit's "
          "own functions and business: sector supervision, law enforcement, approvals and "
          "services, projects, work safety, livelihoods, petitions and social governance, "
          "investment and business environment, debt, land and environment, teaching, research "
          "and health care, records and internal rules. 四个落实 reads them under the first "
          "落实 (紧扣职能责任); they are apart here so that a unit's work can be told from its "
          "politics"),
    Theme("rectification", "巡视巡察与审计整改", "Rectifying earlier inspections and audits",
          "上轮巡视巡察、审计、督察反馈问题整改不到位，整改主体责任，虚假整改、答题式整改、屡改屡犯，"
          "巡视巡察成果运用和移交问题线索处置 / Findings of earlier inspections, audits and "
          "central reviews (督察) left unrectified; responsibility for rectification; sham, "
          "box-ticking or relapsing rectification; use of inspection results and of the problem "
          "clues handed over. The fourth of the 四个落实 (落实巡视整改, 2018–)"),
    Theme("other", "其他", "Other",
          "报告列在“其他方面”“其他问题”下且文字看不出主题的问题 / A finding the report files "
          "under 其他 (other) whose own text names no theme"),
)
CODES = frozenset(t.code for t in THEMES)

# Tiers: a lower one is more specific and wins. In a heading, only a SPECIFIC or BROAD cue that
# is not an umbrella names a theme outright; anything else is a fallback for the finding's text.
EARLIER, SPECIFIC, BROAD, GENERAL = 0, 1, 2, 3


@dataclass(frozen=True)
class Cue:
    theme: str
    tier: int
    pattern: re.Pattern[str]
    umbrella: bool = False  # a heading naming only a broad area: 全面从严治党方面, 其他方面
    heading_only: bool = False


def _cue(theme: str, tier: int, words: str, umbrella: bool = False,
         heading_only: bool = False) -> Cue:
    """A cue from its words: regular expressions separated by blanks, any one matching."""
    assert theme in CODES, theme
    return Cue(theme, tier, re.compile("|".join(words.split())), umbrella, heading_only)


CUES: tuple[Cue, ...] = (
    # Earlier inspections, audits and reviews and their rectification: the problem is that a
    # known problem was not fixed, whatever its subject (选人用人 flagged again → here).
    _cue("rectification", EARLIER,
         "(?:巡视|巡察|审计|督察|督查)(?:组|机构)?(?:反馈|指出|发现|交办|移交)?的?(?:意见|问题|事项|线索)*的?整改 "
         "(?:巡视|巡察|审计|督察|督查)(?:组|机构)?(?:反馈|指出|发现|交办|移交)的?(?:意见|问题|事项|线索) "
         "(?:巡视|巡察|审计|督察|督查)(?:组|机构)?(?:反馈|指出|交办|移交)的.{1,20}?问题 [上前](?:一)?[轮次届](?:巡视|巡察|审计|督察) "
         "回头看 答题式 (?<!隐患)整改(?:不到位|不彻底|不力|不及时|不扎实|不深入|落实不|主体责任|责任|任务|事项|台账|销号|成效|效果|长效|方案|工作) "
         "(?:巡视|巡察)期间 立行立改 (?:虚假|表面|敷衍|纸面|选择性)整改 屡改屡犯 (?:巡视|巡察)成果运用 指出的?(?:问题|意见)的?整改"),
    _cue("rectification", BROAD, "(?<!隐患)整改"),
    # The party's leadership, central decisions and the campaigns the Centre ordered.
    _cue("political", SPECIFIC,
         "习近平 党中央 决策部署 重大部署 路线方针政策 方针政策 指示批示 重要指示 重要讲话 重要论述 (?:中央|上级|会议|全会|文件)精神 "
         "(?:省委|市委|县委|区委|州委|上级)的?(?:工作)?要求 部署要求 上级交办 政治安全 国家安全 第一议题 碳达峰 碳中和 双碳 "
         "(?:二十|十九|十八|十七)(?:大|届) 两个维护 两个确立 四个意识 四个自信 政治纪律 政治规矩 政治站位 政治建设 政治属性 "
         "政治(?:判断力|领悟力|执行力) 发展理念 新发展格局 扫黑除恶 脱贫攻坚 精准扶贫 乡村振兴 污染防治 攻坚战 疫情防控 防范化解重大风险 国家战略 重大战略 "
         "党(?:中央)?对.{0,10}?的?(?:全面|绝对)?领导 党的(?:全面|绝对)?领导 不传达 传达学习 (?:贯彻|执行)(?:落实)?上级 "
         "(?:中央|上级|省委|市委|县委|区委)(?:关于.{1,20}?|工作)?的?(?:部署|安排)"),
    _cue("political", BROAD,
         "领导核心作用 领导作用 核心作用 把方向 管大局 保落实 统揽全局 协调各方 (?<!战略)部署 打折扣 搞变通 做选择 请示报告 大局意识 看齐意识 核心意识 站位 "
         "贯彻 高质量发展 政治(?:意识|担当|能力|敏锐|责任感|自觉|立场|方向|原则|觉悟|判断)"),
    # Study, ideology, propaganda and the outlets it runs.
    _cue("ideology", SPECIFIC,
         "意识形态 理论学习 中心组 学习教育 理论武装 宣传思想 思想政治工作 理想信念 舆情 舆论 (?:网络|宣传|思想|文化)阵地 新闻宣传 宗教 思想建设 "
         "学习(?:制度|计划) 专题学习 党史学习 主题教育 公众号 网站 新媒体 网上 网络 言论 刊物 出版 讲座 论坛 报告会 宣传栏 展板 宣传品 党报 党刊"),
    _cue("ideology", BROAD, "学习(?!贯彻) 思想(?:认识|自觉|教育|动态|觉悟)"),
    # Party organizations and their life, members, cadres and staffing.
    _cue("organization", SPECIFIC,
         "选人用人 选拔任用 干部(?:选任|任用|任免|选拔|队伍|管理|监督|教育|培养|培训|交流|档案) 提拔 任职试用期 职级晋升 超职数 三超两乱 超编 在编 空编 "
         "编制(?:管理|使用|外|内) 人事档案 三龄二历 个人有关事项 轮岗 回避制度 组织生活 三会一课 主题党日 民主生活会 党内政治生活 民主集中制 一言堂 基层党组织 "
         "支部 党组织(?:建设|作用|书记) 组织建设 软弱涣散 换届 发展党员 党员发展 入党 党员(?:教育|管理) 流动党员 党费 党务 党建 组织路线 组织纪律 "
         "年轻干部 后备干部 人才 借调 抽调 借用.{0,8}人员 编外 临聘 进人 招录 招聘 组织关系 调动 调入 调任 班子建设 团结"),
    _cue("organization", BROAD, "三重一大 集体(?:研究|决策) 议事 上会 党[委组]会 领导班子 班子成员 人事 回避"),
    _cue("organization", GENERAL, "干部 党员"),
    _cue("organization", BROAD, "党的建设", umbrella=True),
    # The eight rules, the four styles, paperwork and attitude.
    _cue("conduct", SPECIFIC,
         "八项规定 四风 形式主义 官僚主义 享乐主义 奢靡 铺张浪费 公务接待 接待 招待 公车 公务用车 车辆 办公用房 津补贴 津贴补贴 违规发放(?:津贴|补贴|奖金) "
         "福利 礼品 礼金 红包 宴请 吃喝 公款旅游 高消费 文山会海 会议多 文件多 检查考核 基层负担 减负 为官不为 不作为 慢作为 乱作为 不担当 庸懒散 慵懒 懒政 "
         "作风 学风 文风 会风 门难进 脸难看 事难办 调查研究 调研 脱离群众 宗旨意识 (?:服务|为民)(?:群众)?意识 群众观念 工作纪律 迟到 早退 脱岗 离岗 "
         "上班时间 师德 购物卡 消费卡 节假日 节日期间 以会议落实会议 以文件落实文件 层层加码 填表报数 台账过多 疲于应付 过度留痕 痕迹管理 深入基层 下基层 深入一线 "
         "超标准 超规格 办公设备 私人消费 公款消费 服务态度 态度生硬 冷硬横推 躺平 婚丧喜庆 操办 过紧日子 三公 脱离实际 弄虚作假 造假 照抄照搬 照搬照抄 "
         "上下一般粗"),
    _cue("conduct", BROAD, "担当 推诿 扯皮 敷衍 精神状态 精神懈怠 得过且过 心态 工作标准 拖拉 拖沓"),
    # Corruption, discipline, and the handling of money and assets.
    _cue("integrity", SPECIFIC,
         "腐败 廉洁 廉政风险 以权谋私 谋取私利 谋取利益 谋利 利益输送 权钱交易 受贿 行贿 侵占 挪用 套取 截留 虚报冒领 骗取 贪污 小金库 私设 违纪违法 违法违纪 "
         "纪律意识 纪律规矩 规矩意识 纪律建设 纪律审查 廉洁纪律 财经纪律 群众纪律 生活纪律 警示教育 以案促改 以案为鉴 身边案 经商办企业 兼职取酬 违规兼职 插手 "
         "吃拿卡要 优亲厚友 雁过拔毛 微腐败 蝇贪 不正之风 侵害群众利益 干预司法 正风肃纪 职务便利 虚增 虚列 虚报 超付 多支付 多付 冒领 经商 办企业 配偶子女 "
         "亲属 特定关系人 人情 关系保 关系户 不透明 暗箱操作 职权 亲友 承揽 提供便利 谋取 财物"),
    _cue("integrity", BROAD,
         "财务 财政 会计 资金 资产 三资 账目 账务 账外 报销 票据 发票 预算 经费 列支 收费 招投标 招标 投标 采购 合同 国有资本 基金 内控 内部控制 专款 "
         "收支 费用 款项 公款 往来款 账户 开户 工程款 工程量 结算 工程变更 变更签证 重点领域 关键环节 关键岗位"),
    _cue("integrity", GENERAL, "违规 违纪 违法 纪律"),
    _cue("integrity", SPECIFIC, "其他纪律", umbrella=True),
    # The committee's and the discipline body's responsibility, oversight, accountability.
    _cue("responsibility", SPECIFIC,
         "主体责任 两个责任 监督责任 一岗双责 第一责任 党风廉政建设责任制 管党治 压力传导 责任传导 层层递减 四种形态 监督执纪 问责 责任追究 派驻 纪检组 纪委 "
         "纪检监察 反腐败协调 上热中温下冷 宽松软 失之[于以]宽 提醒谈话 廉政谈话 约谈 追责 纪律处分 处理偏轻 苗头性 倾向性 提醒纠正 咬耳扯袖 红脸出汗"),
    _cue("responsibility", SPECIFIC, "(?:全面)?从严治[党警] 政治生态 党风廉政建设", umbrella=True),
    _cue("responsibility", BROAD, "监督 关键少数 廉政"),
    # The unit's own work: named as such (BROAD), or by its sectors and tasks (GENERAL).
    _cue("duties", BROAD, "主责主业 主业 业务工作 职能职责 履职尽责 履行职能 职能作用 履行.{0,4}职责"),
    _cue("duties", GENERAL,
         "安全生产 隐患 执法 审批 招商 营商环境 债务 民生 教学 科研 医疗 医保 社保 社会保障 信访 矛盾 治理 群防群治 网格 城市管理 耕地 土地 生态环境 "
         "环境保护 环保 规划 征地 拆迁 项目 进度 业务 职能 职责 履职 监管 服务 效能 效率 档案 统计 信息化 集体经济 村务 政务公开 改革 发展 管理 制度 企业 "
         "改制 遗留问题 闲置 工程 供水 水利 交通 道路 公路 住房 教育 就业 养老 医院 学校 环境 低保 救助 食品 药品 抽检 检验 检测 防汛 抗旱 应急 储备 "
         "防灾 减灾 征收 补偿 精准 农民工 欠薪 工资 窗口 办事 流程 风险 排查 金融 集资 审判 执行难 案件 诉讼"),
    _cue("duties", GENERAL, "制度建设", umbrella=True),
    # A heading that says 其他 only: what its text leaves unthemed is 'other'.
    _cue("other", SPECIFIC, "其[他它]", umbrella=True, heading_only=True),
)


@dataclass(frozen=True)
class _Hit:
    cue: Cue
    start: int
    length: int

    @property
    def rank(self) -> tuple[int, int, int]:
        return self.cue.tier, self.start, -self.length


def _best(text: str | None, cues: tuple[Cue, ...]) -> Cue | None:
    """The winning cue in text: lowest tier, then earliest, then longest."""
    if not text:
        return None
    hits = [_Hit(c, m.start(), m.end() - m.start())
            for c in cues if (m := c.pattern.search(text))]
    return min(hits, key=lambda h: h.rank).cue if hits else None


_TEXT_CUES = tuple(c for c in CUES if not c.heading_only)
_NAMING_CUES = tuple(c for c in CUES if not c.umbrella and c.tier <= BROAD)


def heading_theme(category: str | None) -> tuple[str | None, str | None]:
    """(the theme a heading names outright, the broad area it falls back to): at most one is
    set. 执行廉洁纪律方面 names integrity; 全面从严治党方面 only falls back to responsibility."""
    named = _best(category, _NAMING_CUES)
    if named:
        return named.theme, None
    broad = _best(category, CUES)
    return None, broad.theme if broad else None


def text_theme(text: str | None) -> str | None:
    cue = _best(text, _TEXT_CUES)
    return cue.theme if cue else None


def classify(category: str | None, title: str, description: str | None = None,
             recommendation: str | None = None, parent: str | None = None) -> str | None:
    """The theme code of one finding (see the module's rules); `parent` is a sub-problem's
    parent's theme. None when neither heading nor text names one."""
    named, fallback = heading_theme(category)
    return (named or text_theme(title) or text_theme(description)
            or text_theme(recommendation) or parent or fallback)
