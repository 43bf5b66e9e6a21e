"""The knowledge base after the 2025-04-19 snapshot: changes, documents and plans, old versions.

The shipped base carries the facts, so the first tests restate some of them and always run. When
the change tables themselves are present (a working copy next to ../shared/kb/updates), every
high- and medium-confidence row is checked against the base as well.
"""

from __future__ import annotations

import datetime as dt
import json
import sys

import pytest
from conftest import ROOT

from zzreview.kb import KnowledgeBase

sys.path.insert(0, str(ROOT / "tools"))
import kb_updates  # noqa: E402  (tools/kb_updates.py: the build script's reader of the change tables)

TODAY = "2026-11-30"
D = dt.date.fromisoformat
UPDATES = ROOT.parent / "shared" / "kb" / "updates"


@pytest.fixture(scope="module")
def kb():
    return KnowledgeBase.load()


# ---------------------------------------------------------------- restated facts (always run)
@pytest.mark.parametrize("title,status,extra", [
    ("民营经济促进法", "有效", {"effective_date": "2025-05-20", "max_article": 78}),
    ("仲裁法", "有效", {"effective_date": "2026-03-01", "max_article": 96}),
    ("网络安全法", "有效", {"effective_date": "2026-01-01", "max_article": None}),  # amended: count not given
    ("殡葬管理条例", "有效", {"effective_date": "2026-03-30", "max_article": 73}),
    ("中华人民共和国生态环境法典", "有效", {"effective_date": "2026-08-15"}),
    ("环境影响评价法", "已废止", {"successor": "中华人民共和国生态环境法典", "confidence": "medium"}),
    ("国家行政机关公文处理办法", "已废止", {"successor": "党政机关公文处理工作条例", "repeal_date": "2012-07-01"}),
    ("国家森林火灾应急预案", "已废止", {"successor": "国家森林草原火灾应急预案", "kind": "emergency_plan"}),
    ("法治政府建设实施纲要（2021—2025年）", "已废止", {"valid_until": "2025-12-31", "kind": "plan"}),
    ("山东省行政规范性文件制定和监督管理办法", "有效", {"doc_no": "山东省人民政府令第353号",
                                           "effective_date": "2024-02-01"}),
    ("山东省信访规定", "已废止", {"repeal_date": "2016-04-15"}),
])
def test_restated_changes_resolve_as_of_today(kb, title, status, extra):
    r = kb.resolve(title, D(TODAY))
    assert r.known and r.status == status, (title, r.status)
    for key, value in extra.items():
        assert getattr(r, key) == value, (title, key, getattr(r, key))


def test_a_revised_plan_keeps_its_title_and_its_old_version_is_outdated(kb):
    assert kb.resolve("国家地震应急预案", D(TODAY)).status == "有效"
    old = kb.resolve("国家地震应急预案（2012年修订）", D(TODAY))
    assert old.status == "已修改" and old.cited_version == "2012年修订"


def test_earlier_versions_come_from_the_amendment_history(kb):
    r = kb.resolve("行政处罚法", D("2012-05-01"))
    assert [v.label for v in r.versions] == ["1996年公布", "2009年修正", "2017年修正", "2021年修订"]
    assert r.current_version == "2009年修正" and r.max_article is None  # count of that version unknown
    assert kb.resolve("行政处罚法", D(TODAY)).max_article == 86


def test_low_confidence_facts_are_notes_only(kb):
    r = kb.resolve("快递暂行条例", D(TODAY))
    assert r.status == "有效" and r.notes and "未经核实" in r.notes[0].text
    assert any("行政法规" in u["title"] for u in kb.info()["unconfirmed"])


def test_newest_fact_date_per_source(kb):
    sources = {s["id"]: s for s in kb.info()["sources"]}
    assert sources["base"]["snapshot"] == "2025-04-19"
    assert sources["national.tsv"]["newest_fact"] >= "2026-03-12"
    assert all(s["newest_fact"] for s in sources.values())


# ---------------------------------------------------------------- every row of the change tables
def _expectations(facts):
    """(title, expected status, fact) for each high/medium fact: repealed or run out if any row of the
    title says so, else in force once its effective date has passed."""
    confirmed = [f for f in facts if f.confidence != "low" and f.action != "note"]
    stopped = {f.title for f in confirmed if f.action in ("repeal", "expiry")}
    for f in confirmed:
        if f.title in stopped:
            yield f.title, "已废止", f
        elif f.effective_date and f.effective_date <= TODAY:
            yield f.title, "有效", f


