"""`gaodi audit verify`: check the sealed chains of the audit log and of every problem history."""

from __future__ import annotations

from typing import Annotated

import typer

from gaodi.cli.context import open_workspace
from gaodi.cli.output import console, print_json, print_table

app = typer.Typer(name="audit", help="审计日志与封存校验 (the audit log and its seal).", no_args_is_help=True)


@app.callback()
def audit_group() -> None:
    """审计日志与封存校验 (the audit log and its seal)."""


@app.command("verify")
def verify(as_json: Annotated[bool, typer.Option("--json", help="输出 JSON (print JSON)")] = False) -> None:
    """校验审计日志和全部诉求历史的 HMAC 封存链；有问题时退出码为 1 (verify the sealed records)."""
    with open_workspace() as g:
        result = g.verify_records()
    if as_json:
        print_json(result)
    else:
        print_verdict(result)
    if not result["ok"]:
        raise typer.Exit(1)


def print_verdict(result: dict) -> None:
    """The verdict in words, then a table of what is broken."""
    log, problems = result["audit_log"], result["problems"]
    console.print(f"封存密钥 key {result['key_id']}；审计日志 {log['entries']} 条："
                  + ("[green]完整[/green]" if log["ok"] else f"[red]{log['issue_count']} 处问题[/red]"))
    console.print(f"诉求历史 {problems['checked']} 个：" + ("[green]全部完整[/green]" if not problems["broken_count"]
                                                      else f"[red]{problems['broken_count']} 个被改动或未封存[/red]"))
    rows = [{"对象": f"审计 #{i['audit_id']}", "问题": i["kind"], "说明": i["message"]} for i in log["issues"]]
    rows += [{"对象": f"诉求 {b['problem_id']} 事件 {i['seq']}", "问题": i["kind"], "说明": i["message"]}
             for b in problems["broken"] for i in b["issues"]]
    if rows:
        print_table(rows, title="问题 (issues)")
