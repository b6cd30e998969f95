"""A record that cannot be bent: action times from the server clock, back-dating only by a supervisor and
never into the future, the problem history and the audit log sealed with a key kept outside the
database, and refused reads audited. Each attack of issue 18 is replayed and shown to do no harm."""

from __future__ import annotations

import datetime as dt
import json
import stat

import pytest
from fastapi.testclient import TestClient

from gaodi.access.accounts import create_user
from gaodi.api import ApiSettings, create_app
from gaodi.core import Gaodi
from gaodi.demo.population import make_uscc
from gaodi.problems.desk import ProblemDesk, ProblemSubmission
from gaodi.problems.events import CHINA_TZ, compute_hash
from gaodi.store import Store, audit
from gaodi.store.problem_events import DuckDBProblemRepository, event_to_json
from gaodi.store.sealing import KEY_FILE

from . import province

USCC = {"430104": make_uscc("430104", 801), "430202": make_uscc("430202", 802)}


def _small_province(g, folder) -> None:
    g.import_file("enterprises", province.write(
        folder / "ent.csv", ["uscc", "name", "region_code", "industry_code"],
        [(uscc, f"企业{code}", code, "3741") for code, uscc in USCC.items()]))
    for username, role, value in (("admin", "admin", None), ("prov", "province", None), ("cs", "city", "430100")):
        create_user(g.store, username, province.PASSWORD, role, value)


