"""readers.limits.read_bounded: a regular file's bytes, up to the limit, read from its descriptor."""

from __future__ import annotations

import os

import pytest

from zzreview.errors import ReadError
from zzreview.readers import limits


@pytest.mark.parametrize("size", [0, 1, 4095, 4096, 65537])
def test_the_whole_file_up_to_the_limit(tmp_path, size):
    p = tmp_path / "a.md"
    data = bytes(range(256)) * (size // 256) + bytes(size % 256)
    p.write_bytes(data)
    assert limits.read_bounded(p) == data
    assert limits.read_bounded(p, limit=size) == data
    if size:
        with pytest.raises(ReadError) as e:
            limits.read_bounded(p, limit=size - 1)
        assert e.value.code == "too-large"


def test_a_file_that_grew_after_its_size_was_taken_is_read_to_its_end_or_refused(tmp_path, monkeypatch):
    p = tmp_path / "a.md"
    p.write_bytes(b"x" * 5000)
    real = os.fstat

    class Smaller:  # the size the file had when looked at: 1,000 bytes
        def __init__(self, st):
            self.st_mode, self.st_size = st.st_mode, 1000

    monkeypatch.setattr(limits.os, "fstat", lambda fd: Smaller(real(fd)))
    assert limits.read_bounded(p, limit=8000) == b"x" * 5000
    with pytest.raises(ReadError):
        limits.read_bounded(p, limit=3000)


def test_reads_that_return_less_than_asked_are_continued(tmp_path, monkeypatch):
    p = tmp_path / "a.md"
    p.write_bytes(b"0123456789" * 100)
    real = os.read
    monkeypatch.setattr(limits.os, "read", lambda fd, n: real(fd, min(n, 7)))
    assert limits.read_bounded(p) == b"0123456789" * 100


def test_no_descriptor_is_left_open_when_read_or_refused(tmp_path, monkeypatch):
    p = tmp_path / "a.md"
    p.write_bytes(b"x" * 100)
    def lowest_free() -> int:  # POSIX: open gives the lowest descriptor not in use
        fd = os.open(p, os.O_RDONLY)
        os.close(fd)
        return fd

    before = lowest_free()
    for _ in range(50):
        limits.read_bounded(p)
    real = os.fstat
    monkeypatch.setattr(limits.os, "fstat", lambda fd: os.stat_result((*real(fd)[:6], 10, *real(fd)[7:])))
    for _ in range(50):  # refused after opening: it grew past the limit since it was looked at
        with pytest.raises(ReadError):
            limits.read_bounded(p, limit=50)
    assert lowest_free() == before
