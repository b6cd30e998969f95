"""Local supporting rates on the hand-made province, against figures worked out by hand.

Lines (万元) of handmade.py, chain-input scope, year 2025:
T-U1 inputs: lines 1 (100, S1→B1, 长沙→长沙), 2 (50, S2 株洲→B1), 3 (50, O2 苏州→B1), 8 (20, S1 长沙→B3 株洲),
11 (25, O2→S1): purchases 245, local 170, same city 100, buyers {B1, B3, S1}, suppliers {S1, S2, O2}.
T-U2 inputs: lines 4 (40, S3 岳阳→B2 长沙), 5 (60, O1→B2), 6 (30, S4 长沙→B3 株洲), 7 (70, O1→B3):
purchases 200, local 70, same city 0, buyers {B2, B3}, suppliers {S3, S4, O1}.
Chain: purchases 445, local 240, same city 100, buyers {B1, B2, B3, S1}.
Line 10 is bought by X (no chain member) and line 9 (clothes) is no chain input.
"""

from __future__ import annotations

import pytest

from gaodi.chains.purchases import Period
from gaodi.errors import InputError


def row(table, **keys):
    sel = table
    for k, v in keys.items():
        sel = sel[sel[k] == v]
    assert len(sel) == 1, keys
    return sel.iloc[0]


def test_segment_and_chain_rates_match_the_hand_calculation(analysis):
    r = analysis.rates("2025", by=("segment",))
    u1, u2, total = (row(r, segment_id="T-U1"), row(r, segment_id="T-U2"), row(r, segment_id="*"))
    assert (u1.purchases, u1.local_amount, u1.city_amount) == pytest.approx((245, 170, 100))
    assert u1.province_rate == pytest.approx(170 / 245)
    assert u1.city_rate == pytest.approx(100 / 245)
    assert (u1.buyers, u1.suppliers, u1.local_suppliers) == (3, 3, 2)
    assert u1.supplier_rate == pytest.approx(2 / 3)
    assert (u2.purchases, u2.local_amount, u2.leakage) == pytest.approx((200, 70, 130))
    assert u2.province_rate == pytest.approx(0.35)
    assert (total.purchases, total.local_amount, total.city_amount) == pytest.approx((445, 240, 100))
    assert total.province_rate == pytest.approx(240 / 445)
    assert total.buyers == 4
    assert "T-D1" not in set(r.segment_id)  # nobody in the chain buys the final product


def test_city_cells_are_the_buyers_cities(analysis):
    """长沙 (B1, B2, S1): lines 1-5 and 11 = 325, local 190, same city 100 (line 1).
    株洲 (B3): lines 6-8 = 120, local 50, same city 0."""
    r = analysis.rates("2025", by=("city",))
    cs, zz = row(r, buyer_city="430100"), row(r, buyer_city="430200")
    assert (cs.purchases, cs.local_amount, cs.city_amount) == pytest.approx((325, 190, 100))
    assert (zz.purchases, zz.local_amount, zz.city_amount) == pytest.approx((120, 50, 0))
    assert cs.buyers + zz.buyers == 4


def test_segment_by_city_cells_add_up_to_every_total(analysis):
    r = analysis.rates("2025", by=("segment", "city"))
    cells = r[(r.segment_id != "*") & (r.buyer_city != "*")]
    assert cells.purchases.sum() == pytest.approx(445)
    assert row(r, segment_id="T-U2", buyer_city="430100").purchases == pytest.approx(100)  # lines 4, 5
    for seg, expected in (("T-U1", 245), ("T-U2", 200)):
        assert cells[cells.segment_id == seg].purchases.sum() == pytest.approx(expected)
        assert row(r, segment_id=seg, buyer_city="*").purchases == pytest.approx(expected)


def test_months_split_the_year(analysis):
    """January: lines 1-5 = 300 (local 190); February: lines 6-8 and 11 = 145 (local 50)."""
    r = analysis.rates("2025", by=("month",))
    jan, feb = row(r, month="2025-01"), row(r, month="2025-02")
    assert (jan.purchases, jan.local_amount) == pytest.approx((300, 190))
    assert (feb.purchases, feb.local_amount) == pytest.approx((145, 50))
    assert row(analysis.rates("2025-02"), segment_id="*").purchases == pytest.approx(145)


def test_all_purchases_scope_adds_inputs_outside_the_segments(analysis):
    """Line 9 (S5 长沙 → B1 长沙, 10) comes in under _other: 455 in all, local 250, same city 110."""
    r = analysis.rates("2025", scope="all_purchases")
    total, other = row(r, segment_id="*"), row(r, segment_id="_other")
    assert (total.purchases, total.local_amount, total.city_amount) == pytest.approx((455, 250, 110))
    assert other.purchases == pytest.approx(10)


def test_period_reading_rejects_garbage_with_a_fix():
    assert Period.parse("2025-01:2025-06") == Period("2025-01", "2025-06", "2025-01:2025-06")
    with pytest.raises(InputError) as err:
        Period.parse("25年")
    assert "2025-03" in err.value.fix


def test_unknown_dimension_is_an_input_error(analysis):
    with pytest.raises(InputError):
        analysis.rates("2025", by=("park",))
