"""expired-reference (ZZ201–ZZ204): each rule on both sides of its line, through the CLI."""

from __future__ import annotations

from conftest import AS_OF


def findings(cli, path, *extra):
    r = cli("check", path, "--format", "json", "--as-of", AS_OF, "--fail-on", "never", "--select", "ZZ2", *extra)
    assert r.exit_code == 0, r.stderr
    return r.json()["documents"][0]["findings"]


def codes(fs):
    return [f["code"] for f in fs]


def test_repealed_law_is_an_error_naming_date_successor_and_basis(cli, draft):
    p = draft("第一条 为了规范合同管理，根据《中华人民共和国合同法》第五十二条，制定本办法。")
    fs = findings(cli, p)
    assert codes(fs) == ["ZZ201"]
    f = fs[0]
    assert f["check"] == "expired-reference" and f["severity"] == "error"
    assert f["quote"] == "《中华人民共和国合同法》"
    assert "2021-01-01" in f["message"] and "中华人民共和国民法典" in f["message"]
    assert f["basis"] == "《中华人民共和国民法典》第一千二百六十条"
    assert "民法典" in f["suggestion"]
    assert f["location"]["article"] == "第一条"
    assert f["location"]["line"] == 3 and f["location"]["column"] == 1 + p.read_text(encoding="utf-8").splitlines()[2].index("《")


def test_same_law_before_its_repeal_is_fine(cli, draft):
    p = draft("第一条 根据《中华人民共和国合同法》，制定本办法。")
    assert findings(cli, p, "--as-of", "2020-06-01") == []


def test_common_short_name_resolves(cli, draft):
    p = draft("第一条 根据《物权法》《行政处罚法》，制定本办法。")
    fs = findings(cli, p)
    assert codes(fs) == ["ZZ201"] and fs[0]["quote"] == "《物权法》"
    assert "中华人民共和国物权法" in fs[0]["message"]


def test_citing_an_old_act_only_to_repeal_it_is_not_a_finding(cli, draft):
    p = draft("第十条 本办法自2027年1月1日起施行。《中华人民共和国合同法》同时废止。")
    assert findings(cli, p) == []


def test_each_repealed_law_is_reported_once(cli, draft):
    p = draft("第一条 根据《中华人民共和国担保法》制定。\n\n第二条 依照《中华人民共和国担保法》第六条办理。")
    fs = findings(cli, p)
    assert codes(fs) == ["ZZ201"]
    assert "2处" in fs[0]["message"]


def test_article_beyond_last_article_is_a_warning(cli, draft):
    p = draft("第五条 依照《中华人民共和国行政处罚法》第九十条处理。")
    fs = findings(cli, p)
    assert codes(fs) == ["ZZ202"] and fs[0]["severity"] == "warning"
    assert "第九十条" in fs[0]["message"] and "86" in fs[0]["message"]


def test_existing_article_is_fine(cli, draft):
    p = draft("第五条 依照《中华人民共和国行政处罚法》第八十六条处理。")
    assert findings(cli, p) == []


def test_plan_whose_period_has_ended(cli, draft):
    p = draft("一、按照《法治政府建设实施纲要（2015—2020年）》要求推进。")
    fs = findings(cli, p)
    assert codes(fs) == ["ZZ203"] and fs[0]["severity"] == "warning"
    assert "2020" in fs[0]["message"]


def test_plan_still_running_is_fine(cli, draft):
    p = draft("一、按照《某市数字政府建设规划（2024—2028年）》要求推进。")
    assert findings(cli, p) == []


def test_outdated_version_note_is_a_warning(cli, draft):
    p = draft("一、依照《中华人民共和国食品安全法（2015年修订）》第三十五条执行。")
    fs = findings(cli, p)
    assert "ZZ204" in codes(fs)
    assert all(f["severity"] == "warning" for f in fs)


def test_unknown_title_is_status_unknown_not_an_error(cli, draft):
    p = draft("一、依照《某县农村集体资产管理暂行办法》执行。")
    r = cli("check", p, "--format", "json", "--as-of", AS_OF, "--select", "ZZ2")
    doc = r.json()["documents"][0]
    assert doc["findings"] == []
    assert doc["facts"]["citations"][0]["status"] == "未知"


def test_reused_title_decided_by_document_year(cli, draft):
    old = draft("第一条 根据《中华人民共和国国家安全法》，制定本办法。\n\n某市人民政府\n\n2010年5月1日", name="old.md")
    new = draft("第一条 根据《中华人民共和国国家安全法》，制定本办法。\n\n某市人民政府\n\n2016年5月1日", name="new.md")
    undated = draft("第一条 根据《中华人民共和国国家安全法》，制定本办法。", name="undated.md")
    assert codes(findings(cli, old)) == ["ZZ201"]
    assert findings(cli, new) == []
    assert findings(cli, undated) == []


