"""Enterprise problems (企业诉求, 送解优): intake, the closed loop, history, overdue warnings, statistics.

The loop and its rules are the core's (``gaodi.problems.states``, through ``Gaodi.problems``): an
action not allowed in the problem's state is a ConflictError naming the allowed ones, a wrong role
a ForbiddenError, bad content an InputError; nothing is written then. Here only who acts:

- an enterprise user files problems for itself and acts as the enterprise (close with a rating,
  reopen, withdraw);
- province, city and park staff (``handle_problem``) file for the enterprises of their scope and act
  as service staff; ``start`` and ``reply`` they record for the department handling it (承办部门);
  the time of an action is the server's clock: only a supervisor (``backdate_problem``: administrator,
  province) may date one in the past (``at``: entering a paper record), never in the future nor before
  the previous event, and the back-dating is written in the audit entry;
- chain offices read the problems of their chain's enterprises.

A problem is in a scope when its enterprise is (``scoped_enterprises``). Every write is audited, and
every read of problems (confidential enterprise data).
"""

from __future__ import annotations

import datetime as dt
import re
import tempfile
from collections import Counter
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, File, Query, UploadFile
from pydantic import BaseModel, Field

from gaodi.access.accounts import User
from gaodi.access.filters import ensure_enterprise, scoped_enterprises
from gaodi.access.roles import require
from gaodi.access.scope import Scope
from gaodi.api.deps import Audit, CacheDep, CurrentUser, Format, GaodiDep, Paging, UserScope
from gaodi.api.listing import rows_response, sort_rows
from gaodi.api.problem_responses import DepartmentList
from gaodi.api.schemas import ERRORS
from gaodi.serialize import to_jsonable
from gaodi.errors import ForbiddenError, GaodiError, InputError
from gaodi.problems.deadlines import DeadlineStatus, deadline_status
from gaodi.workdays.calendar import WorkingCalendar
from gaodi.problems.desk import DEFAULT_CATEGORIES, MAX_DEADLINE_WORKDAYS, ProblemSubmission
from gaodi.problems.events import CHINA_TZ, ProblemEvent
from gaodi.ingest.limits import ReadLimits
from gaodi.problems.intake import read_collection_file
from gaodi.problems.stats import GROUPINGS
from gaodi.problems.states import (
    ACTION_LABELS,
    ACTION_ROLES,
    ROLE_LABELS,
    STATE_LABELS,
    Action,
    Problem,
    State,
    allowed_actions,
)

router = APIRouter(prefix="/problems", tags=["企业诉求 problems"], responses=ERRORS)

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
AS_OF = Query(None, description="判断超期、统计的日期，默认今天（中国时间）(the day overdue is judged on)")
BY = {**GROUPINGS, "city": "市"}
LIST_COLUMNS = [{"key": k, "label": zh, "label_en": en, "unit": u} for k, zh, en, u in (
    ("problem_id", "编号", "id", ""), ("submitted_at", "提交时间", "submitted", ""),
    ("enterprise_name", "企业名称", "enterprise", ""), ("uscc", "统一社会信用代码", "USCC", ""),
    ("title", "问题标题", "title", ""), ("category", "问题类别", "category", ""),
    ("state_label", "状态", "status", ""), ("department", "承办部门", "department", ""),
    ("deadline", "办理期限", "deadline", ""), ("deadline_label", "期限提示", "deadline warning", ""),
    ("deadline_basis", "期限依据（暂定原因）", "deadline basis (why provisional)", ""),
    ("park", "园区", "park", ""), ("chain", "产业链", "chain", ""), ("satisfaction", "满意度", "satisfaction", "分"))]
STATS_COLUMNS = [{"key": k, "label": zh, "label_en": en, "unit": u} for k, zh, en, u in (
    ("group", "分组", "group", ""), ("name", "名称", "name", ""), ("problems", "问题数", "problems", "个"),
    ("open", "未办结", "open", "个"), ("closed", "已办结", "closed", "个"), ("rejected", "不予受理", "rejected", "个"),
    ("withdrawn", "已撤回", "withdrawn", "个"), ("overdue_now", "超期", "overdue", "个"),
    ("due", "应答复", "due", "个"), ("on_time", "按期答复", "on time", "个"),
    ("on_time_rate", "按期答复率", "on-time rate", ""), ("repeat_problems", "重复问题", "repeats", "个"),
    ("median_workdays_to_close", "办结用时中位数", "median time to close", "工作日"),
    ("p90_workdays_to_close", "办结用时 90 分位", "p90 time to close", "工作日"),
    ("mean_satisfaction", "平均满意度", "mean satisfaction", "分"),
    ("satisfied_share", "满意率（4–5 分）", "satisfied share", ""))]


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


