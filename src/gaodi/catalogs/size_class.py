"""Enterprise size classes (大型/中型/小型/微型) by sector, as the statistics method defines them.

Rule: 《统计上大中小微型企业划分办法（2017）》(国家统计局, 国统字〔2017〕213号, in force from its issue on
2017-12-28 until replaced), which applies the thresholds of 《中小企业划型标准规定》(工信部联企业〔2011〕300号)
to the sectors of GB/T 4754-2017. 中小企业 = 中型 + 小型 + 微型.

Sectors and lower limits (employees 从业人员 X in 人; revenue 营业收入 Y and assets 资产总额 Z in 万元):

============================ ==== ========== ========== ========== ==========================
sector                       ind. 大型 ≥      中型 ≥      小型 ≥      GB/T 4754-2017
============================ ==== ========== ========== ========== ==========================
农、林、牧、渔业              Y    20000      500        50         A (01-05)
工业                          X    1000       300        20         B, C, D (06-46)
                              Y    40000      2000       300
建筑业                        Y    80000      6000       300        E (47-50)
                              Z    80000      5000       300
批发业                        X    200        20         5          51
                              Y    40000      5000       1000
零售业                        X    300        50         10         52
                              Y    20000      500        100
交通运输业 (不含铁路运输业)    X    1000       300        20         54-58, 591 装卸搬运
                              Y    30000      3000       200
仓储业                        X    200        100        20         59 except 591
                              Y    30000      1000       100
邮政业                        X    1000       300        20         60
                              Y    30000      2000       100
住宿业                        X    300        100        10         61
                              Y    10000      2000       100
餐饮业                        X    300        100        10         62
                              Y    10000      2000       100
信息传输业                    X    2000       100        10         63, 64
                              Y    100000     1000       100
软件和信息技术服务业          X    300        100        10         65
                              Y    10000      1000       50
房地产开发经营                Y    200000     1000       100        701
                              Z    10000      5000       2000
物业管理                      X    1000       300        100        702
                              Y    5000       1000       500
租赁和商务服务业              X    300        100        10         L (71-72)
                              Z    120000     8000       100
其他未列明行业                X    300        100        10         M, N, O, 85 社会工作, R, 703, 709
============================ ==== ========== ========== ========== ==========================

Not covered by the method (no size class): 铁路运输业 53, 金融业 J, 自有房地产经营活动 704, 教育 P,
卫生 84, 公共管理 S, 国际组织 T.

Rule of the 办法 (说明 1): 大型、中型和小型企业须同时满足所列指标的下限，否则下划一档；微型企业只须满足所列
指标中的一项即可. So the class is the highest whose every lower limit is met. With a figure missing, a class
is decided only when the known figures already settle it (one known figure below the 小型 limit makes it
微型; otherwise the class is unknown, never guessed).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import ibis
import pandas as pd

__all__ = ["CLASSES", "RULE", "SECTORS", "Sector", "SizeVerdict", "is_sme", "sector_of", "size_class",
           "size_class_expr", "size_classes"]

RULE = "《统计上大中小微型企业划分办法（2017）》(国统字〔2017〕213号)"
RULE_EN = "NBS method for classifying enterprises by size (2017), Guotongzi [2017] No. 213"
CLASSES = ("大型", "中型", "小型", "微型")
SME_CLASSES = frozenset(CLASSES[1:])
INDICATORS = {"employees": "从业人员（人）", "revenue": "营业收入（万元）", "assets": "资产总额（万元）"}


@dataclass(frozen=True)
class Sector:
    """One sector of the method: its name and the lower limits of 大型, 中型 and 小型 per indicator."""

    id: str
    name: str
    limits: tuple[tuple[str, float, float, float], ...]  # (indicator, 大型, 中型, 小型)


SECTORS: dict[str, Sector] = {s.id: s for s in (
    Sector("agriculture", "农、林、牧、渔业", (("revenue", 20000, 500, 50),)),
    Sector("industry", "工业", (("employees", 1000, 300, 20), ("revenue", 40000, 2000, 300))),
    Sector("construction", "建筑业", (("revenue", 80000, 6000, 300), ("assets", 80000, 5000, 300))),
    Sector("wholesale", "批发业", (("employees", 200, 20, 5), ("revenue", 40000, 5000, 1000))),
    Sector("retail", "零售业", (("employees", 300, 50, 10), ("revenue", 20000, 500, 100))),
    Sector("transport", "交通运输业", (("employees", 1000, 300, 20), ("revenue", 30000, 3000, 200))),
    Sector("warehousing", "仓储业", (("employees", 200, 100, 20), ("revenue", 30000, 1000, 100))),
    Sector("post", "邮政业", (("employees", 1000, 300, 20), ("revenue", 30000, 2000, 100))),
    Sector("accommodation", "住宿业", (("employees", 300, 100, 10), ("revenue", 10000, 2000, 100))),
    Sector("catering", "餐饮业", (("employees", 300, 100, 10), ("revenue", 10000, 2000, 100))),
    Sector("information_transmission", "信息传输业",
           (("employees", 2000, 100, 10), ("revenue", 100000, 1000, 100))),
    Sector("software", "软件和信息技术服务业", (("employees", 300, 100, 10), ("revenue", 10000, 1000, 50))),
    Sector("real_estate_development", "房地产开发经营",
           (("revenue", 200000, 1000, 100), ("assets", 10000, 5000, 2000))),
    Sector("property_management", "物业管理", (("employees", 1000, 300, 100), ("revenue", 5000, 1000, 500))),
    Sector("leasing_business", "租赁和商务服务业", (("employees", 300, 100, 10), ("assets", 120000, 8000, 100))),
    Sector("other", "其他未列明行业", (("employees", 300, 100, 10),)),
)}

#: GB/T 4754-2017 code prefixes → sector (longest prefix wins); None = not covered by the method
_PREFIXES: dict[str, str | None] = {
    **{f"{d:02d}": "agriculture" for d in range(1, 6)},
    **{f"{d:02d}": "industry" for d in range(6, 47)},
    **{f"{d:02d}": "construction" for d in range(47, 51)},
    "51": "wholesale", "52": "retail", "53": None,
    **{f"{d:02d}": "transport" for d in range(54, 59)}, "591": "transport", "59": "warehousing",
    "60": "post", "61": "accommodation", "62": "catering",
    "63": "information_transmission", "64": "information_transmission", "65": "software",
    **{f"{d:02d}": None for d in range(66, 70)},
    "701": "real_estate_development", "702": "property_management", "703": "other", "704": None, "709": "other",
    "71": "leasing_business", "72": "leasing_business",
    **{f"{d:02d}": "other" for d in range(73, 83)}, "83": None, "84": None, "85": "other",
    **{f"{d:02d}": "other" for d in range(86, 91)},
    **{f"{d:02d}": None for d in range(91, 98)},
}


@dataclass(frozen=True)
class SizeVerdict:
    """The size class of one enterprise, or why there is none."""

    size_class: str | None
    sector: str | None
    reason: str = ""

    @property
    def sme(self) -> bool | None:
        """True for 中小企业 (中型, 小型, 微型); None when the class is unknown."""
        return None if self.size_class is None else self.size_class in SME_CLASSES


def sector_of(industry_code: str | None) -> Sector | None:
    """The sector of a GB/T 4754-2017 code (class, group or division); None if the method does not cover it."""
    code = str(industry_code or "").strip()
    for length in (4, 3, 2):
        if len(code) >= length and code[:length] in _PREFIXES:
            found = _PREFIXES[code[:length]]
            return SECTORS[found] if found else None
    return None


def _level(value: float | None, large: float, medium: float, small: float) -> int | None:
    """0 大型, 1 中型, 2 小型, 3 微型 by one indicator; None when the value is missing."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return 0 if value >= large else 1 if value >= medium else 2 if value >= small else 3


