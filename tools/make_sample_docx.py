"""Regenerate samples/枣庄市养犬管理办法（征求意见稿）.docx (a city-government 办法 draft).

Run: python tools/make_sample_docx.py   (needs python-docx)
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

OUT = Path(__file__).resolve().parents[1] / "samples" / "枣庄市养犬管理办法（征求意见稿）.docx"

ARTICLES = [
    "第一条　为了规范养犬行为，保障公民人身安全和健康，维护市容环境和社会公共秩序，根据《中华人民共和国动物防疫法》"
    "《中华人民共和国物权法》和《山东省动物防疫条例》等法律法规，结合本市实际，制定本办法。",
    "第二条　本办法适用于本市城市建成区内的养犬及其相关管理活动。",
    "第三条　市、区（市）人民政府应当加强对养犬管理工作的领导。公安机关是养犬管理工作的主管部门，"
    "畜牧兽医、城市管理等部门按照各自职责做好相关工作。",
    "第四条　养犬人应当依照《中华人民共和国动物防疫法》第三十条的规定，按时为犬只接种狂犬病疫苗。",
    "第五条　饲养的犬只造成他人损害的，养犬人应当依照《中华人民共和国侵权责任法》第七十八条的规定承担侵权责任。",
    "第六条　违反本办法规定，携犬出户未束犬链的，由公安机关依照《中华人民共和国动物防疫法》第一百二十条的规定处理。",
    "第七条　本办法自2027年3月1日起施行，有效期5年。",
]


def build(path: Path = OUT) -> Path:
    doc = Document()
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run("枣庄市养犬管理办法（征求意见稿）")
    run.bold = True
    run.font.size = Pt(22)
    for text in ARTICLES[:3]:
        doc.add_paragraph(text)
    # a citation whose runs carry different formatting
    p = doc.add_paragraph()
    head, rest = ARTICLES[3].split("《", 1)
    p.add_run(head)
    p.add_run("《中华人民共和国").bold = True
    p.add_run(rest[len("中华人民共和国"):])
    for text in ARTICLES[4:6]:
        doc.add_paragraph(text)
    table = doc.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "事项"
    table.cell(0, 1).text = "依据"
    table.cell(1, 0).text = "犬只登记"
    table.cell(1, 1).text = "《中华人民共和国合同法》第五十二条"
    doc.add_paragraph(ARTICLES[6])
    doc.add_paragraph("枣庄市人民政府")
    doc.add_paragraph("2026年12月10日")
    doc.save(str(path))
    return path


if __name__ == "__main__":
    print(build())
