"""Citation extraction: every 《…》 title in the body of a document, as ``Citation`` facts.

What is found (see notes/citations.md):

* every outer 《…》 pair (nested 〈〉, <> or 《》 inside stay part of the title);
* a version note inside (《…（2019年修正）》) or right after the title;
* article references right after the title (see ``articles.py``);
* short names defined with 以下简称《X》 / 以下简称“X”, and their later uses;
* whether the citation is being repealed by this text (…同时废止, 废止《…》);
* ``kind``: "law" for legal and policy instruments, "other" for certificates,
  forms, newspapers and the like (decided by how the title ends).

Not citations, so not returned: anything in the title block, and the
instrument this document itself issues or forwards (印发《X》的通知 → 《X》;
现将《X》印发给你们; 本《办法》).
"""

from __future__ import annotations

from zzreview import lazy_regex
from zzreview.analysis.articles import parse_article_refs
from zzreview.document import Document
from zzreview.plain import as_plain
from zzreview.record import Record
from zzreview.text.numerals import cn_to_int
from zzreview.text.triggers import Words, gated

OPEN, CLOSE = "《", "》"
_BREAK = frozenset("。！？；")  # a title never runs across these (a soft line break may)
_TITLE_MARKS = lazy_regex.compile("[《》。！？；]")
_MAX_TITLE = 200

# ---------------------------------------------------------------- patterns
_YEAR_NUM = r"(?:(?<!\d)(?:19|20)\d\d(?!\d)|[〇○零OＯ一二三四五六七八九]{4})"
_VNOTE_BODY = (rf"{_YEAR_NUM}\s*年?(?:\s*\d{{1,2}}\s*月(?:\s*\d{{1,2}}\s*日)?)?\s*"
               r"(?:第[一二三四五六七八九十\d]+次)?"
               r"(?:修正|修订|修改|版|本|修正本|修订本|修正文本|修订版|修正版)")
_VNOTE_INSIDE = gated(("修", "版", "本"), rf"[（(]\s*(?P<note>{_VNOTE_BODY})\s*[）)]\s*$")  # the note's last word
_VNOTE_AFTER = lazy_regex.compile(rf"\s*[（(]\s*(?P<note>{_VNOTE_BODY})\s*[）)]")
_YEAR = lazy_regex.compile(rf"(?P<y>{_YEAR_NUM})\s*(?:年|〕|\]|］|】)")
_LEADING_YEAR = lazy_regex.compile(rf"\s*(?P<y>{_YEAR_NUM})")
_YEAR_IN_BRACKETS = lazy_regex.compile(r"[〔\[［【](?P<y>(?:19|20)\d\d)[〕\]］】]")
# A parenthesis after a title (文号, version, 以下简称 …), one level of nesting allowed: （法（研）发〔1987〕32号）
_PARENS = r"[（(](?:[^（）()\n]|[（(][^（）()\n]{0,20}[）)]){0,80}[）)]"
_PAREN_AFTER = lazy_regex.compile(rf"\s*(?P<paren>{_PARENS})")
_YEAR_BEFORE = gated(
    "年", rf"(?P<y>{_YEAR_NUM})\s*年(?:\s*\d{{1,2}}\s*月(?:\s*\d{{1,2}}\s*日)?)?\s*"
    r"(?:修正|修订|修改|颁布|发布|公布|印发|施行)?的\s*$")

# A short name defined in a parenthesis right after the title; the parenthesis may lack its ）.
_SHORT_DEF = lazy_regex.compile(
    rf"(?:\s*{_PARENS})?\s*[（(][^（）()《》\n]{{0,60}}?(?:(?:以下|下文)?简称|(?:以下|下文|下)称)(?:为)?[：:]?\s*"
    r"(?:《(?P<name>[^《》\n]{1,40})》|[“\"「『](?P<name>[^”\"」』\n]{1,40})[”\"」』])")

# Repeal clauses: 《A》（…）、…发布的《B》中有关…的规定同时废止 / 废止《A》和《B》 / 原《A》停止执行.
_REPEALED_AFTER = ("废止", "停止执行", "停止施行", "不再执行", "不再施行", "失效", "作废")  # 《A》…同时废止
_REPEALING_BEFORE = ("废止", "废除", "停止执行", "停止施行")  # 废止《A》
_REPEAL_AFTER = lazy_regex.compile(
    rf"\s*(?:{_PARENS})?\s*(?:中(?:有关|关于)?[^。；，《\n]{{0,40}}?的?(?:规定|内容|条款|部分))?"
    r"\s*[，,]?\s*(?:自[^。；，\n]{0,30}?起\s*)?(?:都|均|亦|也)?\s*"
    r"(?:同时|一并|即行|自行|相应|予以|同时予以|即)?\s*"
    rf"(?:{'|'.join(_REPEALED_AFTER)})")
