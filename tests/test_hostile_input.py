"""Hostile input (issue 15): outputs never destroy anything, reading is bounded, no traceback,
special files are never opened, user patterns are time-capped, nothing is silently lost.

Every input is generated here; the drafts are about a city's parks, not the corpus.
"""

from __future__ import annotations

import hashlib
import io
import os
import resource
import stat
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from conftest import AS_OF, run_module

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
from docx_parts import make_docx, rezip  # noqa: E402  (shared with tools/hostile_campaign.py)

REPEALED = "《中华人民共和国合同法》"  # repealed 2021-01-01: a review reports it as ZZ201
TITLE = "某市公园游览秩序管理办法"
BODY = f"第一条 根据{REPEALED}，制定本办法。"


def md(body: str = BODY, title: str = TITLE) -> str:
    return f"# {title}\n\n{body}\n"


def fingerprint(p: Path) -> tuple:
    st = os.lstat(p)
    data = hashlib.sha256(p.read_bytes()).hexdigest() if stat.S_ISREG(st.st_mode) else None
    return stat.S_IFMT(st.st_mode), stat.S_IMODE(st.st_mode), data


def assert_one_chinese_error(stderr: str, name: str) -> None:
    assert "Traceback" not in stderr and "[Errno" not in stderr, stderr
    lines = [ln for ln in stderr.splitlines() if name in ln]
    assert lines and any("\u4e00" <= c <= "\u9fff" for c in lines[0]), stderr


# ------------------------------------------------------------------ 1. outputs destroy nothing

@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github"])
def test_output_onto_a_draft_found_in_a_reviewed_folder_is_refused(cli, tmp_path, fmt):
    folder = tmp_path / "drafts"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.md").write_text(md(), encoding="utf-8")
    (folder / "sub" / "b.md").write_text(md(), encoding="utf-8")
    before = {p: fingerprint(p) for p in folder.rglob("*.md")}
    r = cli("check", folder, "-f", fmt, "-o", folder / "sub" / "b.md", "--as-of", AS_OF)
    assert r.exit_code == 2
    assert_one_chinese_error(r.stderr, "b.md")
    assert {p: fingerprint(p) for p in folder.rglob("*.md")} == before


@pytest.mark.parametrize("alias", ["hardlink", "symlink"])
def test_output_onto_another_name_of_the_input_is_refused(cli, tmp_path, alias):
    x = tmp_path / "x.md"
    x.write_text(md(), encoding="utf-8")
    other = tmp_path / "other.md"
    (os.link if alias == "hardlink" else os.symlink)(x, other)
    before = fingerprint(x)
    r = cli("check", x, "-o", other, "--as-of", AS_OF)
    assert r.exit_code == 2 and fingerprint(x) == before
    assert_one_chinese_error(r.stderr, "other.md")


def test_report_outputs_onto_a_hard_link_of_the_draft_are_refused(cli, tmp_path):
    x = tmp_path / "x.md"
    x.write_text(md(), encoding="utf-8")
    os.link(x, tmp_path / "same.md")
    before = fingerprint(x)
    r = cli("report", x, "-o", tmp_path / "same.md", "--force", "--as-of", AS_OF)
    assert r.exit_code == 2 and fingerprint(x) == before


def test_a_fifo_target_is_never_replaced(tmp_path):
    x = tmp_path / "x.md"
    x.write_text(md(), encoding="utf-8")
    fifo = tmp_path / "out.pipe"
    os.mkfifo(fifo)
    # without a reader: refused in one line, still a FIFO
    p = run_module("check", x, "-o", fifo, "--as-of", AS_OF)
    assert p.returncode == 2 and stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert_one_chinese_error(p.stderr.decode(), "out.pipe")
    # with a reader: written through the pipe, still a FIFO
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    time.sleep(0.2)
    p = run_module("check", x, "-o", fifo, "--as-of", AS_OF)
    got = reader.communicate(timeout=60)[0].decode()
    assert p.returncode == 1 and "ZZ201" in got and stat.S_ISFIFO(os.lstat(fifo).st_mode)


