"""Patterns compiled on first use, and kept compiled between runs.

The `regex` module compiles in Python (about half a millisecond a pattern, and a review needs
well over a hundred), so a module-level ``lazy_regex.compile(...)`` costs nothing at import, and a
pattern that a run never needs is never compiled. Use it for module constants, never inside loops.

What the compiler produces for a pattern (the arguments of the C constructor ``_regex.compile``)
is kept in a small cache file (``$ZZREVIEW_CACHE_DIR`` or ``~/.cache/zzreview``; ``off`` turns it
off), keyed by the pattern, its flags and the versions of `regex` and Python, so the next run skips
the Python compiler. The cache is written with ``marshal`` (data only, never code); a file that
does not read back, or a constructor that refuses its arguments, means an ordinary compile.

A lazy pattern that is nothing but literal words joined by ``|`` (optionally inside one ``(?:…)``),
with no flags, is compiled with the standard library's ``re`` instead: both engines try the
alternatives left to right at each position and take the first that matches, so they find the same
matches, and ``re`` scans such a list several times faster. Such a pattern takes no `regex`-only
arguments (``timeout=``, ``concurrent=``); patterns that need them are compiled with ``cached_compile``.
``re`` also compiles in Python (0.1 ms for a list of words): what its compiler gives the C constructor
``_sre.compile`` is kept in the same file (``kept_re``), keyed by the pattern and ``_sre.MAGIC``.
"""

from __future__ import annotations

import re
import threading

import regex
from regex import _main as _regex_main

try:
    import re._compiler as _re_compiler
except ImportError:  # Python 3.10: re is one module; its compiler is sre_compile
    import sre_compile as _re_compiler

from zzreview.runcache import Kept

_MAX_PATTERNS = 5000  # patterns made at run time (user tables, plugins) must not grow the file forever
_lock = threading.RLock()
# (pattern, flags as int) → the constructor's arguments; the file is regex-<version>-pyXY-fN.marshal
_kept = Kept(f"regex-{regex.__version__}", limit=_MAX_PATTERNS)


class _Recorder:
    """Stands for the C module (`_regex` inside `regex._main`, `_sre` inside `re._compiler`) while
    one pattern compiles. Only the compiling thread's call is recorded: another thread compiling
    meanwhile (through the same module) must not put its program under this pattern's key."""

    def __init__(self, real):
        self._real, self.args, self._thread = real, None, threading.get_ident()

    def compile(self, *args):
        if threading.get_ident() == self._thread:
            self.args = args
        return self._real.compile(*args)

    def __getattr__(self, name: str):
        return getattr(self._real, name)


def write_cache() -> None:
    """Write the patterns compiled in this process to the cache file (also done at exit)."""
    _kept.write()


def _from_cache(key: tuple[str, int]):
    args = _kept.get(key)
    if args is not None:
        pattern, flags, as_enum, *rest = args
        try:
            return _regex_main._regex.compile(pattern, regex.RegexFlag(flags) if as_enum else flags, *rest)
        except Exception:  # another layout of the arguments: compiled afresh, and the entry replaced
            pass
    return None


def _compile_recorded(key: tuple[str, int], flags: int) -> regex.Pattern:
    with _lock:
        real = _regex_main._regex
        recorder = _Recorder(real)
        _regex_main._regex = recorder
        try:
            compiled = _regex_main._compile(key[0], flags, False, {}, True)
        finally:
            _regex_main._regex = real
        args = recorder.args
        if args is not None and not args[5] and not (args[1] & regex.LOCALE):  # args[5]: named lists
            # kept unless marshal cannot write it (one such entry would keep the whole file out)
            # flags go in as ints (marshal writes no RegexFlag); the pattern's own flags are given back
            # as they came, the others (the required characters' flags) the constructor takes as ints
            _kept.put(key, (args[0], int(args[1]), isinstance(args[1], regex.RegexFlag),
                            *(int(a) if isinstance(a, regex.RegexFlag) else a for a in args[2:])))
    return compiled


