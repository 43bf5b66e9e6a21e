"""The title, 文号 and 落款 windows skip web-page chrome and count only the lines that are not."""

from zzreview.readers import read_document

CHROME = ["首页 > 政策文件", "发布时间：2021-03-05 来源：市政府办公室", "【打印】【关闭】", "上一篇：无"]


def _read(tmp_path, lines):
    path = tmp_path / "draft.md"
    path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    return read_document(path)


def test_doc_number_counts_only_lines_that_are_not_chrome(tmp_path):
    body = [f"第{n}段正文，内容照常。" for n in range(1, 12)]
    # 11 lines of text, then the 文号: the 12th line that is not chrome, after 8 chrome lines
    doc = _read(tmp_path, CHROME + body + CHROME + ["某政发〔2021〕12号"])
    assert doc.doc_number == "某政发〔2021〕12号"
    doc = _read(tmp_path, CHROME + body + ["第12段正文。", "某政发〔2021〕12号"])  # the 13th
    assert doc.doc_number is None


def test_signature_date_and_issuer_found_above_trailing_chrome(tmp_path):
    doc = _read(tmp_path, ["某某管理办法", "第一条 为了规范管理，制定本办法。", "某某市人民政府", *CHROME,
                           "2021年3月5日", *CHROME])
    assert (doc.date, doc.issuer) == ("2021-03-05", "某某市人民政府")
    # six lines that are not chrome are read from the end: a date above them is not the signature's
    # (it is read as a date line near the top, with no issuer)
    doc = _read(tmp_path, ["某某管理办法", "某某市人民政府", "2021年3月5日"] + [f"第{n}条 内容。" for n in range(1, 7)])
    assert (doc.date, doc.issuer) == ("2021-03-05", None)


def test_title_below_chrome_and_split_over_two_paragraphs(tmp_path):
    doc = _read(tmp_path, CHROME + ["某某市人民政府关于印发", "某某管理办法的通知", "各区县人民政府："])
    assert doc.title == "某某市人民政府关于印发某某管理办法的通知"
    assert doc.blocks[doc.title_block].text == "某某市人民政府关于印发"


def _chrome_lines() -> list[str]:
    """Lines made of the chrome pattern's own characters, spaces, digits and Chinese text, in random
    order (seeded), plus every literal word of the pattern at the start of a line."""
    import random

    from zzreview.text import chrome

    source = chrome._CHROME_START.compiled().pattern
    words = [w for w in __import__("re").split(r"[^\u4e00-\u9fffA-Za-z【】•·]+", source) if w]
    alphabet = sorted(set(source) - set("\\()?:*+{}^$")) + [" ", "\u3000", "\t", "1", "9", "：", "。", "正", "文"]
    rnd = random.Random(14)
    lines = [w + tail for w in words for tail in ("", "：", " > 首页", "1页", "】 x", "：2021年")]
    lines += ["".join(rnd.choice(alphabet) for _ in range(rnd.randrange(1, 12))) for _ in range(20000)]
    lines += [rnd.choice(words) + "".join(rnd.choice(alphabet) for _ in range(rnd.randrange(0, 8)))
              for _ in range(20000)]
    return lines + CHROME


def test_a_line_is_tried_on_the_chrome_pattern_whenever_its_first_two_characters_could_begin_a_match():
    from zzreview.text import chrome

    pattern = chrome._CHROME_START.compiled()
    matched = 0
    for line in _chrome_lines():
        t = line.strip()
        if t and pattern.match(t):
            matched += 1
            assert chrome._may_start_chrome(t[:2]), t
    assert matched > 5000
    assert not chrome._may_start_chrome("第一") and not chrome._may_start_chrome("为了")


def test_chrome_decisions_on_menu_rows_and_long_first_items():
    from zzreview.text.chrome import is_chrome

    assert is_chrome("首页 新闻 政务 服务 互动")  # a row of short menu items
    assert is_chrome("政府信息 公开指南 公开目录 依申请 公开年报")
    assert not is_chrome("政府信息公开栏 指南 目录 年报 其他")  # the first item is longer than six
    assert is_chrome("政府信息公开 指南 目录 年报 其他")  # six is not
    assert not is_chrome("第一条 为了 规范 管理。")  # a sentence mark
    assert not is_chrome("新闻 政务 服务")  # three items


