"""Every speed ratio of zzreview in one run, each against a floor timed in the same run.

    .venv/bin/python benchmarks/bench.py [FOLDER] [--repeat 5] [--skip-peer] [--skip-memory] [--skip-growth]

FOLDER holds real drafts (e.g. ~1,000 Markdown files); without it the corpus rows are skipped.
Floors: `python -c pass` for start-up, markdown-it parsing the same files for the corpus, and
textlint + textlint-rule-prh (a dictionary of every repealed title in the knowledge base → its
successor, installed with npm into benchmarks/.scratch/; skipped with a message when npm is absent)
for the all-cores run. Not a test: nothing fails on speed; it prints numbers.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCRATCH = ROOT / "benchmarks" / ".scratch"
PY = sys.executable
ZZ = [PY, "-m", "zzreview"]
AS_OF = "2026-11-24"

SMALL = ("# 某县渔港停泊管理办法（征求意见稿）\n\n"
         "第一条 为规范渔港停泊秩序，根据《中华人民共和国渔业法》《中华人民共和国港口法》，制定本办法。\n\n"
         "第二条 渔船进出港应当服从渔港管理机构的调度，不得占用航道。\n\n"
         "第三条 本办法自2027年1月1日起施行，有效期五年。\n")
WITH_CERT = SMALL.replace("不得占用航道。", "不得占用航道。申请停泊的，应当提交船籍证明和无违章记录证明。")

UNIT = ("第{n}条 根据《中华人民共和国合同法》和《中华人民共和国行政许可法》，辖区内餐饮单位须到指定的供应商处购买餐具。"
        "申请人应当提交居住证明和无犯罪记录证明。不得含有下列内容：（一）本地企业优先；（二）对外地商品另行检测。"
        "本办法自2024年1月1日起施行，有效期五年。\n\n")


class Time:
    """Median wall and CPU (user + system, the process and its workers) seconds, and peak RSS."""

    def __init__(self, wall: float, cpu: float, rss_kib: int):
        self.wall, self.cpu, self.rss = wall, cpu, rss_kib


def timed(cmd: list[str], repeat: int = 1, cwd: Path | None = None, env: dict | None = None) -> Time:
    walls, cpus, rss = [], [], 0
    for _ in range(repeat):
        t = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=cwd or ROOT,
                                env=env)
        _, _, usage = os.wait4(proc.pid, 0)
        walls.append(time.perf_counter() - t)
        cpus.append(usage.ru_utime + usage.ru_stime)
        rss = usage.ru_maxrss
    return Time(statistics.median(walls), statistics.median(cpus), rss)


def row(name: str, t: Time, floor_name: str, floor: Time, goal: str = "") -> None:
    """CPU ratios (steady on a shared machine) and wall ratios."""
    print(f"  {name:40} cpu {t.cpu * 1000:7.0f} ms {t.cpu / floor.cpu:6.2f}×   wall {t.wall * 1000:7.0f} ms "
          f"{t.wall / floor.wall:6.2f}×  {floor_name}" + (f"   (goal {goal})" if goal else ""), flush=True)


def write_drafts(scratch: Path) -> dict[str, Path]:
    md, cert, docx_path = scratch / "small.md", scratch / "small-cert.md", scratch / "small.docx"
    md.write_text(SMALL, encoding="utf-8")
    cert.write_text(WITH_CERT, encoding="utf-8")
    import docx

    d = docx.Document()
    lines = SMALL.splitlines()
    d.add_heading(lines[0].lstrip("# "), level=1)
    for line in lines[1:]:
        if line.strip():
            d.add_paragraph(line)
    d.save(str(docx_path))
    return {"md": md, "cert": cert, "docx": docx_path}


def installed_state() -> None:
    """Time what an installed zzreview does from its second run on: bytecode compiled (pip compiles it
    at install; an editable install under PYTHONDONTWRITEBYTECODE never writes it) and the pattern
    cache filled (kept in the scratch folder, so the user's own cache is left alone)."""
    compileall.compile_dir(str(ROOT / "src" / "zzreview"), quiet=1)
    os.environ["ZZREVIEW_CACHE_DIR"] = str(SCRATCH / "cache")


def alternating(cmd: list[str], floor_cmd: list[str], repeat: int, env: dict | None = None) -> tuple[Time, Time]:
    """The command and the floor timed in turn, ``repeat`` times each (medians): a drift of the
    machine (frequency, caches, other load) falls on both alike."""
    runs = [(timed(cmd, env=env), timed(floor_cmd)) for _ in range(repeat)]
    return _median([r[0] for r in runs]), _median([r[1] for r in runs])


def _median(times: list[Time]) -> Time:
    return Time(statistics.median(t.wall for t in times), statistics.median(t.cpu for t in times),
                max(t.rss for t in times))


def hook(repeat: int, scratch: Path) -> None:
    floor_cmd = [PY, "-c", "pass"]
    drafts = write_drafts(scratch)
    timed([*ZZ, "check", str(drafts["cert"]), "--as-of", AS_OF])  # fills the pattern and data caches
    timed([*ZZ, "check", str(drafts["docx"]), "--as-of", AS_OF])
    print(f"start-up (median of {repeat}, each command timed in turn with its floor, python -c pass)")
    for name, cmd, goal, env in [
        ("zzreview --version", [*ZZ, "--version"], "", None),
        ("check small .md (hook)", [*ZZ, "check", str(drafts["md"]), "--as-of", AS_OF], "≤ 8×", None),
        ("check small .docx (hook)", [*ZZ, "check", str(drafts["docx"]), "--as-of", AS_OF], "≤ 15×", None),
        ("check small .md with 证明", [*ZZ, "check", str(drafts["cert"]), "--as-of", AS_OF], "report", None),
        ("kb lookup 合同法", [*ZZ, "kb", "lookup", "合同法", "--as-of", AS_OF], "", None),
        ("check small .md, caches off", [*ZZ, "check", str(drafts["md"]), "--as-of", AS_OF], "",
         {**os.environ, "ZZREVIEW_CACHE_DIR": "off"}),
    ]:
        t, floor = alternating(cmd, floor_cmd, repeat, env)
        row(name, t, f"floor {floor.wall * 1000:.0f} ms", floor, goal)


def markdown_floor_cmd(folder: Path) -> list[str]:
    script = ("import sys, pathlib\nfrom markdown_it import MarkdownIt\nmd = MarkdownIt()\n"
              "for f in sorted(pathlib.Path(sys.argv[1]).rglob('*.md')):\n"
              "    md.parse(f.read_text(encoding='utf-8', errors='replace'))\n")
    return [PY, "-c", script, str(folder)]


def corpus(folder: Path, scratch: Path, peer: bool, memory: bool, repeat: int = 3) -> None:
    n = sum(1 for _ in folder.rglob("*.md"))
    floor_cmd = markdown_floor_cmd(folder)
    print(f"\ncorpus: {folder} ({n} Markdown files); median of {repeat}, each run timed in turn with its floor, "
          "markdown-it parsing the same files")
    check = [*ZZ, "check", str(folder), "--as-of", AS_OF, "--fail-on", "never"]
    has_jobs = "--jobs" in subprocess.run([*ZZ, "check", "--help"], capture_output=True, text=True).stdout
    single = ["--jobs", "1"] if has_jobs else []
    one_json, floor = alternating([*check, "-f", "json", *single], floor_cmd, repeat)
    row("check, one process, JSON", one_json, f"markdown-it {floor.wall * 1000:.0f} ms", floor, "≤ 3×")
    one, floor = alternating([*check, *single], floor_cmd, repeat)
    row("check, one process, text", one, f"markdown-it {floor.wall * 1000:.0f} ms", floor, "≤ 3×")
    jobs = min(2, _cpus())
    if not has_jobs or jobs == 1:
        print("  --jobs: not in this version, or one CPU; the peer is compared with one process")
        jobs, many = 1, one
    else:
        # one process and --jobs N timed in turn, and beside them the machine's own ceiling: a
        # pure-Python loop in one process and split over N (cores shared with other virtual
        # machines, or placed by the scheduler on one core for a while, give far less than N×)
        parts = _split_folder(folder, scratch / "parts", jobs)
        first = _one_file_folder(folder, scratch / "first")
        pairs = [(timed([*check, *single]), timed([*check, "--jobs", str(jobs)]),
                  timed(ceiling_cmd(1)), timed(ceiling_cmd(jobs)),
                  together([[*ZZ, "check", str(d), "--as-of", AS_OF, "--fail-on", "never", *single] for d in parts]),
                  timed([*ZZ, "check", str(first), "--as-of", AS_OF, "--fail-on", "never", *single]))
                 for _ in range(repeat)]
        many = _median([p[1] for p in pairs])
    if jobs > 1:
        row(f"check, --jobs {jobs}, text", many, "markdown-it", floor)
        speedup = statistics.median(p[0].wall / p[1].wall for p in pairs)
        ceiling = statistics.median(p[2].wall / p[3].wall for p in pairs)
        split = statistics.median(p[0].wall / p[4] for p in pairs)
        start = statistics.median(p[5].wall for p in pairs)
        bound = statistics.median(amdahl(p[0].wall, p[5].wall, p[2].wall / p[3].wall) for p in pairs)
        print(f"  speed-up of --jobs {jobs} over one process: wall {speedup:.2f}×   (goal ≥ 1.8× on 2 cores)\n"
              f"  the machine's ceiling in the same minutes (a pure-Python loop in 1 and in {jobs} processes): "
              f"{ceiling:.2f}× → zzreview reaches {speedup / ceiling:.0%} of it\n"
              f"  {jobs} separate one-process runs side by side, each on 1/{jobs} of the files: {split:.2f}×\n"
              f"  the best any --jobs {jobs} can give here: {bound:.2f}× (a one-file run, {start * 1000:.0f} ms, is "
              f"start-up that no process shares; the rest at the ceiling) → zzreview reaches {speedup / bound:.0%} of it")
        shutil.rmtree(scratch / "parts", ignore_errors=True)
        shutil.rmtree(first, ignore_errors=True)
    if peer:
        textlint = textlint_time(folder, scratch)
        if textlint is not None:
            print(f"  textlint + prh: wall {textlint.wall * 1000:.0f} ms, {textlint.wall / many.wall:.2f}× the wall time of "
                  f"zzreview --jobs {jobs}; cpu {textlint.cpu * 1000:.0f} ms, {textlint.cpu / one.cpu:.2f}× the cpu of "
                  "one zzreview process   (goal ≥ 10×)")
    if memory:
        tenfold = scratch / "tenfold"
        _repeat_folder(folder, tenfold, 10)
        rss1 = one_json.rss
        rss10 = timed([*ZZ, "check", str(tenfold), "--as-of", AS_OF, "--fail-on", "never", "-f", "json", *single]).rss
        print(f"  peak RSS, one process, JSON: {rss1 / 1024:.0f} MiB at 1×, {rss10 / 1024:.0f} MiB at 10× "
              f"→ {rss10 / rss1:.2f}× (goal: flat)")
        if jobs > 1:  # a stock's scale: the fixed start (interpreter, imports, knowledge base) weighs less
            check10 = [*ZZ, "check", str(tenfold), "--as-of", AS_OF, "--fail-on", "never"]
            tens = [(timed([*check10, *single]), timed([*check10, "--jobs", str(jobs)])) for _ in range(repeat)]
            print(f"  at 10× ({10 * n} files): one process {_median([t[0] for t in tens]).wall:.2f} s, --jobs {jobs} "
                  f"{_median([t[1] for t in tens]).wall:.2f} s → speed-up "
                  f"{statistics.median(t[0].wall / t[1].wall for t in tens):.2f}×")
        shutil.rmtree(tenfold, ignore_errors=True)


def amdahl(one: float, start: float, ceiling: float) -> float:
    """The speed-up over a one-process run of ``one`` seconds when ``start`` seconds of it (what a
    run of one file takes: interpreter, imports, knowledge base, first loads) cannot be shared and
    the rest runs ``ceiling`` times faster."""
    return one / (start + (one - start) / ceiling)


def _one_file_folder(folder: Path, target: Path) -> Path:
    """A folder holding a link to the folder's first file."""
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    first = sorted(folder.rglob("*.md"))[0]
    os.symlink(first.resolve(), target / first.name)
    return target


def ceiling_cmd(processes: int, total: int = 8_000_000) -> list[str]:
    """A loop of ``total`` steps split over ``processes`` forked processes: what N cores give a
    perfectly parallel pure-Python job on this machine now."""
    script = ("import os, sys\nk, n = int(sys.argv[1]), int(sys.argv[2])\nkids = []\n"
              "for _ in range(k):\n    pid = os.fork()\n    if pid == 0:\n        s = 0\n"
              "        for i in range(n // k): s += i * i % 7\n        os._exit(0)\n    kids.append(pid)\n"
              "for pid in kids: os.waitpid(pid, 0)\n")
    return [PY, "-c", script, str(processes), str(total)]


def _cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def _split_folder(folder: Path, target: Path, parts: int) -> list[Path]:
    """The folder's files in ``parts`` folders of links, in file order (the first half, the second…)."""
    shutil.rmtree(target, ignore_errors=True)
    files = sorted(folder.rglob("*.md"))
    out = []
    for k in range(parts):
        d = target / f"{k:02d}"
        d.mkdir(parents=True)
        for f in files[k * len(files) // parts:(k + 1) * len(files) // parts]:
            os.symlink(f.resolve(), d / f"{f.parent.name}-{f.name}")
        out.append(d)
    return out


def together(cmds: list[list[str]]) -> float:
    """Wall seconds for the commands started together, until the last ends."""
    t = time.perf_counter()
    procs = [subprocess.Popen(c, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT) for c in cmds]
    for p in procs:
        p.wait()
    return time.perf_counter() - t


def _repeat_folder(folder: Path, target: Path, times: int) -> None:
    shutil.rmtree(target, ignore_errors=True)
    files = sorted(folder.rglob("*.md"))
    for k in range(times):
        d = target / f"{k:02d}"
        d.mkdir(parents=True)
        for f in files:
            os.symlink(f.resolve(), d / f"{f.parent.name}-{f.name}")


def prh_dictionary(path: Path) -> int:
    """Every repealed title in the shipped knowledge base → its successor, as a prh YAML file."""
    from zzreview.resources import data_dir

    raw = json.loads((Path(str(data_dir())) / "kb" / "laws.json").read_text(encoding="utf-8"))
    rules = []
    for d in raw["instruments"]:
        rep = d.get("repeal")
        if rep:
            expected = rep.get("successor") or f"{d['title']}（已废止）"
            rules.append(f"  - expected: {json.dumps(expected, ensure_ascii=False)}\n"
                         f"    pattern: {json.dumps(d['title'], ensure_ascii=False)}\n")
    path.write_text("version: 1\nrules:\n" + "".join(rules), encoding="utf-8")
    return len(rules)


def textlint_time(folder: Path, scratch: Path) -> Time | None:
    if not shutil.which("npm"):
        print("  textlint + prh: skipped (npm is not installed)")
        return None
    peer = SCRATCH / "textlint"  # kept between runs: npm installs once
    peer.mkdir(parents=True, exist_ok=True)
    binary = peer / "node_modules" / ".bin" / "textlint"
    if not binary.exists():
        (peer / "package.json").write_text('{"private": true}\n')
        r = subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--silent", "textlint", "textlint-rule-prh"],
                           cwd=peer, capture_output=True, text=True)
        if r.returncode != 0 or not binary.exists():
            print(f"  textlint + prh: skipped (npm install failed: {r.stderr.strip()[:200]})")
            return None
    n = prh_dictionary(peer / "prh.yml")
    (peer / ".textlintrc.json").write_text('{"rules": {"prh": {"rulePaths": ["prh.yml"]}}}\n')
    print(f"  (textlint + textlint-rule-prh, {n} repealed titles in its dictionary)")
    return timed([str(binary), "--config", str(peer / ".textlintrc.json"), f"{folder}/**/*.md"], cwd=peer)


def growth(scratch: Path) -> None:
    print("\ngrowth: one generated document (single process, JSON)")
    base = None
    for mb in (1, 2, 5, 10):
        path = scratch / f"grow-{mb}mb.md"
        parts, n, size = ["# 某市长篇管理办法（征求意见稿）\n\n"], 1, 0
        while size < mb * 1024 * 1024:
            s = UNIT.format(n=n)
            parts.append(s)
            size += len(s.encode())
            n += 1
        path.write_text("".join(parts), encoding="utf-8")
        t = timed([*ZZ, "check", str(path), "--as-of", AS_OF, "--fail-on", "never", "-f", "json"])
        base = base or t
        print(f"  {mb:3d} MB: cpu {t.cpu:6.2f} s, {t.cpu / base.cpu:5.2f}× the 1 MB cpu (linear: {mb}×); "
              f"wall {t.wall:6.2f} s; peak RSS {t.rss / 1024:.0f} MiB", flush=True)
        path.unlink()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", type=Path, help="a folder of real drafts (e.g. ~1,000 files)")
    ap.add_argument("--repeat", type=int, default=5, help="runs per start-up row (median)")
    ap.add_argument("--skip-peer", action="store_true", help="do not run textlint")
    ap.add_argument("--skip-memory", action="store_true", help="do not run the 10× corpus")
    ap.add_argument("--skip-growth", action="store_true", help="do not run the 1–10 MB documents")
    a = ap.parse_args()
    SCRATCH.mkdir(parents=True, exist_ok=True)
    installed_state()
    with tempfile.TemporaryDirectory(dir=SCRATCH) as tmp:
        scratch = Path(tmp)
        hook(a.repeat, scratch)
        if a.folder:
            corpus(a.folder.resolve(), scratch, not a.skip_peer, not a.skip_memory)
        else:
            print("\ncorpus: skipped (give a folder of drafts)")
        if not a.skip_growth:
            growth(scratch)


if __name__ == "__main__":
    main()
