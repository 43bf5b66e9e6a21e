"""WordScan: the words found in one pass are exactly those an ``in`` test finds, both ways."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zzreview.text.wordscan import AUTOMATON_AFTER, WordScan

# words that overlap, nest, repeat letters, hold a line break, and one given twice
WORDS = ("甲乙", "乙", "乙丙", "甲乙丙", "丙丁", "丁\n戊", "市", "本市", "本市企业", "业优先", "aa", "aaa", "市")
_PIECES = ["甲", "乙", "丙", "丁", "戊", "市", "本", "企业", "优先", "a", "\n", "。", "其他"]
_texts = st.lists(st.sampled_from(_PIECES), max_size=30).map("".join)


def _expected(text: str) -> set[int]:
    return {i for i, w in enumerate(WORDS) if w in text}


@settings(max_examples=500, deadline=None)
@given(_texts)
def test_the_words_found_are_those_in_the_text_both_ways(text):
    by_word, by_automaton = WordScan(WORDS, plain_until=10**9), WordScan(WORDS, plain_until=-1)
    assert by_word.found(text) == by_automaton.found(text) == _expected(text)


@settings(max_examples=500, deadline=None)
@given(_texts)
def test_the_starts_found_are_those_of_every_occurrence_both_ways(text):
    expected = sorted({i for w in WORDS for i in range(len(text)) if text.startswith(w, i)})
    by_word, by_automaton = WordScan(WORDS, plain_until=10**9), WordScan(WORDS, plain_until=-1)
    assert by_word.starts(text) == by_automaton.starts(text) == expected


def test_short_texts_are_tested_word_by_word_and_the_automaton_is_built_once_they_add_up():
    scan = WordScan(WORDS)
    page = "本市企业优先，甲乙丙丁。\n" * 100
    assert scan.found(page) == _expected(page)
    assert scan._automaton is None  # a short draft (a hook run) pays no import and no build
    for _ in range(AUTOMATON_AFTER // len(page) + 1):
        found = scan.found(page)
    assert scan._automaton is not None
    assert found == _expected(page)


def test_an_empty_word_is_refused():
    with pytest.raises(ValueError):
        WordScan(["甲", ""])
