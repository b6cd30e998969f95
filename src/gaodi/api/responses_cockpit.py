"""Response model of the cockpit (``GET /api/cockpit``)."""

from __future__ import annotations

from pydantic import BaseModel, Field


class HeadlinePublic(BaseModel):
    key: str
    name: str
    name_en: str
    value: float | None = Field(description="无数据为 null，不是 0 (null when there is no data)")
    unit: str
    change: float | None = Field(description="同比：增长（%）或占比变化（百分点）(change on a year before)")
    change_unit: str
    note: str


class StatusCountPublic(BaseModel):
    status: str
    label: str
    label_en: str
    count: int


class CockpitPublic(BaseModel):
    """An area's headline figures with their 同比, and how many of the plan's indicators are in each status."""

    period: str
    area: str
    area_kind: str
    area_name: str
    figures: list[HeadlinePublic]
    statuses: list[StatusCountPublic]
    indicators: int