_REPEAL_BEFORE = lazy_regex.compile(rf"(?:{'|'.join(_REPEALING_BEFORE)})\s*(?:了)?\s*(?:原)?\s*$")
# Text between two items of one repeal list: no sentence end, no word that starts another clause.
_GROUP_GAP = lazy_regex.compile(r"^[^。；;！？!?\n]{0,120}$")
_GAP_BREAKS = lazy_regex.compile(r"根据|依据|按照|依照|参照|制定|施行|执行|要求|废止|停止|贯彻|落实|本(?:办法|规定|决定|条例|通知)")
_GAP_ITEM = lazy_regex.compile(r"\d|[〇○零一二三四五六七八九十]年|发布|公布|通过|批准|颁布|下发|印发|修正|修改|修订|令")
_CITED_AS_BASIS = lazy_regex.compile(r"(?:根据|依据|按照|依照|参照)\s*$")

# The document issuing or forwarding the instrument: 现将《X》印发给你们, 《X》已经…同意，现予印发.
_ISSUE_VERB_WORDS = ("印发", "转发", "批转", "下发", "颁发", "发布", "公布", "颁布")
_ISSUE_VERB = f"(?:{'|'.join(_ISSUE_VERB_WORDS)})"
_SELF_BEFORE = lazy_regex.compile(r"现将[^。；《》\n]{0,60}$")
_PAREN = rf"\s*(?:{_PARENS})?\s*"
_SELF_AFTER_PREFIXED = lazy_regex.compile(rf"^{_PAREN}(?:予以|予)?{_ISSUE_VERB}")
_SELF_AFTER = lazy_regex.compile(
    rf"^{_PAREN}(?:已经|业经|已|经)[^。；《\n]{{0,40}}?(?:同意|通过|批准|审定|审议)"
    rf"[^。；《\n]{{0,8}}?现?(?:予以|予|将其|特)?{_ISSUE_VERB}"
    rf"|^{_PAREN}[，,]?\s*现(?:予以|予|将其)?{_ISSUE_VERB}给?(?:你们|你)")
# A document title that issues or forwards an instrument: …印发X的通知 → X.
_ISSUING_TITLE = gated(  # each issuing verb holds 发, 转 or 布 (blanks removed or not)
    ("发", "转", "布"), rf"{_ISSUE_VERB}(?P<x>.+?)的?(?:通知|通告|公告|决定|命令|令|函)$")
# What may join the instruments a title issues: 印发《A》、《B》和《C》等三个文件的通知
_CONNECTORS = lazy_regex.compile(
    r"^(?:[、，,\s]|以及|和|及|与)*(?:等[一二三四五六七八九十两\d]*[个件项份部]?[^《》]{0,6})?$")
# An issuer prefix (市房管局, 省质监局等部门) holds no verb; 贯彻落实国务院… does.
_NOT_ISSUER = lazy_regex.compile(r"贯彻|落实|实施|执行|学习|宣传|推进|做好|加强|进一步|完善|修改|废止|清理|规范")
# This document's attachment: a block 附件：《X》, or 《X》（见附件）.
_ATTACHMENT_LINE = lazy_regex.compile(
    r"^\s*附件\s*[0-9０-９一二三四五六七八九十]*\s*[：:]?\s*(?:[0-9０-９]+\s*[.．、]\s*)?$")
_SEE_ATTACHMENT = lazy_regex.compile(r"\s*[（(]\s*(?:见|详见)?附件")

# Titles that are only a genre word: a short name of something cited nearby or of this document.
_GENRE = lazy_regex.compile(
    r"^(?:实施)?(?:办法|条例|规定|细则|实施细则|方案|实施方案|意见|实施意见|通知|决定|规则|"
    r"纲要|规划|计划|章程|法|标准|规范|目录|清单|公约|协议|导则|指南|规程|准则|守则|决议|批复)$")

# kind: the title's ending decides; everything not clearly a certificate, form or publication is "law".
_OTHER_END = lazy_regex.compile(
    r"(?:证|证书|证明|执照|牌照|卡|表|单|册|簿|书|报|杂志|期刊|年鉴|图|图集|合同|示范文本|样本|样式|格式)$")
