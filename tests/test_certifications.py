"""Certification demands (facts.certifications), lists, matching and the unlisted-certification check."""

from __future__ import annotations

import pytest
from conftest import certification_demands

from zzreview import certlists
from zzreview.errors import ConfigError

AS_OF = "2026-11-24"


def demands(draft, body: str):
    return certification_demands(draft(body))


def texts(draft, body: str) -> list[str]:
    return [d.name for d in demands(draft, body)]


# --- extraction: phrase patterns ---------------------------------------------------------------

@pytest.mark.parametrize("body, expected", [
    ("第五条 申请人应当提交户籍所在地公安派出所出具的无违法犯罪记录证明。", ["无违法犯罪记录证明"]),
    ("第六条 申请入学的，应当提供居住证明、收入证明和婚姻状况证明。", ["居住证明", "收入证明", "婚姻状况证明"]),
    ("第七条 凭医院出具的出生医学证明办理户口登记。", ["出生医学证明"]),
    ("第七条 持《出生医学证明》办理。", ["出生医学证明"]),
    ("第八条 符合条件的，持街道办事处出具的家庭经济困难证明申请减免。", ["家庭经济困难证明"]),
    ("第九条 申报时附具纳税证明或者社保缴费证明。", ["纳税证明", "社保缴费证明"]),
    ("第十条 报名时须携带健康证明书。", ["健康证明书"]),
    ("第十条 连同资金证明、办公住所使用证明及审计机构出具的审计报告一并送交主管部门。",
     ["资金证明", "办公住所使用证明"]),
    ("第十一条 申请人应当到村委会开具证明。", ["村委会开具证明"]),
    ("第十一条 经村民委员会证明，可以办理。", ["村民委员会证明"]),
    ("第十二条 申请人应当向派出所申请开具户籍证明。", ["户籍证明"]),
    ("第四条 申请人须提交以下证明：（一）在职证明；（二）无房证明。", ["在职证明", "无房证明"]),
    # a requirement to hold the certification (有, 具备 after a modal)
    ("第五条 参赛运动员须有体检机构出具的健康证明。", ["健康证明"]),
    ("第五条 承租人应当具备所在社区出具的居住证明。", ["居住证明"]),
    ("第五条 领取补贴的渔民还应有渔业村委会出具的捕捞生产证明。", ["捕捞生产证明"]),
    # handed to an institution or a service window (…馆, 窗口), not to a member of the public
    ("第六条 借阅人应当向档案馆提供所在单位出具的工作证明。", ["工作证明"]),
    ("第六条 家属应当向殡仪馆提供下列材料：\n1.医院开具的死亡证明；\n2.户口簿。", ["死亡证明"]),
    ("第六条 申请人应当向受理窗口出示居住证明。", ["居住证明"]),
])
def test_demand_phrases(draft, body, expected):
    assert texts(draft, body) == expected


def test_the_articles_label_and_a_condition_are_not_part_of_the_name(draft):
    """A clause that opens its article: 第四条 and 确需/当 stay out of the name and the issuer."""
    found = demands(draft, "第三条 确需有关单位出具证明的，由申请人自行提供。\n\n"
                           "第四条 当村民委员会出具证明后，申请人可以办理过户。\n\n"
                           "第五条 无房证明由申请人向不动产登记机构申请开具后提交。")
    assert [(d.name, d.issuer) for d in found] == [("有关单位出具证明", "有关单位"), ("村民委员会出具证明", "村民委员会"),
                                                 ("无房证明", None)]
    found = demands(draft, "第三条之一 确需有关单位出具证明的，由申请人自行提供。\n\n"
                           "第四条 当地村民委员会出具证明的，申请人可以办理过户。")
    assert [(d.name, d.issuer) for d in found] == [("有关单位出具证明", "有关单位"),
                                                 ("当地村民委员会出具证明", "当地村民委员会")]


def test_an_issuer_named_as_a_school_is_recorded(draft):
    (d,) = demands(draft, "第七条 报考船员的，应当提交航海院校出具的培训证明。")
    assert d.name == "培训证明" and d.issuer == "航海院校"


