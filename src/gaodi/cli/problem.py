"""`gaodi problem`: the enterprise problems closed loop (企业问题闭环解决, 送解优) on the workspace's store.

Who acts: ``--actor`` (default 「命令行操作员」, the CLI operator) in role ``--role``. The role
defaults to service staff (staff), except ``start`` and ``reply`` (the department, 承办部门) and
``withdraw`` (the enterprise). ``--at`` records a past time (e.g. entering a paper record), never
earlier than the problem's previous event.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Any

import typer

from gaodi.cli.context import open_workspace
from gaodi.cli.output import console, print_json, print_table
from gaodi.errors import InputError, ValidationFailed
from gaodi.problems.service import ProblemService
from gaodi.problems.desk import ProblemSubmission
from gaodi.problems.events import in_china_time
from gaodi.problems.stats import GROUPINGS
from gaodi.problems.states import ACTION_LABELS, ROLE_LABELS, STATE_LABELS, Problem, State

CLI_ACTOR = "命令行操作员"

app = typer.Typer(
    name="problem",
    help="企业问题闭环：受理、交办、办理、答复、办结评价、重开；超期预警与分析 (enterprise problems).",
    no_args_is_help=True,
)

IdArg = Annotated[str, typer.Argument(help="问题编号 (problem id).")]
ActorOpt = Annotated[str, typer.Option("--actor", help="操作人姓名或账号 (who acts).")]
AtOpt = Annotated[str | None, typer.Option("--at", help="操作时间 YYYY-MM-DDTHH:MM（默认现在）(time of the action).")]
JsonOpt = Annotated[bool, typer.Option("--json", help="输出 JSON (print one JSON document).")]


RoleOpt = Annotated[str, typer.Option("--role", help="角色 enterprise | staff | department | supervisor.")]


def _services() -> ProblemService:
    return open_workspace().problems


def _at(text: str | None) -> dt.datetime | None:
    if text is None:
        return None
    try:
        return in_china_time(dt.datetime.fromisoformat(text))
    except ValueError:
        raise InputError(message=f"时间无法识别：{text!r}", message_en=f"unreadable time {text!r}",
                         fix="写成 2026-02-12T09:30 (use YYYY-MM-DDTHH:MM)") from None


def _day(text: str | None) -> dt.date | None:
    return None if text is None else _at(text).date()


def problem_row(p: Problem) -> dict[str, Any]:
    """A problem as one table row (Chinese state label, deadline, rating)."""
    return {"problem_id": p.problem_id, "state": STATE_LABELS[p.state], "uscc": p.uscc,
            "enterprise": p.enterprise_name, "title": p.title, "category": p.category, "chain": p.chain,
            "park": p.park, "department": p.department, "deadline": _deadline_text(p),
            "submitted": p.submitted_at.date(), "satisfaction": p.satisfaction, "reopened": p.reopen_count}


def _deadline_text(p: Problem) -> str | None:
    """The deadline as shown: the date, with （暂定） when it rests on a provisional calendar year."""
    if p.deadline is None:
        return None
    return f"{p.deadline}（暂定）" if p.deadline_provisional else p.deadline.isoformat()


def _done(p: Problem, json_out: bool) -> None:
    if json_out:
        print_json(p)
        return
    extra = f"，承办部门 {p.department}，期限 {_deadline_text(p)}" if p.department and p.deadline else ""
    console.print(f"问题 {p.problem_id}：{STATE_LABELS[p.state]}（{p.state}）{extra}；事件 {p.event_count} 条，"
                  f"链头 {p.head_hash[:12]}…")
    if p.deadline_provisional:
        console.print(f"期限暂定原因：{p.deadline_basis}")


@app.command("submit")
def submit_command(
    uscc: Annotated[str, typer.Option("--uscc", help="企业统一社会信用代码 (USCC).")],
    title: Annotated[str, typer.Option("--title", help="问题标题 (title).")],
    description: Annotated[str, typer.Option("--description", help="问题描述 (description).")],
    category: Annotated[str, typer.Option("--category", help="问题类别，如 用地 融资 用工 (category).")],
    chain: Annotated[str | None, typer.Option("--chain", help="所属产业链（默认按库中归属）(chain).")] = None,
    park: Annotated[str | None, typer.Option("--park", help="所在园区（默认按库中企业名录）(park).")] = None,
    actor: ActorOpt = CLI_ACTOR, role: RoleOpt = "staff", at: AtOpt = None, json_out: JsonOpt = False,
) -> None:
    """登记一个企业问题（已提交）(submit a problem)."""
    sub = ProblemSubmission(uscc=uscc.strip().upper(), title=title, description=description, category=category,
                            chain=chain, park=park, source="cli")
    _done(_services().submit(sub, actor=actor, role=role, at=_at(at)), json_out)


@app.command("accept")
def accept_command(problem_id: IdArg, actor: ActorOpt = CLI_ACTOR, role: RoleOpt = "staff",
                   at: AtOpt = None, json_out: JsonOpt = False) -> None:
    """受理 (accept)."""
    _done(_services().accept(problem_id, actor=actor, role=role, at=_at(at)), json_out)


@app.command("reject")
def reject_command(problem_id: IdArg, reason: Annotated[str, typer.Option("--reason", help="理由 (why).")],
                   actor: ActorOpt = CLI_ACTOR, role: RoleOpt = "staff", at: AtOpt = None,
                   json_out: JsonOpt = False) -> None:
    """不予受理，须写理由 (reject, with a reason)."""
    _done(_services().reject(problem_id, reason=reason, actor=actor, role=role, at=_at(at)), json_out)


@app.command("assign")
def assign_command(
    problem_id: IdArg, department: Annotated[str, typer.Option("--department", help="承办部门 (department).")],
    days: Annotated[int, typer.Option("--days", help="办理时限，工作日 (deadline in working days).")] = 10,
    reason: Annotated[str, typer.Option("--reason", help="交办说明 (note).")] = "",
    actor: ActorOpt = CLI_ACTOR, role: RoleOpt = "staff", at: AtOpt = None, json_out: JsonOpt = False,
) -> None:
    """交办承办部门，期限按法定工作日计算（含调休）(assign with a deadline in working days)."""
    _done(_services().assign(problem_id, department=department, deadline_workdays=days, actor=actor, role=role,
                             at=_at(at), reason=reason), json_out)


@app.command("transfer")
def transfer_command(
    problem_id: IdArg, department: Annotated[str, typer.Option("--department", help="新承办部门.")],
    reason: Annotated[str, typer.Option("--reason", help="转办理由 (why).")],
    days: Annotated[int | None, typer.Option("--days", help="新时限（默认沿用）(working days).")] = None,
    actor: ActorOpt = CLI_ACTOR, role: RoleOpt = "staff", at: AtOpt = None, json_out: JsonOpt = False,
) -> None:
    """转办另一部门，期限从转办日重新起算 (transfer; the clock restarts)."""
    _done(_services().transfer(problem_id, department=department, reason=reason, deadline_workdays=days,
                               actor=actor, role=role, at=_at(at)), json_out)


@app.command("start")
def start_command(problem_id: IdArg, actor: ActorOpt = CLI_ACTOR, role: RoleOpt = "department",
                  at: AtOpt = None, json_out: JsonOpt = False) -> None:
    """承办部门签收并开始办理 (the department starts)."""
    _done(_services().start(problem_id, actor=actor, role=role, at=_at(at)), json_out)


@app.command("reply")
def reply_command(problem_id: IdArg, text: Annotated[str, typer.Option("--text", help="答复内容 (reply).")],
                  actor: ActorOpt = CLI_ACTOR, role: RoleOpt = "department", at: AtOpt = None,
                  json_out: JsonOpt = False) -> None:
    """答复企业 (reply)."""
    _done(_services().reply(problem_id, reply=text, actor=actor, role=role, at=_at(at)), json_out)


@app.command("close")
def close_command(problem_id: IdArg,
                  satisfaction: Annotated[int, typer.Option("--satisfaction", help="满意度 1–5 (rating).")],
                  comment: Annotated[str, typer.Option("--comment", help="企业评价意见 (comment).")] = "",
                  actor: ActorOpt = CLI_ACTOR, role: RoleOpt = "staff", at: AtOpt = None,
                  json_out: JsonOpt = False) -> None:
    """办结并记录企业满意度（服务专员可代为评价）(close with the rating)."""
    _done(_services().close(problem_id, satisfaction=satisfaction, comment=comment, actor=actor, role=role,
                            at=_at(at)), json_out)


@app.command("reopen")
def reopen_command(
    problem_id: IdArg, reason: Annotated[str, typer.Option("--reason", help="重开理由 (why).")],
    department: Annotated[str | None, typer.Option("--department", help="改由另一部门办理（转为已交办）.")] = None,
    days: Annotated[int | None, typer.Option("--days", help="新时限（默认沿用）(working days).")] = None,
    actor: ActorOpt = CLI_ACTOR, role: RoleOpt = "staff", at: AtOpt = None, json_out: JsonOpt = False,
) -> None:
    """重新打开已答复或已办结的问题 (reopen)."""
    to = State.ASSIGNED if department else State.IN_PROGRESS
    _done(_services().reopen(problem_id, reason=reason, to=to, department=department, deadline_workdays=days,
                             actor=actor, role=role, at=_at(at)), json_out)


@app.command("withdraw")
def withdraw_command(problem_id: IdArg, reason: Annotated[str, typer.Option("--reason", help="撤回理由.")],
                     actor: ActorOpt = CLI_ACTOR, role: RoleOpt = "enterprise", at: AtOpt = None,
                     json_out: JsonOpt = False) -> None:
    """企业撤回 (the enterprise withdraws)."""
    _done(_services().withdraw(problem_id, reason=reason, actor=actor, role=role, at=_at(at)), json_out)


@app.command("list")
def list_command(
    state: Annotated[str | None, typer.Option("--state", help="状态 submitted|accepted|assigned|in_progress|…")] = None,
    department: Annotated[str | None, typer.Option("--department")] = None,
    category: Annotated[str | None, typer.Option("--category")] = None,
    chain: Annotated[str | None, typer.Option("--chain")] = None,
    park: Annotated[str | None, typer.Option("--park")] = None,
    uscc: Annotated[str | None, typer.Option("--uscc")] = None,
    limit: Annotated[int, typer.Option("--limit", help="表格最多显示行数 (rows shown).")] = 50,
    json_out: JsonOpt = False,
) -> None:
    """按条件列出问题，最新的在前 (list problems, newest first)."""
    found = _services().problems(state=state, department=department, category=category, chain=chain, park=park,
                                 uscc=uscc)
    if json_out:
        print_json([problem_row(p) for p in found])
        return
    print_table([problem_row(p) for p in found[:limit]], title=f"企业问题 {len(found)} 个 (problems)")


@app.command("show")
def show_command(problem_id: IdArg, json_out: JsonOpt = False) -> None:
    """一个问题的现状与完整历史（谁、何时、为何），并校验哈希链 (state and history)."""
    svc = _services()
    p, events, check = svc.problem(problem_id), svc.history(problem_id), svc.verify(problem_id)[0]
    if json_out:
        print_json({"problem": p, "history": [e.as_dict() for e in events], "verified": check.ok,
                    "issues": check.issues})
        return
    _done(p, False)
    console.print(f"{p.enterprise_name or ''}（{p.uscc}）「{p.title}」 {p.category}；{p.description}")
    print_table([{"seq": e.seq, "时间": e.at.strftime("%Y-%m-%d %H:%M"), "操作": ACTION_LABELS.get(e.action, e.action),
                  "状态": f"{STATE_LABELS.get(e.from_state, '—')} → {STATE_LABELS[e.to_state]}", "操作人": e.actor,
                  "角色": ROLE_LABELS.get(e.role, e.role), "理由": e.reason, "内容": e.payload_json}
                 for e in events], title="历史 (history)")
    word = "[green]哈希链完整[/green]" if check.ok else "[red]历史被改动[/red]：" + "；".join(
        i.message for i in check.issues)
    console.print(word)


@app.command("verify")
def verify_command(problem_id: Annotated[str | None, typer.Argument(help="问题编号；省略则校验全部 (problem id).")] = None,
                   json_out: JsonOpt = False) -> None:
    """校验诉求历史的 HMAC 封存链（一个或全部）；有问题时退出码为 1 (verify problem histories)."""
    checks = _services().verify(problem_id)
    broken = [c for c in checks if not c.ok]
    if json_out:
        print_json({"ok": not broken, "checked": len(checks), "broken": [
            {"problem_id": c.problem_id, "issues": c.issues} for c in broken]})
    else:
        console.print(f"诉求历史 {len(checks)} 个：" + ("[green]全部完整[/green]" if not broken
                                                else f"[red]{len(broken)} 个被改动或未封存[/red]"))
        if broken:
            print_table([{"问题编号": c.problem_id, "事件": i.seq, "问题": i.kind, "说明": i.message}
                         for c in broken for i in c.issues], title="问题 (issues)")
    if broken:
        raise typer.Exit(1)


@app.command("stats")
def stats_command(
    by: Annotated[str, typer.Option("--by", help="分组：" + " | ".join([*GROUPINGS, "city"]))] = "category",
    as_of: Annotated[str | None, typer.Option("--as-of", help="统计日期（默认今天）.")] = None,
    json_out: JsonOpt = False,
) -> None:
    """按类别、产业链、园区、部门统计：数量、按期率、重复问题、办结用时、满意度 (analysis)."""
    frame = _services().stats(by, _day(as_of))
    if json_out:
        print_json(frame)
        return
    print_table(frame.to_dict(orient="records"), title=f"问题分析：按{GROUPINGS.get(by, '市')} (by {by})",
                columns=[by, "problems", "open", "closed", "overdue_now", "on_time_rate", "repeat_problems",
                         "median_workdays_to_close", "p90_workdays_to_close", "mean_satisfaction"])


@app.command("overdue")
def overdue_command(
    today: Annotated[str | None, typer.Option("--today", help="预警日期（默认今天）.")] = None,
    within: Annotated[int, typer.Option("--within", help="几个工作日内到期算即将到期.")] = 2,
    json_out: JsonOpt = False,
) -> None:
    """超期与即将到期预警，超期最久的在前 (overdue warnings)."""
    found = _services().overdue(_day(today), within)
    if json_out:
        print_json(found)
        return
    print_table([{"problem_id": s.problem_id, "预警": s.label, "department": s.department, "deadline": s.deadline,
                  "state": s.state, "title": s.title} for s in found], title="超期预警 (deadline warnings)")
    if any(s.provisional for s in found):
        console.print("标（暂定）的期限或天数用到了尚无正式节假日安排的年份：" + next(s.basis for s in found if s.provisional))


@app.command("import")
def import_command(path: Annotated[Path, typer.Argument(help="送解优问题收集表 CSV/XLSX (collection file).")],
                   actor: ActorOpt = CLI_ACTOR, json_out: JsonOpt = False) -> None:
    """导入送解优月度问题收集表：有错误行则整表不入库并逐行报告 (batch intake)."""
    try:
        outcome = _services().import_collection(path, actor=actor)
    except ValidationFailed as exc:
        if not json_out:
            print_table(exc.details.get("errors", []), title="错误行（整表未入库）rejected rows; nothing was recorded",
                        columns=["row", "column", "value", "message", "fix"])
        raise
    if json_out:
        print_json(outcome)
        return
    console.print(f"{outcome.file}：登记 {len(outcome.submitted)} 个问题；已登记过而跳过 {len(outcome.already_recorded)} 行")
