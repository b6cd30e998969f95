"""Every write and every read of an enterprise's confidential data leaves an audit entry."""

from __future__ import annotations

from gaodi.store import audit

from . import province


def latest(workspace, username: str, action: str) -> dict:
    total, entries = audit.entries(workspace.store, username=username, action=action, limit=1)
    assert total >= 1, f"no {action} entry for {username}"
    return entries[0]


def test_reading_an_enterprise_is_audited_with_user_resource_and_client(client, login, workspace):
    client.get(f"/api/enterprises/{province.USCC['A2']}", headers=login("cs"))
    entry = latest(workspace, "cs", "read_enterprise")
    assert entry["resource"] == f"enterprise:{province.USCC['A2']}"
    assert entry["client"] == "testclient" and entry["occurred_at"] is not None


def test_listing_enterprises_and_reading_their_policies_are_audited(client, login, workspace):
    client.get("/api/enterprises", params={"q": "A"}, headers=login("zz"))
    assert "'q': 'A'" in latest(workspace, "zz", "list_enterprises")["detail"]
    client.get(f"/api/policies/enterprise/{province.USCC['A1']}", headers=login("a1"))
    assert latest(workspace, "a1", "read_enterprise_policies")["resource"].endswith(province.USCC["A1"])


def test_logins_and_account_creation_are_audited(client, login, workspace):
    client.post("/api/auth/login", json={"username": "pa", "password": "not-this-one"})
    assert latest(workspace, "pa", "login_failed")
    body = {"username": "yy", "password": "yueyang-password", "role": "city", "scope_value": "430600"}
    assert client.post("/api/users", json=body, headers=login("admin")).status_code == 201
    assert "scope=市 430600" in latest(workspace, "admin", "create_user")["detail"]


def test_the_audit_log_pages_newest_first(client, login):
    body = client.get("/api/audit", params={"page_size": 5}, headers=login("admin")).json()
    ids = [e["audit_id"] for e in body["items"]]
    assert ids == sorted(ids, reverse=True) and len(ids) == 5
