"""PDF files with a text layer, as offices print reports: lines wrapped at the page width,
running headers and page numbers on every page.

Lines are joined back into paragraphs by their geometry: a line that reaches the right margin
continues on the next one unless that one starts indented (a new paragraph) or in another font
size (a heading). Without that, numbered items broken mid-sentence parse as new findings.
Built on pdfplumber (pdfminer.six): on the seed reports printed four ways it gave the .txt's
parse exactly in 20 of 20 PDFs; PDFium (pypdfium2) was eight times faster but lost characters
at line ends with fonts that are not embedded, and pypdf's plain text could not be unwrapped
reliably (2 of 20).
"""
from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass

import pdfplumber
from pdfplumber.utils.exceptions import PdfminerException

from . import ExtractError, Extracted

# 第 3 页, 第3页 共10页, - 3 -, — 3 —, 3/10, 3, Page 3 of 10
_PAGE_NUMBER = re.compile(
    r"第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|[-—–－]\s*\d+\s*[-—–－]|\d+(?:\s*/\s*\d+)?"
    r"|page\s*\d+(?:\s*of\s*\d+)?", re.IGNORECASE)
_DETACHED = 1.5  # line pitches between a running header or footer and the text
_FULL = 2  # character widths: how far short of the margin a full line may end


@dataclass
class _Line:
    text: str
    x0: float
    x1: float
    top: float
    size: float  # to half a point: the first character's size, give or take rounding noise
    lead: float  # width of its first unbreakable run: one Chinese character, or a latin word


def extract(data: bytes) -> Extracted:
    pages = _pages(data)
    lines = [line for page in pages for line in page]
    if not lines:
        raise ExtractError("no text layer: a scanned PDF needs OCR first, which xunshi does not do")
    kept = [line for page in _without_running(pages, _body_size(lines)) for line in page]
    return Extracted(_paragraphs(kept, _body_size(kept)) if kept else "", "pdf")


def _body_size(lines: list[_Line]) -> float:
    """The font size most of the text is set in."""
    return Counter(line.size for line in lines).most_common(1)[0][0]


def _pages(data: bytes) -> list[list[_Line]]:
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            return [[_Line(line["text"].strip(), line["x0"], line["x1"], line["top"],
                           round(line["chars"][0]["size"] * 2) / 2, _lead(line["chars"]))
                     for line in page.extract_text_lines() if line["text"].strip()]
                    for page in pdf.pages]
    except Exception as e:  # pdfminer raises a zoo of exception types on damaged files
        reason = str(e) if isinstance(e, PdfminerException) else f"{type(e).__name__}: {e}"
        raise ExtractError(f"not a readable PDF: {reason}") from e


# 一、 (二) （三） 4. 5、 6。: how numbered headings and items begin a line (一是, 第一 run on
# inside paragraphs as often)
_ITEM = re.compile(r"[一二三四五六七八九十]+、|[(（][一二三四五六七八九十\d]+[)）]|\d+[.．、。](?!\d)")
_UNBREAKABLE = re.compile(r"[!-~\u00c0-\u024f]")  # latin letters with accents, digits, ASCII marks


def _lead(chars: list[dict]) -> float:
    """How wide the line's first unbreakable run is: wrapping moves a latin word or a number
    (or a pinyin gloss, `(xué)`) to the next line whole, leaving the line before that short."""
    run = [c for c in chars if not c["text"].isspace()]
    end = run[0]["x1"]
    if _UNBREAKABLE.fullmatch(run[0]["text"]):
        for c in run[1:]:
            if not _UNBREAKABLE.fullmatch(c["text"]):
                break
            end = c["x1"]
    return end - run[0]["x0"]


def _without_running(pages: list[list[_Line]], size: float) -> list[list[_Line]]:
    """Pages without their page numbers and running headers and footers: the first or last
    line when it is a page number, or when it recurs on at least half the pages (page numbers
    aside) set apart from the text by its font size or a wide gap."""
    def key(line: _Line) -> str:
        return re.sub(r"\d+", "#", line.text.replace(" ", ""))

    firsts = Counter(key(p[0]) for p in pages if p)
    lasts = Counter(key(p[-1]) for p in pages if p)
    recurring = max(2, len(pages) / 2)
    pitch = _line_pitch(pages)

    def running(line: _Line, neighbour: list[_Line], repeats: int) -> bool:
        if _PAGE_NUMBER.fullmatch(line.text):
            return True
        gap = min((abs(line.top - n.top) for n in neighbour), default=float("inf"))
        return repeats >= recurring and (line.size != size or gap > _DETACHED * pitch)

    kept = []
    for page in pages:
        if page and running(page[0], page[1:2], firsts[key(page[0])]):
            page = page[1:]
        if page and running(page[-1], page[-2:-1], lasts[key(page[-1])]):
            page = page[:-1]
        kept.append(page)
    return kept


def _line_pitch(pages: list[list[_Line]]) -> float:
    """The usual distance between consecutive lines of text."""
    gaps = Counter(round(b.top - a.top) for page in pages for a, b in zip(page, page[1:])
                   if b.top > a.top)
    return gaps.most_common(1)[0][0] if gaps else 0.0


def _margin(ends: list[float], slack: float) -> float:
    """Where full lines end, at the least: the start of the `slack`-wide band that most line
    ends fall in. Wrapping leaves a full line up to a character or two short of the margin (a
    number is not split, a comma may not start a line), and a line may overrun it (punctuation
    hung in the margin, a long address), so the rightmost end is no measure."""
    best, start = 0, 0
    for stop, end in enumerate(ends):
        while ends[start] < end - slack:
            start += 1
        if stop - start >= best:
            best, margin = stop - start, end - slack
    return margin


def _paragraphs(lines: list[_Line], size: float) -> str:
    """Wrapped lines joined back into paragraphs, one a line."""
    body = [line for line in lines if line.size == size]
    left = Counter(round(line.x0) for line in body).most_common(1)[0][0]
    full = _margin(sorted(line.x1 for line in body), _FULL * size)
    indented = any(left + size < line.x0 <= left + 4 * size for line in body)
    out: list[str] = []
    prev: _Line | None = None
    for line in lines:
        continues = (prev is not None and prev.size == line.size == size
                     and prev.x0 <= left + 2.5 * size  # not a right-aligned signature
                     and prev.x1 + max(0.0, line.lead - size) >= full
                     and line.x0 <= left + 0.5 * size  # not indented: no new paragraph
                     # without indents, a numbered item starts one all the same
                     and (indented or not _ITEM.match(line.text)))
        if continues:  # no space: Chinese wraps anywhere, even inside numbers and e-mails
            out[-1] += line.text
        else:
            out.append(line.text)
        prev = line
    return "\n".join(out)
