"""The reports page in a real browser: generate a report, see it listed, download it.

长沙's 2025 营业收入利润率 = (5 000 + 1 000) ÷ 80 000 = 7.50 % (A1, A2; A3 is below scale), printed in the
monitoring report's status table of the city user's report.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow  # a browser and a server: `make test` runs these, `make test-fast` does not


# Records whether the "generating" notice was ever shown, however short the generation.
SAW_GENERATING = """() => {
  window.sawGenerating = false
  new MutationObserver(() => {
    if (document.querySelector('[data-test=rp-generating]')) window.sawGenerating = true
  }).observe(document.body, { childList: true, subtree: true })
}"""


def choose(page, select: str, option: str) -> None:
    page.locator(f"[data-test={select}]").click()
    page.locator(".el-select-dropdown__item:visible", has_text=option).first.click()


def test_a_city_user_generates_a_report_sees_it_listed_and_downloads_it(page_as, server, tmp_path):
    page = page_as("cs")
    page.goto(f"{server}/reports")
    page.locator("[data-test=rp-kind]").wait_for()
    choose(page, "rp-format", "HTML")
    page.evaluate(SAW_GENERATING)
    page.click("[data-test=rp-generate]")
    made = page.locator("[data-test=rp-made]")
    made.wait_for(timeout=120_000)
    assert page.evaluate("window.sawGenerating")  # the page said it was working while it waited
    assert "长沙市先进制造业统计监测分析报告" in made.inner_text()
    row = page.locator("[data-test=report-table] .el-table__body tr", has_text="长沙市")
    row.first.wait_for()
    assert "html" in row.first.inner_text() and "cs" in row.first.inner_text()
    with page.expect_download() as info:
        row.first.locator("[data-test=rp-download]").click()
    path = tmp_path / "report.html"
    info.value.save_as(path)
    assert info.value.suggested_filename.startswith("monitor-430100-")  # one file per area and period
    assert '<td class="num">7.50</td>' in path.read_text(encoding="utf-8")


def test_the_regional_report_can_be_chosen_with_its_options(page_as, server):
    page = page_as("prov")
    page.goto(f"{server}/reports")
    page.locator("[data-test=rp-kind]").wait_for()
    choose(page, "rp-kind", "区域布局分析报告")
    page.locator("[data-test=rp-regional]").wait_for()
    choose(page, "rp-format", "XLSX")
    page.click("[data-test=rp-generate]")
    page.locator("[data-test=rp-made]").wait_for(timeout=120_000)
    assert "湖南省先进制造业区域布局分析报告" in page.locator("[data-test=rp-made]").inner_text()
    page.locator("[data-test=report-table] .el-table__body tr", has_text="区域布局").first.wait_for()
