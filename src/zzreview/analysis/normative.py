"""What the document is: its level (法律 … 行政规范性文件, 非规范性文件) and why the tool thinks so.

Signals, strongest first, each leaving a reason a reviewer can check:

1. configuration (``document-kind``, ``level``, also per path);
2. the knowledge base knowing the document's own title (an instrument already in force);
3. the issuer and its form: adoption lines of a people's congress, 国务院令, 部令, 政府令 and
   executive-meeting promulgation (a government order is a rule only where that government
   could make rules at the time: checks/authority/rulemaking.toml);
4. the title's kind word (条例 is reserved for laws and regulations);
5. for everything below the normative line, what the text does (appoints, commends, reports,
   solicits comments, divides work, replies to one applicant, forwards without own
   requirements) and whether it binds the public at all.

A title that names a non-normative act (a call for comments, a personnel decision) is read before
the form, because such a notice may print a draft rule with its adoption history.

Only 行政规范性文件 is ``is_normative``; higher levels are reviewed by their own rules and
非规范性文件 get no document-level findings.
"""

from __future__ import annotations

from functools import lru_cache

from zzreview import lazy_regex
from zzreview.plain import as_plain
from zzreview.readers.metadata import DOC_NUMBER, parse_date
from zzreview.record import Record
from zzreview.resources import data_toml
from zzreview.text.kind import document_kind, strip_notes
from zzreview.text.triggers import Words, gated
from zzreview.text.wordscan import WordScan

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

LEVELS = ("法律", "行政法规", "地方性法规", "部门规章", "地方政府规章", "行政规范性文件", "非规范性文件")
HIGHER = LEVELS[:5]
NORMATIVE, NON_NORMATIVE = LEVELS[5], LEVELS[6]
RULES = ("部门规章", "地方政府规章")
# configuration values (English or the level itself) -> level
CONFIG_LEVELS = {"law": "法律", "administrative-regulation": "行政法规", "local-regulation": "地方性法规",
                 "departmental-rule": "部门规章", "government-rule": "地方政府规章",
                 "normative-document": NORMATIVE, "non-normative": NON_NORMATIVE,
                 **{lv: lv for lv in LEVELS}}


class NormativeDecision(Record):
    """Whether the document is normative, its level, and the reasons for the judgement."""

    _fields = ("is_normative", "kind", "level", "reasons", "forced", "signal", "provincial")

    def __init__(
        self,
        is_normative: bool,
        kind: str | None,
        level: str | None = None,
        reasons: list[str] | None = None,
        forced: bool = False,
        signal: str | None = None,  # config | kb | form | title | content | default
        provincial: bool | None = None,  # a rule or regulation of a province-level body (vs. a city's)
    ):
        self.is_normative = is_normative
        self.kind = kind
        self.level = level
        self.reasons = [] if reasons is None else reasons
        self.forced = forced
        self.signal = signal
        self.provincial = provincial

    def to_dict(self) -> dict:
        return as_plain(self)


def _decision(level: str | None, kind: str | None, reasons: list[str], signal: str, forced: bool = False,
              provincial: bool | None = None) -> NormativeDecision:
    return NormativeDecision(level == NORMATIVE, kind, level, reasons, forced, signal, provincial)


# ----------------------------------------------------------------------------------------- head
_ARTICLE_ONE = lazy_regex.compile(r"^\s*第[一1]条")


_LINE_CHARS = 1000  # a record line (通过, 令, 文号) is short; a longer line is only looked at this far
_HEAD_LINES = 40
_HEAD_MORE = 20  # blocks beyond the lines wanted, for the chrome among them


def head_lines(doc, limit: int = _HEAD_LINES) -> list[str]:
    """The document's opening lines (no web-page chrome), up to its first article, each cut to
    its first _LINE_CHARS characters so that one huge line costs no more than a short one."""
    out: list[str] = []
    for b in doc.blocks[:limit + _HEAD_MORE]:
        if b.index == doc.title_block:
            continue
        t = b.text.strip()
        if not t or doc.is_chrome(t):
            continue
        if out and t.startswith("第") and _ARTICLE_ONE.match(t):  # t is stripped: ^\s* matches nothing
            break
        out.append(t[:_LINE_CHARS])
        if len(out) >= limit:
            break
    return out


