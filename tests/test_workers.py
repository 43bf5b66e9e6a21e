"""workers.ordered_map: results in input order whatever the order processes finish in; an error in
a helper is raised in the parent; every helper leaves; claims are shared without overlap."""

from __future__ import annotations

import multiprocessing
import os
import time

import pytest

from zzreview.workers import ordered_map


def helpers_left() -> bool:
    """Whether this process has a child process, running or not yet waited for, other than
    multiprocessing's resource tracker (which a spawned run leaves for the rest of the session)."""
    if multiprocessing.active_children():
        return True
    me = str(os.getpid())
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/stat", "rb") as f:
                parent = f.read().rsplit(b")", 1)[1].split()[1].decode()
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                tracker = b"resource_tracker" in f.read()
        except OSError:  # gone meanwhile
            continue
        if parent == me and not tracker:
            return True
    return False


def _slow_for_small(n: int) -> tuple[int, int]:
    time.sleep(0.002 * (n % 5 == 0))  # some chunks finish later than the ones after them
    import os

    return n * n, os.getpid()


def _fails_on_seven(n: int) -> int:
    if n == 7:
        raise ValueError("第7件出错")
    return n


@pytest.mark.parametrize("processes,chunk,start", [(2, 1, None), (2, 3, None), (3, 8, None), (5, 50, None),
                                                   (2, 3, "fork")])
def test_results_come_in_input_order(processes, chunk, start):
    """None: helpers forked without multiprocessing; a start method: started by multiprocessing."""
    items = list(range(97))
    out = list(ordered_map(_slow_for_small, items, processes, chunk, start_method=start))
    assert [square for square, _ in out] == [n * n for n in items]
    if chunk < 50:
        assert len({pid for _, pid in out}) > 1  # the work was shared
    assert not helpers_left()


def _waits_for_a_helper(item: tuple[int, str, int]) -> tuple[int, int]:
    """The parent's items after the first wait until a helper has done one (the helpers of a
    spawned run start far later than the parent could finish alone)."""
    n, marker, parent = item
    if os.getpid() != parent:
        open(marker, "a").close()
    elif n > 0:
        deadline = time.monotonic() + 60
        while not os.path.exists(marker) and time.monotonic() < deadline:
            time.sleep(0.005)
    return n * n, os.getpid()


@pytest.mark.parametrize("start", [None, "spawn"])
def test_helpers_share_the_work_and_results_come_in_order(start, tmp_path):
    marker = str(tmp_path / "a-helper-was-here")
    items = [(n, marker, os.getpid()) for n in range(40)]
    out = list(ordered_map(_waits_for_a_helper, items, 3, 2, start_method=start))
    assert [square for square, _ in out] == [n * n for n in range(40)]
    assert os.getpid() in {pid for _, pid in out} and len({pid for _, pid in out}) > 1
    assert not helpers_left()


def test_an_error_in_this_process_stops_the_helpers():
    with pytest.raises(ValueError, match="第7件出错"):
        list(ordered_map(_fails_on_seven, list(range(40)), 2, 4))
    assert not helpers_left()


_PARENT = os.getpid()


def _fails_in_a_helper(n: int) -> int:
    if os.getpid() != _PARENT and n >= 20:
        raise ValueError("助手出错")
    time.sleep(0.001)
    return n


_DONE_HERE: list[int] = []


def _dies_in_a_helper(n: int) -> int:
    if os.getpid() != _PARENT:
        os._exit(3)
    _DONE_HERE.append(n)
    time.sleep(0.001)
    return n


@pytest.mark.parametrize("start", [None, "fork"])
def test_an_error_in_a_helper_is_raised_in_the_parent_and_the_helpers_stop(start):
    with pytest.raises(ValueError, match="助手出错"):
        list(ordered_map(_fails_in_a_helper, list(range(200)), 2, 4, start_method=start))
    assert not helpers_left()


@pytest.mark.parametrize("start", [None, "fork"])
def test_a_helper_that_dies_is_reported_at_once_not_after_the_rest_is_done(start):
    _DONE_HERE.clear()
    with pytest.raises(RuntimeError, match="工作进程意外退出"):
        list(ordered_map(_dies_in_a_helper, list(range(1200)), 2, 4, start_method=start))
    assert len(_DONE_HERE) < 600  # not this process doing all the rest alone first
    assert not helpers_left()


