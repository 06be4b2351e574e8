"""Web pages saved from government sites: the article and its headline, not the site around
it. The pages carry the chrome that would change the parse if it leaked: other reports'
headlines in the sidebar, phone numbers and e-mails in the footer."""
from __future__ import annotations

import pytest

from tests.sources.fixtures import PAGES, Seed, cms_page, page_bytes, seeds
from tests.sources.helpers import same_parse
from xunshi import sources


def page(data: bytes) -> sources.Extracted:
    return sources.extract(sources.Source("report.html", data))


@pytest.mark.parametrize("layout", PAGES)
@pytest.mark.parametrize("seed", seeds(), ids=lambda s: s.name)
def test_every_seed_in_every_layout_parses_as_its_text(seed: Seed, layout: str) -> None:
    text, how = page(page_bytes(seed, layout))
    assert how == {"utf-8": "html/utf-8", "gbk": "html/gb18030"}[PAGES[layout][1]]
    assert text == seed.text
    assert same_parse(text, seed.text)


def test_a_mislabelled_page_is_decoded_by_detection() -> None:
    seed = seeds()[1]
    data = cms_page(seed, charset="gb2312").encode("utf-8")  # says gb2312, is UTF-8
    assert page(data) == (seed.text, "html/utf-8")


def test_a_page_without_a_declared_charset_is_detected() -> None:
    seed = seeds()[0]
    data = cms_page(seed).replace('<meta charset="utf-8">', "").encode("gb18030")
    assert page(data) == (seed.text, "html/gb18030")


def test_the_title_comes_from_the_heading_the_title_tag_names() -> None:
    html = ("<html><head><title>关于巡察整改情况的通报 - 某某市人民政府</title></head><body>"
            "<h1>某某市人民政府</h1><div><h2>关于巡察整改情况的通报</h2>"
            "<div><p>按照市委统一部署，市委第一巡察组对市水利局进行了巡察。</p>"
            "<p>现将整改情况予以公布。</p></div></div></body></html>")
    assert page(html.encode()).text == (
        "关于巡察整改情况的通报\n按照市委统一部署，市委第一巡察组对市水利局进行了巡察。\n现将整改情况予以公布。")


def test_a_page_of_links_only_has_no_article() -> None:
    links = "".join(f'<li><a href="/{n}">第{n}条新闻</a></li>' for n in range(30))
    with pytest.raises(sources.ExtractError, match="no article text found in the page"):
        page(f"<html><body><ul>{links}</ul><script>var x='巡察';</script></body></html>".encode())


def test_nesting_deeper_than_pythons_recursion_limit_is_read() -> None:
    html = "<div>" * 1500 + "<p>按照市委统一部署，市委第一巡察组进行了巡察。</p>" + "</div>" * 1500
    assert page(html.encode()).text == "按照市委统一部署，市委第一巡察组进行了巡察。"


@pytest.mark.parametrize("depth", [10_000, 200_000])
def test_absurd_nesting_fails_at_once_and_says_so(depth: int) -> None:
    html = "<div>" * depth + "<p>按照市委统一部署，市委第一巡察组进行了巡察。</p>"
    with pytest.raises(sources.ExtractError, match="^the page nests elements deeper than 2048 "
                                                   "levels, which no real page does"):
        page(html.encode())
