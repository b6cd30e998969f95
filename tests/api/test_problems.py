"""Enterprise problems on the web: intake, the closed loop, history, scoping, statistics, batch intake, audit.

The module's fixture files and moves these problems through the API (times in China time, March 2026:
no holiday that month; 2026-03-02 is a Monday). The province account, a supervisor, enters the dated
steps from paper records (``at``, back-dating is a supervisor's only); a collection sheet carries its own
collection dates; the enterprise acts now.

| id | enterprise (city) | category | filed by | steps | state on 2026-04-30 |
| --- | --- | --- | --- | --- | --- |
| P1 | A1 (长沙) | 用地 | prov 03-02 09:00 | accept; assign 03-03 市自然资源局 5 working days → due 03-10 (03-04 05 06 09 10); start 03-04; reply 03-06; close 03-09 rating 5 (代为评价) | closed |
| P2 | A2 (长沙) | 融资 | prov 03-02 | accept; assign 03-03 3 days → due 03-06; start 03-04; no reply | in progress, overdue |
| P3 | B1 (株洲) | 用地 | prov 03-05 | reject (不属于企业服务范围) | rejected |
| P4 | B2 (株洲) | 用工 | prov 03-09 | — | submitted |
| P5 | C1 (岳阳) | 融资 | prov 03-10 | accept; assign 03-11 10 days → due 03-25; start 03-12; reply 03-13; close 03-16 rating 3 | closed |
| P6 | A1 (长沙) | 科技创新 | a1, now | withdrawn by a1 | withdrawn |
| Q1 | A3 (长沙) | 用能 | batch file by cs, 收集日期 03-16 | — | submitted |
| Q2 | A1 (长沙) | 用地 | batch file by cs, 收集日期 03-20 | — | submitted |

Statistics by category on 2026-04-30 (hand counts):
- 用地: P1 P3 Q2 → 3 problems, open 1 (Q2), closed 1, rejected 1; due 1 (P1 has a deadline and a reply),
  on time 1 (replied 03-06 ≤ 03-10) → rate 1.0; Q2 repeats P1 (same enterprise and category, 18 days
  later) → 1 repeat; time to close P1 = working days in (03-02, 03-09] = 03 04 05 06 09 = 5; rating 5.
- 融资: P2 P5 → 2, open 1, closed 1, overdue now 1 (P2 in progress after 03-06); due 2 (P2 overdue,
  P5 replied), on time 1 (P5 03-13 ≤ 03-25) → 0.5; time to close P5 (03-10, 03-16] = 11 12 13 16 = 4;
  rating 3.
- 用工 P4 1 open; 用能 Q1 1 open; 科技创新 P6 1 withdrawn.
By state: submitted 3 (P4 Q1 Q2), in progress 1, closed 2, rejected 1, withdrawn 1 = 8; overdue 1.
By city: 长沙 430100 P1 P2 P6 Q1 Q2 = 5, 株洲 430200 2, 岳阳 430600 1.
Scopes: cs → P1 P2 P6 Q1 Q2; zz → P3 P4; pa (A1 A3) → P1 P6 Q1 Q2; chain T (A3 B1 B2 C1) → P3 P4 P5 Q1;
a1 → P1 P6 Q2.
"""

from __future__ import annotations

import io
from itertools import pairwise

import openpyxl
import pytest

from gaodi.store import audit

from . import province

U = province.USCC
AS_OF = "2026-04-30"


def at(day: str, time: str = "09:00") -> str:
    return f"2026-{day}T{time}:00+08:00"


