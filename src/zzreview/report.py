"""zzreview report: review one draft, then write the opinion draft and/or the annotated copy.

Destinations are checked before any work: an existing file is replaced only with ``force``,
and no output may be the draft itself. Outputs are written atomically; the draft is only read.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import time
from dataclasses import dataclass, field
from pathlib import Path

from zzreview.errors import ConfigError

OPINION_SUFFIXES = (".docx", ".md", ".markdown")


@dataclass
class ReportOutcome:
    result: object  # engine.RunResult
    document: object  # engine.DocumentResult
    written: list[Path] = field(default_factory=list)
    unanchored: list = field(default_factory=list)  # render.annotate.Unanchored
    markdown: str | None = None  # the opinion, when no -o was given
    annotated: Path | None = None  # the annotated copy, when written
    seconds: float = 0.0


def check_destinations(draft: Path, output: Path | None, annotate: Path | None, force: bool) -> None:
    src = draft.resolve()
    if output is not None and output.suffix.lower() not in OPINION_SUFFIXES:
        raise ConfigError(f"{output}：意见书文件名应以 .docx 或 .md 结尾")
    if annotate is not None and annotate.suffix.lower() != ".docx":
        raise ConfigError(f"{annotate}：批注副本应为 .docx 文件")
    if output is not None and annotate is not None and output.resolve() == annotate.resolve():
        raise ConfigError("意见书和批注副本不能写到同一个文件")
    from zzreview.output import check_target, identity

    for dest in (output, annotate):
        if dest is None:
            continue
        if dest.resolve() == src or (identity(dest) is not None and identity(dest) == identity(draft)):
            raise ConfigError(f"{dest}：输出文件不能是被审查的草案本身")
        st = check_target(dest, [str(draft)])
        if st is not None and not force:
            raise ConfigError(f"{dest} 已存在；如需覆盖请加 --force")


def make_report(draft: Path, kb, as_of: dt.date, resolver, output: Path | None = None,
                annotate: Path | None = None, force: bool = False,
                plugin_paths: tuple = ()) -> ReportOutcome:
    """Run the checks on ``draft`` and write the requested outputs. Raises ConfigError on bad
    destinations; a draft that cannot be read comes back with ``document.error`` set."""
    from zzreview import engine
    from zzreview.output import validate_docx, write_atomic
    from zzreview.render import opinion, opinion_docx

    start = time.perf_counter()
    check_destinations(draft, output, annotate, force)
    run = engine.run([str(draft)], kb, as_of, resolver=resolver)
    r = run.documents[0]
    outcome = ReportOutcome(run, r)
    if r.error or r.document is None:
        outcome.seconds = time.perf_counter() - start
        return outcome
    from zzreview.readers.limits import read_bounded

    data = read_bounded(draft)
    digest = hashlib.sha256(data).hexdigest()
    op = opinion.build_opinion(r, run, digest, plugin_paths)
    inputs = [str(draft)]
    if output is None and annotate is None:
        outcome.markdown = opinion.render_markdown(op)
    if output is not None:
        if output.suffix.lower() == ".docx":
            write_atomic(output, opinion_docx.render_docx(op), inputs, validate=validate_docx)
        else:
            write_atomic(output, opinion.render_markdown(op), inputs)
        outcome.written.append(output)
    if annotate is not None:
        from zzreview.render import annotate as annotate_mod

        if r.document.format == "docx":
            from zzreview.readers.docx_package import check_members

            source = r.document.converted_docx or data
            check_members(source)  # the copy keeps every part: each must be within the limit
            copy, missed = annotate_mod.annotate_docx(source, r.document, r.findings)
        else:
            copy, missed = annotate_mod.annotate_blocks(r.document, r.findings)
        write_atomic(annotate, copy, inputs, validate=validate_docx)
        outcome.written.append(annotate)
        outcome.annotated = annotate
        outcome.unanchored = missed
    outcome.seconds = time.perf_counter() - start
    return outcome


def summary(outcome: ReportOutcome) -> list[str]:
    """Lines for standard error: what was written, and any finding left without a comment."""
    r = outcome.document
    lines = [f"已写入 {p}" for p in outcome.written]
    note = _converted_note(r.document)
    if note and outcome.annotated:
        lines.append(note)
    for u in outcome.unanchored:
        f = u.finding
        lines.append(f"{r.path}: {f.code} 未能加批注（{u.reason}）：{f.quote}")
    n = len(r.findings)
    lines.append(f"{r.path}：共 {n} 处问题（审查基准日 {outcome.result.as_of.isoformat()}，"
                 f"用时 {outcome.seconds:.2f} 秒）")
    return lines


def _converted_note(doc) -> str | None:
    """What the annotated copy is, when the draft was not itself a .docx."""
    if doc is None:
        return None
    if doc.converted_from:
        return f"注意：草案为 .{doc.converted_from} 文件，已用 LibreOffice 转换为 .docx 后审查；批注副本是转换后的 .docx，位置按转换后的文本计"
    if doc.format == "pdf":
        return "注意：草案为 PDF，批注副本是按 PDF 文字层重建的 .docx（每段一个段落），位置按 PDF 的页和行计"
    return None
