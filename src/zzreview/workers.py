"""Helper processes that share work with this process and give the results in input order.

``ordered_map`` does the first item here, then starts its helpers (forked where the platform allows,
so they share everything this process has loaded, the first item's lazy loads included); from then
on every process — this one too, no process only waits — claims chunks of items from a shared
position until none are left. Chunks shrink as the items run out (each a quarter of what is left per
process, at most ``MAX_CHUNK``, the last ones single items): few claims while there is much to do,
and the processes still finish together. Helpers send back one list of results per chunk; this
process reads them between its own items and yields every result in input order.

Forked helpers (``_Forked``) need nothing but pipes: the shared position is a number passed from
hand to hand through one pipe (``Baton``), results come back pickled through one pipe per helper.
Where there is no fork (Windows), or another start method is asked for, multiprocessing starts the
helpers (``_Started``); its imports and shared objects cost ~15 ms before the first helper runs,
which is why forking does without them.
"""

from __future__ import annotations

import os

TYPE_CHECKING = False  # typing costs a review ~3 ms
if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from typing import TypeVar

    T = TypeVar("T")
    R = TypeVar("R")

MAX_CHUNK = 64  # items in the largest chunk
_PIPE_SIZE = 1 << 20  # bytes in a results pipe where the system allows it (Linux: pipe-max-size)
_BATON_WAIT = 1.0  # seconds without the shared position before a process asks whether it is lost


def ordered_map(work: Callable[[T], R], items: list[T], processes: int, chunk: int = MAX_CHUNK,
                start_method: str | None = None) -> Iterator[R]:
    """``work(item)`` for every item, yielded in input order, in ``processes`` processes: this one
    and ``processes - 1`` helpers. An exception raised by ``work`` is raised here. ``chunk``: the
    most items claimed at once. ``start_method``: None forks where the platform can (else
    multiprocessing's default); a multiprocessing start method ("spawn", as on Windows and macOS,
    pickles ``work`` and the items) starts the helpers with multiprocessing."""
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
    """Items from ``first`` on, done here and in ``processes - 1`` helpers, yielded in order. An
    exception raised by ``work`` is raised in its place: after every result before it, as one
    process would."""
    if start_method is None and hasattr(os, "fork"):
        team = _Forked(work, items, first, processes, largest)
    else:
        team = _Started(work, items, first, processes, largest, start_method)
    claims, live = team.claims, list(team.conns)
    n, out, done = len(items), first, {}
    fail_at = n  # the first item whose work raised: nothing after it is needed

    def receive(block: bool) -> None:
        nonlocal fail_at
        for conn in team.ready(live, block):
            try:
                start, results, error = conn.recv()
            except EOFError:  # finished — or gone, if items are left unclaimed
                if fail_at == n and claims.left(n):
                    raise RuntimeError("zzreview: 一个工作进程意外退出") from None
                live.remove(conn)
                continue
            for k, result in enumerate(results, start):
                done[k] = result
            if error is not None:
                done[start + len(results)] = _Failed(error)
                fail_at = min(fail_at, start + len(results))

    def in_order() -> Iterator[R]:
        nonlocal out
        while out in done:
            result = done.pop(out)
            if type(result) is _Failed:
                raise result.error
            yield result
            out += 1

    try:
        while out < n:
            span = None if fail_at < n else claims.take(n, largest, processes)
            if span is None:
                if out not in done:
                    if not live:
                        raise RuntimeError("zzreview: 一个工作进程意外退出")
                    receive(block=True)
            else:
                for k in range(*span):
                    if k > fail_at:
                        break
                    try:
                        done[k] = work(items[k])
                    except Exception as exc:  # raised when its turn comes
                        done[k] = _Failed(exc)
                        fail_at = min(fail_at, k)
                    if live:
                        receive(block=False)
                    yield from in_order()
            yield from in_order()
        team.join()  # each helper leaves once nothing is left to claim, after writing its caches
    finally:
        team.stop()


class _Failed:
    """An exception raised by ``work``, kept at the place of the item it was raised for."""

    __slots__ = ("error",)

    def __init__(self, error: BaseException):
        self.error = error


