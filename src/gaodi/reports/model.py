"""The report model: a report is a title block, numbered sections of blocks, and an appendix.

Blocks are paragraphs, sub-headings, tables and figures. The model is assembled from the core API
(:mod:`gaodi.reports.monitor_report`, :mod:`gaodi.reports.evaluation_report`) and rendered by one
writer per format; writers know nothing of the store, builders know nothing of file formats.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Union

# Number formats of table columns, shared by the writers: DOCX/HTML/PDF print them, XLSX keeps the number.
FORMATS = {
    "text": None,
    "int": "#,##0",
    "num1": "#,##0.0",
    "num2": "#,##0.00",
    "pct1": "0.0",
}


@dataclass
class Paragraph:
    """Body text; ``style`` is ``body`` (indented 仿宋), ``note`` (smaller) or ``item`` (a list item)."""

    text: str
    style: str = "body"


@dataclass
class Heading:
    """A sub-heading inside a section: level 2 is （一）(楷体), level 3 is 1. (仿宋 bold)."""

    text: str
    level: int = 2


@dataclass
class Column:
    title: str
    format: str = "text"  # a key of FORMATS
    width: float = 1.0  # relative width in printed tables


@dataclass
class Table:
    """A table with a header row. ``sheet`` names its XLSX sheet; values stay numbers until printed."""

    title: str
    columns: list[Column]
    rows: list[list[Any]]
    sheet: str
    note: str = ""
    font_pt: float = 9.0
    wide: bool = False  # printed on landscape pages


@dataclass
class Figure:
    """A chart or map as PNG bytes; ``width_cm`` is its printed width."""

    title: str
    png: bytes
    caption: str = ""
    width_cm: float = 15.0


Block = Union[Paragraph, Heading, Table, Figure]


@dataclass
class Section:
    heading: str
    blocks: list[Block] = field(default_factory=list)

    def add(self, *blocks: Block) -> Section:
        self.blocks.extend(blocks)
        return self


@dataclass
class Report:
    """A whole report. ``summary`` holds the figures a script needs (``--json``)."""

    kind: str  # monitor | midterm | final | regional
    title: str
    subtitle: str
    issuer: str
    number_line: str
    date: dt.date
    period: str
    sections: list[Section]
    appendix: Section
    summary: dict[str, Any] = field(default_factory=dict)
    records: list[Any] = field(default_factory=list)  # the MonitorRecords the report was written from
    series: str = ""  # the red series line under the issuer; empty: by kind (see series_line)

    def tables(self) -> list[Table]:
        """Every table of the report in reading order, the appendix last."""
        return [b for s in [*self.sections, self.appendix] for b in s.blocks if isinstance(b, Table)]

    def figures(self) -> list[Figure]:
        return [b for s in [*self.sections, self.appendix] for b in s.blocks if isinstance(b, Figure)]


CLOSING = "（本报告由高地监测平台根据库中数据自动生成，每个数值的口径与来源见附录。）"


def series_line(report: Report) -> str:
    """The series line of the title block: the report's own, else 先进制造业统计监测 or 规划实施评估 by kind."""
    return report.series or ("先进制造业统计监测" if report.kind == "monitor" else "规划实施评估")


def format_value(value: Any, fmt: str) -> str:
    """Print a cell: numbers with their column's digits and thousands separators, none as "—"."""
    if value is None or (isinstance(value, float) and value != value):
        return "—"
    if not isinstance(value, (int, float)) or isinstance(value, bool) or fmt == "text":
        return str(value)
    if isinstance(value, int):
        return f"{value:,d}"
    digits = {"int": 0, "num1": 1, "num2": 2, "pct1": 1}.get(fmt, 2)
    return f"{value:,.{digits}f}"


def whole(value: float | None, unit: str | None) -> float | int | None:
    """Counts (家, 个, 项) as integers, so they print and export without decimals."""
    if value is not None and unit in ("家", "个", "项") and float(value).is_integer():
        return int(value)
    return value


def chinese_date(day: dt.date) -> str:
    """A date as official documents print it (GB/T 9704-2012, 7.3.5.3): 2026年11月5日."""
    return f"{day.year}年{day.month}月{day.day}日"
