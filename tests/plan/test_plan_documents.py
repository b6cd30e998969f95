"""Plan documents of other provinces and cities, each laid out differently, read as checked by hand.

The documents in tests/plan/documents/ are modelled on real plans (titles, document numbers and the
layout of their indicator tables); the figures are illustrative (see documents/README.md). The
expected rows below were written from the documents themselves, not from the reader's output.
"""

from __future__ import annotations

import pytest
from plan_helpers import DOCUMENTS, row

from gaodi.plan import read_plan_document


def read(name: str):
    return read_plan_document(DOCUMENTS / name)


def sectors(reading) -> list[tuple]:
    return [(s.sector, s.metric, s.year, s.op, (s.low, s.high) if s.op == "range" else s.value,
             s.unit, s.approximate) for s in reading.plan.sector_targets]


def counts(reading) -> list[tuple]:
    return [(c.subject, c.level, c.year, c.op, c.value, c.unit) for c in reading.plan.count_targets]


def test_markdown_table_with_bare_year_columns_and_attribute_column():
    """江苏 (pipe table): 2020年 is the base, 2025年 the target; 属性 read; no 序号 column."""
    r = read("jiangsu_2021_14th.md")
    assert (r.plan.doc_number, r.plan.issuer, r.plan.base_year, r.plan.target_year) == (
        "苏政办发〔2021〕51号", "江苏省人民政府办公厅", 2020, 2025)
    assert [row(i) for i in r.plan.indicators] == [
        ("1", "制造业增加值占地区生产总值比重", "%", 35.0, 2020, "=", 35, False, 2025),
        ("2", "规模以上工业企业营业收入利润率", "%", 6.4, 2020, ">=", 7, False, 2025),
        ("3", "规模以上工业企业研发经费内部支出占营业收入比重", "%", 1.6, 2020, "=", 2, False, 2025),
        ("4", "高新技术产业产值占规模以上工业产值比重", "%", 46.5, 2020, "=", 50, False, 2025),
        ("5", "单位工业增加值能耗降低", "%", None, 2020, "qualitative", None, False, 2025),
        ("6", "新增国家级绿色工厂", "家", 190, 2020, "=", 100, True, 2025),
        ("7", "两化融合发展水平", None, 64.5, 2020, "=", 68, False, 2025),
    ]
    assert [i.attribute for i in r.plan.indicators] == ["预期性"] * 4 + ["约束性", "预期性", "预期性"]
    assert r.plan.indicator("1").target.approximate  # "35左右"
    assert [i.category for i in r.plan.indicators] == [
        "规模效益", "规模效益", "创新能力", "创新能力", "绿色发展", "绿色发展", "数字化"]
    assert sectors(r) == [("电子信息", "营业收入", 2025, ">=", 4.5, "万亿元", False),
                          ("软件和信息技术服务业", "收入", 2025, "=", 1.6, "万亿元", False)]
    assert counts(r) == [("全省国家级专精特新“小巨人”企业", None, 2025, "=", 700, "家")]
    assert r.unread == []


