"""The 合法性审核意见书 draft: one model built from a reviewed document, rendered as Markdown here
and as .docx in opinion_docx.py (same content).

Sections: title and header lines; 一、基本情况; 二、引用法律法规情况 (a table of every cited
instrument); 三、审核发现的问题 (numbered, grouped by category); 四、审核结论 (a suggestion for the
reviewer to confirm); a footer recording the tool, knowledge base, review date, the input's
SHA-256, and an empty signature line. Facts that an analysis step did not produce are rendered
as "not identified"; the renderer never decides anything the checks did not find.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from zzreview import __version__
from zzreview.model import SEVERITY_ZH, Finding, Location

if TYPE_CHECKING:  # pragma: no cover
    from zzreview.engine import DocumentResult, RunResult

# --------------------------------------------------------------------------- categories
# Findings are grouped by their check family. A family not listed here still appears: by the
# category of its code's hundreds (ZZ1xx …), else under its own name in 其他问题.
CATEGORY_ORDER = ("制定依据", "权限与措施", "引用失效", "证明事项", "公平竞争", "形式与程序",
                  "其他问题", "审核记录")
CATEGORY_OF_CHECK = {
    "missing-legal-basis": "制定依据",
    "expired-reference": "引用失效",
    "unlisted-certification": "证明事项",
    "certification-demand": "证明事项",
    "no-validity-period": "形式与程序",
    "validity-period": "形式与程序",
    "no-effective-date": "形式与程序",
    "effective-date": "形式与程序",
    "document-form": "形式与程序",
    "outdated-agency-name": "形式与程序",
    "fair-competition": "公平竞争",
    "suppression": "审核记录",
    "decision": "审核记录",
}
# missing-legal-basis also judges each measure a document sets (fines, licences, fees …):
# findings about a measure go under 权限与措施, the basis clause itself under 制定依据.
_MEASURE_WORDS = ("measure", "penalt", "fine", "licen", "permit", "compulsory", "coerc", "fee",
                  "charge", "duty", "duties", "restrict", "authority", "power")
CATEGORY_OF_PREFIX = {"ZZ0": "审核记录", "ZZ2": "引用失效", "ZZ3": "制定依据", "ZZ4": "证明事项",
                      "ZZ5": "形式与程序", "ZZ6": "公平竞争", "ZZ7": "形式与程序", "ZZ8": "形式与程序"}
# categories that, with several errors, suggest the document should not be issued as it stands
AUTHORITY_CATEGORIES = ("制定依据", "权限与措施")
NOT_ISSUE_THRESHOLD = 3

ZH_NUM = "一二三四五六七八九十"

CITATION_COLUMNS = ("序号", "引用原文", "规范名称（知识库）", "效力级别", "审查日状态", "替代法", "引用条款", "位置")
UNKNOWN_STATUS = "未知"


def category_of(f: Finding, rule_name: str | None = None) -> str:
    if f.check == "missing-legal-basis":
        key = " ".join(filter(None, (rule_name, f.code))).lower()
        measure = f.extra.get("measure") or f.extra.get("measure_kind")
        if measure or any(w in key for w in _MEASURE_WORDS):
            return "权限与措施"
    if f.check in CATEGORY_OF_CHECK:
        return CATEGORY_OF_CHECK[f.check]
    return CATEGORY_OF_PREFIX.get(f.code[:3].upper(), "其他问题") if f.code.upper().startswith("ZZ") else "其他问题"


def zh_number(n: int) -> str:
    if n <= 10:
        return ZH_NUM[n - 1]
    if n < 20:
        return "十" + ZH_NUM[n - 11]
    tens, ones = divmod(n, 10)
    return ZH_NUM[tens - 1] + "十" + (ZH_NUM[ones - 1] if ones else "")


# --------------------------------------------------------------------------- model
@dataclass
class Problem:
    number: int
    code: str
    severity: str
    confidence: str
    heading: str
    location: str
    quote: str
    message: str
    basis: str
    suggestion: str


@dataclass
class Category:
    label: str  # （一）引用失效
    name: str
    problems: list[Problem]


@dataclass
class Opinion:
    title: str
    meta: list[tuple[str, str]]
    basic: list[str]
    citation_rows: list[list[str]]
    citations_note: list[str]
    categories: list[Category]
    problems_note: list[str]
    conclusion: list[str]
    footer: list[tuple[str, str]]
    citation_columns: tuple[str, ...] = CITATION_COLUMNS
    signature: tuple[str, str] = ("审核人（签字）：", "日期：      年    月    日")
    headings: tuple[str, ...] = field(default=("一、基本情况", "二、引用法律法规情况", "三、审核发现的问题",
                                               "四、审核结论"))


# --------------------------------------------------------------------------- helpers
def _plain(obj):
    if obj is None or isinstance(obj, (dict, list, str, int, float, bool)):
        return obj
    to_dict = getattr(obj, "to_dict", None)
    return to_dict() if callable(to_dict) else None


def _zh_date(iso: str | None) -> str | None:
    if not iso:
        return None
    try:
        y, m, d = (int(x) for x in str(iso)[:10].split("-"))
        return f"{y}年{m}月{d}日"
    except ValueError:
        return str(iso)


def where(r: DocumentResult, loc: Location | dict | None) -> str:
    """第四条（第5段） for docx, 第四条（第5行） for Markdown/text, 第四条（第2页第5行） for PDF;
    the article alone if no line."""
    if loc is None:
        return ""
    if isinstance(loc, dict):
        article, line, page = loc.get("article"), loc.get("line"), loc.get("page")
    else:
        article, line, page = loc.article, loc.line, loc.page
    unit = "段" if r.document is not None and r.document.format == "docx" else "行"
    place = f"第{line}{unit}" if line else ""
    if page and place:
        place = f"第{page}页{place}"
    if article and place:
        return f"{article}（{place}）"
    return article or place


def sha256_of(path: str | Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _article_count(r: DocumentResult) -> int:
    a = r.analysis
    if a is None or a.structure is None:
        return 0
    return len({(x.number, x.sub) for x in a.structure.articles})


def _chapter_count(r: DocumentResult) -> int:
    from zzreview.analysis.structure import CHAPTER_HEAD

    doc = r.document
    return sum(1 for b in doc.blocks if b.index != doc.title_block and CHAPTER_HEAD.match(b.text)) if doc else 0


# --------------------------------------------------------------------------- 一、基本情况
def _normative_sentence(r: DocumentResult) -> str:
    d = _plain(r.analysis.normative) if r.analysis else None
    if not isinstance(d, dict):
        return "是否属于行政规范性文件：工具未作判断，请审核人员确认。"
    value = next((d[k] for k in ("is_normative", "normative") if isinstance(d.get(k), bool)), None)
    reasons = d.get("reasons") or d.get("reason") or d.get("why")
    if isinstance(reasons, list):
        reasons = "；".join(str(x) for x in reasons if x)
    forced = " （按配置认定）" if d.get("forced") or d.get("source") == "config" else ""
    level = d.get("level")
    if level and level not in ("行政规范性文件", "非规范性文件"):
        text = f"经初步判断，该文件属于{level}{forced}，不属于行政规范性文件，按{level}的设定权和形式要求审查"
        return text + (f"（判断理由：{reasons}）" if reasons else "") + "。"
    if value is None:
        text = "是否属于行政规范性文件：工具未作判断，请审核人员确认"
    elif value:
        text = f"经初步判断，该文件属于行政规范性文件{forced}"
    else:
        text = f"经初步判断，该文件不属于行政规范性文件{forced}，以下形式要求仅供参考"
    if reasons:
        text += f"（判断理由：{reasons}）"
    return text + "。"


def _basis_sentence(r: DocumentResult) -> str:
    items = [_plain(b) for b in (r.analysis.basis if r.analysis else []) or []]
    items = [b for b in items if isinstance(b, dict) and b.get("text")]
    items = [b for b in items if b.get("scope") == "document"] or items  # the document's own basis first
    if not items:
        return "制定依据：未识别到载明制定依据的条款，请审核人员核对。"
    parts = []
    for b in items:
        loc = where(r, b.get("location"))
        parts.append(f"{loc}载明“{b['text']}”" if loc else f"“{b['text']}”")
    return "制定依据：" + "；".join(parts) + "。"


def _dates_sentence(r: DocumentResult) -> str:
    d = _plain(r.analysis.dates) if r.analysis else None
    d = d if isinstance(d, dict) else {}
    effective = _zh_date(d.get("effective_date"))
    validity = d.get("validity")
    parts = [f"施行日期：{effective}" if effective else "施行日期：未识别到"]
    if isinstance(validity, dict) and (validity.get("text") or validity.get("until")):
        v = validity.get("text") or ""
        until = _zh_date(validity.get("until"))
        parts.append(f"有效期：{v}" + (f"（至{until}）" if until else "") if v else f"有效期：至{until}")
    elif isinstance(validity, str) and validity:
        parts.append(f"有效期：{validity}")
    else:
        parts.append("有效期：未识别到")
    return "；".join(parts) + "。"


_LISTED = {True: "在清单内", False: "不在清单内", None: "未对照清单"}


def _certifications_sentence(r: DocumentResult) -> str | None:
    items = [_plain(c) for c in (r.analysis.certifications if r.analysis else []) or []]
    items = [c for c in items if isinstance(c, dict)]
    if not items:
        return None
    parts = []
    for c in items:
        name = c.get("name") or c.get("text") or ""
        issuer = c.get("issuer")
        status = c.get("status") if isinstance(c.get("status"), str) else _LISTED.get(c.get("listed"), "未对照清单")
        places = [where(r, x) for x in (c.get("locations") or [c.get("location")])]
        loc = "、".join(dict.fromkeys(p for p in places if p))  # every place the draft demands it
        if len(places) > 1:
            loc = f"共{len(places)}处：{loc}"
        detail = "，".join(x for x in (f"出具单位：{issuer}" if issuer else "", loc, status) if x)
        parts.append(f"{name}（{detail}）")
    return f"草案要求提供的证明材料{len(items)}项：" + "；".join(parts) + "。"


def _measures_sentence(r: DocumentResult) -> str | None:
    items = [_plain(m) for m in (r.analysis.measures if r.analysis else []) or []]
    items = [m for m in items if isinstance(m, dict)]
    if not items:
        return None
    groups: dict[str, list[str]] = {}
    for m in items:
        kind = str(m.get("kind_zh") or m.get("kind_name") or m.get("label") or m.get("kind") or "措施")
        loc = m.get("location") or {}
        groups.setdefault(kind, []).append(loc.get("article") or where(r, loc))
    parts = []
    for kind, places in groups.items():
        uniq = list(dict.fromkeys(p for p in places if p))
        parts.append(f"{kind}{len(places)}处" + (f"（{'、'.join(uniq)}）" if uniq else ""))
    return "草案涉及设定权利义务的措施：" + "；".join(parts) + "。"


def _basic(r: DocumentResult, run: RunResult, findings: list[Finding]) -> list[str]:
    doc = r.document
    title = doc.title or Path(r.path).stem
    facts = []
    if r.kind:
        facts.append(f"文种为“{r.kind}”")
    if doc.issuer:
        facts.append(f"制定机关（起草单位）为{doc.issuer}")
    if doc.doc_number:
        facts.append(f"文号为{doc.doc_number}")
    n_articles, n_chapters = _article_count(r), _chapter_count(r)
    if n_articles:
        facts.append(f"共{f'{n_chapters}章' if n_chapters else ''}{n_articles}条")
    else:
        facts.append("正文未按条文编排")
    if doc.date:
        facts.append(f"落款日期为{_zh_date(doc.date)}")
    paragraphs = [f"《{title}》（以下简称《草案》）" + "，".join(facts) + "。", _normative_sentence(r),
                  _basis_sentence(r), _dates_sentence(r)]
    for extra in (_measures_sentence(r), _certifications_sentence(r)):
        if extra:
            paragraphs.append(extra)
    counts = {s: sum(1 for f in findings if f.severity == s) for s in ("error", "warning", "info")}
    if findings:
        paragraphs.append(f"经对照审查基准日（{_zh_date(run.as_of.isoformat())}）有效的法律法规，工具共发现问题"
                          f"{len(findings)}处，其中错误{counts['error']}处、警告{counts['warning']}处、"
                          f"提示{counts['info']}处，详见第三部分。")
    else:
        paragraphs.append(f"经对照审查基准日（{_zh_date(run.as_of.isoformat())}）有效的法律法规，工具未发现问题。")
    return paragraphs


# --------------------------------------------------------------------------- 二、引用法律法规情况
def _citation_rows(r: DocumentResult) -> list[list[str]]:
    """One row per cited instrument (uses of a defined short name join their full title)."""
    groups: dict[tuple, dict] = {}
    for rc in (r.analysis.citations if r.analysis else []) or []:
        c, res = rc.citation, rc.resolution
        title = getattr(res, "title", None) or c.title
        key = (title, getattr(res, "status", None), c.version_note if not c.short_name_of else None)
        if c.short_name_of:
            key = next((k for k in groups if k[0] == title), key)
        g = groups.setdefault(key, {"written": [], "articles": [], "places": [], "res": res, "c": c})
        if c.as_written not in g["written"] and not c.short_name_of:
            g["written"].append(c.as_written)
        g["articles"].extend(a for a in c.articles if a not in g["articles"])
        place = rc.location.article or where(r, rc.location)
        if place and place not in g["places"]:
            g["places"].append(place)
    rows = []
    for i, ((title, status, _), g) in enumerate(groups.items(), 1):
        res, c = g["res"], g["c"]
        known = getattr(res, "known", bool(getattr(res, "title", None)))
        status = status or UNKNOWN_STATUS
        if status == "已废止" and getattr(res, "repeal_date", None):
            status = f"已废止（{_zh_date(res.repeal_date)}）"
        if not known:
            status = f"{UNKNOWN_STATUS}（知识库未收录，请人工核实）"
        if getattr(c, "repeal_context", False):
            status += "；草案拟予废止"
        successor = getattr(res, "successor", None)
        rows.append([
            str(i),
            "、".join(g["written"]) or c.as_written,
            f"《{res.title}》" if known and getattr(res, "title", None) else "—",
            getattr(res, "level", None) or "—",
            status,
            f"《{successor}》" if successor else "—",
            "、".join(g["articles"]) or "—",
            "、".join(g["places"]) or "—",
        ])
    return rows


# --------------------------------------------------------------------------- 三、审核发现的问题
def _categories(r: DocumentResult, findings: list[Finding], rule_titles: dict[str, str],
                rule_names: dict[str, str]) -> list[Category]:
    grouped: dict[str, list[Finding]] = {}
    for f in findings:
        grouped.setdefault(category_of(f, rule_names.get(f.code)), []).append(f)
    order = [c for c in CATEGORY_ORDER if c in grouped] + [c for c in grouped if c not in CATEGORY_ORDER]
    out, n = [], 0
    for i, name in enumerate(order, 1):
        problems = []
        for f in grouped[name]:
            n += 1
            problems.append(Problem(
                number=n, code=f.code, severity=f.severity, confidence=f.confidence,
                heading=rule_titles.get(f.code) or f.message, location=where(r, f.location) or "全文",
                quote=f.quote, message=f.message, basis=f.basis, suggestion=f.suggestion))
        out.append(Category(f"（{zh_number(i)}）{name}", name, problems))
    return out


def _problems_note(r: DocumentResult, findings: list[Finding]) -> list[str]:
    notes = []
    if not findings:
        notes.append("工具未发现问题。工具只能发现其规则覆盖的问题，审核人员仍应全面审核。")
    if r.accepted:
        items = "；".join(f"{f.code}“{f.quote}”（{d.reason}）" for f, d in r.accepted)
        notes.append(f"另有{len(r.accepted)}处问题已按记录的审核决定接受，不再列出：{items}。")
    return notes


# --------------------------------------------------------------------------- 四、审核结论
def _conclusion(categories: list[Category]) -> list[str]:
    problems = [p for c in categories if c.name != "审核记录" for p in c.problems]
    errors = [p for p in problems if p.severity == "error"]
    warnings = [p for p in problems if p.severity == "warning"]
    authority_errors = [p for c in categories if c.name in AUTHORITY_CATEGORIES
                        for p in c.problems if p.severity == "error"]
    nums = lambda ps: "、".join(str(p.number) for p in ps)  # noqa: E731
    if len(authority_errors) >= NOT_ISSUE_THRESHOLD:
        text = ("建议不予出台，或对相关内容作重大修改后重新送审。草案多处设定的内容缺乏上位法依据"
                f"（第三部分第{nums(authority_errors)}项），规范性文件不得设定此类事项。")
    elif errors or warnings:
        text = "建议修改后按程序提请审议。"
        if errors:
            text += f"第三部分第{nums(errors)}项问题应当修改"
            text += "；" if warnings else "。"
        if warnings:
            text += f"第{nums(warnings)}项问题请起草单位核实并视情修改。"
    else:
        text = "未发现明显合法性问题，建议按程序提请审议。"
        if problems:
            text += f"第三部分第{nums(problems)}项为提示事项，供起草单位参考。"
    return [text, "（以上审核结论为工具根据审核发现的问题生成的建议，须由审核人员结合全部送审材料审核确认。）"]


# --------------------------------------------------------------------------- build
def _kb_line(run: RunResult) -> str:
    kb = run.kb
    version = getattr(kb, "version", None) or "未知"
    info = {}
    try:
        info = kb.info() or {}
    except Exception:  # an older or partial knowledge base: record what is known
        info = {}
    built = info.get("built") or info.get("date")
    source = getattr(kb, "source", None) or info.get("source")
    laws = None
    try:
        laws = kb.counts().get("laws")
    except Exception:
        pass
    extra = "，".join(x for x in (f"数据日期 {built}" if built else "", f"来源 {source}" if source else "",
                                  f"收录 {laws} 部" if laws else "") if x)
    return f"{version}（{extra}）" if extra else str(version)


def build_opinion(r: DocumentResult, run: RunResult, input_sha256: str | None = None,
                  plugin_paths: tuple = ()) -> Opinion:
    from zzreview.rules.registry import all_rules

    if r.document is None:
        raise ValueError("document was not read")
    rules = all_rules(tuple(plugin_paths))
    titles = {x.code: x.title for x in rules}
    names = {x.code: x.name for x in rules}
    doc = r.document
    title = doc.title or Path(r.path).stem
    findings = list(r.findings)
    categories = _categories(r, findings, titles, names)
    meta = [("送审单位", doc.issuer or "（待填写）")]
    if doc.doc_number:
        meta.append(("文号", doc.doc_number))
    meta.append(("审核日期", _zh_date(run.as_of.isoformat())))
    rows = _citation_rows(r)
    note = [] if rows else ["草案未引用法律、法规、规章或其他文件。"]
    if rows and any(row[4].startswith(UNKNOWN_STATUS) for row in rows):
        note.append("状态为“未知”的，表示知识库未收录该文件，不表示该文件不存在，请人工核实。")
    digest = input_sha256 or (sha256_of(r.path) if Path(r.path).is_file() else "未知")
    footer = [
        ("生成工具", f"zzreview {__version__}"),
        ("知识库", _kb_line(run)),
        ("审查基准日", run.as_of.isoformat()),
        ("送审文件", Path(r.path).name),
        ("文件 SHA-256", digest),
    ]
    return Opinion(
        title=f"关于《{title}》的合法性审核意见（草稿）",
        meta=meta,
        basic=_basic(r, run, findings),
        citation_rows=rows,
        citations_note=note,
        categories=categories,
        problems_note=_problems_note(r, findings),
        conclusion=_conclusion(categories),
        footer=footer,
    )


# --------------------------------------------------------------------------- Markdown
def _cell(s: str) -> str:
    return s.replace("|", "\\|").replace("\n", "<br>")


def problem_lines(p: Problem) -> list[tuple[str, str]]:
    """The labelled lines of one problem, shared by both renderers."""
    level = f"{SEVERITY_ZH.get(p.severity, p.severity)}，{p.code}"
    if p.confidence != "high":
        level += "，" + {"medium": "置信度中", "low": "置信度低"}.get(p.confidence, p.confidence)
    lines = [("位置", p.location), ("原文", f"“{p.quote}”"), ("问题", f"{p.message}（{level}）"),
             ("依据", p.basis or "—")]
    if p.suggestion:
        lines.append(("修改建议", p.suggestion))
    return lines


def render_markdown(op: Opinion) -> str:
    out = [f"# {op.title}", ""]
    out += [f"{k}：{v}  " for k, v in op.meta]
    out += ["", f"## {op.headings[0]}", ""]
    for p in op.basic:
        out += [p, ""]
    out += [f"## {op.headings[1]}", ""]
    if op.citation_rows:
        out.append("| " + " | ".join(op.citation_columns) + " |")
        out.append("|" + "---|" * len(op.citation_columns))
        out += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in op.citation_rows]
        out.append("")
    for n in op.citations_note:
        out += [n, ""]
    out += [f"## {op.headings[2]}", ""]
    for cat in op.categories:
        out += [f"### {cat.label}", ""]
        for p in cat.problems:
            out.append(f"{p.number}. **{p.heading}**")
            out += [f"   - {k}：{v}" for k, v in problem_lines(p)]
            out.append("")
    for n in op.problems_note:
        out += [n, ""]
    out += [f"## {op.headings[3]}", ""]
    for p in op.conclusion:
        out += [p, ""]
    out += ["---", ""]
    out += [f"{k}：{v}  " for k, v in op.footer]
    out += ["", f"{op.signature[0]}____________　　{op.signature[1]}", ""]
    return "\n".join(out)
