"""The chain list, one chain (leader, segments, chain masters) and the chain map (链长制).

Scope: a chain office sees its chains only (another chain is 403); other users see every chain's
province-wide figures, and chain masters only inside their scope.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
from fastapi import APIRouter

from gaodi.api.listing import EXPORTS
from gaodi.api.deps import Audit, CacheDep, Format, GaodiDep, Paging, UserScope
from gaodi.api.responses import ChainDetailPublic, ChainGraphPublic, ChainPublic, ListPublic
from gaodi.api.routers.chains.lookup import analysis, chain_row, need_period, period_or_default, visible, years
from gaodi.api.routers.chains.tables import (CHAIN_COLUMNS, MIN_COUNT, SEGMENT_FIRM_COLUMNS, PeriodQ, SortQ, respond,
                                             rows_of)

router = APIRouter(prefix="/chains")


@router.get("", response_model=ListPublic[ChainPublic], responses=EXPORTS,
            summary="产业链列表及全链本地配套率 (chains with their local supporting rate)")
def chains(g: GaodiDep, scope: UserScope, cache: CacheDep, paging: Paging, period: str | None = PeriodQ,
           sort: str | None = SortQ, fmt: Format = "json"):
    p = period_or_default(g, cache, period)

    def compute() -> list[dict]:
        return rows_of(g.chains.overview(p))

    def rows() -> list[dict]:
        return [r for r in cache.get(("chains", p), compute) if visible(r["chain_id"], scope)]
    return respond(cache, ("chains", scope, p), rows, paging, fmt, CHAIN_COLUMNS, f"产业链-{p}", sort,
                    {"period": p, "periods": years(g, cache), "min_count": MIN_COUNT})


@router.get("/{chain_id}", response_model=ChainDetailPublic,
            summary="一条产业链：链长、链主、环节 (one chain)")
def chain(chain_id: str, g: GaodiDep, scope: UserScope, cache: CacheDep, audit: Audit,
          period: str | None = PeriodQ) -> dict:
    info = chain_row(g, cache, scope, chain_id)
    p = period_or_default(g, cache, period)

    def compute() -> dict:
        found = g.chains.detail(chain_id, p)
        together = found["masters_together"]
        return {"segments": rows_of(found["segments"]), "masters": rows_of(found["masters"]),
                "masters_together": [] if together is None else rows_of(together)}
    found = cache.get(("chain-detail", chain_id, p), compute)
    masters = found["masters"]
    if scope.kind != "province":
        inside = g.directory.enterprise_ids(scope)
        masters = [m for m in masters if m["uscc"] in inside]
    audit("read_chain", f"chain:{chain_id}", f"period={p}")
    return {"chain": info, "period": p, "periods": years(g, cache), "segments": found["segments"],
            "masters": masters, "masters_total": len(found["masters"]),
            "masters_together": (found["masters_together"] or [None])[0], "min_count": MIN_COUNT}


@router.get("/{chain_id}/graph", response_model=ChainGraphPublic,
            summary="链图：环节为节点（本地配套率），环节间采购为边 (the chain map)")
def graph(chain_id: str, g: GaodiDep, scope: UserScope, cache: CacheDep, period: str | None = PeriodQ):
    chain_row(g, cache, scope, chain_id)
    p = need_period(g, period_or_default(g, cache, period))

    def compute() -> dict:
        found = analysis(g).graph(p, chain_id)
        return {**found, "nodes": rows_of(pd.DataFrame(found["nodes"])), "period": p, "min_count": MIN_COUNT}
    return cache.response(("chain-graph", chain_id, p), compute)


@router.get("/{chain_id}/segments/{segment_id}/enterprises", response_model=ListPublic[dict[str, Any]],
            responses=EXPORTS, summary="某环节的本地企业：按环节规则或人工归入 (a segment's local enterprises)")
def segment_enterprises(chain_id: str, segment_id: str, g: GaodiDep, scope: UserScope, cache: CacheDep,
                        paging: Paging, sort: str | None = SortQ, fmt: Format = "json"):
    chain_row(g, cache, scope, chain_id)
    names = g.region_names()

    def compute() -> list[dict]:
        frame = analysis(g).segment_enterprises(chain_id, segment_id)
        return [{"uscc": r.uscc, "name": r.name, "place": names.get(r.region_code, r.region_code),
                 "role": r.role, "role_label": {"master": "链主", "member": "成员"}.get(r.role, r.role)}
                for r in frame.itertuples()]
    key = ("segment-enterprises", chain_id, segment_id)
    return respond(cache, key, lambda: cache.get(key, compute), paging, fmt, SEGMENT_FIRM_COLUMNS,
                   f"环节企业-{chain_id}-{segment_id}", sort)
