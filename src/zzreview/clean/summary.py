"""The cleanup summary: counts by decision and by reason, and the documents to act on first.

Kept as counters and a bounded list while records stream past; rendered as Markdown and .docx.
"""

from __future__ import annotations

import datetime as dt
import heapq
from collections import Counter
from pathlib import Path

import regex

from zzreview.clean.decide import CONFIDENCE_ZH

_NOT_XML = regex.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # not allowed in a .docx
FIRST = 20  # documents listed under "先行处理"
_URGENCY = {"废止": 3, "宣布失效": 2, "修改": 1}  # other decisions are not listed as urgent


class Summary:
    def __init__(self, as_of: dt.date, order: tuple[str, ...], topic: str | None = None):
        self.as_of, self.order, self.topic = as_of, order, topic
        self.total = 0
        self.decisions: Counter = Counter()
        self.reasons: Counter = Counter()
        self.statuses: Counter = Counter()
        self.rebase: Counter = Counter()
        self._first: list = []  # heap of (urgency, reasons, -n, row)

    def add(self, rec: dict) -> None:
        self.total += 1
        d = rec["decision"]
        self.decisions[d["decision"]] += 1
        self.statuses[(rec.get("status") or {}).get("status", "")] += 1
        for rule in sorted({r.get("label", r["rule"]) for r in d["reasons"]}):
            self.reasons[(d["decision"], rule)] += 1
        for cited in (rec.get("topic") or {}).get("rebase", []):
            self.rebase[cited] += 1
        urgency = _URGENCY.get(d["decision"])
        if urgency:
            row = {"title": rec.get("title") or rec["path"], "doc_number": rec.get("doc_number") or "",
                   "decision": d["decision"], "confirm": d.get("confirm"),
                   "reason": d["reasons"][0]["text"], "more": len(d["reasons"]) - 1,
                   "confidence": d["confidence"]}
            item = (urgency, len(d["reasons"]), -self.total, row)
            if len(self._first) < FIRST:
                heapq.heappush(self._first, item)
            else:
                heapq.heappushpop(self._first, item)

    def first(self) -> list[dict]:
        return [item[3] for item in sorted(self._first, reverse=True)]

    def to_dict(self) -> dict:
        return {"documents": self.total, "decisions": dict(self.decisions),
                "statuses": dict(self.statuses),
                "reasons": [{"decision": k[0], "rule": k[1], "documents": v} for k, v in self.reasons.most_common()],
                "first": self.first(), "rebase": dict(self.rebase)}

    # ------------------------------------------------------------ Markdown
    def markdown(self) -> str:
        title = "规范性文件清理情况说明" + (f"（{self.topic}专项清理）" if self.topic else "")
        out = [f"# {title}", "", f"清理基准日：{self.as_of.isoformat()}；共清理文件 {self.total} 件。", "",
               "## 清理结果", "", "| 清理结果 | 件数 |", "|---|---|"]
        for k in (*self.order, *sorted(set(self.decisions) - set(self.order))):
            if self.decisions.get(k):
                out.append(f"| {k} | {self.decisions[k]} |")
        out += ["", "## 理由分布", "", "| 清理结果 | 理由 | 件数 |", "|---|---|---|"]
        out += [f"| {d} | {rule} | {n} |" for (d, rule), n in self.reasons.most_common()]
        out += ["", "## 有效状态", "", "| 状态 | 件数 |", "|---|---|"]
        out += [f"| {s} | {n} |" for s, n in self.statuses.most_common()]
        if self.topic:
            out += ["", "## 需重新确定依据的条款", ""]
            out += [f"- {c}：{n} 件" for c, n in self.rebase.most_common()] or ["- 无"]
        out += ["", "## 建议先行处理的文件", ""]
        if not self._first:
            out.append("无。")
        for i, r in enumerate(self.first(), 1):
            more = f"等{r['more'] + 1}项理由" if r["more"] else ""
            num = f"（{r['doc_number']}）" if r["doc_number"] else ""
            confirm = "，待确认" if r["confirm"] else ""
            out.append(f"{i}. 《{r['title']}》{num}：**{r['decision']}**{confirm}——{r['reason']}{more}"
                       f"（把握：{CONFIDENCE_ZH.get(r['confidence'], r['confidence'])}）")
        out += ["", "以上为工具提出的建议意见，清理结果以审核人员确认为准。", ""]
        return "\n".join(out)

    # ------------------------------------------------------------ .docx
    def write_docx(self, path: Path) -> None:
        import docx

        d = docx.Document()
        for line in _NOT_XML.sub("", self.markdown()).splitlines():
            if line.startswith("# "):
                d.add_heading(line[2:], level=1)
            elif line.startswith("## "):
                d.add_heading(line[3:], level=2)
            elif line.startswith("|"):
                continue
            elif line:
                d.add_paragraph(line.replace("**", ""))
            if line.startswith("## ") and line[3:] in ("清理结果", "理由分布", "有效状态"):
                self._table(d, line[3:])
        d.save(str(path))

    def _table(self, d, which: str) -> None:
        if which == "清理结果":
            rows = [("清理结果", "件数")] + [(k, str(v)) for k, v in self.decisions.items()]
        elif which == "理由分布":
            rows = [("清理结果", "理由", "件数")] + [(a, b, str(n)) for (a, b), n in self.reasons.most_common()]
        else:
            rows = [("状态", "件数")] + [(s, str(n)) for s, n in self.statuses.most_common()]
        t = d.add_table(rows=len(rows), cols=len(rows[0]))
        t.style = "Table Grid"
        for i, row in enumerate(rows):
            for j, v in enumerate(row):
                t.cell(i, j).text = _NOT_XML.sub("", v)
