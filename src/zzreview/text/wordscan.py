"""Which of a fixed set of literal words occur in a text, and in which of its pieces, in one pass.

Asking ``w in text`` for each of two hundred trigger words reads the text two hundred times. An
Aho-Corasick automaton (ahocorasick_rs) finds every occurrence of every word in one pass. Importing
and building it costs about a millisecond, more than the plain tests on a short draft (the hook
reviews one), so a scan tests word by word until the texts it has read add up to
``AUTOMATON_AFTER`` characters, and uses the automaton from then on. Both ways give the same
answer (tests/test_wordscan.py).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from operator import itemgetter

AUTOMATON_AFTER = 20_000  # characters read by plain tests before the automaton pays for itself


class WordScan:
    """A fixed set of non-empty words; ``found(text)`` tells which occur in ``text``."""

    __slots__ = ("words", "_automaton", "_read", "_plain_until")

    def __init__(self, words: Iterable[str], plain_until: int = AUTOMATON_AFTER):
        self.words = tuple(words)
        if not all(self.words):
            raise ValueError("WordScan: an empty word occurs everywhere")
        self._automaton = None
        self._read = 0
        self._plain_until = plain_until

    def found(self, text: str) -> Found:
        """The words in ``text``, by their index in ``words``."""
        if self._automaton is None:
            self._read += len(text)
            if self._read <= self._plain_until:
                return _Tested(self.words, text)
            import ahocorasick_rs

            self._automaton = ahocorasick_rs.AhoCorasick(self.words)
        return _Matched(self._automaton.find_matches_as_indexes(text, overlapping=True))


class Found:
    """The words that occur in one text (``ids``: their indexes)."""

    ids: frozenset[int]

    def in_pieces(self, pieces: Sequence[str], only: Iterable[int]) -> dict[int, set[int]]:
        """Piece number → the words of ``only`` that occur in that piece, for the pieces that hold
        any; ``pieces`` are the texts that ``"\\n".join`` made the scanned text of."""
        raise NotImplementedError


class _Tested(Found):
    """Found by one ``in`` test per word."""

    __slots__ = ("ids", "_words")

    def __init__(self, words: tuple[str, ...], text: str):
        self._words = words
        self.ids = frozenset(i for i, w in enumerate(words) if w in text)

    def in_pieces(self, pieces: Sequence[str], only: Iterable[int]) -> dict[int, set[int]]:
        wanted = [(i, self._words[i]) for i in sorted(self.ids.intersection(only))]
        out: dict[int, set[int]] = {}
        if not wanted:
            return out
        for k, piece in enumerate(pieces):
            here = {i for i, w in wanted if w in piece}
            if here:
                out[k] = here
        return out


class _Matched(Found):
    """Found by the automaton: every occurrence as (word, start, end), in the order of their ends."""

    __slots__ = ("ids", "_matches", "_ends")

    def __init__(self, matches: list[tuple[int, int, int]]):
        matches.sort(key=itemgetter(2))  # the automaton reports them so; sorting sorted costs one pass
        self._matches = matches
        ids, _, self._ends = zip(*matches) if matches else ((), (), ())
        self.ids = frozenset(ids)

    def in_pieces(self, pieces: Sequence[str], only: Iterable[int]) -> dict[int, set[int]]:
        only = self.ids.intersection(only)
        out: dict[int, set[int]] = {}
        if not only:
            return out
        matches, ends, start = self._matches, self._ends, 0
        for k, piece in enumerate(pieces):
            end = start + len(piece)
            lo, hi = bisect_right(ends, start), bisect_right(ends, end)
            if lo < hi:  # the occurrences that end in this piece; those that start in it lie in it
                here = {i for i, s, _ in matches[lo:hi] if i in only and s >= start}
                if here:
                    out[k] = here
            start = end + 1  # past the "\n" between pieces
        return out
