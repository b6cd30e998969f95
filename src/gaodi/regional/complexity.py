"""Relatedness and economic complexity of regions and industries.

Sources: Balassa (1965) for revealed comparative advantage; Hidalgo, Klinger, Barabási & Hausmann
(2007), "The product space conditions the development of nations", *Science* 317: 482–487, for
proximity and density; Hidalgo & Hausmann (2009), "The building blocks of economic complexity",
*PNAS* 106(26): 10570–10575, and Hausmann et al. (2014), *The Atlas of Economic Complexity*, for the
eigenvector form of ECI and PCI. Here "countries" are regions and "products" are industries.

    RCA_ri = (x_ri / x_r) / (x_i / x)          M_ri = 1 if RCA_ri ≥ threshold else 0
    k_r,0 = Σ_i M_ri (diversity)                k_i,0 = Σ_r M_ri (ubiquity)
    φ_ij = Σ_r M_ri M_rj / max(k_i,0, k_j,0)   = min(P(M_i | M_j), P(M_j | M_i)),  φ_ii = 1
    ω_ri = Σ_j M_rj φ_ij / Σ_j φ_ij            (density; the sum runs over all j, i included)

ECI and PCI, eigenvector variant: K̃ = D_k,r⁻¹ M D_k,i⁻¹ Mᵀ (regions) and its twin for industries;
the eigenvector of the second largest eigenvalue gives the raw scores. They are computed from the
symmetric matrix A = D_k,r^-½ M D_k,i^-½ (the eigenvectors of AᵀA are those of K̃ up to D^-½), on
whichever side is smaller, and the other side follows by averaging: ECI_r ∝ mean of raw PCI of the
industries present in r. Normalisation: each index is z-scored on its own (mean 0, population
standard deviation 1, ddof = 0), as in the Atlas. Sign convention: ECI correlates positively with
diversity (the same sign is applied to PCI, so complex industries are those of diverse regions).

Regions with no activity or no RCA (diversity 0) and industries with no activity or no RCA
(ubiquity 0) cannot enter the eigen problem: they are left out of ``eci``/``pci`` and listed in
``excluded_regions``/``excluded_industries`` with the reason. They keep RCA 0, and density stays
defined for them (0 for an industry that no region has), so no NaN appears anywhere.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import scipy.linalg
from scipy.sparse import bmat, csr_matrix
from scipy.sparse.csgraph import connected_components
from scipy.sparse.linalg import eigsh

from gaodi.errors import DataQualityError, InputError
from gaodi.regional.exclusions import (
    NO_ACTIVITY,
    NO_ADVANTAGE,
    NOT_PRESENT_ANYWHERE,
    Exclusion,
    exclusion,
    inactive,
)
from gaodi.regional.specialisation import balassa_ratio

_DENSE_UP_TO = 200  # above this size ARPACK's Lanczos beats a dense symmetric solver


@dataclass
class ComplexityResult:
    """Everything the complexity methods compute, on the labels of the input matrix."""

    threshold: float
    rca: pd.DataFrame
    presence: pd.DataFrame
    diversity: pd.Series
    ubiquity: pd.Series
    proximity: pd.DataFrame
    density: pd.DataFrame
    eci: pd.Series
    pci: pd.Series
    second_eigenvalue: float
    components: int
    excluded_regions: list[Exclusion] = field(default_factory=list)
    excluded_industries: list[Exclusion] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def revealed_comparative_advantage(matrix: pd.DataFrame) -> pd.DataFrame:
    """Return Balassa's RCA_ri = (x_ri / x_r) / (x_i / x); 0 for all-zero rows and columns."""
    return pd.DataFrame(balassa_ratio(matrix.to_numpy(dtype=float)),
                        index=matrix.index, columns=matrix.columns)


def presence(rca: pd.DataFrame, threshold: float = 1.0) -> pd.DataFrame:
    """Return the binary matrix M_ri = 1 where RCA_ri ≥ threshold (default 1), else 0."""
    if not np.isfinite(threshold) or threshold <= 0:
        raise InputError(
            message=f"显性比较优势门槛必须为正数，收到 {threshold}",
            message_en=f"The RCA threshold must be a positive number; got {threshold}.",
            fix="通常取 1（--threshold 1）。",
        )
    return (rca >= threshold).astype(np.int8)


