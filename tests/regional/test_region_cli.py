"""`gaodi region` commands, run through Typer's CliRunner on the sub-app."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from typer.testing import CliRunner

from gaodi.cli.region import app
from gaodi.errors import InputError

runner = CliRunner()


@pytest.fixture
def holukuluku_csv(tmp_path, holukuluku_table):
    path = tmp_path / "holukuluku.csv"
    holukuluku_table.to_csv(path, index=False)
    return path


@pytest.fixture
def tiny_xlsx(tmp_path):
    """The tiny hand-calculated case of test_complexity as an Excel file with Chinese headers."""
    rows = [("r1", "i1", 10), ("r1", "i2", 10), ("r2", "i2", 10), ("r2", "i3", 10),
            ("r3", "i1", 10)]
    path = tmp_path / "tiny.xlsx"
    pd.DataFrame(rows, columns=["地区", "行业", "营收"]).to_excel(path, index=False)
    return path


def _json(args):
    result = runner.invoke(app, args + ["--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_shiftshare_json_reproduces_krumme_totals(holukuluku_csv):
    """Krumme: Holukuluku 1985–1995 NS 290, IM −80, RS 420 (see test_shift_share)."""
    out = _json(["shiftshare", "--input", str(holukuluku_csv)])
    assert (out["base_year"], out["final_year"]) == ("1985", "1995")
    holu = next(r for r in out["regions"] if r["region"] == "Holukuluku")
    assert (holu["national_share"], holu["industry_mix"], holu["regional_shift"]) == \
        pytest.approx((290, -80, 420))


def test_specialise_needs_a_year_when_the_table_holds_several(holukuluku_csv):
    result = runner.invoke(app, ["specialise", "--input", str(holukuluku_csv)])
    assert isinstance(result.exception, InputError)
    assert "--year" in result.exception.fix
    out = _json(["specialise", "--input", str(holukuluku_csv), "--year", "1985"])
    holu = next(r for r in out["regions"] if r["region"] == "Holukuluku")
    assert holu["krugman"] == pytest.approx(0.8)
    lq = {(r["region"], r["industry"]): r["lq"] for r in out["location_quotients"]}
    assert lq[("Holukuluku", "I")] == pytest.approx(5.0)


def test_complexity_and_opportunities_read_excel_with_chinese_headers(tiny_xlsx):
    columns = ["--region-column", "地区", "--industry-column", "行业", "--value-column", "营收"]
    out = _json(["complexity", "--input", str(tiny_xlsx), *columns])
    assert [r["region"] for r in out["regions"]] == ["r2", "r1", "r3"]
    assert out["regions"][0]["eci"] == pytest.approx(1.309, abs=1e-3)
    out = _json(["opportunities", "--input", str(tiny_xlsx), *columns, "--top", "1",
                 "--region", "r3"])
    assert [(r["industry"], r["density"]) for r in out["opportunities"]] == [("i2", 0.25)]


def test_opportunities_report_unmatched_future_industry_codes(tiny_xlsx):
    columns = ["--region-column", "地区", "--industry-column", "行业", "--value-column", "营收"]
    out = _json(["opportunities", "--input", str(tiny_xlsx), *columns, "--future-industries"])
    assert "3973" in out["unmatched_priorities"]


def test_clusters_and_tables_print_for_people(holukuluku_csv):
    result = runner.invoke(app, ["clusters", "--input", str(holukuluku_csv), "--year", "1995"])
    assert result.exit_code == 0, result.output
    assert "强集群" in result.output
    result = runner.invoke(app, ["shiftshare", "--input", str(holukuluku_csv),
                                 "--esteban-marquillas"])
    assert result.exit_code == 0 and "361.6" in result.output  # Rest's allocation effect


def test_wrong_column_name_is_an_input_error_naming_the_columns(holukuluku_csv):
    result = runner.invoke(app, ["complexity", "--input", str(holukuluku_csv), "--year", "1985",
                                 "--region-column", "城市"])
    assert isinstance(result.exception, InputError)
    assert "城市" in result.exception.message and "region" in result.exception.message
