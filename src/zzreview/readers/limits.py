"""Bounds on what zzreview reads: only regular files, at most so many bytes, zip parts checked
before they are inflated. Every limit can be raised with an environment variable (README).
"""

from __future__ import annotations

import os
import stat
from functools import lru_cache

from zzreview.errors import ReadError

TYPE_CHECKING = False  # pathlib costs a review ~3 ms: its paths are strings
if TYPE_CHECKING:
    from pathlib import Path

_MB = 1024 * 1024


def _env_number(name: str, default: float) -> float:
    return _positive(os.environ.get(name, ""), default)


@lru_cache(maxsize=64)
def _positive(raw: str, default: float) -> float:
    """``raw`` as a positive number, else ``default`` (parsed once per value: rules ask per block)."""
    try:
        value = float(raw)
    except ValueError:
        return default
    return value if value > 0 else default


def max_file_bytes() -> int:
    """Largest input file read: a draft, a knowledge-base table, a list, a configuration."""
    return int(_env_number("ZZREVIEW_MAX_FILE_MB", 20) * _MB)


def max_part_bytes() -> int:
    """Largest inflated part of a .docx package (document.xml, styles.xml …)."""
    return int(_env_number("ZZREVIEW_MAX_PART_MB", 32) * _MB)


def max_parts() -> int:
    """Most members of a .docx package copied whole (the annotated copy keeps every part)."""
    return int(_env_number("ZZREVIEW_MAX_PARTS", 2000))


def max_nesting() -> int:
    """Deepest nesting of Markdown containers (quotes, lists) read as structure."""
    return int(_env_number("ZZREVIEW_MAX_NESTING", 100))


def pattern_timeout() -> float:
    """Seconds one match of a declarative (user) pattern may take."""
    return _env_number("ZZREVIEW_PATTERN_TIMEOUT", 2.0)


def exists(path) -> bool:
    """Whether ``path`` names anything; False also for names too long or otherwise unusable."""
    try:
        os.stat(path)
    except (OSError, ValueError):
        return False
    return True


def is_dir(path) -> bool:
    try:
        return stat.S_ISDIR(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def folders_up(start):
    """The real folder of ``start`` (itself when it is a folder), then each folder above it to the root."""
    folder = os.path.realpath(start)
    if not is_dir(folder):
        folder = os.path.dirname(folder)
    while True:
        yield folder
        parent = os.path.dirname(folder)
        if parent == folder:
            return
        folder = parent


def mb(n: int) -> str:
    return f"{n / _MB:g} MB"


def too_large(limit: int, env: str) -> ReadError:
    return ReadError("too-large", f"文件过大（超过 {mb(limit)} 的上限；可用环境变量 {env} 调高）")


_KINDS = ((stat.S_ISDIR, "目录"), (stat.S_ISFIFO, "命名管道"), (stat.S_ISCHR, "字符设备"),
          (stat.S_ISBLK, "块设备"), (stat.S_ISSOCK, "套接字"))


def kind_of(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "特殊文件")


def not_regular(mode: int) -> ReadError:
    return ReadError("not-regular", f"不是普通文件（是{kind_of(mode)}），已跳过")


def read_bounded(path: str | Path, limit: int | None = None) -> bytes:
    """The bytes of the regular file ``path`` (symlinks followed), at most ``limit``.

    Special files (FIFOs, devices, sockets) are never opened for reading, so none can block
    or stream forever; ReadError says why in one Chinese line.
    """
    limit = max_file_bytes() if limit is None else limit
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise ReadError("not-found", "文件不存在") from None
    except OSError as exc:
        raise ReadError("io", f"无法读取文件（{os_reason(exc)}）") from None
    if not stat.S_ISREG(st.st_mode):
        raise not_regular(st.st_mode)
    if st.st_size > limit:
        raise too_large(limit, "ZZREVIEW_MAX_FILE_MB")
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise ReadError("io", f"无法读取文件（{os_reason(exc)}）") from None
    try:  # read from the descriptor: a file object for one read costs more than the reading
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):  # swapped between stat and open
            raise not_regular(st.st_mode)
        # the size it has now (a buffer of ``limit`` bytes for every small file costs more than the
        # reading), then whatever it grew by, up to the limit
        data = _read_up_to(fd, min(st.st_size, limit) + 1)
        if len(data) > st.st_size:
            data += _read_up_to(fd, limit + 1 - len(data))
    finally:
        os.close(fd)
    if len(data) > limit:
        raise too_large(limit, "ZZREVIEW_MAX_FILE_MB")
    return data


def _read_up_to(fd: int, n: int) -> bytes:
    """``n`` bytes from ``fd``, fewer at its end (one read returns at most what the system gives)."""
    data = os.read(fd, n)
    if len(data) == n or not data:
        return data
    chunks = [data]
    n -= len(data)
    while n > 0:
        more = os.read(fd, n)
        if not more:
            break
        chunks.append(more)
        n -= len(more)
    return b"".join(chunks)


def read_text_file(path: str | Path, what: str) -> str:
    """A UTF-8 text input (configuration, decisions, plugin); ReadError names ``what``."""
    data = read_bounded(path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ReadError("encoding", f"{what}不是 UTF-8 编码") from None


_ERRNO_TEXT = {
    "ENOENT": "文件或目录不存在", "ENOTDIR": "路径中有一段不是目录", "EISDIR": "是目录",
    "EACCES": "没有权限", "EPERM": "不允许的操作", "ENAMETOOLONG": "文件名或路径过长",
    "ENOSPC": "磁盘空间不足", "EROFS": "文件系统只读", "ELOOP": "符号链接循环",
    "EEXIST": "文件已存在", "ENXIO": "设备或管道的另一端不存在", "EDQUOT": "超出磁盘配额",
    "EBUSY": "设备或资源忙", "EXDEV": "不能跨文件系统", "EINVAL": "参数无效", "EIO": "输入输出错误",
}


def os_reason(exc: OSError) -> str:
    """A short Chinese reason for an OSError (no raw English ``[Errno …]`` text)."""
    import errno

    name = errno.errorcode.get(exc.errno or 0, "")
    return _ERRNO_TEXT.get(name, f"系统错误 {name or exc.errno}")
