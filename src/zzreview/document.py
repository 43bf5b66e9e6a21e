"""The reader-independent document model: blocks of text with anchors back to the source."""

from __future__ import annotations

from zzreview.record import Record
from zzreview.text.chrome import is_chrome as _judge_chrome
from zzreview.text.kind import document_kind


class Block(Record):
    """One unit of text in reading order (heading, paragraph, list item, table cell).

    ``line``/``column`` (1-based) locate the first character of ``text`` in the source:
    for Markdown and plain text the source line and column; for docx ``line`` is the
    paragraph number in reading order (body and tables) and ``column`` is 1.
    ``positions``, when set, gives the source (line, column) of every character of
    ``text`` (Markdown blocks that span lines or lost inline markup).
    ``source`` holds reader-specific data (docx: paragraph path for annotation).
    """

    _fields = ("index", "kind", "text", "line", "column", "level", "positions", "source", "pages")

    def __init__(
        self,
        index: int,
        kind: str,  # "heading" | "paragraph" | "list_item" | "table_cell"
        text: str,
        line: int,
        column: int = 1,
        level: int = 0,
        positions: list[tuple[int, int]] | None = None,
        source: dict | None = None,
        pages: list[int] | None = None,  # PDF: the page of every character of ``text``
    ):
        self.index = index
        self.kind = kind
        self.text = text
        self.line = line
        self.column = column
        self.level = level
        self.positions = positions
        self.source = {} if source is None else source
        self.pages = pages

    def page_at(self, offset: int) -> int | None:
        """Page (1-based) of the character at ``offset``; None for paged-less formats."""
        if not self.pages:
            return None
        return self.pages[min(max(offset, 0), len(self.pages) - 1)]

    def locate(self, offset: int) -> tuple[int, int]:
        """Source (line, column) of the character at ``offset`` in ``text``."""
        if self.positions:
            if 0 <= offset < len(self.positions):
                return self.positions[offset]
            if self.positions:
                return self.positions[-1]
        return self.line, self.column + max(offset, 0)


class Document(Record):
    """A draft as the readers give it: its blocks of text, where each comes from, and its metadata."""

    _fields = ("path", "format", "blocks", "title", "title_block", "doc_number", "issuer", "date", "encoding",
               "converted_from", "converted_docx", "directives")

    def __init__(
        self,
        path: str,
        format: str,  # "docx" | "markdown" | "text" | "pdf"
        blocks: list[Block],
        title: str | None = None,
        title_block: int | None = None,
        doc_number: str | None = None,  # 文号, e.g. 枣政发〔2021〕12号
        issuer: str | None = None,
        date: str | None = None,  # ISO date of issue/draft when written in the document
        encoding: str | None = None,
        # Read through LibreOffice: the original format ("doc", "wps", "rtf", "odt") and the .docx that
        # was read (locations refer to it; the annotated copy is made from it).
        converted_from: str | None = None,
        converted_docx: bytes | None = None,
        # Markdown HTML comments (line, column, inner text): not document text, but they carry
        # suppression directives such as <!-- zzreview: disable=ZZ201 理由：… -->
        directives: list[tuple[int, int, str]] | None = None,
    ):
        self.path = path
        self.format = format
        self.blocks = blocks
        self.title = title
        self.title_block = title_block
        self.doc_number = doc_number
        self.issuer = issuer
        self.date = date
        self.encoding = encoding
        self.converted_from = converted_from
        self.converted_docx = converted_docx
        self.directives = [] if directives is None else directives
        self._typed_lines = None
        self._text = None
        self._chrome: dict[str, bool] = {}
        self._kind: tuple[str | None, str | None] | None = None  # (title, its kind)

    @property
    def text(self) -> str:
        """Every block's text, a block a line; joined once (several analyses and checks first look
        for their words in the whole text, and a Document's blocks do not change once read)."""
        if self._text is None:
            self._text = "\n".join(b.text for b in self.blocks)
        return self._text

    @property
    def kind(self) -> str | None:
        """The kind named at the end of the title (办法, 通知 …): found once per title, although the
        analysis and the report both ask for it."""
        if self._kind is None or self._kind[0] != self.title:
            self._kind = (self.title, document_kind(self.title))
        return self._kind[1]

    def is_chrome(self, text: str) -> bool:
        """Whether a line of this document (a block's text or a typed line) is web-page chrome:
        judged on first ask and kept, so the reader's windows and the analysis's opening and
        closing lines judge each line once between them."""
        t = text.strip()
        c = self._chrome.get(t)
        if c is None:
            c = self._chrome[t] = _judge_chrome(t)
        return c

    def typed_lines(self) -> list[tuple[int, str]]:
        """(block index, text) of every paragraph as its author typed it: a paragraph of a Word
        file or PDF, a line of Markdown or plain text (the Markdown reader joins lines into one
        block). Windows at the start or end of a document counted in these are the same for the
        same text in every format. Computed once: a Document's blocks do not change once read."""
        if self._typed_lines is None:
            self._typed_lines = self._split_typed_lines()
        return self._typed_lines

    def keep_typed_lines(self, lines: list[tuple[int, str]]) -> None:
        """The typed lines as a reader found them while it made the blocks (what typed_lines would
        compute from them)."""
        self._typed_lines = lines

    def _split_typed_lines(self) -> list[tuple[int, str]]:
        if self.format != "markdown":
            return [(b.index, b.text) for b in self.blocks]
        out: list[tuple[int, str]] = []
        for b in self.blocks:
            if not b.positions:
                out.append((b.index, b.text))
                continue
            start = 0
            for k in _line_breaks(b.positions, len(b.text)):
                piece = b.text[start:k].strip()
                if piece:
                    out.append((b.index, piece))
                start = k
        return out


def _line_breaks(positions, length: int) -> list[int]:
    """Offsets where the source line changes, then ``length``: from the runs when the positions
    are stored as runs (Markdown), else character by character."""
    if hasattr(positions, "line_breaks"):
        return positions.line_breaks()
    return [k for k in range(1, length + 1) if k == length or positions[k][0] != positions[k - 1][0]]
