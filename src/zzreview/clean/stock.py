"""The stock as its own knowledge base: titles → documents, and who repealed whom.

Built from the light part of every record (titles, 文号, dates, repeal clauses), so it
stays small however large the stock; the findings stay on disk.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import regex

from zzreview.clean.keys import number_key

_YEARS = regex.compile(r"((?:19|20)\d\d)\s*年?\s*[—\-－–~～至到]\s*((?:19|20)?\d\d)\s*年|((?:19|20)\d\d)\s*年度?")


@dataclass
class StockDoc:
    index: int
    title: str
    doc_number: str | None
    issued: str | None
    effective: str | None
    until: str | None  # validity end, from the text (or the period in its title)
    until_source: str | None  # "text" | "computed" | "title"
    repeals: list[dict] = field(default_factory=list)
    repealed_by: tuple[int, str, str] | None = None  # (index, quote of the clause, confidence)
    primary_key: str = ""  # the key of its own full title

    def match_confidence(self, ref: dict) -> str:
        """High when cited by its 文号 or full title; medium by a derived name (no place name …)."""
        return "high" if "number" in ref or ref.get("key") == self.primary_key else "medium"


def _title_period_end(period: str | None) -> str | None:
    m = _YEARS.search(period or "")
    if not m:
        return None
    if m.group(1):
        end = m.group(2)
        year = int(end) if len(end) == 4 else int(m.group(1)[:2] + end)
    else:
        year = int(m.group(3))
    return f"{year}-12-31"


def stock_doc(rec: dict) -> StockDoc | None:
    if rec.get("error"):
        return None
    d = rec.get("dates") or {}
    v = d.get("validity") or {}
    until, source = v.get("until"), None
    if until:
        source = "computed" if (v.get("years") or v.get("months")) else "text"
    elif d.get("period_in_title"):
        until, source = _title_period_end(d["period_in_title"]), "title"
    return StockDoc(rec["index"], rec.get("title") or rec["path"], rec.get("doc_number"), rec.get("date"),
                    d.get("effective_date"), until, source if until else None,
                    [r for r in rec.get("repeals", []) if not r.get("partial")])


class StockIndex:
    def __init__(self) -> None:
        self.docs: dict[int, StockDoc] = {}
        self._by_key: dict[str, set[int]] = {}
        self._by_number: dict[str, set[int]] = {}

    def add(self, rec: dict) -> None:
        doc = stock_doc(rec)
        if doc is None:
            return
        self.docs[doc.index] = doc
        doc.primary_key = (rec.get("keys") or [""])[0]
        for k in rec.get("keys", []):
            self._by_key.setdefault(k, set()).add(doc.index)
        if doc.doc_number:
            self._by_number.setdefault(number_key(doc.doc_number), set()).add(doc.index)

    def find(self, key: str, exclude: int | None = None, before: str | None = None) -> StockDoc | None:
        """The one stock document a cited title names (None when none or several fit).

        A title reused by successive versions means the version not yet repealed and, for a
        repeal clause (``before`` = the repealing document's date), one issued before it."""
        found = self._by_key.get(key, set()) - {exclude}
        if len(found) > 1 and before:
            found = {i for i in found if (self.docs[i].issued or self.docs[i].effective or "9999") < before}
        if len(found) > 1:
            found = {i for i in found if self.docs[i].repealed_by is None}
        if len(found) == 1:
            return self.docs[next(iter(found))]
        return None

    def find_number(self, number: str, exclude: int | None = None) -> StockDoc | None:
        """The stock document with this 文号; words run on in front (按照青禾政发…) are dropped."""
        for i in range(len(number)):
            tail = number[i:]
            if tail.find("〔") < 2:
                break
            found = self._by_number.get(tail, set()) - {exclude}
            if found:
                return self.docs[next(iter(found))] if len(found) == 1 else None
        return None

    def find_ref(self, ref: dict, exclude: int | None = None, before: str | None = None) -> StockDoc | None:
        """A reference by title (``key``) or by 文号 (``number``)."""
        if "number" in ref:
            return self.find_number(ref["number"], exclude)
        return self.find(ref["key"], exclude, before)

    def link_repeals(self) -> None:
        """Mark every document whose whole text another stock document repeals (earliest wins)."""
        for doc in sorted(self.docs.values(), key=lambda d: d.effective or d.issued or "9999"):
            for r in doc.repeals:
                target = self.find_ref(r, exclude=doc.index, before=doc.issued or doc.effective)
                if target is not None and target.repealed_by is None:
                    target.repealed_by = (doc.index, r.get("clause") or r["quote"], target.match_confidence(r))

    def status(self, index: int, as_of: dt.date) -> dict:
        """有效 / 有效期届满 / 已被废止 / 未载明有效期 / 尚未施行 as of ``as_of``, with its evidence."""
        doc = self.docs.get(index)
        if doc is None:
            return {"status": "无法读取"}
        day = as_of.isoformat()
        if doc.repealed_by is not None:
            by = self.docs[doc.repealed_by[0]]
            when = by.effective or by.issued
            if when is None or when <= day:
                return {"status": "已被废止", "by": by.index, "by_title": by.title,
                        "by_number": by.doc_number, "date": when, "quote": doc.repealed_by[1],
                        "confidence": doc.repealed_by[2]}
        if doc.until and doc.until < day:
            confidence = {"text": "high", "computed": "medium", "title": "medium"}[doc.until_source]
            return {"status": "有效期届满", "date": doc.until, "source": doc.until_source,
                    "confidence": confidence}
        if doc.effective and doc.effective > day:
            return {"status": "尚未施行", "date": doc.effective}
        if doc.until:
            return {"status": "有效", "date": doc.until}
        return {"status": "未载明有效期"}
