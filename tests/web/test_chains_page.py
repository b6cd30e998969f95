"""The chain pages in a real browser: the chain list, a chain's map and rates, suppression, scoping.

Figures are those worked out in ``tests/api/province_chains.py``: chain T buys 1 500 万元 of chain
inputs, 600 from the province (40.0 %); its segment T-U1 材料 buys 1 000, 450 locally (45.0 %);
T-M1 部件 and T-D1 整机 have one buyer each and are not published.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow  # a browser and a server: `make test` runs these, `make test-fast` does not


def rates_row(page, text: str):
    row = page.locator("[data-test=rates-table] .el-table__body tr", has_text=text).first
    row.wait_for()
    return row.inner_text()


def test_the_province_opens_a_chain_and_sees_its_map_rates_and_suppressed_cells(page_as, server):
    page = page_as("prov")
    page.get_by_role("menuitem", name="产业链", exact=True).click()
    table = page.locator("[data-test=chain-table]")
    table.get_by_text("测试链").wait_for()
    listed = table.locator(".el-table__body tr", has_text="测试链").inner_text()
    assert "40.0%" in listed and "20.0%" in listed  # province and city rate of chain T
    assert "少于3家，不公开" in table.locator(".el-table__body tr", has_text="验证链").inner_text()
    table.get_by_text("测试链").click()
    page.wait_for_url(f"{server}/chains/T")
    page.locator("[data-test=chain-leader]", has_text="王链长（测试）").wait_for()
    # the chain map: three segment nodes (and the three stage headings) drawn as SVG text
    page.wait_for_function("['材料', '部件', '整机'].every(n => [...document.querySelectorAll("
                           "'[data-test=chain-map] svg text')].some(t => t.textContent.includes(n)))")
    labels = " ".join(page.locator("[data-test=chain-map] svg text").all_text_contents())
    assert "45.0%" in labels and "上游" in labels and "下游" in labels
    assert "40.0%" in page.locator("[data-test=chain-summary]").inner_text()
    assert "45.0%" in rates_row(page, "材料") and "1,000" in rates_row(page, "材料")
    hidden = rates_row(page, "部件")
    assert "少于3家，不公开" in hidden and "0.0%" not in hidden
    page.locator("[data-test=rates-by]").get_by_text("按月份").click()
    page.locator("[data-test=rates-table] .el-table__body tr", has_text="2025-06").wait_for()
    assert "防推算，不公开" in rates_row(page, "2025-06")  # 3 buyers, but the year minus March gives it
    page.locator("[data-test=chain-tabs]").get_by_text("重点项目").click()
    project = page.locator("[data-test=projects-table] .el-table__body tr", has_text="材料扩产项目")
    project.wait_for()
    assert "69.0%" in project.inner_text() and "56.0%" in project.inner_text()


def test_a_chain_office_sees_only_its_own_chain(page_as, server):
    page = page_as("chain")
    page.get_by_role("menuitem", name="产业链", exact=True).click()
    table = page.locator("[data-test=chain-table]")
    table.get_by_text("测试链").wait_for()
    assert "验证链" not in table.inner_text()
    page.goto(f"{server}/chains/V")
    page.locator("[data-test=error]", has_text="不在您的数据范围").wait_for()
