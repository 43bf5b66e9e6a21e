"""Text rendering of a knowledge-base lookup."""

from __future__ import annotations

_LABELS = (("title", "标题"), ("level", "效力级别"), ("status", "状态"), ("effective_date", "施行日期"),
           ("repeal_date", "废止日期"), ("successor", "替代"), ("repeal_basis", "废止依据"),
           ("max_article", "最后一条"), ("verified", "核实情况"))


def render_resolution(d: dict) -> str:
    lines = [f"查询：{d.get('query')}"]
    if not d.get("known"):
        lines.append("状态：未知（知识库中没有该文件，不代表该文件不存在）")
        return "\n".join(lines)
    for key, label in _LABELS:
        value = d.get(key)
        if value not in (None, "", []):
            if key == "max_article":
                value = f"第{value}条"
            lines.append(f"{label}：{value}")
    if d.get("ambiguous"):
        lines.append("注意：同名新旧两部文件，需按引用年份区分（--year）")
    versions = d.get("versions") or []
    if versions:
        lines.append("版本：")
        for v in versions:
            lines.append(f"  {v.get('label') or ''} 公布 {v.get('publish_date') or '?'} 施行 {v.get('effective_date') or '?'}")
    return "\n".join(lines)
