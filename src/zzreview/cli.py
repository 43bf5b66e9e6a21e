"""The zzreview command line (typer).

Annotations are real objects here (no ``from __future__ import annotations``): typer reads every
command's signature on each run, and string annotations would be compiled and evaluated each time.
"""

import datetime as dt
import json
import sys
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from zzreview import __version__
from zzreview.errors import ConfigError, ReadError

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="zzreview：行政规范性文件草案合法性预审工具（离线）。")
kb_app = typer.Typer(no_args_is_help=True, help="查看和查询法律法规知识库。")
app.add_typer(kb_app, name="kb")


class Format(str, Enum):
    text = "text"
    json = "json"
    sarif = "sarif"
    github = "github"


class KbFormat(str, Enum):
    text = "text"
    json = "json"


class RulesFormat(str, Enum):
    text = "text"
    json = "json"
    markdown = "markdown"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


def _die(message: str) -> None:
    typer.echo(f"zzreview: {message}", err=True)
    raise typer.Exit(2)


def _as_of(value: Optional[str], default: Optional[dt.date] = None) -> dt.date:
    if value is None:
        return default or dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        _die(f"--as-of 的值“{value}”无效，应为 YYYY-MM-DD")


def _split(values: Optional[List[str]]) -> list[str]:
    return [v.strip() for item in values or [] for v in item.split(",") if v.strip()]


def _config(config: Optional[Path], paths: list[str]):
    from zzreview.config import find_config, load_config

    if config is not None:
        from zzreview.readers.limits import exists

        if not exists(config):
            _die(f"配置文件 {config} 不存在")
        return load_config(config)
    from zzreview.readers.limits import exists

    start = Path(paths[0]) if paths and paths[0] != "-" else Path.cwd()
    return load_config(find_config(start if exists(start) else Path.cwd()))


def _progress(i: int, n: int, path: str) -> None:
    sys.stderr.write(f"\r\x1b[K[{i}/{n}] {path}")
    if i == n:
        sys.stderr.write("\r\x1b[K")
    sys.stderr.flush()


@app.command()
def check(
    paths: List[str] = typer.Argument(..., help="草案文件或目录（目录下的 .docx .doc .wps .rtf .odt .pdf .md .markdown .txt）；- 表示标准输入"),
    format: Format = typer.Option(Format.text, "--format", "-f", help="输出格式"),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="写入文件而不是标准输出"),
    as_of: Optional[str] = typer.Option(None, "--as-of", help="审查基准日 YYYY-MM-DD（默认今天）"),
    fail_on: Optional[FailOn] = typer.Option(None, "--fail-on", help="达到该级别即以 1 退出（默认 error）"),
    select: Optional[List[str]] = typer.Option(None, "--select", help="只报告这些代码/前缀/检查名称（可逗号分隔）"),
    ignore: Optional[List[str]] = typer.Option(None, "--ignore", help="忽略这些代码/前缀/检查名称"),
    config: Optional[Path] = typer.Option(None, "--config", help="配置文件路径（默认从文件所在目录向上查找）"),
    kb_table: Optional[List[Path]] = typer.Option(None, "--kb-table", help="知识库补充表（TSV），可重复"),
    stdin_filename: Optional[str] = typer.Option(None, "--stdin-filename", help="从标准输入读取时使用的文件名"),
    progress: Optional[bool] = typer.Option(None, "--progress/--no-progress", help="在标准错误上显示进度（默认：终端且多于一个文件时）"),
    write_decisions: bool = typer.Option(False, "--write-decisions", help="把当前全部问题记为已接受的审核决定（建立基线）"),
    reason: Optional[str] = typer.Option(None, "--reason", help="与 --write-decisions 一起使用：接受的理由"),
    by: str = typer.Option("", "--by", help="与 --write-decisions 一起使用：审核人"),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=0,
                                       help="并行进程数（0 表示 CPU 数；默认：文件较多时为 CPU 数）；输出与单进程相同"),
) -> None:
    """审查草案：解析引用、对照知识库判断时效，输出问题清单。"""
    from zzreview import engine
    from zzreview.kb import KnowledgeBase
    from zzreview.selection import Selection

    if write_decisions and not (reason or "").strip():
        _die("--write-decisions 需要用 --reason 写明接受的理由")
    try:
        cfg = _config(config, paths)
        resolver = engine.ConfigResolver(cfg if config is not None else None)
        kb = KnowledgeBase.load([*cfg.kb_tables, *(kb_table or [])])
    except ConfigError as exc:
        _die(str(exc))
    day = _as_of(as_of, cfg.as_of)
    selection = Selection(select=_split(select), ignore=_split(ignore))
    threshold = fail_on.value if fail_on else cfg.fail_on
    if output:
        from zzreview.output import check_target

        try:
            check_target(output, paths)
        except ConfigError as exc:
            _die(str(exc))

    try:
        if paths == ["-"]:
            if not stdin_filename:
                _die("从标准输入读取时需要 --stdin-filename（用于判断格式）")
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
                typer.echo(f"{path}: 已跳过：{why}", err=True)
            if not files:
                _die(f"{'、'.join(paths)}：没有找到可审查的文件（.docx .md .markdown .txt）")
            show = progress if progress is not None else (sys.stderr.isatty() and len(files) > 1)
            if format in (Format.text, Format.json) and not write_decisions:
                _check_streamed(files, kb, day, selection, resolver, format.value, output, paths, threshold,
                                jobs, _progress if show else None)
            result = engine.run(files, kb, day, selection, progress=_progress if show else None,
                                resolver=resolver)
    except ConfigError as exc:
        _die(str(exc))

    for r in result.documents:
        if r.error:
            typer.echo(f"{r.path}: 无法读取：{r.error.message}", err=True)
    for e in result.plugin_errors:
        typer.echo(f"zzreview: {e}", err=True)
    if write_decisions:
        try:
            _write_decisions(result, resolver, reason.strip(), by, paths)
        except ConfigError as exc:
            _die(str(exc))
        raise typer.Exit(2 if result.has_errors else 0)
    text = _render(result, format, tuple(cfg.plugin_paths))
    if output:
        from zzreview.output import write_atomic

        try:
            write_atomic(output, text, paths)
        except (ConfigError, OSError) as exc:
            _die(str(exc))
    else:
        sys.stdout.write(text)
        sys.stdout.flush()
    if result.has_errors:
        raise typer.Exit(2)
    raise typer.Exit(1 if threshold != "never" and result.fails(threshold) else 0)


