"""What is worked out once per document or per file and kept: the trigger words of the form of
issue (one pass over the head), the title's kind, a check's level rules, a file's folder."""

from __future__ import annotations

import datetime as dt
import os

import pytest

from zzreview.analysis.normative import _FORM_SCAN, _form_words
from zzreview.document import Block, Document
from zzreview.engine import ConfigResolver, check_document
from zzreview.kb import KnowledgeBase
from zzreview.resources import data_toml
from zzreview.rules.base import Context
from conftest import AS_OF


def _words() -> tuple[str, ...]:
    return _FORM_SCAN.words


@pytest.mark.parametrize("text", [
    "",
    "某某省人民代表大会令第3号",  # 会令 begins inside 人民代表大会
    "《国务院关于修改〈某某条例〉的决定》已经国务院第12次常务会议通过，现予公布",
    "中华人民共和国主席令 自治区主席令 省长令",
    "自然资源部令\n2031年第7号\n经部务会议通过",
    "现印发给你们，请认真贯彻执行。转发给你们",
    "印发印发印发国令国令",
])
def test_the_words_found_in_one_pass_are_the_words_the_text_holds(text):
    assert _form_words(text) == {w for w in _words() if w in text}


def _doc(title: str | None) -> Document:
    blocks = [Block(0, "heading", title or "", 1), Block(1, "paragraph", "第一条 为了规范管理，制定本办法。", 3)]
    return Document("a.md", "markdown", blocks, title=title, title_block=0)


def test_the_kind_follows_the_title():
    doc = _doc("某某市湿地保护办法（征求意见稿）")
    assert doc.kind == "办法"
    doc.title = "关于开展检查的通知"
    assert doc.kind == "通知"
    doc.title = None
    assert doc.kind is None


def test_a_checks_level_rules_are_those_of_the_documents_level():
    kb = KnowledgeBase.load()
    doc = _doc("某某市湿地保护办法")
    analysis, _ = check_document(doc, kb, dt.date.fromisoformat(AS_OF))
    ctx = Context(doc, analysis, kb, dt.date.fromisoformat(AS_OF), None)
    table = data_toml("authority/measures.toml")["document_levels"]
    assert ctx.level_rules == table[ctx.review_level]
    assert ctx.level_rules is ctx.level_rules


def test_a_files_folder_is_the_same_on_every_ask(tmp_path, monkeypatch):
    f = tmp_path / "草案.md"
    f.write_text("# 标题\n", encoding="utf-8")
    resolver = ConfigResolver()
    first = resolver.folder_of(str(f))
    assert first == os.path.realpath(tmp_path)
    assert resolver.folder_of(str(f)) == first
    assert resolver.folder_of(str(tmp_path)) == os.path.realpath(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert ConfigResolver().folder_of("没有这个文件.md") == os.path.realpath(tmp_path)
