"""--annotate: a Word copy with one comment per finding on exactly its quote, text and formatting kept."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Pt
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import AS_OF, SAMPLES

from zzreview.document import Block, Document
from zzreview.model import Finding, Location
from zzreview.render import annotate

DOCX_SAMPLES = sorted(SAMPLES.glob("*.docx"))
MD_SAMPLES = sorted(SAMPLES.glob("*.md"))


# --------------------------------------------------------------------------- reading a copy back
def paragraph_elements(d) -> list:
    return annotate.reading_order(d.element.body)


def texts(d) -> list[str]:
    return [annotate.paragraph_text(p) for p in paragraph_elements(d)]


def char_formats(d) -> list[list[tuple[str, bytes]]]:
    """Every character of every paragraph with its run properties (the formatting it shows)."""
    from lxml import etree

    out = []
    for p in paragraph_elements(d):
        chars = []
        for r in annotate.paragraph_runs(p):
            rpr = r.find(qn("w:rPr"))
            key = etree.tostring(rpr, method="c14n") if rpr is not None else b""
            chars += [(c, key) for c in annotate.run_text(r)]
        out.append(chars)
    return out


def anchored(d) -> dict[int, str]:
    """Comment id -> the text between its commentRangeStart and commentRangeEnd."""
    open_ids: set[int] = set()
    got: dict[int, str] = {}
    body = d.element.body
    for el in body.iter():
        if el.tag == qn("w:commentRangeStart"):
            open_ids.add(int(el.get(qn("w:id"))))
            got.setdefault(int(el.get(qn("w:id"))), "")
        elif el.tag == qn("w:commentRangeEnd"):
            open_ids.discard(int(el.get(qn("w:id"))))
        elif el.tag == qn("w:r") and open_ids:
            if not _deleted(el):
                for i in open_ids:
                    got[i] += annotate.run_text(el)
    return got


def start_offsets(p) -> dict[int, int]:
    """Comment id -> offset in the paragraph's text where its range starts."""
    pos, out = 0, {}
    for el in p.iter():
        if el.tag == qn("w:commentRangeStart"):
            out[int(el.get(qn("w:id")))] = pos
        elif el.tag == qn("w:r"):
            pos += len(annotate.run_text(el))
    return out


def _deleted(r) -> bool:
    anc = r.getparent()
    while anc is not None:
        if anc.tag in (qn("w:del"), qn("w:moveFrom")):
            return True
        anc = anc.getparent()
    return False


def comments(d) -> dict[int, object]:
    return {c.comment_id: c for c in d.comments}


def open_docx(data: bytes):
    return docx.Document(io.BytesIO(data))


# --------------------------------------------------------------------------- a draft with split formatting
def multi_run_docx(path: Path) -> Path:
    """A quote that starts and ends inside runs and spans three differently formatted runs, a table
    cell, a tab, a hyperlink-like nesting and two findings in one paragraph."""
    d = docx.Document()
    d.add_paragraph("某市某某管理办法")
    p = d.add_paragraph()
    p.add_run("第一条\t根据《中华人民共和国")
    b = p.add_run("合同")
    b.bold = True
    i = p.add_run("法》和《中华人民共和国担保法》，制定本办法。")
    i.italic = True
    i.font.size = Pt(15)
    t = d.add_table(rows=1, cols=2)
    t.cell(0, 0).text = "事项"
    t.cell(0, 1).text = "依据《中华人民共和国物权法》"
    d.add_paragraph("第二条 本办法自2027年1月1日起施行。")
    d.save(str(path))
    return path


def model_of(path: Path) -> Document:
    """The Document the docx reader would build: non-empty paragraphs in reading order."""
    d = docx.Document(str(path))
    blocks = []
    for i, p in enumerate(paragraph_elements(d)):
        text = annotate.paragraph_text(p)
        if text.strip():
            blocks.append(Block(len(blocks), "paragraph", text, i + 1, 1, source={"paragraph": i}))
    return Document(str(path), "docx", blocks, blocks[0].text, 0)


def finding_on(doc: Document, quote: str, code: str = "ZZ201", nth: int = 0) -> Finding:
    for b in doc.blocks:
        i = b.text.find(quote)
        while i >= 0:
            if nth == 0:
                return Finding(code, "expired-reference", "error", f"引用的{quote}已废止", quote,
                               Location(b.index, b.line, b.column + i), "《中华人民共和国民法典》第一千二百六十条",
                               "改为引用《中华人民共和国民法典》相应条款")
            nth -= 1
            i = b.text.find(quote, i + 1)
    raise AssertionError(quote)


