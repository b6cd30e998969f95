"""The policy calculator's enterprise table built from the store, checked by hand on tests/enterprise_services/handmade_store."""

from __future__ import annotations

import datetime as dt
import math
import shutil

import pandas as pd
import pytest

from gaodi.core import Gaodi
from gaodi.errors import InputError
from gaodi.policies.store_attributes import enterprise_attributes, enterprise_table_from_store, merge_extra
from gaodi.policies.explain import enterprise_policies
from gaodi.policies.match import match_policies
from gaodi.policies.rules import parse_policy_set

from .handmade_store import A, B, C


@pytest.fixture(scope="module")
def g(handmade_template, tmp_path_factory):
    folder = tmp_path_factory.mktemp("attrs") / "ws"
    shutil.copytree(handmade_template, folder)
    ws = Gaodi.open(home=folder)
    yield ws
    ws.close()


@pytest.fixture(scope="module")
def table(g) -> pd.DataFrame:
    return enterprise_attributes(g.store, 2025, titles_year=2026).set_index("uscc")


def test_figures_of_the_data_year_and_the_year_before_are_derived_as_defined(table):
    """甲: revenue 2500 vs 1800 → growth (2500/1800 − 1) × 100 = 38.89%; R&D 100/2500 = 4%; 80 − 70 = 10 new
    hires; founded 2020 → 2025 − 2020 = 5 years. 乙: 50000/40000 → 25%; headcount fell 1250 → 1200: 0 new hires."""
    a, b = table.loc[A], table.loc[B]
    assert a["revenue"] == 2500 and a["revenue_prev"] == 1800
    assert a["revenue_growth"] == pytest.approx(38.8889, abs=1e-4) and a["rd_intensity"] == pytest.approx(4.0)
    assert a["new_hires"] == 10 and a["age_years"] == 5 and a["investment"] == 600
    assert b["revenue_growth"] == pytest.approx(25.0) and b["new_hires"] == 0 and b["age_years"] == 20


def test_an_enterprise_without_last_years_figures_has_them_missing_not_zero(table):
    c = table.loc[C]
    assert math.isnan(c["revenue_prev"]) and math.isnan(c["revenue_growth"]) and math.isnan(c["new_hires"])
    assert c["above_scale"] is False and c["revenue"] == 250


def test_size_class_follows_the_2017_industrial_thresholds(table):
    """国统字〔2017〕213号 工业: 大型 ≥1000人 且 ≥40000万元 (乙 1200人, 50000万元); 小型 ≥20人 且 ≥300万元
    (甲 80人, 2500万元: 中型 needs ≥300人); 丙 15人 < 20 → 微型."""
    assert (table.loc[A, "size_class"], table.loc[B, "size_class"], table.loc[C, "size_class"]) == ("小型", "大型", "微型")


def test_titles_held_in_the_title_year_with_levels_and_the_smart_factory_level(table):
    """甲's 高新技术企业 expired in 2025, so it is not held in 2026; 丙's provincial 专精特新 granted 2026 is;
    乙's 智能工厂 先进级 gives smart_factory_level 先进 and the bare title 智能工厂."""
    assert table.loc[A, "titles"] == []
    assert table.loc[B, "titles"] == ["专精特新小巨人:国家级", "智能工厂", "绿色工厂:省级"]
    assert table.loc[C, "titles"] == ["专精特新中小企业:省级"]
    assert table.loc[B, "smart_factory_level"] == "先进" and table.loc[A, "smart_factory_level"] == "无"


def test_titles_of_the_data_year_differ_when_asked_for_that_year(g):
    held_2025 = enterprise_attributes(g.store, 2025, titles_year=2025).set_index("uscc")["titles"]
    assert held_2025[A] == ["高新技术企业"] and held_2025[C] == []


