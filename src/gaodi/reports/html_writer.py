"""Write a report as one self-contained HTML file: images as data URIs, fonts named, no outside links.

The same HTML, with an ``@font-face`` rule pointing at the CJK font file, is what the PDF writer gives
WeasyPrint (see :mod:`gaodi.reports.pdf_writer`).
"""

from __future__ import annotations

import base64
from html import escape
from pathlib import Path

from gaodi.reports import fonts as f
from gaodi.reports.model import (CLOSING, Figure, Heading, Paragraph, Report, Table, chinese_date, format_value,
                                 series_line)

CSS = """
@page { size: A4; margin: 3.7cm 2.6cm 3.5cm 2.8cm;
        @bottom-center { content: "— " counter(page) " —"; font-family: %(table)s; font-size: 14pt; } }
body { font-family: %(body)s; font-size: 16pt; line-height: 28pt; color: #111; max-width: 15.6cm;
       margin: 2em auto; }
.issuer { font-family: %(heading)s; color: #c00000; font-size: 30pt; font-weight: bold; text-align: center;
          line-height: 1.3; margin: 0.3em 0 0.2em; }
.series { font-family: %(heading)s; color: #c00000; font-size: 22pt; text-align: center; line-height: 1.3;
          margin: 0 0 0.6em; }
.number { display: flex; justify-content: space-between; border-bottom: 2.5pt solid #c00000;
          padding-bottom: 0.3em; margin-bottom: 1em; }
h1 { font-family: %(heading)s; font-size: 22pt; text-align: center; line-height: 36pt; margin: 0.6em 0 0; }
.subtitle { font-family: %(body)s; text-align: center; margin: 0 0 1em; }
h2 { font-family: %(heading)s; font-size: 16pt; font-weight: normal; text-indent: 2em; margin: 0.4em 0 0; }
h3 { font-family: %(body)s; font-size: 16pt; font-weight: normal; text-indent: 2em; margin: 0; }
p { text-indent: 2em; margin: 0; text-align: justify; }
p.note { font-size: 12pt; line-height: 20pt; }
table { border-collapse: collapse; width: 100%%; margin: 0.2em 0 0.2em; font-family: %(table)s;
        line-height: 1.25; page-break-inside: auto; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; }
th, td { border: 0.5pt solid #444; padding: 1.5pt 3pt; vertical-align: top; word-break: break-all; }
th { background: #d9e2f3; font-weight: bold; text-align: center; }
td.num { text-align: right; white-space: nowrap; }
.caption { font-family: %(heading)s; font-size: 14pt; text-align: center; text-indent: 0; margin-top: 0.6em; }
.tnote, .fnote { font-size: 9pt; line-height: 14pt; text-indent: 0; }
.fnote { text-align: center; }
figure { margin: 0.4em 0; text-align: center; page-break-inside: avoid; }
figure img { max-width: 100%%; }
figcaption { font-family: %(heading)s; font-size: 12pt; line-height: 20pt; }
.appendix { page-break-before: always; }
@page wide { size: A4 landscape; margin: 2.6cm 2.6cm 2.6cm 2.8cm;
        @bottom-center { content: "— " counter(page) " —"; font-family: %(table)s; font-size: 14pt; } }
.wide { page: wide; }
@media screen { .wide { width: 24.3cm; margin-left: -4.35cm; } }
.footer { font-size: 9pt; text-align: center; text-indent: 0; margin-top: 2em; }
"""


def _table(t: Table, number: int) -> str:
    head = "".join(f"<th style=\"width:{100 * c.width / sum(x.width for x in t.columns):.1f}%\">"
                   f"{escape(c.title)}</th>" for c in t.columns)
    body = []
    for row in t.rows:
        cells = []
        for c, v in zip(t.columns, row):
            cls = ' class="num"' if c.format != "text" and isinstance(v, (int, float)) else ""
            cells.append(f"<td{cls}>{escape(format_value(v, c.format))}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    note = f'<p class="tnote">注：{escape(t.note)}</p>' if t.note else ""
    return (f'<p class="caption">表{number}  {escape(t.title)}</p>'
            f'<table style="font-size:{t.font_pt}pt"><thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(body)}</tbody></table>{note}')


def _figure(fig: Figure) -> str:
    data = base64.b64encode(fig.png).decode("ascii")
    caption = f'<p class="fnote">{escape(fig.caption)}</p>' if fig.caption else ""
    return (f'<figure><img alt="{escape(fig.title)}" style="width:{fig.width_cm}cm" '
            f'src="data:image/png;base64,{data}"><figcaption>{escape(fig.title)}</figcaption>{caption}</figure>')


def _is_wide(blocks, i: int) -> bool:
    b = blocks[i]
    if isinstance(b, Table):
        return b.wide
    nxt = blocks[i + 1] if i + 1 < len(blocks) else None
    return isinstance(b, Heading) and isinstance(nxt, Table) and nxt.wide


def _blocks(blocks, counter: list[int]) -> str:
    """The blocks as HTML; runs of wide tables (with their headings) go in one landscape ``div.wide``."""
    out, wide = [], False
    for i, b in enumerate(blocks):
        if _is_wide(blocks, i) != wide:
            wide = not wide
            out.append('<div class="wide">' if wide else "</div>")
        if isinstance(b, Paragraph):
            out.append(f'<p class="{b.style}">{escape(b.text)}</p>')
        elif isinstance(b, Heading):
            out.append(f"<h{b.level + 1}>{escape(b.text)}</h{b.level + 1}>")
        elif isinstance(b, Table):
            counter[0] += 1
            out.append(_table(b, counter[0]))
        elif isinstance(b, Figure):
            out.append(_figure(b))
    if wide:
        out.append("</div>")
    return "\n".join(out)


def render_html(report: Report, font_face: str = "") -> str:
    """The report as an HTML document; ``font_face`` is extra CSS (the PDF writer's @font-face rule)."""
    css = CSS % {"body": f.CSS_BODY, "heading": f.CSS_HEADING, "table": f.CSS_TABLE}
    series = series_line(report)
    counter = [0]
    sections = "\n".join(f"<section><h2>{escape(s.heading)}</h2>\n{_blocks(s.blocks, counter)}</section>"
                         for s in report.sections)
    appendix = (f'<section class="appendix"><h2 style="text-indent:0">{escape(report.appendix.heading)}</h2>\n'
                f"{_blocks(report.appendix.blocks, counter)}</section>")
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{escape(report.title)}</title>
<style>{font_face}{css}</style></head>
<body>
<div class="issuer">{escape(report.issuer)}</div>
<div class="series">{series}</div>
<div class="number"><span>{escape(report.number_line)}</span><span>{chinese_date(report.date)}</span></div>
<h1>{escape(report.title)}</h1>
<p class="subtitle">{escape(report.subtitle)}</p>
{sections}
{appendix}
<p class="footer">{CLOSING}</p>
</body></html>
"""


def write_html(report: Report, path: Path) -> Path:
    path.write_text(render_html(report), encoding="utf-8")
    return path
