"""zzreview clean: a small stock written here, whose documents repeal and cite one another."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from zzreview.clean.keys import stock_key, title_keys

STOCK = {
    # expired: its validity ended in 2018
    "停车.md": """# 青禾市公共停车场管理暂行办法

青禾政发〔2015〕3号

**第一条** 为了规范公共停车场的建设和经营，根据《中华人民共和国道路交通安全法》，结合本市实际，制定本办法。

**第二条** 停车场经营者应当在入口处公示收费标准。

**第三条** 本办法自2015年7月1日起施行，有效期至2018年12月31日。

青禾市人民政府

2015年6月1日
""",
    # repealed by 占道挖掘.md
    "临时占道.md": """# 青禾市城市道路临时占用管理办法

青禾政发〔2016〕8号

**第一条** 为了加强城市道路临时占用的管理，根据《城市道路管理条例》，制定本办法。

**第二条** 临时占用城市道路的，应当向市城市管理部门提出申请。

**第三条** 本办法自2016年3月1日起施行。

青禾市人民政府

2016年2月1日
""",
    # in force; repeals 临时占道.md (cited with other brackets and a blank)
    "占道挖掘.md": """# 青禾市城市道路占用挖掘管理办法

青禾政发〔2022〕5号

**第一条** 为了规范城市道路的占用和挖掘，根据《城市道路管理条例》，结合本市实际，制定本办法。

**第二条** 占用或者挖掘城市道路的，应当按照批准的期限和范围施工。

**第三条** 本办法自2022年5月1日起施行，有效期至2027年4月30日。《青禾市城市道路临时占用 管理办法》（青禾政发［2016］8号）同时废止。

青禾市人民政府

2022年4月1日
""",
    # cites the repealed one and the expired one (both should be found) and the current one (must not)
    "夜间施工.md": """# 青禾市夜间施工管理规定

青禾政发〔2023〕2号

**第一条** 为了减少夜间施工对居民休息的影响，根据《城市道路管理条例》和《青禾市城市道路占用挖掘管理办法》，制定本规定。

**第二条** 夜间在道路上施工的，还应当遵守《青禾市城市道路临时占用管理办法》（青禾政发[2016]8号）的规定。

**第三条** 施工期间车辆停放依照《青禾市公共停车场管理暂行办法》执行。

**第四条** 本规定自2023年3月1日起施行，有效期至2028年2月29日。

青禾市人民政府

2023年2月1日
""",
    # cites a law the 民法典 replaced, with an article
    "租赁.md": """# 青禾市公共租赁住房租赁合同管理办法

青禾政发〔2019〕4号

**第一条** 为了规范公共租赁住房的租赁关系，根据《中华人民共和国合同法》第二百一十二条，结合本市实际，制定本办法。

**第二条** 承租人应当按时缴纳租金。

**第三条** 本办法自2019年6月1日起施行，有效期至2029年5月31日。

青禾市人民政府