class Head:
    """A document's opening lines (``head_lines``), judged for chrome only when a step reads them.
    A step first asks whether its trigger words occur in ``text``, the blocks the lines are taken
    from as they are (each line is part of one of them): most documents hold none of them there."""

    __slots__ = ("doc", "text", "_lines")

    def __init__(self, doc):
        self.doc = doc
        self.text = "\n".join([b.text.strip()[:_LINE_CHARS]  # as head_lines cuts them: a huge line costs little
                               for b in doc.blocks[:_HEAD_LINES + _HEAD_MORE] if b.index != doc.title_block])
        self._lines: list[str] | None = None

    @property
    def lines(self) -> list[str]:
        if self._lines is None:
            self._lines = head_lines(self.doc)
        return self._lines


# ----------------------------------------------------------------------------- form signals
_N = r"[\p{Han}\d０-９]{1,10}"
_STARTS_AS_RECORD = lazy_regex.compile(r"^[\s（(]*(?:\d{4}|[〇○零一二][〇○零OＯ一二三四五六七八九]{3}|根据|经|中华人民共和国|第)"
                                  r"|^《[^》]{2,80}》\s*已(?:由|经|于)")  # 《…》已由…会议通过，现予公布
_NPC = gated(("人民代表大会", "主席令"), rf"全国人民代表大会(?:常务委员会)?第{_N}次(?:全体)?会议(?!的《)[^。；\n]{{0,80}}?(?:通过|修正|修订|批准)(?!的)"
                     rf"|中华人民共和国主席令")
_LOCAL_CONGRESS = gated(
    "人民代表大会", rf"(?P<place>[\p{{Han}}]{{2,12}}?)(?:第{_N}届)?人民代表大会(?:常务委员会)?(?:第{_N}次(?:全体)?会议)?[^。；\n]{{0,60}}?(?:通过|批准|公告(?:第{_N}号)?公布)(?!的)")
_STATE_COUNCIL = gated(
    ("国务院", "国令", "政务院"), rf"国务院令|国令第\s*\d+\s*号|国务院第{_N}次常务会议(?:审议)?通过|政务院(?:第{_N}次政务会议)?(?:发布|公布|批准|通过)"
    r"|日\s*国务院(?:批准|发布|公布)(?![^。\n]{0,4}的)")  # a dated record line, not 经国务院批准，现将…
_AMENDED_BY_STATE_COUNCIL = gated("国务院关于修改", r"《国务院关于修改〈(?P<t>[^〉]{2,60})〉的决定》")
# A department's order (某某部令第X号) or its meeting (部务会议通过); a government's order (政府令, 省长令)
# or its executive meeting (常务会议通过，现予公布). Looking for a meeting costs many steps at every
# character, so a head that mentions no such meeting is searched for the order alone (same matches).
_DEPT_BY_ORDER = (r"(?P<organ>(?:中华人民共和国|国家)?[\p{Han}、]{2,20}?(?:部|委员会|总局|总署|局|署|银行|办公厅))令"
                  r"\s*(?:[〔\[（(]?\s*\d{4}\s*[〕\]）)]?\s*年?)?\s*(?:第\s*[\d一二三四五六七八九十百]+\s*号|〔)")
