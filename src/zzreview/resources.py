"""Where the shipped data (checks/) lives: inside the wheel, or in a source checkout."""

from __future__ import annotations

from pathlib import Path


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
