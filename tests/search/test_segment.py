"""rjieba is the fast path, jieba the reference: they must cut the same words."""
from __future__ import annotations

import re

import jieba
import pytest

from tests.conftest import SEEDS
from xunshi.search import segment
from xunshi.search.segment import query_words, search_words

TEXTS = sorted(SEEDS.glob("*.txt"))


@pytest.mark.parametrize("path", TEXTS, ids=[p.name for p in TEXTS])
def test_rjieba_and_jieba_give_the_same_words(path) -> None:
    text = path.read_text("utf-8")
    fast = search_words(text, "rjieba")
    assert fast == search_words(text, "jieba")
    reference = [p for w in jieba.lcut_for_search(text) for p in re.findall(r"[^\W_]+", w.lower())]
    assert [w.text for w in fast] == reference


def test_a_long_word_brings_its_parts_at_its_own_position() -> None:
    words = search_words("坚决杜绝形式主义")
    at = {w.text: w.position for w in words}
    assert at["形式"] == at["主义"] == at["形式主义"]
    assert at["杜绝"] + 1 == at["形式主义"]


def test_punctuation_goes_and_latin_runs_split_into_pieces() -> None:
    assert [w.text for w in search_words("电话:0738-8328187,邮箱 QQ.com")] == [
        "电话", "0738", "8328187", "邮箱", "qq", "com"]


def test_query_words_are_the_precise_cut() -> None:
    assert query_words("扫黑除恶") == ["扫黑", "除恶"]
    assert query_words("形式主义") == ["形式主义"]


@pytest.mark.parametrize("backend", ["rjieba", "jieba"])
def test_a_long_text_is_cut_in_pieces_into_the_same_words(backend: str,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    text = "\n".join(p.read_text("utf-8") for p in TEXTS)
    whole = search_words(text, backend)
    monkeypatch.setattr(segment, "PIECE", 100)  # a piece ends at the next line end or 。
    assert search_words(text, backend) == whole
    assert [w.text for w in search_words("巡察" * 300, backend)] == ["巡察"] * 300  # no boundary