_DEPT_BY_MEETING = rf"(?P<organ2>[\p{{Han}}]{{2,20}}?)第?{_N}?次?(?:部务|委务|署务|总局局务)会议(?:审议)?通过"
# an order's 令 follows the organ's last character (部令, 委员会令, 总局令, 银行令, 办公厅令…): a line
# with only 责令 or 命令 is never searched
_DEPT_ORDER_WORDS = ("部令", "会令", "局令", "署令", "行令", "厅令")
_DEPT_MEETING_WORDS = ("部务会议", "委务会议", "署务会议", "局务会议")  # not a government's 常务会议
_DEPT_ORDER = gated((*_DEPT_ORDER_WORDS, *_DEPT_MEETING_WORDS), f"{_DEPT_BY_ORDER}|{_DEPT_BY_MEETING}")
_DEPT_ORDER_ALONE = gated(_DEPT_ORDER_WORDS, _DEPT_BY_ORDER)
_GOV_BY_ORDER = r"(?P<place>[\p{Han}]{2,12}?)?(?:人民政府|政府)令|(?:省长|市长|州长|自治区主席)令"
_GOV_BY_MEETING = r"(?P<place2>[\p{Han}]{2,12}?)人民政府[^。；\n]{0,20}?常务会议(?:审议|讨论)?通过[，,]?\s*现予(?:公布|发布)"
_GOV_ORDER_WORDS = ("府令", "长令", "席令")  # 政府令, 省长令, 自治区主席令
_GOV_ORDER = gated((*_GOV_ORDER_WORDS, "常务会议"), f"{_GOV_BY_ORDER}|{_GOV_BY_MEETING}")
_GOV_ORDER_ALONE = gated(_GOV_ORDER_WORDS, _GOV_BY_ORDER)
_PROMULGATED = gated("现予", r"现予(?:公布|发布|颁布)")
_SIGNED_BY_HEAD = lazy_regex.compile(r"^(?:省长|市长|州长|自治区主席|主席|盟长)\s*[\p{Han}\s]{0,6}$")
_ISSUING = gated(("印发", "转发给你们"), r"印发给你们|印发你们|现印发|现将[^。]{0,60}印发|转发给你们")
_PLACE = lazy_regex.compile(r"^(?P<place>[\p{Han}]{2,8}?(?:省|自治区|自治州|市|县|旗|盟|地区))")
_PLACE_SUFFIX = lazy_regex.compile(r"(?:省|自治区|市|自治州|县|旗|盟|地区)$")
_PROVINCE = lazy_regex.compile(r"省|自治区")
_PROVINCIAL_PLACE = lazy_regex.compile(r"省|自治区|北京市|天津市|上海市|重庆市")
_LOCAL_ORGAN = lazy_regex.compile(r"[省县]|市(?!场)|自治区|自治州|区(?!域)")
_BEFORE_PLACE = lazy_regex.compile(r"^.*[日年月号）)\s]")  # a date or number run into the place name


def _rulemaking() -> dict:
    return data_toml("authority/rulemaking.toml")


def _year(doc, lines: list[str]) -> int | None:
    if doc.date:
        return int(doc.date[:4])
    for t in lines:
        d = parse_date(t)
        if d:
            return int(d[:4])
    return None


def _place(*texts: str | None) -> str | None:
    for t in texts:
        if not t or t.startswith(("中华人民共和国", "全国", "国务院", "国家", "中国")):
            continue
        m = _PLACE.match(t)
        if m:
            return m.group("place")
    return None


def _power(place: str | None, year: int | None) -> tuple[bool, bool, str]:
    """Whether the government of ``place`` could make rules in ``year``: (power, provincial, reason)."""
    table = _rulemaking()
    if not place:
        return True, False, "制定机关不明，按规章形式认定"
    name = _PLACE_SUFFIX.sub("", place)
    if place.endswith(("县", "旗", "盟", "地区")):
        return False, False, f"{place}的人民政府或行政公署没有规章制定权（{table['basis']}），以政府令形式发布的也只是行政规范性文件"
    if place.endswith(("省", "自治区")) or name in table["provincial"]:
        return True, True, f"{place}人民政府有规章制定权"
    if name in table["larger_cities"]:
        return True, False, f"{place}是省会市、经济特区所在地的市或经国务院批准的较大的市，有规章制定权"
    if year is None or year >= table["all_cities_from"]:
        return True, False, f"设区的市、自治州人民政府自{table['all_cities_from']}年起可以制定规章"
    return False, False, (f"{place}在{year}年不是较大的市，没有规章制定权（{table['basis']}），"
                          "以政府令形式发布的也只是行政规范性文件")