@pytest.fixture(scope="module")
def loop(client, login, tmp_path_factory):
    """File the problems of the table above and move them along; returns their ids and the batch outcome."""
    ids: dict[str, str] = {}

    def file(key, user, firm, category, when=None):
        body = {"uscc": U[firm], "title": f"{key} 的问题（测试）", "description": f"{key} 说明", "category": category}
        if when:
            body["at"] = when
        r = client.post("/api/problems", json=body, headers=login(user))
        assert r.status_code == 201, r.text
        ids[key] = r.json()["problem_id"]

    def step(key, action, user, **body):
        r = client.post(f"/api/problems/{ids[key]}/{action}", json=body, headers=login(user))
        assert r.status_code == 200, r.text
        return r.json()

    file("P1", "prov", "A1", "用地", at("03-02"))
    step("P1", "accept", "prov", at=at("03-02", "10:00"))
    step("P1", "assign", "prov", department="市自然资源局", deadline_workdays=5, at=at("03-03"))
    step("P1", "start", "prov", at=at("03-04"))
    step("P1", "reply", "prov", reply="已安排用地指标", at=at("03-06"))
    step("P1", "close", "prov", satisfaction=5, at=at("03-09", "10:00"))
    file("P2", "prov", "A2", "融资", at("03-02", "09:30"))
    step("P2", "accept", "prov", at=at("03-02", "10:30"))
    step("P2", "assign", "prov", department="市金融办", deadline_workdays=3, at=at("03-03"))
    step("P2", "start", "prov", at=at("03-04"))
    file("P3", "prov", "B1", "用地", at("03-05"))
    step("P3", "reject", "prov", reason="不属于企业服务范围", at=at("03-05", "11:00"))
    file("P4", "prov", "B2", "用工", at("03-09"))
    file("P5", "prov", "C1", "融资", at("03-10"))
    step("P5", "accept", "prov", at=at("03-10", "10:00"))
    step("P5", "assign", "prov", department="市工信局", deadline_workdays=10, at=at("03-11"))
    step("P5", "start", "prov", at=at("03-12"))
    step("P5", "reply", "prov", reply="已协调贷款", at=at("03-13"))
    step("P5", "close", "prov", satisfaction=3, at=at("03-16"))
    r = client.post("/api/problems", json={"title": "研发补助咨询", "description": "如何申报", "category": "科技创新"},
                    headers=login("a1"))
    assert r.status_code == 201, r.text
    ids["P6"] = r.json()["problem_id"]
    step("P6", "withdraw", "a1", reason="已自行解决")
    sheet = tmp_path_factory.mktemp("batch") / "送解优问题收集表-2026-03.csv"
    sheet.write_text("统一社会信用代码,企业名称,问题标题,问题描述,问题类别,收集日期\n"
                     f"{U['A3']},企业A3（测试）,蒸汽供应不稳定,园区蒸汽时断时续,用能,2026-03-16\n"
                     f"{U['A1']},企业A1（测试）,厂房报建审批慢,报建已两个月,用地,2026-03-20\n", encoding="utf-8")
    with open(sheet, "rb") as f:
        r = client.post("/api/problems/batch", files={"file": (sheet.name, f, "text/csv")}, headers=login("cs"))
    assert r.status_code == 200, r.text
    outcome = r.json()
    ids["Q1"], ids["Q2"] = outcome["submitted"]
    return {"ids": ids, "batch": outcome, "sheet": sheet}


def listed(client, login, user, **params):
    r = client.get("/api/problems", params={"page_size": 500, **params}, headers=login(user))
    assert r.status_code == 200, r.text
    return r.json()


def keys(loop, body) -> set[str]:
    back = {v: k for k, v in loop["ids"].items()}
    return {back[i["problem_id"]] for i in body["items"]}


def test_the_batch_file_submits_every_row_as_staff_on_its_collection_date(loop, client, login):
    assert len(loop["batch"]["submitted"]) == 2 and loop["batch"]["already_recorded"] == []
    body = client.get(f"/api/problems/{loop['ids']['Q1']}", headers=login("cs")).json()
    first = body["history"][0]
    assert (first["actor"], first["role"], first["at"]) == ("cs", "staff", "2026-03-16T09:00:00+08:00")
    with open(loop["sheet"], "rb") as f:  # the same file again: already recorded, nothing submitted twice
        again = client.post("/api/problems/batch", files={"file": (loop["sheet"].name, f)}, headers=login("cs")).json()
    assert again["submitted"] == [] and again["already_recorded"] == [2, 3]


