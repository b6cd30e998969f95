"""`gaodi evaluate table|stability`: score, rank and class a table of alternatives; compare methods.

The commands that evaluate the workspace's own enterprises, parks and clusters are in
:mod:`gaodi.cli.evaluate_store`, registered on the same ``app``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from gaodi.cli.output import console, print_json, print_table
from gaodi.errors import InputError
from gaodi.evaluation import (
    METHODS,
    ClassScheme,
    EvaluationResult,
    evaluate_table,
    load_rules,
    ranking_stability,
)
from gaodi.evaluation.files import read_indicator_table, read_pairwise_matrix

app = typer.Typer(
    name="evaluate",
    help="综合评价：打分、排名、分类与排名稳健性 (scoring, ranking, classes, ranking stability).",
    no_args_is_help=True,
)

FileArg = Annotated[
    Path,
    typer.Argument(help="数据表 CSV/XLSX：每行一个评价对象，每列一个指标 (rows = alternatives)."),
]
IdOpt = Annotated[
    str | None, typer.Option("--id-column", help="名称/编号列 (id column); 默认取首个文本列.")
]
DirectionOpt = Annotated[
    list[str] | None, typer.Option("--direction", help="指标方向 col=+ 或 col=- (repeatable).")
]
WeightOpt = Annotated[
    list[str] | None, typer.Option("--weight", help="指标权重 col=0.3，合计为 1 (repeatable).")
]
BenchmarkOpt = Annotated[
    list[str] | None, typer.Option("--benchmark", help="基准值 col=26.01 (weighted 方法).")
]
CapOpt = Annotated[
    list[str] | None, typer.Option("--cap", help="封顶倍数：1.2 (全部指标) 或 col=1.5.")
]
RulesOpt = Annotated[
    Path | None,
    typer.Option("--rules", help="规则文件 YAML (directions, weights, benchmarks, caps, classes)."),
]
PairwiseOpt = Annotated[
    Path | None, typer.Option("--pairwise", help="AHP 判断矩阵 CSV/XLSX，首行首列为指标名.")
]
ClassesOpt = Annotated[
    str | None, typer.Option("--classes", help="分类方式 percentile | thresholds.")
]
CutsOpt = Annotated[
    str | None, typer.Option("--class-cuts", help="累计比例 A=0.25,B=0.7,C=0.95,D=1.")
]
BoundsOpt = Annotated[
    str | None, typer.Option("--class-bounds", help="分数线 A=80:,B=60:80,C=40:60,D=:40.")
]
FloorOpt = Annotated[
    float | None, typer.Option("--floor", help="min-max 基础分 (default 20; ahp 0).")
]
SpanOpt = Annotated[
    float | None, typer.Option("--span", help="min-max 浮动分 (default 80; ahp 100).")
]
EntropyOpt = Annotated[
    str | None, typer.Option("--entropy-normalization", help="熵权标准化 minmax | sum.")
]
AhpMethodOpt = Annotated[
    str, typer.Option("--ahp-method", help="AHP 求权: eigenvector | geometric_mean.")
]
SheetOpt = Annotated[str | None, typer.Option("--sheet", help="XLSX 工作表名 (sheet name).")]
JsonOpt = Annotated[bool, typer.Option("--json", help="输出 JSON (print one JSON document).")]


@app.command("table")
def table_command(
    file: FileArg,
    method: Annotated[
        str | None, typer.Option("--method", "-m", help=f"评价方法: {' | '.join(METHODS)}.")
    ] = None,
    id_column: IdOpt = None,
    direction: DirectionOpt = None,
    weight: WeightOpt = None,
    benchmark: BenchmarkOpt = None,
    cap: CapOpt = None,
    rules: RulesOpt = None,
    pairwise: PairwiseOpt = None,
    classes: ClassesOpt = None,
    class_cuts: CutsOpt = None,
    class_bounds: BoundsOpt = None,
    floor: FloorOpt = None,
    span: SpanOpt = None,
    entropy_normalization: EntropyOpt = None,
    ahp_method: AhpMethodOpt = "eigenvector",
    sheet: SheetOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """对数据表打分、排名、分类 (score, rank and class every row of a table)."""
    inputs = _inputs(
        file,
        sheet=sheet,
        rules_path=rules,
        id_column=id_column,
        direction=direction,
        weight=weight,
        benchmark=benchmark,
        cap=cap,
        pairwise=pairwise,
        floor=floor,
        span=span,
        entropy_normalization=entropy_normalization,
        ahp_method=ahp_method,
        classes=_class_scheme(classes, class_cuts, class_bounds),
    )
    chosen = method or (inputs["rules"].method if inputs["rules"] else None)
    if chosen is None:
        raise InputError(
            "请用 --method 指定评价方法。",
            "Choose a method with --method.",
            fix=f"可选：{'、'.join(METHODS)}。",
        )
    result = evaluate_table(method=chosen, **inputs)
    if json_out:
        print_json(result.as_dict())
        return
    _print_result(result)


@app.command("stability")
def stability_command(
    file: Annotated[
        Path | None,
        typer.Argument(help="数据表 CSV/XLSX；省略时按 --rules 指定的评价规则从库中评价 (store mode)."),
    ] = None,
    methods: Annotated[
        str, typer.Option("--methods", help="逗号分隔的方法 (comma-separated methods).")
    ] = "topsis,entropy-topsis,minmax-floor",
    top: Annotated[int, typer.Option("--top", help="列出排名变动最大的对象个数.")] = 5,
    id_column: IdOpt = None,
    direction: DirectionOpt = None,
    weight: WeightOpt = None,
    benchmark: BenchmarkOpt = None,
    cap: CapOpt = None,
    rules: RulesOpt = None,
    pairwise: PairwiseOpt = None,
    floor: FloorOpt = None,
    span: SpanOpt = None,
    entropy_normalization: EntropyOpt = None,
    ahp_method: AhpMethodOpt = "eigenvector",
    sheet: SheetOpt = None,
    year: Annotated[int | None, typer.Option("--year", help="库中评价的年份 (store mode).")] = None,
    json_out: JsonOpt = False,
) -> None:
    """比较不同方法下的排名 (compare the rankings of several methods: Spearman, Kendall, movers).

    不给数据表时，对库中的评价规则（--rules 名称）比较方法与权重：方法后加 @equal 表示等权。
    """
    if file is None:
        if rules is None:
            raise InputError("请给出数据表，或用 --rules 指定库中评价的规则。",
                             "Give a table file, or --rules naming a store rule set.")
        from gaodi.cli.context import open_workspace

        names = [m.strip() for m in methods.split(",") if m.strip()]
        report = open_workspace().evaluations.stability(str(rules), names, year, top=top)
        _print_stability(report, json_out)
        return
    inputs = _inputs(
        file,
        sheet=sheet,
        rules_path=rules,
        id_column=id_column,
        direction=direction,
        weight=weight,
        benchmark=benchmark,
        cap=cap,
        pairwise=pairwise,
        floor=floor,
        span=span,
        entropy_normalization=entropy_normalization,
        ahp_method=ahp_method,
        classes=None,
    )
    names = [m.strip() for m in methods.split(",") if m.strip()]
    results = {}
    for name in names:
        step = dict(inputs)
        if name in ("entropy-topsis", "ahp"):
            step["weights"] = None
        results[name] = evaluate_table(method=name, **step)
    _print_stability(ranking_stability(results, top=top), json_out)


def _print_stability(report, json_out: bool) -> None:
    if json_out:
        print_json(report.as_dict())
        return
    print_table(
        [
            {
                "方法 A": a.method_a,
                "方法 B": a.method_b,
                "Spearman ρ": a.spearman,
                "Kendall τ": a.kendall,
            }
            for a in report.agreements
        ],
        title="排名相关 (rank correlation)",
    )
    print_table(
        [{"对象 (id)": m.id, "极差 (spread)": m.spread, **m.ranks} for m in report.movers],
        title="排名变动最大的对象 (alternatives that move most)",
    )


def _inputs(
    file: Path,
    *,
    sheet: str | None,
    rules_path: Path | None,
    id_column: str | None,
    direction: list[str] | None,
    weight: list[str] | None,
    benchmark: list[str] | None,
    cap: list[str] | None,
    pairwise: Path | None,
    classes: ClassScheme | None,
    floor: float | None,
    span: float | None,
    entropy_normalization: str | None,
    ahp_method: str,
) -> dict[str, Any]:
    caps, default_cap = {}, None
    for item in cap or []:
        if "=" in item:
            caps.update(_pairs([item], "--cap", float))
        else:
            default_cap = _number(item, "--cap")
    return {
        "table": read_indicator_table(file, sheet=sheet),
        "source": str(file),
        "rules": load_rules(rules_path) if rules_path else None,
        "id_column": id_column,
        "directions": _pairs(direction, "--direction", str),
        "weights": _pairs(weight, "--weight", float) or None,
        "benchmarks": _pairs(benchmark, "--benchmark", float),
        "caps": caps,
        "default_cap": default_cap,
        "pairwise": read_pairwise_matrix(pairwise) if pairwise else None,
        "classes": classes,
        "floor": floor,
        "span": span,
        "entropy_normalization": entropy_normalization,
        "ahp_method": ahp_method,
    }


def _pairs(items: list[str] | None, option: str, convert) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for item in items or []:
        name, sep, value = item.rpartition("=")
        if not sep or not name.strip():
            raise InputError(
                f"{option} 的值 {item!r} 应写成 列名=值。",
                f"{option} expects name=value, got {item!r}.",
                fix=f"例如 {option} 亩均税收=0.3",
            )
        out[name.strip()] = _number(value, option) if convert is float else value.strip()
    return out


def _number(text: str, option: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise InputError(
            f"{option} 的值 {text!r} 不是数字。", f"{option} value {text!r} is not a number."
        ) from None


def _class_scheme(kind: str | None, cuts: str | None, bounds: str | None) -> ClassScheme | None:
    if kind is None and cuts is None and bounds is None:
        return None
    kind = kind or ("thresholds" if bounds else "percentile")
    if kind == "percentile":
        if not cuts:
            return ClassScheme.percentile()
        return ClassScheme.percentile(
            {k: v for k, v in _pairs(cuts.split(","), "--class-cuts", float).items()}
        )
    if kind == "thresholds":
        if not bounds:
            raise InputError(
                "按分数线分类需要 --class-bounds。",
                "Threshold classes need --class-bounds.",
                fix="例如 --class-bounds A=80:,B=60:80,C=40:60,D=:40",
            )
        parsed = {}
        for label, span in _pairs(bounds.split(","), "--class-bounds", str).items():
            lower, sep, upper = span.partition(":")
            if not sep:
                raise InputError(
                    f"类别 {label} 的分数区间 {span!r} 应写成 下限:上限。",
                    f"Bounds of class {label} must be lower:upper, got {span!r}.",
                )
            parsed[label] = (
                _number(lower, "--class-bounds") if lower.strip() else None,
                _number(upper, "--class-bounds") if upper.strip() else None,
            )
        return ClassScheme.thresholds(parsed)
    raise InputError(
        f"未知的分类方式 {kind!r}。",
        f"Unknown class scheme {kind!r}.",
        fix="可选 percentile 或 thresholds。",
    )


def _print_result(result: EvaluationResult) -> None:
    print_table(
        [
            {
                "指标 (indicator)": name,
                "方向": result.directions[name],
                "权重 (weight)": result.weights[name],
            }
            for name in result.indicators
        ],
        title=f"权重 (weights) — {result.method}",
    )
    rows = []
    for record in result.to_records():
        row = {
            "排名": record["rank"],
            "对象 (id)": record["id"],
            "得分 (total)": record["total"],
            "分类": record["class"],
        }
        row.update({name: record[name] for name in result.indicators})
        rows.append(row)
    print_table(rows, title="得分、排名与分类 (scores, ranks, classes)")
    consistency = result.parameters.get("consistency_ratio")
    if consistency is not None:
        console.print(
            f"AHP: λmax = {result.parameters['lambda_max']:.4f}, CI = "
            f"{result.parameters['consistency_index']:.4f}, CR = {consistency:.4f}"
        )
    for note in result.notes:
        console.print(f"[yellow]注意 (note)[/yellow]: {note}")



# --- evaluations computed from the store -------------------------------------------------------


from gaodi.cli import evaluate_store  # noqa: E402,F401  (registers the store commands on ``app``)
