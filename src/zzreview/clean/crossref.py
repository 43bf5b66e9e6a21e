"""Findings only a whole stock can give: a citation of a repealed or expired stock
document, and a document another stock document repealed (ZZ901, documented in
rules/stock.py)."""

from __future__ import annotations

import datetime as dt

from zzreview.clean.decide import weakest
from zzreview.clean.stock import StockIndex
from zzreview.model import Finding, Location

_BASIS_37 = "《国务院办公厅关于加强行政规范性文件制定和监督管理工作的通知》（国办发〔2018〕37号）"


def _loc(d: dict | None) -> Location:
    return Location(**d) if d else Location(block=0, line=1, column=1)


def _name(title: str, number: str | None) -> str:
    return f"《{title}》" + (f"（{number}）" if number else "")


def stock_findings(rec: dict, index: StockIndex, as_of: dt.date) -> list[dict]:
    out: list[Finding] = []
    seen: set[int] = set()
    for ref in rec.get("stock_refs", []):
        target = index.find_ref(ref, exclude=rec["index"])
        if target is None or target.index in seen:
            continue
        st = index.status(target.index, as_of)
        cited = _name(target.title, target.doc_number)
        if st["status"] == "已被废止":
            msg = f"引用的{cited}已被{_name(st['by_title'], st['by_number'])}废止"
            basis = f"《{st['by_title']}》的废止条款：“{st['quote']}”"
            suggestion = f"改为引用《{st['by_title']}》相应规定，或删除该引用"
        elif st["status"] == "有效期届满":
            msg = f"引用的{cited}有效期至{st['date']}，已届满失效"
            basis = f"{cited}的有效期条款；{_BASIS_37}"
            suggestion = "删除该引用，或改为引用现行有效的文件"
        else:
            continue
        seen.add(target.index)
        confidence = weakest(st.get("confidence"), target.match_confidence(ref))
        out.append(Finding("ZZ201", "expired-reference", "error", msg, ref["quote"], _loc(ref.get("location")),
                           basis, suggestion, confidence,
                           extra={"stock_document": target.index}))
    return [f.to_dict() for f in out]


def self_repealed_finding(rec: dict, st: dict) -> dict:
    return Finding("ZZ901", "clean", "info",
                   f"本文件已被{_name(st['by_title'], st['by_number'])}废止" + (f"（{st['date']}起）" if st.get("date") else ""),
                   rec.get("title_quote") or "", _loc(rec.get("title_location")),
                   f"《{st['by_title']}》的废止条款：“{st['quote']}”", "在清理结果中宣布失效",
                   st.get("confidence", "high"), extra={"stock_document": st["by"]}).to_dict()
