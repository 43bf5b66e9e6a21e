"""Property test: every loader of user input gives a result or a one-line error, never another
exception: the draft readers, the configuration, knowledge-base tables, certification lists and
reviewer decisions."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zzreview.errors import ConfigError, ReadError

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

PIECES = ["\n", "\r", "\r\n", "\t", ",", '"', "'", "[", "]", "{", "}", "=", "[[", "]]", "#", "\\", "\x00",
          "\ufeff", "title", "status", "max_article", "valid_until", "effective_date", "证明名称", "已废止",
          "9999-12-31", "0000-00-00", "²", "９", "1" * 30, "某市公园条例", "decision", "document", "code",
          "reason", "quote", "select", "severity", "overrides", "paths", "> ", "- ", "<!--", "-->", "第",
          "条", "《", "》", "&amp;", "*", "`", "|", "\udcff"]
texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), max_size=60).map("".join)


def _bytes(text: str) -> bytes:
    return text.encode("utf-8", "surrogateescape") if "\udcff" not in text else text.encode("utf-8", "replace")


def _one_line(exc: Exception) -> None:
    message = getattr(exc, "message", None) or str(exc)
    assert message and "\n" not in message.strip() and "Traceback" not in message


@SETTINGS
@given(text=texts, suffix=st.sampled_from([".md", ".txt", ".docx", "body.docx"]), encoding=st.sampled_from(
    ["utf-8", "utf-16", "utf-32", "gb18030", "utf-8-sig"]))
def test_readers(tmp_path, text, suffix, encoding):
    from zzreview.readers import read_document

    data = text.encode(encoding, "replace")
    if suffix == "body.docx":  # a sound package whose body holds the text, unescaped
        data = _docx_with_body(data)
    elif suffix == ".docx":  # a package around the text, as broken as it comes
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as z:
            for name in ("[Content_Types].xml", "word/document.xml", "_rels/.rels"):
                z.writestr(name, data)
        data = buf.getvalue()
    try:
        doc = read_document(tmp_path / f"x{suffix.lstrip('body')}", data=data)
    except ReadError as exc:
        _one_line(exc)
    else:
        assert doc.blocks


_BASE_DOCX: list[bytes] = []


def _docx_with_body(text: bytes) -> bytes:
    import docx

    if not _BASE_DOCX:
        buf = io.BytesIO()
        docx.Document().save(buf)
        _BASE_DOCX.append(buf.getvalue())
    src = zipfile.ZipFile(io.BytesIO(_BASE_DOCX[0]))
    body = (b'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
            b'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>' + text + b"</w:t></w:r></w:p></w:body></w:document>")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for info in src.infolist():
            z.writestr(info.filename, body if info.filename == "word/document.xml" else src.read(info.filename))
    return buf.getvalue()


def _load(path: Path, loader, text: str) -> None:
    path.write_bytes(_bytes(text))
    try:
        loader(path)
    except (ConfigError, ReadError) as exc:
        _one_line(exc)


@SETTINGS
@given(text=texts)
def test_config_loader(tmp_path, text):
    from zzreview.config import load_config

    _load(tmp_path / "zzreview.toml", load_config, text)


@SETTINGS
@given(text=texts, suffix=st.sampled_from([".tsv", ".csv"]))
def test_kb_table_loader(tmp_path, text, suffix):
    from zzreview.kb import load_table

    _load(tmp_path / f"t{suffix}", load_table, "title\tstatus\tmax_article\tvalid_until\n" + text)


@SETTINGS
@given(text=texts, suffix=st.sampled_from([".tsv", ".csv", ".toml"]))
def test_certification_list_loader(tmp_path, text, suffix):
    from zzreview.certlists import _load_path

    head = "[list]\nname = \"清单\"\n" if suffix == ".toml" else "证明名称,备注\n"
    _load(tmp_path / f"l{suffix}", lambda p: _load_path.__wrapped__(str(p), 0.0), head + text)


@SETTINGS
@given(text=texts)
def test_decisions_loader(tmp_path, text):
    from zzreview.decisions import load

    _load(tmp_path / "decisions.toml", load, "[[decision]]\n" + text)
