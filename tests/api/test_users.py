"""Accounts over the API: administrators create them with a role and a scope that must exist."""

from __future__ import annotations

import pytest


def test_an_administrator_creates_a_park_account_that_can_log_in(client, login):
    body = {"username": "pb-user", "password": "park-b-password", "role": "park", "scope_value": "PB",
            "display_name": "乙园区管委会"}
    r = client.post("/api/users", json=body, headers=login("admin"))
    assert r.status_code == 201 and r.json()["scope"]["values"] == ["PB"]
    token = client.post("/api/auth/login", json={"username": "pb-user", "password": "park-b-password"}).json()
    assert token["user"]["display_name"] == "乙园区管委会"
    listed = {u["username"]: u for u in client.get("/api/users", headers=login("admin")).json()}
    assert listed["pb-user"]["scope_kind"] == "park" and "password_hash" not in listed["pb-user"]


@pytest.mark.parametrize("body,code", [
    ({"username": "x1", "password": "long-enough-1", "role": "city", "scope_value": "439900"}, "bad_input"),
    ({"username": "x2", "password": "long-enough-2", "role": "mayor"}, "bad_input"),
    ({"username": "x3", "password": "long-enough-3", "role": "city"}, "bad_input"),
    ({"username": "x4", "password": "long-enough-4", "role": "province", "scope_value": "430100"}, "bad_input"),
])
def test_a_role_with_a_missing_or_unknown_scope_is_refused(client, login, body, code):
    r = client.post("/api/users", json=body, headers=login("admin"))
    assert r.status_code == 400 and r.json()["error"]["code"] == code


def test_a_province_analyst_may_not_create_accounts(client, login):
    body = {"username": "x5", "password": "long-enough-5", "role": "province"}
    assert client.post("/api/users", json=body, headers=login("prov")).status_code == 403


def test_an_administrator_cannot_disable_their_own_account(client, login):
    r = client.post("/api/users/admin/disable", headers=login("admin"))
    assert r.status_code == 409 and r.json()["error"]["code"] == "conflict"


@pytest.mark.parametrize("action", ["disable", "enable", "revoke"])
def test_only_administrators_manage_accounts(client, login, action):
    assert client.post(f"/api/users/cs/{action}", headers=login("prov")).status_code == 403
    assert client.post(f"/api/users/no-such-user/{action}", headers=login("admin")).status_code == 404


def test_managing_accounts_is_audited(client, login, workspace):
    from gaodi.access.accounts import create_user
    from gaodi.store import audit

    create_user(workspace.store, "audited", "audited-password", "province")
    admin = login("admin")
    client.post("/api/users/audited/revoke", headers=admin)
    client.post("/api/users/audited/password", json={"password": "reset-password-1"}, headers=admin)
    client.post("/api/users/audited/disable", headers=admin)
    _, rows = audit.entries(workspace.store, username="admin", limit=3)
    assert [(r["action"], r["resource"]) for r in rows] == [
        ("disable_user", "user:audited"), ("reset_password", "user:audited"), ("revoke_tokens", "user:audited")]