def _today() -> dt.date:
    return dt.datetime.now(CHINA_TZ).date()


def _problems(g, cache) -> list[Problem]:
    """Every problem, newest first; cached until the next event is recorded."""
    svc = g.problems
    # the calendar is part of the key: a provisional deadline moves when an official arrangement is loaded
    return cache.get(("problems", svc.repository.event_count(), id(svc.calendar)), svc.problems)


def _inside(g, cache, scope: Scope) -> frozenset[str] | None:
    if scope.is_province:
        return None
    return cache.get(("problem-scope", scope), lambda: frozenset(
        g.store.execute(scoped_enterprises(g.store, scope).select("uscc")).uscc.astype(str)))


def _scoped(g, cache, scope: Scope) -> list[Problem]:
    inside = _inside(g, cache, scope)
    return [p for p in _problems(g, cache) if inside is None or p.uscc in inside]


def _problem(g, cache, scope: Scope, problem_id: str) -> Problem:
    """The problem (NotFoundError) if its enterprise is in the scope (ForbiddenError otherwise)."""
    problem = g.problems.problem(problem_id)
    inside = _inside(g, cache, scope)
    if inside is not None and problem.uscc not in inside:
        raise ForbiddenError(f"问题 {problem_id} 的企业不在您的数据范围（{scope.describe()}）内",
                             f"the enterprise of problem {problem_id} is outside your scope ({scope.kind})",
                             fix="如需查看，请联系上级部门授权", details={"scope": scope.as_dict()})
    return problem


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


def _status(cal: WorkingCalendar, p: Problem, today: dt.date) -> DeadlineStatus | None:
    """The deadline status on ``today``; None only when the clock is not running.

    Overdue is decided by the dates alone; a day the calendar cannot count leaves the count empty and
    says why (``deadline_basis``), it never turns an overdue problem into an on-time one.
    """
    return deadline_status(p, today, cal)


def _row(p: Problem, today: dt.date, cal: WorkingCalendar) -> dict[str, Any]:
    status = _status(cal, p, today)
    return {"problem_id": p.problem_id, "submitted_at": p.submitted_at, "uscc": p.uscc,
            "enterprise_name": p.enterprise_name, "title": p.title, "category": p.category, "state": str(p.state),
            "state_label": STATE_LABELS[p.state], "department": p.department, "deadline": p.deadline,
            "deadline_provisional": bool(p.deadline_provisional or (status and status.provisional)),
            "deadline_basis": (status.basis if status else None) or p.deadline_basis,
            "deadline_basis_en": (status.basis_en if status else None) or p.deadline_basis_en,
            "overdue": bool(status and status.status == "overdue"),
            "deadline_status": status.status if status else None, "deadline_label": status.label if status else "",
            "park": p.park, "chain": p.chain, "region_code": p.region_code, "satisfaction": p.satisfaction}


def _event(e: ProblemEvent) -> dict[str, Any]:
    d = e.as_dict()
    d.pop("payload_json")
    return d | {"action_label": ACTION_LABELS.get(e.action, e.action),
                "from_label": STATE_LABELS.get(e.from_state, "") if e.from_state else "",
                "to_label": STATE_LABELS.get(e.to_state, e.to_state), "role_label": ROLE_LABELS.get(e.role, e.role)}


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


@router.get("/options", summary="问题类别、状态与操作的名称 (categories, states, actions)")
def options(_: UserScope) -> dict:
    return {"categories": list(DEFAULT_CATEGORIES), "max_deadline_workdays": MAX_DEADLINE_WORKDAYS,
            "states": [{"state": str(s), "label": STATE_LABELS[s]} for s in State],
            "actions": [{"action": str(a), "label": ACTION_LABELS[a]} for a in Action],
            "groupings": [{"by": k, "label": v} for k, v in BY.items()]}


@router.get("/departments", response_model=DepartmentList,
            summary="承办部门目录：省直、市州部门及库中已使用的部门 (departments to assign to)")
def departments(g: GaodiDep, _: UserScope) -> dict:
    return {"items": g.problems.departments()}


