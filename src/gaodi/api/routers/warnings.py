"""Warnings (预警) of the caller's scope: list, one warning with its evidence, counts, state changes, a run."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Query

from gaodi.access.roles import require
from gaodi.alerts.rules import MEASURES
from gaodi.api.deps import CurrentUser, GaodiDep, Importer, Paging, UserScope
from gaodi.api.schemas import ERRORS
from gaodi.api.warning_models import (WarningAction, WarningCounts, WarningList, WarningPublic, WarningRuleSetPublic,
                                      WarningRunPublic)

router = APIRouter(prefix="/warnings", tags=["预警 warnings"], responses=ERRORS)

Severity = Literal["high", "medium", "low"]
Kind = Literal["plan", "operation", "chain", "project", "problem"]
State = Literal["new", "acknowledged", "in_hand", "resolved", "dismissed"]


@router.get("", summary="预警列表 (warnings of the scope)", response_model=WarningList)
def warnings(g: GaodiDep, scope: UserScope, paging: Paging, severity: Severity | None = None,
             kind: Kind | None = None, state: State | None = None,
             area: str | None = Query(None, max_length=80, description="市代码、园区代码或 chain:产业链代码"),
             include_past: bool = Query(False, description="也列出不再触发的 (also those no longer raised)")):
    total, rows = g.alerts.list(scope, severity=severity, kind=kind, state=state, area=area,
                                current=None if include_past else True, limit=paging.size, offset=paging.offset)
    return {"items": rows, "total": total, "page": paging.page, "size": paging.size}


@router.get("/counts", summary="未处置预警数 (open warnings counted)", response_model=WarningCounts)
def counts(g: GaodiDep, scope: UserScope,
           by: Literal["kind", "severity", "city_code", "park_id", "chain_id", "state", "uscc"] = "kind",
           area: str | None = Query(None, max_length=80, description="市代码、园区代码或 chain:产业链代码")):
    found = g.alerts.counts(scope, by=by, area=area)
    return {"by": by, "counts": found, "total": sum(found.values())}


@router.get("/rules", summary="在用的预警规则 (the rules in use)", response_model=list[WarningRuleSetPublic])
def rules(g: GaodiDep, _: CurrentUser):
    return [{"jurisdiction": rs.jurisdiction, "name": rs.name, "version": rs.version, "effective": rs.effective,
             "rules": [{**r.__dict__, "measure_zh": MEASURES[r.measure][2]} for r in rs.rules]}
            for rs in g.alerts.rule_sets()]


@router.post("/run", summary="重新评估预警（省级）(evaluate the warnings)", response_model=WarningRunPublic)
def run(g: GaodiDep, user: Importer):
    return g.alerts.run(by=user.username)


@router.get("/{alert_id}", summary="一条预警及其依据 (one warning with its evidence)", response_model=WarningPublic)
def one(alert_id: str, g: GaodiDep, scope: UserScope):
    return g.alerts.get(scope, alert_id)


@router.post("/{alert_id}/{action}", summary="处置预警：确认、开始处置、解除、排除、重新打开 (move a warning on)",
             response_model=WarningPublic)
def act(alert_id: str, action: Literal["ack", "start", "resolve", "dismiss", "reopen"], body: WarningAction,
        g: GaodiDep, user: CurrentUser):
    require(user.role, "handle_warning")
    return g.alerts.act(user.scope, user.role, alert_id, action, by=user.username, reason=body.reason)
