#!/usr/bin/env python3
"""Build zzreview's law knowledge base (checks/kb/laws.json) from fact tables.

Input: a folder with ``laws.tsv`` (one row per version of an instrument),
``repealed.tsv`` (repeals with date, successor and evidence) and
``aliases.tsv`` (short names), as compiled from a mirror of the national
law database; and its ``updates/`` folder of change tables after that
snapshot (read by kb_updates.py), each fact with its evidence URL and
confidence. Only facts are kept: titles, levels, dates, status, article
counts, successors, short names, 文号; no legal text. Earlier versions that
only the amendment history records are kept with their dates (article
count unknown). The file is laid out by ``zzreview.kb.encode_base``: an index line first, then one
instrument a line, so that a run reads only what its lookups need.

    python3 tools/build_kb.py SOURCE_DIR [--updates DIR] [--out checks/kb/laws.json]
        [--source "LawRefBook/Laws …"] [--source-date 2025-04-19]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

try:
    from zzreview.kb import encode_base  # the file format and its title keys are the reader's own
except ImportError:  # run from a checkout without an install
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    from zzreview.kb import encode_base

PRC = "中华人民共和国"
DEFAULT_SOURCE = ("LawRefBook/Laws（国家法律法规数据库 flk.npc.gov.cn 的公开镜像），"
                  "仅取标题、日期、效力、条数、替代关系等事实")
# Repealing provisions that the fact tables name only by successor: facts of law.
REPEAL_PROVISIONS = {
    "中华人民共和国民法典": "《中华人民共和国民法典》第一千二百六十条",
}


UPDATE_SOURCES = {
    "national.tsv": "2025-04-19 以后法律、法律解释、行政法规的制定、修改和废止（据公开发布文本）",
    "central-documents.tsv": "国务院文件、国家应急预案、规划纲要的废止、替代和期满（据公开发布文本）",
    "shandong.tsv": "山东省、枣庄市的政府规章、地方性法规和废止决定（据公开发布文本）",
}
_EVIDENCE_PATH = re.compile(r"^[^:：\n]{1,120}?\.md[^:：\n]{0,20}:\s*")
# Versions of repealed acts that the fact tables name but do not carry (the laws the Civil Code
# replaced): facts restated from the acts' own texts, with their source.
KNOWN_VERSIONS = Path(__file__).with_name("kb_known_versions.tsv")
_ADOPTED = re.compile(r"(?P<y>(?:19|20)\d\d)年(?P<m>\d{1,2})月(?P<d>\d{1,2})日[^《》。；]{0,60}?"
                      r"(?:通过|发布|公布|印发|颁布)的《(?P<t>[^《》]+)》")


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


def history_versions(events: list[list[str]]) -> list[dict]:
    """Versions that the amendment history records: one per 通过/修正/修订/修改, with the dates of the
    公布/批准/施行 events that follow it. Their article counts are unknown."""
    versions: list[dict] = []
    for date, event in events:
        if event in ("通过", "修正", "修订", "修改"):
            word = "公布" if event == "通过" and not versions else ("修改" if event == "通过" else event)
            versions.append({"label": f"{date[:4]}年{word}", "dates": {date}, "publish_date": date,
                             "effective_date": None})
        elif versions and event in ("公布", "发布", "批准"):
            versions[-1]["dates"].add(date)
            versions[-1]["publish_date"] = date
        elif versions and event == "施行":
            versions[-1]["dates"].add(date)
            versions[-1]["effective_date"] = date
    return versions


def _merge_key(title: str) -> str:
    return title.replace("〈", "《").replace("〉", "》").replace("(", "（").replace(")", "）")


def _update_key(title: str) -> str:
    return _merge_key(title).replace("《", "").replace("》", "").replace(PRC, "").replace(" ", "")


def truncated(notes: str) -> bool:
    return notes.startswith(("text does not end", "article numbering irregular"))


def _version(label, publish, effective, approx=False, max_article=None, zhiyi=0, trunc=False, **extra) -> dict:
    """A version as stored: fields at their default value are left out to keep the file small."""
    v = {"label": label, "publish_date": publish, "effective_date": effective}
    if approx:
        v["effective_approx"] = True
    if max_article is not None:
        v["max_article"] = max_article
    if zhiyi:
        v["zhiyi_articles"] = zhiyi
    if trunc:
        v["truncated"] = True
    v.update({k: val for k, val in extra.items() if val})
    return v


def _evidence(text: str) -> str:
    """The evidence cell without the source file path it starts with."""
    return _EVIDENCE_PATH.sub("", text or "")[:300]


def _adopted_date(evidence: str, title: str) -> str | None:
    """The date a repeal clause gives for the act it repeals: 1993年2月22日…通过的《title》."""
    bare = title.replace(PRC, "")
    for m in _ADOPTED.finditer(evidence or ""):
        if m.group("t").replace(PRC, "") == bare:
            return f"{m.group('y')}-{int(m.group('m')):02d}-{int(m.group('d')):02d}"
    return None


def build_base(src: Path) -> tuple[list[dict], list[list[str]], dict]:
    laws = read_tsv(src / "laws.tsv")
    repealed = read_tsv(src / "repealed.tsv")
    aliases = read_tsv(src / "aliases.tsv")
    known_versions = read_tsv(KNOWN_VERSIONS) if KNOWN_VERSIONS.is_file() else []

    by_title: dict[str, list[dict]] = defaultdict(list)
    for row in laws:
        by_title[row["title"]].append(row)

    instruments: list[dict] = []
    index: dict[str, dict] = {}
    for title, rows in by_title.items():
        rows.sort(key=lambda r: (_int(r.get("version_no")) or 0, r.get("publish_date") or ""))
        latest = rows[-1]
        hvs = history_versions(history(latest.get("history") or ""))
        labels, covered = [], set()
        for r in rows:  # each row is the latest history version adopted on or before its publish date
            day = r.get("publish_date") or r.get("effective_date") or ""
            before = [i for i, hv in enumerate(hvs) if hv["publish_date"] <= day or min(hv["dates"]) <= day]
            match = before[-1] if before else None
            if match is not None:
                covered.add(match)
            label = version_label(r)
            labels.append(hvs[match]["label"] if match is not None and label.endswith("版本") else label)
        versions = [_version(label, r.get("publish_date") or None, r.get("effective_date") or None,
                             (r.get("effective_date_source") or "").startswith("publish"),
                             _int(r.get("max_article")), _int(r.get("zhiyi_articles")) or 0,
                             truncated(r.get("notes") or "")) for label, r in zip(labels, rows)]
        for i, hv in enumerate(hvs):
            if i not in covered and min(hv["dates"]) < (latest.get("publish_date") or "9999"):
                versions.append(_version(hv["label"], hv["publish_date"], hv["effective_date"],
                                         hv["effective_date"] is None, from_history=True))
        versions.sort(key=lambda v: v["effective_date"] or v["publish_date"] or "")
        entry = {"title": title, "level": latest.get("level") or "", "versions": versions, "repeal": None}
        if latest.get("region"):
            entry["region"] = latest["region"]
        if latest.get("status") == "已废止":
            entry["repeal"] = {"date": None, "successor": None, "verified": "DATA-FLAG",
                               "basis": None, "evidence": latest.get("status_basis") or ""}
        instruments.append(entry)
        index[_merge_key(title)] = entry

    for row in repealed:
        title = row["title"]
        evidence = _evidence(row.get("evidence") or row.get("source") or "")
        repeal = {
            "date": row.get("repeal_date") or None,
            "successor": row.get("successor_title") or None,
            "verified": row.get("verified") or "UNVERIFIED",
            "basis": REPEAL_PROVISIONS.get(row.get("successor_title") or ""),
            "evidence": evidence,
        }
        reused = bool((row.get("title_reused_later") or "").strip())
        if _merge_key(title) in index and not reused:
            index[_merge_key(title)]["repeal"] = repeal
            continue
        # Repealed acts with no version in the tables, and the old act of a reused title.
        entry = {"title": title, "level": (row.get("level") or "").rstrip("?"), "versions": [], "repeal": repeal}
        adopted = _adopted_date(evidence, title)
        known = [k for k in known_versions if k["title"] == title]
        for k in known:
            entry["versions"].append(_version(k["label"], k["publish_date"], k["effective_date"] or None, False,
                                              _int(k.get("max_article")), source="kb_known_versions.tsv"))
        if adopted and not known:
            entry["versions"].append(_version(f"{adopted[:4]}年公布", adopted, None, True))
        if reused:
            entry["reused_title"] = True
        instruments.append(entry)

    alias_rows = sorted({(a["alias"], a["title"]) for a in aliases if a.get("alias") and a.get("title")})
    dates = [r.get("publish_date") or "" for r in laws] + [r.get("repeal_date") or "" for r in repealed]
    stats = {"rows": len(laws), "repealed_rows": len(repealed), "newest_fact": max(d for d in dates if d)}
    return instruments, [list(a) for a in alias_rows], stats


def build(src: Path, source: str, source_date: str, updates: Path | None = None) -> dict:
    instruments, aliases, base_stats = build_base(src)
    today = dt.date.today().isoformat()
    base_stats["newest_fact"] = min(base_stats["newest_fact"], source_date)
    sources = [{"id": "base", "name": source, "snapshot": source_date, **base_stats}]
    unconfirmed: list[dict] = []
    if updates is not None and updates.is_dir():
        from kb_updates import read_updates  # tools/kb_updates.py

        facts = read_updates(updates)
        unconfirmed = apply_updates(instruments, facts)
        for name in sorted({f.source for f in facts}, key=[f.source for f in facts].index):
            mine = [f for f in facts if f.source == name]
            happened = [d for f in mine for d in (f.publish_date, f.date, f.successor_date) if d and d <= today]
            sources.append({"id": name, "name": UPDATE_SOURCES.get(name, name),
                            "newest_fact": max(happened) if happened else None, "rows": len(mine),
                            "low_confidence": sum(1 for f in mine if f.confidence == "low")})
    return {
        "meta": {
            "name": "zzreview 法律法规知识库",
            "version": f"{source_date.replace('-', '.')}+{today.replace('-', '')}",
            "source": source,
            "source_date": source_date,
            "built": today,
            "sources": sources,
            "unconfirmed": unconfirmed,
            "counts": {
                "laws": base_stats["rows"],
                "instruments": len(instruments),
                "versions": sum(len(i["versions"]) for i in instruments),
                "repealed": sum(1 for i in instruments if i["repeal"]),
                "aliases": len(aliases),
            },
        },
        "instruments": instruments,
        "aliases": aliases,
    }


# ---------------------------------------------------------------- update facts
def apply_updates(instruments: list[dict], facts: list) -> list[dict]:
    """Add the change tables' facts to the instruments; returns the low-confidence facts that name
    no known instrument (kept as notes of the base)."""
    index: dict[str, dict] = {}
    for entry in instruments:
        if not entry.get("reused_title"):
            index.setdefault(_update_key(entry["title"]), entry)
    created: set[int] = set()
    unconfirmed: list[dict] = []

    def entry_for(f, create: bool = True) -> dict | None:
        key = _update_key(f.title)
        entry = index.get(key)
        if entry is None and create:
            entry = {"title": f.title, "level": f.level, "versions": [], "repeal": None}
            instruments.append(entry)
            index[key] = entry
        if entry is not None:
            for field_, value in (("kind", f.kind if f.kind != "law" else ""), ("region", f.region),
                                  ("doc_no", f.doc_no)):
                if value and not entry.get(field_):
                    entry[field_] = value
            if f.period and not entry.get("period"):
                entry["period"] = list(f.period)
        return entry

    for f in facts:
        if f.action == "note":
            entry = entry_for(f, create=False)
            note = {"text": f.note, "confidence": f.confidence, "url": f.url, "source": f.source}
            if entry is None:
                unconfirmed.append({"title": f.title, **note})
            else:
                entry.setdefault("notes", []).append(note)
            continue
        if f.action == "new" and id(index.get(_update_key(f.title))) in created:
            # a second document of the same title (two decisions both called …的决定): its own entry
            index.pop(_update_key(f.title))
        entry = entry_for(f)
        if f.action == "new" and not entry["versions"]:
            created.add(id(entry))
        if f.action in ("new", "version") and f.publish_date:
            _add_version(entry, f)
        if f.action in ("repeal", "expiry"):
            entry["repeal"] = {
                "date": _next_day(f.date) if f.action == "expiry" else f.date,
                "valid_until": f.date if f.action == "expiry" else None,
                "successor": f.successor, "verified": "PUBLISHED", "basis": f.basis,
                "evidence": "", "confidence": f.confidence, "url": f.url, "source": f.source,
                "approx": f.date_approx,
            }
            entry["repeal"] = {k: v for k, v in entry["repeal"].items() if v not in (None, "", False)}
            if f.successor:
                _ensure_successor(instruments, index, f)
    return unconfirmed


def _add_version(entry: dict, f) -> None:
    entry["versions"] = [v for v in entry["versions"] if not v.get("inferred")]  # a real date replaces a guess
    same = [v for v in entry["versions"]
            if f.publish_date in (v.get("publish_date"), v.get("effective_date"))
            or (v.get("effective_date") and v.get("effective_date") == f.effective_date)]
    if same:  # the base already has this version: keep its facts, record the confirmation
        for v in same:
            v.setdefault("confirmed_by", f.url)
        return
    entry["versions"].append(_version(f.label, f.publish_date, f.effective_date, f.date_approx, f.max_article,
                                      source=f.source, confidence=f.confidence, url=f.url))
    entry["versions"].sort(key=lambda v: v.get("effective_date") or v.get("publish_date") or "")


def _ensure_successor(instruments: list[dict], index: dict, f) -> None:
    key = _update_key(f.successor)
    if key in index:
        return
    from kb_updates import kind_of

    start = f.successor_date or (_next_day(f.date) if f.action == "expiry" else f.date)
    kind = kind_of("", f.successor)
    kind = kind if kind != "document" else f.kind
    entry = {"title": f.successor, "level": f.level if kind == f.kind else "", "versions": [
        _version(f"{start[:4]}年印发", start, start, True, source=f.source, confidence=f.confidence, url=f.url,
                 inferred=True)],
        "repeal": None}
    if kind != "law":
        entry["kind"] = kind
    instruments.append(entry)
    index[key] = entry


def _next_day(day: str) -> str:
    return (dt.date.fromisoformat(day) + dt.timedelta(days=1)).isoformat()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("source_dir", type=Path)
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "checks/kb/laws.json")
    ap.add_argument("--source", default=DEFAULT_SOURCE)
    ap.add_argument("--source-date", default="2025-04-19")
    ap.add_argument("--updates", type=Path, default=None,
                    help="folder of change tables (national.tsv, central-documents.tsv, shandong.tsv); "
                         "default SOURCE_DIR/updates")
    args = ap.parse_args(argv)
    kb = build(args.source_dir, args.source, args.source_date, args.updates or args.source_dir / "updates")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    tmp = args.out.with_suffix(".tmp")
    tmp.write_bytes(encode_base(kb["meta"], kb["instruments"], kb["aliases"]))
    tmp.replace(args.out)
    print(f"{args.out}: {kb['meta']['counts']}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
