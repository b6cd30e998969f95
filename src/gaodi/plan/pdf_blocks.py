"""Read a PDF plan document with a text layer into paragraphs and tables (pdfplumber).

Tables are found by their ruling lines (pdfplumber's default), so a bordered 专栏 table keeps its
cells; a merged cell is blank in the rows and columns it covers beyond the first (a blank 类别 cell
then takes the category from above). A table that runs onto the next page, with the same number
of columns and nothing but a page number between, is joined to its first part; a header row
repeated at the top of the new page is dropped.

The text around the tables comes as printed lines. Lines are joined into paragraphs again: a
line continues the one before when its first word would not have fitted in the room left at the
end of that one (it was wrapped there) and it is not indented. Page numbers ("— 3 —", "- 3 -",
"第3页") are dropped. A PDF has no lines of its own: the "line" of a block counts the printed lines
and table rows from the start.

A PDF without any text (a scan) is refused with a message that OCR is needed: an empty plan is
never returned.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from gaodi.errors import InputError, Location
from gaodi.plan.blocks import Block, Paragraph, Row, Table, clean_paragraph

_PAGE_NUMBER = re.compile(r"^[\s\-—–－·•]*(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*/\s*\d{1,4})?[\s\-—–－·•]*$")


def read_pdf_blocks(path: Path) -> list[Block]:
    """Open ``path`` with pdfplumber and return its paragraphs and tables in reading order."""
    import pdfplumber
    from pdfplumber.utils.exceptions import PdfminerException

    items: list[tuple[str, Any]] = []
    chars = 0
    try:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                chars += len(page.chars)
                items.extend(_page_items(page))
    except PdfminerException as exc:  # damaged, truncated or encrypted
        raise InputError(message=f"无法打开 PDF 文件：{exc}",
                         message_en=f"cannot open the PDF file: {exc}",
                         fix="确认文件是完整、未加密的 PDF；或用 WPS/Word 另存为 .docx 后再导入",
                         location=Location(file=str(path))) from None
    if chars == 0:
        raise InputError(
            message="PDF 没有文字层（可能是扫描件或图片），需要先做 OCR 文字识别才能读取规划",
            message_en="the PDF has no text layer (probably a scan); it needs OCR before the plan "
                       "can be read",
            fix="用 OCR 软件（如 WPS、Adobe Acrobat、ocrmypdf）识别出文字后另存为带文字层的 PDF、"
                ".docx 或 .txt，再导入；或从发文网站下载网页版（.html）",
            location=Location(file=str(path)))
    return _blocks(items)


def _page_items(page: Any) -> list[tuple[str, Any]]:
    """The tables and text lines of one page, top to bottom: ("table", rows) or ("line", dict)."""
    tables = page.find_tables()
    boxes = [t.bbox for t in tables]

    def outside(obj: dict[str, Any]) -> bool:
        cx, cy = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)

    text_page = page.filter(lambda o: o.get("object_type") != "char" or outside(o))
    lines = [ln for ln in text_page.extract_text_lines(return_chars=False)
             if ln["text"].strip() and not _PAGE_NUMBER.match(ln["text"])]
    right = max((ln["x1"] for ln in lines), default=0.0)
    left = min((ln["x0"] for ln in lines), default=0.0)
    positioned: list[tuple[float, str, Any]] = []
    for ln in lines:
        size = max(ln["bottom"] - ln["top"], 1.0)
        positioned.append((ln["top"], "line", {
            "text": ln["text"], "room": right - ln["x1"], "size": size,
            "indented": ln["x0"] > left + 0.8 * size}))
    for t in tables:
        rows = [[_cell_text(c) for c in r] for r in t.extract()]
        positioned.append((t.bbox[1], "table", rows))
    positioned.sort(key=lambda p: p[0])
    return [(kind, value) for _, kind, value in positioned]


def _cell_text(cell: str | None) -> str:
    """A cell as one string without whitespace (as the HTML reader does); None (merged) is blank."""
    return "".join((cell or "").split())


_GAP = re.compile(r"(?<=[^\x00-\x7f]) +| +(?=[^\x00-\x7f])")


def without_gaps(text: str) -> str:
    """Drop the spaces a PDF puts between wide glyphs ("［ ］", "2025 年"); keep "GDP and R&D"."""
    return _GAP.sub("", text)


def _blocks(items: list[tuple[str, Any]]) -> list[Block]:
    """Join wrapped lines into paragraphs and a table split by a page break into one; number lines."""
    blocks: list[Block] = []
    line_no = 0
    before: dict[str, Any] | None = None  # the last printed line, while a paragraph is open
    for kind, value in items:
        if kind == "table":
            rows = value
            last = blocks[-1] if blocks else None
            if (isinstance(last, Table) and last.rows and rows
                    and len(rows[0]) == len(last.rows[0].cells)):
                if rows[0] == last.rows[0].cells:
                    rows = rows[1:]  # the header repeated on the new page
                table = last
            else:
                table = Table(line=line_no + 1)
                blocks.append(table)
            for cells in rows:
                line_no += 1
                table.rows.append(Row(line=line_no, cells=cells))
            before = None
            continue
        line_no += 1
        text = without_gaps(value["text"].strip())
        last = blocks[-1] if blocks else None
        if before and isinstance(last, Paragraph) and _continues(before, value):
            last.text = clean_paragraph(last.text + text)
        else:
            cleaned = clean_paragraph(text)
            if cleaned:
                blocks.append(Paragraph(line=line_no, text=cleaned))
        before = value
    return blocks


def _continues(before: dict[str, Any], line: dict[str, Any]) -> bool:
    """Tell whether ``line`` continues the paragraph of ``before``: the first word of ``line``
    (a run of Latin letters and digits, or one Chinese character) would not have fitted in the
    room left at the end of ``before``, and ``line`` is not indented."""
    if line["indented"]:
        return False
    word = re.match(r"[\x21-\x7e]+", line["text"].strip())
    width = (0.6 * len(word.group(0)) if word else 1.0) * line["size"]
    return before["room"] < width + 0.5 * line["size"]
