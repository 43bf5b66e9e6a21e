"""A small chunker for certification phrases: the noun phrase headed by 证明 (证明材料, 证明文件,
证明书, 证明信, 证明函) with its modifiers, the verb that governs it, and who acts.

Works on one clause at a time and looks at most ``WINDOW`` characters to the left of a head, so
the cost is linear in the length of the text whatever the number of heads.
"""

from __future__ import annotations

import regex

from zzreview import lazy_regex
from zzreview.text.numerals import CN_NUMERAL_CHARS
from zzreview.text.triggers import gated

WINDOW = 80  # longest modifier looked at, in characters

ON_RE: list = []  # the patterns compiled by on_re (tests/test_cert_engines.py runs each on both engines)


def on_re(pattern: str):
    """``pattern`` to be compiled by the standard library's re on first use (lazy_regex's
    ``on_re``): for the chunker's most used patterns re matches as regex does, with less work per
    call."""
    lazy = lazy_regex.compile(pattern, on_re=True)
    ON_RE.append(lazy)
    return lazy


HEAD = on_re(r"证明(?:材料|文件|文书|书|信|函)?")

# a compound that is not a certification (证明事项, 证明商标) or 证明 used as a verb
_COMPOUND_AFTER = lazy_regex.compile(  # a plain word list: lazy_regex runs it on re
    r"(?:事项|清单|制度|工作|标准|机制|责任|效力|力|人|义务|期限|格式|模板|范本|样式|开具|出具|目录|"
    r"服务|环节|要求|改革|城市|商标|类|内容|之外|的项目|的格式|的真实性|的副本|送达|作用|功能)")
_VERB_BEFORE = on_re(
    r"(?:能够|足以|可以|用以|用于|予以|加以|无法|能|可|以|须|需|负责|借以|据以|进行|证据|并|来|均|是否|确实|"
    r"足够|调查|事实|实践|经验)$")
_VERB_AFTER = lazy_regex.compile(
    r"(?:其|本人|自己|自身|他|她|该|此|这|符合|具有|具备|是|属|为|已|未|没有|与|确|系|有|无|申请人|当事人|"
    r"上述|以上|下列|所|对|了|过|着|\d|\p{Latin})")

# --- verbs -----------------------------------------------------------------------------------
# the public hands over, shows, holds or obtains the certification; the office inspects it
DEMAND = (r"提交|提供|提报|报送|送交|递交|呈交|呈报|上报|交验|出示|携带|持有(?!效)|附有|备有|"
          r"(?<![支坚保维扶主劫挟把所])持(?![续久])|"
          r"凭(?!证)|附送|附具|附上|附(?![件近则表录属加和带图])|连同|取得|领取|索取|补交|补齐|补正|查验|核验|"
          r"根据|依据|准备|备齐|需提报|张贴|悬挂|交|"
          r"(?<=[须需应要当])有(?!关)|具备")  # 须有、应当具备…证明: a requirement to hold it
ISSUE = r"出具|开具"
GRANT = r"发给|发放|签发|核发|颁发|换发|补发|撤销|吊销|收缴|没收"  # the office's own act on it
AGENCY = r"审查|审核|核查|核实|核对|比对|调取|收集|存档|转交|寄送|归档|共享|查询"
_VERBS = on_re(rf"(?:{ISSUE}|{GRANT}|{AGENCY}|{DEMAND})")
IS_DEMAND = lazy_regex.compile(rf"(?:{DEMAND})$")
IS_ISSUE = lazy_regex.compile(rf"(?:{ISSUE})")  # use with fullmatch()
IS_OFFICE_ACT = lazy_regex.compile(rf"(?:{GRANT}|{AGENCY})")  # use with fullmatch()
_COMPOUND_VERBS = lazy_regex.compile(r"(?:查询|共享|核查|核实|比对)$")  # 无房产查询证明: part of the name
_NOUN_AFTER_VERB = lazy_regex.compile(r"(?:表|书|单|卡|记录|报告|意见|结论|机构|机关|部门|人员|结果|情况|系统|平台|窗口)")
_RC_AFTER = on_re(r"(?:[（(][^（）()]{1,6}[）)])?[）)]?的")  # 颁发(出具)的: a relative clause

