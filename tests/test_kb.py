"""The knowledge base: status as of a date, versions, reused titles, aliases, user tables."""

from __future__ import annotations

import datetime as dt

import pytest

from zzreview.errors import ConfigError
from zzreview.kb import KnowledgeBase, normalize_title, title_key

D = dt.date.fromisoformat


@pytest.fixture(scope="module")
def kb():
    return KnowledgeBase.load()


def test_source_and_counts_are_recorded(kb):
    info = kb.info()
    assert "LawRefBook" in info["source"] and info["source_date"] == "2025-04-19" and info["built"]
    assert info["counts"]["laws"] == 1968 and info["counts"]["repealed"] >= 400


def test_normalisation():
    assert normalize_title("《中华人民共和国 行政处罚法(2021年修订)》") == "中华人民共和国行政处罚法（2021年修订）"
    assert title_key("山东省实施〈中华人民共和国水法〉办法") == title_key("山东省实施《水法》办法")


def test_repealed_by_civil_code_depends_on_date(kb):
    before = kb.resolve("合同法", D("2020-06-01"))
    after = kb.resolve("《中华人民共和国合同法》", D("2021-01-01"))
    assert before.status == "有效" and before.title == "中华人民共和国合同法"
    assert after.status == "已废止" and after.successor == "中华人民共和国民法典"
    assert after.repeal_basis == "《中华人民共和国民法典》第一千二百六十条"


def test_max_article_and_version_notes(kb):
    r = kb.resolve("中华人民共和国行政处罚法", D("2026-11-24"))
    assert r.status == "有效" and r.max_article == 86
    old = kb.resolve("中华人民共和国食品安全法（2015年修订）", D("2026-11-24"))
    assert old.status == "已修改" and old.cited_version == "2015年修订"


def test_reused_title_needs_a_year(kb):
    assert kb.resolve("中华人民共和国国家安全法", D("2026-11-24")).ambiguous
    assert kb.resolve("中华人民共和国国家安全法", D("2026-11-24"), year_hint=2010).status == "已废止"
    assert kb.resolve("中华人民共和国国家安全法", D("2026-11-24"), year_hint=2020).status == "有效"


def test_unknown_is_unknown(kb):
    r = kb.resolve("某县农村集体资产管理暂行办法", D("2026-11-24"))
    assert not r.known and r.status == "未知"


def test_near_miss_title_needs_eight_characters_and_a_unique_fit(kb):
    r = kb.resolve("中华人民共和国爆炸物品管理条例", D("2026-11-24"))
    assert r.matched_by == "fuzzy" and r.title == "中华人民共和国民用爆炸物品管理条例" and r.status == "已废止"
    assert not kb.resolve("安全生产条例", D("2026-11-24")).known


def test_near_miss_candidates_are_the_keys_one_or_two_characters_longer(kb):
    keys = list(kb._by_key)
    for k in keys[::25]:
        for short in (k[1:], k[2:]):
            if len(short) < 8:
                continue
            expected = {x for x in keys if len(x) - len(short) in (1, 2) and x.endswith(short)}
            assert k in expected and kb._longer_by(short) == expected


def test_a_user_table_title_becomes_a_near_miss_candidate(tmp_path):
    t = tmp_path / "本市文件.csv"
    t.write_text("标题,效力级别,施行日期\n某市城市绿化养护管理规定,行政规范性文件,2015-01-01\n", encoding="utf-8")
    short = "市城市绿化养护管理规定"
    assert not KnowledgeBase.load().resolve(short, D("2020-01-01")).known
    r = KnowledgeBase.load([t]).resolve(short, D("2020-01-01"))
    assert r.known and r.title == "某市城市绿化养护管理规定"  # found by the near-miss rule


def test_user_table_from_a_spreadsheet_export(tmp_path):
    t = tmp_path / "本市文件.csv"
    t.write_bytes(("标题,效力级别,施行日期,有效期至,简称\n"
                   "某市养犬管理规定,行政规范性文件,2015/1/1,2020年12月31日,养犬规定\n").encode("gb18030"))
    kb = KnowledgeBase.load([t])
    r = kb.resolve("养犬规定", D("2019-01-01"))
    assert r.known and r.status == "有效" and r.title == "某市养犬管理规定"
    r = kb.resolve("某市养犬管理规定", D("2021-01-01"))
    assert r.status == "已废止" and r.valid_until == "2020-12-31"


