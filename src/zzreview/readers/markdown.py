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

import regex

from zzreview.document import Block, Document
from zzreview.readers.encoding import decode_text

_COMMENT = regex.compile(r"<!--(.*?)-->", regex.S)
_parser = None


def _md():
    global _parser
    if _parser is None:
        from markdown_it import MarkdownIt

        _parser = MarkdownIt("commonmark", {"html": True}).enable("table")
    return _parser


def _raw_positions(raw: str, lines: list[str], first: int) -> list[tuple[int, int]]:
    """Source (line, column), 1-based, of every character of ``raw`` (an inline token's content)."""
    out: list[tuple[int, int]] = []
    src_line = first
    for piece in raw.split("\n"):
        col0 = 0
        # Find the source line holding this piece (container markers like "> " or "- " are stripped).
        for ln in range(src_line, min(src_line + 3, len(lines))):
            k = lines[ln].find(piece) if piece else 0
            if k >= 0:
                src_line, col0 = ln, k
                break
        out.extend((src_line + 1, col0 + j + 1) for j in range(len(piece)))
        out.append((src_line + 1, col0 + len(piece) + 1))  # the newline
        src_line += 1
    return out[:len(raw)] if out else []


def _join_char(before: str, after: str) -> str:
    if before and after and before[-1].isascii() and after[:1].isascii() and before[-1].isalnum():
        return " "
    return ""


def _inline_text(tok, lines: list[str], first: int, directives: list
                 ) -> tuple[str, list[tuple[int, int]], list[int]]:
    raw = tok.content
    rawpos = _raw_positions(raw, lines, first) or [(first + 1, 1)]
    text: list[str] = []
    pos: list[tuple[int, int]] = []
    breaks: list[int] = []  # offsets in the text where a soft line break was
    cursor = 0

    def at(k: int) -> tuple[int, int]:
        return rawpos[min(max(k, 0), len(rawpos) - 1)]

    children = tok.children or []
    for i, child in enumerate(children):
        t = child.type
        if t in ("text", "code_inline"):
            s = child.content
            k = raw.find(s, cursor) if s else -1
            if k >= 0:
                pos.extend(at(k + j) for j in range(len(s)))
                cursor = k + len(s)
            else:  # escapes and entities: the text differs from the source
                pos.extend(at(cursor) for _ in s)
            text.append(s)
        elif t in ("softbreak", "hardbreak"):
            k = raw.find("\n", cursor)
            nxt = next((c.content for c in children[i + 1:] if c.type == "text" and c.content), "")
            joiner = "\n" if t == "hardbreak" else _join_char("".join(text), nxt)
            if t == "softbreak":
                breaks.append(sum(map(len, text)))
            text.append(joiner)
            pos.extend(at(k if k >= 0 else cursor) for _ in joiner)
            cursor = k + 1 if k >= 0 else cursor
        elif t == "html_inline":
            k = raw.find(child.content, cursor)
            m = _COMMENT.fullmatch(child.content.strip())
            if m:
                line, col = at(k if k >= 0 else cursor)
                directives.append((line, col, m.group(1).strip()))
            if k >= 0:
                cursor = k + len(child.content)
    return "".join(text), pos, breaks


# Official texts put one paragraph on each line. A soft break ends a paragraph after a sentence,
# a colon or a date line, or before a heading (第X条, 一、, （一）, 1.); otherwise the line continues.
_ENDS_PARAGRAPH = regex.compile(r"(?:[。；;：:！？!?]|[”」』）)]。?|\d{1,2}\s*日|[〇○零OＯ一二三四五六七八九十]日|号|文件)\s*$")
_STARTS_PARAGRAPH = regex.compile(
    r"^\s*(?:第[一二三四五六七八九十百千零〇\d]+[章节条]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|"
    r"\d+[.．、]|附件)")


def _paragraphs(text: str, pos: list, breaks: list[int]) -> list[tuple[str, list]]:
    """Split a Markdown paragraph at the soft breaks that end an official paragraph."""
    cuts = [0]
    for b in breaks:
        before, after = text[cuts[-1]:b], text[b:].lstrip(" ")
        if _ENDS_PARAGRAPH.search(before) or _STARTS_PARAGRAPH.match(after):
            cuts.append(b)
    cuts.append(len(text))
    return [(text[a:b], pos[a:b]) for a, b in zip(cuts, cuts[1:])]


def read_markdown(data: bytes, name: str) -> Document:
    text, encoding = decode_text(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    tokens = _md().parse(text)
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
            for m in _COMMENT.finditer(tok.content):
                before = tok.content[:m.start()]
                line = last_map[0] + 1 + before.count("\n")
                col = m.start() - (before.rfind("\n") + 1) + 1
                directives.append((line, col, m.group(1).strip()))
        elif t == "inline":
            first = (tok.map or last_map)[0]
            body, pos, breaks = _inline_text(tok, lines, first, directives)
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
