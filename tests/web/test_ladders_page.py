"""The ladder pages in a real browser show which rules each verdict used (工信部企业〔2026〕2号 from
2026-04-01 for the 2025 data of the hand-made province)."""

from __future__ import annotations

import pytest
from api import province

pytestmark = pytest.mark.slow


def test_the_ladder_page_names_the_rules_in_force_and_the_older_version(page_as, server):
    page = page_as("prov")
    page.goto(f"{server}/ladders")
    used = page.locator("[data-test=rules-used]")
    used.wait_for()
    assert "工信部企业〔2026〕2号" in used.inner_text() and "2026-04-01" in used.inner_text()
    assert "工信部企业〔2022〕63号" in page.content()  # listed as the other version
    # the funnel names the cities, and the nearest candidates open their full explanation in a drawer
    page.locator("[data-test=funnel-table]").get_by_text("长沙市").first.wait_for()
    table = page.locator("[data-test=candidate-table]")
    table.locator("a.link").first.click()
    drawer = page.locator("[data-test=ladder-drawer]")
    drawer.get_by_text("工信部企业〔2026〕2号", exact=False).first.wait_for()


def test_the_enterprise_page_shows_the_rules_of_each_ladder_verdict(page_as, server):
    page = page_as("prov")
    page.goto(f"{server}/enterprises/{province.USCC['A1']}")
    page.get_by_role("tab", name="梯度位置与差距").click()
    table = page.locator("[data-test=ladder-table]")
    table.get_by_text("工信部企业〔2026〕2号", exact=False).first.wait_for()
    assert "2026-04-01" in table.inner_text()
