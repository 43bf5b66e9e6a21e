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
from zzreview.launch import main
sys.argv = ["zzreview", *sys.argv[1:]]
try:
    main()
except SystemExit:
    pass
print("LOADED", sorted(m for m in {heavy!r} if m in sys.modules), file=sys.stderr)
"""


def _loaded(*args: str, watch: tuple[str, ...] = HEAVY) -> list[str]:
    r = subprocess.run([sys.executable, "-c", PROBE.format(heavy=watch), *args], capture_output=True, text=True)
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


def test_suppressions_load_only_for_a_draft_that_has_them(tmp_path):
    watch = ("zzreview.suppressions", "hashlib")
    p = tmp_path / "草案.md"
    p.write_text("# 某县山林防火办法（征求意见稿）\n\n第一条 进山人员不得携带火种。\n", encoding="utf-8")
    plain = _loaded("check", str(p), "--as-of", "2026-11-24", watch=watch)
    assert "zzreview.suppressions" not in plain and "hashlib" not in plain
    p.write_text("# 某县山林防火办法（征求意见稿）\n\n<!-- zzreview: disable-next=ZZ301 理由：试行 -->\n\n"
                 "第一条 进山人员不得携带火种。\n", encoding="utf-8")
    assert "zzreview.suppressions" in _loaded("check", str(p), "--as-of", "2026-11-24", watch=watch)


def test_plugin_lookup_without_plugins_needs_no_importlib_metadata(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "path", [str(tmp_path)])
    assert registry._may_declare_plugins() is False
    dist = tmp_path / "zz_orchard-1.0.dist-info"
    dist.mkdir()
    (dist / "entry_points.txt").write_text("[console_scripts]\norchard = orchard:main\n", encoding="utf-8")
    assert registry._may_declare_plugins() is False
    (dist / "entry_points.txt").write_text("[zzreview.checks]\norchard = orchard:Check\n", encoding="utf-8")
    assert registry._may_declare_plugins() is True


def _fresh_data_cache(monkeypatch, where):
    from zzreview import resources

    monkeypatch.setenv("ZZREVIEW_CACHE_DIR", str(where))
    monkeypatch.setattr(resources, "_parsed", None)
    resources.data_toml.cache_clear()


def test_shipped_data_is_parsed_once_and_kept_between_runs(tmp_path, monkeypatch):
    from zzreview import resources
    from zzreview.resources import data_dir, data_toml, tomllib

    fresh = tomllib.loads((data_dir() / "fair_competition/patterns.toml").read_text(encoding="utf-8"))
    _fresh_data_cache(monkeypatch, tmp_path)
    assert data_toml("fair_competition/patterns.toml") == fresh
    resources._parsed.write()
    assert list(tmp_path.glob("data-*.marshal"))
    _fresh_data_cache(monkeypatch, tmp_path)  # a new run: read from the kept file, not parsed
    monkeypatch.setattr(tomllib, "load", lambda f: (_ for _ in ()).throw(AssertionError("parsed again")))
    kept = data_toml("fair_competition/patterns.toml")
    assert kept == fresh and list(kept) == list(fresh)


def test_a_changed_data_file_is_parsed_again_and_dates_are_not_kept(tmp_path, monkeypatch):
    from zzreview import resources

    data = tmp_path / "checks"
    (data / "x").mkdir(parents=True)
    monkeypatch.setattr(resources, "data_root", lambda: str(data))
    table = data / "x" / "t.toml"
    table.write_text('name = "果园"\n', encoding="utf-8")
    _fresh_data_cache(monkeypatch, tmp_path / "cache")
    assert resources.data_toml("x/t.toml") == {"name": "果园"}
    resources._parsed.write()
    table.write_text('name = "茶园"\nsince = 2021-01-01\n', encoding="utf-8")
    _fresh_data_cache(monkeypatch, tmp_path / "cache")
    import datetime as dt

    assert resources.data_toml("x/t.toml") == {"name": "茶园", "since": dt.date(2021, 1, 1)}
    resources._parsed.write()
    _fresh_data_cache(monkeypatch, tmp_path / "cache")
    assert resources.data_toml("x/t.toml")["since"] == dt.date(2021, 1, 1)
    _fresh_data_cache(monkeypatch, "off")
    assert resources.data_toml("x/t.toml")["name"] == "茶园" and resources._parsed._file() is None
