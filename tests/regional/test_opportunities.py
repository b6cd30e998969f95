"""Growth opportunities on the hand-calculated tiny case, priorities and future industries."""

from __future__ import annotations

import pandas as pd
import pytest

from gaodi.errors import InputError
from gaodi.regional import (
    Priority,
    economic_complexity,
    future_industries,
    future_industry_priorities,
    growth_opportunities,
)

# The tiny case of test_complexity: M = [[1,1,0],[0,1,1],[1,0,0]], PCI = (−1.309, .191, 1.118),
# density ω(r1,i3) = 1/3, ω(r2,i1) = 1/3, ω(r3,i2) = .25, ω(r3,i3) = 0 (hand calculation there).
TINY = pd.DataFrame([[10.0, 10, 0], [0, 10, 10], [10, 0, 0]], index=["r1", "r2", "r3"],
                    columns=["i1", "i2", "i3"])


def test_opportunities_list_industries_without_rca_with_density_pci_and_ranks():
    table = growth_opportunities(economic_complexity(TINY)).table
    assert list(zip(table["region"], table["industry"])) == [
        ("r1", "i3"), ("r2", "i1"), ("r3", "i2"), ("r3", "i3")]
    r3 = table[table["region"] == "r3"].set_index("industry")
    assert r3["density"].to_list() == pytest.approx([0.25, 0.0])
    assert r3["distance"].to_list() == pytest.approx([0.75, 1.0])
    assert r3["pci"].to_list() == pytest.approx([0.191, 1.118], abs=1e-3)
    assert r3["lq"].to_list() == [0.0, 0.0]
    assert r3["feasibility_rank"].to_list() == [1, 2]       # i2 is closer ...
    assert r3["attractiveness_rank"].to_list() == [2, 1]    # ... i3 is more complex


def test_priority_weight_adds_to_attractiveness_and_is_explained():
    """With i2 a full priority and β = 2: A(r3, i2) = .191 + 2 = 2.191 > A(r3, i3) = 1.118."""
    result = growth_opportunities(economic_complexity(TINY), [Priority("i2", 1.0, "未来产业")],
                                  priority_bonus=2.0, sort_by="attractiveness")
    r3 = result.table[result.table["region"] == "r3"]
    assert r3["industry"].to_list() == ["i2", "i3"]
    assert r3["attractiveness"].to_list() == pytest.approx([2.191, 1.118], abs=1e-3)
    assert r3["priority_label"].to_list() == ["未来产业", ""]
    assert result.unmatched_priorities == []


def test_priority_codes_match_finer_codes_and_unmatched_ones_are_reported():
    matrix = TINY.rename(columns={"i1": "3491", "i2": "3973", "i3": "6520"})
    result = growth_opportunities(economic_complexity(matrix),
                                  [Priority("39", 0.5, "电子"), Priority("4023", 1.0, "量子")])
    assert set(result.table.loc[result.table["priority"] == 0.5, "industry"]) == {"3973"}
    assert result.unmatched_priorities == ["4023"]


def test_top_keeps_that_many_per_region_and_bad_options_are_refused():
    result = growth_opportunities(economic_complexity(TINY), top=1)
    assert result.table.groupby("region").size().to_list() == [1, 1, 1]
    with pytest.raises(InputError):
        growth_opportunities(economic_complexity(TINY), sort_by="pci")
    with pytest.raises(InputError):
        growth_opportunities(economic_complexity(TINY), [Priority("i1", 2.0)])


def test_shipped_future_industry_mapping_covers_the_plan_with_valid_codes():
    """湘政发〔2026〕6号 三（四）: four future industries and four potential tracks."""
    industries = future_industries()
    assert [i.name for i in industries] == ["人工智能", "生命工程", "量子科技", "前沿材料",
                                            "下一代装备", "激光增材制造", "绿色能源", "空天信息"]
    assert {i.kind for i in industries[:4]} == {"future_industry"}
    assert {i.weight for i in industries[4:]} == {0.5}
    for industry in industries:
        assert industry.codes and all(len(c) == 4 and c.isdigit() for c in industry.codes)
    by_code = {p.code: p for p in future_industry_priorities(industries)}
    assert by_code["3976"].label == "量子科技/激光增材制造"
    assert by_code["3976"].weight == 1.0
    assert by_code["3493"].weight == 0.5
