"""Seed 004 (湘政发〔2026〕6号, copied as documents/hunan_2026_15th.txt) read in full.

Every number below was copied by hand from the document: the 专栏 table (lines 21-189) and the
sector paragraphs of section 二 (lines 193-211), the count targets of section 三 (lines 221-235).
"""

from __future__ import annotations

import pytest
from plan_helpers import DOCUMENTS, row

from gaodi.plan import load_builtin_plan, plan_to_records, read_plan_document

BUILTIN = "hunan_15th_manufacturing_2026"

INDICATORS = [
    ("1", "全省规模以上制造业增加值年均增速", "%", 7.1, 2025, ">=", 6.5, False, 2030),
    ("2", "规模以上工业企业营业收入利润率", "%", 4.9, 2025, ">=", 5, False, 2030),
    ("3", "全省先进制造业占全部制造业比重", "%", 51.7, 2025, ">=", 54, False, 2030),
    ("4", "园区工业占全省规模以上工业企业增加值比重", "%", 77.2, 2025, ">=", 78, False, 2030),
    ("5", "国家先进制造业集群数量", "个", 5, 2025, "range", (6, 7), False, 2030),
    ("6", "国家中小企业特色产业集群数量", "个", 22, 2025, ">=", 32, False, 2030),
    ("7", "工业战略性新兴产业总产值占工业总产值比重", "%", 29.2, 2024, "=", 30.5, False, 2030),
    ("8", "新增规模以上工业企业数量", "家", 1009, 2025, ">=", 3000, True, 2030),
    ("9", "年营业收入千亿企业数量", "家", 5, 2025, "=", 8, False, 2030),
    ("10", "年营业收入百亿企业数量", "家", 55, 2025, "=", 65, False, 2030),
    ("11", "国家专精特新“小巨人”企业数量", "家", 593, 2025, ">=", 700, False, 2030),
    ("12", "国家制造业单项冠军企业（产品）数量", "个", 94, 2025, ">=", 150, False, 2030),
    ("13", "高技术制造业增加值占规模工业增加值比重", "%", 14, 2025, "=", 16.5, False, 2030),
    ("14", "规模以上工业企业研发经费支出年均增长", "%", None, 2025, ">=", 7.5, False, 2030),
    ("15", "数字经济核心产业增加值占GDP比重", "%", 7.4, 2025, "=", 9, False, 2030),
    ("16", "规模以上工业企业数字化研发设计工具普及率", "%", 85.8, 2025, ">=", 90, False, 2030),
    ("17", "卓越级以上智能工厂数量", "家", 16, 2025, ">=", 50, False, 2030),
    ("18", "规模工业单位增加值能耗降低", "%", None, 2025, "qualitative", None, False, 2030),
    ("19", "规模工业单位增加值碳排放降低", "%", None, 2025, "qualitative", None, False, 2030),
    ("20", "万元工业增加值用水量下降", "%", None, 2025, "qualitative", None, False, 2030),
    ("21", "省级以上绿色工厂产值占制造业总产值比重", "%", None, 2025, ">=", 35, False, 2030),
]
CATEGORIES = {"质量效益": ["1", "2"], "结构优化": ["3", "4", "5", "6", "7"],
              "企业培育": ["8", "9", "10", "11", "12"], "创新能力": ["13", "14"],
              "数智转型": ["15", "16", "17"], "绿色发展": ["18", "19", "20", "21"]}
SECTORS = [  # (sector, metric, 亿元 by 2030), section 二 lines 193-211
    ("石化", "营收", 3400), ("冶金", "营收", 3400), ("有色金属", "营收", 5000), ("建材", "营收", 3200),
    ("食品", "营收", 6300), ("轻工", "营收", 6000), ("纺织", "营收", 1000), ("工程机械", "营收", 1100),
    ("轨道交通装备", "营收", 660), ("新能源汽车", "营收", 4000), ("电子信息制造业", "营收", 7500),
    ("软件和信息技术服务业", "软件业务收入", 2500), ("生物医药", "营收", 1200),
    ("新材料", "营收", 7700), ("新能源电力装备", "营收", 3600), ("航空航天装备", "营收", 2200),
    ("智能衡器计量", "营收", 2000),
]
COUNTS = [  # (subject, level, op, value, unit), section 三 lines 221, 222, 235
    ("千亿企业总数", None, "=", 8, "家"),
    ("国家专精特新“小巨人”企业数量", None, ">=", 700, "家"),
    ("国家制造业单项冠军企业（产品）数量", None, ">=", 150, "个"),
    ("新增规模以上工业企业", None, ">=", 3000, "家"),
    ("智能工厂", "基础级", ">=", 2000, "家"),
    ("智能工厂", "先进级", ">=", 800, "家"),
    ("智能工厂", "卓越级以上", ">=", 50, "家"),
]


