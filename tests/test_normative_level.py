"""The document's level (facts.normative.level) and why, from each signal; both sides of each class."""

from __future__ import annotations

import re

import pytest

from conftest import AS_OF


def judge(cli, draft, body: str, title: str, *extra) -> dict:
    r = cli("check", draft(body, title=title), "--format", "json", "--as-of", AS_OF, "--fail-on", "never", *extra)
    assert r.exit_code == 0, r.stderr
    return r.json()["documents"][0]


def level(cli, draft, body: str, title: str) -> str:
    return judge(cli, draft, body, title)["facts"]["normative"]["level"]


ARTICLES = ("第一条 为了保护湿地资源，根据《中华人民共和国湿地保护法》，制定本办法。\n\n"
            "第二条 任何单位和个人不得在湿地内擅自挖沙、取土。\n\n")


# ------------------------------------------------------------------ the form of issue
@pytest.mark.parametrize("head, expected", [
    ("（2031年5月6日第十五届全国人民代表大会常务委员会第九次会议通过）", "法律"),
    ("中华人民共和国主席令\n\n第八十号", "法律"),
    ("2031年3月2日 中华人民共和国国务院令第901号公布", "行政法规"),
    ("经2031年4月1日国务院第40次常务会议通过", "行政法规"),
    ("2031年7月9日 某某省第十四届人民代表大会常务委员会第十二次会议通过", "地方性法规"),
    ("中华人民共和国水利部令\n\n2031年第7号", "部门规章"),
    ("2031年1月5日 经自然资源部第3次部务会议通过", "部门规章"),
    ("某某省人民政府令\n\n第310号", "地方政府规章"),
])
def test_form_of_issue_gives_the_level(cli, draft, head, expected):
    doc = judge(cli, draft, head + "\n\n" + ARTICLES, "某某湿地保护办法")
    n = doc["facts"]["normative"]
    assert n["level"] == expected and n["signal"] == "form" and n["is_normative"] is False
    assert n["reasons"] and "“" in n["reasons"][0]  # quotes the line it rests on


def test_a_cited_order_is_not_the_documents_own_form(cli, draft):
    body = ("各县区人民政府：\n\n根据《某某省河道管理办法》（省政府令第12号）和原水利部令第9号的规定，"
            "现就河道采砂管理通知如下：\n\n一、任何单位和个人不得在禁采区内采砂。")
    assert level(cli, draft, body, "某市人民政府关于加强河道采砂管理的通知") == "行政规范性文件"


def test_a_law_passed_by_the_npc_is_not_confused_with_a_citation_of_it(cli, draft):
    body = ("2031年4月29日第十五届全国人民代表大会常务委员会第九次会议通过的《中华人民共和国某某法》规定，"
            "经营者应当明码标价。\n\n一、本市经营者应当在经营场所显著位置公示收费标准。")
    assert level(cli, draft, body, "某市市场监督管理局关于落实明码标价制度的通知") == "行政规范性文件"


# ---------------------------------------- a government order: a rule only where the government could make rules
ORDER = "{city}人民政府令\n\n第12号\n\n《{title}》已经市人民政府常务会议通过，现予公布。\n\n市长 某某\n\n{date}\n\n"


@pytest.mark.parametrize("city, date, expected", [
    ("宁波市", "二〇〇九年三月一日", "地方政府规章"),      # a 较大的市 before 2015
    ("某某市", "二〇〇九年三月一日", "行政规范性文件"),     # an ordinary city before 2015
    ("某某市", "二〇二九年三月一日", "地方政府规章"),      # any 设区的市 since 2015
])
def test_government_order_is_a_rule_only_with_rule_making_power(cli, draft, city, date, expected):
    title = f"{city}停车场管理办法"
    doc = judge(cli, draft, ORDER.format(city=city, title=title, date=date) + ARTICLES, title)
    n = doc["facts"]["normative"]
    assert n["level"] == expected and any("政府令" in r for r in n["reasons"])


def test_a_covering_notice_after_an_executive_meeting_is_not_a_rule(cli, draft):
    body = ("各区县人民政府，市政府各部门：\n\n《某某市公共自行车管理办法》已经市政府第9次常务会议研究通过，"
            "现印发给你们，请认真遵照执行。\n\n某某市人民政府\n\n2030年5月1日\n\n" + ARTICLES)
    assert level(cli, draft, body, "某某市人民政府关于印发某某市公共自行车管理办法的通知") == "行政规范性文件"


