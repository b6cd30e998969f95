"""Cities and counties of the home province with their figures: the cockpit map and its drill-down."""

from __future__ import annotations

from typing import Any

import ibis.expr.types as ir

from gaodi.access.filters import (
    city_of_regions,
    ensure_city,
    restrict,
    scoped_city_codes,
    scoped_enterprises,
)
from gaodi.access.scope import Scope
from gaodi.directory.metrics import METRIC_KEYS, above_scale_rows, grouped_metrics, metric_columns
from gaodi.directory.paging import records
from gaodi.errors import DataQualityError, InputError, Location
from gaodi.store import Store


def annual_years(store: Store) -> list[int]:
    """Years with annual statistics in the store, ascending."""
    st = store.table("statistics")
    frame = store.execute(st.filter(st.period_type == "year").select(y=st.year.cast("int64")).distinct())
    return sorted(int(y) for y in frame.y)


def statistics_periods(store: Store) -> list[str]:
    """Periods with statistics, newest first: cumulative months, then years (``2026-10``, ``2025``)."""
    st = store.table("statistics")
    frame = store.execute(st.select("period", "year", "month").distinct().order_by(
        [st.year.desc(), st.month.desc(), st.period]))
    return list(frame.period)


def resolve_period(store: Store, period: str | None) -> str:
    """``period``, checked against the statistics in the store, or the latest one.

    A period without data is refused (InputError naming the periods there are) rather than computed:
    every indicator of every area would be worked out for nothing.
    """
    periods = statistics_periods(store)
    if not periods:
        raise DataQualityError("库中还没有统计数据", "the store holds no statistics",
                               fix="先导入企业统计数据（gaodi import statistics …）或运行 gaodi demo")
    if period is None:
        return periods[0]
    if period not in periods:
        shown = "、".join(periods[:24]) + ("……" if len(periods) > 24 else "")
        raise InputError(f"统计期 {period[:16]} 没有数据", f"no statistics for period {period[:16]}",
                         fix=f"可选统计期：{shown}", location=Location(column="period"),
                         details={"periods": periods})
    return period


def resolve_year(store: Store, year: int | None) -> int:
    """``year``, checked against the store, or the latest year with annual statistics."""
    years = annual_years(store)
    if not years:
        raise DataQualityError("库中还没有年度统计数据", "the store holds no annual statistics",
                               fix="先导入企业统计数据（gaodi import statistics …）或运行 gaodi demo")
    if year is None:
        return years[-1]
    if year not in years:
        raise InputError(f"{year} 年没有年度统计数据", f"no annual statistics for {year}",
                         fix=f"可选年份：{'、'.join(map(str, years))}")
    return year


def _rows_by_place(store: Store, scope: Scope, year: int) -> ir.Table:
    rows = above_scale_rows(restrict(store.table("statistics"), store, scope), store.table("enterprises"),
                            store.table("industries"), year)
    cities = city_of_regions(store)
    return rows.inner_join(cities, rows.region_code == cities.code).drop("code")


def city_overview(store: Store, scope: Scope, year: int | None = None) -> dict[str, Any]:
    """Every city the scope reaches, with the figures of its enterprises in scope (one map layer each)."""
    year = resolve_year(store, year)
    codes = scoped_city_codes(store, scope)
    r = store.table("regions")
    names = r.filter(r.code.isin(codes)).select(city_code="code", city_name="name")
    figures = grouped_metrics(_rows_by_place(store, scope, year), "city_code")
    firms = scoped_enterprises(store, scope)
    cities = city_of_regions(store)
    counted = firms.inner_join(cities, firms.region_code == cities.code)
    counts = counted.group_by("city_code").aggregate(enterprises=counted.uscc.nunique())
    table = (names.left_join(figures, "city_code").drop("city_code_right")
             .left_join(counts, "city_code").drop("city_code_right").order_by("city_code"))
    items = records(store.execute(table))
    for item in items:
        item["enterprises"] = int(item["enterprises"] or 0)
        item["above_scale"] = int(item["above_scale"] or 0)
    return {"year": year, "years": annual_years(store), "metrics": metric_columns(), "items": items,
            "scope": scope.as_dict()}


def city_detail(store: Store, scope: Scope, city_code: str, year: int | None = None) -> dict[str, Any]:
    """One city: its figures and those of each of its counties (enterprises in scope only)."""
    ensure_city(store, scope, city_code)
    year = resolve_year(store, year)
    r = store.table("regions")
    name = store.execute(r.filter(r.code == city_code).select("name")).name.iloc[0]
    rows = _rows_by_place(store, scope, year)
    rows = rows.filter(rows.city_code == city_code)
    total = records(store.execute(grouped_metrics(rows, "city_code")))
    counties = grouped_metrics(rows, "region_code")
    named = counties.inner_join(r.select(region_code="code", county_name="name"), "region_code")
    return {"code": city_code, "name": name, "year": year, "metrics": metric_columns(),
            "figures": total[0] if total else {k: None for k in METRIC_KEYS},
            "counties": records(store.execute(named.order_by("region_code")))}
