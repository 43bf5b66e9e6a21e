"""Plain data classes without the ``dataclasses`` module.

``@dataclass`` imports inspect (and with it ast, dis, tokenize) and compiles an ``__init__``,
``__repr__`` and ``__eq__`` for every class at import: ~25 ms of the ~90 ms a one-file review
took. The classes on the review path are Records instead: each names its fields in order in
``_fields`` and writes its ``__init__`` out (same order, names and defaults as the dataclass had);
Record gives what ``@dataclass`` gave from the fields: equality (same class, equal fields), a
dataclass-style repr, and the field names for ``plain.as_plain`` (JSON facts: keys in field order).
A ``Frozen`` record cannot be changed after ``__init__`` and hashes by its fields."""

from __future__ import annotations


class Record:
    """A class of plain data named by ``_fields``; not hashable (its fields may change)."""

    __slots__ = ()
    _fields: tuple[str, ...] = ()

    def _values(self) -> tuple:
        return tuple(getattr(self, n) for n in self._fields)

    def __eq__(self, other):
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()

    __hash__ = None  # type: ignore[assignment]

    def replace(self, **changes):
        """A new record of the same class with these fields changed (``dataclasses.replace``)."""
        return type(self)(**{**{n: getattr(self, n) for n in self._fields}, **changes})

    def __repr__(self) -> str:
        inner = ", ".join(f"{n}={getattr(self, n)!r}" for n in self._fields)
        return f"{type(self).__qualname__}({inner})"


class Frozen(Record):
    """A record that cannot be changed once made; hashable when its fields are. ``__init__`` sets
    the fields with ``_set``."""

    __slots__ = ()

    def _set(self, **values) -> None:
        self.__dict__.update(values)

    def __setattr__(self, name: str, value) -> None:
        raise AttributeError(f"cannot assign to field {name!r} of a frozen {type(self).__name__}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"cannot delete field {name!r} of a frozen {type(self).__name__}")

    def __hash__(self) -> int:
        return hash(self._values())
