"""The regional layout routes over the hand-made province of ``province.py``, every figure worked by hand.

Above-scale 2025 revenue (万元; A3 is below scale and counts nowhere), by city and 2-digit industry:

| city | 37 (A1 3741) | 18 (A2 1811) | 35 (B1 3511) | 32 (B2 3240) | 34 (C1 3443) | total |
| --- | --- | --- | --- | --- | --- | --- |
| 长沙 430100 | 50 000 | 30 000 | | | | 80 000 |
| 株洲 430200 | | | 40 000 | 20 000 | | 60 000 |
| 岳阳 430600 | | | | | 10 000 | 10 000 |
| province | 50 000 | 30 000 | 40 000 | 20 000 | 10 000 | 150 000 |

Industry shares s_i = 1/3, 1/5, 4/15, 2/15, 1/15. LQ 长沙·37 = (50/80) ÷ (1/3) = 1.875 = LQ 长沙·18 =
(30/80) ÷ (1/5); LQ 株洲·35 = (40/60) ÷ (4/15) = 2.5; LQ 岳阳·34 = 1 ÷ (1/15) = 15.
Krugman 长沙 = |5/8 − 1/3| + |3/8 − 1/5| + 4/15 + 2/15 + 1/15 = 7/24 + 7/40 + 7/15 = 14/15;
株洲 = 1/3 + 1/5 + |2/3 − 4/15| + |1/3 − 2/15| + 1/15 = 6/5; 岳阳 = 1/3 + 1/5 + 4/15 + 2/15 + |1 − 1/15| = 28/15.
Herfindahl 长沙 = (5/8)² + (3/8)² = 17/32; 株洲 = (2/3)² + (1/3)² = 5/9; 岳阳 = 1.
Value added instead (20 000, 10 000, 12 000, 6 000, 3 000; total 51 000): LQ 长沙·37 = (20/30) ÷ (20/51) = 1.7.
Employees (100 each): LQ 长沙·37 = (100/200) ÷ (100/500) = 2.5.
Counties: 岳麓区 430104 holds only 37 (A1): LQ = 1 ÷ (1/3) = 3; 芙蓉区 430102 only 18: LQ = 1 ÷ (1/5) = 5.
2024 is 80 % of 2025 everywhere: provincial growth 25 %, every industry grows 25 %, so NS = 0.25 E⁰,
IM = 0, RS = 0; 长沙 E⁰ = 64 000, ΔE = 16 000.
Every industry is held by one city only, so no pair clears its size threshold (the 25th percentile of one
value is that value, and the rule needs x > threshold): no strong cluster. Presence M (RCA ≥ 1) is
长沙 {37, 18}, 株洲 {35, 32}, 岳阳 {34}: diversity 2, 2, 1, ubiquity 1 each, three unconnected parts;
no industry is related (φ = 0) to one a city lacks, so every opportunity has density 0, distance 1.
"""

from __future__ import annotations

import io

import openpyxl
import pytest

CITY = {"measure": "revenue", "level": "city", "digits": 2, "year": "2025"}
COUNTY = {**CITY, "level": "county"}


def get(client, login, user, path, **params):
    r = client.get(f"/api/regional{path}", params=params, headers=login(user))
    assert r.status_code == 200, r.text
    return r.json()


def by_region(items):
    return {i["region"]: i for i in items}


def test_specialisation_by_city_equals_the_hand_figures(client, login):
    body = get(client, login, "prov", "/specialisation", **CITY)
    rows = by_region(body["items"])
    assert set(rows) == {"430100", "430200", "430600"} and body["total"] == 3
    cs = rows["430100"]
    assert cs["region_name"] == "长沙市" and cs["total"] == 80000 and cs["share"] == pytest.approx(100 * 80 / 150)
    assert cs["krugman"] == pytest.approx(14 / 15) and cs["herfindahl"] == pytest.approx(17 / 32)
    assert cs["top_lq"] == pytest.approx(1.875) and cs["top_industry"] in {"37", "18"}
    assert rows["430200"]["krugman"] == pytest.approx(6 / 5) and rows["430200"]["herfindahl"] == pytest.approx(5 / 9)
    assert rows["430600"]["krugman"] == pytest.approx(28 / 15) and rows["430600"]["top_lq"] == pytest.approx(15)
    assert body["year"] == "2025" and body["unit"] == "万元" and body["level"] == "city"


