"""Fair-competition red flags (ZZ601–ZZ605): both sides of every pattern, through the CLI."""

from __future__ import annotations

import pytest
from conftest import AS_OF

from zzreview.rules.fair_competition import patterns

BASIS = "第一条 根据《中华人民共和国反垄断法》等法律法规，制定本办法。\n\n"
SIGN = "\n\n第九条 本办法自2027年3月1日起施行，有效期5年。\n\n某市人民政府\n\n2026年12月1日"


def run(cli, path):
    r = cli("check", path, "--format", "json", "--as-of", AS_OF, "--fail-on", "never", "--select", "ZZ6")
    assert r.exit_code == 0, r.stderr
    return r.json()["documents"][0]


def findings(cli, draft, sentence, **kw):
    return run(cli, draft(BASIS + "第二条 " + sentence + SIGN, **kw))["findings"]


# (code, pattern id, sentence, quote) — each pattern in patterns.toml fires on these
FLAGGED = [
    ("ZZ601", "designated-then-buy", "辖区内餐饮单位须到指定的供应商处购买餐厨垃圾收集容器。", "到指定的供应商处购买"),
    ("ZZ601", "designated-then-buy", "小区充电桩安装由指定的企业提供。", "由指定的企业提供"),
    ("ZZ601", "buy-from-designated", "新建住宅应当使用市住建局指定品牌的智能水表。", "使用市住建局指定品牌"),
    ("ZZ601", "buy-from-named-firm", "所需燃气表一律向市燃气有限公司购买。", "一律向市燃气有限公司购买"),
    ("ZZ601", "named-firm-exclusive", "学生饮用奶由市乳业有限公司独家供应。", "由市乳业有限公司独家供应"),
    ("ZZ601", "named-firm-exclusive", "全市中小学校服统一由市服装有限公司提供。", "统一由市服装有限公司提供"),
    ("ZZ602", "local-first", "同等条件下，本地企业优先。", "本地企业优先"),
    ("ZZ602", "local-first", "同等条件下本县注册登记并纳税的企业优先。", "本县注册登记并纳税的企业优先"),
    ("ZZ602", "local-first", "政府投资项目优先采购本地生产的产品。", "优先采购本地生产的产品"),
    ("ZZ602", "local-establishment-required", "外地企业在本市设立分支机构方可参与投标。", "在本市设立分支机构方可参与"),
    ("ZZ602", "local-establishment-required", "进入本市市场的外地企业应当在本市设立分公司。", "应当在本市设立分公司"),
    ("ZZ602", "outside-treated-differently", "外地生产的建材进入本市须另行检测。", "外地生产的建材进入本市须另行检测"),
    ("ZZ602", "outside-treated-differently", "对外地企业设置更高的资质要求。", "对外地企业设置更高的资质要求"),
    ("ZZ602", "exit-blocked", "企业迁出本市须经市政府批准。", "企业迁出本市须经市政府批准"),
    ("ZZ602", "exit-blocked", "享受扶持政策的企业十年内不得迁出本市。", "企业十年内不得迁出"),
    ("ZZ603", "named-firm-benefit", "对市华鑫化工有限公司给予500万元奖励。", "对市华鑫化工有限公司给予500万元奖励"),
    ("ZZ603", "tax-rebate", "对新引进企业，按其缴纳税收地方留成部分的50%给予奖励。", "按其缴纳税收地方留成部分的50%给予奖励"),
    ("ZZ603", "tax-rebate", "对入驻企业实行税收先征后返。", "税收先征后返"),
    ("ZZ603", "fee-break", "对新引进的重点项目免收城市基础设施配套费。", "免收城市基础设施配套费"),
    ("ZZ603", "case-by-case", "对重大招商项目实行一企一策奖励。", "一企一策奖励"),
    ("ZZ604", "list-as-entry-condition", "纳入本市物业服务企业推荐名录的企业方可承接本市住宅小区物业服务。",
     "纳入本市物业服务企业推荐名录的企业方可"),
    ("ZZ604", "list-as-entry-condition", "未列入供应商库的企业不得参与本市工程建设。", "未列入供应商库的企业不得参与"),
    ("ZZ604", "threshold-condition", "注册资本不低于5000万元的企业方可参与投标。", "注册资本不低于5000万元的企业方可"),
    ("ZZ604", "exclusive-right", "授予市公交集团城市公交独家经营权。", "授予市公交集团城市公交独家经营权"),
    ("ZZ605", "association-sets-price", "本市出租车行业协会统一制定收费标准。", "协会统一制定收费标准"),
    ("ZZ605", "unified-price", "全市桶装水实行统一定价。", "统一定价"),
    ("ZZ605", "unified-price", "桶装水销售价格一律按每桶12元执行。", "销售价格一律按每桶12元执行"),
    ("ZZ605", "price-floor", "本市商品房销售价格不得低于备案价格的85%成交。", "不得低于备案价格"),
]

