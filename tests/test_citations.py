"""Citation extraction (zzreview.analysis.citations, zzreview.analysis.articles)."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zzreview.analysis.articles import parse_article_refs
from zzreview.analysis.citations import Citation, classify_title, extract_citations, find_title_spans
from zzreview.document import Block, Document


def make_doc(title: str | None, *paras: str) -> Document:
    blocks: list[Block] = []
    if title is not None:
        blocks.append(Block(0, "heading", title, 1, 3, level=1))
    for p in paras:
        blocks.append(Block(len(blocks), "paragraph", p, len(blocks) + 1))
    return Document("t.md", "markdown", blocks, title=title, title_block=0 if title is not None else None)


def cites(*paras: str, title: str | None = "某市人民政府关于加强管理的通告") -> list[Citation]:
    return extract_citations(make_doc(title, *paras))


def written(cs: list[Citation]) -> list[str]:
    return [c.as_written for c in cs]


# ------------------------------------------------------------------ brackets
def test_simple_citation_offsets_and_title():
    text = "根据《中华人民共和国合同法》的规定，制定本办法。"
    (c,) = cites(text)
    assert c.as_written == "《中华人民共和国合同法》"
    assert c.title == "中华人民共和国合同法"
    assert text[c.start:c.end] == c.as_written
    assert c.block == 1 and c.kind == "law"


@pytest.mark.parametrize("text, inner", [
    ("根据《山东省实施〈中华人民共和国水法〉办法》规定", "山东省实施〈中华人民共和国水法〉办法"),
    ("根据《安徽省实施<渔业法>办法》的有关规定", "安徽省实施<渔业法>办法"),
    ("根据《山东省实施《中华人民共和国水法》办法》规定", "山东省实施《中华人民共和国水法》办法"),
])
def test_nested_quotes_give_the_outer_pair(text, inner):
    (c,) = cites(text)
    assert c.title == inner
    assert c.as_written == f"《{inner}》"


@pytest.mark.parametrize("text, expected", [
    ("《甲法》《乙条例》", ["《甲法》", "《乙条例》"]),
    ("根据《甲法》、《乙条例》和《丙办法》", ["《甲法》", "《乙条例》", "《丙办法》"]),
    ("依照《甲法》及《乙规定》以及《丙细则》", ["《甲法》", "《乙规定》", "《丙细则》"]),
])
def test_titles_in_a_row(text, expected):
    assert written(cites(text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("根据《甲法", []),
    ("根据甲法》和《乙法》", ["《乙法》"]),
    ("根据《甲法和《乙法》规定", ["《乙法》"]),
    ("《》和《  》", []),
    ("《甲法。乙法》", []),
    ("》》《《", []),
])
def test_unbalanced_brackets(text, expected):
    assert written(cites(text)) == expected


def test_find_title_spans_outer_only():
    assert find_title_spans("a《b〈c〉《d》e》f《g》") == [(1, 11), (12, 15)]


def _title_spans_by_character(text: str) -> list[tuple[int, int]]:
    """The definition, a step per character: outer 《…》 pairs; a sentence end abandons open ones
    (their closed inner pairs become outer); a pair longer than 200 characters keeps what it encloses."""
    spans, stack = [], []
    for i, ch in enumerate(text):
        if ch == "《":
            stack.append((i, []))
        elif ch == "》" and stack:
            start, inner = stack.pop()
            if i + 1 - start > 200:
                (stack[-1][1] if stack else spans).extend(inner)
            elif stack:
                stack[-1][1].append((start, i + 1))
            else:
                spans.append((start, i + 1))
        elif ch in "。！？；" and stack:
            while stack:
                spans.extend(stack.pop()[1])
    while stack:
        spans.extend(stack.pop()[1])
    return sorted(spans)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["《", "》", "。", "；", "法", "条例", "〈", "〉", "x" * 90]), max_size=30).map("".join))
def test_title_spans_step_from_mark_to_mark_as_the_character_definition(text):
    assert find_title_spans(text) == _title_spans_by_character(text)


# ------------------------------------------------------------------ version notes, year hints
def test_version_note_inside_title():
    (c,) = cites("依据《中华人民共和国食品安全法（2021年修正）》第三十五条")
    assert c.as_written == "《中华人民共和国食品安全法（2021年修正）》"
    assert c.title == "中华人民共和国食品安全法"
    assert c.version_note == "2021年修正"
    assert c.year_hint == 2021
    assert c.articles == ["第三十五条"]


def test_version_note_right_after_title():
    (c,) = cites("依据《中华人民共和国行政许可法》（2019年修正）第十二条规定")
    assert c.title == "中华人民共和国行政许可法"
    assert c.version_note == "2019年修正"
    assert c.year_hint == 2019
    assert c.articles == ["第十二条"]


@pytest.mark.parametrize("text, title, note, year", [
    ("《中华人民共和国行政许可法(2019修正)》", "中华人民共和国行政许可法", "2019修正", 2019),
    ("《某市人民政府工作规则（2019年11月修订）》", "某市人民政府工作规则", "2019年11月修订", 2019),
    ("《政府核准的投资项目目录（2016年本）》", "政府核准的投资项目目录", "2016年本", 2016),
    ("《甲法》（二〇一八年修正）", "甲法", "二〇一八年修正", 2018),
])
def test_version_note_forms(text, title, note, year):
    (c,) = cites(text)
    assert (c.title, c.version_note, c.year_hint) == (title, note, year)


def test_title_parenthesis_is_not_a_version_note():
    (c,) = cites("按照《医院处方点评管理规范（试行）》执行")
    assert c.title == "医院处方点评管理规范（试行）"
    assert c.version_note is None


@pytest.mark.parametrize("text, year", [
    ("根据《甲条例》（国发〔2007〕19号）", 2007),
    ("根据《甲办法》（中国银监会等七部委2010年3号令）", 2010),
    ("根据《物权法》（主席令第62号）", None),
    ("根据2019年修正的《甲法》", 2019),
    ("根据《甲法》", None),
])
def test_year_hint(text, year):
    (c,) = cites(text)
    assert c.year_hint == year


@pytest.mark.parametrize("before, year", [
    ("2019年修正的", 2019), ("二〇一八年10月1日施行的", 2018), ("2015年 公布的 ", 2015),
    ("2019年的工作中，", None), ("2019年修正", None),
])
def test_year_written_right_before_the_title(before, year):
    (c,) = cites("根据" + before + "《甲法》")
    assert c.year_hint == year


# ------------------------------------------------------------------ article references
@pytest.mark.parametrize("after, refs, numbers", [
    ("第五十二条规定", ["第五十二条"], [52]),
    ("第二十三条第二款", ["第二十三条第二款"], [23]),
    ("第二十三条第二款第（三）项", ["第二十三条第二款第（三）项"], [23]),
    ("第二十三条第二款第(三)项、第（四）项", ["第二十三条第二款第（三）项", "第二十三条第二款第（四）项"], [23, 23]),
    ("第二十三条、第二十五条", ["第二十三条", "第二十五条"], [23, 25]),
    ("第二十三条和第二十五条", ["第二十三条", "第二十五条"], [23, 25]),
    ("第二十三条至第二十五条", ["第二十三条至第二十五条"], [25]),
    ("第23条", ["第23条"], [23]),
    ("第十条之一", ["第十条之一"], [10]),
    ("第一款", [], []),
    ("第十条第一款、第二款", ["第十条第一款", "第十条第二款"], [10, 10]),
    ("的第一千二百六十条", ["第一千二百六十条"], [1260]),
    ("，第三条", [], []),
    ("第一批", [], []),
    ("规定", [], []),
])
def test_article_references_after_title(after, refs, numbers):
    (c,) = cites("依据《某某法》" + after)
    assert c.articles == refs
    assert c.article_numbers == numbers


@pytest.mark.parametrize("text, note, year, refs", [
    # one parenthesis after the title gives the year hint and is stepped over for the articles
    ("依据《甲条例》（国发〔2007〕19号）第五条", None, 2007, ["第五条"]),
    ("依据《甲条例》（主席令第62号）第五条", None, None, ["第五条"]),
    # after a version note, the parenthesis that follows it is the one stepped over
    ("依据《甲法》（2019年修正）（主席令第29号）第十二条", "2019年修正", 2019, ["第十二条"]),
    ("依据《甲法（2019年修正）》（主席令第29号）第十二条", "2019年修正", 2019, ["第十二条"]),
    ("依据《甲法》（2019年修正）第十二条（主席令第29号）", "2019年修正", 2019, ["第十二条"]),
    ("依据《甲法》（国发〔2007〕19号）（主席令第29号）第十二条", None, 2007, []),
])
def test_parenthesis_after_title_or_version_note(text, note, year, refs):
    (c,) = cites(text)
    assert (c.title, c.version_note, c.year_hint, c.articles) == ("甲条例" if "条例" in text else "甲法", note, year, refs)


def test_title_across_a_soft_line_break_is_joined():
    (c,) = cites("依据《中华人民共和国\n 行政许可法》第十二条")
    assert c.title == "中华人民共和国行政许可法"
    assert c.articles == ["第十二条"]


def test_articles_attach_to_the_nearest_title():
    a, b = cites("依据《甲法》第九十条、《乙条例》第六十二条之规定")
    assert a.articles == ["第九十条"] and b.articles == ["第六十二条"]


def test_parse_article_refs_end_offset():
    r = parse_article_refs("第五条、第六条的规定", 0)
    assert r.refs == ["第五条", "第六条"] and r.end == 7


def test_parse_article_refs_without_tiao():
    r = parse_article_refs("第一款、第二款第（一）项", 0)
    assert r.refs == ["第一款", "第二款第（一）项"]
    assert r.numbers == [None, None]


def test_articles_and_numbers_are_parallel():
    (c,) = cites("依据《某某法》第三条第一款、第二款和第五条至第七条")
    assert c.articles == ["第三条第一款", "第三条第二款", "第五条至第七条"]
    assert c.article_numbers == [3, 3, 7]


# ------------------------------------------------------------------ short names
def test_short_name_definition_and_use():
    cs = cites("根据《中华人民共和国行政许可法》（以下简称《行政许可法》）制定。",
               "违反《行政许可法》第八十一条的，依法处理。")
    full, defn, use = cs
    assert full.defines_short_name == "行政许可法" and full.short_name_of is None
    assert defn.short_name_of == "中华人民共和国行政许可法"
    assert use.short_name_of == "中华人民共和国行政许可法"
    assert use.articles == ["第八十一条"]


def test_short_name_in_quotes_and_unclosed_parenthesis():
    cs = cites("依据《甲市物业管理条例》（以下简称“条例”）和《乙办法》（以下简称《办法》和其他规定。",
               "按《条例》、《办法》规定提交材料。")
    assert cs[0].defines_short_name == "条例"
    assert cs[1].defines_short_name == "办法"
    uses = [c for c in cs if c.short_name_of]
    assert [(c.as_written, c.short_name_of) for c in uses] == [
        ("《办法》", "乙办法"), ("《条例》", "甲市物业管理条例"), ("《办法》", "乙办法")]


@pytest.mark.parametrize("after", [
    "（国发〔2010〕33号，以下简称《意见》）", "（国发〔2010〕33号）（以下简称《意见》）", "（下称“意见”）",
])
def test_short_name_definition_forms(after):
    (c, *_) = cites("根据《国务院关于加强法治政府建设的意见》" + after + "。")
    assert c.defines_short_name == "意见"


def test_short_name_not_applied_before_definition():
    cs = cites("《行政许可法》规定。", "根据《中华人民共和国行政许可法》（以下简称《行政许可法》）。")
    assert cs[0].short_name_of is None


def test_undefined_genre_word_refers_to_last_matching_title():
    cs = cites("根据《城市房屋拆迁管理条例》规定。按《条例》执行。")
    assert cs[1].short_name_of == "城市房屋拆迁管理条例"



def test_undefined_genre_words_each_refer_to_the_latest_title_ending_in_them():
    cs = cites("根据《甲市养犬管理条例》和《乙市物业管理办法》。按《条例》执行。",
               "依照《丙市停车管理条例》。按《条例》和《办法》执行。", "另按《丁市绿化条例》。《条例》《办法》同。")
    uses = [(c.as_written, c.short_name_of) for c in cs if c.short_name_of]
    assert uses == [("《条例》", "甲市养犬管理条例"), ("《条例》", "丙市停车管理条例"), ("《办法》", "乙市物业管理办法"),
                    ("《条例》", "丁市绿化条例"), ("《办法》", "乙市物业管理办法")]

# ------------------------------------------------------------------ the document itself
def test_issued_instrument_in_title_is_not_a_citation():
    cs = cites("现将《某市养犬管理办法》印发给你们，请认真贯彻执行。",
               "第一条 根据《中华人民共和国动物防疫法》，制定本办法。",
               title="某市人民政府关于印发《某市养犬管理办法》的通知")
    assert written(cs) == ["《中华人民共和国动物防疫法》"]


def test_several_issued_instruments_in_title():
    cs = cites("现将《甲办法》、《乙细则》等两个文件印发给你们。", "依据《丙法》和《甲办法》。",
               title="关于印发《甲办法》、《乙细则》等两个文件的通知")
    assert written(cs) == ["《丙法》"]


def test_issued_instrument_without_quotes_in_title():
    cs = cites("《国家组织药品集中采购和使用试点方案》（以下简称《方案》）已经国务院同意，现印发给你们。",
               "各地要按照《方案》要求，落实《处方管理办法》。",
               title="国务院办公厅关于印发国家组织药品集中采购和使用试点方案的通知")
    assert written(cs) == ["《处方管理办法》"]


def test_forwarded_instrument_with_issuer_prefix_and_de():
    cs = cites("市房管局拟订的《杭州市专项维修资金使用管理的补充规定》已经市政府同意，现转发给你们。",
               "根据《物权法》制定。",
               title="杭州市人民政府办公厅转发市房管局关于杭州市专项维修资金使用管理补充规定的通知")
    assert written(cs) == ["《物权法》"]


def test_rule_order_title_and_ben():
    cs = cites("《某市城市管理暂行规定》已经市政府讨论通过，现予以印发。",
               "本《规定》所称城市管理，依照《城市市容和环境卫生管理条例》执行。",
               title="某市城市管理暂行规定")
    assert written(cs) == ["《城市市容和环境卫生管理条例》"]


def test_context_marks_the_issued_instrument():
    cs = cites("现将修改完善后的《某细则及文种式样》印发给你们。", "依据《国家行政机关公文处理办法》。",
               title="某办公室关于公文处理的通知")
    assert written(cs) == ["《国家行政机关公文处理办法》"]


def test_law_named_inside_an_implementing_title_is_still_cited():
    cs = cites("根据《中华人民共和国土地管理法》，提出如下实施意见。",
               title="关于贯彻实施《中华人民共和国土地管理法》的实施意见")
    assert written(cs) == ["《中华人民共和国土地管理法》"]


def test_citing_before_issuing_is_still_a_citation():
    cs = cites("根据《甲法》，经市政府同意，现印发本办法。")
    assert written(cs) == ["《甲法》"]


def test_implementing_prefix_is_not_an_issuer():
    cs = cites("根据《国务院关于加强安全生产工作的意见》，结合本省实际。",
               title="某市人民政府关于转发省政府贯彻落实国务院关于加强安全生产工作的意见的通知")
    assert written(cs) == ["《国务院关于加强安全生产工作的意见》"]


def test_attachments_are_part_of_this_document():
    cs = cites("制定了《某县防汛应急预案》（见附件），请遵照执行。", "附件：《某县防汛工作方案》",
               "根据《中华人民共和国防洪法》。")
    assert written(cs) == ["《中华人民共和国防洪法》"]


def test_title_block_is_skipped():
    doc = make_doc("关于废止《甲办法》的决定", "决定废止《甲办法》。")
    cs = extract_citations(doc)
    assert [c.block for c in cs] == [1]


# ------------------------------------------------------------------ kind
@pytest.mark.parametrize("title", [
    "营业执照", "食品经营许可证", "居民身份证", "健康证明", "某某登记表", "申请表", "缴费通知单",
    "承诺书", "行政处罚决定书", "人民日报", "某某工作手册", "国有土地使用权出让合同", "某市人民政府公报",
])
def test_other_titles(title):
    assert classify_title(title) == "other"


@pytest.mark.parametrize("title", [
    "食品卫生许可证管理办法", "中华人民共和国居民身份证法", "政府核准的投资项目目录（2016年本）",
    "市场准入负面清单", "建筑施工场界环境噪声排放标准（GB12523-2011）", "章程", "清理整顿报告书",
    "法治政府建设实施纲要（2015—2020年）", "关于某某情况的通报", "某某工作要点",
])
def test_law_titles(title):
    assert classify_title(title) == "law"


def test_kind_on_citations():
    a, b = cites("申请人应当提交《营业执照》，并遵守《食品经营许可管理办法》。")
    assert (a.kind, b.kind) == ("other", "law")


# ------------------------------------------------------------------ repeal context
@pytest.mark.parametrize("text, flags", [
    ("本办法自2020年1月1日起施行，《甲办法》同时废止。", [True]),
    ("《甲办法》（甲政发〔2010〕1号）同时废止。", [True]),
    ("《甲办法》、《乙规定》同时废止。", [True, True]),
    ("自本办法施行之日起，废止《甲办法》和《乙规定》。", [True, True]),
    ("原《甲办法》停止执行。", [True]),
    ("《甲办法》自本办法施行之日起废止。", [True]),
    ("根据《甲法》制定本办法，《乙办法》同时废止。", [False, True]),
    ("不再执行《甲规定》中关于工程承包范围的限制性规定。", [False]),
    ("根据《甲法》制定。", [False]),
    ("本解释施行后，最高人民法院《关于甲的解释》（法（研）发〔1987〕32号）同时废止。", [True]),
    ("1987年国务院发布的《甲条例》和1990年财政部发布的《乙办法》同时废止。", [True, True]),
    ("1978年国务院发布的《甲条例》中有关总会计师的规定同时废止。", [True]),
    ("根据《甲法》和《乙条例》，现决定《丙办法》同时废止。", [False, False, True]),
])
def test_repeal_context(text, flags):
    assert [c.repeal_context for c in cites(text)] == flags


# ------------------------------------------------------------------ output
def test_to_dict_is_json_ready():
    (c,) = cites("依据《中华人民共和国合同法》第五十二条")
    d = c.to_dict()
    assert json.loads(json.dumps(d, ensure_ascii=False)) == d
    assert d["as_written"] == "《中华人民共和国合同法》" and d["articles"] == ["第五十二条"]
    assert {"title", "version_note", "kind", "short_name_of", "repeal_context"} <= set(d)


def test_every_occurrence_in_order_across_blocks():
    cs = cites("根据《甲法》和《甲法》。", "再依《乙法》。")
    assert [(c.block, c.as_written) for c in cs] == [(1, "《甲法》"), (1, "《甲法》"), (2, "《乙法》")]


def test_no_title_block():
    cs = extract_citations(make_doc(None, "根据《甲法》。"))
    assert written(cs) == ["《甲法》"]


# ------------------------------------------------------------------ robustness
_ALPHABET = st.sampled_from(list("《》〈〉<>（）()第条款项之一二三十23、和及，。；以下简称“”本废止同时印发现将法办法条例证表年修正\n 甲乙"))


@settings(max_examples=300, deadline=None)
@given(title=st.text(_ALPHABET, max_size=30), paras=st.lists(st.text(_ALPHABET, max_size=80), max_size=4))
def test_random_text_never_raises_and_offsets_hold(title, paras):
    doc = make_doc(title, *paras)
    for c in extract_citations(doc):
        block = doc.blocks[c.block]
        assert block.text[c.start:c.end] == c.as_written
        assert c.as_written.startswith("《") and c.as_written.endswith("》")
        assert c.block != doc.title_block


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_unicode_never_raises(text):
    for c in cites(text):
        assert text[c.start:c.end] == c.as_written
