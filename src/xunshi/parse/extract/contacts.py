"""Public feedback channels: phones, e-mail, postal address, postcode, website.

Reports close with a block such as `联系方式:电话0738-8328187;邮寄地址:…,邮编:417000;邮箱:…`,
on one line or several. Numbers are taken only after a label (电话, 热线, 邮编 …) inside the
same clause, so document numbers and counts in the body are never read as channels. An
e-mail address is unambiguous by its shape and is taken wherever it stands.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Contact, Span

# A clause of the closing block: labels and their values never cross `;` `。` or a line end.
_CLAUSE = re.compile(r"[^;。\n]+")

# Every label below has one of these in it: a clause without any (most of a report's) holds no
# channel but an e-mail address and is passed over at the cost of one search.
_ANY_LABEL = re.compile(r"电\s?话|热线|手机|座机|来电|联系方式|传\s?真|地址|邮政|寄|邮编|网[址站页]")

# What introduces telephone numbers (a page may space out a label: 电 话); 传真 (fax) numbers are
# a channel of their own.
_PHONE_LABEL = re.compile(r"电\s?话|热线|手机|座机|来电|联系方式|(?P<fax>传\s?真)")

# One number: a landline with area code ((0738)8328187, 0738-8328187, 0738 8328187, 022…),
# a mobile, a short hotline (12388, optionally behind an area code), or a bare local number
# that borrows the area code of the number before it (0738-8328187、8328188).
# Area codes are 010 and 02x (three digits) or 0[3-9]xx (four).
_PHONE = re.compile(
    r"(?<![\d@.])(?:"
    r"[(]?(?P<area>0(?:[12]\d|[3-9]\d\d))[)]?\s?[-—–]?\s?(?P<local>[2-9]\d{6,7}|123\d\d)"
    r"|(?P<mobile>1[3-9]\d{9})"
    r"|(?P<hotline>123\d\d)"
    r"|(?P<bare>[2-9]\d{6,7})"
    r")(?![\d@年月日])"  # 20251021日 is a date
)
# What may stand between a number and a bare local number that borrows its area code: a list's
# separator (0738-8328187、8328188; …8328187(值班) 或 8328188), not a run of words (…信访时间从…).
_BORROWS = re.compile(r"(?:[(][^()]{0,10}[)])?[\s、,;/或和及]{0,3}")

# Labels that introduce a postal address; a bare 地址 needs its colon to be a label.
# Where visitors are received (接待信访地址:某某路661号三楼会议室) is no postal address.
_ADDRESS = re.compile(
    r"(?<!接待)(?<!接访)(?<!来访)"
    r"(?:(?:邮寄地址|邮政信箱|通信地址|通讯地址|邮政地址|来信地址|信访地址|联系地址|(?:来信|信件|信函)请?寄(?:至|到)?)\s*(?:为)?\s*:?"
    r"|(?<!信访)地址\s*:)\s*"
    # the value runs to a comma, a postcode (labelled, bracketed or bare), the next label or the end
    r"(?P<value>[^,:]+?)\s*"
    # (a numbered box is the address: 某某市1960邮箱转某某收)
    r"(?=[(]?(?:邮编|邮政编码)|(?<!\d)\d{6}(?!\d)|,|$|(?:电话|热线|手机|传真|电子邮箱|(?<![\d号])邮箱|网址|(?i:e-?mail)))"
)

# The cells of a table row that follow the label: 通信地址 | 一组的信箱 | 二组的信箱 |.
_CELL = re.compile(r"[^|]+")

# What an address holds: a place or street word, or a number (怀化市…2号, 某某邮政88号信箱). A label
# naming the kind of channel in a list (设邮政信箱和电子邮箱, 邮政信箱等) is followed by none.
_ADDRESS_VALUE = re.compile(r"^(?![和与及、等])(?=.*(?:[省市县区州旗镇乡路街号巷]|\d)).{4,}")

# A postcode: labelled (邮编:417000, 邮政编码 300050, 邮政编码为215000) ...
_POSTCODE = re.compile(r"(?:邮编|邮政编码)\s*(?:[:]|为|是)?\s*(?P<code>\d{6})(?!\d)")
# ... or a bare six-digit number right after the address (…天心区纪委,410004).
_BARE_POSTCODE = re.compile(r"\s*,?\s*(?P<code>\d{6})(?!\d)")

# An e-mail address (ASCII only after NFKC); the domain needs at least one dot. It starts only
# where a token starts, so a long run of letters or digits is scanned once, not once per char.
_EMAIL = re.compile(r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")

# A website after its label: 网址:www.example.gov.cn or 网站 http://….
_WEBSITE = re.compile(
    r"(?:网址|网站|网页)\s*[:]?\s*(?P<url>(?:https?://)?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?:/[\w./?=&%-]*)?)"
)


def extract_contacts(text: str) -> list[Contact]:
    """Every distinct channel in reading order, each normalized and traced to its characters."""
    found: list[Contact] = []
    for clause in _CLAUSE.finditer(text):
        if not _ANY_LABEL.search(clause.group()):
            continue
        found.extend(_phones(clause.group(), clause.start()))
        found.extend(_postal(clause.group(), clause.start()))
        found.extend(_websites(clause.group(), clause.start()))
    found.extend(_contact(m, "email", m.group().lower()) for m in _EMAIL.finditer(text))
    found.sort(key=lambda c: c.span.start)
    return _distinct(found)


def _contact(m: re.Match[str], kind: str, value: str, group: str | int = 0, offset: int = 0) -> Contact:
    """A Contact whose raw text and span are the given regex group (shifted by the clause offset)."""
    return Contact(kind=kind, value=value, raw=m.group(group),
                   span=Span(offset + m.start(group), offset + m.end(group)))


def _phones(clause: str, offset: int) -> Iterator[Contact]:
    """Numbers after a phone label; a bare local number needs an area code seen before it."""
    labels = list(_PHONE_LABEL.finditer(clause))
    if not labels:
        return
    area, after = None, -1
    for m in _PHONE.finditer(clause, labels[0].end()):
        label = [lab for lab in labels if lab.end() <= m.start()][-1]
        kind = "fax" if label.group("fax") else "phone"
        if m.group("area"):
            area = m.group("area")
            yield _contact(m, kind, f"{area}-{m.group('local')}", offset=offset)
        elif m.group("mobile") or m.group("hotline"):
            yield _contact(m, kind, m.group(), offset=offset)
        elif area and (label.end() > after or _BORROWS.fullmatch(clause, after, m.start())):
            yield _contact(m, kind, f"{area}-{m.group('bare')}", offset=offset)
        else:
            continue
        after = m.end()


def _postal(clause: str, offset: int) -> Iterator[Contact]:
    """The address after its label and the postcode written with it or elsewhere in the clause."""
    address = _ADDRESS.search(clause)
    if address and address.group("value").startswith("|"):  # a table row: one address a cell
        for cell in _CELL.finditer(clause, address.start("value"), address.end("value")):
            value = cell.group().strip()
            if _ADDRESS_VALUE.match(value):
                at = offset + cell.start() + cell.group().index(value)
                yield Contact("postal_address", value, value, Span(at, at + len(value)))
    elif address and _ADDRESS_VALUE.match(address.group("value")):
        yield _contact(address, "postal_address", address.group("value"), "value", offset)
        bare = _BARE_POSTCODE.match(clause, address.end("value"))
        if bare:
            yield _contact(bare, "postcode", bare.group("code"), "code", offset)
    for m in _POSTCODE.finditer(clause):
        yield _contact(m, "postcode", m.group("code"), "code", offset)


def _websites(clause: str, offset: int) -> Iterator[Contact]:
    for m in _WEBSITE.finditer(clause):
        yield _contact(m, "website", m.group("url").lower(), "url", offset)


def _distinct(contacts: list[Contact]) -> list[Contact]:
    """The first occurrence of each (kind, value): a closing block often repeats a channel."""
    seen: set[tuple[str, str]] = set()
    out = []
    for c in contacts:
        if (c.kind, c.value) not in seen:
            seen.add((c.kind, c.value))
            out.append(c)
    return out