@app.command()
def clean(
    paths: List[str] = typer.Argument(..., help="现行文件或目录（可读取的全部格式）"),
    as_of: Optional[str] = typer.Option(None, "--as-of", help="清理基准日 YYYY-MM-DD（默认今天）"),
    output_dir: Path = typer.Option(Path("zzreview-clean"), "--output-dir", "-o", help="输出目录（xlsx、md、docx、json）"),
    topic: Optional[str] = typer.Option(None, "--topic", help="专项清理：只保留引用该法律法规或其所替代法律法规的文件，例如 民法典"),
    rules_file: Optional[Path] = typer.Option(None, "--rules", help="清理决定规则（TOML，默认 checks/clean/decisions.toml）"),
    jobs: int = typer.Option(0, "--jobs", "-j", help="并行进程数（默认：全部核心）"),
    force: bool = typer.Option(False, "--force", help="覆盖已存在的输出文件"),
    config: Optional[Path] = typer.Option(None, "--config", help="配置文件路径（默认从文件所在目录向上查找）"),
    kb_table: Optional[List[Path]] = typer.Option(None, "--kb-table", help="知识库补充表（TSV），可重复"),
    progress: Optional[bool] = typer.Option(None, "--progress/--no-progress", help="在标准错误上显示进度（默认：终端时）"),
) -> None:
    """规范性文件清理：逐件提出继续有效、修改、废止、宣布失效的建议及理由。"""
    from zzreview.clean.command import run_clean_command

    show = progress if progress is not None else sys.stderr.isatty()
    try:
        cfg = _config(config, paths)
        day = _as_of(as_of, cfg.as_of)
        written, summary, errors = run_clean_command(
            paths, day, output_dir, topic, rules_file, [str(t) for t in (*cfg.kb_tables, *(kb_table or []))],
            config, jobs, force, _progress if show else None)
    except (ConfigError, OSError) as exc:
        _die(str(exc))
    for e in errors:
        typer.echo(e, err=True)
    counts = "，".join(f"{k} {v}" for k, v in summary["decisions"].items())
    typer.echo(f"清理文件 {summary['documents']} 件：{counts or '无'}")
    for path in written.values():
        typer.echo(f"已写入 {path}")
    raise typer.Exit(2 if errors else 0)


