"""The law knowledge base: load once, look up a cited title as of a review date.

The shipped base is ``checks/kb/laws.json`` (built by tools/build_kb.py from
fact tables; it records its source and date). Users add or override entries
with their own tables (TSV or CSV, e.g. a spreadsheet export) without a new
release; see ``load_table``.

The file is one JSON object laid out for a quick start (``encode_base``): its first line holds
the metadata and an index of title keys and short names, each later line one instrument. A run
reads the first line only and an instrument's line when a lookup first needs it.
"""

from __future__ import annotations

import datetime as dt
import json

from zzreview import lazy_regex
from zzreview.errors import ConfigError
from zzreview.plain import as_plain
from zzreview.record import Record

TYPE_CHECKING = False  # pathlib costs a review ~3 ms: its paths are strings
if TYPE_CHECKING:
    from pathlib import Path

_DROP = lazy_regex.cached_compile(r"[\s\u3000《》〈〉<>＜＞“”\"'‘’「」『』·•]")
_VNOTE = lazy_regex.cached_compile(
    r"[（(]\s*(?P<note>(?P<y>(?:19|20)\d\d)\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?\s*"
    r"(?:第[一二三四五六七八九十\d]+次)?(?:修正|修订|修改|版|本|修正本|修订本|修正文本|修订版|修正版)?)\s*[）)]\s*$")
_YEAR = lazy_regex.compile(r"(?:19|20)\d\d")
_PRC = "中华人民共和国"
STATUSES = ("有效", "已修改", "已废止", "尚未生效", "未知")  # a run-out plan is 已废止 with valid_until
KINDS = {"law": "法律法规", "document": "文件", "emergency_plan": "应急预案", "plan": "规划、纲要"}


def normalize_title(title: str) -> str:
    """Title without brackets, quotes and blanks, with full-width parentheses."""
    return _DROP.sub("", title).replace("(", "（").replace(")", "）")


def title_key(title: str) -> str:
    """Matching key: normalized, without any 中华人民共和国 and without a trailing version note."""
    t = normalize_title(title)
    return _key_of_normalized(t, _version_note(t))


def _version_note(norm: str):
    """The trailing version note of a normalized title (（2019年修正）), as a match, or None."""
    return _VNOTE.search(norm) if "年" in norm else None  # a note needs a year: most titles skip it


def _key_of_normalized(norm: str, note) -> str:
    """title_key of a title already normalized, whose version note (or None) was looked for."""
    if note and note.start() > 0:
        norm = norm[:note.start()]
    return norm.replace(_PRC, "")


class Version(Record):
    """One version of an instrument: its dates and number of articles."""

    _fields = ("label", "publish_date", "effective_date", "max_article", "zhiyi_articles", "truncated",
               "effective_approx", "from_history", "source", "confidence", "url")

    def __init__(
        self,
        label: str,
        publish_date: str | None,
        effective_date: str | None,
        max_article: int | None = None,
        zhiyi_articles: int = 0,
        truncated: bool = False,
        effective_approx: bool = False,
        from_history: bool = False,  # known only from the amendment history: article count unknown
        source: str | None = None,  # the change table it came from (None: the base snapshot)
        confidence: str | None = None,
        url: str | None = None,
    ):
        self.label = label
        self.publish_date = publish_date
        self.effective_date = effective_date
        self.max_article = max_article
        self.zhiyi_articles = zhiyi_articles
        self.truncated = truncated
        self.effective_approx = effective_approx
        self.from_history = from_history
        self.source = source
        self.confidence = confidence
        self.url = url

    def start(self) -> str:
        return self.effective_date or self.publish_date or ""


class Note(Record):
    """A fact that is not confirmed (low confidence): shown, never a finding by itself."""

    _fields = ("text", "url", "source")

    def __init__(self, text: str, url: str | None = None, source: str | None = None):
        self.text = text
        self.url = url
        self.source = source


