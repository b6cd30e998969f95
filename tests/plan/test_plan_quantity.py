"""The target grammar: each written form below, read by hand into (op, amount, flags, unit)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gaodi.plan.quantity import QuantityError, halfwidth, parse_amount, parse_base


@pytest.mark.parametrize("text, op, amount, flags, unit", [
    ("≥6.5", ">=", 6.5, set(), None),               # 湘政发〔2026〕6号 专栏 row 1
    ("≥[3000]", ">=", 3000, {"cumulative"}, None),   # row 8: [ ] = 累计数
    ("6~7", "range", (6, 7), set(), None),          # row 5
    ("6-7", "range", (6, 7), set(), None),
    ("6至7", "range", (6, 7), set(), None),
    ("６～７", "range", (6, 7), set(), None),        # full-width digits and tilde
    ("10%-12%", "range", (10, 12), set(), "%"),
    ("30.5", "=", 30.5, set(), None),               # row 7: a bare number is a level to reach
    ("7左右", "=", 7, {"approximate"}, None),
    ("约7%", "=", 7, {"approximate"}, "%"),
    ("700家以上", ">=", 700, set(), "家"),
    ("不低于2.5%", ">=", 2.5, set(), "%"),
    ("不少于2000家", ">=", 2000, set(), "家"),
    ("突破1.2万亿元", ">=", 1.2, set(), "万亿元"),
    ("超过60%", ">=", 60, set(), "%"),
    (">=18", ">=", 18, set(), None),
    ("＞＝１００", ">=", 100, set(), None),
    ("<=16", "<=", 16, set(), None),
    ("控制在5%以内", "<=", 5, set(), "%"),
    ("不超过0.45", "<=", 0.45, set(), None),
    ("3,400亿元", "=", 3400, set(), "亿元"),
    ("[35000]", "=", 35000, {"cumulative"}, None),
    ("［１２０］", "=", 120, {"cumulative"}, None),
    ("全省前40位", "<=", 40, {"rank"}, "位"),
    ("全国前3位", "<=", 3, {"rank"}, "位"),
    ("突破1万亿元大关", ">=", 1, set(), "万亿元"),
])
def test_written_target_reads_as_expected(text, op, amount, flags, unit):
    read = parse_amount(text, year=2030)
    t = read.target
    assert t.op == op
    assert ((t.low, t.high) if op == "range" else t.value) == (
        tuple(float(a) for a in amount) if isinstance(amount, tuple) else float(amount))
    assert {f for f in ("cumulative", "approximate", "rank") if getattr(t, f)} == flags
    assert read.unit == unit
    assert t.year == 2030 and t.text == text


@pytest.mark.parametrize("text", ["完成国家下达任务", "完成省下达任务", "完成国家\n下达任务", "持续提升"])
def test_qualitative_targets_keep_their_text(text):
    t = parse_amount(text).target
    assert t.op == "qualitative" and t.value is None and t.text == text.strip()


@pytest.mark.parametrize("text, reason", [
    ("千亿级", "不是可识别的数量"),
    ("7~6", "下限大于上限"),
    ("[3000", "方括号不成对"),
    ("≥6~7", "既是区间又带"),
    ("不超过5%以上", "方向相反"),
    ("稳中有进", "不是可识别的数量"),
    ("", "为空"),
])
def test_unreadable_target_is_refused_with_the_reason(text, reason):
    with pytest.raises(QuantityError) as err:
        parse_amount(text)
    assert reason in err.value.zh


@pytest.mark.parametrize("text, value, marks", [
    ("7.1", 7.1, []), ("29.2*", 29.2, ["*"]), ("2.9※", 2.9, ["※"]), ("/", None, []),
    ("—", None, []), ("８．２", 8.2, []), ("1009", 1009, []), ("[500]", 500, ["[]"]),
])
def test_base_values_read_with_their_marks(text, value, marks):
    assert parse_base(text) == (value, marks)


def test_base_value_that_is_not_a_number_is_refused():
    with pytest.raises(QuantityError):
        parse_base("约7")


def test_halfwidth_keeps_circled_marks_that_nfkc_would_turn_into_digits():
    assert halfwidth("２９．２①") == "29.2①"


numbers = st.decimals(min_value=0, max_value=10**6, places=2).map(lambda d: f"{d:f}")


@given(number=numbers, written=st.sampled_from([
    ("≥{}", ">="), ("{}以上", ">="), ("不低于{}", ">="), ("≤{}", "<="), ("{}以内", "<="), ("{}", "=")]),
    full_width=st.booleans())
def test_any_number_with_any_bound_word_reads_back_exactly(number, written, full_width):
    pattern, op = written
    text = pattern.format(number)
    if full_width:
        text = text.translate({c: c + 0xFEE0 for c in range(0x30, 0x3A)} | {ord("."): 0xFF0E})
    t = parse_amount(text).target
    assert (t.op, t.value) == (op, float(number))
