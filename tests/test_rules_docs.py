"""Rule documentation from one source: `rules`, `explain` and the README table."""

from __future__ import annotations

import json

from conftest import ROOT

from zzreview.render.rules_table import render_rules
from zzreview.rules.registry import all_rules

START, END = "<!-- rules-table:start -->", "<!-- rules-table:end -->"


def test_every_rule_has_code_check_severity_and_full_documentation():
    rules = all_rules()
    assert len({r.code for r in rules}) == len(rules)
    for r in rules:
        assert r.severity in ("error", "warning", "info")
        assert r.check and r.name and r.title
        assert "检查什么" in r.doc and "修改" in r.doc, r.code


def test_rules_and_explain_commands(cli):
    r = cli("rules", "--format", "json")
    codes = [x["code"] for x in json.loads(r.stdout)]
    assert "ZZ201" in codes and codes == sorted(codes)
    e = cli("explain", "ZZ201")
    assert e.exit_code == 0 and "第一千二百六十条" in e.stdout
    assert cli("explain", "repealed-instrument").stdout == e.stdout
    assert cli("explain", "ZZ999").exit_code == 2


def test_explain_knows_the_code_only_clean_reports(cli):
    e = cli("explain", "ZZ901")
    assert e.exit_code == 0 and "repealed-in-stock" in e.stdout and "废止" in e.stdout


def test_readme_rule_table_is_up_to_date():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme.split(START, 1)[1].split(END, 1)[0].strip()
    assert table == render_rules(fmt="markdown").strip(), (
        "README rule table is out of date: run `python tools/update_readme.py`")
