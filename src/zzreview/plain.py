"""Plain data (dicts, lists) of records, as ``dataclasses.asdict`` gives it for dataclasses.

The facts here hold only strings, numbers, None and nested records, lists and dicts; a direct
walk over each record's ``_fields`` gives the dicts (keys in field order: the JSON contract)."""

from __future__ import annotations

from zzreview.record import Record


def as_plain(obj):
    """Dicts of records (key order = field order), lists, tuples and dicts of plain values."""
    cls = type(obj)
    if cls in (str, int, float, bool) or obj is None:
        return obj
    if cls is list:
        return [as_plain(v) for v in obj]
    if cls is dict:
        return {as_plain(k): as_plain(v) for k, v in obj.items()}
    if cls is tuple:
        return tuple(as_plain(v) for v in obj)
    if not isinstance(obj, Record):
        raise TypeError(f"not plain data: {cls.__name__}")
    return {n: as_plain(getattr(obj, n)) for n in obj._fields}