# --------------------------------------------------------------------------- the module on drafts built here
def test_quote_spanning_formatted_runs_is_commented_exactly_and_formatting_kept(tmp_path):
    src = multi_run_docx(tmp_path / "a.docx")
    before = src.read_bytes()
    doc = model_of(src)
    fs = [finding_on(doc, "《中华人民共和国合同法》"), finding_on(doc, "《中华人民共和国担保法》"),
          finding_on(doc, "《中华人民共和国物权法》"), finding_on(doc, "中华人民共和国合同法", code="ZZ204")]
    data, missed = annotate.annotate_docx(before, doc, fs)
    assert missed == [] and src.read_bytes() == before
    orig, copy = docx.Document(str(src)), open_docx(data)
    assert texts(copy) == texts(orig)
    assert char_formats(copy) == char_formats(orig)
    got = anchored(copy)
    cs = comments(copy)
    assert sorted(got.values()) == sorted(f.quote for f in fs)
    for cid, quote in got.items():
        c = cs[cid]
        f = next(f for f in fs if f.quote == quote)
        assert c.author == "zzreview" and c.initials == "ZZ"
        assert c.text.splitlines() == [f"{f.code}［错误］{f.message}", f"依据：{f.basis}", f"建议：{f.suggestion}"]
    # the bold run was split so that the comment starts inside 《中华人民共和国 and ends inside 法》
    runs = [r for r in copy.paragraphs[1].runs if r.text]
    assert [r.text for r in runs][:6] == ["第一条\t根据", "《", "中华人民共和国", "合同", "法", "》"]
    assert [bool(r.bold) for r in runs][:6] == [False, False, False, True, False, False]


def test_overlapping_and_repeated_quotes(tmp_path):
    src = tmp_path / "b.docx"
    d = docx.Document()
    d.add_paragraph("标题")
    d.add_paragraph("依照《甲法》和《甲法》办理。")
    d.save(str(src))
    doc = model_of(src)
    second = finding_on(doc, "《甲法》", nth=1)
    whole = finding_on(doc, "依照《甲法》和《甲法》办理。", code="ZZ999")
    data, missed = annotate.annotate_docx(src.read_bytes(), doc, [second, whole])
    copy = open_docx(data)
    assert missed == [] and texts(copy) == texts(docx.Document(str(src)))
    assert sorted(anchored(copy).values()) == sorted(["《甲法》", "依照《甲法》和《甲法》办理。"])
    # the comment on the second occurrence starts after 和, not on the first 《甲法》
    starts = start_offsets(copy.paragraphs[1]._p)
    by_quote = {q: starts[i] for i, q in anchored(copy).items()}
    assert by_quote == {"依照《甲法》和《甲法》办理。": 0, "《甲法》": len("依照《甲法》和")}


def test_quote_not_in_paragraph_is_reported_not_guessed(tmp_path):
    src = multi_run_docx(tmp_path / "c.docx")
    doc = model_of(src)
    f = finding_on(doc, "《中华人民共和国合同法》")
    f.quote = "《不存在的法》"
    data, missed = annotate.annotate_docx(src.read_bytes(), doc, [f])
    assert [m.finding for m in missed] == [f] and len(comments(open_docx(data))) == 0


def test_split_run_keeps_tabs_breaks_and_properties():
    d = docx.Document()
    p = d.add_paragraph()
    r = p.add_run("ab\tcd\nef")
    r.bold = True
    annotate.split_at(p._p, 4)
    annotate.split_at(p._p, 2)
    assert [x.text for x in p.runs] == ["ab", "\tc", "d\nef"] and all(x.bold for x in p.runs)
    assert annotate.runs_covering(p._p, 2, 4) == [p.runs[1]._r]


def test_markdown_blocks_become_an_annotated_docx():
    blocks = [Block(0, "heading", "某办法", 1, 3, level=1), Block(1, "paragraph", "第一条 依照《甲法》办理。", 3, 1)]
    doc = Document("a.md", "markdown", blocks, "某办法", 0)
    f = finding_on(doc, "《甲法》")
    data, missed = annotate.annotate_blocks(doc, [f])
    copy = open_docx(data)
    assert missed == [] and [p.text for p in copy.paragraphs] == ["某办法", "第一条 依照《甲法》办理。"]
    assert list(anchored(copy).values()) == ["《甲法》"]


# --------------------------------------------------------------------------- end to end through the CLI
def _report(cli, draft: Path, copy: Path, *extra):
    return cli("report", draft, "--annotate", copy, "--as-of", AS_OF, *extra)


