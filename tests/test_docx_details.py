"""What of a Word draft is its text: tracked changes as accepted, no comments, notes and text boxes
in reading order, no headers or footers; and the same text as Markdown or .docx is judged alike."""

from __future__ import annotations

import io

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml

from conftest import AS_OF
from zzreview.readers import read_document

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = (f'xmlns:w="{W}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
      'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
      'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
      'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:v="urn:schemas-microsoft-com:vml"')


def _save(d) -> bytes:
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _append(d, xml: str) -> None:
    """A paragraph written as XML, added at the end of the body (before the section properties)."""
    d.add_paragraph()._p.addprevious(parse_xml(xml))
    d.element.body.remove(d.paragraphs[-1]._p)


def _run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def test_tracked_changes_are_read_as_accepted(cli, tmp_path):
    d = docx.Document()
    d.add_paragraph("某县水库移民后期扶持资金管理办法")
    _append(d, (
        f'<w:p {NS}>{_run("第一条　")}<w:ins w:id="1" w:author="甲" w:date="2026-01-01T00:00:00Z">'
        f'{_run("根据《中华人民共和国水法》，")}</w:ins><w:del w:id="2" w:author="甲" w:date="2026-01-01T00:00:00Z">'
        '<w:r><w:delText>根据《中华人民共和国合同法》，</w:delText></w:r></w:del>'
        f'{_run("制定本办法。")}</w:p>'))
    path = tmp_path / "修订.docx"
    path.write_bytes(_save(d))
    doc = read_document(path)
    assert doc.blocks[1].text == "第一条　根据《中华人民共和国水法》，制定本办法。"
    r = cli("check", path, "--format", "json", "--as-of", AS_OF, "--fail-on", "never")
    assert not any("合同法" in f["quote"] for f in r.json()["documents"][0]["findings"])


def test_comments_headers_and_footers_are_not_text(tmp_path):
    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "页眉：参照《中华人民共和国担保法》"
    d.sections[0].footer.paragraphs[0].text = "页脚：《中华人民共和国物权法》"
    d.add_paragraph("某县村级公益事业一事一议奖补办法")
    p = d.add_paragraph("第一条　为规范村级公益事业建设，制定本办法。")
    d.add_comment(p.runs, text="建议写明依据《中华人民共和国经济合同法》", author="审核人")
    doc = read_document("批注.docx", data=_save(d))
    assert "担保法" not in doc.text and "物权法" not in doc.text and "经济合同法" not in doc.text
    assert [b.text for b in doc.blocks][-1] == "第一条　为规范村级公益事业建设，制定本办法。"


def _add_notes(d, kind: str, notes: dict[str, str]) -> None:
    tag = kind[:-1]
    body = "".join(f'<w:{tag} w:id="{i}"><w:p>{_run(text)}</w:p></w:{tag}>' for i, text in notes.items())
    xml = (f'<w:{kind} {NS}><w:{tag} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{tag}>'
           f'{body}</w:{kind}>').encode()
    ctype = f"application/vnd.openxmlformats-officedocument.wordprocessingml.{kind}+xml"
    part = Part(PackURI(f"/word/{kind}.xml"), ctype, xml, d.part.package)
    d.part.relate_to(part, RT.FOOTNOTES if kind == "footnotes" else RT.ENDNOTES)


