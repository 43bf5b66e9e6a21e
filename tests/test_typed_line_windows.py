"""Windows at the start of a draft are counted in lines as typed, so the same text gives the same
findings as Markdown (lines joined into one paragraph) and as Word (a paragraph per line)."""

from __future__ import annotations

import datetime as dt
import io

import docx

from zzreview import engine
from zzreview.config import load_config
from zzreview.kb import KnowledgeBase
from zzreview.readers import read_document

_FRONT = ["（征求意见稿）", "县文化和旅游局", "办公室起草", "二〇二六年三月", "联系人：王某", "联系电话：0000-1234567"]
_TITLE = "某县文化和旅游局关于规范公共图书馆开放服务的通知"
_BASIS = "为了方便群众借阅图书，根据《中华人民共和国公共图书馆法》的有关规定，现就开放服务有关事项通知如下："
_ITEMS = ["一、县图书馆每周开放时间不少于五十六小时。", "二、法定节假日照常开放，闭馆日提前七日公布。",
          "三、读者凭身份证件免费办理借阅证。"]


def _word_copy(md) -> bytes:
    """The Markdown draft as a Word file with one paragraph per line as typed."""
    word = docx.Document()
    for _, text in read_document(str(md)).typed_lines():
        word.add_paragraph(text)
    buf = io.BytesIO()
    word.save(buf)
    return buf.getvalue()


def _both(markdown: str, tmp_path) -> tuple[list, list]:
    md = tmp_path / "draft.md"
    md.write_text(markdown, encoding="utf-8")
    buf = io.BytesIO(_word_copy(md))
    config = load_config(None)
    kb = KnowledgeBase.load(config.kb_tables)
    out = []
    for name, data in ((str(md), None), (str(tmp_path / "draft.docx"), buf.getvalue())):
        r = engine.review_file(name, kb, dt.date(2026, 11, 24), data=data, name=name, config=config.for_file(name))
        assert r.error is None
        out.append(sorted((f.code, f.quote) for f in r.findings))
    return out[0], out[1]


def test_a_basis_after_many_short_front_lines_is_found_in_both_formats(tmp_path):
    text = f"# {_TITLE}\n\n" + "\n".join(_FRONT) + "\n\n各乡镇人民政府：\n" + _BASIS + "\n\n" + "\n\n".join(_ITEMS) + "\n"
    md, word = _both(text, tmp_path)
    assert md == word
    assert "ZZ301" not in {code for code, _ in md}


def test_a_basis_clause_after_the_opening_paragraphs_is_not_the_documents_basis_in_either_format(tmp_path):
    body = ["县图书馆是面向全体居民的公益性文化设施。", "近年来到馆人数逐年增加。", "部分时段座位紧张。",
            "借阅高峰集中在周末。", "群众对延长开放时间呼声较高。", "各馆服务标准尚不统一。"]
    text = f"# {_TITLE}\n\n" + "\n\n".join(body) + "\n\n" + _BASIS + "\n\n" + "\n\n".join(_ITEMS) + "\n"
    md, word = _both(text, tmp_path)
    assert md == word
    assert "ZZ301" in {code for code, _ in md}


_SIGNERS = ["县文化和旅游局", "县财政局", "县教育局"]


def _dates(markdown: str, tmp_path) -> tuple[tuple, tuple]:
    md = tmp_path / "signed.md"
    md.write_text(markdown, encoding="utf-8")
    word = tmp_path / "signed.docx"
    word.write_bytes(_word_copy(md))
    return tuple((d.date, d.issuer) for d in (read_document(str(md)), read_document(str(word))))


def test_a_signature_of_several_issuers_typed_without_blank_lines_dates_the_draft_in_both_formats(tmp_path):
    text = (f"# {_TITLE}\n\n" + _BASIS + "\n\n" + "\n\n".join(_ITEMS) + "\n\n"
            + "\n".join(_SIGNERS) + "\n2025年4月18日\n")
    md, word = _dates(text, tmp_path)
    assert md == word == ("2025-04-18", "县教育局")
    assert _both(text, tmp_path)[0] == _both(text, tmp_path)[1]


def test_a_closing_effective_date_is_not_the_signature_date_in_either_format(tmp_path):
    text = (f"# {_TITLE}\n\n" + _BASIS + "\n\n" + "\n".join(_ITEMS)
            + "\n四、本通知自2025年5月1日起施行。\n")
    md, word = _dates(text, tmp_path)
    assert md == word
    assert md[0] is None
