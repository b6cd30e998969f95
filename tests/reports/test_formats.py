"""The monitoring report in every format, read back and checked against hand-computed figures."""

from __future__ import annotations

import re
import zlib

import pytest
from docx import Document
from openpyxl import load_workbook

from gaodi.errors import InputError
from gaodi.reports import write_report


def _docx_table(doc, first_header: str, must_have: str):
    for t in doc.tables:
        head = [c.text for c in t.rows[0].cells]
        if head[0] == first_header and must_have in head:
            return t
    raise AssertionError(f"no table with {must_have}")


def test_docx_status_table_shows_the_hand_computed_values_and_statuses(written):
    """2025 values of the four-enterprise province (see conftest): 利润率 5.20 %, 高技术占比 30 %, 园区占比 40 %.
    2025 is the plan's base year: with no data after the base every status is 待评估 and says why (before
    the rule, 利润率 and 高技术 read 达标 and 园区 滞后 on base-year data)."""
    t = _docx_table(Document(written["docx"]), "序号", "状态")
    rows = {r.cells[1].text: [c.text for c in r.cells] for r in t.rows[1:]}
    assert len(rows) == 21
    margin = rows["规模以上工业企业营业收入利润率"]
    assert margin[4] == "5.20" and margin[9] == "待评估" and "2026年年报尚未导入" in margin[10]
    hightech = rows["高技术制造业增加值占规模工业增加值比重"]
    assert hightech[4] == "30.00" and hightech[9] == "待评估"
    park = rows["园区工业占全省规模以上工业企业增加值比重"]
    assert park[4] == "40.00" and park[9] == "待评估"
    # only 工业战略性新兴产业总产值占比, whose base year is 2024 (the plan's *), has data after its base:
    # 3200 ÷ 4030 = 79.4 % ≥ 30.5 on the complete year 2025 → 达标
    sei = rows.pop("工业战略性新兴产业总产值占工业总产值比重")
    assert sei[4] == "79.40" and sei[9] == "达标"
    assert {r[9] for r in rows.values()} == {"待评估"}


def test_docx_lists_the_count_and_sector_targets(written):
    """7 count targets and 17 sector revenue targets of seed 004, each with its status."""
    t = _docx_table(Document(written["docx"]), "目标", "实际值")
    assert len(t.rows) == 1 + 7 + 17
    rows = {r.cells[0].text: [c.text for c in r.cells] for r in t.rows[1:]}
    # actual values, not blanks: 2025 data hold no enterprise of 1000 亿元 or more (0, the data say zero),
    # and 新能源汽车 (class 36) is B's 2025 revenue 1 000 000 万元 = 100 亿元
    thousand = next(v for k, v in rows.items() if "千亿" in k)
    assert thousand[2] == "0" and thousand[3] == "2025年"
    cars = next(v for k, v in rows.items() if "汽车" in k)
    assert cars[2].replace(",", "") in ("100", "100.00") and cars[3] == "2025"


def test_docx_is_a4_with_page_numbers_and_official_font_names(written):
    doc = Document(written["docx"])
    first = doc.sections[0]
    assert round(first.page_width.cm, 1) == 21.0 and round(first.page_height.cm, 1) == 29.7
    assert "PAGE" in first.footer._element.xml
    xml = doc.element.xml
    assert "仿宋_GB2312" in xml and "黑体" in xml
    assert any(round(s.page_width.cm, 1) == 29.7 for s in doc.sections)  # wide tables on landscape pages


def test_xlsx_numbers_equal_the_monitor_records(report, written):
    records = {r.indicator: r for r in report.records}
    ws = load_workbook(written["xlsx"])["指标监测"]
    header = [c.value for c in ws[2]]
    got = {row[1]: row for row in ws.iter_rows(min_row=3, max_row=23, values_only=True)}
    assert len(got) == 21
    for name, r in records.items():
        row = got[name]
        assert row[header.index("本期值")] == (pytest.approx(r.value) if r.value is not None else None)
        assert row[header.index("基期值")] == (pytest.approx(r.base) if r.base is not None else None)
        assert row[header.index("状态")] == r.status_zh
    assert got["高技术制造业增加值占规模工业增加值比重"][4] == pytest.approx(30.0)
    # row 4 is 利润率 (row 3, 年均增速, has no value in the base year: no year of the plan period is complete)
    assert ws.cell(4, 5).number_format == "#,##0.00"


def test_appendix_lists_every_import_file_with_its_sha256(small, written):
    _, hashes = small
    doc = Document(written["docx"])
    t = _docx_table(doc, "导入编号", "SHA-256")
    listed = {r.cells[2].text: r.cells[3].text for r in t.rows[1:]}
    cites = {r.cells[2].text: r.cells[6].text for r in t.rows[1:]}
    for name in ("统计.csv", "价格指数.csv", "企业.csv", "园区.csv"):
        assert listed[name] == hashes[name]
    assert "2" in cites["统计.csv"].split("、") and cites["企业.csv"] == "名录或参数"
    ws = load_workbook(written["xlsx"])["附录-导入"]
    cells = {row[2]: row[3] for row in ws.iter_rows(min_row=3, values_only=True) if row[2]}
    assert cells["统计.csv"] == hashes["统计.csv"]
    defs = _docx_table(doc, "序号", "计算公式")
    assert "口径编号" not in [c.text for c in defs.rows[0].cells]  # code keys are no reading for officials
    names = {r.cells[1].text for r in defs.rows[1:]}
    assert {"规模以上工业企业营业收入利润率", "高技术制造业增加值占规模工业增加值比重"} <= names
    assert "湘政发〔2026〕6号" in "\n".join(p.text for p in doc.paragraphs)


def test_html_is_self_contained(written):
    html = written["html"].read_text(encoding="utf-8")
    assert not re.search(r"https?://", html)
    assert "<link" not in html and "src=\"data:image/png;base64," in html
    assert "仿宋_GB2312" in html


def _pdf_objects(data: bytes) -> bytes:
    """The PDF's bytes with every Flate stream inflated (objects may sit in compressed object streams)."""
    out = [data]
    for m in re.finditer(rb"stream\r?\n(.*?)endstream", data, re.S):
        try:
            out.append(zlib.decompress(m.group(1)))
        except zlib.error:
            pass
    return b"\n".join(out)


def test_pdf_embeds_its_cjk_font(written):
    data = written["pdf"].read_bytes()
    assert data.startswith(b"%PDF")
    objects = _pdf_objects(data)
    assert re.search(rb"/FontFile[23]?\s", objects), "no embedded font program"
    # every font is a subset (ABCDEF+name) and the embedded program is 文泉驿微米黑 (its name table, UTF-16BE)
    names = re.findall(rb"/BaseFont\s*/([^\s/>]+)", objects)
    assert names and all(re.match(rb"[A-Z]{6}\+", n) for n in names)
    assert "WenQuanYi Micro Hei".encode("utf-16-be") in objects


def test_unknown_format_is_refused(report, tmp_path):
    with pytest.raises(InputError) as err:
        write_report(report, "odt", tmp_path / "r.odt")
    assert "docx" in err.value.fix