def size_class(industry_code: str | None, employees: float | None = None, revenue: float | None = None,
               assets: float | None = None) -> SizeVerdict:
    """The size class by 国统字〔2017〕213号 (revenue and assets in 万元, employees in 人)."""
    sector = sector_of(industry_code)
    if sector is None:
        return SizeVerdict(None, None, f"行业 {industry_code} 不在{RULE}的划分范围内")
    values = {"employees": employees, "revenue": revenue, "assets": assets}
    levels = [_level(values[name], *limits) for name, *limits in sector.limits]
    known = [lv for lv in levels if lv is not None]
    if len(known) == len(levels):
        return SizeVerdict(CLASSES[max(known)], sector.id)
    if known and max(known) == 3:
        return SizeVerdict("微型", sector.id)
    missing = "、".join(INDICATORS[name] for (name, *_), lv in zip(sector.limits, levels) if lv is None)
    return SizeVerdict(None, sector.id, f"{sector.name}划型需要{missing}，数据缺失")


def is_sme(industry_code: str | None, employees: float | None = None, revenue: float | None = None,
           assets: float | None = None) -> bool | None:
    """True for a 中小企业 (not 大型); None when the size class cannot be decided."""
    verdict = size_class(industry_code, employees, revenue, assets)
    if verdict.size_class is None:
        # 大型 needs every lower limit met: one known figure below the 大型 limit already rules it out
        sector = sector_of(industry_code)
        if sector is not None:
            values = {"employees": employees, "revenue": revenue, "assets": assets}
            below = [lv for (name, *limits) in sector.limits
                     if (lv := _level(values[name], *limits)) is not None and lv > 0]
            if below:
                return True
    return verdict.sme


