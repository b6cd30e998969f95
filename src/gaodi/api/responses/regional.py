"""Answers of the regional layout analytics (一核两副三带四区, 一市一特色): lists, the map, boundaries."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from gaodi.api.responses.base import ListPublic, OpenModel, Row


class RegionalOptionsPublic(OpenModel):
    """The choices: measures, levels, industry depths, years (default the latest) and map layers."""

    years: list[str]
    default_year: str | None = Field(description="默认年份：库中最新的年度")


class RegionalList(ListPublic[Row]):
    """A table of the analysis, with the quantity it is about (measure, level, digits, year) and the scope."""

    year: str | None = Field(None, description="分析年份")
    years: list[str] | None = None
    scope_cities: list[str] | None = Field(None, description="可见的市；null 为全省")


class LocationQuotientPublic(OpenModel):
    """LQ = (x_ri / x_r) / (x_i / x) for a region × industry with a value."""

    region: str
    region_name: str | None = None
    industry: str
    industry_name: str | None = None
    value: float | None = None
    lq: float | None = Field(None, description="区位熵")


class LocationQuotientList(ListPublic[LocationQuotientPublic]):
    """The location quotients of the regions and industries with a value, with the quantity they are about."""

    year: str | None = Field(None, description="分析年份")
    years: list[str] | None = None
    scope_cities: list[str] | None = Field(None, description="可见的市；null 为全省")


class RegionalMapPublic(OpenModel):
    """One value per region for the map (a region without data is listed with null)."""

    quantity: dict[str, Any]
