"""Gaps, leakage, concentration, masters, targets, projects and the graph on the hand-made province.

Hand calculation (see handmade.py and test_rates.py for the lines):
- T-U1 sellers S1 120 (lines 1, 8), S2 50, O2 75 (lines 3, 11) of 245:
  HHI = (120² + 50² + 75²) / 245² = 22525 / 60025 = 0.37526; local supply S1 120 + S2 50, top-2 share 1.0;
  single-source buyers: B3 (only S1, local) and S1 (only O2, outside) → 2, of which 1 outside.
- T-U2 sellers O1 130, S3 40, S4 30 of 200: HHI = 19400 / 40000 = 0.485; B2 and B3 each buy 60 % / 70 %
  from O1 → no single source. Both segments have two local suppliers → 弱链 weak.
- T-D1: nobody in the chain buys it, B1-B3 are placed in it → 无链内采购 none.
- Leakage by supplier province: 广东 440000 (O1) 130, 江苏 320000 (O2) 75, in all 205 = 445 − 240.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from gaodi.chains.graph import to_graphml

from .handmade import USCC
from .test_rates import row


def test_gap_types_concentration_and_single_sources(analysis):
    g = analysis.gaps("2025")
    u1, u2, d1 = row(g, segment_id="T-U1"), row(g, segment_id="T-U2"), row(g, segment_id="T-D1")
    assert u1.hhi == pytest.approx(22525 / 60025)
    assert u2.hhi == pytest.approx(0.485)
    assert u1.top2_share == pytest.approx(1.0)
    assert (u1.single_source_buyers, u1.single_source_outside) == (2, 1)
    assert u2.single_source_buyers == 0
    assert (u1.gap, u2.gap, d1.gap) == ("weak", "weak", "none")
    assert list(g.segment_id) == ["T-U1", "T-U2", "T-D1"]  # upstream before downstream


def test_a_segment_with_no_local_supplier_is_a_missing_link():
    from gaodi.chains.diagnosis import classify_gap

    assert classify_gap(100.0, 5, 0, 0.0, None, 0.3, 0.8) == "missing"
    assert classify_gap(0.0, 0, 0, None, None, 0.3, 0.8) == "missing"  # nobody local at all
    assert classify_gap(100.0, 5, 4, 0.25, 0.5, 0.3, 0.8) == "weak"  # rate below 30 %
    assert classify_gap(100.0, 5, 4, 0.60, 0.85, 0.3, 0.8) == "weak"  # top two hold 85 %
    assert classify_gap(100.0, 5, 4, 0.60, 0.50, 0.3, 0.8) == "ok"


def test_leakage_by_supplier_province(analysis):
    r = analysis.leakage("2025", by="region")
    assert row(r, supplier_province="440000").leakage == pytest.approx(130)
    assert row(r, supplier_province="320000").leakage == pytest.approx(75)
    assert row(r, supplier_province="440000").province_name == "广东省"
    assert row(r, supplier_province="*").leakage == pytest.approx(205)
    assert row(r, supplier_province="440000").share == pytest.approx(130 / 205)


def test_master_pull_counts_local_and_anchored_suppliers(analysis):
    """B1 buys from S1 and S2 (local); S1 sells B1 100 and B3 20, S2 only B1 → B1 anchors both."""
    m = analysis.masters("2025")
    b1 = row(m, uscc=USCC["B1"])
    assert (b1.local_suppliers, b1.anchored_suppliers) == (2, 2)
    total = row(m, uscc="*")  # shown: one master reaches min_count = 1 of this fixture
    assert total.local_amount == pytest.approx(150)
    assert total.purchases == pytest.approx(200)


def test_targets_rank_by_leakage_and_relatedness_and_list_outside_suppliers(analysis):
    t = analysis.targets("2025")
    assert list(t.segment_id) == ["T-U2", "T-U1"]  # leakage 130 before 75: 0.7 × 1 against 0.7 × 75/130
    assert list(t["rank"]) == [1, 2]
    assert "外流 130 万元" in t.iloc[0].reasons
    s = analysis.suppliers("2025", "T", "T-U2")
    assert list(s.seller_uscc) == [USCC["O1"]]
    assert s.iloc[0].chain_buyers == 2
    assert "amount" not in s  # a single supplier's sales are never shown


def test_project_output_replaces_leakage_up_to_the_leakage(analysis):
    """P1 (T-U2, 120 万元 a year): replaced = min(120, 130) = 120; T-U2 (70 + 120) / 200 = 0.95;
    chain (240 + 120) / 445. Over 2025-01:2025-06 it counts 60: chain (240 + 60) / 445."""
    e = analysis.project_effects("2025")
    p1 = row(e, project_id="P1")
    assert p1.replaced == pytest.approx(120)
    assert p1.segment_rate_after == pytest.approx(0.95)
    assert p1.chain_rate_after == pytest.approx(360 / 445)
    half = row(analysis.project_effects("2025-01:2025-06"), project_id="P1")
    assert half.chain_rate_after == pytest.approx(300 / 445)
    listed = analysis.projects("T")
    assert row(listed, project_id="P1").stage == "signed"
    assert row(listed, project_id="P1").investment == pytest.approx(300)


def test_graph_edges_are_flows_between_segments_and_graphml_parses(analysis):
    """Buyers B1-B3 sit in T-D1, S1 in T-U1: T-U1→T-D1 = 100+50+50+20 = 220, T-U1→T-U1 = 25, T-U2→T-D1 = 200."""
    g = analysis.graph("2025", "T")
    edges = {(e["source"], e["target"]): e["amount"] for e in g["edges"]}
    assert edges == pytest.approx({("T-U1", "T-D1"): 220, ("T-U1", "T-U1"): 25, ("T-U2", "T-D1"): 200})
    nodes = {n["id"]: n for n in g["nodes"]}
    assert nodes["T-U2"]["province_rate"] == pytest.approx(0.35)
    root = ET.fromstring(to_graphml(g))
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    assert len(root.findall(".//g:node", ns)) == 3
    assert len(root.findall(".//g:edge", ns)) == 3
