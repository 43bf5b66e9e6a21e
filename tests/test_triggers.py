"""Gated patterns: every match contains one of the pattern's triggers, so skipping text without a
trigger never loses a match. Checked on the sample drafts and on every string the tests feed the
tool (those exercise the patterns that the samples never meet)."""

from __future__ import annotations

import importlib
import pkgutil

import pytest

import zzreview.analysis
import zzreview.rules
import zzreview.text
from zzreview.text.triggers import Gated, gated
from conftest import sample_and_test_texts


def _gated_patterns() -> dict[str, Gated]:
    """Every Gated pattern held by a module of the analysis, the checks or zzreview.text (also in
    tuples, lists and dicts), once."""
    found: dict[str, Gated] = {}
    seen: set[int] = set()

    def visit(name: str, value, depth: int = 0) -> None:
        if isinstance(value, Gated):
            if id(value) not in seen:
                seen.add(id(value))
                found[name] = value
        elif depth < 3 and isinstance(value, (tuple, list)):
            for k, v in enumerate(value):
                visit(f"{name}[{k}]", v, depth + 1)
        elif depth < 3 and isinstance(value, dict):
            for k, v in value.items():
                visit(f"{name}[{k!r}]", v, depth + 1)

    for package in (zzreview.analysis, zzreview.rules, zzreview.text):
        for info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            for name, value in vars(module).items():
                visit(f"{module.__name__}.{name}", value)
    return found


# record lines that no sample or test input happens to contain
EXAMPLES = ["（根据2016年2月6日《国务院关于修改〈某某管理条例〉的决定》修订）"]


GATED = _gated_patterns()
TEXTS = [*EXAMPLES, *sample_and_test_texts(min_len=4)]


def test_the_analysis_has_gated_patterns():
    assert len(GATED) >= 10


@pytest.mark.parametrize("name", sorted(GATED))
def test_every_match_contains_a_trigger(name):
    g = GATED[name]
    matched = 0
    for text in TEXTS:
        for m in g.pattern.finditer(text):
            matched += 1
            assert any(w in m.group(0) for w in g.triggers), (name, m.group(0))
            assert g.search(text, m.start()).span() == g.pattern.search(text, m.start()).span()
    assert matched, f"{name}: no text of the tests matches; add one"


def test_gated_search_skips_text_without_trigger_and_keeps_positions():
    g = gated(("令", "务会议"), r"[\p{Han}]{2,6}?(?:部|局)令|[\p{Han}]{2,6}?部务会议")
    assert g.search("某某部发布的通知") is None
    assert list(g.finditer("没有触发词")) == []
    text = "根据某某部令，又经某某部务会议"
    assert g.search(text).group(0) == "根据某某部令"
    assert g.search(text, 6).group(0) == "又经某某部务会议"
    assert g.search(text, 0, 5) is None  # the trigger lies beyond endpos
    assert [m.group(0) for m in g.finditer(text, 6, len(text))] == ["又经某某部务会议"]


@pytest.mark.parametrize("full, alone, meeting", [
    ("_DEPT_ORDER", "_DEPT_ORDER_ALONE", "务会议"), ("_GOV_ORDER", "_GOV_ORDER_ALONE", "常务会议")])
def test_an_order_is_found_alike_without_the_meeting_alternative_where_no_meeting_is_named(full, alone, meeting):
    from zzreview.analysis import normative

    full, alone = getattr(normative, full), getattr(normative, alone)
    compared = 0
    for text in TEXTS:
        for line in text.splitlines():
            if meeting in line:
                continue
            a, b = full.search(line), alone.search(line)
            assert (a and (a.span(), a.group(0))) == (b and (b.span(), b.group(0))), line
            compared += bool(a)
    assert compared


def test_words_occur_exactly_where_one_in_test_per_word_says():
    """One alternation scan answers as ``in`` per word: for words that are prefixes of, inside or
    overlapping each other, for every start and end position, and for characters re treats specially."""
    from zzreview.text.triggers import Words

    words = ("罚款", "加处罚款", "处罚", "款项", "a.b", "(", "[x]", "|")
    w = Words(words)
    texts = ["对其加处罚款", "处罚款项", "罚", "a.b 与 axb", "(", "无", "[x]|", "", "加处罚"]
    for text in texts:
        for pos in range(len(text) + 2):
            for end in (None, *range(len(text) + 2)):
                want = any(text.find(x, pos, len(text) if end is None else end) >= 0 for x in words)
                assert w.occurs(text, pos, end) is want, (text, pos, end)
    assert not Words(("a.b",)).occurs("axb")


@pytest.mark.parametrize("name", sorted(GATED))
def test_a_gated_pattern_occurs_exactly_where_one_of_its_triggers_is(name):
    g = GATED[name]
    for text in TEXTS:
        want = any(t in text for t in g.triggers)
        assert g.occurs(text) is want
        if want:
            mid = len(text) // 2
            assert g.occurs(text, mid) is any(text.find(t, mid) >= 0 for t in g.triggers)
            assert g.occurs(text, 0, mid) is any(text.find(t, 0, mid) >= 0 for t in g.triggers)


def test_words_pickle_and_answer_alike():
    import pickle

    from zzreview.text.triggers import Words

    w = Words(("证明", "其他"))
    assert w.occurs("提交证明")
    again = pickle.loads(pickle.dumps(w))
    assert again.words == w.words and again.occurs("提交证明") and not again.occurs("材料")
    g = pickle.loads(pickle.dumps(gated(("令",), r"部令")))
    assert g.search("某部令").group(0) == "部令"
