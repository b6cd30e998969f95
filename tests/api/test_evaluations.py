"""Evaluations on the web: rankings, explanations, movement, dynamic management, the cluster ladder.

Every expected figure is worked out by hand in the docstring of ``province_evaluations.py`` (亩均效益
of the five above-scale enterprises in 2025 and 2024, 集群竞赛 of the three clusters, the cluster
ladder); the scopes are those of ``test_scoping.py``.
"""

from __future__ import annotations

import io

import openpyxl
import pytest

from gaodi.store import audit

from . import province

U = province.USCC
BY_USCC = {v: k for k, v in U.items()}
MU = "亩均效益-规上工业企业"
TOTALS_2025 = {"A1": 123.952, "B1": 111.811, "A2": 100.422, "B2": 79.296, "C1": 70.701}
CLASSES_2025 = {"A1": "A", "B1": "B", "A2": "B", "B2": "C", "C1": "D"}


def get(client, login, path, user="prov", **params):
    r = client.get(f"/api/evaluations{path}", headers=login(user), params=params)
    assert r.status_code == 200, r.text
    return r.json()


def test_the_rule_sets_are_listed_with_their_indicators_and_the_years_with_data(client, login):
    body = get(client, login, "/rulesets")
    assert body["years"] == [2024, 2025]
    sets = {r["name"]: r for r in body["rulesets"]}
    assert set(sets) == {"亩均效益-规上工业企业", "亩均效益-规上工业企业-浙江六项", "亩均效益-规下工业企业", "亩均效益-园区",
                         "五好园区", "集群竞赛"}
    mu = sets[MU]
    assert mu["subject"] == "enterprises" and mu["classes"] == ["A", "B", "C", "D"]
    assert [(i["name"], i["weight"]) for i in mu["indicators"]][:2] == [("亩均税收", 0.30), ("亩均增加值", 0.25)]
    assert sets["五好园区"]["dynamic"]["loss_bottom"] == 5 and sets["五好园区"]["classes"] == ["A", "B", "C", "D"]
    assert sets["集群竞赛"]["dynamic"]["loss_bottom"] is None  # 摘牌 is the parks' rule (issue 14)


def test_the_mu_ranking_equals_the_hand_computation(client, login):
    body = get(client, login, f"/rankings/{MU}", year=2025)
    got = {BY_USCC[i["id"]]: i for i in body["items"]}
    assert [BY_USCC[i["id"]] for i in body["items"]] == ["A1", "B1", "A2", "B2", "C1"]
    for key, total in TOTALS_2025.items():
        assert got[key]["total"] == pytest.approx(total, abs=1e-3)
        assert got[key]["class"] == CLASSES_2025[key]
    assert [got[k]["rank"] for k in ("A1", "B1", "A2", "B2", "C1")] == [1, 2, 3, 4, 5]
    assert got["B1"]["亩均税收"] == pytest.approx(18.75) and got["B1"]["单位能耗增加值"] == pytest.approx(30)
    assert body["benchmarks"]["亩均税收"] == pytest.approx(5200 / 290)
    assert body["benchmarks"]["单位能耗增加值"] == pytest.approx(17)
    assert body["benchmarks"]["全员劳动生产率"] == pytest.approx(102)
    assert body["class_counts"] == {"A": 1, "B": 2, "C": 1, "D": 1, "不参评": 0}
    assert got["C1"]["measures"].startswith("倒逼整治") and got["A1"]["reason"] == ""


@pytest.mark.parametrize("user,firms", [
    ("cs", ["A1", "A2"]), ("zz", ["B1", "B2"]), ("pa", ["A1"]), ("chain", ["B1", "B2", "C1"]), ("a1", ["A1"])])
def test_each_scope_sees_its_own_enterprises_with_their_provincial_rank(client, login, user, firms):
    body = get(client, login, f"/rankings/{MU}", user)
    assert [BY_USCC[i["id"]] for i in body["items"]] == firms
    assert all(i["class"] == CLASSES_2025[BY_USCC[i["id"]]] for i in body["items"])
    assert sum(body["class_counts"].values()) == len(firms)


