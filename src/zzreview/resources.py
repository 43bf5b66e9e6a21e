"""Where the shipped data (checks/) lives: inside the wheel, or in a source checkout."""

from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path

__all__ = ["data_dir", "data_toml"]  # and tomllib, on first use (below)


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
    here = Path(__file__).resolve().parent
    packaged = here / "checks"
    if packaged.is_dir():
        return packaged
    repo = here.parents[1] / "checks"
    if repo.is_dir():
        return repo
    raise FileNotFoundError("zzreview 的数据目录 checks/ 不存在：安装不完整")


@lru_cache(maxsize=None)
def data_toml(relative: str) -> dict:
    """A TOML file shipped under checks/ (e.g. "validity/provinces.toml"), read once. Its parsed
    form is kept between runs (keyed by path, size and modification time): parsing TOML is slow."""
    from zzreview.runcache import Kept

    global _parsed
    path = data_dir() / relative
    st = path.stat()
    stamp = (st.st_size, st.st_mtime_ns)
    if _parsed is None:  # one file per installation: each reads only its own data
        from binascii import crc32

        _parsed = Kept(f"data-{crc32(str(data_dir()).encode('utf-8', 'surrogateescape')):08x}")
    kept = _parsed.get(str(path))
    if kept is not None and kept[0] == stamp:
        return kept[1]
    with path.open("rb") as f:
        data = __getattr__("tomllib").load(f)
    _parsed.put(str(path), (stamp, data))
    return data


_parsed = None  # the Kept parsed data files
