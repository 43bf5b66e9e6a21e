"""workers.ordered_map: results in input order whatever the order workers finish in; an error in a
worker is raised in the parent; every worker leaves."""

from __future__ import annotations

import multiprocessing
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


def test_an_error_in_a_worker_is_raised_in_the_parent_and_the_workers_stop():
    with pytest.raises(ValueError, match="第7件出错"):
        list(ordered_map(_fails_on_seven, list(range(40)), 2, 4))
    assert not multiprocessing.active_children()


def test_a_consumer_that_stops_early_leaves_no_worker_behind():
    results = ordered_map(_slow_for_small, list(range(200)), 2, 2)
    assert next(results)[0] == 0
    results.close()
    assert not multiprocessing.active_children()


def test_chunks_shrink_as_the_items_run_out_and_end_single():
    from zzreview.workers import _chunks

    items = list(range(1000))
    chunks = _chunks(items, 64, 2)
    assert [x for c in chunks for x in c] == items  # every item once, in order
    sizes = [len(c) for c in chunks]
    assert sizes[0] == 64 and max(sizes) == 64
    assert sizes == sorted(sizes, reverse=True)  # never growing again
    assert sizes[-8:] == [1] * 8  # the end goes one item at a time
    assert len(chunks) < 100  # far fewer messages than 1,000 single items or 125 chunks of eight
    assert _chunks([], 64, 2) == [] and _chunks([7], 64, 3) == [[7]]
