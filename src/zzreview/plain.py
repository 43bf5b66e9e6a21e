"""Plain data (dicts, lists) of dataclass instances, as ``dataclasses.asdict`` gives it.

``asdict`` deep-copies every leaf and looks up the fields of each instance anew; the facts
here hold only strings, numbers, None and nested dataclasses, lists and dicts, so a direct walk
with the field names cached per class gives the same dicts several times faster."""

from __future__ import annotations

from dataclasses import fields, is_dataclass

_NAMES: dict[type, tuple[str, ...]] = {}


def as_plain(obj):
    """``dataclasses.asdict(obj)`` for facts made of str/int/float/bool/None and containers."""
    cls = type(obj)
    if cls in (str, int, float, bool) or obj is None:
        return obj
    if cls is list:
        return [as_plain(v) for v in obj]
    if cls is dict:
        return {as_plain(k): as_plain(v) for k, v in obj.items()}
    if cls is tuple:
        return tuple(as_plain(v) for v in obj)
    names = _NAMES.get(cls)
    if names is None:
        if not is_dataclass(obj):
            raise TypeError(f"not plain data: {cls.__name__}")
        names = _NAMES[cls] = tuple(f.name for f in fields(obj))
    return {n: as_plain(getattr(obj, n)) for n in names}
