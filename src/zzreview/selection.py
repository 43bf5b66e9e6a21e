"""--select / --ignore: codes, code prefixes, check family names or rule names."""

from __future__ import annotations

from dataclasses import dataclass, field

from zzreview.model import Finding


def _matches(pattern: str, f: Finding, rule_name: str | None) -> bool:
    p = pattern.strip()
    if not p:
        return False
    if p.upper() == "ALL":
        return True
    return f.code.startswith(p.upper()) or p == f.check or p == rule_name


@dataclass
class Selection:
    """The codes, prefixes and check names to report (select) and to leave out (ignore)."""

    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)

    def wants(self, f: Finding, rule_name: str | None = None) -> bool:
        if self.select and not any(_matches(p, f, rule_name) for p in self.select):
            return False
        return not any(_matches(p, f, rule_name) for p in self.ignore)
