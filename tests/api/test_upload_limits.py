"""Hostile files sent to the import upload: a zip bomb workbook, a sheet of too many cells, a CSV with one
huge cell. Each is a clean 400 naming its limit and setting, and the store is unchanged. Small limits are
configured so that the files stay small."""

from __future__ import annotations

import io
import zipfile

import pytest
from fastapi.testclient import TestClient
from openpyxl import Workbook

from gaodi.access.accounts import create_user
from gaodi.api import ApiSettings, create_app
from gaodi.core import Gaodi
from gaodi.ingest.limits import CSV_MAX_ROW_BYTES

from . import province


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    folder = tmp_path_factory.mktemp("upload-limits")
    g = Gaodi.open(home=folder / "ws", in_memory=True, xlsx_max_cells=1000, xlsx_max_ratio=50,
                   import_report_max_rows=3)
    create_user(g.store, "admin", province.PASSWORD, "admin", None)
    client = TestClient(create_app(g, ApiSettings(login_attempts=1000, serve_ui=False)))
    token = client.post("/api/auth/login", json={"username": "admin", "password": province.PASSWORD}).json()
    yield g, client, {"Authorization": f"Bearer {token['access_token']}"}
    g.close()


def _upload(client, headers, name: str, body: bytes):
    return client.post("/api/imports/parks", files={"file": (name, body, "application/octet-stream")},
                       headers=headers)


def _parks(g) -> int:
    return g.store.con.execute("SELECT count(*) FROM parks").fetchone()[0]


def _workbook(rows: list[list]) -> bytes:
    wb = Workbook()
    for row in rows:
        wb.active.append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def test_a_zip_bomb_workbook_is_refused_before_it_is_unpacked(small):
    g, client, headers = small
    body = io.BytesIO()
    with zipfile.ZipFile(body, "w", zipfile.ZIP_DEFLATED) as z:  # 5 MB of one byte packs to a few KB
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/worksheets/sheet1.xml", "<" + " " * (5 << 20) + "/>")
    r = _upload(client, headers, "bomb.xlsx", body.getvalue())
    assert r.status_code == 400, r.text
    error = r.json()["error"]
    assert "GAODI_XLSX_MAX_RATIO" in error["fix"] and error["details"]["limit"] == 50 and _parks(g) == 0


def test_a_sheet_over_the_cell_limit_is_refused_naming_the_row(small):
    g, client, headers = small
    rows = [["park_id", "name", "level", "region_code"]] + [[f"P{i}", "园", "省级", "430104"] for i in range(400)]
    r = _upload(client, headers, "many.xlsx", _workbook(rows))
    assert r.status_code == 400, r.text
    error = r.json()["error"]
    assert "GAODI_XLSX_MAX_CELLS" in error["fix"] and error["location"]["row"] == 251 and _parks(g) == 0


def test_a_sheet_under_the_limits_imports(small):
    g, client, headers = small
    rows = [["park_id", "name", "level", "region_code"], ["PA", "甲园区", "国家级", "430104"]]
    r = _upload(client, headers, "ok.xlsx", _workbook(rows))
    assert r.status_code == 200, r.text
    assert _parks(g) == 1


def test_a_csv_with_one_huge_cell_is_a_clean_400(small):
    g, client, headers = small
    before = _parks(g)
    body = b"park_id,name,level,region_code\nPB," + b"x" * (2 * CSV_MAX_ROW_BYTES) + b",\xe7\x9c\x81\xe7\xba\xa7,430104\n"
    r = _upload(client, headers, "huge.csv", body)
    assert r.status_code == 400, r.text
    assert "4 MB" in r.json()["error"]["message"] and _parks(g) == before


def test_the_problem_report_lists_at_most_the_configured_number_of_problems(small):
    g, client, headers = small
    rows = "".join(f"Q{i},园{i},无此级别,430104\n" for i in range(10))
    r = _upload(client, headers, "bad.csv", ("park_id,name,level,region_code\n" + rows).encode())
    assert r.status_code == 422, r.text
    report = r.json()["error"]["details"]["report_path"]
    lines = open(report, encoding="utf-8-sig").read().splitlines()
    assert len(lines) == 1 + 3 and r.json()["error"]["details"]["rows_invalid"] == 10


def test_a_collection_sheet_over_the_cell_limit_is_refused_before_pandas_loads_it(small, tmp_path):
    from gaodi.errors import InputError
    from gaodi.ingest.limits import ReadLimits
    from gaodi.problems.intake import read_collection_file

    path = tmp_path / "送解优.xlsx"
    path.write_bytes(_workbook([["统一社会信用代码", "问题标题", "问题描述", "问题类别"]]
                               + [[f"X{i}", "标题", "描述", "用地"] for i in range(30)]))
    with pytest.raises(InputError) as caught:
        read_collection_file(path, limits=ReadLimits(xlsx_max_cells=40))
    assert "GAODI_XLSX_MAX_CELLS" in caught.value.fix and caught.value.location.row == 11
    assert read_collection_file(path, limits=ReadLimits(xlsx_max_cells=1000)).file == path.name
