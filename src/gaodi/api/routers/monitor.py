"""Plans and their monitoring: each indicator's value, target, progress, forecast and status.

The area follows the caller's scope: a city user sees their city (or one of its parks), a park user
their park; province users choose any area. Chain offices and enterprises see the province's
figures, which are published aggregates.
"""

from __future__ import annotations

from fastapi import APIRouter, Query

from gaodi.api.deps import CacheDep, GaodiDep, StatPeriod, UserScope
from gaodi.api.responses.monitor import (MonitorPeriodsPublic, MonitorPublic, MonitorTargetsPublic, PlanPublic,
                                         PlanSummaryPublic, WhyPublic)
from gaodi.api.schemas import ERRORS
from gaodi.serialize import to_jsonable

router = APIRouter(tags=["规划监测 plan monitoring"], responses=ERRORS)


@router.get("/plans", response_model=list[PlanSummaryPublic], summary="库中的规划 (plans in the store)")
def plans(g: GaodiDep, _: UserScope) -> list[dict]:
    return to_jsonable(g.plans())


@router.get("/plans/{plan_id}", response_model=PlanPublic, summary="一个规划：指标、产业目标、数量目标 (one plan)")
def plan(plan_id: str, g: GaodiDep, _: UserScope) -> dict:
    return to_jsonable(g.plan(plan_id))


@router.get("/monitor/periods", response_model=MonitorPeriodsPublic, summary="可监测的统计期 (periods with data)")
def periods(g: GaodiDep, _: UserScope, cache: CacheDep) -> dict:
    listed = cache.get(("periods",), lambda: available_periods(g))
    return {"periods": listed, "default": listed[0]}


@router.get("/monitor", response_model=MonitorPublic, summary="规划指标监测 (monitor the plan's indicators)")
def monitor(g: GaodiDep, scope: UserScope, cache: CacheDep, period: StatPeriod,
            area: str | None = Query(None, description="市代码或园区编号；省略为本范围的默认地区"),
            plan_id: str | None = Query(None, description="规划代码；库中只有一个时可省略"),
            value_source: str = Query("computed", description="状态依据：computed（按定义计算）或 official（官方发布）")):
    period = period or cache.get(("periods",), lambda: available_periods(g))[0]
    area = g.directory.area_for(scope, area)
    return cache.response(("monitor", period, area, plan_id, value_source), lambda: {
        "period": period, "area": area, "area_name": g.area(area).name, "value_source": value_source,
        "plan_note": g.plan_note(plan_id), "records": g.monitor(period, plan_id, area, value_source)})


@router.get("/monitor/targets", response_model=MonitorTargetsPublic,
            summary="产业营收目标与数量目标监测 (sector and count targets)")
def targets(g: GaodiDep, scope: UserScope, cache: CacheDep,
            period: str | None = Query(None, description="2025 或 2026-10；默认最新"),
            area: str | None = Query(None, description="市代码或园区编号；省略为本范围的默认地区"),
            plan_id: str | None = Query(None, description="规划代码；库中只有一个时可省略")):
    area = g.directory.area_for(scope, area)
    return cache.response(("monitor-targets", period, area, plan_id), lambda: {
        "period": period, "area": area, "area_name": g.area(area).name,
        "sectors": g.sector_monitor(period, plan_id, area), "counts": g.count_monitor(period, plan_id, area)})


@router.get("/monitor/why", response_model=WhyPublic,
            summary="指标分解：各地区对数值与变化的贡献 (why an indicator stands where it does)")
def why(g: GaodiDep, scope: UserScope, cache: CacheDep,
        indicator: str = Query(..., description="指标序号、名称或口径代码"),
        period: str | None = Query(None, description="2025 或 2026-10；默认最新"),
        area: str | None = Query(None, description="市代码或园区编号；省略为本范围的默认地区"),
        by: str = Query("city", description="city（市州）、county（县市区）或 park（园区）"),
        plan_id: str | None = Query(None, description="规划代码；库中只有一个时可省略")):
    period = period or cache.get(("periods",), lambda: available_periods(g))[0]
    area = g.directory.area_for(scope, area)
    return cache.response(("monitor-why", indicator, period, area, by, plan_id),
                          lambda: g.monitor_why(indicator, period, plan_id, area, by))


def available_periods(g) -> list[str]:
    """Periods with statistics, newest first: cumulative months, then years."""
    return g.directory.periods()
