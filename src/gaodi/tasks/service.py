"""``Tasks`` (``g.tasks``): tasks (督办) given to responsible bodies, their steps, scope and notifications.

    g.tasks.new(Actor("zhang", "city", Scope("city", ("430100",))), title="…", body="county:430104",
                source_kind="warning", source_ref="W-…", deadline_workdays=10)
    g.tasks.report(actor, task_id, "已约谈企业…")
    g.tasks.escalate(actor, task_id)          # only when overdue: to the body's superior
    g.tasks.close(actor, task_id, "营收已回升，见 10 月报表")

Who may: an account whose role has ``manage_task`` (every government role) and whose scope reaches the
body (:meth:`BodyCatalogue.in_scope`). A task is seen by whoever's scope reaches any body it has been
with, so a county's task escalated to its city stays visible to both. A body outside the actor's scope
is a ForbiddenError (403) and nothing is written. Every step is one transaction: the task row, its
event, its audit entry and its notifications; e-mails go after the commit.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from gaodi.access.roles import require
from gaodi.access.scope import PROVINCE, Scope
from gaodi.errors import ConflictError, ForbiddenError, InputError, NotFoundError
from gaodi.notifications.inbox import Notice
from gaodi.problems.events import CHINA_TZ
from gaodi.store import tasks as rows
from gaodi.tasks.bodies import Body, BodyCatalogue, build_catalogue
from gaodi.tasks.states import ACTION_LABELS, Action, State, Task, TaskEvent, check_new, check_step
from gaodi.tasks.views import TaskView, view
from gaodi.workdays.workspace import workspace_calendar

__all__ = ["Actor", "Tasks", "CLI_ACTOR"]

MAX_TEXT = 5000


@dataclass(frozen=True)
class Actor:
    """Who acts: an account name, its role and its scope."""

    username: str
    role: str
    scope: Scope
    client: str | None = None  # the address a request came from, for the audit trail


CLI_ACTOR = Actor("命令行操作员", "province", PROVINCE)  # the CLI works on the workspace file: province rights


class Tasks:
    """The tasks of a workspace (``g`` is a :class:`gaodi.core.Gaodi`)."""

    def __init__(self, g, clock=None) -> None:
        self.g = g
        self.clock = clock or (lambda: dt.datetime.now(CHINA_TZ))

    # --- reading ---------------------------------------------------------------------------
    def catalogue(self) -> BodyCatalogue:
        return build_catalogue(*rows.body_sources(self.g.store))

    def bodies(self, scope: Scope = PROVINCE) -> list[Body]:
        """The responsible bodies a scope may give tasks to."""
        return self.catalogue().for_scope(scope)

    def list(self, scope: Scope = PROVINCE, *, body: str | None = None, state: str | None = None,
             overdue: bool | None = None, today: dt.date | None = None) -> list[TaskView]:
        """The tasks the scope may see, newest first; ``body`` keeps those now with that body."""
        if scope.kind == "enterprise":
            return []
        if state is not None and state not in State._value2member_map_:
            raise InputError(f"未知的状态 {state}", f"unknown state {state}",
                             fix="可选：" + "、".join(s.value for s in State))
        cat, cal, day = self.catalogue(), workspace_calendar(self.g.store), today or self.today()
        found = [view(t, cat, cal, day) for t in rows.load_tasks(self.g.store)
                 if any(cat.in_scope(b, scope) for b in t.bodies)
                 and (body is None or t.body == body) and (state is None or t.state.value == state)]
        if overdue is not None:
            found = [v for v in found if v.overdue == overdue]
        return sorted(found, key=lambda v: (v.created_at, v.task_id), reverse=True)

    def get(self, task_id: str, scope: Scope = PROVINCE, today: dt.date | None = None) -> TaskView:
        task, cat = self._visible(task_id, scope)
        return view(task, cat, workspace_calendar(self.g.store), today or self.today())

    def history(self, task_id: str, scope: Scope = PROVINCE) -> list[TaskEvent]:
        self._visible(task_id, scope)
        return rows.load_events(self.g.store, task_id)

    def today(self) -> dt.date:
        return self.clock().date()

    # --- steps -----------------------------------------------------------------------------
    def new(self, actor: Actor, *, title: str, body: str, source_kind: str = "manual", source_ref: str | None = None,
            detail: str | None = None, deadline_workdays: int = 10, set_on: dt.date | None = None) -> TaskView:
        """Give a task to ``body``; ``set_on`` (a past day) is a supervisor's back-dating of a paper record."""
        require(actor.role, "manage_task")
        check_new(title, source_kind, deadline_workdays)
        _check_text(title, 200, "标题")
        _check_text(detail, MAX_TEXT, "说明")
        _check_text(source_ref, 200, "来源编号")
        cat = self.catalogue()
        target = cat.get(body)
        self._reach(cat, actor, body)
        now = self.clock()
        if set_on is not None and set_on != now.date():
            require(actor.role, "backdate_task")
            if set_on > now.date():
                raise InputError("交办日期不能晚于今天", "the assignment day cannot be in the future",
                                 fix="去掉交办日期，或填今天及以前的日期")
        task = Task("", title.strip(), body, body, source_kind, (source_ref or "").strip() or None,
                    (detail or "").strip() or None, State.OPEN, actor.username, now, set_on or now.date(),
                    deadline_workdays)
        with self.g.store.transaction():
            task.task_id = rows.new_task_id(self.g.store, now.year)
            rows.insert_task(self.g.store, task)
            note = f"交办日期 {task.set_on}（补录）" if task.set_on != now.date() else None
            written = self._record(actor, task, Action.CREATE, note, Notice(
                "assigned", task.task_id, f"新督办事项：{task.title}（{target.name}，{deadline_workdays} 个工作日）",
                f"new task: {task.title}", audiences=(cat.audience(body),)))
        self._mail(written, task, "新督办事项")
        return self.get(task.task_id)

    def report(self, actor: Actor, task_id: str, text: str) -> TaskView:
        """Record a progress report (进展报告) from the responsible body."""
        return self._step(actor, task_id, Action.REPORT, text)

    def escalate(self, actor: Actor, task_id: str, note: str | None = None) -> TaskView:
        """Hand an overdue task to its body's superior (county → city → province), with a new deadline of the
        same number of working days from today; ConflictError when it is not overdue or has no superior."""
        return self._step(actor, task_id, Action.ESCALATE, note)

    def close(self, actor: Actor, task_id: str, evidence: str) -> TaskView:
        """Close the task with its evidence (办结依据)."""
        return self._step(actor, task_id, Action.CLOSE, evidence)

    def reopen(self, actor: Actor, task_id: str, reason: str) -> TaskView:
        """Reopen a closed task: open again, a new deadline from today of the same working days."""
        return self._step(actor, task_id, Action.REOPEN, reason)

    def remind(self, today: dt.date | None = None, within: int = 2) -> int:
        """Tell each open task's body once per deadline when it is due within ``within`` working days
        (即将到期); return the number of tasks reminded. Meant for a daily run (``gaodi task remind``)."""
        count, cat = 0, self.catalogue()
        for v in self.list(today=today):
            if v.state == State.CLOSED.value or v.overdue or v.workdays_left is None or v.workdays_left > within:
                continue
            marker = str(v.deadline)
            if self.g.notifications.already(v.task_id, "due_soon", marker):
                continue
            notice = Notice("due_soon", v.task_id, f"督办事项即将到期：{v.title}（期限 {v.deadline}，剩 {v.workdays_left} 个工作日）",
                            f"task due soon: {v.title} (deadline {v.deadline})", audiences=(cat.audience(v.body),),
                            marker=marker)
            with self.g.store.transaction():
                written = self.g.notifications.write(notice)
            self.g.notifications.deliver(written, f"[高地] 督办事项即将到期：{v.title}", notice.message)
            count += 1
        return count

    # --- inside ----------------------------------------------------------------------------
    def _step(self, actor: Actor, task_id: str, action: Action, text: str | None) -> TaskView:
        require(actor.role, "manage_task")
        _check_text(text, MAX_TEXT, "内容")
        task, cat = self._visible(task_id, actor.scope)
        before = view(task, cat, workspace_calendar(self.g.store), self.today())
        task.state = check_step(task, action, text)
        now, notice_to = self.clock(), [cat.audience(task.body)]
        usernames: tuple[str, ...] = ()
        if action == Action.ESCALATE:
            if not before.overdue:
                raise ConflictError(f"督办事项 {task_id} 未超期（期限 {before.deadline}），不能升级督办",
                                    f"task {task_id} is not overdue", fix="超期后再升级；未超期请继续督促办理")
            superior = cat.bodies[task.body].superior
            if superior is None:
                raise ConflictError(f"{before.body_name}已是最高一级，无上级可升级", "the body has no superior",
                                    fix="由省级直接督办")
            task.body, task.set_on, task.escalations = superior, now.date(), task.escalations + 1
            notice_to.append(cat.audience(superior))
        elif action == Action.REOPEN:
            task.set_on, task.closed_at, task.evidence = now.date(), None, None
        elif action == Action.CLOSE:
            task.closed_at, task.evidence = now, text.strip()
            usernames = (task.created_by,)
        elif action == Action.REPORT:
            usernames = (task.created_by,)
        kind = {Action.REPORT: "report", Action.ESCALATE: "escalated", Action.CLOSE: "closed",
                Action.REOPEN: "reopened"}[action]
        name = cat.bodies[task.body].name if task.body in cat.bodies else task.body
        message = f"督办事项{ACTION_LABELS[action]}：{task.title}（{name}）" + (f"：{text.strip()[:200]}" if text else "")
        with self.g.store.transaction():
            rows.update_task(self.g.store, task)
            written = self._record(actor, task, action, (text or "").strip() or None, Notice(
                kind, task_id, message, f"task {kind}: {task.title}", audiences=tuple(notice_to),
                usernames=usernames))
        self._mail(written, task, f"督办事项{ACTION_LABELS[action]}")
        return self.get(task_id)

    def _record(self, actor: Actor, task: Task, action: Action, note: str | None, notice: Notice):
        rows.append_event(self.g.store, task.task_id, action.value, actor.username, self.clock(), task.body, note)
        self.g.audit.record(actor.username, f"task_{action.value}", f"task:{task.task_id}",
                            f"body={task.body} state={task.state.value}" + (f" note={note[:200]}" if note else ""),
                            actor.client)
        return self.g.notifications.write(notice, exclude=actor.username)

    def _mail(self, written, task: Task, what: str) -> None:
        self.g.notifications.deliver(written, f"[高地] {what}：{task.title}",
                                     f"{what}：{task.title}\n督办编号：{task.task_id}\n请登录高地平台查看。")

    def _visible(self, task_id: str, scope: Scope) -> tuple[Task, BodyCatalogue]:
        found = rows.load_tasks(self.g.store, task_id)
        if not found:
            raise NotFoundError(f"没有编号为 {task_id} 的督办事项", f"no task {task_id}", fix="用 gaodi task list 查看")
        cat = self.catalogue()
        if not any(cat.in_scope(b, scope) for b in found[0].bodies):
            raise ForbiddenError(f"督办事项 {task_id} 的责任单位不在您的范围（{scope.describe()}）内",
                                 f"task {task_id} is outside your scope", fix="如需办理，请联系上级部门",
                                 details={"scope": scope.as_dict()})
        return found[0], cat

    @staticmethod
    def _reach(cat: BodyCatalogue, actor: Actor, body: str) -> None:
        if not cat.in_scope(body, actor.scope):
            raise ForbiddenError(f"责任单位 {cat.get(body).name} 不在您的范围（{actor.scope.describe()}）内，不能交办",
                                 f"body {body} is outside your scope", fix="只能向本范围内的责任单位交办；跨范围请报上级",
                                 details={"scope": actor.scope.as_dict(), "body": body})


def _check_text(text: str | None, limit: int, what: str) -> None:
    if text is not None and len(text) > limit:
        raise InputError(f"{what}过长（{len(text)} 字，上限 {limit}）", f"{what} too long", fix=f"压缩到 {limit} 字以内")
