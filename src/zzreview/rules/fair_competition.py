"""fair-competition: red flags under the 公平竞争审查条例 (2024) review standards.

Codes:
  ZZ601 designated-supplier   limits purchase or use to designated operators (第八条第（三）项)
  ZZ602 local-protection      treats out-of-town operators or goods differently (第九条)
  ZZ603 selective-subsidy     tax, subsidy or fee breaks for particular operators (第十条)
  ZZ604 entry-condition       unreasonable entry conditions, exclusive rights (第八条第（二）（四）项)
  ZZ605 price-fixing          unified prices, price floors, association pricing (第十一条)

The phrase patterns live in checks/fair_competition/patterns.toml. Heuristics: every
finding is a warning with medium or low confidence, for a reviewer to confirm.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

import regex

from zzreview.model import Finding, RuleInfo
from zzreview.resources import data_toml
from zzreview.rules.base import Context


CHECK_NAME = "fair-competition"
_REG = "《公平竞争审查条例》（2024年6月6日公布，2024年8月1日起施行）"
_WHY = ("起草涉及经营者经济活动的规范性文件，应当进行公平竞争审查；违反审查标准且不属于第十二条例外情形的，"
        "不得出台（《公平竞争审查条例》第二条、第十八条）。")
_EXCEPT = "确属第十二条例外情形（国家安全、科技创新、节能环保等社会公共利益）的，应在审查结论中说明并设定实施期限。"

RULES = (
    RuleInfo("ZZ601", CHECK_NAME, "designated-supplier", "warning",
             "限定经营、购买、使用特定经营者提供的商品或服务",
             "检查什么：要求到“指定”“限定”的企业、供应商处购买、使用商品或服务，要求向某公司购买，"
             "或由某公司独家、统一供应的语句。同一句中有“不得”“禁止”“自主选择”“公开招标”“依照《…》”等表述的不报。\n"
             "为什么：" + _WHY + "\n"
             "法律依据：" + _REG + "第八条第（三）项；《中华人民共和国反垄断法》第三十九条。\n"
             "示例：辖区内餐饮单位须到指定的供应商处购买餐厨垃圾收集容器。\n"
             "修改：删除指定、限定经营者的内容，由经营者和公众自主选择；确需集中采购的，依法通过公开招标等竞争性方式确定供应商。"
             + _EXCEPT),
    RuleInfo("ZZ602", CHECK_NAME, "local-protection", "warning",
             "排斥、限制外地经营者或外地商品，给予本地企业优先",
             "检查什么：“本地企业优先”“优先采购本地产品”，以在本地注册、设立分支机构、纳税作为投标或经营的前提，"
             "对外地企业、外地商品另行检测、备案、收费或不准进入，限制本地企业迁出。"
             "写明“一视同仁”“同等对待”或禁止此类做法的语句不报；以本地注册作为申请本地扶持资金条件的不报。\n"
             "为什么：" + _WHY + "\n"
             "法律依据：" + _REG + "第九条第（一）项至第（五）项；《中华人民共和国反垄断法》第四十一条至第四十三条。\n"
             "示例：同等条件下，本地企业优先；在本市设立分支机构方可参与投标。\n"
             "修改：删除本地优先、本地设立机构等要求，对本地和外地经营者一视同仁。" + _EXCEPT),
    RuleInfo("ZZ603", CHECK_NAME, "selective-subsidy", "warning",
             "给予特定经营者税收优惠、选择性补贴或收费减免",
             "检查什么：对点名的企业给予奖励、补贴、减免，税收返还、先征后返、按纳税额或地方留成奖励，"
             "未写明依据的行政事业性收费、政府性基金、社会保险费、土地出让金减免或返还，“一企一策”“一事一议”式奖补。"
             "写明“按照国家规定”“依法”“落实”国家政策，或对符合条件的经营者普遍适用（符合条件的企业均可申请）的不报。\n"
             "为什么：" + _WHY + "没有法律、行政法规依据或者未经国务院批准，不得给予特定经营者税收优惠、选择性补贴和收费等方面的优惠。\n"
             "法律依据：" + _REG + "第十条第（一）项至第（三）项。\n"
             "示例：对新引进企业，按其缴纳税收地方留成部分的50%给予奖励。\n"
             "修改：删除税收返还、点名奖补等内容，改为对符合条件的经营者普遍适用、标准公开的政策，或写明法律、行政法规依据或国务院批准文件。"
             + _EXCEPT),
    RuleInfo("ZZ604", CHECK_NAME, "entry-condition", "warning",
             "设置不合理的准入条件或违法授予独家、特许经营权",
             "检查什么：以列入某名录、名单、库作为经营前提（“列入推荐名录的企业方可承接”“未入库的不得从事”），"
             "以注册资本、成立年限、业绩数量作为准入门槛，授予独家经营权、专营权、特许经营权而未写明依据和竞争性程序。"
             "有法律、法规依据或属于扶持资金申报条件的不报。\n"
             "为什么：" + _WHY + "\n"
             "法律依据：" + _REG + "第八条第（二）项、第（四）项。\n"
             "示例：纳入本市物业服务企业推荐名录的企业方可承接本市住宅小区物业服务。\n"
             "修改：删除以入围名录、名单为前提的要求和缺乏依据的门槛；特许经营应写明法律依据并通过招标等方式选择经营者。"
             + _EXCEPT),
    RuleInfo("ZZ605", CHECK_NAME, "price-fixing", "warning",
             "超越权限定价、干预市场调节价或组织统一定价",
             "检查什么：“统一定价”“统一价格”，规定“不得低于…价格销售”、最低或最高限价，由行业协会或经营者统一确定价格。"
             "写明政府定价、政府指导价、定价目录、价格主管部门，或“按照国家规定的价格”“不得低于成本价倾销”的不报。\n"
             "为什么：" + _WHY + "起草机关不得超越法定权限制定政府指导价、政府定价，不得违法干预市场调节价，"
             "不得强制或便利经营者实施垄断行为。\n"
             "法律依据：" + _REG + "第十一条第（一）项至第（三）项；《中华人民共和国价格法》；《中华人民共和国反垄断法》第二十一条。\n"
             "示例：本市商品房销售价格不得低于备案价格的85%成交。\n"
             "修改：删除限定价格的内容；确需价格干预的，由有权机关依照《中华人民共和国价格法》规定的程序实施。"
             + _EXCEPT),
)
_BY = {r.code: r for r in RULES}

# sentence ends; a match and its `unless` are judged within one sentence
_SENTENCE_END = regex.compile(r"[。！？；!?;\n]")
# a list whose lead-in forbids what follows: "不得含有下列内容：（一）…"
_PROHIBIT_LEAD = regex.compile(r"(?:不得|禁止|严禁|不准|不应|杜绝|清理|废止|纠正|查处)[^。]{0,40}?(?:下列|以下|如下)[^。]{0,30}[：:]")
# a full stop that is not followed by the next list item ends the list
_NEW_SENTENCE = regex.compile(r"。(?![\s　]*(?:[（(][一二三四五六七八九十0-9]+[）)]|[0-9]+[.、．]))")
_ITEM_START = regex.compile(r"^[\s　]*(?:[（(][一二三四五六七八九十0-9]+[）)]|[0-9]+[.、．]|[一二三四五六七八九十]+、)")


@dataclass(frozen=True)
class Pattern:
    code: str
    id: str
    standard: str
    article: str
    confidence: str
    pattern: regex.Pattern
    unless: tuple[regex.Pattern, ...]
    unless_block: tuple[regex.Pattern, ...]
    message: str
    suggestion: str


@lru_cache(maxsize=1)
def patterns() -> tuple[Pattern, ...]:
    data = data_toml("fair_competition/patterns.toml")
    words = data.get("words", {})

    def compile_(src: str) -> regex.Pattern:
        for k, v in words.items():
            src = src.replace("{{" + k + "}}", v)
        return regex.compile(src)

    common = tuple(compile_(u) for u in data.get("common", {}).get("unless", []))
    out = []
    for p in data["pattern"]:
        if p["code"] not in _BY:
            raise ValueError(f"checks/fair_competition/patterns.toml: 未知代码 {p['code']}")
        out.append(Pattern(
            p["code"], p["id"], p["standard"], p["article"], p.get("confidence", "medium"),
            compile_(p["pattern"]), common + tuple(compile_(u) for u in p.get("unless", [])),
            tuple(compile_(u) for u in p.get("unless_block", [])), p["message"], p["suggestion"]))
    return tuple(out)


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """Bounds of the sentence holding text[start:end]."""
    left = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    right = _SENTENCE_END.search(text, end)
    return left, right.start() if right else len(text)


def _in_book_title(text: str, pos: int) -> bool:
    """True when pos sits inside 《…》 (a cited title, not the draft's own words)."""
    return text.rfind("《", 0, pos) > text.rfind("》", 0, pos)


def _under_prohibition(doc, block_index: int, before: str) -> bool:
    """The match sits in a list introduced by a prohibition (不得含有下列内容：…)."""
    leads = list(_PROHIBIT_LEAD.finditer(before))
    if leads and not _NEW_SENTENCE.search(before[leads[-1].end():]):
        return True
    if not _ITEM_START.match(doc.blocks[block_index].text):
        return False
    for i in range(block_index - 1, max(block_index - 15, -1), -1):
        text = doc.blocks[i].text
        if _ITEM_START.match(text):
            continue
        return bool(_PROHIBIT_LEAD.search(text))
    return False


class FairCompetition:
    name = CHECK_NAME
    rules = RULES

    def run(self, ctx: Context) -> Iterable[Finding]:
        a, doc = ctx.analysis, ctx.doc
        if not ctx.is_normative:
            return
        from zzreview.analysis.facts import locate

        for b in doc.blocks:
            if b.index == doc.title_block:
                continue
            seen: set[tuple[str, int]] = set()  # one finding per code and sentence
            for p in patterns():
                if any(u.search(b.text) for u in p.unless_block):
                    continue
                for m in p.pattern.finditer(b.text):
                    s, e = _sentence(b.text, m.start(), m.end())
                    if (p.code, s) in seen or _in_book_title(b.text, m.start()):
                        continue
                    sentence = b.text[s:e]
                    if any(u.search(sentence) for u in p.unless):
                        continue
                    if _under_prohibition(doc, b.index, b.text[:m.start()]):
                        continue
                    seen.add((p.code, s))
                    rule = _BY[p.code]
                    yield Finding(
                        p.code, CHECK_NAME, rule.severity, p.message.format(match=m.group(0)),
                        m.group(0), locate(doc, a.structure, b.index, m.start()), p.article,
                        p.suggestion, p.confidence, extra={"standard": p.standard, "pattern": p.id})


CHECK = FairCompetition()
