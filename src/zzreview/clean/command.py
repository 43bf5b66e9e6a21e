"""`zzreview clean` behind the command line: settings in, files out, a short note on stdout."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from zzreview.errors import ConfigError


def run_clean_command(paths: list[str], as_of: dt.date, output_dir: Path, topic_name: str | None,
                      rules_file: Path | None, kb_tables: list[str], config_path: Path | None,
                      jobs: int, force: bool, progress) -> tuple[dict[str, Path], dict, list[str]]:
    """Returns (written files, summary, read errors). Raises ConfigError for bad settings."""
    from zzreview import engine
    from zzreview.clean.decide import load_rules
    from zzreview.clean.outputs import NAMES, Outputs
    from zzreview.clean.record import Settings
    from zzreview.clean.run import CleanOptions, clean
    from zzreview.clean.topic import resolve_topic
    from zzreview.kb import KnowledgeBase
    from zzreview.output import check_target, input_ids

    rules = load_rules(rules_file)
    kb = KnowledgeBase.load(kb_tables)
    topic = None
    if topic_name:
        topic = resolve_topic(kb, topic_name, as_of)
        if topic is None:
            raise ConfigError(f"--topic：知识库中没有“{topic_name}”")
    files = engine.expand_paths(paths)
    if not files:
        raise ConfigError("没有找到可清理的文件")
    existing = [output_dir / n for n in NAMES.values() if (output_dir / n).exists()]
    if existing and not force:
        raise ConfigError(f"{existing[0]} 已存在；如需覆盖请加 --force")
    if output_dir.is_dir():  # by device and inode: a link or another name of an input is refused too
        ids = input_ids(files)
        for name in NAMES.values():
            check_target(output_dir / name, ids)
    settings = Settings(as_of, tuple(str(t) for t in kb_tables), str(config_path) if config_path else None)
    out = Outputs(output_dir, as_of, rules.order, topic.title if topic else None, kb.version)
    errors: list[str] = []
    try:
        for rec in clean(files, settings, CleanOptions(as_of, rules, topic, jobs), progress):
            if rec.get("error"):
                errors.append(f"{rec['path']}: 无法读取：{rec['error']}")
            errors.extend(e for e in rec.get("plugin_errors", []) if e not in errors)
            out.add(rec)
        written = out.close()
    except BaseException:
        out.abort()
        raise
    return written, out.summary.to_dict(), errors
