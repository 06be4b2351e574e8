"""Report files made from the seed texts the way reports are really published: re-encoded,
wrapped in a government site's page, written as Word and as a printed PDF.

Every fixture comes with the text its report must parse as: the seed itself, or for a seed
that opens with its body, the seed under the headline the page or document adds.
"""
from __future__ import annotations

import html
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import docx
import opencc
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate

from tests.conftest import SEEDS
from xunshi.parse import parse

SEED_FILES = sorted(SEEDS.glob("*.txt"))
# For seeds that open with their body: a headline of the report's own kind, which keeps its
# document type (and so its findings) as the bare text has them.
HEADLINES = {"feedback": "关于巡察情况反馈的通报", "rectification": "关于巡察整改情况的公告"}


@dataclass(frozen=True)
class Seed:
    name: str
    title: str
    lines: list[str]  # the body, one paragraph a line, without the title

    @property
    def text(self) -> str:
        """What every format of this seed must parse as."""
        return "\n".join([self.title, *self.lines])


@cache
def seeds() -> list[Seed]:
    out = []
    for path in SEED_FILES:
        raw = path.read_text("utf-8")
        lines = [line.strip() for line in raw.split("\n") if line.strip()]
        doc = parse(raw)
        if doc.title == lines[0]:
            out.append(Seed(path.stem, lines[0], lines[1:]))
        else:
            out.append(Seed(path.stem, HEADLINES[doc.doc_type or "rectification"], lines))
    return out


# --- encodings ------------------------------------------------------------------------------

_S2TW = opencc.OpenCC("s2tw")  # Taiwan forms: 為 群 眾, which Big5 has (s2t's 爲 羣 衆 it lacks)
_PINYIN_GLOSS = re.compile(r"[(?][a-z\u00e0-\u01dc]{1,7}\)")  # 領(lǐng): no Big5 for ǐ


def traditional(text: str) -> str:
    """The text as a Taiwan or Hong Kong site would print it, encodable in Big5."""
    return _PINYIN_GLOSS.sub("", _S2TW.convert(text))


ENCODINGS: dict[str, Callable[[str], bytes]] = {
    "utf-8": str.encode,
    "utf-8-sig": lambda t: t.encode("utf-8-sig"),
    "gb18030": lambda t: t.encode("gb18030"),
    "gbk": lambda t: t.encode("gbk"),
    "utf-16": lambda t: t.encode("utf-16"),  # little-endian with a byte-order mark
    "utf-16-be-bom": lambda t: "\ufeff".encode("utf-16-be") + t.encode("utf-16-be"),
    "utf-16-le": lambda t: t.encode("utf-16-le"),
    "utf-16-be": lambda t: t.encode("utf-16-be"),
}


def big5(text: str) -> bytes:
    return text.encode("cp950")


# --- web pages ------------------------------------------------------------------------------

SITE = "中共娄星市纪律检查委员会 娄星市监察委员会"
_NAV = ["首页", "要闻动态", "巡视巡察", "审查调查", "党纪法规", "廉政文化", "举报指南", "网上举报"]
# Chrome that would change the parse if it leaked: other reports' headlines, phone numbers.
_SIDEBAR = ["市委第三巡察组向市交通运输局党组反馈巡察情况", "关于十届市委第五轮巡察整改情况的通报",
            "市纪委监委通报3起违反中央八项规定精神问题", "联系电话：0738-8888888"]
_RELATED = [f"市委第{n}巡察组向被巡察单位党组织反馈巡察情况并移交问题线索" for n in "一二三四五六七八"]
_FOOTER = ("主办单位：中共娄星市纪律检查委员会 娄星市监察委员会 地址：娄星市长青中街1号 邮编：417000<br>"
           "联系电话：0738-8222222 电子邮箱：jw@lx.gov.cn 版权所有 湘ICP备05001234号-1 "
           "网站标识码：4313000001<br>湘公网安备 43130202000123号 建议使用1280×768分辨率浏览")
