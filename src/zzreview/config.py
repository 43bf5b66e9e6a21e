"""Configuration: zzreview.toml, .zzreview.toml or [tool.zzreview] in pyproject.toml.

Found from the reviewed file's directory upwards (nearest wins), or given with --config.
Unknown keys and bad values raise ConfigError naming the file, the key and what is allowed.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import os

from zzreview import resources
from zzreview.errors import ConfigError
from zzreview.record import Record

TYPE_CHECKING = False  # pathlib costs a review ~3 ms: its paths are strings
if TYPE_CHECKING:
    from pathlib import Path

FILENAMES = ("zzreview.toml", ".zzreview.toml", "pyproject.toml")
FAIL_ON = ("error", "warning", "info", "never")
SEVERITY_VALUES = ("error", "warning", "info", "off")
LEVELS = ("auto", "normative-document", "government-rule", "departmental-rule", "local-regulation",
          "administrative-regulation", "law", "non-normative",
          "法律", "行政法规", "地方性法规", "部门规章", "地方政府规章", "行政规范性文件", "非规范性文件")
DOCUMENT_KINDS = ("auto", "normative", "non-normative")
KEYS = {
    "select": "代码、代码前缀或检查名称的列表",
    "ignore": "代码、代码前缀或检查名称的列表",
    "fail-on": "error、warning、info 或 never",
    "as-of": "审查基准日，YYYY-MM-DD",
    "severity": "表：规则代码或名称 = error、warning、info 或 off",
    "overrides": "表数组：paths = [通配符…]，以及 select、ignore、severity、level、document-kind、province",
    "kb-tables": "知识库补充表（TSV）路径的列表，相对于配置文件",
    "certification-lists": "证明事项清单的列表：内置清单名称或文件路径（相对于配置文件）",
    "level": "文件层级：auto（默认，自动判断）、normative-document、government-rule、departmental-rule、"
             "local-regulation、administrative-regulation、law、non-normative，或直接写层级名称（如 地方政府规章）",
    "document-kind": "强制文件性质：auto（默认，自动判断）、normative（规范性文件）或 non-normative（非规范性文件）",
    "province": "适用哪个省的规范性文件管理规定（如 山东省），用于有效期上限等",
    "plugin-paths": "声明式检查（TOML）所在目录的列表，相对于配置文件",
    "decisions": "审核决定文件路径（默认：向上查找 .zzreview/decisions.toml）",
}
OVERRIDE_KEYS = ("paths", "select", "ignore", "severity", "level", "document-kind", "province")


class Override(Record):
    """Settings that apply to the paths matching some patterns."""

    _fields = ("paths", "values")

    def __init__(self, paths: list[str], values: dict):
        self.paths = paths
        self.values = values


class Config(Record):
    """The settings of zzreview.toml (selection, severities, lists, plugins) for one file."""

    _fields = ("path", "select", "ignore", "fail_on", "as_of", "severity", "overrides", "kb_tables",
               "certification_lists", "level", "document_kind", "province", "plugin_paths", "decisions")

    def __init__(
        self,
        path: Path | None = None,
        select: list[str] | None = None,
        ignore: list[str] | None = None,
        fail_on: str = "error",
        as_of: dt.date | None = None,
        severity: dict[str, str] | None = None,
        overrides: list[Override] | None = None,
        kb_tables: list[Path] | None = None,
        certification_lists: list[str] | None = None,  # builtin names or resolved paths
        level: str = "auto",
        document_kind: str = "auto",
        province: str | None = None,
        plugin_paths: list[Path] | None = None,
        decisions: Path | None = None,
    ):
        self.path = path
        self.select = [] if select is None else select
        self.ignore = [] if ignore is None else ignore
        self.fail_on = fail_on
        self.as_of = as_of
        self.severity = {} if severity is None else severity
        self.overrides = [] if overrides is None else overrides
        self.kb_tables = [] if kb_tables is None else kb_tables
        self.certification_lists = [] if certification_lists is None else certification_lists
        self.level = level
        self.document_kind = document_kind
        self.province = province
        self.plugin_paths = [] if plugin_paths is None else plugin_paths
        self.decisions = decisions

    def for_file(self, file: str | Path) -> "Config":
        """This configuration with the overrides whose globs match ``file`` applied."""
        if not self.overrides:
            return self
        from pathlib import Path

        base = self.path.parent if self.path else Path.cwd()
        try:
            rel = Path(file).resolve().relative_to(base.resolve()).as_posix()
        except ValueError:
            rel = Path(file).as_posix()
        cfg = self
        for o in self.overrides:
            if any(fnmatch.fnmatch(rel, g) or fnmatch.fnmatch(Path(file).as_posix(), g) for g in o.paths):
                v = o.values
                cfg = cfg.replace(
                    select=v.get("select", cfg.select),
                    ignore=cfg.ignore + v.get("ignore", []),
                    severity={**cfg.severity, **v.get("severity", {})},
                    level=v.get("level", cfg.level),
                    document_kind=v.get("document-kind", cfg.document_kind),
                    province=v.get("province", cfg.province),
                )
        return cfg

    def to_dict(self) -> dict:
        return {
            "path": str(self.path) if self.path else None,
            "select": self.select, "ignore": self.ignore, "fail-on": self.fail_on,
            "as-of": self.as_of.isoformat() if self.as_of else None,
            "severity": self.severity,
            "overrides": [{"paths": o.paths, **o.values} for o in self.overrides],
            "kb-tables": [str(p) for p in self.kb_tables],
            "certification-lists": self.certification_lists,
            "level": self.level, "document-kind": self.document_kind, "province": self.province,
            "plugin-paths": [str(p) for p in self.plugin_paths],
            "decisions": str(self.decisions) if self.decisions else None,
        }


def parse_date(value: str, where: str) -> dt.date:
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise ConfigError(f"{where}：日期“{value}”无效，应为 YYYY-MM-DD") from None


def read_toml(path: Path, what: str = "配置文件") -> dict:
    """A user's TOML file (``what`` names it in the messages); ConfigError when it cannot be read."""
    from zzreview.errors import ReadError
    from zzreview.readers.limits import read_text_file

    try:
        return resources.tomllib.loads(read_text_file(path, what))
    except ReadError as exc:
        raise ConfigError(f"{path}：无法读取{what}（{exc.message}）") from None
    except resources.tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}：TOML 格式错误（{exc}）") from None
    except RecursionError:
        raise ConfigError(f"{path}：TOML 嵌套过深") from None


