"""The regional report over the three-enterprise store (figures worked in tests/regional/test_maps.py):
its sections, its hand-worked numbers, its maps and charts, and every format written."""

from __future__ import annotations

import datetime as dt
import json

import openpyxl
import pytest
from docx import Document
from typer.testing import CliRunner

from gaodi.cli.report import app
from gaodi.errors import NotFoundError
from gaodi.reports import build_report, write_report
from tests.regional.small_store import three_firms


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    g = three_firms(tmp_path_factory.mktemp("regional-report"))
    yield g
    g.close()


@pytest.fixture(scope="module")
def report(workspace):
    return build_report(workspace, "regional", date=dt.date(2026, 3, 10))


def test_the_report_has_its_sections_and_title_block(report):
    assert report.kind == "regional" and report.period == "2025" and report.series == "先进制造业区域布局分析"
    assert report.title == "湖南省先进制造业区域布局分析报告" and "工业增加值" in report.subtitle
    assert [s.heading for s in report.sections] == ["一、总体情况", "二、专业化与区位熵", "三、强集群", "四、经济复杂度",
                                                     "五、发展机会", "六、增长来源（偏离-份额分解）"]
    assert report.summary["regions"] == 2 and report.summary["level"] == "city"


def test_the_specialisation_table_holds_the_hand_figures(report):
    """长沙: total 15, share 15/22 = 68.18 %, Krugman 14/22, largest LQ 22/15 in division 37."""
    table = next(t for t in report.tables() if t.sheet == "专业化")
    row = next(r for r in table.rows if r[0] == "长沙市")
    assert row[1] == 15 and row[2] == pytest.approx(100 * 15 / 22) and row[3] == pytest.approx(14 / 22)
    assert row[5].startswith("37 ") and row[6] == pytest.approx(22 / 15)
    assert len(table.rows) == 2  # the 12 cities without data are not rows; the map shows them grey


def test_maps_and_charts_are_drawn_and_a_single_year_is_explained(report):
    titles = [f.title for f in report.figures()]
    assert titles[0] == "图1  各市州专业化程度（克鲁格曼指数）" and "区位熵" in titles[1]
    assert all(f.png.startswith(b"\x89PNG") for f in report.figures())
    growth = report.sections[-1].blocks[0].text
    assert "2025 年之前没有年度数据" in growth
    notes = " ".join(b.text for b in report.appendix.blocks if hasattr(b, "text"))
    assert "市州行政区划边界数据" in notes and "SHA-256" in notes and ".geojson" not in notes  # the source in words, no file name


def test_every_format_is_written(report, tmp_path):
    paths = {fmt: write_report(report, fmt, tmp_path / f"r.{fmt}") for fmt in ("docx", "html", "xlsx")}
    text = "\n".join(p.text for p in Document(paths["docx"]).paragraphs)
    assert "先进制造业区域布局分析" in text and "一、总体情况" in text
    html = paths["html"].read_text(encoding="utf-8")
    assert "http://" not in html and "https://" not in html and html.count("data:image/png") == len(report.figures())
    assert "专业化" in openpyxl.load_workbook(paths["xlsx"]).sheetnames


def test_a_city_report_uses_its_counties(workspace):
    report = build_report(workspace, "regional", area="430100", options={"measure": "value_added"})
    table = next(t for t in report.tables() if t.sheet == "专业化")
    assert sorted(r[0] for r in table.rows) == ["宁乡市", "芙蓉区"] and report.title.startswith("长沙市")
    with pytest.raises(NotFoundError):
        build_report(workspace, "regional", area="430104")


def test_the_cli_writes_the_regional_report_and_prints_a_json_summary(tmp_path, monkeypatch):
    g = three_firms(tmp_path / "ws", in_memory=False)
    g.close()
    monkeypatch.setenv("GAODI_HOME", str(tmp_path / "ws"))
    out = CliRunner().invoke(app, ["regional", "--level", "county", "--digits", "4", "--format", "html", "--json",
                                   "--output", str(tmp_path / "regional.html")])
    assert out.exit_code == 0, out.output
    summary = json.loads(out.stdout)
    assert summary["level"] == "county" and summary["digits"] == 4 and summary["regions"] == 3
    assert "芙蓉区" in (tmp_path / "regional.html").read_text(encoding="utf-8")
