"""Reference catalogues: an industry class and a region code, described; the display names of every enumeration."""

from __future__ import annotations

from fastapi import APIRouter

from gaodi.api.deps import GaodiDep, UserScope
from gaodi.api.responses import IndustryPublic, RegionCodePublic
from gaodi.api.responses_terms import TermsPublic
from gaodi.api.schemas import ERRORS
from gaodi.serialize import to_jsonable
from gaodi.terms import catalogue

router = APIRouter(prefix="/catalog", tags=["目录 catalogues"], responses=ERRORS)


@router.get("/industries/{code}", response_model=IndustryPublic, summary="GB/T 4754-2017 行业及其所属目录 (an industry class)")
def industry(code: str, g: GaodiDep, _: UserScope) -> dict:
    return to_jsonable(g.industry(code))


@router.get("/regions/{code}", response_model=RegionCodePublic, summary="GB/T 2260 行政区划，含撤销代码及其继承 (a region code)")
def region(code: str, g: GaodiDep, _: UserScope) -> dict:
    return to_jsonable(g.region(code))


@router.get("/terms", response_model=TermsPublic,
            summary="枚举值的中英文显示名称（网页界面启动时读取）(display names of every enumeration)")
def terms() -> dict:
    return catalogue()