# (pattern id or None, sentence) — lawful sentences with the same words. With an id, the bare
# pattern matches and an `unless` (or the context rule) is what keeps the sentence quiet.
LAWFUL = [
    ("designated-then-buy", "学生家长可以自主选择门店购买校服，不必到指定的门店购买。"),
    ("buy-from-designated", "行政机关不得限定或者变相限定单位和个人购买、使用其指定的经营者提供的商品。"),
    ("buy-from-designated", "法律、行政法规规定必须使用指定产品的，从其规定。"),
    (None, "禁止指定供应商，采购单位应当依法公开招标确定供应商。"),
    (None, "经由政府指定的部门负责组织实施；参保人员在定点零售药店购买药品的，按规定结算。"),
    ("buy-from-named-firm", "用户可自主选择，不得强制一律向市燃气有限公司购买燃气表。"),
    ("named-firm-exclusive", "经公开招标确定后，由中标的市乳业有限公司独家供应。"),
    ("local-first", "对本地和外地企业一视同仁，不得规定本地企业优先。"),
    (None, "鼓励本地企业优先使用新能源车辆。"),
    ("local-establishment-required", "不得强制外地经营者在本地设立分支机构。"),
    (None, "在本市注册登记的企业方可申请本专项资金。"),
    ("outside-treated-differently", "不得对外地企业设置歧视性资质要求。"),
    ("outside-treated-differently", "外地企业投标的，不得要求另行备案。"),
    (None, "外地企业与本地企业享受同等待遇，任何单位不得限制外地商品进入本地市场。"),
    (None, "外来车辆不得进入校园。"),
    ("exit-blocked", "不得限制企业迁出，企业迁出本市无需经有关部门批准。"),
    ("named-firm-benefit", "对市华鑫化工有限公司违法排污行为处以罚款并追回已发放的补贴。"),
    (None, "对在境内外成功上市的股份有限公司给予300万元奖励，符合条件的企业均可申请。"),
    ("tax-rebate", "严禁违规实施税收返还、先征后返。"),
    ("tax-rebate", "代扣代缴税款手续费返还按规定执行。"),
    ("tax-rebate", "中央对地方税收返还按照财政体制执行。"),
    ("fee-break", "按照国家规定减免小微企业行政事业性收费。"),
    ("fee-break", "落实国家社会保险费减免政策。"),
    ("fee-break", "保障性住房项目免收城市基础设施配套费。"),
    ("fee-break", "符合条件的企业均可申请，对新引进企业免收城市基础设施配套费。"),
    ("case-by-case", "村级公益事业建设实行一事一议财政奖补。"),
    ("list-as-entry-condition", "纳入医保定点名录的医疗机构方可提供医保结算服务。"),
    ("list-as-entry-condition", "列入本市科技型企业名录的企业方可申请研发补助。"),
    (None, "列入严重失信主体名单的，不得参与政府采购。"),
    ("threshold-condition", "注册资本不低于100万元的企业方可申报技术改造补助。"),
    ("threshold-condition", "按照《建筑业企业资质标准》，注册资本不低于3000万元的企业方可承接。"),
    ("exclusive-right", "依法通过招标方式授予特许经营权。"),
    (None, "取得特许经营权的企业应当按照协议提供服务。"),
    ("association-sets-price", "行业协会不得统一制定收费标准。"),
    ("association-sets-price", "企业应当统一执行市发展改革委核定的收费标准。"),
    ("unified-price", "价格一律按照国家规定的价格执行。"),
    ("unified-price", "奖售粮的供应价格一律按统购价执行。"),
    ("unified-price", "供水实行统一定价，由市发展改革委按照政府定价目录制定。"),
    (None, "建立全市统一价格监测制度。"),
    ("price-floor", "经营者不得以低于成本的价格倾销商品。"),
    ("price-floor", "国有资产转让价格不得低于评估价。"),
    (None, "征收补偿标准不得低于市场价格。"),
]


