"""Results kept between runs, so that a run starts without redoing what the last one did.

The folder is ``$ZZREVIEW_CACHE_DIR`` (``off`` keeps nothing), else ``$XDG_CACHE_HOME/zzreview`` or
``~/.cache/zzreview``. A ``Kept`` file is one ``marshal``ed dict (data only, never code), read on
first use and written back at exit when something was added; a file that does not read back is
ignored, and a folder that cannot be written only means the work is done again next time.
"""

from __future__ import annotations

import atexit
import marshal
import os
import sys
import threading

_FORMAT = 2  # 2: each value marshalled on its own (decoded on first use)
_MISSING = object()


_dirs: dict[tuple, str | None] = {}  # the environment variables that decide → the folder


def cache_dir() -> str | None:
    env = tuple(os.environ.get(k) for k in ("ZZREVIEW_CACHE_DIR", "XDG_CACHE_HOME", "HOME"))
    if env not in _dirs:
        _dirs[env] = _find_dir(*env[:2])
    return _dirs[env]


def _find_dir(where: str | None, xdg: str | None) -> str | None:
    if where == "off":
        return None
    if where:
        return where
    if not xdg:
        home = os.path.expanduser("~")
        if home.startswith("~"):  # no home directory to be found: no cache
            return None
        xdg = os.path.join(home, ".cache")
    return os.path.join(xdg, "zzreview")


class Kept:
    """A dict kept in ``<cache_dir>/<name>-pyXY-fN.marshal``, at most ``limit`` keys. Each value is
    stored as its own marshal bytes and decoded on first use: a run pays for the entries it uses,
    not for all that runs before it kept."""

    def __init__(self, name: str, limit: int = 500, keep=None):
        """``keep(key)``: whether an entry is still worth its place, asked of every entry when the
        file is written (e.g. ``os.path.exists`` for entries keyed by a file that may be gone)."""
        self.name, self.limit, self.keep = name, limit, keep
        self._lock = threading.RLock()
        self._raw: dict | None = None  # key → marshal bytes, as read; None: not read yet
        self._items: dict = {}  # key → value, decoded or put in this run
        self._new: dict = {}  # key → marshal bytes put in this run
        self._count = 0
        self._added = False
        self._off = True  # set when first used

    def _file(self) -> str | None:
        base = cache_dir()
        version = f"py{sys.version_info[0]}{sys.version_info[1]}-f{_FORMAT}"  # another layout, another file
        return os.path.join(base, f"{self.name}-{version}.marshal") if base else None

    def _read(self) -> dict:
        """The file's entries, key → marshal bytes of the value ({} when it does not read back)."""
        path = self._file()
        try:
            if path:
                with open(path, "rb") as f:
                    data = marshal.loads(f.read())
            else:
                data = None
        except (OSError, ValueError, EOFError, TypeError):
            data = None
        if not (isinstance(data, tuple) and len(data) == 2 and data[0] == _FORMAT and isinstance(data[1], dict)
                and all(type(v) is bytes for v in data[1].values())):
            return {}
        return data[1]

    def _loaded(self) -> dict:
        if self._raw is None:
            self._off = self._file() is None
            self._raw = {} if self._off else self._read()
            self._count = len(self._raw)  # keys held or put
            atexit.register(self.write)
        return self._raw

    def off(self) -> bool:
        """Whether this run keeps nothing (no cache folder, or ``off``), as found when first used."""
        with self._lock:
            self._loaded()
            return self._off

    def get(self, key):
        with self._lock:
            value = self._items.get(key, _MISSING)
            if value is not _MISSING:
                return value
            raw = self._loaded().get(key)
            if raw is None:
                return None
            try:
                value = marshal.loads(raw)
            except (ValueError, EOFError, TypeError):
                value = None
            self._items[key] = value
            return value

    def stamped(self, key, stamp, compute):
        """The value kept under ``key`` with this ``stamp`` (e.g. a file's size and times), else
        ``compute()``, then kept with the stamp: a changed stamp is never served a stale value."""
        kept = self.get(key)
        if kept is not None and kept[0] == stamp:
            return kept[1]
        value = compute()
        self.put(key, (stamp, value))
        return value

    def put(self, key, value) -> None:
        """Keep ``value`` (plain data that marshal writes: dicts, lists, strings, numbers)."""
        try:
            raw = marshal.dumps(value)
        except ValueError:  # dates and other objects: not kept
            return
        with self._lock:
            held = self._loaded()
            if key not in held and key not in self._new:
                if self._count >= self.limit:  # a full file still takes updates, not new keys
                    return
                self._count += 1
            self._new[key] = raw
            self._items[key] = value
            self._added = True

    def write(self) -> None:
        path = self._file()
        if not (self._added and path):
            return
        with self._lock:
            merged = {**self._read(), **self._new}  # another run may have added items meanwhile
            if self.keep is not None:
                merged = {k: v for k, v in merged.items() if self.keep(k)}
            while len(merged) > self.limit:
                merged.pop(next(iter(merged)))
            try:
                os.makedirs(os.path.dirname(path), exist_ok=True)
                tmp = f"{path}.{os.getpid()}.tmp"
                with open(tmp, "wb") as f:
                    f.write(marshal.dumps((_FORMAT, merged)))
                os.replace(tmp, path)
            except (OSError, ValueError):
                pass
            self._added = False
