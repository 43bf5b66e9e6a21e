"""Run the checks on files: read, analyse, check, then apply configuration, suppressions and
reviewer decisions. Renderers format the result; the engine special-cases no check."""

from __future__ import annotations

import datetime as dt
import os
import stat
from collections.abc import Callable, Iterable

from zzreview.analysis.facts import Analysis, analyze
from zzreview.analysis.location import title_location
from zzreview.config import Config, find_config, load_config
from zzreview.document import Document
from zzreview.errors import PluginError, ReadError
from zzreview.kb import KnowledgeBase
from zzreview.model import SEVERITY_RANK, Finding
from zzreview.readers import SUPPORTED_SUFFIXES, read_document
from zzreview.record import Record
from zzreview.rules.base import Context
from zzreview.rules.registry import load_checks
from zzreview.selection import Selection

TYPE_CHECKING = False  # the typing module costs the hook ~5 ms, pathlib ~3 ms (paths are strings here)
if TYPE_CHECKING:
    from pathlib import Path

    from zzreview.decisions import Decision


class DocumentResult(Record):
    """One file's review: the document, its analysis, findings, accepted findings or read error."""

    _fields = ("path", "document", "analysis", "findings", "accepted", "error")

    def __init__(
        self,
        path: str,
        document: Document | None = None,
        analysis: Analysis | None = None,
        findings: list[Finding] | None = None,
        accepted: list[tuple[Finding, Decision]] | None = None,
        error: ReadError | None = None,
    ):
        self.path = path
        self.document = document
        self.analysis = analysis
        self.findings = [] if findings is None else findings
        self.accepted = [] if accepted is None else accepted
        self.error = error

    @property
    def kind(self) -> str | None:
        return self.document.kind if self.document else None


class RunResult(Record):
    """A whole run: every document's result, the day, the knowledge base and plugin errors."""

    _fields = ("as_of", "kb", "documents", "plugin_errors")

    def __init__(
        self,
        as_of: dt.date,
        kb: KnowledgeBase,
        documents: list[DocumentResult],
        plugin_errors: list[PluginError] | None = None,
    ):
        self.as_of = as_of
        self.kb = kb
        self.documents = documents
        self.plugin_errors = [] if plugin_errors is None else plugin_errors

    def count(self, severity: str) -> int:
        return sum(1 for d in self.documents for f in d.findings if f.severity == severity)

    @property
    def has_errors(self) -> bool:
        return any(d.error for d in self.documents) or bool(self.plugin_errors)

    def fails(self, fail_on: str) -> bool:
        threshold = SEVERITY_RANK[fail_on]
        return any(SEVERITY_RANK[f.severity] >= threshold for d in self.documents for f in d.findings)


class ConfigResolver:
    """One configuration per file: --config if given, else the nearest file upwards (cached)."""

    def __init__(self, forced: Config | None = None):
        self.forced = forced
        self._cache: dict[Path | None, Config] = {}
        self._found: dict[str, Path | None] = {}  # folder → its config file: one upward walk per folder
        self._folders: dict[str, str] = {}  # a folder as written → resolved: one resolve per folder
        self._of_path: dict[str, str] = {}  # a path → its resolved folder: one lstat per file and run

    def folder_of(self, path: str | Path) -> str:
        """The resolved folder of ``path`` (``path`` itself when it is a folder; the working folder
        when it names nothing). A regular file that is not a symbolic link shares its folder's
        resolution with its siblings; anything else is resolved on its own. Found once per path
        (the configuration and the decisions file of a file both ask)."""
        key = str(path)
        folder = self._of_path.get(key)
        if folder is None:
            folder = self._of_path[key] = self._find_folder(key)
        return folder

    def _find_folder(self, path: str) -> str:
        from zzreview.readers.limits import exists

        head, tail = os.path.split(path)
        try:
            plain = tail not in ("", ".", "..") and stat.S_ISREG(os.lstat(path).st_mode)
        except (OSError, ValueError):
            plain = False
        if not plain:
            return _folder_of(path if exists(path) else os.getcwd())
        folder = self._folders.get(head)
        if folder is None:
            folder = self._folders[head] = os.path.realpath(head or ".")
        return folder

    def for_file(self, path: str) -> Config:
        if self.forced is not None:
            return self.forced.for_file(path)
        folder = self.folder_of(path)
        if folder not in self._found:
            self._found[folder] = find_config(folder)
        found = self._found[folder]
        if found not in self._cache:
            self._cache[found] = load_config(found)
        return self._cache[found].for_file(path)


