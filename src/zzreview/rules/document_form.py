"""document-form: names reserved for laws and regulations, article numbering, cross-references,
and claims to interpret upper law.

Codes:
  ZZ801 reserved-name          a normative document named 条例 or …法
  ZZ802 article-numbering      articles out of sequence or duplicated
  ZZ803 dangling-reference     本办法第X条 where the document has no such article
  ZZ804 interpretation-claim   the document claims to interpret laws or regulations
"""

from __future__ import annotations

from collections.abc import Iterable

from zzreview import lazy_regex
from zzreview.analysis.location import locate
from zzreview.model import Finding, RuleInfo
from zzreview.rules.base import Context
from zzreview.text.numerals import CN_NUMERAL_CHARS, cn_to_int, int_to_cn
from zzreview.text.triggers import gated

CHECK_NAME = "document-form"
_NAMES_BASIS = ("《中华人民共和国立法法》关于法律、行政法规、地方性法规名称的规定；《规章制定程序条例》第七条"
                "（规章不得称“条例”）；规范性文件名称使用“规定”“办法”“细则”“意见”“通知”“通告”等")
RULES = (
    RuleInfo("ZZ801", CHECK_NAME, "reserved-name", "error", "规范性文件使用了法律、法规专用的名称",
             "检查什么：被判断为行政规范性文件的标题以“条例”或“法”结尾。\n"
             "为什么：“法”是法律的名称，“条例”是行政法规和地方性法规的名称，规章都不得称“条例”，"
             "规范性文件更不能使用，否则混淆文件的效力级别。\n"
             "法律依据：" + _NAMES_BASIS + "。\n"
             "示例：某市养犬管理条例（市政府印发）。\n"
             "修改：改称“办法”“规定”“细则”等。"),
    RuleInfo("ZZ802", CHECK_NAME, "article-numbering", "error", "条文序号不连续或重复",
             "检查什么：第X条的序号跳号、倒序或重复（附件另起的第一条视为另一个文件）。\n"
             "为什么：条文序号错误使引用和适用产生歧义，也常是删改后漏改的痕迹。\n"
             "法律依据：《国务院办公厅关于加强行政规范性文件制定和监督管理工作的通知》（国办发〔2018〕37号）"
             "关于规范性文件起草质量的要求；《党政机关公文处理工作条例》。\n"
             "示例：第五条之后是第七条。\n"
             "修改：按顺序重新编号，并核对文中的条文引用。"),
    RuleInfo("ZZ803", CHECK_NAME, "dangling-reference", "error", "引用了本文件中不存在的条文",
             "检查什么：“本办法第X条”“本规定第X条”中的条号超过本文件的最后一条。\n"
             "为什么：引用不存在的条文，该规定无法适用。\n"
             "法律依据：《国务院办公厅关于加强行政规范性文件制定和监督管理工作的通知》（国办发〔2018〕37号）。\n"
             "示例：违反本办法第十五条规定的……（全文共十二条）。\n"
             "修改：改为正确的条号。"),
    RuleInfo("ZZ804", CHECK_NAME, "interpretation-claim", "warning", "规范性文件规定由本机关解释法律、法规",
             "检查什么：文件规定由某机关负责解释法律、法规、规章，或对上位法作出解释。"
             "“本办法由市司法局负责解释”只解释文件本身，不在此列。\n"
             "为什么：法律解释权属于全国人大常委会，行政法规、地方性法规、规章的解释权属于其制定机关，"
             "规范性文件不能赋予其他机关解释上位法的权力。\n"
             "法律依据：《中华人民共和国立法法》第四十八条；《行政法规制定程序条例》第三十一条；"
             "《规章制定程序条例》第三十三条。\n"
             "示例：《某某条例》在本市实施中的具体应用问题由市城管局负责解释。\n"
             "修改：改为“本办法由……负责解释”，上位法的适用问题按程序请求有权机关解释。"),
)
_BY = {r.code: r for r in RULES}
_SELF = r"本(?:办法|规定|细则|实施细则|实施办法|意见|通知|通告|决定|规则|方案|公告)"
_NUM = f"[{CN_NUMERAL_CHARS}0-9０-９]+"
_CROSS_REF = gated(("本办法", "本规定", "本细则", "本实施", "本意见", "本通知", "本通告", "本决定", "本规则", "本方案", "本公告"),
                   rf"{_SELF}(?:第({_NUM})条)")
