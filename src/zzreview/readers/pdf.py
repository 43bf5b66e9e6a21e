"""PDF drafts by their text layer (pdfplumber, on pdfminer.six).

The page's characters are grouped into visual lines (top to bottom, left to right); a line is
numbered on its page counting every line of text, so ``Block.line`` is the line on the page
and ``Block.pages`` the page of every character. Running headers and footers (page numbers such
as "— 1 —", and lines repeated at the top or bottom of several pages) are dropped. The lines
are then joined back into paragraphs: a new paragraph starts after a line that stops short of
the right margin, at an indented line, after a wider gap or a change of type size, and at every
article or list item (第X条, 一、, （一）, 1.); lines broken by the layout are joined without a
space between Chinese characters. Ruled tables become one block per cell, row by row.
A PDF whose pages hold only images is a scan: it needs OCR first.
"""

from __future__ import annotations

import io
import statistics
from dataclasses import dataclass, field

import regex

from zzreview.document import Block, Document
from zzreview.errors import ReadError
from zzreview.readers.markdown import _STARTS_PARAGRAPH

_PAGE_NUMBER = regex.compile(
    r"^[\s\-—－–_·•~～]*(?:第\s*)?[\d０-９一二三四五六七八九十]+\s*(?:页)?"
    r"(?:\s*[/／]\s*\d+|\s*共\s*\d+\s*页)?[\s\-—－–_·•~～]*$|^[Pp]age\s*\d+(?:\s*of\s*\d+)?$")
_MARGIN = 0.1  # running headers and footers sit in the top and bottom tenth of the page
_CJK = regex.compile(r"[\p{Han}\p{InCJK_Symbols_and_Punctuation}\p{InHalfwidth_and_Fullwidth_Forms}]")


@dataclass
class Line:
    page: int
    number: int  # on its page, counting every line of text
    chars: list = field(default_factory=list)  # pdfplumber char dicts, left to right
    text: str = ""
    columns: list[int] = field(default_factory=list)  # 1-based column of each character of text
    char_columns: list[int] = field(default_factory=list)  # the column of each of ``chars``
    running: bool = False  # a header, footer or page number
    in_table: bool = False

    @property
    def x0(self) -> float:
        return self.chars[0]["x0"]

    @property
    def x1(self) -> float:
        return self.chars[-1]["x1"]

    @property
    def top(self) -> float:
        return min(c["top"] for c in self.chars)

    @property
    def bottom(self) -> float:
        return max(c["bottom"] for c in self.chars)

    @property
    def size(self) -> float:
        return statistics.median(c["size"] for c in self.chars)


def _spell(chars: list) -> tuple[str, list[int], list[int]]:
    """Text of a row of characters, the column of each character of the text and of each
    of ``chars``; a gap of more than half a character's width is a space."""
    text: list[str] = []
    cols: list[int] = []
    char_cols: list[int] = []
    prev = None
    for c in chars:
        t = c["text"]
        if prev is not None and not t.isspace() and not prev["text"].isspace():
            gap = c["x0"] - prev["x1"]
            if gap > 0.6 * c["size"]:
                wide = _CJK.match(t) or _CJK.match(prev["text"])
                spaces = "\u3000" * max(1, round(gap / c["size"])) if wide else " "
                text.append(spaces)
                cols.extend(range(len(cols) + 1, len(cols) + 1 + len(spaces)))
        char_cols.append(len(cols) + 1)
        text.append(t)
        cols.extend(range(len(cols) + 1, len(cols) + 1 + len(t)))
        prev = c
    return "".join(text), cols, char_cols


def _rows(chars: list) -> list[list]:
    """Characters grouped into visual lines, top to bottom, each left to right."""
    rows: list[list] = []
    for c in sorted(chars, key=lambda c: (c["top"], c["x0"])):
        if rows and abs(c["top"] - rows[-1][0]["top"]) <= 0.4 * max(c["size"], rows[-1][0]["size"]):
            rows[-1].append(c)
        else:
            rows.append([c])
    return [sorted(r, key=lambda c: c["x0"]) for r in rows]


