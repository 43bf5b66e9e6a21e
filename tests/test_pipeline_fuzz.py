"""Property test: no check crashes on arbitrary text built from legal-document fragments."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from zzreview.engine import check_document
from zzreview.kb import KnowledgeBase
from zzreview.readers import read_document

FRAGMENTS = ["第一条", "第十二条之一", "根据", "《中华人民共和国合同法》", "《行政处罚法》第九十条", "制定本办法",
             "处500元以上罚款", "须经批准", "缴纳保证金", "提交居住证明", "其他相关证明材料", "有效期5年",
             "自2027年1月1日起施行", "本办法第十五条", "指定的企业购买", "本地企业优先", "统一定价",
             "（", "）", "《", "》", "〈", "〉", "。", "；", "，", "\n", "\n\n", "# ", "- ", "| a | b |\n|---|---|\n",
             "<!-- zzreview: disable=ZZ201 -->", "二〇二六年十二月一日", "某市人民政府", "〔2026〕3号", "一、", "（一）"]


@settings(max_examples=80, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=6)), max_size=40))
def test_no_check_crashes_on_fragments(parts):
    text = "# 某市某某管理办法\n\n" + "".join(parts)
    doc = read_document("fuzz.md", data=text.encode("utf-8"))
    errors: list = []
    _, findings = check_document(doc, KnowledgeBase.load(), dt.date(2026, 11, 24), errors=errors)
    assert errors == []
    for f in findings:
        assert f.quote and f.quote in doc.blocks[f.location.block].text