# --- who acts and how ----------------------------------------------------------------------------
# (a plain word list, which lazy_regex runs on re: 假证明|假生育… rather than 假(?:证明|生育…))
PENALTY = lazy_regex.compile(r"伪造|变造|买卖|涂改|虚假|假证明|假生育|假流动|假独生|骗取|冒用|出租|出借|不正当|假冒|编造|"
                        r"欺骗|贿赂")
ORG = (r"(?:机关|机构|部门|政府|委员会|村委会|居委会|社区|派出所|单位|医院|校|办事处|组织|团体|法院|检察院|中心|"
       r"公司|企业|站|所|局|厅|处|办|队|会|馆|窗口|院|村|居)")  # 馆: 殡仪馆、档案馆、使馆
_ORG_END = on_re(rf"{ORG}(?:[（(][^（）()]{{1,10}}[）)])?$")
PARTY = (r"申请人|当事人|申报人|申请单位|申请者|申请企业|本人|个人|群众|居民|学生|家长|监护人|投标人|供应商|"
         r"办事人|服务对象|参保人|权利人|继承人|送养人|收养人|承办人|经办人|家属|养犬人|经营者|举办者")
_PARTY = lazy_regex.compile(PARTY)
MODAL = lazy_regex.compile(r"应当|应|必须|须|要|负责|可以|依法|及时")
_RECIPIENT = on_re(r"(?:为|向|给)([^，,；;。为向给]{1,20})$")
_GOT_FROM = on_re(r"(?:由|到|去|从|请|在|向)([^，,；;。由到向]{2,30}?)(?:申请|统一)?$")

# a certification referred to, not demanded: 前款规定的证明, 上述证明材料
BACK_REF = lazy_regex.compile(
    r"^(?:前款|前项|前述|上述|本条|这些|以上|所述|所列|前条)|^(?:该|此)(?:项|类|等)?(?:有关|相关)?的?$|"
    r"(?:前款|前项|前述|上述|本条|第[一二三四五六七八九十百零\d]+[条款项])[^，。；]{0,24}(?:规定|所称|所列|所述)的"
    r"(?:有关|相关)?$")
SUBMITTED = lazy_regex.compile(r"(?:提交|提供|报送)的(?:有关|相关)?(?:证件和|证件、)?$")
# after the phrase: it is the subject or object of something else (不齐全的, 为准, 进行审查)
NOT_AFTER = on_re(
    r"^[^，,；;。]{0,6}?(?:不齐全|齐全|无效|不符|不一致|一致|为准|进行审查|进行审核|予以审查|送达之日|"
    r"存档|备案|确有困难|有困难|真实有效|真实、|的真实性|的复制件|的复印件|不实|是指|为[:：]|，?是指|应当寄送|由[^，。]{0,12}(?:统一)?规定)")
DEMAND_AFTER = on_re(r"^[^，,；;。]{0,12}?(?:一并|一起|均须|须|应当|应)?(?:送交|提交|报送|递交|上报)"
                     rf"|^[，,]?由(?:{PARTY})[^，,；;。]{{0,20}}?(?:提交|提供|报送|递交|携带|出示)")  # …证明，由申请人提交

GENERIC = ("其他", "其它", "其余", "相关", "有关", "必要", "所需", "需要", "相应", "有效", "合法", "书面", "正式",
           "真实", "原始", "的", "等", "各类", "各种", "必需", "合法有效", "相应的")
_GENERIC = lazy_regex.compile("(?:" + "|".join(sorted(map(regex.escape, GENERIC), key=len, reverse=True)) + ")")
_OTHER = lazy_regex.compile(r"其他|其它|其余")
BOUNDED = lazy_regex.compile(r"(?:法律|法规|规章|国务院决定)[^，。；]{0,30}(?:规定|要求)")

# names that are not certifications when written as a compound: identity documents, licences,
# qualifications (身份证明, 准印证明, 资格证明); a descriptive 代理资格的证明 is not excluded
NOT_CERT = on_re(
    r"(?:身份|许可|资格|资质|准刻|准印|准运|学习驾驶|自运|执照|护照|通行|驾驶)(?:证明)(?:文件|材料|书)?$")
_NUM = f"[{CN_NUMERAL_CHARS}0-9０-９]+"  # as analysis.structure reads article numbers
_ARTICLE = rf"\s*第{_NUM}条(?:之{_NUM})?\s*"  # 第三条, 第十条之一
ARTICLE = lazy_regex.compile(_ARTICLE)  # with match()
ENUM = lazy_regex.compile(  # used with match(): anchored where matching starts
    r"\s*(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,3}\s*[.．、)）](?!\d)|[一二三四五六七八九十]{1,3}、|[①-⑳]|[a-zA-Z][.)）])\s*")
