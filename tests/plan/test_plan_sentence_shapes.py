"""Each sentence shape on its own: numerals, verbs, relations to a base, years, clause cuts.

Every expected figure is worked out by hand in the comment beside it.
"""

from __future__ import annotations

import pytest

from gaodi.plan.blocks import Paragraph
from gaodi.plan.model import Relation
from gaodi.plan.numerals import in_digits
from gaodi.plan.relations import read_relative, resolve
from gaodi.plan.sentences import read_target_sentences


@pytest.mark.parametrize("written, digits", [
    ("三千亿元", "3000亿元"),          # the magnitude 亿 stays with the money unit
    ("一点五万亿元", "1.5万亿元"),
    ("两千万元", "2000万元"),
    ("两万家", "20000家"),             # before a count unit the 万 is multiplied out
    ("突破2.8万家", "突破28000家"),     # 2.8 × 10 000, exactly (no 27999.999…)
    ("一百五十家", "150家"),
    ("形成一至两个", "形成1至2个"),     # both ends of a range in words
    ("100万台", "100万台"),            # 万台 is a unit of its own
    ("千亿级", "千亿级"),              # a magnitude alone is not an amount
    ("一核两副三带", "一核两副三带"),    # names are not amounts
    ("十五五", "十五五"),
    ("第一家", "第一家"),              # an ordinal, not a count
])
def test_amounts_in_chinese_numerals_are_written_in_digits(written, digits):
    assert in_digits(written) == digits


@pytest.mark.parametrize("clause, subject, kind, op, value, base_year", [
    ("占比比2020年提高3个百分点", "占比", "points", "=", 3, 2020),
    ("占比较2020年提高3个百分点以上", "占比", "points", ">=", 3, 2020),
    ("能耗下降13.5%", "能耗", "percent", "=", -13.5, None),
    ("能耗下降15%以上", "能耗", "percent", "<=", -15, None),    # falls by at least 15 %
    ("排放比2025年降低18%左右", "排放", "percent", "=", -18, 2025),
    ("劳动生产率提高30%", "劳动生产率", "percent", "=", 30, None),
    ("产值比2020年翻一番", "产值", "multiple", "=", 2, 2020),
    ("规模翻两番", "规模", "multiple", "=", 4, None),           # 2 × 2
    ("投资增长1倍以上", "投资", "multiple", ">=", 2, None),      # grows by 1 time = 2 × base
    ("收入达到2020年的3倍", "收入", "multiple", "=", 3, 2020),
])
def test_relative_targets_keep_their_relation(clause, subject, kind, op, value, base_year):
    read = read_relative(clause, 2030)
    r = read.target.relation
    assert (read.subject, read.target.op, read.target.year) == (subject, "relative", 2030)
    assert (r.kind, r.op, r.value, r.base_year) == (kind, op, value, base_year)


def test_a_fall_written_as_a_range_keeps_its_ends_in_order():
    r = read_relative("能耗降低2-3个百分点", 2030).target.relation
    assert (r.kind, r.op, r.low, r.high) == ("points", "range", -3, -2)


@pytest.mark.parametrize("clause", ["增加值年均增长7%以上", "增加值增长7%", "企业增加100家"])
def test_growth_rates_and_amounts_are_not_relations(clause):
    assert read_relative(clause, 2030) is None


def test_from_to_gives_an_absolute_target_with_its_base():
    read = read_relative("上云率由2025年的45%提升至70%", 2030)
    assert (read.subject, read.base, read.base_year, read.unit) == ("上云率", 45, 2025, "%")
    assert (read.target.op, read.target.value, read.target.relation) == ("=", 70, None)


@pytest.mark.parametrize("kind, op, change, base, level", [
    ("points", "=", 3, 12.5, 15.5),          # 12.5 % + 3 points
    ("percent", "<=", -15, 0.4, 0.34),       # 0.4 × (1 − 0.15), at most
    ("percent", "=", 30, 20, 26),            # 20 × 1.3
    ("multiple", "=", 2, 8000, 16000),       # 翻一番
])
def test_a_relation_becomes_absolute_on_a_known_base(kind, op, change, base, level):
    relation = Relation(kind=kind, op=op, value=change, text="")
    from gaodi.plan.model import Target

    target = resolve(Target(op="relative", relation=relation, text="x", year=2030), base)
    assert (target.op, target.value, target.relation) == (op, pytest.approx(level), relation)