# -------------------------------------------------------------- the knowledge base
def test_a_title_known_to_the_knowledge_base_gives_its_level(cli, draft):
    doc = judge(cli, draft, ARTICLES, "优化营商环境条例")
    assert doc["facts"]["normative"]["level"] == "行政法规" and doc["facts"]["normative"]["signal"] == "kb"


def test_an_ordinary_document_number_outweighs_the_knowledge_base(cli, draft):
    body = "人社发〔2031〕4号\n\n各省、自治区、直辖市人力资源社会保障厅：\n\n一、用人单位应当按月足额支付工资。"
    doc = judge(cli, draft, body, "优化营商环境条例")
    assert doc["facts"]["normative"]["level"] == "行政规范性文件"


# ------------------------------------------------------------------ the title's kind word
def test_a_regulation_title_without_a_government_author_is_a_regulation(cli, draft):
    assert level(cli, draft, ARTICLES.replace("本办法", "本条例"), "某某省湿地保护条例") == "地方性法规"


def test_a_government_draft_named_regulation_stays_a_normative_document(cli, draft):
    doc = judge(cli, draft, ARTICLES + "\n\n某某市人民政府\n\n2026年12月1日", "某某市湿地保护条例（市政府征求意见稿）")
    assert doc["facts"]["normative"]["level"] == "行政规范性文件"
    assert "ZZ801" in [f["code"] for f in doc["findings"]]


# ------------------------------------------------------------------ what the text does
@pytest.mark.parametrize("title", [
    "关于公开征求《某某市电动自行车管理办法（征求意见稿）》意见的公告",
    "某市人民政府关于李某某等同志职务任免的通知",
    "某县人民政府关于表彰2030年度防汛先进集体的决定",
    "某市2030年度政府信息公开工作年度报告",
    "关于市政协十届二次会议第45号提案的答复",
    "某区人民政府关于印发2031年重点工作任务分工方案的通知",
    "某市民政局关于部分道路更名的公告",
    "某县人民政府办公室关于印发某县森林火灾应急预案的通知",
    "某县人民政府办公室转发市安委会关于2030年安全生产检查情况的通报的通知",
    "【防汛动态】某市水务局汛情通报",
    "关于公布第三批市级非物质文化遗产代表性项目名单的通知",
    "某市人民政府关于命名2031年度市级卫生村镇的决定",
    "某市人民政府关于印发某市2031年国民经济和社会发展计划的通知",
])
def test_non_normative_classes(cli, draft, title):
    doc = judge(cli, draft, "一、任何单位和个人不得在河道内倾倒垃圾。\n\n某市人民政府\n\n2030年6月1日", title)
    n = doc["facts"]["normative"]
    assert n["level"] == "非规范性文件" and not n["is_normative"]
    assert not [f for f in doc["findings"] if f["code"][:3] in ("ZZ3", "ZZ5")]


@pytest.mark.parametrize("title", [
    "某市人民政府关于禁止在城区燃放烟花爆竹的通告",
    "某市人民政府关于印发某市城乡居民临时救助办法的通知",
    "某县人民政府办公室关于调整城乡居民最低生活保障标准的通知",
])
def test_texts_that_bind_the_public_stay_normative(cli, draft, title):
    assert level(cli, draft, "一、任何单位和个人不得在城区燃放烟花爆竹。", title) == "行政规范性文件"


INTERNAL = ("各区县农业农村局，局机关各处室：\n\n一、检查时间为2031年4月1日至5月31日。\n\n"
            "二、各区县要加强组织领导，于6月10日前将检查情况报市局。")
BINDING = INTERNAL + "\n\n三、农药经营者不得销售国家明令禁止的农药。"


