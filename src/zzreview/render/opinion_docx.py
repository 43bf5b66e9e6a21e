"""The opinion as .docx, in the official-document layout (GB/T 9704 spirit).

A4; margins 37/35/28/26 mm; title 二号 小标宋; body 三号 仿宋 with a two-character first-line
indent and a fixed 29 pt line pitch (22 lines a page); 一、 headings in 黑体, （一） in 楷体;
page numbers "— 1 —" in 四号 宋体. The official fonts (方正小标宋简体, 仿宋_GB2312, 楷体_GB2312)
are named first; the font table gives each a GB2312 charset, a family and an alternate name
(宋体, 仿宋, 楷体) so that Word and LibreOffice substitute a close font where they are missing.
"""

from __future__ import annotations

import io

from zzreview.render.opinion import Opinion, problem_lines

TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋_GB2312"
HEI_FONT = "黑体"
KAI_FONT = "楷体_GB2312"
SONG_FONT = "宋体"
LATIN_FONT = "Times New Roman"
# name -> (alternate name, family, panose) written to word/fontTable.xml
FONT_FALLBACKS = {
    TITLE_FONT: ("宋体", "roman", "02000000000000000000"),
    BODY_FONT: ("仿宋", "modern", "02010609030101010101"),
    KAI_FONT: ("楷体", "modern", "02010609060101010101"),
    HEI_FONT: ("SimHei", "modern", "02010609060101010101"),
    SONG_FONT: ("SimSun", "auto", "02010600030101010101"),
}

SIZE_2 = 22  # 二号
SIZE_3 = 16  # 三号
SIZE_4 = 14  # 四号
SIZE_5 = 10.5  # 五号
LINE_PITCH = 29  # pt: 22 lines in the 225 mm type area


def _fonts(run, east_asia: str, size: float | None = None, bold: bool | None = None) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt

    run.font.name = LATIN_FONT
    rfonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    rfonts.set(qn("w:eastAsia"), east_asia)
    rfonts.set(qn("w:hint"), "eastAsia")
    if size:
        run.font.size = Pt(size)
    if bold is not None:
        run.font.bold = bold


def _style_fonts(style, east_asia: str, size: float) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt

    style.font.name = LATIN_FONT
    style.font.size = Pt(size)
    rfonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    rfonts.set(qn("w:eastAsia"), east_asia)


def _lang(rpr) -> None:
    """Chinese text is zh-CN: a substitute font then draws Simplified Chinese glyph forms."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")


def _font_table(document) -> None:
    """Declare the official fonts with a charset, family and alternate name for substitution."""
    from lxml import etree

    part = next((r.target_part for r in document.part.rels.values() if r.reltype.endswith("/fontTable")), None)
    if part is None or not hasattr(part, "_blob"):
        return
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    root = etree.fromstring(part.blob)
    have = {f.get(f"{{{w}}}name") for f in root.findall(f"{{{w}}}font")}
    for name, (alt, family, panose) in FONT_FALLBACKS.items():
        if name in have:
            continue
        font = etree.SubElement(root, f"{{{w}}}font", {f"{{{w}}}name": name})
        etree.SubElement(font, f"{{{w}}}altName", {f"{{{w}}}val": alt})
        etree.SubElement(font, f"{{{w}}}panose1", {f"{{{w}}}val": panose})
        etree.SubElement(font, f"{{{w}}}charset", {f"{{{w}}}val": "86"})  # GB2312
        etree.SubElement(font, f"{{{w}}}family", {f"{{{w}}}val": family})
        etree.SubElement(font, f"{{{w}}}pitch", {f"{{{w}}}val": "variable"})
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _setup(document) -> None:
    from docx.enum.text import WD_LINE_SPACING
    from docx.shared import Mm, Pt

    for section in document.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin, section.bottom_margin = Mm(37), Mm(35)
        section.left_margin, section.right_margin = Mm(28), Mm(26)
        section.footer_distance = Mm(28 - 7)
    normal = document.styles["Normal"]
    _style_fonts(normal, BODY_FONT, SIZE_3)
    _lang(normal.element.get_or_add_rPr())
    pf = normal.paragraph_format
    pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    pf.line_spacing = Pt(LINE_PITCH)
    pf.space_before = pf.space_after = Pt(0)
    pf.widow_control = False
    _font_table(document)


def _page_number(document) -> None:
    """Footer "— N —" with a PAGE field, centred."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    footer = document.sections[0].footer
    p = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.first_line_indent = 0

    def run(text: str = ""):
        r = p.add_run(text)
        _fonts(r, SONG_FONT, SIZE_4)
        return r

    run("— ")
    for kind, instr in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"), ("end", None)):
        r = run()
        if kind:
            fld = OxmlElement("w:fldChar")
            fld.set(qn("w:fldCharType"), kind)
            r._element.append(fld)
        elif instr == "1":
            r.text = "1"
        else:
            it = OxmlElement("w:instrText")
            it.set(qn("xml:space"), "preserve")
            it.text = instr
            r._element.append(it)
    run(" —")


