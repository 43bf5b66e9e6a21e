"""Certification lists (证明事项清单): loading shipped and user lists, and matching names.

Formats: TOML (``[list]`` + ``[[item]]``, the shipped lists under checks/certifications/) and
CSV/TSV exported from a spreadsheet (UTF-8, UTF-8 with BOM or GB18030; Chinese or English
column headers, e.g. 证明名称, 开具单位, 设定依据, 是否告知承诺). See checks/certifications/README.md.
"""

from __future__ import annotations

from functools import lru_cache

from zzreview import lazy_regex, resources
from zzreview.errors import ConfigError
from zzreview.record import Record

TYPE_CHECKING = False  # pathlib (~3 ms to import) only once a list is loaded
if TYPE_CHECKING:
    from pathlib import Path

THRESHOLD = 0.6  # fuzzy match: tested on near misses in tests/test_certifications.py
NEAR = 0.45  # below THRESHOLD but worth naming as the closest item

# column header (normalised) -> field
COLUMNS = {
    "name": ("证明名称", "证明事项名称", "证明事项", "证明材料名称", "事项名称", "名称", "name", "item"),
    "aliases": ("别名", "其他名称", "又称", "曾用名", "aliases", "alias"),
    "issuer": ("开具单位", "出具单位", "开具机关", "出具机关", "开具部门", "issuer"),
    "requester": ("索要单位", "索要部门", "使用单位", "requester"),
    "use": ("证明用途", "用途", "use", "purpose"),
    "basis": ("设定依据", "依据", "法律依据", "basis"),
    "basis_text": ("依据条文及内容", "依据条文", "条文内容", "basis_text"),
    "promise": ("是否告知承诺", "是否实行告知承诺", "实行告知承诺", "告知承诺", "是否适用告知承诺", "告知承诺制",
                "promise"),
    "no_promise_reason": ("不能实行告知承诺及保留原因", "不实行告知承诺原因", "保留原因"),
    "level": ("行使层级", "层级", "level"),
    "kind": ("事项类型", "类型", "kind"),
    "list": ("清单名称", "清单", "list"),
    "region": ("地区", "区域", "行政区域", "region"),
    "date": ("发布日期", "公布日期", "日期", "date"),
    "source": ("来源", "出处", "网址", "source"),
}
_HEADER_OF = {h.lower(): f for f, hs in COLUMNS.items() for h in hs}
_YES = {"是", "y", "yes", "true", "1", "√", "✓", "适用", "实行", "可以"}
_NO = {"否", "n", "no", "false", "0", "×", "不适用", "不实行", "不可以"}
_SPLIT = lazy_regex.compile(r"[；;、|/，,]")
_PUNCT = lazy_regex.compile(r"[\p{P}\s\p{S}]")
_SUFFIX = lazy_regex.compile(r"证明(?:文件|材料|文书|书|函|信)?(?:原件|复印件)?$")
_LEADING = lazy_regex.compile(r"^(?:有效|合法|真实|书面|本人|申请人|当事人|其)+")
_TITLE_DATE = lazy_regex.compile(r"[（(]?((?:19|20)\d{2})\s*[年\-./]\s*(\d{1,2})\s*[月\-./]\s*(\d{1,2})日?[）)]?")
_ISSUED_BY = lazy_regex.compile(r"^.{1,20}?(?:出具|开具)的")
_NEGATED = lazy_regex.compile(r"^(?:无|未|非|不|没有)")


class CertItem(Record):
    """One item of a certification list, with its aliases, issuer and requester."""

    _fields = ("name", "aliases", "issuer", "requester", "use", "basis", "promise", "level", "kind", "note")

    def __init__(
        self,
        name: str,
        aliases: list[str] | None = None,
        issuer: str | None = None,
        requester: str | None = None,
        use: str | None = None,
        basis: str | None = None,
        promise: bool | None = None,  # 告知承诺 applies
        level: str | None = None,
        kind: str | None = None,
        note: str | None = None,
    ):
        self.name = name
        self.aliases = [] if aliases is None else aliases
        self.issuer = issuer
        self.requester = requester
        self.use = use
        self.basis = basis
        self.promise = promise
        self.level = level
        self.kind = kind
        self.note = note


class CertList(Record):
    """A published list of certification items (清单) and where it applies."""

    _fields = ("id", "name", "region", "date", "publisher", "source", "basis", "complete", "path", "items")

    def __init__(
        self,
        id: str,
        name: str,
        region: str | None = None,
        date: str | None = None,
        publisher: str | None = None,
        source: str | None = None,
        basis: str | None = None,  # the document that published the list
        complete: bool = True,  # False: a partial copy (only the items verified)
        path: str | None = None,
        items: list[CertItem] | None = None,
    ):
        self.id = id
        self.name = name
        self.region = region
        self.date = date
        self.publisher = publisher
        self.source = source
        self.basis = basis
        self.complete = complete
        self.path = path
        self.items = [] if items is None else items

    @property
    def label(self) -> str:
        """《name》（date）, for messages."""
        return f"《{self.name}》" + (f"（{self.date}）" if self.date else "")


