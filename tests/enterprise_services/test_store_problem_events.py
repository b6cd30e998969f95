"""Problem events in the DuckDB store: round trip, hash verification after reopening, tamper detection,
append-only behaviour, illegal transitions refused with nothing written, and policy sets kept by version."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from gaodi.core import Gaodi
from gaodi.errors import ConflictError, InputError
from gaodi.enterprise_services import EnterpriseServices
from gaodi.problems.desk import ProblemSubmission
from gaodi.policies.rules import EXAMPLES
from gaodi.problems.events import CHINA_TZ, seal_event
from gaodi.store.problem_events import DuckDBProblemRepository

from .handmade_store import A, B

T0 = dt.datetime(2026, 2, 12, 9, 0, tzinfo=CHINA_TZ)


def _loop(svc: EnterpriseServices) -> str:
    """submit → accept → assign (5 working days on Thu 2026-02-12) → start → reply → close(2) → reopen."""
    p = svc.submit(ProblemSubmission(A, "扩产用地", "新增用地指标", "用地"), actor="张敏", at=T0)
    pid = p.problem_id
    svc.accept(pid, actor="张敏", at=T0 + dt.timedelta(hours=1))
    svc.assign(pid, department="自然资源局", deadline_workdays=5, actor="张敏", at=T0 + dt.timedelta(hours=2))
    svc.start(pid, actor="李工", at=T0 + dt.timedelta(hours=3))
    svc.reply(pid, reply="已纳入用地计划", actor="李工", at=dt.datetime(2026, 2, 26, 16, tzinfo=CHINA_TZ))
    svc.close(pid, satisfaction=2, actor="企业联系人", role="enterprise", at=dt.datetime(2026, 2, 27, 10, tzinfo=CHINA_TZ))
    svc.reopen(pid, reason="指标未落实", actor="企业联系人", at=dt.datetime(2026, 3, 2, 9, tzinfo=CHINA_TZ))
    return pid


@pytest.fixture
def file_ws(handmade, tmp_path):
    return handmade, tmp_path


def test_history_survives_reopening_the_file_store_and_its_hashes_verify(handmade_template, tmp_path):
    import shutil
    shutil.copytree(handmade_template, tmp_path / "ws")
    g = Gaodi.open(home=tmp_path / "ws")
    svc = EnterpriseServices(g)
    pid = _loop(svc)
    before = [e.as_dict() for e in svc.history(pid)]
    g.close()
    again = Gaodi.open(home=tmp_path / "ws")
    try:
        svc2 = EnterpriseServices(again)
        after = svc2.history(pid)
        assert [e.as_dict() for e in after] == before and len(after) == 7
        assert after[0].at.utcoffset() == dt.timedelta(hours=8)
        assert all(check.ok for check in svc2.verify())
        p = svc2.problem(pid)
        assert p.state == "in_progress" and p.reopen_count == 1 and p.head_hash == after[-1].hash
        assert p.park is None and p.region_code == "430102" and p.enterprise_name == "甲药业（测试）"
    finally:
        again.close()


def test_deadline_over_the_spring_festival_is_counted_in_official_working_days(handmade):
    """国办发明电〔2025〕7号: 春节 2月15日–23日放假, 2月14日(六)、2月28日(六)上班. Assigned Thu 2026-02-12 with 5
    working days: 13, 14 (Sat, working), 24, 25, 26 → due Thu 2026-02-26, replied that day: on time."""
    svc = EnterpriseServices(handmade)
    pid = _loop(svc)
    assign = svc.history(pid)[2]
    assert assign.payload["deadline"] == "2026-02-26"
    stats = svc.stats("department", dt.date(2026, 3, 2)).set_index("department")
    assert stats.loc["自然资源局", "on_time"] == 1 and stats.loc["自然资源局", "due"] == 1



def test_an_edited_stored_event_is_reported_as_altered(file_ws):
    g, _ = file_ws
    svc = EnterpriseServices(g)
    pid = _loop(svc)
    row = g.store.con.execute("SELECT event FROM problem_events WHERE problem_id = ? AND seq = 6", [pid]).fetchone()
    forged = json.loads(row[0])
    forged["payload_json"] = forged["payload_json"].replace('"satisfaction":2', '"satisfaction":5')
    # an attacker with direct database access; gaodi itself has no such statement
    g.store.con.execute("UPDATE problem_events SET event = ? WHERE problem_id = ? AND seq = 6",
                        [json.dumps(forged, ensure_ascii=False), pid])
    check = svc.verify(pid)[0]
    assert [(i.seq, i.kind) for i in check.issues] == [(6, "altered")]


def test_a_removed_middle_event_breaks_the_chain(file_ws):
    g, _ = file_ws
    svc = EnterpriseServices(g)
    pid = _loop(svc)
    g.store.con.execute("DELETE FROM problem_events WHERE problem_id = ? AND seq = 4", [pid])
    kinds = {i.kind for i in svc.verify(pid)[0].issues}
    assert {"sequence", "broken_link", "state_gap"} <= kinds


def test_illegal_transition_is_refused_with_a_clear_message_and_writes_nothing(handmade):
    g = handmade
    svc = EnterpriseServices(g)
    pid = svc.submit(ProblemSubmission(B, "招工难", "一线技工短缺", "用工"), actor="张敏", at=T0).problem_id
    count = svc.repository.event_count()
    with pytest.raises(ConflictError) as err:
        svc.close(pid, satisfaction=5, actor="企业联系人", role="enterprise", at=T0 + dt.timedelta(hours=1))
    assert err.value.message == (f"问题 {pid} 当前状态为「已提交」，不能办结评价；当前允许的操作："
                                 "受理(accept)、不予受理(reject)、撤回(withdraw)")
    assert svc.repository.event_count() == count and svc.problem(pid).state == "submitted"
    with pytest.raises(InputError):  # dated before the submission
        svc.accept(pid, actor="张敏", at=T0 - dt.timedelta(days=1))
    assert svc.repository.event_count() == count



def test_append_refuses_an_event_that_does_not_extend_the_history(handmade):
    g = handmade
    svc = EnterpriseServices(g)
    pid = svc.submit(ProblemSubmission(B, "招工难", "一线技工短缺", "用工"), actor="张敏", at=T0).problem_id
    head = svc.problem(pid).head_hash
    stale = seal_event(problem_id=pid, seq=1, action="accept", from_state="submitted", to_state="accepted",
                       actor="x", role="staff", at=T0, reason="", payload={}, prev_hash=head)
    with pytest.raises(ConflictError):
        svc.repository.append_event(stale)
    assert len(svc.history(pid)) == 1



def test_a_batch_that_fails_leaves_no_event_behind(handmade):
    g = handmade
    svc = EnterpriseServices(g)
    with pytest.raises(ConflictError), svc.repository.batch():
        pid = svc.submit(ProblemSubmission(B, "招工难", "一线技工短缺", "用工"), actor="张敏", at=T0).problem_id
        svc.close(pid, satisfaction=5, actor="企业联系人", role="enterprise", at=T0)
    assert svc.repository.event_count() == 0 and svc.problems() == []



def test_the_repository_offers_no_way_to_change_or_remove_an_event():
    public = {n for n in dir(DuckDBProblemRepository) if not n.startswith("_")}
    assert public == {"append_event", "batch", "events_for", "all_events", "problem_ids", "event_count"}


def test_policy_sets_are_kept_by_version_and_a_changed_text_needs_a_new_version(handmade, tmp_path):
    g = handmade
    svc = EnterpriseServices(g)
    first = svc.load_policies(examples=True)
    assert first["new"] and first["policies"] == 29 and svc.load_policies(examples=True)["new"] is False
    text = tmp_path / "p.yaml"
    text.write_text(EXAMPLES.read_text(encoding="utf-8").replace("amount: 600", "amount: 601"), encoding="utf-8")
    with pytest.raises(ConflictError):
        svc.load_policies(text)
    text.write_text(text.read_text(encoding="utf-8").replace('version: "2026.12"', 'version: "2026.13"'),
                    encoding="utf-8")
    svc.load_policies(text)
    assert [s["version"] for s in svc.policy_sets()] == ["2026.13", "2026.12"]
    assert svc.policy_set().version == "2026.13" and svc.policy_set(version="2026.12").get("CN-XJR-CENTRAL").benefit.amount == 600



@pytest.mark.parametrize("mistake, field", [
    ({"color": "red"}, "color"),
    ({"conditions": [{"attribute": "revenue", "op": "≈", "value": 1}]}, "conditions.all[0].op"),
    ({"valid_from": "2026-12-31", "valid_to": "2026-01-01"}, "valid_from"),
])
def test_a_bad_policy_file_is_rejected_naming_the_field_and_nothing_is_stored(handmade, tmp_path, mistake, field):
    import yaml
    g = handmade
    svc = EnterpriseServices(g)
    policy = {"id": "BAD-1", "name": "测试", "issuer": "测试", "level": "city", "region_scope": ["4301"],
              "valid_from": "2026-01-01", "mode": "auto", "benefit": {"kind": "fixed", "amount": 1}, **mistake}
    path = tmp_path / "bad.yaml"
    path.write_text(yaml.safe_dump({"rule_set": "bad", "version": "1", "policies": [policy]}, allow_unicode=True),
                    encoding="utf-8")
    with pytest.raises(InputError) as err:
        svc.load_policies(path)
    assert err.value.details["field"] == field and err.value.details["policy_id"] == "BAD-1"
    assert svc.policy_sets() == []


def test_an_ibis_query_runs_on_the_store_right_after_the_problem_events_are_read(handmade):
    """A DuckDB result left half-read (``fetchone``) refuses the next Ibis query on the connection."""
    svc = EnterpriseServices(handmade)
    _loop(svc)
    svc.repository.event_count()
    regions = handmade.store.table("regions")
    assert handmade.store.execute(regions.count()) > 0
