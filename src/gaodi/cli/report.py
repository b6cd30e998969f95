"""`gaodi report`: the monitoring report and the plan's evaluations as DOCX, PDF, HTML or XLSX."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from gaodi.cli.context import open_workspace
from gaodi.cli.output import console, print_json, print_table, working
from gaodi.reports import build_report, write_report
from gaodi.reports.build import check_format, default_name

app = typer.Typer(help="报告：统计监测分析报告、规划中期评估与总结评估、区域布局分析报告 (reports).",
                  no_args_is_help=True)

Format = Annotated[str, typer.Option("--format", "-f", help="docx、pdf、html 或 xlsx")]
Output = Annotated[Optional[Path], typer.Option("--output", "-o",
                                                help="输出文件或目录；默认 <工作区>/reports/")]
AsJson = Annotated[bool, typer.Option("--json", help="输出 JSON 摘要")]


def _write(kind: str, period, plan, area, fmt: str, output: Optional[Path], as_json: bool,
           options: Optional[dict] = None) -> None:
    fmt = check_format(fmt)
    g = open_workspace()
    try:  # a report takes seconds: say what it is doing (on stderr, so --json output stays clean)
        with working("正在计算报告数据 computing the figures…") as status:
            report = build_report(g, kind, period, plan, area, options=options)
            area = None if area in (None, g.settings.province_code) else area
            target = output or g.settings.reports_dir / default_name(report, fmt, area)
            status.update(f"正在写出 {fmt.upper()} 文件 writing the file…")
            path = write_report(report, fmt, target, area=area)
    finally:
        g.close()
    if as_json:
        print_json({"path": str(path), "format": fmt, "title": report.title, **report.summary})
        return
    if kind == "regional":
        s = report.summary
        print_table([{"地区数": s["regions"], "强集群": s["strong_clusters"], "ECI 最高": s["top_eci"] or "—"}],
                    title=f"{report.title}{report.subtitle}")
        console.print(str(path))
        return
    status = report.summary["status"]
    print_table([{"状态": k, "指标数": v} for k, v in zip(("达标", "正常", "预警", "滞后", "待评估"), status.values())],
                title=f"{report.title}{report.subtitle}")
    console.print(str(path))


@app.command("monitor")
def monitor(
    period: Annotated[Optional[str], typer.Option(help="统计期：2025 或 2026-10（1-10月累计）；默认最新")] = None,
    plan: Annotated[Optional[str], typer.Option(help="规划代码（库中只有一个规划时可省略）")] = None,
    area: Annotated[Optional[str], typer.Option(help="市州代码（430100）或园区代码；省略为全省")] = None,
    fmt: Format = "docx", output: Output = None, as_json: AsJson = False,
) -> None:
    """先进制造业统计监测分析报告 (the periodic monitoring report)."""
    _write("monitor", period, plan, area, fmt, output, as_json)


@app.command("evaluation")
def evaluation(
    kind: Annotated[str, typer.Option(help="midterm（中期评估）或 final（总结评估）")] = "midterm",
    plan: Annotated[Optional[str], typer.Option(help="规划代码（库中只有一个规划时可省略）")] = None,
    period: Annotated[Optional[str], typer.Option(help="评估所用统计期；默认评估年份或其前最新数据")] = None,
    area: Annotated[Optional[str], typer.Option(help="市州代码或园区代码；省略为全省")] = None,
    fmt: Format = "docx", output: Output = None, as_json: AsJson = False,
) -> None:
    """规划实施中期评估或总结评估报告 (the plan's mid-term or final evaluation)."""
    if kind not in ("midterm", "final"):
        from gaodi.errors import InputError

        raise InputError(f"评估类型“{kind}”不存在", f"unknown evaluation kind {kind}", fix="midterm 或 final")
    _write(kind, period, plan, area, fmt, output, as_json)


@app.command("regional")
def regional(
    year: Annotated[Optional[str], typer.Option(help="数据年份；默认库中最新年度")] = None,
    area: Annotated[Optional[str], typer.Option(help="市州代码（430100）；省略为全省")] = None,
    measure: Annotated[str, typer.Option(help="value_added 增加值 | revenue 营业收入 | employees 从业人员 | gross_output")]
    = "value_added",
    level: Annotated[Optional[str], typer.Option(help="city 市州 | county 县市区；默认全省按市州、一个市按县市区")] = None,
    digits: Annotated[int, typer.Option(help="行业位数：2 大类、3 中类、4 小类")] = 2,
    fmt: Format = "docx", output: Output = None, as_json: AsJson = False,
) -> None:
    """先进制造业区域布局分析报告：专业化、强集群、复杂度、发展机会，附地图与图表 (the regional layout report)."""
    _write("regional", year, None, area, fmt, output, as_json, {"measure": measure, "level": level, "digits": digits})
