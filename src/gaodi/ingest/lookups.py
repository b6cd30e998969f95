"""Validation of columns whose values are checked against a list: codes, periods, yes/no, choices.

The distinct values of such a column are resolved once, in Python, into a small map
(value → stored value, or the reason it is wrong and how to fix it); the staging table is then
joined to the map. A file of 100 million transaction lines has perhaps 300,000 distinct credit
codes, so python-stdnum checks each code once.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from stdnum.cn import uscc as stdnum_uscc

from gaodi.ingest.names import NameIndex, resolve
from gaodi.ingest.spec import Column

TRUE = {"是", "y", "yes", "true", "1", "有", "√", "t"}
FALSE = {"否", "n", "no", "false", "0", "无", "×", "f"}

_PERIOD = re.compile(
    r"^(?P<y>\d{4})\s*(?:年)?\s*(?:(?:1\s*[-—~至]\s*)?(?P<m>\d{1,2})\s*月?|[-/.]\s*(?P<m2>\d{1,2})|"
    r"m(?P<m3>\d{1,2})|(?P<m4>\d{2}))?\s*(?:累计)?$")


@dataclass(frozen=True)
class Verdict:
    """What a value stands for: ``value`` to store, or an error/warning with reason and fix."""

    value: str | None
    severity: str | None = None  # None (fine), "error" or "warning"
    reason: str | None = None
    fix: str | None = None


def parse_period(text: str) -> Verdict:
    """``2025``/``2025年`` → ``2025`` (a year); ``2026-10``/``2026年1-10月``/``202610``/``2026M10`` → ``2026-10``.

    A monthly period is the cumulative total from January to that month (1-N月累计), as the
    statistical system reports it.
    """
    t = unicodedata.normalize("NFKC", text).strip().lower().replace(" ", "")
    m = _PERIOD.match(t)
    if not m:
        return Verdict(None, "error", f"统计期“{text}”无法识别",
                       "年度写 2025，月度累计写 2026-10（即 1-10月）")
    year = int(m.group("y"))
    month = next((m.group(g) for g in ("m", "m2", "m3", "m4") if m.group(g)), None)
    if not 1990 <= year <= 2100:
        return Verdict(None, "error", f"年份 {year} 超出范围", "年份应在 1990-2100 之间")
    if month is None:
        return Verdict(f"{year}")
    if not 1 <= int(month) <= 12:
        return Verdict(None, "error", f"月份 {month} 不存在", "月份应为 1-12")
    return Verdict(f"{year}-{int(month):02d}")


@lru_cache(maxsize=1 << 20)
def check_uscc(code: str) -> Verdict:
    """Unified social credit code (GB 32100-2015): 18 characters with a check digit (python-stdnum).

    Cached: monthly transaction files name the same suppliers again and again.
    """
    value = unicodedata.normalize("NFKC", code).strip().upper()
    if len(value) != 18:
        return Verdict(None, "error", f"统一社会信用代码应为 18 位，实际 {len(value)} 位", "核对代码是否漏位或多位")
    try:
        stdnum_uscc.validate(value)
    except Exception:
        expected = _expected_check_digit(value)
        hint = f"（按前 17 位，校验位应为 {expected}）" if expected else ""
        return Verdict(None, "error", f"统一社会信用代码校验位错误{hint}",
                       "核对代码；可在国家企业信用信息公示系统查询正确代码")
    return Verdict(value)


def _expected_check_digit(value: str) -> str | None:
    try:
        return stdnum_uscc.calc_check_digit(value[:17])
    except Exception:
        return None


def check_bool(text: str) -> Verdict:
    t = unicodedata.normalize("NFKC", text).strip().lower()
    if t in TRUE:
        return Verdict("true")
    if t in FALSE:
        return Verdict("false")
    return Verdict(None, "error", f"“{text}”不是是/否值", "填写 是 或 否（也可用 Y/N、1/0）")


_QUOTES = str.maketrans("", "", "'\"‘’“”「」『』")


def _fold(text: str) -> str:
    """A choice as compared: NFKC, trimmed, lower case, without quote marks (“小巨人” = '小巨人' = 小巨人)."""
    return unicodedata.normalize("NFKC", text).strip().lower().translate(_QUOTES)


def check_choice(column: Column) -> Callable[[str], Verdict]:
    choices = {_fold(k): v for k, v in (column.choices or {}).items()}
    shown = "、".join(dict.fromkeys(k for k in (column.choices or {}) if not k.isascii()))

    def check(text: str) -> Verdict:
        t = _fold(text)
        if t in choices:
            return Verdict(choices[t])
        return Verdict(None, "error", f"“{text}”不是可选值", f"可选：{shown}")

    return check


def _name_error(verdict) -> Verdict:
    return Verdict(None, "error", verdict.reason, verdict.fix)


def check_region(regions: dict[str, tuple[str, str, str | None]],
                 names: NameIndex | None = None) -> Callable[[str], Verdict]:
    """Regions by code: ``{code: (name, status, successor)}``; retired codes map to their successor.

    With ``names``, a region's name (开福区, 长沙市开福区) is taken for its code."""

    def check(text: str) -> Verdict:
        code = unicodedata.normalize("NFKC", text).strip()
        if code.endswith(".0"):
            code = code[:-2]
        if code not in regions and names is not None and not code.isdigit():
            found = resolve(names, code, "或写成“市名+县区名”（如 长沙市开福区）")
            if found.code is None:
                return _name_error(found)
            code = found.code
        if code not in regions:
            return Verdict(None, "error", f"区划代码 {code} 不存在", "使用 6 位 GB/T 2260 行政区划代码，如 430182")
        name, status, successor = regions[code]
        if status == "current":
            return Verdict(code)
        if successor:
            return Verdict(successor, "warning", f"{name}（{code}）已撤销，按现行代码 {successor} 导入",
                           "原代码保存在 *_reported 列，无需处理；如需更正请改用现行代码")
        return Verdict(None, "error", f"{name}（{code}）已撤销且分设为多个区划，无法自动对应",
                       "在行政区划目录中查出该地现在所属的区划，填写现行代码")

    return check


