"""The evaluation reports and the `gaodi report` commands."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from gaodi.cli.report import app
from gaodi.indicators.frame import Period
from gaodi.indicators.sources import Sources
from gaodi.plan import load_builtin_plan
from gaodi.reports.gather import evaluation_year, latest_period


def test_midterm_is_the_middle_year_and_final_the_target_year():
    """湘政发〔2026〕6号: base 2025, target 2030; mid-term evaluation in 2028 (BRIEF: 中期 2028, 总结 2030)."""
    plan = load_builtin_plan("hunan_15th_manufacturing_2026")
    assert evaluation_year(plan, "midterm") == 2028
    assert evaluation_year(plan, "final") == 2030
    assert evaluation_year(plan.model_copy(update={"base_year": 2020, "target_year": 2025}), "midterm") == 2023


def test_latest_period_prefers_a_whole_year_over_its_months(small):
    g, _ = small
    assert latest_period(Sources(g.store), 2030) == Period(2025)
    assert latest_period(Sources(g.store), 2023) is None


def test_cli_writes_the_midterm_evaluation_and_prints_a_json_summary(small, tmp_path, monkeypatch):
    """No 2028 data in the store: the evaluation uses 2025 and says so. 2025 is the plan's base year, so no
    indicator has data after the base: none is judged behind (园区占比 40 % was 滞后 before the rule), all
    are 待评估 and the report says so."""
    g, _ = small
    monkeypatch.setenv("GAODI_HOME", str(g.settings.home))
    out = CliRunner().invoke(app, ["evaluation", "--kind", "midterm", "--format", "html", "--json",
                                   "--output", str(tmp_path / "mid.html")])
    assert out.exit_code == 0, out.output
    summary = json.loads(out.stdout)
    assert summary["evaluation_year"] == 2028 and summary["period"] == "2025"
    assert summary["path"].endswith("mid.html") and summary["indicators"] == 21
    assert summary["behind"] == []
    html = (tmp_path / "mid.html").read_text(encoding="utf-8")
    assert "实施中期评估报告" in html and "2028年全年数据尚未齐备" in html and "没有进度滞后的指标" in html
    assert "项待评估" in html and html.count("待评估") >= 21


def test_cli_refuses_an_unknown_format_before_touching_the_store():
    out = CliRunner().invoke(app, ["monitor", "--format", "odt"])
    assert out.exit_code != 0 and "odt" in str(out.exception)