def test_tab_separated_rows_with_columns_in_another_order_and_a_2027_target():
    """浙江 (TSV): 目标值(2027年) comes before 基期值(2022年); 牵头单位 is the responsible body."""
    r = read("zhejiang_2023_action_plan.txt")
    assert (r.plan.base_year, r.plan.target_year) == (2022, 2027)
    assert [row(i) for i in r.plan.indicators if i.source == "table"] == [
        ("1", "规模以上工业增加值年均增长", "%", 4.2, 2022, "=", 7, False, 2027),
        ("2", "数字经济核心产业增加值", "亿元", 8977, 2022, ">=", 14000, False, 2027),
        ("3", "高技术制造业增加值占规上工业比重", "%", 16.1, 2022, ">=", 18, False, 2027),
        ("4", "“415X”先进制造业集群规上工业总产值", "万亿元", 4.5, 2022, "range", (6, 7), False, 2027),
        ("5", "国家级专精特新“小巨人”企业", "家", 1068, 2022, ">=", 1500, False, 2027),
        ("6", "单位工业增加值能耗下降", "%", None, 2022, "qualitative", None, False, 2027),
        ("7", "新增工业机器人", "台", None, 2022, "=", 35000, True, 2027),
    ]
    assert r.plan.indicator("3").responsible == "省统计局"
    assert r.plan.indicator("6").target.text == "完成省下达任务"
    # "制造业增加值占GDP比重保持在33%以上" (ASCII commas) becomes a text indicator
    t1 = r.plan.indicator("T1")
    assert (t1.name, t1.unit, t1.target.op, t1.target.value, t1.source) == (
        "制造业增加值占GDP比重", "%", ">=", 33, "text")
    assert sectors(r) == [("规上工业", "营收", 2027, "=", 13, "万亿元", False),
                          ("新一代信息技术", "营收", 2027, ">=", 3.5, "万亿元", False)]
    assert r.unread == []


def test_html_table_with_rowspan_categories_full_width_values_and_a_note_row():
    """佛山 (HTML): rowspan 类别, ≥７０００ and ［１２０］ in full width, ※ = 2022年数据 in the last row."""
    r = read("foshan_2024_city.html")
    assert (r.plan.name, r.plan.doc_number, r.plan.issued.isoformat()) == (
        "佛山市推动制造业高质量发展行动方案（2024—2028年）", "佛府〔2024〕15号", "2024-03-08")
    assert [row(i) for i in r.plan.indicators] == [
        ("1", "规模以上工业增加值", "亿元", 5600, 2024, ">=", 7000, False, 2028),
        ("2", "规模以上工业总产值", "万亿元", 2.9, 2022, "=", 3.5, False, 2028),
        ("3", "规上工业企业研发机构覆盖率", "%", 45, 2024, ">=", 60, False, 2028),
        ("4", "新增国家级专精特新“小巨人”企业", "家", None, 2024, "=", 120, True, 2028),
        ("5", "单位工业增加值能耗下降", "%", None, 2024, "qualitative", None, False, 2028),
    ]
    assert [i.category for i in r.plan.indicators] == ["经济规模"] * 2 + ["创新驱动"] * 2 + ["绿色低碳"]
    assert [i.attribute for i in r.plan.indicators] == ["预期性"] * 4 + ["约束性"]
    assert r.plan.indicator("1").responsible == "市工业和信息化局"
    assert sectors(r) == [("智能家电", "产值", 2028, "=", 5000, "亿元", True)]
    assert counts(r) == [("新增专精特新中小企业", None, 2028, ">=", 500, "家")]
    assert r.unread == []


def test_one_cell_per_line_table_reports_the_row_missing_a_cell():
    """湖北 (Word text): row 4 has no 单位 cell, so its cells cannot be aligned: reported."""
    r = read("hubei_2026_15th_cells.txt")
    assert [row(i) for i in r.plan.indicators if i.source == "table"] == [
        ("1", "制造业增加值占地区生产总值比重", "%", 28.6, 2025, "=", 28, False, 2030),
        ("2", "规模以上工业增加值年均增长", "%", 7.3, 2024, "=", 6.5, False, 2030),
        ("3", "高技术制造业增加值占规模以上工业增加值比重", "%", 13.2, 2025, ">=", 15, False, 2030),
        ("5", "单位工业增加值能耗下降", "%", None, 2025, "qualitative", None, False, 2030),
        ("6", "新增规模以上工业企业", "家", 1320, 2025, ">=", 5000, True, 2030),
    ]
    [missing] = r.unread
    assert (missing.kind, missing.line) == ("table_row", 40)
    assert "只有 5 个单元格" in missing.reason and "88.1" in missing.text
    assert [i.attribute for i in r.plan.indicators if i.source == "table"] == [
        "预期性", "预期性", "预期性", "约束性", "预期性"]
    assert sectors(r) == [("光电子信息", "营收", 2030, ">=", 1.2, "万亿元", False),
                          ("汽车", "营收", 2030, "=", 1.5, "万亿元", True)]
    share = r.plan.indicator("T1")
    assert (share.name, share.target.op, share.target.value) == ("新能源汽车产量占比", ">=", 60)


