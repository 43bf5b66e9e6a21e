"""Readers: bytes of a .docx, Markdown or plain-text draft → one ``Document``.

Each reader keeps an anchor from every block back to its source; checks never
see python-docx or Markdown syntax.
"""

from __future__ import annotations

from pathlib import Path

from zzreview.document import Document
from zzreview.errors import ReadError

MARKDOWN_SUFFIXES = (".md", ".markdown")
SUPPORTED_SUFFIXES = (".docx", *MARKDOWN_SUFFIXES, ".txt")


def read_document(path: str | Path, data: bytes | None = None, name: str | None = None) -> Document:
    """Read ``path`` (or ``data``, named ``name``) as a draft; raises ``ReadError``."""
    name = str(name or path)
    suffix = Path(name).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise ReadError("unsupported", f"不支持的文件类型“{suffix or '无扩展名'}”（支持 .docx、.md、.markdown、.txt）")
    if data is None:
        from zzreview.readers.limits import read_bounded

        data = read_bounded(path)
    else:
        from zzreview.readers.limits import max_file_bytes, too_large

        if len(data) > max_file_bytes():
            raise too_large(max_file_bytes(), "ZZREVIEW_MAX_FILE_MB")
    if not data.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise ReadError("empty", "文件为空")
    if suffix == ".docx":
        from zzreview.readers.docx import read_docx

        doc = read_docx(data, name)
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
