"""Findings and their locations: what checks produce and renderers format."""

from __future__ import annotations

from zzreview.record import Frozen, Record

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"info": 1, "warning": 2, "error": 3, "never": 99}
SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}


class Location(Record):
    """Where a finding is: block, source line and column, article, and the page of a PDF."""

    _fields = ("block", "line", "column", "article", "page")

    def __init__(
        self,
        block: int,
        line: int,
        column: int,
        article: str | None = None,
        page: int | None = None,  # PDF only: ``line`` is then the line on this page
    ):
        self.block = block
        self.line = line
        self.column = column
        self.article = article
        self.page = page

    def to_dict(self) -> dict:
        d = {"block": self.block, "line": self.line, "column": self.column, "article": self.article}
        if self.page is not None:
            d["page"] = self.page
        return d


class Finding(Record):
    """One problem a check found, with its quote, legal basis and suggested fix."""

    _fields = ("code", "check", "severity", "message", "quote", "location", "basis", "suggestion", "confidence",
               "extra")

    def __init__(
        self,
        code: str,
        check: str,
        severity: str,
        message: str,
        quote: str,
        location: Location,
        basis: str,
        suggestion: str,
        confidence: str = "high",  # high | medium | low
        extra: dict | None = None,
    ):
        self.code = code
        self.check = check
        self.severity = severity
        self.message = message
        self.quote = quote
        self.location = location
        self.basis = basis
        self.suggestion = suggestion
        self.confidence = confidence
        self.extra = {} if extra is None else extra

    def to_dict(self) -> dict:
        d = {
            "code": self.code,
            "check": self.check,
            "severity": self.severity,
            "message": self.message,
            "quote": self.quote,
            "location": self.location.to_dict(),
            "basis": self.basis,
            "suggestion": self.suggestion,
            "confidence": self.confidence,
        }
        d.update(self.extra)
        return d


class RuleInfo(Frozen):
    """One finding code: its identity, default severity and documentation (Chinese)."""

    _fields = ("code", "check", "name", "severity", "title", "doc")

    def __init__(
        self,
        code: str,
        check: str,  # the family name, stable across versions (e.g. expired-reference)
        name: str,  # short ASCII name of this code
        severity: str,
        title: str,  # one-line Chinese summary
        doc: str,  # what it checks, why, legal provisions, example, fix
    ):
        self._set(code=code, check=check, name=name, severity=severity, title=title, doc=doc)