def test_catalogue_memberships_come_from_the_industry_class(table):
    """高技术产业(制造业)分类(2017): 2710 化学药品原料药制造 and 3741 飞机制造 are 高技术制造业; 3612 is not."""
    assert "高技术制造业" in table.loc[A, "catalogues"] and "高技术制造业" in table.loc[C, "catalogues"]
    assert "高技术制造业" not in table.loc[B, "catalogues"] and "装备制造业" in table.loc[B, "catalogues"]


def test_region_and_city_codes_and_park(table):
    assert table.loc[B, "city_code"] == "430100" and table.loc[C, "city_code"] == "430200"
    assert table.loc[B, "park_id"] == "PK1" and pd.isna(table.loc[A, "park_id"])


def test_one_enterprise_query_gives_the_same_record_as_the_whole_table(g, table):
    one = enterprise_attributes(g.store, 2025, titles_year=2026, uscc=B).set_index("uscc")
    assert one.loc[B].to_dict() == table.loc[B].to_dict()


def test_store_built_table_matches_a_policy_as_computed_by_hand(g):
    """Rule: revenue ≥ 0.2亿元 and R&D intensity ≥ 3%, 5% of R&D capped at 50万元. 甲: 4% ≥ 3, 5% × 100 = 5万元;
    乙: 5% × 2000 = 100 → cap 50; 丙: no R&D figure → near miss for want of data (missing is within reach)."""
    rules = parse_policy_set({"rule_set": "t", "version": "1", "policies": [{
        "id": "P", "name": "研发奖补", "issuer": "测试", "level": "provincial", "region_scope": ["43"],
        "valid_from": "2026-01-01", "mode": "auto",
        "conditions": [{"attribute": "revenue", "op": ">=", "value": 0.02, "unit": "亿元"},
                       {"attribute": "rd_intensity", "op": ">=", "value": 3}],
        "benefit": {"kind": "share", "base": "rd_expense", "rate": 0.05, "cap": 50}}]})
    result = match_policies(enterprise_table_from_store(g.store, 2025, 2026), rules, dt.date(2026, 3, 1))
    outcome = result.outcome("P")
    rows = {u: i for i, u in enumerate(result.table.uscc)}
    assert outcome.amount[rows[A]] == pytest.approx(5.0) and outcome.amount[rows[B]] == pytest.approx(50.0)
    assert enterprise_policies(result, C)["verdict"].tolist() == ["near_miss"]


def test_extra_attributes_are_merged_by_uscc_and_unknown_columns_refused(table):
    frame = table.reset_index()
    merged = merge_extra(frame, pd.DataFrame({"uscc": [A], "mu_class": ["A"]})).set_index("uscc")
    assert merged.loc[A, "mu_class"] == "A" and pd.isna(merged.loc[B, "mu_class"])
    with pytest.raises(InputError) as err:
        merge_extra(frame, pd.DataFrame({"uscc": [A], "亩均": ["A"]}))
    assert err.value.location.column == "亩均"


def test_an_enterprise_holding_no_title_gets_its_policies_explained(g):
    """甲 holds no title in 2026 (its 高新技术企业 expired in 2025): the one-row table must still compile, and a
    title condition fails with 未持有 rather than an error."""
    rules = parse_policy_set({"rule_set": "t", "version": "1", "policies": [{
        "id": "T", "name": "小巨人奖励", "issuer": "测试", "level": "provincial", "region_scope": ["43"],
        "valid_from": "2026-01-01", "mode": "auto",
        "conditions": [{"attribute": "titles", "op": "has_title", "value": "专精特新小巨人"}],
        "benefit": {"kind": "fixed", "amount": 100}}]})
    result = match_policies(enterprise_table_from_store(g.store, 2025, 2026, uscc=A), rules, dt.date(2026, 3, 1))
    row = enterprise_policies(result, A, include_not_eligible=True).iloc[0]
    assert row["verdict"] == "not_eligible" and row["lacking"] == "未持有「专精特新小巨人」称号"
