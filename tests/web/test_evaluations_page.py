"""The evaluations page in a real browser: the 亩均 ranking, its classes, one enterprise's points,
the movement between years, the cluster ladder, and a city user's narrower view.

Expected rows are the hand computation of ``tests/api/province_evaluations.py``.
"""

from __future__ import annotations

import pytest
from api import province

pytestmark = pytest.mark.slow


def ranking_rows(page):
    rows = page.locator("[data-test=ranking-table] .el-table__body tr")
    rows.first.wait_for()
    return rows


def test_the_province_sees_the_ranking_its_classes_and_the_points_of_one_enterprise(page_as):
    page = page_as("prov")
    page.get_by_role("menuitem", name="集群与园区评价").click()
    rows = ranking_rows(page)
    assert rows.count() == 5
    first, last = rows.nth(0).inner_text(), rows.nth(4).inner_text()
    assert province.NAME["A1"] in first and "123.95" in first
    assert [rows.nth(i).locator(".el-tag").inner_text() for i in range(5)] == ["A", "B", "B", "C", "D"]
    assert province.NAME["C1"] in last and "70.7" in last
    page.locator("[data-test=class-chart] svg").first.wait_for()
    assert "倒逼整治" in page.locator("[data-test=measures]").inner_text()
    page.locator("[data-test=ranking-table]").get_by_text(province.NAME["B2"]).click()
    table = page.locator("[data-test=explain-table]")
    table.get_by_text("亩均税收").wait_for()
    assert "17.931" in table.inner_text()  # the benchmark 5 200 / 290
    page.keyboard.press("Escape")
    page.get_by_role("tab", name="分类变动（动态管理）").click()
    moves = page.locator("[data-test=movement-table]")
    moves.get_by_text("上升").wait_for()
    text = moves.inner_text()
    assert province.NAME["B2"] in text and "下降" in text
    page.get_by_role("tab", name="集群梯队").click()
    page.locator("[data-test=cluster-ladder]").get_by_text("长沙工程机械集群（测试）").wait_for()
    assert "81,500" in page.locator("[data-test=cluster-ladder]").inner_text()


def test_a_city_user_sees_only_its_enterprises_and_a_park_rule_set_explains_why_nothing_is_graded(page_as, server):
    page = page_as("cs")
    page.goto(f"{server}/evaluations")
    rows = ranking_rows(page)
    page.wait_for_function("document.querySelectorAll('[data-test=ranking-table] .el-table__body tr').length === 2")
    listed = page.locator("[data-test=ranking-table]").inner_text()
    assert province.NAME["A1"] in listed and province.NAME["A2"] in listed
    assert province.NAME["B1"] not in listed and rows.count() == 2
    page.locator("[data-test=ruleset]").click()
    page.locator(".el-select-dropdown__item", has_text="亩均效益-园区").click()
    page.locator("[data-test=error]", has_text="不足 2 个").first.wait_for()
