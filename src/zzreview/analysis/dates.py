"""Effective date (自…起施行) and validity period (有效期…) of a document.

Dates are computed where the text allows: 有效期5年 from a 施行 date gives
``until``; 自发布之日起施行 leaves the date to the publication (``on``
"publication"). A title that carries its own period (2019年…安排,
…（2021—2025年）) is valid for that period by its nature.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from itertools import chain, islice

from zzreview import lazy_regex
from zzreview.analysis.location import locate
from zzreview.plain import as_plain
from zzreview.readers.metadata import DATE, parse_date
from zzreview.record import Record
from zzreview.text.numerals import cn_to_int
from zzreview.text.triggers import Words, gated

_D = r"(?:[0-9０-９〇○零OＯ一二三四五六七八九十]{1,4}\s*年\s*[0-9０-９〇○零一二三四五六七八九十]{1,3}\s*月\s*[0-9０-９〇○零一二三四五六七八九十]{1,3}\s*日)"
_START = rf"(?:{_D}|(?:印发|发布|公布|下发|颁布|公告|发文|签发|通过|通告发布)之日|即日|发文即日|发布即日)"
_VERB = r"(?:施行|执行|实施|实行|生效|试行)"
# 自…起施行/执行/实行, 从…起, 发文之日起, 即日起, 公布之日起N日后施行; not 自…起施行的《…》 (another text).
# each pattern with the words one of which every match holds (a verb of taking effect, 起，after a date…)
EFFECTIVE = gated(
    ("施行", "执行", "实施", "实行", "生效", "试行", "起，", "起,", "开始，", "开始,"),
    rf"(?:(?:自|从|于)\s*(?P<start>{_START})|(?P<start2>(?:发文|印发|发布|公布)?即日))\s*(?:起|开始)?\s*"
    rf"(?P<delay>[0-9０-９一二三四五六七八九十]{{1,3}}\s*日后)?\s*(?:{_VERB}|起{_VERB})(?!的)"
    rf"|(?:自|从)\s*(?P<start3>{_D})\s*(?:起|开始)[，,]")
_EFFECTIVE_DAY = "日"  # every EFFECTIVE match also holds a date, 之日 or 即日: most blocks with 实施 lack it
_NUM = r"[0-9０-９一二两三四五六七八九十]{1,3}"
VALIDITY = gated(
    ("有效", "行期", "施期", "行至", "行到", "施至", "施到", "止", "失效"),
    rf"有效期(?:限)?(?:为|是)?\s*(?P<years>{_NUM})\s*(?:年|个月)"
    rf"|有效期(?:限)?(?:为|是)?(?:自[^。；]{{0,30}}?)?至\s*(?P<until>{_D})"
    rf"|(?:执行|施行|试行|实施)(?:期限|期)(?:为|是)?\s*(?P<years2>{_NUM})\s*(?:年|个月)"
    rf"|(?:执行|施行|试行|实施|有效)(?:至|到)\s*(?P<until2>{_D})(?:止|截止)?"
    rf"|(?:至|到)\s*(?P<until3>{_D})\s*(?:止|废止|失效|有效)")
_VALIDITY_TIME = ("年", "月")  # every VALIDITY match also holds one (a date, N年 or N个月): 禁止 alone is no period
_MONTHS = lazy_regex.compile(r"个月")
_CITED_BEFORE = lazy_regex.compile(r"《|根据|依据|按照|截至|截止")
# A measure bound to its own period or used up by one event: a term (执行期限/实施期限/试行期), a span
# of dated days (2020年1月25日至2月8日), a one-off adjustment from a date (从…起，将…调整为…).
_SPAN = gated(("至", "到", "—", "－", "-", "~", "～"),
              rf"(?:(?:时间|期限|期间|日期|时段)\s*(?:为|是|：|:)?\s*|(?:自|从)\s*)"
                      rf"{_D}\s*(?:0?\d{{1,2}}时|零时|\d{{1,2}}[:：]\d\d)?\s*(?:至|到|—|－|-|~|～)\s*"
                      rf"(?:[0-9０-９〇○零一二三四五六七八九十]{{4}}\s*年\s*)?[0-9０-９一二三四五六七八九十]{{1,3}}\s*月"
                      rf"\s*[0-9０-９一二三四五六七八九十]{{1,3}}\s*日"
                      rf"|{_D}\s*(?:至|到|—|－|-|~|～)\s*(?:[0-9０-９〇○零一二三四五六七八九十]{{4}}\s*年\s*)?"
                      rf"[0-9０-９一二三四五六七八九十]{{1,3}}\s*月\s*[0-9０-９一二三四五六七八九十]{{1,3}}\s*日\s*(?:期间|止|内)")
_TERM = gated(("行期", "施期", "效期"), rf"(?:执行|实施|试行|有效|施行)(?:期限|期)\s*(?:为|是|：|:)?\s*(?:{_D}|{_NUM}\s*(?:年|个月))")
_ONE_OFF = gated(("调整为", "提高到", "提高至", "调整到", "增加到", "上调", "下调", "停止", "暂停", "放假", "调休"),
                 rf"(?:自|从)\s*{_D}\s*(?:起|开始)[，,]?\s*(?:将|把|对)?[^。；]{{0,60}}?(?:调整为|提高到|提高至|调整到|增加到|"
                         r"上调|下调|停止|暂停|放假|调休)")
# (kind, pattern, words every match holds all of), in this order of preference: a span holds a
# full date (年月日) besides its 至 or dash, which most blocks with a 至 lack
_PERIODS = (("term", _TERM, ()), ("one-off", _ONE_OFF, ()), ("span", _SPAN, ("年", "月", "日")))
# a term or a one-off measure is rare: one scan for the words of both finds most texts without either
_TERM_OR_ONE_OFF = Words(_TERM.words + _ONE_OFF.words)
# Titles whose text governs one period: a year or a span of years.
PERIOD_TITLE = lazy_regex.compile(r"(?:19|20)\d\d\s*(?:年度?|[—\-－–~～至到]\s*(?:19|20)?\d\d\s*年)")


# How a document ends: signature date (with or without the year), closing formulae.
_CLOSING = lazy_regex.compile(r"^\s*(?:[0-9０-９〇○零一二三四五六七八九十]{1,4}\s*年\s*)?[0-9０-９一二三四五六七八九十]{1,3}\s*月"
                         r"\s*[0-9０-９一二三四五六七八九十]{1,3}\s*日\s*$|特此(?:通告|公告|通知)|此告|此件公开发布|抄送")
_ISSUING = lazy_regex.compile(r"印发|转发|批转|颁发")
_LONG = 2000  # characters: excerpts of a document's opening are shorter


class DateFacts(Record):
    """The document's effective date, validity period and own period, with where each is stated."""

    _fields = ("effective_date", "effective_text", "effective_on", "effective_location", "validity",
               "period_in_title", "period", "ends_with_date", "looks_complete")

    def __init__(
        self,
        effective_date: str | None = None,
        effective_text: str | None = None,
        effective_on: str | None = None,  # "date" | "publication"
        effective_location: dict | None = None,
        validity: dict | None = None,  # {"text", "years", "months", "until", "location"}
        period_in_title: str | None = None,
        period: dict | None = None,  # {"text", "kind": term | span | one-off, "location"}: its own period
        ends_with_date: bool = False,
        looks_complete: bool = False,  # an ending (date, 特此通告, 施行 clause) or a full-length text
    ):
        self.effective_date = effective_date
        self.effective_text = effective_text
        self.effective_on = effective_on
        self.effective_location = effective_location
        self.validity = validity
        self.period_in_title = period_in_title
        self.period = period
        self.ends_with_date = ends_with_date
        self.looks_complete = looks_complete

    def to_dict(self) -> dict:
        return as_plain(self)


