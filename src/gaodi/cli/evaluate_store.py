"""`gaodi evaluate enterprises|parks|clusters|movement|dynamic|cluster-ladder|rulesets`: the workspace's
own subjects under a rule set (亩均效益, 五好园区, 集群竞赛), through ``Gaodi.evaluations``."""

from __future__ import annotations

from typing import Annotated

import typer

from gaodi.cli.context import open_workspace
from gaodi.cli.evaluate import JsonOpt, _number, app
from gaodi.cli.output import console, print_json, print_table
from gaodi.evaluation.ruleset import list_rulesets

StoreRulesOpt = Annotated[
    str, typer.Option("--rules", help="评价规则：内置名称（如 亩均效益-园区）或 YAML 路径.")
]
YearOpt = Annotated[int | None, typer.Option("--year", help="评价年份（默认取规则的年份或最新年）.")]
ExplainOpt = Annotated[
    str | None, typer.Option("--explain", help="只显示一个对象的完整说明 (one alternative's explanation).")
]
LimitOpt = Annotated[int, typer.Option("--limit", help="表格最多显示的行数 (rows shown).")]


def _store_evaluation(subject: str, rules: str, year: int | None, explain: str | None,
                      limit: int, json_out: bool) -> None:
    evaluations = open_workspace().evaluations
    ruleset = evaluations.ruleset(rules)
    evaluation = evaluations.evaluate(ruleset, year, subject=subject)
    if explain:
        item = evaluation.explain(explain)
        if json_out:
            print_json({"ruleset": evaluation.ruleset, "year": evaluation.year,
                        "method": evaluation.method, "benchmarks": evaluation.benchmarks,
                        "weights": evaluation.result.weights, "item": item})
            return
        console.print(f"[bold]{item.name}[/bold] ({item.id}) — {ruleset.name} v{ruleset.version}, "
                      f"{evaluation.year} 年, {evaluation.method}")
        if not item.graded:
            console.print(f"不参评 (not graded)：{'；'.join(item.not_graded)}")
        else:
            console.print(f"得分 {item.total:.2f}，第 {item.rank} 名，{item.class_label} 类")
        print_table([{"指标": n, "公式": evaluation.formulas[n], "数值": item.values[n],
                      "单位": evaluation.units[n], "基准": evaluation.benchmarks.get(n),
                      "权重": evaluation.result.weights.get(n), "得分": item.contributions.get(n)}
                     for n in evaluation.result.indicators], title="指标与得分")
        print_table([{"字段": k, "值": v} for k, v in item.inputs.items()], title="输入数据")
        for measure in item.measures:
            console.print(f"措施：{measure}")
        return
    if json_out:
        print_json(evaluation.as_dict())
        return
    console.print(f"[bold]{ruleset.name}[/bold] v{ruleset.version} — {evaluation.year} 年，"
                  f"方法 {evaluation.method}；各类数量 {evaluation.class_counts()}")
    print_table(evaluation.to_records()[:limit], title="得分、排名与分类（前若干行）")
    for note in evaluation.result.notes:
        console.print(f"[yellow]注意 (note)[/yellow]: {note}")


def _subject_command(subject: str, title: str):
    def command(rules: StoreRulesOpt, year: YearOpt = None, explain: ExplainOpt = None,
                limit: LimitOpt = 30, json_out: JsonOpt = False) -> None:
        _store_evaluation(subject, rules, year, explain, limit, json_out)

    command.__doc__ = title
    return command


app.command("enterprises")(_subject_command(
    "enterprises", "评价库中的企业（亩均效益）(evaluate the store's enterprises under a rule set)."))
app.command("parks")(_subject_command(
    "parks", "评价库中的园区（亩均效益、五好园区）(evaluate parks under a rule set)."))
app.command("clusters")(_subject_command(
    "clusters", "评价库中的集群（集群竞赛/赛马）(evaluate clusters under a rule set)."))


@app.command("movement")
def movement_command(
    rules: StoreRulesOpt,
    before: Annotated[int, typer.Option("--from", help="上一年 (earlier year).")],
    after: Annotated[int, typer.Option("--to", help="当年 (later year).")],
    json_out: JsonOpt = False,
) -> None:
    """两年之间的分类变动：上升、下降、不变、新进、退出 (class movement between two years)."""
    evaluations = open_workspace().evaluations
    ruleset = evaluations.ruleset(rules)
    moves = evaluations.movement(ruleset, before, after)
    if json_out:
        print_json({"ruleset": ruleset.describe(), "from": before, "to": after, "moves": moves})
        return
    counts: dict[str, int] = {}
    for m in moves:
        counts[m.change] = counts.get(m.change, 0) + 1
    console.print(f"{ruleset.name} v{ruleset.version}：{before} → {after}，{counts}")
    print_table([m.__dict__ for m in moves if m.change != "same"][:100], title="分类变动")


@app.command("dynamic")
def dynamic_command(
    rules: StoreRulesOpt,
    years: Annotated[str, typer.Option("--years", help="逗号分隔的年份，如 2024,2025.")],
    json_out: JsonOpt = False,
) -> None:
    """动态管理：预警、取消称号、升降 (dynamic management by the rule set's rules)."""
    evaluations = open_workspace().evaluations
    ruleset = evaluations.ruleset(rules)
    verdicts = evaluations.dynamic(
        ruleset, [int(_number(y, "--years")) for y in years.split(",") if y.strip()])
    if json_out:
        print_json({"ruleset": ruleset.describe(), "verdicts": verdicts})
        return
    print_table([{"id": v.id, "名称": v.name, "状态": v.status,
                  **{str(y): r for y, r in v.ranks.items()}, "理由": "；".join(v.reasons)}
                 for v in verdicts], title=f"动态管理 — {ruleset.name} v{ruleset.version}")


@app.command("cluster-ladder")
def cluster_ladder_command(year: YearOpt = None, json_out: JsonOpt = False) -> None:
    """集群梯队与监测指标 (the cluster ladder with its monitoring indicators)."""
    year, rows = open_workspace().evaluations.cluster_ladder(year)
    if json_out:
        print_json({"year": year, "clusters": rows})
        return
    print_table([{"集群": c.name, "级别": c.level_name, "成员": c.members,
                  "营业收入(万元)": c.revenue, "增加值(万元)": c.value_added,
                  "营收增速%": c.revenue_growth, "研发强度%": c.rd_intensity,
                  "小巨人": c.titles.get("专精特新小巨人"), "单项冠军": c.titles.get("制造业单项冠军")}
                 for c in rows], title=f"{year} 年集群梯队")


@app.command("rulesets")
def rulesets_command(json_out: JsonOpt = False) -> None:
    """列出内置的评价规则 (list the shipped store rule sets)."""
    rows = [{"name": r.name, "version": r.version, "subject": r.subject,
             "method": r.scoring.method, "indicators": "、".join(r.indicators)}
            for r in list_rulesets()]
    if json_out:
        print_json(rows)
        return
    print_table(rows, title="评价规则 (rule sets)")