2019年5月1日
""",
}


def write_stock(root: Path) -> Path:
    stock = root / "stock"
    stock.mkdir()
    for name, text in STOCK.items():
        (stock / name).write_text(text, encoding="utf-8")
    return stock


@pytest.fixture
def cleaned(tmp_path, cli):
    stock = write_stock(tmp_path)
    out = tmp_path / "out"
    r = cli("clean", stock, "--as-of", "2026-11-24", "-o", out, "--jobs", "1", "--no-progress")
    assert r.exit_code == 0, r.stdout + r.stderr
    data = json.loads((out / "清理结果.json").read_text(encoding="utf-8"))
    return out, {Path(d["path"]).name: d for d in data["documents"]}, data


def test_titles_differing_in_brackets_or_blanks_are_the_same():
    assert stock_key("关于执行青禾政发〔2016〕8号文件的通知") == stock_key("关于执行青禾政发[2016] 8号文件的通知")
    assert stock_key("青禾市 城市道路管理办法") == stock_key("青禾市城市道路管理办法")
    assert stock_key("青禾市城市道路管理办法") != stock_key("青禾市城市桥梁管理办法")
    assert stock_key("青禾市停车办法") in title_keys("青禾市人民政府关于印发《青禾市停车办法》的通知")


def test_expired_validity_is_declared_void(cleaned):
    _, docs, _ = cleaned
    d = docs["停车.md"]
    assert d["status"]["status"] == "有效期届满" and d["status"]["date"] == "2018-12-31"
    assert d["decision"]["decision"] == "宣布失效"
    assert "2018-12-31" in d["decision"]["reasons"][0]["text"]
    assert d["decision"]["reasons"][0]["basis"]


def test_document_repealed_by_another_is_reported_not_reviewed(cleaned):
    _, docs, _ = cleaned
    d = docs["临时占道.md"]
    assert d["status"]["status"] == "已被废止"
    assert d["status"]["by_title"] == "青禾市城市道路占用挖掘管理办法"
    assert d["decision"]["decision"] == "宣布失效"
    assert [f["code"] for f in d["findings"]] == ["ZZ901"]  # no validity or basis findings as if current
    assert "青禾政发〔2022〕5号" in d["findings"][0]["message"]
    # the repealing document itself stays in force
    assert docs["占道挖掘.md"]["status"]["status"] == "有效"
    assert docs["占道挖掘.md"]["decision"]["decision"] == "继续有效"


def test_citing_repealed_or_expired_stock_documents(cleaned):
    _, docs, _ = cleaned
    d = docs["夜间施工.md"]
    refs = [f for f in d["findings"] if f["code"] == "ZZ201"]
    by_quote = {f["quote"]: f for f in refs}
    assert len(refs) == 2, refs
    repealed = next(f for q, f in by_quote.items() if "临时占用" in q)
    assert "青禾市城市道路占用挖掘管理办法" in repealed["message"] and "同时废止" in repealed["basis"]
    assert repealed["confidence"] == "high"  # full title, repeal clause in the text
    expired = next(f for q, f in by_quote.items() if "停车场" in q)
    assert "2018-12-31" in expired["message"]
    assert not any("占用挖掘" in q for q in by_quote)  # the current document is fine to cite
    assert d["decision"]["decision"] == "修改"
    assert {r["code"] for r in d["decision"]["reasons"]} == {"ZZ201"}


def test_repealed_law_means_amend_and_topic_keeps_only_its_documents(tmp_path, cli):
    stock = write_stock(tmp_path)
    out = tmp_path / "topic"
    r = cli("clean", stock, "--as-of", "2026-11-24", "-o", out, "--topic", "民法典", "--jobs", "1")
    assert r.exit_code == 0, r.stderr
    data = json.loads((out / "清理结果.json").read_text(encoding="utf-8"))
    assert [Path(d["path"]).name for d in data["documents"]] == ["租赁.md"]
    d = data["documents"][0]
    assert d["decision"]["decision"] == "修改"
    assert d["topic"]["rebase"] == ["《中华人民共和国合同法》第二百一十二条"]
    assert "第二百一十二条" in (out / "清理情况说明.md").read_text(encoding="utf-8")


def test_spreadsheet_has_the_annex_layout_and_every_finding(cleaned):
    out, docs, data = cleaned
    wb = load_workbook(out / "清理结果.xlsx")
    annex, findings = wb["清理结果"], wb["问题清单"]
    header = [c.value for c in annex[2]][:7]
    assert header == ["序号", "文件名称", "文号", "制定机关", "印发日期", "清理结果", "理由"]
    rows = list(annex.iter_rows(min_row=3, values_only=True))
    assert len(rows) == len(STOCK)
    by_title = {r[1]: r for r in rows}
    assert by_title["青禾市公共停车场管理暂行办法"][5] == "宣布失效"
    assert by_title["青禾市公共停车场管理暂行办法"][2] == "青禾政发〔2015〕3号"
    assert "已被《青禾市城市道路占用挖掘管理办法》" in by_title["青禾市城市道路临时占用管理办法"][6]
    total = sum(len(d["findings"]) for d in docs.values())
    assert findings.max_row - 1 == total


def test_summary_counts_and_first_documents(cleaned):
    out, _, data = cleaned
    md = (out / "清理情况说明.md").read_text(encoding="utf-8")
    assert data["summary"]["decisions"] == {"宣布失效": 2, "修改": 2, "继续有效": 1}
    assert "| 宣布失效 | 2 |" in md and "建议先行处理的文件" in md
    import docx

    text = "\n".join(p.text for p in docx.Document(str(out / "清理情况说明.docx")).paragraphs)
    assert "规范性文件清理情况说明" in text


def test_parallel_run_gives_the_same_result(tmp_path, cli, cleaned):
    _, docs, _ = cleaned
    stock = tmp_path / "stock"
    r = cli("clean", stock, "--as-of", "2026-11-24", "-o", tmp_path / "par", "--jobs", "2")
    assert r.exit_code == 0
    par = json.loads((tmp_path / "par" / "清理结果.json").read_text(encoding="utf-8"))["documents"]
    assert {Path(d["path"]).name: d["decision"] for d in par} == {k: d["decision"] for k, d in docs.items()}


def test_outputs_are_not_overwritten_without_force(tmp_path, cli, cleaned):
    out, _, _ = cleaned
    r = cli("clean", tmp_path / "stock", "--as-of", "2026-11-24", "-o", out, "--jobs", "1")
    assert r.exit_code == 2 and "--force" in r.stderr
    assert cli("clean", tmp_path / "stock", "--as-of", "2026-11-24", "-o", out, "--jobs", "1", "--force").exit_code == 0


def test_rules_are_data(tmp_path, cli):
    stock = write_stock(tmp_path)
    rules = tmp_path / "rules.toml"
    rules.write_text('order = ["修改", "继续有效"]\ndefault = "继续有效"\n\n[[rule]]\nid = "no-validity"\n'
                     'decision = "修改"\ncodes = ["ZZ501"]\nreason = "{message}"\n', encoding="utf-8")
    r = cli("clean", stock, "--as-of", "2026-11-24", "-o", tmp_path / "o", "--rules", rules, "--jobs", "1")
    assert r.exit_code == 0, r.stderr
    docs = json.loads((tmp_path / "o" / "清理结果.json").read_text(encoding="utf-8"))["documents"]
    decided = {Path(d["path"]).name: d["decision"]["decision"] for d in docs}
    assert decided["停车.md"] == "继续有效"  # no rule about expiry in this table
    bad = tmp_path / "bad.toml"
    bad.write_text('order = ["修改"]\n[[rule]]\nid = "x"\ndecision = "删除"\ncodes = ["ZZ1"]\n', encoding="utf-8")
    r = cli("clean", stock, "-o", tmp_path / "o2", "--rules", bad)
    assert r.exit_code == 2 and "decision" in r.stderr


def test_input_files_are_not_modified(tmp_path, cli):
    stock = write_stock(tmp_path)
    before = {p.name: p.read_bytes() for p in stock.iterdir()}
    cli("clean", stock, "--as-of", "2026-11-24", "-o", tmp_path / "o", "--jobs", "1")
    assert {p.name: p.read_bytes() for p in stock.iterdir()} == before


def test_an_output_never_lands_on_a_stock_document_and_follows_the_umask(tmp_path, cli):
    import os
    import stat as st_

    stock = write_stock(tmp_path)
    os.link(stock / "停车.md", stock / "清理情况说明.md")  # a document of the stock under an output's name
    before = (stock / "停车.md").read_bytes()
    r = cli("clean", stock, "--as-of", "2026-11-24", "-o", stock, "--force", "--jobs", "1")
    assert r.exit_code == 2 and "输出文件不能是被审查的输入文件" in r.stderr
    assert (stock / "停车.md").read_bytes() == before
    old = os.umask(0o022)
    try:
        r = cli("clean", stock, "--as-of", "2026-11-24", "-o", tmp_path / "o", "--jobs", "1")
    finally:
        os.umask(old)
    assert r.exit_code == 0, r.stderr
    assert st_.S_IMODE((tmp_path / "o" / "清理结果.xlsx").stat().st_mode) == 0o644


def _calc() -> bool:
    """soffice with its spreadsheet component (Debian splits it out as libreoffice-calc)."""
    soffice = shutil.which("soffice")
    return bool(soffice) and any(Path(soffice).resolve().parent.glob("libsclo*"))


@pytest.mark.skipif(not _calc(), reason="LibreOffice Calc (soffice) is not installed")
def test_libreoffice_opens_the_spreadsheet(tmp_path, cleaned):
    out, _, _ = cleaned
    conv = tmp_path / "lo"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
                    "--convert-to", "xlsx", "--outdir", str(conv), str(out / "清理结果.xlsx")],
                   check=True, capture_output=True, timeout=180)
    wb = load_workbook(conv / "清理结果.xlsx")
    assert wb.sheetnames[:2] == ["清理结果", "问题清单"]
    assert wb["清理结果"]["F3"].value in ("宣布失效", "修改", "继续有效", "废止")


MORE = {
    # the only basis is a regulation the user's table records as repealed, with no successor
    "养蜂.md": """# 青禾市蜂场备案管理办法

