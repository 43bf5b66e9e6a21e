"""Patterns compiled on first use. The `regex` module compiles in Python (about half a millisecond a
pattern), so a module-level ``lazy_regex.compile(...)`` costs nothing at import, and a pattern
that a run never needs is never compiled. Use it for module constants, never inside loops."""

from __future__ import annotations

import regex


class LazyPattern:
    """Stands for ``regex.compile(pattern, flags)``; compiles on the first call."""

    __slots__ = ("_source", "_flags", "_compiled")

    def __init__(self, pattern: str, flags: int = 0):
        self._source, self._flags, self._compiled = pattern, flags, None

    def compiled(self) -> regex.Pattern:
        if self._compiled is None:
            self._compiled = regex.compile(self._source, self._flags)
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
