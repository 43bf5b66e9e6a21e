"""Patterns run only on text that contains one of their trigger strings.

A detailed pattern (a place name of up to twelve characters before 人民代表大会, an organ before
令) costs many steps at every position of a line; a plain ``in`` test for a literal that every match
must contain costs almost nothing. ``Gated`` pairs the two: its methods return what the pattern
returns, and skip the pattern where no trigger occurs (where it could not match anyway).

The triggers are part of the pattern's definition: every match of the pattern contains one of them
(tests/test_triggers.py checks this on every gated pattern).

``Words`` asks whether any of a set of literal words occurs in one pass over the text: the standard
library's ``re`` with the words as one alternation of escaped literals (a presence test, so the
order of the alternatives and the engine's choice among them do not matter). One pass over the
text costs less than one ``in`` per word once a text has more than a few words to look for.
"""

from __future__ import annotations

import re

from zzreview import lazy_regex


class Words:
    """Literal words, asked whether any of them occurs in a text (compiled on first use)."""

    __slots__ = ("words", "_any")

    def __init__(self, words: tuple[str, ...]):
        self.words = tuple(words)
        self._any = None

    def occurs(self, text: str, pos: int = 0, endpos: int | None = None) -> bool:
        """Whether a word occurs in text[pos:endpos] (pos and endpos not negative): the same answer as
        ``any(text.find(w, pos, endpos) >= 0 for w in words)``."""
        found = self._any
        if found is None:
            found = self._any = re.compile("|".join(map(re.escape, self.words))).search
        return (found(text, pos) if endpos is None else found(text, pos, endpos)) is not None

    def __reduce__(self):  # pickled as its words (spawned workers); compiled again on first use there
        return Words, (self.words,)


class Gated:
    """A lazily compiled pattern guarded by trigger strings; only the methods used are offered."""

    __slots__ = ("triggers", "pattern", "_words")

    def __init__(self, triggers: tuple[str, ...], pattern: str, flags: int = 0):
        self.triggers = triggers
        self.pattern = lazy_regex.compile(pattern, flags)
        self._words = Words(triggers)

    def occurs(self, text: str, pos: int = 0, endpos: int | None = None) -> bool:
        """Whether a trigger occurs in text[pos:endpos] (where a match could be)."""
        return self._words.occurs(text, pos, endpos)

    def search(self, text: str, pos: int = 0, endpos: int | None = None):
        if not self._words.occurs(text, pos, endpos):
            return None
        return self.pattern.search(text, pos) if endpos is None else self.pattern.search(text, pos, endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        if not self._words.occurs(text, pos, endpos):
            return iter(())
        return self.pattern.finditer(text, pos) if endpos is None else self.pattern.finditer(text, pos, endpos)


def gated(triggers: tuple[str, ...] | str, pattern: str, flags: int = 0) -> Gated:
    return Gated((triggers,) if isinstance(triggers, str) else tuple(triggers), pattern, flags)