青禾政发〔2017〕9号

**第一条** 为了规范蜂场备案，根据《青禾市养蜂管理条例》，制定本办法。

**第二条** 蜂场应当向所在地畜牧兽医部门备案。

**第三条** 本办法自2017年9月1日起施行，有效期至2030年8月31日。

青禾市人民政府

2017年8月1日
""",
    # repeals only one article of 养蜂.md: that document stays in force
    "蜂产品.md": """# 青禾市蜂产品质量管理办法

青禾政发〔2024〕1号

**第一条** 为了保障蜂产品质量，根据《中华人民共和国农产品质量安全法》，制定本办法。

**第二条** 本办法自2024年3月1日起施行，有效期至2029年2月28日。《青禾市蜂场备案管理办法》中有关备案期限的规定同时废止。

青禾市人民政府

2024年2月1日
""",
    # issued before the 2021 revision of the law it cites by article; and one issued after it
    "处罚旧.md": """# 青禾市河道采砂处罚裁量基准

青禾政发〔2019〕7号

**第一条** 为了规范河道采砂行政处罚裁量，依照《中华人民共和国行政处罚法》第二十七条，制定本基准。

**第二条** 本基准自2019年5月1日起施行，有效期至2029年4月30日。

青禾市人民政府

2019年4月1日
""",
    # cites the revised law without an article: nothing to re-check
    "处罚无条.md": """# 青禾市河道保洁检查办法

