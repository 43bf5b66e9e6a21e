"""zzreview report: the 合法性审核意见书 draft (Markdown and .docx), destinations, LibreOffice.

Golden files: tests/data/golden/<sample>.md. After an intended change (a new check, new wording)
regenerate them with  UPDATE_GOLDEN=1 pytest tests/test_report.py  and review the diff.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm

from conftest import AS_OF, SAMPLES, DRAFTS

from zzreview import __version__
from zzreview.model import Finding, Location
from zzreview.render import opinion

GOLDEN = Path(__file__).parent / "data" / "golden"
HEADINGS = ["一、基本情况", "二、引用法律法规情况", "三、审核发现的问题", "四、审核结论"]
EXPIRED = ("第一条 为了规范管理，根据《中华人民共和国合同法》第五十二条和《某省不存在的条例》，制定本办法。\n\n"
           "第二条 依照《中华人民共和国行政处罚法》第九十条处理。")


def report_md(cli, path: Path, *extra) -> str:
    r = cli("report", path, "--as-of", AS_OF, *extra)
    assert r.exit_code == 0, r.stderr
    return r.stdout


def normalise(text: str) -> str:
    """Lines that change with every release or knowledge-base build are not part of the golden."""
    text = re.sub(r"^生成工具：.*$", "生成工具：zzreview <version>  ", text, flags=re.M)
    return re.sub(r"^知识库：.*$", "知识库：<knowledge base>  ", text, flags=re.M)


def table_rows(md: str) -> list[list[str]]:
    rows = [ln for ln in md.splitlines() if ln.startswith("| ")]
    return [[c.strip() for c in ln.strip("|").split(" | ")] for ln in rows[1:]]


# --------------------------------------------------------------------------- Markdown opinion
@pytest.mark.parametrize("sample", DRAFTS, ids=lambda p: p.name)
def test_markdown_opinion_of_each_sample_matches_its_golden(cli, sample):
    got = normalise(report_md(cli, sample))
    golden = GOLDEN / f"{sample.stem}.md"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(got, encoding="utf-8")
    assert got == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("sample", DRAFTS, ids=lambda p: p.name)
def test_opinion_of_each_sample_has_every_section_and_every_finding(cli, sample):
    md = report_md(cli, sample)
    data = cli("check", sample, "--format", "json", "--as-of", AS_OF).json()["documents"][0]
    assert md.startswith(f"# 关于《{data['title']}》的合法性审核意见（草稿）\n")
    assert [ln[3:] for ln in md.splitlines() if ln.startswith("## ")] == HEADINGS
    assert "审核日期：2026年11月24日" in md
    # the citations table: one row per cited instrument, covering every citation in the facts
    rows = table_rows(md)
    cited = {c["as_written"] for c in data["facts"]["citations"]}
    assert all(any(w in row[1] for row in rows) for w in cited)
    assert [row[0] for row in rows] == [str(i) for i in range(1, len(rows) + 1)]
    # every finding appears with its quote, message, basis and suggestion
    for f in data["findings"]:
        assert f"原文：“{f['quote']}”" in md and f["message"] in md and f"依据：{f['basis']}" in md
        assert f"修改建议：{f['suggestion']}" in md
    assert len(re.findall(r"^\d+\. \*\*", md, flags=re.M)) == len(data["findings"])
    # the footer
    assert f"文件 SHA-256：{hashlib.sha256(sample.read_bytes()).hexdigest()}" in md
    assert f"生成工具：zzreview {__version__}" in md and "审查基准日：2026-11-24" in md
    assert "知识库：" in md and "审核人（签字）：" in md and "日期：" in md


def test_citation_table_row_content(cli, draft):
    md = report_md(cli, draft(EXPIRED))
    rows = {row[1]: row for row in table_rows(md)}
    contract = rows["《中华人民共和国合同法》"]
    assert contract[2] == "《中华人民共和国合同法》" and contract[3] == "法律"
    assert contract[4] == "已废止（2021年1月1日）" and contract[5] == "《中华人民共和国民法典》"
    assert contract[6] == "第五十二条" and contract[7] == "第一条"
    unknown = rows["《某省不存在的条例》"]
    assert unknown[4].startswith("未知") and unknown[2] == "—" and "不存在" not in unknown[4][2:]
    assert "不表示该文件不存在" in md
    penalty = rows["《中华人民共和国行政处罚法》"]
    assert penalty[4] == "有效" and penalty[6] == "第九十条" and penalty[7] == "第二条"


def test_findings_are_grouped_numbered_and_the_conclusion_follows_them(cli, draft):
    md = report_md(cli, draft(EXPIRED))
    section = md.split("## 三、审核发现的问题")[1].split("## 四、审核结论")[0]
    assert section.lstrip().startswith("### （一）引用失效")
    assert re.findall(r"^(\d+)\. ", section, flags=re.M) == ["1", "2"]
    assert "位置：第一条（第3行）" in section and "位置：第二条（第5行）" in section
    conclusion = md.split("## 四、审核结论")[1]
    assert "建议修改后按程序提请审议。第三部分第1项问题应当修改；第2项问题请起草单位核实" in conclusion
    assert "须由审核人员" in conclusion


def test_clean_draft_says_no_problem_found(cli, draft):
    md = report_md(cli, draft("第一条 根据《中华人民共和国民法典》，制定本办法。"))
    assert "工具未发现问题" in md and "未发现明显合法性问题，建议按程序提请审议。" in md
    assert not re.search(r"^### ", md, flags=re.M)


# --------------------------------------------------------------------------- categories and conclusion (unit)
def _f(code: str, check: str, severity: str = "error", **extra) -> Finding:
    return Finding(code, check, severity, "消息", "引文", Location(0, 1, 1), "依据", "建议", extra=extra)


def test_category_mapping_with_fallbacks():
    assert opinion.category_of(_f("ZZ201", "expired-reference")) == "引用失效"
    assert opinion.category_of(_f("ZZ101", "missing-legal-basis"), "no-basis-clause") == "制定依据"
    assert opinion.category_of(_f("ZZ111", "missing-legal-basis"), "fine-without-basis") == "权限与措施"
    assert opinion.category_of(_f("ZZ199", "missing-legal-basis", measure="罚款")) == "权限与措施"
    assert opinion.category_of(_f("ZZ301", "unlisted-certification")) == "证明事项"
    assert opinion.category_of(_f("ZZ401", "no-validity-period")) == "形式与程序"
    # families that do not exist yet still land somewhere sensible, with no change here
    assert opinion.category_of(_f("ZZ512", "naming-and-structure")) == "形式与程序"
    assert opinion.category_of(_f("ZZ603", "fair-competition-new-name")) == "公平竞争"
    assert opinion.category_of(_f("ZS001", "vague-wording")) == "其他问题"


def _categories(*findings: Finding):
    from zzreview.engine import DocumentResult

    return opinion._categories(DocumentResult(path="a.md"), list(findings), {}, {})


def test_conclusion_tiers():
    none = opinion._conclusion(_categories())
    assert none[0].startswith("未发现明显合法性问题") and "建议" in none[1]
    info = opinion._conclusion(_categories(_f("ZZ203", "expired-reference", "info")))
    assert info[0].startswith("未发现明显合法性问题") and "第1项为提示事项" in info[0]
    warn = opinion._conclusion(_categories(_f("ZZ202", "expired-reference", "warning")))
    assert warn[0] == "建议修改后按程序提请审议。第1项问题请起草单位核实并视情修改。"
    two = [_f("ZZ111", "missing-legal-basis", measure="罚款") for _ in range(opinion.NOT_ISSUE_THRESHOLD - 1)]
    assert opinion._conclusion(_categories(*two))[0].startswith("建议修改后按程序提请审议")
    three = two + [_f("ZZ101", "missing-legal-basis")]
    assert opinion._conclusion(_categories(*three))[0].startswith("建议不予出台")
    # warnings in those categories do not make it 不予出台
    soft = [_f("ZZ111", "missing-legal-basis", "warning", measure="不得") for _ in range(5)]
    assert opinion._conclusion(_categories(*soft))[0].startswith("建议修改后")
    # tool notes (suppressions) never change the conclusion
    meta = opinion._conclusion(_categories(_f("ZZ001", "suppression", "warning")))
    assert meta[0].startswith("未发现明显合法性问题")


# --------------------------------------------------------------------------- .docx opinion
def _docx_opinion(cli, sample: Path, out: Path) -> docx.document.Document:
    r = cli("report", sample, "-o", out, "--as-of", AS_OF)
    assert r.exit_code == 0, r.stderr
    return docx.Document(str(out))


def test_docx_opinion_has_the_same_content_as_markdown(cli, tmp_path):
    sample = next(p for p in DRAFTS if p.suffix == ".docx")
    d = _docx_opinion(cli, sample, tmp_path / "意见.docx")
    md = report_md(cli, sample)
    texts = [p.text for p in d.paragraphs]
    assert texts[0] == md.splitlines()[0][2:]
    for h in HEADINGS:
        assert h in texts
    # the table equals the Markdown table, header included
    [table] = d.tables
    got = [[c.text for c in row.cells] for row in table.rows]
    assert got[0] == list(opinion.CITATION_COLUMNS) and got[1:] == table_rows(md)
    # every Markdown body line is a paragraph of the docx (markup aside)
    for ln in md.splitlines():
        plain = re.sub(r"^(#+ |\d+\. \*\*|   - )|\*\*$|  $", "", ln).strip()
        if plain and not ln.startswith("|") and plain != "---" and not plain.startswith("审核人"):
            assert any(plain.replace("**", "") == t.strip() or plain.replace("**", "") in t for t in texts), plain


def test_docx_opinion_layout(cli, tmp_path):
    sample = SAMPLES / "枣庄市市场监督管理局关于加强城区食品摊贩管理的通知.md"  # has a citations table
    d = _docx_opinion(cli, sample, tmp_path / "意见.docx")
    s = d.sections[0]
    assert (round(s.page_width.mm), round(s.page_height.mm)) == (210, 297)
    assert (round(s.top_margin.mm), round(s.bottom_margin.mm), round(s.left_margin.mm),
            round(s.right_margin.mm)) == (37, 35, 28, 26)
    footer_xml = s.footer._element.xml
    assert "PAGE" in footer_xml and "fldChar" in footer_xml and "—" in footer_xml
    title = d.paragraphs[0]
    assert title.runs[0]._element.rPr.rFonts.get(qn("w:eastAsia")) == "方正小标宋简体"
    assert title.runs[0].font.size.pt == 22
    body = next(p for p in d.paragraphs if p.text.startswith("《"))
    assert body.runs[0]._element.rPr.rFonts.get(qn("w:eastAsia")) == "仿宋_GB2312"
    assert body.runs[0].font.size.pt == 16 and body.paragraph_format.first_line_indent.pt == 32
    heading = next(p for p in d.paragraphs if p.text == "一、基本情况")
    assert heading.runs[0]._element.rPr.rFonts.get(qn("w:eastAsia")) == "黑体"
    # the font table names a substitute for each official font
    fonts = next(r.target_part for r in d.part.rels.values() if r.reltype.endswith("/fontTable")).blob.decode()
    for name, alt in (("方正小标宋简体", "宋体"), ("仿宋_GB2312", "仿宋"), ("楷体_GB2312", "楷体")):
        assert re.search(rf'w:name="{name}"><w:altName w:val="{alt}"/>', fonts)
    assert d.core_properties.author == "zzreview"
    assert Mm(160) < sum((c.width for c in d.tables[0].columns), Mm(0)) <= Mm(166.5)


# --------------------------------------------------------------------------- destinations
def test_existing_output_is_replaced_only_with_force(cli, draft, tmp_path):
    p = draft(EXPIRED)
    out = tmp_path / "意见.md"
    out.write_text("旧的", encoding="utf-8")
    r = cli("report", p, "-o", out, "--as-of", AS_OF)
    assert r.exit_code == 2 and "已存在" in r.stderr and out.read_text(encoding="utf-8") == "旧的"
    r = cli("report", p, "-o", out, "--as-of", AS_OF, "--force")
    assert r.exit_code == 0 and out.read_text(encoding="utf-8").startswith("# 关于《")
    assert f"已写入 {out}" in r.stderr


def test_bad_destinations_and_inputs_are_exit_2(cli, draft, tmp_path):
    p = draft(EXPIRED)
    before = p.read_bytes()
    assert cli("report", p, "-o", tmp_path / "意见.pdf").exit_code == 2
    assert cli("report", p, "-o", p, "--force").exit_code == 2 and p.read_bytes() == before
    assert cli("report", p, "-o", tmp_path / "x.docx", "--annotate", tmp_path / "x.docx").exit_code == 2
    assert cli("report", p, "-o", tmp_path / "no" / "意见.md").exit_code == 2
    r = cli("report", tmp_path / "missing.md")
    assert r.exit_code == 2 and "文件不存在" in r.stderr
    bad = tmp_path / "坏.docx"
    bad.write_bytes(b"not a zip")
    r = cli("report", bad, "-o", tmp_path / "o.md")
    assert r.exit_code == 2 and "无法读取" in r.stderr and not (tmp_path / "o.md").exists()
    assert cli("report", p, "--as-of", "2026-02-30").exit_code == 2
    assert not list(tmp_path.glob(".*.tmp"))


def test_as_of_changes_the_status_column(cli, draft):
    p = draft(EXPIRED)
    early = cli("report", p, "--as-of", "2020-06-01").stdout
    rows = {row[1]: row for row in table_rows(early)}
    assert rows["《中华人民共和国合同法》"][4] == "有效" and "审查基准日：2020-06-01" in early


# --------------------------------------------------------------------------- LibreOffice
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_converts_the_opinion_and_the_annotated_copy(cli, tmp_path):
    sample = next(p for p in DRAFTS if p.suffix == ".docx")
    op, copy = tmp_path / "意见.docx", tmp_path / "批注.docx"
    r = cli("report", sample, "-o", op, "--annotate", copy, "--as-of", AS_OF)
    assert r.exit_code == 0, r.stderr
    profile = (tmp_path / "lo-profile").as_uri()
    proc = subprocess.run([SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                           "--outdir", str(tmp_path), str(op), str(copy)], capture_output=True, timeout=180)
    assert proc.returncode == 0, proc.stderr
    for name in ("意见.pdf", "批注.pdf"):
        pdf = (tmp_path / name).read_bytes()
        assert pdf.startswith(b"%PDF") and len(pdf) > 5000


# --------------------------------------------------------------------------- facts from the analysis steps
class _Fact:
    def __init__(self, d):
        self.d = d

    def to_dict(self):
        return self.d


def _result_with(**facts):
    from types import SimpleNamespace

    from zzreview.analysis.structure import Structure
    from zzreview.document import Block, Document
    from zzreview.engine import DocumentResult

    blocks = [Block(0, "heading", "某市某某管理办法", 1, 3), Block(1, "paragraph", "第一条 根据……制定本办法。", 3, 1)]
    doc = Document("a.md", "markdown", blocks, "某市某某管理办法", 0, doc_number="某政发〔2026〕1号",
                   issuer="某市人民政府", date="2026-12-10")
    analysis = SimpleNamespace(structure=Structure([], {}), citations=[], normative=None, basis=[], measures=[],
                               certifications=[], dates=None)
    for k, v in facts.items():
        setattr(analysis, k, v)
    return DocumentResult(path="a.md", document=doc, analysis=analysis)


def _run():
    from zzreview.engine import RunResult

    class KB:
        version, source = "kb-1", "test"

        def info(self):
            return {"built": "2026-11-01"}

        def counts(self):
            return {"laws": 3}

    return RunResult(dt.date(2026, 11, 24), KB(), [])


def test_basic_section_renders_the_facts_that_exist():
    r = _result_with(
        normative=_Fact({"is_normative": True, "reasons": ["标题为“办法”", "对公众普遍适用"]}),
        basis=[_Fact({"text": "根据《中华人民共和国动物防疫法》，制定本办法", "location": {"article": "第一条", "line": 3}})],
        dates=_Fact({"effective_date": "2027-03-01", "validity": {"text": "有效期5年", "until": "2032-02-29"}}),
        certifications=[_Fact({"name": "居住证明", "issuer": "社区居民委员会", "listed": False,
                               "location": {"article": "第五条", "line": 9}})],
        measures=[_Fact({"kind": "罚款", "location": {"article": "第六条", "line": 11}}),
                  _Fact({"kind": "罚款", "location": {"article": "第八条", "line": 13}})],
    )
    op = opinion.build_opinion(r, _run(), "0" * 64)
    text = "\n".join(op.basic)
    assert "文号为某政发〔2026〕1号" in text and "制定机关（起草单位）为某市人民政府" in text
    assert "经初步判断，该文件属于行政规范性文件（判断理由：标题为“办法”；对公众普遍适用）。" in text
    assert "制定依据：第一条（第3行）载明“根据《中华人民共和国动物防疫法》，制定本办法”。" in text
    assert "施行日期：2027年3月1日；有效期：有效期5年（至2032年2月29日）。" in text
    assert "居住证明（出具单位：社区居民委员会，第五条（第9行），不在清单内）" in text
    assert "罚款2处（第六条、第八条）" in text
    assert op.meta == [("送审单位", "某市人民政府"), ("文号", "某政发〔2026〕1号"), ("审核日期", "2026年11月24日")]
    assert ("知识库", "kb-1（数据日期 2026-11-01，来源 test，收录 3 部）") in op.footer


def test_basic_section_with_no_facts_says_so_and_does_not_guess():
    r = _result_with(normative=_Fact({"is_normative": False, "reason": "会议通知"}))
    op = opinion.build_opinion(r, _run(), "0" * 64)
    text = "\n".join(op.basic)
    assert "不属于行政规范性文件" in text and "会议通知" in text
    assert "制定依据：未识别到" in text and "施行日期：未识别到；有效期：未识别到。" in text
    assert "证明材料" not in text and "措施" not in text
    md = opinion.render_markdown(op)
    assert "草案未引用法律、法规、规章或其他文件。" in md
    undecided = opinion.build_opinion(_result_with(), _run(), "0" * 64)
    assert "工具未作判断" in "\n".join(undecided.basic)
