"""Rule files: what a valid one gives, and how bad ones are refused."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from gaodi.errors import InputError
from gaodi.evaluation import evaluate_table, load_rules, parse_rules
from gaodi.evaluation.files import read_indicator_table


def test_rule_file_gives_directions_weights_benchmarks_caps_and_classes(rules_yaml):
    rules = load_rules(rules_yaml)
    assert rules.indicators == ["亩均税收", "亩均增加值", "单位能耗增加值", "研发强度"]
    assert rules.weights == {
        "亩均税收": 0.4,
        "亩均增加值": 0.3,
        "单位能耗增加值": 0.2,
        "研发强度": 0.1,
    }
    assert rules.directions["亩均增加值"] == "+"
    assert rules.benchmarks["亩均税收"] == 26.01
    assert rules.caps == {"研发强度": 2.0} and rules.default_cap == 1.5
    assert rules.classes.kind == "thresholds"
    assert [b.label for b in rules.classes.bounds] == ["A", "B", "C", "D"]
    assert (rules.method, rules.id_column, rules.version) == ("weighted", "园区", "2024")


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_rule_file_with_weights_not_summing_to_one_is_refused_naming_the_file(tmp_path):
    path = _write(tmp_path, "indicators:\n  a: {weight: 0.5}\n  b: {weight: 0.4}\n")
    with pytest.raises(InputError, match="合计为 0.9") as info:
        load_rules(path)
    assert info.value.location.file == str(path)


def test_rule_file_giving_weights_to_only_some_indicators_is_refused(tmp_path):
    with pytest.raises(InputError, match="没有权重") as info:
        load_rules(_write(tmp_path, "indicators:\n  a: {weight: 1.0}\n  b: {direction: '-'}\n"))
    assert info.value.location.column == "b"


def test_rule_file_with_overlapping_class_bounds_is_refused(tmp_path):
    text = (
        "classes:\n  kind: thresholds\n  bounds:\n"
        "    A: [80, null]\n    B: [50, 85]\n    C: [null, 50]\n"
    )
    with pytest.raises(InputError, match="重叠") as info:
        load_rules(_write(tmp_path, text))
    assert info.value.location.file.endswith("bad.yaml")


@pytest.mark.parametrize(
    "text, words",
    [
        ("weights: {a: 1}\n", "未知的键"),
        ("indicators:\n  a: {wieght: 1}\n", "未知的设置"),
        ("indicators:\n  a: {direction: up}\n", "方向"),
        ("indicators:\n  a: {benchmark: -3}\n", "正数"),
        ("method: magic\n", "magic"),
        ("classes: {kind: thresholds}\n", "bounds"),
        ("- just\n- a list\n", "顶层"),
    ],
)
def test_rule_file_mistakes_are_refused_clearly(tmp_path, text, words):
    with pytest.raises(InputError, match=words):
        load_rules(_write(tmp_path, text))


def test_invalid_yaml_is_refused_with_its_line(tmp_path):
    with pytest.raises(InputError, match="YAML") as info:
        load_rules(_write(tmp_path, "name: x\nindicators:\n  a: {weight: 1\n"))
    assert info.value.location.row is not None


def test_rule_file_naming_a_column_missing_from_the_table_is_refused(parks_csv, tmp_path):
    rules = parse_rules(
        {"indicators": {"亩均税收": {"weight": 0.5}, "亩均利润": {"weight": 0.5}}}, source="r.yaml"
    )
    with pytest.raises(InputError, match="亩均利润") as info:
        evaluate_table(read_indicator_table(parks_csv), "topsis", rules=rules)
    assert info.value.location.file == "r.yaml"
    assert info.value.location.column == "亩均利润"


def test_percentile_classes_in_a_rule_file():
    rules = parse_rules(
        {"classes": {"kind": "percentile", "cuts": {"优": 0.3, "良": 0.8, "差": 1.0}}}
    )
    assert rules.classes.cuts == (("优", 0.3), ("良", 0.8), ("差", 1.0))


def test_the_rule_file_example_in_the_documentation_is_valid():
    doc = Path(__file__).parents[2] / "docs" / "evaluation-methods.md"
    text = doc.read_text(encoding="utf-8")
    block = text.split("```yaml\n", 1)[1].split("```", 1)[0]
    rules = parse_rules(yaml.safe_load(block), source=str(doc))
    assert rules.weights["亩均税收"] == 0.3
    assert rules.caps == {"研发经费占比": 2.0}
    assert rules.classes.kind == "thresholds"
