"""Tasks (督办) through the core: deadlines in working days worked by hand, the states, escalation up the
ladder, scope edges and the audit trail.

The workspace has the region catalogue only (no parks or chains), so bodies here are the province's
departments, cities and counties. The clock is fixed per test (China time).

Working days of autumn 2026 (国务院办公厅关于2026年部分节假日安排的通知): 国庆节 and 中秋 10-01 to 10-07 off;
Saturday 10-10 is a make-up working day (调休上班). Counting starts the day after the assignment.
"""

from __future__ import annotations

import datetime as dt

import pytest

from gaodi.access.scope import PROVINCE, Scope
from gaodi.errors import ConflictError, ForbiddenError, InputError, NotFoundError
from gaodi.problems.events import CHINA_TZ
from gaodi.tasks.service import Actor, Tasks

PROV = Actor("prov", "province", PROVINCE)
CHANGSHA = Actor("cs", "city", Scope("city", ("430100",)))
ZHUZHOU = Actor("zz", "city", Scope("city", ("430200",)))
FIRM = Actor("a1", "enterprise", Scope("enterprise", ("91430100MA4L000001",)))


@pytest.fixture
def tasks(workspace):
    """``tasks("2026-09-29")`` → the workspace's tasks with the clock on that day at 10:00 China time."""
    def on(day: str) -> Tasks:
        when = dt.datetime.combine(dt.date.fromisoformat(day), dt.time(10), CHINA_TZ)
        return Tasks(workspace, clock=lambda: when)
    return on


def test_deadline_counts_working_days_across_the_national_day_holiday(tasks):
    # assigned Tue 09-29: 1 = Wed 09-30; 10-01..10-07 off; 2 = Thu 10-08; 3 = Fri 10-09
    t = tasks("2026-09-29").new(PROV, title="营收下滑企业走访", body="county:430104", deadline_workdays=3)
    assert t.deadline == dt.date(2026, 10, 9) and not t.deadline_provisional
    # 5 days: … 3 = Fri 10-09, 4 = Sat 10-10 (调休上班), 5 = Mon 10-12
    t5 = tasks("2026-09-29").new(PROV, title="五天", body="county:430104", deadline_workdays=5)
    assert t5.deadline == dt.date(2026, 10, 12)
    # on Tue 10-13 the first is overdue by the working days in (10-09, 10-13]: Sat 10-10, Mon 10-12, Tue 10-13
    late = tasks("2026-10-13").get(t.task_id)
    assert late.overdue and late.workdays_overdue == 3 and "escalate" in late.actions
    # on Thu 10-08 it is not overdue: 1 working day left (10-09)
    early = tasks("2026-10-08").get(t.task_id)
    assert not early.overdue and early.workdays_left == 1 and "escalate" not in early.actions


def test_a_deadline_in_a_year_without_an_official_arrangement_is_marked_provisional(tasks):
    # the calendar's own worked example (docs/problems.md): 20 working days from 2026-12-20 is 2027-01-18 (暂定)
    t = tasks("2026-12-20").new(PROV, title="跨年", body="dept:gxt", deadline_workdays=20)
    assert t.deadline == dt.date(2027, 1, 18) and t.deadline_provisional and "2027" in t.deadline_basis


