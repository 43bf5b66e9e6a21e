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

    __slots__ = ("words", "_compiled")

    def __init__(self, words: tuple[str, ...]):
        self.words = tuple(words)
        self._compiled = None

    def _scan(self) -> re.Pattern:
        if self._compiled is None:
            self._compiled = lazy_regex.kept_re("|".join(map(re.escape, self.words)))
        return self._compiled

    def occurs(self, text: str, pos: int = 0, endpos: int | None = None) -> bool:
        """Whether a word occurs in text[pos:endpos] (pos and endpos not negative): the same answer as
        ``any(text.find(w, pos, endpos) >= 0 for w in words)``."""
        scan = self._compiled or self._scan()
        return (scan.search(text, pos) if endpos is None else scan.search(text, pos, endpos)) is not None

    def __reduce__(self):  # pickled as its words (spawned workers); compiled again on first use there
        return Words, (self.words,)


class Gated(Words):
    """A lazily compiled pattern guarded by its trigger words (``words``, also ``triggers``): its
    methods skip the pattern where no trigger occurs; only the methods used are offered."""

    __slots__ = ("pattern",)

    def __init__(self, triggers: tuple[str, ...], pattern: str, flags: int = 0):
        super().__init__(triggers)
        self.pattern = lazy_regex.compile(pattern, flags)

    @property
    def triggers(self) -> tuple[str, ...]:
        return self.words

    def search(self, text: str, pos: int = 0, endpos: int | None = None):
        scan = self._compiled or self._scan()  # Words.occurs, inlined: this runs for every line offered
        if endpos is None:
            return self.pattern.search(text, pos) if scan.search(text, pos) else None
        return self.pattern.search(text, pos, endpos) if scan.search(text, pos, endpos) else None

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        if not self.occurs(text, pos, endpos):
            return iter(())
        return self.pattern.finditer(text, pos) if endpos is None else self.pattern.finditer(text, pos, endpos)

    def __reduce__(self):
        return _gated_again, (self.words, self.pattern.pattern, self.pattern._flags)


def _gated_again(words: tuple[str, ...], pattern: str, flags: int) -> Gated:
    return Gated(words, pattern, flags)


def gated(triggers: tuple[str, ...] | str, pattern: str, flags: int = 0) -> Gated:
    return Gated((triggers,) if isinstance(triggers, str) else tuple(triggers), pattern, flags)
