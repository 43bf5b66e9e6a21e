"""Pluggable checks: declarative TOML (built-in and user), entry points, broken plugins."""

from __future__ import annotations

import json
import os

from conftest import AS_OF, run_module

PATTERN_RULES = '''
[[rule]]
code = "ZS001"
name = "vague-department"
check = "vague-wording"
kind = "pattern"
severity = "warning"
title = "职责主体不明确"
message = "“{match}”没有写明具体部门"
basis = "《国务院办公厅关于加强行政规范性文件制定和监督管理工作的通知》（国办发〔2018〕37号）"
suggestion = "写明具体的主管部门"
pattern = "有关部门"
unless = "(市|县|区)(人民政府)?有关部门按照(各自)?职责"

[[rule]]
code = "ZS002"
name = "need-effective-clause"
check = "vague-wording"
kind = "required"
severity = "info"
title = "没有施行日期条款"
message = "全文没有“自…起施行”的条款"
basis = "《山东省行政规范性文件制定和监督管理办法》"
pattern = "自\\\\p{Han}*?[0-9一二三四五六七八九十〇○年月日]*起施行"

[[rule]]
code = "ZS003"
name = "fine-needs-basis"
check = "vague-wording"
kind = "conditional"
severity = "warning"
title = "罚款条款没有写明依据"
message = "本条设定了罚款，但没有写明依照的法律法规"
basis = "《中华人民共和国行政处罚法》第十六条"
if = "罚款"
then = "依照|依据|根据"

[[rule]]
code = "ZS004"
name = "old-term"
check = "old-terms"
kind = "terms"
severity = "info"
title = "旧称谓"
message = "“{match}”宜改为“{replacement}”"
basis = "《第十三届全国人民代表大会第一次会议关于国务院机构改革方案的决定》"
suggestion = "改为“{replacement}”"
[rule.terms]
"计划生育部门" = "卫生健康主管部门"
'''

DRAFT = """# 某县某某管理办法（征求意见稿）

第一条 有关部门应当加强监管。

第二条 县有关部门按照职责做好工作。

第三条 违反本办法的，处以五百元罚款。

第四条 计划生育部门负责统计。
"""


def _project(tmp_path):
    checks = tmp_path / "my-checks"
    checks.mkdir()
    (checks / "rules.toml").write_text(PATTERN_RULES, encoding="utf-8")
    (tmp_path / "zzreview.toml").write_text('plugin-paths = ["my-checks"]\n', encoding="utf-8")
    p = tmp_path / "draft.md"
    p.write_text(DRAFT, encoding="utf-8")
    return p


def test_declarative_user_checks_all_four_kinds(cli, tmp_path):
    p = _project(tmp_path)
    r = cli("check", p, "--format", "json", "--as-of", AS_OF, "--fail-on", "never")
    assert r.exit_code == 0, r.stderr
    got = [(f["code"], f["check"], f["quote"], f["location"]["article"])
           for f in r.json()["documents"][0]["findings"] if f["code"].startswith("ZS")]
    assert ("ZS001", "vague-wording", "有关部门", "第一条") in got
    assert not any(c == "ZS001" and a == "第二条" for c, _, _, a in got)  # the unless pattern
    assert any(c == "ZS002" and q == "某县某某管理办法（征求意见稿）" for c, _, q, _ in got)
    assert ("ZS003", "vague-wording", "罚款", "第三条") in got
    assert ("ZS004", "old-terms", "计划生育部门", "第四条") in got
    msg = next(f["message"] for f in r.json()["documents"][0]["findings"] if f["code"] == "ZS004")
    assert msg == "“计划生育部门”宜改为“卫生健康主管部门”"


def test_user_checks_are_listed_and_explained(cli, tmp_path):
    _project(tmp_path)
    cfg = tmp_path / "zzreview.toml"
    r = cli("rules", "--config", cfg)
    assert "ZS001" in r.stdout and "ZZ201" in r.stdout
    r = cli("explain", "ZS003", "--config", cfg)
    assert r.exit_code == 0 and "罚款条款没有写明依据" in r.stdout


def test_builtin_declarative_check_runs(cli, draft):
    p = draft("第三条 由工商行政管理部门依法查处。")
    r = cli("check", p, "--format", "json", "--as-of", AS_OF, "--fail-on", "never", "--select", "ZZ7")
    f = r.json()["documents"][0]["findings"]
    assert [(x["code"], x["quote"]) for x in f] == [("ZZ701", "工商行政管理部门")]
    assert "市场监督管理部门" in f[0]["message"]


def test_bad_toml_is_reported_naming_the_file_and_other_checks_still_run(cli, tmp_path):
    checks = tmp_path / "bad"
    checks.mkdir()
    (checks / "broken.toml").write_text("[[rule]\ncode = ", encoding="utf-8")
    (tmp_path / "zzreview.toml").write_text('plugin-paths = ["bad"]\n', encoding="utf-8")
    p = tmp_path / "a.md"
    p.write_text("# 某办法\n\n第一条 根据《中华人民共和国合同法》制定。", encoding="utf-8")
    r = cli("check", p, "--format", "json", "--as-of", AS_OF)
    assert r.exit_code == 2 and "broken.toml" in r.stderr
    assert [f["code"] for f in r.json()["documents"][0]["findings"]] == ["ZZ201"]


