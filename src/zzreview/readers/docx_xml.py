"""WordprocessingML helpers shared by the docx reader and the annotator (lxml elements)."""

from __future__ import annotations

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def _w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


# The text of the run children that carry text, as python-docx's Run.text counts it.
_T, _BR, _BR_TYPE = _w("t"), _w("br"), _w("type")
_FIXED_TEXT = {_w("tab"): "\t", _w("ptab"): "\t", _w("cr"): "\n", _w("noBreakHyphen"): "-"}


def _piece_text(el) -> str:
    """Text of one run child: w:t its text; w:tab and w:ptab a tab; w:cr and a line break (w:br
    without a page or column type) a newline; w:noBreakHyphen a hyphen; anything else nothing."""
    tag = el.tag
    if tag == _T:
        return el.text or ""
    if tag == _BR:
        return "\n" if el.get(_BR_TYPE, "textWrapping") == "textWrapping" else ""
    return _FIXED_TEXT.get(tag, "") if isinstance(tag, str) else ""


def run_text(r) -> str:
    return "".join(_piece_text(c) for c in r)


def paragraph_runs(p) -> list:
    """The text-bearing w:r of paragraph ``p`` in order: direct, in hyperlinks, insertions, smart
    tags, fields and content controls; not deleted text, not paragraphs nested in text boxes."""
    out = []
    for r in p.iter(_w("r")):
        anc, ok = r.getparent(), True
        while anc is not None and anc is not p:
            tag = anc.tag
            if tag in (_w("del"), _w("moveFrom"), _w("p"), _w("txbxContent")):
                ok = False
                break
            anc = anc.getparent()
        if ok:
            out.append(r)
    return out


def paragraph_text(p) -> str:
    return "".join(run_text(r) for r in paragraph_runs(p))


def _text_box_paragraphs(p) -> list:
    """Paragraphs of the text boxes and shapes anchored in ``p``, in document order. A shape is
    stored twice (DrawingML and a VML fallback for old Word): the fallback copy is skipped;
    boxes nested in boxes come with their own anchor paragraph."""
    out = []
    for box in p.iter(_w("txbxContent")):
        anc = box.getparent()
        while anc is not None and anc is not p and anc.tag not in (_w("txbxContent"), _MC_FALLBACK):
            anc = anc.getparent()
        if anc is p:
            out.extend(_cell_paragraphs(box))
    return out


def _cell_paragraphs(tc) -> list:
    out = []
    for child in tc:
        if child.tag == _w("p"):
            out.append(child)
            out.extend(_text_box_paragraphs(child))
        elif child.tag == _w("tbl"):
            out.extend(_table_paragraphs(child))
        elif child.tag == _w("sdt"):
            content = child.find(_w("sdtContent"))
            if content is not None:
                out.extend(_cell_paragraphs(content))
    return out


def _table_paragraphs(tbl) -> list:
    out = []
    for tr in tbl.iter(_w("tr")):
        if tr.getparent() is not tbl:
            continue
        for tc in tr.findall(_w("tc")):
            out.extend(_cell_paragraphs(tc))
    return out


def reading_order(body) -> list:
    """Every w:p of the body (or of one footnote or endnote) in reading order: paragraphs, each
    followed by its text boxes, and table cells row by row."""
    return _cell_paragraphs(body)


def note_references(p) -> list[tuple[str, str]]:
    """("footnotes" | "endnotes", id) of the notes referenced in paragraph ``p``."""
    out = []
    for tag, part in (("footnoteReference", "footnotes"), ("endnoteReference", "endnotes")):
        for ref in p.iter(_w(tag)):
            out.append((part, ref.get(_w("id")) or ""))
    return out
