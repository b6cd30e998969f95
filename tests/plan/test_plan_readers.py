"""The readers of each file format: text tables, HTML grids, Word bodies, encodings, errors."""

from __future__ import annotations

import builtins
import xml.etree.ElementTree as ET

import pytest

from gaodi.errors import InputError
from gaodi.plan import read_plan_document
from gaodi.plan.blocks import Paragraph, Table, read_text_blocks
from gaodi.plan.docx_blocks import W, body_blocks, read_docx_blocks
from gaodi.plan.html_blocks import read_html_blocks


def test_cell_per_line_table_joins_wrapped_cells_and_ends_at_text_after_a_blank_line():
    text = "标题\n\t类别\n\t指标\n\n\t质量\n效益\n\t增速\n\n注：说明\n"
    [title, table, note] = read_text_blocks(text)
    assert isinstance(table, Table) and isinstance(note, Paragraph)
    assert [(r.line, r.cells) for r in table.rows] == [(2, ["类别", "指标"]), (5, ["质量效益", "增速"])]
    assert (title.text, note.line) == ("标题", 9)


def test_pipe_table_skips_the_rule_line_and_tab_rows_need_three_fields():
    blocks = read_text_blocks("| a | b |\n|---|:-:|\n| 1 | 2 |\nx\ty\nx\ty\tz\n")
    assert [r.cells for r in blocks[0].rows] == [["a", "b"], ["1", "2"]]
    assert isinstance(blocks[1], Paragraph) and blocks[2].rows[0].cells == ["x", "y", "z"]


def test_html_rowspan_repeats_the_cell_and_colspan_leaves_empty_cells():
    html = """<p>前言</p><table>
<tr><td rowspan="2">A</td><td>1</td><td>2</td></tr>
<tr><td>3</td><td>4</td></tr>
<tr><td colspan="3">注：说明</td></tr></table><p>后记</p>"""
    before, table, after = read_html_blocks(html)
    assert [r.cells for r in table.rows] == [["A", "1", "2"], ["A", "3", "4"], ["注：说明", "", ""]]
    assert (before.text, after.text, table.rows[1].line) == ("前言", "后记", 3)


def _docx_body() -> ET.Element:
    """A WordprocessingML body: a paragraph, then a table whose 类别 cell is merged down (vMerge)."""
    w = W[1:-1]
    xml = f"""<w:body xmlns:w="{w}">
<w:p><w:r><w:t>湖北省制造业高质量发展“十五五”规划</w:t></w:r></w:p>
<w:tbl>
 <w:tr><w:tc><w:p><w:r><w:t>类别</w:t></w:r></w:p></w:tc>
       <w:tc><w:p><w:r><w:t>指标</w:t></w:r></w:p></w:tc>
       <w:tc><w:p><w:r><w:t>目标值</w:t></w:r></w:p></w:tc></w:tr>
 <w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr>
       <w:p><w:r><w:t>质量</w:t></w:r></w:p><w:p><w:r><w:t>效益</w:t></w:r></w:p></w:tc>
       <w:tc><w:p><w:r><w:t>增速</w:t></w:r></w:p></w:tc>
       <w:tc><w:p><w:r><w:t>≥6.5</w:t></w:r></w:p></w:tc></w:tr>
 <w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>
       <w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr>
             <w:p><w:r><w:t>合并</w:t></w:r></w:p></w:tc></w:tr>
</w:tbl>
<w:p><w:r><w:t>注：</w:t></w:r><w:r><w:t>[ ]为累计数。</w:t></w:r></w:p>
</w:body>"""
    return ET.fromstring(xml)


def test_docx_body_keeps_order_repeats_vertically_merged_cells_and_spans_columns():
    title, table, note = body_blocks(_docx_body())
    assert title.text == "湖北省制造业高质量发展“十五五”规划" and title.line == 1
    assert [(r.line, r.cells) for r in table.rows] == [
        (2, ["类别", "指标", "目标值"]), (3, ["质量效益", "增速", "≥6.5"]), (4, ["质量效益", "合并", ""])]
    assert (note.text, note.line) == ("注：[ ]为累计数。", 5)


