"""Long table → region × industry matrix, validation, and region levels."""

from __future__ import annotations

import pandas as pd
import pytest

from gaodi.errors import InputError
from gaodi.regional import (
    LongTableColumns,
    apply_region_level,
    matrices_by_year,
    read_table_file,
    region_industry_matrix,
)


def test_rows_of_the_same_pair_are_added_and_codes_keep_leading_zeros():
    table = pd.DataFrame({"地区": ["430100", "430100", "430200"],
                          "行业": ["0111", "0111", "3973"],
                          "营收": ["1,000", "2.5", "7"]})
    matrix = region_industry_matrix(table, LongTableColumns("地区", "行业", "营收"))
    assert matrix.columns.to_list() == ["0111", "3973"]
    assert matrix.loc["430100", "0111"] == 1002.5
    assert matrix.loc["430200", "0111"] == 0.0


def test_bad_values_are_refused_with_their_file_rows():
    table = pd.DataFrame({"region": ["a", "b", "c"], "industry": ["x", "y", "z"],
                          "value": ["1", "n/a", "-3"]})
    with pytest.raises(InputError) as info:
        region_industry_matrix(table)
    assert info.value.location.row == 3 and info.value.location.column == "value"
    table.loc[1, "value"] = "2"
    with pytest.raises(InputError) as info:
        region_industry_matrix(table)
    assert "负" in info.value.message and info.value.details["rows"] == [4]


def test_missing_column_names_the_columns_present():
    with pytest.raises(InputError) as info:
        region_industry_matrix(pd.DataFrame({"城市": ["a"], "industry": ["x"], "value": [1]}))
    assert info.value.details["missing_columns"] == ["region"]
    assert "城市" in info.value.message


def test_matrices_by_year_share_regions_and_industries(holukuluku_table):
    by_year = matrices_by_year(holukuluku_table)
    assert sorted(by_year) == ["1985", "1995"]
    assert by_year["1985"].index.equals(by_year["1995"].index)
    assert by_year["1995"].loc["Holukuluku"].to_list() == [1000, 100, 250, 280]


def test_county_codes_roll_up_to_their_city():
    table = pd.DataFrame({"region": ["430102", "430103", "430211"], "industry": ["x"] * 3,
                          "value": [1, 2, 4]})
    rolled = apply_region_level(table, "city", "region")
    assert region_industry_matrix(rolled)["x"].to_dict() == {"430100": 3.0, "430200": 4.0}


def test_city_total_mixed_with_its_counties_is_refused_as_double_counting():
    table = pd.DataFrame({"region": ["430100", "430102"], "industry": ["x", "x"], "value": [3, 1]})
    with pytest.raises(InputError) as info:
        apply_region_level(table, "city", "region")
    assert info.value.location.row == 3
    with pytest.raises(InputError):
        apply_region_level(table, "county", "region")
    with pytest.raises(InputError):
        apply_region_level(table.assign(region=["长沙市", "芙蓉区"]), "county", "region")


def test_read_table_file_reads_gbk_csv_as_text(tmp_path):
    path = tmp_path / "gbk.csv"
    path.write_bytes("地区,行业,营收\n430100,0111,5\n".encode("gb18030"))
    table = read_table_file(path)
    assert table.loc[0, "行业"] == "0111"
    with pytest.raises(InputError):
        read_table_file(tmp_path / "missing.csv")
    with pytest.raises(InputError):
        read_table_file(tmp_path / "table.txt")
