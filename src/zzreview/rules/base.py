"""What every check is given, and the shape of a check."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from zzreview.analysis.facts import Analysis
from zzreview.analysis.location import title_location
from zzreview.config import Config
from zzreview.document import Document
from zzreview.kb import KnowledgeBase
from zzreview.model import Finding, Location, RuleInfo
from zzreview.record import Record


class Context(Record):
    """What a check is given: the document, its analysis, the knowledge base, the day and the settings."""

    _fields = ("doc", "analysis", "kb", "as_of", "config")

    def __init__(self, doc: Document, analysis: Analysis, kb: KnowledgeBase, as_of: dt.date, config: Config):
        self.doc = doc
        self.analysis = analysis
        self.kb = kb
        self.as_of = as_of
        self.config = config
        self._level_rules: dict | None = None
        self._review_level: str | None = None

    @property
    def is_normative(self) -> bool:
        """Whether the document was judged (or configured) to be a normative document."""
        n = self.analysis.normative
        return bool(n is not None and n.is_normative)

    @property
    def level(self) -> str | None:
        """The document's level (法律 … 行政规范性文件, 非规范性文件), or None when not judged."""
        n = self.analysis.normative
        return getattr(n, "level", None) if n is not None else None

    @property
    def review_level(self) -> str:
        """The level the checks review by: the judged level, else normative or not. Judged once per
        document (several checks and level_rules ask; the analysis does not change once made)."""
        if self._review_level is None:
            self._review_level = self.level or ("行政规范性文件" if self.is_normative else "非规范性文件")
        return self._review_level

    @property
    def level_rules(self) -> dict:
        """What a document of the review level must state (checks/authority/measures.toml
        [document_levels]): basis clause, validity, dates, fair-competition review … Looked up once
        per document (several checks ask)."""
        if self._level_rules is None:
            from zzreview.resources import data_toml

            table = data_toml("authority/measures.toml")["document_levels"]
            self._level_rules = table.get(self.review_level, table["行政规范性文件"])
        return self._level_rules

    def title_location(self) -> tuple[str, Location]:
        """Quote and location for a finding about the whole document (the title block)."""
        return title_location(self.doc)


class Check:
    """A check: a family name, the codes it emits, and a run function (a shape: checks need not
    inherit from this class)."""

    name: str
    rules: tuple[RuleInfo, ...]

    def run(self, ctx: Context) -> Iterable[Finding]: ...
