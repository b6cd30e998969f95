"""Answers of plan monitoring: plans, the periods with data, indicator records, targets and why."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from gaodi.api.responses.base import OpenModel


class PlanSummaryPublic(OpenModel):
    """A plan saved in the store."""

    plan_id: str


class PlanPublic(OpenModel):
    """A plan: its indicators, sector revenue targets and count targets."""

    plan_id: str | None = None
    indicators: list[dict[str, Any]] = Field(default_factory=list)


class PeriodsPublic(OpenModel):
    periods: list[str] = Field(description="有统计数据的期，最新在前：累计月份，再年度 (2026-10, 2025)")
    default: str | None = Field(description="默认统计期（最新）")


class MonitorRecordPublic(OpenModel):
    """One indicator in one period and area: value, target, progress, forecast, status and the evidence."""

    number: str
    indicator: str
    unit: str | None = None
    value: float | None = Field(None, description="无数据为 null（不是 0）")
    target: str | None = None
    progress: float | None = Field(None, description="完成进度，%（倒退为 null，见说明）")
    status: str = Field(description="状态代码；status_zh 为中文")
    status_zh: str | None = None


class MonitorPublic(OpenModel):
    period: str
    area: str | None = Field(None, description="市代码或园区编号；null 为全省")
    area_name: str
    value_source: str = Field(description="computed（按定义计算）| official（官方发布）")
    records: list[MonitorRecordPublic]


class MonitorTargetsPublic(OpenModel):
    """The plan's sector revenue targets and count targets (千亿企业, 小巨人 ...) in a period and area."""

    period: str | None = None
    area: str | None = None
    area_name: str
    sectors: list[dict[str, Any]]
    counts: list[MonitorRecordPublic]


class MonitorWhyPublic(OpenModel):
    """Each area's part in an indicator's value and in its change since the base (the parts add up)."""
