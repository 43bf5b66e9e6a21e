"""legislative-scope: a city's local regulation or government rule outside the matters a city may
legislate on.

Codes:
  ZZ321 city-legislation-scope   a 设区的市 regulation or rule whose title names none of the four
                                 fields (城乡建设与管理、生态文明建设、历史文化保护、基层治理)

The fields and the title words that place a text in one of them are data in
checks/authority/measures.toml [city_legislation]. The finding is an info-level question with
low confidence: the title decides nothing by itself, a reviewer reads the text.
"""

from __future__ import annotations

from collections.abc import Iterable

from zzreview.analysis.facts import document_year
from zzreview.model import Finding, RuleInfo
from zzreview.resources import data_toml
from zzreview.rules.base import Context

CHECK_NAME = "legislative-scope"
RULES = (
    RuleInfo("ZZ321", CHECK_NAME, "city-legislation-scope", "info",
             "设区的市的地方性法规或政府规章，事项可能超出立法法规定的范围",
             "检查什么：判断为设区的市（自治州）的地方性法规或地方政府规章，而标题中看不出属于城乡建设与管理、"
             "生态文明建设、历史文化保护、基层治理中的任何一方面。用于判断的词语见 "
             "checks/authority/measures.toml [city_legislation]。\n"
             "为什么：设区的市的人民代表大会及其常务委员会、人民政府只能对上述方面的事项制定地方性法规和规章；"
             "法律对设区的市制定地方性法规的事项另有规定的，从其规定。\n"
             "法律依据：《中华人民共和国立法法》第八十一条、第九十三条。\n"
             "示例：某某市（设区的市）企业信用信息管理办法（市政府令）。\n"
             "修改：核对该事项是否属于上述方面或有法律的特别授权；不属于的，改以行政规范性文件规定且不得设定"
             "减损权利、增加义务的内容，或提请省级立法。"),
)
_RULE = RULES[0]
_SINCE = 2015  # 立法法 amended 2015-03-15: every 设区的市, within these fields


def _fields() -> dict:
    return data_toml("authority/measures.toml")["city_legislation"]


class LegislativeScope:
    name = CHECK_NAME
    rules = RULES

    def run(self, ctx: Context) -> Iterable[Finding]:
        n = ctx.analysis.normative
        if ctx.level not in ("地方性法规", "地方政府规章") or getattr(n, "provincial", None) is not False:
            return
        year = document_year(ctx.doc)
        if year is not None and year < _SINCE:
            return  # before the 2015 立法法 the 较大的市 legislated on any matter, the others not at all
        title = ctx.doc.title or ""
        table = _fields()
        if not title or any(w in title for words in table["words"].values() for w in words):
            return
        quote, loc = ctx.title_location()
        yield Finding(_RULE.code, CHECK_NAME, _RULE.severity,
                      f"《{title}》是设区的市的{ctx.level}，但标题看不出属于"
                      f"{'、'.join(table['fields'])}中的哪一方面，请核对立法权限",
                      quote, loc, table["basis"],
                      "核对该事项是否属于上述方面或有法律的特别授权；不属于的，不宜以地方性法规或规章规定",
                      "low")


CHECK = LegislativeScope()
