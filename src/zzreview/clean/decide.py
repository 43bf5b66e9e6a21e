"""Proposed decision for one document, from the rules in checks/clean/decisions.toml."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import regex

from zzreview import resources
from zzreview.errors import ConfigError
from zzreview.resources import data_toml

_RANK = {"high": 3, "medium": 2, "low": 1}
CONFIDENCE_ZH = {"high": "高", "medium": "中", "low": "低"}


@dataclass(frozen=True)
class Rules:
    order: tuple[str, ...]
    default: str
    default_reason: str
    rules: tuple[dict, ...]


def load_rules(path: Path | None = None) -> Rules:
    if path is None:
        raw = data_toml("clean/decisions.toml")
    else:
        try:
            raw = resources.tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, resources.tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}：无法读取清理决定规则（{exc}）") from None
    order = tuple(raw.get("order", ()))
    rules = tuple(raw.get("rule", ()))
    for i, r in enumerate(rules, 1):
        if r.get("decision") not in order:
            raise ConfigError(f"清理决定规则第{i}条（{r.get('id', '?')}）的 decision 不在 order 中")
        if not any(k in r for k in ("status", "fact", "codes")):
            raise ConfigError(f"清理决定规则第{i}条（{r.get('id', '?')}）缺少 status、fact 或 codes")
        for field, pattern in r.get("match", {}).items():
            try:
                regex.compile(pattern)
            except regex.error as exc:
                raise ConfigError(f"清理决定规则第{i}条（{r.get('id', '?')}）match.{field} 不是有效的正则表达式：{exc}") from None
    return Rules(order, raw.get("default", order[-1] if order else "继续有效"),
                 raw.get("default_reason", ""), rules)


def weakest(*levels: str | None) -> str:
    present = [lv for lv in levels if lv in _RANK]
    return min(present, key=_RANK.__getitem__) if present else "high"


def strongest(*levels: str | None) -> str:
    """A decision stands if any one of its reasons holds: as sure as its best-founded reason."""
    present = [lv for lv in levels if lv in _RANK]
    return max(present, key=_RANK.__getitem__) if present else "high"


class _Fields(dict):
    def __missing__(self, key: str) -> str:
        return ""


def _fill(text: str, fields: dict) -> str:
    return text.format_map(_Fields({k: ("" if v is None else v) for k, v in fields.items()}))


def _status_fields(st: dict) -> dict:
    f = dict(st)
    if st.get("by_number"):
        f["by_number"] = f"（{st['by_number']}）"
    return f


def _matches(patterns: dict, finding: dict) -> bool:
    """Every ``match`` pattern (a regular expression per finding field) is found in that field."""
    return all(regex.search(p, str(finding.get(field) or "")) for field, p in patterns.items())


def decide(rules: Rules, status: dict, findings: list[dict], facts: dict) -> dict:
    """{"decision", "confirm", "reasons": [{rule, text, code, basis, confidence, change}]}."""
    reasons: list[dict] = []
    for r in rules.rules:
        if "status" in r and status.get("status") in r["status"]:
            f = _status_fields(status)
            reasons.append({"rule": r["id"], "label": r.get("label", r["id"]), "decision": r["decision"], "code": None,
                            "text": _fill(r.get("reason", ""), f), "basis": _fill(r.get("basis", ""), f),
                            "change": _fill(r.get("change", ""), f), "confidence": weakest(status.get("confidence")),
                            "confirm": bool(r.get("confirm"))})
        if "fact" in r and facts.get(r["fact"]):
            fact = facts[r["fact"]]
            reasons.append({"rule": r["id"], "label": r.get("label", r["id"]), "decision": r["decision"], "code": None,
                            "text": _fill(r.get("reason", ""), fact), "basis": _fill(r.get("basis", ""), fact),
                            "change": _fill(r.get("change", ""), fact), "confidence": weakest(fact.get("confidence")),
                            "confirm": bool(r.get("confirm"))})
        for code_prefix in r.get("codes", ()):
            for fd in findings:
                if fd["code"].startswith(code_prefix) and _matches(r.get("match", {}), fd):
                    reasons.append({"rule": r["id"], "label": r.get("label", r["id"]), "decision": r["decision"], "code": fd["code"],
                                    "text": _fill(r.get("reason", "{message}"), fd),
                                    "basis": fd.get("basis") or "", "change": _fill(r.get("change", ""), fd),
                                    "confidence": weakest(fd.get("confidence")), "confirm": bool(r.get("confirm"))})
    for decision in rules.order:
        chosen = [x for x in reasons if x["decision"] == decision]
        if chosen:
            return {"decision": decision, "confirm": any(x["confirm"] for x in chosen),
                    "confidence": strongest(*(x["confidence"] for x in chosen)), "reasons": chosen}
    return {"decision": rules.default, "confirm": False, "confidence": "high",
            "reasons": [{"rule": "default", "label": "未发现问题", "decision": rules.default, "code": None, "text": rules.default_reason,
                         "basis": "", "change": "", "confidence": "high", "confirm": False}]}
