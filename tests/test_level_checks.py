"""Checks judge by level (checks/authority/measures.toml), real texts' dates, chrome and statutory duties."""

from __future__ import annotations

import pytest

from conftest import AS_OF


def run(cli, path) -> dict:
    r = cli("check", path, "--format", "json", "--as-of", AS_OF, "--fail-on", "never")
    assert r.exit_code == 0, r.stderr
    return r.json()["documents"][0]


def codes(doc) -> list[str]:
    return [f["code"] for f in doc["findings"]]


BASIS = "第一条 为了规范停车秩序，结合本市实际，制定本办法。\n\n"  # no upper law to authorise a measure
END = "\n\n第九条 本办法自2027年3月1日起施行。"
CITY_RULE = "某某市人民政府令\n\n第21号\n\n市长 某某\n\n2027年1月10日\n\n"
PROVINCE_RULE = "某某省人民政府令\n\n第21号\n\n省长 某某\n\n2027年1月10日\n\n"


# ------------------------------------------------------------------ measures by level
def test_a_rule_may_set_a_fine_but_not_revoke_a_licence(cli, draft):
    fine = run(cli, draft(CITY_RULE + BASIS + "第五条 违反本办法规定占用泊位的，处200元罚款。" + END, title="某某市停车管理办法"))
    assert fine["facts"]["normative"]["level"] == "地方政府规章" and "ZZ311" not in codes(fine)
    revoke = run(cli, draft(CITY_RULE + BASIS + "第五条 违反本办法规定的，吊销其停车场经营许可证。" + END,
                            title="某某市停车管理办法"))
    assert "ZZ311" in codes(revoke)


def test_only_a_provincial_rule_may_create_a_licence(cli, draft):
    text = BASIS + "第五条 经营者设立停车场，须经市交通运输局批准。" + END
    assert "ZZ312" in codes(run(cli, draft(CITY_RULE + text, title="某某市停车管理办法")))
    assert "ZZ312" not in codes(run(cli, draft(PROVINCE_RULE + text, title="某某省停车管理办法")))


def test_a_local_regulation_may_seal_but_not_freeze_deposits(cli, draft):
    head = "2027年1月5日 某某省第十四届人民代表大会常务委员会第二十次会议通过\n\n"
    seal = run(cli, draft(head + BASIS + "第五条 对违法经营的停车场，可以查封其收费设施。" + END, title="某某省停车管理办法"))
    assert seal["facts"]["normative"]["level"] == "地方性法规" and "ZZ313" not in codes(seal)
    freeze = run(cli, draft(head + BASIS + "第五条 对拒不缴纳的经营者，冻结其存款。" + END, title="某某省停车管理办法"))
    assert "ZZ313" in codes(freeze)


def test_a_normative_document_still_may_not_set_a_fine(cli, draft):
    doc = run(cli, draft(BASIS + "第五条 违反本办法规定占用泊位的，处200元罚款。" + END, title="某某市停车管理办法"))
    assert doc["facts"]["normative"]["level"] == "行政规范性文件" and "ZZ311" in codes(doc)


def test_a_regulation_needs_no_validity_period_and_may_be_called_regulation(cli, draft):
    body = "2027年1月5日 中华人民共和国国务院令第950号公布\n\n第一条 为了规范停车秩序，制定本条例。\n\n第九条 本条例自2027年3月1日起施行。"
    doc = run(cli, draft(body, title="停车场管理条例"))
    assert doc["facts"]["normative"]["level"] == "行政法规"
    assert not {"ZZ501", "ZZ801", "ZZ301"} & set(codes(doc))


def test_validity_is_required_of_normative_documents_only(cli, draft):
    assert "ZZ501" in codes(run(cli, draft(BASIS + "第二条 车辆应当有序停放。" + END, title="某某市停车管理办法")))
    rule = run(cli, draft(CITY_RULE + BASIS + "第二条 车辆应当有序停放。" + END, title="某某市停车管理办法"))
    assert "ZZ501" not in codes(rule)