@pytest.mark.parametrize("measure,expected", [("revenue", 1.875), ("value_added", 1.7), ("employees", 2.5)])
def test_the_measure_changes_the_location_quotient(client, login, measure, expected):
    body = get(client, login, "prov", "/location-quotients", **{**CITY, "measure": measure}, industry="37")
    assert [(i["region"], i["lq"]) for i in body["items"]] == [("430100", pytest.approx(expected))]


def test_county_level_and_four_digit_classes(client, login):
    body = get(client, login, "prov", "/location-quotients", **{**COUNTY, "digits": 4})
    lq = {(i["region"], i["industry"]): i["lq"] for i in body["items"]}
    assert lq == {("430104", "3741"): pytest.approx(3), ("430102", "1811"): pytest.approx(5),
                  ("430202", "3511"): pytest.approx(2.5), ("430202", "3240"): pytest.approx(2.5),
                  ("430602", "3443"): pytest.approx(15)}
    assert body["items"][0]["industry_name"] == "阀门和旋塞制造"  # LQ 15 first


def test_the_map_lists_every_region_and_says_which_have_no_activity(client, login):
    body = get(client, login, "prov", "/map", **CITY, show="lq", industry="37")
    items = by_region([{**i, "region": i["code"]} for i in body["items"]])
    assert len(items) == 14 and body["industry_name"] == "铁路、船舶、航空航天和其他运输设备制造业"
    assert items["430100"]["value"] == pytest.approx(1.875) and items["430100"]["status"] == "ok"
    assert items["430200"]["value"] == 0 and items["430200"]["status"] == "ok"  # active, none of 37
    idle = [i for i in items.values() if i["status"] == "no_activity"]
    assert len(idle) == 11 and all(i["value"] is None for i in idle) and items["431200"] in idle
    county = get(client, login, "prov", "/map", **COUNTY, show="total")
    statuses = [i["status"] for i in county["items"]]
    assert len(statuses) == 122 and statuses.count("ok") == 4 and statuses.count("no_activity") == 118
    assert by_region([{**i, "region": i["code"]} for i in county["items"]])["430104"]["value"] == 50000


def test_the_map_of_growth_and_krugman(client, login):
    growth = {i["code"]: i["value"] for i in get(client, login, "prov", "/map", **CITY, show="growth")["items"]}
    assert growth["430100"] == pytest.approx(25) and growth["430600"] == pytest.approx(25)
    krugman = {i["code"]: i["value"] for i in get(client, login, "prov", "/map", **CITY, show="krugman")["items"]}
    assert krugman["430200"] == pytest.approx(1.2)


def test_shift_share_splits_a_uniform_25_percent_growth_into_the_provincial_share(client, login):
    body = get(client, login, "prov", "/shift-share", **CITY)
    assert body["base_year"] == "2024" and body["final_year"] == "2025"
    assert body["provincial_growth"] == pytest.approx(0.25)
    cs = by_region(body["items"])["430100"]
    assert cs["base"] == pytest.approx(64000) and cs["change"] == pytest.approx(16000)
    assert cs["national_share"] == pytest.approx(16000)
    assert cs["industry_mix"] == pytest.approx(0, abs=1e-6) and cs["regional_shift"] == pytest.approx(0, abs=1e-6)


def test_clusters_report_why_no_pair_is_strong(client, login):
    assert get(client, login, "prov", "/clusters", **CITY)["total"] == 0
    every = get(client, login, "prov", "/clusters", **CITY, strong_only="false")
    assert every["total"] == 5
    assert {i["reason"] for i in every["items"]} == {"size_below_threshold"}
    assert {i["reason_zh"] for i in every["items"]} == {"规模未达门槛"}


def test_complexity_gives_diversity_ubiquity_and_warns_of_three_parts(client, login):
    regions = get(client, login, "prov", "/complexity/regions", **CITY)
    assert {i["region"]: i["diversity"] for i in regions["items"]} == {"430100": 2, "430200": 2, "430600": 1}
    assert regions["components"] == 3 and "3 个互不相连" in regions["notes"][0]
    industries = get(client, login, "prov", "/complexity/industries", **CITY)
    assert {i["industry"]: i["ubiquity"] for i in industries["items"]} == {k: 1 for k in ("18", "32", "34", "35", "37")}


