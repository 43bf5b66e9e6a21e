"""The command line: exit codes, bad files, output files, selection, stdin, JSON contract."""

from __future__ import annotations

import hashlib
import zipfile

from conftest import AS_OF, SAMPLES, run_module

EXPIRED = "第一条 根据《中华人民共和国合同法》，制定本办法。"
CLEAN = "第一条 根据《中华人民共和国民法典》，制定本办法。"


def test_exit_1_on_error_finding_and_0_when_clean(cli, draft):
    assert cli("check", draft(EXPIRED, name="a.md"), "--as-of", AS_OF).exit_code == 1
    assert cli("check", draft(CLEAN, name="b.md"), "--as-of", AS_OF).exit_code == 0


def test_fail_on_thresholds(cli, draft):
    p = draft("第五条 依照《中华人民共和国行政处罚法》第九十条处理。")  # a warning only
    assert cli("check", p, "--as-of", AS_OF).exit_code == 0
    assert cli("check", p, "--as-of", AS_OF, "--fail-on", "warning").exit_code == 1
    assert cli("check", draft(EXPIRED, name="e.md"), "--as-of", AS_OF, "--fail-on", "never").exit_code == 0


def test_text_output_names_file_line_column_code_quote_article_and_summary(cli, draft):
    p = draft(EXPIRED)
    r = cli("check", p, "--as-of", AS_OF)
    first = r.stdout.splitlines()[0]
    assert first.startswith(f"{p}:3:") and " ZZ201 " in first and "已于2021-01-01废止" in first
    assert "第一条｜原文：《中华人民共和国合同法》" in r.stdout
    assert "依据：《中华人民共和国民法典》第一千二百六十条" in r.stdout
    assert "共审查 1 个文件：错误 1 处" in r.stdout.splitlines()[-1]


def _bad_files(tmp_path):
    random_docx = tmp_path / "random.docx"
    random_docx.write_bytes(bytes(range(256)) * 4)
    old_doc = tmp_path / "old.docx"
    old_doc.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 600)
    empty = tmp_path / "empty.md"
    empty.write_bytes(b"")
    no_body = tmp_path / "nobody.docx"
    with zipfile.ZipFile(no_body, "w") as z:
        z.writestr("hello.txt", "x")
    return [random_docx, old_doc, empty, no_body]


def test_bad_files_give_one_line_errors_exit_2_and_others_are_reviewed(cli, draft, tmp_path):
    good = draft(EXPIRED)
    bad = _bad_files(tmp_path)
    r = cli("check", *bad, good, "--format", "json", "--as-of", AS_OF)
    assert r.exit_code == 2
    err_lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert len(err_lines) == len(bad)
    for path, line in zip(bad, err_lines):
        assert line.startswith(f"{path}: 无法读取：") and "Traceback" not in r.stderr
    docs = {d["path"]: d for d in r.json()["documents"]}
    for path in bad:
        assert docs[str(path)]["error"]["message"] and docs[str(path)]["findings"] == []
    assert [f["code"] for f in docs[str(good)]["findings"]] == ["ZZ201"]


def test_missing_file_is_exit_2(cli, tmp_path):
    r = cli("check", tmp_path / "nope.md")
    assert r.exit_code == 2 and "文件不存在" in r.stderr


def test_unknown_option_is_exit_2(cli, draft):
    assert cli("check", draft(CLEAN), "--no-such-option").exit_code == 2


def test_bad_as_of_is_exit_2(cli, draft):
    r = cli("check", draft(CLEAN), "--as-of", "2026-13-40")
    assert r.exit_code == 2 and "--as-of" in r.stderr


def test_input_files_are_never_written(cli, tmp_path):
    files = sorted(SAMPLES.iterdir())
    before = {f: hashlib.sha256(f.read_bytes()).hexdigest() for f in files}
    out = tmp_path / "report.json"
    r = cli("check", SAMPLES, "--format", "json", "--output", out, "--as-of", AS_OF)
    assert r.exit_code == 1 and out.is_file() and r.stdout == ""
    assert {f: hashlib.sha256(f.read_bytes()).hexdigest() for f in files} == before


def test_output_may_not_overwrite_an_input(cli, draft):
    p = draft(EXPIRED)
    text = p.read_text(encoding="utf-8")
    r = cli("check", p, "--output", p)
    assert r.exit_code == 2 and p.read_text(encoding="utf-8") == text


