"""The entropy weight method (熵权法): objective weights from how much each indicator varies."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
import pandas as pd

from gaodi.errors import InputError, Location
from gaodi.evaluation.decision_matrix import indicator_matrix, resolve_directions

EntropyNormalization = Literal["minmax", "sum"]


@dataclass(frozen=True)
class EntropyWeights:
    """Entropy weights with the intermediate quantities of the method, per indicator."""

    weights: dict[str, float]
    entropy: dict[str, float]
    divergence: dict[str, float]
    normalization: str
    constant_indicators: list[str] = field(default_factory=list)


def entropy_weights(
    table: pd.DataFrame,
    indicators: list[str] | None = None,
    directions: Mapping[str, str] | None = None,
    normalization: EntropyNormalization = "minmax",
) -> EntropyWeights:
    """Compute entropy weights of the indicators of a decision matrix (m alternatives, m ≥ 2).

    Formula (Shannon entropy; Zeleny 1982; Hwang & Yoon 1981, ch. 4)::

        z_ij = (x_ij − min_j)/(max_j − min_j)  ("+")  or (max_j − x_ij)/(max_j − min_j)  ("-")
                                                 with normalization="minmax" (the usual 熵权法 step)
        z_ij = x_ij                              with normalization="sum" (x_ij ≥ 0; as in Xu 2004)
        p_ij = z_ij / Σ_i z_ij
        e_j  = −k Σ_i p_ij ln p_ij,   k = 1 / ln m,   with 0 · ln 0 = 0
        d_j  = 1 − e_j
        w_j  = d_j / Σ_j d_j

    An indicator on which every alternative has the same value carries no information: its
    weight is 0 and it is listed in ``constant_indicators`` (for "minmax" its z would be 0/0; for
    "sum" e_j = 1 already). With "sum" the direction does not enter the weights.

    Checked against Xu (2004), EJOR 156(2):530–532 (weights .4630 .3992 .1378 .0000) and
    Zavadskas & Podvezko (2016), IJITDM 15(2):267–283 (.1146 .1981 .4185 .2689).
    """
    indicators = list(indicators) if indicators is not None else [str(c) for c in table.columns]
    dirs = resolve_directions(directions, indicators)
    x = indicator_matrix(table, indicators)
    m = x.shape[0]
    if m < 2:
        raise InputError(
            "熵权法至少需要 2 个评价对象。",
            "The entropy weight method needs at least 2 alternatives.",
            fix="增加评价对象，或改用专家权重/层次分析法。",
        )
    if normalization not in ("minmax", "sum"):
        raise InputError(
            f"未知的熵权标准化方式 {normalization!r}。",
            f"Unknown normalization {normalization!r}.",
            fix="使用 minmax 或 sum。",
        )
    constant = x.max(axis=0) == x.min(axis=0)
    if normalization == "minmax":
        width = np.where(constant, 1.0, x.max(axis=0) - x.min(axis=0))
        z = (x - x.min(axis=0)) / width
        minus = np.array([dirs[n] == "-" for n in indicators])
        z[:, minus] = 1.0 - z[:, minus]
        z[:, constant] = 1.0
    else:
        if (x < 0).any():
            j = int(np.argmax((x < 0).any(axis=0)))
            raise InputError(
                f"指标 {indicators[j]} 有负值，sum 标准化要求非负数。",
                f"Indicator {indicators[j]} has negative values; normalization 'sum' needs x ≥ 0.",
                fix="改用 minmax 标准化。",
                location=Location(column=indicators[j]),
            )
        z = np.where(constant, 1.0, x)
    p = z / z.sum(axis=0)
    with np.errstate(divide="ignore", invalid="ignore"):
        plogp = np.where(p > 0, p * np.log(p), 0.0)
    e = -plogp.sum(axis=0) / np.log(m)
    e = np.where(constant, 1.0, np.clip(e, 0.0, 1.0))
    d = 1.0 - e
    if d.sum() <= 0:
        raise InputError(
            "所有指标在各评价对象间取值都相同，熵权无法确定。",
            "Every indicator is constant across alternatives; entropy weights are undefined.",
            fix="检查数据是否录入重复，或改用专家权重。",
        )
    w = d / d.sum()
    return EntropyWeights(
        weights=dict(zip(indicators, w.tolist())),
        entropy=dict(zip(indicators, e.tolist())),
        divergence=dict(zip(indicators, d.tolist())),
        normalization=normalization,
        constant_indicators=[n for n, flag in zip(indicators, constant) if flag],
    )