def test_issuer_is_recorded(draft):
    d = demands(draft, "第五条 申请人应当提交户籍所在地公安派出所出具的无违法犯罪记录证明。")[0]
    assert d.issuer == "户籍所在地公安派出所"
    assert d.phrase == "提交户籍所在地公安派出所出具的无违法犯罪记录证明"
    d = demands(draft, "第六条 应当提供由所在社区居民委员会出具的居住证明。")[0]
    assert (d.text, d.name, d.issuer) == ("所在社区居民委员会出具的居住证明", "居住证明", "所在社区居民委员会")
    d = demands(draft, "第六条 应当提供居住证明和村委会出具的证明。")[1]
    assert (d.text, d.name, d.issuer) == ("村委会出具的证明", "村委会出具的证明", "村委会")


def test_list_in_one_block_and_across_blocks(draft):
    assert texts(draft, "第七条 申请人应当提交下列材料：（一）申请书；（二）营业执照复印件；（三）资金证明；"
                        "（四）其他相关证明材料。") == ["资金证明", "其他相关证明材料"]
    body = ("第八条 申请人应当提交下列材料：\n\n（一）申请表；\n\n（二）由所在社区居民委员会出具的居住证明；\n\n"
            "（三）身份证、户口簿复印件；\n\n（四）有关部门要求的其他材料。\n\n第九条 本办法自2027年1月1日起施行。")
    ds = demands(draft, body)
    assert [(d.name, d.catch_all, d.article) for d in ds] == [
        ("居住证明", False, "第八条"), ("有关部门要求的其他材料", True, "第八条")]
    assert ds[0].issuer == "所在社区居民委员会"


def test_catch_alls(draft):
    ds = demands(draft, "第三条 申请人应当提交申请书、相关证明和其他证明材料。")
    assert [(d.text, d.catch_all) for d in ds] == [("相关证明", True), ("其他证明材料", True)]
    # bounded by law: still a demand, but not an open one
    ds = demands(draft, "第三条 申请人应当提交申请书和法律、法规规定的其他证明材料。")
    assert [(d.text, d.catch_all, d.bounded) for d in ds] == [("法律、法规规定的其他证明材料", True, True)]


def test_promise_in_the_same_sentence(draft):
    ds = demands(draft, "第十二条 申请人不能提供亲属关系证明的，可以作出书面承诺。")
    assert [(d.text, d.promise) for d in ds] == [("亲属关系证明", True)]


def test_repeated_demand_is_listed_once_with_count(draft):
    ds = demands(draft, "第二条 申请人应当提交居住证明。\n\n第三条 变更时应当再次提交居住证明。")
    assert [(d.text, d.count, d.article) for d in ds] == [("居住证明", 2, "第二条")]


@pytest.mark.parametrize("body", [
    # licences, identity documents, qualifications
    "第二条 申请人应当提交营业执照、食品经营许可证和身份证复印件。",
    "第二条 申请人应当持有效身份证明办理。",
    "第二条 投标人应当提交资格证明文件和资质证明。",
    # agencies issuing or verifying themselves
    "第二条 公安机关应当为申请人出具户籍证明。",
    "第二条 医疗机构应当向新生儿签发出生医学证明。",
    "第二条 窗口工作人员应当核查申请人的居住证明。",
    # negated, replaced, cancelled
    "第二条 行政机关不得要求申请人提供无犯罪记录证明。",
    "第二条 不再要求申请人提交居住证明，改为部门核查。",
    "第二条 申请人可以书面承诺代替婚姻状况证明。",
    "第二条 各部门不得索要下列证明：（一）居住证明；（二）亲属关系证明。",
    # 证明 as a verb, compounds, titles
    "第二条 本市实行证明事项清单管理，清单之外无证明。",
    "第二条 能够证明其符合条件的，予以办理。经调查证明属实的，依法处理。",
    "第一条 根据《国务院办公厅关于做好证明事项清理工作的通知》，制定本办法。",
    "第二条 申请人对其提交的证明材料的真实性负责。",
    "第二条 申请人应当提供证明。",
    "第二条 提供虚假证明材料骗取补贴的，由主管部门追回。",
    "第二条 供电企业应当向用户提供用电证明。",
    "第二条 对符合条件的，由街道办事处出具证明后，报区民政局审批。",
    "第二条 全面推行证明事项告知承诺制，建设“无证明城市”。",
    # having, without a modal, or a power to prove
    "第二条 经公证的文书具有证明效力。",
    "第二条 有证据证明其弄虚作假的，取消资格。",
    "第二条 持有健康证明的从业人员名单应当在店内公示。",
    "第二条 档案馆应当向查档人提供档案证明。",
    # a modal before 有/具备 that governs no certification
    "第二条 当事人应当有证据证明其主张。",
    "第二条 申请人所需有关证明，由居住地社区统一出具。",
    "第二条 电子证照与纸质证照应当具备同等证明作用。",
])
def test_not_demands(draft, body):
    assert texts(draft, body) == []


