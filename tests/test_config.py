"""Configuration: discovery (nearest wins), keys, overrides, errors, `zzreview config`."""

from __future__ import annotations

from conftest import AS_OF

EXPIRED = "第一条 根据《中华人民共和国合同法》，制定本办法。\n\n第二条 依照《中华人民共和国行政处罚法》第九十条处理。"


def codes(cli, path, *args):
    r = cli("check", path, "--format", "json", "--as-of", AS_OF, "--fail-on", "never", *args)
    assert r.exit_code == 0, r.stderr
    return sorted(f["code"] for f in r.json()["documents"][0]["findings"])


def test_nearest_config_wins(cli, tmp_path):
    (tmp_path / "zzreview.toml").write_text('ignore = ["ZZ201"]\n', encoding="utf-8")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / ".zzreview.toml").write_text('ignore = ["ZZ202"]\n', encoding="utf-8")
    top = tmp_path / "a.md"
    low = sub / "b.md"
    for p in (top, low):
        p.write_text("# 某办法\n\n" + EXPIRED, encoding="utf-8")
    assert codes(cli, top) == ["ZZ202"]
    assert codes(cli, low) == ["ZZ201"]


def test_pyproject_tool_section_and_severity_override(cli, tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.zzreview]\nfail-on = "warning"\n[tool.zzreview.severity]\n'
        'ZZ201 = "info"\narticle-not-found = "off"\n', encoding="utf-8")
    p = tmp_path / "a.md"
    p.write_text("# 某办法\n\n" + EXPIRED, encoding="utf-8")
    r = cli("check", p, "--format", "json", "--as-of", AS_OF)
    fs = r.json()["documents"][0]["findings"]
    assert [(f["code"], f["severity"]) for f in fs] == [("ZZ201", "info")]
    assert r.exit_code == 0  # fail-on warning, only an info left


def test_per_path_overrides(cli, tmp_path):
    (tmp_path / "zzreview.toml").write_text(
        '[[overrides]]\npaths = ["历史/*.md"]\nignore = ["expired-reference"]\n', encoding="utf-8")
    (tmp_path / "历史").mkdir()
    old = tmp_path / "历史" / "a.md"
    new = tmp_path / "b.md"
    for p in (old, new):
        p.write_text("# 某办法\n\n" + EXPIRED, encoding="utf-8")
    assert codes(cli, old) == []
    assert codes(cli, new) == ["ZZ201", "ZZ202"]


def test_unknown_key_and_bad_value_are_exit_2_naming_file_and_key(cli, tmp_path):
    cfg = tmp_path / "zzreview.toml"
    p = tmp_path / "a.md"
    p.write_text("# 某办法\n\n" + EXPIRED, encoding="utf-8")
    cfg.write_text('selekt = ["ZZ2"]\n', encoding="utf-8")
    r = cli("check", p)
    assert r.exit_code == 2 and str(cfg) in r.stderr and "selekt" in r.stderr and "select" in r.stderr
    cfg.write_text('fail-on = "sometimes"\n', encoding="utf-8")
    r = cli("check", p)
    assert r.exit_code == 2 and "fail-on" in r.stderr and "warning" in r.stderr
    cfg.write_text('fail-on = \n', encoding="utf-8")
    assert cli("check", p).exit_code == 2


def test_as_of_and_kb_tables_from_config(cli, tmp_path):
    table = tmp_path / "本市文件.tsv"
    table.write_text("title\tlevel\teffective_date\tvalid_until\n"
                     "某市养犬管理规定\t行政规范性文件\t2015-01-01\t2020-12-31\n", encoding="utf-8")
    (tmp_path / "zzreview.toml").write_text(f'as-of = "{AS_OF}"\nkb-tables = ["本市文件.tsv"]\n',
                                            encoding="utf-8")
    p = tmp_path / "a.md"
    p.write_text("# 某办法\n\n第一条 根据《某市养犬管理规定》，制定本办法。", encoding="utf-8")
    r = cli("check", p, "--format", "json", "--fail-on", "never")
    out = r.json()
    assert out["as_of"] == AS_OF
    # expired by its own validity period; and a normative document alone is no legal basis
    assert sorted(f["code"] for f in out["documents"][0]["findings"]) == ["ZZ201", "ZZ303"]


def test_config_command_prints_effective_configuration(cli, tmp_path):
    (tmp_path / "zzreview.toml").write_text('select = ["ZZ2"]\nprovince = "山东省"\n', encoding="utf-8")
    r = cli("config", tmp_path)
    assert r.exit_code == 0
    import json
    d = json.loads(r.stdout)
    assert d["select"] == ["ZZ2"] and d["province"] == "山东省" and d["fail-on"] == "error"


