"""The closed loop of enterprise problems (企业问题闭环解决, 送解优) as an event-sourced state machine.

States and the actions that move between them::

    submit ─▶ submitted 已提交 ─accept─▶ accepted 已受理 ─assign─▶ assigned 已交办 ─start─▶ in_progress 办理中
                 │                          │                  ▲   │ transfer (转办)     │ transfer
                 └──reject (不予受理)────────┴─▶ rejected        └───┴─────────────────────┘
    in_progress ─reply─▶ replied 已答复 ─close (满意度 1–5)─▶ closed 已办结
    replied/closed ─reopen (重新打开)─▶ in_progress or assigned
    any open state ─withdraw (企业撤回)─▶ withdrawn 已撤回

The current :class:`Problem` is a fold of its events (:func:`fold`); :func:`decide` turns a request
into the next event or raises :class:`~gaodi.errors.ConflictError` naming the current state and the
allowed actions. Both are pure; :mod:`gaodi.problems.desk` adds storage and the calendar.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from gaodi.errors import ConflictError, DataQualityError, ForbiddenError, InputError
from gaodi.problems.events import GENESIS_HASH, ProblemEvent, in_china_time, seal_event

__all__ = [
    "ACTION_LABELS",
    "ACTION_ROLES",
    "OPEN_STATES",
    "ROLE_LABELS",
    "STATE_LABELS",
    "TRANSITIONS",
    "Action",
    "Problem",
    "Role",
    "State",
    "allowed_actions",
    "decide",
    "evolve",
    "fold",
]


class State(StrEnum):
    SUBMITTED = "submitted"
    ACCEPTED = "accepted"
    ASSIGNED = "assigned"
    IN_PROGRESS = "in_progress"
    REPLIED = "replied"
    CLOSED = "closed"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"


class Action(StrEnum):
    SUBMIT = "submit"
    ACCEPT = "accept"
    REJECT = "reject"
    ASSIGN = "assign"
    TRANSFER = "transfer"
    START = "start"
    REPLY = "reply"
    CLOSE = "close"
    REOPEN = "reopen"
    WITHDRAW = "withdraw"


class Role(StrEnum):
    ENTERPRISE = "enterprise"
    STAFF = "staff"
    DEPARTMENT = "department"
    SUPERVISOR = "supervisor"


STATE_LABELS = {
    State.SUBMITTED: "已提交", State.ACCEPTED: "已受理", State.ASSIGNED: "已交办",
    State.IN_PROGRESS: "办理中", State.REPLIED: "已答复", State.CLOSED: "已办结",
    State.REJECTED: "不予受理", State.WITHDRAWN: "已撤回",
}
ACTION_LABELS = {
    Action.SUBMIT: "提交", Action.ACCEPT: "受理", Action.REJECT: "不予受理", Action.ASSIGN: "交办",
    Action.TRANSFER: "转办", Action.START: "开始办理", Action.REPLY: "答复", Action.CLOSE: "办结评价",
    Action.REOPEN: "重新打开", Action.WITHDRAW: "撤回",
}
ROLE_LABELS = {Role.ENTERPRISE: "企业", Role.STAFF: "服务专员", Role.DEPARTMENT: "承办部门",
               Role.SUPERVISOR: "督办人员"}

OPEN_STATES = frozenset({State.SUBMITTED, State.ACCEPTED, State.ASSIGNED, State.IN_PROGRESS, State.REPLIED})
#: States in which the department's deadline clock runs.
CLOCK_STATES = frozenset({State.ASSIGNED, State.IN_PROGRESS})

#: action -> {from state -> possible target states}; ``None`` is "no problem yet".
TRANSITIONS: dict[Action, dict[State | None, tuple[State, ...]]] = {
    Action.SUBMIT: {None: (State.SUBMITTED,)},
    Action.ACCEPT: {State.SUBMITTED: (State.ACCEPTED,)},
    Action.REJECT: {State.SUBMITTED: (State.REJECTED,), State.ACCEPTED: (State.REJECTED,)},
    Action.ASSIGN: {State.ACCEPTED: (State.ASSIGNED,)},
    Action.TRANSFER: {State.ASSIGNED: (State.ASSIGNED,), State.IN_PROGRESS: (State.ASSIGNED,)},
    Action.START: {State.ASSIGNED: (State.IN_PROGRESS,)},
    Action.REPLY: {State.IN_PROGRESS: (State.REPLIED,)},
    Action.CLOSE: {State.REPLIED: (State.CLOSED,)},
    Action.REOPEN: {State.REPLIED: (State.IN_PROGRESS, State.ASSIGNED),
                    State.CLOSED: (State.IN_PROGRESS, State.ASSIGNED)},
    Action.WITHDRAW: {s: (State.WITHDRAWN,) for s in OPEN_STATES},
}

#: Who may take each action. Staff may record a close on the enterprise's behalf (代为评价).
ACTION_ROLES: dict[Action, frozenset[Role]] = {
    Action.SUBMIT: frozenset({Role.ENTERPRISE, Role.STAFF}),
    Action.ACCEPT: frozenset({Role.STAFF, Role.SUPERVISOR}),
    Action.REJECT: frozenset({Role.STAFF, Role.SUPERVISOR}),
    Action.ASSIGN: frozenset({Role.STAFF, Role.SUPERVISOR}),
    Action.TRANSFER: frozenset({Role.STAFF, Role.SUPERVISOR}),
    Action.START: frozenset({Role.DEPARTMENT}),
    Action.REPLY: frozenset({Role.DEPARTMENT}),
    Action.CLOSE: frozenset({Role.ENTERPRISE, Role.STAFF}),
    Action.REOPEN: frozenset({Role.ENTERPRISE, Role.STAFF, Role.SUPERVISOR}),
    Action.WITHDRAW: frozenset({Role.ENTERPRISE}),
}


@dataclass(frozen=True)
class Problem:
    """The current state of one problem: the fold of its events (never stored on its own)."""

    problem_id: str
    uscc: str
    title: str
    description: str
    category: str
    chain: str | None
    park: str | None
    region_code: str | None
    source: str
    enterprise_name: str | None
    submitted_at: dt.datetime
    state: State = State.SUBMITTED
    department: str | None = None
    deadline: dt.date | None = None
    deadline_workdays: int | None = None
    deadline_set_on: dt.date | None = None
    deadline_provisional: bool = False
    deadline_basis: str | None = None
    deadline_basis_en: str | None = None
    first_replied_at: dt.datetime | None = None
    last_replied_at: dt.datetime | None = None
    closed_at: dt.datetime | None = None
    satisfaction: int | None = None
    reply_count: int = 0
    late_reply_count: int = 0
    reopen_count: int = 0
    event_count: int = 0
    last_event_at: dt.datetime | None = None
    head_hash: str = GENESIS_HASH

    @property
    def state_label(self) -> str:
        return STATE_LABELS[self.state]


def allowed_actions(state: State | None) -> list[Action]:
    """The actions that may be taken from ``state``, in workflow order."""
    return [a for a, sources in TRANSITIONS.items() if state in sources]


#: recomputes a provisional deadline: (day it was set, working days) → an object with ``date``,
#: ``provisional``, ``reason`` and ``reason_en`` (a :class:`gaodi.workdays.calendar.Deadline`)
Recompute = Callable[[dt.date, int], Any]


def evolve(problem: Problem | None, event: ProblemEvent, recompute: Recompute | None = None) -> Problem:
    """Apply one event to the current problem (``None`` before the first event) and return the new one.

    A deadline set on a provisional calendar (payload ``deadline_provisional``) is recomputed with
    ``recompute`` when given, so that it follows the calendar in force when it is read (e.g. after
    the official arrangement of its year is loaded); the event itself keeps the date computed then.
    """
    if (problem.state if problem else None) != (State(event.from_state) if event.from_state else None):
        raise DataQualityError(
            message=f"问题 {event.problem_id} 的事件 {event.seq} 与当前状态不衔接",
            message_en=f"event {event.seq} of problem {event.problem_id} does not follow the current state",
            fix="用 verify_history 检查该问题的历史 (check the history with verify_history)")
    p = event.payload
    to = State(event.to_state)
    base = {"state": to, "event_count": event.seq, "last_event_at": event.at, "head_hash": event.hash}
    action = Action(event.action)
    if action is Action.SUBMIT:
        return Problem(problem_id=event.problem_id, uscc=p["uscc"], title=p["title"],
                       description=p.get("description", ""), category=p["category"],
                       chain=p.get("chain"), park=p.get("park"), region_code=p.get("region_code"),
                       source=p.get("source", "api"), enterprise_name=p.get("enterprise_name"),
                       submitted_at=event.at, **base)
    assert problem is not None
    changes: dict[str, Any] = dict(base)
    if "deadline" in p:
        changes.update(deadline=dt.date.fromisoformat(p["deadline"]), deadline_workdays=p["deadline_workdays"],
                       deadline_set_on=event.on, deadline_provisional=bool(p.get("deadline_provisional")),
                       deadline_basis=p.get("deadline_basis"), deadline_basis_en=p.get("deadline_basis_en"))
        if changes["deadline_provisional"] and recompute is not None:
            now = recompute(event.on, p["deadline_workdays"])
            changes.update(deadline=now.date, deadline_provisional=now.provisional, deadline_basis=now.reason,
                           deadline_basis_en=now.reason_en)
    if "department" in p:
        changes["department"] = p["department"]
    if action is Action.REPLY:
        late = problem.deadline is not None and event.on > problem.deadline
        changes.update(reply_count=problem.reply_count + 1, last_replied_at=event.at,
                       first_replied_at=problem.first_replied_at or event.at,
                       late_reply_count=problem.late_reply_count + int(late))
    elif action is Action.CLOSE:
        changes.update(closed_at=event.at, satisfaction=p["satisfaction"])
    elif action is Action.REOPEN:
        changes.update(reopen_count=problem.reopen_count + 1, closed_at=None, satisfaction=None)
    return dataclasses.replace(problem, **changes)


def fold(events: Iterable[ProblemEvent], recompute: Recompute | None = None) -> Problem | None:
    """Replay a problem's events in order; ``None`` when there are none (see :func:`evolve`)."""
    problem: Problem | None = None
    for event in events:
        problem = evolve(problem, event, recompute)
    return problem


