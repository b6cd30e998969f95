"""Logging in: tokens, hashed passwords, the workspace's own secret, production mode and demo accounts.

Each attack of issue 18 (item 1) is reproduced here and must now fail to do harm.
"""

from __future__ import annotations

import datetime as dt
import os
import stat
from concurrent.futures import ThreadPoolExecutor

import pytest
from fastapi.testclient import TestClient

from gaodi.access.accounts import create_user
from gaodi.access.signing_key import FILE_NAME, workspace_secret
from gaodi.access.tokens import issue_token
from gaodi.api import ApiSettings, create_app
from gaodi.api.settings import PUBLISHED_SECRETS, is_loopback
from gaodi.errors import ConfigurationError
from gaodi.store import users as user_store

from . import province

OLD_DEFAULT = "gaodi-development-secret-change-me"


def test_login_returns_a_token_and_the_account_with_its_scope(client):
    r = client.post("/api/auth/login", json={"username": "cs", "password": province.PASSWORD})
    assert r.status_code == 200
    body = r.json()
    assert body["token_type"] == "bearer" and body["expires_in"] == 480 * 60
    assert body["user"]["role"] == "city" and body["user"]["must_change_password"] is False
    assert body["user"]["scope"] == {"kind": "city", "values": ["430100"], "label": "市州 长沙市",
                                     "label_en": "city 长沙市", "names": ["长沙市"]}
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


def test_an_admin_token_forged_with_the_old_published_secret_is_refused(client):
    """The attack: sign {"sub": "admin"} with the secret every copy of gaodi used to ship."""
    for version in (0, 1):
        forged = issue_token("admin", version, OLD_DEFAULT, dt.timedelta(days=3650))
        r = client.get("/api/users", headers={"Authorization": f"Bearer {forged}"})
        assert r.status_code == 401 and r.json()["error"]["code"] == "unauthenticated"


def test_an_expired_or_foreign_token_is_refused(client):
    secret = client.app.state.secret
    old = issue_token("cs", 0, secret, dt.timedelta(minutes=5), now=dt.datetime(2020, 1, 1, tzinfo=dt.UTC))
    foreign = issue_token("cs", 0, "another-secret-of-sufficient-length-000", dt.timedelta(minutes=5))
    for token in (old, foreign):
        r = client.get("/api/auth/me", headers={"Authorization": f"Bearer {token}"})
        assert r.status_code == 401


def test_without_a_configured_secret_the_workspace_gets_its_own_random_owner_only_secret(tmp_path, monkeypatch):
    monkeypatch.delenv("GAODI_API_SECRET_KEY", raising=False)
    from gaodi.core import Gaodi

    g = Gaodi.open(home=tmp_path / "ws", in_memory=True)
    try:
        app = create_app(g, ApiSettings(serve_ui=False))
        path = tmp_path / "ws" / FILE_NAME
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        secret = app.state.secret
        assert secret == path.read_text().strip() and len(secret) >= 43
        assert secret not in PUBLISHED_SECRETS
        assert create_app(g, ApiSettings(serve_ui=False)).state.secret == secret  # kept, not redrawn
        other = tmp_path / "other"
        assert workspace_secret(other) != secret  # one per workspace
    finally:
        g.close()


def test_twenty_servers_starting_at_once_agree_on_one_secret(tmp_path):
    with ThreadPoolExecutor(20) as pool:
        secrets = set(pool.map(lambda _: workspace_secret(tmp_path / "ws"), range(20)))
    assert len(secrets) == 1
    assert [p.name for p in (tmp_path / "ws").iterdir()] == [FILE_NAME]  # no temporary file left


def test_a_secret_file_others_can_read_is_refused(tmp_path):
    workspace_secret(tmp_path)
    os.chmod(tmp_path / FILE_NAME, 0o644)
    with pytest.raises(ConfigurationError, match="chmod 600"):
        workspace_secret(tmp_path)


@pytest.mark.parametrize("secret", [OLD_DEFAULT, "short-secret"])
def test_a_published_or_short_configured_secret_is_refused_in_every_mode(workspace, secret):
    for production in (False, True):
        with pytest.raises(ConfigurationError):
            create_app(workspace, ApiSettings(production=production, secret_key=secret, serve_ui=False))
    app = create_app(workspace, ApiSettings(production=True, secret_key="x" * 40, serve_ui=False))
    assert TestClient(app).get("/api/health").json()["production"] is True
    assert app.state.secret == "x" * 40


@pytest.mark.parametrize("host,loopback", [("127.0.0.1", True), ("127.0.1.1", True), ("::1", True),
                                           ("localhost", True), ("0.0.0.0", False), ("::", False),
                                           ("192.168.10.5", False), ("gaodi.example.cn", False)])
def test_only_a_loopback_host_is_development(host, loopback):
    assert is_loopback(host) is loopback


def test_serving_on_a_non_loopback_host_is_production_with_the_workspace_secret(tmp_path, monkeypatch):
    """`gaodi serve --host 0.0.0.0` with no secret configured: production, a random secret, no docs."""
    from gaodi.cli.serve import server_app, server_config
    from gaodi.core import Gaodi

    monkeypatch.delenv("GAODI_API_SECRET_KEY", raising=False)
    monkeypatch.delenv("GAODI_API_PRODUCTION", raising=False)
    g = Gaodi.open(home=tmp_path / "ws", in_memory=True)
    try:
        app = server_app(g, "0.0.0.0", production=False)
        assert app.state.settings.production is True
        assert app.state.secret not in PUBLISHED_SECRETS and len(app.state.secret) >= 43
        assert server_config(app, "0.0.0.0", 8000).proxy_headers is False  # uvicorn must not believe X-Forwarded-For
        assert TestClient(app).get("/api/docs").status_code == 404
        assert server_app(g, "127.0.0.1", production=False).state.settings.production is False
    finally:
        g.close()


