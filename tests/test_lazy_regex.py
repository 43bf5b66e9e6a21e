"""lazy_regex: a module constant costs nothing until a run uses it, then behaves as regex.compile."""

from __future__ import annotations

import subprocess
import sys

import regex

from zzreview import lazy_regex


def test_compiled_only_on_first_use_and_then_once():
    p = lazy_regex.compile(r"(?P<n>\d+)号")
    assert p._compiled is None
    assert p.search("渔政第12号通告").group("n") == "12"
    first = p._compiled
    assert first is not None and p.sub("", "第3号") == "第" and p._compiled is first


def test_same_answers_as_regex():
    src, text = r"\p{Han}{2}(?=港)", "青岛港、烟台港和威海港"
    lazy, eager = lazy_regex.compile(src), regex.compile(src)
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in eager.finditer(text)]
    assert lazy.findall(text) == eager.findall(text) == ["青岛", "烟台", "威海"]
    assert lazy.split(text) == eager.split(text)
    assert lazy.match(text) and lazy.fullmatch("青岛") is None
    assert lazy.pattern == src and lazy.groups == 0


PROBE = """
import zzreview.analysis.citations as citations
from zzreview.lazy_regex import LazyPattern
lazies = [v for v in vars(citations).values() if isinstance(v, LazyPattern)]
print(len(lazies), sum(v._compiled is not None for v in lazies))
"""


def test_the_citation_patterns_are_compiled_lazily():
    # a fresh interpreter: other tests of this session have used the patterns already
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True).stdout
    lazies, compiled = map(int, out.split())
    assert lazies > 10 and compiled == 0
