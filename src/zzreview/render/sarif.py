"""--format sarif: SARIF 2.1.0 (OASIS) for code-scanning tools.

Rules come from the registry (every loaded check, built-in, declarative or plugin), each with
its Chinese documentation as help text and the legal basis it cites; results carry the
finding's region (start line/column, end where the block can say), the quoted text as the
snippet, and the finding's basis, suggestion and confidence as properties. Findings accepted by a
recorded reviewer decision are kept as suppressed results; unreadable files become tool
execution notifications.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING
from urllib.parse import quote as url_quote

import regex

from zzreview import __version__, lazy_regex
from zzreview.model import Finding, RuleInfo

if TYPE_CHECKING:  # pragma: no cover
    from zzreview.engine import DocumentResult, RunResult

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/zzreview/"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}
SRCROOT = "%SRCROOT%"

_BASIS_LINE = lazy_regex.compile(r"^\s*(?:法律依据|依据)\s*[:：]\s*(.+?)\s*$", regex.M)


def rule_basis(rule: RuleInfo) -> str | None:
    """The legal provision(s) a rule's documentation names (its 法律依据/依据 line)."""
    m = _BASIS_LINE.search(rule.doc or "")
    return m.group(1) if m else None


def _descriptor(rule: RuleInfo) -> dict:
    doc = rule.doc or rule.title
    basis = rule_basis(rule)
    props: dict = {"check": rule.check, "tags": [rule.check]}
    if basis:
        props["legal_basis"] = basis
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.title},
        "fullDescription": {"text": doc},
        "help": {"text": doc, "markdown": f"**{rule.code} {rule.title}**\n\n" + doc.replace("\n", "  \n")},
        "defaultConfiguration": {"level": LEVEL.get(rule.severity, "warning")},
        "properties": props,
    }


def _fallback_rule(f: Finding) -> RuleInfo:
    """A finding whose code no loaded check declares (a plugin loaded from per-file config)."""
    return RuleInfo(f.code, f.check, f.check, f.severity, f.message, f.message)


def artifact_uri(path: str, root: Path | None = None) -> tuple[str, str | None]:
    """(uri, uriBaseId): relative paths stay relative to %SRCROOT%; others become file URIs."""
    p = Path(path)
    root = (root or Path.cwd()).resolve()
    if p.is_absolute():
        try:
            p = p.resolve().relative_to(root)
        except ValueError:
            return "file://" + url_quote(os.fsencode(p.resolve().as_posix()), safe="/"), None
    posix = PurePosixPath(*p.parts).as_posix() if p.parts else path
    return url_quote(os.fsencode(posix), safe="/"), SRCROOT  # bytes: names that are not UTF-8 too


def _end(r: DocumentResult, f: Finding) -> tuple[int, int] | None:
    """(endLine, endColumn) just past the quote, when the block can locate it."""
    doc = r.document
    if doc is None or not f.quote or not (0 <= f.location.block < len(doc.blocks)):
        return None
    block = doc.blocks[f.location.block]
    start, best = -1, None
    while True:
        start = block.text.find(f.quote, start + 1)
        if start < 0:
            break
        if block.locate(start) == (f.location.line, f.location.column):
            best = start
            break
        if best is None:
            best = start
    if best is None:
        return None
    line, column = block.locate(best + len(f.quote) - 1)
    return line, column + 1


def _fingerprint(path: str, f: Finding) -> str:
    key = "\0".join((path, f.code, f.quote, f.location.article or ""))
    return hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()[:32]


