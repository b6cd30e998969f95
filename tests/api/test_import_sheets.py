"""The web import page: a template per kind, a re-importable export, header mapping, and fixes in the
words of the page (buttons and fields, never command-line options)."""

from __future__ import annotations

import io
import json

import openpyxl

from . import province

C1 = province.USCC["C1"]
# C1's own row again (a re-import replaces the same key), under headers an office might use.
OFFICE = f"单位全称,信用代码,所在县区,行业,备注\n企业C1（测试）,{C1},430602,3443,无\n".encode()


def test_the_template_has_chinese_headers_an_example_and_an_explanation_sheet(client, login):
    r = client.get("/api/imports/statistics/template", headers=login("prov"))
    assert r.status_code == 200
    book = openpyxl.load_workbook(io.BytesIO(r.content))
    assert book.sheetnames == ["填报", "填表说明"]
    header = [c.value for c in book["填报"][1]]
    assert header[:4] == ["统一社会信用代码", "统计期", "是否规上", "营业收入(万元)"]
    assert len([c.value for c in book["填报"][2] if c.value is not None]) == len(header)
    explained = {row[0]: row for row in book["填表说明"].iter_rows(values_only=True) if row[0]}
    assert explained["营业收入(万元)"][3] == "万元" and "2026-10" in explained["统计期"][2]
    assert client.get("/api/imports/statistics/template", headers=login("cs")).status_code == 403


def test_headers_are_matched_before_the_upload_and_the_mapping_is_applied(client, login, workspace):
    r = client.post("/api/imports/enterprises/headers", headers=login("admin"),
                    files={"file": ("office.csv", OFFICE, "text/csv")})
    assert r.status_code == 200, r.text
    got = {h["header"]: h["column"] for h in r.json()["headers"]}
    assert got == {"单位全称": None, "信用代码": "uscc", "所在县区": None, "行业": None, "备注": None}
    assert set(r.json()["missing"]) == {"name", "region_code", "industry_code"}
    before = workspace.row_counts()
    refused = client.post("/api/imports/enterprises", headers=login("admin"),
                          files={"file": ("office.csv", OFFICE, "text/csv")})
    assert refused.status_code == 400 and workspace.row_counts() == before
    words = json.dumps(refused.json(), ensure_ascii=False)
    assert "表头对应" in words and "下载模板" in words and "--" not in words and "gaodi " not in words
    mapping = {"单位全称": "name", "所在县区": "region_code", "行业": "industry_code", "备注": ""}
    r = client.post("/api/imports/enterprises", headers=login("admin"), data={"header_map": json.dumps(mapping)},
                    files={"file": ("office.csv", OFFICE, "text/csv")})
    assert r.status_code == 200, r.text
    assert r.json()["rows_replaced"] == 1 and r.json()["ignored_columns"] == ["备注"]


def test_a_rejected_web_upload_speaks_of_the_checkbox_not_of_flags(client, login):
    bad = C1[:17] + ("0" if C1[17] != "0" else "1")
    r = client.post("/api/imports/enterprises", headers=login("admin"), files={"file": (
        "e.csv", f"统一社会信用代码,企业名称,所在县市区代码,行业代码\n{bad},x,430602,3443\n".encode(), "text/csv")})
    assert r.status_code == 422
    assert "只导入有效行" in r.json()["error"]["fix"] and "--" not in r.json()["error"]["fix"]


def test_the_export_of_a_kind_uploads_again_as_it_is(client, login, workspace):
    before = workspace.row_counts()
    r = client.get("/api/imports/parks/export", headers=login("admin"))
    assert r.status_code == 200
    again = client.post("/api/imports/parks", headers=login("admin"),
                        files={"file": ("parks.xlsx", r.content, "application/octet-stream")})
    assert again.status_code == 200, again.text
    assert again.json()["rows_replaced"] == again.json()["rows_imported"] == before["parks"]
    assert workspace.row_counts() == before
