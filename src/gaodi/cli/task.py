"""`gaodi task`: tasks (督办) given to responsible bodies, on the workspace's store.

The CLI works on the workspace file, so it acts with the province's rights; ``--actor`` names who acts
(written in the history and the audit trail). ``--on`` (new) dates a paper record in the past.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Annotated

import typer

from gaodi.cli.context import open_workspace
from gaodi.cli.output import console, print_json, print_table
from gaodi.errors import InputError
from gaodi.serialize import to_jsonable
from gaodi.tasks.service import CLI_ACTOR, Actor
from gaodi.tasks.states import ACTION_LABELS, Action
from gaodi.tasks.views import TaskView

app = typer.Typer(name="task", help="督办：交办、报告进展、超期升级、办结、重开 (tasks to responsible bodies).",
                  no_args_is_help=True)

IdArg = Annotated[str, typer.Argument(help="督办编号，如 DB2026-00001 (task id).")]
ActorOpt = Annotated[str, typer.Option("--actor", help="操作人 (who acts).")]
JsonOpt = Annotated[bool, typer.Option("--json", help="输出 JSON (print one JSON document).")]


def _actor(name: str) -> Actor:
    return dataclasses.replace(CLI_ACTOR, username=name)


def _row(v: TaskView) -> dict:
    deadline = f"{v.deadline}{'（暂定）' if v.deadline_provisional else ''}" if v.deadline else "无法计算"
    late = f"超期 {v.workdays_overdue} 个工作日" if v.overdue else (
        f"剩 {v.workdays_left} 个工作日" if v.workdays_left is not None else "")
    return {"编号": v.task_id, "标题": v.title, "责任单位": v.body_name, "状态": v.state_label,
            "期限": deadline, "提示": late, "来源": v.source_label + (f" {v.source_ref}" if v.source_ref else "")}


def _show(v: TaskView, as_json: bool) -> None:
    if as_json:
        print_json(to_jsonable(v))
        return
    print_table([_row(v)], title="督办事项 (task)")
    if v.deadline_provisional and v.deadline_basis:
        console.print(f"期限为暂定：{v.deadline_basis}")


@app.command("bodies")
def bodies_command(kind: Annotated[str | None, typer.Option("--kind", help="department | city | county | park | chain")] = None,
                   as_json: JsonOpt = False) -> None:
    """List the responsible bodies and their codes (责任单位)."""
    every = [b.as_dict() for b in open_workspace().tasks.bodies()]
    names = {b["code"]: b["name"] for b in every}
    found = [b for b in every if kind is None or b["kind"] == kind]
    if as_json:
        print_json(found)
        return
    print_table([{"代码": b["code"], "名称": b["name"], "类别": b["kind_label"], "上级": names.get(b["superior"], "—")}
                 for b in found], title=f"责任单位 {len(found)} 个 (bodies)")


@app.command("new")
def new_command(title: Annotated[str, typer.Option("--title", help="标题 (title).")],
                body: Annotated[str, typer.Option("--body", help="责任单位代码，如 county:430104 (see gaodi task bodies).")],
                days: Annotated[int, typer.Option("--days", help="办理期限（工作日）(deadline in working days).")] = 10,
                source_kind: Annotated[str, typer.Option("--source-kind", help="warning | indicator | manual")] = "manual",
                source_ref: Annotated[str | None, typer.Option("--source-ref", help="预警编号或指标序号 (source).")] = None,
                detail: Annotated[str | None, typer.Option("--detail", help="要求与说明 (details).")] = None,
                on: Annotated[str | None, typer.Option("--on", help="补录：交办日期 YYYY-MM-DD (assigned on).")] = None,
                actor: ActorOpt = CLI_ACTOR.username, as_json: JsonOpt = False) -> None:
    """Give a task to a responsible body, with a deadline in working days."""
    task = open_workspace().tasks.new(_actor(actor), title=title, body=body, source_kind=source_kind,
                                      source_ref=source_ref, detail=detail, deadline_workdays=days,
                                      set_on=_day(on))
    _show(task, as_json)


@app.command("list")
def list_command(body: Annotated[str | None, typer.Option("--body", help="责任单位代码 (body).")] = None,
                 state: Annotated[str | None, typer.Option("--state", help="open | reported | escalated | closed")] = None,
                 overdue: Annotated[bool, typer.Option("--overdue", help="只列超期 (overdue only).")] = False,
                 as_json: JsonOpt = False) -> None:
    """List tasks, newest first."""
    found = open_workspace().tasks.list(body=body, state=state, overdue=True if overdue else None)
    if as_json:
        print_json(to_jsonable(found))
        return
    late = sum(v.overdue for v in found)
    print_table([_row(v) for v in found], title=f"督办事项 {len(found)} 项，其中超期 {late} 项 (tasks)")


@app.command("show")
def show_command(task_id: IdArg, as_json: JsonOpt = False) -> None:
    """Show a task and every step of its history."""
    g = open_workspace()
    task, events = g.tasks.get(task_id), g.tasks.history(task_id)
    if as_json:
        print_json({"task": to_jsonable(task), "history": to_jsonable(events)})
        return
    _show(task, False)
    names = {b.code: b.name for b in g.tasks.bodies()}
    print_table([{"#": e.seq, "时间": e.at.strftime("%Y-%m-%d %H:%M"), "操作": ACTION_LABELS[Action(e.action)],
                  "操作人": e.actor, "责任单位": names.get(e.body, e.body), "说明": e.note or ""} for e in events],
                title="办理过程 (history)")
    if task.evidence:
        console.print(f"办结依据：{task.evidence}")


TextOpt = Annotated[str, typer.Option("--text", help="进展情况、办结依据或理由 (the report, evidence or reason).")]


def _step(name: str, task_id: str, text: str, actor: str, as_json: bool) -> None:
    _show(getattr(open_workspace().tasks, name)(_actor(actor), task_id, text), as_json)


@app.command("report")
def report_command(task_id: IdArg, text: TextOpt, actor: ActorOpt = CLI_ACTOR.username, as_json: JsonOpt = False) -> None:
    """Record a progress report of the responsible body."""
    _step("report", task_id, text, actor, as_json)


@app.command("escalate")
def escalate_command(task_id: IdArg, text: Annotated[str, typer.Option("--text", help="升级说明 (why).")] = "",
                     actor: ActorOpt = CLI_ACTOR.username, as_json: JsonOpt = False) -> None:
    """Escalate an overdue task to its body's superior (county → city → province)."""
    _step("escalate", task_id, text, actor, as_json)


