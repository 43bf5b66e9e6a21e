"""Worker processes that return results in the order of their inputs.

Each worker is forked (where the platform allows) from a parent that has imported and loaded
everything, gets chunks of items over its own pipe and sends back one list of results per chunk;
the parent hands a worker its next chunk as soon as it returns one (two are kept in flight, so a
worker never waits for the parent) and yields the results in input order. Chunks shrink as the
items run out (each a quarter of what is left per worker, at most ``MAX_CHUNK``, the last ones
single items): few messages while there is much to do, and the workers still finish together.
One thread in the parent, blocking on the pipes: unlike ``multiprocessing.Pool``, no helper thread
wakes up for every result.
"""

from __future__ import annotations

import multiprocessing
from multiprocessing.connection import wait
from typing import Callable, Iterator, TypeVar

T = TypeVar("T")
R = TypeVar("R")

_IN_FLIGHT = 2  # chunks handed to a worker before its first result comes back
MAX_CHUNK = 64  # items in the largest chunk


def ordered_map(work: Callable[[T], R], items: list[T], processes: int, chunk: int = MAX_CHUNK,
                start_method: str | None = None) -> Iterator[R]:
    """``work(item)`` for every item, yielded in input order: the first item here, before the
    workers start (they then start warm: what ``work`` loads on first use is loaded once and shared
    by fork), the others in ``processes`` workers. An exception raised by ``work`` is raised here.
    ``chunk``: the most items sent at once. ``start_method``: how workers start (default fork where
    the platform has it; "spawn", as on Windows and macOS, pickles ``work``)."""
    if not items:
        return
    yield work(items[0])
    if len(items) > 1:
        yield from _in_workers(work, items[1:], processes, chunk, start_method)


def _in_workers(work: Callable[[T], R], items: list[T], processes: int, chunk: int,
                start_method: str | None) -> Iterator[R]:
    chunks = _chunks(items, chunk, processes)
    if start_method is None and "fork" in multiprocessing.get_all_start_methods():
        start_method = "fork"
    ctx = multiprocessing.get_context(start_method)
    import gc

    forked = start_method == "fork"
    if forked:
        gc.freeze()  # what the parent holds is never scanned in the workers: fewer copied pages
    workers = []
    for _ in range(min(processes, len(chunks))):
        here, there = ctx.Pipe()
        process = ctx.Process(target=_serve, args=(there, work), daemon=True)
        process.start()
        there.close()
        workers.append((process, here))
    if forked:
        gc.unfreeze()  # the workers have their copy; the parent collects as before
    pending: dict = {}  # connection → number of chunks handed out and not yet returned
    given = 0

    def hand_out(conn) -> None:
        nonlocal given
        if given < len(chunks):
            conn.send((given, chunks[given]))
            pending[conn] = pending.get(conn, 0) + 1
            given += 1

    try:
        for _ in range(_IN_FLIGHT):
            for _, conn in workers:
                hand_out(conn)
        done: dict[int, list] = {}
        yielded = 0
        while yielded < len(chunks):
            for conn in wait([c for c, n in pending.items() if n]):
                try:
                    index, results = conn.recv()
                except EOFError:
                    raise RuntimeError("zzreview: 一个工作进程意外退出") from None
                if isinstance(results, BaseException):
                    raise results
                pending[conn] -= 1
                done[index] = results
                hand_out(conn)
            while yielded in done:
                yield from done.pop(yielded)
                yielded += 1
        for _, conn in workers:
            conn.send(None)  # finish: the workers write their caches and leave
        for process, _ in workers:
            process.join()
    finally:
        for process, conn in workers:
            if process.is_alive():
                process.terminate()
                process.join()
            conn.close()


def _chunks(items: list, largest: int, processes: int) -> list[list]:
    """Chunks that shrink as the items run out: each a quarter of the remaining items per worker,
    at most ``largest``, at least one (guided scheduling: fewer messages than equal small chunks,
    and the last chunks, single items, let the workers finish together)."""
    out, i = [], 0
    while i < len(items):
        size = max(1, min(largest, (len(items) - i) // (4 * processes)))
        out.append(items[i:i + size])
        i += size
    return out


def _serve(conn, work: Callable) -> None:
    """A worker: review the chunks it is sent until it is sent None."""
    from zzreview import lazy_regex

    try:
        while True:
            task = conn.recv()
            if task is None:
                break
            index, chunk = task
            try:
                results = [work(item) for item in chunk]
            except Exception as exc:  # raised again in the parent
                results = exc
            try:
                conn.send((index, results))
            except Exception as exc:  # a result or an exception that does not pickle
                conn.send((index, RuntimeError(f"{type(exc).__name__}: {exc}")))
    except (EOFError, KeyboardInterrupt):
        pass
    finally:
        lazy_regex.write_cache()  # what this worker compiled is there for the next run
        conn.close()
