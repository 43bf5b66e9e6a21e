#!/usr/bin/env python3
"""Measure citation extraction against labelled corpora (developer script, not used by tests).

Usage: PYTHONPATH=src .venv/bin/python tools/eval_citations.py [CORPUS_DIR ...] [--all-short-names] [--quiet]

For each document, the set of normalised ``as_written`` of citations with kind "law"
is compared with the labelled ``cited_laws`` (normalisation as in
shared/tools/score.py; ``other_titles`` labels are neutral). Uses of a short name
(``short_name_of`` set) are left out unless --all-short-names: they stand for a
title already cited, and the labels list each instrument once, by its full title.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from zzreview.analysis.citations import extract_citations  # noqa: E402
from zzreview.readers import read_document  # noqa: E402

DEFAULT = [ROOT.parent / "shared" / "corpus" / "dev", ROOT.parent / "shared" / "corpus" / "openings"]
_WS = re.compile(r"[\s　]+")


def norm(s: str | None) -> str:
    """Exactly score.py's normalisation."""
    return _WS.sub("", s or "").strip("《》〈〉\"'“”")


def evaluate(corpus: Path, all_short: bool, quiet: bool) -> dict:
    labels = {}
    for line in (corpus / "labels.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            obj = json.loads(line)
            labels[obj["doc"]] = obj
    tp = fp = fn = 0
    seconds = 0.0
    for name, lab in sorted(labels.items()):
        doc = read_document(corpus / "docs" / name)
        t0 = time.perf_counter()
        cits = extract_citations(doc)
        seconds += time.perf_counter() - t0
        got = {norm(c.as_written) for c in cits
               if c.kind == "law" and (all_short or c.short_name_of is None)}
        want = {norm(t) for t in lab.get("cited_laws", [])}
        neutral = {norm(t) for t in lab.get("other_titles", [])}
        for t in sorted(want - got):
            if not quiet:
                print(f"FN {corpus.name}/{name} 《{t}》")
        for t in sorted(got - want - neutral):
            if not quiet:
                print(f"FP {corpus.name}/{name} 《{t}》")
        tp += len(want & got)
        fn += len(want - got)
        fp += len(got - want - neutral)
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return {"corpus": corpus.name, "tp": tp, "fp": fp, "fn": fn, "precision": p, "recall": r,
            "ms": seconds * 1000}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpora", nargs="*", type=Path, default=DEFAULT)
    ap.add_argument("--all-short-names", action="store_true", help="count uses of short names too")
    ap.add_argument("--quiet", action="store_true", help="only the summary")
    a = ap.parse_args()
    results = [evaluate(c, a.all_short_names, a.quiet) for c in a.corpora]
    print(f"{'corpus':10} {'tp':>4} {'fp':>4} {'fn':>4}  precision recall  time")
    for r in results:
        print(f"{r['corpus']:10} {r['tp']:4} {r['fp']:4} {r['fn']:4}  {r['precision']:9.3f} "
              f"{r['recall']:6.3f}  {r['ms']:.1f} ms")


if __name__ == "__main__":
    main()
