"""Matching keys for titles and 文号 within a stock."""

from __future__ import annotations

import regex

from zzreview.kb import title_key

_OPEN = str.maketrans({"［": "〔", "[": "〔", "【": "〔", "〖": "〔", "(": "（",
                       "］": "〕", "]": "〕", "】": "〕", "〗": "〕", ")": "）"})
_SPACE = regex.compile(r"[\s\u3000]+")
# 印发/转发…《X》的通知: the notice stands for the instrument X it issues.
_ISSUES = regex.compile(r"(?:印发|转发|批转|颁发|发布|公布)《?(?P<x>[^《》]+?)》?的?(?:通知|通告|公告|决定|令)$")
_REGION = regex.compile(r"^\p{Han}{1,12}?(?:自治区|自治州|自治县|省|市|县|区|州|盟|旗)(?=\p{Han}*(?:人民政府|办公室|办公厅|委员会|局|厅))")
_DRAFT = regex.compile(r"[（(](?:征求意见稿|草案|送审稿|讨论稿|试行稿)[）)]\s*$")


def stock_key(title: str) -> str:
    """Same key for titles that differ only in bracket style (〔〕［］[]) or spacing."""
    return title_key(_SPACE.sub("", title).translate(_OPEN))


_NUMBER_BRACKETS = str.maketrans({"（": "〔", "(": "〔", "）": "〕", ")": "〕"})


def number_key(number: str) -> str:
    """文号 with one bracket style and no blanks: 青禾政发[2016] 8号 → 青禾政发〔2016〕8号."""
    return _SPACE.sub("", number).translate(_OPEN).translate(_NUMBER_BRACKETS)


def title_keys(title: str | None, issuer: str | None = None) -> list[str]:
    """Every key a stock document may be cited by: its title, the instrument it issues,
    and both without the issuer's name in front."""
    if not title:
        return []
    title = _DRAFT.sub("", _SPACE.sub("", title))
    names = [title]
    m = _ISSUES.search(title)
    if m:
        names.append(m.group("x"))
    if issuer:
        issuer = _SPACE.sub("", issuer)
        names += [n[len(issuer):].removeprefix("关于") for n in list(names) if n.startswith(issuer)]
        region = _REGION.match(issuer)
        if region:  # 青禾市城市道路管理办法 is cited as 城市道路管理办法 within 青禾市
            names += [n[region.end():] for n in list(names)
                      if n.startswith(region.group(0)) and not n.startswith(issuer)]
    keys: list[str] = []
    for n in names:
        k = stock_key(n)
        if len(k) >= 6 and k not in keys:
            keys.append(k)
    return keys
