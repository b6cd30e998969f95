"""Figures by city and park, checked against the hand computation from the table in ``province.py``.

长沙 2025, above-scale industrial enterprises A1 and A2 (A3 is below scale):
revenue (50 000 + 30 000) 万元 = 8.0 亿元; VA (20 000 + 10 000) = 3.0 亿元; profit margin
(5 000 + 1 000) ÷ 80 000 × 100 = 7.5 %; high-tech share 20 000 ÷ 30 000 × 100 = 66.67 % (A1's class 3741
is in 高技术产业(制造业)分类(2017)); R&D (1 000 + 600) ÷ 80 000 × 100 = 2.0 %; tax 3 000 万元 = 0.3 亿元;
亩均税收 3 000 ÷ 150 = 20.0 万元/亩.
"""

from __future__ import annotations

import pytest

from . import province


def by_code(client, headers, year=None):
    r = client.get("/api/regions/cities", headers=headers, params={"year": year} if year else {})
    assert r.status_code == 200, r.text
    return {c["city_code"]: c for c in r.json()["items"]}


def test_city_figures_equal_the_hand_computation(client, login):
    cs = by_code(client, login("prov"))["430100"]
    assert cs["enterprises"] == 3 and cs["above_scale"] == 2
    assert cs["revenue"] == pytest.approx(8.0) and cs["value_added"] == pytest.approx(3.0)
    assert cs["profit_margin"] == pytest.approx(7.5) and cs["hightech_share"] == pytest.approx(66.67)
    assert cs["rd_intensity"] == pytest.approx(2.0) and cs["tax"] == pytest.approx(0.3)
    assert cs["tax_per_mu"] == pytest.approx(20.0)


def test_an_earlier_year_uses_that_years_figures(client, login):
    """2024 figures are 80 % of 2025: 长沙 revenue 0.8 × 8.0 = 6.4 亿元, margin unchanged 7.5 %."""
    cs = by_code(client, login("prov"), 2024)["430100"]
    assert cs["revenue"] == pytest.approx(6.4) and cs["profit_margin"] == pytest.approx(7.5)


def test_a_chain_office_sees_each_city_through_its_chain_only(client, login):
    """Chain T in 株洲: B1 + B2 = 6.0 亿元; in 长沙 only A3, below scale: no above-scale figures; 岳阳 C1 = 1.0."""
    cities = by_code(client, login("chain"))
    assert cities["430200"]["revenue"] == pytest.approx(6.0)
    assert cities["430100"]["above_scale"] == 0 and cities["430100"]["revenue"] is None
    assert cities["430100"]["enterprises"] == 1
    assert cities["430600"]["revenue"] == pytest.approx(1.0)


def test_a_city_page_lists_its_counties_with_their_figures(client, login):
    """岳麓区 430104: A1 only above scale → 5.0 亿元; 芙蓉区 430102: A2 → 3.0 亿元."""
    body = client.get("/api/regions/cities/430100", headers=login("cs")).json()
    counties = {c["region_code"]: c for c in body["counties"]}
    assert counties["430104"]["revenue"] == pytest.approx(5.0)
    assert counties["430102"]["revenue"] == pytest.approx(3.0)
    assert body["figures"]["revenue"] == pytest.approx(8.0)


def test_a_park_page_counts_its_enterprises_and_its_tax_per_mu(client, login):
    """PA: A1 and A3 (2 enterprises), A1 alone above scale: revenue 5.0 亿元, 亩均税收 2 000 ÷ 100 = 20."""
    park = client.get("/api/parks/PA", headers=login("pa")).json()
    assert park["enterprises"] == 2 and park["above_scale"] == 1
    assert park["revenue"] == pytest.approx(5.0) and park["tax_per_mu"] == pytest.approx(20.0)
    assert park["city_name"] == "长沙市" and park["area_mu"] == 1000


def test_an_enterprise_page_carries_its_history_titles_and_chain_placement(client, login):
    c1 = client.get(f"/api/enterprises/{province.USCC['C1']}", headers=login("chain")).json()
    assert [s["period"] for s in c1["statistics"]] == ["2024", "2025"]
    assert c1["statistics"][1]["revenue"] == 10000
    assert c1["placements"] == [{"chain_id": "T", "chain_name": "测试链", "segment_id": "T-U1",
                                 "segment_name": "材料", "stage": "upstream", "role": "member"}]
    a1 = client.get(f"/api/enterprises/{province.USCC['A1']}", headers=login("a1")).json()
    assert a1["titles"][0]["title"] == "专精特新小巨人"


def test_the_enterprise_list_sorts_and_filters(client, login):
    r = client.get("/api/enterprises", params={"sort": "-revenue", "above_scale": True},
                   headers=login("prov")).json()
    assert [i["name"] for i in r["items"]] == [province.NAME[k] for k in ("A1", "B1", "A2", "B2", "C1")]
    r = client.get("/api/enterprises", params={"industry": "35"}, headers=login("prov")).json()
    assert {i["industry_code"] for i in r["items"]} == {"3511"} and r["total"] == 2
    r = client.get("/api/enterprises", params={"title": "专精特新小巨人"}, headers=login("prov")).json()
    assert [i["uscc"] for i in r["items"]] == [province.USCC["A1"]]