def decide(problem: Problem | None, *, problem_id: str, action: Action | str, actor: str,
           role: Role | str, at: dt.datetime, reason: str = "",
           payload: Mapping[str, Any] | None = None, target: State | str | None = None) -> ProblemEvent:
    """Return the event that ``action`` produces on ``problem``, or raise without changing anything.

    Checks, in order: the action and role exist (InputError); the action is allowed in the current
    state (ConflictError, naming the state and the allowed actions); the role may take it
    (ForbiddenError); the event is not dated before the previous one (InputError). The payload itself
    is validated by the caller (:mod:`gaodi.problems.desk`).
    """
    action = _parse(Action, action, "操作 action")
    role = _parse(Role, role, "角色 role")
    state = problem.state if problem else None
    sources = TRANSITIONS[action]
    if state not in sources:
        raise _conflict(problem_id, state, action)
    targets = sources[state]
    to = _parse(State, target, "目标状态 target") if target is not None else targets[0]
    if to not in targets:
        raise InputError(
            message=f"「{ACTION_LABELS[action]}」只能转到 {'、'.join(STATE_LABELS[t] for t in targets)}，不能转到 {to}",
            message_en=f"'{action}' can lead to {', '.join(targets)} only, not {to}",
            fix=f"target 取 {' 或 '.join(targets)} (choose one of these)")
    if role not in ACTION_ROLES[action]:
        allowed = "、".join(ROLE_LABELS[r] for r in sorted(ACTION_ROLES[action]))
        raise ForbiddenError(
            message=f"角色「{ROLE_LABELS[role]}」不能执行「{ACTION_LABELS[action]}」，可执行的角色：{allowed}",
            message_en=f"role {role} may not {action}; allowed roles: {', '.join(sorted(ACTION_ROLES[action]))}",
            details={"action": str(action), "role": str(role)})
    at = in_china_time(at)
    if problem is not None and problem.last_event_at is not None and at < problem.last_event_at:
        raise InputError(
            message=f"事件时间 {at.isoformat()} 早于上一事件 {problem.last_event_at.isoformat()}",
            message_en=f"event time {at.isoformat()} is before the previous event "
                       f"({problem.last_event_at.isoformat()})",
            fix="历史只能追加，时间不能倒退 (history is append-only; time cannot go back)")
    if not actor or not str(actor).strip():
        raise InputError(message="必须注明操作人", message_en="the actor is required",
                         fix="传入 actor（姓名或账号）(pass the actor's name or account)")
    return seal_event(problem_id=problem_id, seq=(problem.event_count if problem else 0) + 1,
                      action=str(action), from_state=str(state) if state else None, to_state=str(to),
                      actor=str(actor).strip(), role=str(role), at=at, reason=reason.strip(),
                      payload=dict(payload or {}),
                      prev_hash=problem.head_hash if problem else GENESIS_HASH)