class Entry(Record):
    """One instrument of the knowledge base: title, level, dates, status, versions and repeal."""

    _fields = ("title", "level", "region", "kind", "doc_no", "versions", "repeal_date", "repeal_date_approx",
               "repealed", "successor", "repeal_basis", "verified", "valid_until", "confidence", "evidence",
               "evidence_url", "notes", "history", "aliases", "origin")

    def __init__(
        self,
        title: str,
        level: str = "",
        region: str = "",
        kind: str = "law",  # law | document | emergency_plan | plan
        doc_no: str | None = None,
        versions: list[Version] | None = None,
        repeal_date: str | None = None,
        repeal_date_approx: bool = False,  # inferred (a month only, or another act's effective date)
        repealed: bool = False,
        successor: str | None = None,
        repeal_basis: str | None = None,
        verified: str | None = None,
        valid_until: str | None = None,
        confidence: str | None = None,  # of the repeal fact, when a change table gives it
        evidence: str | None = None,
        evidence_url: str | None = None,
        notes: list[Note] | None = None,
        history: list[tuple[str, str]] | None = None,  # (date, 通过/修正/修订), format 1
        aliases: list[str] | None = None,  # short names given in a user table
        origin: str = "builtin",
    ):
        self.title = title
        self.level = level
        self.region = region
        self.kind = kind
        self.doc_no = doc_no
        self.versions = [] if versions is None else versions
        self.repeal_date = repeal_date
        self.repeal_date_approx = repeal_date_approx
        self.repealed = repealed
        self.successor = successor
        self.repeal_basis = repeal_basis
        self.verified = verified
        self.valid_until = valid_until
        self.confidence = confidence
        self.evidence = evidence
        self.evidence_url = evidence_url
        self.notes = [] if notes is None else notes
        self.history = [] if history is None else history
        self.aliases = [] if aliases is None else aliases
        self.origin = origin

    def start(self) -> str | None:
        dates = [v.start() for v in self.versions if v.start()]
        return min(dates) if dates else None

    def in_force(self, day: str) -> bool:
        start = self.start()
        if start and start > day:
            return False
        return not (self.repealed and self.repeal_date and self.repeal_date <= day)


class Resolution(Record):
    """What the knowledge base says of a cited title on a given day."""

    _fields = ("query", "known", "status", "as_of", "title", "level", "kind", "region", "doc_no", "effective_date",
               "current_version", "repeal_date", "repeal_date_approx", "scheduled_repeal", "valid_until", "successor",
               "repeal_basis", "verified", "confidence", "evidence", "evidence_url", "max_article", "zhiyi_articles",
               "truncated", "versions", "cited_version", "notes", "ambiguous", "same_title", "matched_by", "origin")

    def __init__(
        self,
        query: str,
        known: bool,
        status: str = "未知",
        as_of: str | None = None,
        title: str | None = None,
        level: str | None = None,
        kind: str | None = None,
        region: str | None = None,
        doc_no: str | None = None,
        effective_date: str | None = None,
        current_version: str | None = None,  # label of the version in force on the date
        repeal_date: str | None = None,
        repeal_date_approx: bool = False,
        scheduled_repeal: str | None = None,
        valid_until: str | None = None,
        successor: str | None = None,
        repeal_basis: str | None = None,
        verified: str | None = None,
        confidence: str | None = None,
        evidence: str | None = None,
        evidence_url: str | None = None,
        max_article: int | None = None,
        zhiyi_articles: int = 0,
        truncated: bool = False,
        versions: list[Version] | None = None,
        cited_version: str | None = None,
        notes: list[Note] | None = None,
        ambiguous: bool = False,
        same_title: list[dict] | None = None,  # other instruments of a reused title
        matched_by: str | None = None,  # title | alias | fuzzy | table
        origin: str | None = None,
    ):
        self.query = query
        self.known = known
        self.status = status
        self.as_of = as_of
        self.title = title
        self.level = level
        self.kind = kind
        self.region = region
        self.doc_no = doc_no
        self.effective_date = effective_date
        self.current_version = current_version
        self.repeal_date = repeal_date
        self.repeal_date_approx = repeal_date_approx
        self.scheduled_repeal = scheduled_repeal
        self.valid_until = valid_until
        self.successor = successor
        self.repeal_basis = repeal_basis
        self.verified = verified
        self.confidence = confidence
        self.evidence = evidence
        self.evidence_url = evidence_url
        self.max_article = max_article
        self.zhiyi_articles = zhiyi_articles
        self.truncated = truncated
        self.versions = [] if versions is None else versions
        self.cited_version = cited_version
        self.notes = [] if notes is None else notes
        self.ambiguous = ambiguous
        self.same_title = [] if same_title is None else same_title
        self.matched_by = matched_by
        self.origin = origin

    def to_dict(self) -> dict:
        return as_plain(self)


