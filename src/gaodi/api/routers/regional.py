"""Regional layout (区域布局): specialisation, strong clusters, shift-share, complexity, opportunities, the map.

Every route takes the CLI's choices: ``measure`` (value_added | revenue | employees | gross_output),
``level`` (city | county), ``digits`` (2 | 3 | 4) and ``year`` (default the latest). The measures are
always computed over the whole province (a location quotient compares a region with the province);
scoping then decides which regions' rows a caller sees: province and chain users (chain offices
attract investment province-wide) every region; city users their city and its counties; park users
the city their park lies in; enterprise users nothing (403). Industry-level lists (PCI) are
province-wide figures and visible to every non-enterprise user. Regional sums are aggregates, not an
enterprise's confidential data, so reads are not audited.
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query

from gaodi.api.deps import CacheDep, Format, GaodiDep, Paging, UserScope
from gaodi.api.listing import EXPORTS, rows_response, sort_rows
from gaodi.api.responses import GeoJsonPublic, LocationQuotientList, RegionalList, RegionalMapPublic, RegionalOptionsPublic
from gaodi.api.schemas import ERRORS
from gaodi.catalogs import region_catalog
from gaodi.errors import ForbiddenError
from gaodi.regional.maps import MAP_MEASURES, map_layer
from gaodi.regional.store_analysis import RegionalOptions, StoreAnalysis, in_cities, options_menu
from gaodi.reports.region_map import boundaries_of_level

router = APIRouter(prefix="/regional", tags=["区域布局 regional"], responses=ERRORS)

Measure = Annotated[Literal["value_added", "revenue", "employees", "gross_output"], Query(
    description="指标：工业增加值、营业收入、从业人员、工业总产值 (the quantity)")]
Level = Annotated[Literal["city", "county"], Query(description="地区层级：city 市州、county 县市区")]
Digits = Annotated[int, Query(ge=2, le=4, description="行业位数：2 大类、3 中类、4 小类")]
YearQ = Annotated[str | None, Query(pattern=r"^\d{4}$", description="统计年度，默认库中最新年 (default the latest)")]
Sort = Annotated[str | None, Query(description="排序列，前加 - 为降序 (sort by a column; - for descending)")]


async def _options(measure: Measure = "value_added", level: Level = "city", digits: Digits = 2,
                   year: YearQ = None) -> RegionalOptions:
    return RegionalOptions(measure, level, digits, year)


Options = Annotated[RegionalOptions, Depends(_options)]


def _cities(g: GaodiDep, scope: UserScope) -> set[str] | None:
    """The cities whose regions the caller sees; None for all (province and chain scopes)."""
    if scope.kind == "enterprise":
        raise ForbiddenError("企业用户不能查看区域布局分析", "enterprise users may not read the regional analysis",
                             fix="区域布局分析面向省、市、园区和产业链用户", details={"scope": scope.as_dict()})
    if scope.kind in ("province", "chain"):
        return None
    return set(g.directory.city_codes(scope))


Cities = Annotated[set[str] | None, Depends(_cities)]


def _analysis(g: GaodiDep, cache: CacheDep, options: Options) -> StoreAnalysis:
    return cache.get(("regional", options), lambda: g.regional.analysis(options))


Analysis = Annotated[StoreAnalysis, Depends(_analysis)]


def _col(key: str, zh: str, en: str, unit: str = "") -> dict[str, str]:
    return {"key": key, "label": zh, "label_en": en, "unit": unit}


REGION = [_col("region", "地区代码", "region code"), _col("region_name", "地区", "region")]
INDUSTRY = [_col("industry", "行业代码", "industry code"), _col("industry_name", "行业", "industry")]


def _value_col(a: StoreAnalysis, key: str = "value") -> dict[str, str]:
    o = a.options
    return _col(key, o.measure_label, o.describe()["measure_label_en"], o.unit)


def _listed(rows: list[dict], paging, fmt: str, columns: list[dict], filename: str, sort: str | None,
            **extra):
    listed = rows_response(sort_rows(rows, sort), paging, fmt, columns, filename)
    return {**listed, **extra} if fmt == "json" else listed


def _about(a: StoreAnalysis, cities: set[str] | None) -> dict:
    return {**a.options.describe(), "year": a.year, "years": a.years,
            "scope_cities": None if cities is None else sorted(cities)}


@router.get("/options", response_model=RegionalOptionsPublic, summary="可选的指标、层级、行业位数、年份与地区 (the choices)")
def options(g: GaodiDep, cache: CacheDep, cities: Cities, level: Level = "city") -> dict:
    regions = sorted((r.code, r.name) for r in region_catalog(g.settings.province_code).current(level))
    years = cache.get(("years",), g.directory.years)
    return {**options_menu(), "years": [str(y) for y in years], "default_year": str(years[-1]) if years else None,
            "map_measures": [{"key": k, "label": zh, "label_en": en, "unit": u, "needs_industry": need}
                             for k, (zh, en, u, need) in MAP_MEASURES.items()],
            "regions": [{"code": c, "name": n} for c, n in regions if cities is None or c[:4] + "00" in cities],
            "scope_cities": None if cities is None else sorted(cities)}


@router.get("/industries", response_model=RegionalList, responses=EXPORTS, summary="各行业合计（行业选择用）(industries with their totals)")
def industries(a: Analysis, cities: Cities, paging: Paging, fmt: Format = "json", sort: Sort = None):
    totals = a.matrix.sum(axis=0).sort_values(ascending=False, kind="stable")
    rows = [{"industry": k, "industry_name": a.industry_name(k), "total": float(v)} for k, v in totals.items() if v > 0]
    cols = INDUSTRY + [_value_col(a, "total")]
    return _listed(rows, paging, fmt, cols, f"行业合计-{a.year}", sort, **_about(a, cities))


@router.get("/specialisation", response_model=RegionalList, responses=EXPORTS, summary="各地区专业化：克鲁格曼、赫芬达尔、最高区位熵 (specialisation by region)")
def specialisation(a: Analysis, cities: Cities, paging: Paging, fmt: Format = "json", sort: Sort = None):
    rows = in_cities(a.specialisation_rows(), cities)
    cols = REGION + [_value_col(a, "total"), _col("share", "占全省比重", "share of the province", "%"),
                     _col("krugman", "克鲁格曼专业化指数", "Krugman index"),
                     _col("herfindahl", "赫芬达尔指数", "Herfindahl index"),
                     _col("top_industry", "最高区位熵行业代码", "top-LQ industry code"),
                     _col("top_industry_name", "最高区位熵行业", "top-LQ industry"),
                     _col("top_lq", "最高区位熵", "top LQ")]
    excluded = [e.__dict__ for e in a.specialisation.excluded_regions]
    return _listed(rows, paging, fmt, cols, f"区域专业化-{a.options.level}-{a.year}", sort, **_about(a, cities),
                   excluded_regions=in_cities(excluded, cities, "label"))


@router.get("/location-quotients", response_model=LocationQuotientList, responses=EXPORTS, summary="区位熵（有数值的地区×行业）(location quotients)")
def location_quotients(a: Analysis, cities: Cities, paging: Paging, fmt: Format = "json", sort: Sort = None,
                       industry: str | None = Query(None, description="只看一个行业（代码位数须与 digits 相同）"),
                       region: str | None = Query(None, description="只看一个地区")):
    rows = in_cities(a.lq_rows(industry), cities)
    if region:
        rows = [r for r in rows if r["region"] == region]
    cols = REGION + INDUSTRY + [_value_col(a), _col("lq", "区位熵", "location quotient")]
    return _listed(rows, paging, fmt, cols, f"区位熵-{a.options.level}-{a.year}", sort, **_about(a, cities))


@router.get("/clusters", response_model=RegionalList, responses=EXPORTS, summary="强集群识别 (strong clusters)")
def clusters(a: Analysis, cities: Cities, paging: Paging, fmt: Format = "json", sort: Sort = None,
             strong_only: bool = Query(True, description="只列强集群；false 列出全部地区×行业及判定理由")):
    rows = in_cities(a.cluster_rows(strong_only), cities)
    cols = REGION + INDUSTRY + [_value_col(a), _col("lq", "区位熵", "LQ"),
                                _col("lq_threshold", "区位熵门槛", "LQ threshold"),
                                _col("size_threshold", "规模门槛", "size threshold", a.options.unit),
                                _col("strong", "强集群", "strong"), _col("reason_zh", "判定", "verdict"),
                                _col("reason", "判定代码", "reason")]
    rule = {"lq_quantile": 0.75, "min_lq": 1.0, "size_quantile": 0.25}
    return _listed(rows, paging, fmt, cols, f"强集群-{a.options.level}-{a.year}", sort, **_about(a, cities),
                   rule=rule)


@router.get("/shift-share", response_model=RegionalList, responses=EXPORTS, summary="偏离-份额分解 (shift-share)")
def shift_share(a: Analysis, cities: Cities, paging: Paging, fmt: Format = "json", sort: Sort = None,
                base_year: YearQ = None,
                by_industry: bool = Query(False, description="按地区×行业列出 (every cell)")):
    found = a.shift_share_rows(base_year, by_industry)
    rows = in_cities(found["items"], cities)
    unit = a.options.unit
    cols = REGION + (INDUSTRY if by_industry else []) + [
        _col("base", "基期", "base", unit), _col("final", "末期", "final", unit), _col("change", "增量", "change", unit),
        _col("national_share", "全域份额 NS", "provincial share", unit),
        _col("industry_mix", "结构效应 IM", "industry mix", unit),
        _col("regional_shift", "竞争效应 RS", "regional shift", unit),
        _col("competitive_effect", "净竞争效应 CE", "competitive effect", unit),
        _col("allocation_effect", "配置效应 AE", "allocation effect", unit)]
    return _listed(rows, paging, fmt, cols, f"偏离份额-{found['base_year']}-{found['final_year']}", sort,
                   **_about(a, cities), base_year=found["base_year"], final_year=found["final_year"],
                   provincial_growth=found["provincial_growth"], new_industries=found["new_industries"])


@router.get("/complexity/regions", response_model=RegionalList, responses=EXPORTS, summary="地区经济复杂度 ECI (economic complexity of regions)")
def complexity_regions(a: Analysis, cities: Cities, paging: Paging, fmt: Format = "json", sort: Sort = None):
    rows = in_cities(a.eci_rows(), cities)
    c = a.complexity
    cols = [_col("rank", "名次", "rank")] + REGION + [
        _col("diversity", "多样性（RCA≥1 的行业数）", "diversity", "个"), _col("eci", "经济复杂度 ECI", "ECI")]
    return _listed(rows, paging, fmt, cols, f"经济复杂度-{a.options.level}-{a.year}", sort, **_about(a, cities),
                   components=c.components, notes=c.notes,
                   excluded_regions=in_cities([e.__dict__ for e in c.excluded_regions], cities, "label"))


@router.get("/complexity/industries", response_model=RegionalList, responses=EXPORTS, summary="行业复杂度 PCI (complexity of industries)")
def complexity_industries(a: Analysis, cities: Cities, paging: Paging, fmt: Format = "json", sort: Sort = None):
    c = a.complexity
    cols = [_col("rank", "名次", "rank")] + INDUSTRY + [
        _col("ubiquity", "普遍性（具备的地区数）", "ubiquity", "个"), _col("pci", "行业复杂度 PCI", "PCI")]
    return _listed(a.pci_rows(), paging, fmt, cols, f"行业复杂度-{a.options.digits}位-{a.year}", sort,
                   **_about(a, cities), components=c.components, notes=c.notes,
                   excluded_industries=[e.__dict__ for e in c.excluded_industries])


@router.get("/opportunities", response_model=RegionalList, responses=EXPORTS, summary="一个地区的发展机会及理由 (growth opportunities of a region)")
def opportunities(a: Analysis, cities: Cities, paging: Paging, fmt: Format = "json", sort: Sort = None,
                  region: str = Query(..., description="市州或县市区代码（与 level 一致）"),
                  rank_by: Literal["density", "attractiveness"] = Query(
                      "density", description="density 可行性 | attractiveness 吸引力"),
                  top: int | None = Query(None, ge=1, description="只列前 N 名"),
                  future: bool = Query(False, description="加入内置未来产业优先级（4 位行业时匹配）")):
    a.check_region(region)
    if cities is not None and region[:4] + "00" not in cities:
        raise ForbiddenError(f"地区 {region} 不在您的数据范围内", f"region {region} is outside your scope",
                             fix="如需查看，请联系上级部门授权", details={"cities": sorted(cities)})
    found = a.opportunity_rows(region, future, rank_by, top)
    cols = REGION + INDUSTRY + [
        _col("density", "密度（可行性）", "density"), _col("distance", "距离", "distance"),
        _col("pci", "行业复杂度 PCI", "PCI"), _col("priority", "优先级", "priority"),
        _col("priority_label", "优先方向", "priority list"), _col("attractiveness", "吸引力", "attractiveness"),
        _col("lq", "现有区位熵", "current LQ"), _col("feasibility_rank", "可行性名次", "feasibility rank"),
        _col("attractiveness_rank", "吸引力名次", "attractiveness rank")]
    return _listed(found["items"], paging, fmt, cols, f"发展机会-{region}-{a.year}", sort, **_about(a, cities),
                   region=region, region_name=a.region_name(region), rank_by=rank_by,
                   unmatched_priorities=found["unmatched_priorities"])


@router.get("/map", response_model=RegionalMapPublic, summary="地图：每个地区的一个指标值（无数据的地区也列出）(per-region values for the map)")
def region_values(a: Analysis, cities: Cities,
                  show: str = Query("total", description="地图指标：" + "、".join(MAP_MEASURES)),
                  industry: str | None = Query(None, description="区位熵、密度需指定行业")) -> dict:
    return {**map_layer(a, show, industry, cities).as_dict(), "quantity": a.options.describe()}


@router.get("/boundaries", response_model=GeoJsonPublic, summary="全省市级或县级边界 GeoJSON (city or county boundaries)")
def boundaries(g: GaodiDep, _: UserScope, level: Level = "city") -> dict:
    return _boundaries(g.settings.province_code, level)


@lru_cache(maxsize=4)
def _boundaries(province_code: str, level: str) -> dict:
    return json.loads(boundaries_of_level(province_code, level).read_text(encoding="utf-8"))
