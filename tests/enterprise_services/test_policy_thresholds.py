"""The national policies of the shipped set at their thresholds, each against its document.

* 小型微利企业 (财政部 税务总局公告2023年第12号, in force 2023-01-01 to 2027-12-31): 从业人数 ≤ 300, 资产总额
  ≤ 5000 万元 and 年度应纳税所得额 ≤ 300 万元, all three; the enterprise's size class is no condition.
* 重点"小巨人" (财建〔2021〕2号, 2021–2025; 财建〔2024〕148号, 2024–2026): a national 小巨人 on the list of
  key little giants; a 小巨人 not on the list does not qualify.
"""

from __future__ import annotations

import datetime as dt

import pytest

from gaodi.policies.attributes import EnterpriseTable
from gaodi.policies.match import NEAR_MISS, QUALIFIES, match_policies
from gaodi.policies.rules import load_example_policies

D = dt.date


def _verdict(policy_id: str, day: dt.date, **attributes) -> int:
    firm = {"uscc": "A", "region_code": "430104", "industry_code": "3981", **attributes}
    result = match_policies(EnterpriseTable.from_records([firm]), load_example_policies(), day)
    return int(result.outcome(policy_id).verdict[0])


SMALL = {"employees": 300, "total_assets": 5000, "taxable_income": 300}


@pytest.mark.parametrize(("field", "value", "qualifies"), [
    ("employees", 299, True), ("employees", 300, True), ("employees", 301, False),
    ("total_assets", 4999.99, True), ("total_assets", 5000, True), ("total_assets", 5000.01, False),
    ("taxable_income", 299.99, True), ("taxable_income", 300, True), ("taxable_income", 300.01, False),
])
def test_small_low_profit_thresholds_are_inclusive(field, value, qualifies):
    verdict = _verdict("CN-SMALL-LOW-PROFIT", D(2026, 6, 30), **{**SMALL, field: value})
    assert (verdict == QUALIFIES) is qualifies


def test_small_low_profit_does_not_look_at_the_size_class():
    """A 中型 manufacturer (250 people, 3 亿 revenue: 中型 by 国统字〔2017〕213号) is still 小型微利 when its
    assets and taxable income are within the tax limits; a 微型 one over 300 万 taxable income is not."""
    assert _verdict("CN-SMALL-LOW-PROFIT", D(2026, 6, 30), size_class="中型", revenue=30000, **SMALL) == QUALIFIES
    assert _verdict("CN-SMALL-LOW-PROFIT", D(2026, 6, 30), size_class="微型",
                    **{**SMALL, "taxable_income": 400}) != QUALIFIES


def test_small_low_profit_without_assets_or_taxable_income_is_never_a_silent_qualify():
    assert _verdict("CN-SMALL-LOW-PROFIT", D(2026, 6, 30), employees=50) == NEAR_MISS  # 数据缺失


def test_small_low_profit_in_force_to_the_end_of_2027():
    assert _verdict("CN-SMALL-LOW-PROFIT", D(2027, 12, 31), **SMALL) == QUALIFIES
    with pytest.raises(Exception, match="不在有效期内"):
        _verdict("CN-SMALL-LOW-PROFIT", D(2028, 1, 1), **SMALL)


@pytest.mark.parametrize("policy_id, last_day", [("CN-XJR-CENTRAL", D(2025, 12, 31)),
                                                ("CN-XJR-KEY-2024", D(2026, 12, 31))])
def test_key_little_giant_needs_the_list_not_just_the_title(policy_id, last_day):
    giant = {"titles": ["专精特新小巨人:国家级"]}
    assert _verdict(policy_id, last_day, key_little_giant=True, **giant) == QUALIFIES
    assert _verdict(policy_id, last_day, key_little_giant=False, **giant) != QUALIFIES
    assert _verdict(policy_id, last_day, **giant) == NEAR_MISS  # not on record: 数据缺失, not a qualify
    assert _verdict(policy_id, last_day, key_little_giant=True, titles=["专精特新中小企业:省级"]) != QUALIFIES
    with pytest.raises(Exception, match="不在有效期内"):
        _verdict(policy_id, last_day + dt.timedelta(days=1), key_little_giant=True, **giant)


def test_the_2024_round_is_in_force_in_2024_and_its_window_is_marked_an_example():
    policy = load_example_policies().get("CN-XJR-KEY-2024")
    assert policy.valid_from == D(2024, 1, 1) and policy.document_number == "财建〔2024〕148号"
    assert policy.window_example and not policy.example and policy.benefit.amount == 600


@pytest.mark.parametrize(("code", "level", "qualifies"), [
    ("3981", "国家级", True), ("3981", "省级", False), ("3981", "市级", False),
    ("0610", "国家级", False),  # 煤炭开采: not a manufacturing plant under the 2024 暂行办法
    ("4411", "国家级", False),  # 电力生产
])
def test_green_factory_award_is_for_national_manufacturing_plants_only(code, level, qualifies):
    verdict = _verdict("HN-GREEN-FACTORY", D(2026, 6, 30), industry_code=code, titles=[f"绿色工厂:{level}"])
    assert (verdict == QUALIFIES) is qualifies


@pytest.mark.parametrize(("level", "qualifies"), [("无", False), ("基础", False), ("先进", False), ("卓越", True),
                                                   ("领航", True)])
def test_smart_factory_award_starts_at_the_excellent_level(level, qualifies):
    assert (_verdict("HN-SMART-FACTORY", D(2026, 6, 30), smart_factory_level=level) == QUALIFIES) is qualifies