FORMAT = 3
_HEAD_END = b',"instruments":['


def encode_base(meta: dict, instruments: list[dict], aliases: list[tuple[str, str]]) -> bytes:
    """The knowledge-base file: one JSON object ``{"format", "meta", "titles", "aliases",
    "instruments"}`` whose first line is everything before the instruments and whose every
    later line is one instrument. ``titles`` maps each title key (``title_key``) to the
    [offset, length] of its instruments' JSON after the first line; ``aliases`` maps a short
    name's key to the title keys it names. ``load`` reads the first line only."""
    lines = [json.dumps(e, ensure_ascii=False, separators=(",", ":")).encode("utf-8") for e in instruments]
    titles: dict[str, list[list[int]]] = {}
    at = 0
    for e, line in zip(instruments, lines):
        titles.setdefault(title_key(e["title"]), []).append([at, len(line)])
        at += len(line) + 2  # the comma (a newline after the last one) and the newline
    alias_keys: dict[str, set[str]] = {}
    for alias, title in aliases:
        alias_keys.setdefault(title_key(alias), set()).add(title_key(title))
    head = json.dumps({"format": FORMAT, "meta": meta, "titles": titles,
                       "aliases": {k: sorted(v) for k, v in alias_keys.items()}},
                      ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    body = b",\n".join(lines) + (b"\n" if lines else b"")
    return head[:-1] + _HEAD_END + b"\n" + body + b"]}\n"


def _version_year(note: str | None) -> int | None:
    if not note:
        return None
    m = _YEAR.search(note)
    return int(m.group(0)) if m else None


_LOOKED_UP_MAX = 4096  # titles whose lookup is kept: memory stays flat in a long run


class KnowledgeBase:
    _cache: dict[tuple, "KnowledgeBase"] = {}

    def __init__(self, meta: dict, by_key: dict[str, list], aliases: dict[str, list[str] | set[str]],
                 extra_tables: list[str] | None = None, data: bytes = b"", base: int = 0):
        self.meta = meta
        self.version = meta.get("version", "")
        self.source = meta.get("source", "")
        self.built = meta.get("built")
        self.extra_tables = extra_tables or []
        self.table_sources: list[dict] = []
        # title key → entries; an entry of the shipped base stays [offset, length] of its line in
        # ``data`` (from ``base``) until a lookup needs it (see _entries)
        self._by_key: dict[str, list] = by_key
        self._aliases = aliases  # short name's key → title keys
        self._data, self._base = data, base

    # ------------------------------------------------------------ loading
    @classmethod
    def load(cls, extra_tables: list | tuple = (), path: Path | None = None) -> "KnowledgeBase":
        """The shipped base plus ``extra_tables`` (later tables override earlier entries)."""
        if path is None:
            from zzreview.resources import data_path

            path = data_path("kb/laws.json")
        tables = []
        if extra_tables:
            from pathlib import Path

            tables = [Path(t) for t in extra_tables]
        sig = (str(path), *((str(t), t.stat().st_mtime if t.is_file() else None) for t in tables))
        if sig in cls._cache:
            return cls._cache[sig]
        with open(path, "rb") as f:
            data = f.read()
        end = data.index(b"\n")
        if not data[:end].endswith(_HEAD_END):
            raise ValueError(f"{path}: not a knowledge base of format {FORMAT} (rebuild it with tools/build_kb.py)")
        head = json.loads(data[:end - len(_HEAD_END)] + b"}")
        kb = cls(head["meta"], head["titles"], head["aliases"], [str(t) for t in tables], data, end + 1)
        for table in tables:
            added = load_table(table)
            kb.add_entries(added)
            dates = [d for e in added for d in [e.repeal_date, *(v.start() for v in e.versions)] if d]
            kb.table_sources.append({"id": str(table), "name": "用户补充表", "rows": len(added),
                                     "newest_fact": max(dates) if dates else None})
        cls._cache[sig] = kb
        return kb

    def add_entries(self, entries: list[Entry]) -> None:
        """Entries from a table: merged into the shipped entry of the same title (new versions added,
        level and repeal facts overridden), or added; a reused title is replaced as a whole."""
        self.__dict__.pop("_rests", None)
        self.__dict__.pop("_titles_looked_up", None)
        for e in entries:
            key = title_key(e.title)
            existing = self._entries(key)
            if len(existing) == 1:
                self._by_key[key] = [_merge(existing[0], e)]
            else:
                self._by_key[key] = [e]
            for alias in e.aliases:
                akey = title_key(alias)
                self._aliases[akey] = {*self._aliases.get(akey, ()), key}

    def counts(self) -> dict:
        return dict(self.meta.get("counts", {}))

    def sources(self) -> list[dict]:
        """Every source of facts with the date of its newest fact; user tables last."""
        base = self.meta.get("sources") or [{"id": "base", "name": self.source,
                                              "snapshot": self.meta.get("source_date"),
                                              "newest_fact": self.meta.get("source_date")}]
        return [dict(s) for s in base] + [dict(s) for s in self.table_sources]

    def info(self) -> dict:
        return {
            "name": self.meta.get("name", ""),
            "version": self.version,
            "source": self.source,
            "source_date": self.meta.get("source_date"),
            "built": self.built,
            "counts": self.counts(),
            "sources": self.sources(),
            "unconfirmed": list(self.meta.get("unconfirmed", [])),
            "extra_tables": list(self.extra_tables),
        }

    # ------------------------------------------------------------ lookup
    def _entries(self, key: str) -> list[Entry]:
        """The entries of a title key, read from their lines on first use."""
        found = self._by_key.get(key, [])
        if any(not isinstance(e, Entry) for e in found):
            found = self._by_key[key] = [e if isinstance(e, Entry) else self._read_entry(e) for e in found]
        return found

    def _read_entry(self, span: list[int]) -> Entry:
        start = self._base + span[0]
        return _entry_from_json(json.loads(self._data[start:start + span[1]]))

    def _candidates(self, key: str) -> tuple[list[Entry], str | None]:
        if key in self._by_key:
            return self._entries(key), "title"
        targets = self._aliases.get(key)
        if targets:
            found = [e for t in sorted(targets) for e in self._entries(t)]
            if found:
                return found, "alias"
        # A title cited without a qualifier of one or two characters (爆炸物品管理条例 for
        # 民用爆炸物品管理条例): only when exactly one known title fits.
        if len(key) >= 8:
            fits = self._longer_by(key)
            if len(fits) == 1:
                return self._entries(next(iter(fits))), "fuzzy"
        return [], None

    def instruments(self) -> list[Entry]:
        """Every entry of the base (shipped and from tables)."""
        return [e for key in list(self._by_key) for e in self._entries(key)]

    def _longer_by(self, key: str) -> set[str]:
        """The title keys that are ``key`` with one or two more characters in front."""
        return {k for cut in (1, 2) for k in self._by_rest(len(key) + cut, cut).get(key, ())}

    def _by_rest(self, length: int, cut: int) -> dict[str, list[str]]:
        """The keys of ``length`` characters by what is left of them without their first ``cut``:
        grouped by length once, and each group indexed when first looked up (a one-file review
        indexes a few groups, a folder each group once)."""
        index = self.__dict__.get("_rests")
        if index is None:
            index = self._rests = {}
            self._by_length: dict[int, list[str]] = {}
            for k in self._by_key:
                self._by_length.setdefault(len(k), []).append(k)
        rests = index.get((length, cut))
        if rests is None:
            rests = index[(length, cut)] = {}
            for k in self._by_length.get(length, ()):
                rests.setdefault(k[cut:], []).append(k)
        return rests

    def _looked_up(self, title: str) -> tuple[str | None, list[Entry], str | None]:
        """(version note written in the title, entries, how they matched): found once per title
        (a folder cites the same laws again and again), at most _LOOKED_UP_MAX titles kept."""
        kept = self.__dict__.setdefault("_titles_looked_up", {})
        found = kept.get(title)
        if found is None:
            norm = normalize_title(title)
            m = _version_note(norm)
            note = m.group("note") if m and m.start() > 0 else None
            found = (note, *self._candidates(_key_of_normalized(norm, m)))  # normalized once
            if len(kept) >= _LOOKED_UP_MAX:
                kept.clear()
            kept[title] = found
        return found

    def resolve(self, title: str, as_of: dt.date, year_hint: int | None = None,
                version_note: str | None = None) -> Resolution:
        """What ``title`` refers to and its status on ``as_of``. Of several instruments sharing the
        title, the one in force in ``year_hint`` (or in the version note's year) is taken, else the one
        in force on ``as_of``; ``ambiguous`` is set when neither decides."""
        note, entries, matched_by = self._looked_up(title)
        if note is not None:
            version_note = version_note or note
        day = as_of.isoformat()
        if not entries:
            return Resolution(query=title, known=False, as_of=day)
        ambiguous = False
        if len(entries) > 1:
            chosen = _by_year(entries, year_hint or _version_year(version_note))
            if chosen is None:
                ambiguous = True
                live = [e for e in entries if e.in_force(day)]
                pool = live or [e for e in entries if (e.start() or "") <= day] or entries
                chosen = max(pool, key=lambda e: e.start() or "")
            entry = chosen
        else:
            entry = entries[0]
        res = _status(entry, day, version_note)
        res.query = title
        res.ambiguous = ambiguous or len(entries) > 1 and len({title_key(e.title) for e in entries}) > 1
        res.same_title = [_summary(e) for e in entries if e is not entry]
        res.matched_by = "table" if entry.origin != "builtin" else matched_by
        return res


def _summary(e: Entry) -> dict:
    return {"title": e.title, "start": e.start(), "repeal_date": e.repeal_date, "doc_no": e.doc_no}


def _merge(base: Entry, update: Entry) -> Entry:
    seen = {(v.publish_date, v.effective_date) for v in base.versions}
    versions = base.versions + [v for v in update.versions if (v.publish_date, v.effective_date) not in seen]
    versions.sort(key=Version.start)
    merged = Entry(title=base.title, level=update.level or base.level, region=base.region, kind=base.kind,
                   doc_no=base.doc_no, versions=versions,
                   repeal_date=base.repeal_date, repealed=base.repealed, successor=base.successor,
                   repeal_basis=base.repeal_basis, verified=base.verified, valid_until=base.valid_until,
                   confidence=base.confidence, evidence=base.evidence, evidence_url=base.evidence_url,
                   notes=list(base.notes), history=list(base.history), origin=update.origin)
    if update.repealed:
        merged.repealed, merged.repeal_date = True, update.repeal_date
        merged.verified, merged.valid_until = update.verified, update.valid_until
        merged.successor = update.successor or base.successor
        merged.repeal_basis, merged.confidence, merged.evidence, merged.evidence_url = None, None, None, None
    return merged


def _by_year(entries: list[Entry], year: int | None) -> Entry | None:
    """The entry of a reused title that was in force in ``year``."""
    if year is None:
        return None
    fits = []
    for e in entries:
        start = e.start()
        if start and int(start[:4]) > year:
            continue
        if e.repeal_date and int(e.repeal_date[:4]) < year:
            continue
        fits.append(e)
    return fits[0] if len(fits) == 1 else None


def _status(e: Entry, day: str, version_note: str | None) -> Resolution:
    res = Resolution(query=e.title, known=True, as_of=day, title=e.title, level=e.level or None,
                     kind=e.kind, region=e.region or None, doc_no=e.doc_no, successor=e.successor,
                     repeal_basis=e.repeal_basis, verified=e.verified, confidence=e.confidence,
                     evidence=e.evidence or None, evidence_url=e.evidence_url, versions=list(e.versions),
                     valid_until=e.valid_until, notes=list(e.notes), origin=e.origin)
    in_force = [v for v in e.versions if v.start() <= day]
    current = in_force[-1] if in_force else (e.versions[-1] if e.versions else None)
    cited = current
    year = _version_year(version_note)
    if year is not None:
        match = [v for v in e.versions
                 if (v.publish_date or "")[:4] == str(year) or (v.effective_date or "")[:4] == str(year)]
        if match:
            cited = match[-1]
            res.cited_version = cited.label
        elif current is not None and any(d[:4] == str(year) for d, _ in e.history):
            # An amendment a format-1 base records only in the history: a version older than ``current``.
            event = next(ev for d, ev in e.history if d[:4] == str(year))
            res.cited_version = f"{year}年{event}"
            later = [d for d, _ in e.history if d[:4] > str(year) and d <= day]
            if later:
                cited = Version(res.cited_version, None, None)
    if current is not None:
        res.effective_date = current.effective_date or current.publish_date
        res.current_version = current.label
    if cited is not None and cited.max_article is None and cited is not current:
        pass  # an old version whose article count is unknown: no article check
    elif cited is not None:
        res.max_article, res.zhiyi_articles, res.truncated = cited.max_article, cited.zhiyi_articles, cited.truncated
    if e.repealed and (e.repeal_date is None or e.repeal_date <= day):
        res.status, res.repeal_date, res.repeal_date_approx = "已废止", e.repeal_date, e.repeal_date_approx
    elif e.versions and not in_force:
        res.status = "尚未生效"
    elif cited is not None and current is not None and cited is not current and cited.start() < current.start():
        res.status = "已修改"
    else:
        res.status = "有效"
    if e.repealed and res.status != "已废止":
        res.scheduled_repeal = e.repeal_date  # a repeal still to come is shown, not applied
    return res


def _entry_from_json(d: dict) -> Entry:
    rep = d.get("repeal") or {}
    return Entry(
        title=d["title"], level=d.get("level", ""), region=d.get("region", ""), kind=d.get("kind", "law"),
        doc_no=d.get("doc_no"),
        versions=[Version(v.get("label", ""), v.get("publish_date"), v.get("effective_date"),
                          v.get("max_article"), v.get("zhiyi_articles", 0), v.get("truncated", False),
                          v.get("effective_approx", False), v.get("from_history", False),
                          v.get("source"), v.get("confidence"), v.get("url")) for v in d.get("versions", [])],
        repealed=bool(rep), repeal_date=rep.get("date"), repeal_date_approx=rep.get("approx", False),
        successor=rep.get("successor"),
        repeal_basis=rep.get("basis"), verified=rep.get("verified"), valid_until=rep.get("valid_until"),
        confidence=rep.get("confidence"), evidence=rep.get("evidence"), evidence_url=rep.get("url"),
        notes=[Note(n.get("text", ""), n.get("url"), n.get("source")) for n in d.get("notes", [])],
        history=[tuple(h) for h in d.get("history", [])])


# ---------------------------------------------------------------- user tables
TABLE_COLUMNS = {
    "title": "标题（必填）",
    "level": "效力级别，例如 法律、行政法规、地方政府规章、行政规范性文件",
    "publish_date": "公布日期",
    "effective_date": "施行日期",
    "valid_until": "有效期截止日（过后视为失效）",
    "status": "有效 / 已废止 / 失效",
    "repeal_date": "废止日期",
    "successor": "替代文件标题（或 successor_title）",
    "max_article": "最后一条的序号",
    "label": "版本名称，例如 2025年修订",
    "aliases": "简称，多个用、或;分隔（或 short_name）",
    "doc_no": "文号，例如 某政发〔2024〕3号",
    "evidence_url": "出处网址",
    "confidence": "可信度 high / medium / low；low 的废止只作提示，不据此报告问题",
}
_COLUMN_ALIASES = {"标题": "title", "名称": "title", "效力级别": "level", "公布日期": "publish_date",
                   "施行日期": "effective_date", "有效期至": "valid_until", "状态": "status",
                   "时效性": "status", "废止日期": "repeal_date", "successor_title": "successor",
                   "替代": "successor", "最后一条": "max_article", "版本": "label", "简称": "aliases", "short_name": "aliases",
                   "文号": "doc_no", "出处": "evidence_url", "可信度": "confidence"}
_DATE = lazy_regex.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$")
_ALIAS_SEP = lazy_regex.compile(r"[、;；,，]")  # aliases in a user table cell


def _decode(data: bytes) -> str:
    for enc in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", errors="replace")


def _date(value: str, where: str) -> str | None:
    value = (value or "").strip()
    if not value:
        return None
    m = _DATE.match(value)
    try:
        if not m:
            raise ValueError
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError:
        raise ConfigError(f"{where}：日期“{value}”无法识别，应为 YYYY-MM-DD") from None


def load_table(path: Path) -> list[Entry]:
    """Entries from a user table (TSV, or CSV by extension); rows of one title are its versions."""
    from pathlib import Path

    from zzreview.tables import parse_rows, read_table_bytes

    path = Path(path)
    text = _decode(read_table_bytes(path, "知识库补充表"))
    delimiter = "," if path.suffix.lower() == ".csv" else "\t"
    rows = parse_rows(text, delimiter, path, "知识库补充表")
    if not rows:
        raise ConfigError(f"{path}：知识库补充表为空")
    header = [_COLUMN_ALIASES.get(h.strip(), h.strip()) for h in rows[0][1]]
    if "title" not in header:
        raise ConfigError(f"{path}：第1行表头缺少 title 列（可用列：{'、'.join(TABLE_COLUMNS)}）")
    by_title: dict[str, Entry] = {}
    for n, row in rows[1:]:
        if not any(c.strip() for c in row):
            continue
        rec = {h: (row[i].strip() if i < len(row) else "") for i, h in enumerate(header)}
        where = f"{path}:{n}"
        title = normalize_title(rec.get("title", ""))
        if not title:
            raise ConfigError(f"{where}：title 为空")
        e = by_title.get(title)
        if e is None:
            e = by_title[title] = Entry(title=title, origin=str(path))
        e.level = rec.get("level") or e.level
        max_article = rec.get("max_article") or ""
        if max_article and not (max_article.isascii() and max_article.isdigit() and len(max_article) <= 5):
            raise ConfigError(f"{where}：max_article 应为不超过 99999 的整数，而不是“{max_article[:20]}”")
        eff = _date(rec.get("effective_date", ""), where)
        pub = _date(rec.get("publish_date", ""), where)
        if eff or pub or max_article:
            label = rec.get("label") or f"{(pub or eff or '')[:4]}年版本"
            e.versions.append(Version(label, pub, eff, int(max_article) if max_article else None))
        until = _date(rec.get("valid_until", ""), where)
        if until:
            e.valid_until = until
            e.repealed = True
            day_after = dt.date.fromisoformat(until) + dt.timedelta(days=1) if until < "9999-12-31" else None
            e.repeal_date = day_after.isoformat() if day_after else until
        status = rec.get("status", "")
        if status and status not in ("有效", "已废止", "失效", "已失效", "废止", "已修改", "尚未生效"):
            raise ConfigError(f"{where}：status“{status}”无效，可用：有效、已废止、失效")
        rdate = _date(rec.get("repeal_date", ""), where)
        if status in ("已废止", "失效", "已失效", "废止") or rdate:
            e.repealed = True
            e.repeal_date = rdate or e.repeal_date
            e.verified = "TABLE"
        if rec.get("successor"):
            e.successor = normalize_title(rec["successor"])
        e.doc_no = rec.get("doc_no") or e.doc_no
        e.evidence_url = rec.get("evidence_url") or e.evidence_url
        conf = rec.get("confidence", "").lower()
        if conf and conf not in ("high", "medium", "low"):
            raise ConfigError(f"{where}：confidence“{conf}”无效，可用：high、medium、low")
        if conf == "low" and e.repealed:  # an unconfirmed repeal: a note, never a finding
            when = e.repeal_date or e.valid_until
            e.notes.append(Note(f"{when or ''}可能已废止或失效，未经核实".lstrip(), e.evidence_url, str(path)))
            e.repealed, e.repeal_date, e.valid_until, e.verified = False, None, None, None
        elif conf:
            e.confidence = conf
        for alias in _ALIAS_SEP.split(rec.get("aliases", "")):
            if alias.strip():
                e.aliases.append(alias.strip())
    for e in by_title.values():
        e.versions.sort(key=lambda v: v.effective_date or v.publish_date or "")
    return list(by_title.values())
