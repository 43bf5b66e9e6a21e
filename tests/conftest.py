"""Shared test helpers: run the CLI in-process and build drafts."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from zzreview.cli import app

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"


def sample_and_test_texts(min_len: int = 0) -> list[str]:
    """Real text to run patterns over: each Markdown sample whole, then every string constant of
    at least ``min_len`` characters in the tests."""
    import ast

    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.md"))]
    for path in sorted((ROOT / "tests").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and len(node.value) >= min_len:
                texts.append(node.value)
    return texts
# the sample drafts (samples/ also holds their zzreview.toml and a demonstration list)
DRAFTS = sorted(p for p in SAMPLES.iterdir() if p.suffix in (".md", ".docx"))
AS_OF = "2026-11-24"


class Result:
    def __init__(self, exit_code: int, stdout: str, stderr: str):
        self.exit_code, self.stdout, self.stderr = exit_code, stdout, stderr

    def json(self) -> dict:
        return json.loads(self.stdout)


@pytest.fixture
def cli():
    """Run `zzreview ARGS…` in-process; returns exit code, stdout and stderr."""
    def run(*args: str, input: str | bytes | None = None) -> Result:
        runner = CliRunner()
        r = runner.invoke(app, [str(a) for a in args], input=input)
        if r.exception and not isinstance(r.exception, SystemExit):
            raise r.exception
        return Result(r.exit_code, r.stdout, r.stderr)
    return run


def run_module(*args: str, cwd: Path | None = None, env: dict | None = None,
               input: bytes | None = None) -> subprocess.CompletedProcess:
    """Run `python -m zzreview ARGS…` in a subprocess (real exit codes, real stdin bytes)."""
    return subprocess.run([sys.executable, "-m", "zzreview", *map(str, args)], cwd=cwd, env=env,
                          input=input, capture_output=True)


@pytest.fixture
def draft(tmp_path):
    """Write a Markdown draft; returns its path."""
    def write(body: str, name: str = "草案.md", title: str = "某市某某管理办法（征求意见稿）") -> Path:
        p = tmp_path / name
        p.write_text(f"# {title}\n\n{body}\n", encoding="utf-8")
        return p
    return write


def certification_demands(path: Path) -> list:
    """The certification demands of a draft, every quote checked to be exact in its block: the
    first place's text and phrase, and the text of every place."""
    from types import SimpleNamespace

    from zzreview.analysis.certifications import extract_certifications
    from zzreview.analysis.structure import analyze_structure
    from zzreview.readers import read_document

    doc = read_document(str(path))
    out = extract_certifications(doc, SimpleNamespace(structure=analyze_structure(doc)))
    for d in out:
        block = doc.blocks[d.block].text
        assert block[d.start:d.start + len(d.text)] == d.text
        assert block[d.phrase_start:d.phrase_start + len(d.phrase)] == d.phrase
        for o in d.occurrences:
            assert doc.blocks[o.block].text[o.start:o.start + len(o.text)] == o.text
    return out
