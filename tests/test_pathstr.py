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


def _pathlib_expansion(folder: Path, skipped: list) -> list[str]:
    """What expand_paths gave when it walked folders with pathlib (the reference)."""
    import stat

    from zzreview.engine import SUPPORTED_SUFFIXES
    from zzreview.readers.limits import kind_of

    out = []
    for f in sorted(folder.rglob("*")):
        rel = f.relative_to(folder).parts
        if (f.suffix.lower() not in SUPPORTED_SUFFIXES or any(part.startswith(".") for part in rel)
                or f.name.startswith("~$")):
            continue
        try:
            mode = f.stat().st_mode
        except OSError:
            continue
        if stat.S_ISREG(mode):
            out.append(str(f))
        elif not stat.S_ISDIR(mode):
            skipped.append((str(f), f"不是普通文件（是{kind_of(mode)}）"))
    return out


def test_folders_are_walked_as_pathlib_walks_them(tmp_path, monkeypatch):
    import os

    from zzreview.engine import expand_paths

    root = tmp_path / "文件库"
    for rel in ["a/b.md", "a.b.md", "a.b/c.md", "A.md", "b/z.MD", "b/y.docx", "b/x.txt", "b/.hidden.md",
                ".git/x.md", "c/.d/e.md", "c/~$lock.docx", "c/d.md/inner.md", "深/层/目/录/草案.md", "e/x.",
                "e/.md", "f/稿.Markdown", "z/a/b.md", "z/a-b.md", "z/a/b/c.md"]:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text("# 某县办法\n", encoding="utf-8")
    os.symlink(root / "b", root / "link-to-folder.md")  # a link to a folder: not followed
    os.symlink(root / "a.b.md", root / "link-to-file.md")
    os.symlink(root / "nothing.md", root / "broken.md")
    os.mkfifo(root / "c" / "pipe.md")
    for given in (str(root), str(root) + "/", str(tmp_path / "." / "文件库")):
        skipped: list = []
        reference: list = []
        assert expand_paths([given], skipped) == _pathlib_expansion(Path(given), reference)
        assert skipped == reference == [(str(root / "c" / "pipe.md"), skipped[0][1])]
    monkeypatch.chdir(root)
    assert expand_paths([""]) == expand_paths(["."]) == _pathlib_expansion(Path("."), [])
    assert expand_paths(["b"]) == ["b/x.txt", "b/y.docx", "b/z.MD"]
