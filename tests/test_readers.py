"""Readers: encodings, Markdown anchors and exclusions, docx reading order, metadata, bad files."""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zzreview.errors import ReadError
from zzreview.readers import read_document

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
from docx_parts import rezip  # noqa: E402  (tools/docx_parts.py)

BODY = "# 某市养犬管理办法\n\n第一条 根据《中华人民共和国合同法》，制定本办法。\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16", "utf-16-le"])
def test_encodings(encoding):
    doc = read_document("d.md", data=BODY.encode(encoding))
    assert doc.title == "某市养犬管理办法"
    assert doc.blocks[1].text == "第一条 根据《中华人民共和国合同法》，制定本办法。"


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gb18030", "utf-16"])
@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_every_encoding_and_line_ending_gives_the_same_positions(encoding, newline):
    """Positions are counted in characters of the decoded text, whatever the file's bytes were."""
    src = "# 某办法\n\n　　第一条 根据《合同法》&amp;\n制定。`代码` **本办法**。\n\n| 甲 | 乙 |\n|---|---|\n| 丙 | 丁 |\n"

    def positions(doc):
        return [(b.text, [b.locate(k) for k in range(len(b.text))]) for b in doc.blocks]

    plain = read_document("d.md", data=src.encode("utf-8"))
    other = read_document("d.md", data=src.replace("\n", newline).encode(encoding))
    assert positions(other) == positions(plain)
    assert positions(plain)[1][1][:3] == [(3, 3), (3, 4), (3, 5)]


def test_markdown_positions_survive_inline_markup_and_soft_breaks():
    src = "# 标题办法\n\n**第一条** 根据《中华人民共和国\n合同法》，制定本办法。\n"
    doc = read_document("d.md", data=src.encode())
    b = doc.blocks[1]
    assert b.text == "第一条 根据《中华人民共和国合同法》，制定本办法。"
    k = b.text.index("《")
    assert b.locate(k) == (3, src.splitlines()[2].index("《") + 1)
    assert b.locate(b.text.index("合同法")) == (4, 1)


def test_markdown_code_html_excluded_and_comments_become_directives():
    src = ("# 某办法\n\n<!-- zzreview: disable=ZZ201 理由：历史沿革 -->\n\n```\n《中华人民共和国担保法》\n```\n\n"
           "| 项目 | 依据 |\n|---|---|\n| 登记 | 《中华人民共和国物权法》 |\n\n- 列表项一\n")
    doc = read_document("d.md", data=src.encode())
    assert [b.kind for b in doc.blocks] == ["heading", "table_cell", "table_cell", "table_cell", "table_cell",
                                            "list_item"]
    assert "担保法" not in doc.text and "《中华人民共和国物权法》" in doc.text
    assert doc.directives == [(3, 1, "zzreview: disable=ZZ201 理由：历史沿革")]
    cell = next(b for b in doc.blocks if "物权法" in b.text)
    assert cell.line == 11


def test_markdown_positions_are_exact_through_escapes_and_entities():
    src = "# 标题办法\n\n第一条 根据\\*通知\\*和&amp;《中华人民共和国合同法》&#x5236;定本办法。\n"
    doc = read_document("d.md", data=src.encode())
    b = doc.blocks[1]
    assert b.text == "第一条 根据*通知*和&《中华人民共和国合同法》制定本办法。"
    line = src.splitlines()[2]
    assert b.locate(b.text.index("《")) == (3, line.index("《") + 1)
    assert b.locate(b.text.index("通知")) == (3, line.index("通知") + 1)
    assert b.locate(b.text.index("&")) == (3, line.index("&amp;") + 1)  # an entity: where it starts
    assert b.locate(b.text.index("定本")) == (3, line.index("定本") + 1)


def test_markdown_table_cells_and_comments_keep_their_own_columns():
    src = "# 某办法\n\n| 依据 | 依据 |\n|---|---|\n| 登记 | 登记 |\n\n> <!-- zzreview: disable=ZZ201 理由：引用 -->\n> 第一条 正文。\n"
    doc = read_document("d.md", data=src.encode())
    cells = [(b.text, b.line, b.column) for b in doc.blocks if b.kind == "table_cell"]
    assert cells == [("依据", 3, 3), ("依据", 3, 8), ("登记", 5, 3), ("登记", 5, 8)]
    assert doc.directives == [(7, 3, "zzreview: disable=ZZ201 理由：引用")]


def test_markdown_images_code_and_html_are_not_text_links_are():
    src = ("# 某办法\n\n第一条 见![图《中华人民共和国担保法》](a.png)[《中华人民共和国合同法》](http://x)和`代码`。\n\n"
           "<div>\n《中华人民共和国物权法》\n</div>\n\n    缩进的代码\n")
    doc = read_document("d.md", data=src.encode())
    assert [b.text for b in doc.blocks[1:]] == ["第一条 见《中华人民共和国合同法》和代码。"]
    b = doc.blocks[1]
    assert b.locate(b.text.index("代码")) == (3, src.splitlines()[2].index("代码") + 1)


