"""Helper processes that share work with this process and give the results in input order.

``ordered_map`` does the first item here, then starts its helpers (forked where the platform allows,
so they share everything this process has loaded, the first item's lazy loads included); from then
on every process — this one too, no process only waits — claims chunks of items from a shared
position until none are left. Chunks shrink as the items run out (each a quarter of what is left per
process, at most ``MAX_CHUNK``, the last ones single items): few claims while there is much to do,
and the processes still finish together. Helpers send back one list of results per chunk; this
process reads them between its own items and yields every result in input order.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing costs a review ~3 ms
if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from typing import TypeVar

    T = TypeVar("T")
    R = TypeVar("R")

MAX_CHUNK = 64  # items in the largest chunk


def ordered_map(work: Callable[[T], R], items: list[T], processes: int, chunk: int = MAX_CHUNK,
                start_method: str | None = None) -> Iterator[R]:
    """``work(item)`` for every item, yielded in input order, in ``processes`` processes: this one
    and ``processes - 1`` helpers. An exception raised by ``work`` is raised here. ``chunk``: the
    most items claimed at once. ``start_method``: how helpers start (default fork where the platform
    has it; "spawn", as on Windows and macOS, pickles ``work`` and the items)."""
    if not items:
        return
    yield work(items[0])
    processes = min(processes, len(items) - 1)  # no helper without an item to do
    if processes > 1:
        yield from _shared(work, items, 1, processes, chunk, start_method)
    else:
        yield from map(work, items[1:])


def chunk_size(left: int, largest: int, processes: int) -> int:
    """How many of the ``left`` unclaimed items the next claim takes."""
    return max(1, min(largest, left // (4 * processes)))


def _shared(work: Callable[[T], R], items: list[T], first: int, processes: int, largest: int,
            start_method: str | None) -> Iterator[R]:
    """Items from ``first`` on, done here and in ``processes - 1`` helpers, yielded in order."""
    import multiprocessing
    from multiprocessing.connection import wait

    if start_method is None and "fork" in multiprocessing.get_all_start_methods():
        start_method = "fork"
    ctx = multiprocessing.get_context(start_method)
    claims = Claims(ctx, first)
    helpers = []
    forked = start_method == "fork"
    if forked:
        import gc

        gc.freeze()  # what this process holds is never scanned in the helpers: fewer copied pages
    for _ in range(processes - 1):  # forked, a helper has work and items in memory; spawned, pickled
        here, there = ctx.Pipe()
        process = ctx.Process(target=_help, args=(there, claims, largest, processes, work, items), daemon=True)
        process.start()
        there.close()
        helpers.append((process, here))
    if forked:
        gc.unfreeze()  # the helpers have their copy; this process collects as before
    live = [conn for _, conn in helpers]
    n, out, done = len(items), first, {}

    def receive(block: bool) -> None:
        for conn in wait(live) if block else [c for c in live if c.poll()]:
            try:
                start, results = conn.recv()
            except EOFError:  # finished — or gone, if items are left unclaimed
                if claims.left(n):
                    raise RuntimeError("zzreview: 一个工作进程意外退出") from None
                live.remove(conn)
                continue
            if isinstance(results, BaseException):
                raise results
            for k, result in enumerate(results, start):
                done[k] = result

    try:
        while out < n:
            span = claims.take(n, largest, processes)
            if span is None:
                if out not in done:
                    if not live:
                        raise RuntimeError("zzreview: 一个工作进程意外退出")
                    receive(block=True)
            else:
                for k in range(*span):
                    done[k] = work(items[k])
                    if live:
                        receive(block=False)
                    while out in done:
                        yield done.pop(out)
                        out += 1
            while out in done:
                yield done.pop(out)
                out += 1
        for process, _ in helpers:
            process.join()  # each leaves once nothing is left to claim, after writing its caches
    finally:
        for process, conn in helpers:
            if process.is_alive():
                process.terminate()
                process.join()
            conn.close()


class Claims:
    """The next unclaimed item, shared by all processes of a run."""

    def __init__(self, ctx, first: int = 0):
        self._lock = ctx.Lock()
        self._next = ctx.RawValue("q", first)

    def left(self, n: int) -> bool:
        """Whether some of the ``n`` items are not claimed yet."""
        with self._lock:
            return self._next.value < n

    def take(self, n: int, largest: int, processes: int) -> tuple[int, int] | None:
        """The span [start, stop) the caller is to do next, or None when all are claimed."""
        with self._lock:
            start = self._next.value
            if start >= n:
                return None
            stop = start + chunk_size(n - start, largest, processes)
            self._next.value = stop
        return start, stop


def _help(conn, claims: Claims, largest: int, processes: int, work: Callable, items: list) -> None:
    """A helper: claim and do chunks until none are left, sending back each chunk's results."""
    from zzreview import lazy_regex

    try:
        while (span := claims.take(len(items), largest, processes)) is not None:
            start, stop = span
            try:
                results = [work(items[k]) for k in range(start, stop)]
            except Exception as exc:  # raised again in the parent
                results = exc
            try:
                conn.send((start, results))
            except Exception as exc:  # a result or an exception that does not pickle
                conn.send((start, RuntimeError(f"{type(exc).__name__}: {exc}")))
    except (OSError, KeyboardInterrupt):
        pass
    finally:
        lazy_regex.write_cache()  # what this helper compiled is there for the next run
        conn.close()
