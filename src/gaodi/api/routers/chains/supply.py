"""Where a chain buys: the local supporting rate (本地配套率) by segment, city and month, purchase leakage, and
missing and weak links. The breakdown by city shows only the cities of the caller's scope.
"""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Query

from gaodi.access.scope import Scope
from gaodi.api.listing import EXPORTS
from gaodi.api.deps import CacheDep, Format, GaodiDep, Paging, UserScope, choices
from gaodi.api.responses import ChainGapPublic, ChainLeakagePublic, ChainRatePublic, ListPublic
from gaodi.api.routers.chains.lookup import analysis, chain_row, need_period, period_or_default, place_names
from gaodi.api.routers.chains.tables import (
    BUYERS,
    BY_DIMENSIONS,
    CITY,
    COUNT,
    GAP_COLUMNS,
    LEAK_REGION,
    LEAK_SEGMENT,
    SEGMENT,
    SUPPRESSED,
    VALUE,
    PeriodQ,
    SortQ,
    columns_of,
    respond,
    rows_of,
)
from gaodi.chains.suppression import ALL

router = APIRouter(prefix="/chains")


@router.get("/{chain_id}/rates", response_model=ListPublic[ChainRatePublic], responses=EXPORTS,
            summary="本地配套率：按环节、市州、月份 (local supporting rate)")
def rates(chain_id: str, g: GaodiDep, scope: UserScope, cache: CacheDep, paging: Paging,
          by: str = Query("segment", description="segment（环节）、city（市州）、month（月份），可用逗号组合"),
          purchase_scope: Literal["chain_inputs", "all_purchases"] = Query(
              "chain_inputs", alias="scope", description="chain_inputs（链内配套口径）| all_purchases（全部采购口径）"),
          weight: Literal["value", "count"] = Query("value", description="value（按金额）| count（按供应商家数）"),
          period: str | None = PeriodQ, sort: str | None = SortQ, fmt: Format = "json"):
    chain_row(g, cache, scope, chain_id)
    p = need_period(g, period_or_default(g, cache, period))
    dims = choices(by, "by", BY_DIMENSIONS, ("segment",))

    def compute() -> list[dict]:
        table = analysis(g).rates(p, by=dims, scope=purchase_scope, chain_id=chain_id)
        if "buyer_city" in table:
            names = place_names(g, table.buyer_city)
            table.insert(table.columns.get_loc("buyer_city") + 1, "city_name", table.buyer_city.map(names))
        return rows_of(table)

    def rows() -> list[dict]:
        listed = cache.get(("chain-rates", chain_id, p, dims, purchase_scope), compute)
        if "city" in dims and scope.kind not in ("province", "chain"):
            cities = set(g.directory.city_codes(scope)) | {ALL}
            listed = [r for r in listed if r["buyer_city"] in cities]
        return listed
    keys = {"segment": SEGMENT, "city": CITY, "month": (("month", "月份", "month", ""),)}
    columns = columns_of(*(c for d in dims if d in keys for c in keys[d]),
                       *(VALUE if weight == "value" else COUNT), BUYERS, SUPPRESSED)
    return respond(cache, ("chain-rates", scope, chain_id, p, dims, purchase_scope, weight), rows, paging, fmt,
                    columns, f"本地配套率-{chain_id}-{p}", sort,
                    {"period": p, "by": list(dims), "scope": purchase_scope, "weight": weight,
                     "rate_key": "province_rate" if weight == "value" else "supplier_rate"})


def analysed(g, cache, scope: Scope, chain_id: str, period: str | None, listing: tuple, key: tuple, compute,
              columns: list[dict], filename: str, extra: dict | None = None):
    """A table the analysis computes for one chain and period, cached, as a page or a file."""
    chain_row(g, cache, scope, chain_id)
    p = need_period(g, period_or_default(g, cache, period))
    paging, fmt, sort = listing

    def rows() -> list[dict]:
        return cache.get((*key, chain_id, p), lambda: rows_of(compute(analysis(g), p)))
    return respond(cache, (*key, chain_id, p), rows, paging, fmt, columns, f"{filename}-{chain_id}-{p}", sort,
                    {"period": p, **(extra or {})})


@router.get("/{chain_id}/leakage", response_model=ListPublic[ChainLeakagePublic], responses=EXPORTS,
            summary="采购外流：按环节或供应商所在省 (purchase leakage)")
def leakage(chain_id: str, g: GaodiDep, scope: UserScope, cache: CacheDep, paging: Paging,
            by: Literal["segment", "region"] = Query("segment", description="segment（环节）| region（供应商所在省）"),
            period: str | None = PeriodQ, sort: str | None = SortQ, fmt: Format = "json"):
    return analysed(g, cache, scope, chain_id, period, (paging, fmt, sort), ("chain-leakage", by),
                     lambda a, p: a.leakage(p, chain_id, by), LEAK_SEGMENT if by == "segment" else LEAK_REGION,
                     "采购外流", {"by": by})


@router.get("/{chain_id}/gaps", response_model=ListPublic[ChainGapPublic], responses=EXPORTS,
            summary="缺链、弱链、集中度与单一来源 (missing and weak links)")
def gaps(chain_id: str, g: GaodiDep, scope: UserScope, cache: CacheDep, paging: Paging,
         period: str | None = PeriodQ, sort: str | None = SortQ, fmt: Format = "json"):
    return analysed(g, cache, scope, chain_id, period, (paging, fmt, sort), ("chain-gaps",),
                     lambda a, p: a.gaps(p, chain_id), GAP_COLUMNS, "断链弱链")
