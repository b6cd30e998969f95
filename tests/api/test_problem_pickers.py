"""Filing and assigning problems without typing codes: the enterprise picker and the department catalogue."""

from __future__ import annotations

from gaodi.problems.departments import department_catalogue

from . import province

U = province.USCC


def choices(client, login, user, q, limit=20):
    r = client.get("/api/enterprises/choices", params={"q": q, "limit": limit}, headers=login(user))
    assert r.status_code == 200, r.text
    return [(c["uscc"], c["name"]) for c in r.json()["items"]]


def test_the_picker_finds_enterprises_of_the_scope_by_name_or_code(client, login):
    assert choices(client, login, "cs", "企业") == sorted((U[k], province.NAME[k]) for k in ("A1", "A2", "A3"))
    assert choices(client, login, "prov", "B1") == [(U["B1"], province.NAME["B1"])]  # 企业B1（测试）
    assert choices(client, login, "prov", U["C1"][:12]) == [(U["C1"], province.NAME["C1"])]
    assert choices(client, login, "zz", "A1") == []  # 长沙's enterprise is outside 株洲's scope
    assert len(choices(client, login, "prov", "企业", limit=2)) == 2
    items = client.get("/api/enterprises/choices", params={"q": "企业A1"}, headers=login("prov")).json()["items"]
    assert items == [{"uscc": U["A1"], "name": province.NAME["A1"], "county_name": "岳麓区"}]


def test_the_picker_keeps_its_work_bounded(client, login):
    assert client.get("/api/enterprises/choices", params={"q": "企" * 41}, headers=login("prov")).status_code == 400
    assert client.get("/api/enterprises/choices", params={"q": "企业", "limit": 51},
                      headers=login("prov")).status_code == 400


def test_departments_come_from_a_catalogue_with_the_ones_already_used():
    listed = department_catalogue(["市自然资源局", None, "省工业和信息化厅", "市自然资源局"])
    names = [d["name"] for d in listed]
    assert len(names) == len(set(names))
    assert {"name": "市自然资源局", "group": "used", "group_label": "已使用"} in listed
    assert next(d for d in listed if d["name"] == "省工业和信息化厅")["group"] == "province"


def test_the_department_catalogue_is_served(client, login):
    r = client.get("/api/problems/departments", headers=login("prov"))
    assert r.status_code == 200
    groups = {d["group"] for d in r.json()["items"]}
    assert {"province", "city"} <= groups and any(d["name"] == "省工业和信息化厅" for d in r.json()["items"])
