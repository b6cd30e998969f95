"""Each indicator definition against a calculation by hand on a four-enterprise province.

Enterprises (万元):
  A 3741 飞机制造 (high-tech, equipment, strategic emerging), park P1, 长沙 430102
  B 3612 新能源车整车制造 (equipment, strategic emerging), no park, 长沙 430182
  C 1311 稻谷加工 (manufacturing only), park P1, 株洲 430202, below scale in 2024
  D 0610 烟煤和无烟煤开采洗选 (industrial, not manufacturing), no park, 株洲 430202
"""

from __future__ import annotations

import pytest

from gaodi.catalogs import industry_catalog
from gaodi.indicators.definitions import definition, find_definition
from gaodi.indicators.frame import Area, Period
from gaodi.indicators.sources import Sources
from tests.foundation.samples import make_uscc

A, B, C, D = (make_uscc(r, i) for i, r in enumerate(["430102", "430182", "430202", "430202"], start=10))
PROVINCE = Area("province", "430000")
CHANGSHA = Area("city", "430100")
Y2025 = Period(2025)

STATS = [
    ["统一社会信用代码", "统计期", "是否规上", "营业收入(万元)", "工业增加值(万元)", "工业总产值(万元)",
     "利润总额(万元)", "研发经费(万元)", "综合能耗(吨标准煤)", "使用数字化研发设计工具"],
    [A, "2025", "是", "1000", "300", "1100", "50", "30", "100", "是"],
    [B, "2025", "是", "1000000", "400", "2100", "52000", "40", "200", "是"],
    [C, "2025", "是", "500", "100", "520", "10", "", "", "否"],
    [D, "2025", "是", "300", "200", "310", "30", "", "50", "否"],
    [A, "2024", "是", "900", "280", "1000", "40", "25", "110", "是"],
    [B, "2024", "是", "900000", "380", "2000", "50000", "40", "210", "是"],
    [C, "2024", "否", "400", "95", "410", "8", "", "", "否"],
    [D, "2024", "是", "280", "190", "300", "25", "", "60", "否"],
]


@pytest.fixture(scope="module")
def src(tmp_path_factory):
    from gaodi.core import Gaodi
    import csv

    folder = tmp_path_factory.mktemp("defs")

    def write(name, rows):
        path = folder / name
        with open(path, "w", encoding="utf-8", newline="") as fh:
            csv.writer(fh).writerows(rows)
        return path

    g = Gaodi.open(home=folder, in_memory=True)
    g.import_file("parks", write("p.csv", [["园区代码", "园区名称", "园区级别", "所在县市区代码", "规划面积(亩)"],
                                           ["P1", "测试园区", "省级", "430102", "1000"]]))
    g.import_file("enterprises", write("e.csv", [
        ["统一社会信用代码", "企业名称", "所在县市区代码", "园区代码", "行业代码"],
        [A, "A", "430102", "P1", "3741"], [B, "B", "430182", "", "3612"],
        [C, "C", "430202", "P1", "1311"], [D, "D", "430202", "", "0610"]]))
    g.import_file("statistics", write("s.csv", STATS))
    g.import_file("titles", write("t.csv", [["统一社会信用代码", "称号", "等级", "认定年份", "有效期至"],
                                            [A, "小巨人", "国家级", "2023", "2026"],
                                            [B, "小巨人", "国家级", "2020", "2023"],
                                            [A, "绿色工厂", "省级", "2024", ""]]))
    g.import_file("deflators", write("d.csv", [["地区代码", "年份", "口径", "价格指数"], ["430000", "2025", "制造业", "98.4"]]))
    g.import_file("clusters", write("c.csv", [["集群代码", "集群名称", "集群级别", "所在地区代码", "认定年份"],
                                              ["N1", "测试集群", "国家级", "430100", "2022"]]))
    g.import_file("indicator-values", write("v.csv", [["指标", "地区代码", "统计期", "数值", "单位", "来源"],
                                                      ["数字经济核心产业增加值占GDP比重", "430000", "2025", "7.4", "%",
                                                       "省统计局 2025 年统计公报（测试）"]]))
    yield Sources(g.store)
    g.close()