青禾政发〔2019〕8号

**第一条** 为了规范河道保洁检查，根据《中华人民共和国行政处罚法》等法律，制定本办法。

**第二条** 本办法自2019年5月1日起施行，有效期至2029年4月30日。

青禾市人民政府

2019年4月1日
""",
    "处罚新.md": """# 青禾市林木采伐处罚裁量基准

青禾政发〔2022〕3号

**第一条** 为了规范林木采伐行政处罚裁量，依照《中华人民共和国行政处罚法》第三十二条，制定本基准。

**第二条** 本基准自2022年5月1日起施行，有效期至2027年4月30日。

青禾市人民政府

2022年4月1日
""",
    # implements a regulation the table records as repealed: its subject is gone
    "实施意见.md": """# 青禾市人民政府关于贯彻实施《青禾市养蜂管理条例》的意见

青禾政发〔2018〕2号

一、根据《中华人民共和国畜牧法》，各区应当为转地放蜂提供便利，蜂农应当遵守本意见。

二、本意见自2018年3月1日起施行，有效期至2028年2月29日。

青禾市人民政府

2018年2月1日
""",
    # implements a law in force: nothing gone
    "实施细则.md": """# 青禾市《中华人民共和国畜牧法》实施细则

青禾政发〔2023〕6号

**第一条** 根据《中华人民共和国畜牧法》，结合本市实际，制定本细则。

**第二条** 本细则自2023年3月1日起施行，有效期至2028年2月29日。

青禾市人民政府

2023年2月1日
""",
    "会议.md": """# 青禾市人民政府关于召开全市春季植树工作会议的通知

各区人民政府：

定于2024年3月5日上午9时在市政府第一会议室召开全市春季植树工作会议，请各区分管负责同志参加。

青禾市人民政府办公室

