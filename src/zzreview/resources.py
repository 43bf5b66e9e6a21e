"""Where the shipped data (checks/) lives: inside the wheel, or in a source checkout."""

from __future__ import annotations

import os
import sys
from functools import lru_cache

TYPE_CHECKING = False  # typing and pathlib cost the review ~5 and ~3 ms
if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["data_dir", "data_path", "data_root", "data_toml"]  # and tomllib, on first use (below)


def __getattr__(name: str):
    """``resources.tomllib``, imported on first use: a run whose data files are all kept parsed
    between runs never needs it."""
    if name != "tomllib":
        raise AttributeError(name)
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    return tomllib


def data_dir() -> Path:
    """The ``checks`` folder: ``zzreview/checks`` when installed, ``<repo>/checks`` in a checkout."""
    from pathlib import Path

    return Path(data_root())


def data_path(relative: str) -> str:
    """``data_dir() / relative`` as a string: the review path runs without pathlib (~3 ms to import)."""
    return os.path.join(data_root(), relative)


@lru_cache(maxsize=None)
def data_root() -> str:
    """``data_dir()`` as a string."""
    here = os.path.dirname(os.path.realpath(__file__))
    packaged = os.path.join(here, "checks")
    if os.path.isdir(packaged):
        return packaged
    repo = os.path.join(os.path.dirname(os.path.dirname(here)), "checks")
    if os.path.isdir(repo):
        return repo
    raise FileNotFoundError("zzreview 的数据目录 checks/ 不存在：安装不完整")


@lru_cache(maxsize=None)
def data_toml(relative: str) -> dict:
    """A TOML file shipped under checks/ (e.g. "validity/provinces.toml"), read once. Its parsed
    form is kept between runs (keyed by path, size and modification time): parsing TOML is slow."""
    from zzreview.runcache import Kept

    global _parsed
    path = data_path(relative)
    st = os.stat(path)
    stamp = (st.st_size, st.st_mtime_ns)
    if _parsed is None:  # keyed by absolute path: installations share one bounded file
        _parsed = Kept("data", keep=os.path.exists)  # entries of removed installations are dropped
    def parse() -> dict:
        with open(path, "rb") as f:
            return __getattr__("tomllib").load(f)

    return _parsed.stamped(path, stamp, parse)


_parsed = None  # the Kept parsed data files
