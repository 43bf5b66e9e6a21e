#!/usr/bin/env python3
"""Build zzreview's law knowledge base (checks/kb/laws.json) from fact tables.

Input: a folder with ``laws.tsv`` (one row per version of an instrument),
``repealed.tsv`` (repeals with date, successor and evidence) and
``aliases.tsv`` (short names), as compiled from a mirror of the national
law database. Only facts are kept: titles, levels, dates, status, article
counts, successors, short names; no legal text.

    python3 tools/build_kb.py SOURCE_DIR [--out checks/kb/laws.json]
        [--source "LawRefBook/Laws …"] [--source-date 2025-04-19]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import sys
from collections import defaultdict
from pathlib import Path

FORMAT = 1
DEFAULT_SOURCE = ("LawRefBook/Laws（国家法律法规数据库 flk.npc.gov.cn 的公开镜像），"
                  "仅取标题、日期、效力、条数、替代关系等事实")
# Repealing provisions that the fact tables name only by successor: facts of law.
REPEAL_PROVISIONS = {
    "中华人民共和国民法典": "《中华人民共和国民法典》第一千二百六十条",
}


def read_tsv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def _int(value: str) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def version_label(row: dict) -> str:
    """'2021年修订' from the history event on this version's publish date."""
    date = row.get("publish_date") or ""
    for event in (row.get("history") or "").split(";"):
        parts = event.strip().split(" ", 1)
        if len(parts) == 2 and parts[0] == date:
            kind = parts[1].strip()
            return f"{date[:4]}年{'公布' if kind == '通过' else kind}"
    return f"{date[:4]}年版本" if date else ""


def history(text: str) -> list[list[str]]:
    """[[date, event], …] from '1996-03-17 通过; 2009-08-27 修正'."""
    out = []
    for event in text.split(";"):
        parts = event.strip().split(" ", 1)
        if len(parts) == 2 and len(parts[0]) == 10:
            out.append([parts[0], parts[1].strip()])
    return out


def _merge_key(title: str) -> str:
    return title.replace("〈", "《").replace("〉", "》").replace("(", "（").replace(")", "）")


def truncated(notes: str) -> bool:
    return notes.startswith(("text does not end", "article numbering irregular"))


def build(src: Path, source: str, source_date: str) -> dict:
    laws = read_tsv(src / "laws.tsv")
    repealed = read_tsv(src / "repealed.tsv")
    aliases = read_tsv(src / "aliases.tsv")

    by_title: dict[str, list[dict]] = defaultdict(list)
    for row in laws:
        by_title[row["title"]].append(row)

    instruments: list[dict] = []
    index: dict[str, dict] = {}
    for title, rows in by_title.items():
        rows.sort(key=lambda r: (_int(r.get("version_no")) or 0, r.get("publish_date") or ""))
        latest = rows[-1]
        entry = {
            "title": title,
            "level": latest.get("level") or "",
            "region": latest.get("region") or "",
            "issuer": latest.get("issuing_body") or "",
            "versions": [{
                "label": version_label(r),
                "publish_date": r.get("publish_date") or None,
                "effective_date": r.get("effective_date") or None,
                "effective_approx": (r.get("effective_date_source") or "").startswith("publish"),
                "max_article": _int(r.get("max_article")),
                "zhiyi_articles": _int(r.get("zhiyi_articles")) or 0,
                "truncated": truncated(r.get("notes") or ""),
            } for r in rows],
            "history": history(latest.get("history") or ""),
            "repeal": None,
        }
        if latest.get("status") == "已废止":
            entry["repeal"] = {"date": None, "successor": None, "verified": "DATA-FLAG",
                               "basis": None, "evidence": latest.get("status_basis") or ""}
        instruments.append(entry)
        index[_merge_key(title)] = entry

    for row in repealed:
        title = row["title"]
        repeal = {
            "date": row.get("repeal_date") or None,
            "successor": row.get("successor_title") or None,
            "verified": row.get("verified") or "UNVERIFIED",
            "basis": REPEAL_PROVISIONS.get(row.get("successor_title") or ""),
            "evidence": (row.get("evidence") or row.get("source") or "")[:300],
        }
        reused = bool((row.get("title_reused_later") or "").strip())
        if _merge_key(title) in index and not reused:
            index[_merge_key(title)]["repeal"] = repeal
            continue
        # Repealed acts with no version in the tables, and the old act of a reused title.
        instruments.append({"title": title, "level": (row.get("level") or "").rstrip("?"),
                            "region": "", "issuer": "", "versions": [], "repeal": repeal,
                            "reused_title": reused})

    alias_rows = sorted({(a["alias"], a["title"]) for a in aliases if a.get("alias") and a.get("title")})
    today = dt.date.today().isoformat()
    return {
        "format": FORMAT,
        "meta": {
            "name": "zzreview 法律法规知识库",
            "version": f"{source_date.replace('-', '.')}+{today.replace('-', '')}",
            "source": source,
            "source_date": source_date,
            "built": today,
            "counts": {
                "laws": len(laws),
                "instruments": len(instruments),
                "repealed": sum(1 for i in instruments if i["repeal"]),
                "aliases": len(alias_rows),
            },
        },
        "instruments": instruments,
        "aliases": [list(a) for a in alias_rows],
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("source_dir", type=Path)
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "checks/kb/laws.json")
    ap.add_argument("--source", default=DEFAULT_SOURCE)
    ap.add_argument("--source-date", default="2025-04-19")
    args = ap.parse_args(argv)
    kb = build(args.source_dir, args.source, args.source_date)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    tmp = args.out.with_suffix(".tmp")
    tmp.write_text(json.dumps(kb, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    tmp.replace(args.out)
    print(f"{args.out}: {kb['meta']['counts']}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
