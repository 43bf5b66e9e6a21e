"""Facts the decision rules may name (``fact = "..."`` in checks/clean/decisions.toml)."""

from __future__ import annotations

import datetime as dt

from zzreview.clean.keys import stock_key
from zzreview.clean.stock import StockIndex


def document_facts(rec: dict, status: dict, index: StockIndex, as_of: dt.date) -> dict[str, dict]:
    """{fact name: {"message", "confidence"}} for the facts that hold for this document."""
    facts = {}
    n = rec.get("normative") or {}
    if n and not n.get("is_normative"):
        what = n.get("level") or "；".join(n.get("reasons") or []) or "非规范性文件"
        facts["not-normative"] = {"message": what, "confidence": n.get("confidence") or "medium"}
    if status["status"] != "已被废止":
        for name, fact in (("basis-gone", basis_gone), ("subject-gone", subject_gone)):
            found = fact(rec, index, as_of)
            if found:
                facts[name] = found
    return facts


def basis_gone(rec: dict, index: StockIndex, as_of: dt.date) -> dict | None:
    """Every instrument of the document-level basis clause repealed or expired, none replaced."""
    gone = []
    successors = {law["title"]: law.get("successor") for law in rec.get("laws", [])}
    for inst in rec.get("basis") or []:
        if inst.get("status") == "已废止":
            if successors.get(inst.get("title")):
                return None
            gone.append(f"《{inst['title']}》")
            continue
        target = index.find(stock_key(inst.get("title") or ""), exclude=rec["index"])
        if target is not None and index.status(target.index, as_of)["status"] == "有效期届满":
            gone.append(f"《{target.title}》")
            continue
        return None
    return {"message": "、".join(gone), "confidence": "medium"} if gone else None


def subject_gone(rec: dict, index: StockIndex, as_of: dt.date) -> dict | None:
    """The instrument the document exists to implement is repealed or has expired."""
    imp = rec.get("implements")
    if not imp:
        return None
    if imp["known"]:
        if imp["status"] != "已废止":
            return None
        by = f"，已由《{imp['successor']}》替代" if imp.get("successor") else ""
        return {"message": f"本文件所实施的《{imp['title']}》已废止{by}", "confidence": "medium"}
    target = index.find(imp["key"], exclude=rec["index"])
    if target is None:
        return None
    st = index.status(target.index, as_of)
    if st["status"] == "已被废止":
        return {"message": f"本文件所实施的《{target.title}》已被《{st['by_title']}》废止", "confidence": "medium"}
    if st["status"] == "有效期届满":
        return {"message": f"本文件所实施的《{target.title}》有效期至{st['date']}，已届满", "confidence": "medium"}
    return None
