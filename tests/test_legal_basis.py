"""missing-legal-basis (ZZ301–ZZ315) and facts.basis / facts.measures, on both sides of each line."""

from __future__ import annotations

from conftest import AS_OF

END = "\n\n第九条 本办法自2027年3月1日起施行，有效期5年。\n\n某市人民政府\n\n2026年12月1日"


def run(cli, path, *extra):
    r = cli("check", path, "--format", "json", "--as-of", AS_OF, "--fail-on", "never", *extra)
    assert r.exit_code == 0, r.stderr
    return r.json()["documents"][0]


def codes(doc, prefix="ZZ3"):
    return [f["code"] for f in doc["findings"] if f["code"].startswith(prefix)]


def test_basis_clause_is_recorded_with_its_instruments(cli, draft):
    doc = run(cli, draft("第一条 为了规范养犬行为，根据《中华人民共和国动物防疫法》等法律法规，结合本市实际，制定本办法。" + END))
    (b,) = [b for b in doc["facts"]["basis"] if b["scope"] == "document"]
    assert b["text"].startswith("第一条 为了规范养犬行为，根据《中华人民共和国动物防疫法》")
    assert b["instruments"][0]["title"] == "中华人民共和国动物防疫法" and b["instruments"][0]["level"] == "法律"
    assert b["location"]["article"] == "第一条" and not b["vague"]
    assert codes(doc) == []


def test_notice_preamble_is_a_basis(cli, draft):
    p = draft("为贯彻落实《中华人民共和国大气污染防治法》，现就有关事项通知如下：\n\n一、禁止露天焚烧秸秆。" + END,
              title="某市人民政府关于禁止露天焚烧秸秆的通知")
    doc = run(cli, p)
    assert [b["scope"] for b in doc["facts"]["basis"]] == ["document"] and codes(doc) == []


def test_no_basis_clause_is_an_error_quoting_the_title(cli, draft):
    doc = run(cli, draft("第一条 为了加强管理，结合本市实际，制定本办法。" + END))
    (f,) = [f for f in doc["findings"] if f["code"] == "ZZ301"]
    assert f["severity"] == "error" and f["check"] == "missing-legal-basis"
    assert f["quote"] == "某市某某管理办法（征求意见稿）" and f["location"]["block"] == 0


def test_narrative_mention_is_not_a_basis(cli, draft):
    p = draft("近年来，各地区认真贯彻落实《国务院关于加强管理的意见》，取得积极成效。\n\n一、各部门要加强协调。" + END,
              title="某市人民政府关于加强管理的意见")
    assert codes(run(cli, p)) == ["ZZ301"]


def test_vague_basis_is_a_warning(cli, draft):
    doc = run(cli, draft("第一条 为了加强管理，根据有关法律、法规的规定，结合本县实际，制定本办法。" + END))
    (f,) = [f for f in doc["findings"] if f["code"] == "ZZ302"]
    assert f["severity"] == "warning" and "有关法律、法规" in f["quote"]


def test_policy_only_basis_is_a_warning(cli, draft):
    doc = run(cli, draft("第一条 为贯彻落实《某省人民政府关于支持物流发展的意见》，特制定本办法。" + END))
    assert codes(doc) == ["ZZ303"]


def test_fine_set_by_the_document_is_an_error_naming_article_16(cli, draft):
    doc = run(cli, draft("第一条 为了加强管理，根据有关法律、法规的规定，制定本办法。\n\n"
                         "第六条 违反本办法规定的，由市城市管理局责令改正，处500元以上2000元以下罚款。" + END))
    (f,) = [f for f in doc["findings"] if f["code"] == "ZZ311"]
    assert f["severity"] == "error" and f["quote"] == "处500元以上2000元以下罚款"
    assert f["basis"] == "《中华人民共和国行政处罚法》第十六条" and f["suggestion"]
    assert f["location"]["article"] == "第六条"


