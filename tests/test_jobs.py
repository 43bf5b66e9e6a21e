"""--jobs: worker processes give the same output as one process, in file order; streamed output
is the same text as the whole-run renderers."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import AS_OF, run_module

BODIES = [
    "第一条 根据《中华人民共和国合同法》，制定本办法。\n\n第二条 本办法自2020年1月1日起施行。",
    "第一条 为规范渔船停泊秩序，根据《中华人民共和国渔业法》，制定本办法。\n\n第二条 渔船应当在指定港湾停泊。",
    "第一条 本市鼓励社区开办老年食堂。\n\n第二条 申请补助的，应当提交无犯罪记录证明。",
    "第一条 根据《中华人民共和国物权法》和《中华人民共和国担保法》，制定本规定。",
    "第一条 辖区内餐饮单位须到指定的供应商处购买餐具消毒设备。\n\n第二条 本办法有效期五年。",
]


@pytest.fixture
def folder(tmp_path):
    """Enough drafts for --jobs to default to the CPUs and, in the middle, a .docx that is not a docx."""
    from zzreview.batch import MANY_FILES

    d = tmp_path / "drafts"
    d.mkdir()
    for i in range(MANY_FILES):
        body = BODIES[i % len(BODIES)]
        (d / f"{i:02d}-draft.md").write_text(f"# 某县第{i}号管理办法（征求意见稿）\n\n{body}\n", encoding="utf-8")
    (d / "05-broken.docx").write_bytes(b"PK\x03\x04 not really a zip" * 10)
    return d


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_jobs_output_is_identical_to_one_process(folder, fmt):
    one = run_module("check", folder, "--as-of", AS_OF, "-f", fmt, "--jobs", "1")
    for jobs in (["--jobs", "2"], ["--jobs", "3"], []):  # [] : the default for many files
        other = run_module("check", folder, "--as-of", AS_OF, "-f", fmt, *jobs)
        assert other.stdout == one.stdout and one.stdout
        assert other.returncode == one.returncode == 2  # the broken file
        assert other.stderr == one.stderr


def test_jobs_default_to_the_cpus_for_many_files():
    from zzreview.batch import MANY_FILES, cpu_count, default_jobs

    assert default_jobs(1) == default_jobs(MANY_FILES - 1) == 1
    assert default_jobs(MANY_FILES) == cpu_count()


def test_bad_file_in_a_worker_gives_its_one_line_error_and_exit_2(folder):
    r = run_module("check", folder, "--as-of", AS_OF, "--jobs", "2")
    assert r.returncode == 2
    lines = r.stderr.decode().splitlines()
    assert len(lines) == 1 and lines[0].startswith(str(folder / "05-broken.docx") + ": 无法读取：")
    out = r.stdout.decode()
    assert "05-broken" not in out
    from zzreview.batch import MANY_FILES

    assert f"共审查 {MANY_FILES + 1} 个文件" in out and "1 个文件无法读取" in out


def test_json_documents_come_in_file_order(folder):
    r = run_module("check", folder, "--as-of", AS_OF, "-f", "json", "--jobs", "2")
    import json

    report = json.loads(r.stdout)
    paths = [d["path"] for d in report["documents"]]
    assert paths == sorted(str(p) for p in folder.iterdir())
    assert report["summary"]["documents"] == len(paths) and report["summary"]["unreadable"] == 1


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_streamed_output_equals_the_whole_run_renderer(folder, fmt):
    from zzreview import batch, engine
    from zzreview.kb import KnowledgeBase
    from zzreview.render import json_report, text_report
    from zzreview.selection import Selection

    kb, day = KnowledgeBase.load(), dt.date.fromisoformat(AS_OF)
    files = engine.expand_paths([str(folder)])
    whole = engine.run(files, kb, day, Selection(), resolver=engine.ConfigResolver())
    expected = (json_report if fmt == "json" else text_report).render(whole)
    pieces: list[str] = []
    batch.run(files, kb, day, Selection(), engine.ConfigResolver(), fmt, pieces.append)
    assert "".join(pieces) == expected


def test_empty_run_streams_valid_json(tmp_path):
    from zzreview import batch, engine
    from zzreview.kb import KnowledgeBase
    from zzreview.render import json_report
    from zzreview.selection import Selection

    kb, day = KnowledgeBase.load(), dt.date.fromisoformat(AS_OF)
    pieces: list[str] = []
    batch.run([], kb, day, Selection(), engine.ConfigResolver(), "json", pieces.append)
    assert "".join(pieces) == json_report.render(engine.RunResult(day, kb, []))


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_spawned_workers_give_the_same_output(folder, fmt):
    """Workers started with "spawn" (Windows, macOS) get the review pickled instead of forked from a
    loaded parent: same output in file order, the bad file's error line included."""
    from zzreview import batch, engine
    from zzreview.kb import KnowledgeBase
    from zzreview.selection import Selection

    kb, day = KnowledgeBase.load(), dt.date.fromisoformat(AS_OF)
    files = engine.expand_paths([str(folder)])
    outputs, errors = [], []
    for jobs, method in ((1, None), (2, "spawn")):
        pieces: list[str] = []
        lines: list[str] = []
        summary = batch.run(files, kb, day, Selection(), engine.ConfigResolver(), fmt, pieces.append,
                            jobs=jobs, on_error=lines.append, start_method=method)
        outputs.append("".join(pieces))
        errors.append(lines)
        assert summary.unreadable == 1 and summary.documents == len(files)
    assert outputs[0] == outputs[1] and outputs[0]
    assert errors[0] == errors[1] and "05-broken.docx: 无法读取：" in errors[0][0]


