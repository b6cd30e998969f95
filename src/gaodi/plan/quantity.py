"""Read the amounts written in plan documents: "≥6.5", "6~7", "≥[3000]", "700家以上", "全省前40位".

The grammar is small and strict: a phrase that does not fit it is refused with a reason (in Chinese
and English), never guessed. Full-width characters (６．５％, ～, ［］) read like their ASCII twins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gaodi.plan.model import Target


class QuantityError(Exception):
    """An amount that does not fit the grammar; ``zh`` and ``en`` say why."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(zh)
        self.zh = zh
        self.en = en


_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_WIDTH.update({0x3000: 0x20, 0x301C: ord("~"), 0x2267: ord("≥"), 0x2266: ord("≤"),
               0x2212: ord("-")})


def halfwidth(text: str) -> str:
    """Map full-width ASCII forms (０-９, ．, ％, ～, ［］, ，) to ASCII; keep every other character.

    Unlike NFKC this leaves circled marks such as ① alone: a footnote mark never becomes a digit.
    """
    return text.translate(_WIDTH)


def compact(text: str) -> str:
    """Return ``text`` half-width, without whitespace and without thousands separators."""
    s = re.sub(r"\s+", "", halfwidth(text))
    return re.sub(r"(?<=\d),(?=\d{3}(?!\d))", "", s)


# Longest first, so that 万亿元 wins over 亿元 and 个百分点 over 个.
UNITS = sorted([
    "个百分点", "百分点", "万亿元", "亿元", "万元", "元", "万吨标准煤", "吨标准煤", "万吨", "吨",
    "万千瓦", "千瓦", "万人", "人", "家", "个", "户", "项", "座", "条", "件", "亩", "平方米", "立方米",
    "%", "‰", "倍", "位", "名", "台", "万台", "辆", "万辆", "套", "所",
], key=len, reverse=True)
COUNT_UNITS = {"家", "个", "户", "项", "座", "条", "件", "所", "台", "套"}
_UNIT = "(?:" + "|".join(re.escape(u) for u in UNITS) + ")"
_NUM = r"-?\d+(?:\.\d+)?"
_SEP = r"(?:~|至|到|—|–|-)"
_AMOUNT = re.compile(
    rf"^(?P<lb>\[)?(?P<a>{_NUM})(?P<ua>{_UNIT})?(?:(?P<sep>{_SEP})(?P<b>{_NUM}))?(?P<rb>\])?"
    rf"(?P<unit>{_UNIT})?(?P<suffix>及以上|以上|及以下|以下|以内|左右|上下)?(?:大关)?$")
_RANK = re.compile(r"^(?P<scope>(?:全省|全国|全市|全州|全区|全球|中部地区|同类地区)[^前\d]{0,8})?"
                   r"(?:排名|排位|位次|位居|保持)?前(?P<n>\d+)(?:位|名|强)?(?:以内)?$")
_QUALITATIVE = [
    re.compile(r"^完成(?:国家|省|省级|上级|市|省政府)?.{0,4}下达.{0,4}(?:任务|目标|指标)$"),
    re.compile(r"^(?:持续|稳步|逐步|不断|进一步)(?:提升|提高|增长|下降|降低|优化|改善|扩大)$"),
]
# (prefix, op it states, approximate)
_PREFIXES = [
    ("力争", None, False), ("确保", None, False), ("争取", None, False), ("大约", None, True),
    ("约", None, True), (">=", ">=", False), ("≥", ">=", False), ("不低于", ">=", False),
    ("不少于", ">=", False), ("不小于", ">=", False), ("超过", ">=", False), ("突破", ">=", False),
    ("高于", ">=", False), ("大于", ">=", False), (">", ">=", False), ("<=", "<=", False),
    ("≤", "<=", False), ("不高于", "<=", False), ("不超过", "<=", False), ("低于", "<=", False),
    ("小于", "<=", False), ("<", "<=", False), ("控制在", "<=", False), ("保持在", None, False),
    ("达到", None, False), ("达", None, False), ("为", None, False),
]
_SUFFIX_OP = {"以上": ">=", "及以上": ">=", "以下": "<=", "及以下": "<=", "以内": "<="}

EMPTY_MARKS = {"", "/", "-", "—", "——", "--", "无", "暂无", "—/—"}


@dataclass(frozen=True)
class Amount:
    """An amount read from a phrase: a Target plus the unit the phrase itself carried (if any)."""

    target: Target
    unit: str | None


