"""Plan monitoring follows the scope: a city user monitors their own city by default."""

from __future__ import annotations

import pytest


def test_a_city_user_monitors_their_city_by_default(client, login):
    """长沙 2025 营业收入利润率 = (5 000 + 1 000) ÷ 80 000 × 100 = 7.5 % (A1, A2; A3 below scale)."""
    body = client.get("/api/monitor", params={"period": "2025"}, headers=login("cs")).json()
    assert body["area"] == "430100" and body["area_name"] == "长沙市"
    margin = next(r for r in body["records"] if r["indicator"] == "规模以上工业企业营业收入利润率")
    assert margin["value"] == pytest.approx(7.5)
    assert margin["status"] in {"achieved", "on_track", "at_risk", "behind", "pending"}
    assert len(body["records"]) == 21


def test_periods_are_listed_newest_first(client, login):
    body = client.get("/api/monitor/periods", headers=login("a1")).json()
    assert body["periods"] == ["2025", "2024"] and body["default"] == "2025"