@router.post("", status_code=201, summary="登记一个企业诉求（企业本身，或办理人员代本范围内的企业）(file a problem)")
def file_problem(body: ProblemCreate, g: GaodiDep, user: CurrentUser, audit: Audit) -> dict:
    scope = user.scope
    uscc = (body.uscc or (scope.values[0] if scope.kind == "enterprise" else "")).strip().upper()
    if not uscc:
        raise InputError("请填写企业的统一社会信用代码", "the enterprise's USCC is required", fix="填写 uscc")
    submission = ProblemSubmission(uscc=uscc, title=body.title, description=body.description,
                                   category=body.category, chain=body.chain or None, park=body.park or None)
    try:
        role, at = _acting(user, Action.SUBMIT, body.at)
        ensure_enterprise(g.store, scope, uscc)
        problem = g.problems.submit(submission, actor=user.username, role=role, at=at)
    except GaodiError as exc:
        audit("submit_problem", f"enterprise:{uscc}", f"outcome=refused code={exc.code}")
        raise
    audit("submit_problem", f"problem:{problem.problem_id}",
          f"enterprise={uscc} category={problem.category}" + _backdated(at))
    return to_jsonable(_row(problem, _today(), g.problems.calendar) | {"event_count": problem.event_count, "head_hash": problem.head_hash})


@router.get("", summary="本范围内的企业诉求：按状态、超期、类别筛选 (problems)")
def problems(g: GaodiDep, scope: UserScope, cache: CacheDep, paging: Paging, audit: Audit, fmt: Format = "json",
             state: str | None = Query(None, description="状态：" + "、".join(s.value for s in State)),
             overdue: bool | None = Query(None, description="只看已超期（true）或未超期（false）"),
             category: str | None = Query(None, description="问题类别"),
             q: str | None = Query(None, description="标题或企业名称中的文字"),
             as_of: dt.date | None = AS_OF,
             sort: str | None = Query(None, description="排序列，前加 - 为降序；默认最新的在前")):
    if state is not None and state not in State._value2member_map_:
        raise InputError(f"未知的状态 {state!r}", f"unknown state {state!r}",
                         fix="可选：" + "、".join(s.value for s in State))
    today = as_of or _today()
    asked = {"state": state, "overdue": overdue, "category": category, "q": q}
    audit("list_problems" if fmt == "json" else "export_problems", "problems",
          f"{ {k: v for k, v in asked.items() if v is not None} }")
    cal = g.problems.calendar
    rows = [_row(p, today, cal) for p in _scoped(g, cache, scope)
            if (state is None or p.state == state) and (category is None or p.category == category)
            and (not q or q in p.title or q in (p.enterprise_name or ""))]
    rows = [r for r in rows if overdue is None or r["overdue"] == overdue]
    listed = rows_response(to_jsonable(sort_rows(rows, sort)), paging, fmt, LIST_COLUMNS, f"企业诉求-{today}")
    if fmt != "json":
        return listed
    return {**listed, "as_of": today, "overdue": sum(r["overdue"] for r in rows)}


@router.get("/stats", summary="诉求统计：按状态，及按类别、市、园区、产业链、部门的数量、超期、按期率、办结用时、满意度")
def stats(g: GaodiDep, scope: UserScope, cache: CacheDep, paging: Paging, fmt: Format = "json",
          by: str = Query("category", description="分组：" + "、".join(BY)),
          as_of: dt.date | None = AS_OF):
    if by not in BY:
        raise InputError(f"不能按「{by}」分组", f"cannot group by {by!r}", fix="可选：" + "、".join(BY))
    today = as_of or _today()
    found = _scoped(g, cache, scope)
    names = cache.get(("region-names",), lambda: _region_names(g))
    table = g.problems.stats(by, today, problems=found)
    rows = [{"group": r.pop(by), **r} for r in to_jsonable(table)]
    for r in rows:
        r["name"] = names.get(r["group"], r["group"]) if by in ("city", "region_code") else r["group"]
    listed = rows_response(rows, paging, fmt, STATS_COLUMNS, f"企业诉求统计-按{BY[by]}-{today}")
    if fmt != "json":
        return listed
    counts = Counter(str(p.state) for p in found)
    cal = g.problems.calendar
    overdue = sum(bool((s := _status(cal, p, today)) and s.status == "overdue") for p in found)
    # ``total`` stays the page's count of rows (groups), so a table pages by areas, not by problems.
    return {**listed, "by": by, "as_of": today, "problems": len(found), "overdue": overdue,
            "by_state": [{"state": str(s), "label": STATE_LABELS[s], "count": counts.get(str(s), 0)} for s in State]}


def _region_names(g) -> dict[str, str]:
    """Region code → name, to label the groups of problems by city or county."""
    return g.region_names()


