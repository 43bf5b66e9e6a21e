"""missing-legal-basis: the document's basis clause, and measures no upper law authorises.

Codes:
  ZZ301 no-basis-clause        a normative document with no legal-basis clause
  ZZ302 vague-basis            a basis clause that names no instrument (根据有关法律法规)
  ZZ303 policy-only-basis      the basis names only policy documents, yet the document sets measures
  ZZ311 unauthorised-penalty   a penalty the document itself sets
  ZZ312 unauthorised-licence   a licence or approval the document itself sets
  ZZ313 unauthorised-coercion  a compulsory measure the document itself sets
  ZZ314 unauthorised-fee       a fee, deposit or charge the document itself sets
  ZZ315 new-duty               a duty or restriction on the public without a stated basis

Who may set which measure is data: checks/authority/measures.toml (read by the
check and by ``zzreview explain``).
"""

from __future__ import annotations

from collections.abc import Iterable

from zzreview import lazy_regex
from zzreview.model import Finding, Location, RuleInfo
from zzreview.resources import data_toml
from zzreview.rules.base import Context


CHECK_NAME = "missing-legal-basis"
_GUIDE = ("《国务院办公厅关于加强行政规范性文件制定和监督管理工作的通知》（国办发〔2018〕37号）；"
          "《国务院办公厅关于全面推行行政规范性文件合法性审核机制的指导意见》（国办发〔2018〕115号）")


def authority() -> dict:
    return data_toml("authority/measures.toml")


def may_set(level: str | None, kind: str, quote: str, provincial: bool | None = None) -> bool:
    """Whether a document of ``level`` may itself set the measure ``quote`` of ``kind``."""
    spec = authority()["measures"][kind].get("may_set", {}).get(level or "")
    if spec is None:
        return False
    words = spec if isinstance(spec, list) else spec.get("words", [])
    if isinstance(spec, dict) and spec.get("provincial_only") and not provincial:
        return False
    if any(w.startswith("!") and w[1:] in quote for w in words):
        return False
    return "*" in words or any(w in quote for w in words if not w.startswith("!"))


def authority_text(kind: str) -> str:
    """The authority table for one kind of measure, for ``explain``."""
    m = authority()["measures"][kind]
    lines = [f"{m['name']}——可以设定的层级："]
    for level, rule in m["levels"].items():
        lines.append(f"  · {level}：{rule}")
    lines.append(f"  依据：{m['basis']}")
    return "\n".join(lines)


_MEASURE_DOC = {
    "penalty": ("ZZ311", "unauthorised-penalty", "error", "规范性文件自行设定行政处罚",
                "示例：违反本办法规定的，处500元以上2000元以下罚款。\n修改：引用上位法条款（依照《…》第X条的规定处罚）或删除。"),
    "licence": ("ZZ312", "unauthorised-licence", "error", "规范性文件自行设定行政许可或审批",
                "示例：从事经营活动的，须经市城管局批准。\n修改：引用设定该许可的法律、法规条款，或删除。"),
    "coercion": ("ZZ313", "unauthorised-coercion", "error", "规范性文件自行设定行政强制措施",
                 "示例：对违规车辆予以扣押。\n修改：引用设定该强制措施的法律、法规条款，或删除。"),
    "fee": ("ZZ314", "unauthorised-fee", "error", "规范性文件自行设定收费、保证金或押金",
            "示例：申请人应当缴纳5000元保证金。\n修改：引用设定该收费的法律、法规或经批准的收费目录，或删除。"),
    "duty": ("ZZ315", "new-duty", "warning", "规范性文件增加公民、法人和其他组织的义务或限制其权利",
             "示例：全面关停辖区内所有某类市场。\n修改：引用上位法依据，或删除该义务、限制。"),
}


def _measure_rules() -> tuple[RuleInfo, ...]:
    out = []
    for kind, (code, name, severity, title, example) in _MEASURE_DOC.items():
        out.append(RuleInfo(
            code, CHECK_NAME, name, severity, title,
            f"检查什么：逐条查找{title[5:]}的语句，且该语句、该条或文件的制定依据没有指向能够设定此类措施的上位法。\n"
            "为什么：行政规范性文件不得设定行政许可、行政处罚、行政强制等事项，不得违法增加公民、法人和其他组织的义务、"
            "减损其权利（" + _GUIDE + "）。\n"
            f"法律依据：{_MEASURE_BASIS[kind]}。\n"
            f"{example}\n\n设定权（checks/authority/measures.toml）：\n{authority_text(kind)}"))
    return tuple(out)


_MEASURE_BASIS = {
    "penalty": "《中华人民共和国行政处罚法》第十六条",
    "licence": "《中华人民共和国行政许可法》第十七条",
    "coercion": "《中华人民共和国行政强制法》第十条",
    "fee": "《国务院办公厅关于加强行政规范性文件制定和监督管理工作的通知》（国办发〔2018〕37号）；《中华人民共和国立法法》第九十三条",
    "duty": "《中华人民共和国立法法》第九十三条；" + _GUIDE,
}

