"""Map-ready values: one value per city or county, regions without activity reported as such, not dropped.

The small store (工业增加值, 2025, 万元): A 430102 芙蓉区 (长沙) class 3741 = 10, B 430182 宁乡市 (长沙) 3742 = 5,
C 430202 荷塘区 (株洲) 3612 = 7. By city and 2-digit division: 长沙·37 = 15, 株洲·36 = 7, total 22.
LQ 长沙·37 = (15/15) ÷ (15/22) = 22/15 = 1.4667; 株洲·37 = 0 (active, none of 37); LQ 株洲·36 = 22/7.
Krugman 长沙 = |1 − 15/22| + |0 − 7/22| = 14/22. Share 长沙 = 15/22 = 68.18 %.
"""

from __future__ import annotations

import pandas as pd
import pytest

from gaodi.errors import InputError
from gaodi.regional import location_quotients, region_industry_matrix
from gaodi.regional.maps import EXCLUDED, NO_ACTIVITY, OK, OUTSIDE, map_layer, region_values
from gaodi.regional.store_analysis import RegionalOptions, StoreAnalysis
from tests.regional.small_store import three_firms


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    g = three_firms(tmp_path_factory.mktemp("maps"))
    yield g.store
    g.close()


def test_region_values_keep_every_region_and_say_why_one_has_none():
    """Regions X (a: 3, b: 1), Y (b: 4) and Z (listed, no rows). Totals a 3, b 5, all 8.
    LQ X·a = (3/4) ÷ (3/8) = 2; LQ Y·a = 0 (active, none of a); Z has no activity."""
    table = pd.DataFrame({"region": ["X", "X", "Y"], "industry": ["a", "b", "b"], "value": [3, 1, 4]})
    lq = location_quotients(region_industry_matrix(table))["a"]
    items = region_values([("X", "甲"), ("Y", "乙"), ("Z", "丙")], lq.to_dict(), {"X", "Y"})
    assert [(i.code, i.name, i.status) for i in items] == [("X", "甲", OK), ("Y", "乙", OK), ("Z", "丙", NO_ACTIVITY)]
    assert items[0].value == pytest.approx(2.0) and items[1].value == 0.0 and items[2].value is None
    assert "没有规上工业企业" in items[2].reason


def test_region_values_report_exclusions_scope_and_codes_the_map_cannot_draw():
    items = region_values([("X", "甲"), ("Y", "乙")], {"X": 1.0}, {"X", "Y", "W"},
                          excluded={"Y": "没有任何行业达到显性比较优势门槛"}, visible=lambda c: c != "W",
                          names={"W": "旧县"})
    got = {i.code: (i.status, i.value, i.mapped) for i in items}
    assert got == {"X": (OK, 1.0, True), "Y": (EXCLUDED, None, True), "W": (OUTSIDE, None, False)}
    assert next(i for i in items if i.code == "Y").reason == "没有任何行业达到显性比较优势门槛"


def test_a_city_layer_lists_the_14_cities_with_hand_values(store):
    a = StoreAnalysis(store, RegionalOptions("value_added", "city", 2), "430000")
    layer = map_layer(a, "lq", "37")
    values = {i.code: i for i in layer.items}
    assert len(values) == 14 and layer.industry_name == "铁路、船舶、航空航天和其他运输设备制造业"
    assert values["430100"].value == pytest.approx(22 / 15) and values["430200"].value == 0.0
    idle = [i for i in layer.items if i.status == NO_ACTIVITY]
    assert len(idle) == 12 and all(i.value is None for i in idle)
    krugman = map_layer(a, "krugman").values()
    assert krugman["430100"] == pytest.approx(14 / 22) and krugman["430600"] is None
    assert map_layer(a, "share").values()["430100"] == pytest.approx(100 * 15 / 22)


def test_a_county_layer_lists_all_122_counties(store):
    a = StoreAnalysis(store, RegionalOptions("value_added", "county", 4), "430000")
    layer = map_layer(a, "total")
    assert len(layer.items) == 122 and all(i.mapped for i in layer.items)
    got = {i.code: i.value for i in layer.items if i.status == OK}
    assert got == {"430102": 10.0, "430182": 5.0, "430202": 7.0}
    limited = map_layer(a, "total", cities={"430200"})
    assert {i.code for i in limited.items if i.status == OK} == {"430202"}
    assert sum(i.status == OUTSIDE for i in limited.items) == 122 - 9  # 株洲 has 9 counties


def test_layers_refuse_what_they_cannot_show(store):
    a = StoreAnalysis(store, RegionalOptions("value_added", "city", 2), "430000")
    with pytest.raises(InputError, match="需要指定行业"):
        map_layer(a, "density")
    with pytest.raises(InputError, match="位数"):
        map_layer(a, "lq", "3741")
    with pytest.raises(InputError, match="之前没有年度数据"):
        map_layer(a, "growth")  # a single year: no base to grow from
