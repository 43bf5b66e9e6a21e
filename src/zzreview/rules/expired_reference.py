"""expired-reference: citations of instruments that are repealed, replaced or run out.

Codes:
  ZZ201 repealed-instrument   the cited instrument was repealed or replaced by the review date
  ZZ202 article-not-found     the cited article number is beyond the instrument's last article
  ZZ203 plan-period-ended     a plan or programme whose title carries a period that has ended
  ZZ204 outdated-version      a version note names a version that a later one has replaced
  ZZ205 revised-since-issue   (documents already issued) a cited instrument was revised after the
                              document's own date: its article numbers may have moved (info;
                              family revised-since-issue)
  ZZ206 unconfirmed-repeal    the repeal is known only from a report (medium confidence): verify
                              (warning; family unconfirmed-repeal)

ZZ205 and ZZ206 have their own family names: they are not "expired references" as labelled.
"""

from __future__ import annotations

from collections.abc import Iterable

from zzreview.analysis.facts import ResolvedCitation, document_year
from zzreview.model import Finding, RuleInfo
from zzreview.rules.base import Context
from zzreview.text.kind import is_draft
from zzreview.text.triggers import gated

CHECK_NAME = "expired-reference"
REVISED_CHECK = "revised-since-issue"  # not an expired reference: a reminder for documents in force
UNCONFIRMED_CHECK = "unconfirmed-repeal"  # a reported repeal to verify before it is called expired

_REFERENCE_RULE = ("《国务院办公厅关于加强行政规范性文件制定和监督管理工作的通知》（国办发〔2018〕37号）；"
                   "《国务院办公厅关于全面推行行政规范性文件合法性审核机制的指导意见》（国办发〔2018〕115号）")

RULES = (
    RuleInfo("ZZ201", CHECK_NAME, "repealed-instrument", "error",
             "引用的法律、法规或文件已废止或被替代",
             "检查什么：草案引用的《…》在审查日已被废止、被新法替代。\n"
             "为什么：规范性文件应当以现行有效的法律、法规、规章为依据；引用已失效的文件，"
             "制定依据即不成立，内容可能与现行规定冲突（国办发〔2018〕115号 审核内容第三项）。\n"
             "法律依据：替代法的废止条款，例如《中华人民共和国民法典》第一千二百六十条。\n"
             "示例：根据《中华人民共和国合同法》……制定本办法。\n"
             "修改：改为引用替代法相应条款，例如《中华人民共和国民法典》。"),
    RuleInfo("ZZ202", CHECK_NAME, "article-not-found", "warning",
             "引用的条文序号超出该法律法规的最后一条",
             "检查什么：《…》第X条中的条号大于该法律法规现行文本的最后一条。\n"
             "为什么：条文不存在，多因法律修订后条文重新编号而沿用旧条号。\n"
             "法律依据：被引用法律法规的现行文本；《立法法》关于法律修改后重新公布文本的规定。\n"
             "示例：依照《中华人民共和国行政处罚法》第九十条（该法共八十六条）。\n"
             "修改：核对现行文本，改为正确的条文序号。"),
    RuleInfo("ZZ203", CHECK_NAME, "plan-period-ended", "warning",
             "引用的规划、纲要等文件的实施期限已届满",
             "检查什么：标题带有实施期间（如“（2016—2020年）”）且该期间已经结束的规划、纲要、方案。\n"
             "为什么：期限届满的规划一般已被新一期规划取代，不宜继续作为依据。\n"
             "法律依据：" + _REFERENCE_RULE + "。\n"
             "示例：根据《法治政府建设实施纲要（2015—2020年）》……\n"
             "修改：改为引用现行一期的规划或纲要，例如《法治政府建设实施纲要（2021—2025年）》。"),
    RuleInfo("ZZ204", CHECK_NAME, "outdated-version", "warning",
             "引用了已被后续修订替代的旧版本",
             "检查什么：引用时注明的版本（如“（2015年修正）”）已被更新的版本取代。\n"
             "为什么：旧版本的条文内容和序号可能已经改变。\n"
             "法律依据：被引用法律法规的现行文本。\n"
             "示例：《中华人民共和国食品安全法（2015年修订）》第三十五条。\n"
             "修改：删去版本注记或改为现行版本，并核对条文序号。"),
    RuleInfo("ZZ205", REVISED_CHECK, "revised-since-issue", "info",
             "已印发的文件所引法律法规在文件印发后又经修改",
             "检查什么：审查已经印发施行的文件（落款日期早于审查日，且不是征求意见稿、草案）时，"
             "所引用的法律、法规或文件在该文件印发之后又经修正、修订。草案不检查。\n"
             "为什么：法律修改后条文常常重新编号、内容改变，文件中“依照《…》第X条”可能指向已经变化的条文；"
             "文件清理、评估时应当逐条核对（国办发〔2018〕37号 关于定期清理规范性文件的要求）。\n"
             "法律依据：被引用法律法规的现行文本；" + _REFERENCE_RULE + "。\n"
             "示例：2012年印发的文件引用《中华人民共和国行政处罚法》第五十一条，该法已于2017年修正、2021年修订。\n"
             "修改：逐条核对所引条文在现行文本中的序号和内容，必要时修改或清理该文件。"),
    RuleInfo("ZZ206", UNCONFIRMED_CHECK, "unconfirmed-repeal", "warning",
             "引用的法律法规据报道已被废止或替代，尚待核实",
             "检查什么：知识库中该文件的废止或替代只见于公开报道（可信度“中”，例如废止日期由新法施行日推定、"
             "未见废止条款原文），不足以直接认定为已废止。\n"
             "为什么：规范性文件应当以现行有效的依据为基础；依据是否仍然有效需要对照正式文本核实"
             "（国办发〔2018〕115号 审核内容第三项）。\n"
             "法律依据：替代该文件的新法的正式文本。\n"
             "示例：根据《中华人民共和国环境保护法》……（据报道已编入《中华人民共和国生态环境法典》）。\n"
             "修改：对照替代文件的正式文本核实；确已废止的，改为引用替代文件相应条款。"),
)
_BY_CODE = {r.code: r for r in RULES}

