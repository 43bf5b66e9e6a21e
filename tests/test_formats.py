""".doc, .wps, .rtf, .odt and PDF drafts: made from the .docx sample by LibreOffice in the test,
they give the same citations and findings as the sample itself."""

from __future__ import annotations

import struct
import tempfile
import zlib

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from conftest import AS_OF, SAMPLES
from zzreview.errors import ReadError
from zzreview.readers import read_document
from zzreview.readers.convert import convert

SAMPLE = SAMPLES / "枣庄市养犬管理办法（征求意见稿）.docx"
CONFIG = SAMPLES / "zzreview.toml"



@pytest.fixture(scope="session")
def made(tmp_path_factory):
    """The sample converted by LibreOffice into each format, as files in a temporary folder."""
    folder = tmp_path_factory.mktemp("formats")
    data = SAMPLE.read_bytes()
    out = {}
    for target in ("doc", "odt", "rtf", "pdf"):
        path = folder / f"草案.{target}"
        path.write_bytes(convert(data, "docx", target))
        out[target] = path
    out["wps"] = folder / "草案.wps"  # what WPS Office writes is close to a Word 97 file
    out["wps"].write_bytes(out["doc"].read_bytes())
    out["doc-as-docx"] = folder / "改了扩展名.docx"
    out["doc-as-docx"].write_bytes(out["doc"].read_bytes())
    return out


def findings(cli, path):
    r = cli("check", path, "--format", "json", "--as-of", AS_OF, "--fail-on", "never", "--config", CONFIG)
    assert r.exit_code == 0, r.stderr
    doc = r.json()["documents"][0]
    return sorted((f["code"], f["quote"], f["location"]["article"], f["basis"]) for f in doc["findings"]), doc


@pytest.mark.parametrize("kind", ["doc", "wps", "odt", "rtf", "pdf", "doc-as-docx"])
def test_each_format_gives_the_findings_of_the_docx(cli, made, kind):
    want, original = findings(cli, SAMPLE)
    got, doc = findings(cli, made[kind])
    assert want and got == want
    assert [c["title"] for c in doc["facts"]["citations"]] == [c["title"] for c in original["facts"]["citations"]]


def test_locations_of_converted_word_files_are_paragraphs_of_the_converted_text(made):
    doc = read_document(made["doc"])
    assert doc.format == "docx" and doc.converted_from == "doc"
    assert doc.converted_docx.startswith(b"PK")
    assert doc.blocks[1].text.startswith("第一条") and doc.blocks[1].line == 2
    assert read_document(made["doc-as-docx"]).converted_from == "doc"


def test_pdf_locations_are_page_and_line(cli, made):
    r = cli("check", made["pdf"], "--as-of", AS_OF, "--fail-on", "never", "--config", CONFIG)
    first = r.stdout.splitlines()[0]
    assert first.startswith(f"{made['pdf']}:第1页:") and "ZZ201" in first
    _, doc = findings(cli, made["pdf"])
    loc = doc["findings"][0]["location"]
    assert loc["page"] == 1 and loc["line"] >= 2
    _, docx_doc = findings(cli, SAMPLE)
    assert "page" not in docx_doc["findings"][0]["location"]


def test_sarif_and_github_annotations_of_a_pdf_give_its_page(cli, made):
    """A PDF's line numbers count lines on a page: SARIF and GitHub say which page, and GitHub
    does not annotate a line of the binary file."""
    import json

    r = cli("check", made["pdf"], "-f", "sarif", "--as-of", AS_OF, "--fail-on", "never", "--config", CONFIG)
    results = json.loads(r.stdout)["runs"][0]["results"]
    assert results and all(x["properties"]["page"] >= 1 for x in results)
    assert results[0]["message"]["text"].startswith("第1页第")
    r = cli("check", made["pdf"], "-f", "github", "--as-of", AS_OF, "--fail-on", "never", "--config", CONFIG)
    annotations = [line for line in r.stdout.splitlines() if line.startswith("::")]
    assert annotations and not [a for a in annotations if ",line=" in a]
    assert "::第1页第" in annotations[0]
    r = cli("check", SAMPLE, "-f", "github", "--as-of", AS_OF, "--fail-on", "never", "--config", CONFIG)
    assert ",line=" in r.stdout and "页第" not in r.stdout


@pytest.mark.parametrize("kind", ["doc", "wps", "odt", "rtf", "pdf"])
def test_report_writes_the_opinion_and_an_annotated_docx(cli, made, kind, tmp_path):
    opinion, copy = tmp_path / "意见.md", tmp_path / "批注.docx"
    r = cli("report", made[kind], "-o", opinion, "--annotate", copy, "--as-of", AS_OF, "--config", CONFIG)
    assert r.exit_code == 0, r.stderr
    assert "《中华人民共和国物权法》" in opinion.read_text(encoding="utf-8")
    comments = [c.text for c in docx.Document(copy).comments]
    assert len(comments) == len(findings(cli, SAMPLE)[0]) and any("ZZ201" in c for c in comments)
    assert ("重建的 .docx" if kind == "pdf" else f"草案为 .{kind} 文件，已用 LibreOffice 转换为 .docx") in r.stderr
    assert "未能加批注" not in r.stderr