@pytest.mark.parametrize("title", [
    "某市农业农村局关于开展2031年农药市场专项整治的通知",
    "某县人民政府办公室关于开展汛前安全隐患大排查的通知",
    "某县人民政府办公室关于印发某县2031年秸秆综合利用工作方案的通知",
    "某市财政局关于下达2031年农村公路养护补助资金的通知",
])
def test_work_organs_carry_out_among_themselves_is_not_normative_unless_it_binds_the_public(cli, draft, title):
    """检查、整治 campaigns and 工作方案: internal work (国办发〔2018〕37号) while the text sets no duty
    of the public; a sentence that does keeps the document normative."""
    n = judge(cli, draft, INTERNAL, title)["facts"]["normative"]
    assert n["level"] == "非规范性文件" and "权利义务" in n["reasons"][0]
    assert level(cli, draft, BINDING, title) == "行政规范性文件"
    assert level(cli, draft, INTERNAL + "\n\n三、禁止在城区饲养烈性犬。", title) == "行政规范性文件"  # a ban alone
    # a sentence addressed to the organs (请你们…) binds no one
    assert level(cli, draft, INTERNAL + "\n\n三、请你们按照规定足额发放，不得截留、挪用。", title) == "非规范性文件"


def test_a_plan_or_naming_class_does_not_take_in_neighbours(cli, draft):
    """社会发展计划 is a plan, a 人才安居发展计划 that grants subsidies is not; naming roads is not a
    commendation."""
    assert level(cli, draft, "一、符合条件的青年人才可以申请租房补贴，申请人应当提交劳动合同。",
                 "某市人民政府关于印发某市青年人才安居发展计划的通知") == "行政规范性文件"
    reasons = judge(cli, draft, "一、新建道路名称自公布之日起使用。", "某市人民政府关于对城区12条新建道路命名的决定")
    assert "表彰" not in " ".join(reasons["facts"]["normative"]["reasons"])


def test_a_party_organ_document_is_not_an_administrative_normative_document(cli, draft):
    assert level(cli, draft, "一、各级党组织要加强领导。", "中共某市委办公室关于加强基层党建工作的通知") == "非规范性文件"


# ------------------------------------------------------------------ configuration
def test_configured_level_wins_and_is_said_so(cli, draft, tmp_path):
    (tmp_path / "zzreview.toml").write_text('level = "地方政府规章"\n', encoding="utf-8")
    n = judge(cli, draft, ARTICLES, "某市湿地保护办法")["facts"]["normative"]
    assert n["level"] == "地方政府规章" and n["forced"] and n["signal"] == "config"


def test_per_path_override_sets_the_level_of_some_files(cli, tmp_path):
    (tmp_path / "zzreview.toml").write_text('[[overrides]]\npaths = ["规章/*.md"]\nlevel = "government-rule"\n',
                                            encoding="utf-8")
    (tmp_path / "规章").mkdir()
    for folder in ("规章", "."):
        (tmp_path / folder / "a.md").write_text("# 某市湿地保护办法\n\n" + ARTICLES, encoding="utf-8")
    r = cli("check", tmp_path, "--format", "json", "--as-of", AS_OF, "--fail-on", "never")
    got = {d["path"].split("/")[-2]: d["facts"]["normative"]["level"] for d in r.json()["documents"]}
    assert got[tmp_path.name] == "行政规范性文件" and got["规章"] == "地方政府规章"


def test_text_output_prints_each_documents_level(cli, draft):
    p = draft("中华人民共和国国务院令\n\n第901号\n\n" + ARTICLES, title="某某湿地保护办法")
    r = cli("check", p, "--as-of", AS_OF, "--fail-on", "never")
    assert "文件层级：行政法规（" in r.stdout


@pytest.mark.parametrize("title", ["某市见义勇为人员表彰奖励办法", "某市事业单位公开招聘人员办法", "某县突发事件应急预案管理办法"])
def test_a_rule_like_title_names_its_subject_not_its_act(cli, draft, title):
    assert level(cli, draft, ARTICLES, title) == "行政规范性文件"


def test_state_council_approval_of_a_ministry_notice_is_not_a_regulation(cli, draft):
    body = "经国务院批准，现将有关事项通知如下：\n\n一、企业应当按季度申报缴纳水资源费。"
    assert level(cli, draft, body, "某某部关于调整水资源费征收标准的通知") == "行政规范性文件"


def test_an_order_of_a_market_regulator_is_a_departmental_rule(cli, draft):
    body = "国家市场监督管理总局令\n\n第99号\n\n" + ARTICLES
    assert level(cli, draft, body, "某某商品计量监督管理办法") == "部门规章"