def test_init_writes_commented_config_and_prints_hook_snippet(cli, tmp_path):
    r = cli("init", tmp_path)
    assert r.exit_code == 0 and "- id: zzreview" in r.stdout
    assert (tmp_path / "zzreview.toml").read_text(encoding="utf-8").startswith("# zzreview")
    assert cli("init", tmp_path).exit_code == 2  # exists, no --force
    assert cli("config", tmp_path).exit_code == 0  # the template itself is a valid config


def test_a_folder_is_resolved_once_and_a_linked_draft_takes_its_targets_config(cli, tmp_path, monkeypatch):
    """Files of one folder share its configuration; a symbolic link is followed to the folder of
    the file it names, whose configuration applies (as ``Path.resolve`` gives)."""
    from zzreview.engine import ConfigResolver

    home, elsewhere = tmp_path / "home", tmp_path / "elsewhere"
    home.mkdir()
    elsewhere.mkdir()
    (home / "zzreview.toml").write_text('ignore = ["ZZ201"]\n', encoding="utf-8")
    (elsewhere / "zzreview.toml").write_text('ignore = ["ZZ202"]\n', encoding="utf-8")
    real = elsewhere / "real.md"
    real.write_text("# 某办法\n\n" + EXPIRED, encoding="utf-8")
    (home / "linked.md").symlink_to(real)
    for name in ("a.md", "b.md"):
        (home / name).write_text("# 某办法\n\n" + EXPIRED, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    import os

    resolved: list[str] = []
    realpath = os.path.realpath
    monkeypatch.setattr(os.path, "realpath", lambda p, *a, **k: resolved.append(str(p)) or realpath(p, *a, **k))
    resolver = ConfigResolver()
    assert resolver.for_file(str(home / "a.md")).path == home / "zzreview.toml"
    after_first = len(resolved)
    assert resolver.for_file(str(home / "b.md")) is resolver.for_file(str(home / "a.md"))
    assert after_first and len(resolved) == after_first  # b.md, a sibling, resolves nothing again
    assert resolver.for_file(str(home / "linked.md")).path == elsewhere / "zzreview.toml"
    assert resolver.for_file(str(home / "missing.md")).path is None  # names nothing: the working folder's
    assert codes(cli, home / "linked.md") == ["ZZ201"]
    assert codes(cli, home / "a.md") == ["ZZ202"]


def test_whether_a_pyproject_declares_zzreview_is_kept_between_runs_until_it_changes(tmp_path):
    """A hook in a Python project: the pyproject.toml without [tool.zzreview] is parsed once, later
    runs know it by its size and times and import no tomllib; an edit or a change of its
    permissions (which could make it unreadable) is seen at once."""
    import os
    import subprocess
    import sys

    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[project]\nname = "drafts"\n', encoding="utf-8")
    p = tmp_path / "a.md"
    p.write_text("# 某办法\n\n" + EXPIRED, encoding="utf-8")
    probe = ("import json, sys, runpy\nsys.argv = ['zzreview', 'check', sys.argv[1], '-f', 'json', '--as-of', "
             f"'{AS_OF}', '--fail-on', 'never']\n"
             "try:\n    runpy.run_module('zzreview', run_name='__main__')\nexcept SystemExit:\n    pass\n"
             "print(json.dumps('tomllib' in sys.modules), file=sys.stderr)")
    env = {**os.environ, "ZZREVIEW_CACHE_DIR": str(tmp_path / "cache")}

    def run() -> tuple[list, bool]:
        r = subprocess.run([sys.executable, "-c", probe, str(p)], capture_output=True, text=True, env=env)
        import json

        findings = json.loads(r.stdout)["documents"][0]["findings"]
        return sorted((f["code"], f["severity"]) for f in findings), json.loads(r.stderr.splitlines()[-1])

    first, parsed = run()
    assert parsed and ("ZZ201", "error") in first
    assert run() == (first, False)
    pyproject.chmod(0o600)
    assert run() == (first, True)
    assert run() == (first, False)
    pyproject.write_text('[project]\nname = "drafts"\n\n[tool.zzreview.severity]\nZZ201 = "info"\n', encoding="utf-8")
    edited, parsed = run()
    assert parsed and ("ZZ201", "info") in edited and ("ZZ201", "error") not in edited