def _check_streamed(files, kb, day, selection, resolver, format_name: str, output: Optional[Path],
                    paths: list[str], threshold: str, jobs: Optional[int], progress) -> None:
    """text and json: each document is written as soon as it is reviewed (in file order)."""
    from zzreview import batch

    n_jobs = batch.default_jobs(len(files)) if jobs is None else (jobs or batch.cpu_count())
    pieces: list[str] = []
    write = pieces.append if output else sys.stdout.write
    summary = batch.run(files, kb, day, selection, resolver, format_name, write, jobs=n_jobs,
                        on_error=lambda line: typer.echo(line, err=True), progress=progress)
    for e in summary.plugin_errors:
        typer.echo(f"zzreview: {e}", err=True)
    if output:
        from zzreview.output import write_atomic

        try:
            write_atomic(output, "".join(pieces), paths)
        except (ConfigError, OSError) as exc:
            _die(str(exc))
    else:
        sys.stdout.flush()
    if summary.has_errors:
        raise typer.Exit(2)
    raise typer.Exit(1 if threshold != "never" and summary.fails(threshold) else 0)


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
            typer.echo(f"已将 {len(items)} 个问题记为已接受：{file}", err=True)
    if not total:
        typer.echo("没有需要记录的问题", err=True)


@kb_app.command("info")
def kb_info(
    kb_table: Optional[List[Path]] = typer.Option(None, "--kb-table", help="知识库补充表（TSV）"),
    format: KbFormat = typer.Option(KbFormat.text, "--format", "-f"),
) -> None:
    """知识库的版本、各来源及其最新事实的日期、条目数。"""
    from zzreview.kb import KnowledgeBase

    try:
        info = KnowledgeBase.load(kb_table or []).info()
    except ConfigError as exc:
        _die(str(exc))
    if format == KbFormat.json:
        typer.echo(json.dumps(info, ensure_ascii=False, indent=2))
        return
    from zzreview.render.kb_text import render_info

    typer.echo(render_info(info))


@kb_app.command("lookup")
def kb_lookup(
    title: str = typer.Argument(..., help="标题或简称，例如 合同法"),
    as_of: Optional[str] = typer.Option(None, "--as-of", help="基准日 YYYY-MM-DD（默认今天）"),
    year: Optional[int] = typer.Option(None, "--year", help="引用文件的年份（用于区分同名新旧法）"),
    kb_table: Optional[List[Path]] = typer.Option(None, "--kb-table", help="知识库补充表（TSV）"),
    format: KbFormat = typer.Option(KbFormat.text, "--format", "-f"),
) -> None:
    """按基准日查询一部法律法规或文件的效力状态、全部版本、替代文件、废止依据和出处。"""
    from zzreview.kb import KnowledgeBase

    try:
        kb = KnowledgeBase.load(kb_table or [])
    except ConfigError as exc:
        _die(str(exc))
    res = kb.resolve(title, _as_of(as_of), year_hint=year)
    d = res.to_dict()
    if format == KbFormat.json:
        typer.echo(json.dumps(d, ensure_ascii=False, indent=2))
    else:
        from zzreview.render.kb_text import render_resolution

        typer.echo(render_resolution(d))
    raise typer.Exit(0 if res.known else 1)


@app.command()
def rules(
    format: RulesFormat = typer.Option(RulesFormat.text, "--format", "-f"),
    config: Optional[Path] = typer.Option(None, "--config", help="配置文件（包含插件目录时列出插件规则）"),
) -> None:
    """列出全部检查规则（内置、声明式和插件）。"""
    from zzreview.render.rules_table import render_rules

    try:
        cfg = _config(config, [])
    except ConfigError as exc:
        _die(str(exc))
    typer.echo(render_rules(tuple(cfg.plugin_paths), format.value), nl=False)


@app.command()
def explain(
    key: str = typer.Argument(..., help="规则代码或名称，例如 ZZ201"),
    config: Optional[Path] = typer.Option(None, "--config", help="配置文件（包含插件目录时可解释插件规则）"),
) -> None:
    """显示一条规则的说明、理由、法律依据、示例和修改方法。"""
    from zzreview.rules.registry import find_rule

    try:
        cfg = _config(config, [])
    except ConfigError as exc:
        _die(str(exc))
    r = find_rule(key, tuple(cfg.plugin_paths))
    if r is None:
        _die(f"未知的规则“{key}”；用 zzreview rules 查看全部规则")
    typer.echo(f"{r.code} {r.name}（{r.check}，默认级别 {r.severity}）\n{r.title}\n\n{r.doc}")


