"""Markdown drafts via pyromark (pulldown-cmark): headings, paragraphs, list items and table cells.

Code blocks, images and HTML are not document text; HTML comments are kept as
``Document.directives`` (suppressions). Every character of a block's text keeps its source
line and column (``Block.positions``), taken from the parser's source ranges, so inline markup
(**bold**, links, escapes, entities) and soft line breaks do not shift a finding's location.
A soft line break between Chinese characters joins the lines with nothing, as a reader sees it;
between Latin words it becomes a space. Official texts put one paragraph on each line, so a soft
break after a sentence, a colon or a date, or before a heading (第X条, 一、), starts a new block.
"""

from __future__ import annotations

from bisect import bisect_right

import pyromark
import regex

from zzreview import lazy_regex
from zzreview.document import Block, Document
from zzreview.readers.encoding import decode_text

_COMMENT = lazy_regex.compile(r"<!--(.*?)-->", regex.S)


class Anchors:
    """Source (line, column) of every character of a block's text, stored as runs: from text
    offset ``starts[i]`` on, the column advances by ``steps[i]`` (1, or 0 for text that differs
    from its source, such as entities). Memory grows with the number of runs, not characters.

    A cut is a view: it shares the runs of the text it was cut from (runs ``lo`` to ``hi``, its
    offset 0 being offset ``base`` of theirs), so the blocks a paragraph splits into copy nothing."""

    __slots__ = ("starts", "lines", "cols", "steps", "length", "base", "lo", "hi")

    def __init__(self):
        """No runs yet (text in one run has a ``Run`` instead)."""
        self.starts: list[int] = []
        self.lines: list[int] = []
        self.cols: list[int] = []
        self.steps: list[int] = []
        self.length = 0
        self.base = self.lo = 0
        self.hi: int | None = None  # None: to the end of the runs

    def __len__(self) -> int:
        return self.length

    def __bool__(self) -> bool:
        return self.length > 0 and (len(self.starts) if self.hi is None else self.hi) > self.lo

    def at(self, k: int) -> tuple[int, int]:
        k += self.base
        i = bisect_right(self.starts, k, self.lo, self.hi) - 1
        if i < self.lo:
            i = self.lo
        return self.lines[i], self.cols[i] + self.steps[i] * (k - self.starts[i])

    def cut(self, a: int, b: int) -> Anchors:
        """The anchors of text offsets ``a`` to ``b`` (0 <= a <= b <= length), numbered from 0."""
        out = Anchors.__new__(Anchors)
        out.starts, out.lines, out.cols, out.steps = self.starts, self.lines, self.cols, self.steps
        out.length, out.base = b - a, self.base + a
        lo, hi = self.lo, len(self.starts) if self.hi is None else self.hi
        if b > a and hi > lo:
            lo = max(bisect_right(self.starts, out.base, lo, hi) - 1, lo)
            hi = bisect_right(self.starts, out.base + out.length - 1, lo, hi)
        else:
            hi = lo
        out.lo, out.hi = lo, hi
        return out

    def line_breaks(self) -> list[int]:
        """Offsets where the source line changes, then the length."""
        starts, lines, base, length = self.starts, self.lines, self.base, self.length
        hi = len(starts) if self.hi is None else self.hi
        if hi - self.lo <= 1:  # one run: one line
            return [length]
        out = []
        for j in range(self.lo + 1, hi):
            if 0 < starts[j] - base < length and lines[j] != lines[j - 1]:
                out.append(starts[j] - base)
        out.append(length)
        return out

    def __getitem__(self, k):
        if isinstance(k, slice):
            a, b, _ = k.indices(self.length)
            return self.cut(a, max(a, b))
        if k < 0:
            k += self.length
        if not 0 <= k < self.length:
            raise IndexError(k)
        return self.at(k)