def add_years(day: dt.date, years: int = 0, months: int = 0) -> dt.date:
    m = day.month - 1 + months
    y, m = day.year + years + m // 12, m % 12 + 1
    if not dt.MINYEAR < y <= dt.MAXYEAR:  # beyond the calendar: never / always over
        return dt.date.max if y > dt.MAXYEAR else dt.date.min
    try:
        end = dt.date(y, m, day.day)
    except ValueError:
        end = dt.date(y, m, 28)
    return end - dt.timedelta(days=1)


_BODY_START = lazy_regex.compile(r"^\s*(?:第[一二三四五六七八九十百]+[条章]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])")


def _ends_with_date(texts: Iterable[str]) -> bool:
    """A signature date near the end, followed only by a few short lines (抄送, 附件 names, a web
    page's trailer), no more body. ``texts`` are the last typed lines that are not chrome, last
    first (so every format agrees); eight at most are read, and only as far as needed."""
    for text in islice(texts, 8):
        if len(text) <= 40 and parse_date(text):
            return True
        if len(text) >= 60 or _BODY_START.match(text):
            return False
    return False


def _lines_from_end(doc) -> Iterator[tuple[int, str]]:
    """The typed lines that are not web-page chrome, last first: each judged only when read."""
    for line in reversed(doc.typed_lines()):
        if not doc.is_chrome(line[1]):
            yield line


