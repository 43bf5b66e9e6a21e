"""The registry of checks: built-in Python checks, declarative TOML checks, entry-point plugins.

Each built-in check module exposes ``CHECK``; add one import line and one tuple entry per check.
All checks, whatever their origin, are loaded by ``load_checks`` and run the same way.
"""

from __future__ import annotations

from functools import cached_property, lru_cache

from zzreview.errors import PluginError
from zzreview.model import RuleInfo
from zzreview.record import Record
from zzreview.rules import document_form, expired_reference, legal_basis, meta, validity
from zzreview.rules import unlisted_certification
from zzreview.rules import fair_competition, legislative_scope, stock
from zzreview.rules.base import Check

TYPE_CHECKING = False  # pathlib costs a review ~3 ms: its paths are strings
if TYPE_CHECKING:
    from pathlib import Path

BUILTIN_CHECKS: tuple[Check, ...] = (
    meta.CHECK,
    expired_reference.CHECK,
    legal_basis.CHECK,
    legislative_scope.CHECK,
    validity.CHECK,
    document_form.CHECK,
    unlisted_certification.CHECK,
    fair_competition.CHECK,
    stock.CHECK,
)


ENTRY_POINT_GROUP = "zzreview.checks"


class LoadedChecks(Record):
    """The checks loaded for a run (built-in, declarative, plugins) and the errors met loading them."""

    _fields = ("checks", "errors")

    def __init__(self, checks: list | None = None, errors: list[PluginError] | None = None):
        self.checks = [] if checks is None else checks
        self.errors = [] if errors is None else errors

    def rules(self) -> list[RuleInfo]:
        return [r for c in self.checks for r in c.rules]

    @cached_property
    def names(self) -> dict[str, str]:
        """Rule code → rule name, for every loaded check (made once, used for every document)."""
        return {r.code: r.name for r in self.rules()}


def _builtin_toml_dir() -> str:
    from zzreview.resources import data_path

    return data_path("rules")


def _valid(obj, origin: str):
    if isinstance(obj, type) or (callable(obj) and not hasattr(obj, "run")):
        obj = obj()
    for attr in ("name", "rules", "run"):
        if not hasattr(obj, attr):
            raise PluginError(origin, f"检查对象缺少 {attr}（需要 name、rules、run(ctx)）")
    if not all(isinstance(r, RuleInfo) for r in obj.rules):
        raise PluginError(origin, "rules 应为 zzreview.model.RuleInfo 的序列")
    return obj


def _may_declare_plugins() -> bool:
    """False only when no distribution on sys.path can declare a zzreview.checks entry point: a look
    at the entry_points.txt files, so that importlib.metadata (~20 ms to import) loads only when needed."""
    import os
    import sys
    from importlib.machinery import BuiltinImporter, FrozenImporter, PathFinder

    if any(hasattr(f, "find_distributions") for f in sys.meta_path
           if f not in (BuiltinImporter, FrozenImporter, PathFinder)):
        return True  # another finder may know distributions we cannot see
    for entry in sys.path:
        folder = entry or os.getcwd()
        if not os.path.isdir(folder):
            if os.path.exists(folder):
                return True  # a zip on sys.path: let importlib.metadata look inside
            continue
        try:
            names = os.listdir(folder)
        except OSError:
            continue
        for name in names:
            if name.endswith(".egg"):
                return True
            if name.endswith((".dist-info", ".egg-info")):
                try:
                    with open(os.path.join(folder, name, "entry_points.txt"), encoding="utf-8",
                              errors="replace") as f:
                        if ENTRY_POINT_GROUP in f.read():
                            return True
                except OSError:
                    continue
    return False


def _entry_point_checks(out: LoadedChecks) -> None:
    if not _may_declare_plugins():
        return
    from importlib import metadata

    for ep in metadata.entry_points(group=ENTRY_POINT_GROUP):
        origin = f"插件 {ep.name}（{ep.value}）"
        try:
            out.checks.append(_valid(ep.load(), origin))
        except PluginError as exc:
            out.errors.append(exc)
        except Exception as exc:  # a broken plugin must not stop the other checks
            out.errors.append(PluginError(origin, f"加载失败：{type(exc).__name__}: {exc}"))


@lru_cache(maxsize=8)
def load_checks(plugin_paths: tuple[Path, ...] = ()) -> LoadedChecks:
    """Built-in, declarative (built-in and user directories) and entry-point checks."""
    from zzreview.pathstr import normal
    from zzreview.rules import declarative

    out = LoadedChecks(checks=list(BUILTIN_CHECKS))
    builtin = _builtin_toml_dir()
    for directory in (builtin, *plugin_paths):
        shipped = "rules" if normal(directory) == builtin else None
        try:
            out.checks.extend(declarative.load_dir(directory, out.errors, shipped))
        except PluginError as exc:
            out.errors.append(exc)
    _entry_point_checks(out)
    seen: dict[str, str] = {}
    unique = []
    for c in out.checks:
        dup = next((r.code for r in c.rules if r.code in seen), None)
        if dup:
            out.errors.append(PluginError(getattr(c, "origin", c.name), f"规则代码 {dup} 与 {seen[dup]} 重复，已跳过"))
            continue
        seen.update({r.code: c.name for r in c.rules})
        unique.append(c)
    out.checks = unique
    return out


def all_checks(plugin_paths: tuple[Path, ...] = ()) -> list:
    return load_checks(plugin_paths).checks


def all_rules(plugin_paths: tuple[Path, ...] = ()) -> list[RuleInfo]:
    return load_checks(plugin_paths).rules()


def find_rule(key: str, plugin_paths: tuple[Path, ...] = ()) -> RuleInfo | None:
    key = key.strip()
    for r in all_rules(plugin_paths):
        if key.upper() == r.code or key == r.name:
            return r
    return None
