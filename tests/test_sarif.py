"""--format sarif: valid SARIF 2.1.0 (official schema), every finding, rules from the registry."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import unquote

import jsonschema
import pytest

from conftest import AS_OF, DRAFTS

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
EXPIRED = "第一条 根据《中华人民共和国合同法》，制定本办法。\n\n第二条 依照《中华人民共和国行政处罚法》第九十条处理。"


def validate(log: dict) -> None:
    jsonschema.Draft4Validator(SCHEMA).validate(log)


def file_of(run: dict, art: dict) -> Path:
    """The file an artifactLocation names (relative URIs resolve against their uriBaseId)."""
    uri = unquote(art["uri"])
    if "uriBaseId" in art:
        base = unquote(run["originalUriBaseIds"][art["uriBaseId"]]["uri"]).removeprefix("file://")
        return (Path(base) / uri).resolve()
    return Path(uri.removeprefix("file://")).resolve()


def sarif(cli, *args) -> tuple[int, dict]:
    r = cli("check", *args, "--format", "sarif", "--as-of", AS_OF)
    return r.exit_code, json.loads(r.stdout)


def findings(cli, *args) -> list[tuple[str, dict]]:
    data = cli("check", *args, "--format", "json", "--as-of", AS_OF).json()
    return [(d["path"], f) for d in data["documents"] for f in d["findings"]]


def test_schema_is_the_official_one_and_rejects_a_broken_log():
    assert SCHEMA["id"].endswith("/sarif-schema-2.1.0.json") and "SARIF" in SCHEMA["title"]
    with pytest.raises(jsonschema.ValidationError):
        validate({"version": "2.1.0", "runs": [{"tool": {"driver": {}}}]})  # driver needs a name


def test_samples_validate_and_every_finding_is_a_result(cli):
    samples = [str(p) for p in DRAFTS]
    code, log = sarif(cli, *samples)
    validate(log)
    expected = findings(cli, *samples)
    assert expected, "the samples should produce findings"
    run = log["runs"][0]
    got = []
    for res in run["results"]:
        loc = res["locations"][0]["physicalLocation"]
        art = loc["artifactLocation"]
        assert art == dict(run["artifacts"][art["index"]]["location"], index=art["index"])
        got.append((file_of(run, art), res["ruleId"], loc["region"]["startLine"], loc["region"]["startColumn"],
                    loc["region"]["snippet"]["text"]))
    want = [(Path(p).resolve(), f["code"], f["location"]["line"], f["location"]["column"], f["quote"])
            for p, f in expected]
    assert got == want
    assert code == 1  # the exit code follows --fail-on as for every format


def test_rules_are_every_registered_rule_with_help_and_legal_basis(cli, draft):
    from zzreview.rules.registry import all_rules

    _, log = sarif(cli, draft(EXPIRED))
    driver = log["runs"][0]["tool"]["driver"]
    rules = {r["id"]: r for r in driver["rules"]}
    assert set(rules) >= {r.code for r in all_rules()}
    assert driver["name"] == "zzreview" and driver["version"]
    z201 = rules["ZZ201"]
    assert z201["help"]["text"].startswith("检查什么") and "修改" in z201["help"]["text"]
    assert z201["properties"]["legal_basis"].startswith("替代法的废止条款")
    assert z201["defaultConfiguration"]["level"] == "error" and z201["properties"]["check"] == "expired-reference"
    # a result points at its rule by index
    for res in log["runs"][0]["results"]:
        assert driver["rules"][res["ruleIndex"]]["id"] == res["ruleId"]


def test_result_carries_region_end_level_and_finding_properties(cli, draft):
    p = draft(EXPIRED)
    _, log = sarif(cli, p)
    res = {r["ruleId"]: r for r in log["runs"][0]["results"]}
    r201 = res["ZZ201"]
    region = r201["locations"][0]["physicalLocation"]["region"]
    text = p.read_text(encoding="utf-8").splitlines()
    line = text[region["startLine"] - 1]
    quote = "《中华人民共和国合同法》"
    assert line[region["startColumn"] - 1:region["endColumn"] - 1] == quote
    assert r201["level"] == "error" and res["ZZ202"]["level"] == "warning"
    assert r201["properties"]["basis"] == "《中华人民共和国民法典》第一千二百六十条"
    assert r201["properties"]["article"] == "第一条"
    assert "已于2021-01-01废止" in r201["message"]["text"] and "建议" in r201["message"]["text"]
    assert r201["partialFingerprints"]["zzreview/v1"] != res["ZZ202"]["partialFingerprints"]["zzreview/v1"]


def test_unreadable_file_is_a_notification_and_still_valid(cli, tmp_path, draft):
    bad = tmp_path / "坏.docx"
    bad.write_bytes(b"not a zip")
    code, log = sarif(cli, bad, draft(EXPIRED))
    validate(log)
    inv = log["runs"][0]["invocations"][0]
    assert code == 2 and inv["executionSuccessful"] is False
    assert "坏.docx" in inv["toolExecutionNotifications"][0]["message"]["text"]
    assert len(log["runs"][0]["artifacts"]) == 2


def test_clean_draft_has_no_results_and_is_valid(cli, draft):
    code, log = sarif(cli, draft("第一条 根据《中华人民共和国民法典》，制定本办法。"))
    validate(log)
    assert code == 0 and log["runs"][0]["results"] == []


def test_declarative_plugin_rules_appear_with_their_results(cli, tmp_path):
    checks = tmp_path / "my-checks"
    checks.mkdir()
    (checks / "r.toml").write_text(
        '[[rule]]\ncode = "ZS901"\nname = "vague-department"\ncheck = "vague-wording"\nkind = "pattern"\n'
        'severity = "warning"\ntitle = "职责主体不明确"\nmessage = "“{match}”没有写明具体部门"\n'
        'basis = "国办发〔2018〕37号"\npattern = "有关部门"\n', encoding="utf-8")
    (tmp_path / "zzreview.toml").write_text('plugin-paths = ["my-checks"]\n', encoding="utf-8")
    p = tmp_path / "a.md"
    p.write_text("# 某办法\n\n第一条 根据《中华人民共和国行政许可法》，制定本办法。\n\n第二条 有关部门负责实施。\n",
                 encoding="utf-8")
    _, log = sarif(cli, p)
    validate(log)
    assert "ZS901" in {r["id"] for r in log["runs"][0]["tool"]["driver"]["rules"]}
    assert [r["ruleId"] for r in log["runs"][0]["results"]] == ["ZS901"]


def test_accepted_findings_are_suppressed_results(cli, tmp_path):
    (tmp_path / ".zzreview").mkdir()
    (tmp_path / ".zzreview" / "decisions.toml").write_text(
        '[[decision]]\ndocument = "办法.md"\ncode = "ZZ201"\nquote = "《中华人民共和国合同法》"\n'
        'reason = "仅作历史说明"\nby = "李四"\ndate = "2026-11-25"\n', encoding="utf-8")
    p = tmp_path / "办法.md"
    p.write_text("# 某办法\n\n第一条 根据《中华人民共和国合同法》制定。\n", encoding="utf-8")
    code, log = sarif(cli, p)
    validate(log)
    [res] = log["runs"][0]["results"]
    assert code == 0 and res["ruleId"] == "ZZ201"
    assert res["suppressions"][0]["kind"] == "external" and "仅作历史说明" in res["suppressions"][0]["justification"]


def test_unknown_code_gets_a_fallback_rule():
    import datetime as dt

    from zzreview.engine import DocumentResult, RunResult
    from zzreview.model import Finding, Location
    from zzreview.render.sarif import sarif_dict

    class KB:
        version, source = "test", "test"

    f = Finding("XX123", "somebody-else", "warning", "消息", "引文", Location(0, 3, 1), "依据", "建议")
    run = RunResult(dt.date(2026, 11, 24), KB(), [DocumentResult(path="a.md", findings=[f])])
    log = sarif_dict(run)
    validate(log)
    ids = [r["id"] for r in log["runs"][0]["tool"]["driver"]["rules"]]
    assert "XX123" in ids and log["runs"][0]["results"][0]["ruleIndex"] == ids.index("XX123")
