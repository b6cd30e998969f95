"""Uploading files: a bad file is refused whole with its row-by-row reasons, and the upload is audited."""

from __future__ import annotations

from gaodi.store import audit

from . import province

GOOD = province.USCC["C1"]


def enterprise_csv(uscc: str) -> bytes:
    """C1's own row again (a re-import replaces the same key), so the shared province stays as it is."""
    return f"统一社会信用代码,企业名称,所在县市区代码,行业代码,成立年份\n{uscc},企业C1（测试）,430602,3443,2010\n".encode()


def test_a_bad_file_is_refused_with_row_column_and_reason_and_changes_nothing(client, login, workspace):
    before = workspace.row_counts()["enterprises"]
    bad = GOOD[:17] + ("0" if GOOD[17] != "0" else "1")
    r = client.post("/api/imports/enterprises", headers=login("prov"),
                    files={"file": ("企业名录-错误.csv", enterprise_csv(bad), "text/csv")})
    assert r.status_code == 422
    err = r.json()["error"]
    assert err["code"] == "validation_failed"
    first = err["details"]["first_problems"][0]
    assert first["row"] == 2 and first["column"] == "统一社会信用代码" and first["value"] == bad
    assert workspace.row_counts()["enterprises"] == before
    _, entries = audit.entries(workspace.store, username="prov", action="import")
    assert "outcome=rejected" in entries[0]["detail"]


def test_a_good_file_is_imported_and_listed_in_the_import_log(client, login, workspace):
    r = client.post("/api/imports/enterprises", headers=login("admin"),
                    files={"file": ("企业名录.csv", enterprise_csv(GOOD), "text/csv")})
    assert r.status_code == 200, r.text
    assert r.json()["outcome"] == "ok" and r.json()["rows_imported"] == 1 and r.json()["rows_replaced"] == 1
    log = client.get("/api/imports", headers=login("admin")).json()
    assert log["items"][0]["file_name"].endswith("企业名录.csv") and log["items"][0]["outcome"] == "ok"
    assert workspace.row_counts()["enterprises"] == len(province.FIRMS)


def test_a_city_user_may_not_import(client, login):
    r = client.post("/api/imports/enterprises", headers=login("cs"),
                    files={"file": ("x.csv", enterprise_csv(GOOD), "text/csv")})
    assert r.status_code == 403


def test_an_unknown_kind_or_file_type_is_refused_before_reading(client, login):
    assert client.post("/api/imports/nonsense", headers=login("prov"),
                       files={"file": ("x.csv", b"a\n1\n", "text/csv")}).status_code == 404
    r = client.post("/api/imports/parks", headers=login("prov"), files={"file": ("x.txt", b"a", "text/plain")})
    assert r.status_code == 400 and ".xlsx" in r.json()["error"]["fix"]


def test_the_kinds_list_names_each_kinds_columns(client, login):
    kinds = {k["name"]: k for k in client.get("/api/imports/kinds", headers=login("cs")).json()}
    assert {"uscc", "period", "revenue"} <= {c["name"] for c in kinds["statistics"]["columns"]}
    assert province.FIRMS  # the province the other tests rely on is in place