def proximity(presence_matrix: pd.DataFrame) -> pd.DataFrame:
    """Return φ_ij = min(P(M_i | M_j), P(M_j | M_i)) = Σ_r M_ri M_rj / max(k_i,0, k_j,0).

    Symmetric, in [0, 1], with φ_ii = 1. An industry that no region holds has φ = 0 with all others.
    """
    m = presence_matrix.to_numpy(dtype=float)
    return pd.DataFrame(_proximity(m), index=presence_matrix.columns,
                        columns=presence_matrix.columns)


def density(presence_matrix: pd.DataFrame, proximity_matrix: pd.DataFrame) -> pd.DataFrame:
    """Return ω_ri = Σ_j M_rj φ_ij / Σ_j φ_ij: the share of industry i's neighbours region r holds.

    In [0, 1]; distance = 1 − density is the Atlas's "distance" to the industry.
    """
    phi = proximity_matrix.loc[presence_matrix.columns, presence_matrix.columns].to_numpy()
    m = presence_matrix.to_numpy(dtype=float)
    return pd.DataFrame(_density(m, phi), index=presence_matrix.index,
                        columns=presence_matrix.columns)


def economic_complexity(matrix: pd.DataFrame, threshold: float = 1.0) -> ComplexityResult:
    """Compute RCA, M, diversity, ubiquity, proximity, density, ECI and PCI (module docstring)."""
    values = matrix.to_numpy(dtype=float)
    if values.size == 0 or not np.isfinite(values).all() or (values < 0).any():
        raise InputError(
            message="地区×行业矩阵为空，或含有空值、负值",
            message_en="The region × industry matrix is empty or holds NaN or negative values.",
            fix="用 region_industry_matrix 从长表构造矩阵，它会逐行检查数值。",
        )
    rca = revealed_comparative_advantage(matrix)
    m_frame = presence(rca, threshold)
    m = m_frame.to_numpy(dtype=float)
    div = m.sum(axis=1)
    ubi = m.sum(axis=0)
    phi = _proximity(m)
    omega = _density(m, phi)

    empty_rows, empty_cols = inactive(matrix)
    excluded_regions = [exclusion(r, NO_ACTIVITY if e else NO_ADVANTAGE)
                        for r, e, d in zip(matrix.index, empty_rows, div) if d == 0]
    excluded_industries = [exclusion(i, NO_ACTIVITY if e else NOT_PRESENT_ANYWHERE)
                           for i, e, u in zip(matrix.columns, empty_cols, ubi) if u == 0]
    keep_r, keep_i = div > 0, ubi > 0
    if keep_r.sum() < 2 or keep_i.sum() < 2:
        raise DataQualityError(
            message="至少需要 2 个有比较优势的地区和 2 个有比较优势的行业才能计算复杂度",
            message_en="Complexity needs at least 2 regions and 2 industries with RCA above the "
                       "threshold.",
            fix="扩大地区或行业范围，或降低 --threshold。",
            details={"regions_kept": int(keep_r.sum()), "industries_kept": int(keep_i.sum())},
        )
    kc, kp, eigenvalue = _eigen_scores(m[keep_r][:, keep_i], div[keep_r], ubi[keep_i])
    sign = _sign(kc, kp, div[keep_r], ubi[keep_i])
    eci = _zscore(sign * kc, "ECI")
    pci = _zscore(sign * kp, "PCI")
    components = _components(m[keep_r][:, keep_i])
    notes = []
    if components > 1:
        notes.append(f"显性比较优势网络分成 {components} 个互不相连的部分，ECI/PCI 主要区分这些部分，"
                     f"而非复杂度高低")
    regions, industries = matrix.index, matrix.columns
    return ComplexityResult(
        threshold=float(threshold),
        rca=rca,
        presence=m_frame,
        diversity=pd.Series(div.astype(int), index=regions, name="diversity"),
        ubiquity=pd.Series(ubi.astype(int), index=industries, name="ubiquity"),
        proximity=pd.DataFrame(phi, index=industries, columns=industries),
        density=pd.DataFrame(omega, index=regions, columns=industries),
        eci=pd.Series(eci, index=regions[keep_r], name="eci"),
        pci=pd.Series(pci, index=industries[keep_i], name="pci"),
        second_eigenvalue=float(eigenvalue),
        components=components,
        excluded_regions=excluded_regions,
        excluded_industries=excluded_industries,
        notes=notes,
    )


