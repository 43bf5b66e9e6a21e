"""Validity period and effective date of a normative document.

Codes:
  ZZ501 no-validity-period      a normative document that states no validity period
  ZZ502 no-effective-date       a normative document that states no effective date
  ZZ503 validity-too-long       a validity period beyond the province's maximum
  ZZ504 early-effective-date    takes effect before the review date, or too soon after publication
  ZZ505 retroactive             applies to facts before its publication (溯及既往)

Maxima and the provision they rest on live in checks/validity/provinces.toml.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from zzreview import lazy_regex
from zzreview.analysis.location import locate
from zzreview.model import Finding, Location, RuleInfo
from zzreview.resources import data_toml
from zzreview.rules.base import Context
from zzreview.text.kind import is_draft
from zzreview.text.triggers import gated


_BASIS = "《国务院办公厅关于加强行政规范性文件制定和监督管理工作的通知》（国办发〔2018〕37号）"
RULES = (
    RuleInfo("ZZ501", "no-validity-period", "no-validity-period", "error",
             "规范性文件未载明有效期",
             "检查什么：被判断为行政规范性文件、且标题不带实施期间的文件中，没有“有效期X年”“有效期至…”等有效期条款。\n"
             "为什么：规范性文件应当载明有效期，有效期届满自动失效，以免过时文件继续约束公众。\n"
             "法律依据：" + _BASIS + "；各省规定（如《山东省行政程序规定》第五十三条）。\n"
             "示例：本办法自2027年1月1日起施行。（未写有效期）\n"
             "修改：增加“本办法自2027年1月1日起施行，有效期至2031年12月31日。”"),
    RuleInfo("ZZ502", "no-effective-date", "no-effective-date", "warning",
             "规范性文件未载明施行日期",
             "检查什么：文件中没有“自…起施行（执行）”的条款。\n"
             "为什么：规范性文件应当载明施行日期，使公众知道何时受其约束。\n"
             "法律依据：" + _BASIS + "；《山东省行政程序规定》第五十三条。\n"
             "示例：全文没有施行日期。\n"
             "修改：增加“本办法自XXXX年X月X日起施行”。"),
    RuleInfo("ZZ503", "validity-period", "validity-too-long", "warning",
             "有效期超过规定上限",
             "检查什么：有效期超过所在省规定的上限（一般5年；暂行、试行的一般2年）。上限见 checks/validity/provinces.toml。\n"
             "为什么：有效期过长使文件脱离定期评估和清理。\n"
             "法律依据：各省规范性文件管理规定，例如《山东省行政程序规定》第五十三条。\n"
             "示例：本暂行办法有效期5年。\n"
             "修改：缩短有效期，或去掉“暂行”“试行”字样后按一般文件确定有效期。"),
    RuleInfo("ZZ504", "effective-date", "early-effective-date", "warning",
             "施行日期早于审查日，或距公布不足规定天数",
             "检查什么：草案写明的施行日期已早于审查基准日，或早于落款日期后的规定天数（一般30日）。\n"
             "为什么：规范性文件一般应自公布之日起30日后施行，给公众准备时间；施行日期早于公布会产生溯及效果。\n"
             "法律依据：《山东省行政程序规定》第五十三条；《中华人民共和国立法法》第一百零四条。\n"
             "示例：（2026年12月审查的草案）本办法自2026年10月1日起施行。\n"
             "修改：改为公布之日起30日后的日期。"),
    RuleInfo("ZZ505", "effective-date", "retroactive", "warning",
             "文件规定溯及既往",
             "检查什么：文件规定对其公布前的行为或事实适用（如“本办法施行前…的，适用本办法”“追溯至…”）。\n"
             "为什么：法不溯及既往；为了更好地保护公民、法人和其他组织的权利和利益而作的特别规定除外。\n"
             "法律依据：《中华人民共和国立法法》第一百零四条。\n"
             "示例：本办法施行前已发生的违规行为，依照本办法处理。\n"
             "修改：删除溯及条款，或限于有利于当事人的情形。"),
)
_BY = {r.code: r for r in RULES}
_PROVISIONAL = lazy_regex.compile(r"暂行|试行")
_RETRO = gated(
    ("施行前", "实施前", "发布前", "印发前", "之日前", "追溯"), r"(?:本(?:办法|规定|细则|通知|通告|意见|决定)(?:施行|实施|发布|印发)(?:之日)?前[^。；]{0,40}?(?:适用|依照|按照)本"
    r"(?:办法|规定|细则|通知|通告|意见|决定)(?:执行|处理|规定)?)|追溯(?:至|到)[^。；]{0,20}(?:执行|适用|施行)")
_FAVOURABLE = lazy_regex.compile(r"有利于|从轻|减轻|免除|更有利|优惠|补助|补贴|享受")


def provinces() -> dict:
    return data_toml("validity/provinces.toml")


def province_rules(province: str | None) -> tuple[str, dict]:
    table = provinces()
    if province and province in table:
        return province, {**table["default"], **table[province]}
    return "default", dict(table["default"])


def _doc_finding(ctx: Context, code: str, message: str, basis: str, suggestion: str,
                 confidence: str = "high", quote: str | None = None,
                 location: Location | None = None) -> Finding:
    rule = _BY[code]
    tq, tloc = ctx.title_location()
    return Finding(code, rule.check, rule.severity, message, quote or tq, location or tloc, basis,
                   suggestion, confidence)


def _loc(d: dict | None) -> Location | None:
    return Location(**d) if d else None


class Validity:
    name = "no-validity-period"
    rules = RULES

    def run(self, ctx: Context) -> Iterable[Finding]:
        a, doc = ctx.analysis, ctx.doc
        level = ctx.review_level
        if level == "非规范性文件" or a.dates is None:
            return
        normative = level == "行政规范性文件"
        needs = ctx.level_rules  # checks/authority/measures.toml [document_levels]
        d = a.dates
        pname, rules = province_rules(ctx.config.province)
        basis = rules.get("basis", _BASIS) if normative else needs.get("basis", _BASIS)
        title = doc.title or "本文件"
        complete = d.looks_complete  # an excerpt (no ending) is not judged for missing clauses
        if (d.validity is None and d.period_in_title is None and d.period is None and needs.get("validity_required")
                and rules.get("requires_validity", True) and complete):
            yield _doc_finding(ctx, "ZZ501", f"《{title}》未载明有效期", basis,
                               "增加有效期条款，例如“本办法自X年X月X日起施行，有效期至X年X月X日”")
        if d.effective_text is None and d.period_in_title is None and needs.get("effective_date_required") and complete:
            yield _doc_finding(ctx, "ZZ502", f"《{title}》未载明施行日期", basis, "增加“本办法自X年X月X日起施行”")
        if not needs.get("effective_date_required"):
            return  # laws and regulations: no further date rules of normative documents
        v = d.validity
        if normative and v and (v.get("years") or v.get("months")):
            years = (v.get("years") or 0) + (v.get("months") or 0) / 12
            provisional = bool(_PROVISIONAL.search(doc.title or ""))
            limit = rules.get("provisional_max_years") if provisional else rules.get("max_years")
            if (doc.title or "").endswith("通告") and rules.get("notice_max_years"):
                limit = min(limit or 99, rules["notice_max_years"])
            if limit and years > limit:
                kind = "暂行、试行文件" if provisional else "规范性文件"
                yield _doc_finding(ctx, "ZZ503", f"{v['text']}超过{kind}的上限{limit}年（{pname if pname != 'default' else '一般规定'}）",
                                   basis, f"将有效期缩短至{limit}年以内", quote=v["text"], location=_loc(v.get("location")))
        if d.effective_date:
            eff = dt.date.fromisoformat(d.effective_date)
            quote, loc = d.effective_text, _loc(d.effective_location)
            if doc.date:
                issued = dt.date.fromisoformat(doc.date)
                min_days = rules.get("min_days_before_effect") or 0
                if eff < issued:
                    yield _doc_finding(ctx, "ZZ504", f"施行日期{d.effective_date}早于落款日期{doc.date}，产生溯及效果",
                                       basis, "施行日期应在公布之后", quote=quote, location=loc)
                elif min_days and (eff - issued).days < min_days:
                    yield _doc_finding(ctx, "ZZ504", f"施行日期{d.effective_date}距落款日期{doc.date}不足{min_days}日",
                                       basis, f"一般应自公布之日起{min_days}日后施行；确需立即施行的，请说明理由",
                                       confidence="medium", quote=quote, location=loc)
            elif is_draft(doc.title) and eff < ctx.as_of:
                yield _doc_finding(ctx, "ZZ504", f"草案写明的施行日期{d.effective_date}已早于审查日{ctx.as_of.isoformat()}",
                                   basis, "改为公布之日起30日后的日期", quote=quote, location=loc)
        if not _RETRO.occurs(doc.text):  # one look for its words in the whole document first
            return
        for b in doc.blocks:
            m = _RETRO.search(b.text)
            if m and not _FAVOURABLE.search(b.text):
                yield Finding("ZZ505", "effective-date", "warning", "规定对施行前的行为或事实适用本文件（溯及既往）",
                              m.group(0), locate(doc, a.structure, b.index, m.start()),
                              "《中华人民共和国立法法》第一百零四条", "删除溯及条款，或限于有利于当事人的情形",
                              "medium")


CHECK = Validity()
