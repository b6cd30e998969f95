"""The warnings page in a real browser: a city user sees its own warnings only, filters them, opens one to
its evidence, acknowledges it, and finds the 交办 link to the task form; the cockpit shows the count."""

from __future__ import annotations

import pytest

from gaodi.access.scope import PROVINCE
from gaodi.store import alerts as alert_store

pytestmark = pytest.mark.slow


def warning(alert_id, title, city, severity):
    return {"alert_id": alert_id, "rule_id": "web-test", "rule_version": "1", "jurisdiction": "430000",
            "kind": "operation", "measure": "revenue_fall", "severity": severity, "subject_kind": "enterprise",
            "subject_id": alert_id, "subject_name": "测试企业", "period": "2026-10", "title": title,
            "evidence": [{"label": "营业收入（当月）", "period": "2026-10", "value": 60.0, "unit": "万元",
                          "before": 100.0, "before_period": "2025-10", "change": -0.4}],
            "body_code": "gov:430104", "body_name": "长沙市岳麓区人民政府", "city_code": city, "park_id": None,
            "chain_id": None, "uscc": None}


def test_a_city_user_filters_opens_and_acknowledges_its_warnings(web_workspace, page_as, server):
    alert_store.upsert_alerts(web_workspace.store, [
        warning("web-1", "长沙测试企业营收下降（浏览器测试）", "430100", "high"),
        warning("web-2", "长沙测试企业税收下降（浏览器测试）", "430100", "low"),
        warning("web-3", "株洲测试企业营收下降（浏览器测试）", "430200", "high")], ["web-test"])
    page = page_as("cs")
    page.locator("[data-test=warning-count]").wait_for()
    assert "2" in page.locator("[data-test=warning-count]").inner_text()
    page.get_by_role("menuitem", name="预警").click()
    table = page.locator("[data-test=warnings-table]")
    table.get_by_text("长沙测试企业税收下降（浏览器测试）").wait_for()
    assert "株洲" not in table.inner_text()
    page.locator("[data-test=wn-severity]").click()
    page.locator(".el-select-dropdown__item", has_text="高").click()
    page.wait_for_timeout(300)
    table.get_by_text("长沙测试企业税收下降（浏览器测试）").wait_for(state="detached")
    table.get_by_text("长沙测试企业营收下降（浏览器测试）").click()
    evidence = page.locator("[data-test=warning-evidence]")
    evidence.get_by_text("营业收入（当月）").wait_for()
    assert "-40.0%" in evidence.inner_text() and "2025-10" in evidence.inner_text()
    href = page.locator("[data-test=wn-task]").get_attribute("href")
    assert href.startswith("/tasks/new?source_kind=warning&source_ref=web-1&body=gov%3A430104&title=")
    page.click("[data-test=wn-ack]")
    page.locator("[data-test=wn-ack]").wait_for(state="detached")  # acknowledged: no second ack
    assert web_workspace.alerts.get(PROVINCE, "web-1")["state"] == "acknowledged"