def test_fine_referred_to_upper_law_is_fine(cli, draft):
    doc = run(cli, draft("第一条 为了加强管理，根据有关法律、法规的规定，制定本办法。\n\n"
                         "第六条 违反本办法规定的，依照《中华人民共和国动物防疫法》第九十二条的规定处500元以上罚款。\n\n"
                         "第七条 违反规定的，由公安机关依法处以罚款。" + END))
    assert "ZZ311" not in codes(doc)
    assert all(m["authorised"] for m in doc["facts"]["measures"] if m["kind"] == "penalty")


def test_fine_covered_by_a_law_in_the_basis_clause_is_fine(cli, draft):
    doc = run(cli, draft("第一条 根据《中华人民共和国动物防疫法》，制定本办法。\n\n"
                         "第六条 违反本办法规定的，处500元以上2000元以下罚款。" + END))
    assert codes(doc) == []


def test_agency_duties_and_descriptions_are_not_measures(cli, draft):
    doc = run(cli, draft("第一条 为了加强管理，根据有关法律、法规的规定，制定本办法。\n\n"
                         "第三条 各级人民政府要加强执法，严厉查处违法行为，依法没收违法所得。\n\n"
                         "第四条 市城市管理局负责审批户外广告设置。" + END))
    assert [m["kind"] for m in doc["facts"]["measures"]] == []


def test_licence_fee_and_blacklist_without_basis(cli, draft):
    doc = run(cli, draft("第一条 为了加强管理，根据有关法律、法规的规定，制定本办法。\n\n"
                         "第四条 设置大型户外广告设施的，须经市城市管理局批准。\n\n"
                         "第五条 申请人应当缴纳3000元保证金。\n\n"
                         "第七条 情节严重的单位和个人，列入行业黑名单。" + END))
    assert codes(doc) == ["ZZ302", "ZZ312", "ZZ314", "ZZ315"]
    assert {f["severity"] for f in doc["findings"] if f["code"] in ("ZZ312", "ZZ314")} == {"error"}
    assert [f["severity"] for f in doc["findings"] if f["code"] == "ZZ315"] == ["warning"]


def test_government_rule_may_set_fines(cli, draft, tmp_path):
    (tmp_path / "zzreview.toml").write_text('level = "government-rule"\n', encoding="utf-8")
    doc = run(cli, draft("第一条 为了加强管理，根据有关法律、法规的规定，制定本办法。\n\n"
                         "第六条 违反本办法规定的，处500元以上2000元以下罚款。" + END))
    assert "ZZ311" not in codes(doc)


def test_non_normative_document_gets_no_document_level_findings(cli, draft):
    p = draft("定于12月29日召开常务委员会会议。请准时参加。\n\n某市政协办公室\n\n2026年12月1日",
              title="关于召开某市政协常务委员会第十一次会议的通知")
    doc = run(cli, p)
    assert doc["findings"] == [] and doc["facts"]["normative"]["is_normative"] is False
    assert "会议" in doc["facts"]["normative"]["reasons"][0]


def test_explain_shows_the_authority_table(cli):
    r = cli("explain", "ZZ311")
    assert r.exit_code == 0 and "行政规范性文件" in r.stdout and "不得设定行政处罚（第十六条）" in r.stdout


def test_setting_up_a_working_group_or_a_situation_report_is_not_normative(cli, draft):
    for i, title in enumerate(("某市人民政府关于成立创建文明城市工作领导小组的通知",
                               "某市人民政府办公室关于2025年安全生产检查情况的通报")):
        doc = run(cli, draft("一、各单位要加强协调。\n\n某市人民政府\n\n2026年12月1日", title=title, name=f"{i}.md"))
        assert doc["findings"] == [] and doc["facts"]["normative"]["is_normative"] is False


def test_government_rule_may_not_revoke_licences(cli, draft, tmp_path):
    (tmp_path / "zzreview.toml").write_text('level = "government-rule"\n', encoding="utf-8")
    doc = run(cli, draft("第一条 为了加强管理，根据有关法律、法规的规定，制定本办法。\n\n"
                         "第六条 违反本办法规定的，由市场监督管理部门吊销其营业执照。" + END))
    assert "ZZ311" in codes(doc)
