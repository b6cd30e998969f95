"""`gaodi calendar`: the working-day calendar: each year's basis, loading an official arrangement, a deadline."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from gaodi.cli.context import open_workspace
from gaodi.cli.output import console, print_json, print_table
from gaodi.errors import InputError

app = typer.Typer(
    name="calendar",
    help="工作日历：各年依据（正式安排或暂定）、载入国务院节假日安排、计算期限 (the working-day calendar).",
    no_args_is_help=True,
)

JsonOpt = Annotated[bool, typer.Option("--json", help="输出 JSON (print one JSON document).")]


@app.command("load")
def load_command(path: Annotated[Path, typer.Argument(help="节假日安排 YAML 文件 (arrangement file).")],
                 actor: Annotated[str, typer.Option("--actor", help="操作人 (who loads it).")] = "命令行操作员",
                 json_out: JsonOpt = False) -> None:
    """载入国务院办公厅某年节假日安排；该年的暂定期限在下次读取时按正式安排重算 (load an official arrangement)."""
    with open_workspace() as g:
        loaded = g.problems.load_calendar(path, loaded_by=actor)
    if json_out:
        print_json(loaded)
        return
    what = "已载入" if loaded["new"] else "此前已载入（内容相同，未重复保存）"
    console.print(f"{loaded['year']} 年节假日安排{what}：{loaded['document_number']}（{loaded['issued_on']}），"
                  f"放假 {loaded['holidays']} 天（含周末），调休上班 {loaded['workdays']} 天；该年的工作日按此安排计算，"
                  "此前的暂定期限在下次读取时重算。")


@app.command("years")
def years_command(first: Annotated[int | None, typer.Option("--from", help="起始年份（默认去年）.")] = None,
                  last: Annotated[int | None, typer.Option("--to", help="结束年份（默认五年后）.")] = None,
                  json_out: JsonOpt = False) -> None:
    """各年工作日历的依据：正式（文号）或暂定（原因）(each year's basis)."""
    with open_workspace() as g:
        rows = g.problems.calendar_years(first, last)
    if json_out:
        print_json(rows)
        return
    print_table([{"year": r["year"], "依据 basis": "暂定 provisional" if r["provisional"] else "正式 official",
                  "文号/来源 document": r.get("document_number") or ("—" if r["provisional"] else r.get("source")),
                  "工作日 workdays": r.get("workdays_in_year")} for r in rows],
                title="工作日历 working-day calendar")
    if any(r["provisional"] for r in rows):
        console.print("暂定年份：" + next(r["reason"] for r in rows if r["provisional"]))


@app.command("deadline")
def deadline_command(start: Annotated[str, typer.Argument(help="起算日 YYYY-MM-DD（当日不计）(start day).")],
                     days: Annotated[int, typer.Argument(help="工作日数 (working days).")],
                     json_out: JsonOpt = False) -> None:
    """从起算日起第 N 个工作日（期限从次日起算）；用到暂定年份时标明暂定 (the n-th working day after a day)."""
    try:
        day = dt.date.fromisoformat(start)
    except ValueError:
        raise InputError(message=f"日期无法识别：{start!r}", message_en=f"unreadable date {start!r}",
                         fix="写成 YYYY-MM-DD，如 2026-12-20") from None
    with open_workspace() as g:
        result = g.problems.calendar.deadline(day, days)
    if json_out:
        print_json(result)
        return
    mark = "（暂定 provisional）" if result.provisional else ""
    console.print(f"{day} 起第 {days} 个工作日：{result.date}{mark}")
    if result.provisional:
        console.print(f"暂定原因：{result.reason}")