2024年3月1日
""",
}


@pytest.fixture
def more(tmp_path, cli):
    stock = tmp_path / "more"
    stock.mkdir()
    for name, text in MORE.items():
        (stock / name).write_text(text, encoding="utf-8")
    table = tmp_path / "repealed.tsv"
    table.write_text("title\tstatus\trepeal_date\n青禾市养蜂管理条例\t已废止\t2020-01-01\n", encoding="utf-8")
    out = tmp_path / "out-more"
    r = cli("clean", stock, "--as-of", "2026-11-24", "-o", out, "--kb-table", table, "--jobs", "1")
    assert r.exit_code == 0, r.stderr
    data = json.loads((out / "清理结果.json").read_text(encoding="utf-8"))
    return {Path(d["path"]).name: d for d in data["documents"]}, stock, table


def test_basis_wholly_repealed_without_successor_proposes_repeal(more):
    docs, _, _ = more
    d = docs["养蜂.md"]
    assert d["decision"]["decision"] == "废止" and d["decision"]["confirm"]
    reason = next(r for r in d["decision"]["reasons"] if r["rule"] == "basis-gone")
    assert "青禾市养蜂管理条例" in reason["text"] and reason["confidence"] == "medium"


def test_implementing_a_repealed_instrument_proposes_repeal(more):
    docs, _, _ = more
    d = docs["实施意见.md"]
    assert d["decision"]["decision"] == "废止" and d["decision"]["confirm"]
    assert [r["rule"] for r in d["decision"]["reasons"]] == ["subject-gone"]
    assert "青禾市养蜂管理条例" in d["decision"]["reasons"][0]["text"]
    assert docs["实施细则.md"]["decision"]["decision"] == "继续有效"


def test_partial_repeal_leaves_the_document_in_force(more):
    docs, _, _ = more
    assert docs["养蜂.md"]["status"]["status"] == "有效"


def test_law_revised_after_the_document(more):
    docs, _, _ = more
    old = [f for f in docs["处罚旧.md"]["findings"] if f["code"] == "ZZ205"]
    assert len(old) == 1 and "第二十七条" in old[0]["suggestion"]
    assert docs["处罚旧.md"]["decision"]["decision"] == "修改"
    assert [r["rule"] for r in docs["处罚旧.md"]["decision"]["reasons"]] == ["article-may-have-moved"]
    assert not [f for f in docs["处罚新.md"]["findings"] if f["code"] == "ZZ205"]
    assert docs["处罚新.md"]["decision"]["decision"] == "继续有效"
    assert [f for f in docs["处罚无条.md"]["findings"] if f["code"] == "ZZ205"]  # reported, but
    assert docs["处罚无条.md"]["decision"]["decision"] == "继续有效"  # no article to move


def test_topic_of_a_revised_law_lists_articles_to_recheck(more, tmp_path, cli):
    _, stock, table = more
    out = tmp_path / "topic2"
    r = cli("clean", stock, "--as-of", "2026-11-24", "-o", out, "--topic", "行政处罚法", "--kb-table", table,
            "--jobs", "1")
    assert r.exit_code == 0, r.stderr
    docs = json.loads((out / "清理结果.json").read_text(encoding="utf-8"))["documents"]
    rebase = {Path(d["path"]).name: d["topic"]["rebase"] for d in docs}
    assert rebase == {"处罚旧.md": ["《中华人民共和国行政处罚法》第二十七条"], "处罚无条.md": [], "处罚新.md": []}


def test_unknown_topic_is_a_usage_error(tmp_path, cli):
    stock = write_stock(tmp_path)
    r = cli("clean", stock, "-o", tmp_path / "o", "--topic", "青禾市不存在的条例")
    assert r.exit_code == 2 and "--topic" in r.stderr


def test_office_paper_is_left_out_of_the_cleanup(more):
    docs, _, _ = more
    d = docs["会议.md"]
    assert d["normative"]["is_normative"] is False
    assert d["decision"]["decision"] == "不纳入清理"


BY_NUMBER = {
    "旧.md": """# 青禾市户外广告牌设置规定

青禾政发〔2014〕6号

**第一条** 设置户外广告牌的，应当保证牌体牢固。

**第二条** 本规定自2014年6月1日起施行。

青禾市人民政府

2014年5月1日
""",
    "新.md": """# 青禾市户外招牌设置规范

青禾政发〔2021〕2号

**第一条** 设置户外招牌的，应当与建筑立面相协调。

**第二条** 本规范自2021年3月1日起施行，有效期至2026年2月28日。青禾政发[2014]6号同时废止。

青禾市人民政府

2021年2月1日
""",
    "引用.md": """# 青禾市广告牌安全检查办法

青禾政发〔2022〕8号

**第一条** 广告牌的设置标准按照青禾政发〔2014〕6号文件执行。

