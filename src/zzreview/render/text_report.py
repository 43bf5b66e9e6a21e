"""--format text: ruff/Vale-style lines with the quote and article, then a summary."""

from __future__ import annotations

from zzreview.analysis.certifications import text_note as certification_note
from zzreview.engine import DocumentResult, RunResult
from zzreview.model import SEVERITY_ZH
from zzreview.render.finding_lines import detail_lines


def document_lines(r: DocumentResult) -> list[str]:
    """The lines one document contributes (none for an unreadable file: its error goes to stderr)."""
    lines: list[str] = []
    if r.error:
        return lines
    for f in r.findings:
        loc = f.location
        page = f"第{loc.page}页:" if loc.page else ""  # PDF: line is the line on that page
        lines.append(f"{r.path}:{page}{loc.line}:{loc.column}: {f.code} [{SEVERITY_ZH[f.severity]}] {f.message}")
        lines.extend("    " + line for line in detail_lines(f))
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
    return lines


def summary_line(documents: int, counts: dict[str, int], accepted: int, unreadable: int, as_of) -> str:
    summary = (f"共审查 {documents} 个文件：错误 {counts.get('error', 0)} 处，警告 {counts.get('warning', 0)} 处，"
               f"提示 {counts.get('info', 0)} 处")
    if accepted:
        summary += f"；另有 {accepted} 处已按审核决定接受"
    if unreadable:
        summary += f"；{unreadable} 个文件无法读取"
    return summary + f"（审查基准日 {as_of.isoformat()}）"


def render(result: RunResult) -> str:
    lines = [line for r in result.documents for line in document_lines(r)]
    summary = summary_line(len(result.documents), {s: result.count(s) for s in ("error", "warning", "info")},
                           sum(len(d.accepted) for d in result.documents),
                           sum(1 for d in result.documents if d.error), result.as_of)
    if lines:
        lines.append("")
    lines.append(summary)
    return "\n".join(lines) + "\n"
