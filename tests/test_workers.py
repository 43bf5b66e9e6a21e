"""workers.ordered_map: results in input order whatever the order processes finish in; an error in
a helper is raised in the parent; every helper leaves; claims are shared without overlap."""

from __future__ import annotations

import multiprocessing
import os
import time

import pytest

from zzreview.workers import ordered_map


def _slow_for_small(n: int) -> tuple[int, int]:
    time.sleep(0.002 * (n % 5 == 0))  # some chunks finish later than the ones after them
    import os

    return n * n, os.getpid()


def _fails_on_seven(n: int) -> int:
    if n == 7:
        raise ValueError("第7件出错")
    return n


@pytest.mark.parametrize("processes,chunk", [(2, 1), (2, 3), (3, 8), (5, 50)])
def test_results_come_in_input_order(processes, chunk):
    items = list(range(97))
    out = list(ordered_map(_slow_for_small, items, processes, chunk))
    assert [square for square, _ in out] == [n * n for n in items]
    if chunk < 50:
        assert len({pid for _, pid in out}) > 1  # the work was shared
    assert not multiprocessing.active_children()


def test_an_error_in_this_process_stops_the_helpers():
    with pytest.raises(ValueError, match="第7件出错"):
        list(ordered_map(_fails_on_seven, list(range(40)), 2, 4))
    assert not multiprocessing.active_children()


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


def test_an_error_in_a_helper_is_raised_in_the_parent_and_the_helpers_stop():
    with pytest.raises(ValueError, match="助手出错"):
        list(ordered_map(_fails_in_a_helper, list(range(200)), 2, 4))
    assert not multiprocessing.active_children()


def test_a_helper_that_dies_is_reported_at_once_not_after_the_rest_is_done():
    _DONE_HERE.clear()
    with pytest.raises(RuntimeError, match="工作进程意外退出"):
        list(ordered_map(_dies_in_a_helper, list(range(1200)), 2, 4))
    assert len(_DONE_HERE) < 600  # not this process doing all the rest alone first
    assert not multiprocessing.active_children()


def test_a_consumer_that_stops_early_leaves_no_worker_behind():
    results = ordered_map(_slow_for_small, list(range(200)), 2, 2)
    assert next(results)[0] == 0 and next(results)[0] == 1  # the helpers start after the first
    assert multiprocessing.active_children()
    results.close()
    assert not multiprocessing.active_children()


def test_claims_shrink_as_the_items_run_out_and_end_single():
    from zzreview.workers import Claims

    claims = Claims(multiprocessing.get_context(), first=1)
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


def test_a_claim_is_never_given_twice_across_processes():
    """Four processes claiming from one position at once: every item claimed exactly once."""
    ctx = multiprocessing.get_context()
    from zzreview.workers import Claims

    claims = Claims(ctx)
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
    assert not multiprocessing.active_children()


def test_no_helper_is_started_without_an_item_for_it():
    """Two items and four processes asked for: the first item warms this process up, the second
    is done here too — a helper would have nothing to do."""
    import os

    out = list(ordered_map(_slow_for_small, [3, 4], 4, 1))
    assert [square for square, _ in out] == [9, 16] and {pid for _, pid in out} == {os.getpid()}
