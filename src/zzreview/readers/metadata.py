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


# Web-page chrome around a copied text: navigation and breadcrumbs, 发布时间/来源/浏览 lines,
# metadata fields, share/print buttons, bracketed tags, footers. Most chrome shows at the start of a
# line (matched there only); the few marks that show anywhere are searched for on their own.
_CHROME_START = lazy_regex.compile(
    r"(?:您(?:现在|当前)?(?:的|所在的?)?位置|当前(?:所在)?位置|网站首页|首页\s*[>»/|]|设为首页|加入收藏|收藏本站|热门站点|"
    r"无障碍|长辈版|简体|繁体|跳转到|返回|关闭|举报|打印|分享|字号|字体|视力保护|朗读|下载地址|点击|扫一扫|微信|"
    r"(?:发布|发表|更新|生成|公开|成文|归档|颁布|实施)(?:时间|日期)\s*[：:]|(?:信息)?来源\s*[：:]|作者\s*[：:]|编辑\s*[：:]|"
    r"责编|审核\s*[：:]|浏览(?:次数|量)?\s*[：:]|阅读\s*[：:]|索\s*引\s*号|主题分类|组配分类|体裁分类|发布机构|"
    r"发文机[关构]\s*[：:]|主\s*题\s*词|标\s*题\s*[：:]|名\s*称\s*[：:]|文件编号|公开(?:方式|时限|范围|形式|程序)|"
    r"效力(?:状况|级别)|时效性|法规类别|相关(?:文章|链接|文件)|上一篇|下一篇|评论|参与评论|【发表评论】|"
    r"(?:C|c)opy(?:R|r)ight|版权所有|主办单位|第\s*\[?\d+\]?\s*页|上面法规内容|查看全文|投稿|"
    r"[•·]|\||-\s)"
    r"|【[^】]{1,12}】\s*$|【[^】]{1,12}】\s*[^\p{Han}]")
_CHROME_ANYWHERE = lazy_regex.compile(
    r"(?:首页|主页)\s*[>»›]|\s[|｜]\s.*\s[|｜]\s"
    r"|(?:发布时间|发布日期|来源|浏览次数|阅读)\s*[：:][^。]{0,60}(?:来源|浏览|字号|字体|阅读|作者|打印)")


def is_chrome(text: str) -> bool:
    """A line of web-page chrome rather than of the document (also a row of short menu items)."""
    t = text.strip()
    if not t or len(t) >= 200:
        return False
    if _may_start_chrome(t[:2]) and _CHROME_START.match(t):
        return True
    # _CHROME_ANYWHERE needs one of these marks
    if ("：" in t or ":" in t or "|" in t or "｜" in t or ">" in t or "»" in t or "›" in t) and _CHROME_ANYWHERE.search(t):
        return True
    if len(t[:7].split(None, 1)[0]) > 6:  # the first item is longer than a menu item
        return False
    items = t.split()
    return len(items) >= 4 and all(len(i) <= 6 for i in items) and not _SENTENCE_MARK.search(t)


_STARTS_SEEN: dict[str, bool] = {}
_STARTS_KEPT = 20000


def _may_start_chrome(start: str) -> bool:
    """Whether a line beginning with ``start`` (its first two characters) could match _CHROME_START:
    the pattern's partial match on them alone, found once per pair (most lines begin with one that
    no chrome begins with, and then the pattern's many alternatives are not tried at all)."""
    may = _STARTS_SEEN.get(start)
    if may is None:
        may = _CHROME_START.match(start, partial=True) is not None
        if len(_STARTS_SEEN) < _STARTS_KEPT:
            _STARTS_SEEN[start] = may
    return may


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
_SENTENCE_MARK = lazy_regex.compile(r"[。，；：]")
_WRAPPED = lazy_regex.compile(r"^[\[［]([^\[\]［］]+)[\]］]$|^《([^《》]+)》$")


def _clean_title(text: str) -> str:
    """A title without a leading 【tag】 or square brackets wrapped round the whole of it."""
    t = _TAG.sub("", text.strip())
    m = _WRAPPED.match(t)
    return (m.group(1) or m.group(2)) if m else t


class _Window:
    """The first ``n`` of ``texts`` that are not web-page chrome, decided only as far as asked:
    whether a text is chrome is tested once, when first needed, and the texts before one are
    tested only when it lies ``n`` or more texts in (before that it is in the window if it is not
    chrome itself)."""

    __slots__ = ("texts", "n", "chrome", "kept")

    def __init__(self, texts: list[str], n: int):
        self.texts, self.n = texts, n
        self.chrome: list[bool | None] = [None] * len(texts)
        self.kept = [0]  # kept[i]: how many of the first i texts are not chrome (known this far)

    def _is_chrome(self, i: int) -> bool:
        c = self.chrome[i]
        if c is None:
            c = self.chrome[i] = is_chrome(self.texts[i])
        return c

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
    head = _Window([b.text for b in blocks], 8)
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
    head = _Window([text for _, text in lines[:40]], 12)
    head_text = "\n".join(head.texts)
    if "号" in head_text:
        doc.doc_number = _doc_number(head)
    tail = _Window([text for _, text in reversed(lines[-16:])], 6)  # web pages end in chrome too
    if "月" in "\n".join(tail.texts):
        doc.date, doc.issuer = _signature(tail)
    if doc.date is None and "月" in head_text:  # no signature date at the end: a date line near the top
        doc.date = _date_line(head)
    if doc.issuer is None and doc.title:
        m = _ISSUER_IN_TITLE.match(doc.title)
        if m:
            doc.issuer = m.group("issuer")
