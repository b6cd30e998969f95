"""Tasks (督办) and the inbox: list, detail with history, create, report, escalate, close, reopen.

The rules and the scope are the core's (``g.tasks``): a body outside the caller's scope is 403 and
nothing is written; a step the state does not allow is 409 naming those it does; an enterprise sees no
task. Routes only parse, call and format.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Path, Query
from pydantic import BaseModel, Field

from gaodi.api.deps import Client, CurrentUser, GaodiDep
from gaodi.api.schemas import ERRORS
from gaodi.api.task_responses import (
    BodyList,
    InboxList,
    MarkedPublic,
    TaskDetail,
    TaskList,
    TaskPublic,
    UnreadPublic,
)
from gaodi.serialize import to_jsonable
from gaodi.tasks.service import Actor
from gaodi.tasks.states import ACTION_LABELS, MAX_DEADLINE_WORKDAYS, Action

router = APIRouter(tags=["督办 tasks"], responses=ERRORS)


class TaskCreate(BaseModel):
    title: str = Field(max_length=200, description="标题")
    body: str = Field(max_length=100, description="责任单位代码（GET /api/tasks/bodies）")
    source_kind: str = Field("manual", max_length=20, description="warning、indicator 或 manual")
    source_ref: str | None = Field(None, max_length=200, description="来源编号：预警编号或指标序号")
    detail: str | None = Field(None, max_length=5000, description="要求与说明")
    deadline_workdays: int = Field(10, ge=1, le=MAX_DEADLINE_WORKDAYS, description="办理期限（工作日）")
    set_on: dt.date | None = Field(None, description="补录：交办日期（仅管理员、省级用户；不晚于今天）")


class TaskStep(BaseModel):
    text: str = Field("", max_length=5000, description="进展情况、办结依据、重开理由或升级说明")


class MarkRead(BaseModel):
    ids: list[int] | None = Field(None, max_length=500, description="要标为已读的通知编号；省略即全部")


def _actor(user, client: str) -> Actor:
    return Actor(user.username, user.role, user.scope, client)


@router.get("/tasks", summary="督办事项列表 (tasks)", response_model=TaskList)
def list_tasks(user: CurrentUser, g: GaodiDep,
               body: Annotated[str | None, Query(max_length=100, description="责任单位代码")] = None,
               state: Annotated[str | None, Query(max_length=20, description="open、reported、escalated、closed")] = None,
               overdue: Annotated[bool | None, Query(description="只看超期（true）或未超期（false）")] = None):
    items = g.tasks.list(user.scope, body=body, state=state, overdue=overdue)
    return {"items": to_jsonable(items), "total": len(items), "overdue": sum(v.overdue for v in items)}


@router.get("/tasks/bodies", summary="可交办的责任单位 (bodies in scope)", response_model=BodyList)
def bodies(user: CurrentUser, g: GaodiDep):
    return {"items": [b.as_dict() for b in g.tasks.bodies(user.scope)]}


@router.get("/tasks/{task_id}", summary="督办事项及其全过程 (task and history)", response_model=TaskDetail)
def task_detail(task_id: str, user: CurrentUser, g: GaodiDep):
    task = g.tasks.get(task_id, user.scope)
    names = {b.code: b.name for b in g.tasks.bodies()}
    history = [{"seq": e.seq, "action": e.action, "action_label": ACTION_LABELS[Action(e.action)],
                "actor": e.actor, "at": e.at, "body": e.body, "body_name": names.get(e.body, e.body), "note": e.note}
               for e in g.tasks.history(task_id, user.scope)]
    return {"task": to_jsonable(task), "history": to_jsonable(history)}


@router.post("/tasks", summary="交办 (create a task)", response_model=TaskPublic, status_code=201)
def create_task(payload: TaskCreate, user: CurrentUser, g: GaodiDep, client: Client):
    return to_jsonable(g.tasks.new(_actor(user, client), **payload.model_dump()))


@router.post("/tasks/{task_id}/{action}", summary="报告进展、升级、办结、重开 (a step)", response_model=TaskPublic)
def step(task_id: str, action: Annotated[str, Path(pattern="^(report|escalate|close|reopen)$")],
         payload: TaskStep, user: CurrentUser, g: GaodiDep, client: Client):
    return to_jsonable(_STEPS[action](g.tasks)(_actor(user, client), task_id, payload.text))


_STEPS = {"report": lambda t: t.report, "escalate": lambda t: t.escalate, "close": lambda t: t.close,
          "reopen": lambda t: t.reopen}


@router.get("/notifications", summary="站内通知 (inbox)", response_model=InboxList)
def inbox(user: CurrentUser, g: GaodiDep, unread_only: bool = False,
          limit: Annotated[int, Query(ge=1, le=200)] = 50, offset: Annotated[int, Query(ge=0, le=100_000)] = 0):
    return to_jsonable(g.notifications.inbox(user.username, unread_only=unread_only, limit=limit, offset=offset))


@router.get("/notifications/unread", summary="未读通知数 (unread count)", response_model=UnreadPublic)
def unread(user: CurrentUser, g: GaodiDep):
    return {"unread": g.notifications.unread(user.username)}


@router.post("/notifications/read", summary="标为已读 (mark read)", response_model=MarkedPublic)
def mark_read(payload: MarkRead, user: CurrentUser, g: GaodiDep):
    return {"marked": g.notifications.mark_read(user.username, payload.ids)}
