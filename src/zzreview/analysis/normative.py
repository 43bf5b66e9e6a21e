"""Is the document a normative document (行政规范性文件), and why the tool thinks so.

A normative document binds the public and applies repeatedly. Meeting
notices, commendations, personnel decisions, replies to deputies' proposals,
accident reports and other one-off or internal texts are not; they get no
document-level findings. Configuration (``document-kind``) can force the answer.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

import regex

from zzreview.analysis.kind import document_kind

# (pattern on the title, reason) — each names a class of non-normative text.
_NOT_NORMATIVE = (
    (r"召开[^，。]{0,40}会议?|会议的通知$|举办[^，。]{0,30}(?:培训|会议|活动|比赛|论坛)|培训班", "会议、培训或活动通知"),
    (r"表彰|嘉奖|通报表扬|授予[^，。]{0,30}称号|奖励[^，。]{0,30}的决定|先进(?:集体|个人)|命名[^，。]{0,20}为", "表彰、奖励决定"),
    (r"任免|任职|免职|聘任|组成人员|成员(?:调整|名单)|人员调整|人事", "人事任免或机构组成人员"),
    (r"(?:建议|提案|议案)的?(?:答复|复函)|答复|复函|的函$|批复$", "答复、复函或批复"),
    (r"事故[^，。]{0,20}(?:通报|报告)|调查报告", "事故通报或调查报告"),
    (r"工作要点|工作总结|工作报告|讲话|纪要|请示|的报告$|通报$|公示$", "工作计划、报告、通报、讲话或请示"),
    (r"成立[^，。]{0,30}(?:领导小组|工作小组|工作专班|委员会|指挥部|联席会议)", "机构设置"),
    (r"机关内部|内部管理|机关[^，。]{0,10}(?:考勤|财务)(?:管理)?(?:制度|办法|规定)|公文处理|工作规则|议事规则",
     "机关内部工作制度"),
)
_NOT_NORMATIVE_RE = [(regex.compile(p), why) for p, why in _NOT_NORMATIVE]
_PUBLIC = regex.compile(r"公民|法人|其他组织|单位和个人|市民|居民|经营者|企业|申请人|当事人|群众|村民")


@dataclass
class NormativeDecision:
    is_normative: bool
    kind: str | None
    reasons: list[str] = field(default_factory=list)
    forced: bool = False

    def to_dict(self) -> dict:
        return asdict(self)


def classify_document(doc, structure, config) -> NormativeDecision:
    kind = document_kind(doc.title)
    forced = getattr(config, "document_kind", "auto") if config is not None else "auto"
    if forced == "normative":
        return NormativeDecision(True, kind, ["配置 document-kind = normative"], forced=True)
    if forced == "non-normative":
        return NormativeDecision(False, kind, ["配置 document-kind = non-normative"], forced=True)
    title = doc.title or ""
    for pattern, why in _NOT_NORMATIVE_RE:
        if pattern.search(title):
            return NormativeDecision(False, kind, [f"标题显示为{why}（“{pattern.search(title).group(0)}”）"])
    reasons = []
    if kind:
        reasons.append(f"文种为“{kind}”")
    if structure.articles:
        reasons.append(f"按条文编排（共{len({a.label for a in structure.articles})}条）")
    if _PUBLIC.search(doc.text):
        reasons.append("涉及公民、法人或其他组织的权利义务")
    return NormativeDecision(True, kind, reasons or ["未见非规范性文件的特征"])
