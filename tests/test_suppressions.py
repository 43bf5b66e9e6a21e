"""Markdown suppression comments: ranges, next-block, reasons, unused suppressions."""

from __future__ import annotations

from conftest import AS_OF


def run(cli, draft, body):
    r = cli("check", draft(body), "--format", "json", "--as-of", AS_OF, "--fail-on", "never")
    return [(f["code"], f["quote"]) for f in r.json()["documents"][0]["findings"]]


def test_range_with_reason_suppresses_and_is_not_reported(cli, draft):
    body = ("<!-- zzreview: disable=ZZ201 理由：此处仅作历史沿革说明 -->\n\n"
            "第一条 原依据为《中华人民共和国合同法》。\n\n<!-- zzreview: enable=ZZ201 -->\n\n"
            "第二条 依照《中华人民共和国担保法》办理。")
    assert run(cli, draft, body) == [("ZZ201", "《中华人民共和国担保法》")]


def test_disable_next_covers_only_the_next_block(cli, draft):
    body = ("<!-- zzreview: disable-next=ZZ201 理由：已与上级机关确认 -->\n"
            "第一条 根据《中华人民共和国合同法》制定。\n\n第二条 依照《中华人民共和国担保法》办理。")
    assert run(cli, draft, body) == [("ZZ201", "《中华人民共和国担保法》")]


def test_suppression_without_reason_is_itself_a_finding(cli, draft):
    body = "<!-- zzreview: disable=ZZ201 -->\n\n第一条 根据《中华人民共和国合同法》制定。"
    assert [c for c, _ in run(cli, draft, body)] == ["ZZ001"]


def test_unused_suppression_is_reported(cli, draft):
    body = "<!-- zzreview: disable=ZZ202 理由：无 -->\n\n第一条 根据《中华人民共和国民法典》制定。"
    assert [c for c, _ in run(cli, draft, body)] == ["ZZ002"]


def test_other_codes_are_not_suppressed(cli, draft):
    body = "<!-- zzreview: disable=ZZ202 理由：核实过条号 -->\n\n第一条 根据《中华人民共和国合同法》制定。"
    assert sorted(c for c, _ in run(cli, draft, body)) == ["ZZ002", "ZZ201"]


def test_comments_that_are_not_directives_leave_the_findings_as_they_are():
    """A file's own notes in comments (a source line, an editor's remark) suppress nothing and are
    not findings; apply hands back every finding, in order, and no meta findings."""
    import datetime as dt

    from zzreview import suppressions
    from zzreview.engine import check_document
    from zzreview.kb import KnowledgeBase
    from zzreview.readers import read_document

    body = "第一条 根据《中华人民共和国合同法》制定。\n\n第二条 依照《中华人民共和国担保法》办理。\n"
    noted = read_document("d.md", data=("<!-- source: 某网站 ; note: 摘录 -->\n# 某办法\n\n" + body).encode())
    plain = read_document("d.md", data=("# 某办法\n\n" + body).encode())
    assert noted.directives and not plain.directives
    _, findings = check_document(noted, KnowledgeBase.load(), dt.date.fromisoformat(AS_OF))
    kept, meta = suppressions.apply(noted, findings)
    assert [f.code for f in findings].count("ZZ201") == 2
    assert kept == findings and meta == []
    assert suppressions.parse(noted) == []
