"""--format github: GitHub Actions workflow commands, one annotation per finding.

    ::error file=drafts/a.md,line=5,col=12,title=ZZ201 引用的法律…已废止::引用的《…》已于…废止%0A原文：…

Data (the message) escapes % CR LF; property values also escape : and , (as the Actions
toolkit does). info findings become ::notice. Unreadable files are ::error without a line.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from zzreview.model import SEVERITY_ZH
from zzreview.render.finding_lines import detail_lines

if TYPE_CHECKING:  # pragma: no cover
    from zzreview.engine import RunResult

COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(s: str) -> str:
    return escape_data(s).replace(":", "%3A").replace(",", "%2C")


def _path(path: str) -> str:
    p = Path(path)
    if p.is_absolute():
        try:
            p = p.resolve().relative_to(Path.cwd().resolve())
        except ValueError:
            pass
    return PurePosixPath(*p.parts).as_posix() if p.parts else path


def command(kind: str, message: str, **props) -> str:
    head = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items() if v is not None)
    return f"::{kind}{' ' + head if head else ''}::{escape_data(message)}"


def render(result: RunResult, plugin_paths: tuple = (), titles: dict[str, str] | None = None) -> str:
    """``titles`` maps a code to its rule title (defaults to the registry's)."""
    if titles is None:
        from zzreview.rules.registry import all_rules

        titles = {r.code: r.title for r in all_rules(tuple(plugin_paths))}
    lines: list[str] = []
    for r in result.documents:
        file = _path(r.path)
        if r.error:
            lines.append(command("error", f"无法读取：{r.error.message}", file=file, title="zzreview"))
            continue
        for f in r.findings:
            loc = f.location
            parts = [f"{f.message}（{SEVERITY_ZH.get(f.severity, f.severity)}，{f.code}）", *detail_lines(f)]
            title = f"{f.code} {titles.get(f.code, f.check)}"
            line, col = max(loc.line, 1), max(loc.column, 1)
            if loc.page:  # a PDF has no text lines to annotate: the page and its line go in the message
                parts[0] = f"第{loc.page}页第{loc.line}行：{parts[0]}"
                line = col = None
            lines.append(command(COMMAND.get(f.severity, "warning"), "\n".join(parts), file=file,
                                 line=line, col=col, title=title))
    for e in result.plugin_errors:
        lines.append(command("error", str(e), title="zzreview"))
    lines.append(f"zzreview：共审查 {len(result.documents)} 个文件：错误 {result.count('error')} 处，"
                 f"警告 {result.count('warning')} 处，提示 {result.count('info')} 处"
                 f"（审查基准日 {result.as_of.isoformat()}）")
    return "\n".join(lines) + "\n"
