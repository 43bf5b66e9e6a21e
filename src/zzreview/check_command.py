"""``zzreview check``: review drafts and print the findings (typer-free: see launch.py)."""

from __future__ import annotations

import sys

from zzreview.cli_common import FailOn, Format, config_for, die, echo_err, split
from zzreview.cli_common import as_of as as_of_day
from zzreview.cli_common import progress as progress_line
from zzreview.errors import ConfigError

TYPE_CHECKING = False  # pathlib costs a review ~3 ms: its paths are strings
if TYPE_CHECKING:
    from pathlib import Path


def run_check(paths: list[str], format: Format, output: Path | None, as_of: str | None, fail_on: FailOn | None,
              select: list[str] | None, ignore: list[str] | None, config: Path | None,
              kb_table: list[Path] | None, stdin_filename: str | None, progress: bool | None,
              write_decisions: bool, reason: str | None, by: str, jobs: int | None) -> None:
    """The command's work; the options are those of ``cli.check``. Always ends with SystemExit."""
    from zzreview import engine
    from zzreview.kb import KnowledgeBase
    from zzreview.selection import Selection

    if write_decisions and not (reason or "").strip():
        die("--write-decisions 需要用 --reason 写明接受的理由")
    try:
        cfg = config_for(config, paths)
        resolver = engine.ConfigResolver(cfg if config is not None else None)
        kb = KnowledgeBase.load([*cfg.kb_tables, *(kb_table or [])])
    except ConfigError as exc:
        die(str(exc))
    day = as_of_day(as_of, cfg.as_of)
    selection = Selection(select=split(select), ignore=split(ignore))
    threshold = fail_on.value if fail_on else cfg.fail_on
    if output:
        from zzreview.output import check_target

        try:
            check_target(output, paths)
        except ConfigError as exc:
            die(str(exc))

    try:
        if paths == ["-"]:
            if not stdin_filename:
                die("从标准输入读取时需要 --stdin-filename（用于判断格式）")
            from zzreview.readers.limits import max_file_bytes

            data = sys.stdin.buffer.read(max_file_bytes() + 1)
            errors: list = []
            doc = engine.review_file(stdin_filename, kb, day, selection, data=data, name=stdin_filename,
                                     config=resolver.for_file(stdin_filename), errors=errors)
            result = engine.RunResult(day, kb, [doc], plugin_errors=errors)
        else:
            skipped: list = []
            files = engine.expand_paths(paths, skipped)  # folders are walked once
            for path, why in skipped:
                echo_err(f"{path}: 已跳过：{why}")
            if not files:
                die(f"{'、'.join(paths)}：没有找到可审查的文件（.docx .md .markdown .txt）")
            show = progress if progress is not None else (sys.stderr.isatty() and len(files) > 1)
            if format in (Format.text, Format.json) and not write_decisions:
                _check_streamed(files, kb, day, selection, resolver, format.value, output, paths, threshold,
                                jobs, progress_line if show else None)
            result = engine.run(files, kb, day, selection, progress=progress_line if show else None,
                                resolver=resolver)
    except ConfigError as exc:
        die(str(exc))

    for r in result.documents:
        if r.error:
            echo_err(f"{r.path}: 无法读取：{r.error.message}")
    for e in result.plugin_errors:
        echo_err(f"zzreview: {e}")
    if write_decisions:
        try:
            _write_decisions(result, resolver, reason.strip(), by, paths)
        except ConfigError as exc:
            die(str(exc))
        raise SystemExit(2 if result.has_errors else 0)
    text = _render(result, format, tuple(cfg.plugin_paths))
    if output:
        from zzreview.output import write_atomic

        try:
            write_atomic(output, text, paths)
        except (ConfigError, OSError) as exc:
            die(str(exc))
    else:
        sys.stdout.write(text)
        sys.stdout.flush()
    if result.has_errors:
        raise SystemExit(2)
    raise SystemExit(1 if threshold != "never" and result.fails(threshold) else 0)


def _check_streamed(files, kb, day, selection, resolver, format_name: str, output: Path | None,
                    paths: list[str], threshold: str, jobs: int | None, progress) -> None:
    """text and json: each document is written as soon as it is reviewed (in file order)."""
    from zzreview import batch

    n_jobs = batch.default_jobs(len(files)) if jobs is None else (jobs or batch.cpu_count())
    pieces: list[str] = []
    write = pieces.append if output else sys.stdout.write
    summary = batch.run(files, kb, day, selection, resolver, format_name, write, jobs=n_jobs,
                        on_error=lambda line: echo_err(line), progress=progress)
    for e in summary.plugin_errors:
        echo_err(f"zzreview: {e}")
    if output:
        from zzreview.output import write_atomic

        try:
            write_atomic(output, "".join(pieces), paths)
        except (ConfigError, OSError) as exc:
            die(str(exc))
    else:
        sys.stdout.flush()
    if summary.has_errors:
        raise SystemExit(2)
    raise SystemExit(1 if threshold != "never" and summary.fails(threshold) else 0)


def _render(result, format: "Format", plugin_paths: tuple = ()) -> str:
    if format == Format.sarif:
        from zzreview.render.sarif import render as render_sarif

        return render_sarif(result, plugin_paths)
    if format == Format.github:
        from zzreview.render.github import render as render_github

        return render_github(result, plugin_paths)
    if format == Format.json:
        from zzreview.render.json_report import render
    else:
        from zzreview.render.text_report import render
    return render(result)


def _write_decisions(result, resolver, reason: str, by: str, inputs: list) -> None:
    from pathlib import Path

    from zzreview import decisions

    per_file: dict[Path, list] = {}
    for r in result.documents:
        if r.document is None:
            continue
        cfg = resolver.for_file(r.path)
        file = cfg.decisions or decisions.find_file(Path(r.path)) or (Path.cwd() / decisions.DEFAULT_RELATIVE)
        per_file.setdefault(file, []).extend(
            decisions.new_decision(file, r.path, f, reason, by) for f in r.findings
            if f.check not in ("suppression", "decision"))
    total = 0
    for file, items in per_file.items():
        if items:
            decisions.append(file, items, inputs)
            total += len(items)
            echo_err(f"已将 {len(items)} 个问题记为已接受：{file}")
    if not total:
        echo_err("没有需要记录的问题")
