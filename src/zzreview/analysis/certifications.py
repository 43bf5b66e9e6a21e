"""Certification demands (证明事项): every phrase by which a draft requires the public to
provide, submit, present or obtain a certification (提交…证明, 由…出具的…证明, 其他证明材料).

Candidates are found by the noun (证明, 证明文件/材料/书/函); the surrounding clause decides
whether it is a demand on the public. jieba is imported lazily, only for text containing 证明.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from zzreview.model import Location

# --- vocabulary -------------------------------------------------------------------------------

_NOUN = regex.compile(r"证明(?:文件|材料|文书|书|函|信)?")
# 证明 used as a verb: followed by its object
_VERB_OBJECT = regex.compile(
    r"^(?:其|本人|自己|自身|他|她|该|此|这|符合|具有|具备|是|属|为|已|未|没有|与|确|系|有|无|申请人|当事人|身份|"
    r"上述|以上|下列|所|对|能|可|了|过|着|\p{Latin}|\d)")
# 证明 heading a longer compound that is not a certification
_NOT_A_CERT_AFTER = regex.compile(
    r"^(?:事项|清单|制度|工作|标准|机制|责任|效力|力|人|义务|期限|格式|模板|范本|样式|开具|出具|目录|"
    r"服务|环节|要求|改革|城市|材料清单|类)")
# a modal or verb right before 证明: 证明 is itself the verb (能够证明…)
_VERB_BEFORE = regex.compile(r"(?:能够|足以|可以|用以|用于|予以|加以|无法|不能|能|可|以|需要|须|需|负责|借以|据以|进行)$")

# not certifications: identity documents, licences, qualifications
_NOT_CERT_NAME = regex.compile(
    r"(?:身份|户口|护照|驾驶|执照|许可|资格|资质|职业资格|通行)(?:证明)?(?:文件|材料)?$|身份证|户口簿|居住证$")

# verbs by which the public is asked to hand over or obtain a certification
_DEMAND_VERB = (r"提交|提供|报送|送交|递交|呈交|呈报|上报|交验|出示|携带|持有|(?<![支坚保维扶主劫])持(?![续久])|"
                r"凭(?!证)|附送|附具|附上|附(?![件近则表录属加和带])|连同|取得|索要|索取|补交|补齐|补正")
# verbs by which an agency handles or issues the certification itself
_AGENCY_VERB = r"核查|核实|核验|查验|审核|审查|调取|共享|查询|比对|核对|认定|审验|复核"
_ISSUE_VERB = r"出具|开具|签发|核发|盖章确认|盖章"
_VERB = regex.compile(rf"(?:{_ISSUE_VERB}|{_AGENCY_VERB}|{_DEMAND_VERB})")
_ISSUE = regex.compile(rf"^(?:{_ISSUE_VERB})$")
_AGENCY = regex.compile(rf"^(?:{_AGENCY_VERB})$")

_NEGATION = regex.compile(
    r"不得|不再|无需|无须|不需|不必|免于|免予|免交|免除|免提交|取消|禁止|严禁|不要求|停止|不应|一律不|不准|"
    r"代替|替代|杜绝|防止")
_PROMISE = regex.compile(r"告知承诺|书面承诺|承诺制|作出承诺|签署承诺")
_PARTY = regex.compile(
    r"申请人|当事人|申报人|申请单位|申请者|申请企业|经营者|本人|个人|群众|居民|学生|家长|监护人|"
    r"投标人|供应商|企业|办事人|服务对象|参保人|权利人|继承人|用人单位|社会团体|单位")
_FOR_PARTY = regex.compile(
    rf"(?:为|向|给)(?:{_PARTY.pattern}|用户|客户|消费者|市民|公众|新生儿|患者|职工|员工|其|对方)")
_AGENCY_SUBJECT = regex.compile(
    r"(?:机关|部门|政府|派出所|委员会|村委会|居委会|法院|检察院|机构|办事处|中心|医院)"
    r"(?:应当|应|要|须|负责|可以|依法|及时|统一)")

# list header: 申请人应当提交下列材料：
_LIST_HEADER = regex.compile(
    rf"(?:{_DEMAND_VERB}|准备|具备|材料如下|材料包括|资料包括)[^。；;]*?"
    r"(?:材料|资料|文件|证明|证件|要件|手续)[^。；;]*[：:]\s*$|(?:下列|以下|如下)(?:材料|资料|文件|证明|证件|要件)[：:]?\s*$")
_ENUM = regex.compile(r"^\s*(?:[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、)）]|[一二三四五六七八九十]+、|[①-⑳])")

# catch-alls without the word 证明: 有关部门要求的其他材料
_OPEN_MATERIALS = regex.compile(
    r"(?:(?:有关|相关|主管|审批|审核|受理|登记)?(?:部门|机关|单位|工作人员)?(?:认为)?(?:要求|需要)(?:提供|提交|补充)?的)"
    r"其他(?:相关|有关|必要的?)?(?:材料|资料|文件)|其他(?:相关|有关|必要的?)(?:材料|资料)"
    r"|其他(?:需要|需|应当|应)(?:提供|提交|补充)的(?:材料|资料|文件)")
_BOUNDED = regex.compile(r"(?:法律|法规|规章|规定|本办法|本规定|本细则)[^，。；]{0,6}规定的$")

_CATCH_ALL_MODIFIERS = ("其他", "其它", "相关", "有关", "必要", "必需", "所需", "需要", "要求", "所要求", "其余",
                        "其他相关", "其他有关", "相应")
_STRIP_MODIFIERS = ("有效", "合法", "真实", "书面", "正式", "原始", "一份", "相应")
_STOP_TOKENS = frozenset(
    "的 地 和 及 或 与 以及 或者 并 并且 、 等 由 经 向 到 去 从 在 将 把 对 需 须 应 应当 要 需要 必须 请 按 按照 依 "
    "依法 一并 办理 申请 为 是 以 有 没有 提出 及其 其 并附 后 前 时 给 如 若 如需 所 可 可以 该 此 等等 之 "
    "或是 还 还应 另 另需 同时 均 各 份 张 件".split())
_LEGAL_TERMS = ("证明事项", "告知承诺", "告知承诺制", "无犯罪记录", "无违法犯罪记录", "村民委员会", "居民委员会",
                "村委会", "居委会", "派出所", "公安派出所", "户籍所在地", "婚姻状况", "亲属关系", "出生医学证明",
                "死亡医学证明", "医学证明")
_PUNCT = regex.compile(r"[\p{P}\s]")


@dataclass
class CertificationDemand:
    text: str  # the certification as it should be matched (exact substring of the block)
    phrase: str  # the demanding phrase (exact substring of the block)
    block: int
    start: int  # offset of ``text`` in the block
    phrase_start: int
    location: Location
    phrase_location: Location
    issuer: str | None = None
    catch_all: bool = False
    promise: bool = False  # the draft itself offers 告知承诺 for it
    listed: bool | None = None  # None: not judged against a list
    list_item: dict | None = None
    count: int = 1

    @property
    def article(self) -> str | None:
        return self.location.article

    def to_dict(self) -> dict:
        return {
            "text": self.text,
            "name": self.text,
            "phrase": self.phrase,
            "issuer": self.issuer,
            "catch_all": self.catch_all,
            "listed": self.listed,
            "list_item": self.list_item,
            "promise": self.promise,
            "article": self.article,
            "count": self.count,
            "location": self.location.to_dict(),
        }


# --- jieba, lazily -----------------------------------------------------------------------------

_JIEBA = None


def tokenizer():
    """jieba with the legal-term words added (imported on first use)."""
    global _JIEBA
    if _JIEBA is None:
        import logging

        import jieba

        jieba.setLogLevel(logging.WARNING)
        for w in _LEGAL_TERMS:
            jieba.add_word(w)
        _JIEBA = jieba
    return _JIEBA


def _tokens(text: str) -> list[tuple[str, int, int]]:
    out, pos = [], 0
    for t in tokenizer().lcut(text, HMM=False):
        out.append((t, pos, pos + len(t)))
        pos += len(t)
    return out


# --- helpers -------------------------------------------------------------------------------------

def _sentences(text: str):
    """(start, end) of sentences: split on 。！？ and line breaks."""
    start = 0
    for m in regex.finditer(r"[。！？!?\n]", text):
        if m.end() > start:
            yield start, m.end()
        start = m.end()
    if start < len(text):
        yield start, len(text)


def _in_book_title(text: str, pos: int) -> bool:
    before = text[:pos]
    return before.count("《") > before.count("》")


def _noun_start(sentence: str, toks, end: int) -> int:
    """Left edge of the noun phrase ending at ``end`` (offset of 证明 in ``sentence``)."""
    start = end
    # a token running into the noun (出生医学证明 as one word) contributes its head
    parts = [(t, s, e) if e <= end else (t[:end - s], s, end) for t, s, e in toks if s < end]
    for t, s, e in reversed(parts):
        if t in _STOP_TOKENS or _PUNCT.fullmatch(t[0]) or _VERB.fullmatch(t) or _PARTY.fullmatch(t) \
                or regex.fullmatch(r"[\d一二三四五六七八九十]+", t) or end - s > 16:
            break
        start = s
    # a verb the tokenizer glued to the noun (附具纳税 → 附/具纳税) still stops it
    for m in _VERB.finditer(sentence, max(0, start - 4), end):
        if m.start() < start < m.end() or (start <= m.start() and m.end() <= end and
                                           not _PUNCT.search(sentence[m.end():end]) and m.start() == start):
            start = m.end()
    # strip descriptive modifiers
    text = sentence[start:end]
    changed = True
    while changed and text:
        changed = False
        for mod in _STRIP_MODIFIERS:
            if text.startswith(mod) and len(text) > len(mod):
                text, start, changed = text[len(mod):], start + len(mod), True
    return start


def _aligned(toks, pos: int) -> bool:
    """证明 at ``pos`` starts a token or ends one (not inside 保证明…)."""
    return any(s == pos or e == pos + 2 for _, s, e in toks)


def _clause(prefix: str) -> tuple[str, str | None]:
    """The clause before a noun and, for a list (…材料：（一）…), the header before the colon."""
    colon = max(prefix.rfind("："), prefix.rfind(":"))
    semi = max(prefix.rfind("；"), prefix.rfind(";"))
    if colon > semi:
        header = prefix[:colon]
        return prefix[colon + 1:], header[max(header.rfind("；"), header.rfind(";")) + 1:]
    if colon >= 0:
        header = prefix[:colon]
        return prefix[semi + 1:], header[max(header.rfind("；"), header.rfind(";")) + 1:]
    return prefix[semi + 1:], None


def _negated(clause: str, header: str | None) -> bool:
    """A negation in the comma-clause of the governing verb (不再要求提交…, 免于提交…)."""
    def tail(t: str) -> str:
        verb = _governing(t)
        cut = t.rfind("，", 0, verb.start()) if verb else max(t.rfind("，"), t.rfind(","))
        return t[cut + 1:]
    if _NEGATION.search(tail(clause)):
        return True
    return header is not None and _governing(clause) is None and bool(_NEGATION.search(tail(header)))


def _relative(text: str, m) -> bool:
    """An issuing verb inside a relative clause (…出具的) describes the noun; it does not govern it."""
    return bool(_ISSUE.match(m.group(0))) and text[m.end():m.end() + 1] == "的"


def _governing(clause: str):
    """The nearest verb before the noun that governs it, skipping relative clauses."""
    for m in reversed(list(_VERB.finditer(clause))):
        if _relative(clause, m):
            continue
        return m
    return None


def _issue_is_demand(clause: str, m) -> tuple[bool, str | None]:
    """出具/开具 without 的: a demand when obtained from someone (由X/到X开具) or done by the party."""
    before = clause[:m.start()]
    agency = _AGENCY_SUBJECT.search(before)
    if agency and not _PARTY.search(before[:agency.start()]):
        return False, None  # 派出所应当出具…: the agency's own duty
    got = regex.search(r"(?:由|到|去|从|请|在|向(?=[^，,]*申请))([^，,、；由到向去从请在]{2,20}?)(?:申请)?$", before)
    if got and not _PARTY.fullmatch(got.group(1)):
        return True, got.group(1)
    if _PARTY.search(before) and not _FOR_PARTY.search(before) and not regex.search(r"向", before):
        return True, None
    return False, None


def _issuer_before(sentence: str, toks, noun_start: int) -> tuple[str | None, int]:
    """Issuer in "…X出具的<noun>" or "由X开具的<noun>"; returns (issuer, start of the issuer)."""
    m = regex.search(rf"(?:{_ISSUE_VERB})的\s*$", sentence[:noun_start])
    if not m:
        return None, noun_start
    verb_start = m.start()
    by = regex.search(r"由([^，,；。：:由]{2,24})$", sentence[:verb_start])
    if by:
        return by.group(1), by.start()
    start = _noun_start(sentence, toks, verb_start)
    if start >= verb_start:
        return None, noun_start
    return sentence[start:verb_start], start


def _catch_all(core: str) -> bool:
    core = regex.sub(r"的$", "", core)
    if not core:
        return False
    rest = core
    for mod in sorted(_CATCH_ALL_MODIFIERS, key=len, reverse=True):
        rest = rest.replace(mod, "")
    return rest == ""


# --- extraction ----------------------------------------------------------------------------------

def _locate(doc, structure, block: int, offset: int) -> Location:
    from zzreview.analysis.facts import locate

    return locate(doc, structure, block, offset)


def _list_headers(doc) -> set[int]:
    """Blocks governed by a list header (提交下列材料：) in an earlier block."""
    governed: set[int] = set()
    header = False
    for b in doc.blocks:
        if b.index == doc.title_block:
            continue
        if header and (_ENUM.match(b.text) or b.kind == "list_item"):
            governed.add(b.index)
            continue
        header = bool(_LIST_HEADER.search(b.text)) and not _NEGATION.search(b.text)
    return governed


def _demands_in_block(doc, structure, b, governed: bool) -> list[CertificationDemand]:
    out: list[CertificationDemand] = []
    text = b.text
    for s0, s1 in _sentences(text):
        sentence = text[s0:s1]
        if "证明" not in sentence and "其他" not in sentence:
            continue
        toks = _tokens(sentence) if "证明" in sentence else []
        promise = bool(_PROMISE.search(sentence))
        for m in _NOUN.finditer(sentence):
            pos, end = m.start(), m.end()
            if not _aligned(toks, pos):
                continue
            quoted = _in_book_title(sentence, pos)
            if quoted:  # 《出生医学证明》: a certificate written as a title
                open_ = sentence.rfind("《", 0, pos)
                if not sentence.startswith("》", end) or "》" in sentence[open_:pos]:
                    continue
            after = sentence[end:]
            if _NOT_A_CERT_AFTER.match(after):
                continue
            if m.group(0) == "证明" and (_VERB_OBJECT.match(after) or _VERB_BEFORE.search(sentence[:pos])):
                continue
            start = sentence.rfind("《", 0, pos) + 1 if quoted else _noun_start(sentence, toks, pos)
            name = sentence[start:end]
            core = sentence[start:pos]
            if regex.fullmatch(r"(?:以下|下列|如下|上述|前款|前述|前项|该|本|此|所述|这些|以上)", core) or \
                    _NOT_CERT_NAME.search(name) or regex.search(r"虚假|伪造|变造|假冒", core):
                continue  # a licence or ID; or a penalty clause about false proofs
            prefix = sentence[:start - 1] if quoted else sentence[:start]
            if _BOUNDED.search(prefix):
                continue
            clause, header = _clause(prefix)
            if _negated(clause, header):
                continue
            issuer, issuer_start = _issuer_before(sentence, toks, start)
            verb = _governing(clause)
            demand, phrase_start = False, None
            if verb is not None:
                if _AGENCY.match(verb.group(0)):
                    continue
                if _ISSUE.match(verb.group(0)):
                    demand, by = _issue_is_demand(clause, verb)
                    if not core and by and clause[:verb.start()].endswith("由" + by):
                        continue  # 由街道办事处出具证明后报批: a step of the procedure, borderline
                    issuer = issuer or by
                elif regex.match(r"提供|出示", verb.group(0)) and (
                        _FOR_PARTY.search(clause[:verb.start()]) or
                        (_AGENCY_SUBJECT.search(clause[:verb.start()]) and not _PARTY.search(clause[:verb.start()]))):
                    continue  # the agency provides it
                else:
                    demand = True
                phrase_start = len(prefix) - len(clause) + verb.start()
            elif header is not None and _governing(header) is not None:
                hv = _governing(header)
                demand = bool(hv) and not _AGENCY.match(hv.group(0)) and not _ISSUE.match(hv.group(0))
            elif governed:
                demand = True
            if not demand:
                # a verb after the noun in the same clause: …证明一并送交
                tail = regex.match(r"[^，,；;。]*?(?:一并|一起|均须|须|应当|应)?(?:送交|提交|报送|递交|上报|报)", after)
                if not (tail and not _NEGATION.search(tail.group(0))):
                    continue
            catch_all = _catch_all(core)
            if not core and not issuer:
                continue  # a bare 证明 names nothing to check
            if phrase_start is None or start - phrase_start > 40:
                phrase_start = issuer_start if issuer else start
                if issuer and issuer_start > 0 and sentence[issuer_start - 1] == "由":
                    phrase_start -= 1
            if not core and issuer:  # 村委会出具的证明, 到村委会开具证明: keep the issuer in the name
                at = sentence.rfind(issuer, 0, start)
                start = issuer_start if issuer_start < start else (at if at >= 0 else start)
                name = sentence[start:end]
                if len(name) > 30 or not name.startswith(issuer):
                    continue
            phrase_start = min(phrase_start, start)
            phrase = sentence[phrase_start:end + (1 if quoted else 0)]
            loc = _locate(doc, structure, b.index, s0 + start)
            ploc = _locate(doc, structure, b.index, s0 + phrase_start)
            out.append(CertificationDemand(
                text=name, phrase=phrase, block=b.index, start=s0 + start, phrase_start=s0 + phrase_start,
                location=loc, phrase_location=ploc, issuer=issuer, catch_all=catch_all, promise=promise))
        out.extend(_open_materials(doc, structure, b, s0, sentence, governed, promise))
        _after_jing(doc, structure, b, s0, sentence, out, promise)
    return out


def _open_materials(doc, structure, b, s0, sentence, governed, promise):
    """Catch-alls without 证明: 有关部门要求的其他材料, 其他相关材料."""
    for m in _OPEN_MATERIALS.finditer(sentence):
        prefix = sentence[:m.start()]
        if _BOUNDED.search(prefix) or "证明" in m.group(0):
            continue
        clause, header = _clause(prefix)
        if _negated(clause, header):
            continue
        verb = _governing(clause) or (_governing(header) if header is not None else None)
        if verb is None and not governed:
            continue
        if verb is not None and (_AGENCY.match(verb.group(0)) or _ISSUE.match(verb.group(0))):
            continue
        loc = _locate(doc, structure, b.index, s0 + m.start())
        yield CertificationDemand(
            text=m.group(0), phrase=m.group(0), block=b.index, start=s0 + m.start(),
            phrase_start=s0 + m.start(), location=loc, phrase_location=loc, catch_all=True, promise=promise)


_JING = regex.compile(
    r"经([^，,；;。：:经]{0,16}?(?:村民委员会|居民委员会|村委会|居委会|社区|派出所|公安机关|所在单位|工作单位|"
    r"医院|学校|街道办事处|乡镇人民政府|镇人民政府|乡人民政府))(?:出具|盖章)?证明")


def _after_jing(doc, structure, b, s0, sentence, out, promise):
    """经村委会证明: a proof demanded from the named body (证明 as a verb)."""
    for m in _JING.finditer(sentence):
        clause, header = _clause(sentence[:m.start()])
        if _negated(clause, header) or _in_book_title(sentence, m.start()):
            continue
        if any(d.block == b.index and d.start <= s0 + m.end(1) < d.start + len(d.text) + 2 for d in out):
            continue
        issuer = m.group(1)
        text_start = m.start(1)
        name = sentence[text_start:m.end()]
        loc = _locate(doc, structure, b.index, s0 + text_start)
        out.append(CertificationDemand(
            text=name, phrase=m.group(0), block=b.index, start=s0 + text_start, phrase_start=s0 + m.start(),
            location=loc, phrase_location=_locate(doc, structure, b.index, s0 + m.start()),
            issuer=issuer, promise=promise))


def extract_certifications(doc, analysis) -> list[CertificationDemand]:
    """Every certification the document demands, first occurrence of each name (with a count)."""
    if "证明" not in doc.text and not _OPEN_MATERIALS.search(doc.text):
        return []
    structure = analysis.structure
    governed = _list_headers(doc)
    found: list[CertificationDemand] = []
    for b in doc.blocks:
        if b.index == doc.title_block or b.kind == "heading" and not _ENUM.match(b.text):
            continue
        found.extend(_demands_in_block(doc, structure, b, b.index in governed))
    out: list[CertificationDemand] = []
    by_name: dict[str, CertificationDemand] = {}
    for d in sorted(found, key=lambda d: (d.block, d.start)):
        key = _PUNCT.sub("", d.text)
        if key in by_name:
            by_name[key].count += 1
            by_name[key].promise = by_name[key].promise or d.promise
            continue
        by_name[key] = d
        out.append(d)
    return out


def text_note(analysis) -> str | None:
    """One line for the text report when demands were found but no list was configured."""
    demands = getattr(analysis, "certifications", None) or []
    if demands and all(d.listed is None for d in demands if not d.catch_all) and \
            any(not d.catch_all for d in demands):
        n = len(demands)
        return (f"识别到 {n} 项证明材料要求，但未配置证明事项清单（certification-lists），未对照清单审查；"
                f"详见 --format json 的 facts.certifications")
    return None