def test_a_consumer_that_stops_early_leaves_no_worker_behind():
    results = ordered_map(_slow_for_small, list(range(200)), 2, 2)
    assert next(results)[0] == 0 and next(results)[0] == 1  # the helpers start after the first
    assert helpers_left()
    results.close()
    assert not helpers_left()


def _baton(first: int = 0):
    from zzreview.workers import Baton

    return Baton(first)


def _claims(first: int = 0):
    from zzreview.workers import Claims

    return Claims(multiprocessing.get_context("fork"), first)


@pytest.mark.parametrize("make", [_baton, _claims])
def test_claims_shrink_as_the_items_run_out_and_end_single(make):
    claims = make(first=1)
    spans = []
    while (span := claims.take(1000, 64, 2)) is not None:
        spans.append(span)
    assert [k for a, b in spans for k in range(a, b)] == list(range(1, 1000))  # every item once, in order
    sizes = [b - a for a, b in spans]
    assert sizes[0] == 64 and max(sizes) == 64
    assert sizes == sorted(sizes, reverse=True)  # never growing again
    assert sizes[-8:] == [1] * 8  # the end goes one item at a time
    assert len(spans) < 100  # far fewer messages than 1,000 single items or 125 chunks of eight
    assert claims.take(1000, 64, 2) is None


@pytest.mark.parametrize("make", [_baton, _claims])
def test_a_claim_is_never_given_twice_across_processes(make):
    """Four processes claiming from one position at once: every item claimed exactly once."""
    ctx = multiprocessing.get_context("fork")
    claims = make()
    queue, go = ctx.Queue(), ctx.Event()
    procs = [ctx.Process(target=_claim_all, args=(claims, queue, go)) for _ in range(4)]
    for p in procs:
        p.start()
    go.set()  # all claim at once
    got = [queue.get(timeout=30) for _ in procs]
    for p in procs:
        p.join()
    claimed = sorted(k for spans in got for a, b in spans for k in range(a, b))
    assert claimed == list(range(5000))
    assert sum(1 for spans in got if spans) == 4  # they did share


def _claim_all(claims, queue, go) -> None:
    go.wait()
    spans = []
    while (span := claims.take(5000, 8, 4)) is not None:
        spans.append(span)
        time.sleep(0.0002)  # some work between claims
    queue.put(spans)


def test_this_process_works_too_and_no_helper_is_left_waiting():
    """With two processes, this one does part of the items itself (no process only waits)."""
    import os

    out = list(ordered_map(_slow_for_small, list(range(120)), 2, 4))
    pids = {pid for _, pid in out}
    assert os.getpid() in pids and len(pids) == 2
    assert not helpers_left()


def test_no_helper_is_started_without_an_item_for_it():
    """Two items and four processes asked for: the first item warms this process up, the second
    is done here too — a helper would have nothing to do."""
    import os

    out = list(ordered_map(_slow_for_small, [3, 4], 4, 1))
    assert [square for square, _ in out] == [9, 16] and {pid for _, pid in out} == {os.getpid()}


def test_a_position_taken_along_by_a_dead_helper_is_reported_not_waited_for(monkeypatch):
    """A helper killed between reading the shared position and writing it back takes it along:
    the others do not wait for ever once they find a helper gone."""
    from zzreview import workers

    monkeypatch.setattr(workers, "_BATON_WAIT", 0.02)
    baton = workers.Baton()
    pid = os.fork()
    if pid == 0:
        baton._hold()  # and never gives it back
        os._exit(0)
    os.waitpid(pid, 0)
    baton.lost = lambda: True  # the helper has ended
    started = time.monotonic()
    with pytest.raises(RuntimeError, match="工作进程意外退出"):
        baton.take(100, 8, 2)
    assert time.monotonic() - started < 5
    baton.close()


