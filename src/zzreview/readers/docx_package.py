"""Open a .docx package within bounds: only the parts a review reads (the main document, its
styles, footnotes and endnotes), each checked for its inflated size before it is read, without
DOCTYPE (Word itself refuses entity declarations). lxml and zipfile only: python-docx is loaded
only where a .docx is written.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib

from zzreview.errors import ReadError
from zzreview.readers.limits import max_part_bytes, max_parts, mb

_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
OFFICE_DOCUMENT, STYLES, FOOTNOTES, ENDNOTES = (RELS + t for t in ("officeDocument", "styles", "footnotes", "endnotes"))
_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml."
MAIN_TYPE, STYLES_TYPE = _WML + "document.main+xml", _WML + "styles+xml"
_BROKEN = (zipfile.BadZipFile, OSError, ValueError, EOFError, KeyError, NotImplementedError, zlib.error)


def _rels_name(partname: str) -> str:
    folder, name = posixpath.split(partname)
    return posixpath.join(folder, "_rels", f"{name}.rels")


def read_member(z: zipfile.ZipFile, name: str) -> bytes:
    """One member, refused before inflating when its size is over the part limit."""
    limit = max_part_bytes()
    info = z.getinfo(name)
    if info.file_size > limit:
        raise ReadError("too-large", f"文件过大：{name} 解压后 {mb(info.file_size)}，超过 {mb(limit)} 的上限"
                                     "（可用环境变量 ZZREVIEW_MAX_PART_MB 调高）")
    with z.open(info) as fh:  # zipfile stops at the declared size
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise ReadError("too-large", f"文件过大：{name} 解压后超过 {mb(limit)} 的上限")
    if b"<!DOCTYPE" in data[:65536] or "<!DOCTYPE".encode("utf-16-le") in data[:65536]:
        raise ReadError("doctype", f"{name} 含有 DOCTYPE（实体声明），Word 文档不应有，拒绝读取")
    return data


def corrupt(reason: str = "") -> ReadError:
    return ReadError("corrupt", f"文件已损坏，无法作为 .docx 打开{f'（{reason}）' if reason else ''}")


def parse_xml(data: bytes, name: str):
    """An XML part as python-docx parses it (blank text between elements dropped), without entities
    or network access."""
    from lxml import etree

    parser = etree.XMLParser(remove_blank_text=True, resolve_entities=False, no_network=True, huge_tree=False)
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError:
        raise ReadError("corrupt", f"文件已损坏：{name} 不是有效的 XML") from None


class DocxPackage:
    """The parts of a .docx package, read on demand: relationships, content types and XML parts.
    Part names are absolute ("/word/document.xml"); ``read`` lists the members inflated so far."""

    def __init__(self, data: bytes):
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
            self._names = set(self._zip.namelist())
        except _BROKEN:
            raise corrupt() from None
        self.read: list[str] = []
        self._rels: dict[str, list[tuple[str, str]]] = {}  # source part → (type, target) in order
        if "[Content_Types].xml" not in self._names:
            raise corrupt("缺少 [Content_Types].xml")
        types = self.xml("/[Content_Types].xml")
        self._overrides = {(o.get("PartName") or "").lower(): o.get("ContentType") or ""
                           for o in types.iter(f"{{{_CT_NS}}}Override")}
        self._defaults = {(d.get("Extension") or "").lower(): d.get("ContentType") or ""
                          for d in types.iter(f"{{{_CT_NS}}}Default")}

    def member(self, partname: str) -> bytes:
        name = partname.lstrip("/")
        try:
            data = read_member(self._zip, name)
        except _BROKEN:
            raise corrupt() from None
        self.read.append(name)
        return data

    def xml(self, partname: str):
        return parse_xml(self.member(partname), partname.lstrip("/"))

    def content_type(self, partname: str) -> str | None:
        """The part's content type, by its name or else its extension; None when neither is declared."""
        if partname.lower() in self._overrides:
            return self._overrides[partname.lower()]
        return self._defaults.get(posixpath.splitext(partname)[1][1:].lower())

    def related(self, source: str, reltype: str) -> list[str]:
        """The parts that ``source`` ("/" for the package) relates to by ``reltype``, in the order of
        its relationships; external targets and targets missing from the package are left out."""
        if source not in self._rels:
            self._rels[source] = self._relationships(source)
        return [target for kind, target in self._rels[source] if kind == reltype]

    def _relationships(self, source: str) -> list[tuple[str, str]]:
        rels_name = "_rels/.rels" if source == "/" else _rels_name(source.lstrip("/"))
        if rels_name not in self._names:
            return []
        base = posixpath.dirname(source) if source != "/" else "/"
        out = []
        for rel in self.xml(rels_name):
            if rel.tag != f"{{{_REL_NS}}}Relationship" or rel.get("TargetMode") == "External":
                continue
            target = posixpath.normpath(posixpath.join(base, rel.get("Target") or ""))
            if target.lstrip("/") in self._names:
                out.append((rel.get("Type") or "", target if target.startswith("/") else "/" + target))
        return out


def check_members(data: bytes) -> None:
    """Every member of the package within the part limit (for a copy that keeps all parts)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            if len(z.infolist()) > max_parts():
                raise ReadError("too-large", f"文件过大：包含 {len(z.infolist())} 个部件，超过 {max_parts()} 个的上限"
                                             "（可用环境变量 ZZREVIEW_MAX_PARTS 调高）")
            for info in z.infolist():
                if info.file_size > max_part_bytes():
                    raise ReadError("too-large", f"文件过大：{info.filename} 解压后 {mb(info.file_size)}，"
                                                 f"超过 {mb(max_part_bytes())} 的上限（可用环境变量 ZZREVIEW_MAX_PART_MB 调高）")
    except (zipfile.BadZipFile, OSError, ValueError):
        raise ReadError("corrupt", "文件已损坏，无法作为 .docx 打开") from None
