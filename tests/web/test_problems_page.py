"""The problems page in a real browser: enterprise a1 files a problem, city user cs accepts and assigns
it, the history shows each step with its hash chain; the enterprise follows it; 株洲 never sees it."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

TITLE = "新厂区用电报装进度慢（浏览器测试）"


def field(name: str, tag: str = "input") -> str:
    """Element Plus puts a field's attributes on the native input, or on its wrapper: either way."""
    return f"{tag}[data-test={name}], [data-test={name}] {tag}"


def drawer_state(page, label: str) -> None:
    page.locator("[data-test=problem-state]", has_text=label).wait_for()


def test_an_enterprise_files_a_problem_and_the_city_moves_it_along(page_as, server):
    page = page_as("a1")
    page.get_by_role("menuitem", name="企业诉求").click()
    page.click("[data-test=new-problem]")
    page.fill(field("form-title"), TITLE)
    page.fill(field("form-description", "textarea"), "报装已两个月，影响投产")
    page.locator("[data-test=form-category]").click()
    page.locator(".el-select-dropdown__item", has_text="用能").click()
    page.click("[data-test=submit-problem]")
    drawer_state(page, "已提交")
    assert page.locator("[data-test=history] .el-table__body tr").count() == 1
    assert [b.inner_text() for b in page.locator("[data-test=next-actions] button").all()] == ["撤回"]
    problem_id = page.locator("[data-test=problem-id]").inner_text()

    city = page_as("cs")
    city.goto(f"{server}/problems")
    city.locator("[data-test=problem-table]").get_by_text(TITLE).click()
    drawer_state(city, "已提交")
    city.click("[data-test=action-accept]")
    city.click("[data-test=do-action]")
    drawer_state(city, "已受理")
    city.click("[data-test=action-assign]")
    city.fill(field("step-department"), "市供电公司")  # a department outside the catalogue: typed, then Enter
    city.keyboard.press("Enter")
    city.fill(field("step-days"), "3")
    city.click("[data-test=do-action]")
    drawer_state(city, "已交办")
    history = city.locator("[data-test=history] .el-table__body tr")
    assert history.count() == 3
    assert "受理" in history.nth(1).inner_text() and "市供电公司" in history.nth(2).inner_text()
    assert city.locator("[data-test=verified]").inner_text().strip() == "哈希链完整"

    page.reload()
    page.locator("[data-test=problem-table]").get_by_text(TITLE).click()
    drawer_state(page, "已交办")
    assert page.locator("[data-test=problem-id]").inner_text() == problem_id
    assert page.locator("[data-test=history] .el-table__body tr").count() == 3

    other = page_as("zz")
    other.goto(f"{server}/problems")
    other.locator("[data-test=problem-summary]", has_text="合计 0").wait_for()  # 株洲 has no problem at all
    other.locator("[data-test=problem-table] .el-table__empty-text").wait_for()
    assert TITLE not in other.locator("[data-test=problem-table]").inner_text()