def test_the_loop_report_escalate_twice_close_reopen(tasks, workspace):
    t = tasks("2026-09-29").new(PROV, title="停产信号核查", body="county:430104", deadline_workdays=3,
                                source_kind="warning", source_ref="W-0001")
    later = tasks("2026-10-13")
    assert later.report(CHANGSHA, t.task_id, "已约谈企业").state == "reported"
    up = later.escalate(PROV, t.task_id)
    # to the county's superior, Changsha; a new 3-day deadline from Tue 10-13: 10-14, 10-15, 10-16
    assert (up.state, up.body, up.escalations, up.deadline) == ("escalated", "city:430100", 1, dt.date(2026, 10, 16))
    with pytest.raises(ConflictError):  # not overdue again yet
        later.escalate(PROV, t.task_id)
    top = tasks("2026-10-19").escalate(PROV, t.task_id)
    assert top.body == "gov:province" and top.escalations == 2
    with pytest.raises(ConflictError):  # the government has no superior
        tasks("2026-11-30").escalate(PROV, t.task_id)
    with pytest.raises(InputError):
        later.close(PROV, t.task_id, "  ")
    closed = later.close(PROV, t.task_id, "10月营收回升 12%，见统计报表")
    assert closed.state == "closed" and closed.actions == ("reopen",) and not closed.overdue
    with pytest.raises(ConflictError):
        later.report(PROV, t.task_id, "已办结后再报")
    reopened = tasks("2026-10-20").reopen(PROV, t.task_id, "复查发现反弹")
    assert reopened.state == "open" and reopened.evidence is None and reopened.set_on == dt.date(2026, 10, 20)
    actions = [e.action for e in later.history(t.task_id)]
    assert actions == ["create", "report", "escalate", "escalate", "close", "reopen"]
    _, entries = workspace.audit.entries(limit=50)
    mine = [e["action"] for e in entries if e["resource"] == f"task:{t.task_id}"]
    assert sorted(mine) == sorted(f"task_{a}" for a in actions)


def test_a_city_sees_its_own_bodies_tasks_and_keeps_seeing_them_after_escalation(tasks):
    svc = tasks("2026-09-29")
    mine = svc.new(CHANGSHA, title="长沙的", body="county:430104", deadline_workdays=3)
    theirs = svc.new(ZHUZHOU, title="株洲的", body="city:430200", deadline_workdays=3)
    assert [t.task_id for t in svc.list(CHANGSHA.scope)] == [mine.task_id]
    assert {t.task_id for t in svc.list(PROVINCE)} == {mine.task_id, theirs.task_id}
    assert svc.list(FIRM.scope) == []
    with pytest.raises(ForbiddenError):
        svc.get(theirs.task_id, CHANGSHA.scope)
    with pytest.raises(ForbiddenError):
        svc.report(CHANGSHA, theirs.task_id, "越权")
    tasks("2026-10-13").escalate(PROV, mine.task_id)
    tasks("2026-10-19").escalate(PROV, mine.task_id)  # now with the provincial government
    assert [t.task_id for t in svc.list(CHANGSHA.scope)] == [mine.task_id]


def test_a_task_for_a_body_outside_the_scope_is_refused_and_writes_nothing(tasks, workspace):
    svc = tasks("2026-09-29")
    before = (len(svc.list()), workspace.audit.entries()[0])
    for actor, body in ((ZHUZHOU, "county:430104"), (CHANGSHA, "dept:gxt"), (FIRM, "county:430104")):
        with pytest.raises(ForbiddenError):
            svc.new(actor, title="越权交办", body=body, deadline_workdays=3)
    assert (len(svc.list()), workspace.audit.entries()[0]) == before
    with pytest.raises(NotFoundError):
        svc.new(PROV, title="无此单位", body="county:999999", deadline_workdays=3)
    with pytest.raises(InputError):
        svc.new(PROV, title="太长", body="dept:gxt", deadline_workdays=251)
    with pytest.raises(InputError):
        svc.new(PROV, title="来源不明", body="dept:gxt", source_kind="rumour")


def test_only_a_supervisor_dates_a_task_in_the_past_and_never_in_the_future(tasks):
    svc = tasks("2026-10-13")
    with pytest.raises(ForbiddenError):
        svc.new(CHANGSHA, title="补录", body="county:430104", set_on=dt.date(2026, 9, 29))
    with pytest.raises(InputError):
        svc.new(PROV, title="未来", body="county:430104", set_on=dt.date(2026, 10, 14))
    assert svc.new(PROV, title="补录", body="county:430104", deadline_workdays=3,
                   set_on=dt.date(2026, 9, 29)).overdue


def test_the_catalogue_names_every_kind_of_body_with_its_superior(tasks):
    cat = tasks("2026-09-29").catalogue()
    assert cat.get("county:430104").name == "岳麓区人民政府" and cat.get("county:430104").superior == "city:430100"
    assert cat.get("city:430100").superior == "gov:province"
    assert cat.get("dept:gxt").name == "省工业和信息化厅" and cat.get("desk:enterprise").superior == "dept:gxt"
    assert len([b for b in cat.bodies.values() if b.kind == "city"]) == 14
