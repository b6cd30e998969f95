"""`gaodi evaluate enterprises|parks|clusters|movement|dynamic|cluster-ladder|stability` on a store."""

from __future__ import annotations

import json

import pytest
from evaluation_store import RULES, build
from typer.testing import CliRunner

from gaodi.cli.evaluate import app
from gaodi.errors import InputError

runner = CliRunner()


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    home = tmp_path_factory.mktemp("eval-home")
    build(home=home).close()
    rules = home / "rules.yaml"
    rules.write_text(RULES, encoding="utf-8")
    return home, rules


def _run(workspace, *args):
    home, _ = workspace
    return runner.invoke(app, list(args), env={"GAODI_HOME": str(home)})


def test_enterprises_command_json_records_rule_name_version_and_classes(workspace):
    result = _run(workspace, "enterprises", "--rules", str(workspace[1]), "--year", "2025",
                  "--json")
    assert result.exit_code == 0, result.output
    document = json.loads(result.output)
    assert (document["ruleset"]["name"], document["ruleset"]["version"]) == ("测试亩均", "t1")
    classes = {i["id"]: i["class_label"] for i in document["items"]}
    assert classes == {"E1": "A", "E2": "B", "E4": "C", "E3": "D", "E5": None, "E6": None}


def test_enterprises_command_explains_one_enterprise(workspace):
    result = _run(workspace, "enterprises", "--rules", str(workspace[1]), "--explain", "E3")
    assert result.exit_code == 0, result.output
    assert "D 类" in result.output and "倒逼整治" in result.output


def test_subject_mismatch_is_refused(workspace):
    result = _run(workspace, "parks", "--rules", str(workspace[1]))
    assert isinstance(result.exception, InputError)


def test_movement_and_cluster_ladder_commands(workspace):
    result = _run(workspace, "movement", "--rules", str(workspace[1]), "--from", "2024",
                  "--to", "2025", "--json")
    assert result.exit_code == 0, result.output
    moves = {m["id"]: m["change"] for m in json.loads(result.output)["moves"]}
    assert moves == {"E1": "up", "E2": "down", "E3": "same", "E4": "new"}
    result = _run(workspace, "cluster-ladder", "--year", "2025")
    assert result.exit_code == 0, result.output
    assert "甲集群" in result.output


def test_dynamic_command_needs_dynamic_rules(workspace):
    result = _run(workspace, "dynamic", "--rules", str(workspace[1]), "--years", "2024,2025")
    assert isinstance(result.exception, InputError)


def test_stability_over_a_store_rule_set(workspace):
    result = _run(workspace, "stability", "--rules", str(workspace[1]), "--methods",
                  "weighted,minmax-floor,topsis@equal", "--year", "2025", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["methods"] == ["weighted", "minmax-floor", "topsis@equal"]


def test_rulesets_command_lists_the_shipped_rule_sets(workspace):
    result = _run(workspace, "rulesets", "--json")
    assert result.exit_code == 0, result.output
    assert "五好园区" in {r["name"] for r in json.loads(result.output)}
