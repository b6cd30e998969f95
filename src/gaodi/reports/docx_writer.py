"""Write a report as a Word document laid out like a Chinese government document (GB/T 9704-2012).

A4 with margins 3.7/3.5/2.8/2.6 cm; a red title block (issuing body, 文号-style line, date, red rule);
title in 小标宋 二号; body 仿宋_GB2312 三号 with a two-character first-line indent and fixed 28 pt line
spacing; 一、 headings 黑体, （一） headings 楷体, in Word's Heading 1-3 styles (for the navigation pane);
tables 宋体 with a repeated shaded header row; page numbers "— 1 —" at the foot. Fonts are named, not embedded (Word and LibreOffice substitute).
"""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from gaodi.reports import fonts as f
from gaodi.reports.model import (CLOSING, Figure, Heading, Paragraph, Report, Table, chinese_date, format_value,
                                 series_line)

RED = RGBColor(0xC0, 0x00, 0x00)
TEXT_WIDTH_CM = 21.0 - 2.8 - 2.6
WIDE_WIDTH_CM = 29.7 - 2.8 - 2.6


def _style_run(run, font: str, size: float, bold: bool = False, colour: RGBColor | None = None) -> None:
    run.font.name = f.LATIN_FONT
    run.font.size = Pt(size)
    run.font.bold = bold
    if colour is not None:
        run.font.color.rgb = colour
    rpr = run._element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    fonts.set(qn("w:eastAsia"), font)
    fonts.set(qn("w:ascii"), f.LATIN_FONT)
    fonts.set(qn("w:hAnsi"), f.LATIN_FONT)


# Word styles of the headings, so Word's navigation pane shows the outline: 一、 sections and the appendix
# (Heading 1), （一） sub-headings (Heading 2), 1. sub-headings (Heading 3); the report's title is in Title.
HEADINGS = {1: ("Heading 1", f.HEADING1_FONT, False), 2: ("Heading 2", f.HEADING2_FONT, False),
            3: ("Heading 3", f.BODY_FONT, True)}


def _heading_styles(doc) -> None:
    """Give the title and heading styles the official fonts (East Asian font named, black, no theme fonts,
    no italics or rules) so a paragraph in them looks the same as the direct formatting asks."""
    for name, font, bold in [("Title", f.TITLE_FONT, False), *HEADINGS.values()]:
        style = doc.styles[name]
        rpr = style.element.get_or_add_rPr()
        old = rpr.find(qn("w:rFonts"))
        if old is not None:
            rpr.remove(old)
        _style_run(style, font, f.SIZE["二号" if name == "Title" else "三号"], bold, RGBColor(0, 0, 0))
        style.font.italic = False
        ppr = style.element.get_or_add_pPr()
        for border in ppr.findall(qn("w:pBdr")):
            ppr.remove(border)


def _para(doc_or_cell, text: str, font: str, size: float, *, bold=False, align=None, indent=False,
          colour=None, spacing: float | None = 28.0, before: float = 0, after: float = 0, style: str | None = None):
    p = doc_or_cell.add_paragraph(style=style)
    fmt = p.paragraph_format
    if spacing is not None:
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Pt(spacing)
    fmt.space_before, fmt.space_after = Pt(before), Pt(after)
    if indent:
        fmt.first_line_indent = Pt(2 * size)
    if align is not None:
        p.alignment = align
    _style_run(p.add_run(text), font, size, bold, colour)
    return p


def _bottom_rule(paragraph, colour: str = "C00000", size: int = 18) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for k, v in {"w:val": "single", "w:sz": str(size), "w:space": "1", "w:color": colour}.items():
        bottom.set(qn(k), v)
    border.append(bottom)
    ppr.append(border)


