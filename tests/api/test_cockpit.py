"""The cockpit's headline figures and status counts, against the hand-made province (tests/api/province.py).

Above-scale industrial enterprises in 2025: A1, A2, B1, B2, C1 (A3 is below scale). Their 2024 figures are
80 % of 2025's, so:
- 营业收入 2025 = 50 000 + 30 000 + 40 000 + 20 000 + 10 000 = 150 000 万元 = 15 亿元, 同比 +25 %;
- 利润总额 2025 = 5 000 + 1 000 + 2 000 + 600 + 300 = 8 900 万元 = 0.89 亿元, 同比 +25 %;
- 长沙 (A1, A2): 营业收入 8 亿元, 利润 0.6 亿元;
- every share is the same in both years, so 先进制造业占比 changes by 0 百分点.
"""

from __future__ import annotations

from collections import Counter

import pytest


def by_key(body: dict) -> dict:
    return {f["key"]: f for f in body["figures"]}


def test_the_province_cockpit_totals_revenue_and_profit_with_their_growth(client, login):
    r = client.get("/api/cockpit?period=2025", headers=login("prov"))
    assert r.status_code == 200, r.text
    body = r.json()
    f = by_key(body)
    assert body["area_name"] == "湖南省"
    assert f["industry_revenue"]["value"] == pytest.approx(15.0)
    assert f["industry_revenue"]["unit"] == "亿元"
    assert f["industry_revenue"]["change"] == pytest.approx(25.0)
    assert f["industry_profit"]["value"] == pytest.approx(0.89)
    assert f["industry_profit"]["change"] == pytest.approx(25.0)
    assert f["advanced_share"]["change"] == pytest.approx(0.0, abs=1e-9)
    assert f["advanced_share"]["change_unit"] == "百分点"


def test_the_status_counts_are_the_monitors_own(client, login):
    body = client.get("/api/cockpit?period=2025", headers=login("prov")).json()
    records = client.get("/api/monitor?period=2025", headers=login("prov")).json()["records"]
    counted = Counter(r["status"] for r in records)
    assert {s["status"]: s["count"] for s in body["statuses"] if s["count"]} == dict(counted)
    assert body["indicators"] == len(records)


def test_a_city_user_gets_the_cockpit_of_their_own_city_and_not_another(client, login):
    body = client.get("/api/cockpit?period=2025", headers=login("cs")).json()
    assert body["area"] == "430100" and body["area_name"] == "长沙市"
    f = by_key(body)
    assert f["industry_revenue"]["value"] == pytest.approx(8.0)
    assert f["industry_profit"]["value"] == pytest.approx(0.6)
    assert client.get("/api/cockpit?period=2025&area=430200", headers=login("cs")).status_code == 403


def test_a_period_without_data_is_no_data_and_not_zero(client, login):
    f = by_key(client.get("/api/cockpit?period=2024", headers=login("prov")).json())
    # 2024 has figures but no year before it: the totals stand, the growths are no data
    assert f["industry_revenue"]["value"] == pytest.approx(12.0)
    assert f["industry_revenue"]["change"] is None
    assert f["industry_va_growth"]["value"] is None and f["industry_va_growth"]["note"]