class _Forked:
    """``processes - 1`` helpers forked from this process: they share all it has loaded."""

    def __init__(self, work: Callable, items: list, first: int, processes: int, largest: int):
        import gc
        import pickle  # here, once: not again in each helper
        import select
        import signal
        import sys

        self._poll, self._kill = select.poll, signal.SIGKILL  # stop() may run as Python shuts down
        self.claims = Baton(first)
        self.conns: list[_Receiver] = []
        self._pids: list[int] = []
        self._ended: set[int] = set()  # helpers found gone (waited for) while the position was missing
        parent = os.getpid()
        for stream in (sys.stdout, sys.stderr):
            stream.flush()  # what is buffered is written once, by this process
        gc.freeze()  # what this process holds is never scanned in the helpers: fewer copied pages
        try:
            for _ in range(processes - 1):
                r, w = os.pipe()
                self.conns.append(_Receiver(r, pickle.loads))  # closed by stop() whatever happens next
                try:
                    _widen(w)
                    pid = os.fork()
                except BaseException:
                    os.close(w)
                    raise
                if pid == 0:  # the helper: leaves here, never returns to the caller's code
                    code = 1
                    try:
                        for conn in self.conns:  # the results pipes' reading ends are the parent's
                            conn.close()
                        self.claims.lost = lambda: os.getppid() != parent
                        _help(_Sender(w, pickle.dumps), self.claims, largest, processes, work, items)
                        code = 0
                    finally:
                        os._exit(code)
                os.close(w)
                self._pids.append(pid)
        except BaseException:  # a fork or a pipe refused, or Ctrl-C: no helper is left behind
            self.stop()
            raise
        finally:
            gc.unfreeze()  # the helpers have their copy; this process collects as before
        self.claims.lost = self._a_helper_ended

    def _a_helper_ended(self) -> bool:
        for pid in self._pids:
            if pid not in self._ended and os.waitpid(pid, os.WNOHANG)[0] == pid:
                self._ended.add(pid)
        return bool(self._ended)

    def ready(self, conns: list, block: bool) -> list:
        """The helpers' pipes that have something to read, or have ended (waiting when ``block``)."""
        return _readable(self._poll, conns, None if block else 0)

    def join(self) -> None:
        while self._pids:
            pid = self._pids.pop()
            if pid not in self._ended:
                os.waitpid(pid, 0)

    def stop(self) -> None:
        for conn in self.conns:  # first: a helper blocked in writing a result gets EPIPE
            conn.close()
        while self._pids:
            pid = self._pids.pop()
            if pid in self._ended:
                continue
            try:
                os.kill(pid, self._kill)  # only on an error or an early stop: nothing of theirs to keep
                os.waitpid(pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
        self.claims.close()


def _readable(make_poll, conns: list, timeout: float | None) -> list:
    """Those of ``conns`` (objects with fileno()) ready to read or closed at the other end, waiting
    up to ``timeout`` seconds (None: until one is). poll, not select: no limit on fd numbers."""
    poll = make_poll()
    for conn in conns:
        poll.register(conn.fileno(), 1)  # select.POLLIN; POLLHUP and POLLERR are always reported
    fds = {fd for fd, _ in poll.poll(None if timeout is None else timeout * 1000)}
    return [conn for conn in conns if conn.fileno() in fds]


def _widen(fd: int) -> None:
    """A results pipe as wide as the system allows without privileges (Linux: 16× the default), so
    that a helper sending a chunk of JSON reports seldom waits for this process to read it."""
    try:
        import fcntl

        fcntl.fcntl(fd, fcntl.F_SETPIPE_SZ, _PIPE_SIZE)
    except (ImportError, AttributeError, OSError):  # not Linux, or a lower limit: the default size
        pass


class Baton:
    """The next unclaimed item, for forked helpers: one 8-byte number in a pipe. A claim reads it
    (eight bytes come out of a pipe whole), takes its span and writes the next number back, so the
    process holding the number is the only one claiming and the others wait for it.

    A process holds the number for microseconds. One killed in between takes it along: a process
    that has waited ``_BATON_WAIT`` seconds asks ``lost`` (set in each process: has a helper ended,
    has the parent gone) and, when the answer stays yes, raises instead of waiting for ever."""

    def __init__(self, first: int = 0):
        import select

        self._poll = select.poll
        self._r, self._w = os.pipe()
        os.set_blocking(self._r, False)  # a claim waits in poll, from where it can look up
        os.write(self._w, first.to_bytes(8, "little"))
        self.lost: Callable[[], bool] | None = None

    def left(self, n: int) -> bool:
        """Whether some of the ``n`` items are not claimed yet."""
        start = self._hold()
        self._give(start)
        return start < n

    def take(self, n: int, largest: int, processes: int) -> tuple[int, int] | None:
        """The span [start, stop) the caller is to do next, or None when all are claimed."""
        start = self._hold()
        stop = start if start >= n else start + chunk_size(n - start, largest, processes)
        self._give(stop)
        return None if start >= n else (start, stop)

    def _hold(self) -> int:
        doubts = 0
        while True:
            try:
                return int.from_bytes(os.read(self._r, 8), "little")
            except BlockingIOError:  # another process holds it
                pass
            if _readable(self._poll, [self], _BATON_WAIT):
                doubts = 0
            elif self.lost is not None and self.lost():
                doubts += 1
                if doubts >= 3:
                    raise RuntimeError("zzreview: 一个工作进程意外退出")

    def _give(self, position: int) -> None:
        os.write(self._w, position.to_bytes(8, "little"))

    def fileno(self) -> int:  # for _readable
        return self._r

    def close(self) -> None:
        for fd in (self._r, self._w):
            try:
                os.close(fd)
            except OSError:  # closed already
                pass
        self._r = self._w = -1


class _Sender:
    """A forked helper's end of its results pipe: each message pickled, after its length."""

    def __init__(self, fd: int, dumps: Callable):
        self._fd, self._dumps = fd, dumps

    def send(self, obj) -> None:
        data = self._dumps(obj, -1)  # the highest protocol
        view = memoryview(len(data).to_bytes(8, "little") + data)
        while view:
            view = view[os.write(self._fd, view):]

    def close(self) -> None:
        os.close(self._fd)


class _Receiver:
    """This process's end of a forked helper's results pipe."""

    def __init__(self, fd: int, loads: Callable):
        self._fd, self._loads = fd, loads

    def fileno(self) -> int:  # for _readable
        return self._fd

    def recv(self):
        """The next message; EOFError when the helper has closed its end (finished or gone)."""
        return self._loads(self._read(int.from_bytes(self._read(8), "little")))

    def _read(self, size: int) -> bytes:
        parts = []
        while size:
            part = os.read(self._fd, size)
            if not part:
                raise EOFError
            parts.append(part)
            size -= len(part)
        return b"".join(parts)

    def close(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1


class _Started:
    """``processes - 1`` helpers started by multiprocessing (``start_method``; spawn pickles
    ``work`` and the items for each)."""

    def __init__(self, work: Callable, items: list, first: int, processes: int, largest: int,
                 start_method: str | None):
        import multiprocessing
        from multiprocessing.connection import wait

        self._wait = wait
        ctx = multiprocessing.get_context(start_method)
        self.claims = Claims(ctx, first)
        self._helpers = []
        for _ in range(processes - 1):
            here, there = ctx.Pipe()
            process = ctx.Process(target=_help, args=(there, self.claims, largest, processes, work, items),
                                  daemon=True)
            process.start()
            there.close()
            self._helpers.append((process, here))
        self.conns = [conn for _, conn in self._helpers]

    def ready(self, conns: list, block: bool) -> list:
        """The helpers' connections that have something to read (waiting for one when ``block``)."""
        return self._wait(conns) if block else [c for c in conns if c.poll()]

    def join(self) -> None:
        for process, _ in self._helpers:
            process.join()

    def stop(self) -> None:
        for process, conn in self._helpers:
            if process.is_alive():
                process.terminate()
                process.join()
            conn.close()


class Claims:
    """The next unclaimed item, for helpers started by multiprocessing: a shared number and a lock."""

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


def _portable(exc: Exception) -> Exception:
    """``exc`` if it comes back whole through pickle, else a RuntimeError with its type and text
    (an exception class whose __init__ takes other arguments than its args does not)."""
    import pickle

    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:
        return RuntimeError(f"{type(exc).__name__}: {exc}")


def _help(conn, claims: Baton | Claims, largest: int, processes: int, work: Callable, items: list) -> None:
    """A helper: claim and do chunks until none are left, sending back each chunk's results."""
    from zzreview import lazy_regex

    try:
        while (span := claims.take(len(items), largest, processes)) is not None:
            start, stop = span
            results, error = [], None
            try:
                for k in range(start, stop):
                    results.append(work(items[k]))
            except Exception as exc:  # raised again in the parent, after the results before it
                error = _portable(exc)
            try:
                conn.send((start, results, error))
            except Exception as exc:  # a result that does not pickle
                conn.send((start, [], RuntimeError(f"{type(exc).__name__}: {exc}")))
            if error is not None:
                break  # the parent stops at it: nothing after it is needed
    except (OSError, KeyboardInterrupt):
        pass
    finally:
        lazy_regex.write_cache()  # what this helper compiled is there for the next run
        conn.close()
