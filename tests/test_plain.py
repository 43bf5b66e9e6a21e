"""as_plain gives what dataclasses.asdict gave when the facts were dataclasses: every field, in the
order ``__init__`` sets it, nested records, lists and dicts made plain."""

from __future__ import annotations

import datetime as dt

import pytest

from zzreview.engine import review_file
from zzreview.kb import KnowledgeBase
from zzreview.plain import as_plain
from zzreview.record import Record

DRAFT = """# 某县河道采砂管理办法（征求意见稿）

第一条 为规范河道采砂，根据《中华人民共和国水法》《中华人民共和国合同法》第五十二条，制定本办法。

第二条 申请采砂的，应当提交船舶检验证明和无违法记录证明。

第三条 违反本办法的，由县水利局处二千元罚款。

第四条 本办法自2027年3月1日起施行，有效期至2031年2月28日。
"""


def _every_attribute(obj):
    """What asdict gave: every attribute the record holds, in the order it was set, deeply."""
    if isinstance(obj, Record):
        return {k: _every_attribute(v) for k, v in vars(obj).items()}
    if isinstance(obj, list):
        return [_every_attribute(v) for v in obj]
    if isinstance(obj, dict):
        return {k: _every_attribute(v) for k, v in obj.items()}
    if isinstance(obj, tuple):
        return tuple(_every_attribute(v) for v in obj)
    return obj


def test_as_plain_gives_every_field_of_every_fact_of_a_review_in_order(tmp_path):
    path = tmp_path / "采砂.md"
    path.write_text(DRAFT, encoding="utf-8")
    r = review_file(str(path), KnowledgeBase.load(), dt.date(2026, 11, 24))
    a = r.analysis
    facts = [a.normative, a.dates, *a.citations, *a.basis, *a.certifications, *a.measures]
    facts += [rc.citation for rc in a.citations] + [rc.resolution for rc in a.citations]
    facts = [f for f in facts if isinstance(f, Record)]
    assert len(facts) >= 8  # normative, dates, the citations and their resolutions at least
    for f in facts:
        plain = as_plain(f)
        assert plain == _every_attribute(f), type(f).__name__
        assert list(plain) == list(type(f)._fields)
    assert [f.location.to_dict() for f in r.findings] == [
        {k: v for k, v in as_plain(f.location).items() if k != "page" or v is not None} for f in r.findings]
    assert as_plain(a.normative) == {
        "is_normative": True, "kind": "办法", "level": a.normative.level, "reasons": a.normative.reasons,
        "forced": False, "signal": a.normative.signal, "provincial": a.normative.provincial}


def test_as_plain_refuses_what_is_not_plain_data():
    with pytest.raises(TypeError):
        as_plain(object())
