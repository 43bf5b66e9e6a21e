"""document-form (ZZ801–ZZ804): reserved names, numbering, cross-references, interpretation claims."""

from __future__ import annotations

from conftest import AS_OF

BASIS = "第一条 根据《中华人民共和国动物防疫法》，制定本办法。"


def codes(cli, path):
    r = cli("check", path, "--format", "json", "--as-of", AS_OF, "--fail-on", "never", "--select", "ZZ8")
    return [(f["code"], f["quote"]) for f in r.json()["documents"][0]["findings"]]


def articles(*texts):
    return "\n\n".join([BASIS, *texts])


def test_reserved_names(cli, draft):
    assert codes(cli, draft(BASIS, title="某市养犬管理条例（征求意见稿）")) == [("ZZ801", "某市养犬管理条例（征求意见稿）")]
    assert codes(cli, draft(BASIS, title="某市城市管理法", name="b.md"))[0][0] == "ZZ801"
    assert codes(cli, draft(BASIS, title="某市养犬管理办法", name="c.md")) == []
    assert codes(cli, draft(BASIS, title="某市实施《中华人民共和国动物防疫法》办法", name="d.md")) == []


def test_article_numbering(cli, draft):
    gap = draft(articles("第二条 甲。", "第四条 乙。"))
    assert codes(cli, gap) == [("ZZ802", "第四条")]
    dup = draft(articles("第二条 甲。", "第二条 乙。"), name="dup.md")
    assert codes(cli, dup) == [("ZZ802", "第二条")]
    ok = draft(articles("第二条 甲。", "第二条之一 乙。", "第三条 丙。"), name="ok.md")
    assert codes(cli, ok) == []
    attachment = draft(articles("第二条 甲。", "附件", "第一条 另一办法。", "第二条 乙。"), name="att.md")
    assert codes(cli, attachment) == []


def test_dangling_cross_reference(cli, draft):
    p = draft(articles("第二条 违反本办法第十五条规定的，责令改正。", "第三条 本办法自2027年1月1日起施行。"))
    assert codes(cli, p) == [("ZZ803", "本办法第十五条")]
    ok = draft(articles("第二条 违反本办法第三条规定的，责令改正。", "第三条 禁止乱扔垃圾。"), name="ok.md")
    assert codes(cli, ok) == []


def test_interpretation_claims(cli, draft):
    p = draft(articles("第二条 《中华人民共和国动物防疫法》在本市实施中的具体应用问题由市农业农村局负责解释。"))
    assert codes(cli, p)[0][0] == "ZZ804"
    ok = draft(articles("第二条 本办法由市农业农村局负责解释。"), name="ok.md")
    assert codes(cli, ok) == []


def test_non_normative_document_is_not_judged(cli, draft):
    p = draft("第一条 甲。\n\n第三条 乙。", title="关于召开养犬管理条例座谈会的通知")
    assert codes(cli, p) == []