def test_user_table_overrides_a_shipped_entry(tmp_path):
    t = tmp_path / "更新.tsv"
    t.write_text("title\tstatus\trepeal_date\tsuccessor\n"
                 "中华人民共和国行政处罚法\t已废止\t2026-01-01\t某新法\n", encoding="utf-8")
    r = KnowledgeBase.load([t]).resolve("行政处罚法", D("2026-11-24"))
    assert r.status == "已废止" and r.successor == "某新法"


@pytest.mark.parametrize("content,needle", [
    ("name\tlevel\nX\t法律\n", "title"),
    ("title\teffective_date\nX\t2020-13-01\n", "2020-13-01"),
    ("title\tstatus\nX\t半废止\n", "status"),
])
def test_bad_user_tables_name_file_line_and_problem(tmp_path, content, needle):
    t = tmp_path / "bad.tsv"
    t.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as e:
        KnowledgeBase.load([t])
    assert "bad.tsv" in str(e.value) and needle in str(e.value)


def test_shipped_changes_add_versions_after_the_source_date(kb):
    r = kb.resolve("治安管理处罚法", D("2026-11-24"))
    assert r.status == "有效" and r.effective_date == "2026-01-01" and r.max_article == 144
    assert [v.label for v in r.versions][-2:] == ["2012年修正", "2025年修订"]
    old = kb.resolve("中华人民共和国治安管理处罚法（2012年修正）", D("2026-11-24"))
    assert old.status == "已修改" and old.max_article == 119
    assert kb.resolve("治安管理处罚法", D("2025-06-01")).max_article == 119  # before the revision took effect
    assert [s["id"] for s in kb.info()["sources"]][0] == "base"


def test_user_table_adds_a_version_to_a_shipped_entry(tmp_path):
    t = tmp_path / "新版本.tsv"
    t.write_text("title\tlabel\tpublish_date\teffective_date\tmax_article\n"
                 "中华人民共和国行政处罚法\t2030年修正\t2030-01-01\t2030-03-01\t90\n", encoding="utf-8")
    kb = KnowledgeBase.load([t])
    assert kb.resolve("行政处罚法", D("2030-06-01")).max_article == 90
    assert kb.resolve("行政处罚法", D("2026-11-24")).max_article == 86


def test_user_table_is_a_source_with_its_newest_fact_and_low_confidence_is_a_note(tmp_path):
    t = tmp_path / "本县文件.tsv"
    t.write_text("title\tdoc_no\teffective_date\tstatus\trepeal_date\tconfidence\n"
                 "某县农机补贴办法\t某政发〔2019〕4号\t2019-03-01\t\t\thigh\n"
                 "某县渔船管理办法\t\t2016-05-01\t已废止\t2024-07-01\tlow\n", encoding="utf-8")
    kb = KnowledgeBase.load([t])
    source = kb.info()["sources"][-1]
    assert source["id"] == str(t) and source["newest_fact"] == "2019-03-01" and source["rows"] == 2
    assert kb.resolve("某县农机补贴办法", D("2026-11-24")).doc_no == "某政发〔2019〕4号"
    r = kb.resolve("某县渔船管理办法", D("2026-11-24"))
    assert r.status == "有效" and "未经核实" in r.notes[0].text


def test_shipped_file_is_json_whose_index_line_finds_every_instrument():
    """The index is written with the reader's own title_key: every instrument is found under its
    key, in file order, and a short name leads to its instrument."""
    import json

    from zzreview.resources import data_dir

    path = data_dir() / "kb" / "laws.json"
    whole = json.loads(path.read_text(encoding="utf-8"))
    assert whole["format"] == 3 and len(whole["instruments"]) == whole["meta"]["counts"]["instruments"]
    assert path.read_bytes().count(b"\n") == len(whole["instruments"]) + 2  # index line, one each, "]}"
    fresh = KnowledgeBase.load(path=path, extra_tables=[])
    KnowledgeBase._cache.clear()
    keys = [title_key(d["title"]) for d in whole["instruments"]]
    assert list(fresh._by_key) == list(dict.fromkeys(keys))
    assert [e.title for e in fresh.instruments()] == [
        d["title"] for k in dict.fromkeys(keys) for d in whole["instruments"] if title_key(d["title"]) == k]
    assert all(targets and all(t in fresh._by_key for t in targets) for targets in whole["aliases"].values())


