"""A copy of the draft with every finding as a Word comment on exactly its quoted text.

For a .docx draft the original package is loaded and only changed where a comment goes: runs
are split at the quote's boundaries (each half keeps the run's properties), the comment range
is put around the runs that hold the quote, and a comment reference run (no text) follows it.
Every paragraph's text stays as it was. For a Markdown or text draft a new .docx is written, one
paragraph per block, and annotated the same way.

Finding.location.block indexes Document.blocks; Block.source (docx reader) says which paragraph
holds the block: ``path`` ("body", i) / ("table", t, row, col, p) or ``paragraph`` (index in
reading order: body paragraphs and table-cell paragraphs, tables row by row, cell by cell).
"""

from __future__ import annotations

import copy
import io
from dataclasses import dataclass

from zzreview.document import Block, Document
from zzreview.model import SEVERITY_ZH, Finding
from zzreview.readers.docx_xml import _piece_text, _w, paragraph_runs, paragraph_text, reading_order, run_text

AUTHOR = "zzreview"
INITIALS = "ZZ"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


@dataclass
class Unanchored:
    finding: Finding
    reason: str


def comment_text(f: Finding) -> str:
    lines = [f"{f.code}［{SEVERITY_ZH.get(f.severity, f.severity)}］{f.message}"]
    if f.basis:
        lines.append(f"依据：{f.basis}")
    if f.suggestion:
        lines.append(f"建议：{f.suggestion}")
    return "\n".join(lines)


# --------------------------------------------------------------------------- runs and text
def _spans(p) -> list[tuple[object, int, int]]:
    spans, pos = [], 0
    for r in paragraph_runs(p):
        n = len(run_text(r))
        spans.append((r, pos, pos + n))
        pos += n
    return spans


def _split_run(r, k: int) -> None:
    """Split run ``r`` after its k-th character; both halves keep its properties."""
    r2 = copy.deepcopy(r)
    r.addnext(r2)
    pos = 0
    for c1, c2 in zip(list(r), list(r2)):
        if c1.tag == _w("rPr"):
            continue
        t = _piece_text(c1)
        n = len(t)
        if pos + n <= k:
            r2.remove(c2)
        elif pos >= k:
            r.remove(c1)
        else:  # the split falls inside this w:t
            c1.text, c2.text = t[: k - pos], t[k - pos:]
            c1.set(_XML_SPACE, "preserve")
            c2.set(_XML_SPACE, "preserve")
        pos += n


def split_at(p, offset: int) -> None:
    """Make ``offset`` (in the paragraph's text) fall on a run boundary."""
    for r, start, end in _spans(p):
        if start < offset < end:
            _split_run(r, offset - start)
            return


def runs_covering(p, start: int, end: int) -> list:
    """The runs holding exactly [start, end) once split_at(start) and split_at(end) were done."""
    return [r for r, s, e in _spans(p) if e > s and s >= start and e <= end]


# --------------------------------------------------------------------------- locating quotes
def quote_offset(block: Block, f: Finding) -> int | None:
    """Offset of the finding's quote in the block's text: the occurrence at its line/column."""
    if not f.quote:
        return None
    first, i = None, block.text.find(f.quote)
    while i >= 0:
        if block.locate(i) == (f.location.line, f.location.column):
            return i
        first = i if first is None else first
        i = block.text.find(f.quote, i + 1)
    return first


def _nearest(text: str, quote: str, near: int) -> int | None:
    best, i = None, text.find(quote)
    while i >= 0:
        if best is None or abs(i - near) < abs(best - near):
            best = i
        i = text.find(quote, i + 1)
    return best


def _anchor(p, block: Block, f: Finding) -> tuple[int, int] | None:
    """[start, end) of the quote in paragraph ``p``'s run text."""
    in_block = quote_offset(block, f)
    if in_block is None:
        return None
    ptext = paragraph_text(p)
    base = block.source.get("offset") if isinstance(block.source.get("offset"), int) else None
    if base is None:
        base = ptext.find(block.text)
    if base is not None and base >= 0 and ptext[base + in_block: base + in_block + len(f.quote)] == f.quote:
        start = base + in_block
    else:  # the reader normalised the text: fall back to the nearest occurrence
        start = _nearest(ptext, f.quote, max(base or 0, 0) + in_block)
        if start is None:
            return None
    return start, start + len(f.quote)


