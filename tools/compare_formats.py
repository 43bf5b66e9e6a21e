"""Real-world check of the PDF reader: the same text as Markdown and as a printed PDF.

Each Markdown draft is laid out as a Word document (one paragraph per block, "— page —" footers
as official documents are printed; with --header, a running header repeating the title), turned into a PDF by LibreOffice, and
reviewed both ways. Prints, for each file whose findings differ (code, quote, article), what each
side found, and the count of those that agree. Needs LibreOffice.

    .venv/bin/python tools/compare_formats.py samples/ ../shared/corpus/dev/docs [--config samples/zzreview.toml]

With --word the other side is a Word file with one paragraph per line as the author typed it
(``Document.typed_lines``), read directly: no LibreOffice, and it tests that windows counted at the
start or end of a draft do not depend on how lines were grouped into paragraphs.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import io
import sys
from pathlib import Path

from zzreview import engine
from zzreview.config import load_config
from zzreview.kb import KnowledgeBase

AS_OF = dt.date(2026, 11, 24)


def _page_footer(section) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    p = section.footer.paragraphs[0]
    p.add_run("— ")
    run = p.add_run()._r
    for kind, text in (("begin", None), (None, " PAGE "), ("end", None)):
        el = OxmlElement("w:fldChar" if kind else "w:instrText")
        if kind:
            el.set(qn("w:fldCharType"), kind)
        else:
            el.text = text
        run.append(el)
    p.add_run(" —")


def printed_pdf(doc, header: bool = False) -> bytes:
    """The draft as a Word file with page numbers, printed to PDF by LibreOffice."""
    import docx

    from zzreview.readers.convert import convert
    from zzreview.render.annotate import annotate_blocks

    data, _ = annotate_blocks(doc, [])
    word = docx.Document(io.BytesIO(data))
    if header:
        word.sections[0].header.paragraphs[0].text = doc.title or ""
    _page_footer(word.sections[0])
    buf = io.BytesIO()
    word.save(buf)
    return convert(buf.getvalue(), "docx", "pdf")


def word_copy(doc) -> bytes:
    """The draft as a Word file, one paragraph per typed line."""
    import docx

    word = docx.Document()
    for _, text in doc.typed_lines():
        word.add_paragraph(text)
    buf = io.BytesIO()
    word.save(buf)
    return buf.getvalue()


def findings(path: str, data: bytes | None, kb, config) -> list | str:
    r = engine.review_file(path, kb, AS_OF, data=data, name=path, config=config.for_file(path))
    if r.error:
        return f"无法读取：{r.error.message}"
    return sorted((f.code, f.quote, f.location.article) for f in r.findings)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--config")
    ap.add_argument("--header", action="store_true", help="a running header with the title on every page")
    ap.add_argument("--word", action="store_true", help="compare with a Word file, one paragraph per typed line")
    a = ap.parse_args()
    from zzreview.readers import read_document

    config = load_config(Path(a.config) if a.config else None)
    kb = KnowledgeBase.load(config.kb_tables)
    files = [str(p) for p in engine.expand_paths(a.paths) if p.endswith(".md")]
    same = 0
    other = " Word" if a.word else " PDF"
    for path in files:
        want = findings(path, None, kb, config)
        doc = read_document(path)
        if a.word:
            got = findings(str(Path(path).with_suffix(".docx")), word_copy(doc), kb, config)
        else:
            got = findings(str(Path(path).with_suffix(".pdf")), printed_pdf(doc, a.header), kb, config)
        if got == want:
            same += 1
            continue
        print(f"不同：{path}")
        if isinstance(want, list) and isinstance(got, list):
            w, g = collections.Counter(want), collections.Counter(got)
            print(f"  只在 Markdown：{list((w - g).elements())}\n  只在{other}：{list((g - w).elements())}")
        else:
            print(f"  Markdown：{want}\n  PDF：{got}")
    print(f"{same}/{len(files)} 个文件的问题相同")
    return 0


if __name__ == "__main__":
    sys.exit(main())
