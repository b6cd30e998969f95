"""The problem desk: take in enterprise problems and move them through the closed loop.

:class:`ProblemDesk` validates what users send, asks :func:`gaodi.problems.states.decide` for the
next event, computes deadlines in working days with :mod:`gaodi.workdays.calendar`, and appends the
event to a :class:`~gaodi.problems.repository.ProblemRepository`. Nothing is written when a
request is refused. Deadlines are stored in the event payload as dates, so replaying a history
never depends on the calendar installed at replay time, with one exception: a deadline that counted
days of a provisional year (暂定, no official holiday arrangement yet) is marked so in the payload
(``deadline_provisional``, ``deadline_basis``) and recomputed on every read with the calendar in
force, so loading the official arrangement moves it to its final date without rewriting history.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass

from stdnum.cn import uscc as uscc_check

from gaodi.errors import InputError, NotFoundError
from gaodi.workdays.calendar import WorkingCalendar, china_calendar
from gaodi.problems.events import (
    CHINA_TZ,
    HistoryCheck,
    ProblemEvent,
    in_china_time,
    sealed,
    verify_history,
)
from gaodi.problems.repository import ProblemRepository
from gaodi.problems.states import Action, Problem, Role, State, decide, fold

__all__ = ["DEFAULT_CATEGORIES", "MAX_DEADLINE_WORKDAYS", "SOURCES", "FieldIssue", "ProblemDesk",
           "ProblemSubmission", "validate_submission"]

#: Problem categories used in 送解优 collection sheets; a place may pass its own list.
DEFAULT_CATEGORIES = ("用地", "用能", "融资", "用工", "政策兑现", "审批服务", "市场开拓", "科技创新",
                      "物流运输", "涉企执法", "基础设施", "其他")
SOURCES = ("api", "cli", "batch")
MAX_DEADLINE_WORKDAYS = 60
_REGION = re.compile(r"^\d{6}$")


@dataclass(frozen=True)
class ProblemSubmission:
    """What an enterprise (or the staff collecting for it) reports."""

    uscc: str
    title: str
    description: str
    category: str
    chain: str | None = None
    park: str | None = None
    region_code: str | None = None
    enterprise_name: str | None = None
    source: str = "api"


@dataclass(frozen=True)
class FieldIssue:
    """One invalid field of a submission, with the fix."""

    field: str
    message: str
    message_en: str
    fix: str


def validate_submission(sub: ProblemSubmission,
                        categories: Sequence[str] | None = DEFAULT_CATEGORIES) -> list[FieldIssue]:
    """Return every problem with a submission (empty when it is valid). USCC per GB 32100-2015."""
    issues = []
    if not uscc_check.is_valid(sub.uscc or ""):
        issues.append(FieldIssue("uscc", f"统一社会信用代码无效：{sub.uscc!r}", f"invalid USCC: {sub.uscc!r}",
                                 "填写 18 位统一社会信用代码，校验位须正确 (18 characters, valid check digit)"))
    for name, label in (("title", "问题标题"), ("description", "问题描述")):
        if not (getattr(sub, name) or "").strip():
            issues.append(FieldIssue(name, f"{label}不能为空", f"{name} is empty", f"填写{label} (fill in {name})"))
    if categories is not None and sub.category not in categories:
        issues.append(FieldIssue("category", f"问题类别「{sub.category}」不在类别表中",
                                 f"unknown category {sub.category!r}", "可选：" + "、".join(categories)))
    if sub.region_code and not _REGION.match(sub.region_code):
        issues.append(FieldIssue("region_code", f"行政区划代码应为 6 位数字：{sub.region_code!r}",
                                 f"region code must be 6 digits: {sub.region_code!r}", "例如 430100 (e.g. 430100)"))
    if sub.source not in SOURCES:
        issues.append(FieldIssue("source", f"来源「{sub.source}」无效", f"unknown source {sub.source!r}",
                                 "可选 (choose)：" + ", ".join(SOURCES)))
    return issues


class ProblemDesk:
    """Intake and handling of enterprise problems over one repository.

    ``clock`` gives the time of an action (China Standard Time); a time passed by the caller (``at``,
    a back-office correction) may not be later than the clock, nor earlier than the previous event.
    ``calendar`` is a calendar or a function returning the one in force (e.g. after a workspace
    loads an official holiday arrangement).
    ``key`` seals each event with HMAC-SHA256 (see :mod:`gaodi.problems.events`); None: plain SHA-256.
    """

    def __init__(self, repository: ProblemRepository,
                 calendar: WorkingCalendar | Callable[[], WorkingCalendar] | None = None,
                 categories: Sequence[str] | None = DEFAULT_CATEGORIES,
                 clock: Callable[[], dt.datetime] = lambda: dt.datetime.now(CHINA_TZ),
                 key: bytes | None = None) -> None:
        self.repository = repository
        self._calendar = calendar or china_calendar()
        self.categories = categories
        self.clock = clock
        self.key = key

    @property
    def calendar(self) -> WorkingCalendar:
        """The working-day calendar in force (asked of the provider each time when one was given)."""
        return self._calendar() if callable(self._calendar) else self._calendar

    # -- reading ---------------------------------------------------------------------------------

    def get(self, problem_id: str) -> Problem:
        """Return the current state of a problem (NotFoundError when there is none)."""
        problem = fold(self.repository.events_for(problem_id), self._recompute)
        if problem is None:
            raise NotFoundError(message=f"没有编号为 {problem_id} 的问题", message_en=f"no problem {problem_id}",
                                fix="检查问题编号 (check the problem id)")
        return problem

    def history(self, problem_id: str) -> list[ProblemEvent]:
        """Return the events of a problem, oldest first."""
        return self.repository.events_for(problem_id)

    def problems(self) -> list[Problem]:
        """Return every problem in the repository, folded."""
        by_id: dict[str, list[ProblemEvent]] = {}
        for event in self.repository.all_events():
            by_id.setdefault(event.problem_id, []).append(event)
        return [fold(events, self._recompute) for events in by_id.values()]

    def verify(self, problem_id: str, expected_head: str | None = None) -> HistoryCheck:
        """Check a problem's hash chain (see :func:`verify_history`)."""
        return verify_history(self.repository.events_for(problem_id), expected_head, self.key)

    # -- actions ---------------------------------------------------------------------------------

    def submit(self, submission: ProblemSubmission, *, actor: str, role: Role | str = Role.ENTERPRISE,
               at: dt.datetime | None = None, problem_id: str | None = None) -> Problem:
        """Record a new problem in state submitted (已提交)."""
        issues = validate_submission(submission, self.categories)
        if issues:
            first = issues[0]
            raise InputError(message=f"{first.field}：{first.message}", message_en=first.message_en, fix=first.fix,
                             details={"issues": [asdict(i) for i in issues]})
        at = in_china_time(at or self.clock())
        problem_id = problem_id or _new_id(submission, at)
        payload = {k: v for k, v in asdict(submission).items() if v not in (None, "")}
        return self._record(problem_id, Action.SUBMIT, actor, role, at, "", payload=payload)

    def accept(self, problem_id: str, *, actor: str, role: Role | str = Role.STAFF,
               at: dt.datetime | None = None, reason: str = "") -> Problem:
        """Accept a submitted problem (已受理)."""
        return self._record(problem_id, Action.ACCEPT, actor, role, at, reason)

    def reject(self, problem_id: str, *, reason: str, actor: str, role: Role | str = Role.STAFF,
               at: dt.datetime | None = None) -> Problem:
        """Refuse a problem (不予受理), e.g. outside the scope of enterprise services; a reason is required."""
        return self._record(problem_id, Action.REJECT, actor, role, at, reason, require_reason=True)

    def assign(self, problem_id: str, *, department: str, deadline_workdays: int, actor: str,
               role: Role | str = Role.STAFF, at: dt.datetime | None = None, reason: str = "") -> Problem:
        """Hand the problem to a department (交办) with a deadline of ``deadline_workdays`` working days."""
        return self._record(problem_id, Action.ASSIGN, actor, role, at, reason,
                            payload=lambda cur, when: self._deadline(when, department, deadline_workdays))

    def transfer(self, problem_id: str, *, department: str, reason: str, actor: str,
                 deadline_workdays: int | None = None, role: Role | str = Role.STAFF,
                 at: dt.datetime | None = None) -> Problem:
        """Re-assign to another department (转办); the clock restarts from the day of the transfer."""
        def payload(cur: Problem, when: dt.datetime) -> dict:
            if cur.department == (department or "").strip():
                raise InputError(message=f"问题已在「{department}」办理，转办须换一个部门",
                                 message_en=f"the problem is already with {department}",
                                 fix="填写新的承办部门 (name another department)")
            return self._deadline(when, department, deadline_workdays or cur.deadline_workdays)

        return self._record(problem_id, Action.TRANSFER, actor, role, at, reason, payload=payload,
                            require_reason=True)

    def start(self, problem_id: str, *, actor: str, role: Role | str = Role.DEPARTMENT,
              at: dt.datetime | None = None) -> Problem:
        """The department signs for the problem and starts work (办理中)."""
        return self._record(problem_id, Action.START, actor, role, at, "")

    def reply(self, problem_id: str, *, reply: str, actor: str, role: Role | str = Role.DEPARTMENT,
              at: dt.datetime | None = None) -> Problem:
        """The department answers the enterprise (已答复)."""
        return self._record(problem_id, Action.REPLY, actor, role, at, "",
                            payload=lambda cur, when: {"reply": _required(reply, "reply", "答复内容")})

    def close(self, problem_id: str, *, satisfaction: int, actor: str, role: Role | str = Role.ENTERPRISE,
              at: dt.datetime | None = None, comment: str = "") -> Problem:
        """Close after the reply with the enterprise's satisfaction, 1 (very dissatisfied) to 5 (very satisfied)."""
        def payload(cur: Problem, when: dt.datetime) -> dict:
            if isinstance(satisfaction, bool) or not isinstance(satisfaction, int) or not 1 <= satisfaction <= 5:
                raise InputError(message=f"满意度须为 1–5 的整数，收到 {satisfaction!r}",
                                 message_en=f"satisfaction must be an integer from 1 to 5, got {satisfaction!r}",
                                 fix="1 很不满意 … 5 很满意 (1 very dissatisfied … 5 very satisfied)")
            return {"satisfaction": satisfaction, **({"comment": comment.strip()} if comment.strip() else {})}

        return self._record(problem_id, Action.CLOSE, actor, role, at, "", payload=payload)

    def reopen(self, problem_id: str, *, reason: str, actor: str, to: State | str = State.IN_PROGRESS,
               department: str | None = None, deadline_workdays: int | None = None,
               role: Role | str = Role.ENTERPRISE, at: dt.datetime | None = None) -> Problem:
        """Reopen a replied or closed problem, back to in_progress (same department) or assigned.

        A new deadline runs from the day of reopening: ``deadline_workdays`` or the previous time limit.
        """
        return self._record(problem_id, Action.REOPEN, actor, role, at, reason, target=to, require_reason=True,
                            payload=lambda cur, when: self._deadline(
                                when, department or cur.department, deadline_workdays or cur.deadline_workdays))

    def withdraw(self, problem_id: str, *, reason: str, actor: str, role: Role | str = Role.ENTERPRISE,
                 at: dt.datetime | None = None) -> Problem:
        """The enterprise withdraws its problem (已撤回), e.g. solved by itself."""
        return self._record(problem_id, Action.WITHDRAW, actor, role, at, reason, require_reason=True)

    # -- internals -------------------------------------------------------------------------------

    def _deadline(self, when: dt.datetime, department: str | None, deadline_workdays: int | None) -> dict:
        department = _required(department, "department", "承办部门")
        if (isinstance(deadline_workdays, bool) or not isinstance(deadline_workdays, int)
                or not 1 <= deadline_workdays <= MAX_DEADLINE_WORKDAYS):
            raise InputError(message=f"办理时限须为 1–{MAX_DEADLINE_WORKDAYS} 个工作日，收到 {deadline_workdays!r}",
                             message_en=f"the deadline must be 1-{MAX_DEADLINE_WORKDAYS} working days, "
                                        f"got {deadline_workdays!r}",
                             fix="例如 5 或 10 个工作日 (e.g. 5 or 10)")
        deadline = self.calendar.deadline(when.date(), deadline_workdays)
        payload = {"department": department, "deadline_workdays": deadline_workdays,
                   "deadline": deadline.date.isoformat()}
        if deadline.provisional:
            payload.update(deadline_provisional=True, deadline_basis=deadline.reason,
                           deadline_basis_en=deadline.reason_en)
        return payload

    def _recompute(self, set_on: dt.date, workdays: int):
        return self.calendar.deadline(set_on, workdays)

    def _record(self, problem_id: str, action: Action, actor: str, role: Role | str,
                at: dt.datetime | None, reason: str,
                payload: Callable[[Problem | None, dt.datetime], dict] | dict | None = None,
                target: State | str | None = None, require_reason: bool = False) -> Problem:
        """Check the request against the current state first, then its content, then append.

        The state check comes first so that an illegal action is always reported as such
        (ConflictError), whatever else is wrong with the request.
        """
        current = fold(self.repository.events_for(problem_id), self._recompute)
        if current is None and action is not Action.SUBMIT:
            self.get(problem_id)
        now = in_china_time(self.clock())
        when = in_china_time(at) if at is not None else now
        if when > now:
            raise InputError(message=f"操作时间 {when:%Y-%m-%d %H:%M} 晚于现在（{now:%Y-%m-%d %H:%M}），不能记录将来的操作",
                             message_en=f"the action time {when.isoformat()} is in the future (now {now.isoformat()})",
                             fix="去掉 at 按现在的时间记录，或填写已经发生的时间 (drop at, or give a past time)")
        common = {"problem_id": problem_id, "action": action, "actor": actor, "role": role, "at": when,
                  "target": target}
        decide(current, **common)
        if require_reason:
            reason = _required(reason, "reason", "理由")
        content = payload(current, when) if callable(payload) else dict(payload or {})
        event = sealed(decide(current, **common, reason=reason or "", payload=content), self.key)
        self.repository.append_event(event)
        return fold(self.repository.events_for(problem_id), self._recompute)


def _required(value: str | None, name: str, label: str) -> str:
    if value is None or not str(value).strip():
        raise InputError(message=f"{label}不能为空", message_en=f"{name} is required", fix=f"填写{label} (fill in {name})")
    return str(value).strip()


def _new_id(sub: ProblemSubmission, at: dt.datetime) -> str:
    """A readable id: WT (问题) + date + 8 hex digits of a hash of the enterprise, title and time."""
    digest = hashlib.sha256(f"{sub.uscc}|{sub.title}|{at.isoformat()}".encode()).hexdigest()[:8]
    return f"WT{at:%Y%m%d}-{digest.upper()}"