@pytest.fixture(scope="module")
def sealed(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sealed")
    g = Gaodi.open(home=folder / "ws", in_memory=True)
    _small_province(g, folder)
    client = TestClient(create_app(g, ApiSettings(login_attempts=1000, serve_ui=False)))
    tokens = {u: {"Authorization": "Bearer " + client.post("/api/auth/login", json={
        "username": u, "password": province.PASSWORD}).json()["access_token"]} for u in ("admin", "prov", "cs")}
    yield g, client, tokens
    g.close()


def _file(client, headers, title: str, **extra) -> dict:
    r = client.post("/api/problems", headers=headers, json={
        "uscc": USCC["430104"], "title": title, "description": "说明", "category": "用地", **extra})
    assert r.status_code == 201, r.text
    return r.json()


def _step(client, headers, pid: str, action: str, **body):
    return client.post(f"/api/problems/{pid}/{action}", headers=headers, json=body)


def test_city_staff_cannot_date_an_action_in_2099_nor_backdate_a_reply(sealed):
    g, client, tokens = sealed
    r = client.post("/api/problems", headers=tokens["cs"], json={
        "uscc": USCC["430104"], "title": "用地指标", "description": "说明", "category": "用地",
        "at": "2099-01-01T09:00:00+08:00"})
    assert r.status_code == 403 and r.json()["error"]["details"]["action"] == "backdate_problem"
    pid = _file(client, tokens["cs"], "供电")["problem_id"]
    assert _step(client, tokens["cs"], pid, "accept").status_code == 200
    assert _step(client, tokens["cs"], pid, "assign", department="发改委", deadline_workdays=5).status_code == 200
    assert _step(client, tokens["cs"], pid, "start").status_code == 200
    yesterday = (dt.datetime.now(CHINA_TZ) - dt.timedelta(days=1)).isoformat()
    r = _step(client, tokens["cs"], pid, "reply", reply="已解决", at=yesterday)
    assert r.status_code == 403
    assert [e["action"] for e in client.get(f"/api/problems/{pid}", headers=tokens["cs"]).json()["history"]][-1] \
        == "start"


def test_a_supervisor_may_backdate_but_never_into_the_future_and_it_is_audited(sealed):
    g, client, tokens = sealed
    r = client.post("/api/problems", headers=tokens["prov"], json={
        "uscc": USCC["430104"], "title": "将来", "description": "说明", "category": "用地",
        "at": "2099-01-01T09:00:00+08:00"})
    assert r.status_code == 400 and "将来" in r.json()["error"]["message"]
    paper = (dt.datetime.now(CHINA_TZ) - dt.timedelta(days=3)).replace(microsecond=0)
    pid = _file(client, tokens["prov"], "纸质登记", at=paper.isoformat())["problem_id"]
    history = client.get(f"/api/problems/{pid}", headers=tokens["prov"]).json()["history"]
    assert dt.datetime.fromisoformat(history[0]["at"]) == paper
    entry = audit.entries(g.store, username="prov", action="submit_problem", limit=1)[1][0]
    assert f"backdated_to={paper.isoformat()}" in entry["detail"] and "recorded_at=" in entry["detail"]
    before = (paper - dt.timedelta(days=1)).isoformat()
    assert _step(client, tokens["prov"], pid, "accept", at=before).status_code == 400  # before the previous event


def test_an_unkeyed_rewrite_of_a_history_no_longer_verifies(sealed):
    g, client, tokens = sealed
    pid = _file(client, tokens["cs"], "改写目标")["problem_id"]
    assert client.get("/api/audit/verify", headers=tokens["admin"]).json()["ok"] is True
    repo = DuckDBProblemRepository(g.store)
    [event] = repo.events_for(pid)
    forged = event.__class__(**{**event.__dict__, "at": event.at - dt.timedelta(days=30), "hash": ""})
    forged = forged.__class__(**{**forged.__dict__, "hash": compute_hash(forged)})  # recomputed, without the key
    g.store.con.execute("UPDATE problem_events SET event = ?, hash = ? WHERE problem_id = ? AND seq = 1",
                        [event_to_json(forged), forged.hash, pid])
    result = client.get("/api/audit/verify", headers=tokens["admin"]).json()
    assert result["ok"] is False
    [broken] = [b for b in result["problems"]["broken"] if b["problem_id"] == pid]
    assert {i["kind"] for i in broken["issues"]} == {"unsealed"}
    assert client.get(f"/api/problems/{pid}", headers=tokens["admin"]).json()["verified"] is False
    g.store.con.execute("UPDATE problem_events SET event = ?, hash = ? WHERE problem_id = ? AND seq = 1",
                        [event_to_json(event), event.hash, pid])  # put it back for the other tests
    assert client.get("/api/audit/verify", headers=tokens["admin"]).json()["ok"] is True


def test_an_edited_or_removed_audit_entry_breaks_the_chain(sealed):
    g, client, tokens = sealed
    client.get("/api/enterprises", headers=tokens["cs"])
    ids = [r[0] for r in g.store.con.execute("SELECT audit_id FROM audit_log ORDER BY audit_id").fetchall()]
    target, removed = ids[-3], ids[-2]
    original = g.store.con.execute("SELECT detail FROM audit_log WHERE audit_id = ?", [target]).fetchall()[0][0]
    g.store.con.execute("UPDATE audit_log SET detail = 'nothing happened' WHERE audit_id = ?", [target])
    log = client.get("/api/audit/verify", headers=tokens["admin"]).json()["audit_log"]
    assert log["ok"] is False and {"audit_id": target, "kind": "altered"}.items() <= log["issues"][0].items()
    g.store.con.execute("UPDATE audit_log SET detail = ? WHERE audit_id = ?", [original, target])
    row = g.store.con.execute("SELECT * FROM audit_log WHERE audit_id = ?", [removed]).fetchall()[0]
    g.store.con.execute("DELETE FROM audit_log WHERE audit_id = ?", [removed])
    kinds = {i["kind"] for i in audit.verify(g.store, g.store.sealing_key)["issues"]}
    assert kinds == {"broken_link"}
    g.store.con.execute(f"INSERT INTO audit_log VALUES ({', '.join('?' * len(row))})", list(row))
    assert audit.verify(g.store, g.store.sealing_key)["ok"]


def test_a_refused_read_of_scoped_data_is_audited(sealed):
    g, client, tokens = sealed
    r = client.post("/api/problems", headers=tokens["prov"], json={
        "uscc": USCC["430202"], "title": "株洲的问题", "description": "说明", "category": "用地"})
    pid = r.json()["problem_id"]
    assert client.get(f"/api/problems/{pid}", headers=tokens["cs"]).status_code == 403
    entry = audit.entries(g.store, username="cs", action="refused_read", limit=1)[1][0]
    assert entry["resource"] == f"/api/problems/{pid}" and "status=403" in entry["detail"]
    assert client.get("/api/audit", headers=tokens["cs"]).status_code == 403
    assert audit.entries(g.store, username="cs", action="refused_read", limit=1)[1][0]["resource"] == "/api/audit"


def test_an_old_workspace_is_sealed_once_on_first_open_and_its_key_stays_outside(tmp_path):
    home = tmp_path / "old"
    store = Store(home / "gaodi.duckdb")  # a workspace as gaodi made it before sealing: no key
    desk = ProblemDesk(DuckDBProblemRepository(store))
    sub = ProblemSubmission(uscc=USCC["430104"], title="旧问题", description="说明", category="用地")
    kept = desk.submit(sub, actor="张敏", role="staff").problem_id
    desk.accept(kept, actor="张敏")
    broken = desk.submit(ProblemSubmission(uscc=USCC["430104"], title="旧的被改", description="说明",
                                           category="用地"), actor="张敏", role="staff").problem_id
    store.con.execute("UPDATE problem_events SET event = replace(event, '旧的被改', '改过') WHERE problem_id = ?",
                      [broken])
    audit.record(store, "admin", "login")
    store.close()

    g = Gaodi.open(home=home)
    try:
        key_file = home / KEY_FILE
        assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
        key_hex = key_file.read_text().strip()
        dumped = json.dumps(g.store.con.execute("SELECT * FROM audit_log").fetchall(), default=str)
        assert key_hex not in dumped
        result = g.verify_records()
        assert result["audit_log"]["ok"] and result["problems"]["checked"] == 2
        assert [b["problem_id"] for b in result["problems"]["broken"]] == [broken]
        migration = audit.entries(g.store, action="seal_migration")[1]
        assert len(migration) == 1 and "histories=1 unsealed=1" in migration[0]["detail"]
        assert g.problems.problem(kept).state == "accepted"  # same events, same content
    finally:
        g.close()
    g = Gaodi.open(home=home)  # a second open neither migrates again nor changes the key
    try:
        assert len(audit.entries(g.store, action="seal_migration")[1]) == 1
        assert (home / KEY_FILE).read_text().strip() == key_hex and g.verify_records()["audit_log"]["ok"]
    finally:
        g.close()


def test_the_verify_commands_pass_on_a_sealed_workspace_and_fail_with_exit_1_on_a_rewrite(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from gaodi.cli import audit as audit_cli
    from gaodi.cli import problem as problem_cli

    home = tmp_path / "ws"
    monkeypatch.setenv("GAODI_HOME", str(home))
    with Gaodi.open(home=home) as g:
        pid = g.problems.submit(ProblemSubmission(uscc=USCC["430104"], title="命令行", description="说明",
                                                  category="用地"), actor="张敏", role="staff").problem_id
    runner = CliRunner()
    ok = runner.invoke(audit_cli.app, ["verify", "--json"])
    assert ok.exit_code == 0 and json.loads(ok.output)["ok"] is True
    assert runner.invoke(problem_cli.app, ["verify", pid]).exit_code == 0
    with Gaodi.open(home=home) as g:  # rewrite the reason without the key, recomputing the plain hash
        [event] = DuckDBProblemRepository(g.store).events_for(pid)
        forged = event.__class__(**{**event.__dict__, "actor": "别人"})
        forged = forged.__class__(**{**forged.__dict__, "hash": compute_hash(forged)})
        g.store.con.execute("UPDATE problem_events SET event = ?, hash = ? WHERE problem_id = ?",
                            [event_to_json(forged), forged.hash, pid])
    bad = runner.invoke(audit_cli.app, ["verify"])
    assert bad.exit_code == 1 and "unsealed" in bad.output
    assert runner.invoke(problem_cli.app, ["verify", pid, "--json"]).exit_code == 1
