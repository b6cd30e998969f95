"""The closed loop of enterprise problems: transitions, refusals, roles and the deadline in working days.

Deadlines are checked against the official 2026 arrangement (国办发明电〔2025〕7号, see test_calendar).
"""

import dataclasses
import datetime as dt

import pytest

from gaodi.errors import ConflictError, ForbiddenError, InputError, NotFoundError
from gaodi.problems.desk import ProblemDesk, ProblemSubmission
from gaodi.problems.events import CHINA_TZ
from gaodi.problems.repository import InMemoryProblemRepository, ProblemRepository
from gaodi.problems.states import TRANSITIONS, Action, State, allowed_actions

USCC = "91430100MA4L16JQ9D"  # check digit computed per GB 32100-2015 (invented enterprise)


def at(day: int, month: int = 2, hour: int = 10) -> dt.datetime:
    return dt.datetime(2026, month, day, hour, tzinfo=CHINA_TZ)


def new_desk() -> ProblemDesk:
    return ProblemDesk(InMemoryProblemRepository())


def submission(**changes) -> ProblemSubmission:
    base = {"uscc": USCC, "title": "配电增容审批慢", "description": "新产线需增容 2000 千伏安，供电方案三周未批复",
                "category": "用能", "chain": "工程机械", "park": "长沙经开区", "region_code": "430121"}
    return ProblemSubmission(**{**base, **changes})


def drive(desk: ProblemDesk, state: State, pid: str = "P1") -> str:
    """Bring problem ``pid`` to ``state`` along the ordinary path."""
    desk.submit(submission(), actor="企业联络员", problem_id=pid, at=at(10))
    steps = {
        State.ACCEPTED: [lambda: desk.accept(pid, actor="服务专员", at=at(11))],
        State.REJECTED: [lambda: desk.reject(pid, reason="不属于涉企问题", actor="服务专员", at=at(11))],
        State.WITHDRAWN: [lambda: desk.withdraw(pid, reason="已自行解决", actor="企业联络员", at=at(11))],
    }
    path = [lambda: desk.accept(pid, actor="服务专员", at=at(11)),
            lambda: desk.assign(pid, department="国网长沙供电公司", deadline_workdays=5, actor="服务专员", at=at(12)),
            lambda: desk.start(pid, actor="供电公司", at=at(13)),
            lambda: desk.reply(pid, reply="已批复供电方案", actor="供电公司", at=at(25)),
            lambda: desk.close(pid, satisfaction=5, actor="企业联络员", at=at(26))]
    order = [State.SUBMITTED, State.ACCEPTED, State.ASSIGNED, State.IN_PROGRESS, State.REPLIED, State.CLOSED]
    if state in (State.REJECTED, State.WITHDRAWN):
        steps[state][0]()
    else:
        for step in path[: order.index(state)]:
            step()
    assert desk.get(pid).state == state
    return pid


def test_problem_goes_around_the_loop_and_deadline_skips_spring_festival():
    desk = new_desk()
    pid = drive(desk, State.CLOSED)
    problem = desk.get(pid)
    assert problem.department == "国网长沙供电公司"
    assert problem.deadline == dt.date(2026, 2, 26)  # assigned Thu 2-12, 5 working days (see test_calendar)
    assert problem.satisfaction == 5 and problem.reply_count == 1 and problem.late_reply_count == 0
    assert [e.action for e in desk.history(pid)] == ["submit", "accept", "assign", "start", "reply", "close"]
    assert desk.verify(pid).ok


def _request(desk: ProblemDesk, action: Action, pid: str):
    """The most plausible request for each action, with valid content, so only the state can object."""
    when = at(27)
    calls = {
        Action.SUBMIT: lambda: desk.submit(submission(), actor="企业", problem_id=pid, at=when),
        Action.ACCEPT: lambda: desk.accept(pid, actor="专员", at=when),
        Action.REJECT: lambda: desk.reject(pid, reason="重复", actor="专员", at=when),
        Action.ASSIGN: lambda: desk.assign(pid, department="市发改委", deadline_workdays=5, actor="专员", at=when),
        Action.TRANSFER: lambda: desk.transfer(pid, department="市发改委", reason="职能调整", actor="专员", at=when),
        Action.START: lambda: desk.start(pid, actor="部门", at=when),
        Action.REPLY: lambda: desk.reply(pid, reply="答复", actor="部门", at=when),
        Action.CLOSE: lambda: desk.close(pid, satisfaction=4, actor="企业", at=when),
        Action.REOPEN: lambda: desk.reopen(pid, reason="未解决", actor="企业", at=when),
        Action.WITHDRAW: lambda: desk.withdraw(pid, reason="不再需要", actor="企业", at=when),
    }
    return calls[action]()


ILLEGAL = [(s, a) for s in State for a in Action if s not in TRANSITIONS[a]]


@pytest.mark.parametrize(("state", "action"), ILLEGAL, ids=[f"{s}-{a}" for s, a in ILLEGAL])
def test_every_illegal_transition_is_refused_and_changes_nothing(state, action):
    desk = new_desk()
    pid = drive(desk, state)
    before = desk.history(pid)
    with pytest.raises(ConflictError) as err:
        _request(desk, action, pid)
    assert desk.history(pid) == before
    assert desk.get(pid).state == state
    assert err.value.details["state"] == state
    assert err.value.details["allowed_actions"] == [str(a) for a in allowed_actions(state)]
    assert state.value in err.value.message_en


