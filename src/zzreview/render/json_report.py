"""--format json: the JSON output contract (DESIGN.md section 4)."""

from __future__ import annotations

import json

from zzreview import __version__
from zzreview.engine import DocumentResult, RunResult


def _citation(rc) -> dict:
    c, res = rc.citation, rc.resolution
    d = {
        "as_written": c.as_written,
        "title": res.title or c.title,
        "articles": list(c.articles),
        "status": res.status,
        "successor": res.successor,
        "level": res.level,
        "location": rc.location.to_dict(),
    }
    if c.version_note:
        d["version_note"] = c.version_note
    if c.short_name_of:
        d["short_name_of"] = c.short_name_of
    if c.repeal_context:
        d["repeal_context"] = True
    if res.repeal_date:
        d["repeal_date"] = res.repeal_date
    if res.ambiguous:
        d["ambiguous"] = True
    return d


def _plain(obj):
    """Facts objects expose to_dict(); plain dicts and None pass through."""
    if obj is None or isinstance(obj, (dict, list, str, int, float, bool)):
        return obj
    return obj.to_dict()


def document_dict(r: DocumentResult) -> dict:
    doc, a = r.document, r.analysis
    out = {
        "path": r.path,
        "title": doc.title if doc else None,
        "kind": r.kind,
        "error": {"code": r.error.code, "message": r.error.message} if r.error else None,
        "facts": {},
        "findings": [f.to_dict() for f in r.findings],
        "accepted": [dict(f.to_dict(), decision=d.to_dict()) for f, d in r.accepted],
    }
    if doc:
        out["doc_number"] = doc.doc_number
        out["issuer"] = doc.issuer
        out["date"] = doc.date
    if a:
        dates = _plain(a.dates) or {}
        out["facts"] = {
            # a short name defined in the text (以下简称《条例》) is listed once, under its full title
            "citations": [_citation(rc) for rc in a.citations if not rc.citation.short_name_of],
            "basis": [_plain(b) for b in a.basis],
            "certifications": [_plain(c) for c in a.certifications],
            "effective_date": dates.get("effective_date"),
            "validity": dates.get("validity"),
            "period": dates.get("period"),  # a one-off or period-bound measure's own period
            "measures": [_plain(m) for m in a.measures],
            "normative": _plain(a.normative),
            "other_titles": [c.as_written for c in a.other_titles],
        }
    return out


def report_dict(result: RunResult) -> dict:
    kb_info = result.kb.info()
    return {
        "tool": {"name": "zzreview", "version": __version__},
        "as_of": result.as_of.isoformat(),
        "knowledge_base": {"version": result.kb.version, "source": result.kb.source,
                           "laws": result.kb.counts().get("laws", 0), "built": kb_info.get("built")},
        "documents": [document_dict(r) for r in result.documents],
        "plugin_errors": [{"origin": e.origin, "message": e.message} for e in result.plugin_errors],
        "summary": {
            "documents": len(result.documents),
            "error": result.count("error"),
            "warning": result.count("warning"),
            "info": result.count("info"),
            "unreadable": sum(1 for d in result.documents if d.error),
        },
    }


def render(result: RunResult) -> str:
    return json.dumps(report_dict(result), ensure_ascii=False, indent=2) + "\n"
