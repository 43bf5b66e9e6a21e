"""WordScan: the words found in one pass are exactly those an ``in`` test finds, both ways."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zzreview.text.wordscan import AUTOMATON_AFTER, WordScan

# words that overlap, nest, repeat letters and hold a line break
WORDS = ("甲乙", "乙", "乙丙", "甲乙丙", "丙丁", "丁\n戊", "市", "本市", "本市企业", "业优先", "aa", "aaa", "市")  # 市 twice
_PIECES = ["甲", "乙", "丙", "丁", "戊", "市", "本", "企业", "优先", "a", "\n", "。", "其他"]
_texts = st.lists(st.sampled_from(_PIECES), max_size=30).map("".join)


def _expected(text: str) -> frozenset[int]:
    return frozenset(i for i, w in enumerate(WORDS) if w in text)


def _both():
    """A scan that only tests words one by one, and one that only uses the automaton."""
    return WordScan(WORDS, plain_until=10**9), WordScan(WORDS, plain_until=-1)


@settings(max_examples=300, deadline=None)
@given(_texts)
def test_the_words_found_are_those_in_the_text(text):
    for scan in _both():
        assert scan.found(text).ids == _expected(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(_texts, min_size=1, max_size=6), st.sets(st.integers(0, len(WORDS) - 1)))
def test_the_words_of_each_piece_are_those_in_the_piece(pieces, only):
    text = "\n".join(pieces)
    want = {k: {i for i in only if WORDS[i] in piece} for k, piece in enumerate(pieces)}
    want = {k: ids for k, ids in want.items() if ids}
    for scan in _both():
        assert scan.found(text).in_pieces(pieces, only) == want


def test_a_word_across_a_piece_break_is_in_the_text_but_in_no_piece():
    pieces = ["甲丁", "戊乙"]
    for scan in _both():
        found = scan.found("\n".join(pieces))
        assert WORDS.index("丁\n戊") in found.ids
        assert found.in_pieces(pieces, range(len(WORDS))) == {1: {WORDS.index("乙")}}


def test_short_texts_are_tested_word_by_word_and_the_automaton_is_built_once_they_add_up():
    scan = WordScan(WORDS)
    page = "本市企业优先。" * 100
    scan.found(page)
    assert scan._automaton is None  # a short draft (a hook run) pays no import and no build
    for _ in range(AUTOMATON_AFTER // len(page) + 1):
        found = scan.found(page)
    assert scan._automaton is not None
    assert found.ids == _expected(page)


def test_an_empty_word_is_refused():
    with pytest.raises(ValueError):
        WordScan(["甲", ""])