class Match(Record):
    """A demanded certification matched to a list item, and how it matched."""

    _fields = ("item", "list", "score", "how")

    def __init__(
        self,
        item: CertItem,
        list: CertList,
        score: float,
        how: str,  # exact | alias | similar
    ):
        self.item = item
        self.list = list
        self.score = score
        self.how = how

    def to_dict(self) -> dict:
        return {"name": self.item.name, "list": self.list.name, "list_date": self.list.date,
                "issuer": self.item.issuer, "basis": self.item.basis, "promise": self.item.promise,
                "match": self.how, "score": round(self.score, 2)}


# --- loading -----------------------------------------------------------------------------------

def builtin_dir() -> Path:
    from pathlib import Path

    from zzreview.resources import data_dir

    return Path(str(data_dir())) / "certifications"


def builtin_lists() -> dict[str, Path]:
    d = builtin_dir()
    return {p.stem: p for p in sorted(d.glob("*.toml"))} if d.is_dir() else {}


def _bool(value, where: str) -> bool | None:
    if isinstance(value, bool) or value is None:
        return value
    v = str(value).strip().lower()
    if not v:
        return None
    if v in _YES or v.startswith("是") or v.startswith("适用"):
        return True
    if v in _NO or v.startswith("否") or v.startswith("不"):
        return False
    raise ConfigError(f"{where}：“{value}”不是是/否")


def _aliases(value) -> list[str]:
    if isinstance(value, list):
        return [str(v).strip() for v in value if str(v).strip()]
    return [v.strip() for v in _SPLIT.split(str(value or "")) if v.strip()]


def _load_toml(path: Path) -> CertList:
    from zzreview.tables import read_table_bytes

    try:
        data = resources.tomllib.loads(read_table_bytes(path, "证明事项清单").decode("utf-8-sig"))
    except (UnicodeDecodeError, resources.tomllib.TOMLDecodeError, RecursionError) as exc:
        raise ConfigError(f"{path}：无法读取证明事项清单（{type(exc).__name__}）") from None
    meta = data.get("list", {})
    if not isinstance(meta, dict) or not meta.get("name"):
        raise ConfigError(f"{path}：缺少 [list] 表或其 name（清单名称）")
    lst = CertList(id=str(meta.get("id", path.stem)), name=str(meta["name"]), region=meta.get("region"),
                   date=str(meta["date"]) if meta.get("date") else None, publisher=meta.get("publisher"),
                   source=meta.get("source"), basis=meta.get("basis"), complete=bool(meta.get("complete", True)),
                   path=str(path))
    for i, it in enumerate(data.get("item", []), 1):
        where = f"{path}：第{i}个 [[item]]"
        if not isinstance(it, dict) or not it.get("name"):
            raise ConfigError(f"{where} 缺少 name（证明名称）")
        lst.items.append(CertItem(
            name=str(it["name"]).strip(), aliases=_aliases(it.get("aliases", [])), issuer=it.get("issuer"),
            requester=it.get("requester"), use=it.get("use"), basis=it.get("basis"),
            promise=_bool(it.get("promise"), where), level=it.get("level"), kind=it.get("kind"),
            note=it.get("note")))
    return lst


def _decode(raw: bytes, path: Path) -> str:
    for enc in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(enc)
        except UnicodeDecodeError:
            continue
    raise ConfigError(f"{path}：无法识别编码（请另存为 UTF-8 或 GB18030 编码的 CSV）")


def _header_row(rows: list[list[str]]) -> int:
    for i, row in enumerate(rows[:20]):
        if any(_HEADER_OF.get(_PUNCT.sub("", c).lower()) == "name" for c in row):
            return i
    return -1


def _load_table(path: Path) -> CertList:
    from zzreview.tables import parse_rows, read_table_bytes

    text = _decode(read_table_bytes(path, "证明事项清单"), path)
    body = "\n".join("" if ln.lstrip().startswith("#") else ln for ln in text.splitlines())
    if path.suffix.lower() == ".tsv" or ("\t" in body and body.count("\t") >= body.count(",")):
        delimiter = "\t"
    else:
        delimiter = ","
    rows = [r for _, r in parse_rows(body, delimiter, path, "证明事项清单")]
    h = _header_row(rows)
    if h < 0:
        raise ConfigError(f"{path}：找不到表头行（需要“证明名称”列；可用列名见 checks/certifications/README.md）")
    fields = [_HEADER_OF.get(_PUNCT.sub("", c).lower()) for c in rows[h]]
    title = next((c.strip() for r in rows[:h] for c in r if c.strip()), None)  # a title row above the header
    lst = CertList(id=path.stem, name=title or path.stem, path=str(path))
    if title:  # 某市保留证明事项清单（2024年3月1日）
        m = _TITLE_DATE.search(title)
        if m:
            lst.date = f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
            lst.name = (title[:m.start()] + title[m.end():]).strip() or title
    for n, row in enumerate(rows[h + 1:], h + 2):
        rec = {f: row[i].strip() for i, f in enumerate(fields) if f and i < len(row) and row[i].strip()}
        if not rec.get("name"):
            continue
        where = f"{path}：第{n}行"
        promise = _bool(rec.get("promise"), where)
        if promise is None and rec.get("no_promise_reason"):
            promise = False
        for key in ("list", "region", "date", "source"):
            if rec.get(key):
                setattr(lst, "name" if key == "list" else key, rec[key])
        lst.items.append(CertItem(
            name=rec["name"], aliases=_aliases(rec.get("aliases")), issuer=rec.get("issuer"),
            requester=rec.get("requester"), use=rec.get("use"),
            basis="：".join(x for x in (rec.get("basis"), rec.get("basis_text")) if x) or None,
            promise=promise, level=rec.get("level"), kind=rec.get("kind"), note=rec.get("no_promise_reason")))
    if not lst.items:
        raise ConfigError(f"{path}：清单中没有任何证明事项")
    return lst


