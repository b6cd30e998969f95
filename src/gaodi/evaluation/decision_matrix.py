"""Checks shared by every scoring method: the decision matrix, indicator directions and weights.

A decision matrix is a table whose rows are alternatives (enterprises, parks, clusters) and whose
columns are indicators. Every method calls these checks first, so that bad input fails with an
:class:`~gaodi.errors.InputError` that names the indicator and the alternative.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from gaodi.errors import InputError, Location

WEIGHT_SUM_TOLERANCE = 1e-4
"""How far from 1 a set of weights may sum (0.3333 + 0.3333 + 0.3334 passes, 0.333 x 3 does not)."""

_DIRECTION_WORDS = {
    "+": "+",
    "max": "+",
    "higher": "+",
    "benefit": "+",
    "正": "+",
    "正向": "+",
    "-": "-",
    "min": "-",
    "lower": "-",
    "cost": "-",
    "逆": "-",
    "逆向": "-",
    "负向": "-",
}


def indicator_matrix(table: pd.DataFrame, indicators: Sequence[str]) -> np.ndarray:
    """Return the indicator columns of ``table`` as a float matrix (alternatives x indicators).

    Raises InputError when an indicator is not a column, when the table has no rows, or when a
    cell is missing or not a finite number (naming the alternative and the indicator).
    """
    indicators = list(indicators)
    if not indicators:
        raise InputError(
            "没有可评价的指标列。",
            "No indicator columns to evaluate.",
            fix="在表中提供至少一个数值指标列，或在规则文件中列出指标。",
        )
    missing = [c for c in indicators if c not in table.columns]
    if missing:
        raise InputError(
            f"表中没有指标列：{'、'.join(map(str, missing))}。",
            f"Unknown indicator column(s): {', '.join(map(str, missing))}.",
            fix=f"检查列名拼写；表中现有的列为：{'、'.join(map(str, table.columns))}。",
            location=Location(column=str(missing[0])),
            details={"unknown": list(map(str, missing)), "columns": list(map(str, table.columns))},
        )
    if len(table) == 0:
        raise InputError(
            "表中没有任何评价对象（行）。",
            "The table has no alternatives (rows).",
            fix="至少提供一行数据。",
        )
    block = table[indicators]
    for column in indicators:
        for alt_id, value in block[column].items():
            if not _is_finite_number(value):
                raise InputError(
                    f"评价对象 {alt_id} 的指标 {column} 不是有效数值：{value!r}。",
                    f"Indicator {column} of alternative {alt_id} "
                    f"is not a finite number: {value!r}.",
                    fix="填写数值（不带单位和文字），缺失的数据请先补齐或剔除该对象。",
                    location=Location(column=str(column)),
                    details={
                        "alternative": str(alt_id),
                        "indicator": str(column),
                        "value": str(value),
                    },
                )
    return block.to_numpy(dtype=float)


def resolve_directions(
    directions: Mapping[str, str] | None, indicators: Sequence[str]
) -> dict[str, str]:
    """Return ``{indicator: "+" | "-"}``; indicators not named are "higher is better" ("+").

    Accepts "+"/"-" and the words max/min, higher/lower, benefit/cost, 正向/逆向.
    """
    directions = dict(directions or {})
    unknown = [k for k in directions if k not in indicators]
    if unknown:
        raise InputError(
            f"方向设置里有不在指标中的列：{'、'.join(map(str, unknown))}。",
            f"Direction given for unknown indicator(s): {', '.join(map(str, unknown))}.",
            fix=f"只能为这些指标设置方向：{'、'.join(map(str, indicators))}。",
            location=Location(column=str(unknown[0])),
        )
    resolved = {}
    for indicator in indicators:
        raw = str(directions.get(indicator, "+")).strip().lower()
        if raw not in _DIRECTION_WORDS:
            raise InputError(
                f"指标 {indicator} 的方向 {raw!r} 无法识别。",
                f"Direction {raw!r} of indicator {indicator} is not understood.",
                fix="正向指标（越大越好）写 +，逆向指标（越小越好）写 -。",
                location=Location(column=str(indicator)),
            )
        resolved[indicator] = _DIRECTION_WORDS[raw]
    return resolved


def check_weights(
    weights: Mapping[str, float], indicators: Sequence[str] | None = None
) -> dict[str, float]:
    """Check that weights are finite, non-negative and sum to 1 (within 1e-4); return floats.

    When ``indicators`` is given, every weight must name one of them and every indicator needs
    a weight.
    """
    if not weights:
        raise InputError(
            "没有给出指标权重。",
            "No weights were given.",
            fix="为每个指标给出权重（合计为 1），或改用熵权法、层次分析法求权重。",
        )
    clean: dict[str, float] = {}
    for name, value in weights.items():
        if not _is_finite_number(value) or float(value) < 0:
            raise InputError(
                f"指标 {name} 的权重 {value!r} 不是非负数。",
                f"Weight of {name} must be a non-negative number, got {value!r}.",
                fix="权重填写 0 到 1 之间的小数。",
                location=Location(column=str(name)),
            )
        clean[str(name)] = float(value)
    if indicators is not None:
        unknown = [k for k in clean if k not in indicators]
        if unknown:
            raise InputError(
                f"权重里有不在指标中的列：{'、'.join(unknown)}。",
                f"Weight given for unknown indicator(s): {', '.join(unknown)}.",
                fix=f"指标为：{'、'.join(map(str, indicators))}。",
                location=Location(column=unknown[0]),
            )
        absent = [k for k in indicators if k not in clean]
        if absent:
            raise InputError(
                f"这些指标没有权重：{'、'.join(map(str, absent))}。",
                f"No weight for indicator(s): {', '.join(map(str, absent))}.",
                fix="为每个参与评价的指标都给出权重。",
                location=Location(column=str(absent[0])),
            )
    total = math.fsum(clean.values())
    if abs(total - 1.0) > WEIGHT_SUM_TOLERANCE:
        raise InputError(
            f"权重合计为 {total:.6g}，应为 1。",
            f"Weights sum to {total:.6g}; they must sum to 1.",
            fix="调整权重使其合计为 1（如 0.3、0.3、0.4）。",
            details={"sum": total},
        )
    return clean


def _is_finite_number(value: object) -> bool:
    if isinstance(value, bool):
        return False
    try:
        return math.isfinite(float(value))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False
