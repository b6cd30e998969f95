"""``ProblemService``: the enterprise-problem desk (送解优) of one workspace, over its store.

What the CLI and the REST API call (``Gaodi.problems``)::

    g.problems.submit(ProblemSubmission(...), actor="张敏")    # park, chain, county filled from the store
    g.problems.import_collection("送解优-2026-02.xlsx", actor="张敏")
    g.problems.stats(by="department")
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from gaodi.access.filters import city_of_regions
from gaodi.errors import InputError
from gaodi.ingest.limits import ReadLimits
from gaodi.problems.context import enterprise_context
from gaodi.problems.deadlines import DeadlineStatus, deadline_warnings
from gaodi.problems.desk import ProblemDesk, ProblemSubmission
from gaodi.problems.events import CHINA_TZ, HistoryCheck, ProblemEvent, china_today
from gaodi.problems.intake import RowError, read_collection_file, submit_collection
from gaodi.problems.states import Problem, State
from gaodi.problems.stats import problem_stats, problems_frame
from gaodi.store.problem_events import DuckDBProblemRepository
from gaodi.workdays.calendar import WorkingCalendar
from gaodi.workdays.workspace import calendar_years, load_arrangement, workspace_calendar

__all__ = ["IntakeOutcome", "ProblemService"]


@dataclass
class IntakeOutcome:
    """What a collection file brought: the problems submitted and the rows already recorded before."""

    file: str
    submitted: list[str] = field(default_factory=list)
    already_recorded: list[int] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)


class ProblemService:
    """The problem desk of a workspace (``g`` is a :class:`gaodi.core.Gaodi`)."""

    def __init__(self, g, clock: Callable[[], dt.datetime] | None = None) -> None:
        self.repository = DuckDBProblemRepository(g.store)
        self.store = g.store
        self.settings = g.settings
        self.desk = ProblemDesk(self.repository, calendar=lambda: workspace_calendar(self.store),
                                clock=clock or (lambda: dt.datetime.now(CHINA_TZ)), key=g.store.sealing_key)

    # == the working-day calendar ==================================================================

    @property
    def calendar(self) -> WorkingCalendar:
        """The working-day calendar in force: loaded official arrangements, packaged ones, then 暂定."""
        return workspace_calendar(self.store)

    def load_calendar(self, path: str | Path, *, loaded_by: str | None = None) -> dict[str, Any]:
        """Load an official holiday arrangement file; provisional deadlines of its year follow on read."""
        return load_arrangement(self.store, path, loaded_by)

    def calendar_years(self, first: int | None = None, last: int | None = None) -> list[dict[str, Any]]:
        """Each year's basis (official with its document, or 暂定 with the reason)."""
        return calendar_years(self.calendar, first, last)

    def submit(self, submission: ProblemSubmission, *, actor: str, role: str = "staff",
               at: dt.datetime | None = None) -> Problem:
        """Record a new problem; park, chain, county and name are filled from the store when left out."""
        return self.desk.submit(_complete(submission, self._context([submission.uscc])), actor=actor, role=role,
                                at=at)

    def accept(self, problem_id: str, **kw) -> Problem:
        return self.desk.accept(problem_id, **kw)

    def reject(self, problem_id: str, **kw) -> Problem:
        return self.desk.reject(problem_id, **kw)

    def assign(self, problem_id: str, **kw) -> Problem:
        return self.desk.assign(problem_id, **kw)

    def transfer(self, problem_id: str, **kw) -> Problem:
        return self.desk.transfer(problem_id, **kw)

    def start(self, problem_id: str, **kw) -> Problem:
        return self.desk.start(problem_id, **kw)

    def reply(self, problem_id: str, **kw) -> Problem:
        return self.desk.reply(problem_id, **kw)

    def close(self, problem_id: str, **kw) -> Problem:
        return self.desk.close(problem_id, **kw)

    def reopen(self, problem_id: str, **kw) -> Problem:
        return self.desk.reopen(problem_id, **kw)

    def withdraw(self, problem_id: str, **kw) -> Problem:
        return self.desk.withdraw(problem_id, **kw)

    def problem(self, problem_id: str) -> Problem:
        return self.desk.get(problem_id)

    def history(self, problem_id: str) -> list[ProblemEvent]:
        self.desk.get(problem_id)
        return self.desk.history(problem_id)

    def verify(self, problem_id: str | None = None, expected_head: str | None = None) -> list[HistoryCheck]:
        """Check the hash chain of one problem, or of every problem."""
        ids = [problem_id] if problem_id else self.repository.problem_ids()
        checks = [self.desk.verify(pid, expected_head) for pid in ids]
        if problem_id and not checks[0].events:  # no fold here: a broken history must still be checked
            self.desk.get(problem_id)
        return checks

    def problems(self, *, state: str | None = None, department: str | None = None, category: str | None = None,
                 chain: str | None = None, park: str | None = None, uscc: str | None = None) -> list[Problem]:
        """Problems matching every filter given, newest first."""
        if state is not None:
            state = State(state) if state in State._value2member_map_ else _bad_state(state)
        wanted = {"state": state, "department": department, "category": category, "chain": chain, "park": park,
                  "uscc": uscc}
        found = [p for p in self.desk.problems()
                 if all(v is None or getattr(p, k) == v for k, v in wanted.items())]
        return sorted(found, key=lambda p: (p.submitted_at, p.problem_id), reverse=True)

    def departments(self) -> list[dict[str, str]]:
        """The departments to assign to: the catalogue, then every department already used in the workspace."""
        from gaodi.problems.departments import department_catalogue

        return department_catalogue({p.department for p in self.desk.problems()})

    def stats(self, by: str = "category", as_of: dt.date | None = None, repeat_window_days: int = 90, *,
              problems: list[Problem] | None = None) -> pd.DataFrame:
        """Volumes, on-time rate, repeats, time to close and satisfaction by group (see problem_stats).

        ``by`` is a key of ``GROUPINGS`` or ``city`` (the city of the enterprise's county);
        ``problems`` limits the statistics to those given (e.g. the problems of a user's scope).
        """
        frame = problems_frame(self.desk.problems() if problems is None else problems)
        if by != "city":
            return problem_stats(frame, by, as_of or china_today(), self.calendar, repeat_window_days=repeat_window_days)
        cities = self.store.execute(city_of_regions(self.store))
        frame["region_code"] = frame["region_code"].map(dict(zip(cities.code, cities.city_code)))
        table = problem_stats(frame, "region_code", as_of or china_today(), self.calendar,
                              repeat_window_days=repeat_window_days)
        return table.rename(columns={"region_code": "city"})

    def overdue(self, today: dt.date | None = None, due_soon_within: int = 2) -> list[DeadlineStatus]:
        """Overdue problems and those due within ``due_soon_within`` working days, most overdue first."""
        return deadline_warnings(self.desk.problems(), today or china_today(), self.calendar,
                                 due_soon_within=due_soon_within)

    def import_collection(self, path: str | Path, *, actor: str, sheet: str | int = 0) -> IntakeOutcome:
        """Submit a 送解优 monthly collection file: every row or none (a bad row refuses the file).

        Rows already recorded (same enterprise, title and collection date) are skipped, so importing
        the same file twice submits nothing twice.
        """
        result = read_collection_file(Path(path), sheet=sheet, limits=ReadLimits.from_settings(self.settings))
        result.raise_if_errors()
        seen = {(p.uscc, p.title, p.submitted_at) for p in self.desk.problems()}
        outcome = IntakeOutcome(result.file)
        known = self._context([sub.uscc for _, sub, _ in result.submissions])
        fresh = []
        for row, sub, collected in result.submissions:
            when = dt.datetime.combine(collected, dt.time(9), CHINA_TZ) if collected else None
            if when is not None and (sub.uscc, sub.title, when) in seen:
                outcome.already_recorded.append(row)
            else:
                fresh.append((row, _complete(sub, known), collected))
        result.submissions = fresh
        with self.repository.batch():
            problems = submit_collection(self.desk, result, actor=actor, at=self.desk.clock())
        outcome.submitted = [p.problem_id for p in problems]
        return outcome

    def _context(self, usccs: list[str]) -> dict[str, dict[str, Any]]:
        frame = enterprise_context(self.store, sorted(set(usccs)))
        return {r["uscc"]: r for r in frame.to_dict(orient="records")}


def _complete(sub: ProblemSubmission, known: dict[str, dict[str, Any]]) -> ProblemSubmission:
    """Fill park, chain, county and name from the store where the submission left them out."""
    k = known.get(sub.uscc)
    if k is None:
        return sub
    return dataclasses.replace(sub, park=sub.park or k["park"], chain=sub.chain or k["chain"],
                               region_code=sub.region_code or k["region_code"],
                               enterprise_name=sub.enterprise_name or k["name"])


def _bad_state(state: str):
    raise InputError(message=f"未知的状态 {state!r}", message_en=f"unknown state {state!r}",
                     fix="可选 (choose)：" + ", ".join(s.value for s in State))