RULES = (
    RuleInfo("ZZ301", CHECK_NAME, "no-basis-clause", "error", "规范性文件没有载明制定依据",
             "检查什么：被判断为行政规范性文件的文件中，没有“根据《…》…制定本办法”“依据…”“为贯彻落实《…》”等载明制定依据的条款。\n"
             "为什么：规范性文件只能在法律、法规、规章和上级文件的范围内制定，应当载明制定依据，以便审核其合法性。\n"
             "法律依据：" + _GUIDE + "（审核制定主体、权限、依据）。\n"
             "示例：第一条 为加强管理，结合本市实际，制定本办法。\n"
             "修改：写明所依据的法律、法规、规章的名称，例如“根据《中华人民共和国动物防疫法》等法律法规，结合本市实际，制定本办法”。"),
    RuleInfo("ZZ302", CHECK_NAME, "vague-basis", "warning", "制定依据没有写明具体的法律法规名称",
             "检查什么：制定依据条款只写“根据有关法律、法规”“根据国家有关规定”，没有写明任何文件名称。\n"
             "为什么：依据不明确，无法审核文件是否在上位法范围内。\n"
             "法律依据：" + _GUIDE + "。\n"
             "示例：根据有关法律、法规的规定，结合我县实际，制定本办法。\n"
             "修改：写明所依据的法律、法规、规章的名称及条款。"),
    RuleInfo("ZZ303", CHECK_NAME, "policy-only-basis", "warning", "制定依据只有政策性文件，没有法律、法规、规章",
             "检查什么：制定依据只列出通知、意见、方案等政策性文件（可能另有“有关法律法规”等笼统表述），没有写明任何法律、法规、规章。\n"
             "为什么：政策性文件不能为规范公民、法人和其他组织权利义务的规定提供法律依据，也不能为处罚、许可、收费提供依据。\n"
             "法律依据：《中华人民共和国行政处罚法》第十六条；《中华人民共和国行政许可法》第十七条；" + _GUIDE + "。\n"
             "示例：根据《市政府关于加强管理的意见》，制定本办法。（第十条 处1000元罚款）\n"
             "修改：补充所依据的法律、法规、规章，或删除相应措施。"),
    *_measure_rules(),
)
_BY = {r.code: r for r in RULES}
_LEGAL_LEVELS = {"宪法", "法律", "行政法规", "地方性法规", "部门规章", "地方政府规章", "司法解释", "自治条例", "单行条例"}
_LEGAL_GENRE = lazy_regex.compile(r"(?:法|条例|规定|办法|细则|规则|决定)(?:[（(][^）)]*[）)])?$")
_VAGUE_WORDS = lazy_regex.compile(r"有关法律|法律、?法规|国家有关规定|有关规定")


def _is_legal(instrument: dict) -> bool:
    """A law, regulation or rule: by its level in the knowledge base, else by its genre word."""
    if instrument.get("level") in _LEGAL_LEVELS:
        return True
    if instrument.get("level"):
        return False
    return bool(_LEGAL_GENRE.search(instrument.get("title") or ""))


def _finding(code: str, message: str, quote: str, location: Location, basis: str, suggestion: str,
             confidence: str = "high") -> Finding:
    r = _BY[code]
    return Finding(code, CHECK_NAME, r.severity, message, quote, location, basis, suggestion, confidence)


class MissingLegalBasis:
    name = CHECK_NAME
    rules = RULES

    def run(self, ctx: Context) -> Iterable[Finding]:
        a = ctx.analysis
        level = ctx.review_level
        if level == "非规范性文件":
            return
        doc_level = [b for b in a.basis if b.scope == "document"]
        title = ctx.doc.title or "本文件"
        rules = ctx.level_rules
        required = rules.get("basis_clause_required", True)
        guide = _GUIDE if level == "行政规范性文件" else rules.get("basis", _GUIDE)
        if required and not doc_level:
            q, loc = ctx.title_location()
            yield _finding("ZZ301", f"《{title}》没有载明制定依据（未见“根据《…》…制定”等条款）", q, loc,
                           guide, "写明所依据的法律、法规、规章的名称，例如“根据《…》等规定，结合本地实际，制定本办法”")
        elif required and not any(_is_legal(i) for b in doc_level for i in b.instruments):
            b = next((b for b in doc_level if b.instruments), doc_level[0])
            vague = any(b.vague or _VAGUE_WORDS.search(b.text) for b in doc_level)
            if any(b.instruments for b in doc_level):
                yield _finding("ZZ303", "制定依据只列出政策性文件" + ("和“有关法律法规”等笼统表述" if vague else "")
                               + "，没有写明法律、法规、规章", b.text, Location(**b.location), guide,
                               "写明所依据的法律、法规、规章的名称及条款", confidence="medium")
            else:
                yield _finding("ZZ302", "制定依据只写了“有关法律法规”等笼统表述，没有写明具体名称", b.text,
                               Location(**b.location), guide, "写明所依据的法律、法规、规章的名称及条款")
        yield from _measures(ctx, doc_level, level)


def _measures(ctx: Context, doc_level: list, level: str) -> Iterable[Finding]:
    """Measures with no reference to upper law that the basis clause cannot authorise either, and
    that the document's own level may not set (行政处罚法第十条至第十六条 and the like)."""
    levels = {i.get("level") for b in doc_level for i in b.instruments}
    provincial = getattr(ctx.analysis.normative, "provincial", None)
    for m in ctx.analysis.measures:
        table = authority()["measures"][m.kind]
        if m.authorised or m.statutory or levels & set(table["can_authorise"]):
            continue
        if may_set(level, m.kind, m.quote, provincial):
            continue
        code, _, _, title, _ = _MEASURE_DOC[m.kind]
        message, basis = f"{title[5:]}：“{m.quote}”，未见上位法依据", _MEASURE_BASIS[m.kind]
        if level != "行政规范性文件":  # a regulation or rule: say what its own level may set
            message += f"（{level}{table['levels'].get(level, '不得设定')}）"
            basis = table["basis"]
        yield _finding(code, message, m.quote, m.location, basis,
                       "引用设定该措施的上位法条款（如“依照《…》第X条的规定”），或删除该规定",
                       confidence=m.confidence)


CHECK = MissingLegalBasis()
