"""`zzreview clean` against `zzreview check` on the same folder: wall time and peak memory.

Run: .venv/bin/python benchmarks/bench_clean.py FOLDER [--times 1,10] [--repeat 3]
FOLDER is a stock of documents (any readable format). For each multiple N in --times the
folder is copied N times into a temporary stock (file names made distinct), then `check`
(JSON to /dev/null) and `clean` (all outputs) are run on it. Times are medians, also given as
ratios to `python -c pass` measured in the same run; peak RSS is that of the largest process
(the command or one of its workers). Not a test: nothing fails on speed or memory.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

_MEASURE = """
import resource, subprocess, sys, time
t = time.perf_counter()
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
r = resource.getrusage(resource.RUSAGE_CHILDREN)
print(time.perf_counter() - t, r.ru_maxrss, r.ru_utime + r.ru_stime)
"""


def measure(cmd: list[str], repeat: int) -> tuple[float, float, float]:
    """Median wall seconds, the highest peak RSS (MiB) and median CPU seconds (all processes)
    over ``repeat`` runs. CPU time is the fairer comparison on a machine shared with other work."""
    times, peaks, cpu = [], [], []
    for _ in range(repeat):
        out = subprocess.run([sys.executable, "-c", _MEASURE, *cmd], capture_output=True, text=True, check=True)
        seconds, kib, cpu_s = out.stdout.split()
        times.append(float(seconds))
        peaks.append(int(kib) / 1024)
        cpu.append(float(cpu_s))
    return statistics.median(times), max(peaks), statistics.median(cpu)


def replicate(folder: Path, times: int, into: Path) -> int:
    files = [f for f in sorted(folder.rglob("*")) if f.is_file() and not f.name.startswith(".")]
    for k in range(times):
        for f in files:
            rel = f.relative_to(folder)
            target = into / f"copy{k:03d}" / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(f, target)
    return len(files) * times


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder", type=Path)
    ap.add_argument("--times", default="1,10", help="stock sizes as multiples of FOLDER")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--as-of", default="2026-11-24")
    ap.add_argument("--json", action="store_true", help="print the results as JSON")
    a = ap.parse_args()
    zz = shutil.which("zzreview", path=str(Path(sys.executable).parent)) or "zzreview"
    floor, _, _ = measure([sys.executable, "-c", "pass"], a.repeat)
    rows = []
    for n in (int(x) for x in a.times.split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            stock = Path(tmp) / "stock"
            count = replicate(a.folder, n, stock)
            out = Path(tmp) / "out"
            check = measure([zz, "check", str(stock), "--format", "json", "--fail-on", "never",
                             "--as-of", a.as_of, "--no-progress"], a.repeat)
            clean1 = measure([zz, "clean", str(stock), "-o", str(out), "--force", "--as-of", a.as_of,
                              "--jobs", "1", "--no-progress"], a.repeat)
            clean = measure([zz, "clean", str(stock), "-o", str(out), "--force", "--as-of", a.as_of,
                             "--no-progress"], a.repeat)
        rows.append({"times": n, "files": count,
                     "check_s": check[0], "check_peak_mib": check[1], "check_cpu_s": check[2],
                     "clean_jobs1_s": clean1[0], "clean_jobs1_peak_mib": clean1[1], "clean_jobs1_cpu_s": clean1[2],
                     "clean_s": clean[0], "clean_peak_mib": clean[1], "clean_cpu_s": clean[2],
                     "clean_jobs1_vs_check": clean1[0] / check[0], "clean_vs_check": clean[0] / check[0]})
    if a.json:
        print(json.dumps({"floor_s": floor, "runs": rows}, indent=2))
        return
    print(f"floor (python -c pass): {floor * 1000:.0f} ms")
    print("wall time (× check) / CPU time / peak RSS of the largest process")
    for r in rows:
        print(f"{r['times']:>3}× {r['files']:>5} files")
        print(f"    check              {r['check_s']:6.1f} s          cpu {r['check_cpu_s']:6.1f} s "
              f"{r['check_peak_mib']:5.0f} MiB")
        for name, key in (("clean --jobs 1", "clean_jobs1"), ("clean (all cores)", "clean")):
            print(f"    {name:18} {r[key + '_s']:6.1f} s ({r[key + '_s'] / r['check_s']:.2f}×) "
                  f"cpu {r[key + '_cpu_s']:6.1f} s ({r[key + '_cpu_s'] / r['check_cpu_s']:.2f}×) "
                  f"{r[key + '_peak_mib']:5.0f} MiB")


if __name__ == "__main__":
    main()
