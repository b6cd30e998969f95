"""The `evaluate` sub-app: `table` and `stability`, for people and with --json."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from gaodi.cli.evaluate import app
from gaodi.errors import InputError

runner = CliRunner()


def test_table_command_with_rule_file_prints_weights_scores_ranks_and_classes(
    parks_csv, rules_yaml
):
    result = runner.invoke(app, ["table", str(parks_csv), "--rules", str(rules_yaml)])
    assert result.exit_code == 0, result.output
    assert "权重" in result.output and "丙园区" in result.output
    assert "封顶" in result.output


def test_table_command_json_has_the_full_explanation(parks_csv):
    result = runner.invoke(
        app,
        [
            "table",
            str(parks_csv),
            "-m",
            "topsis",
            "--weight",
            "亩均税收=0.5",
            "--weight",
            "单位能耗增加值=0.5",
            "--direction",
            "单位能耗增加值=-",
            "--json",
        ],
    )
    assert result.exit_code == 0, result.output
    document = json.loads(result.output)
    assert document["method"] == "topsis"
    assert document["directions"] == {"亩均税收": "+", "单位能耗增加值": "-"}
    assert [a["rank"] for a in document["alternatives"]] == sorted(
        a["rank"] for a in document["alternatives"]
    )
    assert {"d_plus", "d_minus", "class"} <= set(document["alternatives"][0])


def test_table_command_ahp_with_pairwise_file_and_threshold_classes(parks_csv, pairwise_csv):
    result = runner.invoke(
        app,
        [
            "table",
            str(parks_csv),
            "--method",
            "ahp",
            "--pairwise",
            str(pairwise_csv),
            "--classes",
            "thresholds",
            "--class-bounds",
            "A=60:,B=30:60,C=10:30,D=:10",
            "--json",
        ],
    )
    assert result.exit_code == 0, result.output
    document = json.loads(result.output)
    assert document["parameters"]["consistent"] is True
    assert {a["id"]: a["class"] for a in document["alternatives"]}["丙园区"] == "A"


def test_table_command_weighted_with_benchmarks_and_a_global_cap(parks_csv):
    args = [
        "table",
        str(parks_csv),
        "-m",
        "weighted",
        "--weight",
        "亩均税收=1",
        "--benchmark",
        "亩均税收=20",
        "--cap",
        "1.2",
        "--json",
    ]
    document = json.loads(runner.invoke(app, args).output)
    totals = {a["id"]: a["total"] for a in document["alternatives"]}
    assert totals["丙园区"] == pytest.approx(120.0)
    assert totals["丁园区"] == pytest.approx(60.0)


def test_stability_command_compares_methods(parks_csv, rules_yaml):
    result = runner.invoke(
        app,
        [
            "stability",
            str(parks_csv),
            "--rules",
            str(rules_yaml),
            "--methods",
            "weighted,topsis,entropy-topsis",
            "--json",
        ],
    )
    assert result.exit_code == 0, result.output
    document = json.loads(result.output)
    assert document["methods"] == ["weighted", "topsis", "entropy-topsis"]
    assert len(document["agreements"]) == 3
    assert set(document["ranks"]) == {"甲园区", "乙园区", "丙园区", "丁园区", "戊园区"}


def test_stability_command_prints_tables_for_people(parks_csv, rules_yaml):
    result = runner.invoke(app, ["stability", str(parks_csv), "--rules", str(rules_yaml)])
    assert result.exit_code == 0, result.output
    assert "Spearman" in result.output


@pytest.mark.parametrize(
    "args, words",
    [
        (["--weight", "亩均税收0.3"], "列名=值"),
        (["--weight", "亩均税收=abc"], "不是数字"),
        (["--classes", "thresholds"], "--class-bounds"),
        (["--classes", "deciles"], "未知的分类方式"),
    ],
)
def test_table_command_refuses_malformed_options(parks_csv, args, words):
    result = runner.invoke(app, ["table", str(parks_csv), "-m", "topsis", *args])
    assert isinstance(result.exception, InputError)
    assert words in result.exception.message


def test_table_command_without_method_or_rule_file_asks_for_one(parks_csv):
    result = runner.invoke(app, ["table", str(parks_csv)])
    assert isinstance(result.exception, InputError)
    assert "--method" in result.exception.message


def test_table_command_geometric_mean_ahp_is_close_to_eigenvector(parks_csv, pairwise_csv):
    def weights(extra):
        args = ["table", str(parks_csv), "-m", "ahp", "--pairwise", str(pairwise_csv), "--json"]
        return json.loads(runner.invoke(app, args + extra).output)

    eig, gm = weights([]), weights(["--ahp-method", "geometric_mean"])
    assert gm["parameters"]["ahp_method"] == "geometric_mean"
    assert gm["weights"] == pytest.approx(eig["weights"], abs=0.01)


def test_help_lists_both_commands():
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    assert "table" in result.output and "stability" in result.output
