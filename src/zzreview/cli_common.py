"""What the commands share, without typer: option value sets, messages, exits, configuration.

Kept free of typer so that ``zzreview check`` can run without importing it (see launch.py).
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from enum import Enum

TYPE_CHECKING = False  # pathlib costs a review ~3 ms: its paths are strings
if TYPE_CHECKING:
    from pathlib import Path


class Format(str, Enum):
    text = "text"
    json = "json"
    sarif = "sarif"
    github = "github"


class KbFormat(str, Enum):
    text = "text"
    json = "json"


class RulesFormat(str, Enum):
    text = "text"
    json = "json"
    markdown = "markdown"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


def echo_err(message: str) -> None:
    """One line on standard error, as ``typer.echo(message, err=True)`` writes it."""
    sys.stderr.write(message + "\n")
    sys.stderr.flush()


def die(message: str) -> None:
    """Print the message and exit with 2 (never returns)."""
    echo_err(f"zzreview: {message}")
    raise SystemExit(2)


def as_of(value: str | None, default: dt.date | None = None) -> dt.date:
    if value is None:
        return default or dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        die(f"--as-of 的值“{value}”无效，应为 YYYY-MM-DD")


def split(values) -> list[str]:
    return [v.strip() for item in values or [] for v in item.split(",") if v.strip()]


def config_for(config: Path | None, paths: list[str]):
    """The configuration given with --config, or the one found upward from the first path."""
    from zzreview.config import find_config, load_config
    from zzreview.pathstr import normal
    from zzreview.readers.limits import exists

    if config is not None:
        if not exists(config):
            die(f"配置文件 {config} 不存在")
        return load_config(config)
    start = normal(paths[0]) if paths and paths[0] != "-" else os.getcwd()
    return load_config(find_config(start if exists(start) else os.getcwd()))


def progress(i: int, n: int, path: str) -> None:
    sys.stderr.write(f"\r\x1b[K[{i}/{n}] {path}")
    if i == n:
        sys.stderr.write("\r\x1b[K")
    sys.stderr.flush()