def test_markdown_table_with_section_rows_milestones_and_a_2035_target():
    """四川: columns 2025年/2030年/2035年 → base 2025, milestone 2030, target 2035; ranges both ways."""
    r = read("sichuan_2025_2035_milestones.md")
    assert (r.plan.base_year, r.plan.target_year) == (2025, 2035)
    assert [row(i) for i in r.plan.indicators] == [
        ("1", "制造业增加值", "亿元", 17000, 2025, "=", 35000, False, 2035),
        ("2", "规模以上工业企业数量", "家", 17800, 2025, ">=", 25000, False, 2035),
        ("3", "制造业研发投入强度", "%", 1.3, 2025, "=", 2.0, False, 2035),
        ("4", "战略性新兴产业增加值占比", "%", 15, 2025, "range", (22, 25), False, 2035),
        ("5", "国家级工业设计中心", "个", 12, 2025, "=", 20, False, 2035),
    ]
    assert [[(m.year, m.op, m.value, m.low, m.high) for m in i.milestones]
            for i in r.plan.indicators] == [
        [(2030, "=", 24000, None, None)], [(2030, ">=", 20000, None, None)],
        [(2030, "=", 1.6, None, None)], [(2030, "range", None, 18, 20)],
        [(2030, "=", 15, None, None)]]
    assert [i.category for i in r.plan.indicators] == ["规模实力"] * 2 + ["创新能力"] * 3
    assert sectors(r) == [("装备制造", "营收", 2035, ">=", 2, "万亿元", False)]


def test_full_width_county_table_with_a_rank_target():
    """南康区 (TSV, full-width digits): "全省前４０位" is rank ≤ 40; "６００～７００" a range."""
    r = read("ganzhou_nankang_2024_county.txt")
    assert (r.plan.jurisdiction, r.plan.doc_number) == ("赣州市南康区", "康府发〔2024〕3号")
    assert [row(i) for i in r.plan.indicators] == [
        ("1", "规模以上工业增加值增速", "%", 8.2, 2023, "=", 8, False, 2027),
        ("2", "县域经济综合排名", "位次", 48, 2023, "<=", 40, False, 2027),
        ("3", "家具产业集群主营业务收入", "亿元", 500, 2023, "range", (600, 700), False, 2027),
        ("4", "省级专精特新中小企业", "家", 62, 2023, ">=", 100, False, 2027),
        ("5", "规上工业企业户数", "户", 380, 2023, ">=", 450, False, 2027),
    ]
    assert r.plan.indicator("2").target.rank
    assert sectors(r) == [("家具", "营收", 2027, ">=", 700, "亿元", False)]
    assert counts(r) == [("新增规上工业企业", None, 2027, ">=", 150, "家")]
    assert r.unread == []


def test_ascii_operators_unknown_column_and_unexplained_mark_are_reported():
    """河南 (TSV, >= <= 6-7): the 备注 column is ignored and said so; "49.6#" has no note: reported."""
    r = read("henan_2026_15th_ascii.txt")
    assert [row(i) for i in r.plan.indicators] == [
        ("1", "制造业增加值占GDP比重", "%", 28.9, 2025, ">=", 30, False, 2030),
        ("2", "规上工业企业营业收入利润率", "%", 5.6, 2025, "range", (6, 7), False, 2030),
        ("3", "万元工业增加值用水量", "立方米", 18.2, 2025, "<=", 16, False, 2030),
        ("4", "规上工业单位增加值能耗降低", "%", None, 2025, "qualitative", None, False, 2030),
        ("6", "省级以上制造业创新中心", "个", 30, 2025, ">=", 50, False, 2030),
    ]
    assert r.plan.indicator("6").category == "创新驱动"  # carried from the unread row 5
    assert [(u.kind, u.line) for u in r.unread] == [("header", 6), ("table_row", 11)]
    assert "备注" in r.unread[0].reason and "「#」" in r.unread[1].reason
    assert sectors(r) == [("装备制造", "营收", 2030, ">=", 1.5, "万亿元", False),
                          ("食品", "营收", 2030, "=", 1.6, "万亿元", True)]


