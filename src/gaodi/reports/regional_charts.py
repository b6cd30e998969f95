"""Charts of the regional report: the LQ heat table, the ECI ranking and the opportunity scatter.

Each function takes plain numbers and returns a :class:`matplotlib.figure.Figure` drawn in the embedded
CJK font (see :mod:`gaodi.reports.charts`); the report turns it into PNG bytes.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import matplotlib
import numpy as np

matplotlib.use("Agg")

from matplotlib.colors import BoundaryNorm, ListedColormap  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from gaodi.reports.charts import font_rc  # noqa: E402

# LQ classes: below 0.5, 0.5–1 (less specialised than the province), 1–1.5, 1.5–3, 3 and above.
LQ_BOUNDS = (0.0, 0.5, 1.0, 1.5, 3.0, 1e12)
LQ_COLOURS = ("#f7f7f7", "#d1e5f0", "#fddbc7", "#ef8a62", "#b2182b")
POSITIVE, NEGATIVE = "#2e75b6", "#c55a11"


def lq_heat_table(regions: Sequence[str], industries: Sequence[str], lq: np.ndarray, font: Path,
                  title: str) -> Figure:
    """A region × industry grid of location quotients, each cell coloured by class and printed (2 decimals).

    ``lq`` has one row per region and one column per industry; NaN cells (no activity) print "—".
    Cells carry the gid ``lq:<row>:<column>`` so tests can read what was printed.
    """
    with matplotlib.rc_context(font_rc(font)):
        n_r, n_i = len(regions), len(industries)
        fig = Figure(figsize=(min(1.2 + 0.95 * n_i, 9.6), 1.4 + 0.3 * n_r))
        ax = fig.subplots()
        cmap = ListedColormap(LQ_COLOURS)
        shown = np.ma.masked_invalid(np.asarray(lq, dtype=float))
        ax.imshow(shown, cmap=cmap, norm=BoundaryNorm(LQ_BOUNDS, cmap.N), aspect="auto")
        for r in range(n_r):
            for i in range(n_i):
                v = lq[r][i]
                text = "—" if v is None or np.isnan(v) else f"{v:.2f}"
                dark = v is not None and not np.isnan(v) and v >= 3.0
                ax.text(i, r, text, ha="center", va="center", fontsize=7, color="white" if dark else "#222222",
                        gid=f"lq:{r}:{i}")
        ax.set_xticks(range(n_i), [_wrap(n) for n in industries], fontsize=7)
        ax.set_yticks(range(n_r), regions, fontsize=7.5)
        ax.xaxis.tick_top()
        ax.tick_params(length=0)
        for spine in ax.spines.values():
            spine.set_visible(False)
        ax.set_title(title, fontsize=10, pad=38)
        fig.tight_layout()
        return fig


def eci_bars(names: Sequence[str], values: Sequence[float], font: Path, title: str) -> Figure:
    """Horizontal bars of ECI (z-scores) from the highest down, positive blue and negative orange."""
    with matplotlib.rc_context(font_rc(font)):
        pairs = sorted(zip(names, values), key=lambda p: -p[1])
        fig = Figure(figsize=(8.0, 0.8 + 0.26 * max(len(pairs), 4)))
        ax = fig.subplots()
        ax.barh(range(len(pairs)), [v for _, v in pairs],
                color=[POSITIVE if v >= 0 else NEGATIVE for _, v in pairs])
        ax.set_yticks(range(len(pairs)), [n for n, _ in pairs], fontsize=7.5)
        ax.invert_yaxis()
        for i, (_, v) in enumerate(pairs):
            ax.text(v, i, f" {v:.2f} " if v >= 0 else f" {v:.2f} ", va="center", ha="left" if v >= 0 else "right",
                    fontsize=7)
        ax.axvline(0, color="#555555", linewidth=0.8)
        lo, hi = min([v for _, v in pairs] + [0]), max([v for _, v in pairs] + [0])
        pad = 0.18 * ((hi - lo) or 1)
        ax.set_xlim(lo - pad, hi + pad)
        ax.set_xlabel("ECI（标准化 z 分数）")
        ax.set_title(title)
        ax.spines[["top", "right"]].set_visible(False)
        fig.tight_layout()
        return fig


def opportunity_scatter(density: Sequence[float], pci: Sequence[float], labels: Sequence[str],
                        priority: Sequence[bool], font: Path, title: str, labelled: int = 6) -> Figure:
    """Candidate industries: density (feasibility, x) against PCI (complexity, y).

    Points on a priority list are drawn as red diamonds; up to ``labelled`` points with the largest
    density + PCI rank sum are named, skipping those whose label would overlap another. The dashed
    lines are the medians of the points shown.
    """
    with matplotlib.rc_context(font_rc(font)):
        x, y = np.asarray(density, dtype=float), np.asarray(pci, dtype=float)
        flags = np.asarray(priority, dtype=bool)
        fig = Figure(figsize=(8.0, 5.6))
        ax = fig.subplots()
        ax.scatter(x[~flags], y[~flags], s=16, color="#5b8ff9", alpha=0.7, label="一般行业", gid="points")
        if flags.any():
            ax.scatter(x[flags], y[flags], s=30, marker="D", color="#c0392b", label="优先行业（未来产业等）",
                       gid="priority")
        if len(x):
            ax.axvline(float(np.median(x)), color="#999999", linestyle="--", linewidth=0.8)
            ax.axhline(float(np.median(y)), color="#999999", linestyle="--", linewidth=0.8)
            for k in _spaced(x, y, labelled):
                ax.annotate(_short(labels[k]), (x[k], y[k]), xytext=(4, 3), textcoords="offset points",
                            fontsize=6.5)
        ax.set_xlabel("密度（越高越易进入）")
        ax.set_ylabel("行业复杂度 PCI（z 分数）")
        ax.set_title(title)
        ax.legend(fontsize=7.5, frameon=False, loc="lower right")
        ax.spines[["top", "right"]].set_visible(False)
        fig.tight_layout()
        return fig


def _ranks(values: np.ndarray) -> np.ndarray:
    return np.argsort(np.argsort(values, kind="stable"), kind="stable").astype(float)


def _spaced(x: np.ndarray, y: np.ndarray, n: int) -> list[int]:
    """Up to ``n`` points of the best density + PCI rank sum whose labels would not overlap.

    A point is skipped when it lies within 15 % of the x range and 6 % of the y range of one already
    chosen (a label is about that wide and tall on this figure).
    """
    span_x, span_y = (np.ptp(x) or 1.0), (np.ptp(y) or 1.0)
    chosen: list[int] = []
    for k in np.argsort(-(_ranks(x) + _ranks(y)), kind="stable"):
        if all(abs(x[k] - x[j]) > 0.15 * span_x or abs(y[k] - y[j]) > 0.06 * span_y for j in chosen):
            chosen.append(int(k))
            if len(chosen) == n:
                break
    return chosen


def _short(label: str, width: int = 14) -> str:
    return label if len(label) <= width else label[:width - 1] + "…"


def _wrap(name: str, width: int = 6) -> str:
    return "\n".join(name[i:i + width] for i in range(0, min(len(name), 3 * width), width))