def _pattern(pid):
    (p,) = [p for p in patterns() if p.id == pid]
    return p


def test_every_pattern_is_tested_on_both_sides():
    ids = {p.id for p in patterns()}
    assert ids == {pid for _, pid, _, _ in FLAGGED}
    assert ids == {pid for pid, _ in LAWFUL if pid}


@pytest.mark.parametrize("code,pid,sentence,quote", FLAGGED)
def test_red_flag_is_reported(cli, draft, code, pid, sentence, quote):
    (f,) = findings(cli, draft, sentence)
    assert (f["code"], f["pattern"], f["quote"]) == (code, pid, quote)
    assert f["check"] == "fair-competition" and f["severity"] == "warning"
    assert f["confidence"] in ("medium", "low")
    assert f["basis"].startswith("《公平竞争审查条例》（2024年）第")
    assert f["basis"].split("；")[0] == _pattern(pid).article.split("；")[0]
    assert quote in f["message"] and f["standard"] and f["suggestion"]
    assert f["location"]["article"] == "第二条"


@pytest.mark.parametrize("pid,sentence", LAWFUL)
def test_lawful_mention_is_quiet(cli, draft, pid, sentence):
    if pid:  # a near miss: the bare pattern matches the words
        assert _pattern(pid).pattern.search(sentence), (pid, sentence)
    assert findings(cli, draft, sentence) == []


def test_articles_name_the_standard():
    expected = {"ZZ601": "第八条第（三）项", "ZZ602": "第九条", "ZZ603": "第十条", "ZZ604": "第八条", "ZZ605": "第十一条"}
    for p in patterns():
        assert p.article.startswith("《公平竞争审查条例》（2024年）" + expected[p.code]), p.id


def test_non_normative_document_gets_no_finding(cli, draft):
    p = draft("参会企业须到指定的供应商处购买会议资料；同等条件下，本地企业优先安排发言。",
              title="关于召开全市招商引资工作会议的通知")
    doc = run(cli, p)
    assert doc["findings"] == []


def test_items_under_a_prohibition_are_quiet(cli, draft):
    listed = ("第二条 制定涉及经营者经济活动的政策措施，不得含有下列内容：\n\n（一）同等条件下本地企业优先；\n\n"
              "（二）在本市设立分支机构方可参与投标。")
    assert run(cli, draft(BASIS + listed + SIGN))["findings"] == []
    inline = "第二条 起草单位不得有下列行为：（一）本地企业优先；（二）实行统一定价。"
    assert run(cli, draft(BASIS + inline + SIGN, name="b.md"))["findings"] == []
    # the same items as the draft's own rules are reported
    own = "第二条 政府投资项目按下列规定执行：\n\n（一）同等条件下本地企业优先；\n\n（二）实行统一定价。"
    assert [f["code"] for f in run(cli, draft(BASIS + own + SIGN, name="c.md"))["findings"]] == ["ZZ602", "ZZ605"]


