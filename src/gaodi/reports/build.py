"""Build a report from a workspace and write it in a format: the Python API of ``gaodi report``.

    >>> r = build_report(g, "monitor", "2026-10")            # doctest: +SKIP
    >>> write_report(r, "docx", "监测报告.docx")               # doctest: +SKIP
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from gaodi.errors import InputError
from gaodi.reports.docx_writer import write_docx
from gaodi.reports.evaluation_report import build_evaluation
from gaodi.reports.fonts import cjk_font_path
from gaodi.reports.gather import gather
from gaodi.reports.html_writer import write_html
from gaodi.reports.model import Report
from gaodi.reports.monitor_report import build_monitor
from gaodi.reports.pdf_writer import write_pdf
from gaodi.reports.xlsx_writer import write_xlsx

FORMATS = ("docx", "pdf", "html", "xlsx")


def build_report(g, kind: str, period: str | None = None, plan_id: str | None = None, area: str | None = None,
                 *, issuer: str | None = None, date: dt.date | None = None, font: Path | None = None,
                 options: dict | None = None) -> Report:
    """Build the report ``kind`` (monitor | midterm | final | regional) from the workspace ``g`` (a :class:`Gaodi`).

    ``period`` defaults to the latest statistics period (monitor) or the evaluation year, or the latest
    data before it (midterm: the plan's middle year; final: its target year). ``area`` is a city code or
    park id (default the province); ``issuer`` the issuing body (default the province's 工业和信息化厅).
    ``regional``: ``period`` is the data year, ``area`` the province or a city, ``options`` may hold
    ``measure``, ``level`` and ``digits`` (see :func:`gaodi.reports.regional_report.build_regional`).
    """
    font = font or cjk_font_path()
    if kind == "regional":
        from gaodi.reports.regional_report import build_regional

        return build_regional(g, period, area, font=font, issuer=issuer, date=date, **(options or {}))
    data = gather(g, kind, period, plan_id, area, date)
    if kind == "monitor":
        return build_monitor(data, font, issuer)
    return build_evaluation(data, font, issuer)


def check_format(fmt: str) -> str:
    fmt = fmt.lower().lstrip(".")
    if fmt not in FORMATS:
        raise InputError(f"报告格式“{fmt}”不支持", f"unsupported report format {fmt}",
                         fix="可选 docx、pdf、html、xlsx")
    return fmt


def write_report(report: Report, format: str, path: str | Path, *, font: Path | None = None,
                 area: str | None = None) -> Path:
    """Write ``report`` as ``format`` (docx | pdf | html | xlsx) to ``path`` (a file, or a folder to put
    the default file name of ``area``'s report in); return the file written."""
    fmt = check_format(format)
    path = Path(path)
    if path.is_dir() or not path.suffix:
        path.mkdir(parents=True, exist_ok=True)
        path = path / default_name(report, fmt, area)
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "docx":
        return write_docx(report, path)
    if fmt == "html":
        return write_html(report, path)
    if fmt == "xlsx":
        return write_xlsx(report, path)
    return write_pdf(report, path, font or cjk_font_path())


def default_name(report: Report, fmt: str, area: str | None = None) -> str:
    """Kind, area and data period: ``monitor-2026-10.docx`` for the province, ``monitor-430100-2026-10.docx``
    for a city, ``midterm-P001-2025.pdf`` for a park, so one area's report never overwrites another's."""
    return f"{report.kind}-{area + '-' if area else ''}{report.period}.{fmt}"


def write_demo_report(g, period: str) -> list[Path]:
    """Write the demo's monitoring report for ``period`` as DOCX and PDF under ``<home>/reports``."""
    report = build_report(g, "monitor", period)
    folder = g.settings.reports_dir
    return [write_report(report, fmt, folder / default_name(report, fmt)) for fmt in ("docx", "pdf")]
