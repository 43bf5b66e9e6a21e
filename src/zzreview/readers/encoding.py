"""Decode text files as government offices save them: UTF-8 (with or without BOM), GB18030/GBK, UTF-16."""

from __future__ import annotations

import codecs

from zzreview.errors import ReadError

# UTF-32 before UTF-16: the UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def _plausible(text: str) -> bool:
    """Mostly Chinese, ASCII and punctuation; no control characters but line breaks and tabs."""
    if not text:
        return False
    bad = sum(1 for ch in text if (ord(ch) < 32 and ch not in "\r\n\t") or 0xD800 <= ord(ch) <= 0xDFFF
              or 0xE000 <= ord(ch) <= 0xF8FF)
    good = sum(1 for ch in text if ch.isascii() or "\u3000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef")
    return bad == 0 and good >= 0.9 * len(text)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 LE or BE without BOM: the decoding that gives plausible text (NUL bytes seen)."""
    if len(data) < 2 or len(data) % 2:
        return None
    for enc in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if _plausible(text):
            return text
    return None


def decode_text(data: bytes) -> tuple[str, str]:
    """(text, encoding name); raises ReadError for binary data."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError:
                raise ReadError("encoding", f"文件以 {enc} 标记开头，但内容无法按该编码解码") from None
    if b"\x00" in data:
        text = _utf16_without_bom(data)
        if text is not None:
            return text, "utf-16"
        raise ReadError("binary", "文件是二进制数据，不是文本")
    for enc in ("utf-8", "gb18030"):
        try:
            return data.decode(enc), enc
        except UnicodeDecodeError:
            continue
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise ReadError("encoding", "无法识别文件编码（支持 UTF-8、GB18030/GBK、UTF-16）")
    return str(best), best.encoding