class Run:
    """The anchors of text that lies in one run (a line of the source, as most blocks do): ``length``
    characters from (line, col), the column advancing by ``step``. What ``Anchors`` of that one run
    gives, without its lists."""

    __slots__ = ("length", "line", "col", "step")

    def __init__(self, length: int, line: int, col: int, step: int = 1):
        self.length, self.line, self.col, self.step = length, line, col, step

    def __len__(self) -> int:
        return self.length

    def __bool__(self) -> bool:
        return self.length > 0

    def at(self, k: int) -> tuple[int, int]:
        return self.line, self.col + self.step * k

    def cut(self, a: int, b: int) -> Run:
        return Run(b - a, self.line, self.col + self.step * a, self.step)

    def line_breaks(self) -> list[int]:
        return [self.length]

    __getitem__ = Anchors.__getitem__


class _Source:
    """(line, column), both 1-based and counted in characters, of UTF-8 byte offsets of the text.
    Offsets come mostly in increasing order: the newlines between the last one and the next are
    counted (no table of every line's start), and on the same line the column is counted on from
    the last one (an earlier offset is counted from its line's start)."""

    __slots__ = ("data", "ascii", "offset", "line", "start", "col")

    def __init__(self, text: str, data: bytes | None = None):
        """``data``, when given, is ``text`` encoded in UTF-8 (the file's own bytes, not encoded again)."""
        self.data = data = text.encode("utf-8") if data is None else data
        self.ascii = len(data) == len(text)
        self.offset = 0  # the last offset looked up,
        self.line = 0  # its 0-based line,
        self.start = 0  # the offset where that line starts
        self.col = 0  # and its 0-based column

    def at(self, offset: int) -> tuple[int, int]:
        data, last = self.data, self.offset
        if offset >= last:
            n = data.count(b"\n", last, offset)
            if n:
                self.line += n
                self.start = last = data.rfind(b"\n", last, offset) + 1
                col = 0
            else:
                col = self.col
        else:
            self.line -= data.count(b"\n", offset, last)
            self.start = last = data.rfind(b"\n", 0, offset) + 1
            col = 0
        if self.ascii:
            col = offset - self.start
        elif offset > last:
            col += len(data[last:offset].decode("utf-8", "replace"))
        self.offset, self.col = offset, col
        return self.line + 1, col + 1

    def raw(self, start: int, end: int) -> str:
        return self.data[start:end].decode("utf-8", "replace")


_TEXT, _CODE, _SOFT, _HARD = range(4)  # the kinds of an inline piece


class _Inline:
    """The text of one heading, paragraph, list item or table cell as its pieces arrive: text and
    inline code, soft and hard line breaks (HTML comments become directives, other HTML and images
    are dropped)."""

    __slots__ = ("kind", "level", "pieces")

    def __init__(self, kind: str, level: int):
        self.kind, self.level = kind, level
        self.pieces: list[tuple[int, str, int, int]] = []  # (kind, content, byte start, byte end)

    def build(self, src: _Source) -> tuple[str, Anchors, list[int]]:
        """The text, the position runs and the offsets of the soft line breaks, in one pass over
        the pieces. A soft break joins with nothing, or with a space between Latin words: only
        then is the text after it looked up."""
        pieces = self.pieces
        data = src.data
        pos = Anchors()
        starts, lines, cols, steps = pos.starts, pos.lines, pos.cols, pos.steps
        text: list[str] = []
        breaks: list[int] = []  # offsets in the text where a soft line break was
        following = None  # the first non-empty text after each piece, made when first needed
        length = 0
        last = ""  # the text so far ends with this
        for i, (t, s, start, end) in enumerate(pieces):
            if t <= _CODE:  # text or inline code
                if not s:
                    continue
                line, col = src.at(start)
                raw = s.encode("utf-8")
                step = 1
                if end - start != len(raw) or not data.startswith(raw, start):  # entities, code spans
                    k = src.raw(start, end).find(s) if t == _CODE else -1
                    if k >= 0:
                        col += k
                    else:
                        step = 0
                starts.append(length)
                lines.append(line)
                cols.append(col)
                steps.append(step)
                text.append(s)
                length += len(s)
                last = s
                continue
            if t == _HARD:
                joiner = "\n"
            else:
                breaks.append(length)
                joiner = ""
                if last and last[-1].isascii() and last[-1].isalnum():
                    if following is None:
                        following = _following_texts(pieces)
                    if following[i + 1][:1].isascii() and following[i + 1]:
                        joiner = " "
            if joiner:  # the position of the line break itself
                line, col = src.at(end - 1)
                starts.append(length)
                lines.append(line)
                cols.append(col)
                steps.append(0)
                text.append(joiner)
                length += 1
                last = joiner
        pos.length = length
        return "".join(text), pos, breaks


