"""Enterprise ladders (梯度培育): an enterprise's rungs and what it lacks; the candidates for a rung."""

from __future__ import annotations

from fastapi import APIRouter, Query

from gaodi.api.deps import Audit, CacheDep, DataYear, Format, GaodiDep, Paging, UserScope
from gaodi.api.listing import EXPORTS, rows_response
from gaodi.api.responses import (EnterpriseLaddersPublic, LadderCandidatePublic, LadderFunnelPublic,
                                 LadderNearestPublic, LadderPublic, ListPublic)
from gaodi.api.schemas import ERRORS
from gaodi.serialize import to_jsonable

router = APIRouter(prefix="/ladders", tags=["梯度培育 ladders"], responses=ERRORS)

CANDIDATE_COLUMNS = [{"key": k, "label": zh, "label_en": en, "unit": ""} for k, zh, en in (
    ("uscc", "统一社会信用代码", "USCC"), ("name", "企业名称", "enterprise"), ("city_code", "市代码", "city"),
    ("status", "判断", "verdict"), ("status_zh", "判断说明", "verdict (zh)"), ("lacking", "尚缺", "lacking"),
    ("rules", "所用规则", "rules used"))]


def _ladder(lad, in_force: bool) -> dict:
    return {"name": lad.name, "version": lad.version, "document": lad.document,
            "in_force_from": lad.in_force_from, "in_force_to": lad.in_force_to, "rules": lad.rules,
            "in_force": in_force,
            "rungs": [{"id": r.id, "name": r.name, "article": r.article} for r in lad.rungs]}


@router.get("", response_model=list[LadderPublic],
            summary="梯度与梯级：数据年份所适用的规则在前，其余版本在后 (the ladders, every version)")
def ladders(g: GaodiDep, _: UserScope, year: DataYear) -> list[dict]:
    every = g.ladders.every_version()
    used = {(lad.name, lad.version) for lad in g.ladders.rules((), year)[1]}
    chosen = [lad for lad in every if (lad.name, lad.version) in used]
    return to_jsonable([_ladder(lad, True) for lad in chosen]
                       + [_ladder(lad, False) for lad in every if (lad.name, lad.version) not in used])


@router.get("/enterprise/{uscc}", response_model=EnterpriseLaddersPublic,
            summary="企业在各梯度的位置与差距 (an enterprise on every ladder)")
def enterprise_ladders(uscc: str, g: GaodiDep, scope: UserScope, audit: Audit, year: DataYear) -> dict:
    g.directory.check_enterprise(scope, uscc)
    status = g.ladders.status(uscc, year)
    audit("read_enterprise_ladders", f"enterprise:{uscc}", f"year={year}")
    return to_jsonable(status)


@router.get("/candidates", response_model=ListPublic[LadderCandidatePublic], responses=EXPORTS,
            summary="某一梯级的候选企业（本范围内）(candidates for a rung)")
def rung_candidates(g: GaodiDep, scope: UserScope, cache: CacheDep, paging: Paging, audit: Audit,
                    year: DataYear, rung: str = Query(..., description="梯级，如 小巨人、专精特新、十亿"),
                    fmt: Format = "json"):

    def compute() -> list[dict]:
        inside = g.directory.enterprise_ids(scope)
        city = scope.values[0] if scope.kind == "city" else None
        found = g.ladders.candidates(rung, year, city=city, include_one_short=True)
        return [{"uscc": c.uscc, "name": c.name, "city_code": c.city_code, "status": c.verdict.status,
                 "status_zh": {"met": "已满足", "needs_data": "待补数据", "unmet": "差一项"}.get(c.verdict.status, ""),
                 "lacking": "；".join(ch.label for ch in c.verdict.unmet + c.verdict.unknown),
                 "rules": c.verdict.rules}
                for c in found if c.uscc in inside]
    audit("list_ladder_candidates", f"rung:{rung}", f"year={year}")
    if fmt != "json":
        rows = cache.get(("candidates", scope, rung, year), compute)
        return rows_response(rows, paging, fmt, CANDIDATE_COLUMNS, f"梯级候选-{rung}-{year}")
    return cache.response(("candidates-page", scope, rung, year, paging), lambda: rows_response(
        cache.get(("candidates", scope, rung, year), compute), paging, "json", CANDIDATE_COLUMNS, ""))


NEAREST_COLUMNS = [{"key": k, "label": zh, "label_en": en, "unit": u} for k, zh, en, u in (
    ("rank", "名次", "rank", ""), ("name", "企业名称", "enterprise", ""), ("city_name", "所在市", "city", ""),
    ("met", "已满足", "met", "项"), ("unmet", "未满足", "unmet", "项"), ("missing", "缺数据", "missing data", "项"),
    ("line", "最近差距", "nearest gaps", ""), ("uscc", "统一社会信用代码", "USCC", ""))]


@router.get("/nearest", response_model=ListPublic[LadderNearestPublic],
            summary="离某一梯级最近的企业：未满足条件少、差距小者在前，缺数据单列 (nearest to a rung)")
def rung_nearest(g: GaodiDep, scope: UserScope, cache: CacheDep, paging: Paging, audit: Audit,
                 year: DataYear, rung: str = Query(..., description="梯级，如 小巨人、专精特新、十亿"),
                 city: str | None = Query(None, description="市代码 (city code)"), fmt: Format = "json"):

    def compute() -> list[dict]:
        return [r.as_row() for r in g.ladders.nearest(rung, year, city=city,
                                                      within=g.directory.enterprise_ids(scope))]
    audit("list_ladder_nearest", f"rung:{rung}", f"year={year} city={city}")
    key = ("nearest", scope, rung, year, city)
    if fmt != "json":
        return rows_response(cache.get(key, compute), paging, fmt, NEAREST_COLUMNS, f"梯级最近-{rung}-{year}")
    return cache.response((*key, paging), lambda: rows_response(cache.get(key, compute), paging, "json",
                                                                NEAREST_COLUMNS, ""))


@router.get("/funnel", response_model=list[LadderFunnelPublic],
            summary="某一梯级按市州的漏斗：已持有、符合、待补数据、只差一项 (a rung's funnel by city)")
def rung_funnel(g: GaodiDep, scope: UserScope, cache: CacheDep, year: DataYear,
                rung: str = Query(..., description="梯级，如 小巨人、专精特新、十亿")) -> list[dict]:
    def compute() -> list[dict]:
        ladder, chosen = g.ladders.rung(rung, year)
        cities = set(g.directory.city_codes(scope))
        names = g.region_names()
        return [{**to_jsonable(r), "city_name": names.get(r.city_code)} for r in g.ladders.funnel(year)
                if r.ladder == ladder.name and r.rung == chosen.name and r.city_code in cities]
    return cache.get(("funnel", scope, rung, year), compute)