def test_what_looks_like_a_title():
    from zzreview.readers.metadata import _looks_like_title

    assert _looks_like_title("某某市养犬管理办法")
    assert _looks_like_title("关于印发【某某】管理办法的通知")
    assert not _looks_like_title("附件 某某市养犬管理办法")
    assert not _looks_like_title("第一章 总则")
    assert not _looks_like_title("（某政发〔2021〕12号印发）")
    assert not _looks_like_title("[某政发［2021］12号]")
    assert not _looks_like_title("某政发〔2021〕12号")
    assert not _looks_like_title("（某政发（2021）12号）")
    assert not _looks_like_title("二〇二一年三月五日")
    assert not _looks_like_title("2021年3月5日（征求意见稿）")
    assert _looks_like_title("关于三月份工作安排的通知")  # 月 but no date


def _record_chrome_judgments(monkeypatch) -> list[str]:
    """The texts judged for web-page chrome from now on, in order (the judgments stay the real ones)."""
    from zzreview import document
    from zzreview.text.chrome import is_chrome

    judged: list[str] = []

    def judge(text: str) -> bool:
        judged.append(text)
        return is_chrome(text)

    monkeypatch.setattr(document, "_judge_chrome", judge)
    return judged


def test_each_line_is_judged_chrome_once_between_reader_and_analysis(tmp_path, monkeypatch):
    import datetime as dt

    from zzreview.analysis.dates import _lines_from_end
    from zzreview.analysis.facts import analyze
    from zzreview.analysis.normative import head_lines
    from zzreview.kb import KnowledgeBase

    judged = _record_chrome_judgments(monkeypatch)
    opening = [f"第{n}段说明，内容照常。" for n in range(1, 16)]  # more than the reader's windows read
    body = ["某某市人民政府关于印发某某管理办法的通知", "各区县人民政府：", *opening, "第一条 为了规范管理，制定本办法。",
            "第二条 本办法自2021年4月1日起施行。", "某某市人民政府", "2021年3月5日"]
    doc = _read(tmp_path, CHROME + body + CHROME)
    read_judged = len(judged)
    assert 0 < read_judged and (doc.date, doc.issuer) == ("2021-03-05", "某某市人民政府")
    analyze(doc, KnowledgeBase.load(), dt.date(2026, 11, 24))
    assert len(judged) > read_judged  # the analysis asked about lines the reader had not
    assert len(judged) == len(set(judged))  # and no line twice
    # the answers are the test's own, whoever asked first
    assert head_lines(doc) == ["各区县人民政府：", *opening]
    assert [t for _, t in _lines_from_end(doc)][7::-1] == body[-8:]
    assert all(doc.is_chrome(t) for t in CHROME) and not any(doc.is_chrome(t) for t in body)


def test_the_ending_is_judged_only_as_far_as_it_is_read(tmp_path, monkeypatch):
    import datetime as dt

    from zzreview.analysis.facts import analyze
    from zzreview.kb import KnowledgeBase

    judged = _record_chrome_judgments(monkeypatch)
    articles = [f"第{n}条 本条规定第{n}项管理事项，有关部门应当按照职责分工做好相关工作，确保各项措施落到实处，不得推诿，不得拖延，不得敷衍塞责。"
                for n in range(1, 21)]
    assert all(len(a) >= 60 for a in articles)  # a long last line is body, not a signature's trailer
    doc = _read(tmp_path, ["某某管理办法", "为了规范管理，制定本办法。", *articles, *CHROME])
    facts = analyze(doc, KnowledgeBase.load(), dt.date(2026, 11, 24)).dates
    assert not facts.ends_with_date  # the last article is body: the ending is read no further
    assert articles[-1] in judged and articles[-3] in judged  # the last three are always read
    # the reader's title window reads eight lines that are not chrome, the opening stops at 第1条
    assert not any(a in judged for a in articles[8:-3])
