"""`gaodi demo`: build the demo province, import it, print what came out."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from gaodi.cli.context import open_workspace
from gaodi.cli.monitor import status_rows
from gaodi.cli.output import console, print_json, print_table
from gaodi.cli.serve import serve
from gaodi.cli.users import print_demo_logins
from gaodi.demo.targets import COUNTS, PLAN_AVERAGE_GROWTH, SHARES


def demo_command(
    size: Annotated[str, typer.Option(help="small（测试）| medium（默认，约 2 万家规上企业）| large（基准测试）")]
    = "medium",
    as_json: Annotated[bool, typer.Option("--json", help="输出 JSON")] = False,
    serve_ui: Annotated[bool, typer.Option(
        "--serve/--no-serve", help="最后启动网页界面（--no-serve 不启动，供脚本使用；--json 时不启动）")] = True,
    host: Annotated[str, typer.Option(help="网页界面监听地址 (address of the web UI)")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="网页界面端口 (port of the web UI)")] = 8000,
) -> None:
    """生成演示省份并通过导入流程入库，打印全省概况 (build and import the demo province)."""
    g = open_workspace()
    with Progress(TextColumn("{task.description}"), BarColumn(), TextColumn("{task.completed}/{task.total}"),
                  TimeElapsedColumn(), console=console, disable=as_json) as bars:
        tasks: dict[str, int] = {}

        def step(label: str, done: int, total: int) -> None:
            phase = next((p for p in ("导入", "收尾") if label.startswith(p)), "生成")
            if phase not in tasks:
                tasks[phase] = bars.add_task(phase, total=total)
            text = label.removeprefix("收尾：")
            bars.update(tasks[phase], completed=done, total=total, description=f"{phase}：{text}")

        result = g.demo(size, progress=step)
    logins = g.users.demo()
    if as_json:
        print_json(result)
        return
    console.print(f"\n[bold]演示省份（{size}）[/bold] 文件在 {result.folder}，用时 {result.seconds:.0f} 秒")
    console.print("、".join(f"{k} {v:,}" for k, v in result.counts.items()))
    plan = {**{k: v[0] for k, v in COUNTS.items()}, **{k: v[0] for k, v in SHARES.items()},
            "mfg_va_growth": "{:g}（{}）".format(*PLAN_AVERAGE_GROWTH)}
    print_table([{"指标": f.name, "年份": f.year, "按定义计算": None if f.value is None else round(f.value, 2),
                  "单位": f.unit,
                  "规划基期值": plan.get(f.key), "口径": f.definition} for f in result.figures],
                title="全省概况（由企业数据按定义计算）province summary, computed by definition")
    print_table(status_rows(result.monitor), title=f"规划监测 {result.period}（湘政发〔2026〕6号 主要目标）")
    if result.plan_note:
        console.print(f"[yellow]注：{result.plan_note['text']}[/yellow]")
    console.print(f"[dim]gaodi --home {g.settings.home} monitor --period {result.period} --json 给出每个数值的来源[/dim]")
    for path in result.reports:
        console.print(f"监测报告 report: {path}")
    print_demo_logins(logins)
    if serve_ui:
        serve(g, host, port, production=False)