def test_a_helper_whose_parent_died_holding_the_position_leaves(tmp_path, monkeypatch):
    from zzreview import workers

    monkeypatch.setattr(workers, "_BATON_WAIT", 0.02)
    marker = tmp_path / "left"
    parent = os.fork()
    if parent == 0:  # stands for zzreview's parent process
        try:
            baton = workers.Baton()
            me = os.getpid()
            if os.fork() == 0:  # its helper
                baton.lost = lambda: os.getppid() != me
                time.sleep(0.2)  # the parent takes the position and dies meanwhile
                try:
                    baton.take(100, 8, 2)
                except RuntimeError as exc:
                    marker.write_text(str(exc), encoding="utf-8")
                os._exit(0)
            baton._hold()
        finally:
            os._exit(0)
    os.waitpid(parent, 0)
    deadline = time.monotonic() + 10
    while not marker.exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    assert "工作进程意外退出" in marker.read_text(encoding="utf-8")


def given_before_error(work, n: int, chunk: int, start, error, match: str) -> list:
    """What ordered_map gives over range(n) in three processes before it raises ``error``."""
    got = []
    with pytest.raises(error, match=match):
        for r in ordered_map(work, list(range(n)), 3, chunk, start_method=start):
            got.append(r)
    return got


def _fails_at_sixty(n: int) -> int:
    time.sleep(0.0005)
    if n == 60:
        raise ValueError("第60件出错")
    return n


@pytest.mark.parametrize("start", [None, "fork"])
def test_an_error_comes_after_every_result_before_it_as_in_one_process(start):
    """Whoever does item 60, items 0–59 are given first, then its error (not before, not later)."""
    assert given_before_error(_fails_at_sixty, 300, 4, start, ValueError, "第60件出错") == list(range(60))
    assert not helpers_left()


def test_this_process_finds_a_helper_gone_with_the_position(monkeypatch):
    """The parent's own check: a helper that takes the position and dies leaves the parent waiting
    for it only until it finds that helper ended."""
    from zzreview import workers

    monkeypatch.setattr(workers, "_BATON_WAIT", 0.02)
    parent, take = os.getpid(), workers.Baton.take

    def take_and_die(self, n, largest, processes):
        if os.getpid() != parent:
            self._hold()
            os._exit(0)
        return take(self, n, largest, processes)

    monkeypatch.setattr(workers.Baton, "take", take_and_die)
    started = time.monotonic()
    with pytest.raises(RuntimeError, match="工作进程意外退出"):
        list(ordered_map(_slow_for_small, list(range(400)), 2, 2))
    assert time.monotonic() - started < 10
    assert not helpers_left()


def test_a_refused_fork_leaves_no_helper_behind(monkeypatch):
    """The second fork fails (no more processes allowed): the first helper is stopped and waited
    for, and the error reaches the caller."""
    from zzreview import workers

    forks, real_fork = [], os.fork

    def fork_once():
        if forks:
            raise BlockingIOError(11, "Resource temporarily unavailable")
        forks.append(1)
        return real_fork()

    monkeypatch.setattr(workers.os, "fork", fork_once)
    opened = len(os.listdir("/proc/self/fd"))
    with pytest.raises(BlockingIOError):
        list(ordered_map(_slow_for_small, list(range(100)), 3, 2))
    assert forks and not helpers_left()
    assert len(os.listdir("/proc/self/fd")) == opened  # no pipe left open


def _fails_at_sixty_and_late(n: int) -> int:
    if n >= 200:
        raise ValueError(f"第{n}件出错")
    time.sleep(0.0005 if n < 60 else 0)
    return _fails_at_sixty(n)


class _Refuses(Exception):
    """Pickles, but its __init__ takes other arguments than its args: it does not come back."""

    def __init__(self, code: str, message: str):
        super().__init__(f"{code}: {message}")


def _fails_unpicklably(n: int) -> int:
    time.sleep(0.0005)
    if n >= 30:
        raise _Refuses("bad", f"第{n}件")
    return n


@pytest.mark.parametrize("start", [None, "fork"])
def test_the_earliest_of_several_errors_is_raised_after_every_result_before_it(start):
    assert given_before_error(_fails_at_sixty_and_late, 400, 8, start, ValueError, "第60件出错") == list(range(60))


def test_an_error_that_does_not_come_back_through_pickle_keeps_its_place():
    assert given_before_error(_fails_unpicklably, 200, 4, None, Exception, "第30件") == list(range(30))
    assert not helpers_left()
