"""Certification demands (证明事项): every place where a draft requires the public to submit,
provide, present, hold or obtain a certification (提交…证明, 由…出具的…证明, 其他证明材料).

The text is read line by line, sentence by sentence, clause by clause. In each clause the noun
phrase headed by 证明 / 证明材料 / 证明文件 / 证明书 / 证明信 / 证明函 is found with its modifiers
(analysis.cert_phrases, walked by analysis.cert_clauses), then who acts decides whether it is a demand: the public submitting,
showing, holding or obtaining it (or an office inspecting what the public holds) is; an office
or a third party issuing, checking, forwarding, abolishing or replacing it is not. A list header
(提交下列材料：) carries its demand onto the items below it. The same item demanded at several
places is one entry with every place in ``occurrences``.

The parser is imported only for a text containing 证明 or 其他; no tokenizer is needed for it.
``tokenizer()`` (jieba) serves name matching in certlists and is imported only when a list is matched.
"""

from __future__ import annotations

from zzreview import lazy_regex
from zzreview.analysis.location import locate
from zzreview.model import Location
from zzreview.record import Record


class Occurrence(Record):
    """One place where a certification is demanded."""

    _fields = ("text", "block", "start", "location", "phrase", "phrase_start")

    def __init__(
        self,
        text: str,  # the certification as written at this place
        block: int,
        start: int,
        location: Location,
        phrase: str,
        phrase_start: int,
    ):
        self.text = text
        self.block = block
        self.start = start
        self.location = location
        self.phrase = phrase
        self.phrase_start = phrase_start


class CertificationDemand(Record):
    """A certification the document demands, with every place it is demanded."""

    _fields = ("text", "phrase", "block", "start", "phrase_start", "location", "phrase_location", "issuer",
               "catch_all", "bounded", "promise", "listed", "list_item", "occurrences")

    def __init__(
        self,
        text: str,  # the certification as it should be matched (exact substring of the block)
        phrase: str,  # the demanding phrase (exact substring of the block)
        block: int,
        start: int,  # offset of ``text`` in the block
        phrase_start: int,
        location: Location,
        phrase_location: Location,
        issuer: str | None = None,
        catch_all: bool = False,
        bounded: bool = False,  # a catch-all limited to what laws require (法律、法规规定的其他证明)
        promise: bool = False,  # the draft itself offers 告知承诺 for it
        listed: bool | None = None,  # None: not judged against a list
        list_item: dict | None = None,
        occurrences: list[Occurrence] | None = None,
    ):
        self.text = text
        self.phrase = phrase
        self.block = block
        self.start = start
        self.phrase_start = phrase_start
        self.location = location
        self.phrase_location = phrase_location
        self.issuer = issuer
        self.catch_all = catch_all
        self.bounded = bounded
        self.promise = promise
        self.listed = listed
        self.list_item = list_item
        self.occurrences = [] if occurrences is None else occurrences

    @property
    def count(self) -> int:
        return max(1, len(self.occurrences))

    @property
    def name(self) -> str:
        """The certification without its issuer (户籍证明 for 派出所出具的户籍证明)."""
        if self.issuer and self.text.startswith(self.issuer):
            rest = _AFTER_ISSUER.sub("", self.text[len(self.issuer):])
            if "证明" in rest and not _HEAD.fullmatch(rest):
                return rest
        return self.text

    @property
    def article(self) -> str | None:
        return self.location.article

    @property
    def locations(self) -> list[Location]:
        return [o.location for o in self.occurrences] or [self.location]

    def to_dict(self) -> dict:
        return {
            "text": self.text,
            "name": self.name,
            "phrase": self.phrase,
            "issuer": self.issuer,
            "catch_all": self.catch_all,
            "bounded": self.bounded,
            "listed": self.listed,
            "list_item": self.list_item,
            "promise": self.promise,
            "article": self.article,
            "count": self.count,
            "location": self.location.to_dict(),
            "locations": [loc.to_dict() for loc in self.locations],
        }


