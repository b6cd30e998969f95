"""Each warning rule at its threshold edges, against figures worked by hand (docs/warnings.md)."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pandas as pd

from gaodi.alerts import chains, operation, problems, projects


def ytd(rows):
    cols = ["uscc", "year", "month", "above_scale", "revenue", "value_added", "tax", "energy_tce", "profit",
            "gross_output"]
    return pd.DataFrame([dict(zip(cols, r)) for r in rows], columns=cols)


def cum(uscc, year, months, revenue=None, profit=None, gross=None, above=True):
    """Cumulative rows 1..12 of a year from the months' own figures (a list indexed by month - 1)."""
    out, r_sum, g_sum = [], 0.0, 0.0
    for m in months:
        r_sum += revenue[m - 1] if revenue else 0.0
        g_sum += gross[m - 1] if gross else 0.0
        out.append([uscc, year, m, above, r_sum if revenue else None, None, None, None,
                    profit[m - 1] if profit else None, g_sum if gross else None])
    return out


def test_month_values_are_differences_of_cumulative_figures_and_unknown_after_a_gap():
    # cumulative 100, 250, (March missing), 500: own figures 100, 150, unknown, unknown
    frame = ytd([["A", 2026, 1, True, 100, None, None, None, None, None],
                 ["A", 2026, 2, True, 250, None, None, None, None, None],
                 ["A", 2026, 4, True, 500, None, None, None, None, None]])
    own = operation.month_values(frame, "revenue")
    assert own == {("A", 2026, 1): 100, ("A", 2026, 2): 150}


def test_revenue_fall_triggers_at_exactly_the_threshold_and_not_just_above_it():
    # every month 100 in 2025; A sells 80 in Sept and Oct 2026 (-20 % each), B 80 then 80.5 (-19.5 %)
    base = [100.0] * 12
    a = [100.0] * 8 + [80.0, 80.0] + [0, 0]
    b = [100.0] * 8 + [80.0, 80.5] + [0, 0]
    frame = ytd(cum("A", 2025, range(1, 13), base) + cum("A", 2026, range(1, 11), a)
                + cum("B", 2025, range(1, 13), base) + cum("B", 2026, range(1, 11), b))
    found = operation.falls(frame, "revenue_fall", 0.2, 2, 2026, 10)
    assert [f["uscc"] for f in found] == ["A"]
    ev = found[0]["evidence"]
    assert [(e["period"], e["value"], e["before"], e["change"]) for e in ev] == [
        ("2026-09", 80.0, 100.0, -0.2), ("2026-10", 80.0, 100.0, -0.2)]
    # three months asked: August did not fall, so nothing
    assert operation.falls(frame, "revenue_fall", 0.2, 3, 2026, 10) == []


def test_a_fall_needs_the_month_of_the_year_before_reported():
    frame = ytd(cum("A", 2026, range(1, 11), [100.0] * 8 + [10.0, 10.0] + [0, 0]))
    assert operation.falls(frame, "revenue_fall", 0.2, 1, 2026, 10) == []  # no 2025: no data, no warning


def test_loss_triggers_when_the_cumulative_loss_reaches_the_threshold_each_month_end():
    profit_a = [None] * 7 + [-5.0, -5.0, -6.0] + [None, None]
    profit_b = [None] * 7 + [-5.0, -4.99, -6.0] + [None, None]
    frame = ytd(cum("A", 2026, range(1, 11), [1.0] * 12, profit=profit_a)
                + cum("B", 2026, range(1, 11), [1.0] * 12, profit=profit_b))
    found = operation.losses(frame, 5.0, 3, 2026, 10)
    assert [f["uscc"] for f in found] == ["A"]
    assert [e["value"] for e in found[0]["evidence"]] == [-5.0, -5.0, -6.0]
    assert [f["uscc"] for f in operation.losses(frame, 0.0, 1, 2026, 10)] == ["A", "B"]


def test_no_output_counts_months_with_nil_gross_output_only_when_known():
    gross_a = [50.0] * 8 + [0.0, 0.0] + [0, 0]
    gross_b = [50.0] * 8 + [0.0, 1.0] + [0, 0]
    frame = ytd(cum("A", 2026, range(1, 11), gross=gross_a) + cum("B", 2026, range(1, 11), gross=gross_b))
    assert [f["uscc"] for f in operation.no_output(frame, 2, 2026, 10)] == ["A"]
    assert [f["uscc"] for f in operation.no_output(frame, 1, 2026, 9)] == ["A", "B"]


