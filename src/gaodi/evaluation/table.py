"""Evaluate a whole indicator table with one method: the entry point the CLI and the API call."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from gaodi.errors import InputError, Location
from gaodi.evaluation.additive import minmax_floor, weighted_ratio_to_benchmark
from gaodi.evaluation.ahp import ahp_weights
from gaodi.evaluation.classes import ClassScheme
from gaodi.evaluation.results import EvaluationResult
from gaodi.evaluation.rules import EvaluationRules
from gaodi.evaluation.topsis import entropy_topsis, topsis

METHODS = ("topsis", "entropy-topsis", "weighted", "minmax-floor", "ahp")
"""Names of the methods :func:`evaluate_table` knows."""


def evaluate_table(
    table: pd.DataFrame,
    method: str,
    *,
    id_column: str | None = None,
    rules: EvaluationRules | None = None,
    directions: Mapping[str, str] | None = None,
    weights: Mapping[str, float] | None = None,
    benchmarks: Mapping[str, float] | None = None,
    caps: Mapping[str, float] | None = None,
    default_cap: float | None = None,
    pairwise: pd.DataFrame | None = None,
    classes: ClassScheme | None = None,
    floor: float | None = None,
    span: float | None = None,
    scale: float | None = None,
    entropy_normalization: str | None = None,
    ahp_method: str = "eigenvector",
    source: str | None = None,
) -> EvaluationResult:
    """Score, rank and class the rows of ``table`` (alternatives) on its indicator columns.

    Options given here override the rule set. Indicators are, in order of precedence: the rule
    file's list, the names in ``weights``, the labels of the ``pairwise`` matrix, else every
    column except the id column. Methods:

    - ``weighted``: :func:`weighted_ratio_to_benchmark` (needs weights and benchmarks);
    - ``minmax-floor``: :func:`minmax_floor` (needs weights; floor 20 and span 80 by default);
    - ``topsis``: :func:`topsis` (needs weights); ``entropy-topsis``: :func:`entropy_topsis`;
    - ``ahp``: weights from the pairwise matrix by :func:`ahp_weights`, then the min-max weighted
      sum with floor 0 and span 100 unless floor/span are given (a CR ≥ 0.1 is noted, not refused).

    Classes default to rank percentiles A 25 % / B 70 % / C 95 % / D rest. Cell errors name the
    row as counted in the file (the header is row 1) and the column.
    """
    rules = rules or EvaluationRules()
    method = method.replace("_", "-").lower()
    if method not in METHODS:
        raise InputError(
            f"未知的评价方法 {method!r}。",
            f"Unknown method {method!r}.",
            fix=f"可选：{'、'.join(METHODS)}。",
        )
    id_column = id_column or rules.id_column
    ids = _alternative_ids(table, id_column, source)
    used_id = (
        id_column
        if id_column is not None
        else (table.columns[0] if _is_label_column(table) else None)
    )
    indicators = _indicators(table, used_id, rules, weights, pairwise, source)
    data = _numeric_block(table, indicators, source)
    data.index = ids

    directions = {**rules.directions, **dict(directions or {})}
    given_weights = dict(weights) if weights else dict(rules.weights)
    derived = method in ("entropy-topsis", "ahp")
    if derived and weights:
        raise InputError(
            f"方法 {method} 自行求权重，不能同时给出 --weight。",
            f"Method {method} derives its own weights; do not pass weights.",
            fix="去掉 --weight，或改用 topsis / weighted / minmax-floor。",
        )
    if not derived and not given_weights:
        raise InputError(
            f"方法 {method} 需要每个指标的权重。",
            f"Method {method} needs a weight for every indicator.",
            fix="用 --weight 列名=权重 或规则文件给出权重，或改用 entropy-topsis / ahp。",
        )
    notes: list[str] = []
    extra_parameters: dict[str, Any] = {}
    if method == "weighted":
        per_indicator = {**rules.caps, **dict(caps or {})}
        fallback = default_cap if default_cap is not None else rules.default_cap
        cap_map = {n: per_indicator.get(n, fallback) for n in indicators}
        cap_map = {n: c for n, c in cap_map.items() if c is not None}
        result = weighted_ratio_to_benchmark(
            data,
            given_weights,
            {**rules.benchmarks, **dict(benchmarks or {})},
            directions,
            cap_map,
            scale=_first(scale, rules.scale, 100.0),
        )
    elif method == "minmax-floor":
        result = minmax_floor(
            data,
            given_weights,
            directions,
            floor=_first(floor, rules.floor, 20.0),
            span=_first(span, rules.span, 80.0),
        )
    elif method == "topsis":
        result = topsis(data, given_weights, directions)
    elif method == "entropy-topsis":
        result = entropy_topsis(
            data,
            indicators,
            directions,
            normalization=_first(entropy_normalization, rules.entropy_normalization, "minmax"),
        )
    else:
        if pairwise is None:
            raise InputError(
                "ahp 方法需要判断矩阵。",
                "Method ahp needs a pairwise comparison matrix.",
                fix="用 --pairwise 判断矩阵.csv 给出（首行、首列为指标名）。",
            )
        ahp = ahp_weights(pairwise, method=ahp_method)  # type: ignore[arg-type]
        if set(ahp.weights) != set(indicators):
            raise InputError(
                "判断矩阵的指标与评价指标不一致。",
                "The pairwise matrix does not list the evaluated indicators.",
                fix=f"判断矩阵须恰好包含：{'、'.join(indicators)}。",
                details={"matrix": list(ahp.weights), "indicators": indicators},
            )
        result = minmax_floor(
            data,
            ahp.weights,
            directions,
            floor=_first(floor, rules.floor, 0.0),
            span=_first(span, rules.span, 100.0),
        )
        extra_parameters = {
            "weights_from": "ahp",
            "ahp_method": ahp.method,
            "lambda_max": ahp.lambda_max,
            "consistency_index": ahp.consistency_index,
            "random_index": ahp.random_index,
            "consistency_ratio": ahp.consistency_ratio,
            "consistent": ahp.consistent,
            "scoring": "minmax-floor",
        }
        if not ahp.consistent:
            notes.append(
                f"判断矩阵一致性不可接受：CR = {ahp.consistency_ratio:.3f} ≥ 0.1，请调整判断 "
                f"(inconsistent judgements: CR ≥ 0.1)"
            )
    scheme = classes or rules.classes or ClassScheme.percentile()
    parameters = {**result.parameters, **extra_parameters, "id_column": used_id}
    if rules.source:
        parameters["rules"] = {"source": rules.source, "name": rules.name, "version": rules.version}
    result = dataclasses.replace(
        result, method=method, parameters=parameters, notes=[*result.notes, *notes]
    )
    return result.with_classes(scheme.apply(result.totals), scheme.describe())


def _first(*values: Any) -> Any:
    return next(v for v in values if v is not None)


def _is_label_column(table: pd.DataFrame) -> bool:
    if table.shape[1] == 0:
        return False
    first = table.iloc[:, 0]
    converted = pd.to_numeric(first.map(_clean_number), errors="coerce")
    return bool(converted.isna().any())


def _alternative_ids(table: pd.DataFrame, id_column: str | None, source: str | None) -> list[str]:
    if id_column is None:
        if _is_label_column(table):
            id_column = str(table.columns[0])
        else:
            return [str(i + 1) for i in range(len(table))]
    if id_column not in table.columns:
        raise InputError(
            f"表中没有编号/名称列 {id_column}。",
            f"The id column {id_column!r} is not in the table.",
            fix=f"表中现有的列为：{'、'.join(map(str, table.columns))}。",
            location=Location(file=source, column=str(id_column)),
        )
    ids = []
    seen: dict[str, int] = {}
    for k, value in enumerate(table[id_column].tolist()):
        text = (
            ""
            if value is None or (isinstance(value, float) and np.isnan(value))
            else str(value).strip()
        )
        row = k + 2
        if not text:
            raise InputError(
                "对象名称/编号为空。",
                f"Row {row} has an empty {id_column}.",
                fix="每个评价对象都要有名称或编号。",
                location=Location(file=source, row=row, column=str(id_column)),
            )
        if text in seen:
            raise InputError(
                f"{id_column} 重复：{text}（与第 {seen[text]} 行相同）。",
                f"Duplicate {id_column} {text!r} in rows {seen[text]} and {row}.",
                fix="合并或删除重复的行。",
                location=Location(file=source, row=row, column=str(id_column)),
            )
        seen[text] = row
        ids.append(text)
    return ids


def _indicators(
    table: pd.DataFrame,
    id_column: str | None,
    rules: EvaluationRules,
    weights: Mapping[str, float] | None,
    pairwise: pd.DataFrame | None,
    source: str | None,
) -> list[str]:
    if rules.indicators:
        chosen, origin = list(rules.indicators), rules.source or source
    elif weights:
        chosen, origin = [str(k) for k in weights], None
    elif rules.weights:
        chosen, origin = list(rules.weights), rules.source
    elif pairwise is not None:
        chosen, origin = [str(c) for c in pairwise.columns], None
    else:
        return [str(c) for c in table.columns if c != id_column]
    unknown = [c for c in chosen if c not in table.columns]
    if unknown:
        raise InputError(
            f"指标不在数据表中：{'、'.join(unknown)}。",
            f"Indicator(s) not in the table: {', '.join(unknown)}.",
            fix=f"表中现有的列为：{'、'.join(map(str, table.columns))}。",
            location=Location(file=origin, column=unknown[0]),
        )
    return chosen


def _numeric_block(table: pd.DataFrame, indicators: list[str], source: str | None) -> pd.DataFrame:
    out = {}
    for column in indicators:
        values = []
        for k, raw in enumerate(table[column].tolist()):
            number = _clean_number(raw)
            if number is None:
                shown = "空" if raw is None or str(raw).strip() in ("", "nan") else repr(raw)
                raise InputError(
                    f"单元格不是数值：{shown}。",
                    f"Row {k + 2}, column {column} is not a number: {raw!r}.",
                    fix="填写数值（不带单位和文字）；缺失的数据请补齐或删除该行。",
                    location=Location(file=source, row=k + 2, column=str(column)),
                )
            values.append(number)
        out[column] = values
    return pd.DataFrame(out, columns=indicators)


def _clean_number(value: Any) -> float | None:
    """Read a cell as a number, accepting thousands separators ("1,234.5"); None if not one."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float, np.integer, np.floating)):
        return float(value) if np.isfinite(value) else None
    text = str(value).strip().replace(",", "").replace("，", "")
    try:
        number = float(text)
    except ValueError:
        return None
    return number if np.isfinite(number) else None