def test_certification_lists_are_found_from_one_file_per_folder(tmp_path):
    """Whether the parent loads the word list before the workers start: any folder whose
    configuration names a certification list counts, whatever its position in the run."""
    from zzreview.batch import uses_certification_lists
    from zzreview.engine import ConfigResolver

    plain, listed = tmp_path / "plain", tmp_path / "listed"
    for d in (plain, listed):
        d.mkdir()
        for i in range(3):
            (d / f"{i}.md").write_text("第一条 本办法自公布之日起施行。\n", encoding="utf-8")
    (plain / "zzreview.toml").write_text('fail-on = "never"\n', encoding="utf-8")
    (listed / "zzreview.toml").write_text('certification-lists = ["list.csv"]\n', encoding="utf-8")
    (listed / "list.csv").write_text("证明名称\n户籍证明\n", encoding="utf-8")
    plain_files = [str(plain / f"{i}.md") for i in range(3)]
    listed_files = [str(listed / f"{i}.md") for i in range(3)]

    class Counting(ConfigResolver):
        asked = 0

        def for_file(self, path):
            Counting.asked += 1
            return super().for_file(path)

    assert not uses_certification_lists(plain_files, Counting())
    assert Counting.asked == 1  # one file of the folder, not all three
    assert uses_certification_lists(plain_files + listed_files[2:], ConfigResolver())
    assert uses_certification_lists(listed_files + plain_files, ConfigResolver())


def test_a_broken_configuration_in_one_folder_is_reported_in_its_place_with_jobs(tmp_path):
    """The files before the folder with a broken zzreview.toml are written first, as with one process."""
    for name in ("a", "b", "c"):
        d = tmp_path / name
        d.mkdir()
        for i in range(8):
            (d / f"{i}.md").write_text(f"# 某县第{i}号管理办法\n\n{BODIES[i % len(BODIES)]}\n", encoding="utf-8")
    (tmp_path / "b" / "zzreview.toml").write_text("select = [\n", encoding="utf-8")
    one = run_module("check", tmp_path, "--as-of", AS_OF, "--jobs", "1")
    assert one.returncode == 2 and one.stdout
    for jobs in ("2", "3"):
        other = run_module("check", tmp_path, "--as-of", AS_OF, "--jobs", jobs)
        assert (other.returncode, other.stdout, other.stderr) == (one.returncode, one.stdout, one.stderr)