def _result(r: DocumentResult, f: Finding, index: dict[str, int], artifact: int, uri: str,
            base: str | None) -> dict:
    loc = f.location
    region: dict = {"startLine": max(loc.line, 1), "startColumn": max(loc.column, 1)}
    end = _end(r, f)
    if end and (end[0], end[1]) > (region["startLine"], region["startColumn"]):
        region["endLine"], region["endColumn"] = end
    if f.quote:
        region["snippet"] = {"text": f.quote}
    art: dict = {"uri": uri, "index": artifact}
    if base:
        art["uriBaseId"] = base
    physical = {"artifactLocation": art, "region": region}
    location: dict = {"physicalLocation": physical}
    if loc.article:
        location["logicalLocations"] = [{"name": loc.article, "kind": "member"}]
    text = f.message
    if f.suggestion:
        text += f"（建议：{f.suggestion}）"
    if loc.page:  # a PDF: the region's line is the line on this page
        text = f"第{loc.page}页第{loc.line}行：{text}"
    props = {"check": f.check, "severity": f.severity, "confidence": f.confidence, "quote": f.quote,
             "basis": f.basis, "suggestion": f.suggestion, "block": loc.block}
    if loc.article:
        props["article"] = loc.article
    if loc.page:
        props["page"] = loc.page
    out = {
        "ruleId": f.code,
        "ruleIndex": index[f.code],
        "level": LEVEL.get(f.severity, "warning"),
        "message": {"text": text},
        "locations": [location],
        "partialFingerprints": {"zzreview/v1": _fingerprint(r.path, f)},
        "properties": props,
    }
    return out


def sarif_dict(result: RunResult, plugin_paths: tuple[Path, ...] = (), root: Path | None = None) -> dict:
    from zzreview.rules.registry import all_rules

    rules: list[RuleInfo] = list(all_rules(tuple(plugin_paths)))
    known = {r.code for r in rules}
    for d in result.documents:
        for f in [*d.findings, *(f for f, _ in d.accepted)]:
            if f.code not in known:
                rules.append(_fallback_rule(f))
                known.add(f.code)
    index = {r.code: i for i, r in enumerate(rules)}

    artifacts, results, notifications = [], [], []
    for d in result.documents:
        uri, base = artifact_uri(d.path, root)
        art_loc: dict = {"uri": uri}
        if base:
            art_loc["uriBaseId"] = base
        artifact: dict = {"location": art_loc, "roles": ["analysisTarget"]}
        digest = _sha256(d.path)
        if digest:
            artifact["hashes"] = {"sha-256": digest}
        artifacts.append(artifact)
        i = len(artifacts) - 1
        if d.error:
            notifications.append({
                "level": "error",
                "message": {"text": f"{d.path}: 无法读取：{d.error.message}"},
                "descriptor": {"id": d.error.code},
                "locations": [{"physicalLocation": {"artifactLocation": dict(art_loc, index=i)}}],
            })
            continue
        for f in d.findings:
            results.append(_result(d, f, index, i, uri, base))
        for f, decision in d.accepted:
            res = _result(d, f, index, i, uri, base)
            justification = decision.reason + (f"（{decision.by}，{decision.date}）" if decision.by else "")
            res["suppressions"] = [{"kind": "external", "status": "accepted", "justification": justification}]
            results.append(res)
    for e in result.plugin_errors:
        notifications.append({"level": "error", "message": {"text": str(e)}})

    kb = result.kb
    run: dict = {
        "tool": {"driver": {
            "name": "zzreview",
            "version": __version__,
            "semanticVersion": __version__,
            "informationUri": INFORMATION_URI,
            "language": "zh-CN",
            "rules": [_descriptor(r) for r in rules],
        }},
        "invocations": [{
            "executionSuccessful": not result.has_errors,
            "toolExecutionNotifications": notifications,
        }],
        "originalUriBaseIds": {SRCROOT: {"uri": (root or Path.cwd()).resolve().as_uri() + "/"}},
        "artifacts": artifacts,
        "results": results,
        "columnKind": "unicodeCodePoints",
        "properties": {
            "as_of": result.as_of.isoformat(),
            "knowledge_base": {"version": getattr(kb, "version", None), "source": getattr(kb, "source", None)},
        },
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def _sha256(path: str) -> str | None:
    try:
        if path != "-" and os.path.isfile(path):
            return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        pass
    return None


def render(result: RunResult, plugin_paths: tuple[Path, ...] = ()) -> str:
    return json.dumps(sarif_dict(result, plugin_paths), ensure_ascii=False, indent=2) + "\n"