def test_non_normative_documents_keep_only_citation_findings(cli, draft):
    body = ("各有关单位：\n\n为学习《中华人民共和国行政许可法》和《城市房屋拆迁管理条例》，定于3月5日召开培训会议。"
            "\n\n某市司法局\n\n2027年2月1日")
    doc = run(cli, draft(body, title="某市司法局关于召开行政执法培训会议的通知"))
    assert doc["facts"]["normative"]["level"] == "非规范性文件"
    assert codes(doc) and all(c.startswith("ZZ2") for c in codes(doc))  # the repealed 拆迁条例 is still reported


def test_fair_competition_review_covers_rules_but_not_office_documents(cli, draft):
    clause = "第五条 新建停车场的智能收费设备一律向本市某某科技有限公司购买。"
    rule = run(cli, draft(CITY_RULE + BASIS + clause + END, title="某某市停车管理办法"))
    assert rule["facts"]["normative"]["level"] == "地方政府规章" and "ZZ601" in codes(rule)
    notice = run(cli, draft("各有关单位：\n\n定于3月5日召开停车管理工作会议。会议用设备一律向本市某某科技有限公司购买。"
                            "\n\n某市交通运输局\n\n2027年2月1日", title="某市交通运输局关于召开停车管理工作会议的通知"))
    assert notice["facts"]["normative"]["level"] == "非规范性文件" and "ZZ601" not in codes(notice)


# ------------------------------------------------------------------ statutory duties
def test_statutory_contributions_are_not_fees_the_document_sets(cli, draft):
    doc = run(cli, draft(BASIS + "第五条 用人单位应当为职工按时缴纳社会保险费。" + END, title="某某市灵活就业管理办法"))
    fee = [m for m in doc["facts"]["measures"] if m["kind"] == "fee"]
    assert fee and "社会保险法" in fee[0]["statutory"] and "ZZ314" not in codes(doc)
    own = run(cli, draft(BASIS + "第五条 经营者应当缴纳停车场管理费。" + END, title="某某市停车管理办法"))
    assert "ZZ314" in codes(own) and "statutory" not in own["facts"]["measures"][0]


# ------------------------------------------------------------------ effective dates and periods
@pytest.mark.parametrize("clause", [
    "本通知自发文即日起实行。",
    "本办法自印发之日起执行。",
    "本办法自公布之日起30日后施行。",
    "本通知从2027年3月1日起实行。",
])
def test_effective_date_wordings(cli, draft, clause):
    doc = run(cli, draft(BASIS + "第二条 车辆应当有序停放。\n\n第三条 " + clause + "有效期3年。", title="某某市停车管理办法"))
    assert "ZZ502" not in codes(doc)


@pytest.mark.parametrize("text", [
    "决定从2027年1月1日起，将城乡居民基础养老金由每月150元调整为每月180元。",
    "2027年1月20日至2027年2月5日期间，城区禁止燃放烟花爆竹。",
    "二、执行期限：2027年1月1日至2027年12月31日。",
    "本办法试行期为2年。",
])
def test_one_off_and_period_bound_measures_carry_their_own_period(cli, draft, text):
    doc = run(cli, draft("一、任何单位和个人应当遵守本规定。\n\n" + text + "\n\n某市人民政府\n\n2026年12月1日",
                         title="某市人民政府关于调整有关事项的通知"))
    assert doc["facts"]["normative"]["is_normative"] and "ZZ501" not in codes(doc)


def test_an_effective_date_is_not_taken_for_the_signature_date(cli, draft):
    doc = run(cli, draft(BASIS + "第二条 车辆应当有序停放。\n\n第三条 有效期3年。\n\n自2027年3月1日起施行。",
                         title="某某市停车管理办法（征求意见稿）"))
    assert doc["date"] is None
    assert not any("落款日期" in f["message"] for f in doc["findings"])


# ------------------------------------------------------------------ web-page chrome
def test_title_is_found_below_web_page_chrome(cli, tmp_path):
    p = tmp_path / "page.md"
    p.write_text("首页 > 政务公开 > 通知公告\n\n发布时间：2027-01-02 来源：某市交通运输局 浏览次数：35\n\n"
                 "某市交通运输局关于规范城区停车秩序的通告\n\n一、任何单位和个人不得占用消防通道停车。\n\n"
                 "某市交通运输局\n\n2027年1月2日\n", encoding="utf-8")
    doc = run(cli, p)
    assert doc["title"] == "某市交通运输局关于规范城区停车秩序的通告" and doc["date"] == "2027-01-02"