def _outline(paragraph, level: int) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    pPr = paragraph._element.get_or_add_pPr()
    el = OxmlElement("w:outlineLvl")
    el.set(qn("w:val"), str(level))
    pPr.insert_element_before(el, "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")


def _para(document, text: str = "", font: str = BODY_FONT, size: float = SIZE_3, indent: bool = True,
          bold: bool | None = None, align=None):
    from docx.shared import Pt

    p = document.add_paragraph()
    p.paragraph_format.first_line_indent = Pt(size * 2) if indent else Pt(0)
    if align is not None:
        p.alignment = align
    if text:
        _fonts(p.add_run(text), font, size, bold)
    return p


def _labelled(document, label: str, value: str):
    """"位置：第四条" with the label in 黑体-like bold, the value in 仿宋."""
    p = _para(document)
    _fonts(p.add_run(f"{label}："), BODY_FONT, SIZE_3, bold=True)
    _fonts(p.add_run(value), BODY_FONT, SIZE_3)
    return p


def _heading1(document, text: str):
    p = _para(document, text, HEI_FONT)
    p.paragraph_format.keep_with_next = True
    _outline(p, 0)
    return p


def _heading2(document, text: str):
    p = _para(document, text, KAI_FONT)
    p.paragraph_format.keep_with_next = True
    _outline(p, 1)
    return p


def _table(document, columns, rows) -> None:
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    table = document.add_table(rows=1, cols=len(columns))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    widths = [Mm(w) for w in (12, 30, 30, 19, 22, 22, 16, 15)]  # 166 mm: the type area's width
    if len(widths) != len(columns):
        widths = [Mm(166 / len(columns))] * len(columns)
    for col, width in zip(table.columns, widths):
        col.width = width
    header = table.rows[0]
    for values, row in [(columns, header)] + [(r, table.add_row()) for r in rows]:
        tr_pr = row._tr.get_or_add_trPr()
        for tag in ("w:cantSplit", "w:tblHeader") if row is header else ("w:cantSplit",):
            el = OxmlElement(tag)
            el.set(qn("w:val"), "true")
            tr_pr.append(el)
        for i, (cell, value) in enumerate(zip(row.cells, values)):
            cell.width = widths[i]
            p = cell.paragraphs[0]
            pf = p.paragraph_format
            pf.first_line_indent = Pt(0)
            pf.line_spacing_rule = WD_LINE_SPACING.SINGLE
            if values is columns or i == 0:
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _fonts(p.add_run(value), HEI_FONT if values is columns else BODY_FONT, SIZE_5)


def render_docx(op: Opinion) -> bytes:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    document = docx.Document()
    _setup(document)
    _page_number(document)
    core = document.core_properties
    core.title, core.author, core.comments = op.title, "zzreview", "由 zzreview 生成的合法性审核意见书草稿"

    title = _para(document, op.title, TITLE_FONT, SIZE_2, indent=False, align=WD_ALIGN_PARAGRAPH.CENTER)
    title.paragraph_format.line_spacing = Pt(35)
    title.paragraph_format.space_after = Pt(LINE_PITCH)
    for k, v in op.meta:
        _labelled(document, k, v)
    _para(document)

    _heading1(document, op.headings[0])
    for text in op.basic:
        _para(document, text)

    h = _heading1(document, op.headings[1])
    h.paragraph_format.keep_with_next = False  # LibreOffice would move the whole table with it
    if op.citation_rows:
        _table(document, op.citation_columns, op.citation_rows)
    for text in op.citations_note:
        _para(document, text)

    _heading1(document, op.headings[2])
    for cat in op.categories:
        _heading2(document, cat.label)
        for p in cat.problems:
            _para(document, f"{p.number}. {p.heading}", bold=True)
            for label, value in problem_lines(p):
                _labelled(document, label, value)
    for text in op.problems_note:
        _para(document, text)

    _heading1(document, op.headings[3])
    for text in op.conclusion:
        _para(document, text)

    _para(document)
    for k, v in op.footer:
        p = _para(document, indent=False)
        _fonts(p.add_run(f"{k}：{v}"), BODY_FONT, SIZE_5)
    _para(document)
    sign = _para(document, indent=False, align=WD_ALIGN_PARAGRAPH.RIGHT)
    _fonts(sign.add_run(f"{op.signature[0]}________________"), BODY_FONT, SIZE_3)
    date = _para(document, indent=False, align=WD_ALIGN_PARAGRAPH.RIGHT)
    _fonts(date.add_run(op.signature[1]), BODY_FONT, SIZE_3)

    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()
