"""Store evaluations (亩均效益, parks, clusters): hand-computed scores, classes and movement."""

from __future__ import annotations

import pytest
import yaml
from evaluation_store import RULES, build

from gaodi.errors import DataQualityError, InputError
from gaodi.evaluation.cluster_ladder import cluster_ladder
from gaodi.evaluation.dynamic import compare_years, dynamic_management
from gaodi.evaluation.ruleset import (
    RULESET_DIR,
    DynamicRules,
    list_rulesets,
    load_ruleset,
    parse_ruleset,
)
from gaodi.evaluation.store_data import subject_frame
from gaodi.evaluation.store_evaluation import evaluate_store
from gaodi.evaluation.store_stability import store_stability


@pytest.fixture(scope="module")
def gaodi_store():
    g = build()
    yield g
    g.close()


@pytest.fixture(scope="module")
def rules():
    return parse_ruleset(yaml.safe_load(RULES), source="test.yaml")


def test_enterprise_scores_and_classes_match_hand_calculation(gaodi_store, rules):
    """Benchmark 亩均税收 = Σtax/Σland over graded E1–E4 = 180/50 = 3.6 万元/亩; 亩均增加值 20.

    S = 100·(0.6·min(r1, 2) + 0.4·min(r2, 2)):
    E1: 60·min(10/3.6, 2) = 120, 40·min(40/20, 2) = 80 → 200 (A ≥ 120)
    E2: 60·3/3.6 = 50,  40·20/20 = 40 → 90 (B: [90, 120))
    E4: 60·1/3.6 = 16.667, 40·30/20 = 60 → 76.667 (C)
    E3: 60·2/3.6 = 33.333, 40·5/20 = 10 → 43.333 (D)
    """
    ev = evaluate_store(gaodi_store.store, rules, 2025)
    assert ev.ruleset["name"] == "测试亩均" and ev.ruleset["version"] == "t1"
    assert ev.benchmarks["亩均税收"] == pytest.approx(3.6)
    got = {i.id: (round(i.total, 3), i.rank, i.class_label) for i in ev.graded}
    assert got == {"E1": (200.0, 1, "A"), "E2": (90.0, 2, "B"), "E4": (76.667, 3, "C"),
                   "E3": (43.333, 4, "D")}
    e3 = ev.explain("E3")
    assert e3.contributions["亩均税收"] == pytest.approx(33.3333, abs=1e-3)
    assert e3.values == {"亩均税收": pytest.approx(2.0), "亩均增加值": pytest.approx(5.0)}
    assert e3.inputs["tax"] == 40 and e3.inputs["land_mu"] == 20
    assert e3.measures == ["倒逼整治"]
    assert ev.explain("E1").measures == ["优先支持"]


def test_not_graded_groups_are_listed_with_reasons_and_below_scale_is_outside(gaodi_store,
                                                                              rules):
    ev = evaluate_store(gaodi_store.store, rules, 2025)
    reasons = {i.id: i.not_graded for i in ev.not_graded}
    assert set(reasons) == {"E5", "E6"}
    assert "成立不满2年" in reasons["E5"][0] and "2024" in reasons["E5"][0]
    assert "用地不足1亩" in reasons["E6"][0] and "0.5" in reasons["E6"][0]
    assert "B1" not in {i.id for i in ev.items}
    assert ev.class_counts() == {"A": 1, "B": 1, "C": 1, "D": 1, "不参评": 2}


def test_movement_between_years_up_down_same_new(gaodi_store, rules):
    """2024: benchmark 170/40 = 4.25. E2 = 60·min(10/4.25, 2) + 40·2 = 200 (A);
    E1 = 60·3/4.25 + 40·1 = 82.353 (C); E3 = 60·2/4.25 + 40·0.25 = 38.235 (D).
    2025 (above): E1 A, E2 B, E3 D, E4 C (no 2024 row).
    """
    before = evaluate_store(gaodi_store.store, rules, 2024)
    assert before.explain("E1").total == pytest.approx(82.3529, abs=1e-3)
    moves = {m.id: (m.change, m.class_before, m.class_after)
             for m in compare_years(before, evaluate_store(gaodi_store.store, rules, 2025))}
    assert moves == {"E1": ("up", "C", "A"), "E2": ("down", "A", "B"),
                     "E3": ("same", "D", "D"), "E4": ("new", None, "C")}


def test_dynamic_management_loss_after_two_bottom_years_warning_after_one(gaodi_store, rules):
    """Ranks 2024: E2 1, E1 2, E3 3 (n 3); 2025: E1 1, E2 2, E4 3, E3 4 (n 4).
    Bottom 2 = rank > n − 2: 2024 {E1, E3}, 2025 {E4, E3} → E3 loses status; E4 is warned
    (bottom 2 in 2025); E1 2 → 1 up; E2 1 → 2 down.
    """
    runs = [evaluate_store(gaodi_store.store, rules, y) for y in (2025, 2024)]
    verdicts = {v.id: v.status for v in dynamic_management(
        runs, DynamicRules(warning_bottom=2, loss_bottom=2, loss_consecutive_years=2))}
    assert verdicts == {"E3": "loss_of_status", "E4": "warning", "E1": "up", "E2": "down"}


