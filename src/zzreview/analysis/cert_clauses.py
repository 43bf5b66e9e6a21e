"""Walking a text line by line, sentence by sentence and clause by clause to find the certification
phrases it demands (see analysis.certifications). The noun phrases themselves come from
analysis.cert_phrases. Imported only for a text that contains 证明 or 其他.
"""

from __future__ import annotations

import bisect

from zzreview import lazy_regex

from zzreview.analysis import cert_phrases as cp
from zzreview.record import Record
from zzreview.text.triggers import gated


SENTENCE_END = cp.on_re(r"[。！？!?]")
_PROMISE = lazy_regex.compile(r"告知承诺|书面承诺|承诺制|作出承诺|签署承诺|承诺代替")  # a word list: run on re
_STRONG_NEGATION = cp.on_re(
    r"不得|不再|无需|无须|不需|不必|免于|免予|免交|免提交|免除(?=提交|提供|出具|开具|索要)|取消|禁止|严禁|不要求|停止|不应|一律不|不准|"
    r"代替|替代|杜绝|防止|已取消")
_CIRCUMSTANCE = gated(  # every match starts with one of its triggers
    ("无", "未", "没有", "不能"), r"(?:(?<!有)无|(?<![尚从])未|没有|不能|无法)(?:依照[^，]{0,16}规定)?(?:按规定|依法|及时|在[^，]{0,12}内)?"
    r"(?:提交|提供|取得|出具|持有|附具|报送|查验|登记)?[、和]?(?:登记)?$")
_LEAD = lazy_regex.compile(r"(?:[\s　]|如|例如|包括|除|应当|应|须|必须|并且|并|还应|还需|还|另需|另|均|需|请|可|以及|和|及|或者|、|等|由|"
                      r"一律|同时|一并)+")
# every match holds 其他 right before a material word, a qualifier or a modal (not 其他组织, 其他方面)
_OTHER_MATERIALS = ("其他材料", "其他资料", "其他文件", "其他相关", "其他有关", "其他必要", "其他需", "其他应")
OPEN_MATERIALS = gated(
    _OTHER_MATERIALS, r"(?:(?:有关|相关|主管|审批|审核|受理|登记)?(?:部门|机关|单位|工作人员)?(?:认为)?(?:要求|需要)(?:提供|提交|补充)?的)"
    r"其他(?:相关|有关|必要的?)?(?:材料|资料|文件)|其他(?:相关|有关|必要的?)(?:材料|资料)"
    r"|其他(?:需要|需|应当|应)(?:提供|提交|补充)的(?:材料|资料|文件)")
_JING = gated(  # every match starts with 经 (rarer than 证明 in the lines read)
    "经", rf"经(?:过)?([^，,；;。：:经由]{{2,24}}?{cp.ORG})(?:出具|盖章)?证明(?=[，,；;。：:\s]|$|[后并即])")
