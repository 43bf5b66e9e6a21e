"""Text rendering of a knowledge-base lookup, in a reviewer's words (no internal labels)."""

from __future__ import annotations

from zzreview.kb import KINDS

_CONFIDENCE = {"high": "公开发布文本直接载明", "medium": "据公开报道推定，请对照正式文本核实",
               "low": "未经核实"}
_VERIFIED = {
    "DATA": "替代文件的条文载明废止",
    "DATA-FLAG": "国家法律法规数据库标注为失效（未见废止条款原文）",
    "UNVERIFIED": "来源未能核实，请对照正式文本复核",
    "TABLE": "用户补充表",
}
_SOURCES = {"kb_known_versions.tsv": "该法文本", "national.tsv": "2025-04-19 以后的变更", "central-documents.tsv": "国务院文件、预案和规划的变更",
            "shandong.tsv": "山东省、枣庄市的变更"}


def _version_line(v: dict, current: str | None) -> str:
    dates = f"公布 {v.get('publish_date') or '日期不详'}"
    if v.get("effective_date") and v.get("effective_date") != v.get("publish_date"):
        dates += f"，施行 {v['effective_date']}"
    if v.get("max_article"):
        count = f"共{v['max_article']}条"
        if v.get("truncated"):
            count += "（所录文本可能不完整）"
    elif v.get("from_history"):
        count = "条数不详（仅见于修改沿革）"
    else:
        count = "条数不详"
    line = f"  {v.get('label') or '版本'}：{dates}；{count}"
    if v.get("source"):
        line += f"；来源：{_SOURCES.get(v['source'], v['source'])}"
        if v.get("confidence") in ("medium", "low"):
            line += f"（{_CONFIDENCE[v['confidence']]}）"
    if v.get("label") == current:
        line += "  ← 基准日适用"
    return line


def _status_line(d: dict) -> str:
    status, day = d.get("status"), d.get("as_of")
    text = f"状态（{day}）：{status}" if day else f"状态：{status}"
    if status == "已废止" and d.get("valid_until"):
        text += f"（实施期限至{d['valid_until']}）"
    elif status == "已废止" and d.get("repeal_date"):
        text += f"（{d['repeal_date']}起{'，日期为推定' if d.get('repeal_date_approx') else ''}）"
    elif status == "尚未生效" and d.get("versions"):
        text += f"（{d['versions'][0].get('effective_date') or d['versions'][0].get('publish_date')}起施行）"
    elif status == "已修改" and d.get("cited_version"):
        text += f"（所引{d['cited_version']}已被后来的版本取代）"
    if d.get("scheduled_repeal"):
        text += f"；其后于{d['scheduled_repeal']}废止"
    return text


def render_resolution(d: dict) -> str:
    lines = [f"查询：{d.get('query')}"]
    if not d.get("known"):
        lines.append("状态：未知（知识库中没有该文件，不代表该文件不存在）")
        return "\n".join(lines)
    kind = KINDS.get(d.get("kind") or "law", "")
    head = f"标题：{d.get('title')}"
    extras = [x for x in (d.get("level"), d.get("region"), d.get("doc_no")) if x]
    if extras:
        head += f"（{'，'.join(extras)}）"
    lines += [head, f"类别：{kind}", _status_line(d)]
    if d.get("current_version"):
        lines.append(f"基准日适用的版本：{d['current_version']}")
    if d.get("max_article"):
        lines.append(f"最后一条：第{d['max_article']}条")
    if d.get("successor"):
        word = "接续" if d.get("valid_until") else "替代"
        lines.append(f"{word}文件：《{d['successor']}》")
    basis = d.get("repeal_basis")
    if basis:
        lines.append(f"废止依据：{basis}")
    how = _VERIFIED.get(d.get("verified") or "") if d.get("verified") != "PUBLISHED" else None
    if d.get("confidence"):
        how = _CONFIDENCE.get(d["confidence"], how)
    if how and (d.get("repeal_date") or d.get("scheduled_repeal") or d.get("valid_until")):
        lines.append(f"可靠程度：{how}")
    if d.get("evidence"):
        lines.append(f"原文：{d['evidence']}")
    if d.get("evidence_url"):
        lines.append(f"出处：{d['evidence_url']}")
    versions = d.get("versions") or []
    if versions:
        lines.append(f"版本（共{len(versions)}个）：")
        lines += [_version_line(v, d.get("current_version")) for v in versions]
    else:
        lines.append("版本：知识库未记录其公布日期和条数")
    for note in d.get("notes") or []:
        lines.append(f"待核实：{note.get('text')}" + (f"（{note['url']}）" if note.get("url") else ""))
    others = d.get("same_title") or []
    if others:
        lines.append("同名文件：")
        for o in others:
            span = f"{o.get('start') or '日期不详'} 起"
            if o.get("repeal_date"):
                span += f"，{o['repeal_date']} 废止"
            lines.append(f"  {o.get('title')}（{span}{'，' + o['doc_no'] if o.get('doc_no') else ''}）")
        lines.append("注意：同名文件不止一部，按基准日选取当日有效的一部；引用旧文件时请注明年份（--year）")
    return "\n".join(lines)


def render_info(info: dict) -> str:
    counts = info.get("counts") or {}
    lines = [f"{info.get('name')} {info.get('version')}（构建于 {info.get('built')}）",
             "条目：" + "，".join(f"{_COUNT_NAMES.get(k, k)} {v}" for k, v in counts.items()),
             "来源（最新事实的日期）："]
    for s in info.get("sources") or []:
        when = s.get("newest_fact") or "不详"
        snap = f"；快照 {s['snapshot']}" if s.get("snapshot") else ""
        low = f"；其中低可信度 {s['low_confidence']} 条（仅作提示）" if s.get("low_confidence") else ""
        lines.append(f"  {s.get('name')}：最新事实 {when}{snap}；{s.get('rows', 0)} 行{low}")
    unconfirmed = info.get("unconfirmed") or []
    if unconfirmed:
        lines.append("未核实的信息（不据此报告问题）：")
        lines += [f"  {u.get('title')}：{u.get('text')}" for u in unconfirmed]
    return "\n".join(lines)


_COUNT_NAMES = {"laws": "法律法规版本行", "instruments": "文件", "versions": "版本", "repealed": "已废止或期满",
                "aliases": "简称"}
