"""Answers about the workspace itself: health, the audit log, reports, imports, the working-day calendar."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from gaodi.api.responses.base import ListPublic, OpenModel, Row


class HealthPublic(BaseModel):
    status: str = Field(description="ok")
    version: str
    production: bool = Field(description="生产模式（非本机地址）：演示账户不能登录，接口文档关闭")


class AuditEntryPublic(OpenModel):
    audit_id: int
    occurred_at: str | None = None
    username: str | None = None
    action: str
    resource: str | None = None
    detail: str | None = None
    client: str | None = None


class AuditVerifyPublic(OpenModel):
    """The check of the sealed chains: the audit log and every problem history (unsealed, altered, broken_link)."""

    ok: bool
    audit_log: dict[str, Any]
    problems: dict[str, Any]


class ReportKindsPublic(OpenModel):
    kinds: list[dict[str, Any]] = Field(description="报告类型：kind、label（中文）、label_en")
    formats: list[str]
    default_area: str | None = Field(description="本范围默认地区；null 为全省")
    scope: dict[str, Any]


class ReportPublic(OpenModel):
    """A kept report: kind, title, data period, area, format and size; ``download`` where it is fetched."""

    id: str
    kind: str
    kind_label: str
    title: str
    period: str | None = Field(None, description="数据期；评估报告为规划期")
    area: str | None = None
    area_name: str | None = None
    format: str
    size: int | None = Field(None, description="字节")
    created_at: str | None = None
    download: str | None = Field(None, description="下载地址（生成时给出）")


class ImportKindPublic(OpenModel):
    name: str
    label: str
    key: list[str]
    columns: list[dict[str, Any]] = Field(description="列：名称、中文名、是否必填、类型、单位、别名")


class ImportLogList(ListPublic[Row]):
    """The import log, newest first."""


class ImportResultPublic(OpenModel):
    """One file imported (or rejected): rows read, imported, rejected and replaced, and the first problems."""

    import_id: int
    kind: str
    outcome: str = Field(description="ok | partial | rejected")
    rows_read: int
    rows_imported: int
    rows_rejected: int


class CalendarYearsPublic(OpenModel):
    years: list[dict[str, Any]] = Field(description="每年的依据：正式安排（文号）或暂定（原因）")


class CalendarLoadedPublic(OpenModel):
    """An official holiday arrangement loaded for one year."""

    year: int
    document_number: str | None = None
    new: bool | None = None


class AuditList(ListPublic[AuditEntryPublic]):
    """The audit log, newest first."""
