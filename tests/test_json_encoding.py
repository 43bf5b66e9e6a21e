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
