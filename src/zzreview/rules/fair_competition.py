"""fair-competition: red flags under the 公平竞争审查条例 (2024) review standards.

Codes:
  ZZ601 designated-supplier   limits purchase or use to designated operators (第八条第（三）项)
  ZZ602 local-protection      treats out-of-town operators or goods differently (第九条)
  ZZ603 selective-subsidy     tax, subsidy or fee breaks for particular operators (第十条)
  ZZ604 entry-condition       unreasonable entry conditions, exclusive rights (第八条第（二）（四）项)
  ZZ605 price-fixing          unified prices, price floors, association pricing (第十一条)

The phrase patterns live in checks/fair_competition/patterns.toml. Heuristics: every
finding is a warning with medium or low confidence, for a reviewer to confirm.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from functools import cached_property, lru_cache

from zzreview import lazy_regex
from zzreview.analysis.location import locate
from zzreview.document import Block
from zzreview.lazy_regex import LazyPattern
from zzreview.model import Finding, RuleInfo
from zzreview.record import Frozen
from zzreview.resources import data_toml
from zzreview.rules.base import Context
from zzreview.text.wordscan import WordScan


CHECK_NAME = "fair-competition"
_REG = "《公平竞争审查条例》（2024年6月6日公布，2024年8月1日起施行）"
_WHY = ("起草涉及经营者经济活动的规范性文件，应当进行公平竞争审查；违反审查标准且不属于第十二条例外情形的，"
        "不得出台（《公平竞争审查条例》第二条、第十八条）。")
_EXCEPT = "确属第十二条例外情形（国家安全、科技创新、节能环保等社会公共利益）的，应在审查结论中说明并设定实施期限。"

RULES = (
    RuleInfo("ZZ601", CHECK_NAME, "designated-supplier", "warning",
             "限定经营、购买、使用特定经营者提供的商品或服务",
             "检查什么：要求到“指定”“限定”的企业、供应商处购买、使用商品或服务，要求向某公司购买，"
             "或由某公司独家、统一供应的语句。同一句中有“不得”“禁止”“自主选择”“公开招标”“依照《…》”等表述的不报。\n"
             "为什么：" + _WHY + "\n"
             "法律依据：" + _REG + "第八条第（三）项；《中华人民共和国反垄断法》第三十九条。\n"
             "示例：辖区内餐饮单位须到指定的供应商处购买餐厨垃圾收集容器。\n"
             "修改：删除指定、限定经营者的内容，由经营者和公众自主选择；确需集中采购的，依法通过公开招标等竞争性方式确定供应商。"
             + _EXCEPT),
    RuleInfo("ZZ602", CHECK_NAME, "local-protection", "warning",
             "排斥、限制外地经营者或外地商品，给予本地企业优先",
             "检查什么：“本地企业优先”“优先采购本地产品”，以在本地注册、设立分支机构、纳税作为投标或经营的前提，"
             "对外地企业、外地商品另行检测、备案、收费或不准进入，限制本地企业迁出。"
             "写明“一视同仁”“同等对待”或禁止此类做法的语句不报；以本地注册作为申请本地扶持资金条件的不报。\n"
             "为什么：" + _WHY + "\n"
             "法律依据：" + _REG + "第九条第（一）项至第（五）项；《中华人民共和国反垄断法》第四十一条至第四十三条。\n"
             "示例：同等条件下，本地企业优先；在本市设立分支机构方可参与投标。\n"
             "修改：删除本地优先、本地设立机构等要求，对本地和外地经营者一视同仁。" + _EXCEPT),
    RuleInfo("ZZ603", CHECK_NAME, "selective-subsidy", "warning",
             "给予特定经营者税收优惠、选择性补贴或收费减免",
             "检查什么：对点名的企业给予奖励、补贴、减免，税收返还、先征后返、按纳税额或地方留成奖励，"
             "未写明依据的行政事业性收费、政府性基金、社会保险费、土地出让金减免或返还，“一企一策”“一事一议”式奖补。"
             "写明“按照国家规定”“依法”“落实”国家政策，或对符合条件的经营者普遍适用（符合条件的企业均可申请）的不报。\n"
             "为什么：" + _WHY + "没有法律、行政法规依据或者未经国务院批准，不得给予特定经营者税收优惠、选择性补贴和收费等方面的优惠。\n"
             "法律依据：" + _REG + "第十条第（一）项至第（三）项。\n"
             "示例：对新引进企业，按其缴纳税收地方留成部分的50%给予奖励。\n"
             "修改：删除税收返还、点名奖补等内容，改为对符合条件的经营者普遍适用、标准公开的政策，或写明法律、行政法规依据或国务院批准文件。"
             + _EXCEPT),
    RuleInfo("ZZ604", CHECK_NAME, "entry-condition", "warning",
             "设置不合理的准入条件或违法授予独家、特许经营权",
             "检查什么：以列入某名录、名单、库作为经营前提（“列入推荐名录的企业方可承接”“未入库的不得从事”），"
             "以注册资本、成立年限、业绩数量作为准入门槛，授予独家经营权、专营权、特许经营权而未写明依据和竞争性程序。"
             "有法律、法规依据或属于扶持资金申报条件的不报。\n"
             "为什么：" + _WHY + "\n"
             "法律依据：" + _REG + "第八条第（二）项、第（四）项。\n"
             "示例：纳入本市物业服务企业推荐名录的企业方可承接本市住宅小区物业服务。\n"
             "修改：删除以入围名录、名单为前提的要求和缺乏依据的门槛；特许经营应写明法律依据并通过招标等方式选择经营者。"
             + _EXCEPT),
    RuleInfo("ZZ605", CHECK_NAME, "price-fixing", "warning",
             "超越权限定价、干预市场调节价或组织统一定价",
             "检查什么：“统一定价”“统一价格”，规定“不得低于…价格销售”、最低或最高限价，由行业协会或经营者统一确定价格。"
             "写明政府定价、政府指导价、定价目录、价格主管部门，或“按照国家规定的价格”“不得低于成本价倾销”的不报。\n"
             "为什么：" + _WHY + "起草机关不得超越法定权限制定政府指导价、政府定价，不得违法干预市场调节价，"
             "不得强制或便利经营者实施垄断行为。\n"
             "法律依据：" + _REG + "第十一条第（一）项至第（三）项；《中华人民共和国价格法》；《中华人民共和国反垄断法》第二十一条。\n"
             "示例：本市商品房销售价格不得低于备案价格的85%成交。\n"
             "修改：删除限定价格的内容；确需价格干预的，由有权机关依照《中华人民共和国价格法》规定的程序实施。"
             + _EXCEPT),
)
_BY = {r.code: r for r in RULES}

# sentence ends; a match and its `unless` are judged within one sentence
_SENTENCE_END = lazy_regex.cached_compile(r"[。！？；!?;\n]")
# a list whose lead-in forbids what follows: "不得含有下列内容：（一）…"
_PROHIBIT_LEAD = lazy_regex.cached_compile(r"(?:不得|禁止|严禁|不准|不应|杜绝|清理|废止|纠正|查处)[^。]{0,40}?(?:下列|以下|如下)[^。]{0,30}[：:]")
# a full stop that is not followed by the next list item ends the list
_NEW_SENTENCE = lazy_regex.cached_compile(r"。(?![\s　]*(?:[（(][一二三四五六七八九十0-9]+[）)]|[0-9]+[.、．]))")
_ITEM_START = lazy_regex.cached_compile(r"^[\s　]*(?:[（(][一二三四五六七八九十0-9]+[）)]|[0-9]+[.、．]|[一二三四五六七八九十]+、)")


class Pattern(Frozen):
    """One fair-competition red flag: its pattern, exceptions, standard and trigger words."""

    _fields = ("code", "id", "standard", "article", "confidence", "pattern", "unless", "unless_block", "message",
               "suggestion", "triggers", "tails", "inner")

    def __init__(
        self,
        code: str,
        id: str,
        standard: str,
        article: str,
        confidence: str,
        pattern: LazyPattern,
        unless: tuple[LazyPattern, ...],
        unless_block: tuple[LazyPattern, ...],
        message: str,
        suggestion: str,
        triggers: frozenset[str] | None,  # every match starts with one of these; None: no prefilter
        tails: frozenset[str] | None,  # every match ends with one of these; None: no prefilter
        inner: frozenset[str] | None = None,  # every match contains one of these; None: no prefilter
    ):
        self._set(code=code, id=id, standard=standard, article=article, confidence=confidence, pattern=pattern,
                  unless=unless, unless_block=unless_block, message=message, suggestion=suggestion, triggers=triggers,
                  tails=tails, inner=inner)


class PatternSet(Frozen):
    """Every red-flag pattern, indexed by the trigger words that must occur for it to match."""

    _fields = ("patterns", "words", "by_word", "always", "by_tail", "any_tail", "by_inner", "any_inner")

    def __init__(
        self,
        patterns: tuple[Pattern, ...],
        words: tuple[str, ...],  # every trigger word (starts and ends of matches)
        by_word: dict[str, frozenset[int]],  # a trigger word → the patterns that may start with it
        always: frozenset[int],  # the patterns without trigger words: run on every block
        by_tail: dict[str, frozenset[int]],  # a trigger word → the patterns that may end with it
        any_tail: frozenset[int],  # the patterns without end words
        by_inner: dict[str, frozenset[int]],  # a word → the patterns every match of which may contain it
        any_inner: frozenset[int],  # the patterns without inner words
    ):
        self._set(patterns=patterns, words=words, by_word=by_word, always=always, by_tail=by_tail, any_tail=any_tail,
                  by_inner=by_inner, any_inner=any_inner)

    def __iter__(self):
        return iter(self.patterns)

    def wanted(self, text: str) -> list[Pattern]:
        """The patterns that can match in ``text``: those with a word that starts a match and a word
        that ends one in it (the definition: ``by_block`` finds the same words in one pass)."""
        return [self.patterns[i] for i in sorted(self._can_match(
            i for i, w in enumerate(self.words) if w in text))]

    def by_block(self, blocks: Sequence[Block], text: str, skip: int | None = None
                 ) -> Iterator[tuple[Block, list[Pattern]]]:
        """Each of ``blocks`` (but the one whose index is ``skip``) in which a pattern can match,
        with ``wanted(block.text)``. ``text`` is the blocks' texts joined by line breaks
        (Document.text): one pass over it finds the blocks that hold an inner word (most hold
        none, and no word holds a line break), and only those are scanned for every trigger word
        (text/wordscan.py)."""
        found = self.scan.found
        if self.any_inner:  # a pattern without inner words: every block is a candidate
            hits, every = [], True
        else:
            hits, every = self.inner_scan.starts(text), False
            if not hits:
                return
        h, n, start = 0, len(hits), 0
        for b in blocks:
            end = start + len(b.text)
            if every or (h < n and hits[h] < end):
                h = bisect_left(hits, end, h)
                if b.index != skip:
                    wanted = self._can_match(found(b.text))
                    if wanted:
                        yield b, [self.patterns[i] for i in sorted(wanted)]
            start = end + 1

    @cached_property
    def inner_scan(self) -> WordScan:
        """Every inner word, to find in one pass the blocks where a pattern may match."""
        return WordScan(sorted(self.by_inner))

    @cached_property
    def scan(self) -> WordScan:
        """Every trigger word, found in one pass over a text (text/wordscan.py)."""
        return WordScan(self.words)

    def _can_match(self, ids: Iterable[int]) -> set[int]:
        """The patterns with a start word, an end word and an inner word among the words ``ids``
        (indexes)."""
        starts, ends, inner = set(self.always), set(self.any_tail), set(self.any_inner)
        for i in ids:
            starts |= self._starts_of[i]
            ends |= self._ends_of[i]
            inner |= self._inner_of[i]
        return starts & ends & inner

    @cached_property
    def _starts_of(self) -> tuple[frozenset[int], ...]:
        """Word index → the patterns a match of which may start with the word."""
        return tuple(self.by_word.get(w, frozenset()) for w in self.words)

    @cached_property
    def _inner_of(self) -> tuple[frozenset[int], ...]:
        """Word index → the patterns a match of which may contain the word."""
        return tuple(self.by_inner.get(w, frozenset()) for w in self.words)

    @cached_property
    def _ends_of(self) -> tuple[frozenset[int], ...]:
        """Word index → the patterns a match of which may end with the word."""
        return tuple(self.by_tail.get(w, frozenset()) for w in self.words)


_META = set("\\[](){}.*+?^$|")


def _brackets(src: str, start: int = 0):
    """Each ``(``, ``)`` and ``|`` outside escapes and [classes] from ``start``, as (index, char, depth
    after it); last (len, "", final depth), the depth -1 when a class stays open."""
    depth, cls, i = 0, False, start
    while i < len(src):
        c = src[i]
        if c == "\\":
            i += 2
            continue
        if cls:
            cls = c != "]"
        elif c == "[":
            cls = True
        elif c in "()|":
            depth += (c == "(") - (c == ")")
            yield i, c, depth
        i += 1
    yield len(src), "", -1 if cls else depth


def _split_top(src: str) -> list[str] | None:
    """``src`` split at its top-level ``|``; None when the brackets do not balance."""
    parts, last, depth = [], 0, 0
    for i, c, depth in _brackets(src):
        if c == "|" and depth == 0:
            parts.append(src[last:i])
            last = i + 1
    return None if depth else parts + [src[last:]]


def _group_end(src: str, start: int) -> int:
    """Index just past the group that opens at ``src[start]``."""
    for i, c, depth in _brackets(src, start):
        if c == ")" and depth == 0:
            return i + 1
    return -1


def _optional_at(src: str, i: int) -> bool:
    return i < len(src) and (src[i] in "?*" or src.startswith("{0", i) or src.startswith("{,", i))


def head_words(src: str) -> frozenset[str] | None:
    """Literal words one of which starts every match of ``src``, read from the pattern's first
    atom in each alternative; None when a first atom is not plain text (then no prefilter)."""
    alternatives = _split_top(src)
    if alternatives is None:
        return None
    words: set[str] = set()
    for alt in alternatives:
        while alt.startswith(("(?=", "(?!", "(?<=", "(?<!")):  # lookarounds consume nothing
            end = _group_end(alt, 0)
            if end < 0:
                return None
            alt = alt[end:]
        if alt.startswith("(?:"):
            end = _group_end(alt, 0)
            if end < 0 or _optional_at(alt, end):
                return None
            inner = head_words(alt[3:end - 1])
            if inner is None:
                return None
            words |= inner
            continue
        n = 0
        while n < len(alt) and alt[n] not in _META:
            n += 1
        if n < len(alt) and _optional_at(alt, n):
            n -= 1  # the last letter is optional
        if n <= 0:
            return None
        words.add(alt[:n])
    return frozenset(words)


def tail_words(src: str) -> frozenset[str] | None:
    """Literal words one of which ends every match of ``src``, read from the last atom of each
    alternative (a plain run of letters, or a group read the same way); None when a last atom is
    anything else (a class, a quantifier, a look-around): then no prefilter on the end."""
    alternatives = _split_top(src)
    if alternatives is None:
        return None
    words: set[str] = set()
    for alt in alternatives:
        if alt.endswith(")"):
            opens = [i for i, c, depth in _brackets(alt) if c == "(" and depth == 1]
            if not opens or _group_end(alt, opens[-1]) != len(alt):
                return None
            start = opens[-1]
            if alt.startswith("(?:", start):
                inner = tail_words(alt[start + 3:-1])
            elif alt.startswith("(?", start):
                return None  # a look-around or a named group: not read
            else:
                inner = tail_words(alt[start + 1:-1])
            if inner is None:
                return None
            words |= inner
            continue
        n = len(alt)
        while n > 0 and alt[n - 1] not in _META:
            n -= 1
        if n > 0 and alt[n - 1] == "\\":
            n += 1  # an escape (\d): its letter is no literal
        if n >= len(alt):
            return None
        words.add(alt[n:])
    return frozenset(words)


def _atoms(alt: str) -> list[tuple[str, str]] | None:
    """``alt`` (one alternative, no top-level ``|``) as its atoms in order, each (kind, text) with
    kind "char" (a literal letter), "group" (the inside of a (?:…) or (…) group) or "other"
    (a class, an escape, ., a look-around, a named group: no literal word read from it), "+"
    added when the atom may repeat (+, {1,…}), and kind "gap" when it may be absent (?, *, {0,…});
    None when the brackets do not balance or flags (?i) may change what a letter matches."""
    out: list[tuple[str, str]] = []
    i = 0
    while i < len(alt):
        c = alt[i]
        if c == "\\":
            end = i + 2
            if alt[i + 1:i + 3] in ("p{", "P{"):
                end = alt.find("}", i) + 1
                if end <= 0:
                    return None
            kind, text = "other", alt[i:end]
        elif c == "[":
            end = i + 1
            end += alt.startswith("^", end)
            end += alt.startswith("]", end)  # a ] first in a class is one of its letters
            while end < len(alt) and alt[end] != "]":
                end += 2 if alt[end] == "\\" else 1
            if end >= len(alt):
                return None
            end += 1
            kind, text = "other", alt[i:end]
        elif c == "(":
            end = _group_end(alt, i)
            if end < 0:
                return None
            if alt.startswith("(?:", i):
                kind, text = "group", alt[i + 3:end - 1]
            elif alt.startswith(("(?=", "(?!", "(?<=", "(?<!", "(?P<"), i):
                kind, text = "other", alt[i:end]  # a look-around, a named group
            elif alt.startswith("(?", i):
                return None  # flags, a conditional, an atomic group…: not read
            else:
                kind, text = "group", alt[i + 1:end - 1]
        elif c in _META:
            if c == ")":
                return None
            kind, text, end = "other", c, i + 1
        else:
            kind, text, end = "char", c, i + 1
        quantified = ""
        if end < len(alt) and alt[end] in "?*+{":
            q = end
            if alt[q] == "{":
                close = alt.find("}", q)
                if close < 0:
                    return None
                low = alt[q + 1:close].split(",")[0]
                quantified = "optional" if low in ("", "0") else "repeat"
                q = close + 1
            else:
                quantified = "repeat" if alt[q] == "+" else "optional"
                q += 1
            if q < len(alt) and alt[q] in "?+":  # lazy or possessive
                q += 1
            end = q
        if quantified != "optional":
            out.append((kind, text) if not quantified else (kind + "+", text))
        else:
            out.append(("gap", text))
        i = end
    return out


def inner_words(src: str, rare: frozenset[str] = frozenset()) -> frozenset[str] | None:
    """Literal words one of which occurs in every match of ``src``, anywhere in it: in each
    alternative, of the runs of letters and the groups read the same way that it cannot skip, the
    one least likely to occur: all its words among ``rare`` (words a pattern declares rare in
    drafts), else its shortest word the longest, then the fewest words; None when some
    alternative has none."""
    alternatives = _split_top(src)
    if alternatives is None:
        return None
    words: set[str] = set()
    for alt in alternatives:
        atoms = _atoms(alt)
        if atoms is None:
            return None
        choices: list[frozenset[str]] = []
        run = ""
        for kind, text in atoms + [("gap", "")]:
            if kind == "char":
                run += text
                continue
            if run:
                choices.append(frozenset({run}))
                run = ""
            if kind == "char+":
                choices.append(frozenset({text}))
            elif kind in ("group", "group+"):
                inner = inner_words(text, rare)
                if inner is not None:
                    choices.append(inner)
        if not choices:
            return None
        words |= min(choices, key=lambda ws: (not ws <= rare, -min(map(len, ws)), len(ws)))
    return frozenset(words)


_kept_words = None  # runcache.Kept: pattern source → its head and tail words
_stamp = ""


def _trigger_words(src: str, rare: str = "") -> tuple[frozenset[str] | None, ...]:
    """head_words, tail_words and inner_words (preferring the words of ``rare``, joined by |) of a
    pattern, kept between runs (reading them from a pattern's source costs the hook a few
    milliseconds on every start), with this module's size and modification time, so a changed
    reading is never served from the cache."""
    global _kept_words, _stamp
    if _kept_words is None:
        import os

        from zzreview.runcache import Kept

        _kept_words = Kept("fair-competition-words")
        st = os.stat(__file__)
        _stamp = f"{st.st_size}:{st.st_mtime_ns}"
    return _kept_words.stamped(f"{src}\0{rare}", _stamp, lambda: (
        head_words(src), tail_words(src), inner_words(src, frozenset(rare.split("|")) if rare else frozenset())))


@lru_cache(maxsize=1)
def patterns() -> PatternSet:
    data = data_toml("fair_competition/patterns.toml")
    words = data.get("words", {})

    def expand(src: str) -> str:
        for k, v in words.items():
            src = src.replace("{{" + k + "}}", v)
        return src

    def lazy(src: str) -> LazyPattern:
        return lazy_regex.compile(expand(src))

    common = tuple(lazy(u) for u in data.get("common", {}).get("unless", []))
    out = []
    for p in data["pattern"]:
        if p["code"] not in _BY:
            raise ValueError(f"checks/fair_competition/patterns.toml: 未知代码 {p['code']}")
        out.append(Pattern(
            p["code"], p["id"], p["standard"], p["article"], p.get("confidence", "medium"),
            lazy(p["pattern"]), common + tuple(lazy(u) for u in p.get("unless", [])),
            tuple(lazy(u) for u in p.get("unless_block", [])), p["message"], p["suggestion"],
            *_trigger_words(expand(p["pattern"]), expand(p.get("rare", "")))))
    starts: dict[str, set[int]] = {}  # each word → the patterns it may start or end (one pass)
    ends: dict[str, set[int]] = {}
    inner: dict[str, set[int]] = {}
    for i, p in enumerate(out):
        for w in p.triggers or ():
            starts.setdefault(w, set()).add(i)
        for w in p.tails or ():
            ends.setdefault(w, set()).add(i)
        for w in p.inner or ():
            inner.setdefault(w, set()).add(i)
    by_word = {w: frozenset(ps) for w, ps in starts.items()}
    by_tail = {w: frozenset(ps) for w, ps in ends.items()}
    by_inner = {w: frozenset(ps) for w, ps in inner.items()}
    always = frozenset(i for i, p in enumerate(out) if p.triggers is None)
    any_tail = frozenset(i for i, p in enumerate(out) if p.tails is None)
    any_inner = frozenset(i for i, p in enumerate(out) if p.inner is None)
    return PatternSet(tuple(out), tuple(sorted(by_word.keys() | by_tail.keys() | by_inner.keys())), by_word, always,
                      by_tail, any_tail, by_inner, any_inner)


def _positions(text: str, char: str) -> list[int]:
    out, i = [], text.find(char)
    while i >= 0:
        out.append(i)
        i = text.find(char, i + 1)
    return out


class _Block:
    """Positions in one block computed once, so that judging a match never rescans the text
    before it (linear in the block's length, whatever the number of matches)."""

    def __init__(self, text: str):
        self.text = text
        self._stops: list[int] | None = None

    @cached_property
    def ends(self) -> list[int]:
        return [m.start() for m in _SENTENCE_END.finditer(self.text)]

    @cached_property
    def opens(self) -> list[int]:
        return _positions(self.text, "《")

    @cached_property
    def closes(self) -> list[int]:
        return _positions(self.text, "》")

    def sentence(self, start: int, end: int) -> tuple[int, int]:
        """Bounds of the sentence holding text[start:end]."""
        i = bisect_left(self.ends, start)
        left = self.ends[i - 1] + 1 if i else 0
        j = bisect_left(self.ends, end)
        return left, self.ends[j] if j < len(self.ends) else len(self.text)

    def in_book_title(self, pos: int) -> bool:
        """True when pos sits inside 《…》 (a cited title, not the draft's own words)."""
        i, j = bisect_left(self.opens, pos), bisect_left(self.closes, pos)
        return (self.opens[i - 1] if i else -1) > (self.closes[j - 1] if j else -1)

    def _segments(self) -> None:
        # the text between full stops: no prohibition lead-in crosses a full stop
        text = self.text
        self._stops = _positions(text, "。")
        n = len(self._stops) + 1
        starts = [0] + [q + 1 for q in self._stops]
        has_lead = [False] * n
        for m in _PROHIBIT_LEAD.finditer(text):
            has_lead[bisect_left(self._stops, m.start())] = True
        self._last_lead = []  # segment k → the last segment ≤ k with a lead-in, or -1
        last = -1
        for k in range(n):
            last = k if has_lead[k] else last
            self._last_lead.append(last)
        self._last_break = []  # stop k → the last stop ≤ k after which no list item follows, or -1
        last = -1
        for k, q in enumerate(self._stops):
            last = k if _NEW_SENTENCE.match(text, q) else last
            self._last_break.append(last)
        self._starts = starts

    def after_prohibition_lead(self, pos: int) -> bool:
        """The text before ``pos`` ends a list lead-in (不得…下列…：) that no new sentence has closed
        since: the last lead-in in text[:pos] with no full stop after it that starts a new sentence."""
        if self._stops is None:
            self._segments()
        k = bisect_left(self._stops, pos)  # the segment that holds pos
        if _PROHIBIT_LEAD.search(self.text, self._starts[k], pos):
            return True
        j = self._last_lead[k - 1] if k else -1
        if j < 0:
            return False
        # stops j .. k-1 lie between that lead-in and pos; the last one is judged on text[:pos]
        if k - 2 >= j and self._last_break[k - 2] >= j:
            return False
        return not _NEW_SENTENCE.match(self.text, self._stops[k - 1], pos)


def _under_prohibition(doc, block_index: int, block: _Block, pos: int) -> bool:
    """The match sits in a list introduced by a prohibition (不得含有下列内容：…)."""
    if block.after_prohibition_lead(pos):
        return True
    if not _ITEM_START.match(doc.blocks[block_index].text):
        return False
    for i in range(block_index - 1, max(block_index - 15, -1), -1):
        text = doc.blocks[i].text
        if _ITEM_START.match(text):
            continue
        return bool(_PROHIBIT_LEAD.search(text))
    return False


class FairCompetition:
    name = CHECK_NAME
    rules = RULES

    def run(self, ctx: Context) -> Iterable[Finding]:
        a, doc = ctx.analysis, ctx.doc
        if not ctx.level_rules.get("fair_competition_review"):  # checks/authority/measures.toml
            return

        for b, wanted in patterns().by_block(doc.blocks, doc.text, doc.title_block):
            block = _Block(b.text)
            seen: set[tuple[str, int]] = set()  # one finding per code and sentence
            for p in wanted:
                blocked: bool | None = None
                for m in p.pattern.finditer(b.text):
                    if blocked is None:
                        blocked = any(u.search(b.text) for u in p.unless_block)
                    if blocked:
                        break
                    s, e = block.sentence(m.start(), m.end())
                    if (p.code, s) in seen or block.in_book_title(m.start()):
                        continue
                    sentence = b.text[s:e]
                    if any(u.search(sentence) for u in p.unless):
                        continue
                    if _under_prohibition(doc, b.index, block, m.start()):
                        continue
                    seen.add((p.code, s))
                    rule = _BY[p.code]
                    yield Finding(
                        p.code, CHECK_NAME, rule.severity, p.message.format(match=m.group(0)),
                        m.group(0), locate(doc, a.structure, b.index, m.start()), p.article,
                        p.suggestion, p.confidence, extra={"standard": p.standard, "pattern": p.id})


CHECK = FairCompetition()
