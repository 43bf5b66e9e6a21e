"""Which of a fixed set of literal words occur in a text, found in one pass.

Asking ``w in text`` for each of two hundred trigger words reads the text two hundred times. An
Aho-Corasick automaton (ahocorasick_rs) finds every occurrence of every word in one pass. Importing
and building it costs about a millisecond, more than the plain tests on a short draft (the hook
reviews one), so a scan tests word by word until the texts it has read add up to
``AUTOMATON_AFTER`` characters, and uses the automaton from then on. Both ways give the same
answer (tests/test_wordscan.py).
"""

from __future__ import annotations

from collections.abc import Iterable

# Characters read by plain tests before the automaton is built. Measured on fair-competition's 224
# words: plain tests ~0.29 µs a character, the automaton ~0.045; importing and building it ~1 ms.
AUTOMATON_AFTER = 5_000


def _automaton(words: tuple[str, ...]):
    """The words' automaton, in ahocorasick-rs's default form. (A DFA scans a whole draft about
    twice as fast alone, but in a corpus run, its tables cold between documents, it saved ~10% on
    whole texts and lost as much on short blocks: fair-competition's scans 33.5 ms against 32.5.)"""
    import ahocorasick_rs

    return ahocorasick_rs.AhoCorasick(words)


class WordScan:
    """A fixed set of non-empty words; ``found(text)`` tells which occur in ``text``, ``starts(text)``
    where."""

    __slots__ = ("words", "_automaton", "_read", "_plain_until")

    def __init__(self, words: Iterable[str], plain_until: int = AUTOMATON_AFTER):
        self.words = tuple(words)
        if not all(self.words):
            raise ValueError("WordScan: an empty word occurs everywhere")
        self._automaton = None
        self._read = 0
        self._plain_until = plain_until

    def found(self, text: str) -> set[int]:
        """The indexes (in ``words``) of the words that occur in ``text``."""
        if self._automaton is None:
            self._read += len(text)
            if self._read <= self._plain_until:
                return {i for i, w in enumerate(self.words) if w in text}
            self._automaton = _automaton(self.words)
        return {m[0] for m in self._automaton.find_matches_as_indexes(text, overlapping=True)}

    def starts(self, text: str) -> list[int]:
        """The positions in ``text`` where one of the words starts, in order, each once."""
        if self._automaton is None:
            self._read += len(text)
            if self._read <= self._plain_until:
                out = set()
                for w in self.words:
                    i = text.find(w)
                    while i >= 0:
                        out.add(i)
                        i = text.find(w, i + 1)
                return sorted(out)
            self._automaton = _automaton(self.words)
        return sorted({m[1] for m in self._automaton.find_matches_as_indexes(text, overlapping=True)})
