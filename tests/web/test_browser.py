"""The web UI in a real browser: log in, the cockpit's map, drill down, a bad upload, and scoping."""

from __future__ import annotations

import json

import pytest
from api import province

from gaodi.catalogs.files import data_file

pytestmark = pytest.mark.slow  # a browser and a server: `make test` runs these, `make test-fast` does not

CITIES = sorted(f["properties"]["name"] for f in json.loads(
    data_file("boundaries", "hunan_city.geojson").read_text(encoding="utf-8"))["features"])


def map_labels(page) -> set[str]:
    page.wait_for_function("document.querySelectorAll('[data-test=province-map] svg text').length >= 14")
    return set(page.locator("[data-test=province-map] svg text").all_text_contents())


def test_the_cockpit_map_shows_the_14_cities_of_the_province(page_as):
    page = page_as("prov")
    assert len(CITIES) == 14
    assert set(CITIES) <= map_labels(page)
    rows = page.locator("[data-test=city-table] .el-table__body tr")
    rows.first.wait_for()
    assert rows.count() == 14
    # ranked by revenue: 长沙 8.0 亿元 (A1 5.0 + A2 3.0) leads 株洲 6.0 and 岳阳 1.0
    assert "长沙市" in rows.nth(0).inner_text() and "株洲市" in rows.nth(1).inner_text()


def test_drilling_down_from_the_map_reaches_an_enterprise(page_as, server):
    page = page_as("prov")
    map_labels(page)
    page.locator("[data-test=province-map] svg text", has_text="长沙市").first.click()
    page.wait_for_url(f"{server}/cities/430100")
    page.locator("[data-test=county-table]").get_by_text("岳麓区").wait_for()
    page.locator("[data-test=park-table]").get_by_text("甲园区（测试）").click()
    page.wait_for_url(f"{server}/parks/PA")
    # the park links to the other modules: A1 is graded A (worked in tests/api/province_evaluations.py)
    page.locator("[data-test=mu-counts]", has_text="A 1").wait_for(timeout=90_000)
    page.locator("[data-test=enterprise-table]").get_by_text(province.NAME["A1"]).click()
    page.wait_for_url(f"{server}/enterprises/{province.USCC['A1']}")
    page.locator("[data-test=enterprise-name]", has_text=province.NAME["A1"]).wait_for()
    page.locator("[data-test=statistics-table]").get_by_text("50,000").wait_for()
    page.locator("[data-test=mu-class]", has_text="2025").get_by_text("A", exact=True).wait_for()


def test_uploading_a_bad_file_shows_each_rejected_row_and_why(page_as, tmp_path):
    bad = province.USCC["C1"][:17] + ("0" if province.USCC["C1"][17] != "0" else "1")
    path = tmp_path / "企业名录-有错.csv"
    path.write_text(f"统一社会信用代码,企业名称,所在县市区代码,行业代码\n{bad},坏企业（测试）,430602,3443\n"
                    f"{province.USCC['C1']},企业C1（测试）,439999,3443\n", encoding="utf-8")
    page = page_as("prov")
    page.click("text=数据导入")
    page.set_input_files("[data-test=file]", str(path))
    page.click("[data-test=upload]")
    problems = page.locator("[data-test=problems] .el-table__body tr")
    problems.first.wait_for()
    text = page.locator("[data-test=validation]").inner_text()
    assert "2 行无效" in text and "未导入任何数据" in text
    assert problems.count() == 2
    assert "统一社会信用代码" in problems.nth(0).inner_text() and bad in problems.nth(0).inner_text()
    assert "439999" in problems.nth(1).inner_text()


def test_a_city_user_cannot_reach_another_citys_data(page_as, server):
    page = page_as("cs")
    # the city user's cockpit is their own city, drawn by its counties
    rows = page.locator("[data-test=county-table] .el-table__body tr")
    rows.first.wait_for()
    counties = page.locator("[data-test=county-table]").inner_text()
    assert "岳麓区" in counties and "荷塘区" not in counties
    page.locator("[data-test=cockpit-title]", has_text="长沙市").wait_for()
    page.goto(f"{server}/enterprises/{province.USCC['B1']}")
    page.locator("[data-test=error]").wait_for()
    assert "不在您的数据范围" in page.locator("[data-test=error]").inner_text()
    assert page.locator("[data-test=enterprise-name]").inner_text() == province.USCC["B1"]
    page.goto(f"{server}/cities/430200")
    page.locator("[data-test=error]", has_text="不在您的数据范围").wait_for()
    page.goto(f"{server}/enterprises")
    page.locator("[data-test=enterprise-table] .el-table__body tr").first.wait_for()
    listed = page.locator("[data-test=enterprise-table]").inner_text()
    assert province.NAME["A1"] in listed and province.NAME["B1"] not in listed


def test_the_interface_switches_to_english_and_back(page_as):
    page = page_as("prov")
    page.locator("header").get_by_text("EN", exact=True).click()
    page.get_by_role("menuitem", name="Cockpit").wait_for()
    page.locator("header").get_by_text("中文", exact=True).click()
    page.get_by_role("menuitem", name="驾驶舱").wait_for()
