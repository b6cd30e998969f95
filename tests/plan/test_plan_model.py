"""The plan models refuse inconsistent targets with a gaodi InputError that names the field."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gaodi.errors import InputError
from gaodi.plan import (
    CountTarget,
    Indicator,
    Plan,
    SectorTarget,
    Target,
    plan_from_yaml,
    plan_to_records,
    plan_to_yaml,
)


def test_range_with_low_above_high_is_refused_with_both_numbers_in_the_message():
    with pytest.raises(InputError) as err:
        Target(op="range", low=7, high=6, year=2030)
    assert "区间下限 7 大于上限 6" in err.value.message
    assert "low 7 is greater than high 6" in err.value.message_en


@pytest.mark.parametrize("fields, words", [
    ({"op": ">="}, "必须给出 value"),
    ({"op": "range", "low": 6}, "同时给出 low 和 high"),
    ({"op": "range", "low": 6, "high": 7, "value": 6.5}, "不填 value"),
    ({"op": "=", "value": 8, "low": 6}, "不填 low/high"),
    ({"op": "qualitative", "value": 1, "text": "完成国家下达任务"}, "不能带数值"),
    ({"op": "qualitative"}, "保留原文"),
    ({"op": ">=", "value": 40, "rank": True}, "名次目标"),
    ({"op": "=", "value": 5, "year": 3030}, "1949—2100"),
])
def test_inconsistent_target_is_an_input_error(fields, words):
    with pytest.raises(InputError) as err:
        Target(**fields)
    assert words in err.value.message


def test_unknown_field_is_refused_so_a_typo_in_yaml_is_caught():
    with pytest.raises(InputError) as err:
        Target(op="=", value=8, cumulativ=True)
    assert "cumulativ" in err.value.message


def test_target_year_not_after_base_year_is_refused():
    with pytest.raises(InputError) as err:
        Indicator(number="1", name="x", base=1, base_year=2030,
                  target=Target(op="=", value=2, year=2025))
    assert "不晚于基期年份 2030" in err.value.message


def test_plan_with_repeated_indicator_number_names_the_number():
    ind = Indicator(number="3", name="x", target=Target(op="=", value=1, year=2030))
    with pytest.raises(InputError) as err:
        Plan(id="p", name="规划", indicators=[ind, ind])
    assert "指标序号 3 重复" in err.value.message


def test_error_inside_a_plan_names_the_path_of_the_wrong_target():
    data = {"id": "p", "name": "规划", "indicators": [
        {"number": "1", "name": "a", "target": {"op": "=", "value": 1}},
        {"number": "2", "name": "b", "target": {"op": "range", "low": 9, "high": 3}}]}
    with pytest.raises(InputError) as err:
        Plan.model_validate(data)
    assert err.value.details["problems"][0]["path"] == "indicators.1.target"


def test_sector_target_in_wan_yi_yuan_converts_to_yi_yuan():
    """1 万亿元 = 10 000 亿元 (万 = 10^4), so 1.2 万亿元 = 12 000 亿元."""
    st_ = SectorTarget(sector="光电子信息", year=2030, op=">=", value=1.2, unit="万亿元")
    assert st_.value_in_yi_yuan() == pytest.approx(12000)


def test_sector_target_in_a_count_unit_is_refused():
    with pytest.raises(InputError):
        SectorTarget(sector="石化", year=2030, op="=", value=5, unit="家")


def test_target_describe_writes_the_table_form():
    assert Target(op=">=", value=3000, cumulative=True).describe() == "≥[3000]"
    assert Target(op="range", low=6, high=7).describe() == "6~7"
    assert Target(op="<=", value=40, rank=True).describe() == "前40位"
    assert Target(op="=", value=8, approximate=True).describe() == "8左右"


def test_plan_to_records_gives_one_flat_record_per_indicator():
    plan = Plan(id="p", name="规划", target_year=2030, indicators=[
        Indicator(number="5", name="集群数量", unit="个", base=5, base_year=2025,
                  target=Target(op="range", low=6, high=7, text="6~7"))])
    [record] = plan_to_records(plan)
    assert (record["target_op"], record["target_low"], record["target_high"]) == ("range", 6, 7)
    assert record["target_year"] == 2030  # the plan's target year when the row names none
    assert record["plan_id"] == "p" and record["base"] == 5


amounts = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False).map(lambda x: round(x, 2))


@given(low=amounts, high=amounts)
def test_a_range_is_valid_exactly_when_low_is_not_above_high(low, high):
    if low <= high:
        assert Target(op="range", low=low, high=high).high == high
    else:
        with pytest.raises(InputError):
            Target(op="range", low=low, high=high)


@given(op=st.sampled_from([">=", "<=", "="]), value=amounts, cumulative=st.booleans(),
       approximate=st.booleans(), year=st.integers(2021, 2050))
def test_plan_survives_a_round_trip_through_yaml(op, value, cumulative, approximate, year):
    plan = Plan(id="round_trip", name="往返", base_year=2020, target_year=year,
                indicators=[Indicator(number="1", name="指标", unit="%", base=1.5, base_year=2020,
                                      target=Target(op=op, value=value, cumulative=cumulative,
                                                    approximate=approximate, year=year,
                                                    text="原文"))],
                count_targets=[CountTarget(subject="小巨人", year=year, op=op, value=abs(value),
                                           unit="家")])
    assert plan_from_yaml(plan_to_yaml(plan)) == plan
