"""Plain-text drafts: one block per non-empty line."""

from __future__ import annotations

from zzreview.document import Block, Document
from zzreview.readers.encoding import decode_text


def read_text(data: bytes, name: str) -> Document:
    text, encoding = decode_text(data)
    blocks: list[Block] = []
    for n, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped:
            continue
        lead = len(line) - len(line.lstrip())
        blocks.append(Block(len(blocks), "paragraph", stripped, n, lead + 1))
    return Document(name, "text", blocks, encoding=encoding)
