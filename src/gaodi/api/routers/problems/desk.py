"""The desk: filing a problem, reading one with its sealed history, and each step of the closed loop.

Who acts: an enterprise user files problems for itself and acts as the enterprise; province, city and park
staff (``handle_problem``) file for the enterprises of their scope and act as service staff, recording
``start`` and ``reply`` for the department handling it (承办部门). Only a supervisor (``backdate_problem``)
may date an action in the past; the back-dating is written in the audit entry.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, Field

from gaodi.access.accounts import User
from gaodi.access.roles import require
from gaodi.api.deps import Audit, CacheDep, CurrentUser, GaodiDep, UserScope
from gaodi.api.responses import ProblemDetailPublic, ProblemOptionsPublic, ProblemPublic
from gaodi.api.routers.problems.lookup import problem_in_scope
from gaodi.api.routers.problems.rows import BY, event_row, problem_row, china_today
from gaodi.errors import GaodiError, InputError
from gaodi.problems.desk import DEFAULT_CATEGORIES, MAX_DEADLINE_WORKDAYS, ProblemSubmission
from gaodi.problems.events import CHINA_TZ
from gaodi.problems.states import ACTION_LABELS, ACTION_ROLES, STATE_LABELS, Action, Problem, State, allowed_actions
from gaodi.serialize import to_jsonable

router = APIRouter(prefix="/problems")


class ProblemCreate(BaseModel):
    """A problem as the intake form sends it."""

    uscc: str | None = Field(None, max_length=18, description="企业统一社会信用代码；企业用户省略即本企业")
    title: str = Field(max_length=200, description="问题标题")
    description: str = Field(max_length=5000, description="问题描述")
    category: str = Field(description="问题类别：" + "、".join(DEFAULT_CATEGORIES))
    chain: str | None = Field(None, max_length=100, description="所属产业链（默认按库中归属）")
    park: str | None = Field(None, max_length=100, description="所在园区（默认按企业名录）")
    at: dt.datetime | None = Field(None, description="补录纸质记录的登记时间（仅主管：管理员、省级用户；不得晚于现在；默认服务器现在的时间）")


class ProblemStep(BaseModel):
    """One step of the loop; which fields count depends on the action."""

    reason: str = Field("", max_length=2000, description="理由：不予受理、转办、重开、撤回时必填")
    department: str | None = Field(None, max_length=100, description="承办部门：交办、转办（重开时可换部门）")
    deadline_workdays: int | None = Field(None, description=f"办理时限，1–{MAX_DEADLINE_WORKDAYS} 个工作日")
    reply: str | None = Field(None, max_length=5000, description="答复内容")
    satisfaction: int | None = Field(None, description="满意度 1–5（办结评价）")
    comment: str = Field("", max_length=2000, description="企业评价意见")
    to: str | None = Field(None, description="重开后的状态：in_progress（原部门）或 assigned（改交办）")
    at: dt.datetime | None = Field(None, description="补录纸质记录的操作时间（仅主管：管理员、省级用户；不得晚于现在、不得早于上一事件；默认服务器现在的时间）")


def _acting(user: User, action: str, at: dt.datetime | None) -> tuple[str, dt.datetime | None]:
    """The desk role ``user`` takes for ``action``; checks the account may act and may date the past."""
    if user.scope.kind == "enterprise":
        require(user.role, "file_problem")
        if at is not None:
            raise InputError("企业用户不能补录过去的时间", "an enterprise cannot date an action in the past",
                             fix="去掉 at，按现在的时间记录")
        return "enterprise", None
    require(user.role, "file_problem" if action == Action.SUBMIT else "handle_problem")
    if at is not None:
        require(user.role, "backdate_problem")
    return ("department" if action in (Action.START, Action.REPLY) else "staff"), at


def _backdated(at: dt.datetime | None) -> str:
    """The audit detail of a back-dated action: the time given and the server's time are both kept."""
    return "" if at is None else f" backdated_to={at.isoformat()} recorded_at={dt.datetime.now(CHINA_TZ).isoformat()}"


def _next_actions(user: User, state: State) -> list[dict[str, str]]:
    """What this account may do next: allowed in the state, and open to the desk role it would take."""
    out = []
    for action in allowed_actions(state):
        try:
            role, _ = _acting(user, action, None)
        except GaodiError:
            continue
        if role in ACTION_ROLES[action]:
            out.append({"action": str(action), "label": ACTION_LABELS[action], "role": role})
    return out


@router.get("/options", response_model=ProblemOptionsPublic, summary="问题类别、状态与操作的名称 (categories, states, actions)")
def options(_: UserScope) -> dict:
    return {"categories": list(DEFAULT_CATEGORIES), "max_deadline_workdays": MAX_DEADLINE_WORKDAYS,
            "states": [{"state": str(s), "label": STATE_LABELS[s]} for s in State],
            "actions": [{"action": str(a), "label": ACTION_LABELS[a]} for a in Action],
            "groupings": [{"by": k, "label": v} for k, v in BY.items()]}


