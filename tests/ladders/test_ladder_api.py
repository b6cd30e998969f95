"""The ladder API shows which rules each verdict used (工信部企业〔2026〕2号 from 2026-04-01)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from ladder_store import build

from gaodi.access.accounts import create_user
from gaodi.api import ApiSettings, create_app

pytestmark = pytest.mark.slow  # builds a store and the app: about 30 s on the shared machine


@pytest.fixture(scope="module")
def client():
    g = build()
    create_user(g.store, "prov", "test-password-1", "province", None)
    client = TestClient(create_app(g, ApiSettings(login_attempts=1000, serve_ui=False)))
    token = client.post("/api/auth/login", json={"username": "prov", "password": "test-password-1"})
    client.headers["Authorization"] = f"Bearer {token.json()['access_token']}"
    yield client
    g.close()


def test_enterprise_ladders_name_the_rules_each_verdict_used(client):
    body = client.get("/api/ladders/enterprise/L2", params={"year": 2025}).json()
    quality = next(p for p in body["positions"] if p["ladder"] == "优质中小企业梯度培育")
    assert quality["document"] == "工信部企业〔2026〕2号" and quality["in_force_from"] == "2026-04-01"
    assert quality["verdict"]["rules"].startswith("工信部企业〔2026〕2号 · 2026 版")
    assert "2026-04-01" <= body["rules_date"] <= "2026-12-31"


def test_the_ladder_list_puts_the_rules_in_force_first_and_keeps_the_old_version(client):
    body = client.get("/api/ladders", params={"year": 2025}).json()
    quality = [(lad["version"], lad["in_force"]) for lad in body if lad["name"] == "优质中小企业梯度培育"]
    assert quality == [("2026", True), ("2022", False)]
    assert next(lad for lad in body if lad["version"] == "2022")["in_force_to"] == "2026-03-31"


def test_candidates_carry_the_rules_used(client):
    body = client.get("/api/ladders/candidates", params={"rung": "小升规", "year": 2025}).json()
    assert body["items"] and all(i["rules"].startswith("国家统计局") for i in body["items"])