_LAW_EXCEPTIONS = lazy_regex.compile(r"(?:清单|报告书|白皮书|通报|汇报)$")
_TRAILING_PARENS = lazy_regex.compile(r"(?:\s*[（(][^（）()]*[）)])+\s*$")

_LINE_BREAK = lazy_regex.compile(r"\s*\n\s*")
_BLANKS = lazy_regex.compile(r"\s+")
_KEY_DROP = lazy_regex.compile(r"[\s\u3000《》〈〉<>＜＞“”\"'‘’「」『』]|关于|的")


# ---------------------------------------------------------------- the fact
class Citation(Record):
    """A title cited in the text (《…》), with the articles, version note and short name it carries."""

    _fields = ("as_written", "title", "block", "start", "end", "articles", "article_numbers", "version_note",
               "year_hint", "kind", "short_name_of", "defines_short_name", "repeal_context")

    def __init__(
        self,
        as_written: str,
        title: str,
        block: int,
        start: int,
        end: int,
        articles: list[str] | None = None,
        article_numbers: list[int] | None = None,
        version_note: str | None = None,
        year_hint: int | None = None,
        kind: str = "law",
        short_name_of: str | None = None,
        defines_short_name: str | None = None,
        repeal_context: bool = False,
    ):
        self.as_written = as_written
        self.title = title
        self.block = block
        self.start = start
        self.end = end
        self.articles = [] if articles is None else articles
        self.article_numbers = [] if article_numbers is None else article_numbers
        self.version_note = version_note
        self.year_hint = year_hint
        self.kind = kind
        self.short_name_of = short_name_of
        self.defines_short_name = defines_short_name
        self.repeal_context = repeal_context

    def to_dict(self) -> dict:
        return as_plain(self)


