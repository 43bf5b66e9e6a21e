"""Analysis: facts extracted once per document and shared by all checks and renderers.

Each kind of fact has its own module; this one only runs them in order.
"""

from __future__ import annotations

import datetime as dt

from zzreview import lazy_regex
from zzreview.analysis.basis import extract_basis
from zzreview.analysis.certifications import extract_certifications
from zzreview.analysis.citations import Citation, extract_citations
from zzreview.analysis.dates import DateFacts, extract_dates
from zzreview.analysis.location import locate, title_location  # noqa: F401 (plugin API)
from zzreview.analysis.measures import extract_measures
from zzreview.analysis.normative import NormativeDecision, classify_document
from zzreview.analysis.structure import Structure, analyze_structure
from zzreview.config import Config
from zzreview.document import Document
from zzreview.kb import KnowledgeBase, Resolution
from zzreview.model import Location
from zzreview.record import Record


class ResolvedCitation(Record):
    """A citation with what the knowledge base says of it."""

    _fields = ("citation", "resolution", "location")

    def __init__(self, citation: Citation, resolution: Resolution, location: Location):
        self.citation = citation
        self.resolution = resolution
        self.location = location


class Analysis(Record):
    """Every fact extracted from one document, shared by the checks and renderers."""

    _fields = ("structure", "citations", "other_titles", "normative", "basis", "measures", "certifications", "dates")

    def __init__(
        self,
        structure: Structure,
        citations: list[ResolvedCitation],
        other_titles: list[Citation] | None = None,
        normative: NormativeDecision | None = None,
        basis: list | None = None,  # analysis.basis.BasisClause
        measures: list | None = None,  # analysis.measures.Measure
        certifications: list | None = None,  # analysis.certifications.CertificationDemand
        dates: DateFacts | None = None,  # effective date, validity
    ):
        self.structure = structure
        self.citations = citations
        self.other_titles = [] if other_titles is None else other_titles
        self.normative = normative
        self.basis = [] if basis is None else basis
        self.measures = [] if measures is None else measures
        self.certifications = [] if certifications is None else certifications
        self.dates = dates


_YEAR = lazy_regex.compile(r"(?:19|20)\d\d")


def document_year(doc: Document) -> int | None:
    """The year of the draft: its date, else the year in its document number."""
    if doc.date and doc.date[:4].isdigit():
        return int(doc.date[:4])
    if doc.doc_number:
        m = _YEAR.search(doc.doc_number)
        if m:
            return int(m.group(0))
    return None


def resolve_citations(doc: Document, structure: Structure, kb: KnowledgeBase,
                      as_of: dt.date) -> tuple[list[ResolvedCitation], list[Citation]]:
    resolved: list[ResolvedCitation] = []
    others: list[Citation] = []
    doc_year = document_year(doc)
    for c in extract_citations(doc):
        if c.kind != "law":
            others.append(c)
            continue
        res = kb.resolve(c.short_name_of or c.title, as_of,
                         year_hint=c.year_hint or doc_year, version_note=c.version_note)
        resolved.append(ResolvedCitation(c, res, locate(doc, structure, c.block, c.start)))
    return resolved, others


def analyze(doc: Document, kb: KnowledgeBase, as_of: dt.date, config: Config | None = None) -> Analysis:
    config = config or Config()
    structure = analyze_structure(doc)
    citations, others = resolve_citations(doc, structure, kb, as_of)
    a = Analysis(structure=structure, citations=citations, other_titles=others)
    a.normative = classify_document(doc, structure, config, kb, as_of)
    a.basis = extract_basis(doc, a)
    a.measures = extract_measures(doc, a)
    a.certifications = extract_certifications(doc, a)
    a.dates = extract_dates(doc, a, as_of)
    return a
