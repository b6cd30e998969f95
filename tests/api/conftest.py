"""Fixtures: the hand-made province of ``province.py`` served by the API in a TestClient."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from gaodi.api import ApiSettings, create_app
from gaodi.core import Gaodi

from . import province


@pytest.fixture(scope="session")
def workspace(tmp_path_factory):
    folder = tmp_path_factory.mktemp("api-province")
    g = Gaodi.open(home=folder / "ws", in_memory=True)
    province.build(g, folder)
    yield g
    g.close()


@pytest.fixture(scope="session")
def client(workspace):
    return TestClient(create_app(workspace, ApiSettings(login_attempts=1000, serve_ui=False)))


@pytest.fixture(scope="session")
def login(client):
    """``login("cs")`` → headers carrying that account's token (tokens cached per account)."""
    tokens: dict[str, dict] = {}

    def headers(username: str) -> dict:
        if username not in tokens:
            r = client.post("/api/auth/login", json={"username": username, "password": province.PASSWORD})
            assert r.status_code == 200, r.text
            tokens[username] = {"Authorization": f"Bearer {r.json()['access_token']}"}
        return tokens[username]

    return headers