@pytest.mark.parametrize("user,expected", [
    ("prov", {"P1", "P2", "P3", "P4", "P5", "P6", "Q1", "Q2"}), ("cs", {"P1", "P2", "P6", "Q1", "Q2"}),
    ("zz", {"P3", "P4"}), ("pa", {"P1", "P6", "Q1", "Q2"}), ("chain", {"P3", "P4", "P5", "Q1"}),
    ("a1", {"P1", "P6", "Q2"})])
def test_the_list_holds_exactly_the_problems_of_the_scope(loop, client, login, user, expected):
    assert keys(loop, listed(client, login, user)) == expected


def test_the_list_filters_by_state_and_by_overdue(loop, client, login):
    assert keys(loop, listed(client, login, "prov", state="submitted")) == {"P4", "Q1", "Q2"}
    body = listed(client, login, "cs", overdue=True, as_of=AS_OF)
    assert keys(loop, body) == {"P2"} and body["overdue"] == 1
    assert body["items"][0]["deadline"] == "2026-03-06" and body["items"][0]["deadline_label"].startswith("已超期")
    assert keys(loop, listed(client, login, "prov", category="融资")) == {"P2", "P5"}
    r = client.get("/api/problems", params={"state": "lost"}, headers=login("prov"))
    assert r.status_code == 400


def test_a_city_user_cannot_read_or_move_another_citys_problem(loop, client, login):
    p3 = loop["ids"]["P3"]
    r = client.get(f"/api/problems/{p3}", headers=login("cs"))
    assert r.status_code == 403 and r.json()["error"]["code"] == "forbidden"
    r = client.post(f"/api/problems/{loop['ids']['P4']}/accept", json={}, headers=login("cs"))
    assert r.status_code == 403
    assert client.get("/api/problems/WT00000000-NOSUCH", headers=login("cs")).status_code == 404


def test_filing_follows_the_scope_and_the_role(loop, client, login):
    body = {"uscc": U["B1"], "title": "越权", "description": "越权登记", "category": "其他"}
    assert client.post("/api/problems", json=body, headers=login("cs")).status_code == 403
    assert client.post("/api/problems", json=body, headers=login("a1")).status_code == 403
    assert client.post("/api/problems", json=body, headers=login("chain")).status_code == 403
    r = client.post("/api/problems", json={**body, "uscc": U["A1"], "category": "不存在"}, headers=login("cs"))
    assert r.status_code == 400 and r.json()["error"]["details"]["issues"][0]["field"] == "category"
    r = client.post("/api/problems", json={**body, "uscc": U["A1"], "at": at("03-01")}, headers=login("a1"))
    assert r.status_code == 400  # an enterprise cannot date its request in the past
    assert keys(loop, listed(client, login, "prov")) == set(loop["ids"])  # nothing was recorded


def test_the_detail_shows_the_history_as_a_verified_hash_chain(loop, client, login):
    body = client.get(f"/api/problems/{loop['ids']['P1']}", headers=login("cs")).json()
    history = body["history"]
    assert [e["action"] for e in history] == ["submit", "accept", "assign", "start", "reply", "close"]
    assert [e["to_label"] for e in history][-2:] == ["已答复", "已办结"]
    assert history[0]["prev_hash"] == "0" * 64
    assert all(b["prev_hash"] == a["hash"] for a, b in pairwise(history))
    assert body["verified"] is True and body["problem"]["head_hash"] == history[-1]["hash"]
    assert history[2]["payload"] == {"deadline": "2026-03-10", "deadline_workdays": 5, "department": "市自然资源局"}
    assert (history[3]["role"], history[4]["role"]) == ("department", "department")  # recorded for the department
    assert body["problem"]["satisfaction"] == 5 and body["problem"]["state"] == "closed"


