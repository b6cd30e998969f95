"""Response models of the plan-monitoring routes (/api/plans, /api/monitor ...), named by role.

Values are in the indicator's own unit (``unit``: % for shares and rates, 家/个 for counts); sector revenue
in 亿元. Every status comes with its Chinese and English label, the reason and the evidence it rests on.
The fields mirror :class:`gaodi.monitor.records.MonitorRecord`, :class:`gaodi.indicators.sectors.SectorRecord`
and :class:`gaodi.monitor.why.Breakdown`; ``tests/consistency`` checks that every field the API answers
is described here.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from gaodi.plan.model import Plan

STATUS = "achieved 达标 | on_track 正常 | at_risk 预警 | behind 滞后 | pending 待评估"


class PlanSummaryPublic(BaseModel):
    model_config = ConfigDict(extra="allow")
    plan_id: str
    name: str
    doc_number: str | None = None
    base_year: int | None = None
    target_year: int | None = None
    sha256: str | None = Field(None, description="规划文档的 SHA-256")
    saved_at: dt.datetime | None = None


class PlanPublic(Plan):
    """A plan as saved: its indicators (专栏), sector revenue targets, count targets and footnotes, as written
    (the plan model itself, :class:`gaodi.plan.model.Plan`)."""


class MonitorPeriodsPublic(BaseModel):
    periods: list[str] = Field(description="有数据的统计期，新的在前：2026-10（1-10月累计）、2025（年度）")
    default: str


class MonitorRecordPublic(BaseModel):
    """One indicator (or count target) of the plan in one period and area, with the evidence of its status."""

    plan_id: str
    number: str = Field(description="规划中的序号；数量目标为 数量1、数量2 ……")
    indicator: str
    category: str | None = None
    unit: str | None = None
    area: str
    area_kind: str = Field(description="province | city | county | park | chain")
    period: str
    data_period: str | None = Field(None, description="数值实际所用的数据期")
    value: float | None = Field(None, description="数值（指标自身单位）；无数据为 null，不是 0")
    base: float | None = None
    base_year: int | None = None
    target: str = Field(description="目标原文简写：≥6.5、6~7、≥[3000]、比2025年提高2个百分点（≥15）")
    target_op: str = Field(description=">= | <= | = | range | qualitative | relative（基期未知的相对目标）")
    target_value: float | None = None
    target_low: float | None = None
    target_high: float | None = None
    target_year: int
    cumulative: bool
    gap: float | None = None
    progress: float | None = Field(None, description="基期到目标的距离已完成的百分比；倒退时为 null")
    expected_now: float | None = Field(None, description="按期进度应达到的值")
    required: float | None = Field(None, description="今后每年所需的变化或年均增速")
    required_unit: str | None = None
    average_rate: float | None = Field(None, description="年均增速指标：基期以来完整年度的几何平均，%")
    forecast: float | None = None
    forecast_low: float | None = None
    forecast_high: float | None = None
    status: str = Field(description=STATUS)
    status_zh: str
    reason: str
    definition: str | None = Field(None, description="指标口径代码")
    formula: str | None = None
    rule_version: str
    inputs: list[int] = Field(default_factory=list, description="数据的导入编号")
    note: str = ""
    doc_number: str | None = None
    value_label: str = Field("", description="数值是什么：2027年1-6月累计、2026年、2026-2027年年均增速")
    complete: bool = Field(False, description="数值只依据完整年度")
    period_growth: float | None = None
    reporters: int | None = Field(None, description="数据期报送的企业数")
    expected_reporters: int | None = Field(None, description="上年规上名录企业数")
    base_source: str | None = Field(None, description="plan（规划公布）| official（官方发布）| data（按数据计算）")
    base_source_zh: str = ""
    base_plan: float | None = None
    base_data: float | None = None
    base_note: str = ""
    progress_text: str = Field("", description="完成 40.0%、倒退 0.3 个百分点、基期已达到目标")
    regression: float | None = None
    assigned: float | None = Field(None, description="“完成国家下达任务”录入的下达值")
    status_en: str = ""
    evidence: str = Field("", description="状态所依据数据的中文说明")
    value_source: str = Field("computed", description="状态依据：computed（按定义计算）| official（官方发布）")
    computed_value: float | None = None
    official_value: float | None = None
    official_source: str = ""
    difference: float | None = Field(None, description="按定义计算 − 官方发布")
    official_period: str = Field("", description="官方值自身的统计期（与数据期不同时）：2026-2027年年均、截至2025年10月")


class MonitorPublic(BaseModel):
    period: str
    area: str | None = Field(None, description="地区代码；null 为全省")
    area_name: str
    value_source: str
    plan_note: dict[str, Any] | None = Field(None, description="规划目标的说明，如演示规划按规模缩放 (how the targets were scaled)")
    records: list[MonitorRecordPublic]


class SectorRecordPublic(BaseModel):
    """A sector revenue target (营收, 亿元) and where the sector stands."""

    sector: str
    scope: str | None = None
    data_year: int | None = None
    value: float | None = Field(None, description="营业收入，亿元；无数据为 null")
    previous: float | None = None
    growth: float | None = Field(None, description="上年增长，%")
    target: float = Field(description="目标，亿元")
    target_year: int
    required_growth: float | None = Field(None, description="所需年均增速，%")
    status: str = Field(description=STATUS)
    status_zh: str
    reason: str
    prefixes: list[str] = Field(default_factory=list, description="产业对应的行业代码前缀")
    mapping_version: str = ""
    inputs: list[int] = Field(default_factory=list)
    status_en: str = ""


class MonitorTargetsPublic(BaseModel):
    period: str | None = None
    area: str | None = None
    area_name: str
    sectors: list[SectorRecordPublic]
    counts: list[MonitorRecordPublic]


class WhyPartPublic(BaseModel):
    code: str = Field(description="地区或园区代码；空串为未分地区")
    name: str
    value: float | None = None
    base_value: float | None = None
    weight: float | None = Field(None, description="比率：本期分母占比，0–1")
    base_weight: float | None = None
    contribution: float | None = Field(None, description="对本期数值的贡献")
    change: float | None = Field(None, description="对较基期变化的贡献")
    within: float | None = Field(None, description="比率：地区内部变化")
    mix: float | None = Field(None, description="比率：地区间结构变化")


class WhyPublic(BaseModel):
    """An indicator's value and its change since the base, broken down by city, county or park."""

    number: str
    indicator: str
    key: str | None = None
    unit: str | None = None
    period: str
    base_period: str
    by: str = Field(description="city | county | park")
    method: str
    value: float | None = None
    base_value: float | None = None
    change: float | None = None
    parts: list[WhyPartPublic] = Field(default_factory=list)
    note: str = ""
