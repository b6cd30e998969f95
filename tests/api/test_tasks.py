"""Tasks (督办) and the inbox over the REST API: scope edges (403 and nothing written), the loop by the right
roles, response shapes, and the unread count. Accounts of the hand-made province (province.py): prov
(province), cs (长沙 430100), zz (株洲 430200), pa (park PA in 岳麓区, 长沙), chain (chain T), a1 (enterprise)."""

from __future__ import annotations

import datetime as dt

from gaodi.problems.events import CHINA_TZ


def _new(client, login, user, body, title="API 督办", **extra):
    return client.post("/api/tasks", headers=login(user), json={"title": title, "body": body,
                                                                "deadline_workdays": 5, **extra})


def test_a_task_for_a_body_outside_the_scope_is_403_and_changes_nothing(client, login):
    before = client.get("/api/tasks", headers=login("prov")).json()["total"]
    for user, body in (("zz", "county:430104"), ("pa", "park:PB"), ("chain", "city:430100"), ("a1", "park:PA"),
                       ("cs", "dept:gxt")):
        r = _new(client, login, user, body)
        assert r.status_code == 403, (user, body, r.text)
        assert r.json()["error"]["code"] == "forbidden"
    assert client.get("/api/tasks", headers=login("prov")).json()["total"] == before


def test_each_role_sees_the_tasks_of_its_bodies_only(client, login):
    park = _new(client, login, "cs", "park:PA", "园区的").json()["task_id"]
    chain = _new(client, login, "prov", "chain:T", "链办的").json()["task_id"]
    seen = {u: {t["task_id"] for t in client.get("/api/tasks", headers=login(u)).json()["items"]}
            for u in ("prov", "cs", "zz", "pa", "chain", "a1")}
    assert {park, chain} <= seen["prov"]
    assert park in seen["cs"] and park in seen["pa"] and chain not in seen["cs"] | seen["pa"]
    assert chain in seen["chain"] and park not in seen["chain"]
    assert seen["zz"].isdisjoint({park, chain}) and seen["a1"] == set()
    assert client.get(f"/api/tasks/{park}", headers=login("zz")).status_code == 403
    assert client.get(f"/api/tasks/{park}", headers=login("a1")).status_code == 403
    bodies = {b["code"] for b in client.get("/api/tasks/bodies", headers=login("pa")).json()["items"]}
    assert bodies == {"park:PA"}


def test_the_loop_through_the_api_with_the_history_and_the_inbox(client, login):
    start = client.get("/api/notifications/unread", headers=login("cs")).json()["unread"]
    last_week = (dt.datetime.now(CHINA_TZ).date() - dt.timedelta(days=30)).isoformat()
    made = _new(client, login, "prov", "county:430104", "逾期待升级", source_kind="warning", source_ref="W-9",
                set_on=last_week)
    assert made.status_code == 201, made.text
    task = made.json()
    assert task["overdue"] and task["body_name"] == "岳麓区人民政府" and "escalate" in task["actions"]
    assert client.get("/api/notifications/unread", headers=login("cs")).json()["unread"] == start + 1
    tid = task["task_id"]
    # a city may not date a task in the past
    assert _new(client, login, "cs", "county:430104", set_on=last_week).status_code == 403
    r = client.post(f"/api/tasks/{tid}/report", headers=login("cs"), json={"text": "已约谈"})
    assert r.status_code == 200 and r.json()["state"] == "reported"
    assert client.post(f"/api/tasks/{tid}/close", headers=login("cs"), json={"text": ""}).status_code == 400
    up = client.post(f"/api/tasks/{tid}/escalate", headers=login("prov"), json={"text": "逾期"}).json()
    assert up["body"] == "city:430100" and up["state"] == "escalated" and not up["overdue"]
    assert client.post(f"/api/tasks/{tid}/escalate", headers=login("prov"), json={}).status_code == 409
    assert client.post(f"/api/tasks/{tid}/nonsense", headers=login("prov"), json={}).status_code == 400
    done = client.post(f"/api/tasks/{tid}/close", headers=login("cs"), json={"text": "营收回升，见报表"}).json()
    assert done["state"] == "closed" and done["evidence"] == "营收回升，见报表"
    detail = client.get(f"/api/tasks/{tid}", headers=login("cs")).json()
    assert [h["action"] for h in detail["history"]] == ["create", "report", "escalate", "close"]
    assert detail["history"][2]["body_name"] == "长沙市人民政府"
    inbox = client.get("/api/notifications", headers=login("prov")).json()
    assert {"report", "closed"} <= {i["kind"] for i in inbox["items"] if i["task_id"] == tid}
    marked = client.post("/api/notifications/read", headers=login("prov"), json={}).json()["marked"]
    assert marked >= 2 and client.get("/api/notifications/unread", headers=login("prov")).json()["unread"] == 0
    audit = client.get("/api/audit", headers=login("admin"), params={"page_size": 500}).json()["items"]
    assert {a["action"] for a in audit if a["resource"] == f"task:{tid}"} == \
        {"task_create", "task_report", "task_escalate", "task_close"}