# ---------------------------------------------------------------- bracket matching
def find_title_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every outer 《…》 pair; a stray 《 or 》 is ignored, its nested pairs kept."""
    spans: list[tuple[int, int]] = []
    stack: list[tuple[int, list[tuple[int, int]]]] = []  # (offset of 《, pairs closed inside it)

    def abandon() -> None:
        # unclosed 《: the pairs closed inside it become outer pairs
        while stack:
            spans.extend(stack.pop()[1])

    for m in _TITLE_MARKS.finditer(text):  # only the marks matter: one step per mark, not per character
        i, ch = m.start(), m.group(0)
        if ch == OPEN:
            stack.append((i, []))
        elif ch == CLOSE and stack:
            start, inner = stack.pop()
            if i + 1 - start > _MAX_TITLE:  # too long for a title: keep what it encloses
                (stack[-1][1] if stack else spans).extend(inner)
                continue
            if stack:
                stack[-1][1].append((start, i + 1))
            else:
                spans.append((start, i + 1))
        elif ch in _BREAK and stack:
            abandon()
    abandon()
    spans.sort()
    return spans


# ---------------------------------------------------------------- helpers
def _key(title: str) -> str:
    """Comparison key for titles: no blanks, quotes, 关于 or 的."""
    return _KEY_DROP.sub("", title)


def _clean_title(inner: str) -> str:
    return (_LINE_BREAK.sub("", inner) if "\n" in inner else inner).strip()  # every match holds \n


def _year(s: str, leading: bool = False) -> int | None:
    """The year written in ``s`` (2019年, 〔2007〕, 二〇〇七年; with ``leading``, a bare 2019 at the start)."""
    m = (leading and _LEADING_YEAR.match(s)) or _YEAR.search(s) or _YEAR_IN_BRACKETS.search(s)
    if not m:
        return None
    y = cn_to_int(m.group("y"))
    return y if y and 1900 <= y <= 2100 else None


def classify_title(title: str) -> str:
    """"law" for legal and policy instruments, "other" for certificates, forms, publications."""
    t = _TRAILING_PARENS.sub("", title) if "）" in title or ")" in title else title  # every match holds one
    t = _BLANKS.sub("", t) or title
    if _OTHER_END.search(t) and not _LAW_EXCEPTIONS.search(t):
        return "other"
    return "law"


class _SelfNames(Record):
    """What this document itself is: its title, and the instrument it issues or forwards."""

    _fields = ("exact", "issued", "cited_in_title")

    def __init__(
        self,
        exact: set[str] | None = None,  # keys that are this document
        issued: list[str] | None = None,  # keys of 'X' in 印发X的通知 (may carry an issuer prefix)
        cited_in_title: set[str] | None = None,  # keys of titles the title itself cites
    ):
        self.exact = set() if exact is None else exact
        self.issued = [] if issued is None else issued
        self.cited_in_title = set() if cited_in_title is None else cited_in_title

    @classmethod
    def from_title(cls, title: str | None) -> "_SelfNames":
        names = cls()
        if not title:
            return names
        title = _BLANKS.sub("", title)
        names.exact.add(_key(title))
        m = _ISSUING_TITLE.search(title)
        if not m:
            return names
        x = m.group("x")
        spans = find_title_spans(x)
        if spans:
            inner = [x[s + 1:e - 1] for s, e in spans]
            rest = x[spans[0][0]:]
            for s, e in reversed(spans):
                rest = rest[: s - spans[0][0]] + rest[e - spans[0][0]:]
            if _CONNECTORS.match(rest):  # 印发《A》和《B》的通知: A and B are this document
                names.exact.update(_key(t) for t in inner)
                return names
            names.cited_in_title.update(_key(t) for t in inner)
        names.issued.append(_key(x))
        return names

    def matches(self, title: str, k: str | None = None) -> bool:
        """Whether ``title`` (its _key ``k`` when the caller has it) names this document."""
        if k is None:
            k = _key(title)
        if not k:
            return False
        if k in self.exact:
            return True
        if k in self.cited_in_title or _GENRE.match(k) or len(k) < 5:
            return False
        for x in self.issued:
            # the instrument ends X (X may start with its issuer), or is one of a list in X
            if x.endswith(k) and len(x) - len(k) <= 20 and not _NOT_ISSUER.search(x[: len(x) - len(k)]):
                return True
            i = x.find(k)
            after = x[i + len(k):i + len(k) + 1]
            if i >= 0 and (i == 0 or x[i - 1] in "和及、与") and after and after in "和及、与":
                return True
        m = _ISSUING_TITLE.occurs(title) and _ISSUING_TITLE.pattern.search(_BLANKS.sub("", title))  # 《关于印发X的通知》 forwarded
        if m and m.group("x") != title:
            return self.matches(m.group("x"))
        return False


# ---------------------------------------------------------------- extraction
class _Raw(Record):
    """A citation before it is kept or dropped, with what surrounds it."""

    _fields = ("cit", "is_self", "preceded_by_ben")

    def __init__(self, cit: Citation, is_self: bool, preceded_by_ben: bool):
        self.cit = cit
        self.is_self = is_self
        self.preceded_by_ben = preceded_by_ben


# Words one of which every match of a group of patterns holds: a block without them skips the group.
_REPEAL_WORDS = Words(tuple(dict.fromkeys(_REPEALED_AFTER + _REPEALING_BEFORE)))
_ISSUE_VERBS = Words(_ISSUE_VERB_WORDS)


def _read_block(text: str, index: int) -> list[_Raw]:
    spans = find_title_spans(text)
    raws: list[_Raw] = []
    defines = "称" in text  # 简称, 以下称
    issues = _ISSUE_VERBS.occurs(text)
    attached = "附件" in text
    for n, (s, e) in enumerate(spans):
        inner = text[s + 1:e - 1]
        title = _clean_title(inner)
        if not title:
            continue
        c = Citation(as_written=text[s:e], title=title, block=index, start=s, end=e)
        # version note inside or right after
        pos = e
        m = _VNOTE_INSIDE.search(title)
        if m and m.start() > 0:
            c.version_note = _BLANKS.sub("", m.group("note"))
            c.title = title[: m.start()].rstrip()
        else:
            m = _VNOTE_AFTER.match(text, e)
            if m:
                c.version_note = _BLANKS.sub("", m.group("note"))
                pos = m.end()
        paren = _PAREN_AFTER.match(text, pos)  # pos == e where there is no version note
        # year hint: version note, the parenthesis right after, or 2019年修正的《…》 before
        if c.version_note:
            c.year_hint = _year(c.version_note, leading=True)
        else:
            if paren:
                c.year_hint = _year(paren.group("paren"))
            if c.year_hint is None:
                b = _YEAR_BEFORE.search(text[max(0, s - 20):s])
                if b:
                    c.year_hint = _year(b.group(0))
        # short name defined right after
        d = _SHORT_DEF.match(text, pos) if defines else None
        if d:
            c.defines_short_name = d.group("name").strip()
        # article references: right after the title, or after one parenthesis
        refs = parse_article_refs(text, pos)
        if not refs.refs and paren:
            refs = parse_article_refs(text, paren.end())
        # parallel lists; a reference with no 条 (《X》第一款) cannot be checked and is left out
        pairs = [(r, n) for r, n in zip(refs.refs, refs.numbers) if n is not None]
        c.articles, c.article_numbers = [r for r, _ in pairs], [n for _, n in pairs]
        c.kind = classify_title(c.title)
        before = text[max(0, s - 70):s]
        after = text[e:e + 80]
        is_self = bool(issues and (_SELF_AFTER.match(after)
                                   or (_SELF_BEFORE.search(before) and _SELF_AFTER_PREFIXED.match(after)))
                       or attached and ((n == 0 and _ATTACHMENT_LINE.match(text[:s]))
                                        or _SEE_ATTACHMENT.match(after)))
        raws.append(_Raw(c, is_self, before.rstrip().endswith("本")))
    if _REPEAL_WORDS.occurs(text):
        _mark_repeals(text, raws)
    return raws


def _same_list(gap: str) -> bool:
    """Whether two titles separated by ``gap`` are items of one list (for repeal clauses)."""
    if not _GROUP_GAP.match(gap) or _GAP_BREAKS.search(gap):
        return False
    return ("，" not in gap and "," not in gap) or bool(_GAP_ITEM.search(gap))


def _mark_repeals(text: str, raws: list[_Raw]) -> None:
    """Flag titles being repealed: the title before 同时废止 or after 废止, and the list it ends or starts."""
    cits = [r.cit for r in raws]

    def mark(i: int, step: int) -> None:
        while 0 <= i < len(cits):
            c = cits[i]
            if _CITED_AS_BASIS.search(text[max(0, c.start - 4):c.start]):
                return
            c.repeal_context = True
            j = i + step
            if not 0 <= j < len(cits):
                return
            lo, hi = (cits[j], c) if step < 0 else (c, cits[j])
            if not _same_list(text[lo.end:hi.start]):
                return
            i = j

    for i, c in enumerate(cits):
        if _REPEAL_AFTER.match(text, c.end):
            mark(i, -1)
        if _REPEAL_BEFORE.search(text[max(0, c.start - 12):c.start]):
            mark(i, +1)


def extract_citations(doc: Document) -> list[Citation]:
    """Every citation in the body of ``doc``, in document order."""
    raws: list[_Raw] = []
    for block in doc.blocks:
        if block.index == doc.title_block or OPEN not in block.text:
            continue
        raws.extend(_read_block(block.text, block.index))
    own = _SelfNames.from_title(doc.title)
    for r in raws:  # an instrument issued by context is this document wherever it is named
        if r.is_self:
            own.exact.add(_key(r.cit.title))
    out: list[Citation] = []
    short: dict[str, str | None] = {}  # short name -> full title (None: this document)
    seen = _FullTitles()  # full-title citations so far (for undefined genre short names)
    for r in raws:
        c = r.cit
        name = c.title
        if name in short:
            full = short[name]
            if full is None:
                continue  # short name of this document
            c.short_name_of = full
            out.append(c)
            continue
        key = _key(name)
        if r.is_self or own.matches(name, key):
            if c.defines_short_name:
                short[c.defines_short_name] = None
            continue
        if _GENRE.match(key):
            if r.preceded_by_ben:
                continue  # 本《办法》: this document
            prior = seen.latest_ending(key)
            if prior is not None:
                c.short_name_of = prior.title
            elif any(x.endswith(key) for x in own.exact | set(own.issued)):
                continue  # 《办法》 in a document that is itself a 办法
        if c.defines_short_name and c.defines_short_name != name:
            short[c.defines_short_name] = c.title
        if c.short_name_of is None:
            seen.cits.append(c)
        out.append(c)
    return out


class _FullTitles:
    """Full-title citations in document order, and the latest whose key ends with a genre word
    (《办法》 after 《某某管理办法》). Each key is computed once and, for each genre word, each
    citation is looked at once: many short names after many titles cost no more than their sum."""

    def __init__(self):
        self.cits: list[Citation] = []
        self._keys: list[str] = []  # _key of cits[i], computed when first needed
        self._latest: dict[str, tuple[int, Citation | None]] = {}  # word -> (cits looked at, latest)

    def latest_ending(self, word: str) -> Citation | None:
        looked, latest = self._latest.get(word, (0, None))
        for i in range(looked, len(self.cits)):
            if i == len(self._keys):
                self._keys.append(_key(self.cits[i].title))
            if self._keys[i].endswith(word):
                latest = self.cits[i]
        self._latest[word] = (len(self.cits), latest)
        return latest
