"""The JSON report's encoder writes exactly what json.dumps(…, ensure_ascii=False, indent=2) writes."""

from __future__ import annotations

import json

from zzreview.render.json_report import _dumps


def _same(obj):
    assert _dumps(obj) == json.dumps(obj, ensure_ascii=False, indent=2)


def test_nested_report_shapes():
    _same({"path": "园林/绿化.md", "error": None, "facts": {}, "findings": [],
           "measures": [{"kind": "fee", "location": {"line": 3, "column": 1}, "ok": True, "no": False}],
           "titles": ["《城市绿化条例》", "引号\"与反斜杠\\", "换行\n制表\t", "\u2028行分隔", "控制\x01字符"]})


def test_empty_and_deep_containers():
    _same([[], {}, [[[]]], {"a": {"b": {"c": [1, -2, 10 ** 30]}}}, ()])
    _same("只有一个字符串")
    _same(None)


def test_values_outside_the_fast_path_are_written_by_json():
    _same({"ratio": 1.5, "nan": float("nan"), "inf": float("-inf")})
    _same({1: "整数键", "b": {True: "布尔键", None: "空键"}})


def _same_at(obj, depth):
    """A document of the streamed report: json.dumps's lines, each after the first indented ``depth`` more."""
    assert _dumps(obj, depth) == json.dumps(obj, ensure_ascii=False, indent=2).replace("\n", "\n" + "  " * depth)


_HOSTILE = ['"', "\\", "\\\"", "\n", "\r\n", "\t", "\x00", "\x1f", "\x7f", "\u2028", "\u2029", "😀", "\ud800",
            "\ufeff", "[", "]{", "},", ": ", "《》【】", "\"key\": [", ""]


def test_hostile_strings_as_values_and_keys_at_every_depth():
    obj = {s: [s, {s: s, "n": None}, [], {}, [[s]], (s, 0)] for s in _HOSTILE}
    for depth in (0, 1, 2, 5):
        _same_at(obj, depth)
        _same_at([obj, [obj]], depth)


def test_the_same_key_first_and_later_and_at_several_depths():
    # the text before a key is kept per depth and position (first or later): every combination once
    obj = [{"a": 1, "b": {"a": 2, "b": [{"b": 3, "a": {"a": {}}}]}}, {"b": 0}, {"a": [], "b": ()}]
    _same(obj)
    _same_at(obj, 2)


def test_more_keys_than_are_kept_and_deeper_than_ever_before():
    _same({f"键{i}\"\\": [i, -i] for i in range(1000)})
    deep: list = []
    inner = deep
    for i in range(80):
        inner.append({"层": i, "下": []})
        inner = inner[0]["下"]
    _same(deep)
    _same_at(deep, 3)


def test_scalars_and_subclasses():
    import enum

    class Level(enum.IntEnum):
        HIGH = 3

    class Name(str):
        pass

    _same([0, -1, 10 ** 40, True, False, None, "", 2.5, -0.0])
    _same({"level": Level.HIGH, "name": Name("某办法"), Name("键"): "值"})
    _same_at({"ratio": 1e-7, "nan": float("nan")}, 2)
    _same(())
    _same({})


def test_the_reports_date_facts_are_those_of_the_analysis():
    """document_dict converts only the three date facts it gives (effective date, validity, period):
    each must be what the whole DateFacts.to_dict() holds under its key, also where the validity and
    period are found (samples and generated drafts with both)."""
    import datetime as dt
    from pathlib import Path

    from zzreview import engine
    from zzreview.kb import KnowledgeBase
    from zzreview.render.json_report import document_dict

    samples = Path(__file__).resolve().parents[1] / "samples"
    kb, day = KnowledgeBase.load(), dt.date(2026, 11, 24)
    drafts = [(str(p), None) for p in sorted(samples.iterdir()) if p.suffix in (".md", ".docx")]
    drafts += [("有效期.md", "# 某市临时管理办法\n\n第一条 为了规范管理，制定本办法。\n\n"
                          "第二条 本办法自2021年4月1日起施行，有效期至2023年3月31日。\n".encode()),
               ("期间.md", "# 某市2024年度专项行动方案\n\n一、行动时间为2024年1月1日至2024年12月31日。\n".encode())]
    seen = {"effective_date": 0, "validity": 0, "period": 0}
    for path, data in drafts:
        r = engine.review_file(path, kb, day, data=data, name=path if data else None)
        whole = r.analysis.dates.to_dict()
        facts = document_dict(r)["facts"]
        for key in seen:
            assert facts[key] == whole[key], (path, key)
            seen[key] += whole[key] is not None
    assert all(seen.values()), seen
