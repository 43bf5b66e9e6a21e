"""Open a .docx package within bounds: only the XML parts a review needs, each checked for its
inflated size before it is read, without DOCTYPE (Word itself refuses entity declarations).

The result is a small package python-docx can open: images, embeddings and parts of other
relationship types are left out, so a huge or numerous unused part costs nothing.
"""

from __future__ import annotations

import io
import posixpath
import zipfile

from zzreview.errors import ReadError
from zzreview.readers.limits import max_part_bytes, max_parts, mb

# Relationship types (last segment of the Type URI) whose parts a review may read.
KEEP_TYPES = {"officeDocument", "styles", "numbering", "settings", "footnotes", "endnotes",
              "header", "footer", "comments", "fontTable", "theme", "core-properties"}
_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"


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


def _parse(data: bytes, name: str):
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError:
        raise ReadError("corrupt", f"文件已损坏：{name} 不是有效的 XML") from None


def slim_package(data: bytes) -> bytes:
    """The package with only the parts reachable through ``KEEP_TYPES`` relationships."""
    from lxml import etree

    try:
        z = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError):
        raise ReadError("corrupt", "文件已损坏，无法作为 .docx 打开") from None
    names = set(z.namelist())
    out: dict[str, bytes] = {}
    try:
        if "[Content_Types].xml" in names:
            out["[Content_Types].xml"] = read_member(z, "[Content_Types].xml")
        todo = ["/"]
        seen = {"/"}
        while todo:
            source = todo.pop()
            rels_name = "_rels/.rels" if source == "/" else _rels_name(source.lstrip("/"))
            if rels_name not in names:
                continue
            root = _parse(read_member(z, rels_name), rels_name)
            base = posixpath.dirname(source) if source != "/" else "/"
            for rel in list(root):
                reltype = (rel.get("Type") or "").rstrip("/").rsplit("/", 1)[-1]
                if rel.get("TargetMode") == "External":
                    continue
                target = posixpath.normpath(posixpath.join(base, rel.get("Target") or ""))
                if reltype not in KEEP_TYPES or target.lstrip("/") not in names:
                    root.remove(rel)
                    continue
                if target not in seen:
                    seen.add(target)
                    out[target.lstrip("/")] = read_member(z, target.lstrip("/"))
                    todo.append(target)
            out[rels_name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, KeyError, NotImplementedError):
        raise ReadError("corrupt", "文件已损坏，无法作为 .docx 打开") from None
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as slim:
        for name, blob in out.items():
            slim.writestr(name, blob)
    return buf.getvalue()


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