def _following_texts(pieces: list[tuple[int, str, int, int]]) -> list[str]:
    """For each piece, the first non-empty text at or after it ("" at the end)."""
    following = [""] * (len(pieces) + 1)
    for i in range(len(pieces) - 1, -1, -1):
        t, s = pieces[i][0], pieces[i][1]
        following[i] = s if t == _TEXT and s else following[i + 1]
    return following


# Official texts put one paragraph on each line. A soft break ends a paragraph after a sentence,
# a colon or a date line, or before a heading (第X条, 一、, （一）, 1.); otherwise the line continues.
# The end of the line before the break is looked at from its last character backwards (a search for
# a pattern anchored at the end would try every position of the line).
_SPACE = "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a" \
         "\u2028\u2029\u202f\u205f\u3000"  # what regex's \s matches
_DIGIT = lazy_regex.compile(r"\d")
_ENDS_WITH = "。；;：:！？!?”」』）)号"  # a line ending in one of these (then blanks) ends its paragraph
_DAY_NUMERALS = "〇○零OＯ一二三四五六七八九十"
_STARTS_PARAGRAPH = lazy_regex.compile(
    r"\s*(?:第[一二三四五六七八九十百千零〇\d]+[章节条]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|"
    r"\d+[.．、]|附件)")

_LOOK = 200  # characters either side of a soft break that decide whether a paragraph ends there


def _ends_paragraph(line: str) -> bool:
    """Whether ``line`` ends (but for blanks) in a sentence mark, a closing quote or bracket, 号,
    文件, or a day (3日, 三日): what no paragraph of an official text continues after."""
    t = line.rstrip(_SPACE)
    if not t:
        return False
    if t[-1] in _ENDS_WITH or t.endswith("文件"):
        return True
    if t[-1] != "日" or len(t) < 2:
        return False
    if t[-2] in _DAY_NUMERALS:
        return True
    before = t[:-1].rstrip(_SPACE)
    return bool(before) and _DIGIT.match(before[-1]) is not None


def _cuts(text: str, breaks: list[int]) -> list[int]:
    """Offsets where a Markdown paragraph splits into official paragraphs, with 0 and its length."""
    cuts = [0]
    for b in breaks:
        c = cuts[-1]
        # most lines end in 。 or ；, which decides without cutting out a window
        if b > c and text[b - 1] in _ENDS_WITH or _ends_paragraph(text[max(c, b - _LOOK):b]) \
                or _STARTS_PARAGRAPH.match(text, b, b + _LOOK):
            cuts.append(b)
    cuts.append(len(text))
    return cuts


_SPLIT_KINDS = ("paragraph", "list_item")  # official paragraphs one on each line: split at soft breaks


