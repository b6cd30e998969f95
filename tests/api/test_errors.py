"""Every error of the API, whatever raised it, has the one shape of GaodiError.as_dict()."""

from __future__ import annotations

import pytest

from . import province

KEYS = {"code", "message", "message_en", "fix", "location", "details"}


def shape(r, status: int, code: str) -> dict:
    assert r.status_code == status, r.text
    body = r.json()
    assert set(body) == {"error"} and set(body["error"]) == KEYS
    assert body["error"]["code"] == code and body["error"]["message"]
    return body["error"]


def test_a_bad_query_parameter_is_400_bad_input_naming_the_parameter(client, login):
    err = shape(client.get("/api/enterprises?page=0", headers=login("prov")), 400, "bad_input")
    assert err["location"]["column"] == "query.page"


def test_an_unknown_sort_column_is_400_listing_the_choices(client, login):
    err = shape(client.get("/api/enterprises?sort=nonsense", headers=login("prov")), 400, "bad_input")
    assert "revenue" in err["fix"]


@pytest.mark.parametrize("path", ["/api/chains", "/api/regional/specialisation",
                                  "/api/evaluations/rankings/亩均效益-规上工业企业"])
def test_lists_computed_in_memory_refuse_an_unknown_sort_column_too(client, login, path):
    """The analytics' lists are sorted in memory (``sort_rows``): the same 400 as the store-backed lists."""
    rows = client.get(path, headers=login("prov")).json()["items"]
    assert rows  # 2 chains, 3 cities with activity, 5 above-scale enterprises graded
    err = shape(client.get(f"{path}?sort=nonsense", headers=login("prov")), 400, "bad_input")
    assert "nonsense" in err["message"] and next(iter(rows[0])) in err["fix"]


def test_an_unknown_address_is_404_not_found(client, login):
    shape(client.get("/api/no-such-thing", headers=login("prov")), 404, "not_found")


def test_an_unknown_enterprise_is_404_and_one_outside_the_scope_403(client, login):
    shape(client.get("/api/enterprises/91430000MA0000000X", headers=login("prov")), 404, "not_found")
    err = shape(client.get(f"/api/enterprises/{province.USCC['B1']}", headers=login("cs")), 403, "forbidden")
    assert err["details"]["scope"]["values"] == ["430100"]


def test_a_duplicate_account_is_409_conflict(client, login):
    body = {"username": "cs", "password": "another-password", "role": "city", "scope_value": "430100"}
    shape(client.post("/api/users", json=body, headers=login("admin")), 409, "conflict")


def test_a_year_without_data_is_400_naming_the_years_there_are(client, login):
    err = shape(client.get("/api/parks?year=2019", headers=login("prov")), 400, "bad_input")
    assert "2024" in err["fix"] and "2025" in err["fix"]