def test_a_row_of_menu_items_is_not_taken_for_the_title(cli, tmp_path):
    p = tmp_path / "menu.txt"
    p.write_text("新闻中心 政务公开 办事服务 互动交流\n\n某市人民政府关于禁止在城区燃放烟花爆竹的通告\n\n"
                 "一、任何单位和个人不得在城区燃放烟花爆竹。\n", encoding="utf-8")
    r = cli("check", p, "--format", "json", "--as-of", AS_OF, "--fail-on", "never")
    assert r.json()["documents"][0]["title"] == "某市人民政府关于禁止在城区燃放烟花爆竹的通告"


def test_a_reply_to_one_applicant_is_not_normative_whatever_its_title(cli, draft):
    body = ("某某供水公司：\n\n你公司《关于调整二次供水服务费的请示》收悉。经研究，同意你公司按每立方米0.2元收取服务费。"
            "\n\n某市发展和改革委员会\n\n2030年4月2日")
    n = judge(cli, draft, body, "某市发展和改革委员会关于二次供水服务费的意见")["facts"]["normative"]
    assert n["level"] == "非规范性文件" and "收悉" in n["reasons"][0]


def test_a_notice_that_solicits_comments_is_not_normative_whatever_its_title(cli, draft):
    body = ("为规范共享单车停放，我局起草了《某市共享单车管理办法（征求意见稿）》，现公开征求社会各界意见，"
            "请于2030年5月1日前将意见反馈至电子邮箱。\n\n" + ARTICLES)
    assert level(cli, draft, body, "某市交通运输局关于共享单车管理办法的通知") == "非规范性文件"


def test_a_normative_document_with_a_penalty_chapter_says_so(cli, draft):
    body = ("第一章 总则\n\n" + ARTICLES + "第二章 法律责任\n\n第三条 违反本办法的，依法处理。\n\n第三章 附则\n\n"
            "第四条 本办法自2030年1月1日起施行。")
    n = judge(cli, draft, body, "某市湿地保护办法")["facts"]["normative"]
    assert n["level"] == "行政规范性文件" and any("法律责任" in r for r in n["reasons"])


def test_a_county_order_is_never_a_rule(cli, draft):
    body = ORDER.format(city="某某县", title="某某县停车场管理办法", date="二〇二九年三月一日") + ARTICLES
    n = judge(cli, draft, body, "某某县停车场管理办法")["facts"]["normative"]
    assert n["level"] == "行政规范性文件" and any("没有规章制定权" in r for r in n["reasons"])


@pytest.mark.parametrize("title", [
    "某县人民政府关于给予王某某记过处分的决定",
    "某市人民政府办公室关于做好2031年春节期间值班工作的通知",
    "某市科技局关于组织申报2031年度科技创新项目的通知",
    "某市审计局关于2030年度预算执行审计结果的公告",
    "某市人民政府办公室关于调整市防汛抗旱指挥部成员的通知",
])
def test_more_one_off_and_internal_texts(cli, draft, title):
    assert level(cli, draft, "一、各单位要认真做好有关工作。", title) == "非规范性文件"


def test_a_folder_of_mixed_levels_prints_every_documents_level(cli, tmp_path):
    (tmp_path / "a.md").write_text("# 某市人民政府关于禁止在城区燃放烟花爆竹的通告\n\n一、任何单位和个人不得燃放烟花爆竹。\n",
                                   encoding="utf-8")
    (tmp_path / "b.md").write_text("# 某某湿地保护条例\n\n2031年3月2日 中华人民共和国国务院令第901号公布\n\n" + ARTICLES,
                                   encoding="utf-8")
    (tmp_path / "c.md").write_text("# 关于召开全市防汛工作会议的通知\n\n定于6月1日召开会议。\n", encoding="utf-8")
    out = cli("check", tmp_path, "--as-of", AS_OF, "--fail-on", "never").stdout
    for name, lv in (("a.md", "行政规范性文件"), ("b.md", "行政法规"), ("c.md", "非规范性文件")):
        assert f"{name}: 文件层级：{lv}（" in out