def parse_amount(text: str, year: int | None = None) -> Amount:
    """Read a target phrase such as "≥6.5", "6~7", "≥[3000]", "700家以上", "7%左右", "全省前40位".

    Returns the Target (op, value or low/high, cumulative, approximate, rank, year) and the unit
    written in the phrase. Raises QuantityError with the reason when the phrase does not fit.
    """
    written = text.strip()
    s = compact(text)
    if not s:
        raise QuantityError("目标值为空", "the target is empty")
    if any(p.match(s) for p in _QUALITATIVE):
        return Amount(Target(op="qualitative", year=year, text=written), None)
    op, approx, s = _strip_prefixes(s)
    rank = _RANK.match(s)
    if rank:
        return Amount(Target(op=op or "<=", value=float(rank["n"]), rank=True, year=year,
                             text=written), "位")
    m = _AMOUNT.match(s)
    if not m:
        raise QuantityError(f"「{written}」不是可识别的数量（应为数字，可带 ≥/≤、区间 6~7、[累计数]、"
                            "以上/以下/左右、单位）",
                            f"'{written}' is not a readable amount (number with optional >=/<=, "
                            "range 6~7, [cumulative], 以上/以下/左右, unit)")
    if bool(m["lb"]) != bool(m["rb"]):
        raise QuantityError(f"「{written}」的方括号不成对", f"unbalanced brackets in '{written}'")
    unit = m["unit"] or m["ua"]
    if m["ua"] and m["unit"] and m["ua"] != m["unit"]:
        raise QuantityError(f"「{written}」两端单位不同", f"'{written}' has two different units")
    suffix = m["suffix"]
    if suffix in ("左右", "上下"):
        approx = True
    elif suffix:
        if op and op != _SUFFIX_OP[suffix]:
            raise QuantityError(f"「{written}」的前缀与「{suffix}」方向相反",
                                f"'{written}' says both at least and at most")
        op = _SUFFIX_OP[suffix]
    cumulative = bool(m["lb"])
    if m["b"] is not None:
        if op:
            raise QuantityError(f"「{written}」既是区间又带 ≥/≤", f"'{written}' is a range with >=/<=")
        low, high = float(m["a"]), float(m["b"])
        if low > high:
            raise QuantityError(f"区间「{written}」的下限大于上限",
                                f"range '{written}' has low greater than high")
        target = Target(op="range", low=low, high=high, cumulative=cumulative, approximate=approx,
                        year=year, text=written)
    else:
        target = Target(op=op or "=", value=float(m["a"]), cumulative=cumulative,
                        approximate=approx, year=year, text=written)
    return Amount(target, unit)


def _strip_prefixes(s: str) -> tuple[str | None, bool, str]:
    op: str | None = None
    approx = False
    changed = True
    while changed:
        changed = False
        for word, word_op, word_approx in _PREFIXES:
            if s.startswith(word) and len(s) > len(word):
                if word_op and op and word_op != op:
                    raise QuantityError(f"「{s}」同时写了相反的方向", f"'{s}' states opposite bounds")
                op = word_op or op
                approx = approx or word_approx
                s = s[len(word):]
                changed = True
                break
    return op, approx, s


_MARKS = re.compile(r"(?P<marks>[*※△▲#①-⑳]+)$")


def parse_base(text: str) -> tuple[float | None, list[str]]:
    """Read a base-value cell: a number with optional trailing marks ("29.2*"), or "/" for none.

    Returns (value, marks). Raises QuantityError for anything else ("约7", "7~8", words).
    """
    s = compact(text)
    if s in EMPTY_MARKS:
        return None, []
    marks: list[str] = []
    m = _MARKS.search(s)
    if m:
        marks = [m["marks"]]
        s = s[: m.start()]
    s = re.sub(r"(%|‰)$", "", s)
    if s.startswith("[") and s.endswith("]"):
        s = s[1:-1]
        marks.append("[]")
    if not re.fullmatch(_NUM, s):
        raise QuantityError(f"基期值「{text.strip()}」不是一个数字（可带注释标记如 *，无数据写 /）",
                            f"base value '{text.strip()}' is not a number "
                            "(marks such as * allowed, '/' for none)")
    return float(s), marks


def same_unit(a: str | None, b: str | None) -> bool:
    """Tell whether two unit spellings are the same unit (half-width, spaces ignored)."""
    return compact(a or "") == compact(b or "")