def test_markdown_typed_lines_are_computed_once():
    doc = read_document("d.md", data=BODY.encode())
    assert doc.typed_lines() is doc.typed_lines()
    assert [text for _, text in doc.typed_lines()] == ["某市养犬管理办法", "第一条 根据《中华人民共和国合同法》，制定本办法。"]


def _docx_bytes(build) -> bytes:
    d = docx.Document()
    build(d)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def test_docx_reading_order_tables_split_runs_and_metadata():
    def build(d):
        d.add_paragraph("枣政办发〔2026〕3号")
        d.add_paragraph("枣庄市某某管理办法")
        p = d.add_paragraph()
        for piece in ("第一条　根据《中华人民", "共和国", "合同法》，制定本办法。"):
            p.add_run(piece).bold = piece == "共和国"
        d.add_paragraph("")
        t = d.add_table(rows=1, cols=2)
        t.cell(0, 0).text = "依据"
        t.cell(0, 1).text = "《中华人民共和国担保法》"
        d.add_paragraph("枣庄市人民政府")
        d.add_paragraph("2026年12月1日")
    doc = read_document("d.docx", data=_docx_bytes(build))
    assert doc.title == "枣庄市某某管理办法" and doc.doc_number == "枣政办发〔2026〕3号"
    assert doc.issuer == "枣庄市人民政府" and doc.date == "2026-12-01"
    texts = [b.text for b in doc.blocks]
    assert texts[2] == "第一条　根据《中华人民共和国合同法》，制定本办法。"
    assert texts[3:5] == ["依据", "《中华人民共和国担保法》"]
    assert [b.line for b in doc.blocks[2:5]] == [3, 5, 6]  # empty paragraph 4 is counted
    assert doc.blocks[3].kind == "table_cell"


def test_docx_run_text_counts_tabs_breaks_and_hyphens_as_word_shows_them():
    pieces = ('<w:r><w:t>甲</w:t><w:tab/><w:noBreakHyphen/><w:ptab w:relativeTo="margin" w:alignment="left" '
              'w:leader="none"/><w:cr/><w:br/><w:br w:type="page"/><w:br w:type="column"/><w:br w:type="textWrapping"/>'
              '<w:delText>删</w:delText><w:instrText>PAGE</w:instrText><w:t xml:space="preserve"> 乙 </w:t></w:r>'
              '<w:del><w:r><w:t>删除</w:t></w:r></w:del><w:ins><w:r><w:t>插入</w:t></w:r></w:ins>')

    def build(d):
        d.add_paragraph("某市养犬管理办法", style="Title")
        d.add_paragraph("第一章 总则", style="Heading 2")
        d.add_paragraph("正文")

    base = _docx_bytes(build)
    body = zipfile.ZipFile(io.BytesIO(base)).read("word/document.xml").decode()
    body = body.replace("<w:r><w:t>正文</w:t></w:r>", pieces)
    doc = read_document("d.docx", data=rezip(base, replace={"word/document.xml": body.encode()}))
    assert [(b.kind, b.level) for b in doc.blocks] == [("heading", 1), ("heading", 2), ("paragraph", 0)]
    assert doc.blocks[2].text == "甲\t-\t\n\n\n 乙 插入"


def test_a_docx_without_a_body_is_corrupt():
    def build(d):
        d.add_paragraph("某市养犬管理办法")

    base = _docx_bytes(build)
    empty = b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'
    with pytest.raises(ReadError) as e:
        read_document("d.docx", data=rezip(base, replace={"word/document.xml": empty}))
    assert e.value.code == "corrupt" and "没有正文" in e.value.message


@pytest.mark.parametrize("name,data,code", [
    ("a.md", b"", "empty"),
    ("a.md", b"\x00\x01\x02\x03binary\x00\xff\x00", "binary"),
    ("a.docx", bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 64, "convert-failed"),  # LibreOffice gives up
    ("a.docx", bytes.fromhex("D0CF11E0A1B11AE1") + "EncryptionInfo".encode("utf-16-le"), "encrypted"),
    ("a.docx", b"not a zip at all", "not-docx"),
    ("a.docx", b"PK\x03\x04broken", "corrupt"),
    ("a.pdf", b"%PDF-1.7 broken", "corrupt"),
    ("a.pdf", b"plain words", "not-pdf"),
    ("a.odt", b"PK\x03\x04broken", "not-odt"),
    ("a.xlsx", b"PK\x03\x04", "unsupported"),
])
def test_bad_inputs_raise_read_errors(name, data, code):
    with pytest.raises(ReadError) as e:
        read_document(name, data=data)
    assert e.value.code == code and e.value.message


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=300), st.sampled_from(["a.md", "a.txt", "a.docx"]))
def test_random_bytes_either_read_or_raise_read_error(data, name):
    try:
        doc = read_document(name, data=data)
    except ReadError as e:
        assert e.code and e.message
    else:
        for b in doc.blocks:
            assert b.text.strip() == b.text and b.line >= 1