def find_config(start: str | Path) -> Path | None:
    """The nearest config file from ``start`` upwards (pyproject.toml only with [tool.zzreview])."""
    from zzreview.readers.limits import exists, folders_up, is_dir

    for folder in folders_up(start):
        for name in FILENAMES:
            p = os.path.join(folder, name)
            if exists(p) and not is_dir(p) and (name != "pyproject.toml" or _declares_zzreview(p)):
                from pathlib import Path

                return Path(p)
    return None


def _declares_zzreview(pyproject: str) -> bool:
    """Whether a pyproject.toml has a [tool.zzreview] table. The answer is kept between runs, keyed
    by the file's size, modification and change times (a file made unreadable is read again, and
    refused as before): parsing it needs tomllib and typing (~7 ms)."""
    global _pyprojects
    st = os.stat(pyproject)
    stamp = (st.st_size, st.st_mtime_ns, st.st_ctime_ns)
    if _pyprojects is None:
        from zzreview.runcache import Kept

        _pyprojects = Kept("pyproject", keep=os.path.exists)
    return _pyprojects.stamped(pyproject, stamp, lambda: "zzreview" in read_toml(pyproject).get("tool", {}))


_pyprojects = None  # the Kept answers of _declares_zzreview


def _str_list(value, where: str) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    raise ConfigError(f"{where}：应为字符串列表")


def _choice(value, allowed: tuple[str, ...], where: str) -> str:
    if value not in allowed:
        raise ConfigError(f"{where}：值“{value}”无效，应为 {'、'.join(allowed)}")
    return value


def _severity_table(value, where: str) -> dict[str, str]:
    if not isinstance(value, dict):
        raise ConfigError(f"{where}：应为表，例如 ZZ202 = \"info\"")
    return {str(k): _choice(v, SEVERITY_VALUES, f"{where}.{k}") for k, v in value.items()}


def _override(value, where: str) -> Override:
    if not isinstance(value, dict) or "paths" not in value:
        raise ConfigError(f"{where}：每个 overrides 项都需要 paths = [通配符…]")
    values: dict = {}
    for k, v in value.items():
        w = f"{where}.{k}"
        if k not in OVERRIDE_KEYS:
            raise ConfigError(f"{where}：未知的配置项“{k}”（可用：{'、'.join(OVERRIDE_KEYS)}）")
        if k in ("select", "ignore"):
            values[k] = _str_list(v, w)
        elif k == "severity":
            values[k] = _severity_table(v, w)
        elif k == "level":
            values[k] = _choice(v, LEVELS, w)
        elif k == "document-kind":
            values[k] = _choice(v, DOCUMENT_KINDS, w)
        elif k == "province":
            values[k] = str(v)
    return Override(paths=_str_list(value["paths"], f"{where}.paths"), values=values)


def load_config(path: Path | None) -> Config:
    if path is None:
        return Config()
    data = read_toml(path)
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("zzreview", {})
    cfg = Config(path=path)
    here = path.parent
    for key, value in data.items():
        where = f"{path}：配置项 {key}"
        if key not in KEYS:
            raise ConfigError(f"{path}：未知的配置项“{key}”（可用：{'、'.join(KEYS)}）")
        if key in ("select", "ignore"):
            setattr(cfg, key, _str_list(value, where))
        elif key == "fail-on":
            cfg.fail_on = _choice(value, FAIL_ON, where)
        elif key == "as-of":
            cfg.as_of = parse_date(value, where)
        elif key == "severity":
            cfg.severity = _severity_table(value, where)
        elif key == "overrides":
            if not isinstance(value, list):
                raise ConfigError(f"{where}：应为表数组 [[overrides]]")
            cfg.overrides = [_override(v, f"{where}[{i}]") for i, v in enumerate(value)]
        elif key == "kb-tables":
            cfg.kb_tables = [here / p for p in _str_list(value, where)]
        elif key == "certification-lists":
            cfg.certification_lists = [
                str(here / v) if ("/" in v or "." in v) else v for v in _str_list(value, where)]
        elif key == "level":
            cfg.level = _choice(value, LEVELS, where)
        elif key == "document-kind":
            cfg.document_kind = _choice(value, DOCUMENT_KINDS, where)
        elif key == "province":
            if not isinstance(value, str):
                raise ConfigError(f"{where}：应为省份名称字符串")
            cfg.province = value
        elif key == "plugin-paths":
            cfg.plugin_paths = [here / p for p in _str_list(value, where)]
        elif key == "decisions":
            cfg.decisions = here / str(value)
    return cfg