HEADER_LINE = lazy_regex.compile(r"(?:(?:材料|资料|要件|证件)(?:名称|清单|目录)?|(?:所需|需提交的|需提供的|申请)证明)[\s　:：]*$")
_FORWARDED = lazy_regex.compile(r"后[，,]?(?:报|上报|送|移送|转|再报|逐级)")  # 出具证明后报……审批
_SECTION = lazy_regex.compile(r"\s*(?:第[一二三四五六七八九十百零\d]+[章节编]|[一二三四五六七八九十]+、)")
_COMMA_OR_SEMI = lazy_regex.compile(r"[，,；;]")
_LIST_OPENERS = ("下列", "以下", "如下")  # _LEAD_IN starts with one
_LIST_WORD = lazy_regex.compile("|".join(_LIST_OPENERS))
_HOLDS_LIST = lazy_regex.compile(r"(?:具有|具备|持有)(?:下列|以下)")
_MATERIAL_WORD = lazy_regex.compile(r"(?:材料|资料|证明|证件|文件|要件)")
_BRACKETS_OR_SPACE = lazy_regex.compile(r"[（(][^（）()]*[）)]|[\s　]")
_ITEM_TAIL = lazy_regex.compile(r"、|和|及|或|以及|等|原件|复印件|到|向|前往|申请|办理")
_TITLE_OF_TEXT = lazy_regex.compile(r"[的之与和、]|证明")
_BRACKET_AFTER = lazy_regex.compile(r"[（(]([^（）()]{1,20})[）)]")
_JOINED = lazy_regex.compile(r"[、，,]|或|和|及")
_EXAMPLES = lazy_regex.compile(r"如|包括|含|例如|即")
_JOINERS = lazy_regex.compile(r"[\s、，,和及或者以及]*")
_SUMMARY = lazy_regex.compile(r"等[^、，,的和及或]{0,4}$")
_EXCEPT_TAIL = lazy_regex.compile(r"[^，,；;。]{0,4}(?:以外|外)")
_THIS = frozenset(a + b for a in "该此本" for b in ("", "项", "等", "类"))  # the whole modifier is one of these
_LEAD_IN = lazy_regex.compile(rf"(?:{'|'.join(_LIST_OPENERS)})(?:有关|相关)?(?:证件|材料)?(?:和|、|或者|及)?$")
_RELIES_ON = lazy_regex.compile(r"根据|依据|凭|查验")
_IDENTITY_OR_RESIDENCE = lazy_regex.compile(r"身份|居住")
_CLAUSE_MARK = lazy_regex.compile(r"[，,；;：:]")
_COLON = lazy_regex.compile(r"[：:]")
_INQUIRY = lazy_regex.compile(r"调查|核实|查证|审查")


_MARK = cp.on_re(r"[。！？!?，,；;：:（()）]")  # a sentence end, a clause mark or a bracket


def _sentences(line: str) -> list[tuple[int, int, list[tuple[int, int, str]]]]:
    """(start, end, clauses) of each sentence of a line (a sentence ends after 。！？!?), its clauses
    as (start, end, mark that ends it, "" for the last). A clause mark inside （）/() splits nothing;
    brackets nest across sentences, a stray closing one is ignored. One scan of the line for all marks."""
    out = []
    depth = s0 = c0 = 0
    clauses: list[tuple[int, int, str]] = []
    for m in _MARK.finditer(line):
        i = m.start()
        ch = line[i]
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            if depth:
                depth -= 1
        elif ch in "。！？!?":
            clauses.append((c0, i + 1, ""))
            out.append((s0, i + 1, clauses))
            s0 = c0 = i + 1
            clauses = []
        elif not depth:
            clauses.append((c0, i, ch))
            c0 = i + 1
    if s0 < len(line) or not out:
        if c0 < len(line):
            clauses.append((c0, len(line), ""))
        out.append((s0, len(line), clauses))
    return out


def header_polarity(header: str) -> int:
    """+1 when a list header demands its items (提交下列材料), -1 when it does not, 0 unknown."""
    parts = [p for p in _COMMA_OR_SEMI.split(header) if p.strip()] or [header]
    header = next((p for p in parts if _LIST_WORD.search(p)), parts[-1])
    if _STRONG_NEGATION.search(header) or cp.PENALTY.search(header):
        return -1
    if _HOLDS_LIST.search(header):
        return 1
    verb = cp.governing_verb(header, 0, len(header))
    if verb is not None:
        v = verb.group(0)
        if cp.IS_OFFICE_ACT.match(v):
            return -1
        if cp.IS_ISSUE.match(v):
            return cp.issue_role(header[:verb.start()])[0]
        return cp.demand_role(header[:verb.start()], v)
    if _MATERIAL_WORD.search(header):
        return 1
    return 0


class _Found(Record):
    """A certification found in a line, before it becomes a CertificationDemand."""

    _fields = ("text", "start", "phrase_start", "issuer", "catch_all", "bounded", "promise")

    def __init__(
        self,
        text: str,
        start: int,  # in the line
        phrase_start: int,
        issuer: str | None,
        catch_all: bool,
        bounded: bool,
        promise: bool,
    ):
        self.text = text
        self.start = start
        self.phrase_start = phrase_start
        self.issuer = issuer
        self.catch_all = catch_all
        self.bounded = bounded
        self.promise = promise