def test_a_cited_title_is_not_the_drafts_words(cli, draft):
    assert findings(cli, draft, "废止《某市桶装水统一定价管理办法》。") == []


def test_one_finding_per_code_and_sentence(cli, draft):
    fs = findings(cli, draft, "同等条件下本地企业优先，优先采购本地生产的产品。")
    assert [f["code"] for f in fs] == ["ZZ602"]


def test_explain_gives_the_article(cli):
    r = cli("explain", "ZZ601")
    assert r.exit_code == 0 and "第八条第（三）项" in r.stdout and "检查什么" in r.stdout
    assert "第十条" in cli("explain", "selective-subsidy").stdout


def test_a_prohibition_list_ends_at_its_last_item(cli, draft):
    quiet = "第二条 起草单位不得有下列行为：（一）实行统一定价。（二）本地企业优先。"
    assert run(cli, draft(BASIS + quiet + SIGN))["findings"] == []
    after = "第二条 起草单位不得有下列行为：（一）强制交易。本市政府投资项目，本地企业优先。"
    assert [f["code"] for f in run(cli, draft(BASIS + after + SIGN, name="b.md"))["findings"]] == ["ZZ602"]


def test_sentences_that_describe_the_prohibited_conduct_are_quiet(cli, draft):
    for i, s in enumerate(["违法设置或者授予特许经营权的，由上级机关责令改正。",
                           "对外地商品设定歧视性收费项目的，予以纠正。"]):
        assert findings(cli, draft, s, name=f"{i}.md") == []


# --- trigger words looked for once per document, then per block; positions computed once per block ---

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from zzreview.document import Block  # noqa: E402
from zzreview.rules.fair_competition import (  # noqa: E402
    _NEW_SENTENCE, _PROHIBIT_LEAD, _Block, head_words, inner_words, tail_words)
from zzreview.text.wordscan import WordScan  # noqa: E402


def test_head_words_are_the_literal_starts_of_each_alternative():
    assert head_words("(?:甲乙|丙)丁") == {"甲乙", "丙"}
    assert head_words("戊己?庚|(?<!辛)壬癸") == {"戊", "壬癸"}
    assert head_words("(?:子|丑(?:寅|卯))辰") == {"子", "丑"}


def test_no_head_words_when_a_match_may_start_anywhere():
    assert head_words("(?:甲|乙)?丙") is None
    assert head_words("[甲乙]丙") is None
    assert head_words("甲|\\p{Han}{2}乙") is None
    assert head_words("甲?乙") is None


def test_tail_words_are_the_literal_ends_of_each_alternative():
    assert tail_words("(?:甲乙|丙)丁") == {"丁"}
    assert tail_words("甲(?:乙|丙(?:丁|戊))|(?<!辛)壬癸") == {"乙", "丁", "戊", "壬癸"}
    assert tail_words("甲\\d乙") == {"乙"}


def test_no_tail_words_when_a_match_may_end_anywhere():
    assert tail_words("甲(?:乙|丙)?") is None
    assert tail_words("甲[乙丙]") is None
    assert tail_words("甲\\d|乙") is None
    assert tail_words("甲(?=乙)") is None
    assert tail_words("甲乙?") is None


def test_inner_words_are_a_literal_every_match_of_each_alternative_holds():
    # the longest shortest word among the runs and groups an alternative cannot skip
    assert inner_words("(?:到|在)[^。]{0,8}?(?:指定|限定)的?(?:企业|公司|厂家)") == {"指定", "限定"}
    assert inner_words("甲(?:以)?低于[^，]{0,15}?价|(?:实行|执行)(?:最低|最高)限价") == {"低于", "限价"}
    assert inner_words("甲\\p{Han}{2,6}乙丙+丁戊") == {"丁戊"}  # 丙+ breaks the run: 乙, 丙 and 丁戊
    assert inner_words("甲乙丙?丁") == {"甲乙"}
    assert inner_words("(?:甲乙|丙(?:丁戊|己庚))[^。]辛?") == {"甲乙", "丁戊", "己庚"}
    assert inner_words("(?<!甲乙)丙(?=丁戊)") == {"丙"}  # look-arounds consume nothing