_PROMULGATION_NOTICE = lazy_regex.compile(r"^《[^》]{2,80}》\s*已(?:由|经|于)")
_CITING = lazy_regex.compile(r"(?<!^[（(]?)根据|依据|按照|依照|贯彻|落实|执行|《|参照|原")


def _cited(t: str, m) -> bool:
    """The match names another instrument (根据…令第X号, 《…》) rather than this one's issue; a record
    line that opens with 根据 (（根据…决定修正）) is this instrument's own history."""
    if _PROMULGATION_NOTICE.search(t):
        return False  # the line promulgates this instrument
    start = max(0, m.start() - 30)
    return any(c.start() + start > 1 or c.group(0) != "根据" for c in _CITING.finditer(t[start:m.start()]))


_RECORDS = (_NPC, _STATE_COUNCIL, _AMENDED_BY_STATE_COUNCIL, _LOCAL_CONGRESS)


# the trigger words of every form of issue, found in the head in one pass
_FORM_SCAN = WordScan(sorted({w for p in (_ISSUING, *_RECORDS, _DEPT_ORDER, _GOV_ORDER, _PROMULGATED)
                              for w in p.words}))


# every form but issuing (印发给你们), which alone decides none, holds one of these
_FORM_WORDS = Words(tuple(w for w in _FORM_SCAN.words if w not in _ISSUING.words))


def _form_words(text: str) -> set[str]:
    """The trigger words of the forms of issue that occur in ``text``."""
    return {_FORM_SCAN.words[i] for i in _FORM_SCAN.found(text)}


def _form_signal(doc, head: Head, kind: str | None) -> NormativeDecision | None:
    """Level from the issuer and the form of issue printed in the document's head. Each kind of
    form is looked for line by line only when its trigger words occur in the head at all."""
    if not _FORM_WORDS.occurs(head.text):
        return None
    lines = head.lines
    words = _form_words("\n".join(lines))
    legislative_kind = kind in (None, "条例", "办法", "规定", "细则", "实施办法", "实施细则", "规则", "法", "决定")
    issuing = not words.isdisjoint(_ISSUING.words) and any(_ISSUING.search(t) for t in lines)
    if any(not words.isdisjoint(p.words) for p in _RECORDS):
        for t in lines:
            record = bool(_STARTS_AS_RECORD.search(t)) or len(t) < 60
            if not record:
                continue
            m = _NPC.search(t)
            if m and legislative_kind and not _cited(t, m):
                return _decision("法律", kind, [f"由全国人民代表大会或其常务委员会通过（“{m.group(0)}”）"], "form")
            m = _STATE_COUNCIL.search(t)
            if m and legislative_kind and not _cited(t, m):
                return _decision("行政法规", kind, [f"由国务院令发布或经国务院常务会议通过（“{m.group(0)}”）"], "form")
            m = _AMENDED_BY_STATE_COUNCIL.search(t)
            if m and strip_notes(doc.title or "").endswith(m.group("t")):
                return _decision("行政法规", kind, [f"由国务院决定修订（“{m.group(0)}”）"], "form")
            m = _LOCAL_CONGRESS.search(t)
            if m and legislative_kind and "全国" not in m.group("place") and not issuing and not _cited(t, m):
                provincial = bool(_PROVINCIAL_PLACE.search(t[:m.end()])) and "市第" not in t
                return _decision("地方性法规", kind, [f"由地方人民代表大会或其常务委员会通过（“{m.group(0)}”）"], "form",
                                 provincial=provincial)
    if not words.isdisjoint(_DEPT_ORDER.words):
        dept_order = _DEPT_ORDER if not words.isdisjoint(_DEPT_MEETING_WORDS) else _DEPT_ORDER_ALONE
        # an order's name and its number are often on two lines: 某某部令 / 2031年第7号
        joined = [t + lines[i + 1] if t.endswith("令") and i + 1 < len(lines) else t for i, t in enumerate(lines)]
        for t in joined:
            m = dept_order.search(t)
            if m and not _cited(t, m):
                organ = m.group("organ") or m.groupdict().get("organ2") or ""
                if _LOCAL_ORGAN.search(organ.replace("中华人民共和国", "")):
                    continue
                return _decision("部门规章", kind, [f"以部门令发布或经部务会议通过（“{m.group(0)}”）"], "form")
    if words.isdisjoint(_GOV_ORDER.words) and words.isdisjoint(_PROMULGATED.words):
        return None
    gov_order = _GOV_ORDER if "常务会议" in words else _GOV_ORDER_ALONE
    for i, t in enumerate(lines):
        m = gov_order.search(t)
        signed = _PROMULGATED.search(t) and any(_SIGNED_BY_HEAD.match(x) for x in lines[i + 1:i + 4])
        if not (m or signed) or issuing and not m or not legislative_kind:
            continue
        if m and (t.find("关于") >= 0 and t.find("关于") < m.start() or _cited(t, m)):
            continue  # "关于…人民政府令", "根据…令" name another order
        quote = m.group(0) if m else _PROMULGATED.search(t).group(0)
        place = (m.groupdict().get("place") or m.groupdict().get("place2")) if m else None
        place = _place(_BEFORE_PLACE.sub("", place or "") or None, doc.issuer, doc.title, *lines[:8])
        year = _year(doc, lines)
        power, provincial, why = _power(place, year)
        if power:
            return _decision("地方政府规章", kind, [f"以政府令形式发布（“{quote}”）", why], "form", provincial=provincial)
        return _decision(NORMATIVE, kind, [f"以政府令形式发布（“{quote}”）", why], "form")
    return None


