"""Document kind from the title (办法, 规定, 通知 …)."""

from __future__ import annotations

from functools import lru_cache

from zzreview import lazy_regex

KINDS = ("实施细则", "实施办法", "实施意见", "指导意见", "办法", "规定", "细则", "规则", "意见",
         "通知", "通告", "公告", "决定", "方案", "规划", "纲要", "批复", "函", "条例")
_TAIL = lazy_regex.compile(r"[（(〔\[【][^）)〕\]】]*[）)〕\]】]\s*$")


_DRAFT = lazy_regex.compile(r"征求意见稿|草案|送审稿|讨论稿")


def is_draft(title: str | None) -> bool:
    """The title names a draft (征求意见稿, 草案, 送审稿, 讨论稿)."""
    return bool(title and _DRAFT.search(title))


_TAG = lazy_regex.compile(r"^\s*(?:【[^】]{1,12}】|\[|［)\s*|\s*(?:\]|］)\s*$")


def strip_notes(title: str | None) -> str:
    """The title without trailing （征求意见稿）-style notes and without [ ] or 【tag】 around it."""
    # several steps of the analysis strip the same title: a short one is stripped once and kept
    t = title or ""
    return _strip_short(t) if len(t) <= 300 else _strip(t)


@lru_cache(maxsize=1024)
def _strip_short(title: str) -> str:
    return _strip(title)


def _strip(title: str) -> str:
    t = _TAG.sub("", title.strip()).strip()
    while True:
        stripped = _TAIL.sub("", t).strip()
        if stripped == t:
            break
        t = _TAG.sub("", stripped).strip()
    return t.strip("[]【】")


def document_kind(title: str | None) -> str | None:
    """The kind named at the end of the title, ignoring （征求意见稿）-style notes."""
    if not title:
        return None
    t = strip_notes(title)
    for kind in KINDS:
        if t.endswith(kind):
            return kind
    return None
