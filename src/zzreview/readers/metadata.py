"""Title, document number (文号), issuer and date of a draft, from its first and last blocks."""

from __future__ import annotations

import datetime as dt

from zzreview import lazy_regex
from zzreview.document import Document
from zzreview.text.kind import strip_notes
from zzreview.text.numerals import cn_to_int

DOC_NUMBER = lazy_regex.compile(
    r"[\p{Han}]{1,12}\s*[〔\[［【(（]\s*((?:19|20)\d\d)\s*[〕\]］】)）]\s*\d{1,4}\s*号")
_DIGIT = r"[0-9０-９〇○零OＯ一二三四五六七八九十]"
DATE = lazy_regex.compile(rf"(?P<y>{_DIGIT}{{4}})\s*年\s*(?P<m>{_DIGIT}{{1,3}})\s*月\s*(?P<d>{_DIGIT}{{1,3}})\s*日")
_TITLE_END = lazy_regex.compile(
    r"(?:办法|规定|细则|规则|意见|通知|通告|公告|决定|方案|规划|纲要|批复|函|条例|标准|制度|措施|"
    r"规程|指引|指南|目录|清单|命令|令|报告|请示|纪要|章程|准则)"
    r"(?:[（(][^）)]{1,20}[）)])*$")
_NOT_TITLE = lazy_regex.compile(r"^(?:附件|[（(]?\s*[^。]{0,20}[〔\[［【]\s*\d{4}|第[一二三四五六七八九十百\d]+[章条节])")
_ISSUER = lazy_regex.compile(
    r"^[\p{Han}（）()]{2,40}?(?:人民政府|人民代表大会常务委员会|办公室|办公厅|委员会|局|厅|部|署|院|"
    r"中心|管委会|管理委员会|政府)$")
_ISSUER_IN_TITLE = lazy_regex.compile(
    r"^(?P<issuer>[\p{Han}（）()、]{2,60}?(?:人民政府|办公室|办公厅|委员会|局|厅|部|署|院|中心|管委会|政府))关于")


def parse_date(text: str) -> str | None:
    """ISO date of the first 2021年3月5日 / 二〇二一年三月五日 in ``text``."""
    if "月" not in text:  # every date holds one: no search in the lines that have none
        return None
    m = DATE.search(text)
    if not m:
        return None
    y, mo, d = cn_to_int(m.group("y")), cn_to_int(m.group("m")), cn_to_int(m.group("d"))
    try:
        return dt.date(y, mo, d).isoformat() if y and mo and d else None
    except ValueError:
        return None


def _looks_like_title(text: str) -> bool:
    # each pattern runs only where a word or mark that every match holds occurs: _NOT_TITLE begins
    # with 附件 or 第 or holds an opening bracket, a 文号 ends in 号, a date holds 月
    t = text.strip()
    return (4 <= len(t) <= 90 and "。" not in t and not t.endswith(("：", ":"))
            and not (_may_be_not_title(t) and _NOT_TITLE.search(t))
            and not (t.rstrip("（）() ").endswith("号") and DOC_NUMBER.fullmatch(t.strip("（）() ")))
            and ("月" not in t or parse_date(strip_notes(t)) is None))


def _may_be_not_title(t: str) -> bool:
    return t.startswith(("附件", "第")) or "〔" in t or "[" in t or "［" in t or "【" in t


_TAG = lazy_regex.compile(r"^【[^】]{1,12}】\s*")
_WRAPPED = lazy_regex.compile(r"^[\[［]([^\[\]［］]+)[\]］]$|^《([^《》]+)》$")


def _clean_title(text: str) -> str:
    """A title without a leading 【tag】 or square brackets wrapped round the whole of it."""
    t = _TAG.sub("", text.strip())
    m = _WRAPPED.match(t)
    return (m.group(1) or m.group(2)) if m else t


