"""The lines under a finding's headline, shared by the text report and GitHub annotations."""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from zzreview.model import Finding


def detail_lines(f: Finding) -> list[str]:
    """Where and what the finding quotes, its legal basis and the suggested change."""
    where = f"{f.location.article}｜" if f.location.article else ""
    lines = [f"{where}原文：{f.quote}"]
    if f.basis:
        lines.append(f"依据：{f.basis}")
    if f.suggestion:
        lines.append(f"建议：{f.suggestion}")
    return lines
