"""Document structure: which article (第X条) each block belongs to."""

from __future__ import annotations

from zzreview import lazy_regex
from zzreview.document import Document
from zzreview.record import Record
from zzreview.text.numerals import CN_NUMERAL_CHARS, cn_to_int

_NUM = f"[{CN_NUMERAL_CHARS}0-9０-９]+"
# An article heading at the start of a block: "第十二条", "第12条", "第十条之一"
ARTICLE_HEAD = lazy_regex.compile(rf"^[\s　]*(第({_NUM})条(?:之({_NUM}))?)(?=[\s　:：]|$|[^款项目])")
CHAPTER_HEAD = lazy_regex.compile(rf"^[\s　]*第({_NUM})章")


class Article(Record):
    """One article (第X条) and the block where it starts."""

    _fields = ("label", "number", "sub", "block", "column")

    def __init__(
        self,
        label: str,  # as written: 第十二条
        number: int,
        sub: int | None,  # 之一 -> 1
        block: int,
        column: int,  # offset of the label in the block
    ):
        self.label = label
        self.number = number
        self.sub = sub
        self.block = block
        self.column = column


class Structure(Record):
    """The document's articles and the article each block sits in."""

    _fields = ("articles", "article_of_block")

    def __init__(
        self,
        articles: list[Article],
        article_of_block: dict[int, str],  # block index -> label of the article it sits in
    ):
        self.articles = articles
        self.article_of_block = article_of_block

    def article_at(self, block: int) -> str | None:
        return self.article_of_block.get(block)


def analyze_structure(doc: Document) -> Structure:
    articles: list[Article] = []
    article_of_block: dict[int, str] = {}
    current: str | None = None
    for block in doc.blocks:
        if block.index == doc.title_block:
            continue
        m = None
        if "第" in block.text:  # both heads begin with 第
            if CHAPTER_HEAD.match(block.text):
                current = None
            m = ARTICLE_HEAD.match(block.text)
        if m:
            number = cn_to_int(m.group(2))
            if number is not None:
                sub = cn_to_int(m.group(3)) if m.group(3) else None
                articles.append(Article(m.group(1), number, sub, block.index, m.start(1)))
                current = m.group(1)
        if current:
            article_of_block[block.index] = current
    return Structure(articles, article_of_block)
