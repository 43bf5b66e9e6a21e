"""Start-up: a command imports only what it needs (each import of a heavy library costs the
pre-commit hook tens of milliseconds on every commit)."""

from __future__ import annotations

import ast
import subprocess
import sys

from zzreview.rules import registry

HEAVY = ("pydantic", "docx", "lxml", "jieba", "markdown_it", "importlib.metadata")

PROBE = """
import sys
from zzreview.cli import main
sys.argv = ["zzreview", *sys.argv[1:]]
try:
    main()
except SystemExit:
    pass
print("LOADED", sorted(m for m in {heavy!r} if m in sys.modules), file=sys.stderr)
"""


def _loaded(*args: str) -> list[str]:
    r = subprocess.run([sys.executable, "-c", PROBE.format(heavy=HEAVY), *args], capture_output=True, text=True)
    line = next(x for x in r.stderr.splitlines() if x.startswith("LOADED"))
    return ast.literal_eval(line[len("LOADED "):])


def test_version_loads_no_heavy_library():
    assert _loaded("--version") == []


def test_checking_a_markdown_draft_loads_no_heavy_library(tmp_path):
    p = tmp_path / "草案.md"
    p.write_text("# 某县山林防火办法（征求意见稿）\n\n第一条 进山人员不得携带火种。\n", encoding="utf-8")
    assert _loaded("check", str(p), "--as-of", "2026-11-24") == []


def test_checking_a_word_draft_loads_lxml_not_python_docx(tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph("某县山林防火办法（征求意见稿）")
    d.add_paragraph("第一条 进山人员不得携带火种。")
    p = tmp_path / "草案.docx"
    d.save(p)
    assert _loaded("check", str(p), "--as-of", "2026-11-24") == ["lxml"]


def test_plugin_lookup_without_plugins_needs_no_importlib_metadata(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "path", [str(tmp_path)])
    assert registry._may_declare_plugins() is False
    dist = tmp_path / "zz_orchard-1.0.dist-info"
    dist.mkdir()
    (dist / "entry_points.txt").write_text("[console_scripts]\norchard = orchard:main\n", encoding="utf-8")
    assert registry._may_declare_plugins() is False
    (dist / "entry_points.txt").write_text("[zzreview.checks]\norchard = orchard:Check\n", encoding="utf-8")
    assert registry._may_declare_plugins() is True
