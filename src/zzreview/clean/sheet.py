"""The cleanup spreadsheet (.xlsx): a published cleanup annex plus every finding.

Written row by row (openpyxl write-only mode), so a large stock is never held in memory.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from zzreview.clean.decide import CONFIDENCE_ZH
from zzreview.model import SEVERITY_ZH

ANNEX = ("序号", "文件名称", "文号", "制定机关", "印发日期", "清理结果", "理由")
EXTRA = ("状态", "有效期至", "效力级别", "把握程度", "文件")
FINDINGS = ("序号", "文件名称", "代码", "检查", "级别", "条款", "位置", "原文", "问题", "依据", "修改建议", "把握程度")
_WIDTHS = {"A": 6, "B": 40, "C": 20, "D": 20, "E": 12, "F": 12, "G": 80}
_ANNEX_WIDTHS = tuple(_WIDTHS.values())
MAX_REASONS = 8
_WRAPPED = {1, 7, 8, 9, 10}  # 文件名称, 原文, 问题, 依据, 修改建议 in the findings sheet
_A4 = "9"  # paperSize code of A4 in SpreadsheetML


def reasons_text(decision: dict) -> str:
    reasons = decision["reasons"]
    lines = []
    for i, r in enumerate(reasons[:MAX_REASONS], 1):
        tag = [r["code"]] if r.get("code") else []
        if r.get("basis"):
            tag.append(f"依据：{r['basis']}")
        tag.append(f"把握：{CONFIDENCE_ZH.get(r['confidence'], r['confidence'])}")
        text = r["text"] + (f"；建议：{r['change']}" if r.get("change") else "")
        lines.append(f"{i}. {text}（{'；'.join(tag)}）" if len(reasons) > 1 else f"{text}（{'；'.join(tag)}）")
    if len(reasons) > MAX_REASONS:
        lines.append(f"……另有{len(reasons) - MAX_REASONS}项，见“问题清单”")
    if decision.get("confirm"):
        lines.append("（建议意见，请审核人员确认）")
    return "\n".join(lines)


def level_text(rec: dict) -> str:
    n = rec.get("normative") or {}
    if n.get("level"):
        return str(n["level"])
    if not n:
        return ""
    return "行政规范性文件" if n.get("is_normative") else "非规范性文件"


def decision_text(rec: dict) -> str:
    d = rec["decision"]
    return d["decision"] + ("（待确认）" if d.get("confirm") and d["decision"] != "无法读取" else "")


class SheetWriter:
    def __init__(self, path: Path, as_of: dt.date, topic: str | None = None):
        from openpyxl import Workbook
        from openpyxl.styles import Alignment, Font

        self.path = path
        self.wb = Workbook(write_only=True)
        self._bold, self._wrap = Font(bold=True), Alignment(wrap_text=True, vertical="top")
        self.topic = topic
        self.annex = self.wb.create_sheet("清理结果")
        self.findings = self.wb.create_sheet("问题清单")
        for col, w in _WIDTHS.items():
            self.annex.column_dimensions[col].width = w
        for col, w in zip("ABCDEFGHIJKL", (6, 40, 8, 18, 6, 10, 10, 30, 50, 40, 40, 8)):
            self.findings.column_dimensions[col].width = w
        for ws in (self.annex, self.findings):  # print like a published annex: landscape, one page wide
            ws.page_setup.orientation = "landscape"
            ws.page_setup.paperSize = _A4
            ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
            ws.sheet_properties.pageSetUpPr.fitToPage = True
            ws.print_title_rows = "2:2" if ws is self.annex else "1:1"
        self.annex.freeze_panes = "A3"
        self.findings.freeze_panes = "A2"
        heading = f"规范性文件清理结果（截至{as_of.isoformat()}）" + (f"——{topic}专项清理" if topic else "")
        title = self._cell(heading, bold=True)
        title.alignment = Alignment(wrap_text=False)  # runs over the empty cells to its right
        self.annex.append([title])
        extra = EXTRA + (("需重新确定依据的条款",) if topic else ())
        self.annex.append([self._cell(h, bold=True) for h in ANNEX + extra])
        self.findings.append([self._cell(h, bold=True, ws=self.findings) for h in FINDINGS])
        self.n = 0
        self.findings_rows = 0

    @staticmethod
    def _height(ws, row_number: int, values, widths) -> None:
        """Row height for wrapped text (spreadsheet programs do not all compute it on opening)."""
        lines = 1
        for v, w in zip(values, widths):
            text = str(v or "")
            # a Chinese character is about two width units
            lines = max(lines, sum(-(-max(1, 2 * len(part)) // int(w)) for part in text.split("\n")))
        ws.row_dimensions[row_number].height = 15 * min(lines, 30)

    def _plain(self, value):
        """An unstyled value (cheaper); text that could be read as a formula goes through _cell."""
        if isinstance(value, str):
            from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

            value = ILLEGAL_CHARACTERS_RE.sub("", value)
            if value.startswith("="):
                return self._cell(value, ws=self.findings)
        return value

    def _cell(self, value, bold: bool = False, ws=None):
        from openpyxl.cell import WriteOnlyCell

        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

        if isinstance(value, str):
            value = ILLEGAL_CHARACTERS_RE.sub("", value)  # control characters are not allowed in xlsx
        c = WriteOnlyCell(ws if ws is not None else self.annex, value=value)
        if isinstance(value, str) and value.startswith("="):
            c.data_type = "s"  # text from a document is never a formula
        c.alignment = self._wrap
        if bold:
            c.font = self._bold
        return c

    def add(self, rec: dict) -> None:
        self.n += 1
        st = rec.get("status") or {}
        until = st.get("date") if st.get("status") in ("有效", "有效期届满") else None
        row = [self.n, rec.get("title") or rec["path"], rec.get("doc_number") or "", rec.get("issuer") or "",
               rec.get("date") or "", decision_text(rec), reasons_text(rec["decision"]),
               st.get("status", ""), until or "", level_text(rec),
               CONFIDENCE_ZH.get(rec["decision"]["confidence"], ""), rec["path"]]
        if self.topic:
            row.append("、".join((rec.get("topic") or {}).get("rebase", [])))
        self._height(self.annex, self.n + 2, row, _ANNEX_WIDTHS)
        self.annex.append([self._cell(v) for v in row])
        for f in rec.get("findings", []):
            loc = f.get("location") or {}
            self.findings_rows += 1
            values = (self.n, rec.get("title") or rec["path"], f["code"], f["check"],
                      SEVERITY_ZH.get(f["severity"], f["severity"]), loc.get("article") or "",
                      f"{loc.get('line')}:{loc.get('column')}", f["quote"], f["message"], f["basis"],
                      f["suggestion"], CONFIDENCE_ZH.get(f.get("confidence"), ""))
            # only the long texts wrap: styling every cell would double the cost of the sheet
            self.findings.append([self._cell(v, ws=self.findings) if i in _WRAPPED else self._plain(v)
                                  for i, v in enumerate(values)])

    def close(self) -> None:
        self.annex.print_area = f"A1:G{self.n + 2}"  # the published annex; later columns are for reviewers
        last = chr(ord("A") + len(ANNEX) + len(EXTRA) - (0 if self.topic else 1))
        self.annex.auto_filter.ref = f"A2:{last}{self.n + 2}"  # reviewers filter by 清理结果, 状态 …
        self.findings.auto_filter.ref = f"A1:L{self.findings_rows + 1}"
        self.wb.save(self.path)
