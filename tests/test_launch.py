"""The typer-free start of `zzreview check` (launch.py) takes the options exactly as the typer
definition does, and hands everything else to typer."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from zzreview import check_command
from zzreview.cli import app
from zzreview.launch import parse_check

ROOT = Path(__file__).resolve().parents[1]

SAME_AS_TYPER = [
    ["check", "a.md"],
    ["check", "a.md", "b.docx", "-f", "json", "--as-of", "2026-01-01"],
    ["check", "--format=sarif", "a.md", "--fail-on", "never", "-j2"],
    ["check", "-fjson", "--select", "ZZ2,ZZ3", "--select", "ZZ4", "--ignore", "ZZ401", "folder"],
    ["check", "-", "--stdin-filename", "草案.md", "--no-progress", "--kb-table", "t1.tsv", "--kb-table", "t2.tsv"],
    ["check", "a.md", "--write-decisions", "--reason", "历史遗留", "--by", "张三", "--progress", "-o", "out.json"],
    ["check", "a.md", "--config", "z.toml", "--jobs", "0", "--format", "text", "--format", "github"],
    ["check", "--", "-odd-name.md"],
]

TO_TYPER = [
    [], ["--version"], ["rules"], ["check"], ["check", "--help"], ["check", "a.md", "-f", "xml"],
    ["check", "a.md", "--jobs", "-1"], ["check", "a.md", "--jobs", "two"], ["check", "a.md", "--as-of"],
    ["check", "a.md", "--unknown"], ["check", "a.md", "--progress=yes"], ["check", "a.md", "-o", "-x.json"],
]


def _typer_options(argv: list[str], monkeypatch) -> dict:
    seen = {}

    def capture(*args):
        names = ["paths", "format", "output", "as_of", "fail_on", "select", "ignore", "config", "kb_table",
                 "stdin_filename", "progress", "write_decisions", "reason", "by", "jobs"]
        seen.update(zip(names, args))
        raise SystemExit(0)

    monkeypatch.setattr(check_command, "run_check", capture)
    result = CliRunner().invoke(app, argv)
    assert result.exit_code == 0, result.output
    return seen


@pytest.mark.parametrize("argv", SAME_AS_TYPER, ids=lambda a: " ".join(a))
def test_options_are_read_as_typer_reads_them(argv, monkeypatch):
    ours = parse_check(argv)
    assert ours is not None
    theirs = _typer_options(argv, monkeypatch)
    assert {k: (type(v), v) for k, v in ours.items()} == {k: (type(v), v) for k, v in theirs.items()}


@pytest.mark.parametrize("argv", TO_TYPER, ids=lambda a: " ".join(a) or "(none)")
def test_help_other_commands_and_bad_values_go_to_typer(argv):
    assert parse_check(argv) is None


def test_generated_options_match_the_typer_definition():
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import update_check_options
    finally:
        sys.path.pop(0)
    assert (ROOT / "src" / "zzreview" / "check_options.py").read_text(encoding="utf-8") == \
        update_check_options.render(), "run `python tools/update_check_options.py`"


def _both_ways(args: list[str], cwd: Path) -> tuple:
    """The same command through launch.py (`python -m zzreview`) and through typer's app."""
    fast = subprocess.run([sys.executable, "-m", "zzreview", *args], cwd=cwd, capture_output=True)
    via_typer = subprocess.run([sys.executable, "-c", "import sys\nfrom zzreview.cli import app\n"
                                "sys.argv[0] = 'zzreview'\napp(prog_name='zzreview')", *args],
                               cwd=cwd, capture_output=True)
    return (fast.returncode, fast.stdout, fast.stderr), (via_typer.returncode, via_typer.stdout, via_typer.stderr)


def test_a_review_is_the_same_byte_for_byte_with_and_without_typer(tmp_path):
    (tmp_path / "药店管理办法.md").write_text(
        "# 某县零售药店管理办法（征求意见稿）\n\n第一条 根据《中华人民共和国合同法》，制定本办法。\n\n"
        "第二条 开办药店应当提交无犯罪记录证明。\n", encoding="utf-8")
    (tmp_path / "坏文件.docx").write_bytes(b"not a zip")
    for args in (["check", ".", "--as-of", "2026-11-24"], ["check", ".", "-f", "json", "--as-of", "2026-11-24"],
                 ["check", "药店管理办法.md", "--as-of", "2026-13-01"], ["check", "无此文件.md"]):
        fast, via_typer = _both_ways(args, tmp_path)
        assert fast == via_typer
        assert fast[0] in (1, 2)


def test_the_hook_imports_no_module_it_does_not_use(tmp_path):
    """typer and click (~45 ms), typing (~5 ms), tomllib, zipfile, dataclasses and inspect (~7 ms:
    the review path's classes are zzreview.record Records) and pathlib (~3 ms: paths are strings)
    are not needed to review a Markdown draft once the shipped data are kept parsed."""
    unused = ("typer", "click", "typing", "tomllib", "zipfile", "dataclasses", "inspect", "pathlib")
    p = tmp_path / "草案.md"
    p.write_text("# 某县山林防火办法（征求意见稿）\n\n第一条 进山人员不得携带火种。\n", encoding="utf-8")
    probe = ("import sys, runpy\nsys.argv = ['zzreview', 'check', sys.argv[1], '--as-of', '2026-11-24']\n"
             "code = None\ntry:\n    runpy.run_module('zzreview', run_name='__main__')\nexcept SystemExit as e:\n"
             "    code = e.code\nprint('EXIT', code, file=sys.stderr)\n"
             f"print(sorted(m for m in sys.modules if m.split('.')[0] in {unused!r}), file=sys.stderr)")
    env = {**os.environ, "ZZREVIEW_CACHE_DIR": str(tmp_path / "cache")}
    subprocess.run([sys.executable, "-c", probe, str(p)], capture_output=True, env=env)  # keeps the data parsed
    r = subprocess.run([sys.executable, "-c", probe, str(p)], capture_output=True, text=True, env=env)
    assert r.stderr.strip().splitlines()[-1] == "[]"
    assert "EXIT 1" in r.stderr and "ZZ301" in r.stdout  # the draft was reviewed (no basis clause found)