def _conflict(problem_id: str, state: State | None, action: Action) -> ConflictError:
    allowed = allowed_actions(state)
    if state is None:
        zh_state, en_state = "尚不存在", "does not exist yet"
    else:
        zh_state, en_state = f"当前状态为「{STATE_LABELS[state]}」", f"is {state}"
    zh_allowed = "、".join(f"{ACTION_LABELS[a]}({a})" for a in allowed) or "无（已终结）"
    en_allowed = ", ".join(str(a) for a in allowed) or "none (final state)"
    return ConflictError(
        message=f"问题 {problem_id} {zh_state}，不能{ACTION_LABELS[action]}；当前允许的操作：{zh_allowed}",
        message_en=f"Problem {problem_id} {en_state}; cannot {action}. Allowed actions: {en_allowed}",
        fix="先完成前面的环节，或选择允许的操作 (take one of the allowed actions first)",
        details={"problem_id": problem_id, "state": str(state) if state else None, "action": str(action),
                 "allowed_actions": [str(a) for a in allowed]})


def _parse(enum: type[StrEnum], value: Any, what: str):
    try:
        return enum(value)
    except ValueError:
        options = ", ".join(e.value for e in enum)
        raise InputError(message=f"未知的{what}：{value!r}", message_en=f"unknown {what.split()[-1]}: {value!r}",
                         fix=f"可选值 (choose one of)：{options}") from None