def test_footnotes_and_endnotes_are_read_after_the_paragraph_that_refers_to_them(cli, tmp_path):
    d = docx.Document()
    d.add_paragraph("某市养蜂管理办法")
    _append(d, (
        f'<w:p {NS}>{_run("第一条　根据有关规定，制定本办法。")}<w:r><w:footnoteReference w:id="1"/></w:r></w:p>'))
    _append(d, (
        f'<w:p {NS}>{_run("第二条　蜂农转场应当提前报告。")}<w:r><w:endnoteReference w:id="1"/></w:r></w:p>'))
    d.add_paragraph("第三条　本办法自2027年1月1日起施行，有效期5年。")
    _add_notes(d, "footnotes", {"1": "即《中华人民共和国担保法》"})
    _add_notes(d, "endnotes", {"1": "报告的方式由市农业农村局另行规定。"})
    path = tmp_path / "注释.docx"
    path.write_bytes(_save(d))
    doc = read_document(path)
    texts = [b.text for b in doc.blocks]
    assert texts[1:5] == ["第一条　根据有关规定，制定本办法。", "即《中华人民共和国担保法》",
                          "第二条　蜂农转场应当提前报告。", "报告的方式由市农业农村局另行规定。"]
    note = doc.blocks[2]
    assert note.source["part"] == "footnotes" and note.line == 5  # numbered after the 4 body paragraphs
    assert doc.blocks[4].source["part"] == "endnotes" and doc.blocks[4].line == 6
    r = cli("check", path, "--format", "json", "--as-of", AS_OF, "--fail-on", "never")
    found = [f for f in r.json()["documents"][0]["findings"] if f["code"] == "ZZ201"]
    assert [(f["quote"], f["location"]["line"], f["location"]["article"]) for f in found] == [
        ("《中华人民共和国担保法》", 5, "第一条")]


def _text_box(text: str) -> str:
    """A shape holding ``text``, stored as Word stores it: DrawingML with a VML fallback copy."""
    box = f"<w:txbxContent><w:p>{_run(text)}</w:p></w:txbxContent>"
    return (f'<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor>'
            f'<a:graphic><a:graphicData><wps:wsp><wps:txbx>{box}</wps:txbx></wps:wsp></a:graphicData></a:graphic>'
            f'</wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>{box}</v:textbox>'
            '</v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>')


def test_text_boxes_are_read_once_right_after_their_paragraph():
    d = docx.Document()
    d.add_paragraph("某区共享单车停放管理办法")
    _append(d, (
        f'<w:p {NS}>{_run("第一条　为规范停放秩序，制定本办法。")}{_text_box("依据《中华人民共和国道路交通安全法》")}</w:p>'))
    d.add_paragraph("第二条　运营企业应当及时清理违规停放的车辆。")
    doc = read_document("文本框.docx", data=_save(d))
    assert [b.text for b in doc.blocks][1:] == [
        "第一条　为规范停放秩序，制定本办法。", "依据《中华人民共和国道路交通安全法》", "第二条　运营企业应当及时清理违规停放的车辆。"]
    assert [b.line for b in doc.blocks] == [1, 2, 3, 4]


TAIL = ["某县林业局", "2026年3月1日", "责任编辑：王五", "来源：县林业局", "打印本页", "关闭窗口"]
BODY = ["为保护森林资源，根据《中华人民共和国森林法》，现就禁止野外用火通告如下：",
        "一、禁止在林区内烧荒、烧纸、燃放烟花。", "二、违反本通告的，由县林业局依法处理。"]


def test_the_same_text_as_markdown_and_as_docx_is_judged_alike(cli, tmp_path):
    """Whether a text is complete (ends with its signature) is judged on typed lines, not on how
    a reader groups them: Markdown joins the trailer lines of a web copy, Word keeps them apart."""
    title = "某县林业局关于禁止野外用火的通告"
    md = tmp_path / "通告.md"
    md.write_text(f"# {title}\n\n" + "\n\n".join(BODY) + "\n\n" + "\n".join(TAIL) + "\n", encoding="utf-8")
    d = docx.Document()
    d.add_heading(title, 0)
    for line in BODY + TAIL:
        d.add_paragraph(line)
    word = tmp_path / "通告.docx"
    word.write_bytes(_save(d))

    def codes(path):
        r = cli("check", path, "--format", "json", "--as-of", AS_OF, "--fail-on", "never")
        return sorted((f["code"], f["quote"]) for f in r.json()["documents"][0]["findings"])

    assert len(read_document(md).blocks) < len(read_document(word).blocks)
    assert codes(md) == codes(word)
    assert ("ZZ501", title) in codes(word)  # complete, and it states no validity period