def test_without_libreoffice_a_word_97_file_gives_one_line_and_others_are_still_reviewed(
        cli, made, draft, monkeypatch, tmp_path):
    monkeypatch.delenv("ZZREVIEW_SOFFICE", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))  # no soffice anywhere on PATH
    md = draft("第一条 根据《中华人民共和国合同法》，制定本办法。")
    r = cli("check", made["doc"], md, "--format", "json", "--as-of", AS_OF)
    assert r.exit_code == 2
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and str(made["doc"]) in lines[0] and "LibreOffice" in lines[0]
    docs = {d["path"]: d for d in r.json()["documents"]}
    assert docs[str(md)]["findings"] and docs[str(made["doc"])]["error"]["code"] == "needs-libreoffice"


def test_conversion_leaves_nothing_behind(made, monkeypatch, tmp_path):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    read_document(made["odt"])
    assert list(tmp_path.iterdir()) == []


def test_a_conversion_that_hangs_is_stopped(monkeypatch, tmp_path):
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\nsleep 60\n")
    fake.chmod(0o755)
    monkeypatch.setenv("ZZREVIEW_SOFFICE", str(fake))
    with pytest.raises(ReadError) as e:
        convert(b"{\\rtf1 x}", "rtf", timeout=1)
    assert e.value.code == "convert-timeout"


def _png(width: int, height: int) -> bytes:
    """A grey PNG image, made by hand."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    rows = b"".join(b"\0" + b"\x80" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def test_a_scanned_pdf_needs_ocr(tmp_path):
    image = tmp_path / "page.png"
    image.write_bytes(_png(60, 80))
    d = docx.Document()
    d.add_picture(str(image))
    src = tmp_path / "scan.docx"
    d.save(src)
    pdf = convert(src.read_bytes(), "docx", "pdf")
    with pytest.raises(ReadError) as e:
        read_document("扫描件.pdf", data=pdf)
    assert e.value.code == "scanned-pdf" and "OCR" in e.value.message


def _page_field(paragraph) -> None:
    """— PAGE — in a footer paragraph, as official documents number their pages."""
    paragraph.add_run("— ")
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, None), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        elif text:
            el = OxmlElement("w:instrText")
            el.text = text
        else:
            el = OxmlElement("w:t")
            el.text = "1"
        run._r.append(el)
    paragraph.add_run(" —")


def test_pdf_paragraphs_are_rebuilt_and_running_heads_dropped(tmp_path):
    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "某县农业农村局规范性文件"
    _page_field(d.sections[0].footer.paragraphs[0])
    d.add_paragraph("某县农机作业补贴管理办法")
    long = ("农机作业服务组织应当如实登记作业面积、作业地块和作业时间，并在作业完成后十五日内将作业记录"
            "报送乡镇农业综合服务站，由服务站会同村民委员会逐户核实，核实结果在村务公开栏公示七日。")
    for n in range(1, 41):
        d.add_paragraph(f"第{'一二三四五六七八九十'[(n - 1) % 10]}条　{long}")
    t = d.add_table(rows=2, cols=2)
    t.style = "Table Grid"
    for (i, j), text in {(0, 0): "作业项目", (0, 1): "补贴标准", (1, 0): "深松整地", (1, 1): "每亩三十元"}.items():
        t.cell(i, j).text = text
    d.add_paragraph("本办法自发布之日起施行。")
    src = tmp_path / "long.docx"
    d.save(src)
    doc = read_document("long.pdf", data=convert(src.read_bytes(), "docx", "pdf"))
    texts = [b.text for b in doc.blocks]
    assert not any("规范性文件" in t or t.strip("— 0123456789") == "" for t in texts)
    articles = [b for b in doc.blocks if b.text.startswith("第")]
    assert len(articles) == 40 and all(b.text.endswith("公示七日。") for b in articles)
    assert max(b.pages[-1] for b in articles) >= 2
    assert any(b.pages[0] != b.pages[-1] or b.line > 1 for b in articles)
    cells = [b.text for b in doc.blocks if b.kind == "table_cell"]
    assert cells == ["作业项目", "补贴标准", "深松整地", "每亩三十元"]
    assert texts[-1] == "本办法自发布之日起施行。" and doc.title == "某县农机作业补贴管理办法"
    for b in doc.blocks:  # every location points at the line that holds the character
        assert all(line >= 1 and col >= 1 for line, col in b.positions)


def _pdf_of(paragraphs: list[str], tmp_path):
    d = docx.Document()
    for text in paragraphs:
        d.add_paragraph(text)
    src = tmp_path / "p.docx"
    d.save(src)
    return read_document("p.pdf", data=convert(src.read_bytes(), "docx", "pdf"))


def test_pdf_article_word_that_the_layout_puts_at_a_line_start_does_not_start_a_paragraph(tmp_path):
    probe = _pdf_of(["某县畜禽养殖污染防治办法", "乙" * 120], tmp_path).blocks[1]
    per_line = sum(1 for line, _ in probe.positions if line == probe.positions[0][0])
    cited = "由县农业农村局依照《中华人民共和国畜牧法》"
    lead = "违反本办法规定的，"
    first = lead + "乙" * (per_line - len(lead) - len(cited)) + cited
    assert len(first) == per_line
    doc = _pdf_of(["某县畜禽养殖污染防治办法", first + "第六十八条的规定处理。", "第十条　本办法自发布之日起施行。"], tmp_path)
    texts = [b.text for b in doc.blocks]
    assert texts[1:] == [first + "第六十八条的规定处理。", "第十条　本办法自发布之日起施行。"]
    b = doc.blocks[1]
    assert b.locate(b.text.index("第六十八条")) == (b.line + 1, 1)  # it did begin the second line
