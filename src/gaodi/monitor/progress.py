"""Progress toward a plan target, the rate still required, a trend forecast and the status rules.

Pure functions over numbers. The rules (documented in docs/indicators.md):

* ``=`` targets ("达到 8") are monitored as "at least". A range ``6~7`` is met inside it.
* Level and count indicators follow the straight path from the base value (base year) to the target
  (target year): expected(y) = B + (T − B)·(y − y0)/(Y − y0).
* Rate indicators (年均增速, 年均增长) compare the period's growth, and the average growth of the
  completed years since the base, with the target rate.
* Cumulative targets ("[3000]") follow expected(y) = T·(y − y0)/(Y − y0) for the running sum.
* Status (达标 / 正常 / 预警 / 滞后, or 待评估 when there is no numeric target or no value):
  - 达标: the value already meets the target (rate: the average since the base meets it, in the target year);
  - 正常: the value is on or ahead of the path, or the trend forecast meets the target;
  - 预警: behind the path and the forecast misses, but the forecast's 80 % band still reaches the target
    (rate: growth within 1 point below the target);
  - 滞后: otherwise.
* Partial years: shares and rates of 1-N月 are compared with the year's path as they are; annual-only
  figures use the latest complete year (the record says so).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from scipy import stats

STATUS_ZH = {"achieved": "达标", "on_track": "正常", "at_risk": "预警", "behind": "滞后", "pending": "待评估"}
RATE_WARNING_BAND = 1.0  # percentage points below the target rate that still count as 预警


@dataclass(frozen=True)
class Goal:
    op: str  # >= | <= | = | range | qualitative
    value: float | None
    low: float | None
    high: float | None
    year: int
    cumulative: bool = False

    @property
    def direction(self) -> int:
        """+1 when more is better, −1 when less is better, 0 for a range or no number."""
        return {">=": 1, "=": 1, "<=": -1}.get(self.op, 0)

    @property
    def point(self) -> float | None:
        """The number a path heads for: the value, or a range's lower bound."""
        return self.low if self.op == "range" else self.value


def meets(value: float, goal: Goal) -> bool:
    if goal.op == "range":
        return goal.low <= value <= goal.high
    if goal.direction > 0:
        return value >= goal.value
    return value <= goal.value


def gap(value: float | None, goal: Goal) -> float | None:
    """How far the value is from meeting the target (0 when met; in the indicator's unit)."""
    if value is None or goal.op == "qualitative" or goal.point is None:
        return None
    if goal.op == "range":
        return max(goal.low - value, 0.0, value - goal.high)
    return max(0.0, goal.direction * (goal.value - value))


def expected(base: float | None, base_year: int, goal: Goal, year: int) -> float | None:
    """The straight path's value in ``year`` (cumulative targets start from 0)."""
    start = 0.0 if goal.cumulative else base
    if start is None or goal.point is None or goal.year == base_year:
        return None
    share = min(max((year - base_year) / (goal.year - base_year), 0.0), 1.0)
    return start + (goal.point - start) * share


def progress(value: float | None, base: float | None, goal: Goal) -> float | None:
    """Percent of the way from the base to the target (cumulative: of the target itself)."""
    start = 0.0 if goal.cumulative else base
    if value is None or start is None or goal.point is None or goal.point == start:
        return None
    return 100 * (value - start) / (goal.point - start)


def required_per_year(value: float | None, goal: Goal, year: int) -> float | None:
    """Change per remaining year that reaches the target (points, units or amount per year)."""
    if value is None or goal.point is None or goal.year <= year:
        return None
    return (goal.point - value) / (goal.year - year)


def required_rate(achieved: list[float], goal: Goal, base_year: int) -> float | None:
    """The average growth (%) still needed in the remaining years so the whole period averages the target:

    r = [(1 + g*)^N ÷ Π(1 + g_i)]^(1/(N − k)) − 1, with N = target year − base year and k years done.
    """
    n = goal.year - base_year
    k = len(achieved)
    if goal.point is None or k >= n:
        return None
    done = math.prod(1 + g / 100 for g in achieved)
    return 100 * (((1 + goal.point / 100) ** n / done) ** (1 / (n - k)) - 1)