def test_a_class_filter_and_a_sort_pick_and_order_the_rows(client, login):
    body = get(client, login, f"/rankings/{MU}", **{"class": "B"})
    assert [BY_USCC[i["id"]] for i in body["items"]] == ["B1", "A2"] and body["total"] == 2
    body = get(client, login, f"/rankings/{MU}", sort="total")
    assert [BY_USCC[i["id"]] for i in body["items"]] == ["C1", "B2", "A2", "B1", "A1"]


def test_reading_enterprise_rankings_is_audited_with_the_scope(client, login, workspace):
    get(client, login, f"/rankings/{MU}", "zz")
    total, entries = audit.entries(workspace.store, username="zz", action="read_evaluation", limit=1)
    assert total >= 1 and entries[0]["resource"] == f"evaluation:{MU}" and "市 430200" in entries[0]["detail"]


def test_one_enterprise_explains_its_points_indicator_by_indicator(client, login, workspace):
    """A1: 30 × 20 / (5 200 / 290) = 33.462; 25 × 200 / (51 000 / 290) = 28.431; 15 × 20 / 17 = 17.647;
    15 × 200 / 102 = 29.412; R&D 15 × 2 / 2 = 15."""
    body = get(client, login, f"/rankings/{MU}/{U['A1']}", "cs")
    points = {i["name"]: i["points"] for i in body["indicators"]}
    assert points == pytest.approx({"亩均税收": 33.4615, "亩均增加值": 28.4314, "单位能耗增加值": 17.6471,
                                    "全员劳动生产率": 29.4118, "研发经费投入强度": 15.0}, abs=1e-4)
    assert body["item"]["class_label"] == "A" and body["item"]["rank"] == 1 and body["item"]["measures"]
    total, entries = audit.entries(workspace.store, username="cs", action="read_enterprise_evaluation", limit=1)
    assert total >= 1 and entries[0]["resource"] == f"enterprise:{U['A1']}"


@pytest.mark.parametrize("path,status", [
    (f"/rankings/{MU}/{U['B1']}", 403), ("/rankings/亩均效益-园区/PB", 403), ("/rankings/集群竞赛/K2", 403),
    ("/rankings/集群竞赛/K9", 404), ("/rankings/不存在的规则", 404)])
def test_a_city_user_cannot_read_another_citys_alternatives(client, login, path, status):
    r = client.get(f"/api/evaluations{path}", headers=login("cs"))
    assert r.status_code == status, r.text
    assert r.json()["error"]["code"] == ("forbidden" if status == 403 else "not_found")


def test_an_enterprise_outside_the_rule_sets_population_is_not_found_in_it(client, login):
    """A3 is below scale: the above-scale evaluation does not hold it."""
    r = client.get(f"/api/evaluations/rankings/{MU}/{U['A3']}", headers=login("cs"))
    assert r.status_code == 404 and "不在" in r.json()["error"]["message"]


@pytest.mark.parametrize("name", ["亩均效益-园区", "五好园区", "亩均效益-规下工业企业"])
def test_too_few_gradable_alternatives_is_a_data_quality_error(client, login, name):
    """Parks: PA has 1 above-scale enterprise and PB 2, under the 5 required; below scale: A3 alone."""
    r = client.get(f"/api/evaluations/rankings/{name}", headers=login("prov"))
    assert r.status_code == 422 and r.json()["error"]["code"] == "data_quality"
    assert "不足 2 个" in r.json()["error"]["message"]


def test_the_cluster_race_equals_the_hand_computation(client, login):
    """K1 96, K2 92.537, K3 81 (功效系数法); three clusters: ranks 1/3 and 2/3 are B, 3/3 is C."""
    body = get(client, login, "/rankings/集群竞赛")
    assert [(i["id"], i["class"]) for i in body["items"]] == [("K1", "B"), ("K2", "B"), ("K3", "C")]
    assert [i["total"] for i in body["items"]] == pytest.approx([96.0, 92.5369, 81.0], abs=1e-4)
    assert body["class_counts"] == {"A": 0, "B": 2, "C": 1, "不参评": 0}


@pytest.mark.parametrize("user,clusters", [("cs", ["K1"]), ("zz", ["K2"]), ("pa", ["K1"]),
                                           ("chain", ["K1", "K2", "K3"]), ("a1", ["K1"])])
