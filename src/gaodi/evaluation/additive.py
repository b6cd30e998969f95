"""Additive scores of 亩均效益 evaluations: ratio to benchmark with caps; min-max with a floor."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from gaodi.errors import InputError, Location
from gaodi.evaluation.decision_matrix import check_weights, indicator_matrix, resolve_directions
from gaodi.evaluation.results import EvaluationResult, build_result


def weighted_ratio_to_benchmark(
    table: pd.DataFrame,
    weights: Mapping[str, float],
    benchmarks: Mapping[str, float],
    directions: Mapping[str, str] | None = None,
    caps: Mapping[str, float] | float | None = None,
    scale: float = 100.0,
    lower_bound: float = 0.0,
) -> EvaluationResult:
    """Score each alternative by the weighted sum of its ratios to benchmark values (对标计分法).

    Formula, for alternative i and indicator j with weight w_j (Σ w_j = 1), benchmark b_j > 0
    and cap c_j (no cap when not given)::

        r_ij = x_ij / b_j          (higher is better, "+")
        r_ij = b_j / x_ij          (lower is better, "-", e.g. 单位增加值能耗)
        s_ij = scale · w_j · min(max(r_ij, lower_bound), c_j)
        S_i  = Σ_j s_ij

    With ``scale=100`` an alternative exactly at every benchmark scores 100 points. The
    benchmark is usually the regional average of the previous year (e.g. 亩均税收 in 万元/亩).
    A value of 0 on a lower-is-better indicator has an infinite ratio and receives the cap
    (a cap is then required).

    Source: the 亩均效益 comprehensive evaluation of industrial enterprises, e.g. 台州市黄岩区
    《工业企业综合评价得分计算说明》(2021年度, published 2022-09-20): 规上企业得分 = 亩均税收 ÷ 26.01 × 30
    + 亩均增加值 ÷ 132.27 × 20 + 单位能耗增加值 ÷ 2.54 × 20 + 单位排放增加值 ÷ 4861.08 × 10
    + 全员劳动生产率 ÷ 17.45 × 10 + R&D 经费占比 ÷ 0.0305 × 10 (weights 0.3/0.2/0.2/0.1/0.1/0.1,
    scale 100, no cap). Where a rule set caps each ratio, one outstanding indicator cannot carry
    the total; the cap is a parameter of the rule set, not of the method.
    """
    indicators = list(weights)
    w = check_weights(weights, indicators)
    dirs = resolve_directions(directions, indicators)
    x = indicator_matrix(table, indicators)
    b = _positive_per_indicator(benchmarks, indicators, "基准值", "benchmark", required=True)
    c = _caps(caps, indicators)
    if not np.isfinite(scale) or scale <= 0:
        raise InputError(f"满分系数 scale={scale} 必须为正数。", f"scale={scale} must be positive.")

    ratios = np.empty_like(x)
    for j, name in enumerate(indicators):
        column = x[:, j]
        if dirs[name] == "+":
            ratios[:, j] = column / b[j]
            continue
        if (column < 0).any():
            i = int(np.argmax(column < 0))
            raise InputError(
                f"逆向指标 {name} 出现负值（评价对象 {table.index[i]}），无法计算 基准值/实际值。",
                f"Lower-is-better indicator {name} is negative for {table.index[i]}.",
                fix="检查该数据；逆向指标必须为非负数。",
                location=Location(column=name),
            )
        if (column == 0).any() and not np.isfinite(c[j]):
            raise InputError(
                f"逆向指标 {name} 出现 0 值，比值无穷大，需要设置封顶值。",
                f"Lower-is-better indicator {name} has a zero value; "
                "its ratio is infinite without a cap.",
                fix=f"为指标 {name} 设置封顶倍数（cap），或修正该数据。",
                location=Location(column=name),
            )
        with np.errstate(divide="ignore", over="ignore"):
            ratios[:, j] = np.where(column == 0, np.inf, b[j] / column)
    capped = np.minimum(np.maximum(ratios, lower_bound), c)
    contributions = pd.DataFrame(
        scale * capped * np.array([w[n] for n in indicators]), index=table.index, columns=indicators
    )
    notes = []
    hit = [n for j, n in enumerate(indicators) if np.isfinite(c[j]) and (ratios[:, j] > c[j]).any()]
    if hit:
        notes.append(f"封顶生效的指标 (capped indicators): {', '.join(hit)}")
    parameters = {
        "benchmarks": dict(zip(indicators, b.tolist())),
        "caps": {n: (float(c[j]) if np.isfinite(c[j]) else None) for j, n in enumerate(indicators)},
        "scale": scale,
        "lower_bound": lower_bound,
        "formula": "S_i = scale · Σ_j w_j · min(max(r_ij, lower_bound), cap_j); "
        "r = x/b (+) or b/x (-)",
    }
    return build_result(
        "weighted", parameters, dirs, w, contributions, contributions.sum(axis=1), notes=notes
    )


def minmax_floor(
    table: pd.DataFrame,
    weights: Mapping[str, float],
    directions: Mapping[str, str] | None = None,
    floor: float = 20.0,
    span: float = 80.0,
) -> EvaluationResult:
    """Score alternatives by min-max normalisation with a floor (功效系数法), weighted and summed.

    Formula, for alternative i and indicator j with weight w_j (Σ w_j = 1)::

        t_ij = (x_ij − min_j) / (max_j − min_j)      (higher is better, "+")
        t_ij = (max_j − x_ij) / (max_j − min_j)      (lower is better, "-")
        s_ij = w_j · (floor + span · t_ij)
        S_i  = Σ_j s_ij                              (so floor ≤ S_i ≤ floor + span)

    With the usual floor 20 and span 80 the worst alternative on an indicator still gets 20 % of
    that indicator's points and the best gets all of them (the 功效系数法 of Chinese performance
    evaluation, 60 + 40·t in its original form; 亩均效益 evaluations of several counties use
    20 + 80·t). When every alternative has the same value on an indicator (max = min) nobody is
    worse than anybody: t_ij = 1 for all, and the indicator is named in ``notes``.
    """
    indicators = list(weights)
    w = check_weights(weights, indicators)
    dirs = resolve_directions(directions, indicators)
    x = indicator_matrix(table, indicators)
    if not (np.isfinite(floor) and np.isfinite(span)) or floor < 0 or span <= 0:
        raise InputError(
            f"基础分 floor={floor} 须为非负数，浮动分 span={span} 须为正数。",
            f"floor={floor} must be >= 0 and span={span} > 0.",
            fix="常用设置为 floor=20、span=80（满分 100）。",
        )
    lo, hi = x.min(axis=0), x.max(axis=0)
    width = hi - lo
    constant = width == 0
    safe = np.where(constant, 1.0, width)
    t = (x - lo) / safe
    minus = np.array([dirs[n] == "-" for n in indicators])
    t[:, minus] = 1.0 - t[:, minus]
    t[:, constant] = 1.0
    contributions = pd.DataFrame(
        (floor + span * t) * np.array([w[n] for n in indicators]),
        index=table.index,
        columns=indicators,
    )
    notes = []
    if constant.any():
        names = [n for n, flag in zip(indicators, constant) if flag]
        notes.append(
            "所有对象取值相同、按满分计的指标 (constant indicators scored in full): "
            + ", ".join(names)
        )
    parameters = {
        "floor": floor,
        "span": span,
        "minimum": dict(zip(indicators, lo.tolist())),
        "maximum": dict(zip(indicators, hi.tolist())),
        "formula": "S_i = Σ_j w_j · (floor + span · t_ij); "
        "t = (x − min)/(max − min), reversed for (-)",
    }
    return build_result(
        "minmax-floor", parameters, dirs, w, contributions, contributions.sum(axis=1), notes=notes
    )


def _positive_per_indicator(
    values: Mapping[str, float] | None, indicators: list[str], zh: str, en: str, required: bool
) -> np.ndarray:
    values = dict(values or {})
    unknown = [k for k in values if k not in indicators]
    if unknown:
        raise InputError(
            f"{zh}里有不在指标中的列：{'、'.join(unknown)}。",
            f"{en} given for unknown indicator(s): {', '.join(unknown)}.",
            fix=f"指标为：{'、'.join(indicators)}。",
            location=Location(column=unknown[0]),
        )
    out = []
    for name in indicators:
        if name not in values:
            if required:
                raise InputError(
                    f"指标 {name} 没有{zh}。",
                    f"No {en} for indicator {name}.",
                    fix=f"为每个指标给出{zh}（正数）。",
                    location=Location(column=name),
                )
            out.append(np.inf)
            continue
        try:
            value = float(values[name])
        except (TypeError, ValueError):
            value = float("nan")
        if not np.isfinite(value) or value <= 0:
            raise InputError(
                f"指标 {name} 的{zh} {values[name]!r} 必须为正数。",
                f"The {en} of {name} must be a positive number, got {values[name]!r}.",
                location=Location(column=name),
            )
        out.append(value)
    return np.array(out, dtype=float)


def _caps(caps: Mapping[str, float] | float | None, indicators: list[str]) -> np.ndarray:
    if caps is None:
        return np.full(len(indicators), np.inf)
    if isinstance(caps, Mapping):
        return _positive_per_indicator(caps, indicators, "封顶倍数", "cap", required=False)
    return _positive_per_indicator(
        {n: caps for n in indicators}, indicators, "封顶倍数", "cap", required=True
    )
