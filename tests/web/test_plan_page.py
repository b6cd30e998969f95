"""The plan page in a real browser: the count and sector targets with their actual values, and a click
from an indicator to its breakdown by city.

API province (tests/api/province.py), 2025: 高技术制造业增加值占比 = A1's 20 000 of 51 000 (39.22 %), all
of it in 长沙; the 小巨人 list's latest grant is 2023, so its count target is 待评估 with the reason.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow  # a browser and a server: `make test` runs these, `make test-fast` does not


def test_an_indicator_opens_its_breakdown_and_the_targets_show_actual_values(page_as, server):
    page = page_as("prov")
    page.goto(f"{server}/plan")
    rows = page.locator("[data-test=monitor-table] .el-table__body tr")
    rows.first.wait_for(timeout=60_000)
    counts = page.locator("[data-test=count-table] .el-table__body tr")
    counts.first.wait_for()
    assert counts.count() == 7
    giants = page.locator("[data-test=count-table] .el-table__body tr", has_text="小巨人").first
    assert "待评估" in giants.inner_text() and "2026年名单尚未导入" in giants.inner_text()
    assert page.locator("[data-test=sector-table] .el-table__body tr").count() == 17
    assert page.locator("[data-test=value-source]").count() == 1  # 状态依据: 按定义计算 or 官方发布
    rows.filter(has_text="高技术制造业增加值占规模工业增加值比重").first.click()
    why = page.locator("[data-test=why-table] .el-table__body tr", has_text="长沙市")
    why.first.wait_for()
    assert "39.22" in why.first.inner_text()
