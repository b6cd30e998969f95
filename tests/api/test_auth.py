"""Logging in: tokens, hashed passwords, the login limiter and production's refusal of the default secret."""

from __future__ import annotations

import datetime as dt

import pytest
from fastapi.testclient import TestClient

from gaodi.access.tokens import issue_token
from gaodi.api import ApiSettings, create_app
from gaodi.api.settings import DEFAULT_SECRET
from gaodi.errors import ConfigurationError
from gaodi.store import users as user_store

from . import province


def test_login_returns_a_token_and_the_account_with_its_scope(client):
    r = client.post("/api/auth/login", json={"username": "cs", "password": province.PASSWORD})
    assert r.status_code == 200
    body = r.json()
    assert body["token_type"] == "bearer" and body["expires_in"] == 480 * 60
    assert body["user"]["role"] == "city"
    assert body["user"]["scope"] == {"kind": "city", "values": ["430100"], "label": "市 430100"}
    me = client.get("/api/auth/me", headers={"Authorization": f"Bearer {body['access_token']}"})
    assert me.json()["username"] == "cs"


def test_passwords_are_stored_as_argon2id_hashes_never_as_text(workspace):
    record = user_store.find_user(workspace.store, "cs")
    assert record["password_hash"].startswith("$argon2id$")
    assert province.PASSWORD not in record["password_hash"]


def test_wrong_password_is_401_in_the_one_error_shape(client):
    r = client.post("/api/auth/login", json={"username": "cs", "password": "wrong-password"})
    assert r.status_code == 401
    assert r.json()["error"]["code"] == "unauthenticated"
    assert r.headers["WWW-Authenticate"] == "Bearer"


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer not-a-token"}])
def test_requests_without_a_valid_token_are_401(client, headers):
    r = client.get("/api/enterprises", headers=headers)
    assert r.status_code == 401
    assert r.json()["error"]["code"] == "unauthenticated"


def test_an_expired_or_foreign_token_is_refused(client):
    old = issue_token("cs", DEFAULT_SECRET, dt.timedelta(minutes=5), now=dt.datetime(2020, 1, 1, tzinfo=dt.UTC))
    foreign = issue_token("cs", "another-secret-of-sufficient-length-000", dt.timedelta(minutes=5))
    for token in (old, foreign):
        r = client.get("/api/auth/me", headers={"Authorization": f"Bearer {token}"})
        assert r.status_code == 401


def test_login_is_refused_with_429_after_the_allowed_failures(workspace):
    """With 2 attempts allowed per window: 2 failures answer 401, the third try 429 even with the right password."""
    limited = TestClient(create_app(workspace, ApiSettings(login_attempts=2, serve_ui=False)))
    for _ in range(2):
        assert limited.post("/api/auth/login", json={"username": "zz", "password": "nope-nope"}).status_code == 401
    r = limited.post("/api/auth/login", json={"username": "zz", "password": province.PASSWORD})
    assert r.status_code == 429
    assert r.json()["error"]["code"] == "rate_limited"
    assert int(r.headers["Retry-After"]) > 0


def test_production_mode_refuses_the_default_secret_and_a_short_one(workspace):
    for secret in (DEFAULT_SECRET, "short-secret"):
        with pytest.raises(ConfigurationError):
            create_app(workspace, ApiSettings(production=True, secret_key=secret, serve_ui=False))
    app = create_app(workspace, ApiSettings(production=True, secret_key="x" * 40, serve_ui=False))
    assert TestClient(app).get("/api/health").json()["production"] is True
