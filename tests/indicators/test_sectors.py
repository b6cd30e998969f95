"""Sector revenue targets monitored through the sector → class mapping, against hand calculations.

Reuses the four-enterprise province of test_definitions: A (3741, 航空航天装备) had revenue 900 万元 in
2024 and 1000 in 2025; B (3612, 新能源汽车) 900,000 and 1,000,000.
"""

from __future__ import annotations

import pytest

from gaodi.indicators.frame import Period
from gaodi.indicators.sectors import sector_records
from gaodi.plan.model import Plan, SectorTarget
from tests.indicators.test_definitions import PROVINCE, src  # noqa: F401  (the module-scoped fixture)


def plan_with(*targets: SectorTarget) -> Plan:
    return Plan(id="t", name="测试规划", base_year=2025, target_year=2030, indicators=[],
                sector_targets=list(targets))


def test_sector_revenue_growth_required_rate_and_status(src):  # noqa: F811
    plan = plan_with(
        SectorTarget(sector="航空航天装备", year=2027, op=">=", value=0.2, unit="亿元"),
        SectorTarget(sector="新能源汽车", year=2027, op="=", value=110, unit="亿元"),
        SectorTarget(sector="软件和信息技术服务业", year=2030, op="=", value=2500, unit="亿元"))
    aero, ev, software = sector_records(src, plan, Period(2026, 10), PROVINCE)
    # the latest complete year before 2026-10 is 2025
    assert aero.data_year == 2025 and aero.value == pytest.approx(0.1)  # 1000 万元
    assert aero.growth == pytest.approx(100 * (1000 / 900 - 1))  # 11.11 %
    assert aero.required_growth == pytest.approx(100 * (2 ** 0.5 - 1))  # (0.2 / 0.1)^(1/2) − 1 = 41.42 %
    assert aero.status == "behind"
    assert ev.value == pytest.approx(100.0)
    assert ev.required_growth == pytest.approx(100 * (1.1 ** 0.5 - 1))  # 4.88 % ≤ 11.11 % → 正常
    assert ev.status == "on_track" and ev.inputs
    assert software.value is None and software.status == "pending"