def test_markdown_lines_of_an_official_text_are_paragraphs():
    src = ("# 某县人民政府办公室关于印发某县房屋拆迁管理暂行办法的通知\n\n"
           "各乡镇人民政府：\n《某县房屋拆迁管理暂行办法》已经县政府同意，现印发给你们。\n二〇〇七年九月二十八日\n"
           "某县房屋拆迁管理暂行办法\n第一章 总则\n第一条 为加强城镇房屋拆迁管理，根据有关法律、\n法规的规定，制定本办法。\n")
    doc = read_document("d.md", data=src.encode())
    assert [b.text for b in doc.blocks[1:]] == [
        "各乡镇人民政府：", "《某县房屋拆迁管理暂行办法》已经县政府同意，现印发给你们。", "二〇〇七年九月二十八日",
        "某县房屋拆迁管理暂行办法", "第一章 总则", "第一条 为加强城镇房屋拆迁管理，根据有关法律、法规的规定，制定本办法。"]
    assert doc.blocks[0].text == "某县人民政府办公室关于印发某县房屋拆迁管理暂行办法的通知"
    assert [b.line for b in doc.blocks[1:]] == [3, 4, 5, 6, 7, 8]


def test_dates_in_every_numeral_style():
    from zzreview.readers.metadata import parse_date

    assert parse_date("二〇二一年三月五日") == parse_date("2021年3月5日") == "2021-03-05"
    assert parse_date("二OO七年九月二十六日") == "2007-09-26"
    assert parse_date("２０２１年１２月３１日") == "2021-12-31"
    assert parse_date("2O21年3月5日") == "2021-03-05"  # letter O typed for zero
    assert parse_date("2021年13月5日") is None


def test_markdown_typed_lines_found_while_reading_are_those_the_blocks_give(tmp_path):
    """The reader lists the typed lines as it makes the blocks; Document computes the same from them."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
    try:
        import compare_readers
    finally:
        sys.path.pop(0)
    compare_readers.generate_cases(tmp_path)
    compare_readers.generate_random(tmp_path, 400)
    texts = [BODY, "# 某办法\n\n第一条 甲。\n第二条 乙\n续行，\n  丙\\\n丁  \n戊 `代\n码` 己 &amp;\n\n- 项\n  续\n"]
    docs = [read_document("d.md", data=t.encode()) for t in texts]
    docs += [read_document(p) for p in sorted(tmp_path.glob("*.md"))]
    multi = 0
    for doc in docs:
        found = doc.typed_lines()
        assert found == doc._split_typed_lines(), doc.path
        multi += len(found) > len({i for i, _ in found})
    assert multi > 20  # blocks of several lines were met


@pytest.mark.parametrize("step", [1, 0])
def test_a_run_gives_what_anchors_of_that_one_run_give(step):
    """Blocks in one run of the source get a Run instead of Anchors with lists: every offset (also
    before and past the text), every cut, the line breaks, truth and length must be the same."""
    from zzreview.readers.markdown import Anchors, Run

    def both(length):
        one = Anchors()
        one.starts.append(0)
        one.lines.append(7)
        one.cols.append(5)
        one.steps.append(step)
        one.length = length
        return one, Run(length, 7, 5, step)

    for length in (0, 1, 6):
        anchors, run = both(length)
        assert (len(run), bool(run), run.line_breaks()) == (len(anchors), bool(anchors), anchors.line_breaks())
        assert [run.at(k) for k in range(-2, length + 3)] == [anchors.at(k) for k in range(-2, length + 3)]
        assert [run[k] for k in range(-length, length)] == [anchors[k] for k in range(-length, length)]
        for a in range(length + 1):
            for b in range(a, length + 1):
                cut_anchors, cut_run = anchors.cut(a, b), run.cut(a, b)
                assert (len(cut_run), bool(cut_run), cut_run.line_breaks()) == \
                    (len(cut_anchors), bool(cut_anchors), cut_anchors.line_breaks())
                assert [cut_run.at(k) for k in range(-1, b - a + 2)] == [cut_anchors.at(k) for k in range(-1, b - a + 2)]
                sliced = run[a:b]
                assert [sliced.at(k) for k in range(b - a)] == [anchors[a:b].at(k) for k in range(b - a)]
        with pytest.raises(IndexError):
            run[length]


def test_one_line_blocks_have_a_run_and_lines_joined_into_a_block_have_anchors():
    from zzreview.readers.markdown import Anchors, Run

    src = "# 某办法\n\n第一条 本办法\n适用于全市。\n第二条 另起一段。\n"
    doc = read_document("d.md", data=src.encode())
    assert [b.text for b in doc.blocks] == ["某办法", "第一条 本办法适用于全市。", "第二条 另起一段。"]
    assert [type(b.positions) for b in doc.blocks] == [Run, Anchors, Run]
    assert [doc.blocks[1].locate(k) for k in (0, 6, 7, 12)] == [(3, 1), (3, 7), (4, 1), (4, 6)]
    assert doc.blocks[2].locate(3) == (5, 4)