_DE_NOUN = lazy_regex.compile(r"的(?!原件|复印件|复制件|材料|文件|[\p{P}\s]|$)")
_SUMMARY_END = lazy_regex.compile(r"等(?:相关|有关|其他)?的?$")
_LAW_END = lazy_regex.compile(r"(?:法律|法规|规章)$")
_ISSUER_RC = on_re(r"^(?:由)?(.{2,40}?)(?:颁发|出具|开具|签发|核发|提供|盖章确认|证明)(?:[（(][^（）()]*[）)])?的")
_ISSUER_DE = lazy_regex.compile(r"^(.{2,30}?)的(?:证明|有效证明)")
_BRACKETED = lazy_regex.compile(r"[（(][^（）()]*[）)]")
_CLAUSE_MARK = lazy_regex.compile(r"[，,；;：:]")
# what opens a clause before the one who issues (第三条 确需有关单位出具证明, 当有关部门出具证明后)
_CONDITION_BY = lazy_regex.compile(rf"^(?:{_ARTICLE})?(?:确需|确须|如需|若需|凡|当(?![事地场日天年月时期]))?"
                                   r"(?:有工作单位的|无工作单位的)?由?")
_PROXY = gated("代", r"代为$|代理人?$")
_HELPS = lazy_regex.compile(r"协助$|配合[^，,]{0,10}$")


def is_verb_use(text: str, pos: int, end: int) -> bool:
    """证明 as a verb (足以证明…, 证明其…) or heading a compound that is not a certification."""
    after = text[end:end + 6]
    if _COMPOUND_AFTER.match(after):
        return True
    if text[pos:end] != "证明":
        return False
    before = text[max(0, pos - 4):pos]
    if after.startswith("的") and _DE_NOUN.match(after):
        return True  # 经该机构证明的文件: a verb in a relative clause
    if _VERB_BEFORE.search(before) or _VERB_AFTER.match(after):
        return True
    return False


def governing_verb(text: str, lo: int, start: int):
    """The rightmost verb in text[lo:start] that is not inside a relative clause (出具的, 提交的)."""
    last = None
    for m in _VERBS.finditer(text, lo, start):
        if _RC_AFTER.match(text, m.end()):
            continue
        if _IN_RELATION.search(text, m.end(), start) and "与" in text[max(lo, m.start() - 20):m.start()]:
            continue  # 与资格审核有关的证明: the verb is inside the modifier
        if m.end() == start and _COMPOUND_VERBS.search(m.group(0)):
            continue
        if _NOUN_AFTER_VERB.match(text, m.end()):
            continue  # 资格审查表, 核查结果: a noun, not a verb
        if _in_modifier(text, lo, m, start):
            continue  # 已交回集体的证明: the verb of a relative clause on the head
        last = m
    return last


# a verb marked for aspect or negation (已交, 未取得) or with a resultative/directional complement
# (交回, 交出) describes a state: when its own 的 follows before the head, it sits in the modifier
_ASPECT_BEFORE = gated(("已", "曾", "未", "不", "没"), r"(?:已经?|曾经?|未|不|没有|没)$")
_COMPLEMENTS = tuple("回出还清完掉走")
_HEAD_THEN_DE = lazy_regex.compile(r"证明(?:材料|文件|文书|书|信|函)?的")


def _in_modifier(text: str, lo: int, m, start: int) -> bool:
    """The verb ``m`` is inside a relative clause ending in 的 before the head at ``start``: it is
    marked (已交回, 未取得) and no other verb stands between it and that 的. A head followed by 的
    (未取得…证明的) is a condition, left to the circumstance check."""
    if not (_ASPECT_BEFORE.search(text, max(lo, m.start() - 2), m.start())
            or text.startswith(_COMPLEMENTS, m.end())):
        return False
    de = text.find("的", m.end(), start)
    if de < 0 or _HEAD_THEN_DE.match(text, start):
        return False
    return _VERBS.search(text, m.end(), de) is None


