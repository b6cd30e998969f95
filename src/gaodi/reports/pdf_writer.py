"""Write a report as PDF with WeasyPrint from its HTML, embedding the CJK font file (fonts-wqy-microhei)."""

from __future__ import annotations

from pathlib import Path

from gaodi.reports import fonts as f
from gaodi.reports.model import Report
from gaodi.reports.html_writer import render_html


def font_face(font: Path) -> str:
    """@font-face rules that map the official font names and the fallback to the embedded file, so every
    CJK glyph in the PDF comes from one embedded font whatever the machine has installed."""
    names = [f.FONT_FAMILY, "仿宋_GB2312", "黑体", "宋体", "FangSong", "SimHei", "SimSun"]
    return "".join(f'@font-face {{ font-family: "{n}"; src: url("{font.as_uri()}"); }}\n' for n in names)


def write_pdf(report: Report, path: Path, font: Path) -> Path:
    from weasyprint import HTML

    HTML(string=render_html(report, font_face(font)), base_url=str(font.parent)).write_pdf(path)
    return path
