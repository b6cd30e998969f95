"""Every validation rule of the import names the row, the column, the value, the reason and a fix."""

from __future__ import annotations

import pytest
from stdnum.cn import uscc as stdnum_uscc

from gaodi.errors import ValidationFailed
from gaodi.ingest.lookups import check_uscc, parse_period
from tests.foundation.samples import A, B, C, ENTERPRISE_HEADER, enterprises_rows, with_wrong_check_digit


def problems_of(workspace, kind, path) -> list[dict]:
    with pytest.raises(ValidationFailed) as info:
        workspace.import_file(kind, path)
    return info.value.details["first_problems"]


def one(problems, column) -> dict:
    hits = [p for p in problems if p["column"] == column and p["severity"] == "error"]
    assert len(hits) == 1, problems
    return hits[0]


def test_credit_code_check_digit_agrees_with_stdnum_documented_example():
    assert check_uscc("91110000600037341L").value == "91110000600037341L"  # python-stdnum docs
    assert check_uscc("91110000600037341M").severity == "error"
    assert stdnum_uscc.is_valid(A) and stdnum_uscc.is_valid(B)


def test_import_rejects_bad_credit_code_naming_row_column_and_expected_digit(workspace, write_csv):
    bad = with_wrong_check_digit(B)
    rows = enterprises_rows()
    rows[2][0] = bad
    p = one(problems_of(workspace, "enterprises", write_csv("e.csv", rows)), "统一社会信用代码")
    assert p["row"] == 3 and p["value"] == bad
    assert "校验位" in p["reason"] and B[-1] in p["reason"]


def test_import_rejects_credit_code_of_wrong_length(workspace, write_csv):
    rows = enterprises_rows()
    rows[1][0] = A[:17]
    p = one(problems_of(workspace, "enterprises", write_csv("e.csv", rows)), "统一社会信用代码")
    assert p["row"] == 2 and "18 位" in p["reason"]


def test_import_rejects_unknown_region_code(workspace, write_csv):
    rows = enterprises_rows()
    rows[3][2] = "439999"
    p = one(problems_of(workspace, "enterprises", write_csv("e.csv", rows)), "所在县市区代码")
    assert p["row"] == 4 and "不存在" in p["reason"]


def test_retired_region_code_is_mapped_to_successor_with_a_warning_and_kept_as_reported(workspace, write_csv):
    rows = enterprises_rows()
    rows[2][2] = "430124"  # 宁乡县, retired 2017 → 宁乡市 430182
    result = workspace.import_file("enterprises", write_csv("e.csv", rows))
    assert result.warnings == 1 and result.report_path
    e = workspace.store.table("enterprises")
    got = workspace.store.execute(e.filter(e.uscc == B).select("region_code", "region_code_reported"))
    assert got.iloc[0].tolist() == ["430182", "430124"]


def test_retired_region_code_split_into_several_is_rejected(workspace, write_csv):
    rows = enterprises_rows()
    rows[1][2] = "430311"
    p = one(problems_of(workspace, "enterprises", write_csv("e.csv", rows)), "所在县市区代码")
    assert "多个区划" in p["reason"]


def test_import_rejects_industry_code_not_in_gbt4754_and_hints_at_a_lost_leading_zero(workspace, write_csv):
    rows = enterprises_rows()
    rows[1][3] = "9999"
    rows[2][3] = "610"  # 0610 烟煤和无烟煤开采洗选, saved as a number by Excel
    problems = problems_of(workspace, "enterprises", write_csv("e.csv", rows))
    codes = {p["row"]: p for p in problems if p["column"] == "行业代码"}
    assert "不在 GB/T 4754-2017" in codes[2]["reason"]
    assert "开头的 0" in codes[3]["reason"] and "0610" in codes[3]["fix"]


def test_import_rejects_text_in_a_number_column(workspace, write_csv):
    rows = enterprises_rows()
    rows[1][4] = "二〇〇一"
    p = one(problems_of(workspace, "enterprises", write_csv("e.csv", rows)), "成立年份")
    assert p["row"] == 2 and "不是数字" in p["reason"]


def test_import_rejects_duplicate_keys_pointing_at_the_first_row(workspace, write_csv):
    rows = enterprises_rows() + [[A, "重复的甲（测试）", "430102", "3741", "2001", "否"]]
    problems = problems_of(workspace, "enterprises", write_csv("e.csv", rows))
    dup = [p for p in problems if "重复" in p["reason"]]
    assert len(dup) == 1 and dup[0]["row"] == 5 and "第 2 行" in dup[0]["reason"]


def test_import_rejects_empty_required_cell_and_unknown_yes_no(workspace, write_csv):
    rows = enterprises_rows()
    rows[1][1] = ""
    rows[2][5] = "也许"
    problems = problems_of(workspace, "enterprises", write_csv("e.csv", rows))
    assert one(problems, "企业名称")["row"] == 2
    assert one(problems, "是否上市")["row"] == 3


def test_statistics_reject_unknown_enterprise_negative_values_and_bad_periods(workspace, write_csv):
    workspace.import_file("enterprises", write_csv("e.csv", enterprises_rows()))
    header = ["统一社会信用代码", "统计期", "营业收入(万元)", "从业人员", "综合能耗(吨标准煤)"]
    rows = [header,
            [A, "2025", "3000", "120", "50"],
            [make_unknown(), "2025", "100", "3", "1"],
            [B, "2025", "-5", "10", "1"],
            [C, "2025年13月", "100", "3.5", "1"]]
    problems = problems_of(workspace, "statistics", write_csv("s.csv", rows))
    assert one(problems, "统一社会信用代码")["row"] == 3
    assert "不存在" in one(problems, "统一社会信用代码")["reason"]
    assert one(problems, "营业收入(万元)")["row"] == 4
    assert one(problems, "统计期")["row"] == 5
    assert one(problems, "从业人员")["reason"].endswith("应为整数")


def make_unknown() -> str:
    from gaodi.demo.population import make_uscc

    return make_uscc("430103", 99)


def test_row_rule_rejects_title_expiring_before_it_was_granted(workspace, write_csv):
    workspace.import_file("enterprises", write_csv("e.csv", enterprises_rows()))
    rows = [["统一社会信用代码", "称号", "等级", "认定年份", "有效期至"],
            [A, "小巨人", "国家级", "2024", "2021"]]
    p = one(problems_of(workspace, "titles", write_csv("t.csv", rows)), "有效期至")
    assert p["row"] == 2 and "早于" in p["reason"]


@pytest.mark.parametrize("text, period", [
    ("2025", "2025"), ("2025年", "2025"), ("2026-10", "2026-10"), ("2026年1-10月", "2026-10"),
    ("2026年1—10月", "2026-10"), ("202610", "2026-10"), ("2026M3", "2026-03"), ("2026/3", "2026-03"),
    ("2026.03", "2026-03"), ("２０２５年", "2025"),
])
def test_periods_in_the_forms_statistical_systems_export_are_recognised(text, period):
    assert parse_period(text).value == period


@pytest.mark.parametrize("text", ["2026-13", "25", "2025Q3", "二〇二五", "1899"])
def test_unrecognised_periods_are_errors_with_a_fix(text):
    v = parse_period(text)
    assert v.value is None and v.severity == "error" and v.fix
