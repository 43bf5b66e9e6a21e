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


def header_dict(as_of, kb) -> dict:
    """The keys before "documents"."""
    kb_info = kb.info()
    return {
        "tool": {"name": "zzreview", "version": __version__},
        "as_of": as_of.isoformat(),
        "knowledge_base": {"version": kb.version, "source": kb.source,
                           "laws": kb.counts().get("laws", 0), "built": kb_info.get("built")},
    }


def summary_dict(documents: int, counts: dict[str, int], unreadable: int) -> dict:
    return {"documents": documents, "error": counts.get("error", 0), "warning": counts.get("warning", 0),
            "info": counts.get("info", 0), "unreadable": unreadable}


def report_dict(result: RunResult) -> dict:
    return {
        **header_dict(result.as_of, result.kb),
        "documents": [document_dict(r) for r in result.documents],
        "plugin_errors": [{"origin": e.origin, "message": e.message} for e in result.plugin_errors],
        "summary": summary_dict(len(result.documents), {s: result.count(s) for s in ("error", "warning", "info")},
                                sum(1 for d in result.documents if d.error)),
    }


def render(result: RunResult) -> str:
    return _dumps(report_dict(result)) + "\n"


def _dumps(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2)


# --- streamed: the same text as render(), written one document at a time -----------------------

def stream_head(as_of, kb) -> str:
    """Everything before the first document: `{ ...header, "documents": [`."""
    head = _dumps(header_dict(as_of, kb))
    return head[:-2] + ',\n  "documents": ['


def stream_document(r: DocumentResult, first: bool) -> str:
    body = _dumps(document_dict(r)).replace("\n", "\n    ")  # JSON strings never hold a raw newline
    return ("\n    " if first else ",\n    ") + body


def stream_tail(any_document: bool, plugin_errors: list, summary: dict) -> str:
    rest = _dumps({"plugin_errors": [{"origin": e.origin, "message": e.message} for e in plugin_errors],
                   "summary": summary})
    return ("\n  ]," if any_document else "],") + rest[1:] + "\n"