@lru_cache(maxsize=32)
def _load_path(path: str, mtime: float) -> CertList:
    from pathlib import Path

    p = Path(path)
    if p.suffix.lower() == ".toml":
        return _load_toml(p)
    if p.suffix.lower() in (".csv", ".tsv", ".txt"):
        return _load_table(p)
    raise ConfigError(f"{p}：不支持的清单格式（用 .toml、.csv 或 .tsv；Excel 表格请另存为 CSV）")


def load_list(value: str) -> CertList:
    """A list by file path, or a shipped list by id (file name without .toml) or name."""
    from pathlib import Path

    p = Path(value)
    if p.is_file():
        return _load_path(str(p.resolve()), p.stat().st_mtime)
    shipped = builtin_lists()
    for key in (value, p.name, p.stem):
        if key in shipped:
            return _load_path(str(shipped[key]), shipped[key].stat().st_mtime)
    for q in shipped.values():
        lst = _load_path(str(q), q.stat().st_mtime)
        if p.name in (lst.name, lst.id):
            return lst
    raise ConfigError(f"证明事项清单“{value}”不存在：既不是文件，也不是内置清单"
                      f"（内置：{'、'.join(shipped) or '无'}）")


def load_lists(values) -> list[CertList]:
    return [load_list(v) for v in values]


# --- matching ----------------------------------------------------------------------------------

def core(name: str) -> str:
    """The distinctive part of a certification name: no punctuation, suffix or generic modifiers."""
    s = _PUNCT.sub("", name)
    s = _ISSUED_BY.sub("", s)
    s = _SUFFIX.sub("", s)
    return _LEADING.sub("", s)


def _bigrams(s: str) -> set[str]:
    return {s[i:i + 2] for i in range(len(s) - 1)} or ({s} if s else set())


def _words(s: str) -> set[str]:
    from zzreview.analysis.certifications import tokenizer

    words = {w for w in tokenizer().cut_for_search(s) if w.strip()}
    # the finest segmentation: drop words that contain a smaller word (无违法犯罪记录 → 违法, 犯罪, 记录)
    return {w for w in words if not any(o != w and o in w and len(o) > 1 for o in words)}


def _dice(a: set, b: set) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


def similarity(a: str, b: str) -> float:
    """0..1: mean of character-bigram and word overlap (Dice) of the two names' cores."""
    ca, cb = core(a), core(b)
    if not ca or not cb:
        return 0.0
    if ca == cb:
        return 1.0
    if bool(_NEGATED.match(ca)) != bool(_NEGATED.match(cb)):
        return 0.0  # 收入证明 vs 无收入证明
    return (_dice(_bigrams(ca), _bigrams(cb)) + _dice(_words(ca), _words(cb))) / 2


def _key(s: str) -> str:
    return _SUFFIX.sub("证明", _PUNCT.sub("", s))


def best_match(name: str, lists: list[CertList]) -> Match | None:
    """Exact name, then alias, then the most similar item (any score; compare with THRESHOLD)."""
    key = _key(name)
    best: Match | None = None
    for lst in lists:
        for it in lst.items:
            if _key(it.name) == key:
                return Match(it, lst, 1.0, "exact")
    for lst in lists:
        for it in lst.items:
            if any(_key(a) == key for a in it.aliases):
                return Match(it, lst, 1.0, "alias")
    for lst in lists:
        for it in lst.items:
            for cand in (it.name, *it.aliases):
                score = similarity(name, cand)
                if best is None or score > best.score:
                    best = Match(it, lst, score, "similar")
    return best


def partial_match(name: str, lists: list[CertList]) -> Match | None:
    """An item whose distinctive part contains this name's, or is contained in it (at least four
    characters): a name clipped or split in the draft (小时内核酸检测阴性证明) is not a new item."""
    c = core(name)
    if len(c) < 4:
        return None
    for lst in lists:
        for it in lst.items:
            for cand in (it.name, *it.aliases):
                k = core(cand)
                if len(k) >= 4 and (c in k or k in c) and bool(_NEGATED.match(c)) == bool(_NEGATED.match(k)):
                    return Match(it, lst, min(len(c), len(k)) / max(len(c), len(k)), "partial")
    return None


def match(name: str, lists: list[CertList]) -> Match | None:
    """The list item this name refers to, or None."""
    m = best_match(name, lists)
    return m if m and m.score >= THRESHOLD else None
