"""Read the change tables (national.tsv, central-documents.tsv, shandong.tsv) into plain facts.

Each row of those tables records one change after the base's snapshot with its evidence (a
published copy and a quote). Only facts are taken: titles, levels, dates, the action, successor,
文号, article count, the evidence URL and the confidence; the quotes are read for an article
count only and never stored. Cells are written by hand and mix a value with remarks
("2025-02 (published 2025-02-25)"); the helpers below keep the value and drop the remark.
"""

from __future__ import annotations

import calendar
import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

_FULL_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)-(\d\d)-(\d\d)(?!\d)")
_MONTH = re.compile(r"(?<!\d)((?:19|20)\d\d)-(\d\d)(?![\d-])")
_GUESS = re.compile(r"expected|inferred|approx|assumed|推定|预计", re.I)
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
# 文号: 国发〔2015〕68号, 国务院令第818号, 主席令第四十七号, 山东省人民政府令第353号
_DOC_NO = re.compile(r"^[\u4e00-\u9fff]{1,12}(?:〔\d{4}〕\d+号|令第[\d一二三四五六七八九十百零〇]+号)$")
# 共9章78条 / 7章50条 / 共25条 / 5编, 1,242条
_COUNT = re.compile(r"(?:共|\d章|编[,，]?\s*)(\d[\d,]*)\s*条")
_VERSION_IN_TITLE = re.compile(r"[(（]\s*((?:19|20)\d\d)\s*年?\s*(修订|修正|修改|版)?\s*[)）]\s*$")
_REMARK = re.compile(r"\s+[(（][^()（）]*[)）]\s*$|\s*[(（][^()（）]*[A-Za-z][^()（）]*[)）]\s*$")
_PERIOD = re.compile(r"[（(]((?:19|20)\d\d)\s*[—\-－–~～至]+\s*((?:19|20)\d\d)\s*年[）)]")
_ANNUAL = re.compile(r"((?:19|20)\d\d)年[^（）()]{0,20}?(?:计划|要点|规划)$")

LEVELS = {  # the tables' level words -> the knowledge base's levels
    "省政府规章": "地方政府规章", "设区的市政府规章": "地方政府规章",
    "设区的市地方性法规": "地方性法规", "法律解释": "法律",
}


@dataclass
class Fact:
    """One change: a new instrument or version, a repeal, a run-out, or a low-confidence note."""

    source: str  # file name of the table
    action: str  # new | version | repeal | expiry | note
    title: str
    confidence: str
    url: str = ""
    level: str = ""
    kind: str = "law"  # law | document | emergency_plan | plan
    region: str = ""
    doc_no: str = ""
    label: str = ""  # version label: 2025年修订
    publish_date: str | None = None
    effective_date: str | None = None
    date_approx: bool = False
    date: str | None = None  # repeal date, or last day of a period
    successor: str | None = None
    successor_date: str | None = None
    basis: str | None = None
    max_article: int | None = None
    period: tuple[int, int] | None = None
    note: str = ""
    extra: dict = field(default_factory=dict)


def read(path: Path) -> list[dict]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def confidence(cell: str) -> str:
    """'high', 'medium' or 'low' from 'high (dates); …', 'medium-high' (high), 'low (draft only)'."""
    cell = (cell or "").lower()
    if cell.startswith("medium-high"):  # the repeal is stated; only a detail (a date) is not
        return "high"
    words = re.findall(r"high|medium|low", cell)
    return words[0] if words else "low"


def date(cell: str, last_day: bool = False) -> tuple[str | None, bool]:
    """(ISO date, approximate?) from a cell: a full date anywhere wins; a month alone gives its first
    (or, with ``last_day``, its last) day."""
    cell = cell or ""
    m = _FULL_DATE.search(cell)
    if m:  # a full date is exact unless the cell calls it expected or inferred
        return m.group(0), bool(_GUESS.search(cell))
    m = _MONTH.search(cell)
    if m:
        y, mo = int(m.group(1)), int(m.group(2))
        day = calendar.monthrange(y, mo)[1] if last_day else 1
        return f"{y:04d}-{mo:02d}-{day:02d}", True
    m = _YEAR.match(cell.strip())
    if m:
        return (f"{m.group(1)}-12-31" if last_day else f"{m.group(1)}-01-01"), True
    return None, False


