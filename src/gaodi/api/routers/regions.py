"""Cities and counties with their figures (the cockpit map), and the province map itself."""

from __future__ import annotations

import json
from functools import lru_cache

from fastapi import APIRouter

from gaodi.api.deps import CacheDep, Format, GaodiDep, Paging, UserScope, Year
from gaodi.api.listing import EXPORTS, rows_response
from gaodi.api.responses import CityDetailPublic, CityRowPublic, GeoJsonPublic, ListPublic
from gaodi.api.schemas import ERRORS
from gaodi.catalogs.files import data_file
from gaodi.errors import NotFoundError

router = APIRouter(prefix="/regions", tags=["地区 regions"], responses=ERRORS)

CITY_COLUMNS = [{"key": "city_code", "label": "市代码", "label_en": "city code", "unit": ""},
                {"key": "city_name", "label": "市", "label_en": "city", "unit": ""},
                {"key": "enterprises", "label": "企业数", "label_en": "enterprises", "unit": "家"}]


@router.get("/cities", response_model=ListPublic[CityRowPublic], responses=EXPORTS, summary="各市指标（驾驶舱地图）(cities with their figures)")
def cities(g: GaodiDep, scope: UserScope, cache: CacheDep, paging: Paging, year: Year = None,
           fmt: Format = "json"):
    def overview() -> dict:
        return cache.get(("cities", scope, year), lambda: g.directory.cities(scope, year))

    def page() -> dict:
        o = overview()
        listed = rows_response(o["items"], paging, "json", CITY_COLUMNS + o["metrics"], "")
        return {**listed, "year": o["year"], "years": o["years"], "metrics": o["metrics"], "scope": o["scope"]}
    if fmt != "json":
        o = overview()
        return rows_response(o["items"], paging, fmt, CITY_COLUMNS + o["metrics"], f"各市指标-{o['year']}")
    return cache.response(("cities-page", scope, year, paging), page)


@router.get("/cities/{city_code}", response_model=CityDetailPublic, summary="一个市及其县区 (one city and its counties)")
def city(city_code: str, g: GaodiDep, scope: UserScope, year: Year = None) -> dict:
    return g.directory.city(scope, city_code, year)


#: The city-level boundary file shipped for each home province (feature property ``gb`` = "156" + code).
CITY_MAPS = {"430000": "hunan_city.geojson"}


@router.get("/map", response_model=GeoJsonPublic, summary="全省市级边界 GeoJSON (the province's city boundaries)")
def province_map(g: GaodiDep) -> dict:
    return _city_map(g.settings.province_code)


@lru_cache(maxsize=4)
def _city_map(province_code: str) -> dict:
    if province_code not in CITY_MAPS:
        raise NotFoundError(f"没有随包提供省份 {province_code} 的市级边界图", f"no city map for {province_code}",
                            fix="把市级边界 GeoJSON 放入 gaodi/catalogs/data/boundaries 并登记在 CITY_MAPS")
    path = data_file("boundaries", CITY_MAPS[province_code])
    return json.loads(path.read_text(encoding="utf-8"))
