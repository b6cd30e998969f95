"""The project's own corpus: invented plans of an invented province, city and district, one per style.

澜江省, 望川市 and its 东湖区 do not exist; every sentence and figure was written for these tests.
The expected targets below were worked out by hand from the documents, clause by clause.
"""

from __future__ import annotations

import pytest
from plan_helpers import DOCUMENTS, html_to_pdf, text_to_html, without_lines

from gaodi.plan import read_plan_document

PROVINCE = DOCUMENTS / "lanjiang_province_sentences.txt"
CITY = DOCUMENTS / "wangchuan_city_table.html"
DISTRICT = DOCUMENTS / "donghu_district_interpretation.md"


def text_indicators(reading) -> list[tuple]:
    out = []
    for i in reading.plan.indicators:
        t, r = i.target, i.target.relation
        amount = (t.low, t.high) if t.op == "range" else t.value
        relation = (r.kind, r.op, r.value, r.base_year) if r else None
        out.append((i.number, i.name, i.unit, t.op, amount, t.approximate, t.year, relation))
    return out


def sectors(reading) -> list[tuple]:
    return [(s.sector, s.metric, s.year, s.op, s.value, s.unit) for s in reading.plan.sector_targets]


def counts(reading) -> list[tuple]:
    return [(c.subject, c.year, c.op, (c.low, c.high) if c.op == "range" else c.value, c.unit)
            for c in reading.plan.count_targets]


@pytest.fixture(scope="module")
def province():
    return read_plan_document(PROVINCE)


def test_province_metadata_and_years_come_from_the_notice_and_title(province):
    p = province.plan
    assert (p.name, p.doc_number, p.issuer, p.jurisdiction, p.base_year, p.target_year) == (
        "澜江省制造业高质量发展“十五五”规划", "澜政发〔2026〕3号", "澜江省人民政府", "澜江省", 2025, 2030)


def test_province_indicators_of_every_verb_with_the_year_of_the_paragraph_start(province):
    """Lines 11-14: "2030年，" opens the paragraph and governs the clauses and sentences after it."""
    assert text_indicators(province) == [
        # line 11: 力争达到 (the 力争 is not part of the name) and, after 、, 其中 … 稳定在 … 以上
        ("T1", "全省高技术制造业增加值占规上工业增加值比重", "%", "=", 40, False, 2030, None),
        ("T2", "战略性新兴产业增加值占比", "%", ">=", 30, False, 2030, None),
        # line 12, half-width punctuation; its second sentence inherits 2030
        ("T3", "全省制造业增加值占地区生产总值比重", "%", "=", 30, True, 2030, None),
        ("T4", "规上工业增加值年均增长", "%", ">=", 6, False, 2030, None),
        ("T5", "规上工业企业研发经费投入强度", "%", ">=", 2.6, False, 2030, None),
        ("T6", "单位工业增加值能耗", None, "relative", None, False, 2030,
         ("percent", "=", -13.5, 2025)),
        ("T7", "高技术制造业增加值占比", "%", "relative", None, False, 2030,
         ("points", "=", 5, 2025)),
        # line 14: 提高到, 控制在…以内, 年均增长…左右, 翻一番, 由…提升至
        ("T8", "工业用水重复利用率", "%", "=", 93, False, 2030, None),
        ("T9", "规上工业企业亏损面", "%", "<=", 10, False, 2030, None),
        ("T10", "全员劳动生产率年均增长", "%", "=", 7, True, 2030, None),
        ("T11", "全省工业投资", None, "relative", None, False, 2030, ("multiple", "=", 2, 2025)),
        ("T12", "工业企业上云率", "%", "=", 70, False, 2030, None),
        # line 15: 下降8%以上 is a fall of at least 8 %: change <= -8, base year not stated
        ("T13", "单位工业增加值二氧化碳排放", None, "relative", None, False, 2027,
         ("percent", "<=", -8, None)),
    ]
    t12 = province.plan.indicator("T12")
    assert (t12.base, t12.base_year) == (45, 2025)  # "由2025年的45%提升至70%"


