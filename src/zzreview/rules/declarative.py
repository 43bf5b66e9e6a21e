"""Declarative checks from TOML: pattern, terms, required clause, conditional.

A file holds ``[[rule]]`` tables; rules sharing a ``check`` name form one check family.
See checks/rules/README.md for the format.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable

import regex

from zzreview import lazy_regex, resources
from zzreview.analysis.location import locate
from zzreview.errors import PluginError
from zzreview.readers.limits import pattern_timeout
from zzreview.model import SEVERITIES, Finding, RuleInfo
from zzreview.record import Record
from zzreview.rules.base import Context

TYPE_CHECKING = False  # pathlib costs a review ~3 ms: its paths are strings
if TYPE_CHECKING:
    from pathlib import Path

KINDS = ("pattern", "terms", "required", "conditional")
SCOPES = ("sentence", "block", "article")
_REQUIRED_KEYS = ("code", "name", "kind", "severity", "title", "message", "basis")
_OPTIONAL_KEYS = ("check", "suggestion", "doc", "pattern", "unless", "scope", "terms", "if", "then",
                  "normative-only", "confidence", "since")
_SENTENCE_END = lazy_regex.cached_compile(r"[。！？；!?;\n]")
_SENTENCE_MAX = 1000  # characters either side of a match that a sentence scope may span
_SENTENCE_END_BEFORE = lazy_regex.cached_compile(r"[。！？；!?;\n]", regex.REVERSE)
_FIELD = lazy_regex.cached_compile(r"\{\{|\}\}|\{(\w+)(?:![rsa])?(?::[^{}]*)?\}")


class DeclarativeRule(Record):
    """One rule of a declarative check file: its match, message and basis."""

    _fields = ("info", "kind", "message", "basis", "suggestion", "pattern", "unless", "then", "scope", "terms",
               "normative_only", "confidence", "since")

    def __init__(
        self,
        info: RuleInfo,
        kind: str,
        message: str,
        basis: str,
        suggestion: str = "",
        pattern: regex.Pattern | None = None,
        unless: regex.Pattern | None = None,
        then: regex.Pattern | None = None,
        scope: str = "sentence",
        terms: dict[str, str] | None = None,
        normative_only: bool = False,
        confidence: str = "medium",
        since: str | None = None,  # ISO date: only documents dated on or after it (or undated drafts)
    ):
        self.info = info
        self.kind = kind
        self.message = message
        self.basis = basis
        self.suggestion = suggestion
        self.pattern = pattern
        self.unless = unless
        self.then = then
        self.scope = scope
        self.terms = {} if terms is None else terms
        self.normative_only = normative_only
        self.confidence = confidence
        self.since = since


def _compile(value, where: str) -> regex.Pattern:
    try:
        return lazy_regex.cached_compile(value)
    except (regex.error, TypeError) as exc:
        raise PluginError(where, f"正则表达式无效：{exc}") from None


def parse_rule(raw: dict, where: str) -> DeclarativeRule:
    for key in _REQUIRED_KEYS:
        if key not in raw:
            raise PluginError(where, f"缺少必填项 {key}")
    unknown = set(raw) - set(_REQUIRED_KEYS) - set(_OPTIONAL_KEYS)
    if unknown:
        raise PluginError(where, f"未知的项：{'、'.join(sorted(unknown))}")
    kind, severity = raw["kind"], raw["severity"]
    if kind not in KINDS:
        raise PluginError(where, f"kind 应为 {'、'.join(KINDS)}，而不是“{kind}”")
    if severity not in SEVERITIES:
        raise PluginError(where, f"severity 应为 {'、'.join(SEVERITIES)}，而不是“{severity}”")
    scope = raw.get("scope", "sentence" if kind == "pattern" else "article")
    if scope not in SCOPES:
        raise PluginError(where, f"scope 应为 {'、'.join(SCOPES)}")
    code = str(raw["code"]).upper()
    info = RuleInfo(code, raw.get("check", raw["name"]), raw["name"], severity, raw["title"],
                    raw.get("doc", raw["title"]))
    rule = DeclarativeRule(info, kind, raw["message"], raw["basis"], raw.get("suggestion", ""),
                           scope=scope, normative_only=bool(raw.get("normative-only", False)),
                           confidence=raw.get("confidence", "medium"))
    if "since" in raw:
        try:
            rule.since = dt.date.fromisoformat(str(raw["since"])).isoformat()
        except ValueError:
            raise PluginError(where, f"since 应为 YYYY-MM-DD，而不是“{raw['since']}”") from None
    if kind in ("pattern", "required"):
        if "pattern" not in raw:
            raise PluginError(where, f"kind = \"{kind}\" 需要 pattern")
        rule.pattern = _compile(raw["pattern"], where)
    if "unless" in raw:
        rule.unless = _compile(raw["unless"], where)
    if kind == "terms":
        terms = raw.get("terms")
        if not isinstance(terms, dict) or not terms:
            raise PluginError(where, "kind = \"terms\" 需要非空的 terms 表（词 = 建议替换）")
        rule.terms = {str(k): str(v) for k, v in terms.items()}
        rule.pattern = lazy_regex.cached_compile("|".join(regex.escape(t) for t in sorted(rule.terms, key=len, reverse=True)))
    if kind == "conditional":
        if "if" not in raw or "then" not in raw:
            raise PluginError(where, "kind = \"conditional\" 需要 if 和 then")
        rule.pattern = _compile(raw["if"], where)
        rule.then = _compile(raw["then"], where)
    return rule


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    low = max(start - _SENTENCE_MAX, 0)  # a "sentence" without an end is cut, not rescanned
    m = _SENTENCE_END_BEFORE.search(text, low, start)
    s = m.end() if m else low
    m = _SENTENCE_END.search(text, end, end + _SENTENCE_MAX)
    return s, (m.end() if m else min(end + _SENTENCE_MAX, len(text)))


class DeclarativeCheck:
    """All rules of one family (``check`` name) loaded from TOML."""

    def __init__(self, name: str, rules: list[DeclarativeRule], origin: str):
        self.name = name
        self.origin = origin
        self._rules = rules
        self.rules = tuple(r.info for r in rules)
        self._articles: tuple = (None, None)  # (context, article label -> text), built lazily

    def run(self, ctx: Context) -> Iterable[Finding]:
        from zzreview.analysis.facts import document_year

        normative = getattr(ctx.analysis.normative, "is_normative", True)
        year = document_year(ctx.doc)
        dated = ctx.doc.date or (f"{year}-12-31" if year else None)  # the 文号 year when undated
        self._articles = (ctx, None)
        timeout = pattern_timeout()  # read once per document, not once per block
        timed_out = []
        try:
            for rule in self._rules:
                if rule.normative_only and normative is False:
                    continue
                if rule.since and dated and dated < rule.since:
                    continue
                try:  # a pattern that backtracks without end stops this rule only
                    yield from list(getattr(self, f"_run_{rule.kind}")(ctx, rule, timeout))
                except TimeoutError:
                    timed_out.append(rule.info.code)
        finally:  # the document is not kept alive (and later freed inside this check) by the cache
            self._articles = (None, None)
        if timed_out:
            raise PluginError(self.origin, f"规则 {'、'.join(timed_out)} 的正则表达式匹配超时（单次超过 "
                                           f"{timeout:g} 秒，可用环境变量 ZZREVIEW_PATTERN_TIMEOUT 调高），"
                                           "该规则未完成")

    def _finding(self, ctx: Context, rule: DeclarativeRule, block: int, start: int, quote: str,
                 **fmt) -> Finding:
        fmt.setdefault("match", quote)
        text = lambda s: fill(s, fmt)  # noqa: E731
        return Finding(code=rule.info.code, check=rule.info.check, severity=rule.info.severity,
                       message=text(rule.message), quote=quote,
                       location=locate(ctx.doc, ctx.analysis.structure, block, start),
                       basis=text(rule.basis), suggestion=text(rule.suggestion),
                       confidence=rule.confidence)

    def _article_text(self, ctx: Context, block: int) -> str:
        article = ctx.analysis.structure.article_at(block)
        if not article:
            return ctx.doc.blocks[block].text
        if self._articles[0] is not ctx or self._articles[1] is None:  # joined once per document
            parts: dict[str, list[str]] = {}
            for b in ctx.doc.blocks:
                label = ctx.analysis.structure.article_at(b.index)
                if label:
                    parts.setdefault(label, []).append(b.text)
            self._articles = (ctx, {label: "\n".join(texts) for label, texts in parts.items()})
        return self._articles[1][article]

    def _blocks(self, ctx: Context):
        return [b for b in ctx.doc.blocks if b.index != ctx.doc.title_block]

    def _run_pattern(self, ctx: Context, rule: DeclarativeRule, timeout: float) -> Iterable[Finding]:
        for b in self._blocks(ctx):
            for m in rule.pattern.finditer(b.text, timeout=timeout):
                if not m.group(0):
                    continue
                if rule.unless is not None:
                    if rule.scope == "sentence":
                        s, e = _sentence(b.text, m.start(), m.end())
                        context = b.text[s:e]
                    elif rule.scope == "block":
                        context = b.text
                    else:
                        context = self._article_text(ctx, b.index)
                    if rule.unless.search(context, timeout=timeout):
                        continue
                yield self._finding(ctx, rule, b.index, m.start(), m.group(0))

    def _run_terms(self, ctx: Context, rule: DeclarativeRule, timeout: float) -> Iterable[Finding]:
        text = ctx.doc.text
        if not any(term in text for term in rule.terms):  # plain words: one look per document
            return
        for b in self._blocks(ctx):
            for m in rule.pattern.finditer(b.text, timeout=timeout):
                if rule.unless is not None:
                    s, e = _sentence(b.text, m.start(), m.end())
                    if rule.unless.search(b.text[s:e], timeout=timeout):
                        continue
                yield self._finding(ctx, rule, b.index, m.start(), m.group(0),
                                    replacement=rule.terms[m.group(0)])

    def _run_required(self, ctx: Context, rule: DeclarativeRule, timeout: float) -> Iterable[Finding]:
        if any(rule.pattern.search(b.text, timeout=timeout) for b in self._blocks(ctx)):
            return
        quote, loc = ctx.title_location()
        yield Finding(code=rule.info.code, check=rule.info.check, severity=rule.info.severity,
                      message=fill(rule.message, {"match": quote}), quote=quote,
                      location=loc, basis=rule.basis, suggestion=rule.suggestion,
                      confidence=rule.confidence)

    def _run_conditional(self, ctx: Context, rule: DeclarativeRule, timeout: float) -> Iterable[Finding]:
        for b in self._blocks(ctx):
            m = rule.pattern.search(b.text, timeout=timeout)
            if m and not rule.then.search(self._article_text(ctx, b.index), timeout=timeout):
                yield self._finding(ctx, rule, b.index, m.start(), m.group(0))


def fill(template: str, values: dict) -> str:
    """``{name}`` fields of a message replaced by their values; format specs and conversions are
    ignored (a width of two billion must not allocate), unknown fields kept as written."""
    def one(m) -> str:
        if m.group(0) in ("{{", "}}"):
            return m.group(0)[0]
        name = m.group(1)
        return str(values[name]) if name in values else m.group(0)

    return _FIELD.sub(one, str(template))


def load_file(path: str | Path, shipped: str | None = None) -> list[DeclarativeCheck]:
    """The check families defined in one TOML file; PluginError names the file on any problem.
    ``shipped``: the file's name under checks/, whose parsed form is kept between runs."""
    from zzreview.errors import ReadError
    from zzreview.readers.limits import read_text_file

    origin = str(path)
    try:
        data = (resources.data_toml(shipped) if shipped else
                resources.tomllib.loads(read_text_file(path, "检查定义文件")))
    except ReadError as exc:
        raise PluginError(origin, f"无法读取（{exc.message}）") from None
    except OSError as exc:  # a shipped file read by resources.data_toml
        from zzreview.readers.limits import os_reason

        raise PluginError(origin, f"无法读取（{os_reason(exc)}）") from None
    except resources.tomllib.TOMLDecodeError as exc:
        raise PluginError(origin, f"TOML 格式错误（{exc}）") from None
    except RecursionError:
        raise PluginError(origin, "TOML 嵌套过深") from None
    unknown = set(data) - {"rule"}
    if unknown:
        raise PluginError(origin, f"未知的顶层项：{'、'.join(sorted(unknown))}（应为 [[rule]]）")
    families: dict[str, list[DeclarativeRule]] = {}
    for i, raw in enumerate(data.get("rule", [])):
        rule = parse_rule(raw, f"{origin} 第{i + 1}条规则")
        families.setdefault(rule.info.check, []).append(rule)
    return [DeclarativeCheck(name, rules, origin) for name, rules in families.items()]


def load_dir(directory: str | Path, errors: list | None = None, shipped: str | None = None) -> list[DeclarativeCheck]:
    """Every *.toml in the directory; ``shipped``: the directory's name under checks/."""
    import stat

    from zzreview.pathstr import normal
    from zzreview.readers.limits import kind_of

    directory = normal(directory)
    if not os.path.isdir(directory):
        raise PluginError(directory, "声明式检查目录不存在")
    try:
        names = sorted(name for name in os.listdir(directory) if name.endswith(".toml"))
    except PermissionError:  # as Path.glob: a folder that cannot be listed has no files
        names = []
    checks, skipped = [], []
    for name in names:
        path = os.path.join(directory, name)
        mode = os.stat(path).st_mode if os.path.exists(path) else 0
        if not stat.S_ISREG(mode):  # a pipe or a device is never opened
            skipped.append(f"{name}（{kind_of(mode)}）")
            continue
        checks.extend(load_file(path, f"{shipped}/{name}" if shipped else None))
    if skipped and errors is not None:
        errors.append(PluginError(directory, f"已跳过不是普通文件的检查定义：{'、'.join(skipped)}"))
    return checks
