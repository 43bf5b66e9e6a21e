"""Where a piece of text stands: source line/column, article and page of a block offset."""

from __future__ import annotations

from zzreview.analysis.structure import Structure
from zzreview.document import Document
from zzreview.model import Location


def locate(doc: Document, structure: Structure, block: int, offset: int) -> Location:
    """Location of ``offset`` in block ``block``: source line/column and article."""
    b = doc.blocks[block]
    line, column = b.locate(offset)
    return Location(block=block, line=line, column=column, article=structure.article_at(block),
                    page=b.page_at(offset))


def title_location(doc: Document) -> tuple[str, Location]:
    """Quote and location for a finding about the whole document: the title in its block."""
    idx = doc.title_block if doc.title_block is not None else 0
    if not doc.blocks:
        return "", Location(block=0, line=1, column=1)
    block = doc.blocks[idx]
    quote = doc.title if doc.title and doc.title in block.text else block.text
    offset = max(block.text.find(quote), 0)
    line, column = block.locate(offset)
    return quote, Location(block=idx, line=line, column=column, article=None, page=block.page_at(offset))
