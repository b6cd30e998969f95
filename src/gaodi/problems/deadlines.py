"""Overdue warnings (超期预警) for problems in the hands of a department.

A problem's clock runs while it is assigned (已交办) or in progress (办理中): the department must
reply by the deadline, a date fixed in working days when the problem was assigned, transferred or
reopened. On a given day each such problem is:

* overdue (已超期) when the day is after the deadline; ``workdays_overdue`` = working days in
  (deadline, today], which is 0 when only non-working days have passed since the deadline;
* due soon (即将到期) when the deadline is today or at most ``due_soon_within`` working days ahead;
  ``workdays_left`` = working days in (today, deadline];
* on track otherwise (not listed by :func:`deadline_warnings`).

Whether a problem is overdue is a comparison of dates and never depends on the calendar: a problem
past its deadline is overdue even when its working days cannot be counted. The counts come from the
working-day calendar; ``provisional`` (暂定) is True when the deadline itself or the counted days
rest on a year without an official holiday arrangement, and ``basis`` says why. When the calendar
cannot count at all (a date outside it), the count is None and ``basis`` says so: never a silent 0.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from gaodi.workdays.calendar import CalendarNotCoveredError, WorkingCalendar, china_calendar
from gaodi.problems.states import CLOCK_STATES, STATE_LABELS, Problem

__all__ = ["DeadlineStatus", "deadline_status", "deadline_warnings"]

OVERDUE, DUE_SOON, ON_TRACK = "overdue", "due_soon", "on_track"
_LABELS = {OVERDUE: "已超期", DUE_SOON: "即将到期", ON_TRACK: "正常"}


@dataclass(frozen=True)
class DeadlineStatus:
    """Where one problem stands against its deadline on ``today``."""

    problem_id: str
    uscc: str
    title: str
    department: str | None
    state: str
    deadline: dt.date
    today: dt.date
    status: str
    workdays_left: int | None
    workdays_overdue: int | None
    provisional: bool = False
    basis: str | None = None
    basis_en: str | None = None

    @property
    def label(self) -> str:
        """A short Chinese description, e.g. 已超期 3 个工作日 or 即将到期（剩 1 个工作日）; 暂定 marked."""
        mark = "（暂定）" if self.provisional else ""
        if self.status == OVERDUE:
            if self.workdays_overdue is None:
                return f"{_LABELS[OVERDUE]}（工作日数无法计算）"
            return f"{_LABELS[OVERDUE]} {self.workdays_overdue} 个工作日{mark}"
        if self.status == DUE_SOON:
            return "今日到期" + mark if self.deadline == self.today else \
                f"即将到期（剩 {self.workdays_left} 个工作日）{mark}"
        return _LABELS[ON_TRACK] + mark


def deadline_status(problem: Problem, today: dt.date, calendar: WorkingCalendar | None = None,
                    due_soon_within: int = 2) -> DeadlineStatus | None:
    """Return the deadline status of ``problem`` on ``today``; None when its clock is not running."""
    if problem.state not in CLOCK_STATES or problem.deadline is None:
        return None
    cal = calendar or china_calendar()
    deadline = problem.deadline
    bases = [problem.deadline_basis] if problem.deadline_provisional else []
    bases_en = [problem.deadline_basis_en] if problem.deadline_provisional else []
    try:
        count = cal.workdays_between(min(today, deadline), max(today, deadline))
        for arrangement in cal.provisional_in(today, deadline):
            if arrangement.reason not in bases:
                bases.append(arrangement.reason)
                bases_en.append(arrangement.reason_en)
    except CalendarNotCoveredError as exc:
        count = None
        bases.append(exc.message)
        bases_en.append(exc.message_en)
    if today > deadline:
        status, left, over = OVERDUE, 0, count
    else:
        left, over = count, 0
        status = DUE_SOON if left is not None and left <= due_soon_within else ON_TRACK
    return DeadlineStatus(problem.problem_id, problem.uscc, problem.title, problem.department,
                          STATE_LABELS[problem.state], deadline, today, status, left, over,
                          bool(bases), "；".join(b for b in bases if b) or None,
                          "; ".join(b for b in bases_en if b) or None)


def deadline_warnings(problems: Iterable[Problem], today: dt.date, calendar: WorkingCalendar | None = None,
                      due_soon_within: int = 2) -> list[DeadlineStatus]:
    """List the overdue and due-soon problems on ``today``: most overdue first, then nearest deadline."""
    cal = calendar or china_calendar()
    found = [s for p in problems
             if (s := deadline_status(p, today, cal, due_soon_within)) is not None and s.status != ON_TRACK]
    return sorted(found, key=lambda s: (s.status != OVERDUE, s.deadline, s.problem_id))
