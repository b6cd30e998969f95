"""The regional page in a real browser: the map of the province by city and by county, and hand-worked values.

Default choice: 工业增加值 (value added), cities, 2-digit divisions, 2025; the map shows the location
quotient of the largest division, 37 (A1: 20 000 of 51 000 万元). LQ 长沙·37 = (20 000 / 30 000) ÷
(20 000 / 51 000) = 51/30 = 1.7. Krugman 长沙 = |2/3 − 20/51| + |1/3 − 10/51| + (12 + 6 + 3)/51 = 14/17 = 0.82.
For 长沙, no related industry is held (every division is in one city only): its three opportunities
(32 有色金属冶炼和压延加工业, 34 通用设备制造业, 35 专用设备制造业) have density 0.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow  # a browser and a server: `make test` runs these, `make test-fast` does not


def open_regional(page, server):
    page.goto(f"{server}/regional")
    page.wait_for_selector("[data-test=region-map][data-ready='city:14']", timeout=60_000)


def test_the_map_draws_the_14_cities_and_the_values_are_the_hand_figures(page_as, server):
    page = page_as("prov")
    open_regional(page, server)
    labels = page.locator("[data-test=region-map] svg text").all_text_contents()
    assert {"长沙市", "株洲市", "岳阳市", "湘西土家族苗族自治州"} <= set(labels)
    first = page.locator("[data-test=map-values] .el-table__body tr").first
    first.wait_for()
    assert "长沙市" in first.inner_text() and "1.7" in first.inner_text()
    rows = page.locator("[data-test=map-values] .el-table__body tr")
    assert rows.count() == 14 and "无规上企业数据" in rows.nth(13).inner_text()
    table = page.locator("[data-test=specialisation-table]")
    table.get_by_text("长沙市").wait_for()
    assert "0.82" in table.locator(".el-table__body tr", has_text="长沙市").inner_text()


def test_the_county_map_draws_every_county(page_as, server):
    page = page_as("prov")
    open_regional(page, server)
    page.locator("[data-test=rg-level]").get_by_text("县市区").click()
    page.wait_for_selector("[data-test=region-map][data-ready='county:122']", timeout=60_000)
    assert page.locator("[data-test=region-map] svg path").count() >= 122
    first = page.locator("[data-test=map-values] .el-table__body tr").first
    # 岳麓区 holds only 37 (A1): LQ = 1 ÷ (20 000 / 51 000) = 2.55
    assert "岳麓区" in first.inner_text() and "2.55" in first.inner_text()


def test_a_city_user_sees_its_opportunities_with_their_reasons(page_as, server):
    page = page_as("cs")
    open_regional(page, server)
    rows = page.locator("[data-test=map-values] .el-table__body tr")
    rows.first.wait_for()
    assert rows.count() == 1 and "长沙市" in rows.first.inner_text()
    page.locator("[data-test=regional-tabs]").get_by_text("发展机会").click()
    table = page.locator("[data-test=opportunity-table]")
    table.locator(".el-table__body tr").first.wait_for()
    body = table.locator(".el-table__body").inner_text()
    assert table.locator(".el-table__body tr").count() == 3
    assert "通用设备制造业" in body and "专用设备制造业" in body and "有色金属冶炼和压延加工业" in body
    # the scatter of the same three: density (all 0 here) across, PCI up
    chart = page.locator("[data-test=opportunity-chart] svg")
    chart.locator("text", has_text="密度（可行性）").wait_for()
    assert "PCI" in chart.text_content()