# gated on 年 and 五 (every match holds one): most cited titles hold neither
_PERIOD = gated("年", r"(?<!\d)((?:19|20)\d{2})\s*年?\s*[—\-－–~～至到]+\s*((?:19|20)\d{2})\s*年")
# A national five-year period named by number: “十四五”, 第十四个五年. Only 十一五 and later: below
# that the 普法 plans use the same words for other years (八五普法 is 2021—2025).
_FIVE_YEAR = gated("五", r"十([一二三四五六七八九])五|第十([一二三四五六七八九])个五年")
_DIGITS = "一二三四五六七八九"


def _title_period(title: str) -> tuple[int, int] | None:
    """(first year, last year) a title's period covers: （2016—2020年）, or “十三五” (2016—2020)."""
    m = _PERIOD.search(title)
    if m:
        return int(m.group(1)), int(m.group(2))
    m = _FIVE_YEAR.search(title)
    if m:
        n = 10 + _DIGITS.index(m.group(1) or m.group(2)) + 1
        start = 1966 + 5 * (n - 3)  # the third plan began in 1966; each lasts five years since
        return start, start + 4
    return None


def _finding(code: str, ctx: Context, rc: ResolvedCitation, message: str, basis: str,
             suggestion: str, confidence: str = "high", quote: str | None = None) -> Finding:
    rule = _BY_CODE[code]
    return Finding(code=code, check=rule.check, severity=rule.severity, message=message,
                   quote=quote or rc.citation.as_written, location=rc.location, basis=basis,
                   suggestion=suggestion, confidence=confidence)


def _repealed(ctx: Context, rc: ResolvedCitation, count: int) -> Finding:
    res = rc.resolution
    name = f"《{res.title}》" if res.title else rc.citation.as_written
    if res.matched_by == "fuzzy":  # a near-miss title: say which instrument it is taken to be
        name = f"{rc.citation.as_written}与知识库标题不完全一致，疑为{name}"
    if res.valid_until:
        msg = f"引用的{name}有效期至{res.valid_until}，已失效"
    else:
        when = f"{res.repeal_date}（推定日期）" if res.repeal_date_approx else res.repeal_date
        msg = f"引用的{name}已于{when}废止" if res.repeal_date else f"引用的{name}已废止"
    if res.successor:
        msg += f"，由《{res.successor}》替代"
    if count > 1:
        msg += f"（文中共引用{count}处）"
    if res.verified == "UNVERIFIED":
        msg += "；知识库中该废止信息未经原文核实，请复核"
    unverified = res.verified == "UNVERIFIED" or res.matched_by == "fuzzy"
    if res.confidence == "medium":  # known from a report only: a warning to verify, not an error
        msg = msg.replace("引用的", "据公开报道，引用的", 1) + "；尚未见废止条款原文，请对照正式文本核实"
        basis = res.repeal_basis or (f"《{res.successor}》的正式文本" if res.successor else "废止该文件的决定")
        return _finding("ZZ206", ctx, rc, msg, basis, "核实后改为引用替代文件相应条款" if res.successor
                        else "核实该文件是否仍然有效", confidence="medium")
    basis = res.repeal_basis or (f"《{res.successor}》的废止条款" if res.successor else "废止该文件的决定")
    suggestion = (f"改为引用《{res.successor}》相应条款" if res.successor
                  else "删除该引用，或改为引用现行有效的依据")
    return _finding("ZZ201", ctx, rc, msg, basis, suggestion,
                    confidence="medium" if unverified else "high")


