"""Write a report as an Excel workbook: a cover sheet with the text, one sheet per table (numbers kept as
numbers with their number formats), the appendix tables and references as sheets.

Every text cell goes through :func:`gaodi.exports.neutralise`: a name that starts with ``=`` is text, never
a formula."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from gaodi.exports import neutralise
from gaodi.reports.model import FORMATS, Heading, Paragraph, Report, Table, chinese_date

HEADER_FILL = PatternFill("solid", fgColor="D9E2F3")
THIN = Side(style="thin", color="999999")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
FONT = "宋体"


def _sheet_name(name: str, taken: set[str]) -> str:
    base = name[:31]
    out, i = base, 2
    while out in taken:
        out = f"{base[:28]}-{i}"
        i += 1
    taken.add(out)
    return out


def _table_sheet(wb: Workbook, t: Table, taken: set[str]) -> None:
    ws = wb.create_sheet(_sheet_name(t.sheet, taken))
    ws.append([neutralise(t.title)])
    ws["A1"].font = Font(name=FONT, bold=True, size=12)
    ws.append([neutralise(c.title) for c in t.columns])
    for cell in ws[2]:
        cell.font, cell.fill, cell.border = Font(name=FONT, bold=True), HEADER_FILL, BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for row in t.rows:
        ws.append([neutralise(v) for v in row])
    for r in ws.iter_rows(min_row=3, max_row=ws.max_row):
        for cell, col in zip(r, t.columns):
            cell.border, cell.font = BORDER, Font(name=FONT)
            if FORMATS.get(col.format) and isinstance(cell.value, (int, float)):
                cell.number_format = FORMATS[col.format]
            else:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    for i, col in enumerate(t.columns, start=1):
        ws.column_dimensions[get_column_letter(i)].width = max(8.0, min(60.0, 9.0 * col.width))
    ws.freeze_panes = "A3"
    if t.note:
        ws.append([])
        ws.append([neutralise(f"注：{t.note}")])


def write_xlsx(report: Report, path: Path) -> Path:
    wb = Workbook()
    cover = wb.active
    cover.title = "报告"
    taken = {"报告"}
    for line in (report.issuer, report.title + report.subtitle,
                 f"{report.number_line}    {chinese_date(report.date)}"):
        cover.append([neutralise(line)])
    cover["A1"].font = Font(name=FONT, bold=True, size=16, color="C00000")
    cover["A2"].font = Font(name=FONT, bold=True, size=14)
    for section in [*report.sections, report.appendix]:
        cover.append([])
        cover.append([neutralise(section.heading)])
        cover.cell(cover.max_row, 1).font = Font(name=FONT, bold=True)
        for b in section.blocks:
            if isinstance(b, (Paragraph, Heading)):
                cover.append([neutralise(b.text)])
            elif isinstance(b, Table):
                cover.append([neutralise(f"（见工作表“{b.sheet}”：{b.title}）")])
    cover.column_dimensions["A"].width = 120
    for row in cover.iter_rows(min_row=4):
        row[0].alignment = Alignment(wrap_text=True, vertical="top")
    for t in report.tables():
        _table_sheet(wb, t, taken)
    wb.properties.title = report.title
    wb.properties.creator = "gaodi"
    wb.save(path)
    return path
