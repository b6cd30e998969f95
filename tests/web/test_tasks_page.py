"""The task board and form in a real browser: the province gives 岳麓区 an overdue task from a warning link
(the form takes its prefill from the query string), Changsha reports, escalates it to the city and closes
it; 株洲 cannot give 岳麓区 a task (403, nothing written) and an enterprise has no task board."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlencode

import httpx
import pytest
from api import province

from gaodi.problems.events import CHINA_TZ

pytestmark = pytest.mark.slow

TITLE = "营收连续下滑企业走访（浏览器测试）"


def field(name: str, tag: str = "input") -> str:
    return f"{tag}[data-test={name}], [data-test={name}] {tag}"


def _titles(server) -> list[str]:
    with httpx.Client(base_url=server) as api:
        token = api.post("/api/auth/login", json={"username": "prov", "password": province.PASSWORD}).json()
        items = api.get("/api/tasks", headers={"Authorization": f"Bearer {token['access_token']}"}).json()["items"]
    return [t["title"] for t in items]


def test_the_right_roles_move_a_task_from_warning_to_closure_and_the_wrong_ones_cannot(page_as, server):
    link = "/tasks/new?" + urlencode({"source_kind": "warning", "source_ref": "W-42", "body": "county:430104",
                                      "title": TITLE})
    # 株洲 follows the same link: refused, and nothing is written
    zz = page_as("zz")
    zz.goto(server + link)
    zz.click("[data-test=form-submit]")
    zz.locator("[data-test=error]").wait_for()
    assert "不在您的范围" in zz.locator("[data-test=error]").inner_text()
    assert TITLE not in _titles(server)
    # an enterprise has no task board in its menu and sees no task
    a1 = page_as("a1")
    assert a1.get_by_role("menuitem", name="督办").count() == 0

    prov = page_as("prov")
    prov.goto(server + link)
    assert prov.locator(field("form-title")).input_value() == TITLE
    month_ago = (dt.datetime.now(CHINA_TZ).date() - dt.timedelta(days=30)).isoformat()
    prov.fill(field("form-set-on"), month_ago)  # a paper record: assigned a month ago, so overdue now
    prov.click("[data-test=form-submit]")
    prov.locator("[data-test=tasks-page]").wait_for()

    cs = page_as("cs")
    cs.goto(f"{server}/tasks")
    card = cs.locator("[data-test=column-open] .card", has_text=TITLE)
    card.wait_for()
    assert card.locator("[data-test=overdue-tag]").count() == 1
    assert cs.locator("[data-test=inbox-badge] sup").inner_text().strip() != ""
    card.click()
    for action, text, state in (("report", "已约谈企业，订单下降为主因", "已报告进展"),
                                ("escalate", "区级协调未果", "已升级督办"),
                                ("close", "10 月营收回升 8%，见月报", "已办结")):
        cs.fill(field("task-text", "textarea"), text)
        cs.click(f"[data-test=task-{action}]")
        cs.locator("[data-test=task-state]", has_text=state).wait_for()
    cs.locator("[data-test=column-closed] .card", has_text=TITLE).wait_for()
    assert "长沙市人民政府" in cs.locator("[data-test=task-drawer]").inner_text()