def test_scale_line_annualises_the_cumulative_revenue():
    # 1-10月 1833.33 万元 → 2199.996 万元 a year (< 2200); 1834 → 2200.8 (not); below scale is not watched
    frame = ytd([["A", 2026, 10, True, 1833.33, None, None, None, None, None],
                 ["B", 2026, 10, True, 1834.0, None, None, None, None, None],
                 ["C", 2026, 10, False, 100.0, None, None, None, None, None]])
    found = operation.near_scale_line(frame, 2200.0, 2026, 10)
    assert [f["uscc"] for f in found] == ["A"]
    assert found[0]["evidence"][1]["value"] == round(1833.33 * 1.2, 4)


def test_add_months_keeps_the_day_or_takes_the_last_day_of_a_shorter_month():
    assert projects.add_months(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 28)
    assert projects.add_months(dt.date(2025, 12, 15), 6) == dt.date(2026, 6, 15)
    assert projects.add_months(dt.date(2026, 3, 10), -12) == dt.date(2025, 3, 10)


def test_project_start_is_overdue_the_day_after_the_due_date():
    frame = pd.DataFrame([
        {"project_id": "P1", "stage": "signed", "signed_date": dt.date(2026, 5, 1), "start_date": None,
         "production_date": None},
        {"project_id": "P2", "stage": "signed", "signed_date": dt.date(2026, 1, 1),
         "start_date": dt.date(2026, 12, 1), "production_date": None},
        {"project_id": "P3", "stage": "started", "signed_date": dt.date(2024, 1, 1),
         "start_date": dt.date(2024, 6, 1), "production_date": None}])
    on_due = projects.overdue_projects(frame, "start_overdue", 6, dt.date(2026, 11, 1))
    assert on_due == []  # P1 due 2026-11-01 (signed + 6 months): not yet passed
    late = projects.overdue_projects(frame, "start_overdue", 6, dt.date(2026, 11, 2))
    assert [(f["project_id"], f["evidence"][-1]["value"]) for f in late] == [("P1", 1)]
    # P3 started 2024-06-01 with no planned production date: due 2026-06-01 after 24 months
    prod = projects.overdue_projects(frame, "production_overdue", 24, dt.date(2026, 6, 2))
    assert [f["project_id"] for f in prod] == ["P3"]
    assert projects.overdue_projects(frame, "production_overdue", 24, dt.date(2026, 6, 1)) == []


def test_repeated_problems_by_enterprise_and_by_park_category():
    def p(uscc, day, park="P1", category="融资"):
        return SimpleNamespace(uscc=uscc, park=park, category=category, title=f"诉求{day}",
                               submitted_at=dt.datetime.fromisoformat(day + "T10:00"))
    items = [p("A", "2026-01-05"), p("A", "2026-06-01"), p("A", "2026-11-30"),
             p("B", "2025-11-30"), p("B", "2026-02-01"), p("B", "2026-03-01", category="用地")]
    ents, parks = problems.repeated(items, 3, 12, dt.date(2026, 11, 30))
    # B's first problem is on the window's first day (2025-11-30), which lies outside (since < day ≤ as_of)
    assert [(e["uscc"], e["evidence"][0]["value"]) for e in ents] == [("A", 3)]
    assert [(x["park_id"], x["category"], x["evidence"][0]["value"]) for x in parks] == [("P1", "融资", 4)]


def test_hhi_and_single_outside_supplier_at_their_edges():
    gaps = pd.DataFrame([
        {"chain_id": "C", "segment_id": "S1", "segment_name": "电池", "hhi": 0.25, "single_source_outside": 0},
        {"chain_id": "C", "segment_id": "S2", "segment_name": "电机", "hhi": 0.2499, "single_source_outside": 1},
        {"chain_id": "C", "segment_id": "S3", "segment_name": "电控", "hhi": float("nan"),
         "single_source_outside": 2}])
    assert [f["segment_id"] for f in chains.segment_findings(gaps, "supplier_hhi", 0.25)] == ["S1"]
    assert [f["segment_id"] for f in chains.segment_findings(gaps, "single_outside_supplier", 2)] == ["S3"]
    assert [f["segment_id"] for f in chains.segment_findings(gaps, "single_outside_supplier", 1)] == ["S2", "S3"]


def test_leakage_rise_compares_the_last_n_months_with_the_n_before():
    # Jul-Sep: leakage 20 of 100 each month (20 %); Oct-Dec: 22, 23, 21 of 100 (22 %): +2 points
    months = [f"2025-{m:02d}" for m in range(7, 13)]
    monthly = pd.DataFrame({"chain_id": "C", "month": months, "purchases": [100.0] * 6,
                            "leakage": [20.0, 20.0, 20.0, 22.0, 23.0, 21.0]})
    found = chains.leakage_rise(monthly, 0.02, 3)
    assert len(found) == 1 and found[0]["evidence"][1]["change"] == 0.02
    assert chains.leakage_rise(monthly, 0.0201, 3) == []
    assert chains.leakage_rise(monthly, 0.0, 4) == []  # eight months needed, six there
