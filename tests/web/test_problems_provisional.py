"""A deadline that runs into a year without an official holiday arrangement is shown as 暂定 with its reason."""

from __future__ import annotations

import httpx
import pytest
from api import province

pytestmark = pytest.mark.slow

TITLE = "跨年办理的用地问题（暂定期限测试）"


def test_a_provisional_deadline_is_tagged_in_the_list_and_explained_in_the_drawer(page_as, server):
    """Filed and assigned now (from 2026-12 on) with 60 working days: due in 2027, a year whose
    arrangement is not loaded, so the deadline is 暂定. City staff cannot back-date (issue 18), so the
    steps carry the server's time."""
    with httpx.Client(base_url=server) as api:
        token = api.post("/api/auth/login", json={"username": "cs", "password": province.PASSWORD}).json()
        headers = {"Authorization": f"Bearer {token['access_token']}"}
        filed = api.post("/api/problems", headers=headers, json={
            "uscc": province.USCC["A1"], "title": TITLE, "description": "跨年", "category": "用地"}).json()
        pid = filed["problem_id"]
        api.post(f"/api/problems/{pid}/accept", headers=headers, json={})
        assigned = api.post(f"/api/problems/{pid}/assign", headers=headers, json={
            "department": "市自然资源局", "deadline_workdays": 60}).json()
    assert assigned["deadline_provisional"] and assigned["deadline"].startswith("2027-")

    page = page_as("cs")
    page.goto(f"{server}/problems")
    row = page.locator("[data-test=problem-table] tr", has_text=TITLE)
    row.locator("[data-test=deadline-provisional]").wait_for()
    assert row.locator("[data-test=deadline-provisional]").inner_text().strip() == "暂定"
    row.get_by_text(TITLE).click()
    page.locator("[data-test=detail-provisional]").wait_for()
    assert "2027" in page.locator("[data-test=detail-provisional-basis]").inner_text()
