"""Response models of the warning routes (预警): one warning, a page of them, counts, a run, the rules."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field


class EvidencePublic(BaseModel):
    """One figure a warning rests on, with its period (and the figure it is compared with, if any)."""

    model_config = ConfigDict(extra="allow")
    label: str
    period: str | None = None
    value: float | None = None
    unit: str | None = None
    before: float | None = Field(None, description="上年同月的数值 (the same month a year before)")
    before_period: str | None = None
    change: float | None = Field(None, description="变化（比例，-0.2 即下降 20%）")
    note: str | None = None


class WarningPublic(BaseModel):
    alert_id: str
    rule_id: str
    rule_version: str
    kind: str
    kind_zh: str
    kind_en: str
    measure: str
    measure_zh: str
    severity: str
    severity_zh: str
    severity_en: str
    subject_kind: str
    subject_id: str
    subject_name: str | None
    period: str
    title: str
    evidence: list[EvidencePublic]
    body_code: str = Field(description="责任主体代码：dept: / gov: / park: / chain: / desk:")
    body_name: str
    city_code: str | None
    city_name: str | None
    park_id: str | None
    chain_id: str | None
    uscc: str | None
    state: str
    state_zh: str
    state_en: str
    reason: str | None
    current: bool = Field(description="最近一次评估仍触发 (still raised by the latest run)")
    first_seen: dt.datetime
    last_seen: dt.datetime
    updated_at: dt.datetime
    updated_by: str | None
    actions: list[str] = Field(description="当前可执行的操作 (ack, start, resolve, dismiss, reopen)")
    task_link: str = Field(description="交办：任务表单的链接 (the task form, prefilled)")


class WarningList(BaseModel):
    items: list[WarningPublic]
    total: int
    page: int
    size: int


class WarningCounts(BaseModel):
    by: str
    counts: dict[str, int] = Field(description="未解除、未排除且仍触发的预警数 (open warnings)")
    total: int


class WarningRunPublic(BaseModel):
    as_of: dt.date
    raised: int
    new: int
    kept: int
    no_longer_raised: int
    by_kind: dict[str, int]


class WarningRulePublic(BaseModel):
    id: str
    kind: str
    measure: str
    measure_zh: str
    threshold: float | None
    period: int
    severity: str
    area: str | None


class WarningRuleSetPublic(BaseModel):
    jurisdiction: str
    name: str
    version: str
    effective: dt.date
    rules: list[WarningRulePublic]


class WarningAction(BaseModel):
    reason: str | None = Field(None, max_length=500, description="理由（排除时必填）")
