"""unlisted-certification: certifications demanded that are not on the configured list.

Codes:
  ZZ401 unlisted-certification   a demanded certification is on none of the configured lists
  ZZ402 open-certification       a catch-all (其他相关证明材料) that defeats the list
  ZZ403 promise-route            a listed item under 告知承诺制, and the draft does not offer the promise
"""

from __future__ import annotations

from collections.abc import Iterable

from zzreview import certlists
from zzreview.model import Finding, RuleInfo
from zzreview.rules.base import Context

CHECK_NAME = "unlisted-certification"

_BASIS_47 = "《国务院办公厅关于做好证明事项清理工作的通知》（国办发〔2018〕47号）"
_BASIS_42 = "《国务院办公厅关于全面推行证明事项和涉企经营许可事项告知承诺制的指导意见》（国办发〔2020〕42号）"
_BASIS_YS = "《优化营商环境条例》第四十四条"

RULES = (
    RuleInfo("ZZ401", CHECK_NAME, "unlisted-certification", "error",
             "要求提供的证明不在证明事项清单内（清单之外无证明）",
             "检查什么：草案要求申请人提供、提交、出具、持有的证明（如“提交无犯罪记录证明”"
             "“由村委会出具的居住证明”），与配置的证明事项清单（certification-lists）逐项对照；"
             "名称先按原名和别名精确比对，再按分词相似度比对，清单中没有的即报告。"
             "未配置清单时不报告本项，识别出的证明仍列在 JSON 的 facts.certifications 中。\n"
             "为什么：证明事项实行清单管理，清单之外，政府部门、公用事业单位和服务机构不得索要证明；"
             "设定证明事项须有法律、法规或者国务院决定依据，规范性文件不得自行增设。\n"
             "法律依据：" + _BASIS_47 + "；" + _BASIS_42 + "；" + _BASIS_YS + "；"
             "《山东省优化营商环境条例》第三十九条；所配置清单本身的公布文件。\n"
             "示例：申请人应当提交户籍所在地公安派出所出具的无违法犯罪记录证明。"
             "（该项不在本市保留证明事项清单内）\n"
             "修改：删除该证明要求，改为部门间核查、数据共享、在线核验或申请人书面承诺；"
             "确需保留的，应有法律、法规或者国务院决定依据，并列入证明事项清单后再作规定。"),
    RuleInfo("ZZ402", CHECK_NAME, "open-certification", "warning",
             "兜底式证明要求（其他相关证明材料），使证明事项清单形同虚设",
             "检查什么：“其他相关证明材料”“相关证明”“有关部门要求的其他材料”等不列明名称的兜底要求。"
             "无论是否配置清单都会报告。\n"
             "为什么：兜底条款让窗口可以随意索要清单外的证明，与“清单之外无证明”相抵触，"
             "也使申请人无法事先知道要准备什么。\n"
             "法律依据：" + _BASIS_47 + "（清单之外不得索要证明）；" + _BASIS_YS + "（公布证明事项清单，"
             "逐项列明设定依据、索要单位、开具单位、办理指南）。\n"
             "示例：申请人应当提交下列材料：……（五）其他相关证明材料。\n"
             "修改：删除兜底表述，逐项列明所需证明的名称、开具单位和依据；"
             "确需兜底的，限定为“法律、法规规定的其他材料”。"),
    RuleInfo("ZZ403", CHECK_NAME, "promise-route", "info",
             "清单中该证明实行告知承诺制，草案未写明可以书面承诺代替",
             "检查什么：草案要求的证明在配置的清单中标明适用告知承诺制，而草案该处未写明申请人可以"
             "书面承诺代替提交证明。\n"
             "为什么：实行告知承诺制的证明事项，行政机关以书面形式告知证明内容和虚假承诺的责任，"
             "申请人书面承诺符合要求的，不再索要该证明；草案只写“提交”会让窗口继续索要。\n"
             "法律依据：" + _BASIS_42 + "；所配置清单中该事项的告知承诺标注。\n"
             "示例：申请人应当提交婚姻状况证明。（清单中该项实行告知承诺）\n"
             "修改：写明“申请人可以书面承诺代替提交该证明，行政机关依法核查”，或改为直接采用告知承诺制。"),
)
_BY_CODE = {r.code: r for r in RULES}


