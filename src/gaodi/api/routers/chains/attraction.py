"""Precise investment attraction (精准招商): the segments to attract and why, the outside suppliers already
selling into the chain, and key projects with the local supporting rate once they produce.

Key projects are shown only inside the caller's scope (by the project's place, park or unit).
"""

from __future__ import annotations

from typing import Literal

import pandas as pd
from fastapi import APIRouter, Query

from gaodi.access.scope import Scope
from gaodi.api.listing import EXPORTS
from gaodi.api.deps import Audit, CacheDep, Format, GaodiDep, Paging, UserScope
from gaodi.api.responses import ChainProjectPublic, ChainSupplierPublic, ChainTargetPublic, ListPublic
from gaodi.api.routers.chains.lookup import analysis, chain_row, period_or_default, place_names
from gaodi.api.routers.chains.supply import analysed
from gaodi.api.routers.chains.tables import PROJECT_COLUMNS, SUPPLIER_COLUMNS, TARGET_COLUMNS, PeriodQ, SortQ, respond, rows_of
from gaodi.chains import ChainAnalysis
from gaodi.chains.suppression import ALL

router = APIRouter(prefix="/chains")


@router.get("/{chain_id}/targets", response_model=ListPublic[ChainTargetPublic], responses=EXPORTS,
            summary="精准招商：应招引的环节及理由 (investment targets)")
def targets(chain_id: str, g: GaodiDep, scope: UserScope, cache: CacheDep, paging: Paging,
            period: str | None = PeriodQ, sort: str | None = SortQ, fmt: Format = "json"):
    return analysed(g, cache, scope, chain_id, period, (paging, fmt, sort), ("chain-targets",),
                     lambda a, p: a.targets(p, chain_id), TARGET_COLUMNS, "招商目标")


@router.get("/{chain_id}/targets/{segment_id}/suppliers", response_model=ListPublic[ChainSupplierPublic], responses=EXPORTS,
            summary="已向本链供货的省外企业（招商对象）(outside suppliers of a segment)")
def suppliers(chain_id: str, segment_id: str, g: GaodiDep, scope: UserScope, cache: CacheDep, paging: Paging,
              audit: Audit, top: int = Query(20, ge=1, le=500, description="列出前几名 (how many)"),
              period: str | None = PeriodQ, sort: str | None = SortQ, fmt: Format = "json"):
    def compute(a: ChainAnalysis, p: str) -> pd.DataFrame:
        table = a.suppliers(p, chain_id, segment_id, top)
        return table.assign(region_name=table.seller_region.map(place_names(g, table.seller_region)))
    found = analysed(g, cache, scope, chain_id, period, (paging, fmt, sort), ("chain-suppliers", segment_id, top),
                      compute, SUPPLIER_COLUMNS, f"省外供应商-{segment_id}", {"segment_id": segment_id})
    audit("list_chain_suppliers", f"chain:{chain_id}", f"segment={segment_id} top={top}")
    return found


@router.get("/{chain_id}/projects", response_model=ListPublic[ChainProjectPublic], responses=EXPORTS,
            summary="重点项目及达产后的本地配套率 (key projects and the what-if rate)")
def projects(chain_id: str, g: GaodiDep, scope: UserScope, cache: CacheDep, paging: Paging,
             stage: Literal["signed", "started", "production"] | None = Query(
                 None, description="signed 签约 | started 开工 | production 投产"),
             period: str | None = PeriodQ, sort: str | None = SortQ, fmt: Format = "json"):
    chain_row(g, cache, scope, chain_id)
    p = period_or_default(g, cache, period)

    def compute() -> list[dict]:
        a = analysis(g)
        listed = a.projects(chain_id, stage)
        if p is not None:
            effects = a.project_effects(p, chain_id, stage)
            listed = listed.merge(effects.drop(columns=["chain_id", "segment_id"]), on="project_id", how="left")
            together = effects[effects.project_id == ALL].assign(name="全部项目合计 all projects")
            listed = pd.concat([listed, together], ignore_index=True)
        return rows_of(listed)

    def rows() -> list[dict]:
        listed = cache.get(("chain-projects", chain_id, stage, p), compute)
        if scope.kind in ("province", "chain"):
            return listed
        inside = _projects_inside(g, scope)
        return [r for r in listed if r["project_id"] != ALL and inside(r)]
    return respond(cache, ("chain-projects", scope, chain_id, stage, p), rows, paging, fmt, PROJECT_COLUMNS,
                    f"重点项目-{chain_id}", sort, {"period": p})


def _projects_inside(g, scope: Scope):
    """Whether a project is in a city, park or enterprise scope: by its place, its park or its unit."""
    if scope.kind == "park":
        return lambda project: project["park_id"] in scope.values
    if scope.kind == "enterprise":
        return lambda project: project["uscc"] in scope.values
    places = g.directory.places_in(scope.values)
    return lambda project: project["region_code"] in places
