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