_SCRIPT = ("<script>var _hmt=_hmt||[];(function(){var hm=document.createElement('script');"
           "hm.src='https://hm.example.cn/hm.js';document.body.appendChild(hm);})();"
           "function doZoom(n){document.getElementById('zoom').style.fontSize=n+'px';}"
           "var tip='感谢您的访问，欢迎监督举报';</script>")
_STYLE = "<style>body{font-family:'微软雅黑'} .nav li{float:left} .footer{color:#666}</style>"
_HAN = re.compile(r"[\u4e00-\u9fff]")
_OUTLINE = re.compile(r"^(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）])")


def _e(text: str) -> str:
    return html.escape(text, quote=False)


def _head(title: str, charset: str, http_equiv: bool) -> str:
    meta = (f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">'
            if http_equiv else f'<meta charset="{charset}">')
    return (f'<!DOCTYPE html>\n<html lang="zh-CN"><head>{meta}\n<title>{_e(title)}_{SITE}</title>'
            f'<meta name="description" content="{_e(title)}">{_STYLE}{_SCRIPT}</head>\n')


def _top() -> str:
    nav = "".join(f'<li><a href="/c{n}/">{_e(x)}</a></li>' for n, x in enumerate(_NAV))
    return (f'<body><div class="top"><img src="/logo.png" alt="{SITE}">'
            '<input type="text" value="请输入关键字"><button>搜索</button></div>\n'
            f'<div class="nav"><ul>{nav}</ul></div>\n<div class="position">当前位置：'
            '<a href="/">首页</a> &gt; <a href="/xsxc/">巡视巡察</a> &gt; 整改公开</div>\n')


def _bottom() -> str:
    side = "".join(f'<li><a href="/a/{n}.html">{_e(x)}</a></li>' for n, x in enumerate(_SIDEBAR))
    return ('<div class="tools">【<a href="javascript:print()">打印本页</a>】'
            '【<a href="javascript:close()">关闭窗口</a>】</div>\n<div class="prev-next">'
            '<p>上一篇：<a href="/a/9.html">市委巡察办召开巡察工作推进会</a></p>'
            '<p>下一篇：<a href="/a/11.html">市委第二巡察组进驻市财政局开展巡察</a></p></div></div>\n'
            f'<div class="side"><h3>热点文章</h3><ul>{side}</ul></div>\n'
            f'<div class="footer"><p>{_FOOTER}</p></div>\n{_SCRIPT}</body></html>\n')


def cms_page(seed: Seed, charset: str = "utf-8") -> str:
    """A content management system's article page: <h1>, a metadata line, one <p> a line."""
    body = "\n".join(f'<p style="text-indent:2em">\u3000\u3000{_e(x)}</p>' for x in seed.lines)
    return (_head(seed.title, charset, False) + _top()
            + f'<div class="main"><div class="article"><h1>{_e(seed.title)}</h1>'
            '<div class="info">发布时间：2020-05-12 10:21 来源：娄星市纪委监委 浏览次数：1234 字体：'
            '[<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>]</div>\n'
            f'<div class="TRS_Editor" id="zoom">\n{body}\n</div></div>\n' + _bottom())