def _folder_of(p: str | Path) -> str:
    from zzreview.readers.limits import folders_up

    return next(folders_up(p))


def expand_paths(paths: Iterable[str], skipped: list | None = None) -> list[str]:
    """Files as given; folders searched recursively for supported drafts (sorted as pathlib sorts
    paths: part by part). Hidden files and folders and Word's ``~$`` lock files are passed over.
    Special files (pipes, devices, sockets) in a folder are not opened: they go to ``skipped``
    with the reason."""
    from zzreview.pathstr import normal
    from zzreview.readers.limits import is_dir

    out: list[str] = []
    for p in paths:
        folder = normal(p)  # as Path(p) names it: "" is the working folder
        if is_dir(folder):
            out.extend(_drafts_in(folder, skipped))
        else:
            out.append(p)
    return out


def _drafts_in(folder: str, skipped: list | None) -> list[str]:
    """The supported drafts under ``folder`` as ``str(Path(folder) / …)`` names them, in Path order.
    Symbolic links to folders are not followed; a folder that cannot be listed is passed over."""
    from zzreview.pathstr import suffix
    from zzreview.readers.limits import kind_of

    prefix = "" if folder == "." else folder if folder.endswith(os.sep) else folder + os.sep
    found: list[tuple[tuple[str, ...], str, str | None]] = []  # parts below the folder, path, why skipped
    below: list[tuple[tuple[str, ...], str]] = [((), folder)]
    while below:
        parts, where = below.pop()
        try:
            with os.scandir(where) as listing:
                entries = list(listing)
        except OSError:
            continue
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            path = prefix + os.sep.join((*parts, name))
            try:
                is_folder = entry.is_dir(follow_symlinks=False)
            except OSError:
                is_folder = False
            if is_folder:
                below.append(((*parts, name), path))
                continue
            if suffix(name).lower() not in SUPPORTED_SUFFIXES or name.startswith("~$"):
                continue
            try:
                if entry.is_file(follow_symlinks=False):  # a plain file, known from the listing itself
                    found.append(((*parts, name), path, None))
                    continue
                mode = os.stat(path).st_mode  # a link is judged by what it points to
            except OSError:
                continue
            if stat.S_ISREG(mode):
                found.append(((*parts, name), path, None))
            elif not stat.S_ISDIR(mode):
                found.append(((*parts, name), path, f"不是普通文件（是{kind_of(mode)}）"))
    if os.name == "nt":  # pathlib orders Windows paths without regard to case
        found.sort(key=lambda f: tuple(part.lower() for part in f[0]))
    else:
        found.sort(key=lambda f: f[0])
    if skipped is not None:
        skipped.extend((path, why) for _, path, why in found if why)
    return [path for _, path, why in found if not why]


def _severity(f: Finding, rule_names: dict[str, str], overrides: dict[str, str]) -> str | None:
    for key in (f.code, rule_names.get(f.code, ""), f.check):
        if key in overrides:
            return None if overrides[key] == "off" else overrides[key]
    return f.severity


def check_document(doc: Document, kb: KnowledgeBase, as_of: dt.date, selection: Selection | None = None,
                   config: Config | None = None,
                   errors: list[PluginError] | None = None) -> tuple[Analysis, list[Finding]]:
    """Analyse and run every loaded check; configuration (select/ignore/severity) applied."""
    config = config or Config()
    loaded = load_checks(tuple(config.plugin_paths))
    if errors is not None:
        errors.extend(e for e in loaded.errors if e not in errors)
    analysis = analyze(doc, kb, as_of, config)
    ctx = Context(doc=doc, analysis=analysis, kb=kb, as_of=as_of, config=config)
    names = loaded.names
    # command-line --select replaces the configured one; --ignore adds to it
    selection = Selection(select=(selection.select if selection and selection.select else config.select),
                          ignore=config.ignore + (selection.ignore if selection else []))
    findings: list[Finding] = []
    for check in loaded.checks:
        produced: list[Finding] = []
        try:
            produced.extend(check.run(ctx))  # findings made before a failure are kept
        except PluginError as exc:
            if errors is not None:
                errors.append(PluginError(exc.origin, f"审查 {doc.path} 时：{exc.message}"))
        except Exception as exc:  # a crashing check must not stop the others
            if errors is not None:
                errors.append(PluginError(f"检查 {check.name}",
                                          f"审查 {doc.path} 时出错：{type(exc).__name__}: {str(exc)[:200]}"))
        for f in produced:
            severity = _severity(f, names, config.severity)
            if severity is None or not selection.wants(f, names.get(f.code)):
                continue
            f.severity = severity
            findings.append(f)
    findings.sort(key=lambda f: (f.location.block, f.location.column, f.code))
    return analysis, findings


