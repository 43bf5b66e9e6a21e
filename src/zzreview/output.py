"""Write outputs atomically, never over an input file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from zzreview.errors import ConfigError


def write_atomic(path: Path, data: str | bytes, inputs: list[str] = ()) -> None:
    target = path.resolve()
    if any(Path(p).resolve() == target for p in inputs if p != "-"):
        raise ConfigError(f"{path}：输出文件不能是被审查的输入文件")
    raw = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(raw)
        os.replace(tmp, target)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