def test_a_bracketed_tag_is_not_part_of_the_title(cli, tmp_path):
    p = tmp_path / "tag.md"
    p.write_text("# 【通知公告】某市交通运输局关于规范城区停车秩序的通告\n\n一、任何单位和个人不得占用消防通道停车。\n",
                 encoding="utf-8")
    assert run(cli, p)["title"] == "某市交通运输局关于规范城区停车秩序的通告"


def test_a_date_range_that_only_describes_facts_is_not_the_documents_period(cli, draft):
    text = "二、2025年1月1日至2025年12月31日已参加保险的人员，可以申请补助。"
    doc = run(cli, draft("一、任何单位和个人应当遵守本规定。\n\n" + text + "\n\n某市人民政府\n\n2026年12月1日",
                         title="某市人民政府关于调整有关事项的通知"))
    assert "ZZ501" in codes(doc)


def test_an_excerpt_of_a_law_gets_no_numbering_findings(cli, draft):
    body = ("（2031年5月6日第十五届全国人民代表大会常务委员会第九次会议通过）\n\n第一条 为了保护湿地，制定本法。\n\n"
            "第二条 本法适用于湿地保护。\n\n第四十条 本法自2032年1月1日起施行。")
    doc = run(cli, draft(body, title="中华人民共和国某某保护法"))
    assert doc["facts"]["normative"]["level"] == "法律" and codes(doc) == []


def test_to_implement_a_named_regulation_is_a_basis_clause(cli, draft):
    body = "某某部令\n\n第3号\n\n第一条 为了实施《某某资源保护条例》（以下简称条例），制定本实施办法。\n\n第二条 单位应当登记。"
    doc = run(cli, draft(body, title="某某资源保护条例实施办法"))
    assert doc["facts"]["basis"] and "ZZ301" not in codes(doc)


def test_a_title_line_wrapped_in_book_brackets(cli, tmp_path):
    p = tmp_path / "wrapped.txt"
    p.write_text("《某市交通运输局关于规范城区停车秩序的通告》\n\n一、任何单位和个人不得占用消防通道停车。\n", encoding="utf-8")
    assert run(cli, p)["title"] == "某市交通运输局关于规范城区停车秩序的通告"


# ------------------------------------------------------------------ what a city may legislate on
def test_a_city_rule_outside_the_four_fields_gets_a_scope_question(cli, draft):
    body = CITY_RULE + BASIS + "第二条 企业应当按季度报送信用信息。" + END
    credit = run(cli, draft(body, title="某某市企业信用信息管理办法"))
    assert credit["facts"]["normative"]["level"] == "地方政府规章"
    scope = [f for f in credit["findings"] if f["code"] == "ZZ321"]
    assert len(scope) == 1 and scope[0]["severity"] == "info" and "第八十一条" in scope[0]["basis"]
    parking = run(cli, draft(CITY_RULE + BASIS + "第二条 车辆应当有序停放。" + END, title="某某市停车管理办法"))
    assert "ZZ321" not in codes(parking)


def test_no_scope_question_for_a_province_an_old_rule_or_a_normative_document(cli, draft):
    body = BASIS + "第二条 企业应当按季度报送信用信息。" + END
    assert "ZZ321" not in codes(run(cli, draft(PROVINCE_RULE + body, title="某某省企业信用信息管理办法")))
    old = CITY_RULE.replace("某某市", "厦门市").replace("2027年1月10日", "2012年1月10日")  # a 较大的市 before 2015
    old_rule = run(cli, draft(old + body, title="厦门市企业信用信息管理办法"))
    assert old_rule["facts"]["normative"]["level"] == "地方政府规章" and "ZZ321" not in codes(old_rule)
    new = CITY_RULE.replace("某某市", "厦门市")
    assert "ZZ321" in codes(run(cli, draft(new + body, title="厦门市企业信用信息管理办法")))
    assert "ZZ321" not in codes(run(cli, draft(body, title="某某市企业信用信息管理办法")))
