"""Parks of the caller's scope with their figures; one park."""

from __future__ import annotations

import datetime as dt

from fastapi import APIRouter, Query

from gaodi.api.deps import CacheDep, DataYear, Format, GaodiDep, Paging, UserScope
from gaodi.api.listing import EXPORTS, list_response
from gaodi.api.responses import ListPublic, ParkDetailPublic, ParkRowPublic
from gaodi.api.schemas import ERRORS
from gaodi.directory.parks import park_columns
from gaodi.serialize import to_jsonable

AsOf = Query(None, description="可享政策的判断日期，默认今天 (date the policies are judged on; default today)")
router = APIRouter(prefix="/parks", tags=["园区 parks"], responses=ERRORS)


@router.get("", response_model=ListPublic[ParkRowPublic], responses=EXPORTS, summary="园区列表 (parks)")
def parks(g: GaodiDep, scope: UserScope, paging: Paging, cache: CacheDep, year: DataYear, fmt: Format = "json",
          city: str | None = Query(None, description="市代码 (city code)"),
          q: str | None = Query(None, description="名称或编号 (name or id)"),
          level: str | None = Query(None, description="national | provincial"),
          sort: str = Query("park_id", description="排序列，前加 - 为降序 (column, -column)")):

    def respond():
        expr = g.directory.parks(scope, year, city=city, q=q, level=level, sort=sort)
        return list_response(g.directory, expr, paging, fmt, park_columns(), f"园区-{year}")
    if fmt != "json":
        return respond()
    return cache.response(("parks", scope, year, city, q, level, sort, paging), respond)


@router.get("/{park_id}", response_model=ParkDetailPublic,
            summary="一个园区：指标、亩均类别、企业分类、产业链、称号、未办结诉求、可享政策 (one park)")
def park(park_id: str, g: GaodiDep, scope: UserScope, year: DataYear, as_of: dt.date | None = AsOf) -> dict:
    return to_jsonable(g.directory.park(scope, park_id, year, as_of))
