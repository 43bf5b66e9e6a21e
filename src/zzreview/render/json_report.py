"""--format json: the JSON output contract (DESIGN.md section 4)."""

from __future__ import annotations

import json

from zzreview import __version__
from zzreview.engine import DocumentResult, RunResult
from zzreview.plain import as_plain


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


def _date_fact(dates, name: str):
    """One of the three date facts the report gives, as plain data: only it is converted, not the
    others the analysis keeps (where the effective date was found, the text it was found in …)."""
    if dates is None:
        return None
    if type(dates) is dict:
        return dates.get(name)
    return as_plain(getattr(dates, name))  # what DateFacts.to_dict() gives under that key


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
        dates = a.dates
        out["facts"] = {
            # a short name defined in the text (以下简称《条例》) is listed once, under its full title
            "citations": [_citation(rc) for rc in a.citations if not rc.citation.short_name_of],
            "basis": [_plain(b) for b in a.basis],
            "certifications": [_plain(c) for c in a.certifications],
            "effective_date": _date_fact(dates, "effective_date"),
            "validity": _date_fact(dates, "validity"),
            "period": _date_fact(dates, "period"),  # a one-off or period-bound measure's own period
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


def _dumps(obj, depth: int = 0) -> str:
    """``json.dumps(obj, ensure_ascii=False, indent=2)``, character for character, every line after
    the first indented by ``depth`` more levels. The standard library encodes with an indent in pure
    Python, one call per value; here strings go through its C escaper, containers are written in one
    loop each, and the text between values (a newline, the indent, a key and its quotes) is made once
    per key and depth and reused by every document."""
    try:
        parts: list[str] = []
        if type(obj) in _CONTAINERS and obj:
            _container(obj, parts, _depth(depth))
        else:
            _value(obj, parts)
        return "".join(parts)
    except _Unusual:
        text = json.dumps(obj, ensure_ascii=False, indent=2)
        return text.replace("\n", "\n" + "  " * depth) if depth else text  # strings hold no raw newline


class _Unusual(Exception):
    """A value the fast path does not spell (non-string keys, floats, subclasses): json.dumps writes it."""


_escape = json.encoder.encode_basestring  # the C version when available, as json.dumps uses
_CONTAINERS = (dict, list, tuple)
_WORDS = {None: "null", True: "true", False: "false"}
_KEYS_KEPT = 256  # keys remembered per depth (report keys are a fixed set; others are escaped each time)


class _Depth:
    """The fixed text around the items of a container at one depth."""

    __slots__ = ("depth", "first_key", "next_key", "indent", "open_list", "next_item", "close_dict",
                 "close_list", "deeper")

    def __init__(self, depth: int):
        self.depth = depth
        outer = "\n" + "  " * depth
        self.indent = outer + "  "
        self.first_key: dict[str, str] = {}  # key -> '{' newline indent '"key": '
        self.next_key: dict[str, str] = {}  # key -> ',' newline indent '"key": '
        self.open_list, self.next_item = "[" + self.indent, "," + self.indent
        self.close_dict, self.close_list = outer + "}", outer + "]"
        self.deeper: _Depth | None = None

    def key(self, k, first: bool) -> str:
        if type(k) is not str:
            raise _Unusual
        text = ("{" if first else ",") + self.indent + _escape(k) + ": "
        kept = self.first_key if first else self.next_key
        if len(kept) < _KEYS_KEPT:
            kept[k] = text
        return text

    def next(self) -> _Depth:
        if self.deeper is None:
            self.deeper = _Depth(self.depth + 1)
        return self.deeper


_DEPTHS = [_Depth(0)]


def _depth(n: int) -> _Depth:
    while len(_DEPTHS) <= n:
        _DEPTHS.append(_DEPTHS[-1].next())
    return _DEPTHS[n]


def _value(v, out: list[str]) -> None:
    """A value that is not a non-empty container."""
    t = type(v)
    if t is str:
        out.append(_escape(v))
    elif v is None or t is bool:
        out.append(_WORDS[v])
    elif t is int:
        out.append(int.__repr__(v))
    elif t is dict:
        out.append("{}")
    elif t is list or t is tuple:
        out.append("[]")
    else:
        raise _Unusual


def _container(o, out: list[str], at: _Depth) -> None:
    """A non-empty dict, list or tuple at depth ``at``; its values inline, nested containers one call each."""
    append = out.append
    if type(o) is dict:
        kept, later = at.first_key, at.next_key
        for k, v in o.items():
            append(kept.get(k) or at.key(k, kept is not later))
            kept = later
            t = type(v)
            if t is str:
                append(_escape(v))
            elif v is None or t is bool:
                append(_WORDS[v])
            elif t is int:
                append(int.__repr__(v))
            elif t is dict or t is list or t is tuple:
                if v:
                    _container(v, out, at.next())
                else:
                    append("{}" if t is dict else "[]")
            else:
                raise _Unusual
        append(at.close_dict)
    else:
        sep = at.open_list
        for v in o:
            append(sep)
            sep = at.next_item
            t = type(v)
            if t is str:
                append(_escape(v))
            elif v is None or t is bool:
                append(_WORDS[v])
            elif t is int:
                append(int.__repr__(v))
            elif t is dict or t is list or t is tuple:
                if v:
                    _container(v, out, at.next())
                else:
                    append("{}" if t is dict else "[]")
            else:
                raise _Unusual
        append(at.close_list)


# --- streamed: the same text as render(), written one document at a time -----------------------

def stream_head(as_of, kb) -> str:
    """Everything before the first document: `{ ...header, "documents": [`."""
    head = _dumps(header_dict(as_of, kb))
    return head[:-2] + ',\n  "documents": ['


def stream_document(r: DocumentResult, first: bool) -> str:
    return ("\n    " if first else ",\n    ") + _dumps(document_dict(r), depth=2)


def stream_tail(any_document: bool, plugin_errors: list, summary: dict) -> str:
    rest = _dumps({"plugin_errors": [{"origin": e.origin, "message": e.message} for e in plugin_errors],
                   "summary": summary})
    return ("\n  ]," if any_document else "],") + rest[1:] + "\n"