def size_classes(codes: pd.Series, employees: pd.Series | None = None, revenue: pd.Series | None = None,
                 assets: pd.Series | None = None) -> pd.Series:
    """:func:`size_class` over aligned Series (the class or None per row)."""
    def get(series, i):
        if series is None:
            return None
        v = series.iloc[i]
        return None if v is None or pd.isna(v) else float(v)

    return pd.Series([size_class(codes.iloc[i], get(employees, i), get(revenue, i), get(assets, i)).size_class
                      for i in range(len(codes))], index=codes.index, dtype=object)


def size_class_expr(code: ibis.Value, employees: ibis.Value | None = None, revenue: ibis.Value | None = None,
                    assets: ibis.Value | None = None) -> ibis.Value:
    """The same rule as an Ibis string expression (null when undecided), for queries on the store."""
    values = {"employees": employees, "revenue": revenue, "assets": assets}

    def level(value, large, medium, small):
        if value is None:
            return ibis.null("int64")
        v = value.cast("float64")
        return ibis.cases((v.isnull(), ibis.null("int64")), (v >= large, 0), (v >= medium, 1), (v >= small, 2),
                          else_=3)

    def sector_class(sector: Sector):
        levels = [level(values[name], *limits) for name, *limits in sector.limits]
        all_known = ibis.and_(*[lv.notnull() for lv in levels])
        any_micro = ibis.or_(*[lv.fill_null(0) == 3 for lv in levels])
        worst = levels[0] if len(levels) == 1 else ibis.greatest(*levels)
        return ibis.cases((all_known, worst), (any_micro, 3), else_=ibis.null("int64"))

    code = code.cast("string").strip()
    branches = []
    for prefix in sorted(_PREFIXES, key=len, reverse=True):
        sector = _PREFIXES[prefix]
        branches.append((code.startswith(prefix),
                         sector_class(SECTORS[sector]) if sector else ibis.null("int64")))
    index = ibis.cases(*branches, else_=ibis.null("int64"))
    return ibis.cases(*[(index == i, name) for i, name in enumerate(CLASSES)], else_=ibis.null("string"))