def _add_blocks(blocks: list[Block], typed: list[tuple[int, str]], inline: _Inline, src: _Source) -> None:
    """The blocks of an inline's text, and their typed lines (Document.typed_lines): a block in one
    run is one line; a block that spans lines is split where the line changes."""
    pieces = inline.pieces
    if len(pieces) == 1 and pieces[0][0] == _TEXT:  # most headings and one-line paragraphs: one run
        _, s, start, end = pieces[0]
        text = s.strip()
        if not text:
            return
        line, col = src.at(start)
        raw = s.encode("utf-8")
        step = 1 if end - start == len(raw) and src.data.startswith(raw, start) else 0
        if step and len(text) != len(s):
            col += len(s) - len(s.lstrip())
        typed.append((len(blocks), text))
        # Block's arguments by position: a call with keywords costs a dict per block
        blocks.append(Block(len(blocks), inline.kind, text, line, col, inline.level,
                            Run(len(text), line, col, step)))
        return
    body, pos, breaks = inline.build(src)
    kind, level = inline.kind, inline.level
    cuts = _cuts(body, breaks) if breaks and kind in _SPLIT_KINDS else (0, len(body))
    # The runs are walked along with the cuts: most blocks lie in one run (a line of the source) and
    # get it as their own; the others share the paragraph's runs as a view.
    starts, lines, cols, steps = pos.starts, pos.lines, pos.cols, pos.steps
    last = len(starts) - 1
    r = 0  # the run of the block's first character
    for k in range(1, len(cuts)):
        a, b = cuts[k - 1], cuts[k]
        piece = body[a:b]
        text = piece.strip()
        if not text:
            continue
        if len(text) != len(piece):
            a += len(piece) - len(piece.lstrip())
        end = a + len(text)
        while r < last and starts[r + 1] <= a:
            r += 1
        line, col = lines[r], cols[r] + steps[r] * (a - starts[r])
        index = len(blocks)
        if r == last or starts[r + 1] >= end:
            ppos = Run(len(text), line, col, steps[r])
            typed.append((index, text))
        else:
            ppos = pos.cut(a, end)
            typed += _split_lines(index, text, ppos)
        blocks.append(Block(index, kind, text, line, col, level, ppos))


def _split_lines(index: int, text: str, pos: Anchors) -> list[tuple[int, str]]:
    """(index, line) of each source line of a block's text that is not blank."""
    out, start = [], 0
    for k in pos.line_breaks():
        piece = text[start:k].strip()
        if piece:
            out.append((index, piece))
        start = k
    return out


def _block_comments(pieces: list[tuple[str, int]], src: _Source, directives: list) -> None:
    """Directives of the comments in an HTML block, given as (text, byte start) pieces (one per
    line: container markers such as "> " are not part of them)."""
    html = "".join(piece for piece, _ in pieces)
    offsets, k = [], 0  # where each piece starts in ``html``
    for piece, _ in pieces:
        offsets.append(k)
        k += len(piece)
    for m in _COMMENT.finditer(html):
        i = bisect_right(offsets, m.start()) - 1
        piece, at = pieces[i]
        line, col = src.at(at + len(piece[:m.start() - offsets[i]].encode("utf-8")))
        directives.append((line, col, m.group(1).strip()))


_HIDDEN_TAGS = frozenset({"Image", "CodeBlock"})  # their text is not document text
_INLINE_TAGS = frozenset({"Emphasis", "Strong", "Link", "Image", "Strikethrough"})  # markup inside a block
_OPTIONS = pyromark.Options.ENABLE_TABLES  # CommonMark with tables, as markdown-it's "commonmark" + "table"


