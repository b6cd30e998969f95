"""The static maps and charts of the regional report: every city or county drawn once, classes that rise
with the values, grey for no data, and charts that print the numbers they were given."""

from __future__ import annotations

import io

import numpy as np
import pytest
from matplotlib.colors import to_hex
from PIL import Image

from gaodi.catalogs import region_catalog
from gaodi.reports import regional_charts as rc
from gaodi.reports.charts import png
from gaodi.reports.fonts import cjk_font_path
from gaodi.reports.province_map import NO_DATA, PALETTE
from gaodi.reports.region_map import quantile_classes, region_map

COUNTIES = sorted(r.code for r in region_catalog("430000").current("county"))


def drawn(fig) -> dict[str, set[str]]:
    """Region code → the face colours of its patches (city borders, ``city:<code>``, left out)."""
    out: dict[str, set[str]] = {}
    for patch in fig.axes[0].patches:
        if not patch.get_gid().startswith("city:"):
            out.setdefault(patch.get_gid(), set()).add(to_hex(patch.get_facecolor()))
    return out


def test_quantile_classes_put_a_fifth_of_the_values_in_each():
    """Values 1 … 10: quantiles at 0, .2, .4, .6, .8, 1 by linear interpolation = 1, 2.8, 4.6, 6.4, 8.2, 10."""
    assert quantile_classes([float(v) for v in range(1, 11)]) == pytest.approx([1, 2.8, 4.6, 6.4, 8.2, 10])


def test_the_city_map_draws_the_14_cities_and_renders_a_png():
    values = {c: float(i) for i, c in enumerate(sorted(r.code for r in region_catalog("430000").current("city")))}
    values["430900"] = None
    fig, path = region_map("city", "430000", values, "测试", "", cjk_font_path())
    colours = drawn(fig)
    assert len(colours) == 14 and all(len(c) == 1 for c in colours.values()) and path.name == "hunan_city.geojson"
    assert colours["430900"] == {NO_DATA}
    labels = [t.get_text() for t in fig.axes[0].texts]
    assert len(labels) == 14 and any(t.startswith("湘西州") for t in labels)
    image = Image.open(io.BytesIO(png(fig)))
    assert image.format == "PNG" and image.width > 1000


def test_the_county_map_draws_122_counties_under_14_city_borders():
    values = {c: float(i) for i, c in enumerate(COUNTIES)}  # 0 … 121 in code order
    for c in COUNTIES[:7]:
        values[c] = None
    fig, path = region_map("county", "430000", values, "县级测试", "万元", cjk_font_path())
    colours = drawn(fig)
    assert len(colours) == 122 and path.name == "hunan_district.geojson"
    borders = {p.get_gid() for p in fig.axes[0].patches if p.get_gid().startswith("city:")}
    assert len(borders) == 14
    colour = {code: next(iter(c)) for code, c in colours.items()}
    assert {colour[c] for c in COUNTIES[:7]} == {NO_DATA}
    ranked = [PALETTE.index(colour[c]) for c in COUNTIES[7:]]  # values rise with the code order
    assert ranked == sorted(ranked) and ranked[0] == 0 and ranked[-1] == len(PALETTE) - 1
    assert all(ranked.count(k) in (23, 24) for k in range(len(PALETTE)))  # 115 values, a fifth in each class
    legend = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert legend[-1] == "无数据" and len(legend) == len(PALETTE) + 1
    assert len([t for t in fig.axes[0].texts]) == 14  # the cities are named, not the 122 counties


def test_one_citys_county_map_names_each_county():
    fig, _ = region_map("county", "430000", {"430104": 3.0, "430102": 5.0}, "长沙", "", cjk_font_path(), city="430100")
    assert len(drawn(fig)) == 9
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert "岳麓区\n3.00" in texts and "芙蓉区\n5.00" in texts and "望城区\n—" in texts


def test_the_lq_heat_table_prints_each_value():
    lq = np.array([[1.875, 0.0], [np.nan, 15.0]])
    fig = rc.lq_heat_table(["长沙市", "岳阳市"], ["航空", "阀门"], lq, cjk_font_path(), "区位熵")
    cells = {t.get_gid(): t.get_text() for t in fig.axes[0].texts if t.get_gid()}
    assert cells == {"lq:0:0": "1.88", "lq:0:1": "0.00", "lq:1:0": "—", "lq:1:1": "15.00"}


def test_the_eci_bars_and_the_opportunity_scatter():
    fig = rc.eci_bars(["甲", "乙", "丙"], [-0.7, 1.4, -0.7], cjk_font_path(), "ECI")
    bars = fig.axes[0].patches
    assert len(bars) == 3 and max(b.get_width() for b in bars) == pytest.approx(1.4)
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()][0] == "乙"  # highest first
    fig = rc.opportunity_scatter([0.1, 0.5, 0.9], [1.0, -1.0, 0.5], ["a", "b", "c"], [False, True, False],
                                 cjk_font_path(), "机会")
    points = {c.get_gid(): len(c.get_offsets()) for c in fig.axes[0].collections}
    assert points == {"points": 2, "priority": 1}
    named = {t.get_text() for t in fig.axes[0].texts}
    assert "c" in named  # density rank 2 + PCI rank 1 = the best sum
