"""Word 97-2003 (.doc), WPS, RTF and OpenDocument drafts → .docx through LibreOffice.

Each conversion runs ``soffice --headless`` in a private temporary directory with its own user
profile (so it neither sees nor disturbs the user's LibreOffice), with macros, update checks and
the updating of linked content switched off (no network), under a time limit; the directory is
removed afterwards, whatever happened. The input bytes are copied there, never opened in place.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from zzreview.errors import ReadError

SOFFICE_ENV = "ZZREVIEW_SOFFICE"  # path of the soffice program, when it is not on PATH
TIMEOUT_SECONDS = 120
INSTALL_HINT = "请安装 LibreOffice（例如 apt-get install libreoffice-writer-nogui），或用 Word/WPS 另存为 .docx 后再审查"
_NAMES = ("soffice", "libreoffice")
_PLACES = ("/Applications/LibreOffice.app/Contents/MacOS/soffice",
           r"C:\Program Files\LibreOffice\program\soffice.exe")

# The private profile: no macros, no update check, linked content (images, OLE links, fields that
# fetch) never updated, untrusted referers blocked.
_PROFILE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" \
xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="MacroSecurityLevel" \
oor:op="fuse"><value>3</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="DisableMacrosExecution" \
oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="BlockUntrustedRefererLinks" \
oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Jobs/Jobs/org.openoffice.Office.Jobs:Job['UpdateCheck']/Arguments">\
<prop oor:name="AutoCheckEnabled" oor:op="fuse"><value>false</value></prop></item>
<item oor:path="/org.openoffice.Office.Writer/Content/Update"><prop oor:name="Link" oor:op="fuse">\
<value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="UseOpenCL" oor:op="fuse">\
<value>false</value></prop></item>
</oor:items>
"""

FILTERS = {"docx": "docx:MS Word 2007 XML", "pdf": "pdf:writer_pdf_Export", "doc": "doc:MS Word 97",
           "odt": "odt:writer8", "rtf": "rtf:Rich Text Format"}

# What LibreOffice should think the copied input is, by the sniffed format.
_INPUT_SUFFIX = {"doc": ".doc", "cfb": ".wps", "rtf": ".rtf", "odt": ".odt", "docx": ".docx"}


def find_soffice() -> str | None:
    """The soffice program: $ZZREVIEW_SOFFICE, else on PATH, else the usual install places."""
    forced = os.environ.get(SOFFICE_ENV)
    if forced is not None:
        return forced if forced and Path(forced).is_file() else None
    for name in _NAMES:
        found = shutil.which(name)
        if found:
            return found
    return next((p for p in _PLACES if Path(p).is_file()), None)


def _environment(tmp: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.lower().endswith("_proxy")}
    env.update(HOME=str(tmp), TMPDIR=str(tmp), SAL_USE_VCLPLUGIN="svp")
    return env


def _run(cmd: list[str], tmp: Path, timeout: float) -> None:
    proc = subprocess.Popen(cmd, cwd=tmp, env=_environment(tmp), stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=(os.name == "posix"))
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        if os.name == "posix":
            os.killpg(proc.pid, signal.SIGKILL)  # soffice starts soffice.bin: end the whole group
        else:
            proc.kill()
        proc.wait()
        raise ReadError("convert-timeout", f"LibreOffice 转换超过 {timeout:g} 秒仍未完成，已中止") from None


def convert(data: bytes, kind: str, target: str = "docx", timeout: float = TIMEOUT_SECONDS) -> bytes:
    """``data`` (sniffed as ``kind``) converted by LibreOffice to ``target`` (a key of FILTERS)."""
    soffice = find_soffice()
    if soffice is None:
        raise ReadError("needs-libreoffice", f"读取 .{kind} 文件需要 LibreOffice：{INSTALL_HINT}")
    with tempfile.TemporaryDirectory(prefix="zzreview-lo-") as tmpdir:
        tmp = Path(tmpdir)
        profile = tmp / "profile"
        (profile / "user").mkdir(parents=True)
        (profile / "user" / "registrymodifications.xcu").write_text(_PROFILE, encoding="utf-8")
        source = tmp / f"draft{_INPUT_SUFFIX.get(kind, '.' + kind)}"
        source.write_bytes(data)
        out = tmp / "out"
        _run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--invisible",
              "--nologo", "--norestore", "--nolockcheck", "--nodefault",
              "--convert-to", FILTERS[target], "--outdir", str(out), str(source)], tmp, timeout)
        result = out / f"{source.stem}.{target}"
        if not result.is_file() or result.stat().st_size == 0:
            raise ReadError("convert-failed", "LibreOffice 无法转换该文件（文件可能已损坏或加密），"
                                              "请用 Word/WPS 另存为 .docx 后再审查")
        return result.read_bytes()