def cached_compile(pattern: str, flags: int = 0) -> regex.Pattern:
    """``regex.compile(pattern, flags)``, from the cache when this pattern was compiled before."""
    if _kept.off():
        return regex.compile(pattern, flags)
    key = (pattern, int(flags))  # a RegexFlag in a key would make the whole file unmarshallable
    try:
        return _from_cache(key) or _compile_recorded(key, flags)
    except Exception:
        return regex.compile(pattern, flags)  # the library's internals moved: no cache


_SPECIAL = frozenset("\\.^$*+?{}[]()|")  # every character with a meaning in a pattern


def plain_words(pattern: str, flags: int = 0) -> bool:
    """The pattern is an alternation of literal words (optionally in one non-capturing group), with
    no flags: the stdlib ``re`` and `regex` match it alike."""
    if flags:
        return False
    body = pattern[3:-1] if pattern.startswith("(?:") and pattern.endswith(")") else pattern
    words = body.split("|")
    return all(words) and not any(c in _SPECIAL for w in words for c in w)


_RE_KEY = f"re{_re_compiler._sre.MAGIC}"  # the second part of a key for re (an int for regex)


def kept_re(pattern: str) -> re.Pattern:
    """``re.compile(pattern)`` (no flags), from the cache when this pattern was compiled before."""
    if _kept.off():
        return re.compile(pattern)
    key = (pattern, _RE_KEY)
    try:
        args = _kept.get(key)
        if args is not None:
            try:
                return _re_compiler._sre.compile(*args)
            except Exception:  # another layout of the arguments: compiled afresh, and the entry replaced
                pass
        with _lock:
            real = _re_compiler._sre
            recorder = _Recorder(real)
            _re_compiler._sre = recorder
            try:
                compiled = _re_compiler.compile(pattern, 0)
            finally:
                _re_compiler._sre = real
        if recorder.args is not None:  # flags and code as ints: marshal writes no RegexFlag or named opcode
            pattern, flags, code, *rest = recorder.args
            _kept.put(key, (pattern, int(flags), [int(c) for c in code], *rest))
        return compiled
    except Exception:
        return re.compile(pattern)  # the library's internals moved: no cache


_METHODS = frozenset(("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split"))


class LazyPattern:
    """Stands for ``regex.compile(pattern, flags)``; compiles on the first use of a method.

    The methods are slots left empty until then: the first look-up of one compiles the pattern
    (``__getattr__``) and stores the compiled pattern's own bound method in the slot, so every
    later call goes straight to it, with no wrapper call in between."""

    __slots__ = ("_source", "_flags", "_compiled", "_on_re", *sorted(_METHODS))

    def __init__(self, pattern: str, flags: int = 0, on_re: bool = False):
        self._source, self._flags, self._compiled, self._on_re = pattern, flags, None, on_re

    def compiled(self) -> regex.Pattern | re.Pattern:
        if self._compiled is None:
            if self._on_re or plain_words(self._source, self._flags):
                self._compiled = kept_re(self._source)
            else:
                self._compiled = cached_compile(self._source, self._flags)
        return self._compiled

    @property
    def pattern(self) -> str:
        return self._source

    def __getattr__(self, name: str):  # an empty method slot, or groupindex, flags, …
        if name.startswith("_"):  # the object's own slots, before __init__ has filled them
            raise AttributeError(name)
        value = getattr(self.compiled(), name)
        if name in _METHODS:
            setattr(self, name, value)
        return value


def compile(pattern: str, flags: int = 0, on_re: bool = False) -> LazyPattern:  # noqa: A001 - mirrors regex.compile
    """``on_re``: compile with the standard library's re (as plain word lists always are) — only for
    a pattern without flags made of literal characters, classes of them, groups, alternatives,
    counts, ``.``, anchors and look-arounds (no \\s, \\d, \\w, \\p: the engines' tables differ), which
    both engines match alike; a test should compare them on it."""
    if on_re and flags:
        raise ValueError("on_re: a pattern with flags stays on regex")
    return LazyPattern(pattern, flags, on_re)
