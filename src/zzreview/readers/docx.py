"""Word (.docx) drafts, read with lxml and zipfile: what a reader of the printed draft reads, in reading order.

Read: body paragraphs; table cells row by row; text boxes and shapes right after the paragraph
they are anchored in; footnotes and endnotes right after the paragraph that refers to them.
Tracked changes are read as if accepted (insertions in, deletions out); comments, headers and
footers are not part of the text.

``Block.line`` is the paragraph's number in reading order (empty paragraphs counted; text boxes
included); a footnote or endnote paragraph is numbered after the body's last paragraph, in the
order the notes are referred to. ``Block.column`` is the 1-based character offset of the block's
first character in the paragraph's run text; ``Block.source`` holds the paragraph index (and for
a note its part and id) and that offset, for the annotator.
"""

from __future__ import annotations

import io
import zipfile

from zzreview.document import Block, Document
from zzreview.errors import ReadError
from zzreview.readers.docx_package import (ENDNOTES, FOOTNOTES, MAIN_TYPE, OFFICE_DOCUMENT, STYLES, STYLES_TYPE,
                                          DocxPackage, corrupt)
from zzreview.readers.docx_xml import _w, note_references, paragraph_text, reading_order

_CFB_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
_HEADING_NAMES = ("heading", "title", "标题")


def _check_package(data: bytes) -> None:
    if data.startswith(_CFB_MAGIC):
        if "EncryptionInfo".encode("utf-16-le") in data:
            raise ReadError("encrypted", "文件已加密（设有打开密码），请去掉密码后再审查")
        raise ReadError("old-doc", "这是旧版 Word 97-2003 (.doc) 文件，请另存为 .docx 后再审查")
    if not data.startswith(b"PK"):
        raise ReadError("not-docx", "不是有效的 .docx 文件（不是 zip 包）")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            names = set(z.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise ReadError("corrupt", "文件已损坏，无法作为 .docx 打开") from None
    if "word/document.xml" not in names:
        raise ReadError("no-body", "zip 包中没有 word/document.xml，不是 Word 文档")


_STYLE_TYPES = ("paragraph", "character", "table", "numbering")


def _style_names(package: DocxPackage, main: str) -> dict[str, str]:
    """Style id → style name. As python-docx read them: none at all when the styles part is not
    a styles part, or when a style has no valid type or a name without a value."""
    parts = package.related(main, STYLES)
    if len(parts) != 1:
        return {}
    content_type = package.content_type(parts[0])
    if content_type is None:
        raise corrupt()
    if content_type != STYLES_TYPE:
        return {}
    root = package.xml(parts[0])
    if root.tag != _w("styles"):
        return {}
    names: dict[str, str] = {}
    for style in root.findall(_w("style")):
        if style.get(_w("type")) not in _STYLE_TYPES:
            return {}
        name = style.find(_w("name"))
        if name is not None and name.get(_w("val")) is None:
            return {}
        names[style.get(_w("styleId"))] = name.get(_w("val")) if name is not None else ""
    return names


def _in_table(p) -> bool:
    anc = p.getparent()
    while anc is not None:
        if anc.tag == _w("tbl"):
            return True
        anc = anc.getparent()
    return False


def _heading_level(p, styles: dict[str, str]) -> int:
    ppr = p.find(_w("pPr"))
    style = ppr.find(_w("pStyle")) if ppr is not None else None
    if style is None:
        return 0
    name = styles.get(style.get(_w("val")) or "", style.get(_w("val")) or "").lower()
    if not name.startswith(_HEADING_NAMES):
        return 0
    digits = "".join(ch for ch in name if ch.isdigit())
    return int(digits) if digits else 1


def _body(package: DocxPackage):
    """The main document part's name and its w:body."""
    main = package.related("/", OFFICE_DOCUMENT)
    if len(main) != 1 or package.content_type(main[0]) != MAIN_TYPE:
        raise corrupt("不是 Word 文档的主体部件")
    root = package.xml(main[0])
    body = root.find(_w("body")) if root.tag == _w("document") else None
    if body is None:
        raise corrupt("没有正文")
    return main[0], body


def read_docx(data: bytes, name: str) -> Document:
    _check_package(data)
    return read_package(DocxPackage(data), name)  # bounded: only the parts a review reads


def read_package(package: DocxPackage, name: str) -> Document:
    main, body = _body(package)
    styles = _style_names(package, main)
    notes = _notes(package, main)
    order = reading_order(body)
    blocks: list[Block] = []
    placed: set[tuple[str, str]] = set()
    note_line = len(order)
    for i, p in enumerate(order):
        _add_block(blocks, p, i + 1, styles, {"paragraph": i})
        for key in note_references(p):
            if key in notes and key not in placed:
                placed.add(key)
                for j, note_p in enumerate(notes[key]):
                    note_line += 1
                    _add_block(blocks, note_p, note_line, styles, {"part": key[0], "note": key[1], "paragraph": j})
    return Document(name, "docx", blocks)


def _add_block(blocks: list[Block], p, line: int, styles: dict[str, str], source: dict) -> None:
    text = paragraph_text(p)
    stripped = text.strip()
    if not stripped:
        return
    lead = len(text) - len(text.lstrip())
    if _in_table(p):
        kind, level = "table_cell", 0
    else:
        level = _heading_level(p, styles)
        kind = "heading" if level else "paragraph"
    blocks.append(Block(len(blocks), kind, stripped, line, lead + 1, level=level,
                        source={**source, "offset": lead}))


_SEPARATORS = ("separator", "continuationSeparator", "continuationNotice")


def _notes(package: DocxPackage, main: str) -> dict[tuple[str, str], list]:
    """The paragraphs of every footnote and endnote, by ("footnotes" | "endnotes", id)."""
    out: dict[tuple[str, str], list] = {}
    for part, reltype in (("footnotes", FOOTNOTES), ("endnotes", ENDNOTES)):
        for target in package.related(main, reltype):
            if package.content_type(target) is None:
                raise corrupt()
            try:
                root = package.xml(target)
            except ReadError:  # a broken notes part does not stop the review of the body
                continue
            for note in root:
                if note.tag in (_w("footnote"), _w("endnote")) and note.get(_w("type")) not in _SEPARATORS:
                    out[(part, note.get(_w("id")) or "")] = reading_order(note)
    return out
