"""Reviewer decisions recorded outside the documents (.zzreview/decisions.toml).

Each decision accepts one finding of one document, matched on content (document path, code and
quoted text, or the quote's SHA-256), never on line numbers, so it survives edits elsewhere.

    [[decision]]
    document = "drafts/养犬管理办法.docx"   # relative to the folder holding .zzreview/
    code = "ZZ201"
    quote = "《中华人民共和国合同法》"        # or quote-sha256 = "…"
    reason = "该条仅作历史沿革说明"
    by = "张三"
    date = "2026-11-25"
"""

from __future__ import annotations

import datetime as dt
import os

from zzreview.config import read_toml
from zzreview.errors import ConfigError
from zzreview.model import Finding
from zzreview.record import Record

TYPE_CHECKING = False  # pathlib costs a review ~3 ms: its paths are strings
if TYPE_CHECKING:
    from pathlib import Path

DEFAULT_RELATIVE = os.path.join(".zzreview", "decisions.toml")
_KEYS = {"document", "code", "quote", "quote-sha256", "reason", "by", "date"}


def quote_hash(quote: str) -> str:
    import hashlib  # only a decision that gives quote-sha256 needs it

    return hashlib.sha256(quote.encode("utf-8")).hexdigest()


class Decision(Record):
    """A reviewer's decision accepting one finding of one document, with the reason."""

    _fields = ("document", "code", "reason", "quote", "quote_sha256", "by", "date", "used")

    def __init__(
        self,
        document: str,
        code: str,
        reason: str,
        quote: str | None = None,
        quote_sha256: str | None = None,
        by: str = "",
        date: str = "",
        used: int = 0,
    ):
        self.document = document
        self.code = code
        self.reason = reason
        self.quote = quote
        self.quote_sha256 = quote_sha256
        self.by = by
        self.date = date
        self.used = used

    def matches(self, document: str, f: Finding) -> bool:
        if document != self.document or f.code != self.code:
            return False
        if self.quote is not None:
            return f.quote == self.quote
        return self.quote_sha256 == quote_hash(f.quote)

    def to_dict(self) -> dict:
        d = {"document": self.document, "code": self.code, "reason": self.reason, "by": self.by,
             "date": self.date}
        if self.quote is not None:
            d["quote"] = self.quote
        else:
            d["quote-sha256"] = self.quote_sha256
        return d


def find_file(start: str | Path) -> Path | None:
    from zzreview.readers.limits import exists, folders_up, is_dir

    for folder in folders_up(start):
        file = os.path.join(folder, DEFAULT_RELATIVE)
        if exists(file) and not is_dir(file):
            from pathlib import Path

            return Path(file)  # a pipe or device here is refused when read, not skipped
    return None


def root_of(path: Path) -> Path:
    """Document paths in a decisions file are relative to the folder that holds .zzreview/."""
    path = path.resolve()
    return path.parent.parent if path.parent.name == ".zzreview" else path.parent


def document_key(decisions_file: Path, document: str | Path) -> str:
    from pathlib import Path

    try:
        return Path(document).resolve().relative_to(root_of(decisions_file)).as_posix()
    except ValueError:
        return Path(document).as_posix()


def load(path: Path) -> list[Decision]:
    data = read_toml(path, "审核决定文件")
    items = data.get("decision", [])
    if not isinstance(items, list) or not all(isinstance(raw, dict) for raw in items):
        raise ConfigError(f"{path}：decision 应为表数组 [[decision]]")
    out = []
    for i, raw in enumerate(items, 1):
        where = f"{path}：第{i}条决定"
        wrong = [k for k in raw if k in _KEYS and not isinstance(raw[k], (str, dt.date))]
        if wrong:
            raise ConfigError(f"{where}：{'、'.join(sorted(wrong))} 应为字符串")
        unknown = set(raw) - _KEYS
        if unknown:
            raise ConfigError(f"{where}：未知的项 {'、'.join(sorted(unknown))}（可用：{'、'.join(sorted(_KEYS))}）")
        for key in ("document", "code", "reason"):
            if not str(raw.get(key, "")).strip():
                raise ConfigError(f"{where}：缺少 {key}")
        if "quote" not in raw and "quote-sha256" not in raw:
            raise ConfigError(f"{where}：需要 quote 或 quote-sha256")
        out.append(Decision(document=raw["document"], code=str(raw["code"]).upper(), reason=raw["reason"],
                            quote=raw.get("quote"), quote_sha256=raw.get("quote-sha256"),
                            by=str(raw.get("by", "")), date=str(raw.get("date", ""))))
    return out


def _toml_string(s: str) -> str:
    import json

    return json.dumps(s, ensure_ascii=False)  # a JSON string is a valid TOML basic string


def append(path: Path, decisions: list[Decision], inputs=()) -> None:
    """Add decisions to the file (created with its folder if needed), atomically; never onto a
    reviewed input (``inputs``), and only to a file that already reads as decisions."""
    from zzreview.output import check_target, write_atomic

    from zzreview.readers import SUPPORTED_SUFFIXES

    if path.suffix.lower() in SUPPORTED_SUFFIXES:
        raise ConfigError(f"{path}：审核决定文件不能是草案（{path.suffix}），应为 .toml 文件")
    if path.exists():
        check_target(path, inputs)
        read_toml(path, "审核决定文件")  # a draft or any other non-decisions file is refused, not appended to
        from zzreview.readers.limits import read_text_file

        existing = read_text_file(path, "审核决定文件")
    else:
        existing = "# zzreview 审核决定：每条接受一个问题；按内容匹配（文件、代码、原文），不按行号。\n"
    parts = [existing.rstrip("\n") + "\n"]
    for d in decisions:
        lines = ["", "[[decision]]"]
        for key, value in d.to_dict().items():
            lines.append(f"{key} = {_toml_string(str(value))}")
        parts.append("\n".join(lines) + "\n")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        from zzreview.readers.limits import os_reason

        raise ConfigError(f"{path.parent}：无法创建目录（{os_reason(exc)}）") from None
    write_atomic(path, "".join(parts), inputs)


def new_decision(decisions_file: Path, document: str, f: Finding, reason: str, by: str) -> Decision:
    return Decision(document=document_key(decisions_file, document), code=f.code, reason=reason,
                    quote=f.quote, by=by, date=dt.date.today().isoformat())
