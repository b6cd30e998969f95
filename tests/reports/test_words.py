"""Reports read as officials read them: no code identifiers, file paths or raw values in the text, Word
heading styles on the headings, a regression written in words, and one file per area and period."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from docx import Document
from typer.testing import CliRunner

from gaodi.cli.report import app
from gaodi.core import Gaodi
from gaodi.reports import build_report, write_report
from gaodi.reports.library import area_namer, stored_reports
from gaodi.reports.narrative import describe, progress_words
from tests.api import province
from tests.reports.words import docx_text, html_text, leaks

KINDS = ("monitor", "midterm", "final", "regional")


@pytest.fixture(scope="module")
def docs(tmp_path_factory):
    """The four report kinds of the API's hand-made province (tests/api/province.py), written as DOCX."""
    folder = tmp_path_factory.mktemp("words")
    g = Gaodi.open(home=folder / "ws", in_memory=True)
    province.build(g, folder)
    try:
        reports = {k: build_report(g, k, "2025" if k == "monitor" else None, date=dt.date(2026, 3, 10))
                   for k in KINDS}
        for k, r in reports.items():
            write_report(r, "html", folder / f"{k}.html")
        yield {k: (r, write_report(r, "docx", folder / f"{k}.docx")) for k, r in reports.items()}
    finally:
        g.close()


def test_the_leak_check_catches_what_it_is_meant_to():
    bad = ["方法见 docs/regional-analysis.md", "状态 near_miss", "级别 national", "needs_data", "公式 tax / land_mu",
           "见 build.py", "规则版本 gaodi-indicators-2026.1"]
    assert len(leaks(bad)) == len(bad)
    assert leaks(["区位熵 LQ_ri =（x_ri ÷ x_r）", "完成进度 45.2%", "SHA-256：ab12", "Krugman 1991"]) == []


@pytest.mark.parametrize("kind", KINDS)
def test_no_code_identifiers_paths_or_raw_values_in_the_text(docs, kind):
    _, path = docs[kind]
    assert leaks(docx_text(path)) == []
    assert leaks(html_text(path.with_suffix(".html"))) == []
    imports = next(t for t in Document(path).tables if t.rows[0].cells[1].text == "数据类型")
    kinds = {r.cells[1].text for r in imports.rows[1:]}
    assert kinds and not any(c.isascii() and c.islower() for k in kinds for c in k), kinds


@pytest.mark.parametrize("kind", KINDS)
def test_titles_and_headings_carry_word_heading_styles_with_chinese_fonts(docs, kind):
    report, path = docs[kind]
    doc = Document(path)
    styles = {p.text: p.style.name for p in doc.paragraphs}
    assert styles[report.title] == "Title"
    for section in [*report.sections, report.appendix]:
        assert styles[section.heading] == "Heading 1", section.heading
    subs = [b for s in [*report.sections, report.appendix] for b in s.blocks if type(b).__name__ == "Heading"]
    assert subs and all(styles[h.text] == f"Heading {h.level}" for h in subs)
    assert doc.styles["Heading 1"].element.rPr.rFonts.get(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia") == "黑体"


def test_a_regression_is_written_as_the_size_of_the_move_back(docs):
    report, _ = docs["monitor"]
    share = next(r for r in report.records if r.unit == "%" and r.base is not None and r.value is not None)
    back = dataclasses.replace(share, value=share.base - 1.25, progress=-133.3)
    assert progress_words(back) == "较基期倒退 1.25 个百分点"
    assert "倒退" in describe(back) and "-133" not in describe(back)
    count = dataclasses.replace(share, unit="家", base=10.0, value=7.0, progress=-30.0)
    assert progress_words(count) == "较基期倒退 3 家"
    assert progress_words(dataclasses.replace(share, progress=45.23)) == "完成进度 45.2%"


def test_a_city_report_leaves_the_province_report_alone_and_both_are_listed(small, monkeypatch):
    g, _ = small
    monkeypatch.setenv("GAODI_HOME", str(g.settings.home))
    run = CliRunner()
    assert run.invoke(app, ["monitor", "--period", "2025"]).exit_code == 0
    province_file = g.settings.reports_dir / "monitor-2025.docx"
    before = province_file.read_bytes()
    out = run.invoke(app, ["monitor", "--period", "2025", "--area", "430100"])
    assert out.exit_code == 0, out.output
    assert province_file.read_bytes() == before
    assert (g.settings.reports_dir / "monitor-430100-2025.docx").is_file()
    listed = {r.file: (r.area, r.area_name) for r in stored_reports(g.settings.reports_dir, area_namer(g))}
    assert listed["monitor-2025.docx"] == (None, "全省")
    assert listed["monitor-430100-2025.docx"] == ("430100", "长沙市")
