"""Many files as a stream: each document is reviewed, its output rendered and handed on in file
order, then dropped; only the summary lives for the whole run. ``jobs`` > 1 reviews in worker
processes; the output is the same text as with one process."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterator

from zzreview import engine
from zzreview.errors import ConfigError, PluginError
from zzreview.kb import KnowledgeBase
from zzreview.model import SEVERITY_RANK
from zzreview.record import Record
from zzreview.selection import Selection

MANY_FILES = 16  # from this many files on, --jobs defaults to the number of CPUs


def cpu_count() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def default_jobs(n_files: int) -> int:
    return cpu_count() if n_files >= MANY_FILES else 1


class Outcome(Record):
    """What one file contributes to the run: its rendered output and what the summary needs."""

    _fields = ("path", "read_error", "chunk", "severities", "accepted", "plugin_errors")

    def __init__(
        self,
        path: str,
        read_error: str | None,
        chunk: str,
        severities: list[str],
        accepted: int,
        plugin_errors: list[tuple[str, str, bool]],  # origin, message, raised while loading checks
    ):
        self.path = path
        self.read_error = read_error
        self.chunk = chunk
        self.severities = severities
        self.accepted = accepted
        self.plugin_errors = plugin_errors


class Summary(Record):
    """What a streamed run keeps: counts of documents, findings by severity and errors."""

    _fields = ("documents", "counts", "accepted", "unreadable", "worst", "plugin_errors", "_loading_errors")

    def __init__(
        self,
        documents: int = 0,
        counts: dict[str, int] | None = None,
        accepted: int = 0,
        unreadable: int = 0,
        worst: int = 0,
        plugin_errors: list[PluginError] | None = None,
        _loading_errors: set | None = None,
    ):
        self.documents = documents
        self.counts = {"error": 0, "warning": 0, "info": 0} if counts is None else counts
        self.accepted = accepted
        self.unreadable = unreadable
        self.worst = worst
        self.plugin_errors = [] if plugin_errors is None else plugin_errors
        self._loading_errors = set() if _loading_errors is None else _loading_errors

    def add(self, o: Outcome) -> None:
        self.documents += 1
        self.unreadable += o.read_error is not None
        self.accepted += o.accepted
        for s in o.severities:
            self.counts[s] = self.counts.get(s, 0) + 1
            self.worst = max(self.worst, SEVERITY_RANK[s])
        for origin, message, loading in o.plugin_errors:
            if loading:  # the same loading error is reported once per run, as with one process
                if (origin, message) in self._loading_errors:
                    continue
                self._loading_errors.add((origin, message))
            self.plugin_errors.append(PluginError(origin, message))

    @property
    def has_errors(self) -> bool:
        return bool(self.unreadable or self.plugin_errors)

    def fails(self, fail_on: str) -> bool:
        return self.worst >= SEVERITY_RANK[fail_on]


class Format:
    """Per-document pieces of a streamable output format (text or json)."""

    def __init__(self, name: str):
        self.name = name

    def head(self, as_of: dt.date, kb: KnowledgeBase) -> str:
        if self.name == "json":
            from zzreview.render.json_report import stream_head

            return stream_head(as_of, kb)
        return ""

    def document(self, r: engine.DocumentResult, first: bool) -> str:
        if self.name == "json":
            from zzreview.render.json_report import stream_document

            return stream_document(r, first)
        from zzreview.render.text_report import document_lines

        return "".join(line + "\n" for line in document_lines(r))

    def tail(self, summary: Summary, as_of: dt.date, wrote_any: bool) -> str:
        if self.name == "json":
            from zzreview.render.json_report import stream_tail, summary_dict

            return stream_tail(summary.documents > 0, summary.plugin_errors,
                               summary_dict(summary.documents, summary.counts, summary.unreadable))
        from zzreview.render.text_report import summary_line

        line = summary_line(summary.documents, summary.counts, summary.accepted, summary.unreadable, as_of)
        return ("\n" if wrote_any else "") + line + "\n"


class _Job(Record):
    """The run's settings that reviewing and rendering one file needs (in the parent or a worker)."""

    _fields = ("kb", "as_of", "selection", "resolver", "format", "decisions")

    def __init__(
        self,
        kb: KnowledgeBase,
        as_of: dt.date,
        selection: Selection,
        resolver: engine.ConfigResolver,
        format: Format,
        decisions: engine.DecisionApplier | None = None,
    ):
        self.kb = kb
        self.as_of = as_of
        self.selection = selection
        self.resolver = resolver
        self.format = format
        self.decisions = decisions

    def review(self, item: tuple[int, str]) -> Outcome:
        """Review one file and render it; ``item`` is (position in the run, path)."""
        from zzreview.rules.registry import load_checks

        index, path = item
        config = self.resolver.for_file(path)
        errors: list[PluginError] = []
        r = engine.review_file(path, self.kb, self.as_of, self.selection, config=config, errors=errors)
        if self.decisions is None:
            self.decisions = engine.DecisionApplier(self.resolver)
        self.decisions.apply(r, config)
        loading = load_checks(tuple(config.plugin_paths)).errors
        return Outcome(
            path=r.path,
            read_error=f"{r.path}: 无法读取：{r.error.message}" if r.error else None,
            chunk=self.format.document(r, index == 0),
            severities=[f.severity for f in r.findings],
            accepted=len(r.accepted),
            plugin_errors=[(e.origin, e.message, any(e is x for x in loading)) for e in errors])


