"""Run a cleanup: review every file (in parallel), index the stock, decide, stream to sinks."""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator

from zzreview.batch import cpu_count
from zzreview.clean import crossref
from zzreview.clean.decide import Rules, decide
from zzreview.clean.facts import document_facts
from zzreview.clean.record import Settings, review
from zzreview.clean.stock import StockIndex
from zzreview.clean.topic import Topic


@dataclass
class CleanOptions:
    as_of: dt.date
    rules: Rules
    topic: Topic | None = None
    jobs: int = 0  # 0: every core


def reviewed(files: list[str], settings: Settings, jobs: int,
             progress: Callable[[int, int, str], None] | None = None) -> Iterator[dict]:
    """Records in file order; with more than one job, from worker processes (as check --jobs)."""
    tasks = [(i, f, settings) for i, f in enumerate(files)]
    jobs = jobs or cpu_count()
    n = len(tasks)
    rest = None
    if jobs <= 1 or n < 2:
        results: Iterable[dict] = map(review, tasks)
    else:
        from zzreview.workers import ordered_map

        # the first file is reviewed here and the workers start warm (workers.ordered_map)
        results = rest = ordered_map(review, tasks, jobs)
    try:
        for i, rec in enumerate(results, 1):
            if progress:
                progress(i, n, rec["path"])
            yield rec
    finally:
        if rest is not None:
            rest.close()  # stops the workers when the caller stops early


def finish(rec: dict, index: StockIndex, opts: CleanOptions) -> dict:
    """Status, stock findings and the proposed decision of one record."""
    if rec.get("error"):
        rec.update(status={"status": "无法读取"}, decision={
            "decision": "无法读取", "confirm": True, "confidence": "low",
            "reasons": [{"rule": "unreadable", "decision": "无法读取", "code": None, "text": rec["error"],
                         "basis": "", "change": "", "confidence": "low", "confirm": True}]})
        return rec
    st = index.status(rec["index"], opts.as_of)
    rec["status"] = st
    if st["status"] == "已被废止":
        # not reviewed as a current document: its own findings no longer matter
        rec["superseded_findings"] = len(rec.get("findings", []))
        rec["findings"] = [crossref.self_repealed_finding(rec, st)]
    else:
        rec["findings"] = rec.get("findings", []) + crossref.stock_findings(rec, index, opts.as_of)
        rec["findings"] = _dedupe(rec["findings"])
    facts = document_facts(rec, st, index, opts.as_of)
    rec["decision"] = decide(opts.rules, st, rec["findings"], facts)
    if opts.topic is not None:
        rec["topic"] = {"title": opts.topic.title, "rebase": opts.topic.rebasing(rec)}
    return rec


def _dedupe(findings: list[dict]) -> list[dict]:
    seen, out = set(), []
    for f in findings:
        key = (f["code"], f["quote"], f["location"].get("block"), f["location"].get("column"))
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def clean(files: list[str], settings: Settings, opts: CleanOptions,
          progress: Callable[[int, int, str], None] | None = None) -> Iterator[dict]:
    """Finished records in file order. Records wait on disk between the two passes, so memory
    holds only the stock index (titles, dates, repeal clauses), not the documents or findings."""
    index = StockIndex()
    with tempfile.TemporaryFile("w+", encoding="utf-8") as spill:
        for rec in reviewed(files, settings, opts.jobs, progress):
            index.add(rec)
            spill.write(json.dumps(rec, ensure_ascii=False) + "\n")
        index.link_repeals()
        spill.seek(0)
        for line in spill:
            rec = finish(json.loads(line), index, opts)
            if opts.topic is not None and not opts.topic.keeps(rec):
                continue
            yield rec
