"""Compare the Documents two versions of zzreview's readers make of the same files.

    python tools/compare_readers.py --old OLD_SRC FOLDER [FOLDER ...] [--cases DIR]

OLD_SRC is the ``src`` folder of another checkout (for example ``git archive main src checks``
unpacked somewhere); this checkout's readers are the new side. Every Markdown, text and .docx file
under the folders is read by both (title, 文号, issuer, date, directives and every block: kind,
level, text, line, column and the source position of every character, and the typed lines), and
each difference is printed with a count by kind (positions only; text, kinds or blocks; directives;
metadata). ``--cases DIR`` first writes generated edge cases (escapes, entities, comments, tables,
nesting around the limit, hostile repetitions) to DIR and compares them too; ``--random N`` adds N
random documents made of Markdown syntax, Chinese text and HTML (seeded: the same each run).
Exit status 1 when anything differs.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

SUFFIXES = (".md", ".markdown", ".txt", ".docx")


def _runs(block) -> list:
    """The positions of every character as canonical runs [offset, line, column, step]: equal runs
    mean equal positions character by character."""
    if not block.positions:
        return []
    out: list = []
    prev = None
    for k in range(len(block.text)):
        line, col = block.positions[k]
        run = out[-1] if out else None
        if run and prev[0] == line and col - prev[1] in (0, 1) and run[3] in (None, col - prev[1]):
            run[3] = col - prev[1]
        else:
            out.append([k, line, col, None])
        prev = (line, col)
    return out


def dump(paths: list[str]) -> dict[str, dict]:
    from zzreview.errors import ReadError
    from zzreview.readers import read_document

    out = {}
    for path in paths:
        try:
            doc = read_document(path)
        except ReadError as e:
            out[path] = {"error": e.code}
            continue
        except Exception as e:  # a reader that crashes: recorded, so the other side is still compared
            out[path] = {"error": f"crash: {type(e).__name__}"}
            continue
        out[path] = {
            "format": doc.format, "title": doc.title, "title_block": doc.title_block,
            "doc_number": doc.doc_number, "issuer": doc.issuer, "date": doc.date, "encoding": doc.encoding,
            "directives": [list(d) for d in doc.directives],
            "blocks": [[b.index, b.kind, b.level, b.text, b.line, b.column, _runs(b)] for b in doc.blocks],
            "typed_lines": [list(t) for t in doc.typed_lines()],
        }
    return out


def _files(folders: list[str]) -> list[str]:
    files = []
    for folder in folders:
        p = Path(folder)
        files += [str(f) for f in sorted(p.rglob("*") if p.is_dir() else [p]) if f.suffix.lower() in SUFFIXES]
    return files


def _old_dump(old_src: str, files: list[str]) -> dict[str, dict]:
    env = {**os.environ, "PYTHONPATH": old_src}
    r = subprocess.run([sys.executable, __file__, "--dump"], input=json.dumps(files), capture_output=True,
                       text=True, env=env)
    if r.returncode:
        sys.exit(f"the old side failed:\n{r.stderr}")
    return json.loads(r.stdout)


def _first_difference(a, b, where="") -> str:
    if isinstance(a, dict) and isinstance(b, dict):
        for k in sorted(set(a) | set(b)):
            if a.get(k) != b.get(k):
                return _first_difference(a.get(k), b.get(k), f"{where}.{k}")
    if isinstance(a, list) and isinstance(b, list):
        for i, (x, y) in enumerate(zip(a, b)):
            if x != y:
                return _first_difference(x, y, f"{where}[{i}]")
        if len(a) != len(b):
            return f"{where}: length {len(a)} → {len(b)}"
    return f"{where}: {json.dumps(a, ensure_ascii=False)[:300]} → {json.dumps(b, ensure_ascii=False)[:300]}"


def generate_cases(folder: Path) -> None:
    """Edge cases of Markdown that the readers must agree on (or that show where they differ)."""
    folder.mkdir(parents=True, exist_ok=True)
    body = "第一条 根据《中华人民共和国合同法》，制定本办法。"
    cases = {
        "escapes": f"# 某办法\n\n{body}\\*强调\\* 与 \\_下划线\\_ 和 \\\\ 反斜杠。\n",
        "entities": f"# 某办法\n\n{body}&amp;&lt;&nbsp;&#20013;&#x4e2d;&copy;&bogus; 结束。\n",
        "comments-inline": f"# 某办法\n\n{body}<!-- zzreview: disable=ZZ201 理由：测试 -->后文。\n",
        "comments-multiline": f"# 某办法\n\n<!-- zzreview:\ndisable=ZZ201\n理由：测试 -->\n\n{body}\n",
        "comments-in-quote-and-list": f"# 某办法\n\n> <!-- a -->\n> {body}\n\n- <!-- b --> {body}\n",
        "comments-several-in-block": "# 某办法\n\n<!-- a --><!-- b -->\n<!-- c\nd -->\n\n" + body + "\n",
        "comment-unclosed": f"# 某办法\n\n{body}<!-- 没有结束\n\n第二条 后文。\n",
        "html": f"# 某办法\n\n<div>\n{body}\n</div>\n\n<span>行内</span>{body}\n\n<script>\n《中华人民共和国担保法》\n</script>\n",
        "tables": ("# 某办法\n\n| 项目 | 项目 |\n|---|:---:|\n| 依据 | 依据 |\n| `a|b` | \\| 竖线 |\n"
                   "| 空 | |\n\n段落\n| a | b |\n| - | - |\n| c | d |\n\n无前导 | 竖线\n--- | ---\n甲 | 乙\n"),
        "table-ragged": "# 某办法\n\n| a | b | c |\n|---|---|---|\n| 1 |\n| 1 | 2 | 3 | 4 |\n",
        "code": f"# 某办法\n\n`代码\n跨行`{body}\n\n```\n{body}\n```\n\n    缩进代码\n\n~~~\n未结束的围栏\n",
        "images-links": (f"# 某办法\n\n![图片**说明**](a.png){body}[链接文字](http://x \"题\")<http://auto>\n\n"
                         "[引用]: http://ref\n\n[引用]文字\n"),
        "breaks": f"# 某办法\n\n前文  \n{body}\\\n后文\n中文\n继续\nLatin\nwords\n",
        "setext": f"标题第一行\n第二行\n=====\n\n{body}\n---\n\n小标题\n---\n",
        "headings": "# 某办法 #\n\n## \n\n###### 六级 ###   \n\n####### 七个\n\n#标签\n",
        "lists": (f"# 某办法\n\n- {body}\n  续行\n- 二\n\n  松散\n1. 一\n2) 二\n   - 嵌套\n     懒续\n"
                  "  \n* \n+ 加号\n"),
        "quotes": f"# 某办法\n\n> {body}\n懒续\n>> 嵌套\n> - 列表\n",
        "tabs": f"# 某办法\n\n-\t{body}\n\t- 嵌套\n>\t引用\n\t\t缩进\n",
        "whitespace": f"# 某办法\n\n　　{body}　　\n\u00a0{body}\n   {body}   \n",
        "crlf": f"# 某办法\r\n\r\n{body}\r\n后续\r\n",
        "cr": f"# 某办法\r\r{body}\r后续\r",
        "emphasis": f"# 某办法\n\n***{body}***  *a **b** c* _中_文_ **未闭合\n",
        "brackets": "# 某办法\n\n" + "[" * 2000 + body + "]" * 2000 + "\n",
        "escaped-stars": "# 某办法\n\n" + "\\*" * 3000 + body + "\n",
        "many-entities": "# 某办法\n\n" + "&amp;" * 3000 + body + "\n",
        "nested-emphasis": "# 某办法\n\n" + "*" * 500 + body + "*" * 500 + "\n",
        "backticks": "# 某办法\n\n" + "`" * 1000 + body + "\n",
        "lt": "# 某办法\n\n" + "<" * 2000 + body + "\n",
        "long-line": "# 某办法\n\n" + "游园须知" * 20000 + "\n",
    }
    for marker in ("> ", "- ", "1. ", "* > "):
        for depth in (48, 49, 50, 97, 98, 99, 100, 101, 150):
            cases[f"nest-{marker.strip().replace('.', 'o').replace(' ', '') or 'x'}-{depth}"] = (
                "# 某办法\n\n" + marker * depth + body + "\n")
    for depth in (96, 97, 98, 99):
        cases[f"nest-table-{depth}"] = "# 某办法\n\n" + "> " * depth + "| a |\n" + "> " * depth + "|---|\n"
        cases[f"nest-code-{depth}"] = "# 某办法\n\n" + "> " * depth + "```\n" + "> " * depth + "x\n"
        cases[f"nest-hr-{depth}"] = "# 某办法\n\n" + "> " * depth + "***\n"
    for name, text in cases.items():
        (folder / f"{name}.md").write_text(text, encoding="utf-8")
    for name, data in _docx_cases().items():
        (folder / f"{name}.docx").write_bytes(data)


def _docx_cases() -> dict[str, bytes]:
    """Word packages, sound and broken, that the two readers must read (or refuse) alike."""
    import io
    import zipfile

    import docx
    from docx.enum.text import WD_BREAK
    from docx_parts import rezip  # tools/docx_parts.py, beside this script

    d = docx.Document()
    d.add_paragraph("某市养犬管理办法", style="Title")
    d.add_paragraph("第一章 总则", style="Heading 1")
    p = d.add_paragraph()
    r = p.add_run("第一条 根据《中华人民共和国合同法》")
    r.add_tab()
    r.add_break()
    r.add_break(WD_BREAK.PAGE)
    p.add_run("，制定本办法。").bold = True
    t = d.add_table(rows=1, cols=2)
    t.cell(0, 0).text, t.cell(0, 1).text = "依据", "依据"
    buf = io.BytesIO()
    d.save(buf)
    base = buf.getvalue()
    z = zipfile.ZipFile(io.BytesIO(base))
    body, styles, types = (z.read(n).decode() for n in ("word/document.xml", "word/styles.xml", "[Content_Types].xml"))
    rels = z.read("_rels/.rels").decode()
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    run_pieces = ('<w:r><w:t>甲</w:t><w:noBreakHyphen/><w:ptab w:relativeTo="margin" w:alignment="left" '
                  'w:leader="none"/><w:cr/><w:br w:type="column"/><w:sym w:font="Wingdings" w:char="F0FC"/>'
                  '<w:delText>删</w:delText><w:t xml:space="preserve"> 乙 </w:t></w:r>'
                  '<w:del><w:r><w:delText>删除</w:delText></w:r></w:del><w:ins><w:r><w:t>插入</w:t></w:r></w:ins>')
    return {
        "docx-sound": base,
        "docx-run-pieces": rezip(base, {"word/document.xml": body.replace("<w:body>", f"<w:body><w:p>{run_pieces}</w:p>", 1).encode()}),
        "docx-no-content-types": rezip(base, {"[Content_Types].xml": None}),
        "docx-macro-main-type": rezip(base, {"[Content_Types].xml": types.replace(
            "wordprocessingml.document.main+xml", "ms-word.document.macroEnabled.main+xml").encode()}),
        "docx-no-body": rezip(base, {"word/document.xml": f'<?xml version="1.0"?><w:document {w}/>'.encode()}),
        "docx-broken-body-xml": rezip(base, {"word/document.xml": body[:len(body) // 2].encode()}),
        "docx-style-without-type": rezip(base, {"word/styles.xml": styles.replace(' w:type="paragraph"', "", 1).encode()}),
        "docx-style-name-without-value": rezip(base, {"word/styles.xml": styles.replace('<w:name w:val="Title"/>', "<w:name/>", 1).encode()}),
        "docx-broken-styles-xml": rezip(base, {"word/styles.xml": styles[:len(styles) // 2].encode()}),
        "docx-styles-not-declared": rezip(base, {"[Content_Types].xml": types.replace(
            '<Override PartName="/word/styles.xml"', '<Override PartName="/word/other.xml"').encode()}),
        "docx-doctype": rezip(base, {"word/document.xml": body.replace("?>", "?><!DOCTYPE w:document>", 1).encode()}),
        "docx-no-main-relationship": rezip(base, {"_rels/.rels": rels.replace("officeDocument\"", "other\"").encode()}),
        "docx-main-relationship-dangling": rezip(base, {"word/document.xml": None}),
    }


_ATOMS = ("第一条", "根据", "《中华人民共和国合同法》", "。", "，", "：", "\n", "\n\n", "\n\n", "- ", "1. ", "> ", "# ",
          "## ", "| a | b |\n|---|---|\n", "| ", " |", "**", "*", "_", "`", "\\*", "\\", "&amp;", "&nbsp;",
          "&#12;", "<!-- x -->", "<!--", "-->", "<div>", "</div>", "<b>", "[", "]", "(u)", "![", "<http://a>",
          "  \n", "\t", "    ", "===", "---", "***", "```", "~~~", "二〇二一年三月五日", "abc", "def", " ", "　",
          "（一）", "1、", "附件", "号", "日", "\\\n", "<", ">", "&", "#", "|")


def generate_random(folder: Path, n: int, seed: int = 7) -> None:
    import random

    rnd = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        body = "".join(rnd.choice(_ATOMS) for _ in range(rnd.randint(3, 40)))
        (folder / f"random-{i:05d}.md").write_text("# 某办法\n\n" + body + "\n", encoding="utf-8")


def kind_of_difference(old: dict, new: dict) -> str:
    if "error" in old or "error" in new:
        return "read error"
    if [b[:6] for b in old["blocks"]] != [b[:6] for b in new["blocks"]]:
        if [b[:4] for b in old["blocks"]] == [b[:4] for b in new["blocks"]]:
            return "positions only (first character)"
        return "text, kinds or blocks"
    if old["blocks"] != new["blocks"]:
        return "positions only"
    if old["directives"] != new["directives"]:
        return "directives" if [d[2] for d in old["directives"]] != [d[2] for d in new["directives"]] \
            else "directive positions"
    return "metadata or typed lines"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folders", nargs="*")
    ap.add_argument("--old", help="src folder of the other version")
    ap.add_argument("--cases", help="write generated edge cases to this folder and compare them too")
    ap.add_argument("--random", type=int, default=0, metavar="N", help="also N random documents (in --cases)")
    ap.add_argument("--dump", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.dump:
        json.dump(dump(json.loads(sys.stdin.read())), sys.stdout, ensure_ascii=False)
        return 0
    folders = list(args.folders)
    if args.cases:
        generate_cases(Path(args.cases))
        generate_random(Path(args.cases), args.random)
        folders.append(args.cases)
    files = _files(folders)
    old, new = _old_dump(args.old, files), dump(files)
    differ = [f for f in files if old[f] != new[f]]
    kinds: dict[str, int] = {}
    for f in differ:
        kind = kind_of_difference(old[f], new[f])
        kinds[kind] = kinds.get(kind, 0) + 1
        print(f"DIFFERENT ({kind}) {f}: {_first_difference(old[f], new[f])}")
    print(f"{len(files) - len(differ)} same, {len(differ)} different"
          + "".join(f"; {kind}: {n}" for kind, n in sorted(kinds.items())))
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
