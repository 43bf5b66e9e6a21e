"""--format text: ruff/Vale-style lines with the quote and article, then a summary."""

from __future__ import annotations

from zzreview.analysis.certifications import text_note as certification_note
from zzreview.engine import RunResult
from zzreview.model import SEVERITY_ZH


def render(result: RunResult) -> str:
    lines: list[str] = []
    for r in result.documents:
        if r.error:
            continue  # read errors go to stderr, one line each
        for f in r.findings:
            loc = f.location
            lines.append(f"{r.path}:{loc.line}:{loc.column}: {f.code} [{SEVERITY_ZH[f.severity]}] {f.message}")
            where = f"{loc.article}｜" if loc.article else ""
            lines.append(f"    {where}原文：{f.quote}")
            if f.basis:
                lines.append(f"    依据：{f.basis}")
            if f.suggestion:
                lines.append(f"    建议：{f.suggestion}")
        note = certification_note(r.analysis) if r.analysis else None
        if note:
            lines.append(f"{r.path}: {note}")
        normative = r.analysis.normative if r.analysis else None
        level = getattr(normative, "level", None)
        if normative is not None and level == "非规范性文件":
            lines.append(f"{r.path}: 文件层级：非规范性文件（{'；'.join(normative.reasons)}），"
                         "未作制定依据、有效期等文件层面的审查；如判断有误，可在配置中设 document-kind = \"normative\"")
        elif level:
            lines.append(f"{r.path}: 文件层级：{level}（{'；'.join(normative.reasons)}）"
                         + ("" if normative.is_normative else "，按该层级的设定权和形式要求审查；如判断有误，可在配置中设 level"))
    n = len(result.documents)
    bad = sum(1 for d in result.documents if d.error)
    summary = (f"共审查 {n} 个文件：错误 {result.count('error')} 处，警告 {result.count('warning')} 处，"
               f"提示 {result.count('info')} 处")
    accepted = sum(len(d.accepted) for d in result.documents)
    if accepted:
        summary += f"；另有 {accepted} 处已按审核决定接受"
    if bad:
        summary += f"；{bad} 个文件无法读取"
    summary += f"（审查基准日 {result.as_of.isoformat()}）"
    if lines:
        lines.append("")
    lines.append(summary)
    return "\n".join(lines) + "\n"
