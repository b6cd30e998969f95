"""`gaodi warn ...`: the warnings (预警) — rules, running them, listing, showing and moving them on.

The CLI is the workspace's operator: it sees every warning (the province's view) and acts as ``--actor``
(default 命令行操作员); every state change goes into the audit trail.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Optional

import typer

from gaodi.access.scope import PROVINCE
from gaodi.cli.context import open_workspace
from gaodi.cli.output import console, print_json, print_table

app = typer.Typer(name="warn", help="预警：规则、运行、列表与处置 (warnings).", no_args_is_help=True)
rules_app = typer.Typer(name="rules", help="预警规则 (warning rules).", no_args_is_help=True)
app.add_typer(rules_app, name="rules")

CLI_ACTOR = "命令行操作员"
JsonOpt = Annotated[bool, typer.Option("--json", help="输出 JSON (print JSON)")]
ActorOpt = Annotated[str, typer.Option("--actor", help="操作人 (who acts)")]
IdArg = Annotated[str, typer.Argument(help="预警编号 (warning id)")]


@app.callback()
def warn_group() -> None:
    """预警：规则、运行、列表与处置 (warnings)."""


@rules_app.command("load")
def rules_load(path: Annotated[Path, typer.Argument(help="规则文件 YAML (rule file)")], actor: ActorOpt = CLI_ACTOR,
               as_json: JsonOpt = False) -> None:
    """载入一个地区的预警规则（校验不通过则不改动工作区）(load a rule set)."""
    with open_workspace() as g:
        result = g.alerts.load_rules(path, by=actor)
    if as_json:
        print_json(result)
        return
    state = "已载入" if result["new"] else "同一版本已在库中，未改动"
    console.print(f"{state}：{result['name']} 版本 {result['version']}（地区 {result['jurisdiction']}，"
                  f"{result['rules']} 条规则，{result['effective']} 起生效）")


@rules_app.command("list")
def rules_list(as_json: JsonOpt = False) -> None:
    """在用的预警规则 (the rules in use)."""
    from gaodi.alerts.rules import KINDS, MEASURES, SEVERITIES

    with open_workspace() as g:
        sets = g.alerts.rule_sets()
    if as_json:
        print_json(sets)
        return
    for rs in sets:
        print_table([{"编号": r.id, "类型": KINDS[r.kind], "度量": MEASURES[r.measure][2], "阈值": r.threshold,
                      "期数(月)": r.period, "级别": SEVERITIES[r.severity], "地区": r.area or "全地区"}
                     for r in rs.rules], title=f"{rs.name} 版本 {rs.version}（{rs.effective} 起）")


@app.command("run")
def run(as_of: Annotated[Optional[str], typer.Option("--as-of", help="评估日期 YYYY-MM-DD，默认今天")] = None,
        actor: ActorOpt = CLI_ACTOR, as_json: JsonOpt = False) -> None:
    """按在用规则重新评估全部预警（重复运行不会重复生成）(evaluate the warnings)."""
    with open_workspace() as g:
        result = g.alerts.run(dt.date.fromisoformat(as_of) if as_of else None, by=actor)
    if as_json:
        print_json(result)
        return
    console.print(f"评估日期 {result['as_of']}：共 {result['raised']} 条预警，新增 {result['new']} 条，"
                  f"已有 {result['kept']} 条（状态保留），不再触发 {result['no_longer_raised']} 条")


@app.command("list")
def list_(severity: Annotated[Optional[str], typer.Option(help="high | medium | low")] = None,
          kind: Annotated[Optional[str], typer.Option(help="plan | operation | chain | project | problem")] = None,
          area: Annotated[Optional[str], typer.Option(help="市代码、园区代码或 chain:产业链代码")] = None,
          state: Annotated[Optional[str], typer.Option(help="new | acknowledged | in_hand | resolved | dismissed")]
          = None, limit: Annotated[int, typer.Option(min=1, max=5000)] = 200, as_json: JsonOpt = False) -> None:
    """预警列表，附依据 (warnings with their evidence)."""
    with open_workspace() as g:
        total, rows = g.alerts.list(PROVINCE, severity=severity, kind=kind, area=area, state=state, limit=limit)
    if as_json:
        print_json({"total": total, "items": rows})
        return
    print_table([{"编号": r["alert_id"], "级别": r["severity_zh"], "类型": r["kind_zh"], "预警": r["title"],
                  "依据": evidence_text(r["evidence"]), "责任主体": r["body_name"], "状态": r["state_zh"]}
                 for r in rows], title=f"预警 {len(rows)} / {total} 条")


@app.command("show")
def show(alert_id: IdArg, as_json: JsonOpt = False) -> None:
    """一条预警的依据、责任主体与状态 (one warning)."""
    with open_workspace() as g:
        row = g.alerts.get(PROVINCE, alert_id)
    if as_json:
        print_json(row)
        return
    console.print(f"[bold]{row['title']}[/bold]（{row['severity_zh']}级 · {row['kind_zh']} · {row['state_zh']}）")
    console.print(f"对象：{row['subject_name']}　期间：{row['period']}　责任主体：{row['body_name']}（{row['body_code']}）")
    console.print(f"规则：{row['rule_id']}（{row['measure_zh']}，版本 {row['rule_version']}）")
    if row.get("reason"):
        console.print(f"理由：{row['reason']}")
    print_table([{"依据": e["label"], "期间": e.get("period"), "数值": e.get("value"), "单位": e.get("unit"),
                  "说明": _extra(e)} for e in row["evidence"]], title="依据 (evidence)")
    console.print(f"交办：{row['task_link']}")


def _act(action: str, alert_id: str, actor: str, reason: str | None, as_json: bool) -> None:
    with open_workspace() as g:
        row = g.alerts.act(PROVINCE, "admin", alert_id, action, by=actor, reason=reason)
    if as_json:
        print_json(row)
    else:
        console.print(f"预警 {alert_id}：{row['state_zh']}")


@app.command("ack")
def ack(alert_id: IdArg, actor: ActorOpt = CLI_ACTOR, as_json: JsonOpt = False) -> None:
    """确认预警 (acknowledge)."""
    _act("ack", alert_id, actor, None, as_json)


@app.command("start")
def start(alert_id: IdArg, actor: ActorOpt = CLI_ACTOR, as_json: JsonOpt = False) -> None:
    """开始处置 (in hand)."""
    _act("start", alert_id, actor, None, as_json)


@app.command("resolve")
def resolve(alert_id: IdArg, reason: Annotated[Optional[str], typer.Option("--reason", help="说明")] = None,
            actor: ActorOpt = CLI_ACTOR, as_json: JsonOpt = False) -> None:
    """解除预警 (resolved)."""
    _act("resolve", alert_id, actor, reason, as_json)


@app.command("dismiss")
def dismiss(alert_id: IdArg, reason: Annotated[str, typer.Option("--reason", help="排除理由（必填）")],
            actor: ActorOpt = CLI_ACTOR, as_json: JsonOpt = False) -> None:
    """排除预警，须写理由 (dismiss with a reason)."""
    _act("dismiss", alert_id, actor, reason, as_json)


def evidence_text(evidence: list[dict]) -> str:
    """The evidence in one line: 营业收入（当月） 2026-10 80 万元（上年同月 100，-20.0%）; …"""
    parts = []
    for e in evidence[:4]:
        value = "" if e.get("value") is None else f" {e['value']:,.4g} {e.get('unit', '')}".rstrip()
        parts.append(f"{e['label']} {e.get('period', '')}{value}{_extra(e, brackets=True)}")
    return "；".join(parts) + ("…" if len(evidence) > 4 else "")


def _extra(e: dict, brackets: bool = False) -> str:
    bits = []
    if e.get("before") is not None:
        bits.append(f"上年同月 {e['before']:,.4g}")
    if e.get("change") is not None:
        bits.append(f"{e['change'] * 100:+.1f}%" if e.get("unit") != "比例" else f"{e['change'] * 100:+.1f} 个百分点")
    if e.get("note"):
        bits.append(e["note"])
    text = "，".join(bits)
    return f"（{text}）" if brackets and text else text
