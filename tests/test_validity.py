"""Document kind, validity period and effective date (ZZ501–ZZ505)."""

from __future__ import annotations

import pytest

from conftest import AS_OF

BASIS = "第一条 根据《中华人民共和国动物防疫法》，制定本办法。\n\n"
SIGN = "\n\n某市人民政府\n\n2026年12月1日"


def run(cli, path, *extra):
    r = cli("check", path, "--format", "json", "--as-of", AS_OF, "--fail-on", "never", *extra)
    assert r.exit_code == 0, r.stderr
    return r.json()["documents"][0]


def codes(doc):
    return [f["code"] for f in doc["findings"] if f["code"].startswith("ZZ5")]


def test_validity_and_until_are_computed(cli, draft):
    doc = run(cli, draft(BASIS + "第九条 本办法自2027年3月1日起施行，有效期5年。" + SIGN))
    assert codes(doc) == []
    assert doc["facts"]["effective_date"] == "2027-03-01"
    assert doc["facts"]["validity"]["text"] == "有效期5年" and doc["facts"]["validity"]["until"] == "2032-02-29"


def test_validity_until_a_date(cli, draft):
    doc = run(cli, draft(BASIS + "第九条 本办法自2027年1月1日起施行，有效期至2031年12月31日。" + SIGN))
    assert codes(doc) == [] and doc["facts"]["validity"]["until"] == "2031-12-31"


def test_no_validity_period_quotes_the_title(cli, draft):
    doc = run(cli, draft(BASIS + "第九条 本办法自2027年3月1日起施行。" + SIGN))
    (f,) = [f for f in doc["findings"] if f["code"] == "ZZ501"]
    assert f["check"] == "no-validity-period" and f["quote"] == "某市某某管理办法（征求意见稿）"


def test_title_with_its_own_period_needs_no_validity(cli, draft):
    p = draft("根据《中华人民共和国渔业法》，现将2016年禁渔有关事项公告如下：\n\n一、禁渔时间：4月1日至6月30日。" + SIGN,
              title="某县2016年禁渔公告")
    assert codes(run(cli, p)) == []


def test_excerpt_without_an_ending_is_not_judged(cli, draft):
    doc = run(cli, draft(BASIS + "第二条 本办法适用于本市行政区域。"))
    assert codes(doc) == [] and doc["facts"]["validity"] is None


def test_no_effective_date(cli, draft):
    doc = run(cli, draft(BASIS + "第九条 本办法有效期5年。" + SIGN))
    assert codes(doc) == ["ZZ502"]


def test_provisional_document_longer_than_two_years(cli, draft):
    p = draft(BASIS + "第九条 本办法自2027年3月1日起施行，有效期5年。" + SIGN, title="某市某某管理暂行办法")
    (f,) = [f for f in run(cli, p)["findings"] if f["code"] == "ZZ503"]
    assert f["quote"] == "有效期5年" and "2年" in f["message"]
    p2 = draft(BASIS + "第九条 本办法自2027年3月1日起施行，有效期2年。" + SIGN, title="某市某某管理暂行办法", name="b.md")
    assert codes(run(cli, p2)) == []


def test_province_from_configuration(cli, draft, tmp_path):
    (tmp_path / "zzreview.toml").write_text('province = "山东省"\n', encoding="utf-8")
    p = draft(BASIS + "第九条 本办法自2027年3月1日起施行，有效期8年。" + SIGN)
    (f,) = [f for f in run(cli, p)["findings"] if f["code"] == "ZZ503"]
    assert "山东省" in f["message"] and "山东省行政程序规定" in f["basis"]


def test_effective_too_soon_or_before_signature(cli, draft):
    soon = run(cli, draft(BASIS + "第九条 本办法自2026年12月10日起施行，有效期5年。" + SIGN))
    assert codes(soon) == ["ZZ504"] and "不足30日" in soon["findings"][-1]["message"]
    ok = run(cli, draft(BASIS + "第九条 本办法自2027年1月10日起施行，有效期5年。" + SIGN, name="ok.md"))
    assert codes(ok) == []
    before = run(cli, draft(BASIS + "第九条 本办法自2026年11月1日起施行，有效期5年。" + SIGN, name="b.md"))
    assert codes(before) == ["ZZ504"] and "早于落款日期" in before["findings"][-1]["message"]


