"""Word packages built for tests and the hostile-input campaign: a plain .docx, and a package
with members replaced or added (large members streamed, so no big file is held in memory)."""

from __future__ import annotations

import io
import zipfile


def make_docx(paragraphs: list[str]) -> bytes:
    """A .docx holding one paragraph per string (written by python-docx)."""
    import docx

    d = docx.Document()
    for p in paragraphs:
        d.add_paragraph(p)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def rezip(data: bytes, replace: dict | None = None, add: dict | None = None) -> bytes:
    """The package with members replaced or added. A value is the member's bytes, None (the member
    is dropped), or (prefix, size[, fill]): ``prefix`` then ``fill`` (default a space) repeated to
    ``size`` bytes, streamed and deflated."""
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            _write(out, info.filename, (replace or {}).get(info.filename, src.read(info.filename)))
        for name, blob in (add or {}).items():
            _write(out, name, blob)
    return buf.getvalue()


def _write(z: zipfile.ZipFile, name: str, blob) -> None:
    if blob is None:
        return
    if not isinstance(blob, tuple):
        z.writestr(name, blob)
        return
    prefix, size, fill = (*blob, b" ") if len(blob) == 2 else blob
    info = zipfile.ZipInfo(name)
    info.compress_type = zipfile.ZIP_DEFLATED
    with z.open(info, "w", force_zip64=True) as fh:
        fh.write(prefix)
        chunk = fill * (1024 * 1024 // len(fill))
        left = size
        while left > 0:
            fh.write(chunk[:left])
            left -= len(chunk)
