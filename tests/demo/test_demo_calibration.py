"""The demo province reproduces the plan's 2025 base values when they are computed by definition.

The figures are recomputed from the store (``gaodi.indicators.base_figures``), not taken from the
generator, so the test checks generation, the import path and the definitions together.
"""

from __future__ import annotations

import hashlib

import pyarrow.parquet as pq
import pytest
from openpyxl import load_workbook

from gaodi.core import Gaodi
from gaodi.demo import targets
from gaodi.demo.run import generate


def check_calibration(figures, size: targets.Size, share_tolerance: float) -> None:
    by_key = {f.key: f for f in figures}
    for key in targets.COUNTS:
        assert by_key[key].value == targets.count(key, size), key
    for key, (value, _) in targets.SHARES.items():
        assert abs(by_key[key].value - value) <= share_tolerance, (key, by_key[key].value)




def test_demo_progress_counts_each_phase_within_its_own_total(small_demo, demo_steps):
    """The bar once read "24/7": steps after the imports counted files against the generation's total."""
    phases: dict[str, list[tuple[int, int]]] = {}
    for label, done, total in demo_steps:
        phase = next((p for p in ("导入", "收尾") if label.startswith(p)), "生成")
        phases.setdefault(phase, []).append((done, total))
    assert set(phases) == {"生成", "导入", "收尾"}
    for counts in phases.values():
        assert all(1 <= done <= total for done, total in counts)
        assert counts[-1][0] == counts[-1][1]  # each phase ends full


def test_small_demo_meets_scaled_counts_exactly_and_shares_within_one_point(small_demo):
    _, result = small_demo
    check_calibration(result.figures, targets.SIZES["small"], share_tolerance=1.0)


def test_small_demo_imports_every_file_without_rejecting_a_row(small_demo):
    g, result = small_demo
    assert all(r.outcome == "ok" and r.rows_rejected == 0 for r in result.imports)
    counts = g.row_counts()
    assert counts["enterprises"] == 2_500 and counts["parks"] == 30
    # 2021-2025 for all; 1-N月 of 2025 (12) and 2026 (10) for the enterprises above scale in 2025
    assert counts["statistics"] == 2_500 * 5 + 2_000 * 22
    assert counts["transactions"] == result.counts["transactions"]


def test_demo_enterprise_names_say_they_are_invented(small_demo):
    g, _ = small_demo
    e = g.store.table("enterprises")
    assert g.store.execute(e.filter(~e.name.endswith("（演示）")).count()) == 0


def test_demo_generation_is_deterministic(tmp_path):
    """Same seed, same content (file bytes may differ: XLSX stamps its creation time)."""

    def contents(folder):
        out = {}
        for _, p in generate(folder, "small").files:
            if p.suffix == ".csv":
                out[p.name] = hashlib.sha256(p.read_bytes()).hexdigest()
            elif p.suffix == ".parquet":
                out[p.name] = pq.read_table(p).to_pylist()
            else:
                wb = load_workbook(p, read_only=True)
                out[p.name] = [row for row in wb.worksheets[0].iter_rows(values_only=True)]
                wb.close()
        return out

    assert contents(tmp_path / "a") == contents(tmp_path / "b")


@pytest.mark.slow
def test_medium_demo_meets_the_plan_counts_exactly_and_shares_within_0_3_points(tmp_path):
    """Seed 004's table: 小巨人 593, 单项冠军 94, 千亿 5, 百亿 55, 卓越级 16, 利润率 4.9 %, 高技术 14 % ..."""
    with Gaodi.open(home=tmp_path) as g:
        result = g.demo("medium")
    check_calibration(result.figures, targets.SIZES["medium"], share_tolerance=0.3)


def test_small_demo_raises_warnings_of_every_kind_each_with_evidence_and_a_body(small_demo):
    from gaodi.access.scope import PROVINCE
    from gaodi.alerts.rules import KINDS

    g, _ = small_demo
    total, rows = g.alerts.list(PROVINCE, limit=5000)
    assert total == len(rows) > 0
    assert {r["kind"] for r in rows} == set(KINDS)
    measures = {r["measure"] for r in rows}
    # the two enterprises the demo makes fall and stop (gaodi.demo.statistics._troubled)
    assert {"revenue_fall", "value_added_fall", "tax_fall", "energy_fall", "no_output", "loss",
            "scale_line", "start_overdue", "problem_overdue", "leakage_rise"} <= measures
    assert all(r["evidence"] and r["body_code"] and r["body_name"] and r["state"] == "new" for r in rows)
    fall = next(r for r in rows if r["measure"] == "revenue_fall")
    assert [e["period"] for e in fall["evidence"]] == ["2026-08", "2026-09", "2026-10"]
    assert all(abs(e["change"] + 0.4) < 1e-6 for e in fall["evidence"])  # 60 % of the month a year before
    again = g.alerts.run()
    assert again["new"] == 0 and again["kept"] == total