def test_province_sector_and_count_targets_with_chinese_numerals_and_wan_counts(province):
    assert sectors(province) == [
        ("规上工业", "营业收入", 2030, ">=", 2, "万亿元"),      # 力争突破2万亿元
        ("数字经济核心", "营收", 2030, "=", 3000, "亿元"),      # 三千亿元
    ]
    assert counts(province) == [
        ("规上工业企业", 2030, ">=", 28000, "家"),              # 突破2.8万家
        ("营业收入超百亿元的链主企业", 2030, ">=", 10, "家"),    # 培育十家以上…
        ("万亿级产业集群", 2030, "range", (1, 2), "个"),        # 形成1~2个…
        ("新增国家级专精特新“小巨人”企业", 2030, "=", 150, "家"),  # 一百五十家
        ("省级工业互联网平台", 2030, "=", 200, "个"),            # 两百个
        ("国家级绿色工厂", 2030, ">=", 80, "家"),
        ("全省智能工厂", 2027, "=", 1500, "家"),
        ("卓越级以上智能工厂", 2027, "=", 30, "家"),             # 其中…30家
    ]


def test_province_past_figures_are_not_targets_and_a_magnitude_is_reported(province):
    """Line 7 ("2025年，…达到1.6万亿元") is before the document's year 2026: a past figure."""
    assert all(t.line != 7 for t in [*province.plan.sector_targets, *province.plan.count_targets])
    [magnitude] = province.unread
    assert (magnitude.kind, magnitude.line) == ("sentence", 16)
    assert "千亿级" in magnitude.reason and "magnitude" in magnitude.reason_en


@pytest.fixture(scope="module")
def city():
    return read_plan_document(CITY)


def test_city_table_with_attribute_year_columns_units_in_names_and_merged_categories(city):
    p = city.plan
    assert (p.name, p.doc_number, p.jurisdiction, p.base_year, p.target_year) == (
        "望川市制造业高质量发展“十五五”规划", "望政发〔2026〕11号", "望川市", 2025, 2030)
    table = [i for i in p.indicators if i.source == "table"]
    assert [(i.number, i.category, i.name, i.unit, i.base, i.target.op, i.target.value,
             i.target.approximate, i.attribute) for i in table] == [
        ("1", "规模效益", "规上工业营业收入", "亿元", 3200, ">=", 4500, False, "预期性"),
        ("2", "规模效益", "规上工业增加值增速", "%", 6.8, "=", 6, True, "预期性"),
        ("3", "创新驱动", "规上工业企业研发经费投入强度", "%", 1.9, "=", 2.4, False, "预期性"),
        ("4", "创新驱动", "高技术制造业增加值占规上工业增加值比重", "%", 18, "=", 22, False, "预期性"),
        ("5", "创新驱动", "高新技术企业数量", "家", 1350, ">=", 2000, False, "预期性"),
        ("6", "绿色发展", "单位工业增加值能耗降低", "%", None, "qualitative", None, False, "约束性"),
    ]
    assert [[(m.year, m.op, m.value, m.approximate) for m in i.milestones] for i in table] == [
        [(2027, "=", 3800, False)], [(2027, "=", 6.5, True)], [(2027, "=", 2.1, False)],
        [(2027, "=", 19.5, False)], [(2027, "=", 1600, False)], [(2027, "qualitative", None, False)]]
    assert all(i.base_year == 2025 and i.target.year == 2030 for i in table)


def test_city_relative_target_becomes_absolute_from_the_table_base_and_keeps_its_relation(city):
    """比2025年提高4个百分点 on the table's 2025 base 18 % gives 22 %, the table's own 2030 target."""
    t1 = city.plan.indicator("T1")
    assert (t1.name, t1.unit, t1.base, t1.base_year) == (
        "高技术制造业增加值占规上工业增加值比重", "%", 18, 2025)
    assert (t1.target.op, t1.target.value, t1.target.year) == ("=", 22, 2030)
    r = t1.target.relation
    assert (r.kind, r.op, r.value, r.base_year, r.text) == ("points", "=", 4, 2025,
                                                            "比2025年提高4个百分点")


