"""Records (zzreview.record) behave as the dataclasses they replace: fields in ``__init__`` order,
equality by class and fields, a dataclass-style repr, replace(), frozen records immutable and hashable."""

from __future__ import annotations

import importlib
import inspect
import pickle
import pkgutil

import pytest

import zzreview
from zzreview.model import Finding, Location, RuleInfo
from zzreview.record import Frozen, Record


def _every_record_class() -> list[type]:
    for m in pkgutil.walk_packages(zzreview.__path__, "zzreview."):
        if m.name != "zzreview.__main__":  # runs the command line
            importlib.import_module(m.name)
    found, todo = [], [Record]
    while todo:
        for sub in todo.pop().__subclasses__():
            todo.append(sub)
            if sub is not Frozen:
                found.append(sub)
    return found


def test_every_record_takes_its_fields_in_order_and_sets_them():
    classes = _every_record_class()
    assert len(classes) >= 40
    for cls in classes:
        params = list(inspect.signature(cls.__init__).parameters.values())[1:]
        assert tuple(p.name for p in params) == cls._fields, cls.__qualname__
        assert all(p.kind is p.POSITIONAL_OR_KEYWORD for p in params), cls.__qualname__
        required = {p.name: f"value of {p.name}" for p in params if p.default is p.empty}
        made = cls(**required)
        for name in cls._fields:
            assert hasattr(made, name), (cls.__qualname__, name)
        assert made == cls(**required)
        assert made.replace() == made


def test_equality_repr_and_replace_are_those_of_a_dataclass():
    a = Location(3, 4, 5, "第二条")
    assert a == Location(block=3, line=4, column=5, article="第二条", page=None)
    assert a != Location(3, 4, 6, "第二条")
    assert repr(a) == "Location(block=3, line=4, column=5, article='第二条', page=None)"
    assert a.replace(page=2) == Location(3, 4, 5, "第二条", 2) and a.page is None
    with pytest.raises(TypeError):
        hash(a)
    f = Finding("ZZ101", "expired-reference", "error", "m", "q", a, "b", "s")
    assert f.confidence == "high" and f.extra == {} and f.extra is not Finding(*[None] * 8).extra
    assert f != a and (f == object()) is False


def test_a_frozen_record_cannot_change_and_hashes_by_its_fields():
    info = RuleInfo("ZZ101", "expired-reference", "expired-law", "error", "标题", "说明")
    with pytest.raises(AttributeError):
        info.code = "ZZ102"
    with pytest.raises(AttributeError):
        del info.code
    same = RuleInfo(code="ZZ101", check="expired-reference", name="expired-law", severity="error", title="标题",
                    doc="说明")
    assert {info: 1}[same] == 1
    assert pickle.loads(pickle.dumps(info)) == info
    assert list(vars(info)) == list(RuleInfo._fields)  # the rules table lists the fields in this order