class _Window:
    """The first ``n`` of ``texts`` that are not web-page chrome, decided only as far as asked:
    whether a text is chrome is asked of the document (which judges each line once), when first
    needed, and the texts before one are asked only when it lies ``n`` or more texts in (before
    that it is in the window if it is not chrome itself)."""

    __slots__ = ("doc", "texts", "n", "kept")

    def __init__(self, doc: Document, texts: list[str], n: int):
        self.doc, self.texts, self.n = doc, texts, n
        self.kept = [0]  # kept[i]: how many of the first i texts are not chrome (known this far)

    def _is_chrome(self, i: int) -> bool:
        return self.doc.is_chrome(self.texts[i])

    def _kept_before(self, i: int) -> int:
        kept = self.kept
        while len(kept) <= i:
            kept.append(kept[-1] + (not self._is_chrome(len(kept) - 1)))
        return kept[i]

    def holds(self, i: int) -> bool:
        """Whether the ``i``-th text is one of the window's."""
        return not self._is_chrome(i) and (i < self.n or self._kept_before(i) < self.n)

    def next_held(self, i: int) -> int | None:
        """The window's text after the ``i``-th (which the window holds), if any."""
        if i + 1 >= self.n and self._kept_before(i) + 1 >= self.n:
            return None
        for j in range(i + 1, len(self.texts)):
            if not self._is_chrome(j):
                return j
        return None

    def held(self) -> list[int]:
        """Every text the window holds, in order."""
        out: list[int] = []
        for i in range(len(self.texts)):
            if len(out) == self.n:
                break
            if not self._is_chrome(i):
                out.append(i)
        return out


def _find_title(doc: Document) -> tuple[str | None, int | None]:
    blocks = doc.blocks[:30]
    head = _Window(doc, [b.text for b in blocks], 8)
    for i, b in enumerate(blocks):
        if b.kind == "heading" and b.level == 1 and _looks_like_title(b.text) and head.holds(i):
            return _clean_title(b.text), b.index
    for i, b in enumerate(blocks):
        if b.kind == "heading" and _looks_like_title(b.text) and head.holds(i):
            return b.text.strip(), b.index
    held = head.held()
    for k, i in enumerate(held):
        b = blocks[i]
        if not _looks_like_title(b.text) or b.text.endswith(("文件", "草案", "征求意见稿）")) and len(b.text) < 12:
            continue
        if _TITLE_END.search(_clean_title(b.text)):
            return _clean_title(b.text), b.index
        # A title broken over two paragraphs: 关于印发 / 某某办法的通知
        if k + 1 < len(held):
            after = blocks[held[k + 1]].text
            if _looks_like_title(after) and _TITLE_END.search(after):
                return b.text.strip() + after.strip(), b.index
    first = blocks[held[0]] if held else doc.blocks[0]
    return (first.text.strip(), first.index) if _looks_like_title(first.text) else (None, None)


_SPACES = lazy_regex.compile(r"\s+")
_EFFECTIVE_WORDS = lazy_regex.compile(r"施行|执行|实行|实施|生效|起|至|止|截至|有效期|以来|期间")


def _doc_number(head: _Window) -> str | None:
    for i, text in enumerate(head.texts):
        if len(text) < 60 and "号" in text:  # every 文号 ends in 号
            m = DOC_NUMBER.search(text)
            if m and head.holds(i):
                return _SPACES.sub("", m.group(0))
    return None


def _signature(tail: _Window) -> tuple[str | None, str | None]:
    """The date and issuer of the signature block (落款): ``tail`` holds the last lines, last first."""
    texts = tail.texts
    for i, text in enumerate(texts):
        if len(text) <= 20 and "月" in text and (date := parse_date(text)) and not _EFFECTIVE_WORDS.search(text) \
                and tail.holds(i):
            above = tail.next_held(i)
            if above is not None and _ISSUER.match(texts[above].strip()):
                return date, texts[above].strip()
            return date, None
    return None, None


def _date_line(head: _Window) -> str | None:
    for i, text in enumerate(head.texts):
        if len(text) <= 40 and "月" in text and (date := parse_date(text)) and not _EFFECTIVE_WORDS.search(text) \
                and head.holds(i):
            return date
    return None


def fill_metadata(doc: Document) -> None:
    if not doc.blocks:
        return
    doc.title, doc.title_block = _find_title(doc)
    # Windows at the start and end count lines as typed, not blocks: the same in every format.
    # One scan of each window for 号 (every 文号 ends in it) and 月 (every date holds it) decides
    # whether its lines are looked at one by one.
    lines = doc.typed_lines()
    head = _Window(doc, [text for _, text in lines[:40]], 12)
    head_text = "\n".join(head.texts)
    if "号" in head_text:
        doc.doc_number = _doc_number(head)
    tail = _Window(doc, [text for _, text in reversed(lines[-16:])], 6)  # web pages end in chrome too
    if "月" in "\n".join(tail.texts):
        doc.date, doc.issuer = _signature(tail)
    if doc.date is None and "月" in head_text:  # no signature date at the end: a date line near the top
        doc.date = _date_line(head)
    if doc.issuer is None and doc.title:
        m = _ISSUER_IN_TITLE.match(doc.title)
        if m:
            doc.issuer = m.group("issuer")
