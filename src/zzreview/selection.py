"""--select / --ignore: codes, code prefixes, check family names or rule names."""

from __future__ import annotations

from zzreview.model import Finding
from zzreview.record import Record


def _matches(pattern: str, f: Finding, rule_name: str | None) -> bool:
    p = pattern.strip()
    if not p:
        return False
    if p.upper() == "ALL":
        return True
    return f.code.startswith(p.upper()) or p == f.check or p == rule_name


class Selection(Record):
    """The codes, prefixes and check names to report (select) and to leave out (ignore)."""

    _fields = ("select", "ignore")

    def __init__(self, select: list[str] | None = None, ignore: list[str] | None = None):
        self.select = [] if select is None else select
        self.ignore = [] if ignore is None else ignore

    def wants(self, f: Finding, rule_name: str | None = None) -> bool:
        if self.select and not any(_matches(p, f, rule_name) for p in self.select):
            return False
        return not any(_matches(p, f, rule_name) for p in self.ignore)
