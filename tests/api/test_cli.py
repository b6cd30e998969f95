"""`gaodi users` and `gaodi serve` on their Typer apps (the lead registers them under `gaodi`)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from gaodi.cli import serve, users
from gaodi.errors import ConfigurationError, InputError

runner = CliRunner()


@pytest.fixture(scope="module")
def home(tmp_path_factory, monkeypatch_module):
    path = tmp_path_factory.mktemp("cli") / "ws"
    monkeypatch_module.setenv("GAODI_HOME", str(path))
    return path


@pytest.fixture(scope="module")
def monkeypatch_module():
    mp = pytest.MonkeyPatch()
    yield mp
    mp.undo()


def test_users_add_then_list_shows_the_account_without_its_hash(home):
    r = runner.invoke(users.app, ["add", "analyst", "--role", "province", "--password", "analyst-password",
                                  "--name", "省工信厅分析员", "--json"])
    assert r.exit_code == 0, r.output
    assert json.loads(r.output)["scope"]["kind"] == "province"
    listed = json.loads(runner.invoke(users.app, ["list", "--json"]).output)
    assert [u["username"] for u in listed] == ["analyst"]
    assert "password_hash" not in listed[0] and listed[0]["display_name"] == "省工信厅分析员"


def test_users_add_refuses_a_city_that_is_not_in_the_store(home):
    r = runner.invoke(users.app, ["add", "nowhere", "--role", "city", "--scope", "439900", "--password", "xxxxxxxx1"])
    assert isinstance(r.exception, InputError)


def test_serve_refuses_to_start_with_the_old_published_secret(home, monkeypatch):
    monkeypatch.setenv("GAODI_API_SECRET_KEY", "gaodi-development-secret-change-me")
    r = runner.invoke(serve.app, ["--production"])
    assert isinstance(r.exception, ConfigurationError)
    assert "GAODI_API_SECRET_KEY" in r.exception.message
