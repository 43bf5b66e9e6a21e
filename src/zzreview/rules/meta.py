"""Findings about zzreview's own directives: suppressions and recorded reviewer decisions.

The engine emits these while applying suppressions and decisions; this module documents them.
"""

from __future__ import annotations

from collections.abc import Iterable

from zzreview.model import Finding, RuleInfo

RULES = (
    RuleInfo("ZZ001", "suppression", "suppression-without-reason", "warning",
             "抑制注释没有写明理由",
             "检查什么：Markdown 中的 <!-- zzreview: disable=… --> 抑制注释没有写“理由：…”。\n"
             "为什么：审核意见需要可追溯；不写理由的抑制等于悄悄删除问题。\n"
             "依据：本工具的使用约定（审核记录应当写明理由）。\n"
             "示例：<!-- zzreview: disable=ZZ201 -->\n"
             "修改：<!-- zzreview: disable=ZZ201 理由：该条仅引用旧法原文作历史说明 -->"),
    RuleInfo("ZZ002", "suppression", "unused-suppression", "info",
             "抑制注释没有抑制任何问题",
             "检查什么：抑制注释所指的代码在其范围内没有任何问题。\n"
             "为什么：多余的抑制会在以后掩盖真正的问题（与 ruff 的 unused noqa 同理）。\n"
             "依据：本工具的使用约定。\n"
             "示例：文中已无失效引用，却仍有 <!-- zzreview: disable=ZZ201 理由：… -->\n"
             "修改：删除该注释。"),
    RuleInfo("ZZ003", "decision", "stale-decision", "info",
             "审核决定已不再对应任何问题",
             "检查什么：决定文件（.zzreview/decisions.toml）中对本文件的某条决定已匹配不到任何问题。\n"
             "为什么：原文已修改，该决定已过时，应当删除以免误导。\n"
             "依据：本工具的使用约定。\n"
             "示例：决定接受“《中华人民共和国合同法》”的 ZZ201，但草案已改为引用民法典。\n"
             "修改：从决定文件中删除该条。"),
)


class MetaCheck:
    """Registered so that rules/explain list these codes; the engine produces the findings."""

    name = "meta"
    rules = RULES

    def run(self, ctx) -> Iterable[Finding]:
        return ()


CHECK = MetaCheck()