def test_park_figures_are_member_sums_and_growth_is_over_the_same_members(gaodi_store):
    """P1 = E1 + E2: tax 130, land 20 → 亩均税收 6.5; revenue 5000 vs 4900 in 2024 → +2.0408 %."""
    frame = subject_frame(gaodi_store.store, "parks", 2025, {"above_scale": True})
    p1 = frame.loc["P1"]
    assert (p1["tax"], p1["land_mu"], p1["enterprises"]) == (130, 20, 2)
    assert (p1["revenue"] / p1["prev_revenue"] - 1) * 100 == pytest.approx(2.0408, abs=1e-4)


def test_shipped_park_rule_set_grades_parks_from_the_store(gaodi_store):
    """亩均效益-园区 (its 5-enterprise floor lowered to 2 for this tiny store): P1 (6.5 万元/亩)
    ranks above P2 ((40 + 10 + 20 + 5) / (20 + 10 + 5 + 0.5) = 2.113 万元/亩)."""
    data = yaml.safe_load((RULESET_DIR / "mujun_parks.yaml").read_text(encoding="utf-8"))
    data["not_graded"][0]["enterprises_below"] = 2
    ev = evaluate_store(gaodi_store.store, parse_ruleset(data), 2025)
    assert [i.id for i in ev.graded] == ["P1", "P2"]
    assert ev.explain("P2").values["亩均税收"] == pytest.approx(75 / 35.5)
    assert ev.ruleset["version"] == "2025.1"


def test_cluster_ladder_monitoring_indicators(gaodi_store):
    """C1 = E1 + E2: revenue 5000 (2024: 4900) → growth 2.0408 %; R&D 80/5000 = 1.6 %;
    小巨人 held in 2025 by E1 only (E2's expired in 2023)."""
    rows = {c.cluster_id: c for c in cluster_ladder(gaodi_store.store, 2025)}
    c1 = rows["C1"]
    assert (c1.members, c1.revenue) == (2, 5000)
    assert c1.revenue_growth == pytest.approx(2.0408, abs=1e-4)
    assert c1.rd_intensity == pytest.approx(1.6)
    assert c1.titles["专精特新小巨人"] == 1
    assert list(rows) == ["C1", "C2"]


def test_store_stability_compares_methods_and_equal_weights(gaodi_store, rules):
    report = store_stability(gaodi_store.store, rules, ["weighted", "topsis@equal"], 2025)
    assert report.methods == ["weighted", "topsis@equal"]
    assert set(report.ranks) == {"E1", "E2", "E3", "E4"}


def test_year_without_data_is_a_data_quality_error(gaodi_store, rules):
    with pytest.raises(DataQualityError, match="参评对象不足"):
        evaluate_store(gaodi_store.store, rules, 2019)


def test_every_shipped_rule_set_loads_with_name_and_version():
    names = {r.name: r for r in list_rulesets()}
    assert {"亩均效益-规上工业企业", "亩均效益-规下工业企业", "亩均效益-园区", "五好园区",
            "集群竞赛"} <= set(names)
    assert names["亩均效益-规下工业企业"].population["above_scale"] is False
    assert "亩均营业收入" in names["亩均效益-规下工业企业"].indicators
    assert names["集群竞赛"].dynamic == DynamicRules(5, None, 2)
    assert names["五好园区"].dynamic == DynamicRules(5, 5, 2)
    assert set(names["五好园区"].dimensions.values()) == {"规划定位好", "创新平台好", "产业项目好",
                                                          "发展形象好"}


def _bad(change: str, replacement: str) -> dict:
    assert change in RULES
    return yaml.safe_load(RULES.replace(change, replacement))


@pytest.mark.parametrize("change, replacement, words", [
    ("{weight: 0.4, benchmark: 20}", "{weight: 0.3, benchmark: 20}", "合计"),
    ("亩均增加值: {", "亩均利润: {", "未知的指标"),
    ("B: [90, 120]", "B: [90, 130]", "重叠"),
    ("D: [倒逼整治]", "E: [倒逼整治]", "不是分类中的类别"),
    ("population: {above_scale: true}", "population: {scale: true}", "未知的键"),
    ("subject: enterprises", "subject: companies", "subject"),
    ("{weight: 0.4, benchmark: 20}", "{weight: 0.4, benchmark: mean}", "benchmark"),
    ("{weight: 0.4, benchmark: 20}", "{weight: 0.4}", "基准值"),
    ("land_mu_below: 1}", "land_mu_below: -1}", "正数"),
])
def test_bad_rule_files_are_rejected_with_a_clear_input_error(change, replacement, words):
    with pytest.raises(InputError) as caught:
        parse_ruleset(_bad(change, replacement), source="bad.yaml")
    assert words in str(caught.value)
    assert caught.value.location.file == "bad.yaml"


def test_custom_definition_must_name_store_fields():
    data = yaml.safe_load(RULES)
    data["indicators"]["亩均利润"] = {"weight": 0.0, "benchmark": 1,
                                     "definition": {"kind": "ratio", "numerator": "profits",
                                                    "denominator": "land_mu"}}
    with pytest.raises(InputError, match="不是库中的字段"):
        parse_ruleset(data)
    data["indicators"]["亩均利润"]["definition"]["numerator"] = "profit"
    assert parse_ruleset(data).definitions["亩均利润"].formula() == "profit / land_mu"


def test_unknown_rule_set_name_is_not_found():
    from gaodi.errors import NotFoundError

    with pytest.raises(NotFoundError, match="亩均效益-园区"):
        load_ruleset("没有这个规则")