@pytest.fixture(scope="module")
def reading():
    return read_plan_document(DOCUMENTS / "hunan_2026_15th.txt", plan_id=BUILTIN)


def test_document_facts_are_read_from_the_head_of_the_notice(reading):
    plan = reading.plan
    assert (plan.name, plan.issuer, plan.doc_number, plan.jurisdiction) == (
        "湖南省推进新型工业化和制造强省建设“十五五”规划", "湖南省人民政府", "湘政发〔2026〕6号", "湖南省")
    assert (plan.issued.isoformat(), plan.base_year, plan.target_year) == ("2026-06-02", 2025, 2030)


def test_all_21_indicators_have_the_values_of_the_table(reading):
    assert [row(i) for i in reading.plan.indicators] == [
        (n, name, u, b, by, op, tuple(float(x) for x in v) if isinstance(v, tuple) else v, c, y)
        for n, name, u, b, by, op, v, c, y in INDICATORS]


def test_merged_category_cells_carry_down_to_every_row(reading):
    got: dict[str, list[str]] = {}
    for ind in reading.plan.indicators:
        got.setdefault(ind.category, []).append(ind.number)
    assert got == CATEGORIES


def test_star_marked_base_is_dated_2024_by_the_note_under_the_table(reading):
    """注：加*表示为2024年数据 — row 7 base "29.2*" is a 2024 value."""
    ind = reading.plan.indicator("7")
    assert (ind.base, ind.base_year, ind.footnote_marks) == (29.2, 2024, ["*"])
    assert "2024年数据" in ind.base_note


def test_bracketed_target_is_cumulative_and_keeps_its_text(reading):
    target = reading.plan.indicator("8").target
    assert (target.cumulative, target.text) == (True, "≥[3000]")


def test_qualitative_green_targets_keep_the_wrapped_cell_text_joined(reading):
    assert {reading.plan.indicator(n).target.text for n in ("18", "19", "20")} == {"完成国家下达任务"}


def test_all_17_sector_revenue_targets_for_2030(reading):
    got = [(s.sector, s.metric, s.value, s.unit, s.op, s.year) for s in reading.plan.sector_targets]
    assert got == [(s, m, v, "亿元", "=", 2030) for s, m, v in SECTORS]


def test_sector_whose_sentence_names_a_wider_scope_keeps_it():
    """Line 204: 新能源汽车产业 — "力争汽车产业（含新能源汽车）营收达到4000亿元"."""
    plan = read_plan_document(DOCUMENTS / "hunan_2026_15th.txt").plan
    car = next(s for s in plan.sector_targets if s.sector == "新能源汽车")
    assert car.scope == "汽车产业（含新能源汽车）" and car.line == 204


def test_count_targets_include_the_smart_factory_levels(reading):
    got = [(c.subject, c.level, c.op, c.value, c.unit) for c in reading.plan.count_targets]
    assert got == COUNTS
    assert all(c.year == 2030 for c in reading.plan.count_targets)


def test_only_the_beidou_magnitude_is_left_unread(reading):
    """Line 210: "北斗产业规模达千亿级" is a magnitude, not a number: reported, not guessed."""
    [item] = reading.unread
    assert (item.kind, item.line) == ("sentence", 210)
    assert "北斗产业规模达千亿级" in item.reason


def test_builtin_plan_equals_what_the_reader_extracts(reading):
    builtin = load_builtin_plan(BUILTIN)
    assert builtin.model_dump(exclude={"source"}) == reading.plan.model_dump(exclude={"source"})
    assert "湘政发〔2026〕6号" in builtin.source


def test_builtin_plan_gives_21_store_records():
    records = plan_to_records(load_builtin_plan(BUILTIN))
    assert len(records) == 21
    assert (records[4]["target_low"], records[4]["target_high"]) == (6, 7)
    assert records[7]["target_cumulative"] is True