def test_sentence_only_document_without_a_table():
    """山东: no table; targets for 2025, 2027 and 2030 in ASCII punctuation; a rank; a magnitude."""
    r = read("shandong_2023_sentences_only.txt")
    assert (r.plan.base_year, r.plan.target_year) == (None, 2027)  # from "(2023-2027年)"
    assert [(i.number, i.name, i.unit, i.target.op,
             (i.target.low, i.target.high) if i.target.op == "range" else i.target.value,
             i.target.year, i.target.approximate, i.target.rank) for i in r.plan.indicators] == [
        ("T1", "全省工业增加值年均增长", "%", "=", 6, 2025, True, False),
        ("T2", "数字经济核心产业增加值占GDP比重", "%", "range", (10, 12), 2027, False, False),
        ("T3", "全省制造业综合实力", "位", "<=", 3, 2027, False, True),
        ("T4", "全省规上工业企业研发经费投入强度", "%", ">=", 2.5, 2030, False, False),
    ]
    assert sectors(r) == [("规模以上工业", "营业收入", 2025, ">=", 12, "万亿元", False),
                          ("高端装备", "营收", 2027, "=", 1.8, "万亿元", False),
                          ("新一代信息技术", "营收", 2027, ">=", 1.2, "万亿元", False)]
    assert counts(r) == [('国家级专精特新"小巨人"企业', None, 2027, ">=", 1000, "家"),
                         ("单项冠军企业", None, 2027, "=", 200, "家")]
    [magnitude] = r.unread
    assert magnitude.line == 12 and "千亿级" in magnitude.reason


def test_two_row_header_gives_a_milestone_and_converts_a_target_in_another_money_unit():
    """重庆 (HTML): 目标值 spans 2025年/2027年; "1万亿元左右" under 单位 亿元 is 10000 亿元."""
    r = read("chongqing_2023_two_row_header.html")
    assert (r.plan.base_year, r.plan.target_year) == (2022, 2027)
    assert [row(i) for i in r.plan.indicators] == [
        ("1", "制造业增加值", "亿元", 6816, 2022, "=", 10000, False, 2027),
        ("2", "规上工业企业营业收入", "万亿元", 2.8, 2022, "range", (3.5, 4), False, 2027),
        ("3", "规上工业企业研发投入强度", "%", 1.7, 2022, ">=", 2, False, 2027),
        ("4", "新增智能工厂和数字化车间", "个", None, 2022, "=", 1000, True, 2027),
    ]
    first = r.plan.indicator("1").target
    assert (first.approximate, first.text) == (True, "1万亿元左右")
    assert [(m.year, m.value, m.cumulative) for m in r.plan.indicator("4").milestones] == [
        (2025, 500, True)]
    assert [i.category for i in r.plan.indicators] == ["规模效益", "规模效益", "创新转型", "创新转型"]
    assert r.unread == []
    assert sectors(r) == [("智能网联新能源汽车", "营收", 2027, "=", 8000, "亿元", False),
                          ("新一代电子信息制造业", "营收", 2027, ">=", 1, "万亿元", False)]


@pytest.mark.parametrize("name", sorted(
    p.name for p in DOCUMENTS.iterdir()
    if p.suffix in (".txt", ".md", ".html") and p.name != "README.md"))
def test_every_document_reads_into_a_valid_plan_with_lines_for_every_row(name):
    r = read(name)
    assert r.plan.indicators or r.plan.sector_targets
    assert all(i.line for i in r.plan.indicators)
    assert all(u.reason and u.reason_en for u in r.unread)