def outcomes(files: list[str], job: _Job, jobs: int, start_method: str | None = None) -> Iterator[Outcome]:
    """Outcomes in file order; reviewed in ``jobs`` worker processes when jobs > 1 (the first
    file in this process, so that the workers start warm: workers.ordered_map)."""
    items = list(enumerate(files))
    if jobs <= 1 or len(files) <= 2:
        for item in items:
            yield job.review(item)
        return
    from zzreview.workers import ordered_map

    _warm_up(files, job)
    yield from ordered_map(job.review, items, jobs, start_method=start_method)


def _warm_up(files: list[str], job: _Job) -> None:
    """Load jieba's dictionary once in the parent when a certification list will need it, so forked
    workers share it instead of each loading it again."""
    if uses_certification_lists(files, job.resolver):
        from zzreview.analysis.certifications import tokenizer

        tokenizer()


def uses_certification_lists(files: list[str], resolver: engine.ConfigResolver) -> bool:
    """Whether a configuration of these files names certification lists. Lists are set per
    configuration file, never by a per-file override, so one file of each folder is asked (the rest
    are resolved as they are reviewed, in parallel). A link to a file elsewhere may be missed: it
    then loads the dictionary where it is reviewed."""
    seen: set[str] = set()
    for f in files:
        head = os.path.dirname(f)
        if head not in seen:
            seen.add(head)
            try:
                if resolver.for_file(f).certification_lists:
                    return True
            except ConfigError:  # reported where that file comes, after the files before it
                continue
    return False


def run(files: list[str], kb: KnowledgeBase, as_of: dt.date, selection: Selection,
        resolver: engine.ConfigResolver, format_name: str, write: Callable[[str], None],
        jobs: int = 1, on_error: Callable[[str], None] | None = None,
        progress: Callable[[int, int, str], None] | None = None, start_method: str | None = None) -> Summary:
    """Review ``files`` and ``write`` the output piece by piece; read errors go to ``on_error``.
    ``start_method``: how worker processes start (workers.ordered_map)."""
    fmt = Format(format_name)
    job = _Job(kb, as_of, selection, resolver, fmt)
    summary = Summary()
    write(fmt.head(as_of, kb))
    wrote_any = False
    for i, o in enumerate(outcomes(files, job, jobs, start_method), 1):
        if progress:
            progress(i, len(files), o.path)
        if o.read_error and on_error:
            on_error(o.read_error)
        if o.chunk:
            write(o.chunk)
            wrote_any = True
        summary.add(o)
    write(fmt.tail(summary, as_of, wrote_any))
    return summary
