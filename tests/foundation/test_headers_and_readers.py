"""Header maps (Chinese, English, overrides), explicit units, and the three file formats."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook

from gaodi.errors import InputError, ValidationFailed
from gaodi.ingest.headers import split_unit
from gaodi.ingest.importer import ImportOptions
from gaodi.ingest.units import FACTORS
from tests.foundation.samples import A, B, C, enterprises_rows

ENGLISH = ["uscc", "name", "region_code", "industry_code", "founded_year", "listed"]


def revenue_of(workspace, uscc, period="2025"):
    s = workspace.store.table("statistics")
    return workspace.store.execute(s.filter((s.uscc == uscc) & (s.period == period)).revenue)[0]


@pytest.fixture
def with_enterprises(workspace, write_csv):
    workspace.import_file("enterprises", write_csv("e.csv", enterprises_rows()))
    return workspace


def test_english_headers_in_another_order_are_accepted(workspace, write_csv):
    rows = [[r[i] for i in (5, 4, 3, 2, 1, 0)] for r in enterprises_rows()]
    rows[0] = list(reversed(ENGLISH))
    assert workspace.import_file("enterprises", write_csv("e.csv", rows)).rows_imported == 3


def test_unit_in_the_header_is_converted_to_the_store_unit(with_enterprises, write_csv):
    with_enterprises.import_file("statistics", write_csv("s.csv", [
        ["统一社会信用代码", "统计期", "营业收入（亿元）", "综合能耗(万吨标准煤)", "用地面积(公顷)"],
        [A, "2025", "1.5", "0.2", "2"]]))
    s = with_enterprises.store.table("statistics")
    row = with_enterprises.store.execute(s.select("revenue", "energy_tce", "land_mu")).iloc[0]
    assert row.revenue == pytest.approx(15000.0)  # 1.5 亿元 = 15000 万元
    assert row.energy_tce == pytest.approx(2000.0)  # 0.2 万吨标准煤
    assert row.land_mu == pytest.approx(30.0)  # 1 公顷 = 15 亩


def test_a_money_column_without_a_unit_is_refused_with_the_fix(with_enterprises, write_csv):
    with pytest.raises(InputError) as info:
        with_enterprises.import_file("statistics", write_csv("s.csv", [
            ["统一社会信用代码", "统计期", "营业收入"], [A, "2025", "100"]]))
    assert "没有写明单位" in str(info.value) and "--unit revenue=万元" in str(info.value)


def test_unit_option_supplies_the_unit(with_enterprises, write_csv):
    path = write_csv("s.csv", [["uscc", "period", "revenue"], [A, "2025", "2"]])
    with_enterprises.import_file("statistics", path, ImportOptions(units={"revenue": "亿元"}))
    assert revenue_of(with_enterprises, A) == pytest.approx(20000.0)


def test_unknown_units_and_columns_are_refused_unless_ignored(with_enterprises, write_csv):
    with pytest.raises(InputError, match="不认识的单位"):
        with_enterprises.import_file("statistics", write_csv("s.csv", [
            ["统一社会信用代码", "统计期", "营业收入(美元)"], [A, "2025", "1"]]))
    rows = [["统一社会信用代码", "统计期", "营业收入(万元)", "备注栏"], [A, "2025", "1", "x"]]
    with pytest.raises(InputError, match="不认识的列：备注栏"):
        with_enterprises.import_file("statistics", write_csv("s.csv", rows))
    result = with_enterprises.import_file("statistics", write_csv("s.csv", rows),
                                          ImportOptions(ignore_columns=True))
    assert result.ignored_columns == ["备注栏"]
    assert "备注栏" in with_enterprises.imports()[-1]["message"]


def test_header_map_option_maps_a_header_of_the_users_own(with_enterprises, write_csv):
    path = write_csv("s.csv", [["纳税主体代码", "所属期", "主营收入合计(万元)"], [A, "2025", "7"]])
    with_enterprises.import_file("statistics", path, ImportOptions(header_map={
        "纳税主体代码": "uscc", "所属期": "period", "主营收入合计(万元)": "revenue"}))
    assert revenue_of(with_enterprises, A) == 7.0


def test_missing_required_columns_are_named_with_their_accepted_headers(workspace, write_csv):
    with pytest.raises(InputError) as info:
        workspace.import_file("enterprises", write_csv("e.csv", [["企业名称"], ["甲"]]))
    assert "缺少必填列“统一社会信用代码”" in str(info.value)


def test_gbk_encoded_csv_from_a_chinese_system_is_read(workspace, write_csv):
    path = write_csv("e.csv", enterprises_rows(), encoding="gbk")
    workspace.import_file("enterprises", path)
    e = workspace.store.table("enterprises")
    assert workspace.store.execute(e.filter(e.uscc == A).name)[0] == "甲公司（测试）"


def test_xlsx_rows_are_numbered_as_the_sheet_shows_them(workspace, tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["企业名录（2025年）"])  # a title row above the header, as exports often have
    ws.append([])
    rows = enterprises_rows()
    ws.append(rows[0])
    ws.append([A, "甲公司（测试）", 430102, 3741, 2001, "否"])  # numbers typed as numbers
    ws.append([B, "乙公司（测试）", 439999, 3612, 2010, "是"])
    path = tmp_path / "e.xlsx"
    wb.save(path)
    with pytest.raises(ValidationFailed) as info:
        workspace.import_file("enterprises", path)
    problems = info.value.details["first_problems"]
    assert problems[0]["row"] == 5 and problems[0]["column"] == "所在县市区代码"  # header on row 3


def test_parquet_rows_are_numbered_from_one_and_empty_csv_rows_are_counted(workspace, write_csv, tmp_path):
    rows = enterprises_rows()
    table = pa.table({h: [r[i] for r in rows[1:]] for i, h in enumerate(rows[0])})
    pq.write_table(table, tmp_path / "e.parquet")
    workspace.import_file("enterprises", tmp_path / "e.parquet")
    result = workspace.import_file("enterprises", write_csv("e.csv", rows[:2] + [["", "", "", "", "", ""]] + rows[2:]))
    assert result.rows_empty == 1 and result.rows_imported == 3


@given(st.sampled_from(sorted(FACTORS["money"])), st.sampled_from(["(", "（", "[", "【"]))
def test_split_unit_reads_the_unit_whatever_the_brackets(unit, bracket):
    closing = {"(": ")", "（": "）", "[": "]", "【": "】"}[bracket]
    base, got = split_unit(f"营业收入 {bracket}{unit}{closing}")
    assert base == "营业收入" and got == unit.lower()