def _bare_item(before: str, after: str) -> bool:
    """Nothing but the phrase (and its neighbours in a list) in a clause with no verb: an item of
    a list (（二）居住证明；), whose demand comes from the header."""
    if cp.MODAL.search(before) or NEGATION_WORDS.search(before):
        return False
    after = _BRACKETS_OR_SPACE.sub("", after)
    return len(after) <= 2 or bool(_ITEM_TAIL.match(after))


NEGATION_WORDS = lazy_regex.compile(r"不|未|(?<!有)无(?!房|犯罪|违法|固定)|没有|免[于予交]|免提交|(?<!免)除|将|把|对(?!象|应|照|方)")


def _head(line: str, m, lo: int, c1: int) -> tuple[int, int, bool] | None:
    """(start, end, in a title) of the head noun matched by ``m``; None when it is no noun."""
    hs, he = m.start(), m.end()
    near = max(lo, hs - cp.WINDOW)
    if line.rfind("《", near, hs) > line.rfind("》", near, hs):
        close = line.find("》", he, min(c1 + 1, he + 10))
        if close < 0 or _TITLE_OF_TEXT.search(line[he:close]):
            return None  # a title of a law or notice that mentions 证明
        return line.rfind("《", near, hs), close + 1, True
    if cp.is_verb_use(line, hs, he):
        return None
    par = line.startswith(("（", "("), he) and _BRACKET_AFTER.match(line[he:min(c1, he + 22)])
    if par and par.group(1).endswith("证明") and not _EXAMPLES.match(par.group(1)) \
            and not _JOINED.search(par.group(1)):  # 财产证明（街道证明）: one certification
        return hs, he + par.end(), False
    return hs, he, False


def _phrases_in_clause(line: str, c0: int, c1: int, inherited: int, promise: bool, out: list[_Found]) -> int:
    """Certification phrases of line[c0:c1]; returns the clause's polarity for the next clause.
    Every look-around is bounded by cp.WINDOW, so a clause with N heads costs O(N)."""
    polarity_seen = 0
    prev_end, prev_verb = c0, None
    m0 = cp.ENUM.match(line, c0, c1)
    lo = m0.end() if m0 else c0
    pos = lo
    while True:
        m = cp.HEAD.search(line, pos, c1)
        if not m:
            break
        pos = m.end()
        if m.start() < prev_end:
            continue
        head = _head(line, m, lo, c1)
        if head is None:
            continue
        head_start, head_end, in_title = head
        near = max(lo, head_start - cp.WINDOW)
        verb = cp.governing_verb(line, max(near, prev_end), head_start)
        if verb is None and prev_verb is not None and \
                _JOINERS.fullmatch(line[prev_end:max(prev_end, near)][-4:]):
            verb = prev_verb  # 提交甲证明、乙证明……: one verb for the list
        np_lo = max(verb.end() if verb is not None else near, prev_end, near)
        if np_lo == prev_end > lo and _SUMMARY.search(line[np_lo:head_start]):
            prev_end = head_end  # A证明、B证明等证明材料: the named items stand for the summary
            continue
        start = cp.noun_start(line, np_lo, head_start)
        for lead in (cp.ARTICLE, cp.ENUM, _LEAD):  # 第四条 无房证明: the article's label is not the name
            mm = lead.match(line, start, head_start)
            if mm:
                start = mm.end()
        prev_end, prev_verb = head_end, verb
        polarity = _judge(line, lo, near, start, head_start, head_end, in_title, verb, inherited,
                          min(c1, head_end + cp.WINDOW))
        if polarity is None:
            continue
        polarity_seen = polarity[0] or polarity_seen
        if polarity[0] <= 0:
            continue
        found = _name(line, near, start, head_start, head_end, in_title, verb, polarity[1], m.group(0))
        if found:
            found.promise = promise
            out.append(found)
    return polarity_seen


