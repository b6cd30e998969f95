"""Plan monitoring follows the scope: a city user monitors their own city by default."""

from __future__ import annotations

import pytest


def test_a_city_user_monitors_their_city_by_default(client, login):
    """长沙 2025 营业收入利润率 = (5 000 + 1 000) ÷ 80 000 × 100 = 7.5 % (A1, A2; A3 below scale).

    2025 is the plan's base year: a city measures from its own base (2025, the same 7.5 %), and with no
    data after the base the status is 待评估 with the reason, never 达标/正常."""
    body = client.get("/api/monitor", params={"period": "2025"}, headers=login("cs")).json()
    assert body["area"] == "430100" and body["area_name"] == "长沙市"
    margin = next(r for r in body["records"] if r["indicator"] == "规模以上工业企业营业收入利润率")
    assert margin["value"] == pytest.approx(7.5)
    assert margin["status"] == "pending" and "2026年年报尚未导入" in margin["reason"]
    assert margin["base_source"] == "data" and margin["base"] == pytest.approx(7.5)
    assert margin["base_plan"] is None and margin["complete"] is True
    assert len(body["records"]) == 21
    assert all(r["status"] not in ("achieved", "on_track") for r in body["records"])


def test_periods_are_listed_newest_first(client, login):
    body = client.get("/api/monitor/periods", headers=login("a1")).json()
    assert body["periods"] == ["2025", "2024"] and body["default"] == "2025"


def test_sector_and_count_targets_have_actual_values_or_say_why_not(client, login):
    """7 count targets and 17 sector targets of seed 004. 小巨人: the list's latest grant is A1's (2023),
    so for 2025 it gives the 2023 count, 1, and, being before the base, 待评估 with the reason."""
    body = client.get("/api/monitor/targets", params={"period": "2025"}, headers=login("prov")).json()
    assert len(body["counts"]) == 7 and len(body["sectors"]) == 17
    giants = next(r for r in body["counts"] if "小巨人" in r["indicator"])
    assert giants["value"] == 1 and giants["data_period"] == "2023" and giants["status"] == "pending"
    assert "2026年名单尚未导入" in giants["reason"]
    champions = next(r for r in body["counts"] if "单项冠军" in r["indicator"])
    assert champions["value"] is None and "未导入" in champions["reason"]


def test_why_breaks_the_high_tech_share_down_by_city_and_the_parts_add_up(client, login):
    """2025: A1 (长沙, 3741) 20 000 of the above-scale value added 20 000 + 10 000 + 12 000 + 6 000 + 3 000
    = 51 000 → 39.22 %; 长沙 contributes all of it, 株洲 and 岳阳 nothing."""
    body = client.get("/api/monitor/why", params={"indicator": "13", "period": "2025"},
                      headers=login("prov")).json()
    assert body["value"] == pytest.approx(100 * 20000 / 51000)
    parts = {p["code"]: p["contribution"] for p in body["parts"]}
    assert parts == pytest.approx({"430100": 100 * 20000 / 51000, "430200": 0.0, "430600": 0.0})
    assert body["change"] == pytest.approx(0.0)


def test_why_of_an_unknown_indicator_is_a_404(client, login):
    got = client.get("/api/monitor/why", params={"indicator": "99", "period": "2025"}, headers=login("prov"))
    assert got.status_code == 404
