"""Reports: the periodic 先进制造业统计监测分析报告 and the plan's mid-term and final evaluations, in DOCX,
PDF, HTML and XLSX, with charts, a map of the province by city and an appendix tracing every figure."""

from gaodi.reports.build import FORMATS, build_report, write_demo_report, write_report
from gaodi.reports.model import Report

__all__ = ["FORMATS", "Report", "build_report", "write_demo_report", "write_report"]
