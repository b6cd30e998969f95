"""Charts of the reports, drawn with matplotlib (Agg) in the embedded CJK font, returned as PNG bytes.

Each function takes plain numbers and returns a :class:`matplotlib.figure.Figure` (so tests can look at
what was drawn); :func:`png` turns a figure into bytes. No pyplot state is used.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

from matplotlib import font_manager  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from gaodi.monitor.progress import forecast as trend_forecast  # noqa: E402

STATUS_COLOURS = {"achieved": "#1a7f37", "on_track": "#4a9c5d", "at_risk": "#d4a017", "behind": "#c0392b",
                  "pending": "#9e9e9e"}
STATUS_ORDER = ("achieved", "on_track", "at_risk", "behind", "pending")
STATUS_ZH = {"achieved": "达标", "on_track": "正常", "at_risk": "预警", "behind": "滞后", "pending": "待评估"}
DPI = 200


def font_rc(font: Path) -> dict:
    """The rc settings that draw every text of a figure in ``font`` (registered once with matplotlib)."""
    font_manager.fontManager.addfont(str(font))
    name = font_manager.FontProperties(fname=str(font)).get_name()
    return {"font.family": [name, "DejaVu Sans"], "axes.unicode_minus": False,
            "font.size": 9, "axes.titlesize": 10, "pdf.fonttype": 42}


def png(fig: Figure) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=DPI, bbox_inches="tight", facecolor="white")
    return buf.getvalue()


@dataclass
class ProgressBar:
    label: str
    progress: float | None  # percent of the way from base to target
    status: str


def status_overview(bars: Sequence[ProgressBar], elapsed: float, font: Path) -> Figure:
    """Left: indicators by status; right: progress toward the target with the share of the period elapsed.

    ``elapsed`` is (data year − base year) ÷ (target year − base year) × 100, the progress the straight path
    expects by now; bars are clipped to [−50, 150] % so one outlier does not flatten the others.
    """
    with matplotlib.rc_context(font_rc(font)):
        shown = [b for b in bars if b.progress is not None]
        fig = Figure(figsize=(8.6, 0.9 + 0.28 * max(len(shown), 6)))
        left, right = fig.subplots(1, 2, gridspec_kw={"width_ratios": [1, 2.4]})
        counts = [sum(1 for b in bars if b.status == s) for s in STATUS_ORDER]
        ys = range(len(STATUS_ORDER))
        left.barh(list(ys), counts, color=[STATUS_COLOURS[s] for s in STATUS_ORDER])
        left.set_yticks(list(ys), [STATUS_ZH[s] for s in STATUS_ORDER])
        left.invert_yaxis()
        for y, c in zip(ys, counts):
            left.text(c + 0.1, y, str(c), va="center")
        left.set_xlim(0, max(counts + [1]) * 1.3)
        left.set_title("指标状态（个）")
        left.spines[["top", "right"]].set_visible(False)
        labels = [b.label for b in shown]
        values = [max(-50.0, min(150.0, b.progress)) for b in shown]
        right.barh(range(len(shown)), values, color=[STATUS_COLOURS[b.status] for b in shown])
        right.set_yticks(range(len(shown)), labels, fontsize=7.5)
        right.invert_yaxis()
        right.axvline(elapsed, color="#333333", linestyle="--", linewidth=0.9)
        right.axvline(100, color="#777777", linewidth=0.6)
        right.text(elapsed, -0.9, f"按期进度 {elapsed:.0f}%", ha="center", fontsize=7.5)
        right.set_xlim(-50, 150)
        right.set_xlabel("目标完成进度（%）")
        right.set_title("各指标完成进度")
        right.spines[["top", "right"]].set_visible(False)
        fig.tight_layout()
        return fig


@dataclass
class Trend:
    """One indicator's annual history, its straight path to the target and its target."""

    title: str
    unit: str
    history: dict[int, float]
    base_year: int
    base: float | None
    target: float | None
    target_year: int
    current: tuple[str, float] | None = None  # ("2026年1-10月", value) of a partial year


def trend_grid(trends: Sequence[Trend], font: Path, columns: int = 2) -> Figure:
    """Small multiples: history, the 80 % band of the linear-trend forecast to the target year, the path and target.

    The band at each future year is the prediction interval of :func:`gaodi.monitor.progress.forecast`
    (OLS on the annual values, t-based, 80 %).
    """
    with matplotlib.rc_context(font_rc(font)):
        rows = (len(trends) + columns - 1) // columns
        fig = Figure(figsize=(8.6, 2.6 * rows))
        axes = fig.subplots(rows, columns, squeeze=False).ravel()
        for ax, t in zip(axes, trends):
            years = sorted(t.history)
            ax.plot(years, [t.history[y] for y in years], marker="o", color="#1f4e79", label="实际值")
            if years:
                future = list(range(years[-1], t.target_year + 1))
                bands = [trend_forecast(t.history, y) for y in future]
                if all(b is not None for b in bands):
                    ax.fill_between(future, [b.low for b in bands], [b.high for b in bands], color="#9ecae1",
                                    alpha=0.5, label="预测区间(80%)")
                    ax.plot(future, [b.point for b in bands], linestyle="--", color="#1f4e79", label="趋势预测")
            if t.base is not None and t.target is not None:
                ax.plot([t.base_year, t.target_year], [t.base, t.target], linestyle=":", color="#777777",
                        label="规划路径")
            if t.target is not None:
                ax.scatter([t.target_year], [t.target], marker="*", s=90, color="#c0392b", zorder=5,
                           label=f"{t.target_year}年目标")
            if t.current is not None:
                ax.scatter([int(t.current[0][:4])], [t.current[1]], marker="D", s=22, color="#e67e22",
                           zorder=5, label=t.current[0])
            ax.set_title(t.title, fontsize=9)
            ax.set_ylabel(t.unit)
            ax.grid(alpha=0.3)
            ax.spines[["top", "right"]].set_visible(False)
            ax.xaxis.get_major_locator().set_params(integer=True)
        for ax in axes[len(trends):]:
            ax.set_visible(False)
        handles, labels = axes[0].get_legend_handles_labels()
        fig.legend(handles, labels, loc="lower center", ncol=min(len(labels), 6), fontsize=7.5, frameon=False)
        fig.tight_layout(rect=(0, 0.06, 1, 1))
        return fig


def city_bars(names: Sequence[str], values: Sequence[float | None], title: str, unit: str, font: Path,
              reference: float | None = None, reference_label: str = "全省") -> Figure:
    """Horizontal bars of a figure by city, largest first, with the provincial value as a line."""
    with matplotlib.rc_context(font_rc(font)):
        pairs = sorted(((n, v) for n, v in zip(names, values) if v is not None), key=lambda p: -p[1])
        fig = Figure(figsize=(8.6, 0.8 + 0.26 * max(len(pairs), 4)))
        ax = fig.subplots()
        ax.barh(range(len(pairs)), [v for _, v in pairs], color="#2e75b6")
        ax.set_yticks(range(len(pairs)), [n for n, _ in pairs])
        ax.invert_yaxis()
        for i, (_, v) in enumerate(pairs):
            ax.text(v, i, f" {v:,.1f}", va="center", fontsize=7.5)
        if reference is not None:
            ax.axvline(reference, color="#c0392b", linestyle="--", linewidth=1)
            ax.text(reference, len(pairs) - 0.3, f"{reference_label} {reference:,.1f}", color="#c0392b",
                    fontsize=7.5, ha="left", va="bottom")
        ax.set_xlabel(unit)
        ax.set_title(title)
        ax.spines[["top", "right"]].set_visible(False)
        fig.tight_layout()
        return fig
