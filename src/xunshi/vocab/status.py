"""Status codes: how far a rectification report says a finding's rectification has got.

`Finding.status` keeps the words as printed (已整改到位, 已于5月份全部整改到位, 长期坚持, 正在送审中
…); `status_code` reduces them to four codes an analyst can count:

- `done`: the unit says it is fixed, fully or basically (已完成, 整改到位, 已办结, 已销号, 基本完成);
- `in_progress`: under way or partly done (正在…, 整改中, 推进中, 部分完成, 阶段性, 未完成);
- `ongoing`: to be kept up for good (长期坚持, 持续推进, 持续整改, 常态化);
- `not_started`: not begun (未启动, 未开展, 尚未整改);
- None: the report says nothing, or a word that is none of these (a deadline such as 2020年底前).

Rules are tried in the order not_started, ongoing, in_progress, done, so that a negation or a
qualifier outranks the word it qualifies: 尚未整改到位 is under way, not done; 已完成阶段性任务
is under way; 已完成并长期坚持 and 持续推进中 are ongoing. A feedback report lists problems only:
whatever its text says about progress is part of the problem (正在建设的项目…), so its findings
get no status code.

Where the parser read no status, a finding whose text closes with a bare status remark
(…修订了管理办法,已完成。 / …尚未启动。) gets the code of that remark: only a last clause that
is nothing but a status counts, so a measure such as 已完成全员培训 does not.
"""
from __future__ import annotations

import re

STATUS_CODES = ("done", "in_progress", "ongoing", "not_started")

_WORDS = (  # tried in this order
    ("not_started", r"未(?:启动|开始|开展|着手|实施)|未整改(?!到位|完毕|完成)|暂缓"),
    ("ongoing", r"长期|持续|常态化|久久为功|动态清零"),
    ("in_progress", r"正在|(?:整改|推进|进行|办理|落实|实施|建设|审批|送审)中"
                    r"|部分(?:完成|整改|到位)|阶段性|未(?:完成|整改到位|全部|办结|到位)|逐步|分步"),
    ("done", r"已.{0,10}?(?:完成|到位|完毕|办结|销号|整改|解决|清退|落实)"
             r"|(?:整改|全部|基本)(?:完成|到位|完毕)|^(?:完成|办结|销号)"),
)
_RULES = tuple((code, re.compile(words)) for code, words in _WORDS)

# A clause that is a status remark and nothing else.
_REMARK = re.compile(
    r"(?:目前|现|截至目前)?(?:已经?|均已|全部|基本){0,2}"
    r"(?:整改到位|整改完毕|完成整改|整改完成|完成|办结|销号|到位)"
    r"|(?:需|须|将|仍需)?(?:长期坚持|长期推进|持续推进|持续整改|常态化推进)"
    r"|(?:正在|仍在)(?:整改|推进|落实|实施)中?|(?:整改|推进)中"
    r"|(?:尚|暂|还)?未(?:启动|开始|开展|完成|整改到位|整改)")
_CLAUSE_END = re.compile(r"[,。;:!?\n]")


def closing_remark(text: str | None) -> str | None:
    """The last clause of `text` when it is a bare status remark, else None."""
    if not text:
        return None
    last = _CLAUSE_END.split(text.strip(" \t\n,。;:"))[-1].strip()
    return last if _REMARK.fullmatch(last) else None


def status_code(status: str | None, doc_type: str | None,
                closing_text: str | None = None) -> str | None:
    """The code for a finding's printed status in a report of this type, else for the bare
    status remark closing `closing_text` (its last measure); None when neither says anything
    a code stands for."""
    if doc_type == "feedback":
        return None
    said = status or closing_remark(closing_text)
    return next((code for code, rule in _RULES if rule.search(said)), None) if said else None
