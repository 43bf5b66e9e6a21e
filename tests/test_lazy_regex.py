"""lazy_regex: a module constant costs nothing until a run uses it, then behaves as regex.compile."""

from __future__ import annotations

import pathlib
import re
import subprocess
import sys

import pytest
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


def test_a_plain_word_list_is_kept_for_re_and_read_back_in_the_next_run(tmp_path, monkeypatch):
    src = "处罚|加处罚款|罚款|款项"
    text = "对其加处罚款，处罚款项"
    _fresh_cache(monkeypatch, tmp_path)
    first = lazy_regex.kept_re(src)
    lazy_regex.write_cache()
    _fresh_cache(monkeypatch, tmp_path)  # a new run: the pattern comes from the file
    again = lazy_regex.kept_re(src)
    assert (src, lazy_regex._RE_KEY) in lazy_regex._kept._items and not lazy_regex._kept._added
    eager = re.compile(src)
    for p in (first, again):
        assert isinstance(p, re.Pattern) and p.pattern == src and p.flags == eager.flags
        assert [m.span() for m in p.finditer(text)] == [m.span() for m in eager.finditer(text)]
    monkeypatch.setenv("ZZREVIEW_CACHE_DIR", "off")
    assert lazy_regex.kept_re(src).findall(text) == eager.findall(text)


def test_a_pattern_with_flags_given_as_regex_flags_is_cached_with_the_others(tmp_path, monkeypatch):
    _fresh_cache(monkeypatch, tmp_path)
    lazy_regex.cached_compile(r"[。！？]", regex.REVERSE)
    lazy_regex.cached_compile(r"\d+号")
    lazy_regex.write_cache()
    _fresh_cache(monkeypatch, tmp_path)
    assert lazy_regex.cached_compile(r"[。！？]", regex.REVERSE).findall("甲。乙！") == ["！", "。"]
    assert set(lazy_regex._kept._read()) == {(r"[。！？]", int(regex.REVERSE)), (r"\d+号", 0)}


def test_a_case_blind_pattern_is_kept_too(tmp_path, monkeypatch):
    """With IGNORECASE the compiler hands the constructor its required characters' flags as a
    RegexFlag as well: kept as an int, the pattern still comes from the file in the next run."""
    src = r"^\s*note\s*:\s*(keep|drop)\s*(.*?)\s*$"
    text = "  NOTE: Keep  the  rest "
    _fresh_cache(monkeypatch, tmp_path)
    lazy_regex.cached_compile(src, regex.I | regex.S)
    lazy_regex.write_cache()
    _fresh_cache(monkeypatch, tmp_path)
    again = lazy_regex.cached_compile(src, regex.I | regex.S)
    assert (src, int(regex.I | regex.S)) in lazy_regex._kept._read() and not lazy_regex._kept._added
    eager = regex.compile(src, regex.I | regex.S)
    assert again.match(text).groups() == eager.match(text).groups() == ("Keep", "the  rest")
    assert again.flags == eager.flags and again.match("note: drop").group(1) == "drop"


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
    assert not list(tmp_path.rglob("*.marshal")) and lazy_regex._kept.off()
    _fresh_cache(monkeypatch, tmp_path)
    assert not lazy_regex._kept.off()


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


def test_a_value_the_cache_cannot_write_does_not_keep_the_others_out(tmp_path, monkeypatch):
    """A value marshal cannot write (a date here) is left out; the others are still kept."""
    import datetime as dt

    from zzreview.runcache import Kept

    monkeypatch.setenv("ZZREVIEW_CACHE_DIR", str(tmp_path))
    kept = Kept("test-values")
    kept.put("day", dt.date(2026, 1, 1))
    kept.put("rivers", ["长江", "珠江"])
    kept.write()
    again = Kept("test-values")
    assert again.get("rivers") == ["长江", "珠江"] and again.get("day") is None


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


def test_a_kept_value_is_decoded_only_when_asked_for(tmp_path, monkeypatch):
    """A run pays for the entries it uses: the others stay undecoded bytes, and writing the file
    back keeps them as they were."""
    monkeypatch.setenv("ZZREVIEW_CACHE_DIR", str(tmp_path))
    kept = Kept("rivers")
    for i in range(50):
        kept.put(f"河{i}", {"长度": i, "支流": [f"溪{i}", f"沟{i}"]})
    kept.write()
    again = Kept("rivers")
    assert again.get("河7") == {"长度": 7, "支流": ["溪7", "沟7"]}
    assert set(again._items) == {"河7"} and len(again._read()) == 50
    again.put("河50", {"长度": 50, "支流": []})
    again.write()
    third = Kept("rivers")
    assert [third.get(f"河{i}") for i in (0, 49, 50)] == [
        {"长度": 0, "支流": ["溪0", "沟0"]}, {"长度": 49, "支流": ["溪49", "沟49"]}, {"长度": 50, "支流": []}]
    assert third.get("河51") is None


