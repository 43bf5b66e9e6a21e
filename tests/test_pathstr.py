"""pathstr gives what pathlib gives for the path strings the review path meets."""

from __future__ import annotations

from pathlib import Path

import pytest

from zzreview import pathstr

PATHS = ["", ".", "..", "/", "//", "///", "a", "a/", "a/.", "./a", "a//b", "//a", "///a/b/", "a/../b", "a/./b/./",
         "x.md", "x.", ".md", "a/.md", "..md", "a..", ".a.b", "a.b.c", "a.md/", "a.md/.", "/a/b.tar.gz",
         "草案/养犬管理办法（征求意见稿）.MD", "dir.d/file", "a/b.c/"]


@pytest.mark.parametrize("path", PATHS)
def test_normal_and_suffix_are_those_of_pathlib(path):
    assert pathstr.normal(path) == str(Path(path))
    assert pathstr.suffix(path) == Path(path).suffix
    assert pathstr.normal(Path(path)) == str(Path(path))


def test_an_empty_path_still_names_the_working_folder_when_given_to_check(tmp_path, monkeypatch):
    from zzreview.engine import expand_paths

    (tmp_path / "草案.md").write_text("# 某县办法\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert expand_paths([""]) == ["草案.md"] and expand_paths(["草案.md"]) == ["草案.md"]