def test_city_sentences_before_and_after_the_table(city):
    assert sectors(city) == [("电子信息", "营收", 2030, ">=", 1500, "亿元"),
                             ("电子信息", "营收", 2027, "=", 1200, "亿元")]
    # 培育营收超十亿元企业30家: 超 is followed by an amount that does not end the clause
    assert counts(city) == [("营收超十亿元企业", 2030, "=", 30, "家")]  # the subject as written
    assert city.unread == []


def test_district_interpretation_and_news_report_restating_a_plan():
    """Q&A (问/答) and a news item: the plan is named in 《》, the year follows 力争 or 明确."""
    r = read_plan_document(DISTRICT)
    p = r.plan
    assert (p.name, p.issuer, p.jurisdiction, p.target_year) == (
        "望川市东湖区促进先进制造业发展三年行动计划（2025—2027年）", "东湖区工业和信息化局", "东湖区", 2027)
    assert sectors(r) == [("规上工业", "总产值", 2027, ">=", 800, "亿元"),
                          ("智能装备", "营收", 2027, "=", 300, "亿元")]
    assert counts(r) == [
        ("规上工业企业数量", 2027, "=", 420, "家"),
        ("新增“小巨人”企业", 2027, ">=", 5, "家"),
        ("百亿级产业集群", 2027, "=", 2, "个"),           # 打造2个百亿级产业集群
        ("全区数字化车间", 2027, "=", 60, "个"),           # 明确到2027年全区…
        ("工业互联网标识解析二级节点", 2027, "=", 2, "个"),  # after 、
    ]
    assert p.indicators == [] and r.unread == []  # "2024年，…为612亿元" is a past figure


def test_province_pdf_reads_as_its_text_does(tmp_path):
    pdf = html_to_pdf(text_to_html(PROVINCE.read_text(encoding="utf-8")), tmp_path / "p.pdf")
    from_pdf = read_plan_document(pdf, plan_id="lanjiang_province_sentences")
    assert without_lines(from_pdf.as_dict()) == without_lines(read_plan_document(PROVINCE).as_dict())


def test_city_pdf_reads_as_its_html_does(tmp_path):
    pdf = html_to_pdf(CITY.read_text(encoding="utf-8"), tmp_path / "c.pdf")
    from_pdf = read_plan_document(pdf, plan_id="wangchuan_city_table")
    assert without_lines(from_pdf.as_dict()) == without_lines(read_plan_document(CITY).as_dict())


def test_table_cells_written_against_the_base_become_absolute_on_the_rows_base(tmp_path):
    """9.5 + 3 points = 12.5; 0.5 × (1 − 0.135) = 0.4325; 3000 × 2 = 6000; 年均增长 in a cell is reported."""
    path = tmp_path / "plan.md"
    path.write_text(
        "# 望川市工业“十五五”规划\n\n| 序号 | 指标 | 单位 | 2025年 | 2030年 | 属性 |\n"
        "|---|---|---|---|---|---|\n"
        "| 1 | 数字经济核心产业增加值占比 | % | 9.5 | 比2025年提高3个百分点 | 预期性 |\n"
        "| 2 | 单位工业增加值能耗 | 吨标准煤 | 0.5 | 下降13.5% | 约束性 |\n"
        "| 3 | 规上工业营业收入 | 亿元 | 3000 | 翻一番 | 预期性 |\n"
        "| 4 | 工业投资 | 亿元 | / | 年均增长8% | 预期性 |\n", encoding="utf-8")
    r = read_plan_document(path)
    assert [(i.number, i.base, i.target.op, i.target.value, i.target.relation.kind,
             i.target.relation.value) for i in r.plan.indicators] == [
        ("1", 9.5, "=", pytest.approx(12.5), "points", 3),
        ("2", 0.5, "=", pytest.approx(0.4325), "percent", -13.5),
        ("3", 3000, "=", 6000, "multiple", 2)]
    [growth] = r.unread
    assert (growth.kind, growth.line) == ("table_row", 8) and "年均增长8%" in growth.reason


