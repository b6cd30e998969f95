"""`gaodi ladder`: enterprise ladders (梯度培育) — status of one enterprise, candidates, funnel."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer

from gaodi.cli.context import open_workspace
from gaodi.cli.output import console, print_json, print_table
from gaodi.ladders import Check

app = typer.Typer(
    name="ladder",
    help="企业梯度培育：称号、下一梯级与差距、候选企业、漏斗 (enterprise ladders).",
    no_args_is_help=True,
)

YearOpt = Annotated[
    int | None, typer.Option("--year", help="上年度数据的年份（默认库中最新年）(data year).")
]
InputsOpt = Annotated[
    Path | None,
    typer.Option("--inputs", help="库外数据表 CSV/XLSX（知识产权、资产负债率……）(data inputs)."),
]
RulesOpt = Annotated[
    list[Path] | None,
    typer.Option("--rules", help="自定义梯度规则 YAML，替换同名内置规则 (repeatable)."),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="输出 JSON (print one JSON document).")]
OnOpt = Annotated[
    str | None,
    typer.Option("--on", help="按该日施行的规则判断，如 2026-03-31（默认：数据年份次年年底或今天）"
                              "(judge by the rules in force on this date)."),
]


def _setup(year: int | None, inputs: Path | None, rules: list[Path] | None, on: str | None = None):
    ladders = open_workspace().ladders
    year = ladders.year(year)
    day, chosen = ladders.rules(rules or [], year, _date(on))
    return ladders, year, chosen, ladders.inputs(inputs, chosen), day


def _date(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise typer.BadParameter(f"--on 应为日期，如 2026-04-01，实际为 {text!r}。") from None


@app.command("status")
def status_command(uscc: Annotated[str, typer.Argument(help="统一社会信用代码 (USCC).")],
                   year: YearOpt = None, inputs: InputsOpt = None, rules: RulesOpt = None,
                   on: OnOpt = None, json_out: JsonOpt = False) -> None:
    """一家企业在各梯度上的位置：已有称号、下一梯级、还缺什么 (one enterprise on every ladder)."""
    service, year, ladders, given, day = _setup(year, inputs, rules, on)
    status = service.status(uscc, year, ladders=ladders, inputs=given, on=day)
    if json_out:
        print_json(status)
        return
    console.print(f"[bold]{status.name}[/bold] ({uscc}) — {year} 年数据，按 {day} 施行的规则")
    held = "、".join(f"{t['title']}{t.get('level') or ''}" for t in status.titles) or "无"
    console.print(f"持有称号 (titles held)：{held}")
    for p in status.positions:
        v = p.verdict
        head = f"[bold]{p.ladder}[/bold]（{p.rules}）：已达 {'、'.join(p.held) or '—'}"
        if v is None:
            console.print(head + "；已在最高梯级")
            continue
        word = {"met": "[green]符合[/green]", "unmet": "[red]不符合[/red]",
                "needs_data": "[yellow]需要数据[/yellow]"}[v.status]
        console.print(f"{head}；下一梯级 {p.next_rung}：{word}")
        rows = [_row(c, "未满足") for c in v.unmet] + [_row(c, "需要数据") for c in v.unknown]
        if rows:
            print_table(rows)


@app.command("candidates")
def candidates_command(
    rung: Annotated[str, typer.Option("--rung", help="梯级名称或简称：小巨人、专精特新、小升规、十亿…")],
    city: Annotated[str | None, typer.Option("--city", help="市州代码，如 430100.")] = None,
    year: YearOpt = None, inputs: InputsOpt = None, rules: RulesOpt = None,
    one_short: Annotated[bool, typer.Option("--one-short", help="也列出只差一项的企业.")] = False,
    limit: Annotated[int, typer.Option("--limit", help="表格最多显示的行数.")] = 50,
    on: OnOpt = None, json_out: JsonOpt = False,
) -> None:
    """某一梯级的候选企业：符合、需要数据（及只差一项）(candidates for a rung)."""
    service, year, ladders, given, day = _setup(year, inputs, rules, on)
    found = service.candidates(rung, year, city=city, ladders=ladders, inputs=given,
                               include_one_short=one_short, on=day)
    used = found[0].verdict.rules if found else ""
    if json_out:
        print_json({"rung": rung, "city": city, "year": year, "rules_date": day, "rules": used,
                    "candidates": found})
        return
    rows = [{"统一社会信用代码": c.uscc, "企业": c.name, "市州": c.city_code,
             "判定": c.verdict.status, "未满足": "；".join(_short(x) for x in c.verdict.unmet),
             "需要数据": len(c.verdict.unknown)} for c in found[:limit]]
    print_table(rows, title=f"{rung} 候选企业（{year} 年数据，共 {len(found)} 家；规则：{used or day}）")


@app.command("nearest")
def nearest_command(
    rung: Annotated[str, typer.Option("--rung", help="梯级名称或简称：小巨人、专精特新、小升规、十亿…")],
    city: Annotated[str | None, typer.Option("--city", help="市州代码，如 430100.")] = None,
    year: YearOpt = None, inputs: InputsOpt = None, rules: RulesOpt = None,
    limit: Annotated[int, typer.Option("--limit", help="最多列出的企业数.")] = 50,
    on: OnOpt = None, json_out: JsonOpt = False,
) -> None:
    """离某一梯级最近的企业：按未满足条件数与差距排序，缺数据单列 (candidates nearest to a rung)."""
    service, year, ladders, given, day = _setup(year, inputs, rules, on)
    found = service.nearest(rung, year, city=city, ladders=ladders, inputs=given, on=day)
    used = found[0].verdict.rules if found else ""
    if json_out:
        print_json({"rung": rung, "city": city, "year": year, "rules_date": day, "rules": used,
                    "total": len(found), "candidates": [r.as_row() for r in found[:limit]]})
        return
    rows = [{"名次": r.rank, "企业": r.name, "市州": r.city_name or r.city_code, "已满足": r.met,
             "未满足": r.unmet, "缺数据": r.missing, "最近差距": r.line} for r in found[:limit]]
    print_table(rows, title=f"离“{rung}”最近的企业（{year} 年数据，共 {len(found)} 家；规则：{used or day}）")


@app.command("funnel")
def funnel_command(
    city: Annotated[str | None, typer.Option("--city", help="市州代码，如 430100.")] = None,
    year: YearOpt = None, inputs: InputsOpt = None, rules: RulesOpt = None,
    on: OnOpt = None, json_out: JsonOpt = False,
) -> None:
    """各市州每个梯级的漏斗：已持有、符合、需要数据、只差一项 (funnel of candidates per rung)."""
    service, year, ladders, given, day = _setup(year, inputs, rules, on)
    rows = service.funnel(year, city=city, ladders=ladders, inputs=given, on=day)
    if json_out:
        print_json({"year": year, "rules_date": day,
                    "rules": {lad.name: lad.rules for lad in ladders}, "rows": rows})
        return
    print_table([{"市州": r.city_code, "梯度": r.ladder, "梯级": r.rung, "企业": r.enterprises,
                  "已持有": r.holders, "符合": r.met, "需要数据": r.needs_data,
                  "只差一项": r.one_short} for r in rows],
                title=f"梯度培育漏斗（{year} 年数据，按 {day} 施行的规则）")


@app.command("rules")
def rules_command(json_out: JsonOpt = False) -> None:
    """列出内置的梯度规则与梯级 (list the shipped ladders and rungs)."""
    rows = [{"梯度": ladder.name, "版本": ladder.version, "文件": ladder.document,
             "施行起": ladder.in_force_from, "施行止": ladder.in_force_to, "梯级": r.name,
             "条款": r.article, "id": r.id, "简称": "、".join(r.aliases)}
            for ladder in open_workspace().ladders.every_version() for r in ladder.rungs]
    if json_out:
        print_json(rows)
        return
    print_table(rows, title="梯度规则 (ladders)")


def _row(check: Check, kind: str) -> dict[str, Any]:
    options = ""
    if check.kind == "any_of":
        options = "满足其一：" + "；".join(c.label for c in check.children)
    return {"条件": check.label, "情况": kind, "现值": check.value, "要求": _requirement(check),
            "差距": check.gap, "单位": check.unit, "说明": options or check.note}


def _requirement(check: Check) -> str | None:
    if check.threshold is None:
        return None
    return f"{check.op or ''} {check.threshold}".strip()


def _short(check: Check) -> str:
    if check.gap is not None:
        return f"{check.label}（差 {check.gap:,.4g}{check.unit}）"
    return check.label
