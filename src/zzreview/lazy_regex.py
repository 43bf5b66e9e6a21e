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

import atexit
import marshal
import os
import sys
import threading
from pathlib import Path

import regex
from regex import _main as _regex_main

from zzreview.runcache import cache_dir

_FORMAT = 1
_MAX_PATTERNS = 5000  # patterns made at run time (user tables, plugins) must not grow the file forever
_lock = threading.RLock()
_stored: dict[tuple[str, int], tuple] | None = None  # None: not read yet
_added = False


class _Recorder:
    """Stands for the `_regex` C module inside `regex._main` while one pattern compiles."""

    def __init__(self, real):
        self._real, self.args = real, None

    def compile(self, *args):
        self.args = args
        return self._real.compile(*args)

    def __getattr__(self, name: str):
        return getattr(self._real, name)


_CACHE_NAME = f"regex-{regex.__version__}-py{sys.version_info[0]}{sys.version_info[1]}.marshal"


def _cache_file() -> Path | None:
    base = cache_dir()
    return base / _CACHE_NAME if base else None


def _read() -> dict:
    path = _cache_file()
    try:
        data = marshal.loads(path.read_bytes()) if path else None
    except (OSError, ValueError, EOFError, TypeError):
        data = None
    if not (isinstance(data, tuple) and len(data) == 2 and data[0] == _FORMAT and isinstance(data[1], dict)):
        return {}
    return data[1]


def write_cache() -> None:
    """Write the patterns compiled in this process to the cache file (done at exit)."""
    _write()


def _write() -> None:
    path = _cache_file()
    if not (_added and path):
        return
    with _lock:
        merged = {**_read(), **(_stored or {})}  # another run may have added patterns meanwhile
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
            tmp.write_bytes(marshal.dumps((_FORMAT, merged)))
            os.replace(tmp, path)
        except (OSError, ValueError):
            pass  # a read-only home: compile every run, as without the cache


def _from_cache(key: tuple[str, int]):
    global _stored
    with _lock:
        if _stored is None:
            _stored = _read()
            atexit.register(_write)
        args = _stored.get(key)
    if args is not None:
        pattern, flags, as_enum, *rest = args
        try:
            return _regex_main._regex.compile(pattern, regex.RegexFlag(flags) if as_enum else flags, *rest)
        except Exception:  # another layout of the arguments: compile afresh
            _stored.pop(key, None)
    return None


def _compile_recorded(key: tuple[str, int], flags: int) -> regex.Pattern:
    global _added
    with _lock:
        real = _regex_main._regex
        recorder = _Recorder(real)
        _regex_main._regex = recorder
        try:
            compiled = _regex_main._compile(key[0], flags, False, {}, True)
        finally:
            _regex_main._regex = real
        args = recorder.args
        if args is not None and not args[5] and not (args[1] & regex.LOCALE) and len(_stored) < _MAX_PATTERNS:  # args[5]: named lists
            entry = (args[0], int(args[1]), isinstance(args[1], regex.RegexFlag), *args[2:])
            if _marshallable(entry):  # one entry marshal cannot write would keep the whole file from being written
                _stored[key] = entry
                _added = True
    return compiled


def _marshallable(entry: tuple) -> bool:
    try:
        marshal.dumps(entry)
    except ValueError:
        return False
    return True


def cached_compile(pattern: str, flags: int = 0) -> regex.Pattern:
    """``regex.compile(pattern, flags)``, from the cache when this pattern was compiled before."""
    if _cache_file() is None:
        return regex.compile(pattern, flags)
    key = (pattern, int(flags))  # a RegexFlag in a key would make the whole file unmarshallable
    try:
        return _from_cache(key) or _compile_recorded(key, flags)
    except Exception:
        return regex.compile(pattern, flags)  # the library's internals moved: no cache


class LazyPattern:
    """Stands for ``regex.compile(pattern, flags)``; compiles on the first call."""

    __slots__ = ("_source", "_flags", "_compiled")

    def __init__(self, pattern: str, flags: int = 0):
        self._source, self._flags, self._compiled = pattern, flags, None

    def compiled(self) -> regex.Pattern:
        if self._compiled is None:
            self._compiled = cached_compile(self._source, self._flags)
        return self._compiled

    def search(self, *args, **kwargs):
        return (self._compiled or self.compiled()).search(*args, **kwargs)

    def match(self, *args, **kwargs):
        return (self._compiled or self.compiled()).match(*args, **kwargs)

    def fullmatch(self, *args, **kwargs):
        return (self._compiled or self.compiled()).fullmatch(*args, **kwargs)

    def finditer(self, *args, **kwargs):
        return (self._compiled or self.compiled()).finditer(*args, **kwargs)

    def findall(self, *args, **kwargs):
        return (self._compiled or self.compiled()).findall(*args, **kwargs)

    def sub(self, *args, **kwargs):
        return (self._compiled or self.compiled()).sub(*args, **kwargs)

    def subn(self, *args, **kwargs):
        return (self._compiled or self.compiled()).subn(*args, **kwargs)

    def split(self, *args, **kwargs):
        return (self._compiled or self.compiled()).split(*args, **kwargs)

    @property
    def pattern(self) -> str:
        return self._source

    def __getattr__(self, name: str):  # groupindex, flags, …
        return getattr(self.compiled(), name)


def compile(pattern: str, flags: int = 0) -> LazyPattern:  # noqa: A001 - mirrors regex.compile
    return LazyPattern(pattern, flags)