def check_industry(codes: set[str], level: int | None, names: NameIndex | None = None) -> Callable[[str], Verdict]:
    """Industry codes of GB/T 4754-2017 at ``level``; with ``names``, a class name (皮革服装制造) too."""

    def check(text: str) -> Verdict:
        code = unicodedata.normalize("NFKC", text).strip()
        if code.endswith(".0"):
            code = code[:-2]
        if code not in codes and names is not None and not code.isdigit():
            found = resolve(names, code, "小类代码见《国民经济行业分类》(GB/T 4754-2017)")
            if found.code is None:
                return _name_error(found)
            return Verdict(found.code)
        if code.isdigit() and level == 4 and len(code) == 3 and "0" + code in codes:
            return Verdict(None, "error", f"行业代码 {code} 只有 3 位（可能丢了开头的 0）",
                           f"写成 4 位小类代码，如 0{code}；在 Excel 中把该列设为文本")
        if code not in codes:
            what = "4 位小类代码" if level == 4 else "代码"
            return Verdict(None, "error", f"行业代码 {code} 不在 GB/T 4754-2017 中",
                           f"使用 GB/T 4754-2017 的{what}，或填写行业名称（如 皮革服装制造）")
        return Verdict(code)

    return check


def check_reference(values: set[str], table: str, label: str,
                    names: NameIndex | None = None) -> Callable[[str], Verdict]:
    """A value that must already be in the store (a park id); with ``names``, its name is taken too."""

    def check(text: str) -> Verdict:
        value = text.strip()
        if value not in values and names is not None:
            found = resolve(names, value, f"即{label}")
            if found.code is not None:
                return Verdict(found.code)
            if names.codes(value) or not _looks_like_code(value):
                return _name_error(found)
        if value not in values:
            return Verdict(None, "error", f"{label} {value} 在库中不存在",
                           f"先导入 {table}，或核对{label}")
        return Verdict(value)

    return check



def _looks_like_code(text: str) -> bool:
    """An id as users type them (P001, AE, 430100-36): ASCII only, so a Chinese text is taken for a name."""
    return text.isascii()