def review_file(path: str, kb: KnowledgeBase, as_of: dt.date, selection: Selection | None = None,
                data: bytes | None = None, name: str | None = None, config: Config | None = None,
                errors: list[PluginError] | None = None) -> DocumentResult:
    from zzreview.readers.limits import os_reason

    result = DocumentResult(path=name or path)
    try:
        from zzreview.readers.limits import is_dir

        if data is None and is_dir(path):
            raise ReadError("is-directory", "是目录而不是文件")
        doc = read_document(path, data=data, name=name)
        result.document = doc
        result.analysis, findings = check_document(doc, kb, as_of, selection, config, errors)
        kept, meta = findings, []
        if doc.directives:  # suppression comments: only a document that has one pays for them
            from zzreview import suppressions

            kept, meta = suppressions.apply(doc, findings)
    except ReadError as exc:
        result.document, result.error = None, exc
        return result
    except OSError as exc:
        result.document, result.error = None, ReadError("io", f"无法读取文件（{os_reason(exc)}）")
        return result
    except (RecursionError, MemoryError, ValueError, ArithmeticError, LookupError, TypeError) as exc:
        # a defect met on hostile input: this file is reported unreviewed, the others go on
        result.document = None
        result.error = ReadError("internal", f"审查时出错（{type(exc).__name__}），该文件未审查")
        return result
    result.findings = sorted(kept + meta, key=lambda f: (f.location.block, f.location.column, f.code))
    return result


class DecisionApplier:
    """Moves findings accepted in a decisions file out of the problems and reports stale decisions,
    one document at a time (a decision matches only its own document). Files are read once."""

    def __init__(self, resolver: ConfigResolver):
        self.resolver = resolver
        self._loaded: dict[Path, list[Decision]] = {}
        self._found: dict[str, Path | None] = {}

    def _file(self, path: str, config: Config) -> Path | None:
        if config.decisions:
            return config.decisions
        folder = self.resolver.folder_of(path)
        if folder not in self._found:
            from zzreview.decisions import find_file

            self._found[folder] = find_file(folder)
        return self._found[folder]

    def apply(self, r: DocumentResult, config: Config | None = None) -> None:
        """``config``: the file's configuration when the caller has it already."""
        if r.document is None:
            return
        file = self._file(r.path, config or self.resolver.for_file(r.path))
        if file is None:
            return
        from zzreview import decisions as decisions_mod

        if file not in self._loaded:
            if not file.exists():  # a pipe or device here is refused by load()
                return
            self._loaded[file] = decisions_mod.load(file)
        loaded = self._loaded[file]
        key = decisions_mod.document_key(file, r.path)
        kept = []
        for f in r.findings:
            d = next((d for d in loaded if d.matches(key, f)), None)
            if d:
                d.used += 1
                r.accepted.append((f, d))
            else:
                kept.append(f)
        r.findings = kept
        for d in loaded:
            if d.document == key and not d.used:
                quote, loc = title_location(r.document)
                shown = d.quote if d.quote is not None else f"sha256:{d.quote_sha256[:12]}…"
                r.findings.append(Finding(
                    "ZZ003", "decision", "info",
                    f"审核决定（{d.code}，“{shown}”）已匹配不到任何问题，可从 {file} 中删除",
                    quote, loc, "本工具的使用约定", "删除该条过时的审核决定",
                    extra={"decision": d.to_dict()}))


def apply_decisions(results: list[DocumentResult], resolver: ConfigResolver) -> None:
    """Move findings accepted in a decisions file out of the problems; report stale decisions."""
    applier = DecisionApplier(resolver)
    for r in results:
        applier.apply(r)


def run(paths: list[str], kb: KnowledgeBase, as_of: dt.date, selection: Selection | None = None,
        progress: Callable[[int, int, str], None] | None = None, config: Config | None = None,
        resolver: ConfigResolver | None = None) -> RunResult:
    resolver = resolver or ConfigResolver(config)
    files = expand_paths(paths)
    errors: list[PluginError] = []
    results = []
    for i, path in enumerate(files, 1):
        if progress:
            progress(i, len(files), path)
        results.append(review_file(path, kb, as_of, selection, config=resolver.for_file(path), errors=errors))
    apply_decisions(results, resolver)
    return RunResult(as_of=as_of, kb=kb, documents=results, plugin_errors=errors)