def read(*lines: str, doc_year: int | None = None, base_year: int | None = None):
    paragraphs = [Paragraph(line=k + 1, text=t) for k, t in enumerate(lines)]
    return read_target_sentences(paragraphs, doc_year=doc_year, base_year=base_year)


def test_a_bare_year_is_a_target_from_the_documents_year_on_and_a_past_figure_before_it():
    text = "2025年，工业投资增长8%左右。"
    assert [i.target.value for i in read(text, doc_year=2025).indicators] == [8]   # this year's plan
    assert read(text, doc_year=2026).indicators == []                              # a review
    assert read(text, base_year=2025).indicators == []      # 十五五: 2025 is the base
    assert read(text).indicators == []                      # no year known, no 力争/确保/目标
    assert len(read("2025年，工业投资力争增长8%左右。").indicators) == 1


def test_the_year_opening_a_paragraph_governs_its_later_sentences_but_not_the_next_paragraph():
    r = read("到2027年，工业投资增长8%。上云率达到60%。", "上云率达到70%。")
    assert [(i.name, i.target.value, i.target.year) for i in r.indicators] == [
        ("工业投资增长", 8, 2027), ("上云率", 60, 2027)]


def test_a_year_in_the_middle_of_a_paragraph_governs_only_its_own_sentence():
    r = read("1.石化产业。到2030年，力争营收达到500亿元。上云率达到60%。")
    assert [(s.sector, s.value) for s in r.sector_targets] == [("石化", 500)]
    assert r.indicators == []


def test_spaces_typeset_around_numbers_do_not_hide_a_target():
    r = read("到 2030 年，占比比 2025 年提高 3 个百分点。")
    [t] = r.indicators
    assert (t.name, t.target.relation.kind, t.target.relation.value,
            t.target.relation.base_year) == ("占比", "points", 3, 2025)


@pytest.mark.parametrize("sentence, subject, op, value, unit", [
    ("到2030年，培育10家以上链主企业。", "链主企业", ">=", 10, "家"),
    ("到2030年，打造3个千亿级产业集群。", "千亿级产业集群", "=", 3, "个"),
    ("到2030年，新增5家上市企业。", "新增上市企业", "=", 5, "家"),
    ("到2030年，制定标准20项。", "制定标准", "=", 20, "项"),
    ("到2030年，建成5G基站两万个。", "5G基站", "=", 20000, "个"),  # 建成 is dropped
    ("到2030年，企业超过2万家。", "企业", ">=", 20000, "家"),
    ("到2030年，示范产线突破三百条。", "示范产线", ">=", 300, "条"),
])
def test_count_targets_before_or_after_their_noun(sentence, subject, op, value, unit):
    [c] = read(sentence).count_targets
    assert (c.subject, c.op, c.value, c.unit, c.year) == (subject, op, value, unit, 2030)


@pytest.mark.parametrize("sentence, op, value, unit", [
    ("到2030年，全市工业营收超过5000万元。", ">=", 5000, "万元"),
    ("到2030年，全市工业营收稳定在1.2万亿元以上。", ">=", 1.2, "万亿元"),
    ("到2030年，全市工业营收不低于900亿元。", ">=", 900, "亿元"),
])
def test_money_units_stay_as_written(sentence, op, value, unit):
    [s] = read(sentence).sector_targets
    assert (s.sector, s.op, s.value, s.unit) == ("工业", op, value, unit)


def test_a_magnitude_is_reported_not_guessed():
    r = read("到2030年，北斗产业规模达千亿级，软件产业迈上千亿元台阶。")
    assert r.sector_targets == [] and r.indicators == []
    assert len(r.unread) == 2 and all("千亿级" in u.reason for u in r.unread)


