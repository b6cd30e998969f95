"""Progress toward a plan target, the rate still required, a trend forecast and the status rules.

Pure functions over numbers; the rules are documented, with their edges, in docs/indicators.md
("Status rules"), and each edge is tested in tests/indicators/test_progress.py.

* ``=`` targets ("达到 8") are monitored as "at least". A range ``6~7`` is met inside it; a value above
  its upper bound has met and passed it (the reason says so); below it, the lower bound is the target.
* Level and count indicators follow the straight path from the base value (base year) to the target
  (target year): expected(y) = B + (T − B)·(y − y0)/(Y − y0). Cumulative targets ("[3000]") start from 0.
* Average-growth indicators (年均增速) are judged on the geometric average since the base year of the
  complete years, and, in a partial year, on the 1-N月 growth against the average rate still required.
* Statuses: 达标 achieved, 正常 on track, 预警 at risk, 滞后 behind, 待评估 pending (see ``level_status``,
  ``rate_status`` and ``cumulative_status``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from scipy import stats

STATUS_ZH = {"achieved": "达标", "on_track": "正常", "at_risk": "预警", "behind": "滞后", "pending": "待评估"}
STATUS_EN = {"achieved": "achieved", "on_track": "on track", "at_risk": "at risk", "behind": "behind",
             "pending": "pending"}
RATE_WARNING_BAND = 1.0  # percentage points below the required rate that still count as 预警
CUMULATIVE_WARNING_SHARE = 0.9  # a running sum at 90 % of its path or more is 预警, below it 滞后


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

    def toward(self, start: float | None) -> tuple[float | None, int]:
        """The bound a path from ``start`` heads for and its direction (a range above its top heads down)."""
        if self.op == "range" and start is not None and start > self.high:
            return self.high, -1
        return self.point, self.direction or 1


def meets(value: float, goal: Goal) -> bool:
    """Whether ``value`` meets the target: a range is met inside it or above it (passed)."""
    if goal.op == "range":
        return bool(value >= goal.low)
    if goal.direction > 0:
        return bool(value >= goal.value)
    return bool(value <= goal.value)


def gap(value: float | None, goal: Goal) -> float | None:
    """How far the value is from meeting the target (0 when met; in the indicator's unit)."""
    if value is None or goal.op == "qualitative" or goal.point is None:
        return None
    if goal.op == "range":
        return max(goal.low - value, 0.0)
    return max(0.0, goal.direction * (goal.value - value))


def expected(base: float | None, base_year: int, goal: Goal, year: int) -> float | None:
    """The straight path's value in ``year`` (cumulative targets start from 0)."""
    start = 0.0 if goal.cumulative else base
    point, _ = goal.toward(start)
    if start is None or point is None or goal.year == base_year:
        return None
    share = min(max((year - base_year) / (goal.year - base_year), 0.0), 1.0)
    return start + (point - start) * share


@dataclass(frozen=True)
class Advance:
    """Progress read as people read it: the share of the distance from base to target covered, or,
    when the value moved away from the target, a regression (倒退) of ``regression`` units."""

    share: float | None  # percent of the distance covered (may pass 100)
    regression: float | None  # how far the value moved away from the target, in the indicator's unit
    text: str


def advance(value: float | None, base: float | None, goal: Goal, unit: str = "") -> Advance:
    """share = (V − B) ÷ (T − B) × 100 when V moved toward T; otherwise 倒退 |V − B| (cumulative: B = 0)."""
    start = 0.0 if goal.cumulative else base
    point, _ = goal.toward(start)
    if value is None or goal.op == "qualitative" or point is None:
        return Advance(None, None, "")
    if start is None:
        return Advance(None, None, "无基期值")
    if not goal.cumulative and meets(start, goal):
        return Advance(None, None, "基期已达到目标")
    moved, distance = value - start, point - start
    if moved * distance < 0:
        size = abs(moved)
        shown = f"{size:.2f}".rstrip("0").rstrip(".")
        return Advance(None, size, f"倒退 {shown}{' 个百分点' if unit == '%' else unit}")
    share = 100 * moved / distance
    return Advance(share, None, f"完成 {share:.1f}%")


def required_per_year(value: float | None, goal: Goal, year: int) -> float | None:
    """Change per remaining year that reaches the target (points, units or amount per year)."""
    if value is None or goal.point is None or goal.year <= year:
        return None
    point, _ = goal.toward(value)
    return (point - value) / (goal.year - year)


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
    """Geometric mean growth (%) of the completed years: the base-year level to the latest one."""
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


def forecast(series: dict[int, float], year: int, level: float = 0.8,
             bounds: tuple[float, float] | None = None) -> Forecast | None:
    """Linear trend of annual values extrapolated to ``year`` with a t-based prediction interval:

    ŷ = a + b·x;  se = s·√(1 + 1/n + (x − x̄)²/Sxx);  band = ŷ ± t_{(1+level)/2, n−2}·se.
    Needs at least three years. ``bounds`` (a share's 0-100) clip the point and the band.
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
    s = math.sqrt(sum(r * r for r in resid) / (n - 2))
    se = s * math.sqrt(1 + 1 / n + (year - mean) ** 2 / sxx)
    t = stats.t.ppf((1 + level) / 2, n - 2)
    point = float(fit.intercept + fit.slope * year)
    low, high = float(point - t * se), float(point + t * se)
    if bounds is not None:
        point, low, high = (min(max(v, bounds[0]), bounds[1]) for v in (point, low, high))
    return Forecast(point, low, high, n)


def _g(v: float) -> str:
    return f"{v:.4g}"


def level_status(value: float, goal: Goal, *, path: float | None, fc: Forecast | None, complete: bool,
                 final_year: bool, label: str) -> tuple[str, str]:
    """Status of a level or count with data after the base (``label`` names the data, e.g. 2027年1-6月累计).

    * meets the target: 达标 on a complete year; 正常 on a partial year (the year may still fall back);
    * final year not met: 滞后;
    * on or ahead of the path: 正常, or 预警 when the trend forecast misses the target;
    * behind the path: 预警 when the forecast or its 80 % band reaches the target, else 滞后;
    * no path (no base value): judged by the forecast alone; 待评估 without one.
    """
    _, direction = goal.toward(value)
    if meets(value, goal):
        above = goal.op == "range" and value > goal.high
        passed = f"，高于目标区间上限 {goal.high:g}" if above else ""
        if complete:
            return "achieved", f"{label} {_g(value)} 已达到目标{passed}"
        return "on_track", f"{label} {_g(value)} 已达到目标值{passed}（非完整年度，待年度数据确认）"
    if final_year and complete:
        return "behind", f"目标年 {label} {_g(value)} 未达到目标"
    trend_ok = None if fc is None else meets(fc.point, goal)
    band_ok = None if fc is None else (meets(fc.high, goal) if direction >= 0 else meets(fc.low, goal))
    trend = "" if fc is None else f"趋势预测 {goal.year} 年 {_g(fc.point)}"
    if path is None:
        if fc is None:
            return "pending", f"{label} {_g(value)}；无基期值且完整年度不足三年，无法判断进度"
        if trend_ok:
            return "on_track", f"无基期值，{trend}，可完成目标"
        return ("at_risk" if band_ok else "behind"), f"无基期值，{trend}，未达目标" + (
            "，但在预测区间内" if band_ok else "")
    if (value - path) * direction >= 0:
        if trend_ok is not None and not trend_ok:
            return "at_risk", f"{label} {_g(value)} 达到按期进度 {_g(path)}，但{trend}，不能完成目标"
        return "on_track", f"{label} {_g(value)} 不低于按期进度应达到的 {_g(path)}"
    behind = f"{label} {_g(value)} 落后于按期进度（应达 {_g(path)}）"
    if trend_ok:
        return "at_risk", f"{behind}，{trend}，可完成目标"
    if band_ok:
        return "at_risk", f"{behind}，{trend} 未达目标，但在预测区间内"
    return "behind", behind + (f"，{trend}，不能完成目标" if fc is not None else "，完整年度不足三年，无趋势预测")


def rate_status(goal: Goal, *, average: float | None, years: int, current: float | None,
                required: float | None, current_label: str, final_year: bool) -> tuple[str, str]:
    """Status of an average-growth target (年均增速); ``years`` complete years since the base.

    * target year complete: 达标 when the period's average meets the target, else 滞后;
    * a partial year: its 1-N月 growth against the rate still required: 正常 when it reaches it,
      预警 within ``RATE_WARNING_BAND`` points below, 滞后 further below;
    * a complete year: the average since the base against the target, with the same band;
    * no complete year and no partial growth after the base: 待评估.
    """
    target = goal.point
    if final_year and average is not None:
        if average >= target:
            return "achieved", f"规划期年均 {average:.2f}% 达到目标 {target:g}%"
        return "behind", f"规划期年均 {average:.2f}% 低于目标 {target:g}%"
    if current is not None:
        need = required if required is not None else target
        return _banded(current, need, f"{current_label}增速 {current:.2f}%，所需年均增速 {need:.2f}%", "所需")
    if average is None:
        return "pending", "基期之后尚无完整年度或本年累计数据"
    return _banded(average, target, f"{years} 个完整年度年均 {average:.2f}%，目标 {target:g}%", "目标")


def _banded(rate: float, need: float, text: str, what: str) -> tuple[str, str]:
    """正常 at or above ``need``, 预警 within ``RATE_WARNING_BAND`` points below, 滞后 further below."""
    if rate >= need:
        return "on_track", text + f"，不低于{what}"
    if rate >= need - RATE_WARNING_BAND:
        return "at_risk", text + f"，低于{what}不足 {RATE_WARNING_BAND:g} 个百分点"
    return "behind", text + f"，低于{what} {RATE_WARNING_BAND:g} 个百分点以上"


def cumulative_status(value: float, goal: Goal, *, path: float | None, final_year: bool,
                      label: str) -> tuple[str, str]:
    """Status of a running sum toward a ``[ ]`` target: 达标 at the target; 正常 on or ahead of the
    path T·(y − y0)/(Y − y0); 预警 at ``CUMULATIVE_WARNING_SHARE`` of the path or more; 滞后 below."""
    if value >= goal.point:
        return "achieved", f"{label}累计 {_g(value)}，已达到目标 {goal.point:g}"
    if final_year or path is None:
        return "behind", f"{label}累计 {_g(value)}，未达到目标 {goal.point:g}"
    if value >= path:
        return "on_track", f"{label}累计 {_g(value)}，不低于按期进度 {_g(path)}"
    if value >= CUMULATIVE_WARNING_SHARE * path:
        return "at_risk", f"{label}累计 {_g(value)}，略低于按期进度 {_g(path)}（不足 10%）"
    return "behind", f"{label}累计 {_g(value)}，落后按期进度 {_g(path)} 10% 以上"
