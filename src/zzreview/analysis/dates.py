"""Effective date (自…起施行) and validity period (有效期…) of a document.

Dates are computed where the text allows: 有效期5年 from a 施行 date gives
``until``; 自发布之日起施行 leaves the date to the publication (``on``
"publication"). A title that carries its own period (2019年…安排,
…（2021—2025年）) is valid for that period by its nature.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass

import regex

from zzreview.analysis.numerals import cn_to_int
from zzreview.readers.metadata import DATE, parse_date

_D = r"(?:[0-9０-９〇○零OＯ一二三四五六七八九十]{1,4}\s*年\s*[0-9０-９〇○零一二三四五六七八九十]{1,3}\s*月\s*[0-9０-９〇○零一二三四五六七八九十]{1,3}\s*日)"
_START = rf"(?:{_D}|(?:印发|发布|公布|下发|颁布|公告|发文|签发|通过)之日)"
EFFECTIVE = regex.compile(
    rf"(?:自|从|于)\s*(?P<start>{_START})\s*(?:起|开始)?\s*(?P<delay>[0-9０-９一二三四五六七八九十]{{1,3}}\s*日后)?\s*"
    r"(?:施行|执行|实施|生效|试行|起施行|起执行|起实施|起试行)")
_NUM = r"[0-9０-９一二两三四五六七八九十]{1,3}"
VALIDITY = regex.compile(
    rf"有效期(?:限)?(?:为|是)?\s*(?P<years>{_NUM})\s*(?:年|个月)"
    rf"|有效期(?:限)?(?:为|是)?(?:自[^。；]{{0,30}}?)?至\s*(?P<until>{_D})"
    rf"|(?:执行|施行|试行|实施)(?:期限|期)(?:为|是)?\s*(?P<years2>{_NUM})\s*(?:年|个月)"
    rf"|(?:执行|施行|试行|实施|有效)(?:至|到)\s*(?P<until2>{_D})(?:止|截止)?"
    rf"|(?:至|到)\s*(?P<until3>{_D})\s*(?:止|废止|失效|有效)")
_MONTHS = regex.compile(r"个月")
# Titles whose text governs one period: a year or a span of years.
PERIOD_TITLE = regex.compile(r"(?:19|20)\d\d\s*(?:年度?|[—\-－–~～至到]\s*(?:19|20)?\d\d\s*年)")


# How a document ends: signature date (with or without the year), closing formulae.
_CLOSING = regex.compile(r"^\s*(?:[0-9０-９〇○零一二三四五六七八九十]{1,4}\s*年\s*)?[0-9０-９一二三四五六七八九十]{1,3}\s*月"
                         r"\s*[0-9０-９一二三四五六七八九十]{1,3}\s*日\s*$|特此(?:通告|公告|通知)|此告|此件公开发布|抄送")
_ISSUING = regex.compile(r"印发|转发|批转|颁发")
_LONG = 2000  # characters: excerpts of a document's opening are shorter


@dataclass
class DateFacts:
    effective_date: str | None = None
    effective_text: str | None = None
    effective_on: str | None = None  # "date" | "publication"
    effective_location: dict | None = None
    validity: dict | None = None  # {"text", "years", "months", "until", "location"}
    period_in_title: str | None = None
    ends_with_date: bool = False
    looks_complete: bool = False  # an ending (date, 特此通告, 施行 clause) or a full-length text

    def to_dict(self) -> dict:
        return asdict(self)


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


_BODY_START = regex.compile(r"^\s*(?:第[一二三四五六七八九十百]+[条章]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])")


def _ends_with_date(tail) -> bool:
    """A signature date near the end, followed only by short lines (抄送, 附件 names), no more body."""
    for k in range(len(tail) - 1, -1, -1):
        if len(tail[k].text) <= 40 and parse_date(tail[k].text):
            return all(len(b.text) < 60 and not _BODY_START.match(b.text) for b in tail[k + 1:])
    return False


def extract_dates(doc, analysis, as_of) -> DateFacts:
    from zzreview.analysis.facts import locate

    facts = DateFacts()
    if doc.title:
        m = PERIOD_TITLE.search(doc.title)
        if m:
            facts.period_in_title = m.group(0)
    for b in doc.blocks:
        if b.index == doc.title_block:
            continue
        if facts.effective_text is None:
            m = EFFECTIVE.search(b.text)
            if m:
                facts.effective_text = m.group(0)
                start = m.group("start")
                if DATE.search(start):
                    facts.effective_date, facts.effective_on = parse_date(start), "date"
                else:
                    facts.effective_on = "publication"
                facts.effective_location = locate(doc, analysis.structure, b.index, m.start()).to_dict()
        if facts.validity is None:
            m = VALIDITY.search(b.text)
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
    tail = doc.blocks[-2:]
    facts.ends_with_date = _ends_with_date(doc.blocks[-4:])
    # The effective clause counts as an ending only where a document ends (its last blocks); an
    # issuing notice (印发/转发…) that is short has lost the instrument it issues.
    last_blocks = {b.index for b in doc.blocks[-3:]}
    effective_at_end = facts.effective_location is not None and facts.effective_location["block"] in last_blocks
    issuing_without_body = bool(_ISSUING.search(doc.title or "")) and len(doc.text) < _LONG // 2
    facts.looks_complete = not issuing_without_body and bool(
        facts.validity or effective_at_end or facts.ends_with_date
        or any(_CLOSING.search(b.text) for b in tail) or len(doc.text) >= _LONG)
    v = facts.validity
    if v and not v.get("until") and facts.effective_date and (v.get("years") or v.get("months")):
        start = dt.date.fromisoformat(facts.effective_date)
        v["until"] = add_years(start, v.get("years") or 0, v.get("months") or 0).isoformat()
    return facts
