"""`gaodi monitor`: where the plan stands for a period, in the province, a city or a park."""

from __future__ import annotations

from typing import Annotated

import typer

from gaodi.cli.context import open_workspace
from gaodi.cli.output import console, print_json, print_table
from gaodi.monitor.why import BY

STATUS_STYLE = {"achieved": "green", "on_track": "green", "at_risk": "yellow", "behind": "red", "pending": "dim"}


def fmt(v, digits: int = 2) -> str:
    if v is None:
        return "—"
    if isinstance(v, float) and round(v, digits) == 0:
        v = 0.0  # no "-0"
    return f"{v:,.{digits}f}".rstrip("0").rstrip(".") if isinstance(v, float) else str(v)


def status_rows(records) -> list[dict]:
    return [{"序号": r.number, "指标": r.indicator, "单位": r.unit or "", "数值": fmt(r.value),
             "数据期": r.value_label or r.data_period or "", "基期": fmt(r.base),
             "目标": f"{r.target}（{r.target_year}）", "进度": r.progress_text or "—", "预测": fmt(r.forecast),
             "状态": f"[{STATUS_STYLE[r.status]}]{r.status_zh}[/]"} for r in records]


def official_table(records) -> None:
    """The records with an official value: computed and official side by side, with the one the status uses."""
    both = [r for r in records if r.official_value is not None]
    if both:
        print_table([{"序号": r.number, "指标": r.indicator, "按定义计算": fmt(r.computed_value),
                      "官方发布": fmt(r.official_value), "官方统计期": r.official_period or "同数据期",
                      "差": fmt(r.difference), "来源": r.official_source,
                      "状态依据": "官方发布" if r.value_source == "official" else "按定义计算"} for r in both],
                    title="按定义计算与官方发布对照")


app = typer.Typer(invoke_without_command=True, no_args_is_help=False,
                  help="规划指标监测 (monitor the plan); `gaodi monitor why 13 --period 2026-10` 分解原因")

AreaOption = Annotated[str | None, typer.Option(
    help="市州代码（430100）、县市区代码、园区代码或 chain:链代码；省略为全省")]


@app.callback()
def monitor_command(
    ctx: typer.Context,
    period: Annotated[str | None, typer.Option(help="统计期：2025 或 2026-10（1-10月累计）")] = None,
    plan: Annotated[str | None, typer.Option(help="规划代码（库中只有一个规划时可省略）")] = None,
    area: AreaOption = None,
    sectors: Annotated[bool, typer.Option("--sectors", help="监测产业营收目标（而非主要指标）")] = False,
    counts: Annotated[bool, typer.Option("--counts", help="监测数量目标（千亿企业、小巨人、智能工厂……）")] = False,
    value_source: Annotated[str, typer.Option(
        help="状态依据：computed（按定义计算）或 official（有同期官方发布值时用官方值）")] = "computed",
    as_json: Annotated[bool, typer.Option("--json", help="输出 JSON")] = False,
) -> None:
    """规划指标监测：数值、目标、进度、所需增速、趋势预测与状态 (monitor the plan's indicators)."""
    if ctx.invoked_subcommand is not None:
        return
    if period is None:
        raise typer.BadParameter("请给出统计期，如 --period 2026-10 (give --period)", param_hint="--period")
    if counts:
        records = open_workspace().count_monitor(period, plan, area)
        if as_json:
            print_json(records)
            return
        print_table(status_rows(records), title=f"数量目标监测 {period}")
        official_table(records)
        return
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
    records = open_workspace().monitor(period, plan, area, value_source)
    if as_json:
        print_json(records)
        return
    print_table(status_rows(records), title=f"规划监测 {period}")
    official_table(records)
    console.print("[dim]状态规则与指标口径见 docs/indicators.md；--json 给出每个数值的口径、规则版本和数据来源（导入编号）[/dim]")


@app.command("why")
def why_command(
    indicator: Annotated[str, typer.Argument(help="指标序号（如 13）、名称或口径代码（如 hightech_share）")],
    period: Annotated[str, typer.Option(help="统计期：2025 或 2026-10（1-10月累计）")],
    plan: Annotated[str | None, typer.Option(help="规划代码（库中只有一个规划时可省略）")] = None,
    area: AreaOption = None,
    by: Annotated[str, typer.Option(help="按 city（市州）、county（县市区）或 park（园区）分解")] = "city",
    as_json: Annotated[bool, typer.Option("--json", help="输出 JSON")] = False,
) -> None:
    """指标为何如此：各市州（县、园区）对数值及其较基期变化的贡献，拖累最大的在前 (why an indicator is behind)."""
    b = open_workspace().monitor_why(indicator, period, plan, area, by)
    if as_json:
        print_json(b)
        return
    unit = b.unit or ""
    console.print(f"[bold]{b.number}. {b.indicator}[/bold] {b.period}：{fmt(b.value)}{unit}，"
                  f"基期 {b.base_period}：{fmt(b.base_value)}{unit}，变化 {fmt(b.change)}")
    if b.note:
        console.print(f"[dim]{b.note}[/dim]")
        return
    console.print(f"[dim]{b.method}[/dim]")
    print_table([{"地区": p.name, "本期": fmt(p.value), "基期": fmt(p.base_value), "贡献": fmt(p.contribution, 3),
                  "对变化的贡献": fmt(p.change, 3), "其中：内部变化": fmt(p.within, 3), "结构变化": fmt(p.mix, 3)}
                 for p in b.parts], title=f"分解（按{BY[b.by]}）")


@app.command("load-official")
def load_official_command(
    dataset: Annotated[str, typer.Argument(help="参考数据集（随 gaodi 发布）")] = "hunan_official",
) -> None:
    """导入随附的官方发布值（含来源、网址、发布日期），与按定义计算值对照 (import published figures)."""
    result = open_workspace().load_official_values(dataset)
    console.print(f"已导入 {result.rows_imported} 条官方发布值"
                  f"（{dataset}）；`gaodi monitor --period P` 会在同期数值旁列出官方值及差额")