@router.post("", response_model=ProblemPublic, status_code=201, summary="登记一个企业诉求（企业本身，或办理人员代本范围内的企业）(file a problem)")
def file_problem(body: ProblemCreate, g: GaodiDep, user: CurrentUser, audit: Audit) -> dict:
    scope = user.scope
    uscc = (body.uscc or (scope.values[0] if scope.kind == "enterprise" else "")).strip().upper()
    if not uscc:
        raise InputError("请填写企业的统一社会信用代码", "the enterprise's USCC is required", fix="填写 uscc")
    submission = ProblemSubmission(uscc=uscc, title=body.title, description=body.description,
                                   category=body.category, chain=body.chain or None, park=body.park or None)
    try:
        role, at = _acting(user, Action.SUBMIT, body.at)
        g.directory.check_enterprise(scope, uscc)
        problem = g.problems.submit(submission, actor=user.username, role=role, at=at)
    except GaodiError as exc:
        audit("submit_problem", f"enterprise:{uscc}", f"outcome=refused code={exc.code}")
        raise
    audit("submit_problem", f"problem:{problem.problem_id}",
          f"enterprise={uscc} category={problem.category}" + _backdated(at))
    return to_jsonable(problem_row(problem, china_today(), g.problems.calendar) | {"event_count": problem.event_count, "head_hash": problem.head_hash})


@router.get("/{problem_id}", response_model=ProblemDetailPublic, summary="一个诉求：现状、完整历史（哈希链校验）与可执行的下一步 (one problem)")
def problem(problem_id: str, g: GaodiDep, user: CurrentUser, cache: CacheDep, audit: Audit) -> dict:
    p = problem_in_scope(g, cache, user.scope, problem_id)
    svc = g.problems
    check = svc.verify(problem_id)[0]
    audit("read_problem", f"problem:{problem_id}", f"enterprise={p.uscc}")
    return to_jsonable({"problem": problem_row(p, china_today(), g.problems.calendar) | {
        "description": p.description, "submitted_at": p.submitted_at, "source": p.source,
        "deadline_workdays": p.deadline_workdays, "reply_count": p.reply_count, "reopen_count": p.reopen_count,
        "closed_at": p.closed_at, "event_count": p.event_count, "head_hash": p.head_hash},
        "history": [event_row(e) for e in svc.history(problem_id)], "verified": check.ok, "issues": check.issues,
        "next_actions": _next_actions(user, p.state)})


@router.post("/{problem_id}/{action}", response_model=ProblemPublic, summary="办理一步：受理、交办、开始办理、答复、办结评价、重开、转办、不予受理、撤回")
def step(problem_id: str, action: str, body: ProblemStep, g: GaodiDep, user: CurrentUser, cache: CacheDep,
         audit: Audit) -> dict:
    if action not in Action._value2member_map_ or action == Action.SUBMIT:
        raise InputError(f"未知的操作 {action!r}", f"unknown action {action!r}",
                         fix="可选：" + "、".join(a.value for a in Action if a is not Action.SUBMIT))
    try:
        problem_in_scope(g, cache, user.scope, problem_id)
        role, at = _acting(user, action, body.at)
        p = _take(g.problems, action, problem_id, body, {"actor": user.username, "role": role, "at": at})
    except GaodiError as exc:
        audit(f"problem_{action}", f"problem:{problem_id}", f"outcome=refused code={exc.code}")
        raise
    audit(f"problem_{action}", f"problem:{problem_id}", f"state={p.state} role={role}" + _backdated(at))
    return to_jsonable(problem_row(p, china_today(), g.problems.calendar) | {"event_count": p.event_count, "head_hash": p.head_hash,
                                            "next_actions": _next_actions(user, p.state)})


def _take(svc, action: str, problem_id: str, body: ProblemStep, common: dict[str, Any]) -> Problem:
    """Call the desk's action with the fields it takes (the desk validates them)."""
    calls = {
        "accept": lambda: svc.accept(problem_id, reason=body.reason, **common),
        "reject": lambda: svc.reject(problem_id, reason=body.reason, **common),
        "assign": lambda: svc.assign(problem_id, department=body.department, deadline_workdays=body.deadline_workdays,
                                     reason=body.reason, **common),
        "transfer": lambda: svc.transfer(problem_id, department=body.department, reason=body.reason,
                                         deadline_workdays=body.deadline_workdays, **common),
        "start": lambda: svc.start(problem_id, **common),
        "reply": lambda: svc.reply(problem_id, reply=body.reply, **common),
        "close": lambda: svc.close(problem_id, satisfaction=body.satisfaction, comment=body.comment, **common),
        "reopen": lambda: svc.reopen(problem_id, reason=body.reason,
                                     to=body.to or ("assigned" if body.department else "in_progress"),
                                     department=body.department, deadline_workdays=body.deadline_workdays, **common),
        "withdraw": lambda: svc.withdraw(problem_id, reason=body.reason, **common),
    }
    return calls[action]()