def test_the_next_actions_are_those_the_state_and_the_account_allow(loop, client, login):
    body = client.get(f"/api/problems/{loop['ids']['P2']}", headers=login("cs")).json()
    assert [a["action"] for a in body["next_actions"]] == ["transfer", "reply"]  # withdraw is the enterprise's
    body = client.get(f"/api/problems/{loop['ids']['P1']}", headers=login("a1")).json()
    assert [a["action"] for a in body["next_actions"]] == ["reopen"]
    assert client.get(f"/api/problems/{loop['ids']['P3']}", headers=login("chain")).json()["next_actions"] == []


def test_an_invalid_transition_is_a_conflict_and_writes_nothing(loop, client, login, workspace):
    p4 = loop["ids"]["P4"]
    r = client.post(f"/api/problems/{p4}/close", json={"satisfaction": 4}, headers=login("zz"))
    assert r.status_code == 409
    error = r.json()["error"]
    assert error["code"] == "conflict" and error["details"]["allowed_actions"] == ["accept", "reject", "withdraw"]
    r = client.post(f"/api/problems/{p4}/reject", json={}, headers=login("zz"))
    assert r.status_code == 400  # a rejection needs a reason
    r = client.post(f"/api/problems/{p4}/accept", json={}, headers=login("a1"))
    assert r.status_code == 403  # not its problem
    r = client.post(f"/api/problems/{p4}/fly", json={}, headers=login("zz"))
    assert r.status_code == 400
    body = client.get(f"/api/problems/{p4}", headers=login("zz")).json()
    assert len(body["history"]) == 1 and body["problem"]["state"] == "submitted"
    total, entries = audit.entries(workspace.store, username="zz", action="problem_close", limit=1)
    assert total >= 1 and "outcome=refused code=conflict" in entries[0]["detail"]


def test_a_chain_office_reads_but_cannot_act(loop, client, login):
    r = client.post(f"/api/problems/{loop['ids']['P4']}/accept", json={}, headers=login("chain"))
    assert r.status_code == 403 and r.json()["error"]["details"]["action"] == "handle_problem"


def test_statistics_by_category_equal_the_hand_counts(loop, client, login):
    r = client.get("/api/problems/stats", params={"by": "category", "as_of": AS_OF}, headers=login("prov"))
    assert r.status_code == 200, r.text
    body = r.json()
    rows = {i["group"]: i for i in body["items"]}
    land, money = rows["用地"], rows["融资"]
    assert (land["problems"], land["open"], land["closed"], land["rejected"]) == (3, 1, 1, 1)
    assert (land["due"], land["on_time"], land["on_time_rate"], land["repeat_problems"]) == (1, 1, 1.0, 1)
    assert (land["median_workdays_to_close"], land["mean_satisfaction"]) == (5.0, 5.0)
    assert (money["problems"], money["open"], money["closed"], money["overdue_now"]) == (2, 1, 1, 1)
    assert (money["due"], money["on_time"], money["on_time_rate"]) == (2, 1, 0.5)
    assert (money["median_workdays_to_close"], money["mean_satisfaction"]) == (4.0, 3.0)
    assert rows["科技创新"]["withdrawn"] == 1 and rows["用能"]["open"] == 1 and rows["用工"]["open"] == 1
    states = {s["state"]: s["count"] for s in body["by_state"]}
    assert states == {"submitted": 3, "accepted": 0, "assigned": 0, "in_progress": 1, "replied": 0, "closed": 2,
                      "rejected": 1, "withdrawn": 1}
    assert body["problems"] == 8 and body["overdue"] == 1 and body["total"] == len(rows) == 5