# ---------------------------------------------------------------------------- the knowledge base
def _kb_signal(doc, head: Head, kb, as_of, kind) -> NormativeDecision | None:
    if kb is None or not doc.title or as_of is None:
        return None
    title = strip_notes(doc.title)
    res = kb.resolve(title, as_of)
    if not res.known or res.matched_by not in ("title", "table") or res.level not in (*HIGHER, NORMATIVE):
        return None
    if res.level in HIGHER and (number := _issue_number(head.lines)) and _form_signal(doc, head, kind) is None:
        return _decision(NORMATIVE, kind, [f"知识库将《{res.title}》列为{res.level}，但文件以普通公文字号（{number}）印发，"
                                           "不是法律、法规或规章的公布形式"], "kb")
    return _decision(res.level, kind, [f"知识库收录《{res.title}》，效力级别为{res.level}"], "kb")


def _issue_number(lines: list[str]) -> str | None:
    """The first document number (文号) in the opening lines that is not an order's (…令第X号)."""
    numbers = (DOC_NUMBER.search(t) for t in lines[:12])
    return next((n.group(0) for n in numbers if n and "令" not in n.group(0)), None)


# ------------------------------------------------------------------------ title kind and content
# The classes of non-normative titles are data: checks/authority/document_kinds.toml.
@lru_cache(maxsize=1)
def _kinds() -> tuple[tuple[str, ...], list]:
    """The rule-like kinds, and each class as (pattern, reason, whether it applies to those too,
    whether only to a text that sets no duty of the public)."""
    data = data_toml("authority/document_kinds.toml")
    return (tuple(data["rule_kinds"]),
            [(lazy_regex.compile(c["pattern"]), c["reason"], c.get("rule_kinds_too", False),
              c.get("only_without_duties", False)) for c in data["non_normative"]])