def clean_title(cell: str) -> str:
    """The title without a remark in ASCII-lettered or spaced parentheses: '山东省文物保护条例 (修改)'."""
    t = (cell or "").strip()
    while True:
        s = _REMARK.sub("", t)
        if s == t:
            return t.strip()
        t = s


def split_version(title: str) -> tuple[str, int | None, str]:
    """('国家地震应急预案', 2012, '修订') from '国家地震应急预案(2012年修订)'."""
    m = _VERSION_IN_TITLE.search(title)
    if not m or m.start() == 0:
        return title, None, ""
    return title[:m.start()].strip(), int(m.group(1)), m.group(2) or ""


def doc_no(cell: str) -> str:
    """The 文号 only when the cell is exactly one (remarks such as 'unverified' leave it out)."""
    cell = (cell or "").strip()
    return cell if _DOC_NO.match(cell) else ""


def article_count(*texts: str) -> int | None:
    """The article count a text states; of 原法共41条调整为50条 the last one (the new text's)."""
    for text in texts:
        found = _COUNT.findall(text or "")
        if found:
            return int(found[-1].replace(",", ""))
    return None


def period(title: str) -> tuple[int, int] | None:
    """The period a plan's title carries: （2021—2025年）, or one year of an annual plan."""
    m = _PERIOD.search(title)
    if m:
        return int(m.group(1)), int(m.group(2))
    m = _ANNUAL.search(title)
    if m:
        return int(m.group(1)), int(m.group(1))
    return None


def successor(cell: str) -> tuple[str | None, str | None]:
    """(title, date) of a successor cell; 'NOT FOUND …' is none."""
    cell = (cell or "").strip()
    if not cell or cell.upper().startswith("NOT FOUND"):
        return None, None
    when, _ = date(cell)
    title = clean_title(cell)
    return title or None, when


def kind_of(level: str, title: str) -> str:
    """law | document | emergency_plan | plan, from the level words and the title."""
    if "预案" in level or title.endswith("预案"):
        return "emergency_plan"
    if period(title) or "规划" in level or title.endswith(("纲要", "规划")):
        return "plan"
    if any(w in level for w in ("法律", "行政法规", "司法解释", "规章", "地方性法规")):
        return "law"
    return "document"


def _level(cell: str) -> str:
    level = clean_title(cell).replace(" ", "")
    level = re.sub(r"[（(].*$", "", level)
    return LEVELS.get(level, level)


def _label(action: str, when: str | None) -> str:
    year = (when or "")[:4]
    word = "修订" if action.startswith("revised") else "修正" if action.startswith("amended") else "公布"
    return f"{year}年{word}" if year else word


def _region(cell: str) -> str:
    cell = re.sub(r"\s*[(（].*$", "", (cell or "").strip())
    m = re.search(r"[\u4e00-\u9fff]+市$", cell)
    return m.group(0).replace("山东省", "") if m else cell


# ---------------------------------------------------------------- the three tables
def national(rows: list[dict], source: str) -> list[Fact]:
    facts = []
    for r in rows:
        conf, action = confidence(r.get("confidence", "")), (r.get("action") or "").strip()
        title = clean_title(r["title"])
        base = Fact(source=source, action="", title=title, confidence=conf, url=r.get("evidence_url", ""),
                    level=_level(r.get("level", "")), doc_no=doc_no(r.get("doc_no", "")))
        if conf == "low":
            base.action, base.note = "note", _note(action, r.get("adopted_date", ""))
            facts.append(base)
            continue
        pub, approx = date(r.get("adopted_date", ""))
        eff, eff_approx = date(r.get("effective_date", ""))
        if action.startswith("repealed"):
            base.action, base.date = "repeal", eff or pub
            base.successor = clean_title(r.get("successor", "")) or None
            base.date_approx = eff_approx
        else:
            base.action = "new" if action.startswith("new") else "version"
            base.label = _label(action, pub)
            base.publish_date, base.effective_date = pub, eff or pub
            base.date_approx = approx or not eff
            base.max_article = article_count(r.get("evidence_quote", ""), r.get("notes", ""))
        base.kind = kind_of(base.level, title)
        facts.append(base)
    return facts


