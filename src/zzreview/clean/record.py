"""One document of the stock, reviewed on its own: a pure function of (path, settings).

``review`` returns a plain dict (JSON-able, small): what the cleanup needs from the
document and every finding of the ordinary checks. The Document itself is dropped
here, so a stock of any size is never held in memory.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import regex

from zzreview.clean.keys import number_key, stock_key, title_keys

# After a bare 文号: 青禾政发〔2016〕8号（文件）同时废止.
_NUMBER_REPEALED = regex.compile(r"^\s*(?:文件|文)?\s*(?:[）)]\s*)?(?:都|均|亦|也)?\s*(?:同时|一并|即行|予以)?\s*(?:废止|停止执行|失效|作废)")
# A statement that it is already gone (原青禾政发〔2016〕8号已废止) is neither a citation nor a repeal.
_NUMBER_GONE = regex.compile(r"^\s*(?:文件|文)?\s*(?:[）)]\s*)?(?:已|已经|业已|早已)")
# A title that implements one instrument: 关于贯彻实施《X》的意见 / 《X》实施细则. X is its subject.
_IMPLEMENTS = regex.compile(r"(?:贯彻|实施|落实|执行)[^《》]{0,6}《(?P<x>[^《》]{2,80})》|《(?P<y>[^《》]{2,80})》(?:的)?(?:实施(?:细则|办法|意见|方案)|贯彻意见)")
# After a 《title》: its repeal (for an earlier version under this document's own title, which
# citation extraction leaves out as a name of this document).
_TITLE_REPEALED = regex.compile(r"^\s*(?:[（(][^（）()]{0,60}[）)])?\s*(?:自[^。；，]{0,30}?起\s*)?"
                                r"(?:同时|一并|即行|予以)?\s*(?:废止|停止执行|失效)")
# Text right after a repealed title that makes the repeal partial: 《X》中有关…的规定 / 第X条.
_PARTIAL = regex.compile(r"^\s*(?:[（(][^（）()]{0,60}[）)])?\s*(?:中|第[一二三四五六七八九十百零〇\d]+条)")


@dataclass(frozen=True)
class Settings:
    """What every worker needs; picklable."""

    as_of: dt.date
    kb_tables: tuple[str, ...] = ()
    config_path: str | None = None


_STATE: dict = {}


def _kb_and_resolver(s: Settings):
    key = (s.kb_tables, s.config_path)
    if _STATE.get("key") != key:
        from pathlib import Path

        from zzreview import engine
        from zzreview.config import load_config
        from zzreview.kb import KnowledgeBase

        cfg = load_config(Path(s.config_path)) if s.config_path else None
        _STATE.update(key=key, kb=KnowledgeBase.load(list(s.kb_tables)),
                      resolver=engine.ConfigResolver(cfg))
    return _STATE["kb"], _STATE["resolver"]


def _revised_since(res, doc_date: str | None, as_of: str) -> dict | None:
    """The first version of a cited law that took effect after the document and by ``as_of``."""
    if not doc_date or res.status not in ("有效", "已修改"):
        return None
    for v in res.versions:
        day = v.effective_date or v.publish_date
        if day and doc_date < day <= as_of and "修" in (v.label or ""):
            return {"label": v.label, "date": day}
    return None


def _sentence(text: str, start: int, end: int, limit: int = 160) -> str:
    """The sentence around text[start:end] (the repeal clause), at most ``limit`` characters."""
    begin = max(text.rfind(p, 0, start) for p in "。；") + 1
    stop = min((i for i in (text.find(p, end) for p in "。；") if i >= 0), default=len(text) - 1) + 1
    return text[max(begin, start - limit):min(stop, end + limit)].strip()


def _implements(title: str | None, kb, as_of: dt.date) -> dict | None:
    """The instrument the title says the document implements, with its state in the law KB."""
    m = _IMPLEMENTS.search(title or "")
    if not m:
        return None
    name = m.group("x") or m.group("y")
    res = kb.resolve(name, as_of)
    return {"title": res.title or name, "key": stock_key(name), "known": res.known, "status": res.status,
            "successor": res.successor, "quote": m.group(0)}


def _own_title_repeals(doc, a) -> list[dict]:
    """“（2015年印发的）《本文件同名标题》同时废止”: an earlier version with the same title."""
    from zzreview.analysis.citations import find_title_spans
    from zzreview.analysis.location import locate

    own = stock_key(doc.title or "")
    out = []
    for b in doc.blocks:
        if b.index == doc.title_block or "废止" not in b.text and "失效" not in b.text:
            continue
        for start, end in find_title_spans(b.text):
            title = b.text[start + 1:end - 1]
            if stock_key(title) == own and _TITLE_REPEALED.match(b.text[end:end + 40]):
                out.append({"title": title, "key": own, "partial": False, "quote": b.text[start:end],
                            "location": locate(doc, a.structure, b.index, start).to_dict(),
                            "clause": _sentence(b.text, start, end)})
    return out


def _number_refs(doc, a) -> list[dict]:
    """文号 written in the body (not this document's own): a reference to, or the repeal of,
    the stock document that bears it."""
    from zzreview.analysis.location import locate
    from zzreview.readers.metadata import DOC_NUMBER

    own = number_key(doc.doc_number) if doc.doc_number else None
    out = []
    for b in doc.blocks:
        if b.index == doc.title_block:
            continue
        for m in DOC_NUMBER.finditer(b.text):
            key = number_key(m.group(0))
            if _NUMBER_GONE.match(b.text[m.end():m.end() + 10]):
                continue
            if key == own or (len(b.text) < 60 and b.index < 10 and own is None):
                continue  # the document's own number, in its heading
            out.append({"number": key, "quote": m.group(0), "location": locate(doc, a.structure, b.index, m.start()).to_dict(),
                        "repeal": bool(_NUMBER_REPEALED.match(b.text[m.end():m.end() + 20])),
                        "clause": _sentence(b.text, m.start(), m.end())})
    return out


def review(task: tuple[int, str, Settings]) -> dict:
    """Review one file of the stock; never raises for a bad file (the error is recorded)."""
    index, path, s = task
    from zzreview import engine
    from zzreview.analysis.location import title_location

    kb, resolver = _kb_and_resolver(s)
    errors: list = []
    r = engine.review_file(path, kb, s.as_of, config=resolver.for_file(path), errors=errors)
    engine.apply_decisions([r], resolver)  # findings a reviewer accepted do not drive the decision
    rec: dict = {"index": index, "path": path}
    if r.document is None:
        rec["error"] = r.error.message if r.error else "无法读取"
        return rec
    doc, a = r.document, r.analysis
    quote, loc = title_location(doc)
    n = a.normative
    dates = a.dates.to_dict() if a.dates else {}
    rec.update(
        title=doc.title, doc_number=doc.doc_number, issuer=doc.issuer, date=doc.date,
        keys=title_keys(doc.title, doc.issuer), title_quote=quote, title_location=loc.to_dict(),
        normative={"is_normative": bool(n is None or n.is_normative),
                   "kind": getattr(n, "kind", None), "level": getattr(n, "level", None),
                   "reasons": list(getattr(n, "reasons", []) or []),
                   "confidence": getattr(n, "confidence", None)},
        dates={k: dates.get(k) for k in ("effective_date", "effective_on", "effective_text",
                                         "validity", "period_in_title")},
        findings=[f.to_dict() for f in r.findings], accepted=len(r.accepted),
        plugin_errors=[str(e) for e in errors],
    )
    repeals, stock_refs, laws = [], [], []
    for rc in a.citations:
        c, res = rc.citation, rc.resolution
        where = {"quote": c.as_written, "location": rc.location.to_dict()}
        if c.repeal_context:
            text = doc.blocks[c.block].text
            repeals.append({"title": c.title, "key": stock_key(c.title),
                            "partial": bool(_PARTIAL.match(text[c.end:c.end + 40])),
                            **where, "clause": _sentence(text, c.start, c.end)})
        elif not res.known:
            full = c.short_name_of or c.title  # a short name defined earlier stands for the full title
            stock_refs.append({"title": full, "key": stock_key(full), **where})
        else:
            laws.append({"title": res.title, "status": res.status, "successor": res.successor,
                         "articles": list(c.articles),
                         "revised": _revised_since(res, doc.date, s.as_of.isoformat()), **where})
    repeals += _own_title_repeals(doc, a)
    for ref in _number_refs(doc, a):
        (repeals if ref.pop("repeal") else stock_refs).append(ref)
    rec["implements"] = _implements(doc.title, kb, s.as_of)
    rec.update(repeals=repeals, stock_refs=stock_refs, laws=laws,
               basis=[i for b in a.basis if b.scope == "document" for i in b.instruments])
    return rec
