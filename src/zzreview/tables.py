"""Strict reading of the user's CSV/TSV tables (knowledge-base tables, certification lists):
bounded size, and broken quoting is an error naming the line, never rows silently merged."""

from __future__ import annotations

import csv
from pathlib import Path

from zzreview.errors import ConfigError, ReadError

MAX_FIELD = 10_000  # characters in one cell


def read_table_bytes(path: Path, what: str) -> bytes:
    from zzreview.readers.limits import read_bounded

    try:
        return read_bounded(path)
    except ReadError as exc:
        raise ConfigError(f"{path}：无法读取{what}（{exc.message}）") from None


def parse_rows(text: str, delimiter: str, path: Path, what: str) -> list[tuple[int, list[str]]]:
    """(line number, cells) of every row. Line breaks are CR, LF or CRLF; a cell may not span
    lines (a quote left open would swallow the rows after it)."""
    import io

    text = text.replace("\r\n", "\n").replace("\r", "\n")
    rows: list[tuple[int, list[str]]] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        for row in reader:
            start = reader.line_num
            for cell in row:
                if "\n" in cell:
                    raise ConfigError(f"{path}：第{start - sum(c.count(chr(10)) for c in row)}行：引号不成对（单元格跨行），"
                                      f"请检查{what}中的引号")
                if len(cell) > MAX_FIELD:
                    raise ConfigError(f"{path}：第{start}行：单元格过长（超过 {MAX_FIELD} 个字符）")
            rows.append((start, row))
    except csv.Error as exc:
        reason = "单元格过长" if "field limit" in str(exc) else "引号不成对或格式错误"
        raise ConfigError(f"{path}：第{reader.line_num}行：{reason}，请检查{what}") from None
    return rows
