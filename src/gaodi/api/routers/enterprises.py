"""Enterprises of the caller's scope; one enterprise's page (confidential: every read is audited)."""

from __future__ import annotations

from fastapi import APIRouter, Query

from gaodi.api.deps import Audit, CacheDep, DataYear, Format, GaodiDep, Paging, UserScope
from gaodi.api.listing import EXPORTS, list_response
from gaodi.api.responses import EnterpriseDetailPublic, EnterpriseRowPublic, ListPublic
from gaodi.api.enterprise_responses import EnterpriseChoiceList
from gaodi.api.schemas import ERRORS
from gaodi.serialize import to_jsonable
from gaodi.directory.enterprises import ENTERPRISE_COLUMNS

router = APIRouter(prefix="/enterprises", tags=["企业 enterprises"], responses=ERRORS)


@router.get("", response_model=ListPublic[EnterpriseRowPublic], responses=EXPORTS, summary="企业列表 (enterprises)")
def enterprises(g: GaodiDep, scope: UserScope, paging: Paging, audit: Audit, cache: CacheDep, year: DataYear,
                fmt: Format = "json",
                q: str | None = Query(None, description="名称或信用代码开头 (name, or USCC prefix)"),
                city: str | None = Query(None, description="市代码"),
                county: str | None = Query(None, description="县区代码"),
                park_id: str | None = Query(None, description="园区编号"),
                industry: str | None = Query(None, description="行业代码前缀，如 C39 的 39 (code prefix)"),
                above_scale: bool | None = Query(None, description="仅规上/仅规下"),
                title: str | None = Query(None, description="当年持有的称号，如 专精特新小巨人"),
                sort: str = Query("uscc", description="排序列，前加 - 为降序")):
    asked = {"q": q, "city": city, "county": county, "park_id": park_id, "industry": industry,
             "above_scale": above_scale, "title": title}
    filters = {k: v for k, v in asked.items() if v is not None}
    audit("list_enterprises" if fmt == "json" else "export_enterprises", "enterprises",
          f"year={year} page={paging.page} {filters}")

    def respond():
        expr = g.directory.enterprises(scope, year, sort=sort, **asked)
        return list_response(g.directory, expr, paging, fmt, ENTERPRISE_COLUMNS, f"企业-{year}")
    if fmt != "json":
        return respond()
    return cache.response(("enterprises", scope, year, tuple(sorted(filters.items())), sort, paging), respond)


@router.get("/choices", response_model=EnterpriseChoiceList,
            summary="按名称或信用代码查找企业（选择器用，最多 50 条）(enterprises for a picker)")
def choices(g: GaodiDep, scope: UserScope,
            q: str = Query(..., max_length=40, description="名称中的字，或信用代码开头"),
            limit: int = Query(20, ge=1, le=50, description="最多返回条数")) -> dict:
    return {"items": g.directory.enterprise_choices(scope, q, limit)}


@router.get("/{uscc}", response_model=EnterpriseDetailPublic,
            summary="一个企业：基本信息、历年统计、称号、链上位置 (one enterprise)")
def enterprise(uscc: str, g: GaodiDep, scope: UserScope, audit: Audit) -> dict:
    detail = g.directory.enterprise(scope, uscc)
    audit("read_enterprise", f"enterprise:{uscc}")
    return to_jsonable(detail)
