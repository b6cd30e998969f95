"""Lists page through the rows and export the whole filtered list as CSV or Excel with Chinese headers."""

from __future__ import annotations

import io

import openpyxl
import pytest


def test_pages_partition_the_list(client, login):
    seen = []
    for n in (1, 2, 3):
        body = client.get("/api/enterprises", params={"page": n, "page_size": 2}, headers=login("prov")).json()
        assert body["total"] == 6 and body["pages"] == 3 and body["size"] == 2
        seen += [i["uscc"] for i in body["items"]]
    assert len(seen) == len(set(seen)) == 6


def test_a_page_beyond_the_end_is_empty(client, login):
    body = client.get("/api/enterprises", params={"page": 9, "page_size": 2}, headers=login("prov")).json()
    assert body["items"] == [] and body["total"] == 6


@pytest.mark.parametrize("path,params,rows", [
    ("/api/enterprises", {}, 3), ("/api/parks", {}, 1), ("/api/regions/cities", {}, 1), ("/api/policies", {}, None),
    ("/api/ladders/candidates", {"rung": "小巨人"}, None)])
def test_csv_export_has_a_bom_chinese_headers_with_units_and_every_row_of_the_scope(client, login, path, params,
                                                                                     rows):
    r = client.get(path, params={**params, "format": "csv", "page_size": 1}, headers=login("cs"))
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    assert r.content.startswith(b"\xef\xbb\xbf")
    lines = r.content.decode("utf-8-sig").strip().splitlines()
    json_total = client.get(path, params=params, headers=login("cs")).json()["total"]
    assert len(lines) - 1 == json_total and (rows is None or json_total == rows)


def test_excel_export_opens_with_the_same_rows_and_unit_headers(client, login):
    r = client.get("/api/enterprises", params={"format": "xlsx", "sort": "-revenue"}, headers=login("prov"))
    sheet = openpyxl.load_workbook(io.BytesIO(r.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:2] == ("统一社会信用代码", "企业名称") and "营业收入（万元）" in rows[0]
    assert len(rows) == 7 and rows[1][rows[0].index("营业收入（万元）")] == 50000


def test_the_audit_log_exports_too(client, login):
    r = client.get("/api/audit", params={"format": "xlsx"}, headers=login("admin"))
    assert r.status_code == 200 and r.content[:2] == b"PK"
