"""What a file is, from its first bytes rather than its name.

A .doc renamed .docx, a WPS file saved with a .doc name, an RTF or PDF under any name: the
reader is chosen by the content. Text formats (Markdown, plain text) have no signature and are
left to the file name.
"""

from __future__ import annotations

CFB_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")  # OLE compound file: Word 97-2003, WPS, Excel…
_ODT_MIME = b"application/vnd.oasis.opendocument.text"


def _zip_kind(data: bytes) -> str:
    import io
    import zipfile  # only for zip-based files: a Markdown hook run never needs it

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            names = set(z.namelist())
            if "word/document.xml" in names:
                return "docx"
            if "mimetype" in names:
                with z.open("mimetype") as f:
                    if f.read(len(_ODT_MIME) + 16).strip().startswith(_ODT_MIME):
                        return "odt"
    except (zipfile.BadZipFile, OSError, ValueError, KeyError, NotImplementedError, RuntimeError):
        return "zip"
    return "zip"


def sniff(data: bytes) -> str | None:
    """"pdf", "rtf", "doc" (a Word binary, as WPS also writes), "cfb" (another compound file),
    "encrypted" (an encrypted Office file), "docx", "odt", "zip" (another or broken zip),
    or None (no binary signature: text)."""
    head = data[:1024].lstrip(b"\xef\xbb\xbf\r\n\t ")
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if data.startswith(CFB_MAGIC):
        if "EncryptionInfo".encode("utf-16-le") in data:
            return "encrypted"
        return "doc" if "WordDocument".encode("utf-16-le") in data else "cfb"
    if data.startswith(b"PK"):
        return _zip_kind(data)
    return None