def test_select_and_ignore_by_code_prefix_and_check_name(cli, draft):
    p = draft(EXPIRED + "\n\n第二条 依照《中华人民共和国行政处罚法》第九十条处理。")
    def codes(*args):
        r = cli("check", p, "--format", "json", "--as-of", AS_OF, "--fail-on", "never", *args)
        return sorted(f["code"] for f in r.json()["documents"][0]["findings"])
    assert codes() == ["ZZ201", "ZZ202"]
    assert codes("--select", "ZZ201") == ["ZZ201"]
    assert codes("--ignore", "ZZ2") == []
    assert codes("--ignore", "article-not-found") == ["ZZ201"]
    assert codes("--select", "expired-reference", "--ignore", "ZZ201") == ["ZZ202"]


def test_folder_takes_supported_drafts(cli, tmp_path):
    (tmp_path / "a.md").write_text("# 某办法\n\n" + EXPIRED, encoding="utf-8")
    (tmp_path / "b.txt").write_text("某办法\n" + CLEAN, encoding="utf-8")
    (tmp_path / "c.xlsx").write_bytes(b"PK\x03\x04")
    r = cli("check", tmp_path, "--format", "json", "--as-of", AS_OF, "--fail-on", "never")
    assert sorted(d["path"].rsplit("/", 1)[-1] for d in r.json()["documents"]) == ["a.md", "b.txt"]


def test_stdin_with_stdin_filename(tmp_path):
    data = ("# 某办法\n\n" + EXPIRED).encode("gb18030")
    r = run_module("check", "-", "--stdin-filename", "draft.md", "--as-of", AS_OF, input=data)
    assert r.returncode == 1, r.stderr.decode()
    assert "draft.md:3:" in r.stdout.decode("utf-8") and "ZZ201" in r.stdout.decode("utf-8")


def test_json_contract_fields(cli, draft):
    p = draft(EXPIRED)
    out = cli("check", p, "--format", "json", "--as-of", AS_OF).json()
    assert out["tool"]["name"] == "zzreview" and out["as_of"] == AS_OF
    assert {"version", "source", "laws"} <= set(out["knowledge_base"]) and out["knowledge_base"]["laws"] > 1000
    doc = out["documents"][0]
    assert {"path", "title", "kind", "error", "facts", "findings"} <= set(doc)
    assert doc["error"] is None and doc["title"] == "某市某某管理办法（征求意见稿）" and doc["kind"] == "办法"
    assert {"citations", "basis", "certifications", "effective_date", "validity"} <= set(doc["facts"])
    c = doc["facts"]["citations"][0]
    assert c["as_written"] == "《中华人民共和国合同法》" and c["status"] == "已废止"
    assert c["successor"] == "中华人民共和国民法典"
    assert {"block", "line", "column", "article"} <= set(c["location"])
    f = doc["findings"][0]
    assert set(f) >= {"code", "check", "severity", "message", "quote", "location", "basis", "suggestion",
                      "confidence"}
    assert out["summary"] == {"documents": 1, "error": 1, "warning": 0, "info": 0, "unreadable": 0}


def test_kb_info_and_lookup(cli):
    r = cli("kb", "info")
    assert r.exit_code == 0 and "LawRefBook" in r.stdout and "2025-04-19" in r.stdout
    r = cli("kb", "lookup", "合同法", "--as-of", "2020-06-01")
    assert r.exit_code == 0 and "中华人民共和国合同法" in r.stdout and "有效" in r.stdout
    r = cli("kb", "lookup", "合同法", "--as-of", "2021-06-01")
    assert "已废止" in r.stdout and "中华人民共和国民法典" in r.stdout
    r = cli("kb", "lookup", "某县不存在的办法")
    assert r.exit_code == 1 and "未知" in r.stdout


def test_heavy_modules_are_not_imported_for_a_markdown_draft(tmp_path):
    p = tmp_path / "d.md"
    p.write_text("# 某办法\n\n" + CLEAN, encoding="utf-8")
    code = ("import sys\nfrom zzreview.cli import main\nsys.argv=['zzreview','check',%r,'--as-of','%s']\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print('HEAVY', sorted(m for m in ('docx','jieba','lxml') if m in sys.modules))") % (str(p), AS_OF)
    import subprocess, sys
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert "HEAVY []" in r.stdout, r.stdout + r.stderr
