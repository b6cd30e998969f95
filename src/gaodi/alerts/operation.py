"""Enterprise operation (运行监测) warnings, as pure functions over the 1-N月 cumulative statistics.

The statistics hold cumulative figures (``2026-10`` = January to October 2026). A month's own figure is
its cumulative figure less the month before's: x(Y, m) = C(Y, m) − C(Y, m−1), and x(Y, 1) = C(Y, 1); it is
unknown (no data, never 0) when the month before was not reported.

- falls (营收、增加值、税收、能耗): the month's year-on-year change g = x(Y, m) ÷ x(Y−1, m) − 1; a warning when
  g ≤ −threshold in each of the last N months (a fall of at least the threshold), every month known and
  x(Y−1, m) > 0;
- loss (亏损): cumulative 利润总额 C(Y, m) < 0 and −C(Y, m) ≥ threshold at each of the last N month-ends;
- no output (停产信号): x(Y, m) of 工业总产值 (营业收入 where 总产值 is not reported) ≤ 0 in each of the last N
  months;
- scale line (规上临界): an above-scale enterprise whose revenue annualised from the latest period,
  C(Y, M) × 12 ÷ M, is below the threshold (万元): near the 2000 万元 line of 规模以上工业企业 it may drop out.
"""

from __future__ import annotations

import math

import pandas as pd

FALL_COLUMNS = {"revenue_fall": ("revenue", "营业收入"), "value_added_fall": ("value_added", "工业增加值"),
                "tax_fall": ("tax", "税收"), "energy_fall": ("energy_tce", "综合能耗")}
UNITS = {"revenue": "万元", "value_added": "万元", "tax": "万元", "energy_tce": "吨标准煤", "profit": "万元",
         "gross_output": "万元"}
SCALE_LINE = 2000.0  # 万元: 规模以上工业企业 main-business revenue line (国家统计局)
EPS = 1e-9


def months_back(year: int, month: int, n: int) -> list[tuple[int, int]]:
    """The last ``n`` months ending at (year, month), oldest first."""
    out = []
    for _ in range(n):
        out.append((year, month))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return out[::-1]


def month_values(ytd: pd.DataFrame, column: str) -> dict[tuple[str, int, int], float]:
    """(uscc, year, month) → the month's own figure, from the cumulative ``column``."""
    cum = {(r.uscc, r.year, r.month): r.value for r in
           ytd[["uscc", "year", "month", column]].rename(columns={column: "value"}).itertuples()
           if r.value is not None and not _nan(r.value)}
    out = {}
    for (uscc, year, month), value in cum.items():
        if month == 1:
            out[(uscc, year, month)] = value
        elif (uscc, year, month - 1) in cum:
            out[(uscc, year, month)] = value - cum[(uscc, year, month - 1)]
    return out


def falls(ytd: pd.DataFrame, measure: str, threshold: float, n: int, year: int, month: int) -> list[dict]:
    """Enterprises whose month's figure fell year on year by at least ``threshold`` in each of the last n months."""
    column, label = FALL_COLUMNS[measure]
    own = month_values(ytd, column)
    found = []
    for uscc in sorted(ytd.uscc.unique()):
        evidence = []
        for y, m in months_back(year, month, n):
            now, before = own.get((uscc, y, m)), own.get((uscc, y - 1, m))
            if now is None or before is None or before <= 0:
                break
            change = now / before - 1
            if change > -threshold + EPS:
                break
            evidence.append(_item(f"{label}（当月）", f"{y}-{m:02d}", now, UNITS[column], before=before,
                                  before_period=f"{y - 1}-{m:02d}", change=change))
        if len(evidence) == n:
            found.append({"uscc": uscc, "evidence": evidence})
    return found


def losses(ytd: pd.DataFrame, threshold: float, n: int, year: int, month: int) -> list[dict]:
    """Enterprises with a cumulative loss of at least ``threshold`` 万元 at each of the last n month-ends."""
    cum = {(r.uscc, r.year, r.month): r.profit for r in ytd[["uscc", "year", "month", "profit"]].itertuples()
           if r.profit is not None and not _nan(r.profit)}
    found = []
    for uscc in sorted(ytd.uscc.unique()):
        evidence = []
        for y, m in months_back(year, month, n):
            profit = cum.get((uscc, y, m))
            if profit is None or profit >= 0 or -profit < threshold - EPS:
                break
            evidence.append(_item("利润总额（1-{}月累计）".format(m), f"{y}-{m:02d}", profit, "万元"))
        if len(evidence) == n:
            found.append({"uscc": uscc, "evidence": evidence})
    return found


def no_output(ytd: pd.DataFrame, n: int, year: int, month: int) -> list[dict]:
    """Enterprises whose month's gross output (revenue where it is not reported) was nil in each of the last n months."""
    frame = ytd.copy()
    frame["output"] = frame["gross_output"].where(frame["gross_output"].notna(), frame["revenue"])
    own = month_values(frame, "output")
    found = []
    for uscc in sorted(frame.uscc.unique()):
        evidence = []
        for y, m in months_back(year, month, n):
            value = own.get((uscc, y, m))
            if value is None or value > EPS:
                break
            evidence.append(_item("工业总产值（当月）", f"{y}-{m:02d}", value, "万元"))
        if len(evidence) == n:
            found.append({"uscc": uscc, "evidence": evidence})
    return found


def near_scale_line(ytd: pd.DataFrame, threshold: float, year: int, month: int) -> list[dict]:
    """Above-scale enterprises whose revenue annualised from 1-M月, C × 12 ÷ M, is below ``threshold`` 万元."""
    now = ytd[(ytd.year == year) & (ytd.month == month) & (ytd.above_scale.fillna(False).astype(bool))]
    found = []
    for r in now.sort_values("uscc").itertuples():
        if r.revenue is None or _nan(r.revenue):
            continue
        annual = r.revenue * 12 / month
        if annual < threshold - EPS:
            found.append({"uscc": r.uscc, "evidence": [
                _item(f"营业收入（1-{month}月累计）", f"{year}-{month:02d}", r.revenue, "万元"),
                _item("折算全年营业收入", str(year), annual, "万元", note=f"规上标准 {SCALE_LINE:g} 万元，预警线 {threshold:g} 万元"),
            ]})
    return found


def _item(label: str, period: str, value: float, unit: str, **extra) -> dict:
    out = {"label": label, "period": period, "value": round(float(value), 4), "unit": unit}
    for key, v in extra.items():
        out[key] = round(float(v), 6) if isinstance(v, float) else v
    return out


def _nan(x) -> bool:
    return isinstance(x, float) and math.isnan(x)
