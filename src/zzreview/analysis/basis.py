"""Legal-basis clauses: what upper law the document (or one article) is made under.

Document-level clauses: 为了…，根据《…》…，结合本市实际，制定本办法 /
根据《…》的有关规定，现就…通知如下 / 为贯彻落实《…》…. They are searched in
the opening blocks and in any sentence that says 制定本办法 (the instrument a
通知 issues carries its own 第一条). Article-level clauses: 依照《…》第X条的
规定处罚 and the like, anywhere. A clause that names no instrument
(根据有关法律法规) is kept and marked ``vague``.
"""

from __future__ import annotations

from bisect import bisect_left

from zzreview import lazy_regex
from zzreview.analysis.location import locate
from zzreview.record import Record
from zzreview.text.triggers import gated

_TRIGGER = r"(?:根据|依据|依照|按照|遵照|贯彻落实|贯彻执行|贯彻|落实|执行|为了?实施(?=\s*《))"
_RESULT = (r"(?:制定本|制订本|特制定|特制订|制定此|制定如下|现就|现将|现作如下|作如下|特作|特此|通告如下|公告如下|"
           r"规定如下|通知如下|决定|结合|特发布|现发布|现予|现提出|提出如下|制定了本|制定了|印发|转发)")
# A basis at the head of a clause (为…，根据《…》), not inside a narrative (各部门认真贯彻落实《…》).
_CLAUSE_START = lazy_regex.compile(r"(?:^|[，,：:；]|为了?|^第[一二三四五六七八九十]+条)\s*(?:根据|依据|依照|按照|遵照|贯彻落实|落实)\s*"
                                   r"(?:[^，。；]{0,20})?《")
_SENTENCE = lazy_regex.compile(r"[^。！？\n]+[。！？]?")
_TRIGGER_RE = gated(("根据", "依据", "依照", "按照", "遵照", "贯彻", "落实", "执行", "实施"), _TRIGGER)
_RESULT_RE = lazy_regex.compile(_RESULT)
_ARTICLE_BASIS = lazy_regex.compile(r"(?:依照|依据|根据|按照)\s*(?:国务院|省|市)?[^。；，]{0,12}《")
_LEGAL_WORDS = lazy_regex.compile(
    r"法律|法规|规章|条例|国家(?:有关)?规定|有关规定|上级(?:有关)?(?:规定|文件|精神)|相关规定|令第?[〇一二三四五六七八九十百\d]+号|号令")
_SELF = gated(("制定", "制订"), r"(?:制定|制订)本(?:办法|规定|细则|意见|通知|通告|公告|决定|方案|规则|制度|实施细则|实施办法)"
              r"|特制定|特制订")


class BasisClause(Record):
    """A clause naming what the document is made under (根据…制定本办法) and the instruments it names."""

    _fields = ("text", "scope", "instruments", "vague", "location", "block", "start")

    def __init__(
        self,
        text: str,
        scope: str,  # "document" | "article"
        instruments: list[dict] | None = None,  # title, level, status
        vague: bool = False,
        location: dict | None = None,
        block: int = 0,
        start: int = 0,
    ):
        self.text = text
        self.scope = scope
        self.instruments = [] if instruments is None else instruments
        self.vague = vague
        self.location = {} if location is None else location
        self.block = block
        self.start = start

    def to_dict(self) -> dict:
        return {"text": self.text, "scope": self.scope, "instruments": self.instruments,
                "vague": self.vague, "location": self.location}


_OPENING_SENTENCES = 6
_SHORT_LINE = 40
_ENDS_CLAUSE = lazy_regex.compile(r"[。！？：:；]\s*$")
_NUMBERED = lazy_regex.compile(r"^\s*(?:第[一二三四五六七八九十百零〇\d]+[章节条]|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．])")


def _opening_blocks(doc, structure, lines: list[tuple[int, str]]) -> set[int]:
    """The blocks where a document states its basis: 第一条/第二条 and the body's opening lines, up
    to its sixth paragraph or numbered heading. Counted in typed lines, not blocks, so a draft has
    the same opening as Markdown (lines joined into one paragraph) and as Word (a paragraph per
    line); short unnumbered lines (文号, dates, a subtitle) do not use up the window."""
    opening: set[int] = set()
    sentences = 0
    for index, text in lines:
        if index == doc.title_block:
            continue
        opening.add(index)
        sentences += len(text) > _SHORT_LINE or bool(_ENDS_CLAUSE.search(text) or _NUMBERED.match(text))
        if sentences >= _OPENING_SENTENCES:
            break
    for a in structure.articles:
        if a.number <= 2:
            opening.add(a.block)
    return opening


def _cites_between(cites: list, start: int, end: int) -> list:
    """The citations of a block (in text order) that begin in [start, end); a bisection, not a scan."""
    lo = bisect_left(cites, start, key=lambda rc: rc.citation.start)
    hi = bisect_left(cites, end, lo, key=lambda rc: rc.citation.start)
    return cites[lo:hi]


def extract_basis(doc, analysis) -> list[BasisClause]:

    structure = analysis.structure
    cites_by_block: dict[int, list] = {}
    for rc in analysis.citations:
        cites_by_block.setdefault(rc.citation.block, []).append(rc)
    for cites in cites_by_block.values():
        cites.sort(key=lambda rc: rc.citation.start)  # stable: already in text order
    opening = _opening_blocks(doc, structure, doc.typed_lines())
    out: list[BasisClause] = []
    for b in doc.blocks:
        if b.index == doc.title_block:
            continue
        cites = cites_by_block.get(b.index, [])
        if not (cites or b.index in opening or _SELF.occurs(b.text)):
            continue  # outside the opening a clause needs a citation or 制定本…: none can be here
        if not _TRIGGER_RE.occurs(b.text):
            continue  # no sentence of the block names a basis
        for sm in _SENTENCE.finditer(b.text):
            sentence = sm.group(0)
            t = _TRIGGER_RE.search(sentence)
            if not t:
                continue
            s0 = sm.start()
            tail = sentence[t.start():]
            in_sentence = [rc for rc in _cites_between(cites, s0 + t.start(),
                                                       s0 + len(sentence))
                           if not rc.citation.repeal_context]
            has_result = _RESULT_RE.search(tail) is not None
            document_level = (has_result and (b.index in opening or _SELF.search(sentence))) or (
                b.index in opening and in_sentence and _CLAUSE_START.search(sentence))
            if document_level:
                if not in_sentence and not _LEGAL_WORDS.search(tail):
                    continue  # 根据工作需要 / 按照会议精神: not a legal basis
                scope = "document"
            elif in_sentence and _ARTICLE_BASIS.search(sentence):
                scope = "article"
            else:
                continue
            text = sentence.rstrip("。！？").strip()
            start = s0 + (len(sentence) - len(sentence.lstrip()))
            out.append(BasisClause(
                text=text, scope=scope,
                instruments=[{"title": rc.resolution.title or rc.citation.title, "as_written": rc.citation.as_written,
                              "level": rc.resolution.level, "status": rc.resolution.status}
                             for rc in in_sentence],
                vague=not in_sentence, location=locate(doc, structure, b.index, start).to_dict(),
                block=b.index, start=start))
    return out