_PARTY = lazy_regex.compile(r"^中共|^中国共产党|党委(?:办公室)?(?:关于|印发)|^[\p{Han}]{0,10}市委(?:办公室)?(?:关于|印发|常委会)")
_ITEM_NUMBER = lazy_regex.compile(r"^[\s（(]*[一二三四五六七八九十\d]+[）)、.．]\s*|^第[一二三四五六七八九十百]+条\s*")
_MADE_HERE = gated("制定本", r"制定本(?:办法|规定|细则)")
_BLANK = lazy_regex.compile(r"\s")
_PUBLIC = lazy_regex.compile(
    r"公民|法人|其他组织|单位和个人|任何单位|任何人|个人|市民|居民|村民|农户|群众|经营者|企业|申请人|当事人|纳税人|"
    r"职工|用人单位|车辆|驾驶人|养殖户|商户|业主|用户|旅客|乘客|消费者|从业人员|家庭|对象|户籍|人员|学生|商家|摊贩")
# A sentence binds when it holds a word of duty, ban, benefit or procedure, or grants money (给予…补助):
# the words are one plain list (scanned by re, lazy_regex), the grant a pattern of its own.
_BINDING_WORDS = lazy_regex.compile(
    r"禁止|严禁|不得|应当|必须|须|一律|可以申请|可申请|享受|补助|补贴|奖励|罚款|处以|没收|"
    r"暂停|关闭|停止|加收|收取|缴纳|办理|申报|登记|提取|取消")
_GRANT = gated("给予", r"给予[^。；]{0,30}(?:补助|补贴|奖励|救助|支持|资助|贴息|优惠)")
_AGENCY_SUBJECT = lazy_regex.compile(
    r"^(?:[\p{Han}、（）()]{0,30}?(?:各级|各地|各有关|各部门|各单位|有关部门|各县|各乡镇|各区|各街道|政府|部门|机关|办公室|领导小组|指挥部))"
    r"[^。；]{0,6}(?:要|应当|应|须|负责|将|依法|加强|结合)|^请(?:你们|你[局委厅办]|各)")  # 请你们…: to organs


# A 通告 is addressed to everyone in an area: a ban or an order alone binds the public.
_PUBLIC_ORDER = lazy_regex.compile(r"禁止|严禁|不得|一律|暂停(?:开放|营业|运营|举办)|取消[^。；]{0,10}(?:活动|集会)|关闭|必须|限制[^。；]{0,10}(?:通行|行驶|上路)|禁燃|禁放|禁牧")


def _binds(sentence: str) -> bool:
    return _BINDING_WORDS.search(sentence) is not None or _GRANT.search(sentence) is not None


_SENTENCE_END = lazy_regex.compile(r"[。；！？\n]")
_SENTENCE_START = lazy_regex.compile(r"(?r)[。；！？\n]")  # searched backwards: the end of the sentence before


def _binding_sentences(text: str, public_notice: bool = False) -> int:
    """How many sentences bind the public. Such a sentence names the public (or, in a notice, gives
    an order): the text is scanned once for those words, and only the sentences holding one are
    looked at, each once."""
    n = 0
    pos = 0  # a sentence starts here; none before it is left to count
    # the next public word and order at or after pos (None: none left), searched again once passed
    public = _PUBLIC.search(text)
    order = _PUBLIC_ORDER.search(text) if public_notice else None
    while public is not None or order is not None:
        word = public if order is None or public is not None and public.start() <= order.start() else order
        before = _SENTENCE_START.search(text, pos, word.start())
        after = _SENTENCE_END.search(text, word.start())
        start, end = before.end() if before else pos, after.start() if after else len(text)
        s = text[start:end]
        # an item number (（一）, 第一条) holds none of these words and ends before them: it is cut
        # off only for the anchored test of the subject
        names_public = public is not None and public.start() < end
        if (names_public and _binds(s) or public_notice and _PUBLIC_ORDER.search(s)) \
                and not _AGENCY_SUBJECT.search(_ITEM_NUMBER.sub("", s.strip())):  # the costlier test last
            n += 1
        pos = end + 1
        if public is not None and public.start() < pos:
            public = _PUBLIC.search(text, pos)
        if order is not None and order.start() < pos:
            order = _PUBLIC_ORDER.search(text, pos)
    return n


