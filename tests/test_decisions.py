"""Reviewer decisions in .zzreview/decisions.toml: content matching, stale decisions, baselines."""

from __future__ import annotations

from conftest import AS_OF

BODY = "第一条 根据《中华人民共和国合同法》制定。\n\n第二条 依照《中华人民共和国担保法》办理。"


def check(cli, path):
    r = cli("check", path, "--format", "json", "--as-of", AS_OF)
    return r, r.json()["documents"][0]


def test_write_decisions_records_a_baseline_that_accepts_every_finding(cli, tmp_path):
    (tmp_path / "zzreview.toml").write_text('decisions = ".zzreview/decisions.toml"\n', encoding="utf-8")
    d = tmp_path / "drafts"
    d.mkdir()
    p = d / "办法.md"
    p.write_text("# 某办法\n\n" + BODY, encoding="utf-8")
    r = cli("check", p, "--as-of", AS_OF, "--write-decisions", "--reason", "历史文件，已知", "--by", "张三")
    assert r.exit_code == 0, r.stderr
    text = (tmp_path / ".zzreview" / "decisions.toml").read_text(encoding="utf-8")
    assert text.count("[[decision]]") == 2 and 'by = "张三"' in text
    assert 'document = "drafts/办法.md"' in text and "《中华人民共和国合同法》" in text
    r, doc = check(cli, p)
    assert r.exit_code == 0 and doc["findings"] == [] and len(doc["accepted"]) == 2
    assert "没有" not in r.stderr


def test_write_decisions_requires_a_reason(cli, tmp_path):
    p = tmp_path / "a.md"
    p.write_text("# 某办法\n\n" + BODY, encoding="utf-8")
    r = cli("check", p, "--write-decisions")
    assert r.exit_code == 2 and "--reason" in r.stderr


def test_decisions_match_on_content_and_report_stale(cli, tmp_path):
    (tmp_path / ".zzreview").mkdir()
    (tmp_path / ".zzreview" / "decisions.toml").write_text(
        '[[decision]]\ndocument = "办法.md"\ncode = "ZZ201"\nquote = "《中华人民共和国合同法》"\n'
        'reason = "仅作历史说明"\nby = "李四"\ndate = "2026-11-25"\n', encoding="utf-8")
    p = tmp_path / "办法.md"
    p.write_text("# 某办法\n\n" + BODY, encoding="utf-8")
    r, doc = check(cli, p)
    assert [f["quote"] for f in doc["findings"]] == ["《中华人民共和国担保法》"]
    assert doc["accepted"][0]["quote"] == "《中华人民共和国合同法》"
    assert doc["accepted"][0]["decision"]["by"] == "李四"
    # an edit elsewhere (a new first paragraph) moves lines but the decision still matches
    p.write_text("# 某办法\n\n为加强管理，特制定本办法。\n\n" + BODY, encoding="utf-8")
    r, doc = check(cli, p)
    assert len(doc["accepted"]) == 1
    # fixing the citation leaves the decision matching nothing: stale
    p.write_text("# 某办法\n\n" + BODY.replace("合同法", "民法典"), encoding="utf-8")
    r, doc = check(cli, p)
    assert sorted(f["code"] for f in doc["findings"]) == ["ZZ003", "ZZ201"]
    assert any("《中华人民共和国合同法》" in f["message"] for f in doc["findings"] if f["code"] == "ZZ003")


def test_bad_decisions_file_is_exit_2(cli, tmp_path):
    (tmp_path / ".zzreview").mkdir()
    (tmp_path / ".zzreview" / "decisions.toml").write_text('[[decision]]\ndocument = "a.md"\n', encoding="utf-8")
    p = tmp_path / "a.md"
    p.write_text("# 某办法\n\n" + BODY, encoding="utf-8")
    r = cli("check", p)
    assert r.exit_code == 2 and "decisions.toml" in r.stderr
