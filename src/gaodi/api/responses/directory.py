"""Answers of the directory: cities (the cockpit map), parks, enterprises, catalogue look-ups and boundaries."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from gaodi.api.responses.base import OpenModel


class CityRowPublic(OpenModel):
    """A city with its figures; the figures' keys, labels and units are the list's ``metrics``."""

    city_code: str
    city_name: str | None = None
    enterprises: int | None = Field(None, description="企业数，家")


class CityDetailPublic(OpenModel):
    """One city: its figures and its counties."""

    year: int | None = None


class ParkRowPublic(OpenModel):
    park_id: str
    name: str | None = None
    city_code: str | None = None
    level: str | None = Field(None, description="national（国家级）| provincial（省级）")


class ParkDetailPublic(OpenModel):
    """One park: its figures, its enterprises' totals and its evaluation."""


class EnterpriseRowPublic(OpenModel):
    uscc: str = Field(description="统一社会信用代码")
    name: str | None = None
    city_code: str | None = None
    industry_code: str | None = None


class EnterpriseDetailPublic(OpenModel):
    """One enterprise: register, statistics by year, titles, place on chains (confidential, audited)."""


class GeoJsonPublic(OpenModel):
    """A GeoJSON FeatureCollection (``features[].properties.gb`` = "156" + region code)."""

    type: str = Field(description="FeatureCollection")
    features: list[dict[str, Any]]


class IndustryPublic(OpenModel):
    """An industry class of GB/T 4754-2017 with the catalogues it belongs to."""

    code: str


class RegionCodePublic(OpenModel):
    """A region code of GB/T 2260, with a retired code's successors."""

    code: str