def _title_class(title: str, sets_duties: Callable[[], bool] = lambda: False) -> tuple[str, str] | None:
    """(reason, the title's words) of the first non-normative class the title names; ``sets_duties``
    answers, when a class asks, whether the text binds the public."""
    rule_kinds, classes = _kinds()
    rule_kind = document_kind(title) in rule_kinds
    for pattern, why, rule_kinds_too, only_without_duties in classes:
        if rule_kind and not rule_kinds_too:
            continue
        m = pattern.search(title)
        if m and not (only_without_duties and sets_duties()):
            return why, m.group(0)
    return None


_ISSUED = lazy_regex.compile(r"(?:印发|转发|批转|颁发|颁布)[《〈]?(?P<inner>[^》〉]{2,80}?)[》〉]?的?通知$")


def _title_signal(doc, kind: str | None, head: Head) -> NormativeDecision | None:
    title = strip_notes(doc.title or "")
    if not title:
        return None
    m = _ISSUED.search(title)
    inner = m.group("inner") if m else None

    def sets_duties() -> bool:  # a ban or an order not addressed to an organ counts too
        return _binding_sentences(doc.text, public_notice=True) > 0

    for t in ((inner,) if inner else (title,)):
        found = _title_class(t, sets_duties)
        # a forwarded or approved report (转发/批转…的报告) gives a department's proposals force
        if found and not (inner and found[1] == "报告"):
            why, word = found
            what = f"所印发、转发的文件是{why}" if inner else f"标题显示为{why}"
            return _decision(NON_NORMATIVE, kind, [f"{what}（“{word}”）"], "title")
    if _PARTY.search(title):
        return _decision(NON_NORMATIVE, kind, ["由党的机关（或党政机关联合）发文，不是行政机关制定的行政规范性文件"], "title")
    inner_kind = document_kind(inner) if inner else kind
    reserved = strip_notes(inner or title)
    if (inner_kind == "条例" or reserved.endswith("法") and not reserved.endswith(("办法", "方法", "做法"))) \
            and not _by_government(doc, head):
        level = "法律" if reserved.endswith("法") else (
            "地方性法规" if _place(reserved) else "行政法规")
        return _decision(level, kind, [f"标题的文种“{'法' if level == '法律' else '条例'}”是法律、法规专用的名称，"
                                        "文中未见行政机关制定的迹象"], "title")
    return None


_GOVERNMENT = lazy_regex.compile(r"人民政府|政府|办公室|办公厅|局|委员会$|厅$|市政府|县政府")
_CONGRESS = lazy_regex.compile(r"人民代表大会|人大")
_GOVERNMENT_DRAFT = lazy_regex.compile(r"[（(][^）)]*(?:政府|局|委|办)[^）)]*(?:稿|草案)[）)]")


def _by_government(doc, head: Head) -> bool:
    """The text shows an administrative organ as its author (signature, title note, 本办法)."""
    if doc.issuer and _GOVERNMENT.search(doc.issuer) and not _CONGRESS.search(doc.issuer):
        return True
    if _GOVERNMENT_DRAFT.search(doc.title or ""):
        return True
    return _MADE_HERE.occurs(head.text) and any(_MADE_HERE.search(t) for t in head.lines[:10])


# What the text itself does, where the title does not say it.
_TEXT_CLASSES = (
    (gated("收悉", r"你(?:们)?(?:局|公司|单位|省|市|县|区|厅|委|办|院|校|部|会|处|站|所)?[^。；]{0,60}?(?:请示|报告|函|来文|申请|建议|提案|来信)"
                   r"[^。；]{0,40}?收悉"), "答复一个申请人或来文单位（“{}”）"),
    (gated("征求", r"(?:公开|广泛|现)[^。；]{0,40}征求[^。；]{0,20}意见[^。]{0,80}?(?:反馈|截止|电子邮箱|邮箱|传真|邮寄)"),
     "征求对草案的意见（“{}”），草案不约束任何人"),
)
_CHAPTERS = lazy_regex.compile(r"^\s*第[一二三四五六七八九十]+章\s*(?P<name>[\p{Han}\s]{2,12})$")


