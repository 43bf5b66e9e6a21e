"""The rule list for `zzreview rules` and the README table (one source: RuleInfo)."""

from __future__ import annotations

import json
from pathlib import Path

from zzreview.rules.registry import all_rules

SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}


def render_rules(plugin_paths: tuple[Path, ...] = (), fmt: str = "text") -> str:
    rules = sorted(all_rules(plugin_paths), key=lambda r: r.code)
    if fmt == "json":
        return json.dumps([r.__dict__ for r in rules], ensure_ascii=False, indent=2) + "\n"
    if fmt == "markdown":
        lines = ["| 代码 | 检查（check） | 名称 | 默认级别 | 说明 |", "|---|---|---|---|---|"]
        lines += [f"| {r.code} | `{r.check}` | `{r.name}` | {r.severity} | {r.title} |" for r in rules]
        return "\n".join(lines) + "\n"
    return "".join(f"{r.code}  {r.check:24} {r.name:30} {r.severity:8} {r.title}\n" for r in rules)
