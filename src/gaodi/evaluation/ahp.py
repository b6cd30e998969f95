"""The analytic hierarchy process (层次分析法, AHP): weights from a pairwise comparison matrix."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd

from gaodi.errors import InputError, Location

RANDOM_INDEX: dict[int, float] = {
    1: 0.0,
    2: 0.0,
    3: 0.58,
    4: 0.90,
    5: 1.12,
    6: 1.24,
    7: 1.32,
    8: 1.41,
    9: 1.45,
    10: 1.49,
}
"""Saaty's random consistency index RI by matrix order n (Saaty 1980, The Analytic Hierarchy
Process)."""

CONSISTENCY_THRESHOLD = 0.1
"""A comparison matrix is acceptably consistent when CR < 0.1 (Saaty 1980)."""

AhpMethod = Literal["eigenvector", "geometric_mean"]


@dataclass(frozen=True)
class AhpWeights:
    """AHP priority weights with the consistency check of the comparison matrix."""

    weights: dict[str, float]
    method: str
    n: int
    lambda_max: float
    consistency_index: float
    random_index: float
    consistency_ratio: float

    @property
    def consistent(self) -> bool:
        """Saaty's verdict: the judgements are acceptably consistent when CR < 0.1."""
        return self.consistency_ratio < CONSISTENCY_THRESHOLD


def ahp_weights(
    matrix: pd.DataFrame | np.ndarray | Sequence[Sequence[float]],
    labels: Sequence[str] | None = None,
    method: AhpMethod = "eigenvector",
    random_index: float | None = None,
    tolerance: float = 0.01,
) -> AhpWeights:
    """Derive priority weights from a positive reciprocal pairwise comparison matrix A (n x n).

    a_ij says how many times element i is more important than element j (Saaty's 1–9 scale);
    a_ji = 1 / a_ij and a_ii = 1. Formulas (Saaty 1980; Saaty 1990, EJOR 48:9–26)::

        eigenvector:     A w = λmax w,  w the principal (Perron) eigenvector, Σ w_i = 1
        geometric_mean:  w_i = (Π_j a_ij)^(1/n) / Σ_k (Π_j a_kj)^(1/n),
                         λmax ≈ (1/n) Σ_i (A w)_i / w_i
        CI = (λmax − n) / (n − 1)
        CR = CI / RI(n)      RI from Saaty's table:
                             0, 0, .58, .90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49 (n = 1..10)
        verdict: consistent when CR < 0.1

    For n ≤ 2 every reciprocal matrix is consistent and CR is 0. For n > 10 pass ``random_index``
    (Saaty advises at most 9 elements per comparison; split the hierarchy instead).
    ``tolerance`` is the relative slack allowed in a_ij · a_ji = 1, so that 3 and 0.333 pass.

    Checked against Saaty (1990), the house example: criteria weights .173 .054 .188 .018 .031
    .036 .167 .333, λmax = 9.669, CI = 0.238, CR = 0.169.
    """
    a, names = _as_matrix(matrix, labels)
    n = a.shape[0]
    _check_positive_reciprocal(a, names, tolerance)
    if method == "eigenvector":
        values, vectors = np.linalg.eig(a)
        k = int(np.argmax(values.real))
        lambda_max = float(values[k].real)
        w = np.abs(vectors[:, k].real)
        w = w / w.sum()
    elif method == "geometric_mean":
        g = np.exp(np.log(a).mean(axis=1))
        w = g / g.sum()
        lambda_max = float(np.mean((a @ w) / w))
    else:
        raise InputError(
            f"未知的 AHP 求权方法 {method!r}。",
            f"Unknown AHP method {method!r}.",
            fix="使用 eigenvector（特征向量法）或 geometric_mean（几何平均法）。",
        )
    ci = 0.0 if n <= 2 else max(lambda_max - n, 0.0) / (n - 1)
    if random_index is None:
        if n not in RANDOM_INDEX:
            raise InputError(
                f"判断矩阵为 {n} 阶，超出 Saaty 随机一致性指标表（1–10 阶）。",
                f"The matrix has order {n}; Saaty's RI table covers orders 1 to 10.",
                fix="把指标分组成多层（每组不超过 9 个），或显式给出 random_index。",
            )
        ri = RANDOM_INDEX[n]
    else:
        ri = float(random_index)
    cr = 0.0 if n <= 2 or ri == 0 else ci / ri
    return AhpWeights(
        weights=dict(zip(names, w.tolist())),
        method=method,
        n=n,
        lambda_max=lambda_max,
        consistency_index=ci,
        random_index=ri,
        consistency_ratio=cr,
    )