def _finding(code: str, ctx: Context, d, message: str, basis: str, suggestion: str,
             confidence: str = "high", extra: dict | None = None, occ=None) -> Finding:
    # Quote the certification itself (exact text at its own location); the message quotes the phrase.
    return Finding(code=code, check=CHECK_NAME, severity=_BY_CODE[code].severity, message=message,
                   quote=occ.text if occ else d.text, location=occ.location if occ else d.location,
                   basis=basis, suggestion=suggestion, confidence=confidence, extra=extra or {})


def _places(d):
    """Every place of the demand, with a note naming the place among the others."""
    occs = list(getattr(d, "occurrences", None) or [None])
    for k, occ in enumerate(occs, 1):
        yield occ, (f"（文中共{len(occs)}处，此为第{k}处）" if len(occs) > 1 else "")


def _lists_label(lists) -> str:
    return "、".join(lst.label for lst in lists)


def _judge(lists, demands) -> None:
    """Set listed/list_item on each named demand (facts show the result). The name without its
    issuer is tried first, then the phrase as written; a name that only part of a list item (or
    the other way round) counts as listed, so a clipped or split name is never called unlisted."""
    for d in demands:
        if d.catch_all:
            continue
        m = None
        for name in dict.fromkeys((d.name, d.text)):
            m = certlists.match(name, lists) or certlists.partial_match(name, lists)
            if m:
                break
        d.listed = m is not None
        d.list_item = m.to_dict() if m else None


def _unlisted(ctx: Context, d, lists):
    label = _lists_label(lists)
    near = certlists.best_match(d.name, lists)
    confidence = "high"
    tail = ""
    if near and near.score >= certlists.NEAR:
        tail += f"。清单中最接近的是“{near.item.name}”，请核对是否同一事项"
        confidence = "medium"
    if any(not lst.complete for lst in lists):
        tail += "。所配置的清单副本不完整，请对照正式清单核实"
        confidence = "low"
    basis = f"{_BASIS_47}：清单之外不得索要证明；{_BASIS_42}；{_BASIS_YS}"
    own = [lst.basis for lst in lists if lst.basis and lst.basis not in basis]
    if own:
        basis += "；" + "；".join(dict.fromkeys(own))
    for occ, where in _places(d):
        phrase = occ.phrase if occ else d.phrase
        msg = f"草案要求提供“{d.name}”（“{phrase}”），该证明不在{label}内；清单之外无证明{where}{tail}"
        yield _finding("ZZ401", ctx, d, msg, basis,
                       "删除该证明要求，改为部门核查、数据共享或申请人书面承诺；"
                       "确需保留的，应有法律、法规或者国务院决定依据并列入证明事项清单",
                       confidence=confidence, extra={"certification": d.name}, occ=occ)


def _catch_all(ctx: Context, d):
    for occ, where in _places(d):
        phrase = occ.phrase if occ else d.phrase
        yield _finding("ZZ402", ctx, d,
                       f"“{phrase}”是兜底式证明要求，未列明证明名称，可被用来索要清单之外的证明{where}",
                       f"{_BASIS_47}：清单之外不得索要证明；{_BASIS_YS}",
                       "删除兜底表述，逐项列明所需证明的名称、开具单位和依据", confidence="medium",
                       extra={"certification": d.text}, occ=occ)


def _promise(ctx: Context, d):
    item = d.list_item or {}
    label = f"《{item.get('list')}》" + (f"（{item['list_date']}）" if item.get("list_date") else "")
    for occ, where in _places(d):
        yield _finding("ZZ403", ctx, d,
                       f"“{d.name}”在{label}中实行告知承诺制，草案未写明申请人可以书面承诺代替{where}",
                       f"{_BASIS_42}；{label}“{item.get('name')}”",
                       "写明申请人可以书面承诺代替提交该证明，由行政机关依法核查",
                       extra={"certification": d.name}, occ=occ)


class UnlistedCertification:
    name = CHECK_NAME
    rules = RULES

    def run(self, ctx: Context) -> Iterable[Finding]:
        demands = ctx.analysis.certifications or []
        if not demands:
            return
        lists = certlists.load_lists(ctx.config.certification_lists) if ctx.config.certification_lists else []
        if lists:
            _judge(lists, demands)
        for d in demands:
            if d.catch_all:
                if not getattr(d, "bounded", False):  # 法律、法规规定的其他证明: not open
                    yield from _catch_all(ctx, d)
            elif lists and d.listed is False:
                yield from _unlisted(ctx, d, lists)
            elif lists and d.listed and (d.list_item or {}).get("promise") and not d.promise:
                yield from _promise(ctx, d)


CHECK = UnlistedCertification()