def test_jieba_is_not_loaded_without_证明(tmp_path):
    import subprocess
    import sys

    p = tmp_path / "d.md"
    p.write_text("# 某办法\n\n第一条 申请人应当提交申请书。\n", encoding="utf-8")
    code = ("import sys\nfrom zzreview.cli import main\nsys.argv=['zzreview','check',%r,'--as-of','%s']\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print('JIEBA', 'jieba' in sys.modules)") % (str(p), AS_OF)
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert "JIEBA False" in r.stdout, r.stdout + r.stderr


# --- matching ----------------------------------------------------------------------------------

@pytest.mark.parametrize("a, b", [
    ("无犯罪记录证明", "无违法犯罪记录证明"),
    ("亲属关系证明", "直系亲属关系证明"),
    ("居住证明", "居住地证明"),
    ("家庭经济困难证明", "家庭困难证明"),
    ("无违法犯罪记录证明", "无犯罪记录证明材料"),
])
def test_similar_names_match(a, b):
    assert certlists.similarity(a, b) >= certlists.THRESHOLD


@pytest.mark.parametrize("a, b", [
    ("出生医学证明", "死亡医学证明"),
    ("收入证明", "无收入证明"),
    ("独生子女证明", "非独生子女证明"),
    ("房屋租赁证明", "房屋产权证明"),
    ("婚姻状况证明", "婚育状况证明"),
    ("出生医学证明", "医学证明"),
    ("在校证明", "在职证明"),
])
def test_near_misses_do_not_match(a, b):
    assert certlists.similarity(a, b) < certlists.THRESHOLD


def test_exact_alias_and_similar_match(tmp_path):
    p = tmp_path / "l.toml"
    p.write_text('[list]\nname = "某市清单"\ndate = "2024-01-01"\n\n'
                 '[[item]]\nname = "出生医学证明"\naliases = ["出生证明"]\nbasis = "《母婴保健法》第二十三条"\n\n'
                 '[[item]]\nname = "无违法犯罪记录证明"\npromise = false\n', encoding="utf-8")
    lists = [certlists.load_list(str(p))]
    assert certlists.match("出生医学证明", lists).how == "exact"
    assert certlists.match("出生证明", lists).how == "alias"
    m = certlists.match("无犯罪记录证明", lists)
    assert (m.how, m.item.name) == ("similar", "无违法犯罪记录证明")
    assert certlists.match("死亡医学证明", lists) is None


# --- lists -------------------------------------------------------------------------------------

def test_shipped_list_loads_by_name():
    lst = certlists.load_list("chibi-2023")
    assert lst.name == "赤壁市2023年保留证明事项清单" and lst.date == "2023-05-29"
    assert lst.complete is False and lst.items and lst.items[0].promise is False
    assert "烟花爆竹安全管理条例" in lst.items[0].basis
    assert certlists.load_list("赤壁市2023年保留证明事项清单").id == "chibi-2023"


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gb18030"])
def test_spreadsheet_csv_export(tmp_path, encoding):
    p = tmp_path / "清单.csv"
    p.write_text("某市保留证明事项清单（2024年3月1日）,,,,\n"
                 "序号,证明名称,开具单位,设定依据,是否告知承诺,别名\n"
                 "1,无违法犯罪记录证明,公安机关,《公安机关办理犯罪记录查询工作规定》,否,无犯罪证明\n"
                 "2,婚姻状况证明,民政部门,某依据,是,\n", encoding=encoding)
    lst = certlists.load_list(str(p))
    assert (lst.name, lst.date) == ("某市保留证明事项清单", "2024-03-01")
    assert [(i.name, i.issuer, i.promise) for i in lst.items] == [
        ("无违法犯罪记录证明", "公安机关", False), ("婚姻状况证明", "民政部门", True)]
    assert lst.items[0].aliases == ["无犯罪证明"]