def average_rate(achieved: list[float]) -> float | None:
    """Geometric mean growth (%) of the completed years."""
    if not achieved:
        return None
    return 100 * (math.prod(1 + g / 100 for g in achieved) ** (1 / len(achieved)) - 1)


@dataclass(frozen=True)
class Forecast:
    point: float
    low: float
    high: float
    points_used: int
    method: str = "OLS linear trend, 80 % prediction interval"


def forecast(series: dict[int, float], year: int, level: float = 0.8) -> Forecast | None:
    """Linear trend of annual values extrapolated to ``year`` with a t-based prediction interval:

    ŷ = a + b·x;  se = s·√(1 + 1/n + (x − x̄)²/Sxx);  band = ŷ ± t_{(1+level)/2, n−2}·se.
    Needs at least three years.
    """
    xs = sorted(k for k, v in series.items() if v is not None)
    if len(xs) < 3:
        return None
    ys = [series[x] for x in xs]
    fit = stats.linregress(xs, ys)
    n = len(xs)
    mean = sum(xs) / n
    sxx = sum((x - mean) ** 2 for x in xs)
    resid = [y - (fit.intercept + fit.slope * x) for x, y in zip(xs, ys)]
    s = math.sqrt(sum(r * r for r in resid) / (n - 2)) if n > 2 else 0.0
    se = s * math.sqrt(1 + 1 / n + (year - mean) ** 2 / sxx)
    t = stats.t.ppf((1 + level) / 2, n - 2)
    point = fit.intercept + fit.slope * year
    return Forecast(point, point - t * se, point + t * se, n)


def status(kind: str, value: float | None, goal: Goal | None, *, path: float | None,
           fc: Forecast | None, average: float | None = None, final_year: bool = False
           ) -> tuple[str, str]:
    """Return (status code, reason in Chinese) by the rules of the module docstring."""
    if value is None:
        return "pending", "暂无数据"
    if goal is None or goal.op == "qualitative" or goal.point is None:
        return "pending", "定性目标（完成国家下达任务），需对照下达的任务值评估"
    if kind == "rate":
        avg = average if average is not None else value
        if final_year and meets(avg, goal):
            return "achieved", f"规划期年均 {avg:.2f}% 已达到目标"
        if meets(value, goal):
            return "on_track", f"本期增速 {value:.2f}% 不低于目标 {goal.point}%"
        if goal.direction > 0 and value >= goal.point - RATE_WARNING_BAND:
            return "at_risk", f"本期增速 {value:.2f}% 低于目标 {goal.point}% 不足 {RATE_WARNING_BAND} 个百分点"
        return "behind", f"本期增速 {value:.2f}% 明显低于目标 {goal.point}%"
    if meets(value, goal):
        return "achieved", "已达到目标值"
    ahead = path is not None and (value - path) * (goal.direction or 1) >= 0
    if ahead:
        return "on_track", f"不低于按期进度应达到的 {path:.4g}"
    if fc is not None and meets(fc.point, goal):
        return "on_track", f"趋势预测 {goal.year} 年达到 {fc.point:.4g}，可完成目标"
    behind_path = f"落后于按期进度（应达 {path:.4g}）" if path is not None else "未达目标"
    if fc is not None and (meets(fc.high, goal) if goal.direction >= 0 else meets(fc.low, goal)):
        return "at_risk", f"{behind_path}，趋势预测 {fc.point:.4g} 未达目标，但在预测区间内"
    if path is None and fc is None:
        return "at_risk", "缺少基期值与历史序列，无法判断进度，未达目标"
    return "behind", f"落后于按期进度{f'（应达 {path:.4g}）' if path is not None else ''}，趋势预测不能完成目标"
