"""Patterns compiled on first use, and kept compiled between runs.

The `regex` module compiles in Python (about half a millisecond a pattern, and a review needs
well over a hundred), so a module-level ``lazy_regex.compile(...)`` costs nothing at import, and a
pattern that a run never needs is never compiled. Use it for module constants, never inside loops.

What the compiler produces for a pattern (the arguments of the C constructor ``_regex.compile``)
is kept in a small cache file (``$ZZREVIEW_CACHE_DIR`` or ``~/.cache/zzreview``; ``off`` turns it
off), keyed by the pattern, its flags and the versions of `regex` and Python, so the next run skips
the Python compiler. The cache is written with ``marshal`` (data only, never code); a file that
does not read back, or a constructor that refuses its arguments, means an ordinary compile.
"""

from __future__ import annotations

import threading

import regex
from regex import _main as _regex_main

from zzreview.runcache import Kept, cache_dir

_MAX_PATTERNS = 5000  # patterns made at run time (user tables, plugins) must not grow the file forever
_lock = threading.RLock()
# (pattern, flags as int) → the constructor's arguments; the file is regex-<version>-pyXY.marshal
_kept = Kept(f"regex-{regex.__version__}", limit=_MAX_PATTERNS)


class _Recorder:
    """Stands for the `_regex` C module inside `regex._main` while one pattern compiles."""

    def __init__(self, real):
        self._real, self.args = real, None

    def compile(self, *args):
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
            _kept.put(key, (args[0], int(args[1]), isinstance(args[1], regex.RegexFlag), *args[2:]))
    return compiled


def cached_compile(pattern: str, flags: int = 0) -> regex.Pattern:
    """``regex.compile(pattern, flags)``, from the cache when this pattern was compiled before."""
    if cache_dir() is None:
        return regex.compile(pattern, flags)
    key = (pattern, int(flags))  # a RegexFlag in a key would make the whole file unmarshallable
    try:
        return _from_cache(key) or _compile_recorded(key, flags)
    except Exception:
        return regex.compile(pattern, flags)  # the library's internals moved: no cache


_METHODS = frozenset(("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split"))


class LazyPattern:
    """Stands for ``regex.compile(pattern, flags)``; compiles on the first use of a method.

    The methods are slots left empty until then: the first look-up of one compiles the pattern
    (``__getattr__``) and stores the compiled pattern's own bound method in the slot, so every
    later call goes straight to it, with no wrapper call in between."""

    __slots__ = ("_source", "_flags", "_compiled", *sorted(_METHODS))

    def __init__(self, pattern: str, flags: int = 0):
        self._source, self._flags, self._compiled = pattern, flags, None

    def compiled(self) -> regex.Pattern:
        if self._compiled is None:
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


def compile(pattern: str, flags: int = 0) -> LazyPattern:  # noqa: A001 - mirrors regex.compile
    return LazyPattern(pattern, flags)