# --------------------------------------------------------------------------- paragraphs of a docx
def _by_path(body, path) -> object | None:
    """("body", i): the i-th paragraph child of the body; ("table", t, row, col, p)."""
    try:
        if path[0] == "body":
            return [c for c in body if c.tag == _w("p")][path[1]]
        if path[0] == "table":
            _, t, row, col, pi = path[:5]
            tbl = [c for c in body if c.tag == _w("tbl")][t]
            tr = [c for c in tbl if c.tag == _w("tr")][row]
            tc = [c for c in tr if c.tag == _w("tc")][col]
            return [c for c in tc if c.tag == _w("p")][pi]
    except (IndexError, TypeError, ValueError):
        return None
    return None


def paragraph_of(body, order: list, block: Block):
    src = block.source or {}
    if src.get("part"):  # a footnote or endnote: comments go in the body only
        return None
    if src.get("path"):
        p = _by_path(body, tuple(src["path"]))
        if p is not None:
            return p
    idx = src.get("paragraph")
    if isinstance(idx, int) and 0 <= idx < len(order):
        return order[idx]
    if 1 <= block.line <= len(order):  # docx line = paragraph number in reading order
        return order[block.line - 1]
    return None


# --------------------------------------------------------------------------- annotate
def _comment_all(document, paragraph_for, doc: Document, findings: list[Finding]) -> list[Unanchored]:
    from docx.text.run import Run

    missed: list[Unanchored] = []
    placed: list[tuple[object, int, int, Finding]] = []
    for f in findings:
        if not (0 <= f.location.block < len(doc.blocks)):
            missed.append(Unanchored(f, "位置超出文件范围"))
            continue
        block = doc.blocks[f.location.block]
        p = paragraph_for(block)
        if p is None:
            missed.append(Unanchored(f, "找不到对应的段落"))
            continue
        span = _anchor(p, block, f)
        if span is None:
            missed.append(Unanchored(f, "段落中找不到引文"))
            continue
        placed.append((p, span[0], span[1], f))
    for p, start, end, _ in placed:  # split everything first: offsets are in text, not runs
        split_at(p, start)
        split_at(p, end)
    for p, start, end, f in placed:
        runs = runs_covering(p, start, end)
        if not runs:
            missed.append(Unanchored(f, "引文为空"))
            continue
        document.add_comment([Run(runs[0], None), Run(runs[-1], None)], text=comment_text(f),
                             author=AUTHOR, initials=INITIALS)
    return missed


def annotate_docx(data: bytes, doc: Document, findings: list[Finding]) -> tuple[bytes, list[Unanchored]]:
    """The .docx ``data`` with one comment per finding; the input bytes are not modified."""
    import docx

    document = docx.Document(io.BytesIO(data))
    body = document.element.body
    order = reading_order(body)
    missed = _comment_all(document, lambda b: paragraph_of(body, order, b), doc, findings)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue(), missed


def _style(document, name: str):
    try:
        return document.styles[name]
    except KeyError:
        return None


def annotate_blocks(doc: Document, findings: list[Finding]) -> tuple[bytes, list[Unanchored]]:
    """A new .docx of a Markdown/text draft, one paragraph per block, with the comments."""
    import docx
    from docx.oxml.ns import qn

    document = docx.Document()
    rfonts = document.styles["Normal"].element.get_or_add_rPr().get_or_add_rFonts()
    rfonts.set(qn("w:eastAsia"), "仿宋_GB2312")
    paragraphs = {}
    for b in doc.blocks:
        if b.index == doc.title_block:
            style = _style(document, "Title")
        elif b.kind == "heading":
            style = _style(document, f"Heading {min(max(b.level, 1), 9)}")
        elif b.kind == "list_item":
            style = _style(document, "List Paragraph")
        else:
            style = None
        p = document.add_paragraph(style=style)
        p.add_run(b.text)  # text with \n or \t becomes w:br / w:tab; Run.text maps them back
        paragraphs[b.index] = p._p
    missed = _comment_all(document, lambda b: paragraphs.get(b.index), doc, findings)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue(), missed
