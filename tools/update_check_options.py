"""Write src/zzreview/check_options.py: the options of `zzreview check`, read from its typer
definition, as data for the typer-free start (src/zzreview/launch.py). Run after changing them;
tests/test_launch.py fails while the file is out of date.

    .venv/bin/python tools/update_check_options.py
"""

from __future__ import annotations

from pathlib import Path

from zzreview.cli import check_options_spec

TARGET = Path(__file__).resolve().parents[1] / "src" / "zzreview" / "check_options.py"
HEADER = ('"""The options of ``zzreview check`` as data, generated from its typer definition in cli.py by\n'
          'tools/update_check_options.py. Do not edit."""\n\n')


def render() -> str:
    return HEADER + "CHECK_OPTIONS = [\n" + "".join(f"    {p!r},\n" for p in check_options_spec()) + "]\n"


if __name__ == "__main__":
    TARGET.write_text(render(), encoding="utf-8")
    print(f"wrote {TARGET}")