def _judge(line, lo, near, start, head_start, head_end, in_title, verb, inherited, after_end):
    """(polarity, issuer the public gets it from) of a phrase; None when it is no demand at all
    (penalty, exception, back-reference, identity document, licence)."""
    core = line[start:head_start]
    ctx = line[near:start]
    after = line[head_end:after_end]
    if cp.PENALTY.search(line[near:head_end]) or _STRONG_NEGATION.search(ctx):
        return -1, None
    if "除" in ctx and _EXCEPT_TAIL.match(after):
        return None
    if cp.BACK_REF.search(core) or core in _THIS \
            or (core.startswith(_LIST_OPENERS) and _LEAD_IN.match(core)) \
            or ("的" in core and cp.SUBMITTED.search(core) and not (verb and _RELIES_ON.match(verb.group(0)))):
        return None
    if cp.NOT_AFTER.match(after):
        return None
    if not core.endswith("的") and cp.NOT_CERT.search(line[start:head_end].rstrip("》")) and not (
            cp.split_issuer(line[start:head_end])[0] and _IDENTITY_OR_RESIDENCE.search(core)):
        return None
    circumstance = _CIRCUMSTANCE.search(line[near:verb.end() if verb is not None else start])
    if circumstance and (cp.is_catch_all(core) or "不能" not in line[near:head_start]):
        return None
    if verb is None:
        if cp.DEMAND_AFTER.match(after):
            return 1, None
        if inherited and _bare_item(line[lo:start][-cp.WINDOW:], after):
            return inherited, None
        return 0, None
    v = verb.group(0)
    vctx = line[max(lo, verb.start() - cp.WINDOW):verb.start()]
    if cp.IS_OFFICE_ACT.fullmatch(v):
        return -1, None
    if cp.IS_ISSUE.fullmatch(v):
        if _FORWARDED.match(line, head_end):
            return -1, None  # 由街道办事处出具证明后报批: a step of the office's procedure
        return cp.issue_role(vctx)
    return cp.demand_role(vctx, v), None


def _name(line, near, start, head_start, head_end, in_title, verb, by, head) -> _Found | None:
    """The demanded item as written, with its issuer and whether it names nothing (catch-all)."""
    core = line[start:head_start]
    if in_title and not core:
        text, text_start = line[head_start + 1:head_end - 1], head_start + 1
    else:
        text, text_start = line[start:head_end], start
    issuer = cp.split_issuer(text)[0]
    catch_all = cp.is_catch_all(core) if not in_title else False
    bounded = catch_all and bool(cp.BOUNDED.search(line[near:head_start]))
    if not core and not issuer and not in_title:
        if by and verb is not None:  # 由村委会出具证明: the issuer names it
            at = line.rfind(by, near, verb.start())
            if at < 0:
                return None
            text, text_start, issuer = line[at:head_end], at, by
        elif head != "证明" and verb is not None and not line[verb.end():head_start].strip():
            catch_all = True  # 提交证明文件: an unnamed proof
        else:
            return None
    phrase_start = verb.start() if verb is not None and text_start - verb.start() <= 60 else text_start
    return _Found(text=text, start=text_start, phrase_start=min(phrase_start, text_start),
                  issuer=issuer or by, catch_all=catch_all, bounded=bounded, promise=False)


_GENERIC_ISSUER = lazy_regex.compile(r"(?:有关|相关|其他)?(?:部门|单位|机关|机构|组织)")


def _jing(line: str, s0: int, s1: int, promise: bool, found: list[_Found]) -> None:
    """经村委会证明: a proof demanded from the named body (证明 as a verb)."""
    if not _JING.occurs(line, s0, s1):
        return
    mine = sorted((f.start, len(f.text)) for f in found)
    starts, lengths = [a for a, _ in mine], [n for _, n in mine]
    for m in _JING.finditer(line, s0, s1):
        before = line[max(s0, m.start() - 30):m.start()]
        clause = _CLAUSE_MARK.split(before)[-1]
        near = max(s0, m.start() - cp.WINDOW)
        if _STRONG_NEGATION.search(clause) or line.rfind("《", near, m.start()) > line.rfind("》", near, m.start()):
            continue
        if _INQUIRY.search(m.group(1)):
            continue
        k = bisect.bisect_right(starts, m.start(1)) - 1
        if k >= 0 and m.start(1) < starts[k] + lengths[k]:
            continue  # already part of a phrase found by its noun
        name = line[m.start(1):m.end()]
        found.append(_Found(text=name, start=m.start(1), phrase_start=m.start(), issuer=m.group(1),
                            catch_all=bool(_GENERIC_ISSUER.fullmatch(m.group(1))), bounded=False, promise=promise))