def test_statistics_by_city_follow_the_scope(loop, client, login):
    body = client.get("/api/problems/stats", params={"by": "city", "as_of": AS_OF}, headers=login("prov")).json()
    assert {i["group"]: (i["name"], i["problems"]) for i in body["items"]} == {
        "430100": ("长沙市", 5), "430200": ("株洲市", 2), "430600": ("岳阳市", 1)}
    body = client.get("/api/problems/stats", params={"by": "city", "as_of": AS_OF}, headers=login("zz")).json()
    assert [(i["group"], i["problems"], i["rejected"]) for i in body["items"]] == [("430200", 2, 1)]
    assert body["problems"] == 2 and body["overdue"] == 0 and body["total"] == 1


def test_statistics_page_by_rows_of_areas_not_by_problems(loop, client, login):
    """8 problems in 3 cities: with 2 rows a page there are 2 pages (3 rows), not 4 (8 problems)."""
    body = client.get("/api/problems/stats", params={"by": "city", "as_of": AS_OF, "page_size": 2, "page": 2},
                      headers=login("prov")).json()
    assert (body["total"], body["problems"], len(body["items"])) == (3, 8, 1)


def test_a_batch_file_outside_the_scope_or_with_bad_rows_is_refused_whole(loop, client, login, tmp_path):
    bad_code = U["C1"][:17] + ("0" if U["C1"][17] != "0" else "1")
    outside = tmp_path / "外市.csv"
    outside.write_text(f"统一社会信用代码,问题标题,问题描述,问题类别\n{U['A2']},甲,甲,用工\n{U['B1']},乙,乙,用工\n",
                       encoding="utf-8")
    broken = tmp_path / "有错.csv"
    broken.write_text(f"统一社会信用代码,问题标题,问题描述,问题类别\n{bad_code},丙,丙,用工\n{U['A2']},丁,,飞行\n",
                      encoding="utf-8")
    with open(outside, "rb") as f:
        r = client.post("/api/problems/batch", files={"file": (outside.name, f)}, headers=login("cs"))
    assert r.status_code == 403 and r.json()["error"]["details"]["rows"] == [{"row": 3, "uscc": U["B1"]}]
    with open(broken, "rb") as f:
        r = client.post("/api/problems/batch", files={"file": (broken.name, f)}, headers=login("prov"))
    assert r.status_code == 422
    errors = r.json()["error"]["details"]["errors"]
    assert {(e["row"], e["column"]) for e in errors} == {(2, "统一社会信用代码"), (3, "问题描述"), (3, "问题类别")}
    with open(broken, "rb") as f:
        assert client.post("/api/problems/batch", files={"file": (broken.name, f)},
                           headers=login("a1")).status_code == 403
    assert keys(loop, listed(client, login, "prov")) == set(loop["ids"])


def test_the_list_and_the_statistics_export(loop, client, login):
    r = client.get("/api/problems", params={"format": "csv"}, headers=login("cs"))
    lines = r.content.decode("utf-8-sig").strip().splitlines()
    assert r.status_code == 200 and lines[0].startswith("编号,提交时间,企业名称") and len(lines) == 6
    r = client.get("/api/problems/stats", params={"format": "xlsx", "by": "city", "as_of": AS_OF},
                   headers=login("prov"))
    rows = list(openpyxl.load_workbook(io.BytesIO(r.content)).active.iter_rows(values_only=True))
    assert rows[0][:3] == ("分组", "名称", "问题数（个）") and len(rows) == 4


def test_the_options_name_categories_states_and_actions(client, login):
    body = client.get("/api/problems/options", headers=login("a1")).json()
    assert "用地" in body["categories"] and {"state": "closed", "label": "已办结"} in body["states"]
    assert {"by": "city", "label": "市"} in body["groupings"]