def test_respectively_pairs_each_subject_with_its_amount_and_the_end_of_a_five_year_period():
    r = read("到“十五五”末，数字化研发设计工具普及率、关键工序数控化率分别达到85%、68%，"
             "单位工业增加值能耗、二氧化碳排放分别下降13.5%和18%。")
    assert [(i.name, i.target.op, i.target.value, i.target.year) for i in r.indicators[:2]] == [
        ("数字化研发设计工具普及率", "=", 85, 2030), ("关键工序数控化率", "=", 68, 2030)]
    assert [(i.name, i.target.relation.kind, i.target.relation.value) for i in r.indicators[2:]] == [
        ("单位工业增加值能耗", "percent", -13.5), ("二氧化碳排放", "percent", -18)]


def test_respectively_with_too_few_amounts_is_reported():
    [u] = read("到2030年，甲、乙分别达到5%。").unread
    assert "2 项" in u.reason and "1 个数值" in u.reason


def test_a_year_ending_in_a_colon_governs_the_list_items_after_it_and_stops_at_other_text():
    r = read("到2027年，全市制造业发展实现以下目标：",
             "——规模实力显著增强。全市规上工业营业收入达到5000亿元，规上工业企业超过3000家。",
             "——创新能力明显提升。研发投入强度达到2.5%。",
             "全市规上工业企业达到4000家。")            # not a list item: no year governs it
    assert [(s.sector, s.value, s.year) for s in r.sector_targets] == [("规上工业", 5000, 2027)]
    assert [(c.subject, c.value, c.year) for c in r.count_targets] == [("规上工业企业", 3000, 2027)]
    assert [(i.name, i.target.value, i.target.year) for i in r.indicators] == [
        ("研发投入强度", 2.5, 2027)]


def test_a_heading_with_a_year_governs_its_section_until_the_next_heading():
    r = read("（一）2027年目标", "研发投入强度达到2.5%。", "（二）到2030年目标", "研发投入强度达到3%。",
             "三、重点任务", "研发投入强度达到9%。", base_year=2025)
    assert [(i.target.value, i.target.year) for i in r.indicators] == [(2.5, 2027), (3, 2030)]


def test_a_past_figure_in_the_text_makes_a_later_relative_target_absolute():
    """2025 figures: 1.6万亿元 doubled is 3.2万亿元; 9.5 % + 3 points is 12.5 %; 研发强度 has no base."""
    from gaodi.plan.document import extract_plan

    r = extract_plan([
        Paragraph(1, "某省制造业“十五五”规划"),
        Paragraph(2, "2025年，全省规模以上工业营业收入达到1.6万亿元，数字经济核心产业增加值占比为9.5%。"),
        Paragraph(3, "到2030年，规上工业营业收入比2025年翻一番，数字经济核心产业增加值占比提高3个百分点，"
                     "研发强度提高1个百分点。")], "p")
    assert [(i.name, i.unit, i.base, i.base_year, i.target.op, i.target.value, i.target.relation.kind)
            for i in r.plan.indicators] == [
        ("规上工业营业收入", "万亿元", 1.6, 2025, "=", 3.2, "multiple"),
        ("数字经济核心产业增加值占比", "%", 9.5, 2025, "=", 12.5, "points"),
        ("研发强度", "%", None, None, "relative", None, "points")]
    assert r.plan.sector_targets == [] and r.unread == []   # the 2025 figures are not targets


def test_elliptic_share_rank_in_words_and_doubling_in_one_word():
    r = read("到2027年，全省数字经济规模超过5万亿元，占GDP比重达到55%，制造业综合实力进入全国前十，"
             "高新技术企业数量实现倍增。")
    assert [(s.sector, s.metric, s.op, s.value, s.unit) for s in r.sector_targets] == [
        ("数字经济", "规模", ">=", 5, "万亿元")]
    share, rank, doubled = r.indicators
    assert (share.name, share.target.value) == ("全省数字经济规模占GDP比重", 55)   # 占… completes
    assert (rank.name, rank.target.op, rank.target.value, rank.target.rank) == (
        "制造业综合实力", "<=", 10, True)                                       # 前十 = top 10
    assert (doubled.name, doubled.target.relation.kind, doubled.target.relation.value) == (
        "高新技术企业数量", "multiple", 2)                                       # 倍增 = ×2


