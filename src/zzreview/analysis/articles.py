"""Article references written right after a citation: 第二十三条第二款第（三）项, 第十条之一 …

``parse_article_refs(text, pos)`` reads a run of references starting at ``pos``
(usually the end of a 《…》 title) and returns them normalised (whitespace
removed, half-width parentheses made full-width, numerals kept as written),
each with its 条 number for an existence check (inherited by 第二款 in
第十条第一款、第二款; the upper end of a range; None when no 条 is written).
"""

from __future__ import annotations

import regex

from zzreview import lazy_regex
from zzreview.record import Record
from zzreview.text.numerals import CN_NUMERAL_CHARS, cn_to_int

_NUM = f"[{CN_NUMERAL_CHARS}0-9０-９]+"
_S = r"[ \t\u3000]*"  # blanks inside a reference (never a line break)

# One reference: any non-empty prefix-closed chain 条 > 款 > 项 > 目, starting at any level.
_UNIT = lazy_regex.compile(
    rf"""
    (?P<tiao>第{_S}(?P<t>{_NUM}){_S}条(?:{_S}之{_S}(?P<ts>{_NUM}))?)?
    (?P<kuan>{_S}第{_S}(?P<k>{_NUM}){_S}款)?
    (?P<xiang>{_S}第{_S}[（(]?{_S}(?P<x>{_NUM}){_S}[）)]?{_S}项)?
    (?P<mu>{_S}第{_S}(?P<m>{_NUM}){_S}目)?
    """,
    regex.VERBOSE,
)
# Between the title and the first reference: blanks, 的, 中, 中的.
_LEAD = lazy_regex.compile(rf"{_S}(?:中的|的|中)?{_S}(?=第)")
# Between two references: a list separator or a range marker.
_SEP = lazy_regex.compile(rf"{_S}(?:(?P<range>至|到|－|—|~|～|-)|、|[，,]?{_S}(?:以及|和|及|或者|或|与)){_S}(?=第)")
_BLANKS = lazy_regex.compile(r"\s+")
_PARENS = str.maketrans("()", "（）")


class ArticleRefs(Record):
    """Article references read after a title (第三条、第五条第二款), with their numbers."""

    _fields = ("refs", "numbers", "end")

    def __init__(
        self,
        refs: list[str] | None = None,
        numbers: list[int | None] | None = None,  # parallel to refs
        end: int = 0,  # offset just after the last reference read (== pos when none)
    ):
        self.refs = [] if refs is None else refs
        self.numbers = [] if numbers is None else numbers
        self.end = end


def _norm(s: str) -> str:
    return _BLANKS.sub("", s).translate(_PARENS)


def parse_article_refs(text: str, pos: int) -> ArticleRefs:
    """References starting at ``pos`` (after optional 的/中); empty when there are none."""
    out = ArticleRefs(end=pos)
    lead = _LEAD.match(text, pos)
    if not lead:
        return out
    i = lead.end()
    tiao = kuan = ""  # context inherited by a reference that starts below 条
    tiao_number: int | None = None
    range_open = False
    while True:
        m = _UNIT.match(text, i)
        if not m or m.end() == i:
            break
        parts = {g: _norm(m.group(g) or "") for g in ("tiao", "kuan", "xiang", "mu")}
        if parts["tiao"]:  # a new 条: resets the context
            tiao, kuan, prefix = parts["tiao"], "", ""
            tiao_number = cn_to_int(m.group("t"))
        elif parts["kuan"]:  # 第二款 after 第十条第一款 → 第十条第二款
            prefix = tiao
        else:  # 第（四）项 after 第十条第一款第（三）项 → 第十条第一款第（四）项
            prefix = tiao + kuan
        if parts["kuan"]:
            kuan = parts["kuan"]
        ref = prefix + "".join(parts.values())
        if range_open and out.refs:
            out.refs[-1] = f"{out.refs[-1]}至{ref}"
            if tiao_number is not None:
                out.numbers[-1] = max(out.numbers[-1] or 0, tiao_number)
        else:
            out.refs.append(ref)
            out.numbers.append(tiao_number)
        out.end = m.end()
        sep = _SEP.match(text, m.end())
        if not sep:
            break
        range_open = sep.group("range") is not None
        i = sep.end()
    return out
