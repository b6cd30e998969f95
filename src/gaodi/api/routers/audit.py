"""The audit log (administrators only), newest first, paged or exported, and the check of the sealed records."""

from __future__ import annotations

from fastapi import APIRouter, Query

from gaodi.api.deps import AuditReader, Format, GaodiDep, Paging
from gaodi.api.listing import EXPORTS, file_response
from gaodi.api.responses import AuditList, AuditVerifyPublic
from gaodi.api.schemas import ERRORS
from gaodi.serialize import to_jsonable
from gaodi.directory.paging import EXPORT_LIMIT, Page

router = APIRouter(prefix="/audit", tags=["审计 audit"], responses=ERRORS)

COLUMNS = [{"key": k, "label": zh, "label_en": en, "unit": ""} for k, zh, en in (
    ("audit_id", "编号", "id"), ("occurred_at", "时间", "time"), ("username", "用户", "user"),
    ("action", "操作", "action"), ("resource", "对象", "resource"), ("detail", "详情", "detail"),
    ("client", "来源地址", "client"))]


@router.get("", response_model=AuditList, responses=EXPORTS, summary="审计日志 (audit log)")
def audit_log(_: AuditReader, g: GaodiDep, paging: Paging, fmt: Format = "json",
              username: str | None = Query(None), action: str | None = Query(None)):
    if fmt != "json":
        _, rows = g.audit.entries(username=username, action=action, limit=EXPORT_LIMIT)
        return file_response(rows, COLUMNS, "审计日志", fmt)
    total, rows = g.audit.entries(username=username, action=action, limit=paging.size, offset=paging.offset)
    return to_jsonable(Page(rows, total, paging.page, paging.size, COLUMNS).as_dict())


@router.get("/verify", response_model=AuditVerifyPublic, summary="校验审计日志与全部诉求历史的封存链 (verify the sealed audit log and problem histories)")
def verify(user: AuditReader, g: GaodiDep) -> dict:
    result = g.verify_records()
    g.audit.record(user.username, "verify_records", "audit_log,problem_events", f"ok={result['ok']}")
    return to_jsonable(result)