def test_no_inner_words_when_an_alternative_holds_no_literal_it_cannot_skip():
    assert inner_words("甲乙|[丙丁]+") is None
    assert inner_words("(?:甲乙)?\\d(?:丙|丁?)") is None
    assert inner_words("甲(") is None
    assert inner_words("(?i)ab") is None  # flags change what a letter matches
    assert inner_words("[]甲]乙|丙") == {"乙", "丙"}  # ] first in a class is a letter of it


_ATOMS = ["甲", "乙", "丙", "甲乙", "(?:甲|乙丙)", "(?:丙丁)?", "[甲乙]", "丁?", "乙+", "\\p{Han}{0,2}", "[^丁]{1,3}?",
          "(?<!甲)", "(?=乙)", "(?:甲(?:乙|丁)|丙)+", "戊{2}", "|"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_ATOMS), min_size=1, max_size=6).map("".join),
       st.lists(st.sampled_from("甲乙丙丁戊。"), max_size=16).map("".join))
def test_every_match_holds_an_inner_word(src, text):
    import regex

    words = inner_words(src)
    if words is None:
        return
    for m in regex.finditer(src, text, overlapped=True):
        assert any(w in m.group(0) for w in words), (src, m.group(0), words)


def test_declared_rare_words_are_the_words_the_check_gates_on():
    from zzreview.resources import data_toml

    data = data_toml("fair_competition/patterns.toml")
    by_id = {p.id: p for p in patterns()}
    declared = {p["id"]: p["rare"] for p in data["pattern"] if "rare" in p}
    assert declared
    for pid, rare in declared.items():
        for name, words in data["words"].items():
            rare = rare.replace("{{" + name + "}}", words)
        # inner words only among them: a misspelt rare word would silently gate on nothing
        assert by_id[pid].inner <= set(rare.split("|")), pid
        assert all(w in by_id[pid].pattern.pattern for w in rare.split("|")), pid
    assert inner_words("(?:甲|乙)[^。]丙丁", frozenset({"甲", "乙"})) == {"甲", "乙"}
    assert inner_words("(?:甲|乙)[^。]丙丁", frozenset({"甲"})) == {"丙丁"}  # 乙 is not declared rare


def test_every_flagged_quote_holds_an_inner_word_of_its_pattern():
    by_id = {p.id: p for p in patterns()}
    assert all(p.inner for p in by_id.values())  # every pattern is gated on a word inside its matches
    for _, pid, _, quote in FLAGGED:
        assert any(w in quote for w in by_id[pid].inner), pid


def test_every_flagged_quote_ends_with_a_tail_word_of_its_pattern():
    by_id = {p.id: p for p in patterns()}
    for _, pid, _, quote in FLAGGED:
        tails = by_id[pid].tails
        assert tails is None or any(quote.endswith(w) for w in tails), pid


# words and marks the patterns are made of, to build sentences that touch many of them
_PIECES = ["指定", "限定", "的", "供应商", "公司", "有限公司", "购买", "使用", "到", "由", "在", "向", "对",
           "本地", "本市", "外地", "企业", "产品", "优先", "统一", "价格", "不得", "低于", "销售", "奖励",
           "税收", "返还", "纳入", "名录", "方可", "承接", "注册资本", "万元", "授予", "特许经营权", "协会",
           "下列", "以下", "：", "补贴", "补助", "采购", "供应", "供货", "配送", "投标", "入围", "检测", "限制", "（一）", "1.", "，", "。", "；", "《", "》", "须", "独家", "提供", "减免",
           "行政事业性收费", "一事一议", "迁出", "应当", "设立", "分支机构", "集团", "须经", "批准"]
