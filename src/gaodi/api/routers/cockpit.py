"""The cockpit of the caller's area: headline figures with 同比, and the plan's status counts.

Province users choose any area (default the province); city and park users get their own; chain offices
and enterprises see the province's published aggregates, as on the monitor.
"""

from __future__ import annotations

from fastapi import APIRouter, Query

from gaodi.api.deps import CacheDep, GaodiDep, StatPeriod, UserScope
from gaodi.api.responses_cockpit import CockpitPublic
from gaodi.api.schemas import ERRORS
from gaodi.serialize import to_jsonable

router = APIRouter(prefix="/cockpit", tags=["驾驶舱 cockpit"], responses=ERRORS)


@router.get("", response_model=CockpitPublic, summary="驾驶舱：核心指标及同比、规划指标状态计数 (headline figures)")
def cockpit(g: GaodiDep, scope: UserScope, cache: CacheDep, period: StatPeriod,
            area: str | None = Query(None, description="市代码或园区编号；省略为本范围的默认地区"),
            plan_id: str | None = Query(None, description="规划代码；库中只有一个时可省略")):
    period = period or cache.get(("periods",), lambda: g.directory.periods())[0]
    area = g.directory.area_for(scope, area)
    return cache.get(("cockpit", period, area, plan_id), lambda: to_jsonable(g.headline(period, plan_id, area)))