@pytest.mark.parametrize("notice, expected", [
    ("某某市人民代表大会常务委员会公告\n\n第9号\n\n《某某市湿地保护办法》已由某某市第十六届人民代表大会常务委员会第十次会议"
     "于2031年6月1日通过，某某省第十四届人民代表大会常务委员会第八次会议于2031年7月1日批准，现予公布。", "地方性法规"),
    ("《中华人民共和国某某法》已由中华人民共和国第十五届全国人民代表大会常务委员会第九次会议于2031年5月6日通过，现予公布。",
     "法律"),
])
def test_a_promulgation_notice_names_the_maker(cli, draft, notice, expected):
    assert level(cli, draft, notice + "\n\n" + ARTICLES, "某某市湿地保护办法") == expected


def test_configured_normative_level_still_lets_a_meeting_notice_be_non_normative(cli, draft, tmp_path):
    (tmp_path / "zzreview.toml").write_text('level = "normative-document"\n', encoding="utf-8")
    assert level(cli, draft, "定于6月1日召开会议。", "关于召开全市防汛工作会议的通知") == "非规范性文件"
    n = judge(cli, draft, "一、任何单位和个人不得燃放烟花爆竹。", "某市湿地保护办法")["facts"]["normative"]
    assert n["level"] == "行政规范性文件" and n["signal"] == "config"


def test_one_huge_opening_line_is_looked_at_only_as_far_as_a_record_line_reaches(tmp_path):
    """The form-of-issue patterns run on each head line; a line of a million characters with no
    punctuation is cut, so the classification costs what a short line costs."""
    from zzreview.analysis.normative import head_lines
    from zzreview.readers import read_document

    p = tmp_path / "长行.md"
    p.write_text("# 某县河道保洁管理办法\n\n" + "河道保洁" * 250_000 + "\n\n第一条 为了保持河道整洁，制定本办法。\n",
                 encoding="utf-8")
    lines = head_lines(read_document(p))
    assert lines and lines[0] == ("河道保洁" * 250)[:len(lines[0])] and 0 < len(lines[0]) <= 1000


# --- binding sentences: sentences without a public word or an order are passed over ----------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

import regex  # noqa: E402

from zzreview.analysis import normative as _normative  # noqa: E402


# what binds, as one pattern (the module splits it into a word list and the grant)
_BINDING = regex.compile(
    r"禁止|严禁|不得|应当|必须|须|一律|可以申请|可申请|享受|给予[^。；]{0,30}(?:补助|补贴|奖励|救助|支持|资助|贴息|优惠)|"
    r"补助|补贴|奖励|罚款|处以|没收|"
    r"暂停|关闭|停止|加收|收取|缴纳|办理|申报|登记|提取|取消")


_SENTENCE = re.compile(r"[^。；！？\n]+")


def _binding_by_sentence(text: str, public_notice: bool) -> int:
    """The definition: every sentence of the text tested on its own."""
    n = _normative
    return sum(1 for m in _SENTENCE.finditer(text)
               if (s := n._ITEM_NUMBER.sub("", m.group(0).strip()))
               and (n._PUBLIC.search(s) and _BINDING.search(s) or public_notice and n._PUBLIC_ORDER.search(s))
               and not n._AGENCY_SUBJECT.search(s))


_PIECES = ["公民", "企业", "应当", "不得", "禁止", "暂停营业", "各部门要", "一、", "第三条", "。", "；", "\n", "，",
           "办理", "补贴", "燃放", "车辆", "限制通行", "给予", "资助", "优惠", "！", "？", "取消", "集会", "限制", "上路"]


@pytest.mark.parametrize("sentence, binds", [
    ("对符合条件的企业给予一次性资助", True), ("给予企业支持", True), ("企业享受", True), ("公民和企业", False),
    ("给予。资助", False), ("资助企业", False)])
def test_a_sentence_binds_by_a_word_or_a_grant(sentence, binds):
    assert _normative._binds(sentence) is binds is bool(_BINDING.search(sentence))


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40).map("".join), st.booleans())
def test_binding_sentences_found_from_their_words_as_sentence_by_sentence(text, public_notice):
    assert _normative._binding_sentences(text, public_notice) == _binding_by_sentence(text, public_notice)


# --- the opening lines are judged for chrome only when a step reads them ------------------------

from zzreview.document import Block, Document  # noqa: E402