def test_a_file_of_another_layout_under_this_name_is_read_as_empty_and_replaced(tmp_path, monkeypatch):
    import marshal

    monkeypatch.setenv("ZZREVIEW_CACHE_DIR", str(tmp_path))
    old = Kept("lakes")
    path = old._file()
    with open(path, "wb") as f:
        f.write(marshal.dumps((1, {"湖": {"面积": 3}})))  # values stored decoded, as before
    assert old.get("湖") is None
    old.put("湖", {"面积": 4})
    old.write()
    assert Kept("lakes").get("湖") == {"面积": 4}


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


# --- plain word lists on the standard library's re ------------------------------------------------

def _plain_lazy_patterns() -> dict[str, lazy_regex.LazyPattern]:
    """Every lazy pattern of the analysis and the checks that is compiled with re (also gated ones)."""
    import importlib
    import pkgutil

    import zzreview.analysis
    import zzreview.rules
    from zzreview.text.triggers import Gated

    found = {}
    for package in (zzreview.analysis, zzreview.rules):
        for info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            for name, value in vars(module).items():
                value = value.pattern if isinstance(value, Gated) else value
                if isinstance(value, lazy_regex.LazyPattern) and lazy_regex.plain_words(value.pattern):
                    found[f"{module.__name__}.{name}"] = value
    return found


def test_only_plain_word_lists_go_to_re():
    plain = lazy_regex.plain_words
    assert plain("公民|法人|其他组织") and plain("(?:出具|开具)") and plain("个月") and plain("a b|#c")
    for pattern in (r"证明(?:材料|文件)?", r"(?:a|b)(?:c|d)", r"(?:a)|(?:b)", r"a.b", r"a\|b", r"a||b", r"|a",
                    r"[ab]", r"a$", r"^a", r"a+", r"(a|b)", r"a{2}", r"(?i)a", ""):
        assert not plain(pattern), pattern
    assert not plain("甲|乙", regex.IGNORECASE)
    assert isinstance(lazy_regex.compile("甲|乙").compiled(), re.Pattern)
    assert isinstance(lazy_regex.compile("甲|乙", regex.IGNORECASE).compiled(), regex.Pattern)
    assert isinstance(lazy_regex.compile("甲+|乙").compiled(), regex.Pattern)


OVERLAPPING = ["处罚|加处罚款|罚款|款项", "(?:其他|其他组织|组织)", "单位和个人|单位|个人", "a|ab|abc", "abc|ab|a", "应|应当"]
PLAIN_TEXTS = ["对其加处罚款项", "其他组织和其他个人", "单位和个人、单位、个人", "xabcab a", "应当应应当", "", "无关"]


@pytest.mark.parametrize("pattern", OVERLAPPING)
def test_re_and_regex_agree_on_overlapping_and_prefix_words(pattern):
    _assert_agree(re.compile(pattern), regex.compile(pattern), PLAIN_TEXTS)