def test_every_confirmed_row_of_the_change_tables_is_in_the_base(kb, cli, tmp_path):
    if not UPDATES.is_dir():  # a fresh clone: the restated facts above stand for the tables
        assert kb.resolve("治安管理处罚法", D(TODAY)).max_article == 144
        return
    facts = kb_updates.read_updates(UPDATES)
    checked = 0
    for title, status, f in _expectations(facts):
        r = kb.resolve(title, D(TODAY), year_hint=int(f.publish_date[:4]) if f.publish_date else None)
        assert r.known and r.status == status, (f.source, title, r.status)
        if f.action in ("repeal", "expiry") and f.successor:
            assert r.successor == f.successor, (title, r.successor)
        if f.action in ("new", "version") and f.publish_date:
            assert any(v.publish_date == f.publish_date or v.effective_date == f.effective_date
                       for v in r.versions), (title, f.publish_date)
        if f.action == "version" and f.max_article and r.current_version == f.label:
            assert r.max_article == f.max_article, title
        checked += 1
        # and in `check`: a document citing it today
        doc = tmp_path / f"d{checked}.md"
        doc.write_text(f"# 某市关于做好有关工作的通知\n\n一、按照《{title}》执行。\n", encoding="utf-8")
        out = cli("check", doc, "--format", "json", "--as-of", TODAY, "--fail-on", "never", "--select", "ZZ2")
        codes = {x["code"] for x in out.json()["documents"][0]["findings"]}
        if status == "已废止":
            assert codes & {"ZZ201", "ZZ203", "ZZ206"}, (title, codes)
        else:
            assert not codes & {"ZZ201", "ZZ202", "ZZ203", "ZZ206"}, (title, codes)
    assert checked >= 60


# ---------------------------------------------------------------- lookups
def test_reused_title_without_a_year_is_the_act_in_force_that_day(cli):
    r = cli("kb", "lookup", "国家安全法", "--as-of", "2010-01-01", "--format", "json")
    d = json.loads(r.stdout)
    assert d["status"] == "有效" and d["versions"][0]["publish_date"] == "1993-02-22"
    assert d["successor"] == "中华人民共和国反间谍法" and d["same_title"][0]["start"] == "2015-07-01"
    now = json.loads(cli("kb", "lookup", "国家安全法", "--as-of", TODAY, "--format", "json").stdout)
    assert now["status"] == "有效" and now["versions"][-1]["publish_date"] == "2015-07-01"


def test_lookup_text_speaks_a_reviewers_language(cli):
    out = cli("kb", "lookup", "合同法", "--as-of", TODAY).stdout
    assert "已废止（2021-01-01起）" in out and "《中华人民共和国民法典》" in out
    assert "第一千二百六十条" in out and "共428条" in out and "1999-10-01" in out
    assert "DATA" not in out and "核实情况" not in out
    versions = cli("kb", "lookup", "行政处罚法", "--as-of", "2012-01-01").stdout
    assert "2009年修正" in versions and "← 基准日适用" in versions and "共86条" in versions


def test_lookup_formats_are_text_and_json_only(cli):
    assert cli("kb", "lookup", "合同法", "--format", "sarif").exit_code == 2
    assert cli("kb", "info", "--format", "github").exit_code == 2
    assert "最新事实" in cli("kb", "info").stdout


# ---------------------------------------------------------------- the change tables' reader
def test_reader_keeps_the_value_and_drops_the_remark():
    assert kb_updates.date("2030-03 (published 2030-03-18)") == ("2030-03-18", False)
    assert kb_updates.date("2030-09-01 (expected; the code's effective date)") == ("2030-09-01", True)
    assert kb_updates.date("2031-02", last_day=True) == ("2031-02-28", True)
    assert kb_updates.date("unknown") == (None, False)
    assert kb_updates.clean_title("某省古树名木保护条例 (修改)") == "某省古树名木保护条例"
    assert kb_updates.split_version("某某应急预案(2019年修订)") == ("某某应急预案", 2019, "修订")
    assert kb_updates.doc_no("某政发〔2030〕5号") == "某政发〔2030〕5号"
    assert kb_updates.doc_no("not in source (maybe 某政发〔2030〕5号)") == ""
    assert kb_updates.article_count("将原法共5章40条调整为6章52条") == 52
    assert kb_updates.article_count("自公布之日起施行") is None
    assert kb_updates.confidence("medium (one source)") == "medium" and kb_updates.confidence("") == "low"
    assert kb_updates.period("某市养老服务体系建设规划（2031—2035年）") == (2031, 2035)
