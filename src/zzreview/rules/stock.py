"""Findings only a whole stock of documents can give (`zzreview clean`).

Registered so that rules/explain and the README table list these codes; clean/crossref.py
produces the findings.
"""

from __future__ import annotations

from collections.abc import Iterable

from zzreview.model import Finding, RuleInfo

RULES = (
    RuleInfo("ZZ901", "clean", "repealed-in-stock", "info",
             "本文件已被清理范围内的另一文件废止",
             "检查什么：清理范围内另一文件写明废止本文件（“《…》同时废止”“…自本办法施行之日起废止”）。\n"
             "为什么：已被废止的文件不再有效，应宣布失效而不是作为现行文件审查。\n"
             "法律依据：废止本文件的那份文件的废止条款。\n"
             "修改：在清理结果中宣布失效。\n"
             "只在 zzreview clean 中产生：单件草案没有一批文件可对照。"),
)


class StockCheck:
    """No finding on a single draft; clean reports ZZ901 when it compares the stock."""

    name = "clean"
    rules = RULES

    def run(self, ctx) -> Iterable[Finding]:
        return ()


CHECK = StockCheck()