def word_paste_page(seed: Seed, charset: str = "gbk") -> str:
    """An older site: layout tables, paragraphs pasted from Word (MsoNormal spans, a source
    line break inside each paragraph between two Chinese characters)."""
    def para(x: str) -> str:
        cut = next((i for i in range(len(x) // 3, len(x) - 1)
                    if _HAN.match(x[i - 1]) and _HAN.match(x[i])), len(x))
        return ('<p class="MsoNormal" style="text-indent:32.0pt">'
                f'<span style="font-family:仿宋_GB2312">{_e(x[:cut])}\n</span>'
                f'<span style="font-family:仿宋_GB2312">{_e(x[cut:])}</span></p>')
    return (_head(seed.title, charset, True) + _top()
            + '<table width="1000"><tr><td width="760"><table width="100%">'
            f'<tr><td class="title"><b><span style="font-size:22pt">{_e(seed.title)}</span></b></td></tr>'
            '<tr><td class="date">2020年05月12日 来源：市委巡察办</td></tr>\n'
            f'<tr><td class="content">{"".join(map(para, seed.lines))}</td></tr></table></td>'
            '<td width="240">' + _bottom().replace("</body>", "</td></tr></table></body>"))


def br_page(seed: Seed, charset: str = "gb2312") -> str:
    """A bare page: the text in one <div>, lines separated by <br>, &nbsp; indents."""
    body = "<br>\n".join(f"&nbsp;&nbsp;&nbsp;&nbsp;{_e(x)}<br>" for x in seed.lines)
    return (_head(seed.title, charset, True) + _top()
            + f'<div class="con"><div class="bt">{_e(seed.title)}</div><div class="nr">{body}</div>\n'
            + _bottom())


def html5_page(seed: Seed, charset: str = "utf-8") -> str:
    """Semantic HTML5: a <div> a line, outline headings as <h3>, related reading after."""
    def block(x: str) -> str:
        if _OUTLINE.match(x) and len(x) < 40:
            return f"<h3>{_e(x)}</h3>"
        return f'<div class="para"><span>{_e(x)}</span></div>'
    related = "".join(f'<li><a href="/r/{n}.html">{_e(x)}</a><span>2020-0{n + 1}-1{n}</span></li>'
                      for n, x in enumerate(_RELATED))
    nav = "".join(f"<li><a href='#'>{_e(x)}</a></li>" for x in _NAV)
    return (_head(seed.title, charset, False)
            + f'<body><header><div class="logo">{SITE}</div><nav><ul>{nav}</ul></nav></header>\n'
            '<main><div class="crumb"><a href="/">首页</a> » <a href="#">巡视巡察</a></div><article>'
            f'<h1>{_e(seed.title)}</h1><p class="meta"><time>2020-05-12</time> 来源：市委巡察办</p>'
            f'<section class="content">{"".join(map(block, seed.lines))}</section></article>'
            f'<section class="related"><h2>相关阅读</h2><ul>{related}</ul></section></main>'
            f'<footer><p>{_FOOTER}</p></footer>{_SCRIPT}</body></html>\n')


PAGES: dict[str, tuple[Callable[[Seed], str], str]] = {  # layout: (page, encoding of its bytes)
    "cms": (cms_page, "utf-8"),
    "word-paste": (word_paste_page, "gbk"),
    "br": (br_page, "gbk"),  # declared gb2312, really GBK as such sites serve
    "html5": (html5_page, "utf-8"),
}


def page_bytes(seed: Seed, layout: str) -> bytes:
    make, encoding = PAGES[layout]
    return make(seed).encode(encoding)


# --- Word -----------------------------------------------------------------------------------

def docx_bytes(seed: Seed) -> bytes:
    """A report as an office writes it: centred headline, indented paragraphs, the signature
    and date right-aligned, a running header and a page-number footer."""
    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "娄星市委巡察工作领导小组办公室"
    section.footer.paragraphs[0].text = "第 1 页"
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.add_run(seed.title).font.size = Pt(22)
    tail = _signature_start(seed.lines)
    for n, line in enumerate(seed.lines):
        paragraph = document.add_paragraph(line)
        if n >= tail:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        else:
            paragraph.paragraph_format.first_line_indent = Pt(32)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _signature_start(lines: list[str]) -> int:
    """Where the closing run of short lines (issuer, date) begins."""
    n = len(lines)
    while n > 0 and len(lines[n - 1]) <= 20 and "。" not in lines[n - 1]:
        n -= 1
    return n


# --- PDF ------------------------------------------------------------------------------------

_FONT = "STSong-Light"  # Adobe's CID font, known to every PDF reader: no font file needed
pdfmetrics.registerFont(UnicodeCIDFont(_FONT))
PAGE_NUMBERS = {"dash": "- {n} -", "di-ye": "第 {n} 页", "di-ye-gong": "第{n}页 共{total}页"}


def _wrap(text: str, width: float, size: float, indent: float) -> list[str]:
    lines, current, room = [], "", width - indent
    for ch in text:
        if pdfmetrics.stringWidth(current + ch, _FONT, size) > room:
            lines.append(current)
            current, room = "", width
        current += ch
    return [*lines, current]


def pdf_bytes(seed: Seed, page_number: str = PAGE_NUMBERS["dash"], size: float = 16,
              header: str = "娄星市委巡察工作领导小组办公室") -> bytes:
    """A report printed the way offices print them: A4, a song typeface, two-character indents,
    lines broken at the page width wherever they fall, the signature right-aligned, a running
    header and a page number on every page."""
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4)
    width, height = A4
    left, right, top, bottom = 79, 74, 100, 100
    text_width, pitch = width - left - right, size * 1.75
    pages: list[list[tuple[str, float, float, float, bool]]] = [[]]  # text, x, y, size, right
    y = height - top

    def put(text: str, x: float, font_size: float, right_aligned: bool = False) -> None:
        nonlocal y
        if y < bottom:
            pages.append([])
            y = height - top
        pages[-1].append((text, x, y, font_size, right_aligned))

    for line in _wrap(seed.title, text_width, 22, 0):
        put(line, width / 2, 22)
        y -= 22 * 1.8
    tail = _signature_start(seed.lines)
    for n, paragraph in enumerate(seed.lines):
        if n >= tail:
            put(paragraph, width - right, size, right_aligned=True)
            y -= pitch
            continue
        for k, line in enumerate(_wrap(paragraph, text_width, size, 2 * size)):
            put(line, left + (2 * size if k == 0 else 0), size)
            y -= pitch
    for number, lines in enumerate(pages, 1):
        for text, x, line_y, font_size, right_aligned in lines:
            pdf.setFont(_FONT, font_size)
            if right_aligned:
                pdf.drawRightString(x, line_y, text)
            elif font_size != size:
                pdf.drawCentredString(x, line_y, text)
            else:
                pdf.drawString(x, line_y, text)
        pdf.setFont(_FONT, 10.5)
        if header:
            pdf.drawCentredString(width / 2, height - 50, header)
        pdf.drawCentredString(width / 2, 50, page_number.format(n=number, total=len(pages)))
        pdf.showPage()
    pdf.save()
    return out.getvalue()


def flowed_pdf_bytes(seed: Seed, size: float = 12, indent: float = 0) -> bytes:
    """A report typeset by a layout engine (reportlab's platypus), as report generators and
    converters make them: text flowed into a frame, so punctuation overruns the right margin, a
    line before a number or a pinyin gloss stops short, and 10.5 pt sizes come out as
    10.4999 or 10.5001."""
    out = io.BytesIO()
    style = ParagraphStyle("body", fontName=_FONT, fontSize=size, leading=size * 1.5,
                           wordWrap="CJK", firstLineIndent=indent)
    SimpleDocTemplate(out, pagesize=A4).build(
        [Paragraph(_e(line), style) for line in [seed.title, *seed.lines]])
    return out.getvalue()


def scanned_pdf_bytes() -> bytes:
    """Pages with no text layer: only filled shapes, as a scanner's image would be."""
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4)
    for page in range(2):
        for n in range(40):
            pdf.rect(80, 760 - n * 16, 300 + (n * 37 + page) % 120, 8, fill=1)
        pdf.showPage()
    pdf.save()
    return out.getvalue()


def write(directory: Path, name: str, data: bytes) -> Path:
    path = directory / name
    path.write_bytes(data)
    return path
