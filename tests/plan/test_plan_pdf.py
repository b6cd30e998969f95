"""PDF plans: printed from the HTML and text documents of the corpus, they read as the originals do."""

from __future__ import annotations

import pytest
from plan_helpers import DOCUMENTS, html_to_pdf, text_to_html, without_lines

from gaodi.errors import InputError
from gaodi.plan import read_plan_document


@pytest.mark.parametrize("name", ["foshan_2024_city.html", "chongqing_2023_two_row_header.html"])
def test_pdf_printed_from_an_html_plan_reads_as_the_html_does(tmp_path, name):
    """Merged 类别 cells (rowspan), a two-row header and a note row survive printing."""
    html = (DOCUMENTS / name).read_text(encoding="utf-8")
    pdf = html_to_pdf(html, tmp_path / "plan.pdf")
    from_html, from_pdf = read_plan_document(DOCUMENTS / name), read_plan_document(pdf, name[:-5])
    assert from_pdf.plan.indicators, "the PDF's table was read"
    assert without_lines(from_pdf.as_dict()) == without_lines(from_html.as_dict())


@pytest.mark.parametrize("name", ["zhejiang_2023_action_plan.txt", "henan_2026_15th_ascii.txt"])
def test_pdf_printed_from_a_text_plan_reads_as_the_text_does(tmp_path, name):
    """Long paragraphs wrap over several printed lines and are joined again."""
    text = (DOCUMENTS / name).read_text(encoding="utf-8")
    pdf = html_to_pdf(text_to_html(text), tmp_path / "plan.pdf")
    from_text, from_pdf = read_plan_document(DOCUMENTS / name), read_plan_document(pdf, name[:-4])
    assert from_pdf.plan.indicators and from_pdf.plan.sector_targets
    assert without_lines(from_pdf.as_dict()) == without_lines(from_text.as_dict())


def test_table_running_onto_the_next_page_is_one_table_and_its_repeated_header_is_dropped(tmp_path):
    header = "<tr><td>序号</td><td>指标名称</td><td>单位</td><td>2025年</td><td>2030年</td></tr>"
    rows = "".join(f"<tr><td>{k}</td><td>指标{k}</td><td>%</td><td>{k}</td><td>≥{k + 1}</td></tr>"
                   for k in range(1, 61))
    html = (f"<p>某县工业发展“十五五”规划</p><table><thead>{header}</thead>{rows}</table>"
            "<p>到2030年，全县食品产业营收突破200亿元。</p>")
    r = read_plan_document(html_to_pdf(html, tmp_path / "long.pdf"))
    assert [(i.number, i.base, i.target.value) for i in r.plan.indicators] == [
        (str(k), k, k + 1) for k in range(1, 61)]
    assert [(s.sector, s.value) for s in r.plan.sector_targets] == [("食品", 200)]
    assert r.unread == []


def test_scanned_pdf_without_a_text_layer_says_ocr_is_needed(tmp_path):
    html = '<div style="width: 300pt; height: 400pt; background: #333"></div>'
    pdf = html_to_pdf(html, tmp_path / "scan.pdf")
    with pytest.raises(InputError) as err:
        read_plan_document(pdf)
    assert "OCR" in err.value.message and "OCR" in err.value.message_en
    assert err.value.location.file == str(pdf)


def test_damaged_pdf_is_an_input_error_naming_the_file(tmp_path):
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.7\nnot a pdf")
    with pytest.raises(InputError) as err:
        read_plan_document(path)
    assert "无法打开 PDF" in err.value.message and err.value.location.file == str(path)


def test_pdf_in_the_official_layout_with_page_numbers_reads_as_the_text_does(tmp_path):
    """GB/T 9704-like page: 16pt justified body over several pages, centred title, "— N —" footers."""
    text = (DOCUMENTS / "lanjiang_province_sentences.txt").read_text(encoding="utf-8")
    style = ("<style>@page { size: A4; margin: 37mm 26mm 35mm 28mm; "
             "@bottom-center { content: '— ' counter(page) ' —'; font-family: cjk; } } "
             "body { text-align: justify; font-size: 16pt; } "
             "p:first-child { text-align: center; text-indent: 0; font-size: 22pt; }</style>")
    html = text_to_html(text).replace("<html><body>", f"<html><head>{style}</head><body>")
    pdf = html_to_pdf(html, tmp_path / "official.pdf")
    from_pdf = read_plan_document(pdf, "lanjiang_province_sentences")
    from_text = read_plan_document(DOCUMENTS / "lanjiang_province_sentences.txt")
    assert without_lines(from_pdf.as_dict()) == without_lines(from_text.as_dict())
