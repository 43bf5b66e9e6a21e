"""Where a cleanup writes: the spreadsheet, the summary (Markdown, .docx) and JSON."""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from pathlib import Path

from zzreview import __version__
from zzreview.clean.sheet import SheetWriter
from zzreview.clean.summary import Summary
from zzreview.output import current_umask

NAMES = {"xlsx": "清理结果.xlsx", "markdown": "清理情况说明.md", "docx": "清理情况说明.docx", "json": "清理结果.json"}


class JsonWriter:
    """One object: tool, as_of, topic, documents (streamed), summary."""

    def __init__(self, fh, as_of: dt.date, topic: str | None, kb_version: str):
        self.fh, self.first = fh, True
        head = {"tool": {"name": "zzreview", "version": __version__}, "as_of": as_of.isoformat(),
                "topic": topic, "knowledge_base": {"version": kb_version}}
        fh.write(json.dumps(head, ensure_ascii=False)[:-1] + ', "documents": [\n')

    def add(self, rec: dict) -> None:
        if not self.first:
            self.fh.write(",\n")
        self.first = False
        self.fh.write(json.dumps(_public(rec), ensure_ascii=False))

    def close(self, summary: dict) -> None:
        self.fh.write('\n], "summary": ' + json.dumps(summary, ensure_ascii=False) + "}\n")


def _public(rec: dict) -> dict:
    keep = ("path", "title", "doc_number", "issuer", "date", "normative", "dates", "status", "decision",
            "findings", "accepted", "topic", "error", "superseded_findings")
    return {k: rec[k] for k in keep if k in rec}


class Outputs:
    """Files are written beside their final names and moved into place at the end."""

    def __init__(self, directory: Path, as_of: dt.date, order: tuple[str, ...], topic: str | None,
                 kb_version: str):
        self.dir = directory
        self.dir.mkdir(parents=True, exist_ok=True)
        self._tmp: dict[str, Path] = {}
        for kind, name in NAMES.items():
            fd, tmp = tempfile.mkstemp(dir=self.dir, prefix=f".{name}.", suffix=".tmp")
            os.close(fd)
            self._tmp[kind] = Path(tmp)
        try:
            self.sheet = SheetWriter(self._tmp["xlsx"], as_of, topic)
            self._json_fh = self._tmp["json"].open("w", encoding="utf-8")
            self.json = JsonWriter(self._json_fh, as_of, topic, kb_version)
        except BaseException:
            self.abort()
            raise
        self.summary = Summary(as_of, order, topic)

    def add(self, rec: dict) -> None:
        self.sheet.add(rec)
        self.json.add(rec)
        self.summary.add(rec)

    def close(self) -> dict[str, Path]:
        self.sheet.close()
        self.json.close(self.summary.to_dict())
        self._json_fh.close()
        self._tmp["markdown"].write_text(self.summary.markdown(), encoding="utf-8")
        self.summary.write_docx(self._tmp["docx"])
        final = {}
        mode = 0o666 & ~current_umask()  # mkstemp makes 0600; the outputs are ordinary files
        for kind, tmp in self._tmp.items():
            final[kind] = self.dir / NAMES[kind]
            os.chmod(tmp, mode)
            os.replace(tmp, final[kind])
        return final

    def abort(self) -> None:
        fh = getattr(self, "_json_fh", None)
        if fh is not None:
            fh.close()
        for tmp in self._tmp.values():
            if tmp.exists():
                tmp.unlink()
