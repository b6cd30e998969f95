"""A bad file changes nothing; --skip-invalid quarantines; re-imports replace exactly what they should."""

from __future__ import annotations

import csv

import pytest

from gaodi.errors import ValidationFailed
from gaodi.ingest.importer import ImportOptions
from tests.foundation.samples import A, B, C, enterprises_rows, with_wrong_check_digit

STAT_HEADER = ["统一社会信用代码", "统计期", "营业收入(万元)", "利润总额(万元)"]


def bad_enterprises(write_csv):
    rows = enterprises_rows()
    rows[1][0] = with_wrong_check_digit(A)  # wrong check digit
    rows[2][2] = "439999"  # unknown region
    rows[3][4] = "abc"  # text in a number column
    rows.append([B, "重复（测试）", "430182", "3612", "2010", "是"])  # duplicate of row 3
    return write_csv("bad.csv", rows)


def test_bad_file_is_rejected_with_a_report_and_the_store_keeps_its_row_counts(workspace, write_csv):
    workspace.import_file("enterprises", write_csv("good.csv", enterprises_rows()))
    before = workspace.row_counts()
    with pytest.raises(ValidationFailed) as info:
        workspace.import_file("enterprises", bad_enterprises(write_csv))
    assert workspace.row_counts() == before
    details = info.value.details
    assert details["rows_invalid"] == 4
    with open(details["report_path"], encoding="utf-8-sig") as fh:
        report = list(csv.DictReader(fh))
    assert {(r["行号 row"], r["列 column"]) for r in report} >= {
        ("2", "统一社会信用代码"), ("3", "所在县市区代码"), ("4", "成立年份"), ("5", "统一社会信用代码")}
    assert all(r["原因 reason"] and r["处理办法 fix"] and r["值 value"] is not None for r in report)
    log = workspace.imports()[-1]
    assert log["outcome"] == "rejected" and log["rows_imported"] == 0 and len(log["sha256"]) == 64


def test_skip_invalid_imports_valid_rows_and_quarantines_the_rest_with_reasons(workspace, write_csv):
    rows = enterprises_rows()
    rows[1][0] = with_wrong_check_digit(A)
    rows[3][4] = "abc"
    rows.append([B, "重复（测试）", "430182", "3612", "2010", "是"])
    result = workspace.import_file("enterprises", write_csv("mixed.csv", rows), ImportOptions(skip_invalid=True))
    assert (result.outcome, result.rows_imported, result.rows_rejected) == ("partial", 1, 3)
    with open(result.quarantine_path, encoding="utf-8-sig") as fh:
        quarantined = list(csv.DictReader(fh))
    assert [q["行号 row"] for q in quarantined] == ["2", "4", "5"]
    assert "校验位" in quarantined[0]["拒收原因 reasons"] and "重复" in quarantined[2]["拒收原因 reasons"]
    assert quarantined[1]["成立年份"] == "abc"  # the row exactly as it was in the file
    # imported + quarantined = every row of the file: nothing silently dropped
    assert result.rows_imported + result.rows_rejected == result.rows_read


def test_failure_while_writing_rolls_back_everything(workspace, write_csv, monkeypatch):
    workspace.import_file("enterprises", write_csv("good.csv", enterprises_rows()))
    before = workspace.row_counts()
    rows = enterprises_rows()
    rows[1][1] = "甲公司改名（测试）"

    def broken_insert(table, expr):
        raise RuntimeError("disk full")

    monkeypatch.setattr(workspace.store, "insert", broken_insert)
    with pytest.raises(RuntimeError):
        workspace.import_file("enterprises", write_csv("again.csv", rows))
    assert workspace.row_counts() == before
    e = workspace.store.table("enterprises")
    assert workspace.store.execute(e.filter(e.uscc == A).name)[0] == "甲公司（测试）"


def test_reimporting_a_period_replaces_exactly_that_period(workspace, write_csv):
    workspace.import_file("enterprises", write_csv("e.csv", enterprises_rows()))
    workspace.import_file("statistics", write_csv("s1.csv", [
        STAT_HEADER, [A, "2024", "100", "5"], [B, "2024", "200", "6"],
        [A, "2025", "110", "7"], [B, "2025", "220", "8"], [C, "2025", "50", "1"]]))
    # the corrected 2025 file drops C and changes A; 2024 must stay as it was
    result = workspace.import_file("statistics", write_csv("s2.csv", [
        STAT_HEADER, [A, "2025年", "111", "7"], [B, "2025", "220", "8"]]))
    assert result.periods == ["2025"] and result.rows_replaced == 3 and result.rows_imported == 2
    st = workspace.store.table("statistics")
    got = workspace.store.execute(st.order_by(["period", "uscc"]).select("uscc", "period", "revenue"))
    assert [tuple(r) for r in got.itertuples(index=False)] == sorted([
        (A, "2024", 100.0), (B, "2024", 200.0), (A, "2025", 111.0), (B, "2025", 220.0)],
        key=lambda r: (r[1], r[0]))


def test_reimporting_enterprises_replaces_rows_with_the_same_key_only(workspace, write_csv):
    workspace.import_file("enterprises", write_csv("e.csv", enterprises_rows()))
    rows = [enterprises_rows()[0], [A, "甲公司新名（测试）", "430102", "3741", "2001", "否"]]
    result = workspace.import_file("enterprises", write_csv("e2.csv", rows))
    assert result.rows_replaced == 1
    e = workspace.store.table("enterprises")
    assert workspace.store.execute(e.count()) == 3
    assert workspace.store.execute(e.filter(e.uscc == A).name)[0] == "甲公司新名（测试）"