def test_a_cluster_is_in_a_scope_when_one_of_its_members_is(client, login, user, clusters):
    """Chain T reaches A3 (K1), B1 B2 (K2) and C1 (K3)."""
    assert [i["id"] for i in get(client, login, "/rankings/集群竞赛", user)["items"]] == clusters
    assert [i["cluster_id"] for i in get(client, login, "/cluster-ladder", user)["items"]] == clusters


def test_movement_between_years_names_who_moved_up_and_down(client, login):
    """2024 → 2025: B2 D → C (up), C1 C → D (down), A1 A2 B1 unchanged."""
    body = get(client, login, f"/movement/{MU}", **{"from": 2024, "to": 2025})
    moves = {BY_USCC[m["id"]]: m for m in body["items"]}
    assert (moves["B2"]["change"], moves["B2"]["class_before"], moves["B2"]["class_after"]) == ("up", "D", "C")
    assert (moves["C1"]["change"], moves["C1"]["rank_before"], moves["C1"]["rank_after"]) == ("down", 4, 5)
    assert body["counts"] == {"up": 1, "down": 1, "same": 3, "new": 0, "left": 0}
    assert [BY_USCC[m["id"]] for m in get(client, login, f"/movement/{MU}", change="up")["items"]] == ["B2"]
    city = get(client, login, f"/movement/{MU}", "cs")
    assert {BY_USCC[m["id"]] for m in city["items"]} == {"A1", "A2"} and city["counts"]["same"] == 2


def test_movement_needs_the_earlier_year_first(client, login):
    r = client.get(f"/api/evaluations/movement/{MU}", params={"from": 2025, "to": 2024}, headers=login("prov"))
    assert r.status_code == 400 and r.json()["error"]["code"] == "bad_input"


def test_dynamic_management_warns_the_bottom_five(client, login):
    """集群竞赛 warns the bottom 5 of a year: with three clusters all of them (rank > 3 − 5)."""
    body = get(client, login, "/dynamic/集群竞赛", years="2025")
    assert [(i["id"], i["status"], i["rank_2025"]) for i in body["items"]] == [
        ("K1", "warning", 1), ("K2", "warning", 2), ("K3", "warning", 3)]
    r = client.get("/api/evaluations/dynamic/集群竞赛", headers=login("prov"))  # 2024 and 2025
    assert r.status_code == 422  # 2024 has no 2023 figures: growth cannot be computed
    r = client.get(f"/api/evaluations/dynamic/{MU}", headers=login("prov"))
    assert r.status_code == 400 and "没有动态管理" in r.json()["error"]["message"]


def test_the_cluster_ladder_carries_the_monitoring_figures(client, login):
    """K1: 3 members, 2 above scale, revenue 81 500, growth (81 500 / 65 200 − 1) × 100 = 25 %, R&D 2 %."""
    items = get(client, login, "/cluster-ladder", year=2025)["items"]
    assert [i["level_name"] for i in items] == ["国家级", "省级", "中小企业特色产业集群"]
    k1 = items[0]
    assert (k1["members"], k1["above_scale_members"], k1["revenue"]) == (3, 2, 81500)
    assert k1["revenue_growth"] == pytest.approx(25.0) and k1["rd_intensity"] == pytest.approx(2.0)
    assert k1["title_little_giant"] == 1 and items[1]["title_little_giant"] == 0


def test_a_ranking_exports_with_unit_headers_and_every_row_of_the_scope(client, login, workspace):
    r = client.get(f"/api/evaluations/rankings/{MU}", params={"format": "csv", "page_size": 1}, headers=login("prov"))
    assert r.status_code == 200 and r.content.startswith(b"\xef\xbb\xbf")
    lines = r.content.decode("utf-8-sig").strip().splitlines()
    assert "亩均税收（万元/亩）" in lines[0] and "得分（分）" in lines[0] and len(lines) == 6
    r = client.get(f"/api/evaluations/movement/{MU}", params={"format": "xlsx"}, headers=login("cs"))
    rows = list(openpyxl.load_workbook(io.BytesIO(r.content)).active.iter_rows(values_only=True))
    assert rows[0][:3] == ("编号", "名称", "变动") and len(rows) == 3
    assert audit.entries(workspace.store, username="cs", action="export_evaluation_movement", limit=1)[0] >= 1
