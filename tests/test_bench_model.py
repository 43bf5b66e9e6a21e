"""The benchmark's bound on what --jobs can give (benchmarks/bench.py: amdahl)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

_spec = importlib.util.spec_from_file_location("bench", Path(__file__).parents[1] / "benchmarks" / "bench.py")
bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)


def test_no_start_up_gives_the_ceiling():
    assert bench.amdahl(0.8, 0.0, 1.9) == pytest.approx(1.9)


def test_a_run_that_is_all_start_up_gains_nothing():
    assert bench.amdahl(0.05, 0.05, 2.0) == pytest.approx(1.0)


def test_start_up_lowers_the_bound_below_the_ceiling():
    # 60 ms of a 750 ms run cannot be shared: at a ceiling of 2 the bound is 750 / (60 + 345) ms
    assert bench.amdahl(0.75, 0.06, 2.0) == pytest.approx(0.75 / 0.405)
    assert bench.amdahl(0.75, 0.06, 2.0) < bench.amdahl(7.5, 0.06, 2.0) < 2.0
