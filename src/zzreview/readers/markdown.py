"""Markdown drafts via markdown-it-py: headings, paragraphs, list items and table cells.

Code blocks and HTML are not document text; HTML comments are kept as
``Document.directives`` (suppressions). Every character of a block's text
keeps its source line and column (``Block.positions``), so inline markup
(**bold**, links) and soft line breaks do not shift a finding's location.
A soft line break between Chinese characters joins the lines with nothing,
as a reader sees it; between Latin words it becomes a space. Official texts
put one paragraph on each line, so a soft break after a sentence, a colon or a
date, or before a heading (第X条, 一、), starts a new block.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

import regex

from zzreview.document import Block, Document
from zzreview.readers.encoding import decode_text

_COMMENT = regex.compile(r"<!--(.*?)-->", regex.S)
_parser = None


def _md():
    global _parser
    if _parser is None:
        from markdown_it import MarkdownIt

        from zzreview.readers.limits import max_nesting

        # inline parsing is done block by block (see _children), so only one block's inline
        # tokens are alive at a time
        _parser = (MarkdownIt("commonmark", {"html": True, "maxNesting": max_nesting()}).enable("table")
                   .disable(["inline", "text_join"]))
    return _parser


def _children(tok, env: dict) -> list:
    from markdown_it.rules_core.text_join import _join_text_tokens

    children: list = []
    _md().inline.parse(tok.content, _md(), env, children)
    for child in children:
        if child.children:  # image alt text
            child.children = _join_text_tokens(child.children)
    return _join_text_tokens(children)


class Anchors:
    """Source (line, column) of every character of a block's text, stored as runs: from text
    offset ``starts[i]`` on, the column advances by ``steps[i]`` (1, or 0 for text that differs
    from its source, such as escapes). Memory grows with the number of runs, not characters."""

    __slots__ = ("starts", "lines", "cols", "steps", "length")

    def __init__(self, length: int = 0):
        self.starts: list[int] = []
        self.lines: list[int] = []
        self.cols: list[int] = []
        self.steps: list[int] = []
        self.length = length

    def add(self, offset: int, line: int, col: int, step: int = 1) -> None:
        if self.starts and self.starts[-1] == offset:  # a later run at the same offset wins
            self.lines[-1], self.cols[-1], self.steps[-1] = line, col, step
            return
        self.starts.append(offset)
        self.lines.append(line)
        self.cols.append(col)
        self.steps.append(step)

    def __len__(self) -> int:
        return self.length

    def __bool__(self) -> bool:
        return self.length > 0 and bool(self.starts)

    def at(self, k: int) -> tuple[int, int]:
        i = max(bisect_right(self.starts, k) - 1, 0)
        return self.lines[i], self.cols[i] + self.steps[i] * (k - self.starts[i])

    def __getitem__(self, k):
        if isinstance(k, slice):
            a, b, _ = k.indices(self.length)
            out = Anchors(max(b - a, 0))
            if out.length and self.starts:
                line, col = self.at(a)
                i = max(bisect_right(self.starts, a) - 1, 0)
                out.add(0, line, col, self.steps[i])
                for j in range(i + 1, bisect_left(self.starts, b)):
                    out.add(self.starts[j] - a, self.lines[j], self.cols[j], self.steps[j])
            return out
        if k < 0:
            k += self.length
        if not 0 <= k < self.length:
            raise IndexError(k)
        return self.at(k)


def _raw_anchors(raw: str, lines: list[str], first: int) -> Anchors:
    """Anchors of ``raw`` (an inline token's content): one run per source line."""
    out = Anchors(len(raw))
    src_line, offset = first, 0
    for piece in raw.split("\n"):
        col0 = 0
        # Find the source line holding this piece (container markers like "> " or "- " are stripped).
        for ln in range(src_line, min(src_line + 3, len(lines))):
            k = lines[ln].find(piece) if piece else 0
            if k >= 0:
                src_line, col0 = ln, k
                break
        out.add(offset, src_line + 1, col0 + 1)  # the piece and the newline after it
        offset += len(piece) + 1
        src_line += 1
    return out


def _join_char(before: str, after: str) -> str:
    if before and after and before[-1].isascii() and after[:1].isascii() and before[-1].isalnum():
        return " "
    return ""


_WINDOW = 256  # how far past the cursor a child's text is looked for in the source


def _inline_text(tok, lines: list[str], first: int, directives: list, env: dict
                 ) -> tuple[str, Anchors, list[int]]:
    raw = tok.content
    rawpos = _raw_anchors(raw, lines, first)
    if not rawpos:
        rawpos = Anchors(1)
        rawpos.add(0, first + 1, 1)
    text: list[str] = []
    pos = Anchors()
    breaks: list[int] = []  # offsets in the text where a soft line break was
    cursor = length = 0
    last = ""  # the text so far ends with this

    def at(k: int) -> tuple[int, int]:
        return rawpos.at(min(max(k, 0), len(rawpos) - 1))

    children = _children(tok, env)
    following = [""] * (len(children) + 1)  # the first non-empty text after each child
    for i in range(len(children) - 1, -1, -1):
        c = children[i]
        following[i] = c.content if c.type == "text" and c.content else following[i + 1]
    for i, child in enumerate(children):
        t = child.type
        if t in ("text", "code_inline"):
            s = child.content
            k = raw.find(s, cursor, cursor + len(s) + _WINDOW) if s else -1
            if k >= 0:
                pos.add(length, *at(k))
                cursor = k + len(s)
            else:  # escapes and entities: the text differs from the source
                pos.add(length, *at(cursor), step=0)
            text.append(s)
            length += len(s)
            last = s or last
        elif t in ("softbreak", "hardbreak"):
            k = raw.find("\n", cursor)
            joiner = "\n" if t == "hardbreak" else _join_char(last, following[i + 1])
            if t == "softbreak":
                breaks.append(length)
            if joiner:
                pos.add(length, *at(k if k >= 0 else cursor), step=0)
                text.append(joiner)
                length += len(joiner)
                last = joiner
            cursor = k + 1 if k >= 0 else cursor
        elif t == "html_inline":
            k = raw.find(child.content, cursor, cursor + len(child.content) + _WINDOW)
            m = _COMMENT.fullmatch(child.content.strip())
            if m:
                line, col = at(k if k >= 0 else cursor)
                directives.append((line, col, m.group(1).strip()))
            if k >= 0:
                cursor = k + len(child.content)
    pos.length = length
    return "".join(text), pos, breaks


# Official texts put one paragraph on each line. A soft break ends a paragraph after a sentence,
# a colon or a date line, or before a heading (第X条, 一、, （一）, 1.); otherwise the line continues.
_ENDS_PARAGRAPH = regex.compile(r"(?:[。；;：:！？!?]|[”」』）)]。?|\d{1,2}\s*日|[〇○零OＯ一二三四五六七八九十]日|号|文件)\s*$")
_STARTS_PARAGRAPH = regex.compile(
    r"^\s*(?:第[一二三四五六七八九十百千零〇\d]+[章节条]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|"
    r"\d+[.．、]|附件)")


_LOOK = 200  # characters either side of a soft break that decide whether a paragraph ends there


def _paragraphs(text: str, pos: Anchors, breaks: list[int]) -> list[tuple[str, Anchors]]:
    """Split a Markdown paragraph at the soft breaks that end an official paragraph."""
    cuts = [0]
    for b in breaks:
        before, after = text[max(cuts[-1], b - _LOOK):b], text[b:b + _LOOK].lstrip(" ")
        if _ENDS_PARAGRAPH.search(before) or _STARTS_PARAGRAPH.match(after):
            cuts.append(b)
    cuts.append(len(text))
    return [(text[a:b], pos[a:b]) for a, b in zip(cuts, cuts[1:])]


def read_markdown(data: bytes, name: str) -> Document:
    text, encoding = decode_text(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    env: dict = {}
    tokens = _md().parse(text, env)
    if any(tok.level >= _md().options["maxNesting"] - 1 for tok in tokens):
        # deeper than the nesting limit: markdown-it drops the rest; keep every line as text
        from zzreview.readers.text import read_text

        doc = read_text(data, name)
        doc.format = "markdown"
        return doc
    blocks: list[Block] = []
    directives: list[tuple[int, int, str]] = []
    kind, level, list_depth, last_map = "paragraph", 0, 0, (0, 1)
    for tok in tokens:
        if tok.map:
            last_map = tok.map
        t = tok.type
        if t in ("bullet_list_open", "ordered_list_open"):
            list_depth += 1
        elif t in ("bullet_list_close", "ordered_list_close"):
            list_depth -= 1
        elif t == "heading_open":
            kind, level = "heading", int(tok.tag[1:])
        elif t == "paragraph_open":
            kind, level = ("list_item" if list_depth else "paragraph"), 0
        elif t in ("th_open", "td_open"):
            kind, level = "table_cell", 0
        elif t == "html_block":
            line, line_start, seen = last_map[0] + 1, 0, 0  # counted incrementally: linear
            for m in _COMMENT.finditer(tok.content):
                newlines = tok.content.count("\n", seen, m.start())
                if newlines:
                    line += newlines
                    line_start = tok.content.rfind("\n", seen, m.start()) + 1
                seen = m.start()
                directives.append((line, m.start() - line_start + 1, m.group(1).strip()))
        elif t == "inline":
            first = (tok.map or last_map)[0]
            body, pos, breaks = _inline_text(tok, lines, first, directives, env)
            pieces = _paragraphs(body, pos, breaks) if kind in ("paragraph", "list_item") else [(body, pos)]
            for piece, ppos in pieces:
                lead = len(piece) - len(piece.lstrip())
                piece_s = piece.strip()
                if not piece_s:
                    continue
                ppos = ppos[lead:lead + len(piece_s)]
                line, col = ppos[0] if ppos else (first + 1, 1)
                blocks.append(Block(len(blocks), kind, piece_s, line, col, level=level, positions=ppos))
    return Document(name, "markdown", blocks, encoding=encoding, directives=directives)