def _assert_agree(a, b, texts):
    for text in texts:
        assert [m.span() for m in a.finditer(text)] == [m.span() for m in b.finditer(text)], text
        assert a.findall(text) == b.findall(text)
        assert a.sub("-", text) == b.sub("-", text) and a.split(text) == b.split(text)
        for pos in range(0, len(text) + 1, max(1, len(text) // 7)):
            for f in ("search", "match", "fullmatch"):
                ma, mb = getattr(a, f)(text, pos), getattr(b, f)(text, pos)
                assert (ma and ma.span()) == (mb and mb.span()), (f, text, pos)
            ma, mb = a.search(text, 0, pos), b.search(text, 0, pos)
            assert (ma and ma.span()) == (mb and mb.span()), ("endpos", text, pos)


def test_every_plain_pattern_of_the_tool_matches_alike_in_both_engines():
    from test_triggers import TEXTS

    patterns = _plain_lazy_patterns()
    assert len(patterns) >= 20
    texts = [line for text in TEXTS for line in text.splitlines()]
    for name, lazy in patterns.items():
        assert isinstance(lazy.compiled(), re.Pattern), name
        _assert_agree(lazy.compiled(), regex.compile(lazy.pattern), texts)


@pytest.mark.parametrize("module, name, grouped", [
    ("cert_phrases", "PENALTY", r"伪造|变造|买卖|涂改|虚假|假(?:证明|生育|流动|独生)|骗取|冒用|出租|出借|不正当|假冒|编造|欺骗|贿赂"),
    ("basis", "_RESULT_RE", r"(?:制定本|制订本|特制定|特制订|制定此|制定如下|现就|现将|现作如下|作如下|特作|特此|通告如下|公告如下|"
                            r"规定如下|通知如下|决定|结合|特发布|现发布|现予|现提出|提出如下|制定了?本|制定了|印发|转发)"),
])
def test_a_list_written_out_as_plain_words_matches_as_its_grouped_form(module, name, grouped):
    """假(?:证明|生育) is 假证明|假生育 in the same order; 制定了?本 after 制定本 is 制定了本 (制定本, tried
    first, already takes every place the shorter form could)."""
    import importlib

    from test_triggers import TEXTS

    lazy = getattr(importlib.import_module(f"zzreview.analysis.{module}"), name)
    assert isinstance(lazy.compiled(), re.Pattern)
    texts = [line for text in TEXTS for line in text.splitlines()]
    texts += ["制定了本办法", "制定本办法", "制定了", "提供假证明、假生育证明", "假冒伪造"]
    _assert_agree(lazy.compiled(), regex.compile(grouped), texts)


def test_a_compile_in_another_thread_is_not_recorded_as_the_pattern_being_kept():
    """While one pattern compiles, another thread's compile passes through the stand-in module
    unrecorded (else the cache could keep that thread's program under this pattern's key)."""
    import threading

    recorder = lazy_regex._Recorder(lazy_regex._re_compiler._sre)
    other = threading.Thread(target=lambda: recorder.compile(*_sre_args("乙")))
    other.start()
    other.join()
    assert recorder.args is None
    recorder.compile(*_sre_args("甲"))
    assert recorder.args[0] == "甲"


def _sre_args(pattern):
    """What re's compiler gives _sre.compile for ``pattern`` (recorded in this thread)."""
    compiler = lazy_regex._re_compiler  # re._compiler (sre_compile on Python 3.10)
    recorder = lazy_regex._Recorder(compiler._sre)
    real, compiler._sre = compiler._sre, recorder
    try:
        compiler.compile(pattern, 0)
    finally:
        compiler._sre = real
    return recorder.args


def test_a_stamped_value_is_computed_again_when_its_stamp_changes(tmp_path, monkeypatch):
    monkeypatch.setenv("ZZREVIEW_CACHE_DIR", str(tmp_path))
    computed = []

    def compute(value):
        computed.append(value)
        return value

    kept = Kept("stamped")
    assert kept.stamped("草案.toml", (10, 1), lambda: compute("甲")) == "甲"
    kept.write()
    again = Kept("stamped")  # a new run
    assert again.stamped("草案.toml", (10, 1), lambda: compute("不该算")) == "甲"
    assert again.stamped("草案.toml", (11, 2), lambda: compute("乙")) == "乙"  # the file changed
    assert computed == ["甲", "乙"]


def test_folders_up_goes_from_the_real_folder_to_the_root(tmp_path):
    from zzreview.readers.limits import folders_up

    (tmp_path / "甲" / "乙").mkdir(parents=True)
    draft = tmp_path / "甲" / "乙" / "草案.md"
    draft.write_text("#", encoding="utf-8")
    (tmp_path / "链接").symlink_to(tmp_path / "甲")
    up = list(folders_up(str(tmp_path / "链接" / "乙" / "草案.md")))
    real = str((tmp_path / "甲" / "乙").resolve())
    assert up[0] == real and up[1] == str((tmp_path / "甲").resolve()) and up[-1] == "/"
    assert list(folders_up(real)) == up  # a folder starts with itself


def test_entries_keyed_by_a_file_that_is_gone_are_dropped_when_the_file_is_written(tmp_path, monkeypatch):
    """An installation removed (an old pre-commit environment, a deleted checkout) leaves entries
    keyed by its files; a Kept with keep=os.path.exists drops them the next time it writes."""
    import os

    from zzreview.runcache import Kept

    monkeypatch.setenv("ZZREVIEW_CACHE_DIR", str(tmp_path / "cache"))
    here, gone = tmp_path / "here.toml", tmp_path / "gone.toml"
    here.write_text("a = 1\n", encoding="utf-8")
    gone.write_text("a = 2\n", encoding="utf-8")
    first = Kept("test-files", keep=os.path.exists)
    first.put(str(here), {"a": 1})
    first.put(str(gone), {"a": 2})
    first.write()
    gone.unlink()
    second = Kept("test-files", keep=os.path.exists)
    assert second.get(str(gone)) == {"a": 2}  # read back as written
    second.put(str(here), {"a": 3})
    second.write()
    third = Kept("test-files", keep=os.path.exists)
    assert third.get(str(here)) == {"a": 3} and third.get(str(gone)) is None
