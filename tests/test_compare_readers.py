"""tools/compare_readers.py: the Documents of two reader versions, compared file by file."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_a_version_compared_with_itself_is_the_same_everywhere(tmp_path):
    (tmp_path / "a.md").write_text("# 某办法\n\n第一条 根据\\*《中华人民共和国合同法》&amp;制定。\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("某办法\n第一条 正文。\n", encoding="utf-8")
    r = subprocess.run([sys.executable, str(ROOT / "tools" / "compare_readers.py"), "--old", str(ROOT / "src"),
                        str(tmp_path), "--cases", str(tmp_path / "cases"), "--random", "20"],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stdout.strip().splitlines()[-1].endswith(" same, 0 different")
    assert (tmp_path / "cases" / "tables.md").exists() and (tmp_path / "cases" / "docx-no-body.docx").exists()


def test_positions_are_compared_character_by_character():
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import compare_readers
    finally:
        sys.path.remove(str(ROOT / "tools"))
    from zzreview.document import Block

    one = Block(0, "paragraph", "甲乙丙", 3, 1, positions=[(3, 1), (3, 2), (3, 3)])
    other = Block(0, "paragraph", "甲乙丙", 3, 1, positions=[(3, 1), (3, 1), (3, 1)])
    assert compare_readers._runs(one) == [[0, 3, 1, 1]]
    assert compare_readers._runs(other) == [[0, 3, 1, 0]]


def test_a_difference_is_found_named_and_located():
    """The comparison itself: a changed text and a changed run of positions are each told apart and
    located (comparing a reader with itself shows only that nothing is reported)."""
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import compare_readers
    finally:
        sys.path.remove(str(ROOT / "tools"))

    def dumped(text: str, runs: list) -> dict:
        return {"format": "markdown", "title": "某办法", "directives": [], "typed_lines": [],
                "blocks": [[0, "heading", 1, "某办法", 1, 3, [[0, 3, 1, 1]]], [1, "paragraph", 0, text, 3, 1, runs]]}

    same = dumped("第一条 总则", [[0, 6, 3, 1]])
    other_text = dumped("第一条 附则", [[0, 6, 3, 1]])
    other_runs = dumped("第一条 总则", [[0, 6, 3, 2]])
    assert compare_readers.kind_of_difference(same, other_text) == "text, kinds or blocks"
    assert compare_readers.kind_of_difference(same, other_runs) == "positions only"
    assert compare_readers._first_difference(same, other_text) == '.blocks[1][3]: "第一条 总则" → "第一条 附则"'
    assert compare_readers._first_difference(same, other_runs).startswith(".blocks[1][6][0][3]: 1 → 2")