@app.command()
def report(
    draft: Path = typer.Argument(..., help="草案文件（.docx .doc .wps .rtf .odt .pdf .md .txt）"),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="合法性审核意见书草稿（.docx 或 .md；省略则以 Markdown 输出到标准输出）"),
    annotate: Optional[Path] = typer.Option(None, "--annotate", help="写出带批注的草案副本（.docx）"),
    force: bool = typer.Option(False, "--force", help="覆盖已存在的输出文件"),
    as_of: Optional[str] = typer.Option(None, "--as-of", help="审查基准日 YYYY-MM-DD（默认今天）"),
    config: Optional[Path] = typer.Option(None, "--config", help="配置文件路径（默认从文件所在目录向上查找）"),
    kb_table: Optional[List[Path]] = typer.Option(None, "--kb-table", help="知识库补充表（TSV），可重复"),
) -> None:
    """生成合法性审核意见书草稿，以及把每个问题作为批注的草案副本。"""
    from zzreview import engine
    from zzreview.kb import KnowledgeBase
    from zzreview.report import echo_err, make_report, summary

    try:
        cfg = _config(config, [str(draft)])
        resolver = engine.ConfigResolver(cfg if config is not None else None)
        kb = KnowledgeBase.load([*cfg.kb_tables, *(kb_table or [])])
        outcome = make_report(draft, kb, _as_of(as_of, cfg.as_of), resolver, output, annotate, force,
                              tuple(cfg.plugin_paths))
    except ConfigError as exc:
        _die(str(exc))
    except ReadError as exc:
        _die(f"{draft}: 无法读取：{exc.message}")
    except OSError as exc:
        from zzreview.readers.limits import os_reason

        _die(f"{draft}: {os_reason(exc)}")
    r = outcome.document
    if r.error:
        _die(f"{r.path}: 无法读取：{r.error.message}")
    for e in outcome.result.plugin_errors:
        typer.echo(f"zzreview: {e}", err=True)
    if outcome.markdown is not None:
        sys.stdout.write(outcome.markdown)
        sys.stdout.flush()
    echo_err(summary(outcome))
    raise typer.Exit(2 if outcome.result.plugin_errors else 0)


@app.command("config")
def show_config(
    path: Path = typer.Argument(Path("."), help="文件或目录"),
    config: Optional[Path] = typer.Option(None, "--config"),
) -> None:
    """显示对某个路径生效的配置。"""
    try:
        cfg = _config(config, [str(path)])
    except ConfigError as exc:
        _die(str(exc))
    typer.echo(json.dumps(cfg.to_dict(), ensure_ascii=False, indent=2))


@app.command()
def init(
    directory: Path = typer.Argument(Path("."), help="写入 zzreview.toml 的目录"),
    force: bool = typer.Option(False, "--force", help="覆盖已有的 zzreview.toml"),
) -> None:
    """写出带注释的 zzreview.toml，并显示 pre-commit 配置片段。"""
    from zzreview.init_templates import CONFIG_TEMPLATE, PRE_COMMIT_SNIPPET
    from zzreview.output import write_atomic

    target = directory / "zzreview.toml"
    if directory.exists() and not directory.is_dir():
        _die(f"{directory} 不是目录：init 的参数是写入 zzreview.toml 的目录")
    if target.exists() and not force:
        _die(f"{target} 已存在；如需覆盖请加 --force")
    try:
        directory.mkdir(parents=True, exist_ok=True)
        write_atomic(target, CONFIG_TEMPLATE)
    except ConfigError as exc:
        _die(str(exc))
    except OSError as exc:
        from zzreview.readers.limits import os_reason

        _die(f"{directory}：无法创建目录（{os_reason(exc)}）")
    typer.echo(f"已写入 {target}")
    typer.echo("\n在 .pre-commit-config.yaml 中加入：\n")
    typer.echo(PRE_COMMIT_SNIPPET)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"zzreview {__version__}")
        raise typer.Exit()


@app.callback()
def _root(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                       help="显示版本")) -> None:
    pass


def main() -> None:
    for stream in (sys.stdout, sys.stderr):  # file names that are not valid UTF-8 stay printable
        try:
            stream.reconfigure(errors="backslashreplace")
        except (AttributeError, ValueError):
            pass
    try:
        app(prog_name="zzreview")
    except RecursionError:
        sys.stderr.write("zzreview: 输入嵌套过深，无法处理\n")
        sys.exit(2)
    except MemoryError:
        sys.stderr.write("zzreview: 内存不足：输入过大\n")
        sys.exit(2)
