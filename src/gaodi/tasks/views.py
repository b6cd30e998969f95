"""A task as a reader sees it on a day: its body's name, its deadline counted in working days, overdue or not.

The deadline is the ``deadline_workdays``-th working day after ``set_on`` (the day of assignment,
escalation or reopening; 期限从次日起算), counted on each read with the workspace calendar, so that
loading an official holiday arrangement moves a provisional (暂定) deadline. Overdue (已超期) is decided by
the dates alone: open and the day after the deadline. ``workdays_left`` counts the working days in
(today, deadline]; ``workdays_overdue`` those in (deadline, today].
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from gaodi.tasks.bodies import BodyCatalogue
from gaodi.tasks.states import (
    ACTION_LABELS,
    SOURCE_KINDS,
    STATE_LABELS,
    STATE_LABELS_EN,
    Action,
    State,
    Task,
    allowed,
)
from gaodi.workdays.calendar import CalendarNotCoveredError, WorkingCalendar

__all__ = ["TaskView", "view"]


@dataclass(frozen=True)
class TaskView:
    task_id: str
    title: str
    body: str
    body_name: str
    original_body: str
    original_body_name: str
    superior: str | None
    superior_name: str | None
    source_kind: str
    source_label: str
    source_ref: str | None
    detail: str | None
    state: str
    state_label: str
    state_label_en: str
    created_by: str
    created_at: dt.datetime
    set_on: dt.date
    deadline_workdays: int
    deadline: dt.date | None
    deadline_provisional: bool
    deadline_basis: str | None
    overdue: bool
    workdays_left: int | None
    workdays_overdue: int | None
    escalations: int
    closed_at: dt.datetime | None
    evidence: str | None
    actions: tuple[str, ...]
    action_labels: tuple[str, ...]
    today: dt.date


def view(task: Task, bodies: BodyCatalogue, calendar: WorkingCalendar, today: dt.date) -> TaskView:
    body = bodies.bodies.get(task.body)
    original = bodies.bodies.get(task.original_body)
    superior = bodies.bodies.get(body.superior) if body and body.superior else None
    deadline = left = over = None
    provisional, basis = False, None
    try:
        d = calendar.deadline(task.set_on, task.deadline_workdays)
        deadline, provisional, basis = d.date, d.provisional, d.reason
        count = calendar.workdays_between(min(today, deadline), max(today, deadline))
        left, over = (0, count) if today > deadline else (count, 0)
        extra = [a.reason for a in calendar.provisional_in(min(today, deadline), max(today, deadline))]
        if extra and not provisional:
            provisional, basis = True, "；".join(extra)
    except CalendarNotCoveredError as exc:
        basis = exc.message
    running = task.state != State.CLOSED
    overdue = running and deadline is not None and today > deadline
    actions = [a for a in allowed(task.state) if a != Action.ESCALATE or (overdue and superior is not None)]
    return TaskView(
        task.task_id, task.title, task.body, body.name if body else task.body, task.original_body,
        original.name if original else task.original_body, superior.code if superior else None,
        superior.name if superior else None, task.source_kind, SOURCE_KINDS.get(task.source_kind, task.source_kind),
        task.source_ref, task.detail, task.state.value, STATE_LABELS[task.state], STATE_LABELS_EN[task.state],
        task.created_by, task.created_at, task.set_on, task.deadline_workdays, deadline, provisional, basis,
        overdue, left if running else None, over if running else None, task.escalations, task.closed_at,
        task.evidence, tuple(a.value for a in actions), tuple(ACTION_LABELS[a] for a in actions), today)