def _content_class(doc, kind, head: Head) -> NormativeDecision | None:
    if not any(pattern.occurs(head.text) for pattern, _ in _TEXT_CLASSES):
        return None
    opening = "\n".join(head.lines[:25])
    for pattern, why in _TEXT_CLASSES:
        m = pattern.search(opening)
        if m:
            quote = m.group(0) if len(m.group(0)) <= 40 else m.group(0)[:18] + "…" + m.group(0)[-18:]
            return _decision(NON_NORMATIVE, kind, ["文本" + why.format(quote)], "content")
    return None


def _structure_note(doc) -> str | None:
    """章节、法律责任一章、附则: the form of laws, regulations and rules, worth saying when judged below them."""
    names = [_BLANK.sub("", m.group("name")) for b in doc.blocks if "章" in b.text and (m := _CHAPTERS.match(b.text))]
    if "法律责任" in names or "罚则" in names:
        return "设有“法律责任”一章和附则等法规、规章的体例，但未见法规、规章的公布形式"
    return None


def _content_signal(doc, structure, kind: str | None) -> NormativeDecision:
    """Below the title and form signals a text is taken as normative; the reasons say what it sets."""
    binding = _binding_sentences(doc.text, public_notice=kind in ("通告", "公告", "令"))
    articles = len({a.label for a in structure.articles})
    reasons = []
    if kind:
        reasons.append(f"文种为“{kind}”")
    if articles:
        reasons.append(f"按条文编排（共{articles}条）")
    if binding:
        reasons.append(f"有{binding}处规定公民、法人或其他组织的权利义务")
    note = _structure_note(doc)
    if note:
        reasons.append(note)
    return _decision(NORMATIVE, kind, reasons or ["未见非规范性文件的特征"], "default")


# ------------------------------------------------------------------------------------ entry point
def classify_document(doc, structure, config, kb=None, as_of=None) -> NormativeDecision:
    kind = doc.kind
    forced = getattr(config, "document_kind", "auto") if config is not None else "auto"
    level_cfg = getattr(config, "level", "auto") if config is not None else "auto"
    if forced == "normative":
        return _decision(NORMATIVE, kind, ["配置 document-kind = normative"], "config", forced=True)
    if forced == "non-normative":
        return _decision(NON_NORMATIVE, kind, ["配置 document-kind = non-normative"], "config", forced=True)
    head = Head(doc)
    if level_cfg and level_cfg != "auto":
        level = CONFIG_LEVELS.get(level_cfg, NORMATIVE)
        if level == NORMATIVE:  # "the drafts here are normative documents": a meeting notice still is not
            title_says = _title_signal_first(doc, kind, head)
            if title_says is not None:
                return title_says
        return _decision(level, kind, [f"配置 level = {level_cfg}（{level}）"], "config", forced=True,
                         provincial=bool(_place(doc.title) and _PROVINCE.search(_place(doc.title) or "")))
    by_kb = _kb_signal(doc, head, kb, as_of, kind)
    if by_kb is not None:
        return by_kb
    by_title = _title_signal(doc, kind, head)  # read once: a non-normative class outranks the form
    if by_title is not None and by_title.level == NON_NORMATIVE:
        return by_title
    return (_form_signal(doc, head, kind)
            or by_title
            or _content_class(doc, kind, head)
            or _content_signal(doc, structure, kind))


def _title_signal_first(doc, kind, head: Head) -> NormativeDecision | None:
    """Non-normative classes named by the title outrank the form (a comment notice prints a draft
    rule with its adoption history; a congress decision accepts one resignation)."""
    d = _title_signal(doc, kind, head)
    return d if d is not None and d.level == NON_NORMATIVE else None