def test_chibi_style_columns_and_tsv(tmp_path):
    p = tmp_path / "chibi.tsv"
    p.write_text("序号\t证明名称\t证明用途\t设定依据\t依据条文及内容\t索要单位\t开具单位\t行使层级\t事项类型\t"
                 "不能实行告知承诺及保留原因\n"
                 "1\t某证明\t某许可\t某条例第十九条\t……\t应急管理部门\t经营者\t县\t行政许可\t不能保证安全\n",
                 encoding="utf-8")
    item = certlists.load_list(str(p)).items[0]
    assert (item.use, item.requester, item.issuer, item.level, item.promise) == (
        "某许可", "应急管理部门", "经营者", "县", False)
    assert item.basis.startswith("某条例第十九条")


def test_bad_lists_are_reported(tmp_path):
    with pytest.raises(ConfigError, match="不存在"):
        certlists.load_list(str(tmp_path / "nope.csv"))
    p = tmp_path / "x.csv"
    p.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="表头"):
        certlists.load_list(str(p))


# --- the check through the CLI -----------------------------------------------------------------

BODY = ("第一条 根据《中华人民共和国行政许可法》，制定本办法。\n\n"
        "第二条 申请人应当提交下列材料：\n\n（一）申请书；\n\n（二）户籍所在地公安派出所出具的无犯罪记录证明；\n\n"
        "（三）婚姻状况证明；\n\n（四）村委会出具的居住证明；\n\n（五）其他相关证明材料。\n\n"
        "第三条 本办法自2027年1月1日起施行，有效期5年。")
LIST = ("序号,证明名称,开具单位,设定依据,是否告知承诺\n"
        "1,无违法犯罪记录证明,公安机关,《公安机关办理犯罪记录查询工作规定》,否\n"
        "2,婚姻状况证明,民政部门,某依据,是\n")


def _findings(doc: dict, check: str = "unlisted-certification") -> list[tuple[str, str]]:
    return [(f["code"], f["quote"]) for f in doc["findings"] if f["check"] == check]


def test_check_with_a_user_list(cli, draft, tmp_path):
    (tmp_path / "lists").mkdir()
    (tmp_path / "lists" / "本市清单.csv").write_text("某市保留证明事项清单（2024年3月1日）\n" + LIST, encoding="gb18030")
    (tmp_path / "zzreview.toml").write_text('certification-lists = ["lists/本市清单.csv"]\n', encoding="utf-8")
    r = cli("check", draft(BODY), "--format", "json", "--as-of", AS_OF)
    doc = r.json()["documents"][0]
    assert _findings(doc) == [
        ("ZZ403", "婚姻状况证明"), ("ZZ401", "村委会出具的居住证明"), ("ZZ402", "其他相关证明材料")]
    f401 = next(f for f in doc["findings"] if f["code"] == "ZZ401")
    assert f401["severity"] == "error"
    assert "《某市保留证明事项清单》（2024-03-01）" in f401["message"] and "清单之外无证明" in f401["message"]
    assert "国办发〔2018〕47号" in f401["basis"] and "国办发〔2020〕42号" in f401["basis"]
    certs = {c["name"]: c for c in doc["facts"]["certifications"]}
    assert certs["无犯罪记录证明"]["listed"] is True
    assert certs["无犯罪记录证明"]["list_item"]["name"] == "无违法犯罪记录证明"
    assert certs["居住证明"]["listed"] is False and certs["居住证明"]["issuer"] == "村委会"
    assert certs["其他相关证明材料"]["catch_all"] is True