def _inside(c, box) -> bool:
    x, y = (c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


@dataclass
class Page:
    number: int
    height: float
    lines: list[Line]
    tables: list = field(default_factory=list)  # [(top, [[cell chars…] row by row])]
    has_images: bool = False


def _read_page(page, number: int) -> Page:
    chars = [c for c in page.dedupe_chars().chars if c.get("upright", True) and c["text"]]
    tables = []
    try:
        found = page.find_tables()
    except Exception:  # a malformed drawing does not stop the text
        found = []
    in_table: set[int] = set()
    for t in found:
        rows = []
        for row in t.rows:
            cells = []
            for box in row.cells:
                if box is None:
                    continue
                cell = [c for c in chars if _inside(c, box)]
                in_table.update(id(c) for c in cell)
                cells.append(cell)
            rows.append(cells)
        tables.append((t.bbox[1], rows))
    lines = []
    for k, row in enumerate(_rows(chars), 1):
        line = Line(number, k, row)
        line.text, line.columns, line.char_columns = _spell(row)
        line.in_table = all(id(c) in in_table for c in row)
        lines.append(line)
    return Page(number, float(page.height), lines, tables, bool(page.images))


def _normalised(text: str) -> str:
    return regex.sub(r"[\d０-９]+", "#", regex.sub(r"\s+", "", text))


def _mark_running(pages: list[Page]) -> None:
    """Page numbers, and lines repeated in the top or bottom margin of two or more pages."""
    def edge_lines(p: Page) -> list[Line]:
        flow = [ln for ln in p.lines if not ln.in_table]
        ends = flow[:2] + flow[-2:]
        return [ln for ln in ends if ln.top < _MARGIN * p.height or ln.bottom > (1 - _MARGIN) * p.height]

    seen: dict[str, set[int]] = {}
    for p in pages:
        for ln in edge_lines(p):
            seen.setdefault(_normalised(ln.text), set()).add(p.number)
    for p in pages:
        marked: set[str] = set()  # a title under a header of the same words is the title
        for ln in edge_lines(p):
            key = _normalised(ln.text)
            if key not in marked and (_PAGE_NUMBER.match(ln.text.strip()) or len(seen[key]) >= 2):
                ln.running = True
                marked.add(key)


def _body_metrics(lines: list[Line]) -> tuple[float, float, float]:
    """Left margin, right margin and type size of the body text."""
    left = statistics.mode(round(ln.x0) for ln in lines)
    ends = sorted(ln.x1 for ln in lines)
    right = ends[int(0.95 * (len(ends) - 1))]  # a stray wide line (a table row) does not move it
    size = statistics.mode(round(ln.size, 1) for ln in lines)
    return left, right, size


_ENDS_SENTENCE = regex.compile(r"[。；;：:！？!?][”’」』）)]?\s*$")


def _starts_paragraph(prev: Line, line: Line, left: float, right: float, size: float, leading: float) -> bool:
    if _STARTS_PARAGRAPH.match(line.text) and _ENDS_SENTENCE.search(prev.text):
        return True  # 第X条, 一、 after a full stop (not "依照…\n第一百二十条的规定")
    if abs(line.size - prev.size) > 0.1 * size:
        return True
    if prev.size >= 1.2 * size:  # a title in large type, centred over several lines
        return line.page != prev.page or line.top - prev.top > 1.4 * leading * prev.size / size
    if right - prev.x1 > _first_word_width(line) + 0.5 * size:
        return True  # the previous line stopped short although the next word would have fit
    if line.x0 > left + 0.8 * size:  # first-line indent, or a centred line
        return True
    return line.page == prev.page and line.top - prev.top > 1.4 * leading


_HAN = regex.compile(r"\p{Han}")


def _first_word_width(line: Line) -> float:
    """Width of what the layout could not have split from the start of ``line``: up to the next
    Chinese character (a run of digits, Latin letters and brackets moves to a new line whole)."""
    end = line.chars[0]
    for c in line.chars[1:]:
        if _HAN.match(c["text"]) or c["text"].isspace():
            break
        end = c
    return end["x1"] - line.chars[0]["x0"]


def _leading(lines: list[Line]) -> float:
    steps = [b.top - a.top for a, b in zip(lines, lines[1:]) if a.page == b.page and b.top > a.top]
    return statistics.median(steps) if steps else 1e9


def _join(before: str, after: str) -> str:
    if before and after and before[-1].isascii() and before[-1].isalnum() and after[0].isascii():
        return " "
    return ""


def _block(kind: str, level: int, parts: list[tuple[Line, str, list[int]]], index: int) -> Block | None:
    text, pos, pages = "", [], []
    for line, t, cols in parts:
        sep = _join(text, t) if text else ""
        if sep:
            text += sep
            pos.append(pos[-1])
            pages.append(pages[-1])
        text += t
        pos.extend((line.number, c) for c in cols)
        pages.extend(line.page for _ in cols)
    lead = len(text) - len(text.lstrip())
    stripped = text.strip()
    if not stripped:
        return None
    pos, pages = pos[lead:lead + len(stripped)], pages[lead:lead + len(stripped)]
    line, col = pos[0]
    return Block(index, kind, stripped, line, col, level=level, positions=pos, pages=pages,
                 source={"page": pages[0]})


def _cell_parts(page: Page, cell: list) -> list[tuple[Line, str, list[int]]]:
    """A table cell's characters as pieces of the page's lines (for their line and column)."""
    ids = {id(c) for c in cell}
    parts = []
    for ln in page.lines:
        k = [i for i, c in enumerate(ln.chars) if id(c) in ids]
        if not k:
            continue
        text, _, _ = _spell([ln.chars[i] for i in k])
        first = ln.char_columns[k[0]]
        parts.append((ln, text, list(range(first, first + len(text)))))
    return parts


def _paragraphs(pages: list[Page]) -> list[Block]:
    flow = [ln for p in pages for ln in p.lines if not ln.running and not ln.in_table]
    blocks: list[Block] = []
    if not flow:
        left = right = size = leading = 0.0
    else:
        left, right, size = _body_metrics(flow)
        leading = _leading(flow)
    tables = [(p, top, rows) for p in pages for top, rows in p.tables]

    def flush_tables(before: Line | None) -> None:
        while tables and (before is None or (tables[0][0].number, tables[0][1]) < (before.page, before.top)):
            p, _, rows = tables.pop(0)
            for row in rows:
                for cell in row:
                    b = _block("table_cell", 0, _cell_parts(p, cell), len(blocks))
                    if b:
                        blocks.append(b)

    current: list[tuple[Line, str, list[int]]] = []

    def flush() -> None:
        if current:
            first = current[0][0]
            heading = size and first.size >= 1.2 * size
            b = _block("heading" if heading else "paragraph", 1 if heading else 0, current, len(blocks))
            if b:
                blocks.append(b)
            current.clear()

    prev = None
    for ln in flow:
        if tables and (tables[0][0].number, tables[0][1]) < (ln.page, ln.top):
            flush()
            flush_tables(ln)
            prev = None
        if prev is not None and _starts_paragraph(prev, ln, left, right, size, leading):
            flush()
        current.append((ln, ln.text, ln.columns))
        prev = ln
    flush()
    flush_tables(None)
    return blocks


def read_pdf(data: bytes, name: str) -> Document:
    import pdfplumber  # heavy: only when a PDF is read
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = [_read_page(p, n) for n, p in enumerate(pdf.pages, 1)]
    except PDFPasswordIncorrect:
        raise ReadError("encrypted", "PDF 文件已加密（设有打开密码），请去掉密码后再审查") from None
    except Exception as exc:  # pdfminer raises many kinds for broken files
        raise ReadError("corrupt", f"PDF 文件已损坏，无法读取（{type(exc).__name__}）") from None
    if not any(p.lines for p in pages):
        if any(p.has_images for p in pages):
            raise ReadError("scanned-pdf", "这是扫描件（页面只有图像，没有文字层），需要先做文字识别（OCR）再审查")
        raise ReadError("no-text", "PDF 中没有文字")
    _mark_running(pages)
    return Document(name, "pdf", _paragraphs(pages))
