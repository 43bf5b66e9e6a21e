"""Patterns run only on text that contains one of their trigger strings.

A detailed pattern (a place name of up to twelve characters before 人民代表大会, an organ before
令) costs many steps at every position of a line; a plain ``in`` test for a literal that every match
must contain costs almost nothing. ``Gated`` pairs the two: its methods return what the pattern
returns, and skip the pattern where no trigger occurs (where it could not match anyway).

The triggers are part of the pattern's definition: every match of the pattern contains one of them
(tests/test_triggers.py checks this on every gated pattern).
"""

from __future__ import annotations

from zzreview import lazy_regex


class Gated:
    """A lazily compiled pattern guarded by trigger strings; only the methods used are offered."""

    __slots__ = ("triggers", "pattern")

    def __init__(self, triggers: tuple[str, ...], pattern: str, flags: int = 0):
        self.triggers = triggers
        self.pattern = lazy_regex.compile(pattern, flags)

    def occurs(self, text: str, pos: int = 0, endpos: int | None = None) -> bool:
        """Whether a trigger occurs in text[pos:endpos] (where a match could be)."""
        if pos == 0 and endpos is None:
            for w in self.triggers:
                if w in text:
                    return True
            return False
        for w in self.triggers:
            if text.find(w, pos, len(text) if endpos is None else endpos) >= 0:
                return True
        return False

    def search(self, text: str, pos: int = 0, endpos: int | None = None):
        if not self.occurs(text, pos, endpos):
            return None
        return self.pattern.search(text, pos) if endpos is None else self.pattern.search(text, pos, endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        if not self.occurs(text, pos, endpos):
            return iter(())
        return self.pattern.finditer(text, pos) if endpos is None else self.pattern.finditer(text, pos, endpos)


def gated(triggers: tuple[str, ...] | str, pattern: str, flags: int = 0) -> Gated:
    return Gated((triggers,) if isinstance(triggers, str) else tuple(triggers), pattern, flags)