**第二条** 本办法自2022年7月1日起施行，有效期至2027年6月30日。

青禾市人民政府

2022年6月1日
""",
    "陈述.md": """# 青禾市广告牌登记办法

青禾政发〔2022〕9号

**第一条** 原青禾政发〔2014〕6号文件已废止，广告牌登记适用本办法。

**第二条** 本办法自2022年7月1日起施行，有效期至2027年6月30日。

青禾市人民政府

2022年6月1日
""",
}


def test_repeal_and_citation_by_document_number_alone(tmp_path, cli):
    stock = tmp_path / "numbers"
    stock.mkdir()
    for name, text in BY_NUMBER.items():
        (stock / name).write_text(text, encoding="utf-8")
    out = tmp_path / "o"
    assert cli("clean", stock, "--as-of", "2026-11-24", "-o", out, "--jobs", "1").exit_code == 0
    docs = {Path(d["path"]).name: d for d in
            json.loads((out / "清理结果.json").read_text(encoding="utf-8"))["documents"]}
    assert docs["旧.md"]["status"]["status"] == "已被废止"
    assert docs["旧.md"]["status"]["by_title"] == "青禾市户外招牌设置规范"
    # 新.md's validity ended on 2026-02-28
    assert docs["新.md"]["decision"]["decision"] == "宣布失效"
    cited = [f for f in docs["引用.md"]["findings"] if f["code"] == "ZZ201"]
    assert len(cited) == 1 and "青禾市户外招牌设置规范" in cited[0]["message"]
    # saying that it is already repealed is not citing it
    assert not [f for f in docs["陈述.md"]["findings"] if f["code"] == "ZZ201"]


SHORT = {
    "母.md": """# 青禾市人民政府关于印发《青禾市井盖设施管理办法》的通知

青禾政发〔2015〕4号

各区人民政府：

现将《青禾市井盖设施管理办法》印发给你们，请认真贯彻执行。

第一条 井盖设施的产权单位负责日常巡查。

第二条 本办法自2015年9月1日起施行，有效期至2020年8月31日。

青禾市人民政府

2015年8月1日
""",
    "子.md": """# 青禾市井盖设施巡查规程

青禾政发〔2019〕1号

**第一条** 根据《井盖设施管理办法》（以下简称《办法》），制定本规程。

**第二条** 巡查记录的保存期限依照《办法》第二条确定。

**第三条** 本规程自2019年3月1日起施行，有效期至2029年2月28日。

青禾市人民政府

