"""Chinese numerals (第一千二百六十条, 二〇二一年) to integers and back."""

from __future__ import annotations

from functools import lru_cache

_DIGITS = {"零": 0, "〇": 0, "○": 0, "Ｏ": 0, "O": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2,
           "三": 3, "叁": 3, "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7,
           "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9}
_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")

CN_NUMERAL_CHARS = "".join(_DIGITS) + "".join(_UNITS) + "万"


def cn_to_int(s: str) -> int | None:
    """Parse 一千二百六十 / 二十三 / 十 / 1260 / 二〇二一 (digit by digit). None if not a number."""
    # the same few numbers (article and list numbers, years) recur in every document: short ones are
    # parsed once; a long string (hostile input) is parsed afresh and never kept
    return _parse_short(s) if len(s) <= 32 else _parse(s)


@lru_cache(maxsize=4096)
def _parse_short(s: str) -> int | None:
    return _parse(s)


def _parse(s: str) -> int | None:
    s = s.strip().translate(_FULLWIDTH)
    if not s or len(s) > 20:  # no article, year or count is written that long
        return None
    if s.isdigit():
        return int(s)
    if not any(c in _UNITS or c == "万" for c in s):
        # digit-by-digit form: 二〇二一, also mixed with Arabic digits (2O21, a common typo)
        if all(c in _DIGITS or c.isdigit() for c in s):
            return int("".join(c if c.isdigit() else str(_DIGITS[c]) for c in s))
        return None
    if any(c not in _DIGITS and c not in _UNITS and c != "万" for c in s):
        return None
    total, section, digit = 0, 0, 0
    for c in s:
        if c in _DIGITS:
            digit = _DIGITS[c]
        elif c == "万":
            section = (section + digit) * 10000
            total += section
            section, digit = 0, 0
        else:
            unit = _UNITS[c]
            section += (digit or 1) * unit
            digit = 0
    return total + section + digit


def int_to_cn(n: int) -> str:
    """1260 -> 一千二百六十 (for n < 10000), the form used in article numbers."""
    if n == 0:
        return "零"
    digits = "零一二三四五六七八九"
    out, zero = [], False
    for unit_value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d = n // unit_value % 10
        if d:
            if zero and out:
                out.append("零")
            out.append(digits[d] + unit)
            zero = False
        elif out:
            zero = True
    s = "".join(out)
    if s.startswith("一十"):
        s = s[1:]
    return s