def central(rows: list[dict], source: str) -> list[Fact]:
    facts = []
    for r in rows:
        conf = confidence(r.get("confidence", ""))
        raw = r["title"].strip()
        batch = raw.startswith("(batch)")
        if batch:  # a decision that repeals a list not in the table: only the decision itself is known
            raw = raw.split("—", 1)[-1]
        title, year, word = split_version(clean_title(raw))
        level = _level(r.get("level", ""))
        issued, approx = date(r.get("issued_date", ""))
        f = Fact(source=source, action="new", title=title, confidence=conf, url=r.get("evidence_url", ""),
                 level=level, kind=kind_of(level, title), doc_no=doc_no(r.get("doc_no", "")),
                 publish_date=issued, effective_date=issued, date_approx=approx,
                 label=f"{(issued or str(year or ''))[:4]}年{word or '印发'}", period=period(title))
        if conf == "low":
            f.action, f.note = "note", _note(r.get("status_as_of_2026-11-30", ""), "")
            facts.append(f)
            continue
        facts.append(f)
        end_cell = "" if batch else r.get("repeal_or_expiry_date", "")
        end, end_approx = date(end_cell, last_day=True)
        if not end:
            continue
        succ, succ_date = successor(r.get("successor", ""))
        expiry = "period" in end_cell or "expiry" in (r.get("repealed_by") or "")
        stop = Fact(source=source, action="expiry" if expiry else "repeal", title=title, confidence=conf,
                    url=f.url, level=level, kind=f.kind, date=end, date_approx=end_approx,
                    successor=None, basis=_basis(r.get("repealed_by", "")))
        if succ:
            s_title, s_year, s_word = split_version(succ)
            if s_title == title and s_year:  # the same plan revised: a new version, not a repeal
                facts.append(Fact(source=source, action="version", title=title, confidence=conf, url=f.url,
                                  level=level, kind=f.kind, label=f"{s_year}年{s_word or '修订'}",
                                  publish_date=end, effective_date=end, date_approx=end_approx))
                continue
            stop.successor, stop.successor_date = s_title, succ_date
        facts.append(stop)
    return facts


def shandong(rows: list[dict], source: str) -> list[Fact]:
    facts = []
    for r in rows:
        conf, action = confidence(r.get("confidence", "")), (r.get("action") or "").strip()
        title = clean_title(r["title"])
        level = _level(r.get("level", ""))
        f = Fact(source=source, action="new", title=title, confidence=conf, url=r.get("evidence_url", ""),
                 level=level, kind=kind_of(level, title), region=_region(r.get("region", "")),
                 doc_no=doc_no(r.get("doc_no", "")), period=period(title))
        if conf == "low" or action.startswith(("proposed", "rule text")):
            f.action, f.note = "note", _note(action, r.get("adopted_date", "") or r.get("published_date", ""))
            facts.append(f)
            continue
        if action.startswith("repealed"):
            f.action = "repeal"
            f.date, f.date_approx = date(r.get("status_as_of_2026-11-30", "") or r.get("published_date", ""))
            f.basis = f"{r.get('issuer') or ''}废止决定".strip()
            facts.append(f)
            continue
        pub, approx = date(r.get("published_date", ""))
        if not pub:
            pub, approx = date(r.get("adopted_date", ""))
        eff, eff_approx = date(r.get("effective_date", ""))
        f.publish_date, f.effective_date = pub, eff or pub
        f.date_approx = approx or not eff
        f.label = f"{(pub or '')[:4]}年公布"
        f.max_article = article_count(r.get("evidence_quote", ""))
        facts.append(f)
    return facts


def _basis(cell: str) -> str | None:
    cell = (cell or "").strip()
    if not cell or cell.startswith("("):
        return None
    cell = cell.split(" — ", 1)[0].strip()
    return re.sub(r"[(]", "（", re.sub(r"[)]", "）", cell))


def _note(action: str, when: str) -> str:
    """A short Chinese note for a fact that is not confirmed."""
    when_iso, _ = date(when)
    year = f"{when_iso[:4]}年" if when_iso else ""
    if "draft" in action or "proposed" in action:
        return f"{year}有修改或废止的草案，结果未经核实"
    if "amend" in action or "revis" in action:
        return f"{year}可能已经修改，未经核实"
    return "有关信息未经核实"


READERS = {"national.tsv": national, "central-documents.tsv": central, "shandong.tsv": shandong}


def read_updates(folder: Path) -> list[Fact]:
    """Facts from every change table in ``folder``, in file order."""
    facts: list[Fact] = []
    for name, reader in READERS.items():
        path = folder / name
        if path.is_file():
            facts.extend(reader(read(path), name))
    return facts