def test_every_write_and_every_read_is_audited(loop, client, login, workspace, tmp_path):
    refused = {"uscc": U["B1"], "title": "越权", "description": "越权登记", "category": "其他"}
    assert client.post("/api/problems", json=refused, headers=login("cs")).status_code == 403
    outside = tmp_path / "外市.csv"
    outside.write_text(f"统一社会信用代码,问题标题,问题描述,问题类别\n{U['B2']},乙,乙,用工\n", encoding="utf-8")
    with open(outside, "rb") as f:
        assert client.post("/api/problems/batch", files={"file": (outside.name, f)},
                           headers=login("cs")).status_code == 403

    def last(user, action):
        total, entries = audit.entries(workspace.store, username=user, action=action, limit=1)
        assert total >= 1, f"no {action} for {user}"
        return entries[0]

    submits = audit.entries(workspace.store, username="prov", action="submit_problem", limit=50)[1]
    assert f"problem:{loop['ids']['P1']}" in {e["resource"] for e in submits}
    assert all("backdated_to=2026-03" in e["detail"] for e in submits if e["resource"].startswith("problem:"))
    refused = audit.entries(workspace.store, username="cs", action="submit_problem", limit=50)[1]
    assert any(e["resource"] == f"enterprise:{U['B1']}" and "code=forbidden" in e["detail"] for e in refused)
    closes = audit.entries(workspace.store, username="prov", action="problem_close", limit=50)[1]
    assert f"problem:{loop['ids']['P1']}" in {e["resource"] for e in closes}
    assert last("a1", "problem_withdraw")["resource"] == f"problem:{loop['ids']['P6']}"
    imports = audit.entries(workspace.store, username="cs", action="import_problems", limit=50)[1]
    assert any(e["detail"].startswith("submitted=2") for e in imports)
    assert any("outcome=refused code=forbidden" in e["detail"] for e in imports)
    assert client.get(f"/api/problems/{loop['ids']['P2']}", headers=login("pa")).status_code == 403
    client.get(f"/api/problems/{loop['ids']['Q1']}", headers=login("pa"))
    assert last("pa", "read_problem")["resource"] == f"problem:{loop['ids']['Q1']}"
    listed(client, login, "zz", state="rejected")
    assert "'state': 'rejected'" in last("zz", "list_problems")["detail"]


def test_an_overdue_problem_stays_overdue_when_the_day_crosses_into_2027(loop, client, login):
    """P2 (due 2026-03-06, still in progress) judged on 2027-01-05: overdue, and the count of working days
    runs through 2027, which has no official arrangement yet, so it is marked 暂定 with the reason. (Before,
    the calendar error for 2027 made the list report P2 as not overdue.)"""
    body = client.get("/api/problems", params={"as_of": "2027-01-05", "overdue": "true"},
                      headers=login("prov")).json()
    row = next(r for r in body["items"] if r["problem_id"] == loop["ids"]["P2"])
    assert row["overdue"] and row["deadline_status"] == "overdue" and row["deadline_provisional"]
    assert row["deadline_label"].startswith("已超期") and row["deadline_label"].endswith("（暂定）")
    assert "2027" in row["deadline_basis"]
    stats = client.get("/api/problems/stats", params={"as_of": "2027-01-05"}, headers=login("prov")).json()
    assert stats["overdue"] == 1


def test_only_an_administrator_loads_a_holiday_arrangement_and_a_bad_file_names_its_line(client, login):
    years = client.get("/api/calendar/years", params={"first": 2026, "last": 2027}, headers=login("cs")).json()
    assert [y["provisional"] for y in years["years"]] == [False, True]
    bad = b"year: 2027\nissued_on: 2026-11-01\nholidays: []\n"
    assert client.post("/api/calendar/arrangements", files={"file": ("a.yaml", bad)},
                       headers=login("prov")).status_code == 403
    refused = client.post("/api/calendar/arrangements", files={"file": ("a.yaml", bad)}, headers=login("admin"))
    assert refused.status_code == 400
    error = refused.json()["error"]
    assert error["location"] == {"file": "a.yaml", "row": 1, "column": "document_number"} and error["fix"]
