"""The demo loader on the tiny hand-made store: policies, twelve monthly 送解优 sheets, a year of real histories."""

from __future__ import annotations

from gaodi.demo.services import DEMO_END, DEMO_MONTHS, PROBLEMS_PER_SIZE, load_demo_services
from gaodi.enterprise_services import EnterpriseServices
from gaodi.problems.intake import read_collection_file

from .handmade_store import A, B, C


def test_demo_year_goes_through_the_sheets_and_the_desk_and_runs_only_once(handmade):
    result = load_demo_services(handmade, "small")
    svc = EnterpriseServices(handmade)
    assert result.policy_set["policies"] == 29 and len(result.files) == len(DEMO_MONTHS) == 12
    sheet = read_collection_file(result.files[3])  # 2026-02, read back by the intake path itself
    assert sheet.ok and len(sheet.submissions) == PROBLEMS_PER_SIZE["small"] // 12
    problems = svc.problems()
    assert result.problems == len(problems) == PROBLEMS_PER_SIZE["small"]
    assert {p.uscc for p in problems} <= {A, B, C} and {p.source for p in problems} == {"batch"}
    assert {"closed", "rejected", "withdrawn", "in_progress"} <= set(result.states)
    assert any(p.reopen_count for p in problems) and any(p.late_reply_count for p in problems)
    assert all(1 <= p.satisfaction <= 5 for p in problems if p.state == "closed")
    assert all(p.last_event_at <= DEMO_END for p in problems) and result.overdue_on_end >= 1
    assert all(check.ok for check in svc.verify())
    # 乙 sits in a park: rows left blank in the sheet were filled from the store
    assert {p.park for p in problems if p.uscc == B} == {"宁乡经济技术开发区（测试）"}
    again = load_demo_services(handmade, "small")
    assert (again.problems, again.events) == (result.problems, result.events)