PLUGIN = '''
from zzreview.model import Finding, RuleInfo
from zzreview.analysis.facts import locate

class NoDraftMark:
    name = "draft-mark"
    rules = (RuleInfo("ZX001", "draft-mark", "draft-mark", "info", "标题带有征求意见稿字样",
                      "插件说明：正式印发前应删除“征求意见稿”字样。"),)

    def run(self, ctx):
        for b in ctx.doc.blocks:
            i = b.text.find("征求意见稿")
            if i >= 0:
                yield Finding("ZX001", "draft-mark", "info", "正式印发前删除“征求意见稿”", "征求意见稿",
                              locate(ctx.doc, ctx.analysis.structure, b.index, i), "插件依据", "删除")

class Crashing:
    name = "crashing"
    rules = (RuleInfo("ZX002", "crashing", "crashing", "info", "总是出错", "会抛出异常"),)

    def run(self, ctx):
        raise RuntimeError("boom")
        yield
'''


def _install_plugin(tmp_path, broken_module: bool = False):
    site = tmp_path / "site"
    site.mkdir()
    (site / "zz_plugin_demo.py").write_text(PLUGIN, encoding="utf-8")
    (site / "zz_plugin_broken.py").write_text("def oops(:\n", encoding="utf-8")
    dist = site / "zz_plugin_demo-0.1.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: zz-plugin-demo\nVersion: 0.1\n", encoding="utf-8")
    eps = "[zzreview.checks]\ndraft-mark = zz_plugin_demo:NoDraftMark\ncrashing = zz_plugin_demo:Crashing\n"
    if broken_module:
        eps += "broken = zz_plugin_broken:Check\n"
    (dist / "entry_points.txt").write_text(eps, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(site))
    return env


def test_entry_point_plugin_findings_and_explain(tmp_path):
    env = _install_plugin(tmp_path)
    p = tmp_path / "a.md"
    p.write_text("# 某办法（征求意见稿）\n\n第一条 根据《中华人民共和国民法典》制定。", encoding="utf-8")
    r = run_module("check", p, "--format", "json", "--as-of", AS_OF, env=env, cwd=tmp_path)
    out = json.loads(r.stdout)
    assert [f["code"] for f in out["documents"][0]["findings"]] == ["ZX001"]
    # the crashing plugin is reported by name; exit 2; the others ran
    assert r.returncode == 2 and "crashing" in r.stderr.decode() and "boom" in r.stderr.decode()
    e = run_module("explain", "ZX001", env=env, cwd=tmp_path)
    assert e.returncode == 0 and "正式印发前应删除" in e.stdout.decode()


def test_plugin_with_syntax_error_is_named_and_builtins_still_run(tmp_path):
    env = _install_plugin(tmp_path, broken_module=True)
    p = tmp_path / "a.md"
    p.write_text("# 某办法\n\n第一条 根据《中华人民共和国合同法》制定。", encoding="utf-8")
    r = run_module("check", p, "--format", "json", "--as-of", AS_OF, env=env, cwd=tmp_path)
    err = r.stderr.decode()
    assert r.returncode == 2 and "broken" in err and "SyntaxError" in err
    codes = [f["code"] for f in json.loads(r.stdout)["documents"][0]["findings"]]
    assert "ZZ201" in codes


def test_since_uses_the_document_number_year_when_undated(cli, tmp_path):
    old = tmp_path / "old.md"
    old.write_text("# 某市某某管理办法\n\n某政发〔2006〕8号\n\n第一条 由工商行政管理部门依法查处。\n", encoding="utf-8")
    new = tmp_path / "new.md"
    new.write_text("# 某市某某管理办法\n\n某政发〔2023〕8号\n\n第一条 由工商行政管理部门依法查处。\n", encoding="utf-8")
    def zz7(p):
        r = cli("check", p, "--format", "json", "--as-of", AS_OF, "--fail-on", "never", "--select", "ZZ7")
        return [f["code"] for f in r.json()["documents"][0]["findings"]]
    assert zz7(old) == [] and zz7(new) == ["ZZ701"]


def test_a_declarative_check_keeps_no_document_once_it_has_run(draft):
    # its per-document article cache is emptied, so the last document is not kept alive by the check
    import datetime as dt

    from zzreview.engine import check_document
    from zzreview.kb import KnowledgeBase
    from zzreview.readers import read_document
    from zzreview.rules.declarative import DeclarativeCheck
    from zzreview.rules.registry import load_checks

    doc = read_document(str(draft("第三条 由工商行政管理部门依法查处。")))
    _, findings = check_document(doc, KnowledgeBase.load(), dt.date.fromisoformat(AS_OF))
    assert [f.quote for f in findings if f.code == "ZZ701"] == ["工商行政管理部门"]
    declarative = [c for c in load_checks(()).checks if isinstance(c, DeclarativeCheck)]
    assert declarative and all(c._articles == (None, None) for c in declarative)


def test_a_shipped_check_file_that_cannot_be_read_is_a_named_error(monkeypatch):
    """An OSError from reading a shipped file (removed after listing, no permission) is reported
    as a PluginError naming the file, like a user's file, not raised."""
    import pytest

    from zzreview import resources
    from zzreview.errors import PluginError
    from zzreview.rules import declarative

    def refuse(relative):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(resources, "data_toml", refuse)
    with pytest.raises(PluginError) as caught:
        declarative.load_file("/某处/checks/declarative/agency_names.toml", shipped="declarative/agency_names.toml")
    assert caught.value.origin.endswith("agency_names.toml") and "无法读取" in caught.value.message
