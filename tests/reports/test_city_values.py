"""City values computed in one grouped query agree with the definition computed city by city."""

from __future__ import annotations

import pytest

from gaodi.indicators.definitions import definition
from gaodi.indicators.frame import Area, Period
from gaodi.indicators.sources import Sources
from gaodi.reports.city_values import GROUPED, city_values


def test_grouped_city_values_are_the_hand_computed_shares(small):
    """长沙 (A, B): 高技术 300 ÷ 700 = 42.86 %, 园区 300 ÷ 700 = 42.86 %, 利润率 52050 ÷ 1001000 = 5.1998 %;
    株洲 (C, D): 高技术 0 %, 园区 100 ÷ 300 = 33.33 %; the other twelve cities have no enterprises."""
    g, _ = small
    src = Sources(g.store)
    got = {k: {v.code: v.value for v in city_values(src, k, Period(2025))} for k in GROUPED}
    assert len(got["park_share"]) == 14
    assert got["hightech_share"]["430100"] == pytest.approx(100 * 300 / 700)
    assert got["hightech_share"]["430200"] == pytest.approx(0.0)
    assert got["park_share"]["430200"] == pytest.approx(100 * 100 / 300)
    assert got["profit_margin"]["430100"] == pytest.approx(100 * 52050 / 1001000)
    assert got["advanced_share"]["430100"] == pytest.approx(100.0)  # A and B are both advanced
    assert got["park_share"]["430300"] is None


@pytest.mark.parametrize("key", sorted(GROUPED))
def test_grouped_values_equal_the_definition_city_by_city(small, key):
    g, _ = small
    src = Sources(g.store)
    for code in ("430100",):
        d = definition(key)
        one = d.compute(src, Period(2025), Area("city", code), {"names": [d.name]}).value
        grouped = next(v.value for v in city_values(src, key, Period(2025)) if v.code == code)
        assert grouped == pytest.approx(one)