def test_retroactive_application(cli, draft):
    doc = run(cli, draft(BASIS + "第八条 本办法施行前已发生的违规行为，依照本办法处理。\n\n"
                         "第九条 本办法自2027年3月1日起施行，有效期5年。" + SIGN))
    assert codes(doc) == ["ZZ505"]
    ok = run(cli, draft(BASIS + "第八条 本办法施行前已申请的补贴，按照更有利于申请人的规定，适用本办法。\n\n"
                        "第九条 本办法自2027年3月1日起施行，有效期5年。" + SIGN, name="ok.md"))
    assert codes(ok) == []


def test_document_kind_can_be_forced(cli, draft, tmp_path):
    (tmp_path / "zzreview.toml").write_text('document-kind = "non-normative"\n', encoding="utf-8")
    doc = run(cli, draft(BASIS + "第九条 本办法自2027年3月1日起施行。" + SIGN))
    assert codes(doc) == [] and doc["facts"]["normative"] == {
        "is_normative": False, "kind": "办法", "level": "非规范性文件", "reasons": ["配置 document-kind = non-normative"],
        "forced": True, "signal": "config", "provincial": None}


def test_short_issuing_notice_without_its_instrument_is_not_judged(cli, draft):
    p = draft("《某市某某管理办法》已经市政府同意，现印发给你们，请认真贯彻执行。" + SIGN,
              title="某市人民政府关于印发某市某某管理办法的通知")
    assert codes(run(cli, p)) == []


@pytest.mark.parametrize("blanks, chars, judged", [
    (0, 900, False),      # short
    (600, 900, False),    # long only with its blanks (spaces between the characters)
    (0, 1100, True),      # long enough to hold its instrument: it ends with a date, a validity is asked for
    (300, 1100, True),
])
def test_an_issuing_notice_is_short_by_its_characters_not_its_blanks(cli, draft, blanks, chars, judged):
    body = "现印发给你们，请认真贯彻执行。" + "某某事项" * (chars // 4)
    body = body[:blanks] + "".join(c + " " for c in body[blanks:2 * blanks]) + body[2 * blanks:] if blanks else body
    p = draft(body + SIGN, title="某市人民政府关于印发某市某某管理办法的通知")
    assert ("ZZ501" in codes(run(cli, p))) is judged


def test_effective_some_days_after_publication(cli, draft):
    doc = run(cli, draft(BASIS + "第九条 本办法自印发之日起30日后施行，有效期5年。" + SIGN))
    assert codes(doc) == [] and doc["facts"]["validity"]["years"] == 5


def test_text_output_says_when_a_document_is_judged_non_normative(cli, draft):
    p = draft("定于12月29日召开会议。\n\n某市政协办公室\n\n2026年12月1日", title="关于召开某市政协常委会会议的通知")
    r = cli("check", p, "--as-of", AS_OF)
    assert r.exit_code == 0 and "文件层级：非规范性文件（标题显示为会议、培训或活动" in r.stdout
    assert 'document-kind = "normative"' in r.stdout


def test_every_match_of_a_date_pattern_holds_the_words_it_is_run_for():
    # analysis.dates runs the effective clause only where 日 occurs, a span only where 年, 月 and 日 do,
    # a validity period only where 年 or 月 does
    from test_triggers import TEXTS

    from zzreview.analysis import dates

    needs = [(dates.EFFECTIVE, (dates._EFFECTIVE_DAY,))] + [(p, words) for _, p, words in dates._PERIODS]
    for pattern, words in needs:
        matched = [m.group(0) for text in TEXTS for m in pattern.pattern.finditer(text)]
        assert matched and all(w in m for m in matched for w in words), (pattern.pattern.pattern, words)
    matched = [m.group(0) for text in TEXTS for m in dates.VALIDITY.pattern.finditer(text)]
    assert matched and all(any(w in m for w in dates._VALIDITY_TIME) for m in matched)


def test_one_scan_for_a_term_or_a_one_off_measure_says_what_the_two_scans_say():
    from test_triggers import TEXTS

    from zzreview.analysis import dates

    for text in TEXTS:
        assert dates._TERM_OR_ONE_OFF.occurs(text) == (dates._TERM.occurs(text) or dates._ONE_OFF.occurs(text))
    assert any(dates._TERM.occurs(t) for t in TEXTS) and any(dates._ONE_OFF.occurs(t) for t in TEXTS)