@pytest.mark.parametrize("sample", DOCX_SAMPLES, ids=lambda p: p.name)
def test_docx_sample_gets_one_comment_per_finding_on_exactly_its_quote(cli, tmp_path, sample):
    before = hashlib.sha256(sample.read_bytes()).hexdigest()
    copy = tmp_path / "批注.docx"
    r = _report(cli, sample, copy)
    assert r.exit_code == 0, r.stderr
    assert hashlib.sha256(sample.read_bytes()).hexdigest() == before
    found = cli("check", sample, "--format", "json", "--as-of", AS_OF).json()["documents"][0]["findings"]
    assert found
    orig, out = docx.Document(str(sample)), docx.Document(str(copy))
    assert texts(out) == texts(orig)
    assert char_formats(out) == char_formats(orig)
    got, cs = anchored(out), comments(out)
    assert len(cs) == len(found) and sorted(got.values()) == sorted(f["quote"] for f in found)
    for cid, quote in got.items():
        text = cs[cid].text
        f = next(f for f in found if f["quote"] == quote and text.startswith(f["code"]))
        assert f["message"] in text and f["basis"] in text and cs[cid].author == "zzreview"
    assert "未能加批注" not in r.stderr


@pytest.mark.parametrize("sample", MD_SAMPLES, ids=lambda p: p.name)
def test_markdown_sample_gets_an_annotated_docx(cli, tmp_path, sample):
    copy = tmp_path / "批注.docx"
    r = _report(cli, sample, copy)
    assert r.exit_code == 0, r.stderr
    data = cli("check", sample, "--format", "json", "--as-of", AS_OF).json()["documents"][0]
    out = docx.Document(str(copy))
    assert len(comments(out)) == len(data["findings"])
    assert sorted(anchored(out).values()) == sorted(f["quote"] for f in data["findings"])
    assert out.paragraphs[0].text == data["title"]


def test_existing_copy_is_replaced_only_with_force(cli, tmp_path):
    sample = DOCX_SAMPLES[0]
    copy = tmp_path / "批注.docx"
    copy.write_bytes(b"old")
    r = _report(cli, sample, copy)
    assert r.exit_code == 2 and "--force" in r.stderr and copy.read_bytes() == b"old"
    r = _report(cli, sample, copy, "--force")
    assert r.exit_code == 0 and copy.read_bytes()[:2] == b"PK"


def test_the_draft_itself_is_never_the_destination(cli, tmp_path):
    sample = tmp_path / "草案.docx"
    sample.write_bytes(DOCX_SAMPLES[0].read_bytes())
    before = sample.read_bytes()
    r = _report(cli, sample, sample, "--force")
    assert r.exit_code == 2 and sample.read_bytes() == before
    r = _report(cli, sample, tmp_path / "copy.md")
    assert r.exit_code == 2 and ".docx" in r.stderr


# --------------------------------------------------------------------------- property: any runs, any spans
_piece = st.text(alphabet="甲乙丙《》ab \t", min_size=1, max_size=6)


@settings(max_examples=60, deadline=None)
@given(pieces=st.lists(st.tuples(_piece, st.booleans()), min_size=1, max_size=6), data=st.data())
def test_any_quote_over_any_runs_is_anchored_exactly(pieces, data):
    d = docx.Document()
    d.add_paragraph("标题")
    p = d.add_paragraph()
    for text, bold in pieces:
        p.add_run(text).bold = bold
    buf = io.BytesIO()
    d.save(buf)
    text = "".join(t for t, _ in pieces)
    spans = data.draw(st.lists(st.tuples(st.integers(0, len(text) - 1), st.integers(1, len(text))),
                               min_size=1, max_size=4))
    blocks = [Block(0, "paragraph", "标题", 1, 1, source={"paragraph": 0}),
              Block(1, "paragraph", text, 2, 1, source={"paragraph": 1})]
    doc = Document("x.docx", "docx", blocks, "标题", 0)
    fs = []
    for start, length in spans:
        quote = text[start:start + length]
        fs.append(Finding("ZZ201", "expired-reference", "error", "m", quote, Location(1, 2, 1 + start), "b", "s"))
    out, missed = annotate.annotate_docx(buf.getvalue(), doc, fs)
    copy = open_docx(out)
    orig = open_docx(buf.getvalue())
    assert missed == []
    assert texts(copy) == texts(orig) and char_formats(copy) == char_formats(orig)
    starts = start_offsets(copy.paragraphs[1]._p)
    got = sorted((starts[i], q) for i, q in anchored(copy).items())
    assert got == sorted((f.location.column - 1, f.quote) for f in fs)
