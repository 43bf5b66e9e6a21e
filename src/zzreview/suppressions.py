"""Suppression comments in Markdown drafts.

  <!-- zzreview: disable=ZZ201,ZZ202 理由：… -->   … from here
  <!-- zzreview: enable=ZZ201 -->                   … to here (enable alone ends all)
  <!-- zzreview: disable-next=ZZ201 理由：… -->      the next block only
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

import regex

from zzreview import lazy_regex
from zzreview.document import Document
from zzreview.model import Finding, Location
from zzreview.record import Record

_DIRECTIVE = lazy_regex.compile(
    r"^\s*zzreview\s*:\s*(disable-next|disable|enable)\s*(?:=\s*([A-Za-z0-9_,\-\s]*?))?"
    r"\s*(?:(?:理由|原因|reason)\s*[:：]\s*(.*?))?\s*$", regex.S | regex.I)


class Suppression(Record):
    """One directive of a document: the codes it disables, why, and the lines it covers."""

    _fields = ("kind", "codes", "reason", "line", "column", "end_line", "block", "used")

    def __init__(
        self,
        kind: str,  # disable | disable-next
        codes: list[str],  # empty = all
        reason: str,
        line: int,
        column: int,
        end_line: int | None = None,  # exclusive; None = end of document
        block: int | None = None,  # disable-next: the block it covers
        used: int = 0,
    ):
        self.kind = kind
        self.codes = codes
        self.reason = reason
        self.line = line
        self.column = column
        self.end_line = end_line
        self.block = block
        self.used = used

    def covers(self, f: Finding) -> bool:
        if self.codes and not any(f.code.startswith(c) or c == f.check for c in self.codes):
            return False
        if self.kind == "disable-next":
            return f.location.block == self.block
        return f.location.line > self.line and (self.end_line is None or f.location.line < self.end_line)


def _block_after(doc: Document, line: int, lines: list[int]) -> int | None:
    """Index of the first block whose line is after ``line`` (blocks are in source order)."""
    i = bisect_right(lines, line)
    return doc.blocks[i].index if i < len(lines) else None


def parse(doc: Document) -> list[Suppression]:
    out: list[Suppression] = []
    open_ranges: list[Suppression] = []  # disable directives not yet ended by an enable
    lines: list[int] | None = None  # each block's line, for disable-next
    for line, column, text in doc.directives:
        m = _DIRECTIVE.match(text)
        if not m:
            continue
        kind = m.group(1).lower()
        codes = [c.strip().upper() if c.strip()[:2].upper() == "ZZ" else c.strip()
                 for c in (m.group(2) or "").split(",") if c.strip() and c.strip().lower() != "all"]
        if kind == "enable":
            still_open = []
            for s in open_ranges:
                if not codes or set(codes) & set(s.codes) or not s.codes:
                    s.end_line = line
                else:
                    still_open.append(s)
            open_ranges = still_open
            continue
        s = Suppression(kind, codes, (m.group(3) or "").strip(), line, column)
        if kind == "disable-next":
            if lines is None:
                lines = [b.line for b in doc.blocks]
            s.block = _block_after(doc, line, lines)
        else:
            open_ranges.append(s)
        out.append(s)
    return out


def apply(doc: Document, findings: list[Finding]) -> tuple[list[Finding], list[Finding]]:
    """(findings that remain, meta findings about the suppressions themselves)."""
    sups = parse(doc)
    if not sups:  # comments, but none a directive (a Markdown file's own notes): nothing to apply
        return findings, []
    by_block: dict[int | None, list[Suppression]] = {}
    ranges = []
    for s in sups:
        if s.kind == "disable-next":
            by_block.setdefault(s.block, []).append(s)
        else:
            ranges.append(s)
    kept = []
    for f in findings:
        candidates = [s for s in by_block.get(f.location.block, ()) if s.covers(f)]
        first_range = next((s for s in ranges if s.line < f.location.line and s.covers(f)), None)
        if first_range is not None:
            candidates.append(first_range)
        s = min(candidates, key=lambda s: (s.line, s.column)) if candidates else None
        if s:
            s.used += 1
        else:
            kept.append(f)
    meta = []
    lines = [b.line for b in doc.blocks]
    for s in sups:
        where = _location(doc, s, lines)
        directive = f"zzreview: {s.kind}={','.join(s.codes) or 'all'}"
        if not s.reason:
            meta.append(Finding("ZZ001", "suppression", "warning",
                                f"第{s.line}行的抑制注释（{directive}）没有写明理由",
                                "", where, "本工具的使用约定：抑制须写明理由",
                                "在注释中写“理由：…”，说明为什么该问题可以接受",
                                extra={"directive": directive}))
        if not s.used:
            meta.append(Finding("ZZ002", "suppression", "info",
                                f"第{s.line}行的抑制注释（{directive}）没有抑制任何问题",
                                "", where, "本工具的使用约定", "删除该注释",
                                extra={"directive": directive}))
    return kept, meta


def _location(doc: Document, s: Suppression, lines: list[int]) -> Location:
    i = bisect_left(lines, s.line)
    block = doc.blocks[i].index if i < len(lines) else len(doc.blocks) - 1
    return Location(block=max(block, 0), line=s.line, column=s.column, article=None)
