"""Read a Word (.docx) plan document into paragraphs and tables.

python-docx opens the package; the body is then walked in document order so that paragraphs and
tables keep their sequence. A vertically merged cell (``w:vMerge``, as a merged 类别 cell) repeats the
text of the cell it continues; ``w:gridSpan`` adds empty cells. A .docx has no lines: the "line"
of a block is its position, counting each paragraph and each table row as one.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from gaodi.errors import InputError, Location
from gaodi.plan.blocks import Block, Paragraph, Row, Table, clean_paragraph

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read_docx_blocks(path: Path) -> list[Block]:
    """Open ``path`` with python-docx and return its blocks in document order."""
    try:
        import docx  # python-docx, an optional dependency
    except ImportError:
        raise InputError(
            message="读取 .docx 规划文件需要 python-docx，当前环境未安装",
            message_en="reading a .docx plan needs python-docx, which is not installed",
            fix="运行 pip install python-docx，或把文件另存为 .txt/.html 后再导入",
            location=Location(file=str(path)),
        ) from None
    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises several kinds for a damaged package
        raise InputError(
            message=f"无法打开 Word 文件：{exc}",
            message_en=f"cannot open the Word file: {exc}",
            fix="确认文件是 .docx（不是 .doc 或加密文件），必要时用 Word 另存为 .docx",
            location=Location(file=str(path)),
        ) from None
    return body_blocks(document.element.body)


def body_blocks(body: Any) -> list[Block]:
    """Turn a WordprocessingML ``w:body`` element (lxml or ElementTree) into blocks."""
    blocks: list[Block] = []
    position = 0
    for child in body:
        if child.tag == W + "p":
            position += 1
            text = clean_paragraph(_text(child))
            if text:
                blocks.append(Paragraph(line=position, text=text))
        elif child.tag == W + "tbl":
            table = Table(line=position + 1)
            above: dict[int, str] = {}
            for tr in child.findall(W + "tr"):
                position += 1
                cells: list[str] = []
                for tc in tr.findall(W + "tc"):
                    props = tc.find(W + "tcPr")
                    span = 1
                    merged = False
                    if props is not None:
                        grid = props.find(W + "gridSpan")
                        if grid is not None:
                            span = int(grid.get(W + "val", "1"))
                        vmerge = props.find(W + "vMerge")
                        merged = (vmerge is not None
                                  and vmerge.get(W + "val", "continue") != "restart")
                    col = len(cells)
                    text = above.get(col, "") if merged else "".join(
                        _text(p) for p in tc.findall(W + "p"))
                    cells.append(text.strip())
                    cells.extend([""] * (span - 1))
                for col, text in enumerate(cells):
                    above[col] = text
                table.rows.append(Row(line=position, cells=cells))
            blocks.append(table)
    return blocks


def _text(element: Any) -> str:
    parts: list[str] = []
    for node in element.iter():
        if node.tag == W + "t" and node.text:
            parts.append(node.text)
        elif node.tag == W + "tab":
            parts.append(" ")
    return "".join(parts)