def _proximity(m: np.ndarray) -> np.ndarray:
    co = m.T @ m
    ubiquity = np.diag(co).copy()
    larger = np.maximum.outer(ubiquity, ubiquity)
    with np.errstate(divide="ignore", invalid="ignore"):
        phi = np.where(larger > 0, co / larger, 0.0)
    np.fill_diagonal(phi, 1.0)
    return phi


def _density(m: np.ndarray, phi: np.ndarray) -> np.ndarray:
    # φ is symmetric, so column sums equal the row sums Σ_j φ_ij (≥ 1 thanks to φ_ii = 1).
    return (m @ phi) / phi.sum(axis=0)[np.newaxis, :]


def _eigen_scores(m: np.ndarray, div: np.ndarray, ubi: np.ndarray) -> tuple[np.ndarray, np.ndarray,
                                                                            float]:
    """Raw region and industry scores from the second eigenvector of the smaller symmetric side."""
    a = m / np.sqrt(div)[:, np.newaxis] / np.sqrt(ubi)[np.newaxis, :]
    n_r, n_i = a.shape
    if n_i <= n_r:
        value, vector = _second_eigenpair(a.T @ a)
        kp = vector / np.sqrt(ubi)
        kc = (m @ kp) / div
    else:
        value, vector = _second_eigenpair(a @ a.T)
        kc = vector / np.sqrt(div)
        kp = (m.T @ kc) / ubi
    return kc, kp, value


def _second_eigenpair(s: np.ndarray) -> tuple[float, np.ndarray]:
    """Second largest eigenvalue of a symmetric positive semi-definite matrix and its vector.

    Lanczos (ARPACK) for the two largest on big matrices, a dense solver on small ones; the
    start vector is fixed so that results do not depend on a random seed.
    """
    n = s.shape[0]
    if n <= _DENSE_UP_TO:
        values, vectors = scipy.linalg.eigh(s, subset_by_index=[n - 2, n - 1])
    else:
        values, vectors = eigsh(s, k=2, which="LA", v0=np.linspace(1.0, 2.0, n), tol=0.0)
        order = np.argsort(values)
        values, vectors = values[order], vectors[:, order]
    return float(values[0]), vectors[:, 0]


def _sign(kc: np.ndarray, kp: np.ndarray, div: np.ndarray, ubi: np.ndarray) -> float:
    """+1 or −1 so that ECI rises with diversity (else PCI falls with ubiquity)."""
    for scores, degree, wanted in ((kc, div, 1.0), (kp, ubi, -1.0)):
        if np.std(scores) > 0 and np.std(degree) > 0:
            r = np.corrcoef(scores, degree)[0, 1]
            if np.isfinite(r) and r != 0:
                return float(np.sign(r) * wanted)
    return 1.0


def _zscore(x: np.ndarray, name: str) -> np.ndarray:
    sd = x.std()
    if not sd > 1e-12 * max(1.0, np.abs(x).max()):
        raise DataQualityError(
            message=f"{name} 没有差异（所有地区或行业的比较优势结构相同），无法标准化",
            message_en=f"{name} does not vary (every region or industry has the same structure).",
            fix="检查数据是否只有一种行业结构，或改变 --threshold。",
        )
    return (x - x.mean()) / sd


def _components(m: np.ndarray) -> int:
    links = csr_matrix(m)
    graph = bmat([[None, links], [links.T, None]], format="csr")
    return int(connected_components(graph, directed=False)[0])