2019年2月1日
""",
}


def test_stock_documents_cited_without_their_region_or_by_the_instrument_they_issue(tmp_path, cli):
    stock = tmp_path / "short"
    stock.mkdir()
    for name, text in SHORT.items():
        (stock / name).write_text(text, encoding="utf-8")
    out = tmp_path / "o"
    assert cli("clean", stock, "--as-of", "2026-11-24", "-o", out, "--jobs", "1").exit_code == 0
    docs = {Path(d["path"]).name: d for d in
            json.loads((out / "清理结果.json").read_text(encoding="utf-8"))["documents"]}
    cited = [f for f in docs["子.md"]["findings"] if f["code"] == "ZZ201"]
    assert len(cited) == 1 and "2020-08-31" in cited[0]["message"]
    assert cited[0]["confidence"] == "medium"  # matched by a derived name, not the full title
    assert docs["母.md"]["decision"]["decision"] == "宣布失效"


def test_text_from_documents_is_never_a_formula_in_the_spreadsheet(tmp_path, cli):
    stock = tmp_path / "hostile"
    stock.mkdir()
    (stock / "a.md").write_text("# =HYPERLINK(\"http://example.invalid\",\"点击\")\x07办法\n\n"
                                "**第一条** 本办法自2020年1月1日起施行，有效期至2021年12月31日。\n", encoding="utf-8")
    out = tmp_path / "o"
    assert cli("clean", stock, "--as-of", "2026-11-24", "-o", out, "--jobs", "1").exit_code == 0
    ws = load_workbook(out / "清理结果.xlsx")["清理结果"]
    cell = ws["B3"]
    assert cell.data_type == "s" and cell.value.startswith("=HYPERLINK") and "\x07" not in cell.value


def test_formats_mix_in_one_stock(tmp_path, cli):
    import docx

    stock = tmp_path / "mixed"
    stock.mkdir()
    (stock / "旧.md").write_text(BY_NUMBER["旧.md"], encoding="utf-8")
    d = docx.Document()
    for text in ("青禾市户外招牌设置规范", "青禾政发〔2021〕2号", "第一条 设置户外招牌的，应当与建筑立面相协调。",
                 "第二条 本规范自2021年3月1日起施行，有效期至2030年2月28日。《青禾市户外广告牌设置规定》同时废止。",
                 "青禾市人民政府", "2021年2月1日"):
        d.add_paragraph(text)
    d.save(str(stock / "新.docx"))
    out = tmp_path / "o"
    assert cli("clean", stock, "--as-of", "2026-11-24", "-o", out, "--jobs", "1").exit_code == 0
    docs = {Path(x["path"]).name: x for x in
            json.loads((out / "清理结果.json").read_text(encoding="utf-8"))["documents"]}
    assert docs["旧.md"]["status"]["by_title"] == "青禾市户外招牌设置规范"
    assert docs["新.docx"]["decision"]["decision"] == "继续有效"


def _version(year: int, repeal: bool) -> str:
    clause = f"{year - 3}年印发的《青禾市渣土运输管理办法》同时废止。" if repeal else ""
    return (f"# 青禾市渣土运输管理办法\n\n青禾政发〔{year}〕1号\n\n**第一条** 渣土运输车辆应当密闭。\n\n"
            f"**第二条** 本办法自{year}年3月1日起施行，有效期至{year + 8}年2月28日。{clause}\n\n"
            f"青禾市人民政府\n\n{year}年2月1日\n")


def test_a_title_reused_by_successive_versions(tmp_path, cli):
    stock = tmp_path / "versions"
    stock.mkdir()
    (stock / "v2015.md").write_text(_version(2015, False), encoding="utf-8")
    (stock / "v2018.md").write_text(_version(2018, True), encoding="utf-8")
    (stock / "v2021.md").write_text(_version(2021, True), encoding="utf-8")
    (stock / "cites.md").write_text(
        "# 青禾市渣土消纳场管理规定\n\n青禾政发〔2023〕4号\n\n**第一条** 渣土运输依照《青禾市渣土运输管理办法》执行。\n\n"
        "**第二条** 本规定自2023年3月1日起施行，有效期至2028年2月29日。\n\n青禾市人民政府\n\n2023年2月1日\n",
        encoding="utf-8")
    out = tmp_path / "o"
    assert cli("clean", stock, "--as-of", "2026-11-24", "-o", out, "--jobs", "1").exit_code == 0
    docs = {Path(x["path"]).name: x for x in
            json.loads((out / "清理结果.json").read_text(encoding="utf-8"))["documents"]}
    assert docs["v2015.md"]["status"].get("by_number") == "青禾政发〔2018〕1号"
    assert docs["v2018.md"]["status"].get("by_number") == "青禾政发〔2021〕1号"
    assert docs["v2021.md"]["status"]["status"] == "有效"
    # the citation means the version in force
    assert not [f for f in docs["cites.md"]["findings"] if f["code"] == "ZZ201"]


def test_findings_a_reviewer_accepted_do_not_drive_the_decision(tmp_path, cli):
    stock = tmp_path / "accepted"
    stock.mkdir()
    (stock / "租赁.md").write_text(STOCK["租赁.md"], encoding="utf-8")
    (stock / "zzreview.toml").write_text('decisions = ".zzreview/decisions.toml"\n', encoding="utf-8")
    (stock / ".zzreview").mkdir()
    r = cli("check", stock / "租赁.md", "--as-of", "2026-11-24", "--select", "ZZ201",
            "--write-decisions", "--reason", "该条仅叙述历史沿革", "--by", "审核人")
    assert r.exit_code == 0, r.stderr
    out = tmp_path / "o"
    assert cli("clean", stock, "--as-of", "2026-11-24", "-o", out, "--jobs", "1").exit_code == 0
    d = json.loads((out / "清理结果.json").read_text(encoding="utf-8"))["documents"][0]
    assert d["accepted"] == 1 and not [f for f in d["findings"] if f["code"] == "ZZ201"]
    assert d["decision"]["decision"] == "继续有效"
