"""`gaodi plan`: read a plan document into an editable YAML draft, check it, show a plan."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from gaodi.cli.output import err_console, print_json, print_table
from gaodi.errors import InputError, Location
from gaodi.plan import (
    Plan,
    PlanReading,
    UnreadItem,
    load_builtin_plan,
    load_plan_yaml,
    plan_to_yaml,
    read_plan_document,
)

app = typer.Typer(name="plan", help="规划：读取规划文件、校对并检查规划 YAML (plans as data).",
                  no_args_is_help=True)

JsonOption = Annotated[bool, typer.Option("--json", help="输出 JSON (print JSON)")]


@app.command("import")
def import_(
    file: Annotated[Path, typer.Argument(help="规划文件 .pdf/.docx/.txt/.md/.html (plan document)")],
    output: Annotated[Path | None, typer.Option(
        "--output", "--out", "-o",
        help="把可编辑的 YAML 草稿写到此路径；不给则不写任何文件 (write the YAML draft here; "
             "without it no file is written)")] = None,
    plan_id: Annotated[str | None, typer.Option(
        "--id", help="规划标识，小写字母数字下划线 (plan id). Default: from the file name")] = None,
    force: Annotated[bool, typer.Option("--force", help="覆盖已有草稿 (overwrite the draft)")] = False,
    as_json: JsonOption = False,
) -> None:
    """读取规划文件，打印读出的指标和目标及未读出的内容；给出 --output 时写出可编辑的 YAML 草稿。"""
    reading = read_plan_document(file, plan_id=plan_id)
    if output is not None:
        _write_draft(reading, file, output, force)
    if as_json:
        print_json(reading.as_dict())
        return
    _print_plan(reading.plan)
    _print_unread(reading.unread)
    err_console.print(f"未读出 {len(reading.unread)} 项 (unread items)"
                      + (f"；已写出草稿 (draft written): {output}" if output else
                         "；加 --output 草稿.plan.yaml 可写出草稿 (add --output to write a draft)"))


def _write_draft(reading: PlanReading, file: Path, target: Path, force: bool) -> None:
    if target.exists() and not force:
        raise InputError(message="草稿文件已存在，为免覆盖已校对的内容未写入",
                         message_en="the draft file exists and was not overwritten",
                         fix="换一个 --output 路径，或加 --force 覆盖",
                         location=Location(file=str(target)))
    header = (f"规划草稿：由 gaodi plan import 从 {file.name} 读出，请核对后运行 gaodi plan check {target.name}\n"
              "Draft read from the plan document; correct it, then run gaodi plan check.")
    target.write_text(plan_to_yaml(reading.plan, reading.unread, header=header), encoding="utf-8")


@app.command("check")
def check(
    file: Annotated[Path, typer.Argument(help="规划 YAML (plan YAML, e.g. a corrected draft)")],
    as_json: JsonOption = False,
) -> None:
    """检查（校对后的）规划 YAML 并打印；有错时指出哪个字段错了。"""
    plan = load_plan_yaml(file)
    if as_json:
        print_json(plan)
    else:
        _print_plan(plan)
        err_console.print(f"规划 YAML 有效 (valid): {file}")


@app.command("show")
def show(
    name: Annotated[str, typer.Argument(
        help="内置规划名 (built-in plan), e.g. hunan_15th_manufacturing_2026")],
    as_json: JsonOption = False,
) -> None:
    """显示 gaodi 内置的规划。"""
    plan = load_builtin_plan(name)
    if as_json:
        print_json(plan)
    else:
        _print_plan(plan)


def _print_plan(plan: Plan) -> None:
    facts = [plan.name, plan.issuer, plan.doc_number,
             f"{plan.base_year or '?'}→{plan.target_year or '?'}"]
    rows = [{
        "序号": i.number, "类别": i.category, "指标": i.name, "单位": i.unit, "基期值": i.base,
        "基期年": i.base_year, "目标": i.target.describe(), "目标年": i.target.year,
        "属性": i.attribute, "责任单位": i.responsible,
    } for i in plan.indicators]
    shown = [c for c in (rows[0] if rows else {}) if any(r[c] is not None for r in rows)]
    print_table(rows, title="主要指标 " + " ".join(str(f) for f in facts if f), columns=shown)
    print_table([{
        "产业": s.sector, "口径": s.metric + (f"（{s.scope}）" if s.scope else ""), "年份": s.year,
        "目标": _amount(s.op, s.value, s.low, s.high, s.approximate), "单位": s.unit,
    } for s in plan.sector_targets], title="产业营收目标 (sector targets)")
    print_table([{
        "对象": c.subject, "级别": c.level, "年份": c.year,
        "目标": _amount(c.op, c.value, c.low, c.high, c.approximate), "单位": c.unit,
    } for c in plan.count_targets], title="数量目标 (count targets)")


def _amount(op: str, value: float | None, low: float | None, high: float | None,
            approximate: bool) -> str:
    text = f"{low:g}~{high:g}" if op == "range" else f"{value:g}"
    return {">=": "≥", "<=": "≤"}.get(op, "") + text + ("左右" if approximate else "")


def _print_unread(unread: list[UnreadItem]) -> None:
    if unread:
        print_table([{"行": u.line, "原文": u.text[:60], "原因": u.reason} for u in unread],
                    title="未读出，需人工核对 (unread)")


@app.command("save")
def save(
    file: Annotated[Path | None, typer.Argument(help="校对后的规划 YAML (a checked plan YAML)")] = None,
    builtin: Annotated[str | None, typer.Option(help="保存内置规划 (save a built-in plan)")] = None,
    as_json: JsonOption = False,
) -> None:
    """把规划保存到工作区数据库，供监测使用 (save a plan into the workspace store)."""
    from gaodi.cli.context import open_workspace

    if (file is None) == (builtin is None):
        raise InputError("请给出规划 YAML 文件或 --builtin 名称（二选一）", "give a plan YAML or --builtin",
                         fix="gaodi plan save 规划.plan.yaml 或 gaodi plan save --builtin hunan_15th_manufacturing_2026")
    plan = load_plan_yaml(file) if file else load_builtin_plan(builtin)
    digest = open_workspace().save_plan(plan, str(file or f"builtin:{builtin}"))
    if as_json:
        print_json({"plan_id": plan.id, "sha256": digest, "indicators": len(plan.indicators)})
    else:
        err_console.print(f"已保存规划 {plan.id}（{len(plan.indicators)} 项指标），sha256 {digest[:12]}")


@app.command("list")
def list_(as_json: JsonOption = False) -> None:
    """列出工作区中已保存的规划 (plans saved in the workspace)."""
    from gaodi.cli.context import open_workspace

    rows = open_workspace().plans()
    print_json(rows) if as_json else print_table(rows, title="已保存的规划")