def test_targets_inside_a_box_drawn_as_a_one_column_table_and_an_unnumbered_sector_heading(tmp_path):
    """A 专栏 box (a one-cell table) holds sentences; Word's automatic numbering leaves no "1."."""
    path = tmp_path / "box.html"
    path.write_text(
        "<h1>望川市新材料产业发展行动方案（2025—2027年）</h1>"
        "<table><tr><td><p>专栏1 重点工程</p><p>到2027年，建成新材料中试平台5个，"
        "培育新材料领域单项冠军企业3家。</p></td></tr></table>"
        "<p>先进陶瓷材料产业。依托现有基础，到2027年，力争营收达到120亿元。</p>", encoding="utf-8")
    r = read_plan_document(path)
    assert counts(r) == [("新材料中试平台", 2027, "=", 5, "个"),
                         ("新材料领域单项冠军企业", 2027, "=", 3, "家")]
    assert sectors(r) == [("先进陶瓷材料", "营收", 2027, "=", 120, "亿元")]
    assert r.unread == []


def test_table_targets_in_another_money_unit_or_in_wan_are_converted_exactly(tmp_path):
    """1.2万亿元 under 亿元 is 12000; 2.8万家 under 家 is 28000; 50万台 under 家 is reported."""
    path = tmp_path / "plan.md"
    path.write_text(
        "# 澜江省工业“十五五”规划\n\n| 指标 | 单位 | 2025年 | 2030年 |\n|---|---|---|---|\n"
        "| 规上工业营业收入 | 亿元 | 9800 | 1.2万亿元以上 |\n"
        "| 规上工业企业 | 家 | 21000 | 2.8万家 |\n"
        "| 工业机器人 | 家 | 10 | 50万台 |\n", encoding="utf-8")
    r = read_plan_document(path)
    assert [(i.name, i.target.op, i.target.value, i.target.text) for i in r.plan.indicators] == [
        ("规上工业营业收入", ">=", 12000, "1.2万亿元以上"), ("规上工业企业", "=", 28000, "2.8万家")]
    [other] = r.unread
    assert other.line == 7 and "与单位列「家」不同" in other.reason


def test_province_html_reads_as_its_text_does(tmp_path):
    path = tmp_path / "lanjiang_province_sentences.html"
    path.write_text(text_to_html(PROVINCE.read_text(encoding="utf-8")), encoding="utf-8")
    assert without_lines(read_plan_document(path).as_dict()) == without_lines(
        read_plan_document(PROVINCE).as_dict())


def test_a_table_of_sectors_reads_each_sector_as_an_indicator(tmp_path):
    """A 产业 column instead of 指标名称: the rows are read (as indicators, not guessed as 营收)."""
    path = tmp_path / "sectors.md"
    path.write_text("# 望川市重点产业发展规划（2026—2030年）\n\n专栏2 重点产业营业收入目标\n\n"
                    "| 产业 | 单位 | 2025年 | 2030年 |\n|---|---|---|---|\n"
                    "| 电子信息 | 亿元 | 1100 | ≥1500 |\n| 装备制造 | 亿元 | 800 | 1200 |\n",
                    encoding="utf-8")
    r = read_plan_document(path)
    assert [(i.name, i.unit, i.base, i.base_year, i.target.op, i.target.value, i.target.year)
            for i in r.plan.indicators] == [("电子信息", "亿元", 1100, 2025, ">=", 1500, 2030),
                                             ("装备制造", "亿元", 800, 2025, "=", 1200, 2030)]
    assert r.unread == []