# --- jieba, lazily (name matching only) ---------------------------------------------------------
_JIEBA = None
_LEGAL_TERMS = ("证明事项", "告知承诺", "告知承诺制", "无犯罪记录", "无违法犯罪记录", "村民委员会", "居民委员会",
                "村委会", "居委会", "派出所", "公安派出所", "户籍所在地", "婚姻状况", "亲属关系", "出生医学证明",
                "死亡医学证明", "医学证明")


def tokenizer():
    """jieba with the legal-term words added (imported on first use)."""
    global _JIEBA
    if _JIEBA is None:
        import logging

        import jieba

        jieba.setLogLevel(logging.WARNING)
        for w in _LEGAL_TERMS:
            jieba.add_word(w)
        _JIEBA = jieba
    return _JIEBA


# --- text units ----------------------------------------------------------------------------------


_PUNCT = lazy_regex.compile(r"[\p{P}\s]")
_AFTER_ISSUER = lazy_regex.compile(r"^(?:[（(][^（）()]*[）)])?(?:出具|开具|颁发|签发|核发|提供|盖章确认)?"
                                   r"(?:[（(][^（）()]*[）)])?的?")
_HEAD = lazy_regex.compile(r"证明(?:材料|文件|文书|书|信|函)?")


# a line outside any list needs one of these to open a section (cert_clauses.HEADER_LINE) or to
# demand something (cert_clauses.line_demands), or must end in a colon to open a list
_LINE_WORDS = ("证明", "其他", "材料", "资料", "要件", "证件")


def _lines(doc):
    """(block index, offset in block, line text) for every line of the body."""
    for b in doc.blocks:
        if b.index == doc.title_block:
            continue
        off = 0
        for ln in b.text.split("\n"):
            yield b, off, ln
            off += len(ln) + 1


def extract_certifications(doc, analysis) -> list[CertificationDemand]:
    """Every certification the document demands: one entry per item, with all its places."""
    text = doc.text
    if "证明" not in text and "其他" not in text:
        return []
    from zzreview.analysis import cert_clauses as cc  # the parser, only for texts that need it

    if "证明" not in text and not cc.OPEN_MATERIALS.search(text):
        return []
    structure = analysis.structure
    by_key: dict[str, CertificationDemand] = {}
    out: list[CertificationDemand] = []
    state = (cc.title_polarity(doc.title), 0)  # the open section and list headers
    for b, off, ln in _lines(doc):
        if state == (0, 0) and not any(w in ln for w in _LINE_WORDS) and not ln.rstrip().endswith(("：", ":")):
            continue  # opens no list or section and demands nothing: nothing to read or carry
        governing, state = cc.list_context(b.kind, ln, state)
        found, carry = cc.line_demands(ln, governing)
        if carry:
            state = (state[0], carry)
        for f in sorted(found, key=lambda f: f.start):
            loc = locate(doc, structure, b.index, off + f.start)
            occ = Occurrence(text=f.text, block=b.index, start=off + f.start, location=loc,
                             phrase=ln[f.phrase_start:f.start + len(f.text)], phrase_start=off + f.phrase_start)
            key = _PUNCT.sub("", f.text)
            if key in by_key:
                d = by_key[key]
                d.occurrences.append(occ)
                d.promise = d.promise or f.promise
                d.issuer = d.issuer or f.issuer
                continue
            d = CertificationDemand(
                text=f.text, phrase=occ.phrase, block=b.index, start=occ.start, phrase_start=occ.phrase_start,
                location=loc, phrase_location=locate(doc, structure, b.index, occ.phrase_start),
                issuer=f.issuer, catch_all=f.catch_all, bounded=f.bounded, promise=f.promise,
                occurrences=[occ])
            by_key[key] = d
            out.append(d)
    return out


def text_note(analysis) -> str | None:
    """One line for the text report when demands were found but no list was configured."""
    demands = getattr(analysis, "certifications", None) or []
    if demands and all(d.listed is None for d in demands if not d.catch_all) and \
            any(not d.catch_all for d in demands):
        n = len(demands)
        return (f"识别到 {n} 项证明材料要求，但未配置证明事项清单（certification-lists），未对照清单审查；"
                f"详见 --format json 的 facts.certifications")
    return None
