"""Wall time of zzreview commands as ratios against `python -c pass` measured in the same run.

Run: .venv/bin/python benchmarks/bench_cli.py [--repeat 5]
Prints the median of each command and its ratio to the floor. Not a test: nothing fails on speed.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def median_seconds(cmd: list[str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    a = ap.parse_args()
    zz = shutil.which("zzreview", path=str(Path(sys.executable).parent)) or "zzreview"
    md = sorted((ROOT / "samples").glob("*.md"))[0]
    docx = sorted((ROOT / "samples").glob("*.docx"))[0]
    cases = {
        "python -c pass (floor)": [sys.executable, "-c", "pass"],
        "zzreview --version": [zz, "--version"],
        f"zzreview check {md.name}": [zz, "check", str(md), "--fail-on", "never"],
        f"zzreview check {docx.name}": [zz, "check", str(docx), "--fail-on", "never"],
        "zzreview check samples/ --format json": [zz, "check", str(ROOT / "samples"), "--format", "json",
                                                  "--fail-on", "never"],
    }
    floor = None
    for name, cmd in cases.items():
        s = median_seconds(cmd, a.repeat)
        floor = floor or s
        print(f"{name:60} {s * 1000:8.1f} ms  {s / floor:6.1f}x")


if __name__ == "__main__":
    main()
