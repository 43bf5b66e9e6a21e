"""End-to-end: the real pre-commit runs the zzreview hook from this checkout (try-repo)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

EXPIRED = """# 某市物业管理办法（征求意见稿）

第一条 为了规范物业管理活动，根据《中华人民共和国物权法》，制定本办法。

第二条 本办法自2027年1月1日起施行，有效期5年。
"""


def _env(tmp_path: Path) -> dict:
    env = dict(os.environ)
    env.update({
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-cache"),
        "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org",
        "PRE_COMMIT_COLOR": "never",
    })
    return env


def _try_repo(repo: Path, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "zzreview", "--all-files"],
        cwd=repo, env=env, capture_output=True, text=True, timeout=600)


def test_hook_fails_on_expired_citation_and_passes_when_fixed(tmp_path):
    repo = tmp_path / "drafts"
    repo.mkdir()
    env = _env(tmp_path)
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True, env=env)
    draft = repo / "物业管理办法.md"
    draft.write_text(EXPIRED, encoding="utf-8")
    subprocess.run(["git", "add", "."], cwd=repo, check=True, env=env)

    failed = _try_repo(repo, env)
    out = failed.stdout + failed.stderr
    assert failed.returncode == 1, out
    assert "ZZ201" in out and "中华人民共和国物权法" in out and "民法典" in out

    draft.write_text(EXPIRED.replace("《中华人民共和国物权法》", "《中华人民共和国民法典》"), encoding="utf-8")
    subprocess.run(["git", "add", "."], cwd=repo, check=True, env=env)
    passed = _try_repo(repo, env)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout
