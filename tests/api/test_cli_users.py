"""`gaodi users disable|enable|reset-password|revoke`, and migration 7 marking existing demo accounts."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from gaodi.access.accounts import authenticate
from gaodi.cli import users
from gaodi.core import Gaodi
from gaodi.errors import NotAuthenticated, NotFoundError
from gaodi.store import Store, database
from gaodi.store import users as user_store
from gaodi.store.migrations import LATEST, MIGRATIONS

ACCOUNTS_MIGRATION = 7

runner = CliRunner()


@pytest.fixture
def home(tmp_path, monkeypatch):
    path = tmp_path / "ws"
    monkeypatch.setenv("GAODI_HOME", str(path))
    r = runner.invoke(users.app, ["add", "clerk", "--role", "province", "--password", "clerk-password"])
    assert r.exit_code == 0, r.output
    return path


def _record(home, username="clerk"):
    with Gaodi.open(home) as g:
        return user_store.get_user(g.store, username)


def test_disable_and_enable_from_the_command_line(home):
    assert runner.invoke(users.app, ["disable", "clerk"]).exit_code == 0
    record = _record(home)
    assert record["active"] is False and record["token_version"] == 1
    with Gaodi.open(home) as g, pytest.raises(NotAuthenticated):
        authenticate(g.store, "clerk", "clerk-password")
    assert runner.invoke(users.app, ["enable", "clerk"]).exit_code == 0
    listed = json.loads(runner.invoke(users.app, ["list", "--json"]).output)
    assert listed[0]["active"] is True and "token_version" not in listed[0]


def test_reset_password_forces_a_change_and_revoke_raises_the_token_version(home):
    r = runner.invoke(users.app, ["reset-password", "clerk", "--password", "temporary-pass"])
    assert r.exit_code == 0 and "下次登录须修改" in r.output
    record = _record(home)
    assert record["must_change_password"] is True and record["token_version"] == 1
    with Gaodi.open(home) as g:
        assert authenticate(g.store, "clerk", "temporary-pass").must_change_password is True
    assert runner.invoke(users.app, ["revoke", "clerk"]).exit_code == 0
    assert _record(home)["token_version"] == 2


def test_managing_an_unknown_account_names_it(home):
    r = runner.invoke(users.app, ["disable", "ghost"])
    assert isinstance(r.exception, NotFoundError) and "ghost" in r.exception.message


def test_the_accounts_migration_marks_the_demo_accounts_of_an_existing_workspace(tmp_path, monkeypatch):
    """A workspace made before migration 7 (accounts): `gaodi demo`'s admin (labelled （演示）) becomes a demo
    account; an office's own account called "city" without that label does not."""
    path = tmp_path / "old.duckdb"
    before = tuple(m for m in MIGRATIONS if m.version < ACCOUNTS_MIGRATION)
    monkeypatch.setattr(database, "MIGRATIONS", before)
    monkeypatch.setattr(database, "LATEST", before[-1].version)
    with Store(path) as old:
        for name, label in (("admin", "系统管理员（演示）"), ("city", "长沙市工信局"), ("zhang", None)):
            old.con.execute("INSERT INTO users (username, display_name, password_hash, role, scope_kind, "
                            "active, created_at) VALUES (?, ?, 'x', 'province', 'province', TRUE, now())",
                            [name, label])
    monkeypatch.undo()
    with Store(path) as store:
        assert store.schema_version() == LATEST
        records = {u: user_store.get_user(store, u) for u in ("admin", "city", "zhang")}
    assert {u: r["demo"] for u, r in records.items()} == {"admin": True, "city": False, "zhang": False}
    assert {(r["token_version"], r["must_change_password"]) for r in records.values()} == {(0, False)}