def test_closing_an_unassigned_problem_names_the_state_and_the_allowed_actions():
    desk = new_desk()
    pid = drive(desk, State.SUBMITTED)
    with pytest.raises(ConflictError) as err:
        desk.close(pid, satisfaction=5, actor="企业", at=at(12))
    assert err.value.message == ("问题 P1 当前状态为「已提交」，不能办结评价；"
                                 "当前允许的操作：受理(accept)、不予受理(reject)、撤回(withdraw)")
    assert err.value.message_en == "Problem P1 is submitted; cannot close. Allowed actions: accept, reject, withdraw"


def test_rating_before_the_reply_is_a_conflict_even_with_an_invalid_rating():
    desk = new_desk()
    pid = drive(desk, State.IN_PROGRESS)
    with pytest.raises(ConflictError):
        desk.close(pid, satisfaction=9, actor="企业", at=at(20))
    assert desk.get(pid).state == State.IN_PROGRESS


def test_rating_outside_one_to_five_is_refused_after_the_reply():
    desk = new_desk()
    pid = drive(desk, State.REPLIED)
    n = len(desk.history(pid))
    for bad in (0, 6, 4.5, True):
        with pytest.raises(InputError):
            desk.close(pid, satisfaction=bad, actor="企业", at=at(26))
    assert len(desk.history(pid)) == n


def test_a_department_cannot_close_on_behalf_of_the_enterprise():
    desk = new_desk()
    pid = drive(desk, State.REPLIED)
    with pytest.raises(ForbiddenError):
        desk.close(pid, satisfaction=5, actor="供电公司", role="department", at=at(26))
    assert desk.get(pid).state == State.REPLIED


def test_reopening_a_closed_problem_clears_the_rating_and_sets_a_new_deadline():
    desk = new_desk()
    pid = drive(desk, State.CLOSED)
    p = desk.reopen(pid, reason="增容后仍频繁跳闸", actor="企业联络员", at=at(27))
    assert p.state == State.IN_PROGRESS and p.satisfaction is None and p.reopen_count == 1
    # Reopened Fri 2-27; 5 working days: Sat 2-28 (调休上班), Mon 3-2, Tue 3-3, Wed 3-4, Thu 3-5.
    assert p.deadline == dt.date(2026, 3, 5)
    assert p.department == "国网长沙供电公司"


def test_reopening_to_assigned_can_hand_the_problem_to_another_department():
    desk = new_desk()
    pid = drive(desk, State.REPLIED)
    p = desk.reopen(pid, reason="需发改部门协调", to="assigned", department="长沙市发改委", deadline_workdays=10,
                    actor="服务专员", role="staff", at=at(26))
    assert p.state == State.ASSIGNED and p.department == "长沙市发改委" and p.deadline_workdays == 10


def test_a_late_reply_is_counted_against_the_deadline_in_force():
    desk = new_desk()
    pid = drive(desk, State.IN_PROGRESS)  # deadline 2026-02-26
    p = desk.reply(pid, reply="已协调", actor="供电公司", at=at(27))
    assert p.late_reply_count == 1


def test_transfer_restarts_the_clock_and_requires_another_department_and_a_reason():
    desk = new_desk()
    pid = drive(desk, State.IN_PROGRESS)
    with pytest.raises(InputError):
        desk.transfer(pid, department="国网长沙供电公司", reason="换人", actor="专员", at=at(24))
    with pytest.raises(InputError):
        desk.transfer(pid, department="长沙市发改委", reason=" ", actor="专员", at=at(24))
    p = desk.transfer(pid, department="长沙市发改委", reason="涉及电网规划", actor="专员", at=at(24))
    # Transferred Tue 2-24; 5 working days: Wed 25, Thu 26, Fri 27, Sat 28 (调休上班), Mon 3-2.
    assert p.state == State.ASSIGNED and p.deadline == dt.date(2026, 3, 2)


def test_events_cannot_go_back_in_time_and_unknown_problems_are_not_found():
    desk = new_desk()
    pid = drive(desk, State.ACCEPTED)
    with pytest.raises(InputError):
        desk.assign(pid, department="市发改委", deadline_workdays=5, actor="专员", at=at(10, hour=9))
    with pytest.raises(NotFoundError):
        desk.accept("NOPE", actor="专员", at=at(12))


def test_submission_with_a_bad_credit_code_is_refused_and_nothing_is_recorded():
    repo = InMemoryProblemRepository()
    desk = ProblemDesk(repo)
    with pytest.raises(InputError) as err:
        desk.submit(submission(uscc="91430100MA4L16JQ9X"), actor="企业", at=at(10))
    assert err.value.details["issues"][0]["field"] == "uscc"
    assert list(repo.all_events()) == []


def test_submitting_twice_under_one_id_is_a_conflict():
    desk = new_desk()
    drive(desk, State.SUBMITTED)
    with pytest.raises(ConflictError):
        desk.submit(submission(), actor="企业", problem_id="P1", at=at(11))


def test_events_are_frozen_and_their_payload_is_a_copy():
    desk = new_desk()
    pid = drive(desk, State.ASSIGNED)
    event = desk.history(pid)[2]
    with pytest.raises(dataclasses.FrozenInstanceError):
        event.to_state = "closed"
    event.payload["department"] = "别的部门"
    assert desk.history(pid)[2].payload["department"] == "国网长沙供电公司"
    assert isinstance(desk.repository, ProblemRepository)
