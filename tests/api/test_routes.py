"""Every route of the OpenAPI description answers; the description itself is served."""

from __future__ import annotations

import pytest

from . import province

U = province.USCC
# one concrete call per GET route of the API, as the province analyst (the monitor is in test_monitor)
CALLS = {
    "/api/health": "/api/health",
    "/api/auth/me": "/api/auth/me",
    "/api/regions/cities": "/api/regions/cities",
    "/api/regions/cities/{city_code}": "/api/regions/cities/430200",
    "/api/regions/map": "/api/regions/map",
    "/api/parks": "/api/parks",
    "/api/parks/{park_id}": "/api/parks/PB",
    "/api/enterprises": "/api/enterprises",
    "/api/enterprises/{uscc}": f"/api/enterprises/{U['B2']}",
    "/api/plans": "/api/plans",
    "/api/plans/{plan_id}": "/api/plans/hunan_15th_manufacturing_2026",
    "/api/monitor/periods": "/api/monitor/periods",
    "/api/policies": "/api/policies",
    "/api/policies/{policy_id}/enterprises": "/api/policies/CN-RD-DEDUCTION/enterprises",
    "/api/policies/enterprise/{uscc}": f"/api/policies/enterprise/{U['A1']}",
    "/api/ladders": "/api/ladders",
    "/api/ladders/enterprise/{uscc}": f"/api/ladders/enterprise/{U['A1']}",
    "/api/ladders/candidates": "/api/ladders/candidates?rung=专精特新",
    "/api/ladders/nearest": "/api/ladders/nearest?rung=专精特新",
    "/api/chains/{chain_id}/segments/{segment_id}/enterprises": "/api/chains/T/segments/T-U1/enterprises",
    "/api/ladders/funnel": "/api/ladders/funnel?rung=专精特新",
    "/api/imports/kinds": "/api/imports/kinds",
    "/api/imports": "/api/imports",
    "/api/chains": "/api/chains",
    "/api/chains/{chain_id}": "/api/chains/T",
    "/api/chains/{chain_id}/rates": "/api/chains/T/rates?by=segment,city",
    "/api/chains/{chain_id}/leakage": "/api/chains/T/leakage?by=region",
    "/api/chains/{chain_id}/gaps": "/api/chains/T/gaps",
    "/api/chains/{chain_id}/targets": "/api/chains/T/targets",
    "/api/chains/{chain_id}/targets/{segment_id}/suppliers": "/api/chains/T/targets/T-U1/suppliers",
    "/api/chains/{chain_id}/projects": "/api/chains/T/projects",
    "/api/chains/{chain_id}/graph": "/api/chains/T/graph",
    "/api/evaluations/rulesets": "/api/evaluations/rulesets",
    "/api/evaluations/rankings/{name}": "/api/evaluations/rankings/亩均效益-规上工业企业",
    "/api/evaluations/rankings/{name}/{alt_id}": "/api/evaluations/rankings/集群竞赛/K1",
    "/api/evaluations/movement/{name}": "/api/evaluations/movement/亩均效益-规上工业企业",
    "/api/evaluations/dynamic/{name}": "/api/evaluations/dynamic/集群竞赛?years=2025",
    "/api/evaluations/cluster-ladder": "/api/evaluations/cluster-ladder",
    "/api/problems/options": "/api/problems/options",
    "/api/problems": "/api/problems",
    "/api/problems/stats": "/api/problems/stats",
    "/api/regional/options": "/api/regional/options",
    "/api/regional/industries": "/api/regional/industries",
    "/api/regional/specialisation": "/api/regional/specialisation",
    "/api/regional/location-quotients": "/api/regional/location-quotients",
    "/api/regional/clusters": "/api/regional/clusters",
    "/api/regional/shift-share": "/api/regional/shift-share",
    "/api/regional/complexity/regions": "/api/regional/complexity/regions",
    "/api/regional/complexity/industries": "/api/regional/complexity/industries",
    "/api/regional/opportunities": "/api/regional/opportunities?region=430100",
    "/api/regional/map": "/api/regional/map",
    "/api/regional/boundaries": "/api/regional/boundaries?level=county",
    "/api/reports/kinds": "/api/reports/kinds",
    "/api/reports/files": "/api/reports/files",
    "/api/catalog/industries/{code}": "/api/catalog/industries/3741",
    "/api/catalog/regions/{code}": "/api/catalog/regions/430124",
    "/api/catalog/terms": "/api/catalog/terms",
    "/api/cockpit": "/api/cockpit?period=2025",
    "/api/audit": "/api/audit",
    "/api/audit/verify": "/api/audit/verify",
    "/api/users": "/api/users",
    "/api/calendar/years": "/api/calendar/years",
    "/api/users/roles": "/api/users/roles",
    "/api/tasks": "/api/tasks",
    "/api/tasks/bodies": "/api/tasks/bodies",
    "/api/notifications": "/api/notifications",
    "/api/notifications/unread": "/api/notifications/unread",
    "/api/enterprises/choices": "/api/enterprises/choices?q=企业",
    "/api/problems/departments": "/api/problems/departments",
}
OTHER = {"/api/monitor", "/api/auth/login", "/api/imports/{kind}",  # exercised in their own modules
         "/api/monitor/targets", "/api/monitor/why",
         "/api/problems/{problem_id}", "/api/problems/{problem_id}/{action}", "/api/problems/batch",
         "/api/reports", "/api/reports/files/{report_id}", "/api/calendar/arrangements",
         "/api/auth/password", "/api/users/{username}/disable", "/api/users/{username}/enable",  # test_auth
         "/api/users/{username}/password", "/api/users/{username}/revoke",
         "/api/tasks/{task_id}", "/api/tasks/{task_id}/{action}", "/api/notifications/read",  # test_tasks
         "/api/imports/{kind}/template", "/api/imports/{kind}/export", "/api/imports/{kind}/headers",  # files
         "/api/warnings", "/api/warnings/run", "/api/warnings/rules", "/api/warnings/counts",  # test_warnings
         "/api/warnings/{alert_id}", "/api/warnings/{alert_id}/{action}"}


def test_the_openapi_description_lists_exactly_the_routes_tested(client):
    spec = client.get("/api/openapi.json").json()
    assert spec["info"]["title"] == "高地 gaodi API"
    assert set(spec["paths"]) == set(CALLS) | OTHER
    assert "bearer" in str(spec["components"]["securitySchemes"]).lower()


@pytest.mark.parametrize("route", sorted(CALLS))
def test_every_get_route_answers_the_administrator(client, login, route):
    r = client.get(CALLS[route], headers=login("admin"))
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("application/json")


def test_an_enterprise_sees_its_policies_with_each_condition_explained(client, login):
    body = client.get(f"/api/policies/enterprise/{U['A1']}", headers=login("a1")).json()
    rd = next(p for p in body["policies"] if p["policy_id"] == "CN-RD-DEDUCTION")
    assert rd["verdict"] == "qualifies"
    assert all({"attribute", "holds", "text"} <= set(c) for c in rd["checks"])


def test_the_policy_profile_sizes_enterprises_by_the_2017_rules(client, login):
    """国统字〔2017〕213号, industry: 中型 needs ≥ 300 people and ≥ 2 000 万元; A1 has 100 people and
    50 000 万元, so 小型 (≥ 20 people and ≥ 300 万元)."""
    body = client.get(f"/api/policies/enterprise/{U['A1']}", headers=login("a1")).json()
    assert body["profile"]["size_class"] == "小型"
    assert body["profile"]["titles"] == ["专精特新小巨人:国家级"]
