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
            page = f"第{loc.page}页:" if loc.page else ""  # PDF: line is the line on that page
            lines.append(f"{r.path}:{page}{loc.line}:{loc.column}: {f.code} [{SEVERITY_ZH[f.severity]}] {f.message}")
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
        if normative is not None and not normative.is_normative:
            lines.append(f"{r.path}: 判断为非规范性文件（{'；'.join(normative.reasons)}），"
                         "未作制定依据、有效期等文件层面的审查；如判断有误，可在配置中设 document-kind = \"normative\"")
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
