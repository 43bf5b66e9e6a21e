"""Write outputs safely: never onto an input, never replacing a device or a pipe.

A regular target is written to a temporary file in the same folder and renamed over it, so a
reader never sees half a file. The new file's mode follows the umask, or stays the mode of the
file it replaces. A character device or a pipe (/dev/null, /dev/stderr, a FIFO) is written in
place; any other non-regular target is refused. Inputs are compared by device and inode, so
another name for an input (a symlink, a hard link, a path into a reviewed folder) is caught.
Every failure is a ConfigError with one Chinese line.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from zzreview.errors import ConfigError


def identity(path: str | Path) -> tuple[int, int] | None:
    """(device, inode) of the file ``path`` names (symlinks followed), or None."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return st.st_dev, st.st_ino


def input_ids(inputs: Iterable[str | Path]) -> set[tuple[int, int]]:
    """Identities of every file given or found below a given folder."""
    ids = set()
    for p in inputs:
        if str(p) == "-":
            continue
        ident = identity(p)
        if ident is not None:
            ids.add(ident)
        if os.path.isdir(p):
            for root, _dirs, files in os.walk(p):
                for name in files:
                    ident = identity(os.path.join(root, name))
                    if ident is not None:
                        ids.add(ident)
    return ids


def current_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _reason(exc: OSError) -> str:
    from zzreview.readers.limits import os_reason

    return os_reason(exc)


def check_target(path: Path, inputs: Iterable[str | Path] = ()) -> os.stat_result | None:
    """Raise ConfigError when ``path`` may not be written; the target's stat when it exists."""
    if not str(path) or str(path) in (".", "..") or path.name in ("", ".", ".."):
        raise ConfigError(f"输出文件名“{path}”无效")
    ids = inputs if isinstance(inputs, set) else input_ids(inputs)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise ConfigError(f"{path}：无法写入（{_reason(exc)}）") from None
    if st is not None:
        if (st.st_dev, st.st_ino) in ids:
            raise ConfigError(f"{path}：输出文件不能是被审查的输入文件")
        if stat.S_ISDIR(st.st_mode):
            raise ConfigError(f"{path}：是目录，不能作为输出文件")
        if not (stat.S_ISREG(st.st_mode) or stat.S_ISCHR(st.st_mode) or stat.S_ISFIFO(st.st_mode)):
            from zzreview.readers.limits import kind_of

            raise ConfigError(f"{path}：是{kind_of(st.st_mode)}，不能作为输出文件")
        return st
    parent = Path(os.path.dirname(os.path.abspath(path)))
    if not parent.exists():
        raise ConfigError(f"{path}：所在目录 {parent} 不存在")
    if not parent.is_dir():
        raise ConfigError(f"{path}：{parent} 不是目录")
    return None


def write_atomic(path: Path, data: str | bytes, inputs: Iterable[str | Path] = (),
                 validate: Callable[[bytes], None] | None = None) -> None:
    """Write ``data`` to ``path``; ``validate`` (raises on bad bytes) runs before anything is
    replaced."""
    path = Path(path)
    raw = data.encode("utf-8", "backslashreplace") if isinstance(data, str) else data
    st = check_target(path, inputs)
    if validate is not None:
        validate(raw)
    if st is not None and not stat.S_ISREG(st.st_mode):
        _write_in_place(path, raw)
        return
    target = Path(os.path.realpath(path))  # replace the file a symlink points to, keep the link
    mode = stat.S_IMODE(st.st_mode) if st is not None else 0o666 & ~current_umask()
    try:
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name[:100]}.", suffix=".tmp")
    except OSError as exc:
        raise ConfigError(f"{path}：无法写入（{_reason(exc)}）") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(raw)
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except OSError as exc:
        _remove(tmp)
        raise ConfigError(f"{path}：无法写入（{_reason(exc)}）") from None
    except BaseException:
        _remove(tmp)
        raise


def _remove(tmp: str) -> None:
    try:
        os.unlink(tmp)
    except OSError:
        pass


def _write_in_place(path: Path, raw: bytes) -> None:
    """A character device or a pipe: opened for writing as it is, never created or replaced."""
    try:
        fd = os.open(path, os.O_WRONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise ConfigError(f"{path}：无法写入（{_reason(exc)}）") from None
    try:
        st = os.fstat(fd)
        if not (stat.S_ISCHR(st.st_mode) or stat.S_ISFIFO(st.st_mode)):
            raise ConfigError(f"{path}：写入前文件类型已改变，未写入")
        os.set_blocking(fd, True)
        view = memoryview(raw)
        while view:
            n = os.write(fd, view)
            view = view[n:]
    except OSError as exc:
        raise ConfigError(f"{path}：无法写入（{_reason(exc)}）") from None
    finally:
        os.close(fd)


def validate_docx(raw: bytes) -> None:
    """Re-open a .docx about to be written: every XML part parses, python-docx opens it."""
    import io
    import zipfile

    from lxml import etree

    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as z:
            parser = etree.XMLParser(resolve_entities=False, no_network=True)
            for name in z.namelist():
                if name.endswith((".xml", ".rels")):
                    blob = z.read(name)
                    if b"<!DOCTYPE" in blob[:65536]:
                        raise ValueError(name)
                    etree.fromstring(blob, parser)
        import docx

        docx.Document(io.BytesIO(raw))
    except Exception as exc:
        raise ConfigError(f"生成的 .docx 未通过校验（{type(exc).__name__}），未写出") from None
