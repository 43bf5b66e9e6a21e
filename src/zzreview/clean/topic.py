"""Special cleanups (--topic): the instrument, and every instrument it replaced (from the
knowledge base's successor facts, followed transitively)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from zzreview.kb import KnowledgeBase, title_key


@dataclass(frozen=True)
class Topic:
    title: str
    replaced: frozenset[str]  # titles of the instruments it replaced

    def keeps(self, rec: dict) -> bool:
        return any(law["title"] == self.title or law["title"] in self.replaced for law in rec.get("laws", []))

    def rebasing(self, rec: dict) -> list[str]:
        """Articles of replaced instruments the document relies on: each needs a new basis."""
        out = []
        for law in rec.get("laws", []):
            moved = law["title"] == self.title and law.get("revised") and law.get("articles")
            if law["title"] in self.replaced or moved:
                cited = f"《{law['title']}》" + ("".join(law["articles"]) if law.get("articles") else "")
                if cited not in out:
                    out.append(cited)
        return out


def resolve_topic(kb: KnowledgeBase, name: str, as_of: dt.date) -> Topic | None:
    res = kb.resolve(name, as_of)
    if not res.known:
        return None
    replaced: set[str] = set()
    targets = {title_key(res.title)}
    while True:
        found = {e.title for e in kb.instruments()
                 if e.successor and title_key(e.successor) in targets and e.title not in replaced}
        if not found:
            break
        replaced |= found
        targets = {title_key(t) for t in found}
    return Topic(res.title, frozenset(replaced))