def read_markdown(data: bytes, name: str) -> Document:
    from zzreview.readers.limits import max_nesting

    text, encoding = decode_text(data)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        src = _Source(text)
    else:
        src = _Source(text, data if encoding == "utf-8" else None)
    deepest = max_nesting() - 1  # markdown-it's limit, counted as it counts: one level per open tag
    blocks: list[Block] = []
    typed: list[tuple[int, str]] = []  # Document.typed_lines, found block by block
    directives: list[tuple[int, int, str]] = []
    stack: list[str] = []  # open block tags
    lists = 0  # open lists
    hidden = 0  # depth of images and code blocks: their text is not document text
    inline: _Inline | None = None
    pieces: list | None = None  # inline.pieces while its text is kept (an inline is open, nothing hidden)
    html: list[tuple[str, int]] = []  # the pieces of an HTML block
    # The most frequent events (text, soft breaks, paragraphs) are tested first.
    for event, span in pyromark.events_with_range(text, options=_OPTIONS):
        if type(event) is str:
            if pieces is not None:
                if event == "SoftBreak":
                    pieces.append((_SOFT, "", span["start"], span["end"]))
                elif event == "HardBreak":
                    pieces.append((_HARD, "", span["start"], span["end"]))
            elif event == "Rule" and len(stack) >= deepest:
                return _too_deep(data, name)
            continue
        # Other events are dicts of one key: Text, Start and End are asked for by name (a failed
        # look-up costs less than unpacking the dict), the rare others unpacked
        value = event.get("Text")
        if value is not None:
            kind = _TEXT
        elif (value := event.get("Start")) is not None:
            tag = value if type(value) is str else next(iter(value))
            if tag in _HIDDEN_TAGS:
                hidden += 1
                pieces = None
            if tag in _INLINE_TAGS:
                continue
            if inline is not None and inline.kind == "list_item" and stack and stack[-1] == "Item":
                _add_blocks(blocks, typed, inline, src)  # a block inside a tight list item ends its text
                inline = pieces = None
            level = len(stack) + (tag in ("TableRow", "TableCell"))  # markdown-it's tbody and head row
            if level >= deepest or (tag in ("Paragraph", "Heading", "TableCell") and level + 1 >= deepest):
                return _too_deep(data, name)
            stack.append(tag)
            if tag == "Paragraph":
                inline = _Inline("list_item" if lists else "paragraph", 0)
            elif tag == "Heading":
                inline = _Inline("heading", int(value["Heading"]["level"][1:]))
            elif tag == "TableCell":
                inline = _Inline("table_cell", 0)
            elif tag == "List":
                lists += 1
            if inline is not None and not hidden:
                pieces = inline.pieces
            continue
        elif (value := event.get("End")) is not None:
            tag = value if type(value) is str else next(iter(value))
            if tag in _HIDDEN_TAGS:
                hidden -= 1
                if inline is not None and not hidden:
                    pieces = inline.pieces
            if tag in _INLINE_TAGS:
                continue
            if inline is not None and tag in ("Paragraph", "Heading", "TableCell", "Item"):
                _add_blocks(blocks, typed, inline, src)
                inline = pieces = None
            if tag == "HtmlBlock" and html:
                _block_comments(html, src, directives)
                html = []
            if stack:
                stack.pop()
            if tag == "List":
                lists -= 1
            continue
        else:
            (what, value), = event.items()
            if what == "Code":
                kind = _CODE
            else:
                if what == "InlineHtml":
                    m = _COMMENT.fullmatch(value.strip())
                    if m and not hidden:
                        directives.append((*src.at(span["start"]), m.group(1).strip()))
                elif what == "Html":
                    html.append((value, span["start"]))
                continue
        # text or inline code
        if pieces is None:
            if hidden or inline is not None or not stack or stack[-1] != "Item":
                continue
            inline = _Inline("list_item", 0)  # the text of a tight list item
            pieces = inline.pieces
            if len(stack) + 1 >= deepest:
                return _too_deep(data, name)
        pieces.append((kind, value, span["start"], span["end"]))
    doc = Document(name, "markdown", blocks, encoding=encoding, directives=directives)
    doc.keep_typed_lines(typed)
    return doc


def _too_deep(data: bytes, name: str) -> Document:
    """Deeper than the nesting limit: every line kept as text, as the plain-text reader reads it."""
    from zzreview.readers.text import read_text

    doc = read_text(data, name)
    doc.format = "markdown"
    return doc
