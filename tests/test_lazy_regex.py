"""lazy_regex: a module constant costs nothing until a run uses it, then behaves as regex.compile."""

from __future__ import annotations

import pathlib
import subprocess
import sys

import regex

from zzreview import lazy_regex
from zzreview.runcache import Kept


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


def _fresh_cache(monkeypatch, where):
    """A new run's view of the cache folder ``where``."""
    monkeypatch.setenv("ZZREVIEW_CACHE_DIR", str(where))
    monkeypatch.setattr(lazy_regex, "_kept", Kept(lazy_regex._kept.name, lazy_regex._kept.limit))


def test_a_cached_pattern_gives_the_answers_of_a_fresh_compile(tmp_path, monkeypatch):
    src = r"(?P<river>\p{Han}{1,3})江(?=大桥|码头)|(?i:ferry)\s*(?P<no>\d+)"
    text = "长江大桥以北，珠江码头以南；Ferry 7 与 FERRY 12 停航。"
    _fresh_cache(monkeypatch, tmp_path)
    first = lazy_regex.cached_compile(src)
    lazy_regex.write_cache()
    assert list(tmp_path.glob("regex-*.marshal"))
    _fresh_cache(monkeypatch, tmp_path)  # a new run: the pattern comes from the file
    again = lazy_regex.cached_compile(src)
    assert (src, 0) in lazy_regex._kept._items and not lazy_regex._kept._added
    eager = regex.compile(src)
    for p in (first, again):
        assert [m.groupdict() for m in p.finditer(text)] == [m.groupdict() for m in eager.finditer(text)]
        assert p.flags == eager.flags and p.groupindex == eager.groupindex and p.pattern == src
    assert again.sub("桥", text) == eager.sub("桥", text)


def test_a_pattern_with_flags_given_as_regex_flags_is_cached_with_the_others(tmp_path, monkeypatch):
    _fresh_cache(monkeypatch, tmp_path)
    lazy_regex.cached_compile(r"[。！？]", regex.REVERSE)
    lazy_regex.cached_compile(r"\d+号")
    lazy_regex.write_cache()
    _fresh_cache(monkeypatch, tmp_path)
    assert lazy_regex.cached_compile(r"[。！？]", regex.REVERSE).findall("甲。乙！") == ["！", "。"]
    assert set(lazy_regex._kept._items) == {(r"[。！？]", int(regex.REVERSE)), (r"\d+号", 0)}


def test_a_damaged_cache_file_means_an_ordinary_compile(tmp_path, monkeypatch):
    _fresh_cache(monkeypatch, tmp_path)
    lazy_regex.cached_compile(r"\d+号")
    lazy_regex.write_cache()
    for f in tmp_path.glob("regex-*.marshal"):
        f.write_bytes(b"\x00not marshal at all")
    _fresh_cache(monkeypatch, tmp_path)
    assert lazy_regex.cached_compile(r"\d+号").findall("第3号和第45号") == ["3号", "45号"]


def test_the_cache_can_be_turned_off(tmp_path, monkeypatch):
    _fresh_cache(monkeypatch, "off")
    monkeypatch.chdir(tmp_path)
    assert lazy_regex.cached_compile(r"[甲乙]方").findall("甲方与乙方") == ["甲方", "乙方"]
    lazy_regex.write_cache()
    assert not list(tmp_path.rglob("*.marshal"))


def test_a_bad_pattern_still_raises_the_error_of_regex(tmp_path, monkeypatch):
    _fresh_cache(monkeypatch, tmp_path)
    import pytest

    with pytest.raises(regex.error):
        lazy_regex.cached_compile(r"(未闭合")


def test_no_home_directory_means_no_cache(monkeypatch):
    _fresh_cache(monkeypatch, "")
    monkeypatch.delenv("ZZREVIEW_CACHE_DIR")
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)

    def no_home():
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(pathlib.Path, "home", staticmethod(no_home))
    assert lazy_regex.cached_compile(r"[东西]湖").findall("东湖与西湖") == ["东湖", "西湖"]


def test_a_pattern_the_cache_cannot_write_does_not_keep_the_others_out(tmp_path, monkeypatch):
    """Flags such as S|I reach the compiler as a RegexFlag that marshal cannot write: that one
    pattern is compiled every run, the others are still kept."""
    _fresh_cache(monkeypatch, tmp_path)
    flagged = lazy_regex.cached_compile(r"^\s*zz\s*:\s*(on|off)\s*$", regex.S | regex.I)
    plain = lazy_regex.cached_compile(r"(?P<n>\d+)号渔船")
    lazy_regex.write_cache()
    _fresh_cache(monkeypatch, tmp_path)
    stored = lazy_regex._kept._read()
    assert (r"(?P<n>\d+)号渔船", 0) in stored and len(stored) == 1
    assert lazy_regex.cached_compile(r"(?P<n>\d+)号渔船").search("第12号渔船").group("n") == "12"
    assert lazy_regex.cached_compile(r"^\s*zz\s*:\s*(on|off)\s*$", regex.S | regex.I).match(" ZZ: ON ")
    assert flagged.match("zz:off") and plain.search("3号渔船")


def test_a_full_kept_file_still_takes_a_new_value_for_a_key_it_holds(tmp_path, monkeypatch):
    monkeypatch.setenv("ZZREVIEW_CACHE_DIR", str(tmp_path))
    kept = Kept("tiny", limit=2)
    kept.put("甲", 1)
    kept.put("乙", 2)
    kept.put("丙", 3)  # full: a new key is not kept
    kept.put("甲", 10)  # a key it holds is updated
    kept.write()
    again = Kept("tiny", limit=2)
    assert (again.get("甲"), again.get("乙"), again.get("丙")) == (10, 2, None)


def test_after_the_first_use_a_method_is_the_compiled_patterns_own():
    lazy = lazy_regex.compile(r"第(\d+)号")
    assert lazy._compiled is None  # nothing compiled before a method is used
    assert lazy.search("枣政发第12号").group(1) == "12"
    assert lazy.search.__self__ is lazy._compiled  # no wrapper call between caller and pattern
    assert lazy.sub("X", "第3号和第4号") == "X和X" and lazy.groups == 1


def test_a_lazy_pattern_pickles_before_and_after_its_first_use():
    """Workers started with spawn receive patterns pickled (e.g. inside a check's data)."""
    import pickle

    lazy = lazy_regex.compile(r"第(\d+)条")
    fresh = pickle.loads(pickle.dumps(lazy))
    assert fresh.search("见第7条").group(1) == "7" and fresh.pattern == lazy.pattern
    lazy.search("第1条")
    used = pickle.loads(pickle.dumps(lazy))
    assert used.findall("第2条、第30条") == ["2", "30"]