@router.post("/batch", summary="导入送解优问题收集表（CSV/XLSX）：有错误行则整表不入库 (batch intake)")
def batch(g: GaodiDep, user: CurrentUser, audit: Audit,
          file: Annotated[UploadFile, File(description="送解优问题收集表 CSV 或 XLSX")]) -> dict:
    require(user.role, "handle_problem")
    name = re.sub(r"[\\/\x00-\x1f:*?\"<>|]", "_", Path(file.filename or "upload.csv").name)[-120:]
    if not name.lower().endswith((".csv", ".xlsx")):
        raise InputError(f"不支持的文件类型：{name}", f"unsupported file type: {name}", fix="上传 .csv 或 .xlsx 文件")
    with tempfile.TemporaryDirectory(prefix="problems-", dir=_upload_dir(g)) as folder:
        path = Path(folder) / name
        body = file.file.read(MAX_UPLOAD_BYTES + 1)
        if len(body) > MAX_UPLOAD_BYTES:
            raise InputError("文件超过 20 MB", "the file exceeds 20 MB", fix="按月分成几个文件上传")
        path.write_bytes(body)
        try:
            read = read_collection_file(path, limits=ReadLimits.from_settings(g.settings))
            read.raise_if_errors()
            _ensure_rows_in_scope(g, user.scope, [(row, sub.uscc) for row, sub, _ in read.submissions])
            outcome = g.problems.import_collection(path, actor=user.username)
        except GaodiError as exc:
            audit("import_problems", f"file:{name}", f"outcome=refused code={exc.code}")
            raise
    audit("import_problems", f"file:{name}",
          f"submitted={len(outcome.submitted)} already_recorded={len(outcome.already_recorded)}")
    return to_jsonable(outcome)


def _upload_dir(g) -> Path:
    folder = g.settings.imports_dir / "uploads"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _ensure_rows_in_scope(g, scope: Scope, rows: list[tuple[int, str]]) -> None:
    if scope.is_province:
        return
    inside = set(g.store.execute(scoped_enterprises(g.store, scope).select("uscc")).uscc.astype(str))
    outside = [{"row": row, "uscc": uscc} for row, uscc in rows if uscc not in inside]
    if outside:
        first = outside[0]
        raise ForbiddenError(f"{len(outside)} 行的企业不在您的数据范围（{scope.describe()}）内，第一处：第 "
                             f"{first['row']} 行 {first['uscc']}；整表未导入",
                             f"{len(outside)} rows name enterprises outside your scope; nothing was recorded",
                             fix="删去这些行，或交由上级部门导入", details={"rows": outside, "scope": scope.as_dict()})


@router.get("/{problem_id}", summary="一个诉求：现状、完整历史（哈希链校验）与可执行的下一步 (one problem)")
def problem(problem_id: str, g: GaodiDep, user: CurrentUser, cache: CacheDep, audit: Audit) -> dict:
    p = _problem(g, cache, user.scope, problem_id)
    svc = g.problems
    check = svc.verify(problem_id)[0]
    audit("read_problem", f"problem:{problem_id}", f"enterprise={p.uscc}")
    return to_jsonable({"problem": _row(p, _today(), g.problems.calendar) | {
        "description": p.description, "submitted_at": p.submitted_at, "source": p.source,
        "deadline_workdays": p.deadline_workdays, "reply_count": p.reply_count, "reopen_count": p.reopen_count,
        "closed_at": p.closed_at, "event_count": p.event_count, "head_hash": p.head_hash},
        "history": [_event(e) for e in svc.history(problem_id)], "verified": check.ok, "issues": check.issues,
        "next_actions": _next_actions(user, p.state)})


@router.post("/{problem_id}/{action}", summary="办理一步：受理、交办、开始办理、答复、办结评价、重开、转办、不予受理、撤回")
def step(problem_id: str, action: str, body: ProblemStep, g: GaodiDep, user: CurrentUser, cache: CacheDep,
         audit: Audit) -> dict:
    if action not in Action._value2member_map_ or action == Action.SUBMIT:
        raise InputError(f"未知的操作 {action!r}", f"unknown action {action!r}",
                         fix="可选：" + "、".join(a.value for a in Action if a is not Action.SUBMIT))
    try:
        _problem(g, cache, user.scope, problem_id)
        role, at = _acting(user, action, body.at)
        p = _take(g.problems, action, problem_id, body, {"actor": user.username, "role": role, "at": at})
    except GaodiError as exc:
        audit(f"problem_{action}", f"problem:{problem_id}", f"outcome=refused code={exc.code}")
        raise
    audit(f"problem_{action}", f"problem:{problem_id}", f"state={p.state} role={role}" + _backdated(at))
    return to_jsonable(_row(p, _today(), g.problems.calendar) | {"event_count": p.event_count, "head_hash": p.head_hash,
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
