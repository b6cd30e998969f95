"""The warning routes: scoped lists (a city its own, the province all, an enterprise 403), one warning with its
evidence, counts, state changes with their refusals; the rules in use."""

from __future__ import annotations

import pytest

from gaodi.store import alerts as alert_store


def row(alert_id, city="430100", park=None, chain=None, kind="operation", severity="medium"):
    return {"alert_id": alert_id, "rule_id": "api-test", "rule_version": "1", "jurisdiction": "430000", "kind": kind,
            "measure": {"operation": "loss", "chain": "supplier_hhi"}[kind], "severity": severity,
            "subject_kind": "enterprise", "subject_id": alert_id, "subject_name": "测试企业", "period": "2026-10",
            "title": f"测试预警 {alert_id}", "evidence": [{"label": "利润总额", "period": "2026-10", "value": -5.0,
                                                         "unit": "万元"}],
            "body_code": "gov:430104", "body_name": "长沙市岳麓区人民政府", "city_code": city, "park_id": park,
            "chain_id": chain, "uscc": None}


@pytest.fixture(scope="module")
def warned(workspace):
    alert_store.upsert_alerts(workspace.store, [
        row("w-cs", severity="high"), row("w-zz", city="430200"), row("w-pa", park="PA"),
        row("w-ch", city=None, chain="T", kind="chain")], ["api-test"])
    return workspace


def ids(client, headers, query=""):
    r = client.get(f"/api/warnings{query}", headers=headers)
    assert r.status_code == 200, r.text
    return sorted(i["alert_id"] for i in r.json()["items"])


def test_lists_are_scoped_and_an_enterprise_is_refused(client, login, warned):
    assert ids(client, login("prov")) == ["w-ch", "w-cs", "w-pa", "w-zz"]
    assert ids(client, login("cs")) == ["w-cs", "w-pa"]
    assert ids(client, login("zz")) == ["w-zz"]
    assert ids(client, login("pa")) == ["w-pa"]
    assert ids(client, login("chain")) == ["w-ch"]
    assert ids(client, login("prov"), "?severity=high") == ["w-cs"]
    assert ids(client, login("prov"), "?kind=chain") == ["w-ch"]
    assert ids(client, login("prov"), "?area=430200") == ["w-zz"]
    assert ids(client, login("zz"), "?area=430100") == []
    assert client.get("/api/warnings", headers=login("a1")).status_code == 403
    assert client.get("/api/warnings?severity=urgent", headers=login("prov")).status_code == 400


def test_one_warning_carries_its_evidence_body_and_task_link_and_is_403_outside_the_scope(client, login, warned):
    r = client.get("/api/warnings/w-cs", headers=login("cs"))
    assert r.status_code == 200
    body = r.json()
    assert body["evidence"][0] == {**body["evidence"][0], "label": "利润总额", "value": -5.0, "unit": "万元"}
    assert (body["severity_zh"], body["kind_zh"], body["state_zh"], body["city_name"]) == ("高", "企业运行", "新发现",
                                                                                          "长沙市")
    assert body["task_link"].startswith("/tasks/new?source_kind=warning&source_ref=w-cs&body=gov%3A430104")
    assert client.get("/api/warnings/w-zz", headers=login("cs")).status_code == 403
    assert client.get("/api/warnings/none", headers=login("prov")).status_code == 404


def test_counts_are_of_open_warnings_in_the_scope(client, login, warned):
    r = client.get("/api/warnings/counts?by=city_code", headers=login("prov"))
    assert r.json()["counts"] == {**r.json()["counts"], "430100": 2, "430200": 1}
    r = client.get("/api/warnings/counts?by=kind", headers=login("cs"))
    assert r.json() == {"by": "kind", "counts": {"operation": 2}, "total": 2}


def test_state_changes_need_the_right_role_scope_and_a_reason_to_dismiss(client, login, warned):
    post = lambda who, wid, action, reason=None: client.post(  # noqa: E731
        f"/api/warnings/{wid}/{action}", headers=login(who), json={"reason": reason})
    assert post("a1", "w-cs", "ack").status_code == 403
    assert post("cs", "w-zz", "ack").status_code == 403
    assert post("zz", "w-zz", "dismiss").status_code == 400
    r = post("zz", "w-zz", "dismiss", "企业已申报停产检修")
    assert r.status_code == 200 and (r.json()["state"], r.json()["reason"]) == ("dismissed", "企业已申报停产检修")
    assert post("zz", "w-zz", "ack").status_code == 409
    assert post("cs", "w-cs", "ack").json()["state"] == "acknowledged"
    assert post("cs", "w-cs", "start").json()["state"] == "in_hand"
    assert post("cs", "w-cs", "resolve").json()["actions"] == ["reopen"]
    r = client.get("/api/audit?action=warning_resolve", headers=login("admin"))
    assert r.json()["items"][0]["resource"] == "alert:w-cs"


def test_the_rules_in_use_are_listed(client, login):
    r = client.get("/api/warnings/rules", headers=login("cs"))
    assert r.status_code == 200
    sets = r.json()
    assert sets[0]["jurisdiction"] == "430000" and {x["kind"] for x in sets[0]["rules"]} == {
        "plan", "operation", "chain", "project", "problem"}