def _first_period(doc, analysis, body, periods) -> dict | None:
    """The document's own period: in the first block that states one, the first kind that matches."""
    for b in body:
        for kind, pattern, words in periods:
            if words and not all(w in b.text for w in words):
                continue
            m = pattern.search(b.text)
            if m and not _CITED_BEFORE.search(b.text[max(0, m.start() - 12):m.start()]):
                return {"text": m.group(0), "kind": kind,
                        "location": locate(doc, analysis.structure, b.index, m.start()).to_dict()}
    return None


def extract_dates(doc, analysis, as_of) -> DateFacts:

    facts = DateFacts()
    if doc.title:
        m = PERIOD_TITLE.search(doc.title)
        if m:
            facts.period_in_title = m.group(0)
    whole = doc.text  # a pattern whose words the document lacks is looked for in no block
    body = [b for b in doc.blocks if b.index != doc.title_block]
    # each fact is the first match in block order, found on its own: a loop per fact stops there
    if _EFFECTIVE_DAY in whole and EFFECTIVE.occurs(whole):
        for b in body:
            m = EFFECTIVE.search(b.text) if _EFFECTIVE_DAY in b.text else None
            if m:
                facts.effective_text = m.group(0)
                start = m.group("start") or m.group("start2") or m.group("start3") or ""
                if DATE.search(start):
                    facts.effective_date, facts.effective_on = parse_date(start), "date"
                else:
                    facts.effective_on = "publication"
                facts.effective_location = locate(doc, analysis.structure, b.index, m.start()).to_dict()
                break
    rare = _TERM_OR_ONE_OFF.occurs(whole)
    periods = tuple(p for p in _PERIODS
                    if (rare or p[1] is _SPAN) and all(w in whole for w in p[2]) and p[1].occurs(whole))
    if periods:
        facts.period = _first_period(doc, analysis, body, periods)
    if any(w in whole for w in _VALIDITY_TIME) and VALIDITY.occurs(whole):
        for b in body:
            m = VALIDITY.search(b.text) if any(w in b.text for w in _VALIDITY_TIME) else None
            if m:
                years = cn_to_int(m.group("years") or m.group("years2") or "")
                months = years if _MONTHS.search(m.group(0)) else None
                until = parse_date(m.group("until") or m.group("until2") or m.group("until3") or "")
                facts.validity = {
                    "text": m.group(0),
                    "years": None if months else years,
                    "months": months,
                    "until": until,
                    "location": locate(doc, analysis.structure, b.index, m.start()).to_dict(),
                }
                break
    # the ending in typed lines, not blocks: the same in every format; web pages end in chrome
    ending = _lines_from_end(doc)
    last = list(islice(ending, 3))  # the last three, last first
    tail = [text for _, text in reversed(last[:2])]
    facts.ends_with_date = _ends_with_date(chain((text for _, text in last), (text for _, text in ending)))
    # The effective clause counts as an ending only where a document ends (its last lines); an
    # issuing notice (印发/转发…) that is short has lost the instrument it issues.
    last_blocks = {i for i, _ in last}
    effective_at_end = facts.effective_location is not None and facts.effective_location["block"] in last_blocks
    # the length not counting blanks and breaks, which vary by format; below _LONG // 2 only that it
    # is short matters, and a text shorter than that with its blanks is (no blanks to take out)
    length = len(whole) if len(whole) < _LONG // 2 else len("".join(whole.split()))
    issuing_without_body = bool(_ISSUING.search(doc.title or "")) and length < _LONG // 2
    facts.looks_complete = not issuing_without_body and bool(
        facts.validity or effective_at_end or facts.ends_with_date
        or any(_CLOSING.search(text) for text in tail) or length >= _LONG)
    v = facts.validity
    if v and not v.get("until") and facts.effective_date and (v.get("years") or v.get("months")):
        start = dt.date.fromisoformat(facts.effective_date)
        v["until"] = add_years(start, v.get("years") or 0, v.get("months") or 0).isoformat()
    return facts