_IN_RELATION = lazy_regex.compile(r"有关的|相关的")
_COORD = on_re(r"、|以及|或者|和|及(?!其)|或(?!者)")
_DOC_END = on_re(r"(?:书|表|(?<![认验论保查])证|簿|件|照|同|票|据|明|料|函|信|本|单|卡)$")


def noun_start(text: str, lo: int, head_start: int) -> int:
    """Left edge of the modifiers of the head at ``head_start`` (``lo``: after the verb/clause)."""
    seg = text[lo:head_start]
    opened = max(seg.rfind("（"), seg.rfind("("))
    if opened >= 0 and max(seg.rfind("）"), seg.rfind(")")) < opened:
        lo, seg = lo + opened + 1, seg[opened + 1:]  # （如工资证明: an example inside brackets
    if "等" in seg and _SUMMARY_END.search(seg):  # every match holds 等
        return lo + len(seg) - len(seg.lstrip(" 　"))  # X、Y等证明材料: the whole list is the modifier
    start = lo
    for m in _COORD.finditer(text, lo, head_start):
        between = text[m.end():head_start]
        left = text[start:m.start()]
        if not between.strip():
            continue  # 证件或者证明材料: the modifier is shared
        if m.group(0) in ("或者", "或") and not _DOC_END.search(left) and left.strip():
            continue  # 所有权或者使用权证明: alternatives inside one name
        if "的" in between and not _DOC_END.search(left):
            if m.group(0) != "、" or _ORG_END.search(left) or _LAW_END.search(left):
                continue  # A或者B的证明 / 村委会、居委会出具的证明: one phrase
        start = m.end()
    return start


def split_issuer(np: str) -> tuple[str | None, int | None]:
    """Issuer written in the phrase: 由X出具的…, X出具的…, X的证明 (X an organisation)."""
    if "的" not in np:
        return None, None  # every match of _ISSUER_RC and _ISSUER_DE holds 的
    m = _ISSUER_RC.search(np)
    if m and _ORG_END.search(m.group(1).rstrip("、")):
        return m.group(1), m.start(1)
    m = _ISSUER_DE.match(np)
    if m and _ORG_END.search(m.group(1)):
        return m.group(1), 0
    return None, None


def is_catch_all(core: str) -> bool:
    """Only generic words before the head (其他相关证明材料), or 其他 after the last 的."""
    tail = core.rsplit("的", 1)[-1]
    if "其" in tail and _OTHER.search(tail):  # every match holds 其
        return True
    rest = _BRACKETED.sub("", core) if "（" in core or "(" in core else core  # a bracket opens every match
    return _GENERIC.sub("", rest).strip() == ""


def issue_role(prefix: str) -> tuple[int, str | None]:
    """出具/开具 governing the phrase: +1 when the public gets it from someone (由X出具, 到X开具,
    X出具 in a list of materials), -1 when it is someone's duty to issue (Y应当为X出具)."""
    got = _GOT_FROM.search(prefix)
    if got and not prefix.endswith("后"):
        who = got.group(1)
        if (prefix[got.start()] == "由" or _ORG_END.search(who)) and not _PARTY.fullmatch(who):
            return 1, who
    if _RECIPIENT.search(prefix):
        return -1, None
    clause = _CLAUSE_MARK.split(prefix)[-1]
    modal = MODAL.search(clause)
    if modal:
        subject = clause[:modal.start()]
        return (-1, None) if _ORG_END.search(subject) and not _PARTY.search(subject) else (1, None)
    subject = _CONDITION_BY.sub("", clause)
    return (1, subject or None) if subject and _ORG_END.search(subject) else (1, None)


_BY_RECORDS = lazy_regex.compile(r"共享|比对|信息系统|数据|网上|在线|电子证照|系统")


def demand_role(prefix: str, verb: str) -> int:
    """A hand-over verb: -1 when someone gives it to the public (供电企业向用户提供…) or the office
    checks it in its own records (通过数据共享核验…), else +1."""
    if verb in ("核验", "查验") and _BY_RECORDS.search(prefix):
        return -1
    if verb in ("提供", "出示", "交"):
        rec = _RECIPIENT.search(prefix)
        if rec and not _ORG_END.search(rec.group(1)):
            return -1
        if _HELPS.search(prefix):
            return -1
    if prefix.endswith("所") or _PROXY.search(prefix):
        return -1  # 所提供证明材料 (what was handed over), 代为提交 (who may hand it over)
    return 1
