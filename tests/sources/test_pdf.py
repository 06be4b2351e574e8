"""PDFs with a text layer: lines wrapped at the page width joined back into paragraphs,
running headers and page numbers dropped, so numbered items parse as in the .txt."""
from __future__ import annotations

import pytest

from tests.sources.fixtures import (
    PAGE_NUMBERS,
    Seed,
    flowed_pdf_bytes,
    pdf_bytes,
    scanned_pdf_bytes,
    seeds,
)
from tests.sources.helpers import extracted_values
from xunshi import sources


def pdf(data: bytes) -> sources.Extracted:
    return sources.extract(sources.Source("report.pdf", data))


@pytest.mark.parametrize("numbers", PAGE_NUMBERS)
@pytest.mark.parametrize("seed", seeds(), ids=lambda s: s.name)
def test_every_seed_extracts_the_same_values_as_its_text(seed: Seed, numbers: str) -> None:
    text, how = pdf(pdf_bytes(seed, PAGE_NUMBERS[numbers]))
    assert how == "pdf"
    assert extracted_values(text) == extracted_values(seed.text)


def test_paragraphs_come_back_whole_and_page_furniture_goes() -> None:
    seed = seeds()[0]
    text = pdf(pdf_bytes(seed, PAGE_NUMBERS["di-ye-gong"])).text
    assert text.split("\n") == seed.text.split("\n")  # this headline fits on one line


def test_a_smaller_font_wraps_elsewhere_and_still_parses_the_same() -> None:
    seed = seeds()[4]
    assert extracted_values(pdf(pdf_bytes(seed, size=12)).text) == extracted_values(seed.text)


@pytest.mark.parametrize(("size", "indent"), [(12, 24), (10.5, 21), (10.5, 0)],
                         ids=["12pt", "10.5pt", "10.5pt-no-indent"])
@pytest.mark.parametrize("seed", seeds(), ids=lambda s: s.name)
def test_text_flowed_by_a_layout_engine_is_unwrapped(seed: Seed, size: float, indent: float) -> None:
    text = pdf(flowed_pdf_bytes(seed, size, indent)).text
    assert extracted_values(text) == extracted_values(seed.text)


def test_a_word_broken_at_the_margin_is_whole_again() -> None:
    text = pdf(flowed_pdf_bytes(seeds()[0])).text  # no indents: paragraphs end short
    assert "确保事事有落实、件件有回音" in text
    assert extracted_values(text) == extracted_values(seeds()[0].text)


def test_a_scan_without_a_text_layer_is_an_error_not_an_empty_report() -> None:
    with pytest.raises(sources.ExtractError, match="^no text layer: a scanned PDF needs OCR"):
        pdf(scanned_pdf_bytes())


@pytest.mark.parametrize("data", [b"%PDF-1.4\n%%EOF", b"not a pdf at all", b"\x00" * 64])
def test_a_broken_pdf_says_so(data: bytes) -> None:
    with pytest.raises(sources.ExtractError, match="^not a readable PDF"):
        pdf(data)