def test_check_with_the_shipped_list(cli, draft, tmp_path):
    (tmp_path / "zzreview.toml").write_text('certification-lists = ["chibi-2023"]\n', encoding="utf-8")
    doc = cli("check", draft(BODY), "--format", "json", "--as-of", AS_OF).json()["documents"][0]
    f = [f for f in doc["findings"] if f["code"] == "ZZ401"]
    assert len(f) == 3 and all(x["confidence"] == "low" for x in f)  # a partial copy of the list
    assert "《赤壁市2023年保留证明事项清单》（2023-05-29）" in f[0]["message"]


def test_no_list_configured(cli, draft):
    p = draft(BODY)
    doc = cli("check", p, "--format", "json", "--as-of", AS_OF).json()["documents"][0]
    assert _findings(doc) == [("ZZ402", "其他相关证明材料")]
    assert [c["name"] for c in doc["facts"]["certifications"]] == [
        "无犯罪记录证明", "婚姻状况证明", "居住证明", "其他相关证明材料"]
    assert all(c["listed"] is None for c in doc["facts"]["certifications"])
    out = cli("check", p, "--as-of", AS_OF).stdout
    assert "未配置证明事项清单" in out


def test_missing_list_file_is_reported(cli, draft, tmp_path):
    (tmp_path / "zzreview.toml").write_text('certification-lists = ["nope.csv"]\n', encoding="utf-8")
    r = cli("check", draft(BODY), "--format", "json", "--as-of", AS_OF)
    data = r.json()
    assert any("nope.csv" in e["message"] for e in data["plugin_errors"])


def test_rules_are_documented(cli):
    from zzreview.rules.unlisted_certification import RULES

    assert [(r.code, r.severity) for r in RULES] == [("ZZ401", "error"), ("ZZ402", "warning"), ("ZZ403", "info")]
    for r in RULES:
        for part in ("检查什么", "为什么", "法律依据", "示例", "修改"):
            assert part in r.doc


def test_open_list_item_without_the_word_certification(cli, draft):
    p = draft("第二条 申请人应提交以下材料：（一）申请书；（二）家庭经济困难证明；（三）其他需要提供的材料。")
    r = cli("check", p, "--format", "json", "--as-of", AS_OF, "--fail-on", "never")
    certs = {c["text"]: c["catch_all"] for c in r.json()["documents"][0]["facts"]["certifications"]}
    assert certs == {"家庭经济困难证明": False, "其他需要提供的材料": True}


REPEATED = ("# 某县渔船管理办法\n\n第一条 根据《中华人民共和国渔业法》，制定本办法。\n\n"
            "第二条 申请人应当提交渔船停泊证明。\n\n第三条 变更船籍港的，还应当提交渔船停泊证明。\n\n"
            "第四条 本办法自2027年1月1日起施行，有效期5年。\n")


def test_every_place_is_reported_listed_and_commented(cli, tmp_path):
    import docx

    (tmp_path / "清单.csv").write_text("证明名称,开具单位\n无违法犯罪记录证明,公安机关\n", encoding="utf-8")
    (tmp_path / "zzreview.toml").write_text('certification-lists = ["清单.csv"]\n', encoding="utf-8")
    p = tmp_path / "草案.md"
    p.write_text(REPEATED, encoding="utf-8")
    doc = cli("check", p, "--format", "json", "--as-of", AS_OF, "--fail-on", "never").json()["documents"][0]
    cert = doc["facts"]["certifications"]
    assert [(c["text"], c["count"]) for c in cert] == [("渔船停泊证明", 2)]
    assert [loc["article"] for loc in cert[0]["locations"]] == ["第二条", "第三条"]
    f401 = [f for f in doc["findings"] if f["code"] == "ZZ401"]
    assert [(f["quote"], f["location"]["article"]) for f in f401] == [("渔船停泊证明", "第二条"),
                                                                     ("渔船停泊证明", "第三条")]
    assert "文中共2处，此为第2处" in f401[1]["message"]
    copy, opinion = tmp_path / "批注.docx", tmp_path / "意见.md"
    r = cli("report", p, "--annotate", copy, "--output", opinion, "--as-of", AS_OF)
    assert r.exit_code == 0, r.stderr
    assert "渔船停泊证明（共2处：第二条（第5行）、第三条（第7行）" in opinion.read_text(encoding="utf-8")
    comments = [c.text for c in docx.Document(str(copy)).comments if c.text.startswith("ZZ401")]
    assert len(comments) == 2