def _missing_articles(ctx: Context, rc: ResolvedCitation) -> Iterable[Finding]:
    res = rc.resolution
    if not res.max_article:
        return
    year = document_year(ctx.doc)
    if year and res.effective_date and not res.cited_version and year < int(res.effective_date[:4]):
        return  # written under an earlier version, whose article count the knowledge base does not hold
    for label, number in zip(rc.citation.articles, rc.citation.article_numbers):
        if number > res.max_article:
            msg = f"《{res.title}》共{res.max_article}条，引用的{label}不存在"
            confidence = "high"
            if res.truncated:
                msg += "（知识库所录文本可能不完整，请对照正式文本核实）"
                confidence = "low"
            yield _finding("ZZ202", ctx, rc, msg,
                           f"《{res.title}》现行文本（最后一条为第{res.max_article}条）",
                           "核对现行文本，改为正确的条文序号；法律修订后条文可能已重新编号",
                           confidence=confidence, quote=rc.citation.as_written)


def _plan_ran_out(ctx: Context, rc: ResolvedCitation, count: int) -> Finding:
    """A plan the knowledge base knows to have run out: its last day and its successor, if any."""
    res = rc.resolution
    msg = f"引用的《{res.title}》实施期限至{res.valid_until}，已届满"
    msg += f"，已由《{res.successor}》接续" if res.successor else "，知识库中没有接续的新一期文件"
    if count > 1:
        msg += f"（文中共引用{count}处）"
    suggestion = (f"改为引用《{res.successor}》" if res.successor
                  else "删除该引用，或改为引用现行有效的依据")
    return _finding("ZZ203", ctx, rc, msg, _REFERENCE_RULE + "：规范性文件应当以现行有效的依据为基础",
                    suggestion, confidence="medium" if res.confidence == "medium" else "high")


def _period_ended(ctx: Context, rc: ResolvedCitation) -> Finding | None:
    period = _title_period(rc.citation.title)
    if not period:
        return None
    start, end = period
    if not (start <= end < ctx.as_of.year):
        return None
    return _finding("ZZ203", ctx, rc,
                    f"引用的{rc.citation.as_written}实施期限至{end}年底，已届满",
                    _REFERENCE_RULE + "：规范性文件应当以现行有效的依据为基础",
                    "改为引用现行一期的规划、纲要或方案", confidence="medium")


def _outdated_version(ctx: Context, rc: ResolvedCitation) -> Finding | None:
    res = rc.resolution
    if res.status != "已修改" or not rc.citation.version_note:
        return None
    latest = res.versions[-1].label if res.versions else "最新版本"
    return _finding("ZZ204", ctx, rc,
                    f"引用的是《{res.title}》（{rc.citation.version_note}），"
                    f"{'该法' if res.kind == 'law' else '该文件'}已有更新版本（{latest}）",
                    f"《{res.title}》现行文本", "改为引用现行版本并核对条文序号",
                    confidence="medium")




def _revised_since_issue(ctx: Context, rc: ResolvedCitation) -> Finding | None:
    """For a document already issued: the revisions of a cited instrument made after its own date."""
    own, day = ctx.doc.date, ctx.as_of.isoformat()
    res = rc.resolution
    if (not own or own >= day or is_draft(ctx.doc.title) or res.status != "有效"
            or rc.citation.version_note or not res.versions or res.versions[0].start() > own):
        return None
    later = [v for v in res.versions if (v.publish_date or v.start()) > own and v.start() <= day]
    if not later:
        return None
    revisions = "、".join(f"{v.label}（{v.publish_date or v.start()}）" for v in later)
    msg = (f"本文件印发（{own}）后，《{res.title}》又经{len(later)}次修改：{revisions}；"
           "所引条文的序号和内容可能已经变化")
    cited = "、".join(dict.fromkeys(rc.citation.articles))
    suggestion = "逐条核对所引条文在现行文本中的序号和内容" + (f"（本文引用{cited}）" if cited else "")
    confidence = "medium" if any(v.confidence == "medium" for v in later) else "high"
    return _finding("ZZ205", ctx, rc, msg, f"《{res.title}》现行文本（{later[-1].label}）", suggestion,
                    confidence=confidence)


class ExpiredReference:
    name = CHECK_NAME
    rules = RULES

    def run(self, ctx: Context) -> Iterable[Finding]:
        seen: set = set()
        counts: dict[str, int] = {}
        for rc in ctx.analysis.citations:
            key = rc.resolution.title or rc.citation.title
            counts[key] = counts.get(key, 0) + 1
        for rc in ctx.analysis.citations:
            c, res = rc.citation, rc.resolution
            if c.repeal_context or res.ambiguous:
                continue  # repealing an old act is the right thing to do
            key = res.title or c.title
            if res.status == "已废止":
                if key not in seen:
                    seen.add(key)
                    ran_out = res.valid_until and res.kind == "plan"
                    yield _plan_ran_out(ctx, rc, counts[key]) if ran_out else _repealed(ctx, rc, counts[key])
                continue
            f = _period_ended(ctx, rc)
            if f and key not in seen:
                seen.add(key)
                yield f
                continue
            if res.known:
                yield from _missing_articles(ctx, rc)
                f = _outdated_version(ctx, rc)
                if f:
                    yield f
                f = _revised_since_issue(ctx, rc)
                if f and ("revised", key) not in seen:
                    seen.add(("revised", key))
                    yield f


CHECK = ExpiredReference()
