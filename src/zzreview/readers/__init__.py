"""Readers: bytes of a draft → one ``Document``.

The format is recognised from the bytes (readers/sniff.py), not the name: .docx is read
directly; .doc, .wps, .rtf and .odt through LibreOffice as .docx (readers/convert.py); PDF by its
text layer (readers/pdf.py); Markdown and plain text by their name. Each reader keeps an anchor
from every block back to its source; checks never see python-docx, PDF or Markdown syntax.
"""

from __future__ import annotations

from zzreview import pathstr
from zzreview.document import Document
from zzreview.errors import ReadError

TYPE_CHECKING = False  # pathlib costs a review ~3 ms: its paths are strings
if TYPE_CHECKING:
    from pathlib import Path

MARKDOWN_SUFFIXES = (".md", ".markdown")
CONVERTED_SUFFIXES = (".doc", ".wps", ".rtf", ".odt")  # read through LibreOffice
SUPPORTED_SUFFIXES = (".docx", *CONVERTED_SUFFIXES, ".pdf", *MARKDOWN_SUFFIXES, ".txt")


def read_document(path: str | Path, data: bytes | None = None, name: str | None = None) -> Document:
    """Read ``path`` (or ``data``, named ``name``) as a draft; raises ``ReadError``."""
    name = str(name or path)
    suffix = pathstr.suffix(name).lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise ReadError("unsupported", f"不支持的文件类型“{suffix or '无扩展名'}”"
                                       "（支持 .docx、.doc、.wps、.rtf、.odt、.pdf、.md、.markdown、.txt）")
    if data is None:
        from zzreview.readers.limits import read_bounded

        data = read_bounded(path)
    else:
        from zzreview.readers.limits import max_file_bytes, too_large

        if len(data) > max_file_bytes():
            raise too_large(max_file_bytes(), "ZZREVIEW_MAX_FILE_MB")
    if not data.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise ReadError("empty", "文件为空")
    kind = _kind(data, suffix)
    if kind == "docx":
        from zzreview.readers.docx import read_docx

        doc = read_docx(data, name)
    elif kind in ("doc", "cfb", "rtf", "odt"):
        from zzreview.readers.convert import convert
        from zzreview.readers.docx import read_docx

        converted = convert(data, kind)
        doc = read_docx(converted, name)
        doc.converted_from = suffix[1:] if suffix in CONVERTED_SUFFIXES else kind
        doc.converted_docx = converted
    elif kind == "pdf":
        from zzreview.readers.pdf import read_pdf

        doc = read_pdf(data, name)
    elif suffix in MARKDOWN_SUFFIXES:
        from zzreview.readers.markdown import read_markdown

        doc = read_markdown(data, name)
    else:
        from zzreview.readers.text import read_text

        doc = read_text(data, name)
    if not any(b.text.strip() for b in doc.blocks):
        raise ReadError("no-text", "文件中没有正文文字")
    from zzreview.readers.metadata import fill_metadata

    fill_metadata(doc)
    return doc


def _kind(data: bytes, suffix: str) -> str | None:
    """The reader for ``data``: its signature first, then (.docx, .pdf…) what its name promises."""
    from zzreview.readers.sniff import sniff

    kind = sniff(data)
    if kind == "encrypted":
        raise ReadError("encrypted", "文件已加密（设有打开密码），请去掉密码后再审查")
    if kind in ("zip", None):
        if suffix in (".docx", ".doc", ".wps"):
            return "docx"  # the docx reader says what is wrong with it
        if suffix in (".pdf", ".odt", ".rtf"):
            _not_a(suffix)
    return kind


def _not_a(suffix: str) -> None:
    if suffix == ".pdf":
        raise ReadError("not-pdf", "不是有效的 PDF 文件")
    if suffix == ".odt":
        raise ReadError("not-odt", "不是有效的 OpenDocument 文本（.odt）文件")
    raise ReadError("not-rtf", "不是有效的 RTF 文件")
