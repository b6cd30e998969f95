"""`gaodi monitor`: where the plan stands for a period, in the province, a city or a park."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from gaodi.cli.context import open_workspace
from gaodi.cli.output import console, print_json, print_table

STATUS_STYLE = {"achieved": "green", "on_track": "green", "at_risk": "yellow", "behind": "red", "pending": "dim"}


def fmt(v, digits: int = 2) -> str:
    if v is None:
        return "—"
    return f"{v:,.{digits}f}".rstrip("0").rstrip(".") if isinstance(v, float) else str(v)


def status_rows(records) -> list[dict]:
    return [{"序号": r.number, "指标": r.indicator, "单位": r.unit or "", "数值": fmt(r.value),
             "数据期": r.data_period or "", "目标": f"{r.target}（{r.target_year}）",
             "进度%": fmt(r.progress, 1), "预测": fmt(r.forecast),
             "状态": f"[{STATUS_STYLE[r.status]}]{r.status_zh}[/]"} for r in records]


def monitor_command(
    period: Annotated[str, typer.Option(help="统计期：2025 或 2026-10（1-10月累计）")],
    plan: Annotated[Optional[str], typer.Option(help="规划代码（库中只有一个规划时可省略）")] = None,
    area: Annotated[Optional[str], typer.Option(help="市州代码（430100）或园区代码；省略为全省")] = None,
    sectors: Annotated[bool, typer.Option("--sectors", help="监测产业营收目标（而非主要指标）")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="输出 JSON")] = False,
) -> None:
    """规划指标监测：数值、目标、进度、所需增速、趋势预测与状态 (monitor the plan's indicators)."""
    if sectors:
        rows = open_workspace().sector_monitor(period, plan, area)
        if as_json:
            print_json(rows)
            return
        print_table([{"产业": r.sector, "年份": r.data_year or "—", "营收(亿元)": fmt(r.value, 0),
                      "上年增长%": fmt(r.growth, 1), "目标(亿元)": f"{r.target:,.0f}（{r.target_year}）",
                      "所需年均增速%": fmt(r.required_growth, 1),
                      "状态": f"[{STATUS_STYLE[r.status]}]{r.status_zh}[/]"} for r in rows],
                    title=f"产业营收目标监测 {period}")
        console.print("[dim]产业与行业小类的对应关系见 src/gaodi/indicators/sectors.yaml（可替换）[/dim]")
        return
    records = open_workspace().monitor(period, plan, area)
    if as_json:
        print_json(records)
        return
    print_table(status_rows(records), title=f"规划监测 {period}")
    console.print("[dim]状态规则与指标口径见 docs/indicators.md；--json 给出每个数值的口径、规则版本和数据来源（导入编号）[/dim]")