def value(src, key, area=PROVINCE, period=Y2025, **ctx):
    d = definition(key)
    return d.compute(src, period, area, {"names": [d.name], **ctx}).value


def test_the_classes_are_what_the_docstring_says():
    cat = industry_catalog()
    assert "3741" in cat.codes_in("hightech_manufacturing") and "3612" not in cat.codes_in("hightech_manufacturing")
    assert {"3741", "3612"} <= set(cat.codes_in("strategic_emerging")) and "1311" not in cat.codes_in("strategic_emerging")
    assert cat.industries["0610"].section == "B"


def test_profit_margin(src):
    assert value(src, "profit_margin") == pytest.approx(100 * 52090 / 1001800)  # 5.1996 %
    assert value(src, "profit_margin", CHANGSHA) == pytest.approx(100 * 52050 / 1001000)


def test_shares_of_value_added(src):
    assert value(src, "hightech_share") == pytest.approx(30.0)  # 300 / 1000
    assert value(src, "park_share") == pytest.approx(40.0)  # (300 + 100) / 1000
    assert value(src, "advanced_share") == pytest.approx(87.5)  # (300 + 400) / 800, manufacturing only


def test_strategic_emerging_share_of_gross_output(src):
    assert value(src, "sei_share") == pytest.approx(100 * 3200 / 4030)  # 79.40 %


def test_growth_at_comparable_prices_over_the_same_enterprises(src):
    # A and B are above scale in both years; C entered in 2025 and is left out:
    # 700 / (660 × 0.984) − 1 = 7.785 %
    assert value(src, "mfg_va_growth") == pytest.approx(100 * (700 / (660 * 0.984) - 1))


def test_rd_growth_is_nominal(src):
    assert value(src, "rd_growth") == pytest.approx(100 * (70 / 65 - 1))  # 7.692 %


def test_energy_intensity_reduction(src):
    # same scope A, B, D: energy 350 vs 380, value added 900 (deflated by 0.984) vs 850
    expected = 100 * (1 - (350 / (900 / 0.984)) / (380 / 850))  # 14.40 %
    assert value(src, "energy_intensity_drop") == pytest.approx(expected)


def test_counts(src):
    # the 小巨人 list's latest grant is 2023, so it speaks for 2023 (A, and B until its expiry in 2023),
    # and says so, rather than assume nothing was granted or expired since
    got = definition("little_giant").compute(src, Y2025, PROVINCE, {})
    assert (got.value, got.data_period, got.note) == (2, "2023", "名单最新为2023年")
    assert value(src, "little_giant", period=Period(2023)) == 2
    assert value(src, "single_champion") is None  # never imported: no data, not 0
    assert value(src, "revenue_100yi") == 1  # B: exactly 100 亿元 counts
    assert value(src, "revenue_1000yi") == 0
    assert value(src, "new_above_scale") == 1  # C
    assert value(src, "national_clusters") == 1
    assert value(src, "digital_tools") == pytest.approx(50.0)


def test_green_factory_output_share(src):
    assert value(src, "green_output_share") == pytest.approx(100 * 1100 / 3720)  # A of A+B+C


def test_entered_value_carries_its_source(src):
    d = find_definition("数字经济核心产业增加值占GDP比重")
    got = d.compute(src, Period(2026, 10), PROVINCE, {"names": [d.name]})
    assert got.value == 7.4 and "统计公报" in got.note and got.data_period == "2025"


def test_annual_only_figures_use_the_last_complete_year_for_a_partial_period(src):
    got = definition("revenue_100yi").compute(src, Period(2026, 10), PROVINCE, {})
    assert got.data_period == "2025" and "上一完整年度" in got.note