def test_docx_without_python_docx_says_how_to_install_it(tmp_path, monkeypatch):
    real_import = builtins.__import__

    def no_docx(name, *args, **kwargs):
        if name == "docx":
            raise ImportError("No module named 'docx'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_docx)
    with pytest.raises(InputError) as err:
        read_docx_blocks(tmp_path / "plan.docx")
    assert "pip install python-docx" in err.value.fix
    assert "python-docx" in err.value.message


def test_gbk_text_file_is_read(tmp_path):
    path = tmp_path / "gbk.txt"
    path.write_bytes("某市制造业发展规划\n到2027年，全市电子信息产业营收突破500亿元。\n".encode("gbk"))
    [target] = read_plan_document(path).plan.sector_targets
    assert (target.sector, target.value, target.unit, target.op) == ("电子信息", 500, "亿元", ">=")


@pytest.mark.parametrize("name, words", [("plan.doc", "不支持的规划文件类型"), ("missing.txt", "找不到")])
def test_unreadable_file_is_an_input_error(tmp_path, name, words):
    if name.endswith(".pdf"):
        (tmp_path / name).write_bytes(b"%PDF")
    with pytest.raises(InputError) as err:
        read_plan_document(tmp_path / name)
    assert words in err.value.message


def test_malformed_row_is_reported_in_unread_and_not_guessed(tmp_path):
    """Row 2 has its target "约6.5" (not a bound the grammar knows); row 3 lacks a cell."""
    path = tmp_path / "plan.md"
    path.write_text("# 某省制造业“十五五”规划\n\n| 序号 | 指标 | 单位 | 基期值 | 目标值 |\n|---|---|---|---|---|\n"
                    "| 1 | 增速 | % | 7.1 | ≥6.5 |\n| 2 | 利润率 | % | 4.9 | 大约是五 |\n"
                    "| 3 | 集群 | 个 | 5 |\n",
                    encoding="utf-8")
    r = read_plan_document(path)
    assert [i.number for i in r.plan.indicators] == ["1"]
    assert [(u.kind, u.line) for u in r.unread] == [("table_row", 6), ("table_row", 7)]
    assert "大约是五" in r.unread[0].reason and "4 个单元格" in r.unread[1].reason


def _docx_from_blocks(blocks, path):
    """Write blocks to a real .docx with python-docx; equal 类别 cells one above the other are merged."""
    import docx

    document = docx.Document()
    for block in blocks:
        if isinstance(block, Paragraph):
            document.add_paragraph(block.text)
            continue
        rows = [r.cells for r in block.rows]
        table = document.add_table(rows=len(rows), cols=len(rows[0]))
        for i, cells in enumerate(rows):
            for j, text in enumerate(cells):
                above = rows[i - 1][j] if i > 1 else None
                if not (j == 0 and text == above):
                    table.cell(i, j).text = text
        for i in range(2, len(rows)):
            if rows[i][0] == rows[i - 1][0]:
                table.cell(i - 1, 0).merge(table.cell(i, 0))
    document.save(path)
    return path


def test_word_document_with_merged_category_cells_reads_as_the_html_does(tmp_path):
    """The city plan saved as .docx by python-docx: vMerge 类别 cells, years as columns, 属性."""
    from plan_helpers import DOCUMENTS, without_lines

    html = DOCUMENTS / "wangchuan_city_table.html"
    blocks = read_html_blocks(html.read_text(encoding="utf-8"))
    path = _docx_from_blocks(blocks, tmp_path / "wangchuan_city_table.docx")
    assert 'w:vMerge' in __import__("zipfile").ZipFile(path).read("word/document.xml").decode()
    from_docx, from_html = read_plan_document(path), read_plan_document(html)
    assert len(from_docx.plan.indicators) == 7
    assert without_lines(from_docx.as_dict()) == without_lines(from_html.as_dict())


def test_a_page_laid_out_in_a_table_reads_its_cells_as_text_and_the_inner_table_as_a_table():
    """Older portals put the whole article in a layout table; the 专栏 inside is the data table."""
    html = """<table width="100%"><tr><td>首页 &gt; 规划</td></tr><tr><td>
<p>望川市工业“十五五”规划</p><p>到2030年，全市电子信息产业营收突破1500亿元。</p>
<table><tr><td>指标</td><td>单位</td><td>2025年</td><td>2030年</td></tr>
<tr><td>研发投入强度</td><td>%</td><td>1.9</td><td>2.4</td></tr></table>
<p>二、重点任务</p></td></tr></table>"""
    blocks = read_html_blocks(html)
    assert [b.text if isinstance(b, Paragraph) else len(b.rows) for b in blocks] == [
        "首页 > 规划", "望川市工业“十五五”规划", "到2030年，全市电子信息产业营收突破1500亿元。", 2, "二、重点任务"]
