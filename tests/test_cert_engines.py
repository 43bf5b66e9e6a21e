"""The certification chunker's patterns that run on the standard library's re (cert_phrases.on_re)
match exactly as the regex module would: same spans and groups for search, match, fullmatch and
finditer, at every start and end position, on the samples, every test string and random text made
of each pattern's own characters."""

from __future__ import annotations

import random

import pytest
import regex
from conftest import sample_and_test_texts

from zzreview.analysis import cert_clauses  # noqa: F401 (registers its patterns)
from zzreview.analysis import cert_phrases

PATTERNS = {p.pattern: p for p in cert_phrases.ON_RE}


LINES = [ln for ln in dict.fromkeys(ln for t in sample_and_test_texts() for ln in t.splitlines()) if ln]


def _random_lines(pattern: str, n: int) -> list[str]:
    """Lines of the pattern's own literal characters, clause marks and a few others."""
    own = sorted({ch for ch in pattern if ord(ch) > 127 or ch in ",;:!?()"})
    alphabet = own + list("，。；：（）、的证明 a1")
    rng = random.Random(pattern)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30))) for _ in range(n)]


def _same(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return a.span() == b.span() and a.groups() == b.groups() and a.group(0) == b.group(0)


def test_the_chunker_has_patterns_on_re():
    assert len(PATTERNS) >= 8
    assert all(p.compiled().__class__.__module__ == "re" for p in PATTERNS.values())


@pytest.mark.parametrize("source", sorted(PATTERNS))
def test_re_and_regex_match_alike(source):
    ours, theirs = PATTERNS[source], regex.compile(source)
    matched = 0
    for line in LINES + _random_lines(source, 200):
        a, b = list(ours.finditer(line)), list(theirs.finditer(line))
        assert len(a) == len(b) and all(map(_same, a, b)), (source, line)
        matched += len(a)
        n = len(line)
        for pos in range(0, n + 1, max(1, n // 8)):
            for end in {pos, min(n, pos + 3), min(n, pos + 11), n}:
                for method in ("search", "match", "fullmatch"):
                    x, y = getattr(ours, method)(line, pos, end), getattr(theirs, method)(line, pos, end)
                    assert _same(x, y), (source, method, line, pos, end)
                assert [m.span() for m in ours.finditer(line, pos, end)] == \
                    [m.span() for m in theirs.finditer(line, pos, end)], (source, line, pos, end)
    assert matched, f"{source}: nothing matched it; add a text"