def _page_number_footer(section) -> None:
    p = section.footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _style_run(p.add_run("— "), f.TABLE_FONT, f.SIZE["四号"])
    run = p.add_run()
    _style_run(run, f.TABLE_FONT, f.SIZE["四号"])
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText" if text.strip() == "PAGE" else "w:t")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        run._r.append(el)
    _style_run(p.add_run(" —"), f.TABLE_FONT, f.SIZE["四号"])


def _repeat_header(row) -> None:
    trpr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    trpr.append(el)


def _shade(cell, fill: str) -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    for k, v in {"w:val": "clear", "w:color": "auto", "w:fill": fill}.items():
        shd.set(qn(k), v)
    tcpr.append(shd)


def _cell_text(cell, text: str, size: float, bold=False, align=WD_ALIGN_PARAGRAPH.LEFT) -> None:
    p = cell.paragraphs[0]
    p.alignment = align
    p.paragraph_format.space_before = p.paragraph_format.space_after = Pt(0)
    p.paragraph_format.line_spacing = 1.0
    _style_run(p.add_run(text), f.TABLE_FONT, size, bold)


def _table(doc, table: Table, number: int) -> None:
    width_cm = WIDE_WIDTH_CM if table.wide else TEXT_WIDTH_CM
    title = _para(doc, f"表{number}  {table.title}", f.HEADING1_FONT, f.SIZE["四号"],
                  align=WD_ALIGN_PARAGRAPH.CENTER, before=6, after=4)
    title.paragraph_format.keep_with_next = True
    t = doc.add_table(rows=1, cols=len(table.columns))
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    t.autofit = False
    total = sum(c.width for c in table.columns)
    widths = [Cm(width_cm * c.width / total) for c in table.columns]
    for col, w in zip(t.columns, widths):
        col.width = w  # the table grid, which LibreOffice follows
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    t._tbl.tblPr.append(layout)
    for cell, col, w in zip(t.rows[0].cells, table.columns, widths):
        cell.width = w
        _cell_text(cell, col.title, table.font_pt, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
        _shade(cell, "D9E2F3")
    _repeat_header(t.rows[0])
    for row in table.rows:
        cells = t.add_row().cells
        for cell, col, w, value in zip(cells, table.columns, widths, row):
            cell.width = w
            numeric = col.format != "text" and isinstance(value, (int, float))
            _cell_text(cell, format_value(value, col.format), table.font_pt,
                       align=WD_ALIGN_PARAGRAPH.RIGHT if numeric else WD_ALIGN_PARAGRAPH.LEFT)
    if table.note:
        _para(doc, f"注：{table.note}", f.BODY_FONT, f.SIZE["小五"], spacing=14, before=2, after=6)


def _figure(doc, fig: Figure) -> None:
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.space_before = Pt(6)
    p.paragraph_format.keep_with_next = True
    p.add_run().add_picture(io.BytesIO(fig.png), width=Cm(min(fig.width_cm, TEXT_WIDTH_CM)))
    title = _para(doc, fig.title, f.HEADING1_FONT, f.SIZE["小四"], align=WD_ALIGN_PARAGRAPH.CENTER, spacing=20)
    title.paragraph_format.keep_with_next = bool(fig.caption)
    if fig.caption:
        _para(doc, fig.caption, f.BODY_FONT, f.SIZE["小五"], align=WD_ALIGN_PARAGRAPH.CENTER, spacing=14,
              after=6)


def _title_block(doc, report: Report) -> None:
    _para(doc, report.issuer, f.TITLE_FONT, 30, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, colour=RED,
          spacing=None, before=12, after=6)
    _para(doc, series_line(report), f.TITLE_FONT,
          f.SIZE["二号"], align=WD_ALIGN_PARAGRAPH.CENTER, colour=RED, spacing=None, after=12)
    line = _para(doc, f"{report.number_line}\t{chinese_date(report.date)}", f.BODY_FONT, f.SIZE["三号"],
                 spacing=None, after=18)
    line.paragraph_format.tab_stops.add_tab_stop(Cm(TEXT_WIDTH_CM), alignment=2)  # right-aligned tab
    _bottom_rule(line)
    _para(doc, report.title, f.TITLE_FONT, f.SIZE["二号"], align=WD_ALIGN_PARAGRAPH.CENTER, spacing=36,
          before=12, style="Title")
    _para(doc, report.subtitle, f.HEADING2_FONT, f.SIZE["三号"], align=WD_ALIGN_PARAGRAPH.CENTER, after=12)


def _page_setup(sec, landscape: bool) -> None:
    """A4 portrait with the GB/T 9704 margins, or A4 landscape for wide tables (same left/right margins)."""
    if landscape:
        sec.orientation = WD_ORIENT.LANDSCAPE
        sec.page_width, sec.page_height = Cm(29.7), Cm(21.0)
        sec.top_margin, sec.bottom_margin = Cm(2.6), Cm(2.6)
    else:
        sec.orientation = WD_ORIENT.PORTRAIT
        sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
        sec.top_margin, sec.bottom_margin = Cm(3.7), Cm(3.5)
    sec.left_margin, sec.right_margin = Cm(2.8), Cm(2.6)
    sec.footer_distance = Cm(1.6 if landscape else 2.0)


def _orient(doc, state: dict, landscape: bool) -> None:
    if state["landscape"] != landscape:
        _page_setup(doc.add_section(WD_SECTION.NEW_PAGE), landscape)
        state["landscape"] = landscape


def _is_wide(blocks, i: int) -> bool:
    """A wide table, or a heading that introduces one, goes on a landscape page."""
    b = blocks[i]
    if isinstance(b, Table):
        return b.wide
    nxt = blocks[i + 1] if i + 1 < len(blocks) else None
    return isinstance(b, Heading) and isinstance(nxt, Table) and nxt.wide


def _blocks(doc, blocks, counters: dict) -> None:
    for i, b in enumerate(blocks):
        _orient(doc, counters, _is_wide(blocks, i))
        if isinstance(b, Paragraph):
            size = f.SIZE["三号"] if b.style == "body" else f.SIZE["小四"]
            _para(doc, b.text, f.BODY_FONT, size, indent=True, spacing=28 if b.style == "body" else 20)
        elif isinstance(b, Heading):
            font = f.HEADING2_FONT if b.level == 2 else f.BODY_FONT
            _para(doc, b.text, font, f.SIZE["三号"], bold=b.level == 3, indent=True, style=HEADINGS[b.level][0])
        elif isinstance(b, Table):
            counters["table"] += 1
            _table(doc, b, counters["table"])
        elif isinstance(b, Figure):
            _figure(doc, b)


def write_docx(report: Report, path: Path) -> Path:
    doc = Document()
    sec = doc.sections[0]
    _page_setup(sec, landscape=False)
    normal = doc.styles["Normal"]
    _style_run(normal, f.BODY_FONT, f.SIZE["三号"])
    _heading_styles(doc)
    doc.core_properties.title = report.title
    doc.core_properties.author = report.issuer
    _page_number_footer(sec)
    _title_block(doc, report)
    state = {"table": 0, "landscape": False}
    for section in report.sections:
        _orient(doc, state, _is_wide(section.blocks, 0) if section.blocks else False)
        _para(doc, section.heading, f.HEADING1_FONT, f.SIZE["三号"], indent=True, before=6, style="Heading 1")
        _blocks(doc, section.blocks, state)
    landscape = bool(report.appendix.blocks) and _is_wide(report.appendix.blocks, 0)
    if state["landscape"] == landscape:
        doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    _orient(doc, state, landscape)
    _para(doc, report.appendix.heading, f.HEADING1_FONT, f.SIZE["三号"], after=6, style="Heading 1")
    _blocks(doc, report.appendix.blocks, state)
    _para(doc, CLOSING, f.BODY_FONT,
          f.SIZE["小五"], align=WD_ALIGN_PARAGRAPH.CENTER, before=12, spacing=14)
    doc.save(path)
    return path