_INTERPRET = gated(
    "解释", r"(?:法律|法规|规章|条例|《[^》]{2,60}》)[^。；]{0,20}?(?:具体应用问题|应用问题|适用问题|有关问题)?"
    r"由[^。；，]{1,30}?(?:负责|予以|进行)?解释"
    r"|(?:负责|有权)(?:对)?(?:法律|法规|规章|《[^》]{2,60}》)[^。；]{0,10}?(?:进行|作出)?解释")
_TITLE_NOTES = lazy_regex.compile(r"(?:[（(][^）)]*[）)]|\s)+$")


def _finding(code: str, message: str, quote: str, location, suggestion: str,
             confidence: str = "high") -> Finding:
    rule = _BY[code]
    basis = rule.doc.split("法律依据：", 1)[1].split("\n", 1)[0].rstrip("。")
    return Finding(code, CHECK_NAME, rule.severity, message, quote, location, basis, suggestion, confidence)


def _reserved_name(ctx: Context, level: str) -> Iterable[Finding]:
    """法 is the name of laws, 条例 of laws and regulations: a normative document may use neither, a
    rule may not be called 条例 (《规章制定程序条例》第七条); laws and regulations may use both."""
    title = _TITLE_NOTES.sub("", ctx.doc.title or "")
    law_name = title.endswith("法") and not title.endswith(("办法", "方法", "做法"))
    if not (title.endswith("条例") or law_name):
        return  # most titles: no finding, so the title's location is not looked up
    name = "条例" if title.endswith("条例") else "法"
    if level == "行政规范性文件":
        q, loc = ctx.title_location()
        yield _finding("ZZ801", f"规范性文件不得称“{name}”（“{name}”是法律、法规的名称）", q, loc,
                       "改称“办法”“规定”“细则”等")
    elif level in ("部门规章", "地方政府规章"):
        q, loc = ctx.title_location()
        yield _finding("ZZ801", f"规章不得称“{name}”（《规章制定程序条例》第七条）", q, loc, "改称“规定”“办法”")


def _numbering(ctx: Context) -> Iterable[Finding]:
    prev = None
    for a in ctx.analysis.structure.articles:
        if prev is not None and a.sub is None and a.number != 1:
            if a.number == prev.number and prev.sub is None:
                problem = f"{a.label}与上一条序号重复"
            elif a.number != prev.number + 1:
                problem = f"{prev.label}之后是{a.label}，序号不连续"
            else:
                problem = None
            if problem:
                loc = locate(ctx.doc, ctx.analysis.structure, a.block, a.column)
                yield _finding("ZZ802", problem, a.label, loc, "按顺序重新编号，并核对文中的条文引用")
        prev = a


def _dangling(ctx: Context) -> Iterable[Finding]:
    articles = ctx.analysis.structure.articles
    if not articles or any(a.number == 1 for a in articles[1:]):
        return  # no articles, or several instruments in one file
    last = max(a.number for a in articles)
    if not _CROSS_REF.occurs(ctx.doc.text):
        return
    for b in ctx.doc.blocks:
        for m in _CROSS_REF.finditer(b.text):
            n = cn_to_int(m.group(1))
            if n and n > last:
                yield _finding("ZZ803", f"引用的{m.group(0)}不存在（本文件最后一条为第{int_to_cn(last)}条）", m.group(0),
                               locate(ctx.doc, ctx.analysis.structure, b.index, m.start()), "改为正确的条号")


class DocumentForm:
    name = CHECK_NAME
    rules = RULES

    def run(self, ctx: Context) -> Iterable[Finding]:
        a = ctx.analysis
        level = ctx.review_level
        if level == "非规范性文件":
            return
        yield from _reserved_name(ctx, level)
        if level not in ("行政规范性文件", "部门规章", "地方政府规章"):
            return  # laws and regulations in force: their form is not for this review
        yield from _numbering(ctx)
        yield from _dangling(ctx)
        if not _INTERPRET.occurs(ctx.doc.text):
            return
        for b in ctx.doc.blocks:
            m = _INTERPRET.search(b.text)
            if m:
                yield _finding("ZZ804", "规定由本文件指定的机关解释法律、法规或规章", m.group(0),
                               locate(ctx.doc, a.structure, b.index, m.start()),
                               "只规定“本办法由……负责解释”；上位法的适用问题按程序请求有权机关解释", "medium")


CHECK = DocumentForm()