def test_opportunities_of_a_city_with_their_reasons(client, login):
    body = get(client, login, "cs", "/opportunities", **CITY, region="430100")
    assert body["region_name"] == "长沙市"
    assert sorted(i["industry"] for i in body["items"]) == ["32", "34", "35"]
    assert all(i["density"] == 0 and i["distance"] == 1 and i["feasibility_rank"] == 1 for i in body["items"])
    assert all({"pci", "attractiveness", "lq", "priority_label"} <= set(i) for i in body["items"])


def test_a_city_user_sees_its_own_city_and_counties_only(client, login):
    assert [i["region"] for i in get(client, login, "cs", "/specialisation", **CITY)["items"]] == ["430100"]
    counties = get(client, login, "cs", "/specialisation", **COUNTY)["items"]
    assert sorted(i["region"] for i in counties) == ["430102", "430104"]
    layer = get(client, login, "cs", "/map", **CITY, show="total")["items"]
    assert {i["code"]: i["status"] for i in layer}["430200"] == "outside_scope"
    assert {i["code"]: i["value"] for i in layer}["430100"] == 80000
    r = client.get("/api/regional/opportunities", params={**CITY, "region": "430200"}, headers=login("cs"))
    assert r.status_code == 403 and r.json()["error"]["code"] == "forbidden"


def test_park_and_chain_users_and_enterprises(client, login):
    assert [i["region"] for i in get(client, login, "pa", "/specialisation", **CITY)["items"]] == ["430100"]
    assert get(client, login, "chain", "/specialisation", **CITY)["total"] == 3
    for path in ("/specialisation", "/map", "/options", "/complexity/industries"):
        r = client.get(f"/api/regional{path}", params=CITY, headers=login("a1"))
        assert r.status_code == 403 and r.json()["error"]["code"] == "forbidden"


def test_lists_export_to_csv_and_excel_with_chinese_headers(client, login):
    r = client.get("/api/regional/specialisation", params={**CITY, "format": "csv"}, headers=login("prov"))
    assert r.status_code == 200 and r.content.startswith(b"\xef\xbb\xbf")
    lines = r.content.decode("utf-8-sig").strip().splitlines()
    assert lines[0].startswith("地区代码,地区,营业收入（万元）") and len(lines) == 4
    r = client.get("/api/regional/location-quotients", params={**CITY, "format": "xlsx"}, headers=login("prov"))
    rows = list(openpyxl.load_workbook(io.BytesIO(r.content)).active.iter_rows(values_only=True))
    assert rows[0][-1] == "区位熵" and rows[1][-1] == pytest.approx(15) and len(rows) == 6


def test_sorting_and_paging(client, login):
    body = get(client, login, "prov", "/specialisation", **CITY, sort="-krugman", page_size=2)
    assert [i["region"] for i in body["items"]] == ["430600", "430200"] and body["pages"] == 2


def test_options_boundaries_and_industries(client, login):
    opts = get(client, login, "cs", "/options", level="county")
    assert opts["years"] == ["2024", "2025"] and opts["scope_cities"] == ["430100"]
    assert all(r["code"].startswith("4301") for r in opts["regions"]) and len(opts["regions"]) == 9
    assert {m["key"] for m in opts["measures"]} >= {"revenue", "value_added", "employees"}
    counties = get(client, login, "prov", "/boundaries", level="county")
    assert len(counties["features"]) == 122
    top = get(client, login, "prov", "/industries", **CITY)["items"][0]
    assert top == {"industry": "37", "industry_name": "铁路、船舶、航空航天和其他运输设备制造业", "total": 50000}


def test_bad_choices_are_one_shaped_errors(client, login):
    r = client.get("/api/regional/specialisation", params={**CITY, "year": "2019"}, headers=login("prov"))
    assert r.status_code == 400 and "2019" in r.json()["error"]["message"]
    r = client.get("/api/regional/map", params={**CITY, "show": "lq"}, headers=login("prov"))
    assert r.status_code == 400 and "行业" in r.json()["error"]["message"]
    r = client.get("/api/regional/opportunities", params={**CITY, "region": "439999"}, headers=login("prov"))
    assert r.status_code == 404
