"""The report's figures from its data: status overview, trends with forecast bands, city bars and the map."""

from __future__ import annotations

from pathlib import Path

from gaodi.indicators.definitions import find_definition
from gaodi.reports import charts
from gaodi.reports.city_values import CityValue
from gaodi.reports.gather import ReportData
from gaodi.reports.model import Figure
from gaodi.reports.province_map import boundaries_file, city_map, load_cities

TREND_LIMIT = 6


def elapsed_share(data: ReportData) -> float:
    """Percent of the plan period elapsed by the period's year, as the monitor's straight path counts it
    ((year − base year) ÷ (target year − base year) × 100; a partial year counts as its year)."""
    plan = data.plan
    year = data.period.year
    span = (plan.target_year or year) - (plan.base_year or year)
    return 100.0 * (year - (plan.base_year or year)) / span if span else 100.0


def status_figure(data: ReportData, font: Path, number: int) -> Figure:
    bars = [charts.ProgressBar(f"{r.number}. {r.indicator[:16]}", r.progress, r.status) for r in data.records]
    fig = charts.status_overview(bars, elapsed_share(data), font)
    return Figure(f"图{number}  指标状态与完成进度", charts.png(fig),
                  "进度为从基期值到目标值已完成的百分比；虚线为按期进度（已过时间占规划期的比例）。"
                  "增速类、定性类和无数据的指标不计进度。", 15.5)


def trends(data: ReportData) -> list[charts.Trend]:
    """Level indicators with a definition, a numeric target and at least three annual values."""
    out = []
    plan, period = data.plan, data.period
    for ind, r in zip(plan.indicators, data.records):
        d = find_definition(ind.name)
        if d is None or d.kind not in ("level",) or r.target_op == "qualitative" or r.forecast is None:
            continue
        base_year = r.base_year or plan.base_year
        last = period.year - 1 if period.month is not None else period.year
        history = data.monitor.annual(d, ind, data.area, range(base_year - 4, last + 1))
        current = (period.label, r.value) if period.month is not None and r.value is not None \
            and r.data_period == period.key else None
        target = r.target_low if r.target_op == "range" else r.target_value
        out.append(charts.Trend(f"{r.number}. {r.indicator}", r.unit or "", history, base_year, r.base, target,
                                r.target_year, current))
    return out[:TREND_LIMIT]


def trend_figure(data: ReportData, font: Path, number: int) -> Figure | None:
    got = trends(data)
    if not got:
        return None
    return Figure(f"图{number}  主要指标走势与趋势预测", charts.png(charts.trend_grid(got, font)),
                  "实线为历年实际值，虚线为线性趋势预测，阴影为 80% 预测区间，点线为从基期到目标的规划路径，"
                  "星号为目标值。", 15.5)


def bars_figure(values: list[CityValue], province: float | None, title: str, unit: str, font: Path,
                number: int) -> Figure:
    fig = charts.city_bars([v.name for v in values], [v.value for v in values], title, unit, font, province)
    return Figure(f"图{number}  {title}", charts.png(fig), "虚线为全省水平。", 14.5)


def map_figure(values: list[CityValue], title: str, unit: str, province_code: str, font: Path,
               number: int) -> tuple[Figure, Path]:
    path = boundaries_file(province_code)
    fig = city_map(load_cities(path), {v.code: v.value for v in values}, title, unit, font)
    return Figure(f"图{number}  {title}", charts.png(fig), "按等间距分为五级设色，颜色越深数值越高。", 13.0), path


def province_value(data: ReportData, key: str) -> float | None:
    for r in data.records:
        if r.definition == key:
            return r.value
    return None

