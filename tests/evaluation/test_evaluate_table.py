"""evaluate_table: reading files, checking cells, combining options with rules, classes."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from gaodi.errors import InputError
from gaodi.evaluation import ClassScheme, evaluate_table, load_rules
from gaodi.evaluation.files import read_indicator_table, read_pairwise_matrix


def test_weighted_method_with_rule_file_scores_caps_and_classes_by_bounds(parks_csv, rules_yaml):
    """Hand calculation for 甲园区 (weights .4 .3 .2 .1, benchmarks 26.01, 132.27, 2.54,
    0.0305, caps 1.5 except 研发强度 at 2):
    100·(.4·30.5/26.01 + .3·150/132.27 + .2·2.8/2.54 + .1·.031/.0305)
    = 46.905 + 34.022 + 22.047 + 10.164 = 113.14 → class A (≥ 110). 丙园区 hits the caps on 亩均税收
    and 亩均增加值: 100·(.4·1.5 + .3·1.5 + .2·3.5/2.54 + .1·.040/.0305)
    = 60 + 45 + 27.559 + 13.115 = 145.67."""
    result = evaluate_table(
        read_indicator_table(parks_csv),
        "weighted",
        rules=load_rules(rules_yaml),
        source=str(parks_csv),
    )
    totals = result.totals
    assert totals["甲园区"] == pytest.approx(113.14, abs=0.005)
    assert totals["丙园区"] == pytest.approx(145.67, abs=0.005)
    assert result.classes.to_dict() == {
        "甲园区": "A",
        "乙园区": "C",
        "丙园区": "A",
        "丁园区": "D",
        "戊园区": "B",
    }
    assert result.parameters["rules"]["name"] == "示例县亩均效益评价"
    assert result.parameters["id_column"] == "园区"


def test_options_override_the_rule_file(parks_csv, rules_yaml):
    """Capping every ratio at 1.0 (options) instead of 1.5/2 (rules): 甲园区 and 丙园区 are at
    or above every benchmark, so both score exactly 100, tie at rank 1 and share class A
    although A is 20 %."""
    table = read_indicator_table(parks_csv)
    result = evaluate_table(
        table,
        "weighted",
        rules=load_rules(rules_yaml),
        default_cap=1.0,
        caps={"研发强度": 1.0},
        classes=ClassScheme.percentile({"A": 0.2, "B": 1.0}),
    )
    assert result.totals["甲园区"] == pytest.approx(100.0) and result.totals[
        "丙园区"
    ] == pytest.approx(100.0)
    assert result.totals.max() <= 100.0 + 1e-9
    assert result.classes.to_dict() == {
        "甲园区": "A",
        "乙园区": "B",
        "丙园区": "A",
        "丁园区": "B",
        "戊园区": "B",
    }


def test_non_numeric_cell_is_refused_naming_file_row_and_column(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("企业,亩均税收,亩均增加值\n甲,12,30\n乙,暂缺,40\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        evaluate_table(read_indicator_table(path), "entropy-topsis", source=str(path))
    where = info.value.location
    assert (where.file, where.row, where.column) == (str(path), 3, "亩均税收")
    assert "暂缺" in info.value.message


def test_empty_cell_is_refused_as_empty(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("企业,a,b\n甲,1,2\n乙,,3\n", encoding="utf-8")
    with pytest.raises(InputError, match="空"):
        evaluate_table(read_indicator_table(path), "entropy-topsis")


def test_duplicate_ids_are_refused_with_both_rows(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("企业,a\n甲,1\n乙,2\n甲,3\n", encoding="utf-8")
    with pytest.raises(InputError, match="与第 2 行相同") as info:
        evaluate_table(read_indicator_table(path), "entropy-topsis")
    assert info.value.location.row == 4


def test_ids_default_to_row_numbers_when_every_column_is_numeric():
    table = pd.DataFrame({"a": [1, 2, 3], "b": [3, 2, 1]})
    result = evaluate_table(table, "topsis", weights={"a": 0.5, "b": 0.5})
    assert sorted(result.ranks.index) == ["1", "2", "3"]


def test_gbk_csv_and_xlsx_are_read_like_utf8_csv(parks_csv, tmp_path):
    table = read_indicator_table(parks_csv)
    gbk = tmp_path / "gbk.csv"
    gbk.write_bytes(parks_csv.read_text(encoding="utf-8").encode("gbk"))
    xlsx = tmp_path / "parks.xlsx"
    with pd.ExcelWriter(xlsx, engine="openpyxl") as writer:
        table.assign(亩均税收=[30.5, 18.2, 1026.0, 12.0, 25.0]).astype(
            {"亩均增加值": float, "单位能耗增加值": float, "研发强度": float}
        ).to_excel(writer, sheet_name="园区", index=False)
    expected = evaluate_table(table, "entropy-topsis").totals
    for path, sheet in ((gbk, None), (xlsx, "园区")):
        got = evaluate_table(read_indicator_table(path, sheet=sheet), "entropy-topsis").totals
        assert got.to_dict() == pytest.approx(expected.to_dict())


def test_ahp_method_reads_fractions_and_reports_consistency(parks_csv, pairwise_csv):
    """The pairwise matrix [[1,2,3,4],[1/2,1,2,3],[1/3,1/2,1,2],[1/4,1/3,1/2,1]] is nearly
    consistent (CR well under 0.1); with floor 0 and span 100 the park best on every indicator
    (丙园区) scores 100."""
    result = evaluate_table(
        read_indicator_table(parks_csv), "ahp", pairwise=read_pairwise_matrix(pairwise_csv)
    )
    assert result.parameters["consistent"] is True
    assert result.parameters["consistency_ratio"] < 0.1
    assert sum(result.weights.values()) == pytest.approx(1.0)
    assert (
        result.weights["亩均税收"]
        > result.weights["亩均增加值"]
        > result.weights["单位能耗增加值"]
        > result.weights["研发强度"]
    )
    assert result.totals["丙园区"] == pytest.approx(100.0)


def test_ahp_method_notes_an_inconsistent_matrix(parks_csv, tmp_path):
    path = tmp_path / "pw.csv"
    path.write_text(
        "k,亩均税收,亩均增加值,单位能耗增加值\n亩均税收,1,9,1/9\n亩均增加值,1/9,1,9\n单位能耗增加值,9,1/9,1\n",
        encoding="utf-8",
    )
    result = evaluate_table(
        read_indicator_table(parks_csv), "ahp", pairwise=read_pairwise_matrix(path)
    )
    assert result.parameters["consistent"] is False
    assert any("CR" in note for note in result.notes)


def test_derived_weight_methods_refuse_user_weights(parks_csv):
    with pytest.raises(InputError, match="自行求权重"):
        evaluate_table(read_indicator_table(parks_csv), "entropy-topsis", weights={"亩均税收": 1.0})


def test_weighting_methods_need_weights(parks_csv):
    with pytest.raises(InputError, match="权重"):
        evaluate_table(read_indicator_table(parks_csv), "topsis")


def test_unknown_method_is_refused():
    with pytest.raises(InputError, match="未知的评价方法"):
        evaluate_table(pd.DataFrame({"a": [1]}), "vikor")


def test_result_explains_itself_as_json(parks_csv):
    result = evaluate_table(
        read_indicator_table(parks_csv),
        "minmax-floor",
        weights={"亩均税收": 0.25, "亩均增加值": 0.25, "单位能耗增加值": 0.25, "研发强度": 0.25},
    )
    document = json.loads(json.dumps(result.as_dict(), ensure_ascii=False))
    assert document["method"] == "minmax-floor"
    assert document["class_scheme"]["kind"] == "percentile"
    first = document["alternatives"][0]
    assert set(first) >= {"id", "total", "rank", "class", "亩均税收"}
    assert first["total"] == pytest.approx(sum(first[k] for k in document["indicators"]))
