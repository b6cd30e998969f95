"""A plan document as a sequence of blocks: paragraphs and tables, each with its line number.

Every reader (.txt/.md here, .html and .docx beside) turns its file into these blocks, so the
extraction of indicators and targets does not depend on the file format.

Plain-text tables are recognised in three layouts:

* one cell per line, as Word documents become when saved as text: each cell starts with a tab, a
  cell that wraps continues on the next line without a tab, and a blank line ends the row;
* tab-separated rows: one row per line, at least three fields separated by tabs;
* pipe rows (Markdown): ``| 序号 | 指标名称 | ... |``, the ``|---|`` line is skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass
class Row:
    """One table row: the line where it starts and its cells as written."""

    line: int
    cells: list[str]


@dataclass
class Table:
    """A table: its rows in order (the header among them)."""

    line: int
    rows: list[Row] = field(default_factory=list)


@dataclass
class Paragraph:
    """A paragraph of running text (a heading is a short paragraph)."""

    line: int
    text: str


Block = Paragraph | Table

_BOOKMARK = re.compile(r"\[bookmark:[^\]]*\]")
_PIPE_RULE = re.compile(r"^\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")


def clean_paragraph(text: str) -> str:
    """Drop Word bookmark tags and Markdown emphasis/heading marks; trim."""
    text = _BOOKMARK.sub("", text)
    text = re.sub(r"^\s*#{1,6}\s+", "", text)
    return text.replace("**", "").strip()


def _is_cell_line(line: str) -> bool:
    return line.startswith("\t") and "\t" not in line[1:]


def _tsv_fields(line: str) -> list[str] | None:
    fields = line.rstrip("\r\n").split("\t")
    if len(fields) >= 3 and not _is_cell_line(line):
        return [f.strip() for f in fields]
    return None


def _pipe_fields(line: str) -> list[str] | None:
    s = line.strip()
    if not s.startswith("|"):
        return None
    s = s[1:]
    s = s.removesuffix("|")
    return [c.replace("**", "").strip() for c in s.split("|")]


def read_text_blocks(text: str) -> list[Block]:
    """Split plain text or Markdown into paragraphs and tables (any of the three table layouts)."""
    lines = text.splitlines()
    blocks: list[Block] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if _is_cell_line(line):
            table, i = _read_cell_table(lines, i)
            blocks.append(table)
        elif _tsv_fields(line) is not None:
            table = Table(line=i + 1)
            while i < len(lines) and (fields := _tsv_fields(lines[i])) is not None:
                table.rows.append(Row(line=i + 1, cells=fields))
                i += 1
            blocks.append(table)
        elif _pipe_fields(line) is not None:
            table = Table(line=i + 1)
            while i < len(lines) and (fields := _pipe_fields(lines[i])) is not None:
                if not _PIPE_RULE.match(lines[i].strip()):
                    table.rows.append(Row(line=i + 1, cells=fields))
                i += 1
            blocks.append(table)
        else:
            text_line = clean_paragraph(line)
            if text_line:
                blocks.append(Paragraph(line=i + 1, text=text_line))
            i += 1
    return blocks


def _read_cell_table(lines: list[str], start: int) -> tuple[Table, int]:
    """Read a one-cell-per-line table from ``start``; return it and the index after it."""
    table = Table(line=start + 1)
    row: Row | None = None
    i = start
    blank_before = False
    while i < len(lines):
        line = lines[i]
        if _is_cell_line(line):
            if row is None:
                row = Row(line=i + 1, cells=[])
                table.rows.append(row)
            row.cells.append(_BOOKMARK.sub("", line[1:]).strip())
            blank_before = False
        elif not line.strip():
            row = None
            blank_before = True
        elif blank_before or row is None or not row.cells:
            break  # text after a blank line: the table has ended
        else:
            row.cells[-1] += line.strip()  # a wrapped cell continues without a tab
        i += 1
    return table, i