def test_a_clipped_name_is_not_called_unlisted(tmp_path):
    lst = tmp_path / "清单.csv"
    lst.write_text("证明名称\n48小时内核酸检测阴性证明\n", encoding="utf-8")
    lists = certlists.load_lists([str(lst)])
    assert certlists.partial_match("核酸检测阴性证明", lists) is not None
    assert certlists.partial_match("无核酸检测阴性证明", lists) is None
    assert certlists.partial_match("渔船证明", lists) is None


# --- sentences and clauses are found in one scan of the marks ------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from zzreview.analysis.cert_clauses import _sentences, line_demands  # noqa: E402


def _depth_by_character(text: str) -> list[int]:
    """The definition: the depth in （）/() at each character, an opening bracket inside, a closing one too."""
    depth, out = 0, []
    for ch in text:
        if ch in "（(":
            depth += 1
        out.append(depth)
        if ch in "）)" and depth:
            depth -= 1
    return out


def _sentences_by_definition(line: str) -> list:
    """The definition: the line cut after each 。！？!? (and at its end), then each sentence cut at
    ，,；;：: where the bracket depth of that character is 0; a clause ends before its mark."""
    depth = _depth_by_character(line)
    ends = [i + 1 for i, ch in enumerate(line) if ch in "。！？!?"]
    if not ends or ends[-1] < len(line):
        ends.append(len(line))
    out, s0 = [], 0
    for s1 in ends:
        clauses, start = [], s0
        for i in range(s0, s1):
            if line[i] in "，,；;：:" and not depth[i]:
                clauses.append((start, i, line[i]))
                start = i + 1
        if start < s1:
            clauses.append((start, s1, ""))
        out.append((s0, s1, clauses))
        s0 = s1
    return out


@settings(max_examples=600, deadline=None)
@given(st.text(alphabet="（()）证明，,；;：:。！？!?材料其他 ", max_size=40))
def test_sentences_and_clauses_agree_with_the_definition_on_random_lines(line):
    assert _sentences(line) == _sentences_by_definition(line)


def test_sentences_and_clauses_agree_with_the_definition_on_the_samples_and_test_strings():
    from conftest import sample_and_test_texts

    lines = [ln for t in sample_and_test_texts() for ln in t.splitlines()]
    with_clauses = 0
    for line in lines:
        assert _sentences(line) == _sentences_by_definition(line), line
        with_clauses += any(mark for *_, clauses in _sentences(line) for *_, mark in clauses)
    assert with_clauses > 100


def test_a_line_without_certification_words_demands_nothing_and_carries_only_a_header():
    assert line_demands("申请人应当按时办理。", 1) == ([], 0)
    assert line_demands("申请人应当提交下列材料：", 0)[1] == 1  # a list header carries on
    found, _ = line_demands("申请人应当提交居住证明（原件）。", 0)
    assert [f.text for f in found] == ["居住证明"]


@pytest.mark.parametrize("line, governing, found, carry", [
    ("其他组织应当遵守本办法。", 1, [], 0),  # 其他, but neither 证明 nor a catch-all of materials
    ("（三）其他相关材料；", 1, ["其他相关材料"], 0),
    ("申请人应当提交下列材料：", 0, [], 1),
    ("其他事项：", 0, [], 0),
    ("经村委会证明的，可以办理。", 0, [], 0),
    ("由申请人提交户籍证明。", 0, ["户籍证明"], 0),
])
def test_line_demands_of_lines_with_and_without_证明(line, governing, found, carry):
    from zzreview.analysis import cert_clauses

    demands, carried = cert_clauses.line_demands(line, governing)
    assert [d.text for d in demands] == found and carried == carry