def test_article_count_is_not_judged_for_a_document_older_than_the_current_version(cli, draft):
    old = draft("某政发〔2015〕3号\n\n第一条 依照《中华人民共和国行政处罚法》第八十八条处理。", name="old.md")
    assert "ZZ202" not in codes(findings(cli, old))
    new = draft("某政发〔2026〕3号\n\n第一条 依照《中华人民共和国行政处罚法》第八十八条处理。", name="new.md")
    assert "ZZ202" in codes(findings(cli, new))


def test_near_miss_title_is_reported_as_a_guess_with_medium_confidence(cli, draft):
    p = draft("第一条 根据《中华人民共和国爆炸物品管理条例》，制定本办法。")
    (f,) = findings(cli, p)
    assert f["code"] == "ZZ201" and f["confidence"] == "medium"
    assert f["message"].startswith("引用的《中华人民共和国爆炸物品管理条例》与知识库标题不完全一致，"
                                   "疑为《中华人民共和国民用爆炸物品管理条例》已于2006-09-01废止")


def _issued(draft, body, date="2012年6月8日", title="某县人民政府关于加强集贸市场秩序管理的通知", name="issued.md"):
    return draft(f"{body}\n\n某县人民政府\n\n{date}", name=name, title=title)


def test_replaced_national_plan_names_its_successor(cli, draft):
    p = draft("三、各乡镇依照《国家突发公共事件总体应急预案》编制本地预案。")
    (f,) = findings(cli, p, "--as-of", "2026-11-30")
    assert f["code"] == "ZZ201" and "《国家突发事件总体应急预案》" in f["message"]
    assert "国家突发事件总体应急预案" in f["suggestion"] and f["severity"] == "error"


def test_repeal_known_only_from_a_report_is_a_warning_to_verify(cli, draft):
    p = draft("一、建设项目依照《中华人民共和国环境影响评价法》开展评价。")
    (f,) = findings(cli, p, "--as-of", "2026-11-30")
    assert f["code"] == "ZZ206" and f["severity"] == "warning" and f["check"] == "unconfirmed-repeal"
    assert "生态环境法典" in f["message"] and "核实" in f["message"] and f["confidence"] == "medium"
    assert findings(cli, p, "--as-of", "2026-08-14") == []


def test_plan_that_ran_out_names_its_successor_when_known(cli, draft):
    p = draft("二、对照《中华人民共和国国民经济和社会发展第十四个五年规划和2035年远景目标纲要》部署。")
    (f,) = findings(cli, p, "--as-of", "2026-11-30")
    assert f["code"] == "ZZ203" and "第十五个五年规划纲要" in f["message"]
    assert findings(cli, p, "--as-of", "2025-06-01") == []


def test_law_revised_after_an_issued_document_is_an_info_finding(cli, draft):
    p = _issued(draft, "一、对摊贩违反规定的，依照《中华人民共和国行政处罚法》第三十一条处理。")
    (f,) = findings(cli, p, "--as-of", "2026-11-30")
    assert f["code"] == "ZZ205" and f["severity"] == "info" and f["check"] == "revised-since-issue"
    assert "2017年修正" in f["message"] and "2021年修订" in f["message"] and "2009" not in f["message"]
    assert "第三十一条" in f["suggestion"] and f["quote"] == "《中华人民共和国行政处罚法》"


def test_no_revision_reminder_for_drafts_undated_texts_or_laws_unchanged_since(cli, draft):
    body = "一、对摊贩违反规定的，依照《中华人民共和国行政处罚法》第三十一条处理。"
    draft_title = _issued(draft, body, title="某县集贸市场管理办法（征求意见稿）", name="draft.md")
    undated = draft(body, name="undated.md", title="某县人民政府关于加强集贸市场秩序管理的通知")
    recent = _issued(draft, body, date="2022年3月1日", name="recent.md")
    for p in (draft_title, undated, recent):
        assert "ZZ205" not in codes(findings(cli, p, "--as-of", "2026-11-30")), p.name


def test_low_confidence_fact_alone_makes_no_finding(cli, draft):
    p = draft("一、快递企业依照《快递暂行条例》第二十条执行。")
    assert findings(cli, p, "--as-of", "2026-11-30") == []


def test_five_year_plan_named_by_number_runs_out_with_its_period(cli, draft):
    p = draft("一、落实《某市“十三五”林业发展规划》和《某市“十五五”林业发展规划》的要求。")
    (f,) = findings(cli, p, "--as-of", "2026-11-30")
    assert f["code"] == "ZZ203" and "十三五" in f["quote"] and "2020年底" in f["message"]
    assert findings(cli, draft("一、落实《某县“八五”普法规划》。", name="pufa.md"), "--as-of", "2026-11-30") == []
