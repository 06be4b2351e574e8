"""Text normalization: the one canonical form every span and every stored value refers to.

Reports mix full- and half-width punctuation, arrive in traditional characters, carry pinyin
glosses glued after characters (領(lǐng)導(dǎo)) and the web page's chrome (breadcrumbs, share
buttons, print/close links). All of that is removed here, before any extraction, but for what
a page's metadata says about when and by whom the report was published (see page_meta).
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import opencc

from .page_meta import kept_fields

# A pinyin syllable gloss such as (lǐng) or (dǎo): Latin letters with at least one tone mark.
# Some pages lose the opening parenthesis to an encoding error ("?zhèn)"); drop that too.
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_PINYIN_GLOSS = re.compile(
    rf"[(?](?=[a-zü{_TONED}]*[{_TONED}])[a-zü{_TONED}]{{1,7}}\)"
)

# Page controls printed as bare or bracketed words: 【打印】【关闭】, [返回顶部], 字体:大 中 小.
_CONTROL = r"(?:打印本页|打印|关闭窗口|关闭|加入收藏|收藏|返回顶部|返回|分享|纠错|字体|默认|[大中小])"

# Lines that belong to the web page, not the report: navigation, share buttons, print links,
# page metadata. Matched by shape, not by any one site's wording.
_CHROME_LINE = re.compile(
    rf"""^(?:
        (?:当前|您现在的|您的|你的|所在)位置|[\u4e00-\u9fff]{{0,6}}位置\s*:|首页\s*[>»›]   # breadcrumbs
      | .*扫一扫.*分享 | 分享到 | .*分享至(?:朋友圈|微信|微博)      # share buttons
      | (?:[【\[(]?{_CONTROL}[】\])]?[\s:]*)+$                     # 【打印】【关闭】 and the like
      | 字号\s*[:]?\s*(?:[大中小]|默认)                         # font-size switchers
      | (?:上一篇|下一篇)\s*[:]
      | 相关(?:链接|阅读|新闻)\s*$
    )""",
    re.VERBOSE,
)

# Runs of blanks become one space; a space can separate a byline's unit from its author.
_BLANKS = re.compile(r"[ \t\u3000]+")
# NFKC would turn the list marker ① into a bare 1 glued to the text; keep circled numbers.
_CIRCLED = re.compile(r"[①-⑳]")
# Zero-width characters and soft hyphens; a regex finds them far faster than str.translate
# walks a text of Chinese characters.
_INVISIBLE = re.compile("[\ufeff\u200b\u200c\u200d\u2060\u00ad]")


@lru_cache(maxsize=1)
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def _nfkc_keeping_circled(text: str) -> str:
    pieces, pos = [], 0
    for m in _CIRCLED.finditer(text):
        pieces += [unicodedata.normalize("NFKC", text[pos : m.start()]), m.group()]
        pos = m.end()
    pieces.append(unicodedata.normalize("NFKC", text[pos:]))
    return "".join(pieces)


def simplify(text: str) -> str:
    """NFKC (but ①) and simplified characters: how any text, a query too, is compared."""
    return _t2s().convert(_nfkc_keeping_circled(text))


def normalize(raw: str) -> str:
    """Return the canonical text: NFKC (but ①), simplified, glosses and chrome dropped, one line a paragraph."""
    text = _INVISIBLE.sub("", raw).replace("\r\n", "\n").replace("\r", "\n")
    text = _PINYIN_GLOSS.sub("", _nfkc_keeping_circled(text))
    text = _t2s().convert(text)
    lines = []
    for line in text.split("\n"):
        line = _BLANKS.sub(" ", line).strip()
        if not line or _CHROME_LINE.match(line):
            continue
        fields = kept_fields(line)
        lines += [line] if fields is None else fields
    return "\n".join(lines)
