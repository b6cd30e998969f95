"""`gaodi chains` commands on a hand-made workspace on disk (figures as in test_rates.py)."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest
from typer.testing import CliRunner

from gaodi.cli.chains import app
from gaodi.core import Gaodi

from . import handmade

runner = CliRunner()


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cli")
    with Gaodi.open(home=folder / "ws") as g:
        handmade.build(g, folder)
    return folder / "ws"


def run(home, monkeypatch, *args):
    monkeypatch.setenv("GAODI_HOME", str(home))
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_rate_json_gives_the_hand_worked_chain_rate(home, monkeypatch):
    doc = json.loads(run(home, monkeypatch, "rate", "--chain", "T", "--min-count", "1", "--json"))
    total = next(r for r in doc["rows"] if r["segment_id"] == "*")
    assert doc["period"] == "2025"  # the latest year with invoices
    assert total["province_rate"] == pytest.approx(240 / 445)


def test_rate_json_shows_suppressed_cells_as_null_with_the_reason(home, monkeypatch):
    doc = json.loads(run(home, monkeypatch, "rate", "--chain", "T", "--json"))
    u2 = next(r for r in doc["rows"] if r["segment_id"] == "T-U2")
    assert u2["suppressed"] == "primary" and u2["purchases"] is None


def test_list_show_gaps_targets_projects_print_for_people(home, monkeypatch):
    assert "测试链" in run(home, monkeypatch, "list")
    assert "链主" in run(home, monkeypatch, "show", "T")
    assert "弱链" in run(home, monkeypatch, "gaps", "--min-count", "1")
    assert "T-U2" in run(home, monkeypatch, "targets", "--min-count", "1")
    assert "P1" in run(home, monkeypatch, "projects")
    doc = json.loads(run(home, monkeypatch, "leakage", "--by", "region", "--min-count", "1", "--json"))
    assert {r["supplier_province"] for r in doc["rows"]} == {"*", "440000", "320000"}


def test_graph_exports_graphml_to_a_file(home, monkeypatch, tmp_path):
    out = tmp_path / "t.graphml"
    run(home, monkeypatch, "graph", "T", "--min-count", "1", "--output", str(out))
    root = ET.parse(out).getroot()
    assert root.tag.endswith("graphml")


def test_an_unknown_chain_is_a_not_found_error(home, monkeypatch):
    monkeypatch.setenv("GAODI_HOME", str(home))
    result = runner.invoke(app, ["show", "ZZ"])
    assert result.exit_code != 0
    assert "没有产业链 ZZ" in str(result.exception)


def test_rate_reads_invoice_parquet_with_chinese_headers_in_yuan(home, monkeypatch, tmp_path):
    """The hand-made lines written as an invoice extract (金额 in 元 = 万元 × 10,000) give 240 / 445."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    lines = handmade.LINES
    pq.write_table(pa.table({
        "销方信用代码": [handmade.USCC[s] for s, *_ in lines],
        "销方区划代码": [handmade.REGION[s] for s, *_ in lines],
        "购方信用代码": [handmade.USCC[b] for _, b, *_ in lines],
        "购方区划代码": [handmade.REGION[b] for _, b, *_ in lines],
        "期间": [m for _, _, m, _, _ in lines], "金额(元)": [a * 10_000 for *_, a in lines],
        "商品编码": [p for _, _, _, p, _ in lines]}), tmp_path / "transactions-2025.parquet")
    doc = json.loads(run(home, monkeypatch, "rate", "--period", "2025", "--min-count", "1",
                         "--transactions", str(tmp_path), "--json"))
    total = next(r for r in doc["rows"] if r["segment_id"] == "*")
    assert total["purchases"] == pytest.approx(445)
    assert total["province_rate"] == pytest.approx(240 / 445)
