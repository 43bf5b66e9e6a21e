"""Measures a document sets on the public: penalties, licences, compulsory measures, fees, new duties.

Found sentence by sentence (split at 。；). A sentence is a measure only when
it binds the public — not when it lists what agencies must do (各部门要…,
加强执法), describes events, or repeals something. A measure is
``authorised`` when its sentence or its article refers it to upper law
(依照《…》第X条, 依法, 按有关法律法规). Whether the basis clause covers it is
judged by the check (rules/legal_basis.py) with the authority table.
"""

from __future__ import annotations

from zzreview import lazy_regex
from zzreview.analysis.location import locate
from zzreview.model import Location
from zzreview.record import Record
from zzreview.text.triggers import gated

_SENTENCE = lazy_regex.cached_compile(r"[^。；;！？\n]+[。；;！？]?")
_NUMBERING = lazy_regex.cached_compile(r"^[\s（(]*[一二三四五六七八九十\d]+[）)、.．]\s*|^第[一二三四五六七八九十百]+条\s*")
_REPEALING = lazy_regex.cached_compile(r"废止|停止执行|不再执行")
# kind -> pattern, with the words one of which every match holds
PATTERNS = {
    "penalty": gated(
        ("罚款", "没收", "吊销", "暂扣", "责令停产停业", "责令关闭", "行政拘留", "降低资质等级", "限制从业"),
        r"(?:处|并处|予以|给予|可处)[^。；，,]{0,24}?罚款|罚款[0-9０-９一二三四五六七八九十百千万]+元?"
        r"|没收(?:违法所得|非法财物|工具)|吊销[^。；，,]{0,12}(?:执照|许可证|证件|证书)|暂扣[^。；，,]{0,12}(?:执照|许可证|证件)"
        r"|责令停产停业|责令关闭|行政拘留|降低资质等级|限制从业"),
    "licence": gated(
        ("批准", "审批", "许可", "核准", "同意"),
        r"(?:须|必须|应当|应)(?:事先|先行)?(?:经|报经|报请|取得)[^。；，,]{0,20}?(?:批准|审批|许可|核准|同意)"
        r"|未经[^。；，,]{0,20}?(?:批准|许可|审批|核准)"),
    "coercion": gated(
        ("查封", "扣押", "冻结", "强制拆除", "代履行", "加处罚款", "滞纳金", "强制清除"),
        r"查封|扣押|冻结[^。；，,]{0,8}(?:存款|汇款|资金|账户)|强制拆除|代履行|加处罚款|滞纳金|强制清除"),
    "fee": gated(
        ("缴纳", "交纳", "缴存", "交存", "预交", "预存"),
        r"(?:缴纳|交纳|缴存|交存|预交|预存)[^。；，,]{0,15}?(?:费|保证金|押金|风险金|违约金)"),
    "duty": gated(
        ("全面", "一律", "列入", "取消", "限制"),
        r"全面(?:关停|关闭|取缔|停止)|一律(?:关停|关闭|取缔|不予|不得|禁止|拆除)|列入[^。；，,]{0,12}(?:黑名单|失信(?:名单|惩戒对象))"
        r"|取消[^。；，,]{0,15}资格|限制[^。；，,]{0,10}(?:参加|参与|进入)"),
}
# Contributions and duties a law itself imposes: paying them is not a fee or duty the document sets.
_STATUTORY = (
    (lazy_regex.cached_compile(r"社会保险费|(?:基本)?(?:养老|医疗|失业|工伤|生育)保险费?|社会保险"), "《中华人民共和国社会保险法》"),
    (lazy_regex.cached_compile(r"住房公积金"), "《住房公积金管理条例》"),
    (lazy_regex.cached_compile(r"税款?|税费|(?:个人所得|增值|企业所得|消费|印花|契)税"), "税收法律（《中华人民共和国税收征收管理法》等）"),
)
_MEASURE_WORDS = tuple(dict.fromkeys(w for p in PATTERNS.values() for w in p.triggers))
KIND_NAMES = {"penalty": "行政处罚", "licence": "行政许可", "coercion": "行政强制措施", "fee": "收费",
              "duty": "新增义务或限制"}
# Sentences that refer the measure to upper law.
_REFERRED = lazy_regex.cached_compile(
    r"(?:依照|依据|根据|按照|参照|适用)[^。；]{0,30}?(?:《|法律|法规|规章|有关规定|相关规定|规定予以|规定处理|规定执行)"
    r"|依法|由[^。；]{0,20}?依照|(?:法律|法规|规章)(?:另有|有)规定|违反《")
