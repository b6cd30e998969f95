"""Scopes are enforced in the core queries: lists never hold rows outside the scope, single records 403.

Expected memberships come from the table in ``province.py``: 长沙 = A1 A2 A3, 株洲 = B1 B2, park PA =
A1 A3, chain T = A3 B1 (class 3511), B2 (class 3240), C1 (placed by hand), enterprise a1 = A1.
"""

from __future__ import annotations

import pytest

from . import province

U = province.USCC
EXPECTED_FIRMS = {
    "prov": set(province.FIRMS), "cs": {"A1", "A2", "A3"}, "zz": {"B1", "B2"}, "pa": {"A1", "A3"},
    "chain": {"A3", "B1", "B2", "C1"}, "a1": {"A1"},
}
EXPECTED_PARKS = {"prov": {"PA", "PB"}, "cs": {"PA"}, "zz": {"PB"}, "pa": {"PA"}, "chain": {"PA", "PB"},
                  "a1": {"PA"}}
BY_USCC = {v: k for k, v in U.items()}


def keys(client, headers, path: str, key: str) -> set[str]:
    r = client.get(path, headers=headers, params={"page_size": 500})
    assert r.status_code == 200, r.text
    return {item[key] for item in r.json()["items"]}


@pytest.mark.parametrize("user", sorted(EXPECTED_FIRMS))
def test_the_enterprise_list_holds_exactly_the_scope(client, login, user):
    found = keys(client, login(user), "/api/enterprises", "uscc")
    assert {BY_USCC[u] for u in found} == EXPECTED_FIRMS[user]


@pytest.mark.parametrize("user", sorted(EXPECTED_PARKS))
def test_the_park_list_holds_exactly_the_scope(client, login, user):
    assert keys(client, login(user), "/api/parks", "park_id") == EXPECTED_PARKS[user]


@pytest.mark.parametrize("user,cities", [("prov", 14), ("chain", 14), ("cs", 1), ("pa", 1), ("a1", 1), ("zz", 1)])
def test_the_city_list_holds_the_cities_the_scope_reaches(client, login, user, cities):
    found = keys(client, login(user), "/api/regions/cities", "city_code")
    assert len(found) == cities
    if cities == 1:
        assert found == ({"430200"} if user == "zz" else {"430100"})


@pytest.mark.parametrize("path", ["/api/policies/CN-RD-DEDUCTION/enterprises", "/api/ladders/candidates?rung=小巨人"])
@pytest.mark.parametrize("user", ["cs", "zz", "pa", "chain", "a1"])
def test_analytic_lists_never_reach_outside_the_scope(client, login, user, path):
    r = client.get(path, headers=login(user))
    assert r.status_code == 200, r.text
    assert {BY_USCC[i["uscc"]] for i in r.json()["items"]} <= EXPECTED_FIRMS[user]


@pytest.mark.parametrize("path", [
    f"/api/enterprises/{U['B1']}", f"/api/policies/enterprise/{U['B1']}", f"/api/ladders/enterprise/{U['B1']}",
    "/api/parks/PB", "/api/regions/cities/430200", "/api/monitor?area=430200", "/api/monitor?area=PB",
])
def test_a_city_user_asking_for_another_citys_data_gets_403(client, login, path):
    r = client.get(path, headers=login("cs"))
    assert r.status_code == 403, r.text
    assert r.json()["error"]["code"] == "forbidden"


@pytest.mark.parametrize("user,allowed,denied", [
    ("pa", "A3", "A2"), ("chain", "C1", "A1"), ("a1", "A1", "A3"), ("zz", "B2", "C1")])
def test_single_enterprise_reads_follow_the_scope(client, login, user, allowed, denied):
    assert client.get(f"/api/enterprises/{U[allowed]}", headers=login(user)).status_code == 200
    assert client.get(f"/api/enterprises/{U[denied]}", headers=login(user)).status_code == 403


def test_filters_cannot_widen_a_scope(client, login):
    """A city user filtering on another city gets an empty list, not that city's enterprises."""
    r = client.get("/api/enterprises", params={"city": "430200"}, headers=login("cs"))
    assert r.json()["total"] == 0
    r = client.get("/api/parks", params={"city": "430200"}, headers=login("cs"))
    assert r.json()["total"] == 0


@pytest.mark.parametrize("user,status", [("admin", 200), ("prov", 403), ("cs", 403)])
def test_only_administrators_read_the_audit_log_and_accounts(client, login, user, status):
    assert client.get("/api/audit", headers=login(user)).status_code == status
    assert client.get("/api/users", headers=login(user)).status_code == status


@pytest.mark.parametrize("user,status", [("admin", 200), ("prov", 200), ("cs", 403), ("a1", 403)])
def test_only_province_roles_see_the_import_log(client, login, user, status):
    assert client.get("/api/imports", headers=login(user)).status_code == status