@pytest.mark.parametrize("line, found, carry", [
    # a sentence without 证明, a colon or a catch-all is passed over; the others are read as before
    ("本办法自发布之日起施行。申请人应当提交户籍证明。", [("户籍证明", False)], 0),
    ("申请人应当提交户籍证明。本办法自发布之日起施行。", [("户籍证明", False)], 0),
    ("实行告知承诺制。申请人应当提交户籍证明。", [("户籍证明", False)], 0),  # 承诺 in another sentence
    ("对户籍证明实行告知承诺制，申请人书面承诺后提交户籍证明。", [("户籍证明", True)], 0),
    ("办理时间为工作日。申请人提交下列材料：", [], 1),  # the header is in the last sentence
    ("申请人提交下列材料：办理时间为工作日。", [], 0),
    ("按时办理。须经村委会证明。", [("村委会证明", False)], 0),
    ("经审核同意。提交其他相关材料。", [("其他相关材料", False)], 0),
])
def test_sentences_are_read_only_where_they_can_demand(line, found, carry):
    demands, carried = line_demands(line, 0)
    assert [(d.text, d.promise) for d in demands] == found and carried == carry


_PLAIN = ["本办法自发布之日起施行", "按时办理", "经审核同意", "实行告知承诺制", "其他组织应当遵守"]
_DEMANDING = ["申请人应当提交户籍证明", "须经村委会证明", "提交其他相关材料", "提交下列材料：",
              "申请人书面承诺后提交居住证明", "由街道办事处出具证明后报批"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_DEMANDING), min_size=1, max_size=3), st.lists(st.sampled_from(_PLAIN), max_size=3),
       st.integers(0, 1))
def test_a_plain_sentence_added_changes_nothing_before_it(demanding, plain, governing):
    """Sentences that cannot demand (no 证明, colon or catch-all) added after a line leave its demands
    as they were and carry nothing on."""
    head = "。".join(demanding) + "。"
    alone, carried = line_demands(head, governing)
    both, carried_both = line_demands(head + "".join(p + "。" for p in plain), governing)
    assert [(d.text, d.start, d.promise) for d in both] == [(d.text, d.start, d.promise) for d in alone]
    assert carried_both == (carried if not plain else 0)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="等相关有其他它余的证明（()）材料、，和由村委会出具提交原件", max_size=16))
def test_the_word_checks_before_patterns_hold_for_every_match(text):
    """noun_start asks _SUMMARY_END only where 等 occurs, _head asks _BRACKET_AFTER only at a bracket:
    every match of them holds that word."""
    from zzreview.analysis import cert_clauses, cert_phrases

    m = cert_phrases._SUMMARY_END.search(text)
    assert m is None or "等" in m.group(0)
    m = cert_clauses._BRACKET_AFTER.match(text)
    assert m is None or text.startswith(("（", "("))
    assert all("其" in m.group(0) for m in cert_phrases._OTHER.finditer(text))
    assert all(m.group(0)[0] in "（(" for m in cert_phrases._BRACKETED.finditer(text))
    assert all("的" in m.group(0) for m in cert_phrases._ISSUER_RC.finditer(text))
    assert all("的" in m.group(0) for m in cert_phrases._ISSUER_DE.finditer(text))
    assert all("的" in m.group(0) for m in cert_phrases.SUBMITTED.finditer(text))
    m = cert_phrases._DE_NOUN.match(text)
    assert m is None or text.startswith("的")


@pytest.mark.parametrize("name", ["_ISSUER_RC", "_ISSUER_DE", "SUBMITTED"])
def test_the_issuer_and_submitted_patterns_match_only_around_的_in_real_texts(name):
    """The random texts above rarely make these patterns match: run them over every sample and
    every string of the tests too, and require that they do match somewhere."""
    from test_triggers import TEXTS

    from zzreview.analysis import cert_phrases

    pattern = getattr(cert_phrases, name)
    # the patterns read the text before a 证明 phrase too (SUBMITTED is anchored at its end)
    befores = [t[:i] for t in TEXTS for i in range(len(t)) if t.startswith("证明", i)]
    matches = [m.group(0) for text in TEXTS + befores for m in pattern.finditer(text)]
    assert matches and all("的" in m for m in matches)


def test_every_catch_all_word_holds_其他():
    """line_demands asks for the catch-all words only in a line holding 其他."""
    from zzreview.analysis import cert_clauses

    assert all("其他" in w for w in cert_clauses.OPEN_MATERIALS.words)
