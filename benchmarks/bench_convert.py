"""Cost of reading a draft per format, per file, as ratios against `python -c pass` in the same run.

Run: .venv/bin/python benchmarks/bench_convert.py [--repeat 3]   (needs LibreOffice)
The .docx sample is converted by LibreOffice into .doc, .odt, .rtf and .pdf once; then each is
reviewed with `zzreview check` in a fresh process (median wall time), so the figures include
starting LibreOffice with a private profile for .doc/.odt/.rtf and pdfplumber for .pdf. Also
timed alone: one LibreOffice conversion in-process. Not a test: nothing fails on speed.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench_cli import median_seconds  # the same timing as the start-up benchmark
from zzreview.readers.convert import convert

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = next((ROOT / "samples").glob("*.docx"))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    zz = shutil.which("zzreview", path=str(Path(sys.executable).parent)) or "zzreview"
    data = SAMPLE.read_bytes()
    with tempfile.TemporaryDirectory() as tmp:
        files = {"docx": SAMPLE}
        for target in ("doc", "odt", "rtf", "pdf"):
            files[target] = Path(tmp) / f"sample.{target}"
            files[target].write_bytes(convert(data, "docx", target))
        floor = median_seconds([sys.executable, "-c", "pass"], a.repeat)
        print(f"{'python -c pass (floor)':44} {floor * 1000:8.1f} ms  {1:6.1f}x")
        times = []
        for _ in range(a.repeat):
            t = time.perf_counter()
            convert(files["doc"].read_bytes(), "doc")
            times.append(time.perf_counter() - t)
        s = statistics.median(times)
        print(f"{'LibreOffice .doc → .docx (in-process)':44} {s * 1000:8.1f} ms  {s / floor:6.1f}x")
        for kind, path in files.items():
            s = median_seconds([zz, "check", str(path), "--fail-on", "never"], a.repeat)
            print(f"{'zzreview check sample.' + kind:44} {s * 1000:8.1f} ms  {s / floor:6.1f}x")


if __name__ == "__main__":
    main()
