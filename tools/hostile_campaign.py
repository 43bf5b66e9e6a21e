"""A campaign of hostile inputs against the zzreview command line (issue 15).

Every case is generated in a temporary folder (no large file is stored), run as a subprocess
under an address-space limit and a time limit, and judged on what a user sees:

* no traceback, no raw English ``[Errno …]`` text; an error is a Chinese line on stderr;
* the exit code expected for the case (2 for bad input, 0/1 for a review);
* every input and special file byte-identical and of the same type afterwards;
* growth by shape: twice the input takes at most ~2.5 times as long (start-up subtracted).

    python tools/hostile_campaign.py [--only PREFIX] [--list] [--verbose]

Prints one line per failing case and a summary ``held N / M``.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import os
import resource
import shutil
import socket
import stat
import subprocess
import sys
import tempfile
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from docx_parts import make_docx, rezip

ZZ = [shutil.which("zzreview") or "zzreview"]
AS_OF = ["--as-of", "2026-01-01"]
MEM_LIMIT = 3 * 1024 ** 3
TIMEOUT = 180
REPEALED = "《中华人民共和国合同法》"  # repealed on 2021-01-01: a review must report it (ZZ201)
TITLE = "某市城市绿化管理办法"


def draft_md(body: str = f"第一条 根据{REPEALED}，制定本办法。", title: str = TITLE) -> str:
    return f"# {title}\n\n{body}\n"


@dataclass
class Case:
    name: str
    argv: list[str]
    codes: tuple[int, ...] = (2,)
    protect: list[Path] = field(default_factory=list)
    env: dict[str, str] = field(default_factory=dict)
    check: Callable[["Run"], str | None] | None = None  # an extra judgement: None when fine
    stdin: bytes | None = None
    cwd: Path | None = None
    umask: int | None = None


@dataclass
class Run:
    code: int
    out: str
    err: str
    seconds: float


def _limits(umask: int | None):
    def apply():
        resource.setrlimit(resource.RLIMIT_AS, (MEM_LIMIT, MEM_LIMIT))
        if umask is not None:
            os.umask(umask)
    return apply


def run(case: Case) -> Run:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8:strict", **case.env}
    start = time.perf_counter()
    p = subprocess.run(case.argv, input=case.stdin, capture_output=True, env=env, cwd=case.cwd or CWD,
                       timeout=TIMEOUT, preexec_fn=_limits(case.umask))
    seconds = time.perf_counter() - start
    return Run(p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace"), seconds)


def fingerprint(p: Path) -> tuple:
    st = os.lstat(p)
    kind = stat.S_IFMT(st.st_mode)
    if stat.S_ISREG(st.st_mode):
        return kind, stat.S_IMODE(st.st_mode), hashlib.sha256(p.read_bytes()).hexdigest()
    if stat.S_ISLNK(st.st_mode):
        return kind, os.readlink(p)
    return kind, stat.S_IMODE(st.st_mode), getattr(st, "st_rdev", 0)


def judge(case: Case) -> str | None:
    before = {p: fingerprint(p) for p in case.protect}
    try:
        r = run(case)
    except subprocess.TimeoutExpired:
        return f"no answer within {TIMEOUT} s"
    for p, fp in before.items():
        if not os.path.lexists(p) or fingerprint(p) != fp:
            return f"{p.name} changed"
    text = r.out + r.err
    if "Traceback" in text or "[Errno" in text or "MemoryError" in text:
        return f"traceback or raw error: {text.strip().splitlines()[-1][:160]}"
    if r.code not in case.codes:
        return f"exit {r.code}, expected {case.codes}: {r.err.strip()[:200]}"
    if r.code == 2 and not any(any("\u4e00" <= c <= "\u9fff" for c in line) for line in r.err.splitlines()):
        return f"exit 2 without a Chinese message: {r.err.strip()[:200]}"
    if case.check:
        return case.check(r)
    return None


# ------------------------------------------------------------------------------------ cases

def output_cases(d: Path) -> list[Case]:
    cases = []
    folder = d / "drafts"
    folder.mkdir()
    (folder / "a.md").write_text(draft_md())
    (folder / "b.md").write_text(draft_md("第一条 本办法自公布之日起施行。"))
    (folder / "sub").mkdir()
    (folder / "sub" / "c.md").write_text(draft_md())
    x = d / "x.md"
    x.write_text(draft_md())
    os.link(x, d / "hard.md")
    os.symlink(x, d / "link.md")
    fifo = d / "pipe"
    os.mkfifo(fifo)
    (d / "afile").write_text("x")
    (d / "adir").mkdir()
    if os.geteuid() == 0:  # a device node of our own: never the machine's /dev/null
        os.mknod(d / "nulldev", 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    protected = [folder / "a.md", folder / "b.md", folder / "sub" / "c.md", x, fifo, d / "afile"]
    for fmt in ("text", "json", "sarif", "github"):
        for target in (folder / "a.md", folder / "sub" / "c.md"):
            cases.append(Case(f"out/{fmt}/onto-found-draft/{target.name}",
                              ZZ + ["check", str(folder), "-f", fmt, "-o", str(target)] + AS_OF, protect=protected))
        for target in (d / "hard.md", d / "link.md", x):
            cases.append(Case(f"out/{fmt}/onto-input-alias/{target.name}",
                              ZZ + ["check", str(x), "-f", fmt, "-o", str(target)] + AS_OF, protect=protected))
        cases.append(Case(f"out/{fmt}/fifo-without-reader", ZZ + ["check", str(x), "-f", fmt, "-o", str(fifo)] + AS_OF,
                          codes=(2,), protect=protected))
        for label, target in (("missing-parent", d / "nope" / "r.txt"), ("parent-is-file", d / "afile" / "r.txt"),
                              ("existing-dir", d / "adir"), ("empty-name", Path("")), ("dot", Path(".")),
                              ("long-name", d / ("长" * 300 + ".txt")), ("path-max", d / (("a" * 200 + "/") * 30 + "r"))):
            cases.append(Case(f"out/{fmt}/{label}", ZZ + ["check", str(x), "-f", fmt, "-o", str(target)] + AS_OF,
                              protect=protected))
        if (d / "nulldev").exists():
            cases.append(Case(f"out/{fmt}/char-device", ZZ + ["check", str(x), "-f", fmt, "-o", str(d / "nulldev")] + AS_OF,
                              codes=(1,), protect=protected + [d / "nulldev"]))
    for label, target in (("self", x), ("hardlink", d / "hard.md"), ("symlink", d / "link.md")):
        cases.append(Case(f"out/report-opinion/{label}", ZZ + ["report", str(x), "-o", str(target), "--force"] + AS_OF,
                          protect=protected))
    cases.append(Case("out/report-annotate/fifo", ZZ + ["report", str(x), "--annotate", str(fifo) + ".docx"] + AS_OF,
                      codes=(0, 2), protect=protected))
    cases.append(Case("out/report-opinion/dir", ZZ + ["report", str(x), "-o", str(d / "adir"), "--force"] + AS_OF,
                      protect=protected))
    # decisions configured onto a draft
    for i, target in enumerate(("x.md", "hard.md", "drafts/a.md", "notes.txt")):
        proj = d / f"proj{i}"
        proj.mkdir()
        (proj / "x.md").write_text(draft_md())
        (proj / "drafts").mkdir()
        (proj / "drafts" / "a.md").write_text(draft_md())
        os.link(proj / "x.md", proj / "hard.md")
        (proj / "notes.txt").write_text("关于某市城市绿化管理的说明。\n")
        (proj / "zzreview.toml").write_text(f'decisions = "{target}"\n')
        cases.append(Case(f"out/write-decisions/onto-{target}", ZZ + ["check", str(proj), "--write-decisions",
                                                                      "--reason", "测试"] + AS_OF,
                          protect=[proj / "x.md", proj / "drafts" / "a.md", proj / "notes.txt"]))
    # modes: umask and an appended decisions file keep their permissions
    for mask in (0o022, 0o002, 0o077):
        target = d / f"report-{mask:o}.txt"
        cases.append(Case(f"out/umask-{mask:o}", ZZ + ["check", str(x), "-o", str(target)] + AS_OF, codes=(1,),
                          umask=mask, protect=[x],
                          check=lambda r, t=target, m=mask: None if stat.S_IMODE(os.stat(t).st_mode) == 0o666 & ~m
                          else f"mode {stat.S_IMODE(os.stat(t).st_mode):o}"))
    shared = d / "shared"
    (shared / ".zzreview").mkdir(parents=True)
    (shared / "x.md").write_text(draft_md())
    dec = shared / ".zzreview" / "decisions.toml"
    dec.write_text("# 审核决定\n")
    os.chmod(dec, 0o644)
    cases.append(Case("out/decisions-keep-mode", ZZ + ["check", str(shared / "x.md"), "--write-decisions", "--reason", "测试"]
                      + AS_OF, codes=(0,), protect=[shared / "x.md"],
                      check=lambda r: None if stat.S_IMODE(os.stat(dec).st_mode) == 0o644 else "decisions mode changed"))
    cases.append(Case("out/init-on-file", ZZ + ["init", str(x)], protect=[x]))
    return cases


def bomb_cases(d: Path) -> list[Case]:
    cases = []
    base = make_docx([TITLE, f"第一条 根据{REPEALED}，制定本办法。"])
    body = b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
    bombs = {
        "document-1GiB": {"replace": {"word/document.xml": (body, 1024 ** 3, b" ")}},
        "document-64MiB": {"replace": {"word/document.xml": (body, 64 * 1024 ** 2, b"<w:p/>")}},
        "styles-512MiB": {"replace": {"word/styles.xml": (b"<?xml version='1.0'?><w:styles>", 512 * 1024 ** 2, b" ")}},
        "unused-image-1GiB": {"add": {"word/media/image1.png": (b"\x89PNG", 1024 ** 3, b"\0")}},
    }
    for label, how in bombs.items():
        p = d / f"{label}.docx"
        p.write_bytes(rezip(base, **how))
        want = (1,) if "unused" in label else (2,)
        check = None if "unused" in label else (
            lambda r: None if "过大" in r.err and "损坏" not in r.err else "not called too large")
        cases.append(Case(f"bomb/{label}", ZZ + ["check", str(p)] + AS_OF, codes=want, protect=[p], check=check))
        cases.append(Case(f"bomb/{label}/report-annotate", ZZ + ["report", str(p), "--annotate", str(d / f"{label}-copy.docx")]
                          + AS_OF, codes=(0, 2), protect=[p]))
    # many relationships naming many parts
    for n in (5000, 20000):
        rels = ['<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                '<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>']
        add = {}
        for i in range(n):
            rels.append(f'<Relationship Id="rX{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml" Target="../extra/item{i}.xml"/>')
            add[f"extra/item{i}.xml"] = b"<a/>"
        rels.append("</Relationships>")
        p = d / f"rels-{n}.docx"
        p.write_bytes(rezip(base, replace={"word/_rels/document.xml.rels": "".join(rels).encode()}, add=add))
        cases.append(Case(f"bomb/relationships-{n}", ZZ + ["check", str(p)] + AS_OF, codes=(1,), protect=[p]))
        cases.append(Case(f"bomb/relationships-{n}/report-annotate", ZZ + ["report", str(p), "--annotate",
                                                                           str(d / f"rels-{n}-copy.docx")] + AS_OF,
                          codes=(0, 2), protect=[p]))
    # endless and huge sources behind symlinks and sparse files
    for dev in ("/dev/zero", "/dev/urandom"):
        for suffix in (".md", ".txt", ".docx"):
            link = d / f"dev-{Path(dev).name}{suffix}"
            os.symlink(dev, link)
            cases.append(Case(f"bomb/symlink-{Path(dev).name}{suffix}", ZZ + ["check", str(link)] + AS_OF))
        t = d / f"kbdev-{Path(dev).name}.tsv"
        os.symlink(dev, t)
        cases.append(Case(f"bomb/kb-table-{Path(dev).name}", ZZ + ["check", str(d / 'ok.md'), "--kb-table", str(t)] + AS_OF))
        cases.append(Case(f"bomb/kb-info-{Path(dev).name}", ZZ + ["kb", "info", "--kb-table", str(t)]))
        for key, value in (("kb-tables", [str(t)]), ("certification-lists", [str(t)]), ("decisions", str(t)),
                           ("plugin-paths", [str(d)])):
            proj = d / f"cfg-{Path(dev).name}-{key}"
            proj.mkdir()
            (proj / "x.md").write_text(draft_md("第三条 申请人应当提交无犯罪记录证明。"))
            val = "[" + ", ".join(f'"{v}"' for v in value) + "]" if isinstance(value, list) else f'"{value}"'
            (proj / "zzreview.toml").write_text(f"{key} = {val}\n")
            if key == "plugin-paths":
                os.symlink(dev, d / f"zz-{Path(dev).name}.toml") if not (d / f"zz-{Path(dev).name}.toml").exists() else None
            cases.append(Case(f"bomb/config-{key}-{Path(dev).name}", ZZ + ["check", str(proj / "x.md")] + AS_OF,
                              protect=[proj / "x.md"]))
        cfgdev = d / f"cfgdev-{Path(dev).name}"
        cfgdev.mkdir()
        (cfgdev / "x.md").write_text(draft_md())
        os.symlink(dev, cfgdev / "zzreview.toml")
        cases.append(Case(f"bomb/config-file-{Path(dev).name}", ZZ + ["check", str(cfgdev / "x.md")] + AS_OF,
                          protect=[cfgdev / "x.md"]))
    (d / "ok.md").write_text(draft_md())
    for suffix, size in ((".md", 200), (".txt", 100), (".docx", 300)):
        sparse = d / f"sparse{suffix}"
        with open(sparse, "wb") as fh:
            fh.truncate(size * 1024 ** 2)
        cases.append(Case(f"bomb/sparse-{size}MB{suffix}", ZZ + ["check", str(sparse)] + AS_OF, protect=[sparse]))
    big = d / "big.tsv"
    with open(big, "wb") as fh:
        fh.truncate(300 * 1024 ** 2)
    cases.append(Case("bomb/kb-table-sparse-300MB", ZZ + ["check", str(d / "ok.md"), "--kb-table", str(big)] + AS_OF))
    cases.append(Case("bomb/stdin-endless", ZZ + ["check", "-", "--stdin-filename", "x.md"] + AS_OF,
                      stdin=b"\n" * (30 * 1024 ** 2)))
    return cases


def _docx_with_doctype(d: Path) -> Path:
    base = make_docx([TITLE, f"第一条 根据{REPEALED}，制定本办法。"])
    doc = zipfile.ZipFile(io.BytesIO(base)).read("word/document.xml").decode()
    head, rest = doc.split("?>", 1)
    doc = head + '?><!DOCTYPE w:document [<!ENTITY law "中华人民共和国合同法">]>' + rest.replace(
        "中华人民共和国合同法", "&law;")
    p = d / "entities.docx"
    p.write_bytes(rezip(base, replace={"word/document.xml": doc.encode()}))
    return p


def traceback_cases(d: Path) -> list[Case]:
    cases = []
    texts = {
        "second-item-of-title": ("关于印发贯彻落实某某办法和某某实施细则的通知",
                                 "各单位：现将《某某办法》和《某某实施细则》印发给你们，依照其第二项执行。"),
        "article-5000-digits": (TITLE, f"依照{REPEALED}第{'1' * 5000}条规定。"),
        "article-5000-numerals": (TITLE, f"依照{REPEALED}第{'一' * 5000}条规定。"),
        "article-mixed-numerals": (TITLE, f"依照{REPEALED}第{'一千' * 2500}条规定。"),
        "year-9999": (TITLE, "第一条 本办法自9999年1月1日起施行，有效期5年。"),
        "year-9999-months": (TITLE, "第一条 本办法自9999年12月31日起施行，有效期至9999年12月31日。"),
        "year-0001": (TITLE, "第一条 本办法自0001年1月1日起施行，有效期5年。"),
        "date-invalid": (TITLE, "第一条 本办法自2021年2月30日起施行，有效期99999年。"),
        "huge-validity": (TITLE, "第一条 本办法自2021年1月1日起施行，有效期" + "9" * 5000 + "年。"),
        "doc-number-huge": (TITLE, "某政发〔" + "2" * 5000 + "〕" + "1" * 5000 + "号"),
        "title-only-brackets": ("《》", "《》《《《》》》"),
        "lone-surrogate-escape": (TITLE, "第一条 \\ud800 根据《》。"),
    }
    for label, (title, body) in texts.items():
        for suffix in (".md", ".txt"):
            p = d / f"{label}{suffix}"
            p.write_text(draft_md(body, title) if suffix == ".md" else f"{title}\n{body}\n")
            cases.append(Case(f"trace/{label}{suffix}", ZZ + ["check", str(p), "-f", "json"] + AS_OF, codes=(0, 1),
                              protect=[p]))
    # the date overflow with a table's far valid_until
    table = d / "far.tsv"
    table.write_text("title\tvalid_until\teffective_date\n某市城市绿化条例\t9999-12-31\t9999-01-01\n")
    p = d / "far.md"
    p.write_text(draft_md("第一条 根据《某市城市绿化条例》，制定本办法。本办法自9999年1月1日起施行，有效期5年。"))
    cases.append(Case("trace/valid-until-9999", ZZ + ["check", str(p), "--kb-table", str(table)] + AS_OF, codes=(0, 1)))
    # file names: long, and not UTF-8, in every format
    long_dir = d / "深" / ("目" * 60) / ("录" * 60)
    long_dir.mkdir(parents=True)
    (long_dir / ("文" * 80 + ".md")).write_text(draft_md())
    bad = os.fsencode(str(d)) + b"/\xff\xfe\xb0.md"
    with open(bad, "wb") as fh:
        fh.write(draft_md().encode())
    for fmt in ("text", "json", "sarif", "github"):
        cases.append(Case(f"trace/long-path/{fmt}", ZZ + ["check", str(long_dir), "-f", fmt] + AS_OF, codes=(1,)))
        cases.append(Case(f"trace/non-utf8-name/{fmt}", ZZ + ["check", os.fsdecode(bad), "-f", fmt] + AS_OF, codes=(1,)))
        cases.append(Case(f"trace/path-max/{fmt}", ZZ + ["check", str(d / (("a" * 250 + "/") * 20)) + "x.md", "-f", fmt] + AS_OF))
    # configuration and decisions
    deep = d / "deep"
    deep.mkdir()
    (deep / "x.md").write_text(draft_md())
    (deep / "zzreview.toml").write_text("a = " + "[" * 100000 + "]" * 100000 + "\n")
    cases.append(Case("trace/config-nested-100000", ZZ + ["check", str(deep / "x.md")] + AS_OF, protect=[deep / "x.md"]))
    deep2 = d / "deep2"
    deep2.mkdir()
    (deep2 / "x.md").write_text(draft_md())
    (deep2 / "zzreview.toml").write_text("a = " + "{b = " * 50000 + "1" + "}" * 50000 + "\n")
    cases.append(Case("trace/config-inline-tables-50000", ZZ + ["check", str(deep2 / "x.md")] + AS_OF))
    for label, content in (("decision-int", "decision = 5\n"), ("decision-str", 'decision = "x"\n'),
                           ("decision-items-int", "decision = [1, 2]\n"),
                           ("decision-fields-int", '[[decision]]\ndocument = 1\ncode = 2\nreason = 3\nquote = 4\n'),
                           ("decision-nested", "decision = " + "[" * 50000 + "]" * 50000 + "\n"),
                           ("decision-binary", "\udcff")):
        proj = d / f"dec-{label}"
        (proj / ".zzreview").mkdir(parents=True)
        (proj / "x.md").write_text(draft_md())
        (proj / ".zzreview" / "decisions.toml").write_bytes(content.encode("utf-8", "surrogateescape"))
        cases.append(Case(f"trace/{label}", ZZ + ["check", str(proj / "x.md")] + AS_OF, protect=[proj / "x.md"]))
    ok = d / "ok2.md"
    ok.write_text(draft_md())
    tables = {
        "bare-cr": "title\tstatus\r某市条例\t已废止\r",
        "field-131KB": "title\tstatus\n" + "某" * 140000 + "\t有效\n",
        "max-article-superscript": "title\tmax_article\n某市条例\t²\n",
        "max-article-5000-digits": "title\tmax_article\n某市条例\t" + "9" * 5000 + "\n",
        "max-article-fullwidth": "title\tmax_article\n某市条例\t１２\n",
        "date-out-of-range": "title\teffective_date\n某市条例\t0000-01-01\n",
        "nul-bytes": "title\x00\tstatus\n某\x00市条例\t有效\n",
        "only-header": "title\n",
        "no-title-column": "名字\n某市条例\n",
    }
    for label, content in tables.items():
        t = d / f"kb-{label}.tsv"
        t.write_bytes(content.encode("utf-8", "surrogateescape"))
        cases.append(Case(f"trace/kb-table-{label}", ZZ + ["check", str(ok), "--kb-table", str(t)] + AS_OF, codes=(0, 1, 2)))
        cases.append(Case(f"trace/kb-info-{label}", ZZ + ["kb", "info", "--kb-table", str(t)], codes=(0, 2)))
    plugin = d / "plugin-template"
    plugin.mkdir()
    for i, template in enumerate(("{match:>2000000000}", "{match!r:^999999999999}", "{0}", "{match.__class__}",
                                  "{match[0]}", "{", "}", "{{match}}", "{match:%Y}")):
        (plugin / f"t{i}.toml").write_text(
            f'[[rule]]\ncode = "X9{i:02d}"\nname = "t{i}"\nkind = "pattern"\nseverity = "warning"\ntitle = "t"\n'
            f'message = """{template}"""\nbasis = "测试依据"\npattern = "办法"\n')
    proj = d / "tplproj"
    proj.mkdir()
    (proj / "x.md").write_text(draft_md())
    (proj / "zzreview.toml").write_text(f'plugin-paths = ["{plugin}"]\n')
    for fmt in ("text", "json", "sarif", "github"):
        cases.append(Case(f"trace/plugin-template/{fmt}", ZZ + ["check", str(proj / "x.md"), "-f", fmt] + AS_OF,
                          codes=(1, 2)))
    cases.append(Case("trace/init-on-existing-file", ZZ + ["init", str(ok)], protect=[ok]))
    cases.append(Case("trace/annotate-entities", ZZ + ["report", str(_docx_with_doctype(d)), "--annotate",
                                                        str(d / "ent-copy.docx")] + AS_OF,
                      check=lambda r: None if not (d / "ent-copy.docx").exists() else "copy written"))
    return cases


def special_cases(d: Path) -> list[Case]:
    cases = []
    fifo = d / "f.md"
    os.mkfifo(fifo)
    ok = d / "ok.md"
    ok.write_text(draft_md())
    sock_path = d / "s.md"
    s = socket.socket(socket.AF_UNIX)
    s.bind(str(sock_path))
    folder = d / "mixed"
    folder.mkdir()
    (folder / "good.md").write_text(draft_md())
    os.mkfifo(folder / "pipe.md")
    os.mkfifo(folder / "pipe.docx")
    os.symlink(fifo, folder / "linked-pipe.txt")
    tsv = d / "t.tsv"
    os.mkfifo(tsv)
    toml = d / "plugins"
    toml.mkdir()
    os.mkfifo(toml / "p.toml")
    protect = [fifo, folder / "pipe.md", folder / "good.md", tsv, toml / "p.toml"]
    cases += [
        Case("special/fifo-direct", ZZ + ["check", str(fifo)] + AS_OF, protect=protect),
        Case("special/fifo-and-good", ZZ + ["check", str(fifo), str(ok)] + AS_OF, protect=protect,
             check=lambda r: None if "ok.md" in r.out or "ZZ201" in r.out else "good file not reviewed"),
        Case("special/socket", ZZ + ["check", str(sock_path)] + AS_OF),
        Case("special/folder-with-pipes", ZZ + ["check", str(folder), "-f", "json"] + AS_OF, codes=(1,), protect=protect,
             check=lambda r: None if "pipe.md" in r.err and "跳过" in r.err else "skipped pipes not named"),
        Case("special/kb-table-fifo", ZZ + ["check", str(ok), "--kb-table", str(tsv)] + AS_OF, protect=protect),
        Case("special/kb-info-fifo", ZZ + ["kb", "info", "--kb-table", str(tsv)], protect=protect),
        Case("special/config-fifo", ZZ + ["check", str(ok), "--config", str(tsv)] + AS_OF, protect=protect),
        Case("special/report-fifo", ZZ + ["report", str(fifo)] + AS_OF, protect=protect),
    ]
    proj = d / "pp"
    proj.mkdir()
    (proj / "x.md").write_text(draft_md())
    (proj / "zzreview.toml").write_text(f'plugin-paths = ["{toml}"]\ncertification-lists = ["{tsv}"]\n')
    cases.append(Case("special/plugin-and-list-fifo", ZZ + ["check", str(proj / "x.md")] + AS_OF, protect=protect))
    proj2 = d / "pp2"
    proj2.mkdir()
    (proj2 / "x.md").write_text(draft_md())
    os.mkfifo(proj2 / "zzreview.toml")
    cases.append(Case("special/config-found-fifo", ZZ + ["check", str(proj2 / "x.md")] + AS_OF, codes=(1, 2),
                      protect=[proj2 / "zzreview.toml"]))
    proj3 = d / "pp3"
    (proj3 / ".zzreview").mkdir(parents=True)
    (proj3 / "x.md").write_text(draft_md())
    os.mkfifo(proj3 / ".zzreview" / "decisions.toml")
    cases.append(Case("special/decisions-fifo", ZZ + ["check", str(proj3 / "x.md")] + AS_OF, codes=(1, 2),
                      protect=[proj3 / ".zzreview" / "decisions.toml"]))
    cases.append(Case("special/decisions-fifo-write", ZZ + ["check", str(proj3 / "x.md"), "--write-decisions", "--reason", "r"]
                      + AS_OF, protect=[proj3 / ".zzreview" / "decisions.toml"]))
    return cases


def pattern_cases(d: Path) -> list[Case]:
    cases = []
    patterns = {"nested-plus": r"(x+x+)+y", "alternation": r"(x|xx)+y", "star-star": r"(x*)*y",
                "backref": r"(x+)+\1y", "lookahead": r"(?=(x+)+y)x"}
    for label, pat in patterns.items():
        for key in ("pattern", "unless", "if", "then"):
            plugin = d / f"pl-{label}-{key}"
            plugin.mkdir()
            kind = "conditional" if key in ("if", "then") else "pattern"
            fields = {"pattern": f"pattern = '''{pat}'''", "unless": f"pattern = 'x'\nunless = '''{pat}'''",
                      "if": f"if = '''{pat}'''\nthen = 'z'", "then": f"if = 'x'\nthen = '''{pat}'''"}[key]
            (plugin / "r.toml").write_text(
                f'[[rule]]\ncode = "X100"\nname = "slow"\nkind = "{kind}"\nseverity = "warning"\ntitle = "t"\n'
                f'message = "m"\nbasis = "测试依据"\n{fields}\n')
            proj = d / f"pp-{label}-{key}"
            proj.mkdir()
            (proj / "x.md").write_text(draft_md(f"第一条 根据{REPEALED}，制定本办法。{'x' * 5000}。"))
            (proj / "zzreview.toml").write_text(f'plugin-paths = ["{plugin}"]\n')
            cases.append(Case(f"pattern/{label}/{key}", ZZ + ["check", str(proj / "x.md")] + AS_OF,
                              env={"ZZREVIEW_PATTERN_TIMEOUT": "0.5"}, codes=(1, 2),
                              check=lambda r: None if "ZZ201" in r.out and (r.code == 1 or "X100" in r.err and "超时" in r.err)
                              else "timeout not reported or review lost"))
    return cases


def loss_cases(d: Path) -> list[Case]:
    cases = []
    found = lambda r: None if "ZZ201" in r.out else "repealed law not reported"  # noqa: E731
    for depth in (19, 21, 60, 99, 101, 500, 5000):
        for marker in ("> ", "- ", "1. ", "> - "):
            p = d / f"nest-{depth}-{len(marker)}{marker[0] == '>'}.md"
            p.write_text(f"# {TITLE}\n\n" + marker * depth + f"第一条 根据{REPEALED}，制定本办法。\n")
            cases.append(Case(f"loss/nesting-{depth}-{marker.strip()}", ZZ + ["check", str(p)] + AS_OF, codes=(1,),
                              protect=[p], check=found))
    for enc in ("utf-32", "utf-32-le", "utf-32-be", "utf-16", "utf-8-sig", "gb18030"):
        for suffix in (".md", ".txt"):
            p = d / f"enc-{enc}{suffix}"
            text = draft_md()
            data = text.encode(enc)
            if enc == "utf-32-le":
                data = b"\xff\xfe\x00\x00" + data
            if enc == "utf-32-be":
                data = b"\x00\x00\xfe\xff" + data
            p.write_bytes(data)
            cases.append(Case(f"loss/encoding-{enc}{suffix}", ZZ + ["check", str(p)] + AS_OF, codes=(1,), protect=[p],
                              check=found))
    ok = d / "ok.md"
    ok.write_text(draft_md())
    broken = {
        "open-quote": 'title,status\n"某市条例,已废止\n某县条例,有效\n',
        "quote-mid": 'title,status\n某市"条例,已废止\n某县条例,有效\n',
        "stray-after-quote": 'title,status\n"某市条例"x,已废止\n',
        "quote-spans": 'title,status\n"某市\n条例",已废止\n',
    }
    for label, content in broken.items():
        for suffix in (".csv", ".tsv"):
            t = d / f"broken-{label}{suffix}"
            t.write_text(content if suffix == ".csv" else content.replace(",", "\t"))
            # a quote inside an unquoted cell is plain text in CSV: not broken
            cases.append(Case(f"loss/kb-{label}{suffix}", ZZ + ["check", str(ok), "--kb-table", str(t)] + AS_OF,
                              codes=(1, 2) if label == "quote-mid" else (2,)))
            certs = d / f"certs-{label}{suffix}"
            certs.write_text((content if suffix == ".csv" else content.replace(",", "\t")).replace("title", "证明名称"))
            proj = d / f"cp-{label}{suffix}"
            proj.mkdir()
            (proj / "x.md").write_text(draft_md("第三条 申请人应当提交无犯罪记录证明和户籍证明。"))
            (proj / "zzreview.toml").write_text(f'certification-lists = ["{certs}"]\n')
            cases.append(Case(f"loss/certs-{label}{suffix}", ZZ + ["check", str(proj / "x.md")] + AS_OF,
                              codes=(1, 2) if label == "quote-mid" else (2,)))
    empty = d / "empty"
    empty.mkdir()
    cases.append(Case("loss/empty-folder", ZZ + ["check", str(empty)] + AS_OF))
    only = d / "only-other"
    only.mkdir()
    (only / "a.pdf").write_text("x")
    (only / ".hidden.md").write_text(draft_md())
    cases.append(Case("loss/folder-without-drafts", ZZ + ["check", str(only)] + AS_OF))
    return cases


def shape_cases(d: Path) -> list[tuple[str, Callable[[int], str], int]]:
    """(name, text of size n, base n): the review of 2n must take at most ~2.5 × that of n."""
    return [
        ("soft-broken-lines", lambda n: draft_md("".join(f"第{i}行文字内容继续写下去并且没有句号\n" for i in range(n))), 6000),
        ("article-per-line", lambda n: draft_md("".join(f"第{i + 1}条 本办法所称事项应当依照规定办理。\n" for i in range(n))), 4000),
        ("article-then-paragraphs", lambda n: draft_md("第一条 总则。\n\n" + "".join(f"段落{i}内容应当办理。\n\n" for i in range(n))), 4000),
        ("basis-sentences", lambda n: draft_md(f"根据{REPEALED}，" * n + "制定本办法。"), 3000),
        ("suppression-comments", lambda n: draft_md("".join(f"<!-- zzreview: disable-next=ZZ201 理由：测试 -->\n段落{i}。\n\n"
                                                            for i in range(n))), 4000),
        ("comments-one-html-block", lambda n: draft_md("".join("<!-- zzreview: disable=ZZ201 理由：x -->\n" for i in range(n))
                                                       + "\n正文。"), 8000),
        ("fair-competition", lambda n: draft_md("限定购买本地企业产品，" * n + "。"), 3000),
        ("escapes", lambda n: draft_md("\\*文字" * n), 20000),
        ("long-line", lambda n: draft_md("文字" * n * 10), 40000),
        ("links", lambda n: draft_md("".join(f"[链接{i}](http://example.org/{i})" for i in range(n))), 20000),
        ("table-rows", lambda n: draft_md("| a | b |\n|---|---|\n" + "".join(f"| 第{i}行 | 值 |\n" for i in range(n))), 4000),
        ("emphasis", lambda n: draft_md("*强调*文字" * n), 10000),
    ]


def run_shape(d: Path, name: str, make: Callable[[int], str], n: int) -> str | None:
    tiny = d / "tiny.md"
    tiny.write_text(draft_md())
    floor = min(run(Case("", ZZ + ["check", str(tiny)] + AS_OF)).seconds for _ in range(2))
    times = []
    for size in (n, 2 * n):
        p = d / f"shape-{name}-{size}.md"
        p.write_text(make(size))
        best = None
        for _ in range(3):  # the best of three: a shared machine
            r = run(Case("", ZZ + ["check", str(p)] + AS_OF))
            if "Traceback" in r.err or r.code not in (0, 1):
                return f"exit {r.code}: {r.err.strip()[-200:]}"
            best = r.seconds if best is None else min(best, r.seconds)
        times.append(max(best - floor, 0.05))
    ratio = times[1] / times[0]
    return None if ratio <= 2.5 else f"2x input took {ratio:.2f}x ({times[0]:.2f}s → {times[1]:.2f}s)"


CWD: Path | None = None  # each run starts in the campaign's folder: nothing lands elsewhere

GROUPS = {"out": output_cases, "bomb": bomb_cases, "trace": traceback_cases, "special": special_cases,
          "pattern": pattern_cases, "loss": loss_cases}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", default="", help="run the cases whose name starts with this")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--no-shapes", action="store_true")
    args = ap.parse_args()
    held = total = 0
    global CWD
    with tempfile.TemporaryDirectory(prefix="zz-hostile-") as tmp:
        CWD = Path(tmp)
        for group, build in GROUPS.items():
            if args.only and not (args.only.startswith(group) or group.startswith(args.only.split("/")[0])):
                continue
            folder = Path(tmp) / group
            folder.mkdir()
            for case in build(folder):
                if args.only and not case.name.startswith(args.only):
                    continue
                total += 1
                problem = judge(case)
                if problem is None:
                    held += 1
                    if args.verbose:
                        print(f"ok    {case.name}", flush=True)
                else:
                    print(f"FAIL  {case.name}: {problem}", flush=True)
        if not args.no_shapes and (not args.only or args.only.startswith("shape")):
            folder = Path(tmp) / "shape"
            folder.mkdir()
            for name, make, n in shape_cases(folder):
                if args.only and not f"shape/{name}".startswith(args.only):
                    continue
                total += 1
                problem = run_shape(folder, name, make, n)
                if problem is None:
                    held += 1
                    if args.verbose:
                        print(f"ok    shape/{name}", flush=True)
                else:
                    print(f"FAIL  shape/{name}: {problem}", flush=True)
    print(f"held {held} / {total}")
    return 0 if held == total else 1


if __name__ == "__main__":
    sys.exit(main())