_text = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(_text)
def test_the_trigger_scan_never_drops_a_pattern_that_matches(text):
    every = patterns()
    wanted = {p.id for p in every.wanted(text)}
    for p in every:
        if p.pattern.search(text):
            assert p.id in wanted


@settings(max_examples=300, deadline=None)
@given(st.lists(_text, max_size=5))
def test_one_scan_per_block_wants_what_each_block_wants(texts):
    every = patterns()
    blocks = [Block(k, "paragraph", t, k + 1) for k, t in enumerate(texts)]
    expected = [(k, [p.id for p in every.wanted(t)]) for k, t in enumerate(texts)]
    expected = [(k, ids) for k, ids in expected if ids]
    skip = len(texts) // 2  # the title block
    kept = {k: every.__dict__.get(k) for k in ("scan", "inner_scan")}
    try:  # words tested one by one (a short run), then found by the automaton (a long one)
        for plain_until in (10**9, -1):
            every.__dict__["scan"] = WordScan(every.words, plain_until=plain_until)
            every.__dict__["inner_scan"] = WordScan(sorted(every.by_inner), plain_until=plain_until)
            got = [(b.index, [p.id for p in wanted]) for b, wanted in every.by_block(blocks, "\n".join(texts))]
            assert got == expected
            got = [(b.index, [p.id for p in wanted]) for b, wanted in every.by_block(blocks, "\n".join(texts), skip)]
            assert got == [(k, ids) for k, ids in expected if k != skip]
    finally:
        for k, v in kept.items():
            every.__dict__.pop(k)
            if v is not None:
                every.__dict__[k] = v


def _old_after_lead(before: str) -> bool:
    """The definition: the last lead-in before the match, with no new sentence after it."""
    leads = list(_PROHIBIT_LEAD.finditer(before))
    return bool(leads) and not _NEW_SENTENCE.search(before[leads[-1].end():])


@settings(max_examples=300, deadline=None)
@given(_text, st.data())
def test_block_positions_agree_with_rescanning_the_text(text, data):
    block = _Block(text)
    for pos in sorted(data.draw(st.sets(st.integers(0, len(text)), max_size=6))):
        assert block.after_prohibition_lead(pos) == _old_after_lead(text[:pos])
        assert block.in_book_title(pos) == (text.rfind("《", 0, pos) > text.rfind("》", 0, pos))
        end = min(len(text), pos + 2)
        left = max((i + 1 for i, c in enumerate(text[:pos]) if c in "。！？；!?;\n"), default=0)
        right = next((i for i in range(end, len(text)) if text[i] in "。！？；!?;\n"), len(text))
        assert block.sentence(pos, end) == (left, right)


def test_trigger_words_kept_between_runs_are_those_read_from_the_pattern(tmp_path, monkeypatch):
    from zzreview import runcache
    from zzreview.rules import fair_competition as fc

    monkeypatch.setenv("ZZREVIEW_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(fc, "_kept_words", None)
    src = "(?:指定|限定)[^，。]{0,20}(?:购买|使用)"
    first = fc._trigger_words(src)
    assert first == (fc.head_words(src), fc.tail_words(src), fc.inner_words(src)) == (
        frozenset({"指定", "限定"}), frozenset({"购买", "使用"}), frozenset({"指定", "限定"}))
    fc._kept_words.write()
    monkeypatch.setattr(fc, "_kept_words", None)
    again = fc._trigger_words(src)
    assert again == first and list(tmp_path.glob("fair-competition-words-*.marshal"))
    assert runcache.Kept("fair-competition-words").get(src + "\0") == (fc._stamp, first)
    # the inner words read with rare words declared are kept apart
    assert fc._trigger_words(src, "购买|使用")[2] == frozenset({"购买", "使用"})
    assert fc._trigger_words(src) == first