@pytest.mark.skipif(os.geteuid() != 0, reason="creating a device node needs root")
def test_a_character_device_target_is_written_in_place(tmp_path):
    x = tmp_path / "x.md"
    x.write_text(md(), encoding="utf-8")
    dev = tmp_path / "null"  # our own null device node, never the machine's /dev/null
    os.mknod(dev, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    before = fingerprint(dev)
    p = run_module("check", x, "-o", dev, "--as-of", AS_OF)
    assert p.returncode == 1 and fingerprint(dev) == before and stat.S_ISCHR(os.lstat(dev).st_mode)


def test_a_regular_file_standing_in_for_a_device_keeps_its_inode_rules(cli, tmp_path):
    """A target that exists is replaced atomically with the same mode (a temp file as stand-in)."""
    x = tmp_path / "x.md"
    x.write_text(md(), encoding="utf-8")
    target = tmp_path / "shared.txt"
    target.write_text("old", encoding="utf-8")
    os.chmod(target, 0o640)
    r = cli("check", x, "-o", target, "--as-of", AS_OF)
    assert r.exit_code == 1 and "ZZ201" in target.read_text(encoding="utf-8")
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o640


@pytest.mark.parametrize("target", ["missing/r.txt", "afile/r.txt", "adir", "", "长" * 300 + ".txt"])
def test_bad_output_targets_are_one_chinese_line(cli, tmp_path, target):
    x = tmp_path / "x.md"
    x.write_text(md(), encoding="utf-8")
    (tmp_path / "afile").write_text("x", encoding="utf-8")
    (tmp_path / "adir").mkdir()
    r = cli("check", x, "-o", str(tmp_path / target) if target else "", "--as-of", AS_OF)
    assert r.exit_code == 2
    assert "Traceback" not in r.stderr and "[Errno" not in r.stderr
    assert any("\u4e00" <= c <= "\u9fff" for c in r.stderr.strip()) and len(r.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("mask", [0o022, 0o077])
def test_output_mode_follows_the_umask(tmp_path, mask):
    x = tmp_path / "x.md"
    x.write_text(md(), encoding="utf-8")
    out = tmp_path / "r.txt"
    subprocess.run([sys.executable, "-m", "zzreview", "check", str(x), "-o", str(out), "--as-of", AS_OF],
                   preexec_fn=lambda: os.umask(mask), capture_output=True, check=False)
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o666 & ~mask


def test_appending_decisions_keeps_the_file_mode(cli, tmp_path):
    (tmp_path / ".zzreview").mkdir()
    dec = tmp_path / ".zzreview" / "decisions.toml"
    dec.write_text("# 审核决定\n", encoding="utf-8")
    os.chmod(dec, 0o644)
    x = tmp_path / "x.md"
    x.write_text(md(), encoding="utf-8")
    r = cli("check", x, "--write-decisions", "--reason", "历史沿革说明", "--as-of", AS_OF)
    assert r.exit_code == 0 and "[[decision]]" in dec.read_text(encoding="utf-8")
    assert stat.S_IMODE(os.stat(dec).st_mode) == 0o644


@pytest.mark.parametrize("target", ["x.md", "notes.txt"])
def test_write_decisions_onto_a_draft_is_refused(cli, tmp_path, target):
    x = tmp_path / "x.md"
    x.write_text(md(), encoding="utf-8")
    (tmp_path / "notes.txt").write_text("某市公园的说明。\n", encoding="utf-8")
    (tmp_path / "zzreview.toml").write_text(f'decisions = "{target}"\n', encoding="utf-8")
    before = {p: fingerprint(p) for p in (x, tmp_path / "notes.txt")}
    r = cli("check", x, "--write-decisions", "--reason", "理由", "--as-of", AS_OF)
    assert r.exit_code == 2 and {p: fingerprint(p) for p in before} == before
    assert_one_chinese_error(r.stderr, target)


def test_init_on_an_existing_file_is_one_line(cli, tmp_path):
    x = tmp_path / "x.md"
    x.write_text(md(), encoding="utf-8")
    before = fingerprint(x)
    r = cli("init", x)
    assert r.exit_code == 2 and fingerprint(x) == before
    assert_one_chinese_error(r.stderr, "x.md")


# ------------------------------------------------------------------ 2. bombs and size limits

def _limited(args: list, env: dict | None = None, limit_gb: float = 1.5) -> subprocess.CompletedProcess:
    """The CLI in a subprocess under an address-space limit: a bomb must not need more."""
    limit = int(limit_gb * 1024 ** 3)

    def cap():
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    return subprocess.run([sys.executable, "-m", "zzreview", *map(str, args)], capture_output=True,
                          preexec_fn=cap, env={**os.environ, **(env or {})}, timeout=600)


@pytest.mark.parametrize("part", ["word/document.xml", "word/styles.xml"])
def test_a_part_that_inflates_past_the_limit_is_too_large_not_corrupt(tmp_path, part):
    base = make_docx([TITLE, BODY])
    p = tmp_path / "bomb.docx"
    p.write_bytes(rezip(base, replace={part: (b"<?xml version='1.0'?><w:x>", 8 * 1024 ** 2)}))
    assert p.stat().st_size < 1024 ** 2  # small on disk
    before = fingerprint(p)
    r = _limited(["check", p, "--as-of", AS_OF], env={"ZZREVIEW_MAX_PART_MB": "4"})
    err = r.stderr.decode()
    assert r.returncode == 2 and "过大" in err and "4 MB" in err and "损坏" not in err
    assert_one_chinese_error(err, "bomb.docx")
    assert fingerprint(p) == before


def test_an_unused_huge_image_is_never_inflated(tmp_path):
    base = make_docx([TITLE, BODY])
    p = tmp_path / "photo.docx"
    p.write_bytes(rezip(base, add={"word/media/image1.png": (b"\x89PNG", 8 * 1024 ** 2)}))
    r = _limited(["check", p, "--as-of", AS_OF], env={"ZZREVIEW_MAX_PART_MB": "4"})
    assert r.returncode == 1 and b"ZZ201" in r.stdout


def test_many_relationships_load_only_the_parts_needed(tmp_path):
    base = make_docx([TITLE, BODY])
    rels = zipfile.ZipFile(io.BytesIO(base)).read("word/_rels/document.xml.rels").decode()
    extra = "".join(f'<Relationship Id="rZ{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                    f'relationships/customXml" Target="../extra/item{i}.xml"/>' for i in range(3000))
    rels = rels.replace("</Relationships>", extra + "</Relationships>")
    add = {f"extra/item{i}.xml": b"<a/>" for i in range(3000)}
    p = tmp_path / "many.docx"
    p.write_bytes(rezip(base, replace={"word/_rels/document.xml.rels": rels.encode()}, add=add))
    from zzreview.readers.docx import read_package
    from zzreview.readers.docx_package import DocxPackage

    package = DocxPackage(p.read_bytes())
    assert read_package(package, "many.docx").blocks
    assert sorted(package.read) == ["[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels",
                                    "word/document.xml", "word/styles.xml"]
    r = _limited(["check", p, "--as-of", AS_OF])
    assert r.returncode == 1 and b"ZZ201" in r.stdout


def test_a_file_over_the_size_limit_is_refused_before_reading(tmp_path):
    p = tmp_path / "huge.md"
    with open(p, "wb") as fh:  # sparse: nothing large is written
        fh.truncate(64 * 1024 ** 2)
    r = _limited(["check", p, "--as-of", AS_OF], env={"ZZREVIEW_MAX_FILE_MB": "8"})
    err = r.stderr.decode()
    assert r.returncode == 2 and "过大" in err and "8 MB" in err and "ZZREVIEW_MAX_FILE_MB" in err


def test_an_endless_source_behind_a_symlink_is_bounded(tmp_path):
    """A draft or a table that is a symlink to an endless device: refused by its type, never read
    (the device is only looked at with stat; /dev/null is never involved)."""
    link = tmp_path / "zero.md"
    os.symlink("/dev/zero", link)
    table = tmp_path / "zero.tsv"
    os.symlink("/dev/zero", table)
    ok = tmp_path / "ok.md"
    ok.write_text(md(), encoding="utf-8")
    r = _limited(["check", link, ok, "--as-of", AS_OF])
    err = r.stderr.decode()
    assert r.returncode == 2 and b"ZZ201" in r.stdout
    assert_one_chinese_error(err, "zero.md")
    r = _limited(["check", ok, "--kb-table", table, "--as-of", AS_OF])
    assert r.returncode == 2
    assert_one_chinese_error(r.stderr.decode(), "zero.tsv")


# ------------------------------------------------------------------ 4. no traceback

TRACEBACK_BODIES = {
    "second-item": ("关于印发贯彻落实公园管理办法和公园管理实施细则的通知",
                    "各单位：现将《公园管理办法》和《公园管理实施细则》印发给你们，请依照其第二项执行。"),
    "5000-digits": (TITLE, f"依照{REPEALED}第{'7' * 5000}条规定。"),
    "5000-numerals": (TITLE, f"依照{REPEALED}第{'三' * 5000}条规定。"),
    "year-9999": (TITLE, "第一条 本办法自9999年1月1日起施行，有效期5年。"),
}


@pytest.mark.parametrize("case", sorted(TRACEBACK_BODIES))
def test_hostile_drafts_are_reviewed_and_the_next_file_too(cli, tmp_path, case):
    title, body = TRACEBACK_BODIES[case]
    bad = tmp_path / "a.md"
    bad.write_text(md(body, title), encoding="utf-8")
    good = tmp_path / "b.md"
    good.write_text(md(), encoding="utf-8")
    r = cli("check", bad, good, "-f", "json", "--as-of", AS_OF)
    docs = {d["path"]: d for d in r.json()["files"]} if "files" in r.json() else None
    assert "Traceback" not in r.stderr and r.exit_code in (0, 1), r.stderr
    assert str(good) in r.stdout and "ZZ201" in r.stdout
    assert docs is None or docs[str(bad)].get("error") is None


def test_far_valid_until_in_a_table_and_a_draft_in_year_9999(cli, tmp_path):
    table = tmp_path / "t.tsv"
    table.write_text("title\tvalid_until\n某市公园条例\t9999-12-31\n", encoding="utf-8")
    x = tmp_path / "x.md"
    x.write_text(md("第一条 根据《某市公园条例》制定。本办法自9999年1月1日起施行，有效期5年。"), encoding="utf-8")
    r = cli("check", x, "--kb-table", table, "--as-of", AS_OF)
    assert r.exit_code in (0, 1) and "Traceback" not in r.stderr


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github"])
def test_file_names_that_are_not_utf8_on_a_strict_terminal(tmp_path, fmt):
    name = os.fsencode(str(tmp_path)) + b"/\xff\xfe.md"
    with open(name, "wb") as fh:
        fh.write(md().encode("utf-8"))
    p = subprocess.run([sys.executable, "-m", "zzreview", "check", os.fsdecode(name), "-f", fmt, "--as-of", AS_OF],
                       capture_output=True, env={**os.environ, "PYTHONIOENCODING": "utf-8:strict"})
    assert p.returncode == 1 and b"Traceback" not in p.stderr and b"ZZ201" in p.stdout


def test_a_path_longer_than_path_max(cli, tmp_path):
    p = str(tmp_path / (("a" * 250 + "/") * 20)) + "x.md"
    r = cli("check", p, "--as-of", AS_OF)
    assert r.exit_code == 2 and "Traceback" not in r.stderr and "[Errno" not in r.stderr


def test_configuration_nested_100000_deep(cli, tmp_path):
    (tmp_path / "zzreview.toml").write_text("a = " + "[" * 100000 + "]" * 100000 + "\n", encoding="utf-8")
    x = tmp_path / "x.md"
    x.write_text(md(), encoding="utf-8")
    r = cli("check", x, "--as-of", AS_OF)
    assert r.exit_code == 2
    assert_one_chinese_error(r.stderr, "zzreview.toml")


@pytest.mark.parametrize("content", ["decision = 5\n", 'decision = ["x"]\n',
                                     '[[decision]]\ndocument = 1\ncode = "ZZ201"\nreason = "r"\nquote = "q"\n'])
def test_decisions_of_the_wrong_type(cli, tmp_path, content):
    (tmp_path / ".zzreview").mkdir()
    (tmp_path / ".zzreview" / "decisions.toml").write_text(content, encoding="utf-8")
    x = tmp_path / "x.md"
    x.write_text(md(), encoding="utf-8")
    r = cli("check", x, "--as-of", AS_OF)
    assert r.exit_code == 2
    assert_one_chinese_error(r.stderr, "decisions.toml")


@pytest.mark.parametrize("label,content", [
    ("bare-cr", "title\tstatus\r某市公园条例\t已废止\r"),
    ("long-field", "title\tstatus\n" + "园" * 140000 + "\t有效\n"),
    ("superscript", "title\tmax_article\n某市公园条例\t²\n"),
    ("5000-digits", "title\tmax_article\n某市公园条例\t" + "9" * 5000 + "\n"),
])
def test_hostile_kb_tables(cli, tmp_path, label, content):
    t = tmp_path / f"{label}.tsv"
    t.write_text(content, encoding="utf-8")
    r = cli("kb", "info", "--kb-table", t)
    assert "Traceback" not in r.stderr
    if r.exit_code:
        assert r.exit_code == 2
        assert_one_chinese_error(r.stderr, f"{label}.tsv")
    else:  # a bare CR is a line break
        assert label == "bare-cr"


def test_message_template_with_a_huge_width(cli, tmp_path):
    plugins = tmp_path / "plugins"
    plugins.mkdir()
    (plugins / "t.toml").write_text(
        '[[rule]]\ncode = "X901"\nname = "wide"\nkind = "pattern"\nseverity = "warning"\ntitle = "t"\n'
        'message = "见{match:>2000000000}{missing}"\nbasis = "测试依据"\npattern = "制定"\n', encoding="utf-8")
    (tmp_path / "zzreview.toml").write_text('plugin-paths = ["plugins"]\n', encoding="utf-8")
    x = tmp_path / "x.md"
    x.write_text(md(), encoding="utf-8")
    r = cli("check", x, "--as-of", AS_OF)
    assert r.exit_code == 1 and "X901" in r.stdout and "见制定{missing}" in r.stdout


# ------------------------------------------------------------------ 5. special files

def test_fifo_given_directly_and_in_a_folder_is_never_opened(tmp_path):
    folder = tmp_path / "drafts"
    folder.mkdir()
    (folder / "good.md").write_text(md(), encoding="utf-8")
    os.mkfifo(folder / "pipe.md")
    os.mkfifo(tmp_path / "direct.md")
    p = run_module("check", tmp_path / "direct.md", folder, "--as-of", AS_OF)
    err = p.stderr.decode()
    assert p.returncode == 2 and b"ZZ201" in p.stdout
    assert_one_chinese_error(err, "direct.md")
    assert "pipe.md" in err and "跳过" in err
    assert stat.S_ISFIFO(os.lstat(folder / "pipe.md").st_mode)


def test_fifo_as_kb_table_config_list_and_plugin(tmp_path):
    fifo = tmp_path / "t.tsv"
    os.mkfifo(fifo)
    x = tmp_path / "x.md"
    x.write_text(md(), encoding="utf-8")
    p = run_module("check", x, "--kb-table", fifo, "--as-of", AS_OF)
    assert p.returncode == 2
    assert_one_chinese_error(p.stderr.decode(), "t.tsv")
    plugins = tmp_path / "plugins"
    plugins.mkdir()
    os.mkfifo(plugins / "p.toml")
    (tmp_path / "zzreview.toml").write_text('plugin-paths = ["plugins"]\n', encoding="utf-8")
    p = run_module("check", x, "--as-of", AS_OF)
    assert p.returncode == 2 and b"ZZ201" in p.stdout and "p.toml" in p.stderr.decode()


# ------------------------------------------------------------------ 6. user patterns

def test_a_catastrophic_user_pattern_times_out_and_is_named(tmp_path):
    plugins = tmp_path / "plugins"
    plugins.mkdir()
    (plugins / "slow.toml").write_text(
        '[[rule]]\ncode = "X801"\nname = "slow"\nkind = "pattern"\nseverity = "warning"\ntitle = "t"\n'
        "message = \"m\"\nbasis = \"测试依据\"\npattern = '''(x+x+)+y'''\n", encoding="utf-8")
    (tmp_path / "zzreview.toml").write_text('plugin-paths = ["plugins"]\n', encoding="utf-8")
    x = tmp_path / "x.md"
    x.write_text(md(BODY + "x" * 5000), encoding="utf-8")
    p = run_module("check", x, "--as-of", AS_OF, env={**os.environ, "ZZREVIEW_PATTERN_TIMEOUT": "0.2"})
    err = p.stderr.decode()
    assert p.returncode == 2 and b"ZZ201" in p.stdout  # the other checks still ran
    assert "X801" in err and "超时" in err and "Traceback" not in err


# ------------------------------------------------------------------ 7. silent loss

@pytest.mark.parametrize("marker", ["> ", "- "])
def test_text_nested_past_the_limit_is_kept(cli, tmp_path, marker):
    x = tmp_path / "x.md"
    x.write_text(f"# {TITLE}\n\n" + marker * 150 + BODY + "\n", encoding="utf-8")
    r = cli("check", x, "--as-of", AS_OF)
    assert r.exit_code == 1 and "ZZ201" in r.stdout


@pytest.mark.parametrize("enc", ["utf-32", "utf-32-le", "utf-32-be"])
def test_utf32_with_a_bom(cli, tmp_path, enc):
    data = md().encode(enc)
    if enc != "utf-32":
        data = ("\ufeff" + md()).encode(enc)
    x = tmp_path / "x.md"
    x.write_bytes(data)
    r = cli("check", x, "--as-of", AS_OF)
    assert r.exit_code == 1 and "ZZ201" in r.stdout


@pytest.mark.parametrize("suffix", [".csv", ".tsv"])
def test_broken_quoting_in_a_kb_table_is_an_error_not_merged_rows(cli, tmp_path, suffix):
    sep = "," if suffix == ".csv" else "\t"
    t = tmp_path / f"t{suffix}"
    t.write_text(f'title{sep}status\n"某市公园条例{sep}已废止\n某县公园条例{sep}有效\n', encoding="utf-8")
    r = cli("kb", "info", "--kb-table", t)
    assert r.exit_code == 2 and "引号" in r.stderr
    assert_one_chinese_error(r.stderr, t.name)


def test_broken_quoting_in_a_certification_list_is_an_error(cli, tmp_path):
    lst = tmp_path / "list.csv"
    lst.write_text('证明名称,备注\n"居住证明,无\n婚姻状况证明,无\n', encoding="utf-8")
    (tmp_path / "zzreview.toml").write_text('certification-lists = ["list.csv"]\n', encoding="utf-8")
    x = tmp_path / "x.md"
    x.write_text(md("第三条 办理游园年卡，申请人应当提交居住证明和婚姻状况证明。"), encoding="utf-8")
    r = cli("check", x, "--as-of", AS_OF)
    assert r.exit_code == 2 and "list.csv" in r.stderr and "引号" in r.stderr


def test_an_empty_folder_is_exit_2_with_a_message(cli, tmp_path):
    (tmp_path / "empty").mkdir()
    r = cli("check", tmp_path / "empty", "--as-of", AS_OF)
    assert r.exit_code == 2
    assert_one_chinese_error(r.stderr, "empty")


# ------------------------------------------------------------------ 8. entity references

def test_a_draft_using_entity_references_is_refused_and_no_copy_written(cli, tmp_path):
    base = make_docx([TITLE, BODY])
    xml = zipfile.ZipFile(io.BytesIO(base)).read("word/document.xml").decode()
    head, rest = xml.split("?>", 1)
    xml = head + '?><!DOCTYPE w:document [<!ENTITY law "中华人民共和国合同法">]>' + rest.replace(
        "中华人民共和国合同法", "&law;")
    p = tmp_path / "entities.docx"
    p.write_bytes(rezip(base, replace={"word/document.xml": xml.encode()}))
    copy = tmp_path / "copy.docx"
    r = cli("report", p, "--annotate", copy, "--as-of", AS_OF)
    assert r.exit_code == 2 and not copy.exists() and "DOCTYPE" in r.stderr


def test_every_docx_written_is_validated_before_it_replaces_the_target(tmp_path):
    from zzreview.errors import ConfigError
    from zzreview.output import validate_docx, write_atomic

    target = tmp_path / "copy.docx"
    target.write_bytes(b"keep me")
    with pytest.raises(ConfigError):
        write_atomic(target, b"PK not really a package", validate=validate_docx)
    assert target.read_bytes() == b"keep me"
    good = make_docx([TITLE])
    write_atomic(target, good, validate=validate_docx)
    assert target.read_bytes() == good


# ------------------------------------------------------------------ 3. linear time and bounded memory

def _review_seconds(path: Path) -> float:
    import datetime as dt

    from zzreview import engine
    from zzreview.kb import KnowledgeBase

    import gc

    kb = KnowledgeBase.load([])
    best = None
    gc.collect()
    gc.disable()  # the collector's pauses are not the algorithm's growth
    try:
        for _ in range(2):
            start = time.perf_counter()
            r = engine.review_file(str(path), kb, dt.date(2026, 1, 1))
            took = time.perf_counter() - start
            assert r.error is None
            best = took if best is None else min(best, took)
    finally:
        gc.enable()
    return best


SHAPES = {
    "soft-broken-lines": lambda n: md("".join(f"第{i}行游园须知继续写下去没有句号\n" for i in range(n))),
    "one-article-then-paragraphs": lambda n: md("第一条 总则。\n\n" + "".join(f"游园段落{i}应当遵守。\n\n" for i in range(n))),
    "basis-sentences": lambda n: md(f"根据{REPEALED}，" * n + "制定本办法。"),
    "suppression-comments": lambda n: md("".join(f"<!-- zzreview: disable-next=ZZ201 理由：测试 -->\n段落{i}。\n\n"
                                                 for i in range(n))),
    "comments-in-one-html-block": lambda n: md("".join("<!-- zzreview: disable=ZZ201 理由：测试 -->\n" for _ in range(n))),
}


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_review_time_grows_linearly(tmp_path, shape):
    """By shape, not by a fixed timing: twice the input may take at most ~2.5 times as long."""
    n = 1500
    ratios = []
    for attempt in range(3):  # a shared machine: the best of three measurements
        small, large = tmp_path / f"s{attempt}.md", tmp_path / f"l{attempt}.md"
        small.write_text(SHAPES[shape](n), encoding="utf-8")
        large.write_text(SHAPES[shape](2 * n), encoding="utf-8")
        ratios.append(_review_seconds(large) / max(_review_seconds(small), 1e-3))
        if min(ratios) <= 2.5:
            break
    assert min(ratios) <= 2.5, ratios


def test_markdown_memory_is_a_small_constant_per_input_byte(tmp_path):
    import tracemalloc

    from zzreview.readers.markdown import read_markdown

    data = md("".join(f"第{i + 1}条 游园者应当遵守本办法的规定，爱护公园设施。\n" for i in range(20000))).encode()
    tracemalloc.start()
    try:
        read_markdown(data, "x.md")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak / len(data) < 60, peak / len(data)


def test_a_large_draft_reviews_under_an_address_space_limit(tmp_path):
    x = tmp_path / "big.md"
    x.write_text(md("".join(f"第{i + 1}条 游园者应当遵守本办法的规定。\n" for i in range(30000))), encoding="utf-8")
    r = _limited(["check", x, "--as-of", AS_OF], limit_gb=1.0)
    assert r.returncode in (0, 1) and b"Traceback" not in r.stderr and b"MemoryError" not in r.stderr