def test_a_port_already_taken_is_a_clear_error_not_an_exit(tmp_path):
    """`gaodi serve --port N` with N in use says so and names the fix (make demo PORT=…)."""
    import socket

    from gaodi.cli.serve import _bind, server_app, server_config
    from gaodi.core import Gaodi
    from gaodi.errors import ConfigurationError

    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen()
    port = taken.getsockname()[1]
    g = Gaodi.open(home=tmp_path / "ws", in_memory=True)
    try:
        with pytest.raises(ConfigurationError) as err:
            _bind(server_config(server_app(g, "127.0.0.1", False), "127.0.0.1", port), "127.0.0.1", port)
        assert str(port) in str(err.value) and "PORT=" in err.value.fix
    finally:
        g.close()
        taken.close()


def test_demo_accounts_cannot_log_in_nor_use_old_tokens_in_production(workspace, client):
    create_user(workspace.store, "demo-admin", "gaodi-demo-admin", "admin", display_name="系统管理员（演示）",
                demo=True)
    body = {"username": "demo-admin", "password": "gaodi-demo-admin"}
    dev_login = client.post("/api/auth/login", json=body)
    assert dev_login.status_code == 200
    production = TestClient(create_app(workspace, ApiSettings(production=True, serve_ui=False)))
    r = production.post("/api/auth/login", json=body)
    assert r.status_code == 401 and "演示账户" in r.json()["error"]["message"]
    token = {"Authorization": f"Bearer {dev_login.json()['access_token']}"}
    assert production.get("/api/users", headers=token).status_code == 401


def _user(workspace, client, name: str, role: str = "province") -> dict:
    password = f"{name}-password"
    create_user(workspace.store, name, password, role)
    r = client.post("/api/auth/login", json={"username": name, "password": password})
    assert r.status_code == 200, r.text
    return {"Authorization": f"Bearer {r.json()['access_token']}"}


def test_a_disabled_account_is_refused_at_once_even_with_a_token_it_already_holds(workspace, client, login):
    token = _user(workspace, client, "leaver")
    assert client.get("/api/auth/me", headers=token).status_code == 200
    assert client.post("/api/users/leaver/disable", headers=login("admin")).status_code == 200
    assert client.get("/api/auth/me", headers=token).status_code == 401
    r = client.post("/api/auth/login", json={"username": "leaver", "password": "leaver-password"})
    assert r.status_code == 401 and r.json()["error"]["message"] == "账户已停用"
    assert client.post("/api/users/leaver/enable", headers=login("admin")).status_code == 200
    assert client.post("/api/auth/login", json={"username": "leaver", "password": "leaver-password"}).status_code == 200


def test_a_revoked_token_is_refused_and_a_new_login_works(workspace, client, login):
    token = _user(workspace, client, "lost-laptop")
    assert client.post("/api/users/lost-laptop/revoke", headers=login("admin")).json()["active"] is True
    assert client.get("/api/auth/me", headers=token).status_code == 401
    again = client.post("/api/auth/login", json={"username": "lost-laptop", "password": "lost-laptop-password"})
    assert client.get("/api/auth/me", headers={"Authorization": f"Bearer {again.json()['access_token']}"}
                      ).status_code == 200


def test_a_reset_password_must_be_changed_before_anything_else(workspace, client, login):
    old_token = _user(workspace, client, "forgetful")
    r = client.post("/api/users/forgetful/password", json={"password": "temporary-123"}, headers=login("admin"))
    assert r.status_code == 200 and r.json()["must_change_password"] is True
    assert client.get("/api/auth/me", headers=old_token).status_code == 401  # reset revokes old tokens
    first = client.post("/api/auth/login", json={"username": "forgetful", "password": "temporary-123"}).json()
    assert first["user"]["must_change_password"] is True
    token = {"Authorization": f"Bearer {first['access_token']}"}
    refused = client.get("/api/enterprises", headers=token)
    assert refused.status_code == 403 and refused.json()["error"]["details"]["reason"] == "must_change_password"
    assert client.get("/api/auth/me", headers=token).status_code == 200
    wrong = client.post("/api/auth/password", json={"current_password": "not-it-at-all", "new_password": "n" * 12},
                        headers=token)
    assert wrong.status_code == 401
    changed = client.post("/api/auth/password", json={"current_password": "temporary-123",
                                                      "new_password": "my-own-secret-9"}, headers=token)
    assert changed.status_code == 200 and changed.json()["user"]["must_change_password"] is False
    assert client.get("/api/auth/me", headers=token).status_code == 401  # the temporary session ends
    fresh = {"Authorization": f"Bearer {changed.json()['access_token']}"}
    assert client.get("/api/enterprises", headers=fresh).status_code == 200


def test_every_server_setting_is_documented_in_web_md_and_named_in_settings_md():
    from pathlib import Path

    docs = Path(__file__).resolve().parents[2] / "docs"
    web, settings = (docs / "web.md").read_text(encoding="utf-8"), (docs / "settings.md").read_text(encoding="utf-8")
    for name in ApiSettings.model_fields:
        env = f"GAODI_API_{name.upper()}"
        assert f"| `{env}` |" in web, env
        assert f"`{env}`" in settings, env