def _as_matrix(
    matrix: pd.DataFrame | np.ndarray | Sequence[Sequence[float]], labels: Sequence[str] | None
) -> tuple[np.ndarray, list[str]]:
    if isinstance(matrix, pd.DataFrame):
        rows, cols = [str(i) for i in matrix.index], [str(c) for c in matrix.columns]
        if rows != cols:
            raise InputError(
                "判断矩阵的行标签与列标签不一致。",
                "Row labels and column labels of the comparison matrix differ.",
                fix="行与列须按同一顺序列出同一组指标。",
                details={"rows": rows, "columns": cols},
            )
        names = cols
        values = matrix.to_numpy()
    else:
        values = np.asarray(matrix, dtype=object)
        names = [str(s) for s in labels] if labels is not None else []
    if values.ndim != 2 or values.shape[0] != values.shape[1] or values.shape[0] == 0:
        raise InputError(
            f"判断矩阵须为非空方阵，实际形状为 {values.shape}。",
            f"The comparison matrix must be square and non-empty, got shape {values.shape}.",
        )
    n = values.shape[0]
    if not names:
        names = [f"c{i + 1}" for i in range(n)]
    if len(names) != n:
        raise InputError(
            f"给出了 {len(names)} 个标签，但矩阵为 {n} 阶。",
            f"{len(names)} labels for a matrix of order {n}.",
        )
    out = np.empty((n, n))
    for i in range(n):
        for j in range(n):
            try:
                out[i, j] = float(values[i, j])
            except (TypeError, ValueError):
                raise InputError(
                    f"判断矩阵第 {names[i]} 行、第 {names[j]} 列不是数值：{values[i, j]!r}。",
                    f"Cell ({names[i]}, {names[j]}) of the comparison matrix "
                    f"is not a number: {values[i, j]!r}.",
                    fix="填写 1–9 标度或其倒数（如 3 或 1/3 写作 0.3333）。",
                    location=Location(column=names[j]),
                ) from None
    return out, names


def _check_positive_reciprocal(a: np.ndarray, names: list[str], tolerance: float) -> None:
    n = a.shape[0]
    for i in range(n):
        for j in range(n):
            if not np.isfinite(a[i, j]) or a[i, j] <= 0:
                raise InputError(
                    f"判断矩阵第 {names[i]} 行、第 {names[j]} 列须为正数，实际为 {a[i, j]}。",
                    f"Cell ({names[i]}, {names[j]}) must be positive, got {a[i, j]}.",
                    fix="判断矩阵的元素取 1–9 标度或其倒数，均为正数。",
                    location=Location(column=names[j]),
                )
    for i in range(n):
        if abs(a[i, i] - 1.0) > tolerance:
            raise InputError(
                f"判断矩阵对角线元素 ({names[i]}, {names[i]}) 应为 1，实际为 {a[i, i]}。",
                f"Diagonal cell ({names[i]}, {names[i]}) must be 1, got {a[i, i]}.",
                fix="一个指标与自身比较，重要性相同，填 1。",
                location=Location(column=names[i]),
            )
        for j in range(i + 1, n):
            if abs(a[i, j] * a[j, i] - 1.0) > tolerance:
                raise InputError(
                    f"判断矩阵不互反：({names[i]}, {names[j]}) = {a[i, j]:g}，"
                    f"({names[j]}, {names[i]}) = {a[j, i]:g}，两者之积应为 1。",
                    f"The matrix is not reciprocal: ({names[i]}, {names[j]}) = {a[i, j]:g} but "
                    f"({names[j]}, {names[i]}) = {a[j, i]:g}; their product must be 1.",
                    fix=f"把 ({names[j]}, {names[i]}) 改为 {1 / a[i, j]:.4g}。",
                    location=Location(column=names[j]),
                )
