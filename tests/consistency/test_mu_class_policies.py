"""The 亩均 class reaches the policy calculator from the evaluation (issue 15, item 5).

Classes of 2025 from the worked example of ``tests/api/province_evaluations.py`` (worked by hand there):
A1 A, B1 B, A2 B, B2 C, C1 D; A3 is below scale, so it is not graded. T-MU-AB asks for class A or B and
revenue ≥ 35 000 万元 (``tests/consistency/conftest.py``).
"""

from __future__ import annotations

import datetime as dt

from tests.api.province import FIRMS, USCC
from tests.consistency.conftest import AS_OF, YEAR

U = {v: k for k, v in USCC.items()}
WORKED_CLASSES = {"A1": "A", "B1": "B", "A2": "B", "B2": "C", "C1": "D"}


def test_policy_on_mu_class_qualifies_exactly_the_graded_enterprises_meeting_its_other_conditions(core, ask, api):
    expected = sorted(k for k, cls in WORKED_CLASSES.items() if cls in ("A", "B") and FIRMS[k][4] >= 35000)
    assert expected == ["A1", "B1"]  # A2 is B but has 30 000 万元
    found = core.policies.policy_enterprises("T-MU-AB", dt.date.fromisoformat(AS_OF), YEAR)
    qualifying = sorted(U[u] for u in found.enterprises.uscc[found.enterprises.verdict == "qualifies"])
    assert qualifying == expected and found.qualifies == len(expected)
    cli = ask("policy", "match", "--policy", "T-MU-AB", "--as-of", AS_OF, "--year", str(YEAR))
    body = api("/policies/T-MU-AB/enterprises", year=YEAR, as_of=AS_OF, page_size=500)
    in_api = sorted(U[r["uscc"]] for r in body["items"] if r["verdict"] == "qualifies")
    assert cli["qualifies"] == len(expected) and in_api == expected


def test_an_enterprise_the_evaluation_did_not_grade_has_no_mu_class_not_a_d(core):
    attributes = core.policies.attributes(USCC["A3"], dt.date.fromisoformat(AS_OF), YEAR)
    assert attributes["mu_class"] is None
    assert core.policies.attributes(USCC["C1"], dt.date.fromisoformat(AS_OF), YEAR)["mu_class"] == "D"
    checks = core.policies.explain(USCC["A3"], "T-MU-AB", dt.date.fromisoformat(AS_OF), YEAR)
    assert any(c.attribute == "mu_class" and c.missing and not c.holds for c in checks)


def test_park_page_shows_its_enterprises_classes_open_problems_and_policies(api):
    """PB holds B1 (B) and B2 (C); B1's 融资 problem is open (conftest._problems); B1 qualifies for T-MU-AB."""
    body = api("/parks/PB", year=YEAR, as_of=AS_OF)
    assert body["mu_classes"] == {"counts": {"A": 0, "B": 1, "C": 1, "D": 0}, "graded": 2, "enterprises": 2}
    assert body["open_problem_count"] == 1 and body["open_problems"][0]["uscc"] == USCC["B1"]
    by_policy = {p["policy_id"]: p["qualifies"] for p in body["policies"]["items"]}
    assert by_policy["T-MU-AB"] == 1


def test_enterprise_page_shows_its_mu_class_with_year_and_its_open_problems(api):
    a1, b1, a3 = (api(f"/enterprises/{USCC[k]}") for k in ("A1", "B1", "A3"))
    assert (a1["mu"]["class"], a1["mu"]["year"], a1["mu"]["rank"]) == ("A", YEAR, 1)
    assert a1["open_problems"] == []  # closed within its deadline
    assert [p["category"] for p in b1["open_problems"]] == ["融资"]
    assert a3["mu"] is None and a3["mu_year"] == YEAR