def test_encoded_base_round_trip(tmp_path):
    from zzreview.kb import encode_base

    instruments = [
        {"title": "中华人民共和国果园管理法", "level": "法律",
         "versions": [{"label": "2001年公布", "publish_date": "2001-03-01", "effective_date": "2001-07-01",
                       "max_article": 40}], "repeal": None},
        {"title": "某省果园条例", "level": "地方性法规", "versions": [], "repeal": {"date": "2020-01-01",
                                                                             "successor": "某省果园管理条例"}},
        {"title": "某省果园条例", "level": "地方性法规",
         "versions": [{"label": "2021年公布", "publish_date": "2021-01-01", "effective_date": "2021-01-01"}],
         "repeal": None},
    ]
    path = tmp_path / "laws.json"
    path.write_bytes(encode_base({"version": "t1", "counts": {"laws": 3}}, instruments, [("果园法", "中华人民共和国果园管理法")]))
    kb = KnowledgeBase.load(path=path)
    KnowledgeBase._cache.clear()
    r = kb.resolve("《果园法》", D("2026-11-24"))
    assert r.known and r.title == "中华人民共和国果园管理法" and r.max_article == 40 and r.matched_by == "alias"
    assert kb.resolve("某省果园条例", D("2019-06-01"), year_hint=2019).status == "有效"
    assert kb.resolve("某省果园条例", D("2026-11-24")).same_title  # both instruments under one key
    assert kb.version == "t1" and kb.counts() == {"laws": 3}
    path.write_text('{"format":2,"meta":{},"instruments":[],"aliases":[]}', encoding="utf-8")
    with pytest.raises(ValueError):
        KnowledgeBase.load(path=path)


# ---------------------------------------------------------------- lookups kept per title
_TITLES = ["合同法", "《中华人民共和国合同法》", "中华人民共和国食品安全法（2015年修订）", "中华人民共和国国家安全法",
           "中华人民共和国爆炸物品管理条例", "某县农村集体资产管理暂行办法", "安全生产条例", "行政处罚法"]
_ASKS = [(D("2020-06-01"), None, None), (D("2026-11-24"), None, None), (D("2026-11-24"), 2010, None),
         (D("2026-11-24"), None, "2021年修正"), (D("2026-11-24"), 2020, "2009年修正")]


def _fresh(kb, title, day, year, note):
    """What resolve answers with nothing kept from earlier lookups."""
    kb.__dict__.pop("_titles_looked_up", None)
    return kb.resolve(title, day, year_hint=year, version_note=note).to_dict()


def test_a_title_looked_up_again_resolves_as_the_first_time_whatever_day_year_and_note(kb):
    want = {(t, *a): _fresh(kb, t, *a) for t in _TITLES for a in _ASKS}
    kb.__dict__.pop("_titles_looked_up", None)
    for _ in range(2):
        for t in _TITLES:
            for day, year, note in _ASKS:
                r = kb.resolve(t, day, year_hint=year, version_note=note)
                assert r.to_dict() == want[(t, day, year, note)], (t, day, year, note)
                r.versions.append("changed by a caller")  # a caller's change reaches no later answer
                r.same_title.append({})
    assert set(kb._titles_looked_up) == set(_TITLES)


def test_lookups_kept_are_bounded_and_answer_alike_past_the_bound(kb, monkeypatch):
    import zzreview.kb as kb_module

    monkeypatch.setattr(kb_module, "_LOOKED_UP_MAX", 3)
    want = {t: _fresh(kb, t, D("2026-11-24"), None, None) for t in _TITLES}
    kb.__dict__.pop("_titles_looked_up", None)
    for t in _TITLES * 2:
        assert kb.resolve(t, D("2026-11-24")).to_dict() == want[t]
        assert len(kb._titles_looked_up) <= 3


def test_lookups_kept_are_dropped_when_a_table_adds_entries(tmp_path):
    from zzreview.kb import load_table

    t = tmp_path / "本市文件.csv"
    t.write_text("标题,效力级别,施行日期\n某县农村集体资产管理暂行办法,行政规范性文件,2015-01-01\n", encoding="utf-8")
    KnowledgeBase._cache.clear()
    kb = KnowledgeBase.load()  # an instance of its own: the one other tests share is not changed
    KnowledgeBase._cache.clear()
    title = "某县农村集体资产管理暂行办法"
    assert not kb.resolve(title, D("2020-01-01")).known
    kb.add_entries(load_table(t))
    r = kb.resolve(title, D("2020-01-01"))
    assert r.known and r.level == "行政规范性文件"
