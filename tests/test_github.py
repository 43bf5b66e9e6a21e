"""--format github: one workflow-command annotation per finding, escaped as the Actions toolkit does."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import AS_OF, DRAFTS

from zzreview.render.github import command, escape_data, escape_property

LINE = re.compile(r"^::(error|warning|notice)(?: (?P<props>[^:]*))?::(?P<data>.*)$")


def unescape(s: str) -> str:
    for k, v in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        s = s.replace(k, v)
    return s


def parse(line: str) -> tuple[str, dict, str]:
    m = LINE.match(line)
    assert m, line
    props = {}
    for item in (m["props"] or "").split(","):
        if item:
            k, v = item.split("=", 1)
            props[k] = unescape(v)
    return m[1], props, unescape(m["data"])


def run(cli, *args):
    r = cli("check", *args, "--format", "github", "--as-of", AS_OF)
    return r, [ln for ln in r.stdout.splitlines() if ln.startswith("::")]


def test_escaping():
    assert escape_data("50%\r\n，a:b,c") == "50%25%0D%0A，a:b,c"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    line = command("error", "第一行\n第二行：100%", file="a,b:c.md", line=3, col=4, title="ZZ201 标题")
    kind, props, data = parse(line)
    assert (kind, props, data) == ("error", {"file": "a,b:c.md", "line": "3", "col": "4", "title": "ZZ201 标题"},
                                   "第一行\n第二行：100%")
    assert "\n" not in line


def test_every_finding_of_every_sample_is_one_parsable_annotation(cli):
    samples = [str(p) for p in DRAFTS]
    r, lines = run(cli, *samples)
    data = cli("check", *samples, "--format", "json", "--as-of", AS_OF).json()
    expected = [(d["path"], f) for d in data["documents"] for f in d["findings"]]
    assert expected and len(lines) == len(expected)
    kinds = {"error": "error", "warning": "warning", "info": "notice"}
    for line, (path, f) in zip(lines, expected):
        kind, props, message = parse(line)
        assert kind == kinds[f["severity"]]
        assert Path(props["file"]).resolve() == Path(path).resolve()
        assert (int(props["line"]), int(props["col"])) == (f["location"]["line"], f["location"]["column"])
        assert props["title"].startswith(f["code"] + " ")
        assert message.startswith(f["message"]) and f"原文：{f['quote']}" in message
        assert f"依据：{f['basis']}" in message
    n = len(DRAFTS)
    assert r.stdout.splitlines()[-1].startswith(f"zzreview：共审查 {n} 个文件")
    assert r.exit_code == 1


def test_relative_paths_stay_relative_and_clean_draft_has_no_annotation(cli, draft, tmp_path, monkeypatch):
    p = draft("第一条 根据《中华人民共和国民法典》，制定本办法。")
    monkeypatch.chdir(tmp_path)
    r, lines = run(cli, p.name)
    assert r.exit_code == 0 and lines == []
    bad = draft("第一条 根据《中华人民共和国合同法》，制定本办法。", name="坏,名:字.md")
    r, lines = run(cli, bad.name)
    [line] = lines
    assert parse(line)[1]["file"] == "坏,名:字.md" and "file=坏%2C名%3A字.md" in line


def test_unreadable_file_is_an_error_annotation_without_line(cli, tmp_path):
    bad = tmp_path / "坏.docx"
    bad.write_bytes(b"not a zip")
    r, lines = run(cli, bad)
    kind, props, message = parse(lines[0])
    assert r.exit_code == 2 and kind == "error" and "line" not in props and message.startswith("无法读取")
