"""The zzreview command line (typer).

Annotations are real objects here (no ``from __future__ import annotations``): typer reads every
command's signature on each run, and string annotations would be compiled and evaluated each time.
"""

import json
import sys
from pathlib import Path
from typing import List, Optional

import typer

from zzreview import __version__
from zzreview.cli_common import FailOn, Format, KbFormat, RulesFormat, config_for, die, echo_err
from zzreview.cli_common import as_of as as_of_day
from zzreview.cli_common import progress as progress_line
from zzreview.errors import ConfigError, ReadError

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="zzreview：行政规范性文件草案合法性预审工具（离线）。")
kb_app = typer.Typer(no_args_is_help=True, help="查看和查询法律法规知识库。")
app.add_typer(kb_app, name="kb")


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
    from zzreview.check_command import run_check

    run_check(paths, format, output, as_of, fail_on, select, ignore, config, kb_table, stdin_filename, progress,
              write_decisions, reason, by, jobs)


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
        cfg = config_for(config, paths)
        day = as_of_day(as_of, cfg.as_of)
        written, summary, errors = run_clean_command(
            paths, day, output_dir, topic, rules_file, [str(t) for t in (*cfg.kb_tables, *(kb_table or []))],
            config, jobs, force, progress_line if show else None)
    except (ConfigError, OSError) as exc:
        die(str(exc))
    for e in errors:
        echo_err(str(e))
    counts = "，".join(f"{k} {v}" for k, v in summary["decisions"].items())
    typer.echo(f"清理文件 {summary['documents']} 件：{counts or '无'}")
    for path in written.values():
        typer.echo(f"已写入 {path}")
    raise typer.Exit(2 if errors else 0)


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
        die(str(exc))
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
        die(str(exc))
    res = kb.resolve(title, as_of_day(as_of), year_hint=year)
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
        cfg = config_for(config, [])
    except ConfigError as exc:
        die(str(exc))
    typer.echo(render_rules(tuple(cfg.plugin_paths), format.value), nl=False)


@app.command()
def explain(
    key: str = typer.Argument(..., help="规则代码或名称，例如 ZZ201"),
    config: Optional[Path] = typer.Option(None, "--config", help="配置文件（包含插件目录时可解释插件规则）"),
) -> None:
    """显示一条规则的说明、理由、法律依据、示例和修改方法。"""
    from zzreview.rules.registry import find_rule

    try:
        cfg = config_for(config, [])
    except ConfigError as exc:
        die(str(exc))
    r = find_rule(key, tuple(cfg.plugin_paths))
    if r is None:
        die(f"未知的规则“{key}”；用 zzreview rules 查看全部规则")
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
    from zzreview.report import make_report, summary

    try:
        cfg = config_for(config, [str(draft)])
        resolver = engine.ConfigResolver(cfg if config is not None else None)
        kb = KnowledgeBase.load([*cfg.kb_tables, *(kb_table or [])])
        outcome = make_report(draft, kb, as_of_day(as_of, cfg.as_of), resolver, output, annotate, force,
                              tuple(cfg.plugin_paths))
    except ConfigError as exc:
        die(str(exc))
    except ReadError as exc:
        die(f"{draft}: 无法读取：{exc.message}")
    except OSError as exc:
        from zzreview.readers.limits import os_reason

        die(f"{draft}: {os_reason(exc)}")
    r = outcome.document
    if r.error:
        die(f"{r.path}: 无法读取：{r.error.message}")
    for e in outcome.result.plugin_errors:
        echo_err(f"zzreview: {e}")
    if outcome.markdown is not None:
        sys.stdout.write(outcome.markdown)
        sys.stdout.flush()
    for line in summary(outcome):
        echo_err(line)
    raise typer.Exit(2 if outcome.result.plugin_errors else 0)


@app.command("config")
def show_config(
    path: Path = typer.Argument(Path("."), help="文件或目录"),
    config: Optional[Path] = typer.Option(None, "--config"),
) -> None:
    """显示对某个路径生效的配置。"""
    try:
        cfg = config_for(config, [str(path)])
    except ConfigError as exc:
        die(str(exc))
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
        die(f"{directory} 不是目录：init 的参数是写入 zzreview.toml 的目录")
    if target.exists() and not force:
        die(f"{target} 已存在；如需覆盖请加 --force")
    try:
        directory.mkdir(parents=True, exist_ok=True)
        write_atomic(target, CONFIG_TEMPLATE)
    except ConfigError as exc:
        die(str(exc))
    except OSError as exc:
        from zzreview.readers.limits import os_reason

        die(f"{directory}：无法创建目录（{os_reason(exc)}）")
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
    from zzreview.launch import main as launch

    launch()


def check_options_spec() -> list[dict]:
    """The parameters of ``check`` as plain data (written to check_options.py for launch.py):
    the typer definition above stays the only one."""
    import inspect
    import typing
    from enum import Enum as _Enum

    signature = inspect.signature(check)
    spec = []
    for p in typer.main.get_command(app).commands["check"].params:
        base = signature.parameters[p.name].annotation
        while typing.get_origin(base) in (typing.Union, list, List):
            base = next(a for a in typing.get_args(base) if a is not type(None))
        convert = (f"enum:{base.__name__}" if isinstance(base, type) and issubclass(base, _Enum)
                   else {str: "str", Path: "path", int: "int", bool: "bool"}[base])
        default = p.default.value if isinstance(p.default, _Enum) else p.default
        spec.append({"name": p.name, "argument": isinstance(p, typer.core.TyperArgument),
                     "opts": list(p.opts), "secondary": list(p.secondary_opts),
                     "flag": bool(getattr(p, "is_flag", False)), "multiple": bool(p.multiple), "nargs": p.nargs,
                     "required": bool(p.required), "convert": convert,
                     "choices": list(getattr(p.type, "choices", None) or []) or None,
                     "min": getattr(p.type, "min", None), "default": default})
    return spec