# lines of a head: forms of issue, chrome, article one, replies, comment notices, long and padded lines
_HEAD_PIECES = ["中华人民共和国主席令", "第八十号", "国务院令第901号公布", "国务院第40次常务会议通过", "水利部令",
                "2031年第7号", "经自然资源部第3次部务会议通过", "某某省人民政府令", "第310号", "市长令", "现予公布",
                "市长 某某", "省长", "某某省第十四届人民代表大会常务委员会第十二次会议通过", "《某某条例》已由",
                "根据", "经", "关于", "印发给你们", "转发给你们", "你局《关于某某的请示》收悉", "现公开征求意见",
                "反馈至电子邮箱", "制定本办法", "第一条", "第1条 ", "首页 > 政务公开", "发布时间：2031-01-01",
                "来源：某某", "| 打印 |", "某某市人民政府", "二〇三一年三月一日", "各区县人民政府：", "。", "，", " ", "\t"]


def _document(texts: list[str], title_block: int | None) -> Document:
    blocks = [Block(i, "paragraph", t, i + 1) for i, t in enumerate(texts)]
    title = texts[title_block] if title_block is not None and title_block < len(texts) else None
    return Document("generated.md", "markdown", blocks, title=title or None,
                    title_block=title_block if title else None)


def _opened(head):
    """The same head with every trigger word in its text: no step is passed over."""
    words = {*_normative._FORM_WORDS.words, *_normative._MADE_HERE.words,
             *(w for p, _ in _normative._TEXT_CLASSES for w in p.words)}
    head.text = "".join(sorted(words))
    return head


def _steps(doc, head, kind):
    n = _normative
    return (n._form_signal(doc, head, kind), n._content_class(doc, kind, head), n._by_government(doc, head),
            head.lines)


def _check_head(doc):
    n = _normative
    head, opened = n.Head(doc), _opened(n.Head(doc))
    # every opening line is part of the text the steps' words are looked for in
    assert all(line in head.text for line in n.head_lines(doc))
    for kind in (None, "办法", "通知"):
        assert _steps(doc, n.Head(doc), kind) == _steps(doc, opened, kind)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_HEAD_PIECES), max_size=6).map("".join), max_size=70),
       st.one_of(st.none(), st.integers(0, 5)))
def test_the_steps_passed_over_by_the_heads_words_would_find_nothing(texts, title_block):
    _check_head(_document(texts, title_block))


def test_long_lines_and_the_samples_heads():
    from pathlib import Path

    from zzreview.readers import read_document

    padded = _document(["某某办法", "   " + "现予公布" * 400 + "某某省人民政府令", "\u3000第一条 制定本办法"], 0)
    _check_head(padded)
    samples = sorted(p for p in (Path(__file__).parent.parent / "samples").iterdir() if p.suffix in (".md", ".docx"))
    assert len(samples) >= 8
    for p in samples:
        _check_head(read_document(p))


@pytest.mark.parametrize("text", [
    "应当取消！集会的企业不得进入。",    # an order that runs across a sentence end names no one in the first
    "一律取消\n活动。企业应当登记。",
    "禁止燃放；企业应当办理登记\n车辆限制通行",
])
def test_an_order_found_across_a_sentence_end_counts_only_what_each_sentence_says(text):
    for public_notice in (False, True):
        assert _normative._binding_sentences(text, public_notice) == _binding_by_sentence(text, public_notice)


def test_the_classes_of_non_normative_titles_are_data():
    """checks/authority/document_kinds.toml: every class has a reason and a pattern regex accepts,
    and the table is what the classification uses (its first class decides a draft for comment)."""
    import regex

    from zzreview.analysis.normative import _title_class
    from zzreview.resources import data_toml

    data = data_toml("authority/document_kinds.toml")
    assert {"办法", "规定", "细则"} <= set(data["rule_kinds"])
    for c in data["non_normative"]:
        assert c["reason"] and regex.compile(c["pattern"])
    first = data["non_normative"][0]
    assert first.get("rule_kinds_too")
    assert _title_class("关于公开征求《某县河道采砂管理办法》意见的通知")[0] == first["reason"]
    assert _title_class("某县河道采砂管理办法") is None
    # a rule-like title: only the classes marked rule_kinds_too apply (the other one: internal rules)
    internal = [c for c in data["non_normative"][1:] if c.get("rule_kinds_too")]
    assert len(internal) == 1
    assert _title_class("某局机关内部考勤管理办法")[0] == internal[0]["reason"]
    assert _title_class("某县见义勇为奖励办法") is None
