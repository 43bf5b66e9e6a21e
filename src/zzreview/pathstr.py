"""What the review path needs of ``pathlib.Path``, on strings: importing pathlib (with urllib.parse
and ipaddress) costs a one-file review ~3 ms. Each gives exactly what the Path expression in its
docstring gives; where ``/`` is not the only separator (Windows) they use pathlib itself."""

from __future__ import annotations

import os

_POSIX = os.sep == "/" and not os.altsep


def normal(path: str | os.PathLike) -> str:
    """``str(Path(path))``: empty and ``.`` parts dropped (``..`` kept), ``.`` for nothing."""
    path = os.fspath(path)
    if not _POSIX:
        from pathlib import Path

        return str(Path(path))
    root = "//" if path.startswith("//") and not path.startswith("///") else "/" if path.startswith("/") else ""
    return root + "/".join(part for part in path.split("/") if part not in ("", ".")) or "."


def suffix(path: str | os.PathLike) -> str:
    """``Path(path).suffix``: the last part's extension, '' for none or for a name ending in '.'."""
    if not _POSIX:
        from pathlib import PurePath

        return PurePath(path).suffix
    name = normal(path).rpartition("/")[2]
    dot = name.rfind(".")
    return name[dot:] if 0 < dot < len(name) - 1 else ""