@pytest.mark.parametrize("written, digits", [
    ("超千亿元", "超1000亿元"), ("达到万亿元", "达到1万亿元"), ("2万亿元", "2万亿元"),
    ("1.5万亿元", "1.5万亿元"), ("数千亿元", "数千亿元"), ("近百亿元", "近百亿元"),
    ("迈上千亿元台阶", "迈上千亿元台阶")])
def test_a_lone_magnitude_before_money_is_one_of_it_but_vague_ones_stay(written, digits):
    assert in_digits(written) == digits


def test_vague_amounts_and_steps_are_reported():
    r = read("到2030年，电子信息产业营收超千亿元，软件产业营收迈上千亿元台阶，食品产业营收达数千亿元。")
    assert [(s.sector, s.op, s.value, s.unit) for s in r.sector_targets] == [
        ("电子信息", ">=", 1000, "亿元")]
    assert [u.reason.split("」")[0] for u in r.unread] == [
        "「软件产业营收迈上千亿元台阶", "「食品产业营收达数千亿元"]


def test_the_documents_own_year_is_a_goal_only_when_the_sentence_says_so():
    assert read("2025年，工业投资增长8.2%。", doc_year=2025).indicators == []   # a figure reported
    assert len(read("2025年，工业投资预期增长8%。", doc_year=2025).indicators) == 1


def test_an_increase_in_the_indicators_own_unit_takes_the_subject_before_it_and_a_past_base():
    """1.5万家 in 2020 + 5000家 = 20000家: the same level the first clause states."""
    from gaodi.plan.document import extract_plan

    r = extract_plan([Paragraph(1, "某省工业“十五五”规划"), Paragraph(2, "2020年，全省规上工业企业1.5万家。"),
                      Paragraph(3, "到2030年，全省规上工业企业达到2万家，比2020年增加5000家。")], "p")
    [change] = r.plan.indicators
    assert (change.name, change.unit, change.base, change.base_year) == ("全省规上工业企业", "家", 15000, 2020)
    assert (change.target.op, change.target.value, change.target.relation.kind,
            change.target.relation.value) == ("=", 20000, "amount", 5000)
    assert [(c.subject, c.value) for c in r.plan.count_targets] == [("全省规上工业企业", 20000)]


def test_a_year_before_the_documents_after_到_or_截至_states_a_fact_not_a_target():
    r = read("截至2025年底，全省规上工业企业达到2.1万家。到2030年，全省规上工业企业达到2.8万家。",
             doc_year=2026)
    assert [(c.value, c.year) for c in r.count_targets] == [(28000, 2030)]
    assert [(f.name, f.year, f.value) for f in r.facts] == [("全省规上工业企业", 2025, 21000)]


def test_a_growth_clause_without_a_subject_is_about_the_subject_before_it():
    r = read("到2027年，规上工业营业收入突破4000亿元，年均增长10%以上；规上工业企业达到1500家。")
    [growth] = r.indicators
    assert (growth.name, growth.target.op, growth.target.value) == ("规上工业营业收入年均增长", ">=", 10)


def test_a_five_year_period_governs_as_its_last_year_and_a_past_period_states_facts():
    r = read("“十五五”期间，累计新增规上工业企业3000家以上。", "“十四五”期间，全省规上工业增加值年均增长7.8%。",
             doc_year=2026)
    assert [(c.subject, c.op, c.value, c.year) for c in r.count_targets] == [
        ("累计新增规上工业企业", ">=", 3000, 2030)]
    assert r.indicators == []


def test_targets_for_each_year_of_a_span_are_reported_not_guessed():
    r = read("2025—2027年，每年新增规上工业企业100家以上，持续优化营商环境。", "到2030年，新增规上工业企业300家。",
             doc_year=2025)
    assert [(c.value, c.year) for c in r.count_targets] == [(300, 2030)]
    [span] = r.unread
    assert span.line == 1 and "2025—2027年" in span.reason and "每年新增" in span.reason


def test_a_verb_that_only_introduces_the_subject_is_not_part_of_it():
    r = read("到2027年，实现规上工业营业收入5000亿元，推动规上工业企业研发机构覆盖率达到50%。")
    assert [(s.sector, s.metric, s.value) for s in r.sector_targets] == [("规上工业", "营业收入", 5000)]
    assert [i.name for i in r.indicators] == ["规上工业企业研发机构覆盖率"]