@app.command("close")
def close_command(task_id: IdArg, text: TextOpt, actor: ActorOpt = CLI_ACTOR.username, as_json: JsonOpt = False) -> None:
    """Close a task with its evidence (办结依据)."""
    _step("close", task_id, text, actor, as_json)


@app.command("reopen")
def reopen_command(task_id: IdArg, text: TextOpt, actor: ActorOpt = CLI_ACTOR.username, as_json: JsonOpt = False) -> None:
    """Reopen a closed task with a reason; a new deadline runs from today."""
    _step("reopen", task_id, text, actor, as_json)


@app.command("remind")
def remind_command(as_json: JsonOpt = False) -> None:
    """Tell each body of its tasks due within 2 working days (once per deadline): run daily."""
    count = open_workspace().tasks.remind()
    print_json({"reminded": count}) if as_json else console.print(f"已提醒 {count} 项即将到期的督办事项")


@app.command("email")
def email_command(username: Annotated[str, typer.Argument(help="账户 (account).")],
                  address: Annotated[str | None, typer.Argument(help="邮件地址；省略即清除 (address).")] = None) -> None:
    """Set the address an account's task notifications are e-mailed to."""
    open_workspace().notifications.set_email(username, address)
    console.print(f"{username} 的通知邮件地址：{address or '（已清除）'}")


def _day(text: str | None) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InputError(f"日期无法识别：{text!r}", f"unreadable date {text!r}", fix="写成 2026-09-29") from None
