"""Calibration targets: the 2025 base values of the plan table (seed 004, 湘政发〔2026〕6号, 专栏).

Counts are met exactly at the medium size and scaled at the others; shares are met by raking.
"""

from __future__ import annotations

from dataclasses import dataclass

# name: (value, the indicator as written in the plan table)
COUNTS = {
    "revenue_1000yi": (5, "年营业收入千亿企业数量"),
    "revenue_100yi": (55, "年营业收入百亿企业数量"),
    "little_giant": (593, "国家专精特新“小巨人”企业数量"),
    "single_champion": (94, "国家制造业单项冠军企业（产品）数量"),
    "smart_excellent_plus": (16, "卓越级以上智能工厂数量"),
    "new_above_scale": (1009, "新增规模以上工业企业数量"),
    "national_clusters": (5, "国家先进制造业集群数量"),
    "sme_clusters": (22, "国家中小企业特色产业集群数量"),
}
SHARES = {  # percent
    "profit_margin": (4.9, "规模以上工业企业营业收入利润率"),
    "advanced_share": (51.7, "全省先进制造业占全部制造业比重"),
    "park_share": (77.2, "园区工业占全省规模以上工业企业增加值比重"),
    "sei_share_2024": (29.2, "工业战略性新兴产业总产值占工业总产值比重（2024年）"),
    "hightech_share": (14.0, "高技术制造业增加值占规模工业增加值比重"),
    "digital_tools": (85.8, "规模以上工业企业数字化研发设计工具普及率"),
    # the 2025 single-year growth, as 湖南省统计局 published it (2026-01-26: 制造业 +6.3 %); the plan's base
    # 7.1 is the 2021-2025 average (PLAN_AVERAGE_GROWTH), which the demo does not calibrate
    "mfg_va_growth": (6.3, "全省规模以上制造业增加值增速（2025年单年，可比价）"),
}
PLAN_AVERAGE_GROWTH = (7.1, "2021-2025年年均，规划基期值")
# Demo assumptions for the years before the base (not official figures): smooth paths that end at the
# plan's base values, so that trends and forecasts have a history to work on. Percent.
DEMO_PATHS = {
    "hightech_share": {2021: 12.3, 2022: 12.8, 2023: 13.2, 2024: 13.6},
    "advanced_share": {2021: 49.0, 2022: 49.8, 2023: 50.5, 2024: 51.1},
    "park_share": {2021: 74.6, 2022: 75.4, 2023: 76.0, 2024: 76.6},
    "profit_margin": {2021: 5.6, 2022: 5.2, 2023: 4.8, 2024: 4.6},
    "sei_share": {2021: 26.9, 2022: 27.7, 2023: 28.5, 2025: 29.8},
}
ABOVE_SCALE_REVENUE = 2000.0  # 万元: 规模以上工业企业 = 主营业务收入 2000 万元及以上


@dataclass(frozen=True)
class Size:
    name: str
    above_scale: int  # above-scale industrial enterprises in 2025
    below_scale: int  # smaller enterprises (candidates for 小升规 and 亩均 below-scale)
    parks: int
    suppliers_per_buyer: int  # distinct suppliers each enterprise buys from per month
    count_scale: float  # counts of the plan table are multiplied by this
    transactions_as_parquet_parts: int = 1


SIZES = {
    "small": Size("small", 2_000, 500, 30, 4, 0.1),
    "medium": Size("medium", 20_000, 5_000, 139, 8, 1.0),
    "large": Size("large", 200_000, 50_000, 139, 36, 10.0, transactions_as_parquet_parts=24),
}


def count(name: str, size: Size) -> int:
    """A count target at this size: exact at medium, scaled (at least 1) elsewhere."""
    value = COUNTS[name][0]
    return max(1, round(value * size.count_scale))