# Sentences about agencies' own work, not duties on the public.
_AGENCY = lazy_regex.cached_compile(
    r"^(?:[\p{Han}、（）()]{0,30}?(?:政府|部门|机关|局|委|办|所|站|中心|队|组|委员会)(?:要|应当|应|须|负责|将|依法|按照|加强)"
    r"|各级|各有关|有关部门|加强|严厉|依法查处|坚决|切实|积极|认真)")
_PUBLIC = lazy_regex.cached_compile(r"^[^，。]{2,40}?的[，,]|单位|个人|公民|法人|组织|经营者|企业|商户|业主|居民|村民|申请人|当事人|从业|市场|用户|车辆|违者|违反")


class Measure(Record):
    """A fine, licence, compulsory measure, fee or duty the text sets, with the sentence that sets it."""

    _fields = ("kind", "text", "quote", "location", "article", "authorised", "reference", "confidence", "statutory")

    def __init__(
        self,
        kind: str,
        text: str,  # the sentence
        quote: str,  # the words that set the measure
        location: Location,
        article: str | None,
        authorised: bool,
        reference: str | None = None,
        confidence: str = "medium",
        statutory: str | None = None,  # why the duty is the law's own, not the document's
    ):
        self.kind = kind
        self.text = text
        self.quote = quote
        self.location = location
        self.article = article
        self.authorised = authorised
        self.reference = reference
        self.confidence = confidence
        self.statutory = statutory

    def to_dict(self) -> dict:
        d = {"kind": self.kind, "kind_name": KIND_NAMES[self.kind], "text": self.text, "quote": self.quote,
             "location": self.location.to_dict(), "authorised": self.authorised, "reference": self.reference}
        if self.statutory:
            d["statutory"] = self.statutory
        return d


def statutory_duty(kind: str, quote: str) -> str | None:
    """Why paying ``quote`` is a duty imposed by law itself (社会保险费, 住房公积金, 税), or None."""
    if kind not in ("fee", "duty"):
        return None
    for pattern, law in _STATUTORY:
        m = pattern.search(quote)
        if m:
            return f"缴纳{m.group(0)}是{law}规定的法定义务，不是本文件设定的收费或义务"
    return None


def _article_blocks(doc, structure) -> dict[str | None, list[int]]:
    out: dict[str | None, list[int]] = {}
    for b in doc.blocks:
        out.setdefault(structure.article_at(b.index), []).append(b.index)
    return out


def _first_measure(sentence: str):
    """(kind, match) of the first kind whose pattern matches the sentence, or None."""
    for kind, pattern in PATTERNS.items():
        m = pattern.search(sentence)
        if m:
            return kind, m
    return None


def _sets_on_public(sentence: str) -> bool:
    """The sentence binds the public: not an agency's own work, names the public, repeals nothing."""
    body = _NUMBERING.sub("", sentence)
    return not _AGENCY.search(body) and bool(_PUBLIC.search(sentence)) and not _REPEALING.search(sentence)


def extract_measures(doc, analysis) -> list[Measure]:

    text = doc.text
    words = tuple(w for w in _MEASURE_WORDS if w in text)  # a sentence without one sets no measure
    if not words:
        return []
    structure = analysis.structure
    by_article: dict[str | None, list[int]] | None = None  # built when a measure needs it
    cited_blocks: set[int] | None = None
    out: list[Measure] = []
    refers: dict[str, bool] = {}  # per article, computed once (linear in the article's length)
    for b in doc.blocks:
        if b.index == doc.title_block or not any(w in b.text for w in words):
            continue
        for sm in _SENTENCE.finditer(b.text):
            sentence = sm.group(0)
            if not any(w in sentence for w in words):
                continue
            # the kind's pattern (gated by its words) first: it rules out most sentences at once
            found = _first_measure(sentence)
            if found is None or not _sets_on_public(sentence):
                continue
            kind, m = found
            article = structure.article_at(b.index)
            if article is not None and article not in refers:
                if by_article is None:
                    by_article = _article_blocks(doc, structure)
                    cited_blocks = {rc.citation.block for rc in analysis.citations
                                    if not rc.citation.repeal_context}
                refers[article] = any(i in cited_blocks and _REFERRED.search(doc.blocks[i].text)
                                      for i in by_article.get(article, []))
            article_refers = article is not None and refers[article]
            ref = _REFERRED.search(sentence)
            authorised = bool(ref) or article_refers
            out.append(Measure(
                kind=kind, text=sentence.strip(), quote=m.group(0),
                location=locate(doc, structure, b.index, sm.start() + m.start()), article=article,
                authorised=authorised, reference=ref.group(0) if ref else None,
                confidence="high" if kind != "duty" else "medium", statutory=statutory_duty(kind, m.group(0))))
    return out