def _open_materials(line: str, s0: int, s1: int, inherited: int, promise: bool, found: list[_Found]):
    """Catch-alls without the word 证明: 有关部门要求的其他材料, 其他相关材料."""
    for m in OPEN_MATERIALS.finditer(line, s0, s1):
        near = max(s0, m.start() - cp.WINDOW)
        c0 = max(max(line.rfind(ch, near, m.start()) for ch in "，,；;：:") + 1, near)
        prefix = line[c0:m.start()]
        if cp.BOUNDED.search(line[near:m.end()]) or _STRONG_NEGATION.search(prefix):
            continue
        verb = cp.governing_verb(line, c0, m.start())
        if verb is not None:
            if not cp.IS_DEMAND.search(verb.group(0)):
                continue
        elif not (inherited > 0 and _bare_item(prefix, line[m.end():s1])):
            continue
        found.append(_Found(text=m.group(0), start=m.start(), phrase_start=m.start(), issuer=None,
                            catch_all=True, bounded=False, promise=promise))


def line_demands(line: str, governing: int) -> tuple[list[_Found], int]:
    """Demands in one line; ``governing`` is the polarity of an open list header above it.
    Returns the demands and the polarity for the lines that follow (a header ending this line)."""
    open_materials = "其他" in line and OPEN_MATERIALS.occurs(line)  # each of its words holds 其他
    if "证明" not in line and not open_materials and not line.rstrip().endswith(("：", ":")):
        return [], 0  # every demand names 证明 or is a catch-all (其他材料…); only a header ending the line carries on
    # asked once for the line: every match of _PROMISE holds 承诺, of _JING 经, of OPEN_MATERIALS one
    # of its words, so where the line lacks them no sentence of it has a match
    promise_here, jing_here = "承诺" in line, "经" in line
    found: list[_Found] = []
    carry_out = 0
    for s0, s1, clauses in _sentences(line):
        if not open_materials and line.find("证明", s0, s1) < 0 and not _COLON.search(line, s0, s1):
            carry_out = 0  # a sentence that demands nothing and opens no list: nothing to walk or carry
            continue
        promise = promise_here and bool(_PROMISE.search(line, s0, s1))
        inherited = governing
        header_start = s0
        first = len(found)
        for c0, c1, mark in clauses:
            if "证明" in line[c0:c1]:
                pol = _phrases_in_clause(line, c0, c1, inherited, promise, found)
                if pol:
                    inherited = pol
            if mark in "：:" and mark:
                inherited = header_polarity(line[header_start:c1])
                header_start = c1 + 1
            elif mark in "；;" and mark:
                header_start = c1 + 1
        if jing_here:
            here = found[first:]
            _jing(line, s0, s1, promise, here)
            found[first:] = here
        if open_materials:
            _open_materials(line, s0, s1, inherited, promise, found)
        carry_out = inherited if line[s0:s1].rstrip().endswith(("：", ":")) else 0
    return found, carry_out


_MATERIALS_TITLE = lazy_regex.compile(r"(?:申请|所需|提交|提供|报送|办理|需提报的)(?:材料|资料)|材料清单")


def title_polarity(title: str | None) -> int:
    """+1 when the document's title says it lists materials (临时救助申请材料和办理程序)."""
    return 1 if title and _MATERIALS_TITLE.search(title) else 0


def list_context(kind: str, line: str, state: tuple[int, int]) -> tuple[int, tuple[int, int]]:
    """(polarity the items of this line inherit, new state). The state is (section, list): a short
    heading-like line naming materials (申请材料, 三、申请所需资料) opens a section that lasts to the
    next heading (办理流程, 第四章); a header ending in a colon opens a list that lasts while
    numbered items, list items or short lines (rows of a materials table) follow."""
    section, listed = state
    short = len(line) <= 40 and not SENTENCE_END.search(line)
    if short and HEADER_LINE.search(line):
        return 0, (header_polarity(line) or 1, 0)
    if not (section or listed):
        return 0, state  # nothing open: only a header line changes anything
    if kind == "heading" or _SECTION.match(line):
        return 0, (0, 0)
    if bool(cp.ENUM.match(line)) or kind == "list_item" or ((listed or section) and short):
        return listed or section, (section, listed)
    return section, (section, 0)
