"""The states of a task (督办) and the steps between them, as pure rules.

::

    open (待办理) ──report──▶ reported (已报告进展) ──report──▶ reported
      │  ▲                      │
      │  └──────reopen──────┐   │
      ├──escalate (overdue)─┼───┴──▶ escalated (已升级督办): the superior body now answers for it
      └──close (evidence)───┴──────▶ closed (已办结) ──reopen (reason)──▶ open

* ``report`` needs a text; ``close`` needs evidence (办结依据); ``reopen`` needs a reason and starts a
  new deadline from the day of reopening with the same number of working days;
* ``escalate`` is allowed only when the task is overdue (the day is after its deadline) and its body has
  a superior; the task goes to the superior with a new deadline of the same number of working days;
* overdue (已超期) is not a state: it is decided on each read by comparing dates.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum

from gaodi.errors import ConflictError, InputError

__all__ = ["Action", "State", "Task", "TaskEvent", "allowed", "check_step"]

MAX_DEADLINE_WORKDAYS = 250
SOURCE_KINDS = {"warning": "预警", "indicator": "规划指标", "manual": "人工交办"}
SOURCE_KINDS_EN = {"warning": "warning", "indicator": "plan indicator", "manual": "by hand"}


class State(str, Enum):
    OPEN = "open"
    REPORTED = "reported"
    ESCALATED = "escalated"
    CLOSED = "closed"


class Action(str, Enum):
    CREATE = "create"
    REPORT = "report"
    ESCALATE = "escalate"
    CLOSE = "close"
    REOPEN = "reopen"


STATE_LABELS = {State.OPEN: "待办理", State.REPORTED: "已报告进展", State.ESCALATED: "已升级督办",
                State.CLOSED: "已办结"}
STATE_LABELS_EN = {State.OPEN: "open", State.REPORTED: "progress reported", State.ESCALATED: "escalated",
                   State.CLOSED: "closed"}
ACTION_LABELS = {Action.CREATE: "交办", Action.REPORT: "报告进展", Action.ESCALATE: "升级督办",
                 Action.CLOSE: "办结", Action.REOPEN: "重新打开"}
ACTION_LABELS_EN = {Action.CREATE: "assigned", Action.REPORT: "progress report", Action.ESCALATE: "escalated",
                    Action.CLOSE: "closed", Action.REOPEN: "reopened"}

_FROM = {
    Action.REPORT: {State.OPEN, State.REPORTED, State.ESCALATED},
    Action.ESCALATE: {State.OPEN, State.REPORTED, State.ESCALATED},
    Action.CLOSE: {State.OPEN, State.REPORTED, State.ESCALATED},
    Action.REOPEN: {State.CLOSED},
}
_TO = {Action.REPORT: State.REPORTED, Action.ESCALATE: State.ESCALATED, Action.CLOSE: State.CLOSED,
       Action.REOPEN: State.OPEN}


@dataclass(frozen=True)
class TaskEvent:
    task_id: str
    seq: int
    action: str
    actor: str
    at: dt.datetime
    body: str
    note: str | None = None


@dataclass
class Task:
    """A task as stored: the deadline is counted on read from ``set_on`` and ``deadline_workdays``."""

    task_id: str
    title: str
    body: str
    original_body: str
    source_kind: str
    source_ref: str | None
    detail: str | None
    state: State
    created_by: str
    created_at: dt.datetime
    set_on: dt.date
    deadline_workdays: int
    escalations: int = 0
    closed_at: dt.datetime | None = None
    evidence: str | None = None
    bodies: tuple[str, ...] = field(default_factory=tuple)  # every body it has been with, first to last


def allowed(state: State) -> list[Action]:
    """The steps possible from ``state`` (escalation further needs the task to be overdue)."""
    return [a for a, states in _FROM.items() if state in states]


def check_step(task: Task, action: Action, text: str | None) -> State:
    """The state after ``action``; ConflictError when the state does not allow it, InputError when the
    text the step needs (report, evidence, reason) is missing."""
    if task.state not in _FROM[action]:
        choices = "、".join(ACTION_LABELS[a] for a in allowed(task.state))
        raise ConflictError(f"督办事项 {task.task_id} 当前为“{STATE_LABELS[task.state]}”，不能{ACTION_LABELS[action]}",
                            f"task {task.task_id} is {task.state.value}: cannot {action.value}",
                            fix=f"此状态可以：{choices}", details={"state": task.state.value})
    needs = {Action.REPORT: ("进展情况", "a progress report"), Action.CLOSE: ("办结依据", "evidence"),
             Action.REOPEN: ("重新打开的理由", "a reason")}
    if action in needs and not (text or "").strip():
        zh, en = needs[action]
        raise InputError(f"{ACTION_LABELS[action]}需要填写{zh}", f"{action.value} needs {en}",
                         fix=f"填写{zh}后再提交")
    return _TO[action]


def check_new(title: str, source_kind: str, deadline_workdays: int) -> None:
    """Refuse a task without a title, with an unknown source kind or a deadline outside 1–250 working days."""
    if not (title or "").strip():
        raise InputError("督办事项需要标题", "a task needs a title", fix="填写标题，如“推动某指标回到目标线”")
    if source_kind not in SOURCE_KINDS:
        raise InputError(f"来源类型“{source_kind}”不存在", f"unknown source kind {source_kind}",
                         fix="可选：warning（预警）、indicator（规划指标）、manual（人工交办）")
    if isinstance(deadline_workdays, bool) or not isinstance(deadline_workdays, int) \
            or not 1 <= deadline_workdays <= MAX_DEADLINE_WORKDAYS:
        raise InputError(f"办理期限须为 1–{MAX_DEADLINE_WORKDAYS} 个工作日，收到 {deadline_workdays!r}",
                         f"the deadline must be 1-{MAX_DEADLINE_WORKDAYS} working days", fix="例如 10 或 20")
