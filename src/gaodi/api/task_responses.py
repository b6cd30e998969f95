"""Response models of the task (督办) and inbox routes, named by role (``XPublic`` one answer, ``XList`` many)."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, Field


class BodyPublic(BaseModel):
    code: str = Field(description="责任单位代码，如 city:430100、county:430104、park:PA、chain:T、dept:gxt")
    name: str
    name_en: str
    kind: str
    kind_label: str
    kind_label_en: str
    superior: str | None = Field(description="上级责任单位代码（升级督办的去向）；最高一级为空")
    city: str | None


class BodyList(BaseModel):
    items: list[BodyPublic]


class TaskPublic(BaseModel):
    task_id: str
    title: str
    body: str
    body_name: str
    original_body: str
    original_body_name: str
    superior: str | None
    superior_name: str | None
    source_kind: str = Field(description="warning（预警）、indicator（规划指标）或 manual（人工交办）")
    source_label: str
    source_ref: str | None
    detail: str | None
    state: str = Field(description="open、reported、escalated、closed")
    state_label: str
    state_label_en: str
    created_by: str
    created_at: dt.datetime = Field(description="交办时间（中国时间）")
    set_on: dt.date = Field(description="期限起算日（交办、升级或重开之日，次日起算）")
    deadline_workdays: int
    deadline: dt.date | None
    deadline_provisional: bool = Field(description="期限计入了尚无官方放假安排的年份（暂定）")
    deadline_basis: str | None
    overdue: bool
    workdays_left: int | None
    workdays_overdue: int | None
    escalations: int
    closed_at: dt.datetime | None
    evidence: str | None
    actions: list[str] = Field(description="此刻可做的操作")
    action_labels: list[str]
    today: dt.date


class TaskList(BaseModel):
    items: list[TaskPublic]
    total: int
    overdue: int


class TaskEventPublic(BaseModel):
    seq: int
    action: str
    action_label: str
    actor: str
    at: dt.datetime
    body: str
    body_name: str
    note: str | None


class TaskDetail(BaseModel):
    task: TaskPublic
    history: list[TaskEventPublic]


class NotificationPublic(BaseModel):
    notification_id: int
    task_id: str | None
    kind: str
    kind_label: str
    kind_label_en: str
    message: str
    message_en: str | None
    created_at: dt.datetime
    read_at: dt.datetime | None


class InboxList(BaseModel):
    total: int
    unread: int
    items: list[NotificationPublic]


class UnreadPublic(BaseModel):
    unread: int


class MarkedPublic(BaseModel):
    marked: int
